"""A company as its folder describes it: operating units, segments, price decks."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assay.model import Location, Period

#: The node that holds company-level items (corporate G&A, exploration): a reserved name.
CORPORATE = "Corporate"


@dataclass(frozen=True, slots=True)
class Unit:
    """An operating unit and how its costs per ounce are stated."""

    name: str
    primary_metal: str
    segment: str
    share: Decimal = Decimal(1)
    cost_basis: str = "produced"  # "produced" | "sold"
    data_at: str = "100%"  # "100%": inputs scaled by share; "attributable": already at share
    heading: str = ""
    ore_label: str = "Tons of ore milled"
    other_costs_label: str = "Reclamation and other costs"
    itemised: bool = True  # False: counts in company totals, not shown as a unit


@dataclass(frozen=True, slots=True)
class Segment:
    name: str
    primary_metal: str
    heading: str = ""


@dataclass(frozen=True, slots=True)
class PriceDeck:
    """Metal prices of one period (USD/oz for precious, USD/lb for base metals)."""

    period: str
    prices: dict[str, Decimal]
    basis: str
    location: Location


@dataclass(frozen=True, slots=True)
class ExtraCost:
    """A cost in GAAP cost of sales that the company keeps out of cash costs."""

    column: str
    label: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Terms:
    """Sales terms for price sensitivities: the payable fraction of each metal produced
    (what smelters pay for; 1 where the folder says nothing), a net smelter return
    royalty rate on payable revenue, and an income tax rate."""

    payable: dict[str, Decimal] = field(default_factory=dict)
    tax_rate: Decimal = Decimal(0)
    royalty_rate: Decimal = Decimal(0)
    stated: frozenset[str] = frozenset()  # the terms company.toml gives (others default)
    # a smelter's price participation: (share, basis price) by metal
    participation: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)

    def payable_of(self, metal: str) -> Decimal:
        return self.payable.get(metal, Decimal(1))

    def net_change(self, metal: str, price: Decimal, delta: Decimal) -> Decimal:
        """The change in the price the company is paid when the metal's price moves
        ``delta`` from ``price``: all of it, less the smelter's participation share of
        the part above its basis price."""
        got = self.participation.get(metal)
        if got is None:
            return delta
        share, basis = got
        above = max(price + delta - basis, Decimal(0)) - max(price - basis, Decimal(0))
        return delta - share * above


@dataclass(slots=True)
class Company:
    name: str
    units: list[Unit]
    segments: list[Segment]
    prices: dict[str, PriceDeck] = field(default_factory=dict)
    extra_costs: list[ExtraCost] = field(default_factory=list)
    royalties_in: str = "C1"  # where Wood Mackenzie C1/C2/C3 puts royalties and taxes
    reconciliation_order: list[str] = field(default_factory=list)
    path: str = ""
    terms: Terms = field(default_factory=Terms)

    def unit(self, name: str) -> Unit:
        for unit in self.units:
            if unit.name.lower() == name.lower():
                return unit
        raise KeyError(name)

    def segment(self, name: str) -> Segment:
        for seg in self.segments:
            if seg.name.lower() == name.lower():
                return seg
        raise KeyError(name)

    def units_of(self, segment: str) -> list[Unit]:
        return [x for x in self.units if x.segment == segment]


def parse_period(text: str) -> Period | None:
    """``2007Q2``, ``2007H1``, ``2007M9``, ``2007FY`` as a duration; None if not a period."""
    import calendar
    from datetime import date

    t = text.strip().upper()
    if len(t) < 6 or not t[:4].isdigit():
        return None
    year, rest = int(t[:4]), t[4:]
    months = {"H1": 6, "M9": 9, "FY": 12}.get(rest)
    if months is not None:
        return Period.months_ended(months, date(year, months, calendar.monthrange(year, months)[1]))
    if rest in ("Q1", "Q2", "Q3", "Q4"):
        return Period.quarter(year, int(rest[1]))
    return None
