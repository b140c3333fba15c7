"""Reading and auditing the seed in-process, against reading it alone.

Prints the median time of ``read_text`` (the baseline, measured in the same run), of
``audit`` on the read document, and of both together, and the ratio of the whole to the
reading alone. Target: read + audit at most 30 ms median.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from assay.audit import audit
from assay.read import read_text

SEED = Path(__file__).resolve().parents[1] / "examples" / "hecla-2007-q2.txt"
TARGET_MS = 30.0


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(repeat: int = 100) -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = read_text(text, str(SEED))
    result = audit(doc)  # warm up imports and regex caches
    reader = _median_seconds(lambda: read_text(text, str(SEED)), repeat)
    checker = _median_seconds(lambda: audit(doc), repeat)
    both = _median_seconds(lambda: audit(read_text(text, str(SEED))), repeat)
    print(f"document: {SEED.name}, {len(doc.facts)} facts, {len(result.findings)} checks, "
          f"{repeat} runs each")
    print(f"read_text (baseline) : median {reader * 1000:7.2f} ms")
    print(f"audit (read document): median {checker * 1000:7.2f} ms")
    print(f"read + audit         : median {both * 1000:7.2f} ms  "
          f"({both / reader:.1f}x reading alone; target <= {TARGET_MS:.0f} ms: "
          f"{'met' if both * 1000 <= TARGET_MS else 'NOT met'})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
