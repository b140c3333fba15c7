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


def same_facts(folder: OperatingData, periods: list[str] | None = None) -> int:
    """Assert that assay's engine gives exactly the per-fact reference's facts for ``folder`` (the
    same keys; each fact's id, value, unit, label, provenance, entity and period) and
    return how many were compared."""
    from assay.standards import derive

    from . import per_fact

    want, got = per_fact.derive(folder, periods), derive(folder, periods)
    keys = {k for k in want.index if not k[2].startswith("price_")}
    mine = set(got.computed())
    assert mine == keys, (sorted(mine - keys)[:5], sorted(keys - mine)[:5])
    for k in keys:
        a, b = want.facts[want.index[k]], got.get(*k)
        assert b is not None
        assert (a.id, a.value, a.unit, a.label, a.derivation, a.extra, a.entity, a.period,
                a.concept, a.source) == (b.id, b.value, b.unit, b.label, b.derivation, b.extra,
                                         b.entity, b.period, b.concept, b.source), k
        for o in (a.derivation.operands if a.derivation else ()):
            assert got.fact(o).value == want.facts[o].value, (k, o)
    assert set(got.relations) == set(want.relations)
    assert [n.key for n in got.nodes] == [n.key for n in want.nodes]
    return len(keys)
