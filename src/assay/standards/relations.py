"""The published cost standards as declarative relations between line items.

Each :class:`Relation` names its output, its operands and one of four shapes (``sum``
with signs, ``ratio``, ``product``, ``select``), so the same declaration derives a figure
with Decimals (with provenance), derives it for thousands of units at once with arrays,
and can be shown to a reader. :func:`unit_relations` assembles the library for one kind
of unit (primary metal, cost basis) under the company's options.

Standards (see DOMAIN.md section 2):
- Gold Institute Production Cost Standard: cash operating, total cash and total
  production costs, per ounce of the primary metal produced or sold (the unit's basis).
  On a produced basis, the change in product inventory stays out of cash costs (it
  belongs to cost of sales); on a sold basis it is part of them.
- By-product, gross (before credits) and co-product (cost allocated by value of each
  metal at the period's price deck) views of one unit.
- World Gold Council all-in sustaining and all-in costs (2018 rules, sustaining leases
  included), per ounce sold.
- Wood Mackenzie-style C1/C2/C3; royalties and production taxes sit in C1 or in C3 as
  the company folder says.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from assay.model import units as u
from assay.operating.schema import BASE, METALS

if TYPE_CHECKING:
    from assay.operating import OperatingData

    from .nodes import Node

GI = "Gold Institute Production Cost Standard"
WGC = "World Gold Council guidance note (2018)"
WOODMAC = "Wood Mackenzie C1/C2/C3"
METHOD = "cost allocation methods"
OPS = "operating statistics"
GAAP = "GAAP reconciliation"

LB_PER_TON = u.POUNDS_PER_SHORT_TON


@dataclass(frozen=True, slots=True)
class Relation:
    """``output`` = f(operands). ``kind`` decides f:

    - ``sum``: Σ sign·operand
    - ``ratio``: operands[0] / operands[1] × factor (not computable when the divisor is 0)
    - ``product``: operands[0] × operands[1] × factor (0 if either is 0, even if the other
      is unknown)
    - ``select``: operands[0] × factor (a generic name for a specific column, e.g. the
      primary metal; or the same quantity in other units, tons as pounds)
    - ``where``: operands[0] where operands[1] is known, else unknown (the tons milled
      that carry a head grade: the weights of a group's average grade)

    ``additive`` outputs sum across units and periods; the others are recomputed from
    summed operands, never averaged.
    """

    id: str
    output: str
    kind: str
    operands: tuple[str, ...]
    unit: str
    label: str
    standard: str
    signs: tuple[int, ...] = ()
    factor: Decimal = Decimal(1)
    additive: bool = False
    per_metal: bool = False  # depends on the primary metal: not for a multi-metal company


def _sum(rid: str, out: str, terms: list[tuple[int, str]], label: str, standard: str,
         unit: str = u.USD) -> Relation:
    return Relation(rid, out, "sum", tuple(t for _, t in terms), unit, label, standard,
                    signs=tuple(s for s, _ in terms), additive=True)


def _ratio(rid: str, out: str, num: str, den: str, label: str, standard: str,
           unit: str = u.USD_PER_OZ, factor: Decimal = Decimal(1)) -> Relation:
    return Relation(rid, out, "ratio", (num, den), unit, label, standard, factor=factor)


def qty_unit(metal: str) -> str:
    return u.TONS if metal in BASE else u.OUNCES


def per_unit(metal: str) -> tuple[str, Decimal]:
    """Cost per ounce for precious metals; per pound (from short tons) for base metals."""
    if metal in BASE:
        return u.USD_PER_LB, Decimal(1) / LB_PER_TON
    return u.USD_PER_OZ, Decimal(1)


def per_noun(metal: str) -> str:
    """What a cost is per: "ounce" of a precious metal, "pound" of a base metal."""
    return "pound" if metal in BASE else "ounce"


def unit_relations(primary: str, basis: str, royalties_in: str = "C1",
                   extras: tuple[str, ...] = ()) -> list[Relation]:
    """Every relation for one unit profile, in an order where operands come first."""
    per, pf = per_unit(primary)
    noun = per_noun(primary)
    rels: list[Relation] = [
        _sum("gi.direct_mining_costs", "site_costs",
             [(1, "mining_cost"), (1, "milling_cost"), (1, "site_ga")],
             "Direct mining expenses (mining, milling, site G&A)", GI),
        Relation("select.primary_produced", "primary_produced", "select",
                 (f"{primary}_produced",), qty_unit(primary), f"{primary.title()} produced",
                 GI, additive=True, per_metal=True),
        Relation("select.primary_sold", "primary_sold", "select", (f"{primary}_sold",),
                 qty_unit(primary), f"{primary.title()} sold", WGC, additive=True,
                 per_metal=True),
    ]
    rels.append(_sum("gi.basis_quantity", "basis_oz",
                     [(1, f"primary_{basis}"), (-1, "third_party_oz")],
                     f"{primary.title()} {basis} in the per-{noun} basis (own ore)", GI,
                     unit=qty_unit(primary)))
    if primary in BASE:
        rels.append(Relation("gi.basis_pounds", "basis_lb", "select", ("basis_oz",), u.POUNDS,
                             f"{primary.title()} {basis} in the per-pound basis, in pounds",
                             GI, factor=LB_PER_TON, additive=True))
    op_terms = [(1, "site_costs"), (1, "treatment_freight"), (-1, "byproduct_credits")]
    if basis == "sold":
        op_terms.insert(1, (1, "inventory_change"))
    rels += [
        _sum("gi.cash_operating_cost", "cash_operating_cost", op_terms,
             "Cash operating costs", GI),
        _sum("gi.total_cash_cost", "total_cash_cost",
             [(1, "cash_operating_cost"), (1, "royalties"), (1, "production_taxes")],
             "Total cash costs", GI),
        _sum("gi.total_production_cost", "total_production_cost",
             [(1, "total_cash_cost"), (1, "dda"), (1, "reclamation")],
             "Total production costs", GI),
    ]
    for m in ("cash_operating_cost", "total_cash_cost", "total_production_cost"):
        label = next(r.label for r in rels if r.output == m)
        rels.append(_ratio(f"gi.{m}_per_oz", f"{m}_per_oz", m, "basis_oz",
                           f"{label} per {noun} {basis}", GI, per, pf))
    rels += [
        _ratio("ops.mining_cost_per_ton", "mining_cost_per_ton", "mining_cost", "ore_milled",
               "Mining cost per ton", OPS, u.USD_PER_TON),
        _ratio("ops.milling_cost_per_ton", "milling_cost_per_ton", "milling_cost",
               "ore_milled", "Milling cost per ton", OPS, u.USD_PER_TON),
    ]
    for m in METALS:
        factor = Decimal("0.01") if m in BASE else Decimal(1)
        rels.append(Relation(f"ops.contained.{m}", f"contained_{m}", "product",
                             ("ore_milled", f"{m}_grade"), qty_unit(m),
                             f"{m.title()} contained in ore milled", OPS, factor=factor,
                             additive=True))
        rels.append(Relation(f"ops.graded_ore.{m}", f"graded_ore_{m}", "where",
                             ("ore_milled", f"{m}_grade"), u.TONS,
                             f"Tons of ore milled with a {m} grade", OPS, additive=True))
        rels.append(_ratio(f"ops.recovery.{m}", f"recovery_{m}", f"{m}_produced",
                           f"contained_{m}", f"{m.title()} recovery", OPS, u.RATIO))
    rels += [
        _sum("method.gross", "gross_cash_cost",
             [(1, "total_cash_cost"), (1, "byproduct_credits")],
             "Total cash costs before by-product credits (gross)", METHOD),
        _ratio("method.gross_per_oz", "gross_cash_cost_per_oz", "gross_cash_cost", "basis_oz",
               f"Gross total cash cost per {noun}", METHOD, per, pf),
    ]
    for m in METALS:
        qty = "basis_oz" if m == primary else f"{m}_{basis}"
        lb = LB_PER_TON if m in BASE else Decimal(1)
        rels.append(Relation(f"method.value.{m}", f"value_{m}", "product", (qty, f"price_{m}"),
                             u.USD, f"Value of {m} at the price deck", METHOD, factor=lb,
                             additive=True, per_metal=True))
    rels.append(_sum("method.total_value", "total_value", [(1, f"value_{m}") for m in METALS],
                     "Value of all metals at the price deck", METHOD))
    rels[-1] = _with(rels[-1], per_metal=True)
    for m in METALS:
        qty = "basis_oz" if m == primary else f"{m}_{basis}"
        m_per, m_f = per_unit(m)
        rels += [
            _with(_ratio(f"method.coproduct_share.{m}", f"coproduct_share_{m}", f"value_{m}",
                         "total_value", f"Share of {m} in value", METHOD, u.RATIO),
                  per_metal=True),
            Relation(f"method.coproduct_cost.{m}", f"coproduct_cost_{m}", "product",
                     ("gross_cash_cost", f"coproduct_share_{m}"), u.USD,
                     f"Total cash costs allocated to {m}", METHOD, additive=True,
                     per_metal=True),
            _with(_ratio(f"method.coproduct_per_unit.{m}", f"coproduct_cost_per_unit_{m}",
                         f"coproduct_cost_{m}", qty, f"Co-product total cash cost of {m}",
                         METHOD, m_per, m_f), per_metal=True),
        ]
    rels.append(_with(_ratio("method.metal_equivalent", "equivalent_oz", "total_value",
                             f"price_{primary}", f"{primary.title()}-equivalent production",
                             METHOD, qty_unit(primary),
                             Decimal(1) / LB_PER_TON if primary in BASE else Decimal(1)),
                      additive=True, per_metal=True))
    aisc_terms = [(1, "site_costs"), (1, "inventory_change"), (1, "royalties"),
                  (1, "production_taxes"), (1, "treatment_freight"), (-1, "byproduct_credits"),
                  (1, "reclamation"), (1, "sustaining_exploration"), (1, "sustaining_capital"),
                  (1, "sustaining_leases"), (1, "corporate_ga")]
    rels += [
        _sum("wgc.aisc", "aisc", aisc_terms, "All-in sustaining costs", WGC),
        _ratio("wgc.aisc_per_oz", "aisc_per_oz", "aisc", "primary_sold",
               f"All-in sustaining cost per {noun} sold", WGC, per, pf),
        _sum("wgc.aic", "aic", [(1, "aisc"), (1, "growth_capital"), (1, "exploration")],
             "All-in costs", WGC),
        _ratio("wgc.aic_per_oz", "aic_per_oz", "aic", "primary_sold",
               f"All-in cost per {noun} sold", WGC, per, pf),
    ]
    c1 = [(1, "site_costs"), (1, "treatment_freight"), (-1, "byproduct_credits")]
    c3 = [(1, "c2"), (1, "reclamation"), (1, "corporate_ga"), (1, "exploration"),
          (1, "sustaining_exploration")]
    royalties = [(1, "royalties"), (1, "production_taxes")]
    if royalties_in == "C1":
        c1 += royalties
    else:
        c3 += royalties
    rels += [
        _sum(f"woodmac.c1.royalties_in_{royalties_in.lower()}", "c1", c1,
             "C1 cash cost (net of by-product credits)", WOODMAC),
        _sum("woodmac.c2", "c2", [(1, "c1"), (1, "dda")], "C2 (C1 plus depreciation)",
             WOODMAC),
        _sum(f"woodmac.c3.royalties_in_{royalties_in.lower()}", "c3", c3,
             "C3 fully allocated cost (C2 plus indirect costs)", WOODMAC),
    ]
    for c in ("c1", "c2", "c3"):
        rels.append(_ratio(f"woodmac.{c}_per_oz", f"{c}_per_oz", c, "basis_oz",
                           f"{c.upper()} per {noun}", WOODMAC, per, pf))
    recon_inventory = [(1, "inventory_change")] if basis == "produced" else []
    rels += [
        _sum("gaap.dda", "recon_dda", [(1, "dda"), (1, "dda_excluded")],
             "Depreciation, depletion and amortization", GAAP),
        _sum("gaap.treatment_freight", "recon_treatment_freight", [(-1, "treatment_freight")],
             "Treatment and freight costs", GAAP),
        _sum("gaap.inventory_change", "recon_inventory_change", recon_inventory,
             "Change in product inventory", GAAP),
        _sum("gaap.other", "recon_other", [(1, "reclamation"), (1, "other_costs")],
             "Reclamation, severance and other costs", GAAP),
        _sum("gaap.cost_of_sales_and_dda", "gaap_cost",
             [(1, "total_cash_cost"), (1, "recon_dda"), (1, "recon_treatment_freight"),
              (1, "byproduct_credits"), (1, "recon_inventory_change"), (1, "recon_other")]
             + [(1, e) for e in extras],
             "Costs of sales and other direct production costs and depreciation, depletion "
             "and amortization (GAAP)", GAAP),
        _sum("ops.capital_additions", "capital_additions",
             [(1, "sustaining_capital"), (1, "growth_capital")], "Capital additions", OPS),
    ]
    return _mark_per_metal(rels)


def relations_for(node: Node, data: OperatingData) -> list[Relation]:
    """The relations that derive ``node``'s metrics: its primary metal's on its cost
    basis, without the per-metal ones for the corporate rows and the company (which mixes
    metals)."""
    company = data.company
    extras = tuple(e.column for e in company.extra_costs)
    if node.basis not in ("produced", "sold"):
        # load_company refuses such a folder: a cost per ounce needs one basis
        raise ValueError(f"{node.name}: units on different cost bases in one segment")
    rels = unit_relations(node.primary or "silver", node.basis, company.royalties_in, extras)
    if node.kind in ("company", "corporate"):
        rels = [r for r in rels if not r.per_metal]
    return rels


def aggregate_relations() -> list[Relation]:
    """Intensive inputs recomputed for a group of units or periods: a head grade is the
    metal contained over the tons that carry that grade (weighted by ore milled)."""
    out = []
    for m in METALS:
        factor = Decimal(100) if m in BASE else Decimal(1)
        out.append(Relation(f"ops.weighted_grade.{m}", f"{m}_grade", "ratio",
                            (f"contained_{m}", f"graded_ore_{m}"),
                            u.PERCENT if m in BASE else u.OZ_PER_TON,
                            f"Ore grade milled - {m.title()} (weighted by tons)", OPS,
                            factor=factor))
    return out


def _with(rel: Relation, **changes: object) -> Relation:
    from dataclasses import replace

    return replace(rel, **changes)  # type: ignore[arg-type]


def _mark_per_metal(rels: list[Relation]) -> list[Relation]:
    """A relation depends on the primary metal when any operand does."""
    per_metal = {"basis_oz"}
    out = []
    for r in rels:
        if r.per_metal or r.output == "basis_oz" or any(o in per_metal for o in r.operands):
            per_metal.add(r.output)
            r = _with(r, per_metal=True)
        out.append(r)
    return out


#: Metrics whose change from the same period a year earlier is derived.
CHANGE_METRICS = (
    "primary_produced", "cash_operating_cost_per_oz", "total_cash_cost_per_oz",
    "total_production_cost_per_oz", "aisc_per_oz",
)
