"""Derive every cost metric for 1,000 units x 40 quarters of generated operating data.

Prints the median time of the vectorised Decimal path (`derive_bulk`) and the cost per
derived fact, against a baseline measured in the same run: the per-fact path (`derive`,
full provenance objects) on a 20-unit slice, scaled. Target: bulk under 2 s here.
Usage: python benchmarks/bench_metrics.py [units] [quarters]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from decimal import Decimal

from assay.model import Location
from assay.operating import Company, OperatingData, PriceDeck, Segment, Unit, parse_period
from assay.operating.schema import ITEMS
from assay.standards import derive
from assay.standards.bulk import derive_bulk


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


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    quarters = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    data = generate(units, quarters)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        res = derive_bulk(data)
        times.append(time.perf_counter() - t0)
    bulk = statistics.median(times)
    facts = res.fact_count()
    small = generate(20, quarters)
    t0 = time.perf_counter()
    per_fact = derive(small)
    slow = time.perf_counter() - t0
    slow_facts = len(per_fact.derived_facts())
    print(f"units x quarters: {units} x {quarters} = {units * quarters} unit-quarters, "
          f"{len(res.nodes)} nodes (with years to date, segments, company)")
    print(f"bulk (Decimal columns): median {bulk:.3f} s for {facts:,} facts "
          f"= {bulk / facts * 1e6:.2f} us/fact  (target < 2 s)")
    print(f"baseline per-fact path with provenance objects: {slow:.3f} s for "
          f"{slow_facts:,} facts = {slow / slow_facts * 1e6:.2f} us/fact")
    print(f"ratio per fact (baseline / bulk): {slow / slow_facts / (bulk / facts):.1f}x")


if __name__ == "__main__":
    main()
