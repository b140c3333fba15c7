"""Derive every cost metric for 1,000 units x 40 quarters of generated operating data.

Prints the median time of the metrics engine (`derive_bulk`: exact int64 fixed point,
Decimal ratios) and its cost per derived fact, against a baseline measured in the same
run: the tests' per-fact reference (plain Decimals, a fact object each) on a slice of the
units, checked value for value against the engine there. Also the cost of making every
value of that slice a fact with provenance (`derive(...).get`), as `explain` and `report`
do for the figures they show. Target: the engine under 2 s here.
Usage: python benchmarks/bench_metrics.py [units] [quarters] [runs]
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal
from pathlib import Path

from _timing import median_time

from assay.model import Location
from assay.operating import Company, OperatingData, PriceDeck, Segment, Unit, parse_period
from assay.operating.schema import ITEMS
from assay.standards import derive
from assay.standards.bulk import derive_bulk

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.standards import per_fact  # noqa: E402


def generate(units: int, quarters: int, seed: int = 7) -> OperatingData:
    rnd = random.Random(seed)
    us = []
    for i in range(units):
        metal = "silver" if i % 3 else "gold"
        share = Decimal("0.2973") if i % 10 == 0 else Decimal(1)
        us.append(Unit(f"U{i:04d}", metal, metal.title(), share))
    segs = [Segment("Silver", "silver"), Segment("Gold", "gold")]
    keys = [f"{2000 + q // 4}Q{q % 4 + 1}" for q in range(quarters)]
    decks = {k: PriceDeck(k, {"silver": Decimal(rnd.randint(500, 3000)) / 100,
                              "gold": Decimal(rnd.randint(300, 2000)),
                              "lead": Decimal(rnd.randint(30, 150)) / 100,
                              "zinc": Decimal(rnd.randint(40, 200)) / 100},
                          "generated", Location("company.toml", 1)) for k in keys}
    data = OperatingData(Company("GenCo", us, segs, decks), {}, items=dict(ITEMS))
    for k in keys:
        data.periods[k] = parse_period(k)  # type: ignore[assignment]
    for u in us:
        for k in keys:
            tons = rnd.randint(20_000, 200_000)
            row = {
                "ore_milled": tons, "mining_cost": tons * rnd.randint(2000, 9000) // 100,
                "milling_cost": tons * rnd.randint(800, 3000) // 100,
                "site_ga": rnd.randint(10**5, 10**6), "treatment_freight": rnd.randint(0, 10**6),
                "byproduct_credits": rnd.randint(0, 5 * 10**6), "royalties": rnd.randint(0, 10**5),
                "production_taxes": rnd.randint(0, 10**5),
                "inventory_change": rnd.randint(-10**5, 10**5),
                "dda": rnd.randint(10**5, 10**6), "reclamation": rnd.randint(0, 10**4),
                "sustaining_capital": rnd.randint(0, 10**6),
                "growth_capital": rnd.randint(0, 10**6),
                f"{u.primary_metal}_grade": Decimal(rnd.randint(5, 2000)) / 100,
                f"{u.primary_metal}_produced": rnd.randint(1_000, 1_000_000),
                f"{u.primary_metal}_sold": rnd.randint(1_000, 1_000_000),
                "lead_produced": rnd.randint(0, 5000), "zinc_produced": rnd.randint(0, 5000),
            }
            if u.primary_metal == "silver":
                row["gold_produced"] = rnd.randint(0, 5000)
            data.cells[(u.name, k)] = {c: Decimal(v) for c, v in row.items()}
    return data


def _agreeing_facts(fast, ref) -> int:
    """Every value of the reference, the same in the engine."""
    count = 0
    for (name, period, metric), fid in ref.index.items():
        if not metric.startswith("price_"):
            assert fast.value(name, period, metric) == ref.facts[fid].value, (name, metric)
            count += 1
    assert count == fast.fact_count() - sum(int(col.ok.sum()) for m, col in fast.store.items()
                                            if m.startswith("price_"))
    return count


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    quarters = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    data = generate(units, quarters)
    bulk, res = median_time(lambda: derive_bulk(data), runs)
    facts = res.fact_count()
    t0 = time.perf_counter()
    for name in res.store:
        res.column(name)
    every = time.perf_counter() - t0
    print(f"units x quarters: {units} x {quarters} = {units * quarters:,} unit-quarters, "
          f"{len(res):,} nodes (with years to date, segments, company)")
    print(f"bulk (int64 fixed point, Decimal ratios): median of {runs} {bulk:.3f} s for "
          f"{facts:,} facts = {bulk / facts * 1e6:.3f} us/fact  (target < 2 s: "
          f"{'met' if bulk < 2 else 'NOT met'})")
    print(f"  then every value as a Decimal object (column() of each metric): {every:.3f} s")

    slice_units = max(1, units // 20)
    part = generate(slice_units, quarters)
    ref_time, ref = median_time(lambda: per_fact.derive(part), 1)
    fast_time, fast = median_time(lambda: derive_bulk(part), 3)
    same = _agreeing_facts(fast, ref)
    print(f"baseline per-fact reference on {slice_units} units: {ref_time:.3f} s for {same:,} "
          f"facts = {ref_time / same * 1e6:.2f} us/fact; the engine on the same slice "
          f"{fast_time:.3f} s ({ref_time / fast_time:.0f}x faster); {same:,} values identical")
    print(f"ratio per fact (reference / engine): {ref_time / same / (bulk / facts):.0f}x against "
          "the full-size engine run")
    def provenance():
        d = derive(part)
        return sum(d.get(*k).derivation is not None for k in d.computed())
    prov_time, made = median_time(provenance, 1)
    print(f"every value of the slice as a fact with provenance: {prov_time:.3f} s for "
          f"{made:,} derived facts = {prov_time / made * 1e6:.2f} us/fact")


if __name__ == "__main__":
    main()
