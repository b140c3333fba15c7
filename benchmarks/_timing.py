"""Timing shared by the benchmarks: medians of runs interleaved, so that a busy machine
slows every measured function alike; the median of one function's runs, with its result."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def interleaved_medians(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds of each function over ``repeat`` rounds, one run of each per round."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median seconds of ``runs`` runs of ``fn``, and what its last run returned."""
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out
