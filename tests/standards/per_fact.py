"""The per-fact engine, kept as the reference for assay's one metrics engine.

Every metric of a company folder derived fact by fact with plain ``Decimal`` arithmetic,
node objects built one by one: slow and simple, and written apart from the columnar
engine (:mod:`assay.standards.bulk`) that the commands run. The tests hold the engine's
facts (values, units, labels, provenance) to this one's on the example, generated and
random folders. Not imported by assay itself.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from assay.errors import InputErrors
from assay.model import Derivation, Entity, Fact, Location, Period
from assay.operating import OperatingData, parse_period
from assay.operating.company import CORPORATE
from assay.operating.schema import METALS, price_unit
from assay.standards.nodes import Node, quarter_keys, ytd_conflict, ytd_note, ytd_period
from assay.standards.relations import (
    CHANGE_METRICS,
    Relation,
    aggregate_relations,
    relations_for,
)


def build_nodes(data: OperatingData) -> list[Node]:
    """Every node in an order where members come before the groups they form."""
    company = data.company
    nodes: list[Node] = []
    by_key: dict[tuple[str, str], Node] = {}

    def add(node: Node) -> None:
        nodes.append(node)
        by_key[node.key] = node

    keys_by_unit: dict[str | None, list[str]] = {}
    for uname, pkey in data.cells:
        keys_by_unit.setdefault(uname, []).append(pkey)
    for unit in company.units:
        for pkey in sorted(keys_by_unit.get(unit.name, [])):
            add(Node(unit.name, "unit", data.periods[pkey],
                     Entity(company.name, unit.name, unit.segment, unit.share), unit,
                     unit.primary_metal, unit.cost_basis, how="input"))
    for pkey in sorted({k[1] for k in data.cells if k[0] is None}):
        add(Node(CORPORATE, "corporate", data.periods[pkey], Entity(company.name),
                 how="input"))
    # year to date from quarters, where the folder does not give the period itself
    inputs_by_name: dict[str, dict[str, Node]] = {}
    for n in nodes:
        inputs_by_name.setdefault(n.name, {})[n.period.key] = n
    for name, quarters in inputs_by_name.items():
        for year in sorted({int(k[:4]) for k in quarters}):
            run = []
            for q in range(1, 5):
                node = quarters.get(f"{year}Q{q}")
                if node is None:
                    break
                run.append(node)
                period = ytd_period(year, q)
                if q == 1 or (name, period.key) in by_key:
                    continue
                first = run[0]
                add(Node(name, first.kind, period, first.entity, first.unit, first.primary,
                         first.basis, list(run), how="ytd"))
    partial = partial_years(inputs_by_name, by_key)
    by_period: dict[Period, list[Node]] = {}
    for n in nodes:
        if n.kind == "unit":
            by_period.setdefault(n.period, []).append(n)
    deferred: list[tuple[Node, list[str]]] = []
    for period in sorted(by_period):
        members = by_period[period]
        for seg in company.segments:
            seg_members = [n for n in members if n.unit and n.unit.segment == seg.name]
            if seg_members:
                node = Node(seg.name, "segment", period, Entity(company.name, None, seg.name),
                            None, seg.primary_metal, _segment_basis(seg_members), seg_members,
                            how="segment")
                lacking = [u.name for u in company.units_of(seg.name)
                           if (u.name, period.key) in partial]
                if lacking:
                    deferred.append((node, lacking))
                else:
                    add(node)
        corp = by_key.get((CORPORATE, period.key))
        group = members + ([corp] if corp is not None else [])
        node = Node(company.name, "company", period, Entity(company.name), members=group,
                    how="company")
        lacking = [n for n in [*(u.name for u in company.units), CORPORATE]
                   if (n, period.key) in partial]
        if lacking:
            deferred.append((node, lacking))
        else:
            add(node)
    errors = []
    for node, lacking in deferred:
        given = [m.name for m in node.members if m.how == "input"]
        if given:
            errors.append(ytd_conflict(company.path, node.name, node.period, lacking, given))
            continue
        quarters = [by_key[(node.name, key)] for key in quarter_keys(node.period)]
        add(Node(node.name, node.kind, node.period, node.entity, None, node.primary,
                 node.basis, quarters, how="ytd",
                 note=ytd_note(node.name, node.pkey, lacking)))
    if errors:
        raise InputErrors(errors)
    return nodes



def partial_years(inputs_by_name: dict[str, dict[str, Node]],
                  by_key: dict[tuple[str, str], Node]) -> set[tuple[str, str]]:
    """(name, year to date) where the name gives some of the quarters but has no node for
    that year to date (neither built from all of them nor given)."""
    out = set()
    for name, periods in inputs_by_name.items():
        for year in {int(k[:4]) for k in periods if k[4] == "Q"}:
            for q in range(2, 5):
                ytd = ytd_period(year, q)
                if (name, ytd.key) in by_key:
                    continue
                if any(f"{year}Q{k}" in periods for k in range(1, q + 1)):
                    out.add((name, ytd.key))
    return out


def _segment_basis(members: list[Node]) -> str:
    bases = {n.basis for n in members}
    return bases.pop() if len(bases) == 1 else "mixed"


@dataclass(slots=True)
class Derived:
    """Every fact of a company folder, indexed by (entity name, period key, metric)."""

    data: OperatingData
    nodes: list[Node]
    facts: dict[str, Fact] = field(default_factory=dict)
    index: dict[tuple[str, str, str], str] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)

    def get(self, name: str, period: str, metric: str) -> Fact | None:
        fid = self.index.get((name, period, metric))
        return None if fid is None else self.facts[fid]

    def value(self, name: str, period: str, metric: str) -> Decimal | None:
        f = self.get(name, period, metric)
        return None if f is None else f.value

    def node(self, name: str, period: str) -> Node | None:
        for n in self.nodes:
            if n.name.lower() == name.lower() and n.period.key == period:
                return n
        return None


def additive_inputs(data: OperatingData) -> list[str]:
    return [name for name, item in data.items.items() if item.additive]


def derive(data: OperatingData, periods: Collection[str] | None = None) -> Derived:
    """All facts for all nodes of ``data``; with ``periods`` (keys such as 2007Q2), only
    the nodes of those periods and the nodes they are built from (a year to date's
    quarters, a group's members)."""
    nodes = build_nodes(data)
    if periods is not None:
        nodes = _needed(nodes, set(periods))
    out = Derived(data, nodes)
    for f in data.input_facts():
        out.facts[f.id] = f
    additive = additive_inputs(data)
    intensive = [name for name, item in data.items.items() if not item.additive]
    agg = {r.output: r for r in aggregate_relations()}
    price_facts = _price_facts(data, out)
    for node in out.nodes:
        rels = relations_for(node, data)
        for r in rels:
            out.relations[r.id] = r
        values: dict[str, tuple[Decimal | None, str | None]] = {}
        if node.how == "input":
            for item in additive:
                values[item] = _input(out, node, item)
            for item in intensive:
                values[item] = _input(out, node, item)
        else:
            for item in additive:
                values[item] = _sum_members(out, node, item, data.items[item].unit,
                                            data.items[item].label)
        for m in METALS:
            pf = price_facts.get((node.period.key, m))
            values[f"price_{m}"] = (pf.value, pf.id) if pf else (None, None)
        for r in rels:
            if node.how != "input" and r.additive:
                values[r.output] = _sum_members(out, node, r.output, r.unit, r.label)
            else:
                values[r.output] = _apply(out, node, r, values)
        if node.how != "input":  # once the metal contained is summed
            for item in intensive:
                r = agg.get(item)
                if r is not None:
                    out.relations[r.id] = r
                    values[item] = _apply(out, node, r, values)
    _changes(out)
    return out


def _needed(nodes: list[Node], periods: set[str]) -> list[Node]:
    """The nodes of ``periods`` and every node they are built from, in build order."""
    keep: set[tuple[str, str]] = set()
    todo = [n for n in nodes if n.pkey in periods]
    while todo:
        n = todo.pop()
        if n.key not in keep:
            keep.add(n.key)
            todo.extend(n.members)
    return [n for n in nodes if n.key in keep]


#: The relation a group's figure is added up by, by how the group is made (its members'
#: figures summed: a year to date of quarters, a segment of units, the company).
AGGREGATION = {"ytd": "aggregate.year_to_date", "segment": "aggregate.segment",
               "company": "aggregate.company"}


def _fid(node: Node, metric: str) -> str:
    return f"{node.name}|{node.period.key}|{metric}"


def _store(out: Derived, node: Node, metric: str, fact: Fact) -> tuple[Decimal, str]:
    out.facts[fact.id] = fact
    out.index[(node.name, node.period.key, metric)] = fact.id
    return fact.value, fact.id


def _fact(node: Node, metric: str, value: Decimal, unit: str, label: str,
          derivation: Derivation, **extra: str) -> Fact:
    return Fact(id=_fid(node, metric), value=value, unit=unit, label=label, period=node.period,
                entity=node.entity, decimals=None, concept=metric, derivation=derivation,
                extra=tuple(extra.items()))


def _input(out: Derived, node: Node, item: str) -> tuple[Decimal | None, str | None]:
    data = out.data
    unit_name = node.unit.name if node.unit else None
    spec = data.items[item]
    if not data.given(unit_name, node.period.key, item):
        if not spec.additive:
            return None, None
        fact = _fact(node, item, Decimal(0), spec.unit, spec.label,
                     Derivation("input.not_given", (), "blank or absent: taken as zero"))
        return _store(out, node, item, fact)
    fid = data.input_fact_id(unit_name, node.period.key, item)
    value = data.value(unit_name, node.period.key, item)
    unit = node.unit
    if unit is not None and spec.additive and unit.data_at == "100%" and unit.share != 1:
        fact = _fact(node, item, value * unit.share, spec.unit, spec.label,
                     Derivation("consolidation.attributable", (fid,),
                                f"x {unit.share} attributable share"))
        return _store(out, node, item, fact)
    out.index[(node.name, node.period.key, item)] = fid
    return value, fid


def _sum_members(out: Derived, node: Node, metric: str, unit: str,
                 label: str) -> tuple[Decimal | None, str | None]:
    ids, total = [], Decimal(0)
    for member in node.members:
        fid = out.index.get((member.name, member.period.key, metric))
        if fid is None:
            continue
        ids.append(fid)
        total += out.facts[fid].value
    if not ids:
        return None, None
    relation = AGGREGATION[node.how]
    return _store(out, node, metric, _fact(node, metric, total, unit, label,
                                           Derivation(relation, tuple(ids), node.note)))


def evaluate(r: Relation, args: list[Decimal | None]) -> Decimal | None:
    """One relation on Decimal operands; None when it cannot be computed."""
    if r.kind == "sum":
        if any(a is None for a in args):
            return None
        return sum((a if s > 0 else -a for a, s in zip(args, r.signs, strict=True)),
                   Decimal(0))  # type: ignore[operator]
    if r.kind == "select":
        return args[0] if args[0] is None or r.factor == 1 else args[0] * r.factor
    a, b = args
    if r.kind == "where":
        return None if b is None else a
    if r.kind == "product":
        if (a is not None and a == 0) or (b is not None and b == 0):
            return Decimal(0)
        if a is None or b is None:
            return None
        return a * b * r.factor
    if a is None or b is None or b == 0:
        return None
    return a / b * r.factor


def _apply(out: Derived, node: Node, r: Relation,
           values: dict[str, tuple[Decimal | None, str | None]]) -> tuple[Decimal | None,
                                                                           str | None]:
    operands = [values.get(o, (None, None)) for o in r.operands]
    value = evaluate(r, [v for v, _ in operands])
    if value is None:
        return None, None
    ids = tuple(fid for _, fid in operands if fid is not None)
    extra = {}
    if r.output == "equivalent_oz" or r.output.startswith("value_"):
        deck = out.data.company.prices.get(node.period.key)
        if deck is not None:
            extra["price_deck"] = _deck_text(deck.prices, deck.basis)
    fact = _fact(node, r.output, value, r.unit, r.label, Derivation(r.id, ids), **extra)
    return _store(out, node, r.output, fact)


def _deck_text(prices: dict[str, Decimal], basis: str) -> str:
    text = "; ".join(f"{m} {p} {price_unit(m)}" for m, p in prices.items())
    return f"{text} ({basis})" if basis else text


def _price_facts(data: OperatingData, out: Derived) -> dict[tuple[str, str], Fact]:
    facts = {}
    for key, deck in data.company.prices.items():
        period = data.periods.get(key)
        if period is None:
            period = parse_period(key)
        for metal, price in deck.prices.items():
            f = Fact(id=f"price|{key}|{metal}", value=price, unit=price_unit(metal),
                     label=f"{metal.title()} price ({deck.basis or 'price deck'})",
                     period=period, entity=Entity(data.company.name), decimals=None,
                     concept=f"price_{metal}", metal=metal,
                     source=Location(deck.location.file, deck.location.line))
            out.facts[f.id] = f
            facts[(key, metal)] = f
    return facts


def _changes(out: Derived) -> None:
    """Change from the same period a year earlier, for the headline metrics."""
    for node in out.nodes:
        p = node.period
        prior = Period(end=p.end.replace(year=p.end.year - 1),
                       start=p.start.replace(year=p.start.year - 1) if p.start else None)
        for metric in CHANGE_METRICS:
            cur = out.get(node.name, p.key, metric)
            old = out.get(node.name, prior.key, metric)
            if cur is None or old is None:
                continue
            fact = _fact(node, f"change_{metric}", cur.value - old.value, cur.unit,
                         f"Change in {cur.label.lower()} from {prior.key}",
                         Derivation("change.year_over_year", (cur.id, old.id)))
            _store(out, node, f"change_{metric}", fact)
