"""The entities and periods a company folder is computed for, and how they nest.

A *node* is one (entity, period): a unit in a period given in the folder, a unit's year
to date built from its quarters, a segment or the company in any of those periods.
Aggregate nodes list their members; their additive figures are sums over the members.

A group's year to date is the sum of its units' years to date. When a unit has some of
the quarters but not all (it started in Q2, say), it has no year to date of its own: the
group's is then the sum of the group's quarters, so the unit's quarters are not lost. If
another unit gives that year to date itself (no quarters to add), the two cannot be
combined and the folder is refused with the unit and period named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assay.errors import InputError, InputErrors
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
    note: str = ""  # why a group's year to date is built from its quarters

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
                 note=f"sum of {node.name}'s quarters: {', '.join(lacking)} "
                      f"{'has' if len(lacking) == 1 else 'have'} no {node.pkey} of "
                      f"{'its' if len(lacking) == 1 else 'their'} own"))
    if errors:
        raise InputErrors(errors)
    return nodes


def ytd_conflict(path: str, group: str, period: Period, lacking: list[str],
                 given: list[str]) -> InputError:
    """A group's year to date that neither its members' nor its quarters can make."""
    def verb(names: list[str]) -> str:
        return "gives" if len(names) == 1 else "give"

    key = period.key
    return InputError(path, f"{group} {key}: {', '.join(lacking)} {verb(lacking)} some "
                            f"quarters of {period.end.year} but not {key}, and "
                            f"{', '.join(given)} {verb(given)} {key} itself: give {key} for "
                            f"{', '.join(lacking)} too")


def quarter_keys(ytd: Period) -> list[str]:
    """``2024Q1``..``2024Qn`` of a year to date of ``3n`` months ended at a quarter end."""
    return [f"{ytd.end.year}Q{q}" for q in range(1, (ytd.months or 0) // 3 + 1)]


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
