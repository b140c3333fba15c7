"""Tie-outs: one quantity printed in several places must be printed the same.

Facts are grouped by concept, period, scope (unit, segment or company), metal and unit
of measure; every later printing in a group is compared with the first. Two printings at
the same precision must be the same number; at different precisions (ounces against
thousands of ounces) the finer must round to the coarser.

Where one label names two quantities, the tie is not made:
- a pro forma statement's figures are of another basis than the reported statements';
- a label a table prints with several values for one period names several quantities;
- the cash-flow statement's "Depreciation, depletion and amortization" also holds the
  depreciation that the Statement of Operations shows among other operating expenses,
  so it is not the cost-of-sales DD&A of the Statement of Operations and the
  reconciliation.
- the cash-flow statement's adjustments reverse the sign of gains and hold changes in
  balances, not the balances: of the cash-flow statement only its own totals (net
  income, the three activities, the change in cash, beginning and ending cash) tie.
- a segment whose costs per ounce come from one operating unit (gold: La Camorra) ties
  that unit's per-ounce figures to the segment's.
- silver ounces in the reconciliation's denominators tie to the silver produced; the gold
  denominators do not, because the reconciliation counts only the gold of the company's
  own mines (its footnote: third-party gold is a by-product credit).
"""

from __future__ import annotations

from collections import defaultdict

from assay.model import Fact
from assay.model.findings import Finding, Text

from .check import same_finding
from .index import CASH_FLOWS, PER_OUNCE, PRODUCTION, FactIndex, _title_has, scope

#: concept -> tables whose printing of the concept is a different quantity.
NOT_THE_SAME = {"dda": (CASH_FLOWS,)}
CASH_FLOW_TIES = frozenset({"net_income", "operating_cash_flow", "investing_cash_flow",
                            "financing_cash_flow", "net_change_in_cash", "cash_beginning",
                            "cash_ending"})
CONCEPT_ALIASES = {"ounces_produced": "metal_produced"}
#: concepts whose tie key is not (concept, period, scope, metal, unit) as they stand
_SPECIAL = PER_OUNCE | {"ounces_produced", "metal_produced"} | set(CONCEPT_ALIASES)


def _single_unit_segments(idx: FactIndex) -> dict[str, str]:
    """Operating unit -> metal, for metals whose cost per ounce only one unit reports."""
    units: dict[str, set[str]] = defaultdict(set)
    for t in idx.titled(PRODUCTION):  # (the order does not matter: sets of units)
        for f in idx.by_table[t]:
            if f.concept in PER_OUNCE and f.entity.unit and f.metal:
                units[f.metal].add(f.entity.unit)
    return {next(iter(u)): metal for metal, u in units.items() if len(u) == 1}


def tie_key(f: Fact, unit_alias: dict[str, str], period_key: str | None = None,
            where: str | None | object = ...) -> tuple[object, ...] | None:
    """The quantity a fact prints (None: it ties to nothing). ``period_key`` and ``where``
    (the fact's scope) may be passed when already known. (:func:`tieouts` works out the
    same keys with the table tests made once per document; a test holds them equal.)"""
    concept = f.concept
    if not concept or f.period is None:
        return None
    table = f.table
    if table is not None:
        if concept in NOT_THE_SAME and any(_title_has(table, t) for t in NOT_THE_SAME[concept]):
            return None
        if concept not in CASH_FLOW_TIES and _title_has(table, CASH_FLOWS):
            return None
    if where is ...:
        where = scope(f)
    if concept in PER_OUNCE and where in unit_alias:
        where = unit_alias[where]  # type: ignore[index]
    metal = f.metal
    if concept == "ounces_produced":
        if metal != "silver":
            return None
        where = None if where == "silver" else where
    concept = CONCEPT_ALIASES.get(concept, concept)
    if concept == "metal_produced" and where == "silver":
        where = None
    return (concept, period_key or f.period.key, where, metal, f.unit)


def tieouts(idx: FactIndex) -> list[Finding]:
    """Every later printing of a quantity compared with its first.

    Most quantities are printed once: each key keeps its first fact, and only a key
    printed again gets a list (of the later printings), in the order of first printings,
    as grouping every fact in a list of its own would give them."""
    alias = _single_unit_segments(idx)
    firsts: dict[tuple[object, ...], Fact] = {}
    later: dict[tuple[object, ...], list[Fact]] = {}
    pk, sc = idx.period_key, idx.scope
    # tie_key's table tests, as the names of the tables where a concept ties to nothing
    cash = idx.titled(CASH_FLOWS)
    other = {c: frozenset().union(*(idx.titled(t) for t in titles))
             for c, titles in NOT_THE_SAME.items()}
    excluded: dict[str, frozenset[str]] = {}
    # a pro forma statement's figures are other quantities than the reported ones
    other_basis = frozenset(t.title for t in idx.doc.tables if t.role == "pro_forma")
    # a label a table prints with several values for one period names several
    # quantities ("General and administrative" under each of its items): none of them ties
    values_of: defaultdict[tuple[object, ...], set[object]] = defaultdict(set)
    for f in idx.doc.facts:
        if f.concept and f.period is not None:
            values_of[(f.table, f.concept, f.period, f.dims, sc[f.id], f.metal)].add(f.value)
    for f in idx.doc.facts:
        concept = f.concept
        if not concept or f.period is None or f.nil:
            continue  # (a dash is nothing printed in that column, not a zero to compare)
        ex = excluded.get(concept)
        if ex is None:
            ex = excluded[concept] = other.get(concept, frozenset()).union(
                () if concept in CASH_FLOW_TIES else cash)
        if f.table in ex or f.table in other_basis:  # (None, for no table, is no table's)
            continue
        if len(values_of[(f.table, concept, f.period, f.dims, sc[f.id], f.metal)]) > 1:
            continue
        where = sc[f.id]
        if concept not in _SPECIAL:
            key = (concept, pk[f.id] or f.period.key, where, f.metal, f.unit, f.dims)
        else:
            if where in alias and concept in PER_OUNCE:
                where = alias[where]  # type: ignore[index]
            metal = f.metal
            if concept == "ounces_produced":
                if metal != "silver":
                    continue
                where = None if where == "silver" else where
            concept = CONCEPT_ALIASES.get(concept, concept)
            if concept == "metal_produced" and where == "silver":
                where = None
            key = (concept, pk[f.id] or f.period.key, where, metal, f.unit, f.dims)
        if key not in firsts:
            firsts[key] = f
        else:
            more = later.get(key)
            if more is None:
                later[key] = [f]
            else:
                more.append(f)
    out = []
    for key, first in firsts.items():
        more = later.get(key)
        if more is None:
            continue
        for other_fact in more:
            if other_fact.source and first.source and other_fact.source == first.source:
                continue
            out.append(same_finding(f"tie.{key[0]}", _what(first, key), first, other_fact))
    return out


def _what(first: Fact, key: tuple[object, ...]) -> Text:
    return (_words, first, key)


def _words(first: Fact, key: tuple[object, ...]) -> str:
    concept, period, where, metal, _, dims = key
    member = ", ".join(v for _, v in dims)  # type: ignore[attr-defined]
    who = " ".join(str(x) for x in (where, metal, member) if x)
    return f"{first.label or concept} ({period}{', ' + who if who else ''})"
