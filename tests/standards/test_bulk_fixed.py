"""The metrics engine: its fixed-point arithmetic by hand, its nodes, and its agreement with
the per-fact reference on any folder, large numbers included."""

from __future__ import annotations

import sys
from decimal import Decimal as D
from decimal import localcontext
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assay.errors import InputErrors
from assay.operating import Unit, load_company
from assay.standards import derive
from assay.standards.bulk import derive_bulk
from assay.standards.fixed import (
    LIMIT,
    Column,
    Dc,
    Fx,
    divide,
    from_decimals,
    group_sum,
    multiply,
)
from assay.standards.node_table import build_table

from . import per_fact
from .helpers import company, data, same_facts

ROOT = Path(__file__).resolve().parents[2]
HECLA = ROOT / "examples" / "hecla-2007"
ALL = np.ones(3, dtype=bool)


def _generated(units: int, quarters: int, seed: int):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_metrics import generate

    return generate(units, quarters, seed=seed)


# --- fixed point by hand ----------------------------------------------------------------

def test_a_column_takes_the_places_of_its_most_precise_cell():
    x = from_decimals([D("12.34"), D(5), D("-0.5")], ALL)
    assert isinstance(x, Fx) and x.k == 2
    assert x.v.tolist() == [1234, 500, -50]  # 12.34, 5.00, -0.50 in hundredths


def test_a_column_too_large_for_int64_stays_decimal():
    x = from_decimals([D(10) ** 19, D(1), D(2)], ALL)
    assert isinstance(x, Dc) and x.v[0] == D(10) ** 19


def test_a_share_scales_exactly_in_integers():
    # 1,000,000 x 0.2973 = 297,300 exactly: 1,000,000 x 2,973 / 10**4
    x = multiply(from_decimals([D(1_000_000), D(0), D(7)], ALL),
                 from_decimals([D("0.2973"), D(1), D("0.2973")], ALL), D(1))
    assert isinstance(x, Fx) and x.k == 4
    assert x.v.tolist() == [2_973_000_000, 0, 20_811]  # 7 x 0.2973 = 2.0811


def test_a_ratio_is_the_decimal_quotient_whatever_the_places():
    # 100 / 3 ounces x 0.0005 (per pound of a ton): Decimal rounds a / b, then x factor
    a = from_decimals([D(100), D("2.5"), D(0)], ALL)  # k = 1: 1000, 25, 0
    b = from_decimals([D(3), D("0.0007"), D(4)], ALL)  # k = 4: 30000, 7, 40000
    got = divide(a, b, D("0.0005"))
    assert got.v[0] == D(100) / D(3) * D("0.0005")
    assert got.v[1] == D("2.5") / D("0.0007") * D("0.0005")
    assert got.v[2] == 0 and got.ok.tolist() == [True, True, True]


def test_a_zero_divisor_leaves_no_ratio():
    got = divide(from_decimals([D(1), D(2), D(3)], ALL), from_decimals([D(0), D(1), D(0)], ALL),
                 D(1))
    assert got.ok.tolist() == [False, True, False] and got.v[1] == 2


def test_group_sums_near_int64_fall_back_to_decimal():
    big = LIMIT // 2  # two of them pass the limit
    x = Fx(np.array([big, big, 5], dtype=np.int64), 0, np.ones(3, dtype=bool))
    total = group_sum(x, np.array([0, 2]), 2)
    assert isinstance(total, Dc)
    assert total.v.tolist() == [D(2 * big), D(5)]
    small = group_sum(Fx(np.array([1, 2, 5], dtype=np.int64), 0, np.ones(3, dtype=bool)),
                      np.array([0, 2]), 2)
    assert isinstance(small, Fx) and small.v.tolist() == [3, 5]


def test_a_product_past_int64_is_computed_in_decimal():
    big = from_decimals([D(3 * 10**18), D(2), D(0)], ALL)
    got = multiply(big, from_decimals([D("1.5"), D(7), D(9)], ALL), D(2000))
    assert isinstance(got, Dc)
    assert got.v.tolist() == [D(9 * 10**21), D(28_000), D(0)]  # 3e18 x 1.5 x 2000


def test_a_column_keeps_what_its_places_cannot_hold_as_decimal():
    col = Column(3)
    col.write(np.array([0, 1]), from_decimals([D(4 * 10**17), D(5)], np.ones(2, dtype=bool)))
    # a value with 4 places would need 4e21 in the column: it is kept as a Decimal instead
    col.write(np.array([2]), from_decimals([D("0.0001")], np.ones(1, dtype=bool)))
    assert [col.value(i) for i in range(3)] == [D(4 * 10**17), D(5), D("0.0001")]
    assert isinstance(col.read(np.arange(3)), Dc)
    assert isinstance(col.read(np.array([0, 1])), Fx)


# --- nodes -------------------------------------------------------------------------------

def _signature(node):
    return (node.name, node.kind, node.period, node.entity, node.unit, node.primary, node.basis,
            node.how, [m.key for m in node.members])


def test_node_table_is_build_nodes_on_hecla_and_generated_folders():
    for folder in (load_company(HECLA), _generated(7, 9, seed=2)):
        assert [_signature(n) for n in build_table(folder).nodes()] == \
            [_signature(n) for n in per_fact.build_nodes(folder)]


# --- agreement ---------------------------------------------------------------------------

def test_engine_is_the_reference_on_hecla_and_generated_data():
    assert same_facts(load_company(HECLA)) > 2000
    assert same_facts(_generated(9, 10, seed=11)) > 15000


