"""Each standard against hand-worked examples; the arithmetic is written in the test."""

from __future__ import annotations

from decimal import Decimal as D

from assay.operating import Unit
from assay.standards import derive

from .helpers import company, data

POLY = Unit("Poly", "silver", "Silver")
POLY_ROW = {
    "mining_cost": 1_000_000, "milling_cost": 500_000, "site_ga": 250_000,
    "treatment_freight": 400_000, "byproduct_credits": 3_000_000, "royalties": 50_000,
    "production_taxes": 25_000, "dda": 300_000, "reclamation": 20_000,
    "silver_produced": 100_000, "lead_produced": 500, "zinc_produced": 1000,
    "ore_milled": 10_000, "silver_grade": 12,
}
DECK = {"2024Q1": {"silver": "10", "lead": "0.5", "zinc": "1.0"}}


def test_gold_institute_ladder_by_product_costs_turn_negative():
    r = derive(data(company([POLY], DECK), {("Poly", "2024Q1"): POLY_ROW}))
    v = lambda m: r.value("Poly", "2024Q1", m)  # noqa: E731
    # direct costs 1,000,000 + 500,000 + 250,000 = 1,750,000
    # cash operating = 1,750,000 + 400,000 (TC/RC, freight) - 3,000,000 credits = -850,000
    assert v("cash_operating_cost") == D(-850_000)
    assert v("cash_operating_cost_per_oz") == D("-8.5")  # / 100,000 oz
    # total cash = -850,000 + 50,000 royalties + 25,000 production taxes = -775,000
    assert v("total_cash_cost_per_oz") == D("-7.75")
    # total production = -775,000 + 300,000 DD&A + 20,000 reclamation = -455,000
    assert v("total_production_cost_per_oz") == D("-4.55")
    # gross: before credits, -775,000 + 3,000,000 = 2,225,000 / 100,000 oz
    assert v("gross_cash_cost_per_oz") == D("22.25")
    # per ton: 1,000,000 / 10,000 t; recovery 100,000 / (10,000 t x 12 oz/t)
    assert v("mining_cost_per_ton") == D(100)
    assert v("recovery_silver") == D(100_000) / D(120_000)


def test_co_product_allocates_gross_cost_by_value_at_the_price_deck():
    r = derive(data(company([POLY], DECK), {("Poly", "2024Q1"): POLY_ROW}))
    v = lambda m: r.value("Poly", "2024Q1", m)  # noqa: E731
    # value: silver 100,000 oz x $10 = 1,000,000; lead 500 t x 2,000 lb x $0.50 = 500,000;
    # zinc 1,000 t x 2,000 lb x $1.00 = 2,000,000; total 3,500,000 -> shares 2/7, 1/7, 4/7
    assert v("total_value") == D(3_500_000)
    assert v("coproduct_share_silver") == D(1_000_000) / D(3_500_000)
    # silver: 2,225,000 x 2/7 / 100,000 oz = 6.357142857...
    assert round(v("coproduct_cost_per_unit_silver"), 6) == D("6.357143")
    # zinc: 2,225,000 x 4/7 / 2,000,000 lb = 0.635714...
    assert round(v("coproduct_cost_per_unit_zinc"), 6) == D("0.635714")
    # silver-equivalent ounces: 3,500,000 / $10 = 350,000 with the deck stored beside
    eq = r.get("Poly", "2024Q1", "equivalent_oz")
    assert eq.value == D(350_000)
    assert "silver 10" in eq.note("price_deck")


def test_wood_mackenzie_royalties_in_c1_or_c3():
    cells = {("Poly", "2024Q1"): POLY_ROW}
    c1 = derive(data(company([POLY], DECK, "C1"), cells))
    c3 = derive(data(company([POLY], DECK, "C3"), cells))
    # C1 with royalties = total cash cost -775,000; without: -850,000
    assert c1.value("Poly", "2024Q1", "c1") == D(-775_000)
    assert c3.value("Poly", "2024Q1", "c1") == D(-850_000)
    # C2 adds DD&A 300,000; C3 adds reclamation 20,000 (and royalties+taxes 75,000 if C3)
    assert c1.value("Poly", "2024Q1", "c2") == D(-475_000)
    assert c1.value("Poly", "2024Q1", "c3") == D(-455_000)
    assert c3.value("Poly", "2024Q1", "c3") == D(-455_000)


