"""Figures of groups (segments, the company, years to date): head grades weighted by the
tons that carry them, and years to date that keep every unit's quarters."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assay.errors import InputErrors
from assay.operating import Unit
from assay.standards import derive
from assay.standards.bulk import derive_bulk

from . import per_fact
from .helpers import company, data

A = Unit("A", "silver", "Silver")
B = Unit("B", "silver", "Silver")
Z = Unit("Z", "zinc", "Zinc")


def _engines(folder):
    return per_fact.derive(folder), derive(folder), derive_bulk(folder)


def test_head_grades_of_segments_years_to_date_and_company():
    cells = {
        ("A", "2024Q1"): {"ore_milled": 1000, "silver_grade": 10, "silver_produced": 9000},
        ("A", "2024Q2"): {"ore_milled": 3000, "silver_grade": 20, "silver_produced": 50000},
        ("B", "2024Q1"): {"ore_milled": 1000, "silver_grade": 30, "silver_produced": 25000},
        ("B", "2024Q2"): {"ore_milled": 500, "silver_produced": 4000},  # no grade given
        ("Z", "2024Q1"): {"ore_milled": 2000, "zinc_grade": "8.5", "zinc_produced": 150},
        ("Z", "2024Q2"): {"ore_milled": 6000, "zinc_grade": "4.5", "zinc_produced": 250},
    }
    for r in _engines(data(company([A, B, Z]), cells)):
        v = r.value
        # segment Q1: (1,000 t x 10 + 1,000 t x 30 oz/t) / 2,000 t = 20 oz/t
        assert v("Silver", "2024Q1", "silver_grade") == 20
        # A H1: (10,000 + 60,000 oz) / 4,000 t = 17.5 oz/t
        assert v("A", "2024H1", "silver_grade") == D("17.5")
        # B H1: only Q1 carries a grade: 30,000 oz / 1,000 t = 30 (not / 1,500 t)
        assert v("B", "2024H1", "silver_grade") == 30
        # segment H1: (10,000 + 60,000 + 30,000) / (1,000 + 3,000 + 1,000) t = 20 oz/t
        assert v("Silver", "2024H1", "silver_grade") == 20
        # company Q2: 60,000 oz over the 3,000 t that carry a silver grade = 20 oz/t
        assert v("TestCo", "2024Q2", "silver_grade") == 20
        # zinc in %: H1 (2,000 t x 8.5% + 6,000 t x 4.5%) = 170 + 270 = 440 t of zinc
        # in 8,000 t = 5.5%
        assert v("Zinc", "2024H1", "zinc_grade") == D("5.5")
        assert v("TestCo", "2024H1", "zinc_grade") == D("5.5")
        # recovery stays a ratio of sums: zinc H1 400 t produced / 440 t contained
        assert v("Z", "2024H1", "recovery_zinc") == D(400) / D(440)


YTD = {("A", "2024Q1"): {"mining_cost": 1_000_000, "silver_produced": 1000},
       ("A", "2024Q2"): {"mining_cost": 1_000_000, "silver_produced": 1000},
       ("B", "2024Q2"): {"mining_cost": 9_000_000, "silver_produced": 1000}}


def test_a_unit_without_every_quarter_still_counts_in_its_groups_year_to_date():
    for r in _engines(data(company([A, B]), YTD)):
        # B started in Q2: it has no H1 of its own, but the segment's H1 is the sum of the
        # segment's quarters: 3,000 oz and 11,000,000 / 3,000 = 3,666.67 per ounce
        assert r.value("B", "2024H1", "silver_produced") is None
        for group in ("Silver", "TestCo"):
            assert r.value(group, "2024H1", "silver_produced") == 3000
            assert r.value(group, "2024H1", "mining_cost") == 11_000_000
        assert r.value("Silver", "2024H1", "total_cash_cost_per_oz") == \
            D(11_000_000) / D(3000)
    d = derive(data(company([A, B]), YTD)).get("Silver", "2024H1", "mining_cost")
    assert d.derivation.relation == "aggregate.year_to_date"
    assert d.derivation.operands == ("Silver|2024Q1|mining_cost", "Silver|2024Q2|mining_cost")
    assert d.derivation.note == "sum of Silver's quarters: B has no 2024H1 of its own"


def test_a_given_year_to_date_beside_a_partial_unit_is_refused_with_both_named():
    cells = {("A", "2024H1"): {"mining_cost": 2_000_000, "silver_produced": 2000},
             ("B", "2024Q2"): {"mining_cost": 9_000_000, "silver_produced": 1000}}
    for engine in (per_fact.derive, derive, derive_bulk):
        with pytest.raises(InputErrors) as e:
            engine(data(company([A, B]), cells))
        assert [x.problem for x in e.value.errors] == [
            f"{g} 2024H1: B gives some quarters of 2024 but not 2024H1, and A gives 2024H1 "
            "itself: give 2024H1 for B too" for g in ("Silver", "TestCo")]
