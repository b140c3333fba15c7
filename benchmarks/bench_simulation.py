"""Benchmark: Monte Carlo price scenarios, 10^6 scenarios x 4 metals x 20 units.

A model of 20 units and 4 metals (coefficients drawn once), simulated with
:func:`assay.standards.simulation.simulate`: the median of ``--runs`` runs, against the
target of 2 s, and a check that the same seed gives identical figures. The baseline in
the same run is drawing the random numbers alone (the floor no simulation goes under).

    .venv/bin/python benchmarks/bench_simulation.py [--scenarios 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse

import numpy as np
from _timing import median_time

from assay.standards.simulation import Model, simulate


def synthetic(units: int = 20, metals: int = 4, seed: int = 5) -> Model:
    rng = np.random.default_rng(seed)
    names = tuple(f"Unit {i + 1}" for i in range(units)) + ("Company",)
    kinds = ("unit",) * units + ("company",)
    flow = rng.uniform(1e6, 5e7, (units, metals))
    flow = np.vstack([flow, flow.sum(axis=0)])
    cost = np.vstack([-rng.uniform(0, 20, (units, metals)), np.zeros((1, metals))])
    base = np.append(rng.uniform(-5, 15, units), np.nan)
    return Model("2007Q2", tuple(f"m{j}" for j in range(metals)),
                 rng.uniform(0.5, 1500, metals), names, kinds, flow, cost, base, ())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenarios", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    m = synthetic()
    vols = {metal: 0.3 for metal in m.metals}
    n = args.scenarios
    t_floor, _ = median_time(lambda: np.random.default_rng(1).standard_normal((n, 4)),
                             args.runs)
    t_sim, first = median_time(lambda: simulate(m, vols, n, seed=1), args.runs)
    again = simulate(m, vols, n, seed=1)
    same = first.cash_flow == again.cash_flow and first.cash_cost == again.cash_cost
    print(f"{n:,} scenarios x {len(m.metals)} metals x {len(m.entities) - 1} units: "
          f"{t_sim:.2f} s (target < 2 s; drawing the numbers alone {t_floor:.2f} s, "
          f"{t_sim / t_floor:.1f}x); same seed, same figures: {same}")


if __name__ == "__main__":
    main()
