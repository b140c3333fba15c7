"""Reading the seed, every table and fact, against a regex scan of the same text.

Prints the median time per document and MB/s for the reader and for the baseline
``re.findall(r"\\d[\\d,.]*", text)``, their runs interleaved in the same process, and the
ratio (target: the reader within 15x the baseline).

The reader memoises what recurs from table to table and from release to release (label
meanings, header lines, rules, scale notes); reading the same seed again finds them all,
so the script also prints the first read in a fresh process (imports excluded), where
none is known yet.

Usage: ``.venv/bin/python benchmarks/bench_read.py [rounds]`` (default 200).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from _timing import interleaved_medians

from assay.read import read_text

SEED = Path(__file__).resolve().parents[1] / "examples" / "hecla-2007-q2.txt"
TARGET_RATIO = 15


def main(repeat: int = 200) -> None:
    text = SEED.read_text()
    name = str(SEED)
    mb = len(text.encode()) / 1e6
    pattern = re.compile(r"\d[\d,.]*")
    facts = len(read_text(text, name).facts)  # also warms imports and pattern caches
    m = interleaved_medians({"baseline": lambda: pattern.findall(text),
                             "reader": lambda: read_text(text, name)}, repeat)
    base, reader = m["baseline"], m["reader"]
    print(f"document: {SEED.name}, {mb * 1000:.1f} kB, {facts} facts, {repeat} rounds")
    print(f"baseline re.findall : median {base * 1000:8.3f} ms  {mb / base:8.1f} MB/s")
    print(f"assay read_text     : median {reader * 1000:8.3f} ms  {mb / reader:8.1f} MB/s")
    verdict = "met" if reader / base <= TARGET_RATIO else "NOT met"
    print(f"ratio reader/baseline: {reader / base:.1f}x (target <= {TARGET_RATIO}x: {verdict})")
    firsts = sorted(_first_read() for _ in range(5))
    print(f"first read, fresh process: median {firsts[2] * 1000:8.3f} ms "
          f"({firsts[2] / base:.1f}x the baseline; 5 processes)")


def _first_read() -> float:
    """Seconds of one read in a new interpreter, after its imports."""
    code = ("import time, sys; from assay.read import read_text; t = open(sys.argv[1]).read(); "
            "t0 = time.perf_counter(); read_text(t, sys.argv[1]); "
            "print(time.perf_counter() - t0)")
    out = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True,
                         text=True, check=True)
    return float(out.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
