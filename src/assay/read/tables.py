"""Find the tables of a fixed-width release and read their rows into facts.

A table is found by its header anchor: a line naming a year for each column
(statements), or a line of column names over a rule of several segments (grids such as
drill intercepts). Above the anchor stand the header lines and the title block (company,
title, scale note); below it the body, which runs until two blank lines are followed by
something that is neither a footnote nor a row of the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache

from assay.model import Column, Diagnostic, Entity, Fact, Location, Period, Row, Table
from assay.model import units as u

from . import labels
from .headers import (
    YEAR_SCANS,
    assign_periods,
    header_items,
    is_header_line,
    is_period_anchor,
    period_of_label,
)
from .layout import (
    RULE_LINE,
    Cell,
    LineIndex,
    continues,
    footnote_start,
    indent_of,
    is_caps_heading,
)
from .source import Markup, SourceLine
from .vocabulary import VOCABULARY

_COMPANY_LINE = re.compile(r"\b(COMPANY|CORPORATION|CORP\.?|INC\.?|LTD\.?|LIMITED|MINES)\b")
_UNIT_HEADING = re.compile(
    rf"^(?P<name>.+?)\s+(?:{'|'.join(VOCABULARY.unit_words)})\b(?P<rest>.*)$", re.IGNORECASE)
_SHARE = re.compile(r"(\d+(?:\.\d+)?)%\s*(?:share|interest|owned|ownership)", re.IGNORECASE)
_SEGMENT_HEADING = re.compile(
    rf"^({VOCABULARY.metal_pattern}|{'|'.join(VOCABULARY.segment_groups)})\s+OPERATIONS?$",
    re.IGNORECASE)
_GRID_UNIT = re.compile(r"\(([^)]*)\)")
_HOLE = re.compile(r"^[A-Z]{1,5}[-_]?\d{1,4}[A-Z]?$")


@dataclass(slots=True)
class Found:
    """Where a table lies in the list of lines (indices into it)."""

    kind: str
    title_start: int
    header_start: int
    anchor: int
    body_start: int
    end: int = 0  # exclusive
    columns: tuple[int, ...] = ()  # where the <C> markers of a <TABLE> block stand


@dataclass(slots=True)
class Context:
    """Everything the reader needs while it builds one document's facts."""

    path: str
    company: str
    facts: list[Fact] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    last_table: Table | None = None  # the table read before, which the next may continue
    last_end: int = -1  # where it ends, as an index into the document's lines
    year_end: tuple[int, int] = (12, 31)  # the filer's fiscal year end (month, day)

    def warn(self, line: int, code: str, message: str, col: int = 0) -> None:
        self.diagnostics.append(Diagnostic(Location(self.path, line, col, col), code, message))


def find_tables(lines: list[SourceLine], index: LineIndex | None = None,
                markup: tuple[Markup, ...] = ()) -> list[Found]:
    """Locate every table: its title block, header lines, anchor and body extent.

    A ``<TABLE>`` block is a table: its caption is the header, its ``<C>`` markers the
    columns. Elsewhere anchors are looked for only where a whole-text scan of ``index``
    (the lines' text) finds a year, or a rule below: the only lines that can be one.
    """
    index = index or LineIndex(ln.text for ln in lines)
    years = {k for scan in YEAR_SCANS for k in index.lines_with(scan)}
    candidates = sorted(years | {k - 1 for k in index.lines_with(RULE_LINE) if k})
    found: list[Found] = []
    n = len(lines)
    after_grid = -1
    inside = bytearray(n)  # the lines of <TABLE> blocks
    for block in markup:
        inside[block.start:block.end] = b"\x01" * (block.end - block.start)
    for i in candidates:
        if i == after_grid or inside[i]:
            continue  # the rule under a grid's header; a line of a <TABLE> block
        text = lines[i].text
        if i in years and text.strip() and is_period_anchor(text):
            if any(k in years and lines[k].text and is_period_anchor(lines[k].text)
                   for k in range(i + 1, min(i + 3, n))):
                continue  # a header line over the anchor below it, not an anchor itself
            header_start = i
            first = header_items(text)[0].start
            while header_start > 0:
                above = lines[header_start - 1]
                if _header_like(above):
                    header_start -= 1
                elif (header_start > 1 and _stub_line(above, first)
                      and _header_like(lines[header_start - 2])):
                    header_start -= 2  # a stub line ("(millions, except") amid the header
                else:
                    break
            found.append(Found("statement", _title_start(lines, header_start), header_start,
                               i, i + 1))
        elif _is_grid_anchor(lines, i):
            header_start = i - 1 if i > 0 and lines[i - 1].rule else i
            found.append(Found("grid", _title_start(lines, header_start), header_start, i,
                               i + 2))
            after_grid = i + 1
    for k, f in enumerate(found):
        limit = found[k + 1].title_start if k + 1 < len(found) else n
        f.end = _body_end(lines, f, limit)
    by_anchor = {f.anchor: f for f in found}
    for block in markup:
        if block.body is None or block.body >= block.end:
            continue
        f = next((by_anchor[i] for i in range(block.start - 1, block.start - 4, -1)
                  if i in by_anchor), None)
        if block.body == block.start and f is not None and f.kind == "statement":
            # the header stands above the <TABLE> line: the block is that header's body
            f.body_start, f.end, f.columns = block.body, block.end, block.columns
            continue
        title_start = _title_start(lines, block.start, loose=True)
        found.append(Found("statement", title_start, block.start, block.body - 1, block.body,
                           block.end, block.columns))
    if markup:
        found.sort(key=lambda f: f.header_start)
        starts = sorted(b.start for b in markup)
        for f in found:  # a table found by its anchor ends where a <TABLE> block begins
            if not f.columns:
                f.end = min([f.end] + [s for s in starts if s > f.anchor])
    return found


