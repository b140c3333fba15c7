"""assay beside edgartools (the field's EDGAR library) on the HTML and inline-XBRL filings
of ``../shared/corpus``: seconds per MB of each, and, on the inline-XBRL filings, how
many of the filer's tagged table values each tool's table output holds.

edgartools is an optional dependency, for this comparison only (``pip install
edgartools``). A tagged value counts as held when its figure as displayed (digits only)
is among the figures of the tool's tables, each figure counted once: edgartools gives
cells' text, assay gives facts with periods, so the count is of figures, not of their
meaning (edgartools assigns no period to a figure; assay's periods are measured in
``tests/corpus/test_ixbrl_recall.py``).

    python benchmarks/vs_edgartools.py
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from _corpus import html_documents, missing

from assay.read import read_bytes

_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _digits(text: str) -> list[str]:
    return [m.group(0).replace(",", "").lstrip("0") or "0" for m in _FIGURE.finditer(text)]


def main() -> int:
    try:
        from edgar.documents import parse_html
    except ImportError:
        print("edgartools is not installed: pip install edgartools", file=sys.stderr)
        return 2
    if missing():
        return 2
    seconds = {"assay": 0.0, "edgartools": 0.0}
    held = {"assay": 0, "edgartools": 0}
    tagged = 0
    megabytes = 0.0
    for name, data in html_documents():
        text = data.decode("utf-8", errors="replace")
        megabytes += len(data) / 1e6
        t0 = time.perf_counter()
        doc = read_bytes(data, name, require_tables=False)
        seconds["assay"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            theirs = parse_html(text)
            their_tables = list(theirs.tables)
        except Exception as e:  # their parser failing is a result too
            print(f"{name}: edgartools failed: {type(e).__name__}", file=sys.stderr)
            their_tables = []
        seconds["edgartools"] += time.perf_counter() - t0
        in_tables = [t for t in doc.tags if t.selector and t.selector.startswith("table[")
                     and not t.hidden and t.shown]
        if not in_tables:
            continue
        ours = Counter(d for f in doc.facts if f.table is not None for d in _digits(f.printed))
        figures: Counter[str] = Counter()
        for table in their_tables:
            for row in table.rows:
                for cell in row.cells:
                    figures.update(_digits(cell.text() if callable(cell.text) else cell.text))
        wanted = Counter(d for t in in_tables for d in _digits(t.shown)[:1])
        tagged += sum(wanted.values())
        for tool, have in (("assay", ours), ("edgartools", figures)):
            n = sum(min(k, have[v]) for v, k in wanted.items())
            held[tool] += n
        print(f"{Path(name).name[:40]:40} tagged {sum(wanted.values()):5}  assay "
              f"{sum(min(k, ours[v]) for v, k in wanted.items()):5}  edgartools "
              f"{sum(min(k, figures[v]) for v, k in wanted.items()):5}")
    print(f"{megabytes:.1f} MB of HTML")
    for tool in seconds:
        print(f"{tool:11} {seconds[tool] / megabytes:6.3f} s/MB ({megabytes / seconds[tool]:5.1f}"
              f" MB/s)" + (f"; tagged table values held: {held[tool]} of {tagged} "
                           f"({held[tool] / tagged:.1%})" if tagged else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
