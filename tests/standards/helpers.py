"""Small in-memory company folders for the standards tests."""

from __future__ import annotations

from decimal import Decimal

from assay.model import Location
from assay.operating import Company, OperatingData, PriceDeck, Segment, Unit, parse_period
from assay.operating.schema import ITEMS


def company(units: list[Unit], prices: dict[str, dict[str, str]] | None = None,
            royalties_in: str = "C1") -> Company:
    segs = {}
    for u in units:
        segs.setdefault(u.segment, Segment(u.segment, u.primary_metal))
    decks = {k: PriceDeck(k, {m: Decimal(v) for m, v in d.items()}, "test deck",
                          Location("company.toml", 1)) for k, d in (prices or {}).items()}
    return Company("TestCo", units, list(segs.values()), decks, [], royalties_in)


def data(comp: Company, cells: dict[tuple[str | None, str], dict[str, str | int]]) -> OperatingData:
    out = OperatingData(comp, {}, items=dict(ITEMS))
    for (unit, pkey), row in cells.items():
        period = parse_period(pkey)
        assert period is not None
        out.periods[period.key] = period
        out.cells[(unit, period.key)] = {k: Decimal(str(v)) for k, v in row.items()}
        for k in row:
            out.locations[(unit, period.key, k)] = Location("t.csv", 2, row=2, column=k)
    return out
