"""Benchmark: ``assay facts`` on a 10 MB filing, terminal format against JSON.

The bundled release repeated to about 10 MB is read by the command in a fresh process,
once with the terminal format (``text``) and once with ``--format json``, output to a
pipe; medians of interleaved runs and their ratio. Target: the terminal format takes no
longer than twice the JSON format.

    .venv/bin/python benchmarks/bench_facts_formats.py [--mb 10] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "hecla-2007-q2.txt"


def _run(path: Path, *args: str) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "assay", "facts", str(path), *args],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise SystemExit(f"assay facts {' '.join(args)} failed ({proc.returncode})")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    text = SEED.read_text()
    copies = max(1, round(args.mb * 1e6 / len(text)))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text("\n".join([text] * copies))
        times: dict[str, list[float]] = {"text": [], "json": []}
        for _ in range(args.runs):
            times["text"].append(_run(big))
            times["json"].append(_run(big, "-f", "json"))
        t, j = (statistics.median(times[k]) for k in ("text", "json"))
        print(f"{big.stat().st_size / 1e6:.1f} MB: terminal format {t:.1f} s, JSON {j:.1f} s, "
              f"ratio {t / j:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
