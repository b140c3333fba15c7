"""Tables of contents: a grid whose figures are page numbers is no table of facts."""

from __future__ import annotations

import re

from .grid import Grid

# a label that names a part of a filing ("Item 1A. Risk Factors", "PART I.", "Note 4",
# "Exhibit Index", "Signatures")
_PART_OF_A_FILING = re.compile(r"(?i)^\s*(?:item|part|article|section|note|exhibit|schedule"
                               r"|signatures?|index|appendix)\b")
_PART_ALONE = re.compile(r"(?i)\s*(?:item|part|article|section|note|schedule)\s*")
_MOST_DIGITS = 4  # a page number is a whole number of four digits at most
_LEAST_ROWS = 3


def is_contents(grid: Grid) -> bool:
    """Whether a grid lists parts of a document by page: three rows of figures or more,
    each one whole number with no separator, sign or mark, never fewer down the rows
    (but for headings a part's number alone follows, "ARTICLE 4");
    and at least half of them name parts of a filing ("Item 2. Properties"). (A column
    named "Page" is set aside by the interpretation, whatever its table.)"""
    rows = [row for row in grid.rows if row.figures]
    if len(rows) < _LEAST_ROWS:
        return False
    pages = []
    for row in rows:
        if len(row.figures) != 1:
            return False
        cell = row.figures[0]
        if not cell.text.isdigit() or len(cell.text) > _MOST_DIGITS or cell.dollar or (
                cell.percent):
            return False
        if not _PART_ALONE.fullmatch(row.text[:row.label_end]):  # ("ARTICLE 4": a heading
            pages.append(int(cell.text))  # numbered, no page)
    if any(later < earlier for earlier, later in zip(pages, pages[1:], strict=False)):
        return False
    parts = sum(bool(_PART_OF_A_FILING.match(row.text[:row.label_end])) for row in rows)
    return 2 * parts >= len(rows)
