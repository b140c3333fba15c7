"""A document's text as numbered lines: SGML markup blanked, tabs and form feeds.

Within a document EDGAR text carries markup (``<TABLE>``, ``<CAPTION>``, ``<S>``/``<C>``,
``<PAGE>``, ``<FN>``); newswire copies fence their tables with lines of three back-quotes.
Whatever the wrapping, the reader works on :class:`SourceLine` objects that keep the line
number of the file (the container stage, :mod:`assay.read.container`, finds documents).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .layout import RULE_LINE, Cell, LineIndex, Rule, is_year, rule_of, trailing_cells

_FENCE = re.compile(r"^[^\S\n]*```[^\n`]*$", re.MULTILINE)
_TAG = re.compile(
    r"</?(TABLE|CAPTION|S|C|FN|F\d+|PAGE|PRE|TEXT|DOCUMENT|FILENAME|DESCRIPTION|"
    r"SEQUENCE|TYPE)\b[^>]*>",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"<(/?TABLE|CAPTION|S|C)>", re.IGNORECASE)
_S_MARKER = re.compile(r"<S>", re.IGNORECASE)


class SourceLine:
    """One line of the text to read, right-stripped (a blank line is ""), with its
    1-based line number in the file.

    Its numeric cells and rule are worked out once, on first use: the reader asks
    for them several times while it finds and reads tables.
    """

    __slots__ = ("number", "text", "_cells", "_rule")

    def __init__(self, number: int, text: str, rule: Rule | None | bool = False) -> None:
        self.number = number
        self.text = text
        self._cells: list[Cell] | None = None
        self._rule = rule  # False: not yet worked out

    @property
    def cells(self) -> list[Cell]:
        if self._cells is None:
            self._cells = trailing_cells(self.text)
        return self._cells

    @property
    def rule(self) -> Rule | None:
        if self._rule is False:
            self._rule = rule_of(self.text)
        return self._rule  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"SourceLine({self.number}, {self.text!r})"


@dataclass(slots=True)
class Markup:
    """A ``<TABLE>`` block of an EDGAR text document, as indices into its kept lines:
    ``start``/``end`` bound the block's lines (end exclusive), ``caption`` is the first
    line after ``<CAPTION>``, ``body`` the first after the ``<S> <C> <C>`` line, and
    ``columns`` the text columns at which its ``<C>`` markers stand (where each column
    of figures begins)."""

    start: int
    end: int = -1
    caption: int | None = None
    body: int | None = None
    columns: tuple[int, ...] = ()
    marked: tuple[int, ...] = ()  # <C> markers seen on a line with no <S>, for the next


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one document to read (a form or an exhibit), and where it lies."""

    path: str
    lines: list[SourceLine]
    doc_type: str | None = None
    index: LineIndex | None = None  # the lines' text joined, for whole-text scans
    description: str | None = None  # the submission's <DESCRIPTION> of the document
    markup: tuple[Markup, ...] = ()  # the document's <TABLE> blocks
    year_end: tuple[int, int] | None = None  # the submission's fiscal year end (month, day)
    html: str | None = None  # an HTML document's text (``lines`` is then empty)
    first_line: int = 1  # the line of the file on which the HTML text begins
    number: int | None = None  # the document's place in its submission (1: the first)


def clean_lines(text: str, first_line: int,
                ) -> tuple[list[SourceLine], LineIndex, tuple[Markup, ...]]:
    """Number the lines; drop SGML tag lines and fences; expand tabs; drop form feeds.
    Also the ``<TABLE>`` blocks, by the indices of the kept lines."""
    if "\f" in text:
        text = text.replace("\f", "")
    if "\t" in text:
        text = text.expandtabs(8)  # tab stops restart on every line
    if "```" in text:  # newswire fences around a table: no line of the table
        text = _FENCE.sub("", text)
    if "<" not in text:  # no SGML: every line is kept
        texts = [raw.rstrip() for raw in text.split("\n")]
        return *_numbered(range(first_line, first_line + len(texts)), texts), ()
    numbers: list[int] = []
    texts = []
    blocks: list[Markup] = []
    for offset, raw in enumerate(text.split("\n")):
        line = raw.rstrip()
        if "<" in line:
            _note_markup(line, texts, blocks)
            # Tags are blanked in place so that the columns of the text keep their place;
            # a line of nothing but tags (<TABLE>, <S> <C> <C>, <PAGE>) is no line at all.
            untagged = _TAG.sub(lambda m: " " * len(m.group(0)), line)
            if untagged != line and not untagged.strip():
                continue
            line = untagged.rstrip()
        numbers.append(first_line + offset)
        texts.append(line)
    if blocks and blocks[-1].end < 0:
        blocks[-1].end = len(texts)
    return *_numbered(numbers, texts), tuple(b for b in blocks if b.body is not None)


def _note_markup(line: str, texts: list[str], blocks: list[Markup]) -> None:
    """Record the ``<TABLE>`` markup of a line that stands before the next kept line
    (``texts`` holds those kept so far). A second ``<S> <C>`` line in one ``<TABLE>``
    sets new columns, under the lines right above it: a block of its own."""
    at = len(texts)
    for m in _MARKUP.finditer(line):
        tag = m.group(1).upper()
        block = blocks[-1] if blocks and blocks[-1].end < 0 else None
        if tag == "TABLE":
            if block is not None:  # a <TABLE> left open
                block.end = at
            blocks.append(Markup(at))
        elif block is None:
            continue
        elif tag == "/TABLE":
            block.end = at
        elif tag == "CAPTION":
            if block.body is not None:  # a second caption: new columns from here on
                block.end = at
                blocks.append(Markup(at))
                block = blocks[-1]
            block.caption = at
        elif tag == "C" and not _S_MARKER.search(line):
            # the column markers on a line of their own, the <S> on the next
            block.marked = tuple(c.start() for c in _MARKUP.finditer(line) if c.group(1) in "cC")
        elif tag == "S":
            columns = tuple(c.start() for c in _MARKUP.finditer(line) if c.group(1) in "cC")
            columns, block.marked = columns or block.marked, ()
            if not columns:
                continue
            if block.body is not None:  # a second header: its lines, right above
                start = at
                while start > block.body and texts[start - 1].strip():
                    start -= 1
                if start == at or start <= block.body or any(
                        not is_year(c.text) for t in texts[start:at]
                        for c in trailing_cells(t)):
                    continue  # (no header: rows of figures above a repeated marker line)
                block.end = start
                blocks.append(Markup(start))
                block = blocks[-1]
            block.body = at  # (a line of text after the markers is kept as line ``at``)
            block.columns = columns


def _numbered(numbers: Sequence[int], texts: list[str]) -> tuple[list[SourceLine], LineIndex]:
    index = LineIndex(texts)
    # a rule is worked out for the few lines that open with a dash, equals or underscore
    lines = [SourceLine(n, t, None) for n, t in zip(numbers, texts, strict=True)]
    for k in index.lines_with(RULE_LINE):
        lines[k] = SourceLine(numbers[k], texts[k])
    return lines, index
