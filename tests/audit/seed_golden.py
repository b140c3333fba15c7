"""The essentials of every finding on the seed, as recorded, and how to re-record them.

This is a regression guard, not a correctness test: it shows that the audit still finds
what it found when the recording was made, so that speed work cannot change a result
unnoticed. It cannot show that a finding is right. The correctness tests are the
hand-verified ones in ``test_seed.py`` (every mismatch of the seed, with its arithmetic).

``seed_findings.jsonl.gz`` holds a summary line, then one JSON line per finding with its
essentials only: line, rule id, status, reported and computed values, and the line of
each operand. The wording of messages is not recorded, so rewording a message does not
call for a new recording.

How the recording was verified: it was made from the audit before the speed work (commit
6a8fc5d, where it held every field of ``Finding.to_dict()``) and cut down to the
essentials above when the guard stopped comparing message text, after checking that the
essentials of the old recording and of the audit then agreed. ``test_unchanged.py``
checks on every run that the recording's mismatches are exactly ``test_seed.GENUINE``
(each checked by hand) and that its counts add up; the 400 ``ok``, 8 ``rounding`` and
33 ``not checkable`` findings were not each checked by hand.

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


def essentials(f) -> dict[str, object]:
    """What the guard compares of a finding (a ``Finding``)."""
    def s(v):
        return None if v is None else str(v)

    return {"line": f.line, "rule": f.rule, "status": str(f.status),
            "reported": s(f.reported), "computed": s(f.computed),
            "operand_lines": [o.line for o in f.operands]}


def lines_of(result) -> list[str]:
    """The audit as canonical JSON lines: the summary, then each finding in order."""
    head = {"checks": len(result.findings), "by_status": dict(sorted(result.by_status().items())),
            "factor": result.factor}
    out = [json.dumps(head, sort_keys=True, ensure_ascii=False)]
    out.extend(json.dumps(essentials(f), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")) for f in result.findings)
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
