"""The same unit under different cost methods, side by side, with the assumptions used."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assay.model import round_to
from assay.operating.schema import METALS, is_precious

from .derive import Derived, check_period


@dataclass(slots=True)
class MethodRow:
    entity: str
    metal: str
    values: dict[str, Decimal | None]
    notes: list[str] = field(default_factory=list)


METHODS = (
    ("byproduct", "total_cash_cost_per_oz", "By-product"),
    ("gross", "gross_cash_cost_per_oz", "Gross"),
    ("coproduct", "coproduct_cost_per_unit_{primary}", "Co-product"),
    ("c1", "c1_per_oz", "C1"),
    ("c3", "c3_per_oz", "C3"),
    ("aisc", "aisc_per_oz", "AISC"),
)


def compare_methods(derived: Derived, period: str) -> tuple[list[MethodRow], list[str]]:
    """Each unit's and segment's cost per unit of its primary metal under every method in
    ``period`` (an ``InputError`` if the folder has no such period)."""
    check_period(derived, period)
    company = derived.data.company
    rows = []
    entities = [(u.name, u.primary_metal) for u in company.units if u.itemised]
    entities += [(s.name, s.primary_metal) for s in company.segments]
    for name, metal in entities:
        if derived.node(name, period) is None:
            continue
        values = {key: derived.value(name, period, metric.format(primary=metal))
                  for key, metric, _ in METHODS}
        notes = []
        for other in METALS:
            if other == metal:
                continue
            v = derived.value(name, period, f"coproduct_cost_per_unit_{other}")
            if v is not None:
                per = "oz" if is_precious(other) else "lb"
                notes.append(f"co-product {other} ${round_to(v, 2)}/{per}")
        if values["aisc"] is None:
            notes.append("AISC n/a: no ounces sold given")
        third = derived.value(name, period, "third_party_oz")
        if third:
            notes.append(f"{round_to(third, 0):,} oz from third-party ore credited, outside "
                         "the basis")
        rows.append(MethodRow(name, metal, values, notes))
    deck = company.prices.get(period)
    assumptions = [
        "By-product: total cash cost (Gold Institute) net of by-product credits, per ounce of "
        "the primary metal on the unit's basis (produced or sold).",
        "Gross: the same cost before by-product credits, per ounce of the primary metal.",
        "Co-product: the gross cost allocated to each metal by its share of value at the "
        "period's price deck; per ounce (precious) or per pound (base metals).",
        f"C1/C3: Wood Mackenzie-style; royalties and production taxes in "
        f"{company.royalties_in}.",
        "AISC: World Gold Council 2018 rules (sustaining leases included), per ounce sold.",
    ]
    if deck is not None:
        prices = ", ".join(f"{m} {p}" for m, p in deck.prices.items())
        assumptions.append(f"Price deck {period}: {prices} ({deck.basis or 'no basis given'}; "
                           f"{deck.location}).")
    else:
        assumptions.append(f"No price deck for {period}: co-product views not computable.")
    for u in company.units:
        if u.share != 1:
            at = "as given" if u.data_at == "attributable" else "inputs scaled by the share"
            pct = (u.share * 100).normalize()
            assumptions.append(f"{u.name} at the attributable share {pct}% ({at}).")
    return rows, assumptions


def render_compare(rows: list[MethodRow], assumptions: list[str], period: str) -> str:
    head = f"{'Unit / segment':<20}{'metal':<8}" + "".join(f"{label:>12}"
                                                           for _, _, label in METHODS)
    out = [f"Cost per ounce (precious) or pound (base metals) of the primary metal by "
           f"method, {period} (USD)", "", head,
           "-" * len(head)]
    for r in rows:
        cells = "".join(f"{_cell(r.values[k], r.metal):>12}" for k, _, _ in METHODS)
        out.append(f"{r.entity[:19]:<20}{r.metal:<8}{cells}")
        for note in r.notes:
            out.append(f"{'':<28}{note}")
    out += ["", "Assumptions:"] + [f"- {a}" for a in assumptions]
    return "\n".join(out) + "\n"


def _cell(v: Decimal | None, metal: str) -> str:
    if v is None:
        return "n/a"
    d = 0 if metal == "gold" else 2
    text = f"{round_to(abs(v), d):,.{d}f}"
    return f"({text})" if v < 0 else text
