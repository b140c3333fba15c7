"""Batch throughput: the 551 8-Ks of ``bulk/edgar-8k-sample.zip`` and the 39 releases of
``bulk/ex991-2020q1-sample.zip``, read and audited into a fresh store by 1 and 2 local
workers and by a 2-worker Dask LocalCluster, in interleaved rounds (medians).

Reports documents/s (after the workers are up, and with their start), the scaling
efficiency of 2 workers over 1, the start-up of each engine, the writer's share, the peak
memory of a worker, and a projection to 10^6 filings on 64 cores.

    python benchmarks/bench_batch.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import duckdb
from _corpus import CORPUS, missing

from assay.batch import expand, run_batch

CONFIGS = {"local, 1 worker": (1, None), "local, 2 workers": (2, None),
           "dask LocalCluster, 2 workers": (2, "local")}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if missing():
        return 2
    items, errors = expand([str(CORPUS / "bulk" / "edgar-8k-sample.zip"),
                            str(CORPUS / "bulk" / "ex991-2020q1-sample.zip")])
    assert not errors, errors
    runs: dict[str, list] = {name: [] for name in CONFIGS}
    memory: dict[str, int] = {}
    store_bytes = 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            for i, (name, (workers, dask)) in enumerate(CONFIGS.items()):
                store = Path(tmp) / f"r{r}-{i}.duckdb"
                s = run_batch(items, str(store), workers=workers, dask=dask)
                assert s.stored == len(items), s
                runs[name].append(s)
                con = duckdb.connect(str(store), read_only=True)
                memory[name] = max(memory.get(name, 0), con.execute(
                    "SELECT max(peak_memory_mb) FROM documents").fetchone()[0])
                con.close()
                store_bytes = store.stat().st_size
    n = len(items)
    print(f"{n} documents, {args.rounds} rounds; medians")
    print(f"{'engine':32} {'docs/s':>8} {'with start':>11} {'start s':>8} {'writer s':>9} "
          f"{'peak MB/worker':>15}")
    rate = {}
    for name, ss in runs.items():
        work = statistics.median(s.seconds - s.startup_seconds for s in ss)
        whole = statistics.median(s.seconds for s in ss)
        rate[name] = n / work
        print(f"{name:32} {n / work:8.1f} {n / whole:11.1f} "
              f"{statistics.median(s.startup_seconds for s in ss):8.2f} "
              f"{statistics.median(s.write_seconds for s in ss):9.2f} {memory[name]:15d}")
    one, two = rate["local, 1 worker"], rate["local, 2 workers"]
    efficiency = two / (2 * one)
    dask_eff = rate["dask LocalCluster, 2 workers"] / (2 * one)
    writes = statistics.median(s.write_seconds for s in runs["local, 2 workers"])
    writer_cap = n / writes
    print(f"scaling efficiency, 2 local workers over 1: {efficiency:.0%}; "
          f"Dask 2 workers over 1 local: {dask_eff:.0%}")
    cores = 64
    projected = min(cores * one * efficiency, writer_cap)
    print(f"projection, 10^6 filings on {cores} cores: {cores} x {one:.1f} docs/s x "
          f"{efficiency:.0%} = {cores * one * efficiency:,.0f} docs/s; the one writer stores "
          f"{writer_cap:,.0f} docs/s; so {projected:,.0f} docs/s, "
          f"{1e6 / projected / 60:,.0f} minutes; memory {cores} x "
          f"{memory['local, 2 workers']} MB = {cores * memory['local, 2 workers'] / 1024:.1f} "
          f"GB; store about {store_bytes / n * 1e6 / 1e9:,.1f} GB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