def _stub_line(line: SourceLine, first: int) -> bool:
    """A line of words left of the header's first period item, with no figure."""
    return bool(line.text) and len(line.text) < first and not line.cells and not line.rule


def _header_like(line: SourceLine) -> bool:
    return bool(line.text) and (line.rule is not None or is_header_line(line.text))


def _title_start(lines: list[SourceLine], header_start: int, loose: bool = False) -> int:
    """The first line of the title block above a header: up to three blank lines, then a
    run of indented short lines (company, title, scale note). ``loose`` (above a
    ``<TABLE>`` block, whose start is certain) takes short lines at the margin too."""
    i = header_start
    blanks = 0
    while i > 0 and not lines[i - 1].text.strip() and blanks < 3:
        i -= 1
        blanks += 1
    start = i
    taken = 0
    while start > 0 and taken < 6:
        if loose:  # rules and blank lines within the title block of a <TABLE>
            k = start
            while k > 0 and start - k < 3 and (lines[k - 1].rule is not None
                                               or not lines[k - 1].text.strip()):
                k -= 1
            if k < start:
                if k == 0 or not _title_like(lines[k - 1], loose):
                    break
                start = k
        if not _title_like(lines[start - 1], loose):
            break
        start -= 1
        taken += 1
    return start if taken else header_start


def _title_like(line: SourceLine, loose: bool) -> bool:
    """A line that may stand in a table's title block: short, indented (or at the margin
    above a ``<TABLE>`` block), no figure, no rule, not the end of a sentence."""
    text = line.text
    if not text.strip() or len(text) > 80 or line.rule is not None or _ends_a_sentence(text):
        return False
    if indent_of(text) < 2 and not loose:
        return False
    return not any(not c.nil for c in line.cells)


def _ends_a_sentence(text: str) -> bool:
    """A line of prose ending its sentence ("... adjustments above."), not a title ending
    in an abbreviation ("SEARS, ROEBUCK AND CO.", "Example Mining Inc.")."""
    words = text.split()
    last = words[-1] if words else ""
    return last.endswith(".") and len(last) > 4 and not text.isupper()


def _is_grid_anchor(lines: list[SourceLine], i: int) -> bool:
    """A line of column names over a rule of three or more segments, some with units."""
    text = lines[i].text
    if "(" not in text or i + 1 >= len(lines) or "-" not in lines[i + 1].text:
        return False
    below = lines[i + 1].rule
    if below is None or len(below.segments) < 3:
        return False
    if lines[i].rule or lines[i].cells:
        return False
    return len(_GRID_UNIT.findall(text)) >= 2


def _body_end(lines: list[SourceLine], f: Found, limit: int) -> int:
    i = f.body_start
    last_content = f.anchor
    while i < limit:
        if lines[i].text:  # (right-stripped: a blank line is "")
            last_content = i
            i += 1
            continue
        j = i
        while j < limit and not lines[j].text:
            j += 1
        if j >= limit:
            break
        if j - i >= 2:
            nxt = lines[j]
            if not (footnote_start(nxt.text) or nxt.cells or nxt.rule):
                break
        i = j
    return last_content + 1


