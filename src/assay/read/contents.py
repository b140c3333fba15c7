"""Tables of contents: figures that are page numbers are no facts, whether a whole grid
lists parts of a filing by page or a column after dot leaders does."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .grid import Grid, GridRow
from .layout import Cell

# a label that names a numbered part of a filing ("Item 1A. Risk Factors", "PART I.",
# "Note 4", "Note A", "Article One", "Exhibit 99.1"), or its signatures, index or appendix; not
# "Note payable" nor "Schedule of maturities"
_PART_OF_A_FILING = re.compile(r"(?i)^\s*(?:(?:item|part|article|section|note|exhibit|schedule)"
                               r"\s+(?:\d|[ivx]+\b|[a-z]\b|(?:one|two|three|four|five|six"
                               r"|seven|eight|nine|ten)\b)|signatures?\b|index\b|appendix\b)")
# a heading a part's number alone follows ("ARTICLE 4"): no page
_PART_ALONE = re.compile(r"(?i)\s*(?:item|part|article|section|note|schedule)\s*")
_LEADER = re.compile(r"(?:\.\s?){4,}\s*$")  # "11.6 Payment; Interest ........"
_MOST_DIGITS = 4  # a page number is a whole number of four digits at most
_LEAST_ROWS = 3  # entries a table of contents shows at least


def pages(cells: Sequence[Cell]) -> bool:
    """Whether figures down a column are page numbers: three or more, each a whole
    number of four digits at most printed bare (no "$", separator, sign or mark), never
    smaller than the one above it."""
    if len(cells) < _LEAST_ROWS or not all(
            c.text.isdigit() and len(c.text) <= _MOST_DIGITS and not c.dollar
            and not c.percent for c in cells):
        return False
    numbers = [int(c.text) for c in cells]
    return all(later >= earlier for earlier, later in zip(numbers, numbers[1:], strict=False))


def is_contents(grid: Grid) -> bool:
    """Whether a grid lists parts of a document by page: one figure a row, page numbers
    down the rows (but for headings a part's number alone follows, "ARTICLE 4"), and at
    least half of the rows name numbered parts of a filing ("Item 2. Properties")."""
    rows = [row for row in grid.rows if row.figures]
    if len(rows) < _LEAST_ROWS or any(len(row.figures) != 1 for row in rows):
        return False
    listed = [row.figures[0] for row in rows
              if not _PART_ALONE.fullmatch(row.text[:row.label_end])]
    parts = sum(bool(_PART_OF_A_FILING.match(row.text[:row.label_end])) for row in rows)
    return pages(listed) and 2 * parts >= len(rows)


def contents_columns(rows: Sequence[GridRow]) -> frozenset[int]:
    """The columns of a table of contents' page numbers, which no header names: page
    numbers (:func:`pages`) after dot leaders on most of their rows."""
    if not any("...." in r.text for r in rows):
        return frozenset()  # (no dot leaders: no table of contents)
    out = set()
    width = max((len(r.cells) for r in rows if r.cells), default=0)
    for k in range(width):
        cells = [(r, c) for r in rows if r.cells and k < len(r.cells)
                 and (c := r.cells[k]) is not None and not c.nil]
        if not pages([c for _, c in cells]):
            continue
        led = sum(1 for r, c in cells if _LEADER.search(r.text[:c.start]))
        if 2 * led > len(cells):
            out.add(k)
    return frozenset(out)