# segment A on a produced basis, B on a sold basis: load_company refuses mixed segments
UNITS = st.lists(st.tuples(st.sampled_from(["silver", "gold", "zinc"]), st.sampled_from("AB"),
                           st.sampled_from(["1", "0.5", "0.2973"]),
                           st.sampled_from(["100%", "attributable"])), min_size=1, max_size=3)
AMOUNT = st.one_of(st.integers(0, 10**9), st.integers(-10**6, 10**6),
                   st.decimals(0, 10**7, places=2), st.just(0))
ITEMS = ["mining_cost", "milling_cost", "site_ga", "treatment_freight", "byproduct_credits",
         "royalties", "production_taxes", "inventory_change", "dda", "reclamation",
         "sustaining_capital", "growth_capital", "ore_milled", "silver_produced", "silver_sold",
         "gold_produced", "gold_sold", "zinc_produced", "lead_produced", "third_party_oz"]
ROW = st.dictionaries(st.sampled_from(ITEMS), AMOUNT, min_size=3).flatmap(
    lambda r: st.dictionaries(st.sampled_from(["silver_grade", "gold_grade", "zinc_grade"]),
                              st.decimals("0.01", "40", places=3), max_size=2)
    .map(lambda g: {**r, **g}))
PERIODS = ["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024H1"]
DECK = st.fixed_dictionaries({}, optional={
    "silver": st.decimals("1", "50", places=2), "gold": st.decimals("200", "3000", places=0),
    "zinc": st.decimals("0.1", "3", places=3), "lead": st.decimals("0.1", "2", places=2)})


@st.composite
def folders(draw):
    specs = draw(UNITS)
    units = [Unit(f"U{i}", metal, seg, D(share), "produced" if seg == "A" else "sold", data_at)
             for i, (metal, seg, share, data_at) in enumerate(specs)]
    cells = {}
    for u in [*(u.name for u in units), None]:
        for p in draw(st.lists(st.sampled_from(PERIODS), unique=True, max_size=6)):
            cells[(u, p)] = (draw(ROW) if u is not None else
                             draw(st.fixed_dictionaries({"corporate_ga": AMOUNT,
                                                         "exploration": AMOUNT})))
    decks = {p: {m: str(v) for m, v in draw(DECK).items()} for p in PERIODS}
    return data(company(units, decks, draw(st.sampled_from(["C1", "C3"]))), cells)


def _refused(folder) -> list[str] | None:
    """The errors of a folder whose years to date cannot be made (the same from every
    engine), or None."""
    try:
        per_fact.build_nodes(folder)
    except InputErrors as e:
        text = [str(x) for x in e.errors]
        for engine in (per_fact.derive, derive, derive_bulk, build_table):
            with pytest.raises(InputErrors) as again:
                engine(folder)
            assert [str(x) for x in again.value.errors] == text
        return text
    return None


@settings(max_examples=60, deadline=None)
@given(folders())
def test_any_folder_gives_the_references_facts(folder):
    if _refused(folder) is None:
        same_facts(folder)


@settings(max_examples=15, deadline=None)
@given(folders(), st.sampled_from([10**12, 10**16, 10**22]))
def test_amounts_past_int64_give_the_same_numbers(folder, scale):
    # costs of 10**12..10**22: shares and sums leave int64, the engine falls back to Decimal
    for row in folder.cells.values():
        for key in row:
            if key.endswith("_cost") or key in ("dda", "site_ga", "corporate_ga"):
                row[key] = row[key] * scale
    if _refused(folder) is not None:
        return
    same_facts(folder)


def test_a_figure_with_more_digits_than_assays_arithmetic_keeps_is_refused_at_its_cell():
    u = Unit("U", "silver", "S")
    folder = data(company([u], {"2024Q1": {"silver": "20"}}),
                  {("U", "2024Q1"): {"mining_cost": "1.234567890123456789012345678901",
                                     "silver_produced": 7, "ore_milled": 3}})
    with pytest.raises(InputErrors) as e:
        derive_bulk(folder)
    assert [str(x) for x in e.value.errors] == [
        "t.csv:2: mining_cost of U 2024Q1: 1.234567890123456789012345678901 is not a number "
        "of at most 28 significant digits"]


def test_the_callers_decimal_context_changes_no_figure():
    folder = _generated(3, 5, seed=4)
    want = derive_bulk(folder).value("U0001", "2000Q2", "aisc_per_oz")
    assert len(want.as_tuple().digits) == 28  # a quotient, to 28 significant digits
    with localcontext() as ctx:
        ctx.prec = 12  # sums of 19-digit integers would round here
        assert derive_bulk(folder).value("U0001", "2000Q2", "aisc_per_oz") == want


def test_provenance_of_a_year_to_date_names_its_quarters():
    folder = _generated(2, 4, seed=1)
    bulk, facts = derive_bulk(folder), derive(folder)
    d = facts.get("U0001", "2000M9", "total_cash_cost").derivation
    assert d.relation == "aggregate.year_to_date"
    assert d.operands == tuple(f"U0001|2000Q{q}|total_cash_cost" for q in (1, 2, 3))
    ratio = facts.get("U0001", "2000M9", "total_cash_cost_per_oz").derivation
    assert ratio.relation == "gi.total_cash_cost_per_oz"
    assert bulk.value("U0001", "2000M9", "total_cash_cost_per_oz") == \
        bulk.value("U0001", "2000M9", "total_cash_cost") / bulk.value("U0001", "2000M9",
                                                                      "basis_oz")
