"""The seed's findings as recorded before the audit was made fast, and how to re-record them.

The file ``seed_findings.jsonl.gz`` holds one JSON line per finding of ``assay audit`` on
the seed (``Finding.to_dict()``: rule, status, message, reported and computed values,
interval, tolerance, gap, notes and every operand with its location), after a first line
with the summary. It guards speed work: a faster audit must find exactly the same.

Re-record (only when a change of findings is intended, and say why in the commit):
``.venv/bin/python tests/audit/seed_golden.py --write``
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

GOLDEN = Path(__file__).with_name("seed_findings.jsonl.gz")
SEED = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
NAME = "examples/hecla-2007-q2.txt"  # as the command line names it, wherever the checkout is


def seed_result():
    """The seed read under its repository-relative name, and audited."""
    from assay.audit import audit
    from assay.read import read_text

    return audit(read_text(SEED.read_text(encoding="utf-8"), NAME))


def lines_of(result) -> list[str]:
    """The audit as canonical JSON lines: the summary, then each finding in order."""
    head = {"checks": len(result.findings), "by_status": dict(sorted(result.by_status().items())),
            "factor": result.factor}
    out = [json.dumps(head, sort_keys=True, ensure_ascii=False)]
    out.extend(json.dumps(f.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
               for f in result.findings)
    return out


def recorded() -> list[str]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


def write(lines: list[str]) -> None:
    # mtime=0: the same findings give the same bytes
    with open(GOLDEN, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    current = lines_of(seed_result())
    if "--write" in sys.argv:
        write(current)
        print(f"recorded {len(current) - 1} findings in {GOLDEN}")
    else:
        print("same" if current == recorded() else "DIFFERENT")
