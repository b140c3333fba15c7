"""The grid: a table as laid out, before any meaning is given to it.

Every layout stage (fixed-width text, HTML) turns a table region into a :class:`Grid`:
the lines of its title block and header, the extent of each column of figures, and its
body rows with their figures placed under the columns. Interpretation
(:mod:`assay.read.interpret`) reads periods, scale, labels and meaning from a grid and
knows nothing of how it was laid out, so that a fix there serves every layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from assay.model import Location

from .layout import Cell
from .source import SourceLine


class GridColumn(NamedTuple):
    """A column of figures: the span its figures take (``start`` of the leftmost,
    ``right`` the rightmost end) and, for a grid of named columns, its header."""

    start: int
    right: int
    header: str = ""


class GridRow(NamedTuple):
    """One line of a table's body.

    ``cells`` holds the line's figures by column (None where a column is empty);
    ``label_end`` is where the words left of the figures end; ``stray`` the figures that
    stand under no column beside placed ones; ``figures`` every figure of the line, as
    read, whether placed or not. A blank line has ``text == ""``; a rule line ``rule``.
    """

    number: int
    text: str
    rule: str | None
    cells: list[Cell | None]
    label_end: int
    stray: list[Cell]
    figures: list[Cell]
    places: list[Location | None] | None = None  # each placed figure's place, where the
    # line's columns are not the document's (an HTML cell: its table, row and cell)
    label_place: Location | None = None  # the label's cell, in such a layout
    # cells under a column that hold figures among words ("0.1%-1.6%", "3 - 5 years"):
    # (column, text, place)
    worded: tuple[tuple[int, str, Location], ...] = ()


@dataclass(slots=True)
class Grid:
    """A table region: title block, header, columns and body rows.

    ``kind`` is ``"statement"`` (columns of periods, a row label on the left) or
    ``"grid"`` (named columns over a rule, such as drill intercepts). ``named`` is how
    many columns the header names; ``markup`` says the columns come from ``<C>``
    markers; ``follows`` that the grid stands right under the one before it, with
    nothing but blank lines between (a block that may continue it); ``lines`` the
    range of the document's lines (indices, end exclusive) it takes; ``header_cells``
    the header as cells over known columns, where the layout knows them.
    """

    kind: str
    first_line: int
    last_line: int
    title: list[SourceLine]
    header: list[SourceLine]
    anchor: SourceLine
    columns: list[GridColumn]
    rows: list[GridRow]
    named: int
    markup: bool = False
    follows: bool = False
    lines: tuple[int, int] = (0, 0)  # where it lies in its document's lines (start, end)
    # a layout that knows which columns each header cell spans (HTML) gives, for each
    # header row, its cells as (the grid columns it spans, text); none: the stub
    header_cells: list[list[tuple[tuple[int, ...], str]]] | None = None
