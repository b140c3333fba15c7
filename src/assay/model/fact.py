"""The fact: one number as published or computed, with its meaning and its origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .entity import Entity
from .numbers import Interval, interval_of
from .periods import Period
from .provenance import Derivation, Location


@dataclass(slots=True, frozen=True)
class Fact:
    """One number, immutable and hashable by value (a new fact is made with
    ``dataclasses.replace``).

    ``value`` is in whole units of ``unit`` (24,337 printed in thousands of dollars is
    ``Decimal('24337000')`` with ``scale=3``). ``decimals`` is the XBRL precision of the
    printed figure in whole units (-3 for thousands, 2 for cents; None for exact), so
    :attr:`interval` is the set of values the figure stands for. ``printed`` keeps the
    cell text as it stands in the document.
    """

    id: str
    value: Decimal
    unit: str
    label: str
    period: Period | None
    entity: Entity
    decimals: int | None = 0
    scale: int = 0
    concept: str | None = None
    metal: str | None = None
    dims: tuple[tuple[str, str], ...] = ()
    table: str | None = None
    section: str | None = None
    footnotes: tuple[str, ...] = ()
    printed: str = ""
    nil: bool = False
    source: Location | None = None
    derivation: Derivation | None = None
    column: int | None = None
    row: int | None = None
    # the heading the row stands under inside its section ("Revenue ex-TAC:" over
    # "Asia-Pacific"): what the label means in the table
    heading: str | None = None
    # notes beside the number, such as the price deck an equivalent figure was valued at
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False, hash=False)
    # the interval, worked out when first asked (value and decimals do not change)
    _interval: Interval | None = field(default=None, init=False, repr=False, compare=False,
                                       hash=False)

    @property
    def interval(self) -> Interval:
        """The values the printed figure stands for (:func:`interval_of`)."""
        iv = self._interval
        if iv is None:
            iv = interval_of(self.value, self.decimals)
            object.__setattr__(self, "_interval", iv)  # a cache of what cannot change
        return iv

    def dim(self, name: str) -> str | None:
        for k, v in self.dims:
            if k == name:
                return v
        return None

    def note(self, name: str) -> str | None:
        """One of the notes in :attr:`extra`."""
        for k, v in self.extra:
            if k == name:
                return v
        return None

    @property
    def where(self) -> str:
        """Why this number: its source location, or its derivation."""
        if self.source is not None:
            return str(self.source)
        if self.derivation is not None:
            return str(self.derivation)
        return "?"
