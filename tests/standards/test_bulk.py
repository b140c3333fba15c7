"""assay's metrics engine gives the per-fact reference's facts (tests/standards/per_fact.py:
the same relations applied fact by fact with plain Decimals), provenance included."""

from __future__ import annotations

import sys
from pathlib import Path

from assay.operating import load_company
from assay.standards import derive

from .helpers import same_facts

ROOT = Path(__file__).resolve().parents[2]
HECLA = ROOT / "examples" / "hecla-2007"


def test_engine_gives_the_references_facts_on_hecla():
    assert same_facts(load_company(HECLA)) > 2000
    # a report's periods only: the nodes of 2007Q2, the year before, and what they add
    assert same_facts(load_company(HECLA), ["2007Q2", "2006Q2"]) > 1000


def test_engine_gives_the_references_facts_on_generated_units_and_quarters():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_metrics import generate

    # 6 units (one at 29.73%), 8 quarters: years to date, segments, company, changes
    assert same_facts(generate(6, 8, seed=3)) > 10000


def test_provenance_is_materialised_on_demand():
    d = derive(load_company(HECLA))
    fact = d.get("Greens Creek", "2007Q2", "total_cash_cost_per_oz")
    assert fact.derivation.relation == "gi.total_cash_cost_per_oz"
    assert fact.derivation.operands == ("Greens Creek|2007Q2|total_cash_cost",
                                        "Greens Creek|2007Q2|basis_oz")
    seg = d.get("Silver operations", "2007Q2", "total_cash_cost")
    assert seg.derivation.relation == "aggregate.segment" and len(seg.derivation.operands) == 2
    # an operand that is a cell of the folder is that cell, with its file, row and column
    cell = d.fact(d.get("Greens Creek", "2007Q2", "total_cash_cost").derivation.operands[0])
    assert cell.source is not None or cell.derivation is not None
