"""The entities and periods a company folder is computed for, and how they nest.

A *node* is one (entity, period): a unit in a period given in the folder, a unit's year
to date built from its quarters, a segment or the company in any of those periods.
Aggregate nodes list their members; their additive figures are sums over the members.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assay.model import Entity, Period
from assay.operating import OperatingData, Unit
from assay.operating.company import CORPORATE


@dataclass(slots=True)
class Node:
    name: str
    kind: str  # "unit" | "corporate" | "segment" | "company"
    period: Period
    entity: Entity
    unit: Unit | None = None
    primary: str | None = None
    basis: str = "produced"
    members: list[Node] = field(default_factory=list)
    how: str = ""  # "input" | "ytd" | "segment" | "company"

    pkey: str = ""

    def __post_init__(self) -> None:
        self.pkey = self.period.key

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.pkey)


def ytd_period(year: int, quarter: int) -> Period:
    end = Period.quarter(year, quarter).end
    return Period.months_ended(3 * quarter, date(end.year, end.month, end.day))


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
    by_period: dict[Period, list[Node]] = {}
    for n in nodes:
        if n.kind == "unit":
            by_period.setdefault(n.period, []).append(n)
    for period in sorted(by_period):
        members = by_period[period]
        for seg in company.segments:
            seg_members = [n for n in members if n.unit and n.unit.segment == seg.name]
            if seg_members:
                add(Node(seg.name, "segment", period,
                         Entity(company.name, None, seg.name), None, seg.primary_metal,
                         _segment_basis(seg_members), seg_members, how="segment"))
        corp = by_key.get((CORPORATE, period.key))
        group = members + ([corp] if corp is not None else [])
        add(Node(company.name, "company", period, Entity(company.name), members=group,
                 how="company"))
    return nodes


def _segment_basis(members: list[Node]) -> str:
    bases = {n.basis for n in members}
    return bases.pop() if len(bases) == 1 else "mixed"
