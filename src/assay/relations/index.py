"""Fast look-ups over a document's facts: by concept, table, period and scope.

The scope of a fact is the operating unit if it names one, else its segment, else the
company (``None``). Per-ounce and production figures printed under a metal heading
without a segment ("Average cost per ounce of silver produced") belong to that metal's
segment.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator

from assay.model import Document, Fact, Row, Table

OPERATIONS = "Statements of Operations"
BALANCE = "Balance Sheet"
CASH_FLOWS = "Cash Flows"
HIGHLIGHTS = "Highlights"
PRODUCTION = "Production Data"
RECONCILIATION = "Reconciliation"
INTERCEPTS = "Intercepts"

PER_OUNCE = frozenset({"cash_operating_cost_per_oz", "total_cash_cost_per_oz",
                       "total_production_cost_per_oz"})


_TITLED: dict[tuple[str, str], bool] = {}


def _title_has(table: str, title: str) -> bool:
    key = (table, title)
    hit = _TITLED.get(key)
    if hit is None:
        if len(_TITLED) > 4096:  # many documents in one process: start afresh
            _TITLED.clear()
        hit = _TITLED[key] = title.lower() in table.lower()
    return hit


_INSTANCE = re.compile(r"^(t\d+)r\d+c\d+$")


def table_instance(fact: Fact) -> str | None:
    """The one table a fact is printed in (``t12`` of its id ``t12r5c2``), where tables of
    one title are several; its table's name where its id does not say."""
    m = _INSTANCE.match(fact.id)
    return m[1] if m else fact.table


def in_table(fact: Fact, title: str) -> bool:
    return fact.table is not None and _title_has(fact.table, title)


def scope(fact: Fact) -> str | None:
    e = fact.entity
    if e.unit:
        return e.unit
    if e.segment:
        return e.segment
    if fact.metal and (fact.concept in PER_OUNCE or fact.unit in ("USD/oz",)):
        return fact.metal
    return None