# --------------------------------------------------------------------------- columns


@dataclass(slots=True)
class _ColumnSpec:
    lo: int  # smallest right edge of its cells
    hi: int  # largest right edge
    start: int  # leftmost start of its cells
    count: int = 0


def _statement_columns(body: list[SourceLine], n_columns: int) -> list[_ColumnSpec]:
    """Cluster the right edges of the body's numeric cells into ``n_columns`` columns."""
    ends: dict[int, int] = {}
    starts: dict[int, int] = {}
    for line in body:
        cells = line.cells
        if not cells or line.rule or line.text[0] == "(" and footnote_start(line.text):
            continue
        for c in cells:
            end = c.end
            if end in ends:
                ends[end] += 1
                if c.start < starts[end]:
                    starts[end] = c.start
            else:
                ends[end] = 1
                starts[end] = c.start
    clusters: list[_ColumnSpec] = []
    for end in sorted(ends):
        if clusters and end - clusters[-1].hi <= 2:
            cl = clusters[-1]
            cl.hi = end
            cl.count += ends[end]
            cl.start = min(cl.start, starts[end])
        else:
            clusters.append(_ColumnSpec(end, end, starts[end], ends[end]))
    chosen = sorted(clusters, key=lambda c: (-c.count, -c.hi))[:n_columns]
    return sorted(chosen, key=lambda c: c.hi)


def _figures_of_a_row(text: str, cells: list[Cell]) -> bool:
    """Whether a line's trailing figures are a row's, not words of its label: a lone
    figure set off by one space ("Hecla's 29.73%"), a year or a note number ("Year
    2000", "see Note 7"), a nil dash."""
    figures = [c for c in cells if not c.nil]
    if not figures:
        return False
    if len(figures) == 1 and not figures[0].dollar:
        figure = figures[0]
        if text[max(0, figure.start - 2):figure.start].strip():
            return False  # one space or none before it: a word of the label
        digits = figure.text
        return "," in digits or not (digits.isdigit() and (
            len(digits) <= 2 or len(digits) == 4 and digits[:2] in ("19", "20")))
    return True


def _markup_columns(body: list[SourceLine], markers: tuple[int, ...],
                    ) -> tuple[list[_ColumnSpec], dict[int, int]]:
    """The columns of a ``<TABLE>`` block from its ``<C>`` markers: a figure belongs to
    the last column whose marker stands left of its end (figures are set right in their
    column and may reach left of its marker). Returns the columns, spanning the cells
    found under each, and the column of each figure end."""
    widest = max((len(line.text) for line in body), default=0) + 1
    bounds = [*markers[1:], max(widest, markers[-1] + 1)]
    column_at = {end: k for k, (lo, hi) in enumerate(zip(markers, bounds, strict=True))
                 for end in range(lo + 1, hi + 1)}
    specs = [_ColumnSpec(hi, lo + 1, lo) for lo, hi in zip(markers, bounds, strict=True)]
    seen = [False] * len(specs)
    for line in body:
        for c in line.cells:
            k = column_at.get(c.end)
            if k is None:
                continue
            spec = specs[k]
            if not seen[k]:
                spec.lo = spec.hi = c.end
                spec.start = c.start
                seen[k] = True
            else:
                spec.lo, spec.hi = min(spec.lo, c.end), max(spec.hi, c.end)
                spec.start = min(spec.start, c.start)
            spec.count += 1
    return specs, column_at


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _Unit:
    """A label that may wrap over several lines."""

    lines: list[int]
    text: str
    indent: int
    rule: str | None = None  # the rule standing right above the label's first line


