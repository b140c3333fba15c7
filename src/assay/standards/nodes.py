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

from assay.errors import InputError
from assay.model import Entity, Period
from assay.operating import Unit


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


def ytd_note(group: str, key: str, lacking: list[str]) -> str:
    """Why ``group``'s year to date ``key`` is the sum of its quarters."""
    one = len(lacking) == 1
    return (f"sum of {group}'s quarters: {', '.join(lacking)} {'has' if one else 'have'} "
            f"no {key} of {'its' if one else 'their'} own")


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
