"""Benchmark: intercepts for 10,000 holes and 1,000,000 assay intervals.

Prints the median of several runs of

- the vectorised compositing (cut-off, internal waste, minimum length, "including"),
- the whole ``find_intercepts`` (the above plus the exact Decimal/Fraction intercepts
  reported, with cut grades and provenance),
- a per-interval pure-Python loop over the same integers (the baseline, measured in
  the same run: :func:`assay.explore.reference.reference_bounds`),
- the text report (table, prose, rules) of the first ``--report`` intercepts, which
  rounds each row's figures once, against rounding them once per table cell (the
  baseline, as the table did before),

and the ratios against the baselines. Target: under 2 s for the vectorised intercepts.

    .venv/bin/python benchmarks/bench_intercepts.py [--holes 10000] [--per-hole 100]
"""

from __future__ import annotations

import argparse
from decimal import Decimal as D

import numpy as np
from _timing import median_time

from assay.explore import Cutoff, DrillData, GradeArray, Rules, find_intercepts, report
from assay.explore.intercepts import Result, bounds, selection
from assay.explore.reference import reference_bounds


def synthetic(holes: int, per_hole: int, seed: int = 7) -> DrillData:
    """Holes of ``per_hole`` contiguous samples (0.3-3.0 m) with lognormal Ag and Au,
    a few gaps; depths in cm (2 decimals), Ag to 0.1 g/t, Au to 0.01 g/t."""
    rng = np.random.default_rng(seed)
    n = holes * per_hole
    length = rng.integers(30, 301, n, dtype=np.int64)
    gap = np.where(rng.random(n) < 0.01, rng.integers(10, 200, n), 0)
    step = length + gap
    hole = np.repeat(np.arange(holes, dtype=np.int64), per_hole)
    ends = np.cumsum(step)
    starts_of_hole = np.repeat(ends[::per_hole] - step[::per_hole], per_hole)
    to = ends - starts_of_hole
    frm = to - length
    # grades with spatial continuity: a smoothed lognormal field
    z = rng.normal(size=n)
    z = (z + np.roll(z, 1) + np.roll(z, -1)) / np.sqrt(3)
    ag = np.round(np.exp(1.6 + 1.5 * z) * 10).astype(np.int64)  # 0.1 g/t
    au = np.round(np.exp(-3 + 1.2 * z + 0.5 * rng.normal(size=n)) * 100).astype(np.int64)
    present = np.ones(n, dtype=bool)
    grades = {"Ag": GradeArray("Ag", "g/t", "Ag", 1, ag, present),
              "Au": GradeArray("Au", "g/t", "Au", 2, au, present.copy())}
    names = [f"DH{i:05d}" for i in range(holes)]
    return DrillData(names, {}, {}, hole, frm, to, 2, grades, np.arange(2, n + 2), "bench.csv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--holes", type=int, default=10_000)
    ap.add_argument("--per-hole", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--report", type=int, default=2000)
    args = ap.parse_args()
    data = synthetic(args.holes, args.per_hole)
    rules = Rules(Cutoff("Ag", D(50)), max_waste=D(2), min_length=D("0.5"),
                  include=Cutoff("Ag", D(500)), top_cuts={"Ag": D(3000)})
    print(f"{len(data.holes):,} holes, {data.n:,} assay intervals; rules: "
          f"{rules.cutoff}, max waste {rules.max_waste} m, min length {rules.min_length} m, "
          f"including {rules.include}, top-cut Ag {rules.top_cuts['Ag']}")

    def vectorised():
        sel = selection(data, rules.cutoff)
        return bounds(data, rules, sel, rules.cutoff)

    t_vec, (first, last) = median_time(vectorised, args.repeat)
    t_all, result = median_time(lambda: find_intercepts(data, rules), max(1, args.repeat // 2))

    sel = selection(data, rules.cutoff)
    lists = (data.hole.tolist(), data.frm.tolist(), data.to.tolist(), sel.values.tolist(),
             sel.valid.tolist())
    min_len = int(rules.min_length * 10 ** data.depth_decimals)
    waste = int(rules.max_waste * 10 ** data.depth_decimals)

    def loop():
        return reference_bounds(*lists, sel.cutoff, waste, min_len)

    t_loop, ref = median_time(loop, 3)
    same = ref == list(zip(first.tolist(), last.tolist(), strict=True))
    n_inc = sum(len(ic.includes) for ic in result.intercepts)
    print(f"intercepts found: {len(first):,} (+{n_inc:,} including); "
          f"loop agrees: {'yes' if same else 'NO'}")
    print(f"{'vectorised intercepts (numpy, exact integers)':<52} median {t_vec:8.3f} s")
    print(f"{'per-interval pure-Python loop (baseline)':<52} median {t_loop:8.3f} s")
    print(f"{'find_intercepts, with Decimal/Fraction reporting':<52} median {t_all:8.3f} s")
    print(f"speed-up of the vectorised intercepts over the loop: {t_loop / t_vec:6.1f}x; "
          f"target < 2 s: {'met' if t_vec < 2 else 'NOT met'}")

    part = Result(result.intercepts[:args.report], result.rules, result.data, result.units,
                  result.elements)
    cols = report.columns(part)

    def per_cell():  # the baseline: every cell's row rounded again
        return [[report.fmt(report.values(x, part)[c.key]) for c in cols] for x in part.all()]

    t_text, _ = median_time(lambda: report.text_report(part, "T"), 3)
    t_cell, _ = median_time(per_cell, 3)
    print(f"{f'text report of {len(part.all()):,} rows (rounded once per row)':<52} "
          f"median {t_text:8.3f} s")
    print(f"{'table cells rounded once per cell (baseline)':<52} median {t_cell:8.3f} s")
    print(f"speed-up of the report over the per-cell baseline: {t_cell / t_text:6.1f}x")


if __name__ == "__main__":
    main()