class _TableReader:
    """Reads one found table into a :class:`Table` and its facts."""

    def __init__(self, ctx: Context, lines: list[SourceLine], found: Found, index: int):
        self.ctx = ctx
        self.lines = lines
        self.f = found
        self.table = Table(index=index, title="", kind=found.kind,
                           first_line=lines[found.title_start].number,
                           last_line=lines[found.end - 1].number)
        self.note = labels.ScaleNote()
        self.used: set[int] = set()
        self.specs: list[_ColumnSpec] = []
        self._column_at: dict[int, int] | None = None
        self._id_prefix = f"t{index}r"
        self._grid_meanings: list[_Meaning] = []  # what each column of a grid holds
        self._periods: list[Period | None] = []  # each column's period
        self._row_period: Period | None = None  # the period the last row heading named

    # -- header -------------------------------------------------------------
    def read_title(self) -> None:
        f, lines = self.f, self.lines
        title_parts: list[str] = []
        note_parts: list[str] = []
        in_note = False
        for i in range(f.title_start, f.header_start):
            text = lines[i].text.strip()
            if not text:
                continue
            self.used.add(i)
            if lines[i].rule is not None:
                continue
            if in_note or text.startswith("(") and not text.startswith("(1"):
                note_parts.append(text)
                in_note = text.count("(") + sum(p.count("(") for p in note_parts[:-1]) > (
                    text.count(")") + sum(p.count(")") for p in note_parts[:-1]))
                continue
            if _COMPANY_LINE.search(text) and text.isupper():
                continue
            title_parts.append(text)
        note_text = " ".join(note_parts)
        note = labels.parse_scale_note(note_text)
        if note is None:  # a scale said in the title or the header ("$000", "(in millions)")
            for i in range(f.title_start, f.anchor + 1):
                note = labels.parse_scale_note(lines[i].text)
                if note is not None:
                    note_text = note.text
                    break
        previous = self.ctx.last_table
        if (note is None and previous is not None and previous.scale_note
                and f.columns and self._follows_previous()):
            # a run of <TABLE> blocks under one scale note ("Note 3 - Details (in
            # millions)" over several small tables)
            note = labels.parse_scale_note(previous.scale_note)
            note_text = previous.scale_note
            self.ctx.warn(lines[f.title_start].number, "scale-continued",
                          f"no scale note: the scale of '{previous.title}' (lines "
                          f"{previous.first_line}-{previous.last_line}) is taken, "
                          f"'{note_text}'")
        self.note = note or labels.ScaleNote(note_text)
        self.table.scale_note = note_text
        title = " ".join(title_parts)
        anchor_left = ""
        if f.kind == "statement":
            anchor = lines[f.anchor].text
            m = re.match(r"^\s*([A-Za-z][A-Za-z &'-]*[A-Za-z])\s{2,}", anchor)
            anchor_left = m.group(1) if m else ""
        if not title and anchor_left:
            title = anchor_left.title() if anchor_left.isupper() else anchor_left
        title, marks = labels.split_footnotes(title)
        if not title and previous is not None and f.columns and self._follows_previous():
            title = previous.title  # a block right under another, under a caption of its own
        self.table.title = title or f"Table {self.table.index + 1}"
        self.table.role = VOCABULARY.role_of(title) if title else None
        self.table.title_footnotes = marks

    def read_statement_columns(self) -> None:
        f, lines = self.f, self.lines
        header = [lines[i].text for i in range(f.header_start, f.anchor + 1)
                  if lines[i].rule is None]
        self.used.update(range(f.header_start, f.anchor + 1))
        body = lines[f.body_start:f.end]
        if f.columns:
            n = len(f.columns)
            self.specs, self._column_at = _markup_columns(body, f.columns)
        else:
            n = sum(1 for i in header_items(lines[f.anchor].text) if i.year is not None)
            self.specs = _statement_columns(body, n)
        periods, texts = assign_periods(header, [(s.start, s.hi) for s in self.specs],
                                        self.ctx.year_end)
        previous = self.ctx.last_table
        if (f.columns and not any(periods) and previous is not None
                and len(previous.columns) == len(self.specs) and self._follows_previous()):
            # a block with no period in its header, right under a table of as many
            # columns, continues it (a balance sheet's liabilities under its assets)
            periods = [c.period for c in previous.columns]
            texts = [c.header for c in previous.columns]
            self.table.role = self.table.role or previous.role
            if not self.table.scale_note and previous.scale_note:
                self.table.scale_note = previous.scale_note
                self.note = labels.parse_scale_note(previous.scale_note) or self.note
            self.ctx.warn(lines[f.title_start].number, "columns-continued",
                          f"no period in the header: the columns of '{previous.title}' "
                          f"(lines {previous.first_line}-{previous.last_line}) continue")
        if self.table.role == "balance_sheet":  # "1994  1993" over balances: year ends
            periods = [Period.instant(p.end) if p is not None else None for p in periods]
        for k, (spec, period, text) in enumerate(zip(self.specs, periods, texts, strict=True)):
            self.table.columns.append(Column(k, spec.hi, text, period))
            if period is None:
                self.ctx.warn(lines[f.anchor].number, "column-period",
                              f"column {k + 1} of '{self.table.title}' has no period "
                              f"in its header ('{text}')", spec.start)
        if len(self.specs) < n:
            self.ctx.warn(lines[f.anchor].number, "columns",
                          f"header names {n} columns, cells found under {len(self.specs)}")

    def _follows_previous(self) -> bool:
        """Whether this table stands right under the table read before it, with nothing
        but blank lines (and markup) between them."""
        end, start = self.ctx.last_end, self.f.title_start
        return (0 <= end <= start and start - end <= _CONTINUED_WITHIN
                and not any(self.lines[i].text for i in range(end, start)))

    def read_grid_columns(self) -> None:
        f, lines = self.f, self.lines
        self.used.update(range(f.header_start, f.anchor + 2))
        header = lines[f.anchor].text
        rule = lines[f.anchor + 1].rule
        assert rule is not None  # a grid anchor stands over a rule
        for start, end in rule.segments:
            text = header[start:end + 1].strip()
            unit_m = _GRID_UNIT.search(text)
            if not unit_m:
                continue  # a text column (vein, hole)
            unit = _GRID_UNITS.get(unit_m.group(1).strip().lower())
            name = text[: unit_m.start()].strip()
            metal = labels.metal_in(name) or _SYMBOLS.get(name.lower())
            k = len(self.table.columns)
            col = Column(k, end, text, None, name=metal or name.lower(), unit=unit)
            self.table.columns.append(col)
            concept = "interval_length" if unit in (u.METRES, u.FEET) else "grade"
            self._grid_meanings.append(_Meaning(unit or "", 0, concept,
                                                col.name if concept == "grade" else None,
                                                Entity(self.ctx.company)))
            self.specs.append(_ColumnSpec(end - 1, end, start))
            if unit is None:
                self.ctx.warn(lines[f.anchor].number, "column-unit",
                              f"unknown unit in column header '{text}'", start)

    # -- body ---------------------------------------------------------------
    def place_cells(self, line: SourceLine) -> tuple[list[Cell | None], int, list[Cell]]:
        """Cells of a line by column, where its label ends, and cells under no column."""
        cells = line.cells
        placed: list[Cell | None] = [None] * len(self.specs)
        if not cells:
            return placed, len(line.text), []
        column_at = self._column_at
        if column_at is None:
            column_at = self._column_at = {}
            for k, spec in reversed(list(enumerate(self.specs))):
                for end in range(spec.lo - 1, spec.hi + 2):
                    column_at[end] = k
        stray: list[Cell] = []
        first: Cell | None = None
        for c in cells:
            k = column_at.get(c.end)
            if k is None or placed[k] is not None:
                stray.append(c)
            else:
                placed[k] = c
                if first is None or c.start < first.start:
                    first = c
        if first is None:
            return placed, len(line.text), []
        # cells left of the first column belong to the label (footnote marks, "29.73%")
        if stray:
            stray = [c for c in stray if c.end > first.start]
        return placed, first.start - (1 if first.dollar else 0), stray

    def read_body(self) -> None:
        f, lines = self.f, self.lines
        self._periods = [c.period for c in self.table.columns]
        used, rows, place_cells = self.used, self.table.rows, self.place_cells
        is_grid = self.table.kind == "grid"
        pending: list[_Unit] = []
        rule_pending: str | None = None
        rule_line = -1
        last_row: Row | None = None
        last_row_is_previous = False
        section: str | None = None
        group: str | None = None
        group_indent = 0
        member_indent: int | None = None
        entity = Entity(self.ctx.company)
        section_metal: str | None = None
        block = 0
        in_footnote: str | None = None
        footnote_seen = False
        grid_dims = {"vein": "", "hole": ""}
        grid_count = 0

        def flush_headings() -> None:
            nonlocal section, group, group_indent, member_indent, entity, section_metal
            if not pending:
                return
            for unit in pending:
                label, marks = labels.split_footnotes(unit.text)
                if not any(self._periods):
                    named = period_of_label(label, self.ctx.year_end)
                    if named is not None:
                        self._row_period = named
                if is_caps_heading(label):
                    section = label
                    group, member_indent = None, None
                    entity = _entity_of_heading(self.ctx.company, label)
                    section_metal = labels.metal_in(label) if entity.unit is None else None
                else:
                    group, group_indent, member_indent = label, unit.indent, None
                self.table.rows.append(Row(  # positional, in the order of _ROW_FIELDS
                    len(self.table.rows), label, tuple([lines[i].number for i in unit.lines]),
                    (), unit.indent, None, None, section, None if group == label else group,
                    marks, True, block))
                self.used.update(unit.lines)
            pending.clear()

        for i in range(f.body_start, f.end):
            line = lines[i]
            text = line.text  # right-stripped: a blank line is ""
            if not text or text.isspace():
                if in_footnote is None:
                    if pending:
                        flush_headings()
                    if group is not None and member_indent == group_indent:
                        group, member_indent = None, None
                    if rule_pending == "=" and rule_line == i - 1:
                        # a double rule closes the total above it; it stands over nothing
                        rule_pending = None
                in_footnote = None
                continue
            rule = line.rule
            if rule is not None:
                flush_headings()
                used.add(i)
                if last_row is not None and last_row_is_previous:
                    last_row.rule_below = last_row.rule_below or rule.char
                rule_pending = rule.char
                rule_line = i
                last_row_is_previous = False
                continue
            if in_footnote is not None:
                self.table.footnotes[in_footnote] += " " + text.strip()
                used.add(i)
                continue
            if text[0] == " " and _PAGE_NUMBER.match(text):
                used.add(i)  # a page number, no row of the table
                continue
            mark = footnote_start(text) if text[0] == "(" else None
            placed, label_end, stray = place_cells(line)
            if mark and not any(placed):
                flush_headings()
                in_footnote = mark
                self.table.footnotes[mark] = text.strip()[len(mark) + 2:].strip()
                used.add(i)
                footnote_seen = True
                rule_pending = None
                last_row_is_previous = False
                continue
            if not any(placed) and _figures_of_a_row(text, line.cells):
                # figures under no column (the row is out of line with the table):
                # each is reported, the row keeps its label
                for c in line.cells:
                    self.ctx.warn(line.number, "unplaced-cell",
                                  f"'{c.text}' stands under no column of "
                                  f"'{self.table.title}': the row's figures are out of line "
                                  f"with the table's columns", c.start)
                label_end = line.cells[0].start - (1 if line.cells[0].dollar else 0)
            elif not any(placed):
                indent = indent_of(text)
                stripped = text.strip()
                if pending and continues(pending[-1].text, pending[-1].indent, stripped, indent):
                    pending[-1].lines.append(i)
                    pending[-1].text += " " + stripped
                else:
                    pending.append(_Unit([i], stripped, indent, rule_pending))
                rule_pending = None
                last_row_is_previous = False
                continue
            # a row with figures
            if footnote_seen:
                block += 1
                footnote_seen = False
                section, group, member_indent = None, None, None
                entity = Entity(self.ctx.company)
            label_text = text[:label_end].rstrip().rstrip("$").rstrip()
            indent = indent_of(text) if label_text.strip() else label_end
            stripped = label_text.strip()
            unit_lines = [i]
            row_rule = rule_pending
            if not is_grid and pending and stripped and continues(
                    pending[-1].text, pending[-1].indent, stripped, indent):
                head = pending.pop()  # the figures end a wrapped label
                row_rule = head.rule
                unit_lines = head.lines + [i]
                stripped = head.text + " " + stripped
                indent = head.indent
            if pending:
                flush_headings()
            if group is not None and stripped:
                if member_indent is None:
                    if indent < group_indent:
                        group = None
                    else:
                        member_indent = indent
                elif indent < member_indent:
                    group, member_indent = None, None
            label, marks = labels.split_footnotes(" ".join(stripped.split()))
            # positional, in the order of _ROW_FIELDS
            row = Row(len(rows), label,
                      (line.number,) if len(unit_lines) == 1
                      else tuple([lines[k].number for k in unit_lines]),
                      (), indent, row_rule, None, section, group, marks, False, block)
            rows.append(row)
            used.update(unit_lines)
            if is_grid:
                grid_count = self._grid_dims(text, label_end, grid_dims, grid_count)
                dims = (("vein", grid_dims["vein"]), ("hole", grid_dims["hole"]),
                        ("intercept", str(grid_count)))
                row.section = grid_dims["vein"] or None
                row.label = " ".join(v for v in (grid_dims["vein"], grid_dims["hole"]) if v)
            else:
                dims = ()
            metal = labels.metal_in(label) or labels.metal_in(group)
            if metal:
                section_metal = metal
            row_entity = entity
            seg = labels.segment_of(label)
            if seg:
                row_entity = Entity(entity.company, entity.unit, seg, entity.share)
            meaning = self._meaning(row, row_entity, metal or section_metal)
            row.fact_ids = self._facts(row, placed, line, meaning, dims)
            for c in stray:
                self.ctx.warn(line.number, "stray-cell",
                              f"'{c.text}' stands under no column of '{self.table.title}'",
                              c.start)
            rule_pending = None
            last_row = row
            last_row_is_previous = True
        flush_headings()

    def _grid_dims(self, text: str, label_end: int, dims: dict[str, str], count: int) -> int:
        fields = [(m.start(), m.group(0).strip())
                  for m in re.finditer(r"\S+(?: \S+)*", text[:label_end])]
        if not fields:
            return count + 1
        vein = hole = None
        for start, value in fields:
            if _HOLE.match(value) or start > 6:
                hole = value
            else:
                vein = value
        if vein is not None:
            dims["vein"] = vein
        if hole is not None:
            dims["hole"] = hole
        return 1

    def _meaning(self, row: Row, entity: Entity, metal: str | None) -> _Meaning | None:
        """Unit, scale, concept, metal and entity of a statement row (None for grids,
        whose meaning is in their columns)."""
        if self.table.kind == "grid":
            return None
        ru = labels.row_unit(row.label, row.group, self.note)
        unit, scale = ru.unit, ru.scale
        concept = labels.concept_of(row.label, unit, row.group, self.table.title)
        if entity.segment and entity.segment == labels.segment_of(row.label):
            metal = None  # "Silver operations" sales: the segment, not the metal
        elif unit not in _METAL_UNITS:
            metal = labels.metal_in(row.label)
        if (unit == u.USD_PER_OZ and metal and entity.unit is None
                and entity.segment is None and concept and "cost" in concept):
            # a company-level cost per ounce of silver is the silver operations' figure
            entity = Entity(entity.company, None, metal, entity.share)
        return _Meaning(unit, scale, concept, metal, entity)

    def _facts(self, row: Row, placed: list[Cell | None], line: SourceLine,
               meaning: _Meaning | None, dims: tuple[tuple[str, str], ...],
               ) -> tuple[str | None, ...]:
        """The facts of one row's cells; their ids, None where a column is empty."""
        periods = self._periods
        if periods and not any(periods):
            periods = self._row_periods(row.label)
        append = self.ctx.facts.append
        path, number_of_line = self.ctx.path, line.number
        title, label, section, notes = self.table.title, row.label, row.section, row.footnotes
        index = row.index
        prefix = f"{self._id_prefix}{index}c"
        ids: list[str | None] = []
        for k, cell in enumerate(placed):
            if cell is None:
                ids.append(None)
                continue
            m = meaning or self._grid_meanings[k]  # a grid's column says what its figures are
            if cell.percent:  # "25.5%" is a percentage whatever the row's unit and scale
                m = _Meaning(u.PERCENT, 0, m.concept, m.metal, m.entity)
            scale = m.scale
            fact_id = prefix + _DIGITS[k]
            # positional, in the order of _FACT_FIELDS: three times cheaper than keywords
            append(Fact(
                fact_id, cell.value * _POWERS[scale] if scale else cell.value, m.unit,
                label, periods[k], m.entity, cell.decimals - scale, scale, m.concept,
                m.metal, dims, title, section, notes, cell.text, cell.nil,
                Location(path, number_of_line, cell.start, cell.end), None, k, index,
            ))
            ids.append(fact_id)
        return tuple(ids)

    def _row_periods(self, label: str) -> list[Period | None]:
        """Each column's period for a row of a table whose header names no period (a
        schedule, a statement of equity): the period the row's label names ("Balance at
        September 30, 1994"), else the last row heading's ("1991"); a column headed
        "beginning" or "end" of the period takes the instant where it begins or ends."""
        own = period_of_label(label, self.ctx.year_end)
        row_period = own or self._row_period
        out = list(self._periods)
        if row_period is None:
            return out
        for k, column in enumerate(self.table.columns):
            head = column.header.lower()
            if row_period.is_instant or not _BEGIN_END.search(head):
                out[k] = row_period
            elif "begin" in head:
                out[k] = Period.instant(row_period.start - timedelta(days=1))
            else:
                out[k] = Period.instant(row_period.end)
        return out

    def finish(self) -> Table:
        f, lines = self.f, self.lines
        used = self.used
        total = [i for i in range(f.title_start, f.end) if lines[i].text]  # not blank
        unplaced = [lines[i].number for i in total if i not in used]
        self.table.lines_total = len(total)
        self.table.lines_used = len(total) - len(unplaced)
        self.table.unplaced = unplaced
        if self.table.role is None:
            self.ctx.diagnostics.append(Diagnostic(
                Location(self.ctx.path, self.table.first_line), "table-role",
                f"the role of table '{self.table.title}' is not recognised from its title",
                "info"))
        for i in total:
            if i in used:
                continue
            line = lines[i]
            self.ctx.warn(line.number, "unplaced-line",
                          f"line not placed in table '{self.table.title}'")
            if _figures_of_a_row(line.text, line.cells):
                for c in line.cells:
                    self.ctx.warn(line.number, "unplaced-cell", f"'{c.text}' on a line not "
                                  f"placed in table '{self.table.title}'", c.start)
        return self.table