class FactIndex:
    """Facts of one document, indexed once: by id and concept, each fact's period key and
    scope, and the answers to look-ups already made."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_id: dict[str, Fact] = {}
        self.by_concept: dict[str, list[Fact]] = defaultdict(list)
        self.period_key: dict[str, str | None] = {}
        self.scope: dict[str, str | None] = {}
        self._found: dict[tuple[object, ...], list[Fact]] = {}
        self._titled: dict[str, frozenset[str]] = {}
        #: what the checks work out once per document (reconciliation sections, grade
        #: pairs, the evident conversion factor), by name
        self.memo: dict[object, object] = {}
        #: facts by table name, in document order
        self.by_table: dict[str | None, list[Fact]] = defaultdict(list)
        #: facts by the one table they are printed in (:func:`table_instance`)
        self.by_instance: dict[str | None, list[Fact]] = defaultdict(list)
        #: ``period.months`` by fact id
        self.period_months: dict[str, int | None] = {}
        #: facts of a concept by period key, made when first asked (see :meth:`find`)
        self._by_period: dict[str, dict[str | None, list[Fact]]] = {}
        #: the operating units the facts name
        self.units: set[str] = set()
        keys: dict[object, tuple[str, int | None]] = {}  # by period (facts share a few)
        by_table, by_id, by_concept = self.by_table, self.by_id, self.by_concept
        period_key, scopes, months = self.period_key, self.scope, self.period_months
        units = self.units
        by_instance = self.by_instance
        for f in doc.facts:
            by_table[f.table].append(f)
            by_instance[table_instance(f)].append(f)
            fid, p = f.id, f.period
            by_id[fid] = f
            if p is None:
                period_key[fid] = None
            else:
                got = keys.get(p)
                if got is None:
                    got = keys[p] = (p.key, p.months)
                period_key[fid], months[fid] = got
            # scope(f), written out
            e = f.entity
            if e.unit:
                scopes[fid] = e.unit
                units.add(e.unit)
            elif e.segment:
                scopes[fid] = e.segment
            elif f.metal and (f.concept in PER_OUNCE or f.unit == "USD/oz"):
                scopes[fid] = f.metal
            else:
                scopes[fid] = None
            if f.concept:
                by_concept[f.concept].append(f)
        #: the tables the facts are in
        self.table_names = frozenset(t for t in self.by_table if t is not None)

    def get(self, fact_id: str | None) -> Fact | None:
        return None if fact_id is None else self.by_id.get(fact_id)

    def row_facts(self, row: Row) -> list[Fact | None]:
        return [self.get(i) for i in row.fact_ids]

    def find(self, concept: str, table: str | None = None, period: str | None = None,
             where: str | None | object = ..., metal: str | None | object = ...,
             unit: str | None = None) -> list[Fact]:
        """Facts of ``concept``, optionally in ``table``, for ``period`` and scope ``where``.

        The list is the index's own (a look-up is answered once): do not change it."""
        key = (concept, table, period, where, metal, unit)
        out = self._found.get(key)
        if out is not None:
            return out
        out = []
        pk, sc = self.period_key, self.scope
        names = self.titled(table) if table is not None else None
        facts = self.by_concept.get(concept, ())
        if period is not None:  # the concept's facts of that period, in order
            by_period = self._by_period.get(concept)
            if by_period is None:
                by_period = self._by_period[concept] = defaultdict(list)
                for f in facts:
                    by_period[pk[f.id]].append(f)
            facts = by_period.get(period, ())
        for f in facts:
            if names is not None and f.table not in names:
                continue
            if where is not ... and sc[f.id] != where:
                continue
            if metal is not ... and f.metal != metal:
                continue
            if unit is not None and f.unit != unit:
                continue
            out.append(f)
        self._found[key] = out
        return out

    def nearest(self, line: int | None, concept: str, table: str | None = None,
                period: str | None = None, where: str | None | object = ...,
                metal: str | None | object = ..., unit: str | None = None) -> list[Fact]:
        """:meth:`find`'s facts, of the one table they are printed in that holds ``line``
        or, failing that, stands nearest it (by its first and last figures): a document
        that prints a table twice (two releases in one file, a table restated) relates
        each printing to its own. None of them when they stand in several tables and
        ``line`` is None (which printing is meant cannot be told). (The list is the
        index's own: keep it.)"""
        key = ("nearest", concept, table, period, where, metal, unit)
        found = self.memo.get(key)
        if found is None:
            by: dict[str | None, list[Fact]] = {}
            for f in self.find(concept, table, period, where, metal, unit):
                by.setdefault(table_instance(f), []).append(f)
            spans = []
            for group in by.values():
                lines = [f.source.line for f in group if f.source]
                spans.append((min(lines, default=0), max(lines, default=0), group))
            spans.sort(key=lambda s: s[0])
            found = self.memo[key] = ([s[0] for s in spans], spans)
        starts, spans = found  # type: ignore[misc]
        if len(spans) <= 1:
            return spans[0][2] if spans else []
        if line is None:
            return []
        at = bisect_left(starts, line + 1)  # the printings starting at or before the line
        near = [spans[k] for k in (at - 1, at) if 0 <= k < len(spans)]
        return min(near, key=lambda s: max(s[0] - line, line - s[1], 0))[2]

    def titled(self, title: str) -> frozenset[str]:
        """Names of the tables whose title holds ``title`` (``f.table in idx.titled(t)`` is
        ``in_table(f, t)``)."""
        names = self._titled.get(title)
        if names is None:
            names = self._titled[title] = frozenset(t for t in self.table_names
                                                    if _title_has(t, title))
        return names

    def one(self, concept: str, table: str | None = None, period: str | None = None,
            where: str | None | object = ..., metal: str | None | object = ...,
            unit: str | None = None) -> Fact | None:
        found = self._found.get((concept, table, period, where, metal, unit))  # find's memo
        if found is None:
            found = self.find(concept, table, period, where, metal, unit)
        return found[0] if found else None

    def tables(self, title: str) -> Iterator[Table]:
        for t in self.doc.tables:
            if title.lower() in t.title.lower():
                yield t

    def periods(self, concept: str, table: str | None = None) -> list[str]:
        keys = {f.period.key for f in self.find(concept, table=table) if f.period}
        return sorted(keys)