def test_wgc_aisc_and_aic_per_ounce_sold_with_corporate_ga_at_company_level():
    row = dict(POLY_ROW, inventory_change=100_000, sustaining_capital=200_000,
               sustaining_leases=30_000, growth_capital=500_000, silver_sold=95_000)
    cells = {("Poly", "2024Q1"): row,
             (None, "2024Q1"): {"corporate_ga": 60_000, "exploration": 40_000}}
    r = derive(data(company([POLY], DECK), cells))
    # 1,750,000 + 100,000 inventory + 75,000 royalties/taxes + 400,000 TC/RC
    # - 3,000,000 credits + 20,000 reclamation + 200,000 sust. capital + 30,000 leases
    assert r.value("Poly", "2024Q1", "aisc") == D(-425_000)
    assert r.value("Poly", "2024Q1", "aisc_per_oz") == D(-425_000) / D(95_000)
    # AIC adds growth capital 500,000 -> 75,000
    assert r.value("Poly", "2024Q1", "aic") == D(75_000)
    # company: the unit's AISC plus corporate G&A 60,000; AIC also exploration 40,000
    assert r.value("TestCo", "2024Q1", "aisc") == D(-365_000)
    assert r.value("TestCo", "2024Q1", "aic") == D(175_000)


def test_partial_share_scales_inputs_and_keeps_per_ounce():
    half = Unit("Quarter", "silver", "Silver", share=D("0.25"))
    full = Unit("Whole", "silver", "Silver")
    cells = {("Quarter", "2024Q1"): {"mining_cost": 400_000, "silver_produced": 40_000},
             ("Whole", "2024Q1"): {"mining_cost": 300_000, "silver_produced": 20_000}}
    r = derive(data(company([half, full]), cells))
    # attributable: 400,000 x 0.25 = 100,000 and 40,000 x 0.25 = 10,000 oz
    assert r.value("Quarter", "2024Q1", "mining_cost") == D(100_000)
    fact = r.get("Quarter", "2024Q1", "silver_produced")
    assert fact.value == D(10_000) and fact.derivation.relation == "consolidation.attributable"
    assert r.value("Quarter", "2024Q1", "total_cash_cost_per_oz") == D(10)  # 100,000 / 10,000
    # segment: (100,000 + 300,000) / (10,000 + 20,000) = 13.333..., not (10 + 15) / 2
    assert r.value("Silver", "2024Q1", "total_cash_cost_per_oz") == D(400_000) / D(30_000)
    assert r.value("TestCo", "2024Q1", "silver_produced") == D(30_000)


def test_year_to_date_is_sum_of_cost_over_sum_of_ounces():
    u = Unit("Mine", "gold", "Gold")
    cells = {("Mine", "2024Q1"): {"mining_cost": 1_000_000, "gold_produced": 100_000},
             ("Mine", "2024Q2"): {"mining_cost": 1_000_000, "gold_produced": 50_000}}
    r = derive(data(company([u]), cells))
    assert r.value("Mine", "2024Q1", "total_cash_cost_per_oz") == D(10)
    assert r.value("Mine", "2024Q2", "total_cash_cost_per_oz") == D(20)
    # H1: 2,000,000 / 150,000 = 13.33...; the average of quarters (15) would be wrong
    h1 = r.get("Mine", "2024H1", "total_cash_cost_per_oz")
    assert h1.value == D(2_000_000) / D(150_000)
    assert h1.value != D(15)
    cost = r.get("Mine", "2024H1", "total_cash_cost")
    assert cost.derivation.relation == "aggregate.year_to_date"


def test_change_from_a_year_earlier_and_gaap_identity():
    u = Unit("Mine", "gold", "Gold")
    cells = {("Mine", "2023Q1"): {"mining_cost": 800_000, "gold_produced": 100_000},
             ("Mine", "2024Q1"): {"mining_cost": 900_000, "gold_produced": 100_000,
                                  "inventory_change": -50_000, "dda": 70_000,
                                  "dda_excluded": 5_000, "other_costs": 3_000,
                                  "treatment_freight": 10_000, "byproduct_credits": 20_000}}
    r = derive(data(company([u]), cells))
    # 2023: 8.00/oz; 2024: (900,000 + 10,000 - 20,000) / 100,000 = 8.90/oz -> +0.90
    assert r.value("Mine", "2024Q1", "change_total_cash_cost_per_oz") == D("0.9")
    # GAAP: cost of sales = site 900,000 + inventory -50,000 + DD&A 75,000 + other 3,000
    assert r.value("Mine", "2024Q1", "gaap_cost") == D(928_000)