_METAL_UNITS = frozenset({u.USD_PER_OZ, u.OUNCES, u.OZ_PER_TON, u.G_PER_T, u.TONS,
                          u.USD_PER_LB})


@dataclass(slots=True)  # (not frozen: one is made for every row)
class _Meaning:
    unit: str
    scale: int
    concept: str | None
    metal: str | None
    entity: Entity


_FACT_FIELDS = ("id", "value", "unit", "label", "period", "entity", "decimals", "scale",
                "concept", "metal", "dims", "table", "section", "footnotes", "printed", "nil",
                "source", "derivation", "column", "row")
_ROW_FIELDS = ("index", "label", "lines", "fact_ids", "indent", "rule_above", "rule_below",
               "section", "group", "footnotes", "heading", "block")
if (tuple(f.name for f in fields(Fact))[: len(_FACT_FIELDS)] != _FACT_FIELDS
        or tuple(f.name for f in fields(Row)) != _ROW_FIELDS):
    raise ImportError("assay.read.tables builds Facts and Rows positionally: update "
                      "_FACT_FIELDS and _ROW_FIELDS")
# a line of nothing but a page number, set well in from the margin: "41", "- 12 -", "F-7"
_PAGE_NUMBER = re.compile(r"^ {10,}(?:-\s*)?(?:[A-Z]-)?\d{1,3}(?:\s*-)?$|^ {10,}[Pp]age \d{1,3}$")
_BEGIN_END = re.compile(r"\bbegin|\bend\b|\bending\b|\bclose\b")
_CONTINUED_WITHIN = 8  # lines between a table and the header-less block that continues it
_POWERS = {k: Decimal(10) ** k for k in range(0, 13)}
_DIGITS = [str(k) for k in range(64)]  # column numbers of fact ids
_GRID_UNITS = {"m": u.METRES, "ft": u.FEET, "g/t": u.G_PER_T, "opt": u.OZ_PER_TON,
               "oz/ton": u.OZ_PER_TON, "oz/t": u.OZ_PER_TON, "%": u.PERCENT}
_SYMBOLS = VOCABULARY.symbols


@lru_cache(maxsize=4096)
def _entity_of_heading(company: str, heading: str) -> Entity:
    """``GREENS CREEK UNIT (Reflects Hecla's 29.73% share)`` → unit and share.
    (Memoised: a release repeats its unit headings from table to table, as the next
    release does.)"""
    share_m = _SHARE.search(heading)
    share = (Decimal(share_m.group(1)) / 100) if share_m else None
    plain = re.sub(r"\(.*?\)", "", heading).strip()
    seg_m = _SEGMENT_HEADING.match(plain)
    if seg_m:
        return Entity(company, segment=seg_m.group(1).lower())
    m = _UNIT_HEADING.match(plain)
    if m and "ALL" not in plain.split() and "," not in m.group("name"):
        return Entity(company, unit=m.group("name").title(), share=share)
    return Entity(company, share=share)


def read_table(ctx: Context, lines: list[SourceLine], found: Found, index: int) -> Table:
    reader = _TableReader(ctx, lines, found, index)
    reader.read_title()
    if found.kind == "grid":
        reader.read_grid_columns()
    else:
        reader.read_statement_columns()
    reader.read_body()
    ctx.last_table, ctx.last_end = reader.table, found.end
    return reader.finish()
