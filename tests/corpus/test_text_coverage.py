"""Every figure of the <TABLE> blocks of the text filings becomes a fact.

The count is independent of the reader's own tables: each <TABLE> ... </TABLE> block of
the raw file (EX-27 schedules aside) is scanned line by line for the figures that end
it, and each is looked for among the facts by its line and column. Years and nil dashes
are not counted (a header's "1994", a "--" cell), nor a lone figure at the margin. The
figures missed (printed by the test) are words of labels the scan cannot tell from cells:
"3.19% to 3.58%" in "Commercial Paper, interest 3.19% to 3.58%", the "31" of a header's
"December 31", "320,000,000 shares authorized".
"""

import re

import pytest

from assay.read import read_release
from assay.read.layout import trailing_cells

FILES = ["aapl-10k-fy1994-0000320193-94-000016.txt",
         "aapl-10q-fy1997q3-0000320193-97-000014.txt",
         "aapl-10q-fy1999q2-0000320193-99-000004.txt",
         "wmx-10k-ex13-fy1993-0000950131-94-000440.txt"]
_MARKS = re.compile(r"</?(S|C|FN|F\d+|PAGE)>", re.IGNORECASE)


def _table_figures(raw: str) -> list[tuple[int, int, str]]:
    """(line, column, figure) of each figure ending a line of a <TABLE> block."""
    out = []
    inside = ex27 = False
    for number, line in enumerate(raw.replace("\r\n", "\n").split("\n"), 1):
        upper = line.upper()
        if upper.startswith("<TYPE>"):
            ex27 = upper.startswith("<TYPE>EX-27")
        if "<TABLE" in upper or "</TABLE" in upper:
            inside = "<TABLE" in upper
            continue
        if not inside or ex27 or re.match(r"\s*<(S|C|CAPTION)>", line, re.IGNORECASE):
            continue
        text = _MARKS.sub(lambda m: " " * len(m.group(0)), line.expandtabs(8)).rstrip()
        cells = trailing_cells(text)
        for c in cells:
            year = len(c.text) == 4 and c.text.isdigit() and c.text[:2] in ("19", "20")
            alone = len(cells) == 1 and not text[:c.start].strip()
            if not (c.nil or year or alone):
                out.append((number, c.start, c.text))
    return out


@pytest.mark.parametrize("name", FILES)
def test_table_figures_become_facts(corpus, name):
    path = corpus / "sgml" / name
    doc = read_release(path)
    placed = {(f.source.line, f.source.col_start) for f in doc.facts if f.table}
    figures = _table_figures(path.read_bytes().decode("cp1252"))
    missed = [(n, text) for n, col, text in figures if (n, col) not in placed]
    share = 1 - len(missed) / len(figures)
    print(f"{name}: {len(figures) - len(missed)} of {len(figures)} figures read "
          f"({share:.2%}); missed {missed}")
    assert share >= 0.98
