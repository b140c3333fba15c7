"""Every metric of a company folder as facts, each with its provenance, on demand.

The numbers are the metrics engine's (:func:`assay.standards.bulk.derive_bulk`); a
:class:`Derived` makes the :class:`Fact` of one (entity, period, metric) when it is asked
for. Inputs are the folder's cells, located in their file, row and column; every other
figure is a fact whose ``Derivation`` names the relation and the operand facts. Units,
years to date, segments and the company are nodes; a group's additive figures are sums
over its members and its ratios are recomputed from those sums (Σ cost / Σ ounces, never
an average).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from decimal import Decimal

from assay.errors import InputError
from assay.model import Derivation, Entity, Fact, Location, Period
from assay.operating import OperatingData, parse_period
from assay.operating.schema import price_unit

from .bulk import BulkResult, derive_bulk
from .node_table import COMPANY, CORP, HOWS
from .nodes import Node
from .relations import Relation, aggregate_relations, relations_for

#: The relation a group's figure is added up by, by how the group is made (its members'
#: figures summed: a year to date of quarters, a segment of units, the company).
AGGREGATION = {"ytd": "aggregate.year_to_date", "segment": "aggregate.segment",
               "company": "aggregate.company"}
_PRICE = "price_"
_CHANGE = "change_"


def derive(data: OperatingData, periods: Collection[str] | None = None) -> Derived:
    """All metrics of ``data``; with ``periods`` (keys such as 2007Q2), only those of the
    nodes of those periods and of the nodes they are built from (a year to date's
    quarters, a group's members)."""
    return Derived(data, derive_bulk(data, periods))


class Derived:
    """The engine's values of a company folder as facts, by (entity, period, metric)."""

    def __init__(self, data: OperatingData, bulk: BulkResult) -> None:
        self.data, self.bulk = data, bulk
        self._facts: dict[str, Fact] = {}  # the facts made so far, by id
        self._cells: dict[str, tuple[str | None, str, str]] = {}  # input ids named so far
        self._nodes: list[Node] | None = None
        self._node_of: dict[int, Node] = {}
        self._rels: dict[tuple, dict[str, Relation]] = {}
        self._pkeys = [p.key for p in bulk.table.periods]
        self._by_name = {(n.lower(), k): (n, k) for n in bulk.table.names for k in self._pkeys}
        self._all_relations: dict[str, Relation] | None = None

    # --- lookups ------------------------------------------------------------------------

    @property
    def relations(self) -> dict[str, Relation]:
        """Every relation applied, by id (made when first asked for)."""
        if self._all_relations is None:
            self._all_relations = self._relations()
        return self._all_relations

    @property
    def nodes(self) -> list[Node]:
        """The nodes computed, members before the groups they form."""
        if self._nodes is None:
            t, needed = self.bulk.table, self.bulk.needed
            self._nodes = [self._node(i) for i in range(len(t))
                           if needed is None or needed[i]]
        return self._nodes

    def node(self, name: str, period: str) -> Node | None:
        """The node of ``name`` (any case) in ``period``, if it was computed."""
        key = self._by_name.get((name.lower(), period))
        i = None if key is None else self._at(*key)
        return None if i is None else self._node(i)

    def value(self, name: str, period: str, metric: str) -> Decimal | None:
        fact = self.get(name, period, metric)
        return None if fact is None else fact.value

    def get(self, name: str, period: str, metric: str) -> Fact | None:
        i = self._at(name, period)
        if i is None or not self._has(i, metric):
            return None
        fid = self._fid(i, metric)
        fact = self._facts.get(fid)
        if fact is None:
            fact = self._facts[fid] = self._make(i, metric)
        return fact

    def fact(self, fid: str) -> Fact:
        """The fact with id ``fid``: an input cell, a price or a derived figure."""
        got = self._facts.get(fid)
        if got is not None:
            return got
        got = self._cell(fid)
        if got is not None:
            return got
        if fid.startswith("price|"):
            _, key, metal = fid.split("|")
            return self._price(key, metal)
        name, period, metric = fid.rsplit("|", 2) if fid.count("|") >= 2 else (fid, "", "")
        fact = self.get(name, period, metric)
        if fact is None:
            raise KeyError(fid)
        return fact

    def relation_of(self, fact: Fact) -> Relation | None:
        """The relation that made ``fact`` at its own node (one id may name different
        operands for units of different primary metals); None for sums of members,
        inputs and changes."""
        d = fact.derivation
        if d is None or fact.id.count("|") < 2:
            return None
        name, key, metric = fact.id.rsplit("|", 2)
        i = self._at(name, key)
        rel = None if i is None else self._relations_of(i).get(metric)
        if rel is not None and rel.id == d.relation:
            return rel
        return next((r for r in aggregate_relations() if r.id == d.relation), None)

    def metrics(self) -> set[str]:
        """Every metric computed for some node."""
        return {m for m, col in self.bulk.store.items()
                if not m.startswith(_PRICE) and col.ok.any()}

    def metrics_of(self, name: str, period: str) -> list[str]:
        """The metrics computed for ``name`` in ``period``, sorted."""
        i = self._at(name, period)
        return [] if i is None else sorted(m for m in self.bulk.store if self._has(i, m))

    # --- the node table -----------------------------------------------------------------

    def _at(self, name: str, period: str) -> int | None:
        i = self.bulk.index(name, period)
        if i is None or (self.bulk.needed is not None and not self.bulk.needed[i]):
            return None
        return i

    def _key(self, i: int) -> tuple[str, str]:
        t = self.bulk.table
        return t.names[t.name[i]], self._pkeys[t.period[i]]

    def _has(self, i: int, metric: str) -> bool:
        col = self.bulk.store.get(metric)
        return col is not None and not metric.startswith(_PRICE) and bool(col.ok[i])

    def _node(self, i: int) -> Node:
        node = self._node_of.get(i)
        if node is None:
            node = self._node_of[i] = self.bulk.table.node(i)
        return node

    def _relations_of(self, i: int) -> dict[str, Relation]:
        """The relations of node ``i``'s kind (primary metal, basis, company-wide), by output."""
        t = self.bulk.table
        key = (t.primary(i), t.bases[t.basis[i]], int(t.kind[i]) in (CORP, COMPANY))
        got = self._rels.get(key)
        if got is None:
            got = self._rels[key] = {r.output: r for r in relations_for(self._node(i),
                                                                        self.data)}
        return got

    def _relations(self) -> dict[str, Relation]:
        """Every relation applied, by id: each node kind's, and the weighting of an
        intensive input (a head grade) where a group has one."""
        t, needed = self.bulk.table, self.bulk.needed
        out: dict[str, Relation] = {}
        seen: set[tuple] = set()
        for i in range(len(t)):
            if needed is not None and not needed[i]:
                continue
            key = (t.primary(i), t.basis[i], int(t.kind[i]) in (CORP, COMPANY))
            if key not in seen:
                seen.add(key)
                out.update((r.id, r) for r in self._relations_of(i).values())
        groups = t.how != 0 if needed is None else (t.how != 0) & needed
        if groups.any():
            intensive = {k for k, item in self.data.items.items() if not item.additive}
            out.update((r.id, r) for r in aggregate_relations() if r.output in intensive)
        return out

    # --- facts --------------------------------------------------------------------------

    def _cell(self, fid: str) -> Fact | None:
        """The folder's cell with input id ``fid`` (as :meth:`_fid` named it), made a fact
        once."""
        got = self._facts.get(fid)
        if got is None and fid in self._cells:
            got = self._facts[fid] = self.data.input_fact(*self._cells[fid])
        return got

    def _fid(self, i: int, metric: str) -> str:
        """The id of the fact at node ``i``: the folder's cell where the node takes it as
        given, else ``entity|period|metric``."""
        t = self.bulk.table
        name, key = self._key(i)
        if not t.how[i] and metric in self.data.items:
            unit = self.data.company.units[t.unit[i]] if t.unit[i] >= 0 else None
            uname = unit.name if unit else None
            if self.data.given(uname, key, metric) and not self._scaled(i, metric):
                return self._input_id(uname, key, metric)
        return f"{name}|{key}|{metric}"

    def _input_id(self, unit: str | None, key: str, item: str) -> str:
        """The id of a given cell of the folder, noted so that :meth:`fact` finds it."""
        fid = self.data.input_fact_id(unit, key, item)
        self._cells[fid] = (unit, key, item)
        return fid

    def _scaled(self, i: int, item: str) -> bool:
        """Whether node ``i`` takes its share of ``item`` (an additive figure given at 100%)."""
        t = self.bulk.table
        unit = self.data.company.units[t.unit[i]] if t.unit[i] >= 0 else None
        return (unit is not None and self.data.items[item].additive
                and unit.data_at == "100%" and unit.share != 1)

    def _operand_id(self, i: int, metric: str) -> str | None:
        """The id of an operand of a relation at node ``i``; None where it has no value."""
        if metric.startswith(_PRICE):
            key = self._key(i)[1]
            deck = self.data.company.prices.get(key)
            metal = metric[len(_PRICE):]
            return f"price|{key}|{metal}" if deck and metal in deck.prices else None
        return self._fid(i, metric) if self._has(i, metric) else None

    def _make(self, i: int, metric: str) -> Fact:
        cell = self._cell(self._fid(i, metric))
        if cell is not None:  # a cell of the folder, taken as it is given
            return cell
        t, node = self.bulk.table, self._node(i)
        value = self.bulk.store[metric].value(i)
        assert value is not None
        if metric.startswith(_CHANGE):
            return self._change(i, node, metric, value)
        how = int(t.how[i])
        spec = self.data.items.get(metric)
        if not how and spec is not None:  # an input the node does not take as given
            uname = node.unit.name if node.unit else None
            if not self.data.given(uname, node.pkey, metric):
                d = Derivation("input.not_given", (), "blank or absent: taken as zero")
            else:
                d = Derivation("consolidation.attributable",
                               (self._input_id(uname, node.pkey, metric),),
                               f"x {node.unit.share} attributable share")  # type: ignore[union-attr]
            return _fact(node, metric, value, spec.unit, spec.label, d)
        rel = self._relations_of(i).get(metric)
        if how and metric in self.bulk.additive:
            ids = tuple(fid for m in t.members(i).tolist()
                        if (fid := self._operand_id(int(m), metric)) is not None)
            unit, label = (spec.unit, spec.label) if spec else (rel.unit, rel.label)  # type: ignore[union-attr]
            return _fact(node, metric, value, unit, label,
                         Derivation(AGGREGATION[HOWS[how]], ids, node.note))
        if rel is None:  # a group's intensive input, weighted by what carries it
            rel = next(r for r in aggregate_relations() if r.output == metric)
        ids = tuple(fid for o in rel.operands if (fid := self._operand_id(i, o)) is not None)
        extra = {}
        if metric == "equivalent_oz" or metric.startswith("value_"):
            deck = self.data.company.prices.get(node.pkey)
            if deck is not None:
                extra["price_deck"] = _deck_text(deck.prices, deck.basis)
        return _fact(node, metric, value, rel.unit, rel.label, Derivation(rel.id, ids),
                     **extra)

    def _change(self, i: int, node: Node, metric: str, value: Decimal) -> Fact:
        p = node.period
        prior = Period(end=p.end.replace(year=p.end.year - 1),
                       start=p.start.replace(year=p.start.year - 1) if p.start else None)
        of = metric[len(_CHANGE):]
        cur = self.get(node.name, p.key, of)
        old = self.get(node.name, prior.key, of)
        assert cur is not None and old is not None
        return _fact(node, metric, value, cur.unit,
                     f"Change in {cur.label.lower()} from {prior.key}",
                     Derivation("change.year_over_year", (cur.id, old.id)))

    def _price(self, key: str, metal: str) -> Fact:
        fid = f"price|{key}|{metal}"
        if fid not in self._facts:
            deck = self.data.company.prices[key]
            period = self.data.periods.get(key) or parse_period(key)
            self._facts[fid] = Fact(
                id=fid, value=deck.prices[metal], unit=price_unit(metal),
                label=f"{metal.title()} price ({deck.basis or 'price deck'})",
                period=period, entity=Entity(self.data.company.name), decimals=None,
                concept=f"price_{metal}", metal=metal,
                source=Location(deck.location.file, deck.location.line))
        return self._facts[fid]

    def computed(self) -> Iterator[tuple[str, str, str]]:
        """Every (entity, period, metric) with a value."""
        t = self.bulk.table
        for i in range(len(t)):
            if self.bulk.needed is None or self.bulk.needed[i]:
                name, key = self._key(i)
                for m in self.metrics_of(name, key):
                    yield name, key, m


def check_period(derived: Derived, key: str) -> dict[str, Period]:
    """The folder's periods by key; an ``InputError`` naming them if ``key`` is not one."""
    periods = {n.period.key: n.period for n in derived.nodes}
    if key not in periods:
        raise InputError(derived.data.company.path,
                         f"period {key!r} not in the data (have {', '.join(sorted(periods))})")
    return periods


def _fact(node: Node, metric: str, value: Decimal, unit: str, label: str,
          derivation: Derivation, **extra: str) -> Fact:
    return Fact(id=f"{node.name}|{node.period.key}|{metric}", value=value, unit=unit,
                label=label, period=node.period, entity=node.entity, decimals=None,
                concept=metric, derivation=derivation, extra=tuple(extra.items()))


def _deck_text(prices: dict[str, Decimal], basis: str) -> str:
    text = "; ".join(f"{m} {p} {price_unit(m)}" for m, p in prices.items())
    return f"{text} ({basis})" if basis else text
