"""Properties of the engine for any generated set of units and quarters."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from assay.operating import Unit
from assay.standards import derive

from .helpers import company, data

money = st.integers(min_value=0, max_value=10**9)
ounces = st.integers(min_value=1, max_value=10**7)
tons = st.integers(min_value=0, max_value=10**5)
prices = st.fixed_dictionaries({
    "silver": st.decimals("1", "50", places=2), "gold": st.decimals("200", "3000", places=0),
    "lead": st.decimals("0.1", "2", places=2), "zinc": st.decimals("0.1", "3", places=2)})
row = st.fixed_dictionaries({
    "mining_cost": money, "milling_cost": money, "treatment_freight": money,
    "byproduct_credits": money, "royalties": money, "dda": money, "silver_produced": ounces,
    "gold_produced": st.integers(0, 10**5), "lead_produced": tons, "zinc_produced": tons})


@settings(max_examples=60, deadline=None)
@given(row, prices)
def test_coproduct_shares_sum_to_one_and_costs_to_the_total(r, deck):
    u = Unit("U", "silver", "S")
    out = derive(data(company([u], {"2024Q1": {k: str(v) for k, v in deck.items()}}),
                      {("U", "2024Q1"): r}))
    metals = ("silver", "gold", "lead", "zinc", "copper")
    shares = [out.value("U", "2024Q1", f"coproduct_share_{m}") for m in metals]
    assert abs(sum(shares) - 1) < D("1e-20")
    costs = [out.value("U", "2024Q1", f"coproduct_cost_{m}") for m in metals]
    gross = out.value("U", "2024Q1", "gross_cash_cost")
    assert abs(sum(costs) - gross) <= abs(gross) * D("1e-20")


units_quarters = st.lists(
    st.tuples(st.integers(0, 4), st.integers(1, 4), row), min_size=1, max_size=12,
    unique_by=lambda t: (t[0], t[1]))


@settings(max_examples=60, deadline=None)
@given(units_quarters, st.lists(st.sampled_from(["1", "0.5", "0.2973"]), min_size=5,
                                max_size=5))
def test_company_and_year_per_ounce_is_sum_of_costs_over_sum_of_ounces(rows, shares):
    units = [Unit(f"U{i}", "silver", "S", share=D(shares[i])) for i in range(5)]
    cells = {(f"U{i}", f"2024Q{q}"): r for i, q, r in rows}
    out = derive(data(company(units), cells))
    for q in range(1, 5):
        parts = [(i, r) for i, qq, r in rows if qq == q]
        if not parts:
            continue
        cost = sum(out.value(f"U{i}", f"2024Q{q}", "total_cash_cost") for i, _ in parts)
        oz = sum(out.value(f"U{i}", f"2024Q{q}", "basis_oz") for i, _ in parts)
        assert out.value("S", f"2024Q{q}", "total_cash_cost_per_oz") == cost / oz
    for i in range(5):
        quarters = sorted(q for ii, q, _ in rows if ii == i)
        n = 0
        while n < len(quarters) and quarters[n] == n + 1:
            n += 1
        if n < 2:
            continue
        key = {2: "2024H1", 3: "2024M9", 4: "2024FY"}[n]
        cost = sum(out.value(f"U{i}", f"2024Q{q}", "total_cash_cost") for q in range(1, n + 1))
        oz = sum(out.value(f"U{i}", f"2024Q{q}", "basis_oz") for q in range(1, n + 1))
        assert out.value(f"U{i}", key, "total_cash_cost_per_oz") == cost / oz
