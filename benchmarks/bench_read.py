"""Reading the seed, every table and fact, against a regex scan of the same text.

Prints the median time per document and MB/s for the reader and for the baseline
``re.findall(r"\\d[\\d,.]*", text)`` measured in the same run, and their ratio
(target: the reader within 15x the baseline).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from assay.read import read_text

SEED = Path(__file__).resolve().parents[1] / "examples" / "hecla-2007-q2.txt"


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(repeat: int = 200) -> None:
    text = SEED.read_text()
    mb = len(text.encode()) / 1e6
    pattern = re.compile(r"\d[\d,.]*")
    read_text(text, str(SEED))  # warm up imports and regex caches
    base = _median_seconds(lambda: pattern.findall(text), repeat)
    reader = _median_seconds(lambda: read_text(text, str(SEED)), repeat)
    facts = len(read_text(text, str(SEED)).facts)
    print(f"document: {SEED.name}, {mb * 1000:.1f} kB, {facts} facts, {repeat} runs each")
    print(f"baseline re.findall : median {base * 1000:8.3f} ms  {mb / base:8.1f} MB/s")
    print(f"assay read_text     : median {reader * 1000:8.3f} ms  {mb / reader:8.1f} MB/s")
    print(f"ratio reader/baseline: {reader / base:.1f}x (target <= 15x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
