"""Reading and auditing time grow linearly with a filing's size: the bundled release
repeated to about 0.5, 2.5 and 10 MB (and, when ``../shared/corpus`` is there, a 10-K of
1993 repeated the same way), each read and then audited once after a warm-up, with
seconds per MB side by side. Linear means the per-MB columns stay flat as the size grows
twentyfold. The process's peak memory is printed last (target: a 10 MB filing read and
audited in under 10 s and 1 GB).

    python benchmarks/bench_scale.py
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

from assay.audit import audit
from assay.read import read_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "hecla-2007-q2.txt"
TEN_K = ROOT.parent / "shared" / "corpus" / "sgml" / "wmx-10k-ex13-fy1993-0000950131-94-000440.txt"
SIZES_MB = (0.5, 2.5, 10.0)


def _timed(text: str) -> tuple[float, float, int]:
    """Seconds to read, seconds to audit, facts read."""
    t0 = time.perf_counter()
    doc = read_text(text, "repeated.txt")
    t1 = time.perf_counter()
    audit(doc)
    return t1 - t0, time.perf_counter() - t1, len(doc.facts)


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
            read, audited, facts = _timed(big)
            size = len(big) / 1e6
            per_mb = (read / size, audited / size)
            base = base or per_mb
            print(f"{name:5} x{copies:4} {size:6.2f} MB {facts:8} facts  read {read:6.2f} s "
                  f"{per_mb[0]:6.3f} s/MB ({per_mb[0] / base[0]:4.2f}x)  audit {audited:6.2f} s "
                  f"{per_mb[1]:6.3f} s/MB ({per_mb[1] / base[1]:4.2f}x the smallest)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
