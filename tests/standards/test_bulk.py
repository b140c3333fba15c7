"""The vectorised path gives the very Decimals of the per-fact path."""

from __future__ import annotations

import sys
from pathlib import Path

from assay.operating import load_company
from assay.standards import derive
from assay.standards.bulk import derive_bulk

ROOT = Path(__file__).resolve().parents[2]


def _agree(data) -> int:
    scalar, bulk = derive(data), derive_bulk(data)
    checked = 0
    for (name, period, metric), fid in scalar.index.items():
        if metric.startswith("price_"):
            continue
        assert bulk.value(name, period, metric) == scalar.facts[fid].value, (name, period, metric)
        checked += 1
    return checked


def test_bulk_agrees_with_per_fact_path_on_hecla():
    assert _agree(load_company(ROOT / "examples" / "hecla-2007")) > 2000


def test_bulk_agrees_on_generated_units_and_quarters():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_metrics import generate

    # 6 units (one at 29.73%), 8 quarters: years to date, segments, company, changes
    assert _agree(generate(6, 8, seed=3)) > 5000


def test_bulk_provenance_is_materialised_on_demand():
    bulk = derive_bulk(load_company(ROOT / "examples" / "hecla-2007"))
    d = bulk.derivation("Greens Creek", "2007Q2", "total_cash_cost_per_oz")
    assert d.relation == "gi.total_cash_cost_per_oz"
    assert d.operands == ("Greens Creek|2007Q2|total_cash_cost", "Greens Creek|2007Q2|basis_oz")
    seg = bulk.derivation("Silver operations", "2007Q2", "total_cash_cost")
    assert seg.relation == "aggregate.segment" and len(seg.operands) == 2
