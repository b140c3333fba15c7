"""Single-figure mutants: does the audit flag a figure changed in a footed row, at its
line, and nothing else that was not flagged before?

For each text document (the bundled example; the corpus's text filings when
``../shared/corpus`` is there), every figure that takes part in a footing the audit
finds ``ok`` is a candidate. A random sample of them is changed, one at a time, by 100
units or more of its last printed digit place (the printed width kept where it can be;
a figure that cannot be changed in place is passed over, until N are changed), the
document is audited again, and the mutant counts as flagged when a new mismatch
has the mutated figure among its operands; a new mismatch that does not involve it
counts as a false finding.

    python benchmarks/mutants.py [N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from decimal import Decimal
from pathlib import Path

from _corpus import CORPUS

from assay.audit.engine import audit
from assay.model.findings import Status
from assay.read import read_text

ROOT = Path(__file__).resolve().parents[1]


def _documents() -> list[Path]:
    docs = [ROOT / "examples" / "hecla-2007-q2.txt"]
    if CORPUS.is_dir():
        docs += sorted((CORPUS / "sgml").glob("*.txt"))
    return docs


def _mutated(printed: str) -> str | None:
    """The figure with 100 units of its last place added, printed alike ("1,234" ->
    "1,334"); None for a figure this cannot change."""
    digits = printed.replace(",", "").replace("$", "").strip("() ")
    if not digits.replace(".", "").isdigit():
        return None
    value = Decimal(digits) + Decimal(100) * Decimal(10) ** Decimal(digits).as_tuple().exponent
    places = -value.as_tuple().exponent if "." in digits else 0
    text = f"{value:,.{places}f}" if "," in printed else f"{value:.{places}f}"
    return printed.replace(printed.replace("$", "").strip("() "), text)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    candidates = []
    for path in _documents():
        text = path.read_text("latin-1")
        a = audit(read_text(text, str(path)))
        before = {(f.line, f.rule) for f in a.mismatches}
        for f in a.findings:
            if f.rule == "foot.layout" and f.status is Status.OK:
                for o in f.operands:
                    candidates.append((path, text, before, o.line, o.col_start, o.printed))
    unique = list({(c[0], c[3], c[4]): c for c in candidates}.values())
    # candidates in a random order, tried until N could be mutated in place
    order = random.Random(args.seed).sample(unique, len(unique))
    flagged = new_false = tried = 0
    for path, text, before, line, col, printed in order:
        if tried == args.n:
            break
        lines = text.split("\n")
        row = lines[line - 1]
        changed = _mutated(printed)
        if changed is None or row[col:col + len(printed)] != printed:
            continue
        width = len(printed)
        if len(changed) <= width:
            changed = changed.rjust(width)
            lines[line - 1] = row[:col] + changed + row[col + width:]
        else:  # one place wider: take a space on the left where there is one
            start = col - (len(changed) - width)
            if start < 0 or row[start:col].strip():
                continue
            lines[line - 1] = row[:start] + changed + row[col + width:]
        tried += 1
        a = audit(read_text("\n".join(lines), str(path)))
        new = [f for f in a.mismatches if (f.line, f.rule) not in before]
        involved = [f for f in new if any(o.line == line for o in f.operands)]
        if involved:
            flagged += 1
        new_false += len(new) - len(involved)
    print(f"{tried} mutants of figures in footed rows ({len(unique)} candidates in "
          f"{len(_documents())} documents): {flagged} flagged by a new mismatch using the figure "
          f"({flagged / max(tried, 1):.1%}); {new_false} findings elsewhere that do not "
          f"involve the mutated figure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
