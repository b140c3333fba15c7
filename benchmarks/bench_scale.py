"""Reading time grows linearly with a filing's size: the bundled release repeated to
about 0.5, 2.5 and 10 MB (and, when ``../shared/corpus`` is there, a 10-K of 1993
repeated the same way), each read once after a warm-up, with seconds per MB side by side.
Linear means the last column stays flat as the size grows twentyfold.

    python benchmarks/bench_scale.py
"""

from __future__ import annotations

import time
from pathlib import Path

from assay.read import read_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "hecla-2007-q2.txt"
TEN_K = ROOT.parent / "shared" / "corpus" / "sgml" / "wmx-10k-ex13-fy1993-0000950131-94-000440.txt"
SIZES_MB = (0.5, 2.5, 10.0)


def _timed(text: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    doc = read_text(text, "repeated.txt")
    return time.perf_counter() - t0, len(doc.facts)


def main() -> None:
    sources = [("seed", SEED.read_text())]
    if TEN_K.exists():
        sources.append(("10-K", TEN_K.read_bytes().decode("cp1252")))
    for name, text in sources:
        _timed(text)  # warm-up: imports and memos
        base = None
        for mb in SIZES_MB:
            copies = max(1, round(mb * 1e6 / len(text)))
            big = "\n".join([text] * copies)
            seconds, facts = _timed(big)
            per_mb = seconds / (len(big) / 1e6)
            base = base or per_mb
            print(f"{name:5} x{copies:4} {len(big) / 1e6:6.2f} MB {facts:8} facts "
                  f"{seconds:7.2f} s  {per_mb:6.3f} s/MB  ({per_mb / base:4.2f}x the smallest)")


if __name__ == "__main__":
    main()
