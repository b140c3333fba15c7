"""The line items a company folder may hold: name, unit of measure, and how they add up.

``additive`` items (costs, tons, ounces) sum across units and periods and scale with the
attributable share; intensive items (head grades) do neither and are averaged by weight
when units or periods are combined.
"""

from __future__ import annotations

from dataclasses import dataclass

from assay.model import units as u

PRECIOUS = ("silver", "gold")
BASE = ("lead", "zinc", "copper")
METALS = PRECIOUS + BASE


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    unit: str
    label: str
    additive: bool = True
    metal: str | None = None

    @property
    def physical(self) -> bool:
        """A quantity of ore or metal, or a grade: never below zero (costs and credits may
        be, as a change in inventory is)."""
        return self.unit in (u.OUNCES, u.TONS, u.OZ_PER_TON, u.PERCENT)


def _items() -> dict[str, Item]:
    cost = [
        ("mining_cost", "Mining costs"),
        ("milling_cost", "Milling costs"),
        ("site_ga", "Site general and administrative and other site costs"),
        ("treatment_freight", "Treatment, refining and freight costs"),
        ("byproduct_credits", "By-product credits"),
        ("royalties", "Royalties"),
        ("production_taxes", "Production taxes"),
        ("inventory_change", "Change in product inventory"),
        ("dda", "Depreciation, depletion and amortization (in the per-ounce basis)"),
        ("dda_excluded", "Depreciation, depletion and amortization outside the per-ounce basis"),
        ("reclamation", "Reclamation and closure (accretion and amortization)"),
        ("other_costs", "Severance and other costs outside cash costs"),
        ("sustaining_capital", "Sustaining capital"),
        ("growth_capital", "Growth (non-sustaining) capital"),
        ("sustaining_exploration", "Sustaining exploration and study costs"),
        ("exploration", "Non-sustaining exploration"),
        ("sustaining_leases", "Sustaining lease payments"),
        ("corporate_ga", "Corporate general and administrative"),
    ]
    items = {n: Item(n, u.USD, label) for n, label in cost}
    items["ore_milled"] = Item("ore_milled", u.TONS, "Tons of ore milled")
    items["third_party_oz"] = Item(
        "third_party_oz", u.OUNCES, "Primary metal from third-party ore (credited, not in basis)"
    )
    for m in METALS:
        qty_unit = u.OUNCES if m in PRECIOUS else u.TONS
        grade_unit = u.OZ_PER_TON if m in PRECIOUS else u.PERCENT
        items[f"{m}_produced"] = Item(f"{m}_produced", qty_unit, f"{m.title()} produced", metal=m)
        items[f"{m}_sold"] = Item(f"{m}_sold", qty_unit, f"{m.title()} sold", metal=m)
        items[f"{m}_grade"] = Item(
            f"{m}_grade", grade_unit, f"Ore grade milled - {m.title()}", additive=False, metal=m
        )
    return items


ITEMS: dict[str, Item] = _items()
#: The cash-cost items of a unit: where a period gives any, its cost per ounce is computed.
CASH_COST_ITEMS = ("mining_cost", "milling_cost", "site_ga", "treatment_freight",
                   "byproduct_credits", "royalties", "production_taxes", "inventory_change")
#: Items that only the company as a whole carries (rows without a unit).
COMPANY_ITEMS = frozenset({"corporate_ga", "exploration", "sustaining_exploration"})


def is_precious(metal: str) -> bool:
    """Precious metals are counted in troy ounces, base metals in short tons and pounds."""
    return metal in PRECIOUS


def price_unit(metal: str) -> str:
    """Precious metals are priced per troy ounce, base metals per pound."""
    return u.USD_PER_OZ if is_precious(metal) else u.USD_PER_LB
