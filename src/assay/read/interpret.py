"""Interpretation: a grid becomes a table of facts.

From a :class:`~assay.read.grid.Grid` (whatever layout made it) this stage reads the
title and scale note, each column's period from the header, and each body row: labels
wrapped over lines, headings that name sections, operating units and segments, groups,
footnotes, rules above and below; then the meaning of each figure (unit, scale,
concept, metal, entity) and the fact it is, with its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import groupby

from assay.model import Column, Diagnostic, Entity, Fact, Location, Period, Row, Table
from assay.model import units as u
from assay.model.numbers import Interval, figure_parts
from assay.model.periods import months_after

from . import labels
from .contents import contents_columns
from .grid import Grid, GridRow
from .headers import (
    assign_periods,
    header_items,
    header_phrases,
    is_header_line,
    months_ended,
    period_of_label,
    periods_of_columns,
)
from .layout import (
    PAGE_NUMBER,
    Cell,
    continues,
    footnote_start,
    indent_of,
    is_caps_heading,
    is_year,
)
from .source import SourceLine
from .vocabulary import VOCABULARY
from .worded import figures_in_words

# a row's words in parentheses before anything else: "(Dollars in thousands)   2020"
_LEADING_PARENTHESES = re.compile(r"\s*(\((?:[^()]|\([^()]*\))*\))")
_COMPANY_LINE = re.compile(r"\b(COMPANY|CORPORATION|CORP\.?|INC\.?|LTD\.?|LIMITED|MINES)\b")
_UNIT_HEADING = re.compile(
    rf"^(?P<name>.+?)\s+(?:{'|'.join(VOCABULARY.unit_words)})\b(?P<rest>.*)$", re.IGNORECASE)
_SHARE = re.compile(r"(\d+(?:\.\d+)?)%\s*(?:share|interest|owned|ownership)", re.IGNORECASE)
_SEGMENT_HEADING = re.compile(
    rf"^({VOCABULARY.metal_pattern}|{'|'.join(VOCABULARY.segment_groups)})\s+OPERATIONS?$",
    re.IGNORECASE)
_GRID_UNIT = re.compile(r"\(([^)]*)\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PARENTHESES = re.compile(r"\([^)]*\bexcept\b[^)]*\)?", re.IGNORECASE)
_AS_OF = re.compile(r"(?i)\b(?:as (?:of|at)|at) ([A-Z][a-z]+\.? \d{1,2}, (?:19|20)\d\d)")
# a sentence above a table of years dating them all at one day: "as of December 31, 1992
# and 1993"
_AS_OF_YEARS = re.compile(r"(?i)\b(?:as (?:of|at)|at) ([A-Z][a-z]+\.? \d{1,2}),? (?:19|20)\d\d"
                          r"(?:,? (?:19|20)\d\d)*,? and (?:19|20)\d\d\b")
# the words a header line opens with, up to a gap of two spaces (its stub's)
_STUB_WORDS = re.compile(r"\s*(\S+(?: \S+)*)")
# a table's caption of amounts per share, a few words long
_PER_SHARE_CAPTION = re.compile(r"(?i)\bper (?:common |diluted |basic )?share\b")
_CAPTION_WORDS = 6
_SUM_WINDOW = 200  # rows above an unlabelled row that may add up to it, at most
_CENTS_AT_MOST = 100  # an adjustment of earnings per share in dollars, less than this
_WHOLE_AMOUNT = 100  # an amount printed whole beside amounts per share, this at least
_AND = re.compile(r"\band\b")  # a label that names two things: "Net income and EPS"
# a title broken off after a word that needs the next ("STATEMENTS OF")
_OPEN_ENDED = re.compile(r"(?i)\b(?:of|and|for|in|on|to|the|from)$")
_IN_PARENTHESES = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
# a row that totals its heading's rows
_TOTAL_ROW = re.compile(r"(?i)total\b")
_SUBTOTAL = re.compile(r"(?i)sub-?total:?")  # "Subtotal", named by nothing else


def _closes(label: str, heading: str) -> bool:
    """Whether ``label`` is the total of ``heading``'s rows: "Total current assets" of
    "Current assets:" (not "Total deposits" inside "Average Balance Sheet Data")."""
    name = " ".join(_ANY_PARENTHESES.sub(" ", heading).rstrip().rstrip(":").lower().split())
    total = _TOTAL_ROW.match(label)
    return total is not None and bool(name) and " ".join(
        label[total.end():].lower().split()).startswith(name)


# years listed in one phrase: "1997, 1998, AND 1999"
_YEAR_LIST = re.compile(r"(?i)\b(?:19|20)\d\d,? (?:(?:19|20)\d\d,? )*and (?:19|20)\d\d\b")
# dates listed one after another ("at March 31, 2020, December 31, 2019 and ..."): no one
_DATE_LIST = re.compile(r"(?:19|20)\d\d,? (?:and )?[A-Z][a-z]+\.? \d{1,2}, (?:19|20)\d\d")
_HOLE = re.compile(r"^[A-Z]{1,5}[-_]?\d{1,4}[A-Z]?$")
# a run of digits and separators among figures (see :meth:`_TableReader._misprints`)
_MISPRINTED = re.compile(r"(?<![\w,.])\d[\d,.]*\d(?![\w,.])")
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "at", "by", "or"})


@dataclass(slots=True)
class Context:
    """Everything the reader needs while it builds one document's facts."""

    path: str
    company: str
    facts: list[Fact] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    last_table: Table | None = None  # the table read before, which the next may continue
    # the names that told its columns apart (see _members), which a block under it with
    # periods alone in its header keeps
    last_members: list[tuple[tuple[str, str], ...]] = field(default_factory=list)
    # a note above the tables that gives the scale of all that follow: line and text
    scale_for_all: tuple[int, str] | None = None
    year_end: tuple[int, int] = (12, 31)  # the filer's fiscal year end (month, day)
    annual: bool = False  # every duration the document's headers name is a year

    def warn(self, line: int, code: str, message: str, col: int = 0) -> None:
        self.diagnostics.append(Diagnostic(Location(self.path, line, col, col), code, message))


def _bounds(text: str, printed: list[str]) -> tuple[str, str] | None:
    """("low", "high") where a cell prints a range of two figures ("18% - 20%", "$4,125 to
    $4,145"): each figure is one end of it; None otherwise."""
    if len(printed) != 2:
        return None
    first = text.find(printed[0])
    second = text.find(printed[1], first + len(printed[0]))
    if first < 0 or second < 0:
        return None
    between = text[first + len(printed[0]):second].strip()
    return ("low", "high") if between in ("-", "\u2013", "\u2014", "to") else None


def _total_of(heading: str) -> str:
    """The label of a heading's total: "Costs and Expenses:" -> "Total costs and
    expenses" (an acronym keeps its capitals: "Total EBITDA")."""
    words = heading.strip().rstrip(":").strip().split()
    if words and words[0].lower() == "total":
        return " ".join(words)
    if all(w[:1].isupper() or w in _SMALL_WORDS for w in words):  # "Costs and Expenses"
        words = [w if sum(ch.isupper() for ch in w) > 1 else w.lower() for w in words]
    elif words and sum(ch.isupper() for ch in words[0]) == 1:  # "Other income", not
        words[0] = words[0].lower()  # "EBITDA" or "Non-GAAP"
    return "Total " + " ".join(words)


def _heading(row: Row) -> str | None:
    """The headings ``row`` stands under inside its section, outermost first, if any."""
    heads = [h for h in (row.parent, row.group) if h and h != row.section]
    return " / ".join(heads) or None


def _figures_of_a_row(text: str, cells: list[Cell]) -> bool:
    """Whether a line's trailing figures are a row's, not words of its label: a lone
    figure set off by one space ("the company's 29.73%", "Common stock, $1.00"), a year
    or a note number ("Year 2000", "see Note 7"), a nil dash."""
    figures = [c for c in cells if not c.nil]
    if not figures:
        return False
    if len(figures) == 1:
        figure = figures[0]
        if figure.dollar:  # ("stock, $1.00", "depreciation of $1,013,000": words of the
            # label)
            return not _joined(text, figure)
        if text[max(0, figure.start - 2):figure.start].strip():
            return False  # one space or none before it: a word of the label
        digits = figure.text
        return "," in digits or not (digits.isdigit() and len(digits) <= 2 or is_year(digits))
    return True


def _joined(text: str, figure: Cell) -> bool:
    """Whether a figure is set one space after a comma or a word that joins a figure to
    words ("stock, $1.00", "9,894,380, and 10,037,903"): a word of a label."""
    before = text[:figure.start - 1 if figure.dollar else figure.start]
    words = before.split()
    return len(before) - len(before.rstrip()) == 1 and bool(words) and (
        words[-1].endswith(",") or words[-1].lower() in _JOINS_A_FIGURE)


@dataclass(slots=True)
class _Unit:
    """A label that may wrap over several lines."""

    lines: list[int]
    text: str
    indent: int
    rule: str | None = None  # the rule standing right above the label's first line
    last: str = ""  # the text of its last line


class _TableReader:
    """Reads one grid into a :class:`Table` and its facts."""

    def __init__(self, ctx: Context, grid: Grid, index: int):
        self.ctx = ctx
        self.g = grid
        self.table = Table(index=index, title="", kind=grid.kind, first_line=grid.first_line,
                           last_line=grid.last_line)
        self.note = labels.ScaleNote()
        self.used: set[int] = set()  # the line numbers read
        self._first_fact = len(ctx.facts)  # where this table's facts begin in ctx.facts
        self._id_prefix = f"t{index}r"
        self._grid_meanings: list[_Meaning] = []  # what each column of a grid holds
        # columns of balances over the period ("Average Balance", "Maximum ... During")
        self._averaged_columns: list[bool] = []
        # what each column stands for beside its period, where columns share one
        # ("Domestic | Canada | Consolidated", "As Reported | Adjusted"): a dimension
        self._members: list[tuple[tuple[str, str], ...]] = []
        self._page_columns: frozenset[int] = frozenset()  # columns of page numbers
        self._headed_totals: set[str] = set()  # headings whose total has been named
        self._opened: str | None = None  # the heading a balance at its beginning stood under
        self._by_id: dict[str, Fact] = {}  # this table's facts of cells, by id, as read
        # rows of figures in cents in a table of thousands or more: not of its scale
        self._cents_rows: set[int] = set()
        self._total_rows: set[int] = set()  # unlabelled rows read as totals
        self._captioned_per_share = _caption_per_share(grid.title)
        self._periods: list[Period | None] = []  # each column's period
        self._row_period: Period | None = None  # the period the last row heading named
        self._stub_year: int | None = None  # the one year the header's stub names
        self._quarter_rows = False  # rows named "First" ... "Fourth" are quarters
        # in a table whose columns are quantities, not periods, the unit a column's
        # header names ("EPS", "Shares"), where it names one
        self._column_units: list[labels.RowUnit | None] = []
        self._percent_columns: frozenset[int] = frozenset()  # see _percent_columns
        self._percent_cells: frozenset[tuple[int, int]] = frozenset()  # see _percent_runs
        self._price_columns: frozenset[int] = frozenset()  # columns of prices in eighths
        self._amount_columns: frozenset[int] = frozenset()  # columns named "Amount"
        self._tally_columns: list[int] = []  # columns of a vote's tally
        self._tally_rows: frozenset[str] = frozenset()  # rows of one, by label
        self._rolls_by_dates = False  # rows dated in their labels roll a balance forward
        self._change_columns: list[bool] = []  # columns whose headers name a change
        self._any_change = False
        # a statement of flows under quarter-end dates alone: each column's quarter
        self._flow_periods: list[Period | None] | None = None
        self._note_row = -1  # the body row that is the table's scale note, if one is

    # -- header -------------------------------------------------------------
    def read_title(self) -> None:
        g = self.g
        title_parts: list[str] = []
        note_parts: list[str] = []
        in_note = False
        for line in g.title:
            text = line.text.strip()
            if not text:
                continue
            self.used.add(line.number)
            if line.rule is not None:
                continue
            if in_note or text.startswith("(") and not footnote_start(text):
                note_parts.append(text)
                in_note = text.count("(") + sum(p.count("(") for p in note_parts[:-1]) > (
                    text.count(")") + sum(p.count(")") for p in note_parts[:-1]))
                continue
            if _COMPANY_LINE.search(text) and text.isupper() or _PAGE_MARK.fullmatch(text):
                continue  # (a page's number or "Page 1 of 11" names no table)
            # (the running mark run into the title's words: "Table of ContentsEXAMPLE")
            text = _CONTENTS_LEAD.sub("", text)
            title_parts.append(text)
        note_text = " ".join(note_parts)
        note = labels.parse_scale_note(note_text)
        if note is None and g.columns and g.header:
            # a note broken over the header's stub ("(in 000s," / "except share" / "data)")
            left = min(c.start for c in g.columns)
            stub = " ".join(m.group(1) for line in g.header
                            if (m := _STUB_WORDS.match(line.text)) and m.start(1) < left)
            note = labels.parse_scale_note(stub) if "(" in stub else None
            if note is not None:
                note_text = note.text
        if note is None:  # a scale said in the title or the header ("$000", "(in millions)")
            for line in [*g.title, *g.header]:
                note = labels.parse_scale_note(line.text)
                if note is not None:
                    note_text = note.text
                    break
        if note is None:  # "(Dollars in thousands)" in the label column over the rows
            for i, row in enumerate(g.rows):
                if row.figures:
                    break
                lead = _LEADING_PARENTHESES.match(row.text)
                if lead:
                    note = labels.parse_scale_note(lead.group(1))
                    if note is not None:
                        note_text, self._note_row = note.text, i
                        break
        previous = self.ctx.last_table
        own_title = " ".join(title_parts)
        if (note is None and previous is not None and previous.scale_note and g.follows
                and (g.markup or not own_title or own_title.startswith("*"))):
            # a run of <TABLE> blocks under one scale note ("Note 3 - Details (in
            # millions)" over several small tables), or the detail of a column marked
            # "*" in the table above ("* Domestic segment detail for ...")
            note = labels.parse_scale_note(previous.scale_note)
            note_text = previous.scale_note
            self.ctx.warn(g.first_line, "scale-continued",
                          f"no scale note: the scale of '{previous.title}' (lines "
                          f"{previous.first_line}-{previous.last_line}) is taken, "
                          f"'{note_text}'")
        own = note if note is not None and note.scale_of("dollars") == 0 else None
        if (note is None or own is not None) and self.ctx.scale_for_all is not None:
            # (a note of the table's own that scales no dollars, "(shares in millions)",
            # leaves the dollars to the section's note)
            at, text = self.ctx.scale_for_all
            if own is not None:
                text = f"{text} {own.text}"
            note = labels.parse_scale_note(text)
            if note is not None:
                note_text = note.text
                self.ctx.warn(g.first_line, "scale-for-all",
                              f"no scale note: the note on line {at} for all tables is "
                              f"taken, '{note_text}'")
        self.note = note or labels.ScaleNote(note_text)
        self.table.scale_note = note_text
        title = " ".join(title_parts)
        anchor_left = ""
        if g.kind == "statement":
            anchor = g.anchor.text
            m = re.match(r"^\s*([A-Za-z][A-Za-z &'-]*[A-Za-z])\s{2,}", anchor)
            # (words in the stub, left of every column: not a column's name)
            if m and (g.header_cells is not None or not g.columns
                      or m.end(1) <= min(c.start for c in g.columns)):
                anchor_left = m.group(1)
        if not title and anchor_left:
            title = anchor_left.title() if anchor_left.isupper() else anchor_left
        caption = self._stub_caption()
        if caption and (not title or _OPEN_ENDED.search(title)):
            # the caption in the header's stub ("DEPOSITS (unaudited)  June 30,"), or the
            # end of a title broken into it ("CONSOLIDATED STATEMENTS OF" / "FINANCIAL
            # CONDITION  Three")
            title = f"{title} {caption}" if title else caption
        title, marks = labels.split_footnotes(title)
        if not title and previous is not None and g.markup and g.follows:
            title = previous.title  # a block right under another, under a caption of its own
        self.table.title = title or f"Table {self.table.index + 1}"
        self.table.role = VOCABULARY.role_of(title) if title else None
        self.table.title_footnotes = marks

    def _parts_of_a_balance(self, texts: list[str], periods: list[Period | None]) -> bool:
        """Whether the table, under bare years, is of the parts of a balance: its last row
        of figures is an account ("Net deferred tax liabilities") that its title names
        ("The ... deferred tax (assets) liabilities are as follows:"), not one among
        flows ("Identifiable assets" at the end of a table of sales by area), and no row
        opens or closes a balance (a roll-forward's movements are the year's)."""
        last = next((row for row in reversed(self.g.rows) if row.figures), None)
        if last is None or not any(periods) or not all(
                i.kind == "year" for t, p in zip(texts, periods, strict=True) if p is not None
                for i in header_items(t)):
            return False
        label = last.text[:last.label_end].strip()
        if _balance_of(label) != "accounts" or any(
                _balance_of(row.text[:row.label_end].strip()) in ("begin", "end")
                for row in self.g.rows if row.figures):
            return False  # (an account, not "Working capital" or "Number of employees" at
            # the end of selected data; nor a roll-forward of it, its movements the year's)
        words = _WORDS_OF.findall(_TOTAL_WORDS.sub("", label.lower()))[:2]
        return len(words) == 2 and " ".join(words) in self.table.title.lower()

    def _stub_caption(self) -> str:
        """The words of the header's stub, left of the columns on the lines that head
        them, with its notes in parentheses dropped (the scale, "(unaudited)"); "" where
        it holds no capitalised caption."""
        g = self.g
        if g.kind != "statement" or not g.columns or not g.header:
            return ""
        left = min(c.start for c in g.columns)
        parts = []
        first = next((line for line in g.header if line.text.strip()), None)
        for line in g.header:
            if line.text[left:].strip():
                m = _STUB_WORDS.match(line.text)
                if m and m.start(1) < left and m.end(1) <= left:
                    parts.append(m.group(1))
            elif is_caps_heading(line.text) or (
                    line is first and g.header_cells is not None and _caption_alone(line.text)
                    and any(ln.text[left:].strip() for ln in g.header)):
                # a caption line of its own ("AVERAGE  BALANCES"); in HTML, the first row
                # of the header, in the stub alone ("Enclosures" over "Three months ended")
                parts.append(line.text)
        words = " ".join(parts)
        words = _IN_PARENTHESES.sub(" ", words)
        words = " ".join(words[:words.index("(")].split()) if "(" in words else " ".join(
            words.split())  # (a note still open: "(in 000s, except" / "per share data)")
        return words if words[:1].isupper() and any(c.isalpha() for c in words) else ""

    def read_statement_columns(self) -> None:
        g = self.g
        # (its rules tell how far a phrase centred over them reaches; a line that is
        # the scale note alone, "Tabular information (dollars in millions):", names no
        # column)
        left = min((c.start for c in g.columns), default=0)
        header = [line.text for line in g.header
                  if indent_of(line.text) >= left or not _note_alone(line.text)]
        self.used.update(line.number for line in g.header)
        subtitle = " ".join(line.text for line in g.title if _names_a_period(line.text))
        if g.header_cells is not None:  # the layout says which columns each cell spans
            phrases: list[list[str]] = [[] for _ in g.columns]
            stub_phrases = []
            spanning = []  # a title across the whole table names no column
            for r, row in enumerate(g.header_cells):
                for over, text in _widen_durations(row, g.header_cells[r + 1:]):
                    if len(over) == len(g.columns) > 1 and not header_items(text):
                        spanning.append(text)
                        continue
                    if (len(over) == len(g.columns) and not is_header_line(text)
                            and _names_a_period(text)):
                        # a sentence across the table that names its period ("... for
                        # the quarter ended March 31, 2020") says what the columns leave
                        # out, as a subtitle above the table does
                        subtitle = f"{subtitle} {text}".strip()
                        spanning.append(text)
                        continue
                    for k in over:
                        phrases[k].append(text)
                    if not over:
                        stub_phrases.append(text)
            periods, texts, stub = periods_of_columns(phrases, stub_phrases,
                                                      self.ctx.year_end, subtitle)
            own = " ".join(spanning)
            if spanning and (self.table.title == f"Table {self.table.index + 1}" or (
                    self.table.role is None and VOCABULARY.role_of(own) is not None
                    and not _SECTION_HEADING.search(own))):
                # a table with no title above it, titled in its own first rows; or one
                # whose own first rows name what it is ("Condensed Consolidated
                # Statements of Cash Flows") where the words above it do not
                self.table.title = own
                self.table.role = VOCABULARY.role_of(own)
        else:
            # column names over the periods, above the header ("Domestic   Canada
            # Consolidated" over "2004  2003  2004  2003  2004  2003"): the columns' own
            left = min((c.start for c in g.columns), default=0) - _NAMES_SLACK
            names = [line.text for line in g.title[-2:] if line.rule is None
                     and len(phrases := header_phrases(line.text)) >= 2
                     and not header_items(line.text)
                     and all(start >= left for start, _, _ in phrases)]
            periods, texts, stub = assign_periods(
                names + header, [(c.start, c.right) for c in g.columns], self.ctx.year_end,
                subtitle)
        years = _YEAR.findall(stub)
        self._stub_year = int(years[0]) if len(set(years)) == 1 else None
        named_years = {y for text in texts for y in _YEAR.findall(text)}
        if (not self._stub_year and not any(periods) and len(named_years) == 1
                and _QUARTERLY.search(" ".join(texts))):
            # "1992 QUARTERLY SUMMARY" over the columns, "First" ... "Fourth" the rows
            self._stub_year, self._quarter_rows = int(named_years.pop()), True
        if self._stub_year and not any(periods):  # "1991" over a schedule's columns:
            self._row_period = period_of_label(str(self._stub_year), self.ctx.year_end)
        previous = self.ctx.last_table
        if ((g.markup or g.header_cells is not None) and not any(periods)
                and previous is not None and g.follows
                and len(previous.columns) == len(g.columns)
                and (any(c.period for c in previous.columns)
                     or g.header_cells is not None and not any(t.strip() for t in texts)
                     and all(c.header.strip() for c in previous.columns))):
            # a block with no period in its header, right under a table of as many
            # columns, dated or named, continues it (a balance sheet's liabilities under
            # its assets; an HTML table over the page break, its segments' names above)
            periods = [c.period for c in previous.columns]
            texts = [own if own.strip() else c.header  # (its own header, where it has one:
                     for own, c in zip(texts, previous.columns, strict=True)]  # "Oil ($/Bbl)")
            self.table.role = self.table.role or previous.role
            if not self.table.scale_note and previous.scale_note:
                self.table.scale_note = previous.scale_note
                self.note = labels.parse_scale_note(previous.scale_note) or self.note
            self.ctx.warn(g.first_line, "columns-continued",
                          f"no period in the header: the columns of '{previous.title}' "
                          f"(lines {previous.first_line}-{previous.last_line}) continue")
        self._column_units = [_unit_named(text, self.note) for text in texts]
        # a vote's tally ("For | Against | Abstain | Broker Non-Votes"): votes cast,
        # counted, where two of its columns or more say so, one of them not "For"
        votes = [k for k, text in enumerate(texts) if _is_tally(text)]
        self._tally_columns = []
        if len(votes) > 1 and any(_AGAINST.search(texts[k]) for k in votes):
            self._tally_columns = votes
            for k in votes:
                self._column_units[k] = labels.RowUnit(u.COUNT, 0)
        # a column named for an amount ("Amount", "Balance") holds dollars, whatever
        # things a row's label names ("Convenience stores  19,207" under "Amount")
        self._amount_columns = frozenset(k for k, text in enumerate(texts)
                                         if _AMOUNT_NAME.search(text))
        # (a change in basis points, "Change (bps)", is no change in percentage points)
        self._change_columns = [bool(_CHANGE_NAME.search(text)) and not _BASIS_POINTS.search(
            text) for text in texts]
        self._any_change = any(self._change_columns)
        # a column of page or section numbers ("INDEX TO FINANCIAL STATEMENTS ... Page",
        # "DEFINED TERM ... SECTION") holds no facts
        self._page_columns = frozenset(k for k, text in enumerate(texts)
                                       if _PAGE_HEADER.search(text)) | contents_columns(g.rows)
        for k in sorted(self._page_columns):
            why = f"('{texts[k]}')" if texts[k] else "(rising, after dot leaders)"
            self.ctx.warn(g.anchor.number, "page-column",
                          f"column {k + 1} of '{self.table.title}' {why} holds page or "
                          f"section numbers: not read as facts", g.columns[k].start)
        if not any(self._column_units):
            self._column_units = []
        if not any(periods) and not self._stub_year:
            at = _as_of(g.title)
            if at is not None:  # "Future minimum lease payments ... as of January 29, 2023"
                periods = [at] * len(periods)
            elif (over := _titled(g.title, self.ctx.year_end)) is not None and not any(
                    _balance_of(label := row.text[:row.label_end].strip())
                    or header_items(label) for row in g.rows if row.figures):
                # "Second Quarter 2020 Guidance" over "Guidance | Growth": the quarter's,
                # but a change's
                periods = [None if _CHANGE_WORDS.search(text) else over for text in texts]
        dated = [p.end for p in periods if p is not None]
        if dated and any(p is None for p in periods):
            # "Total Costs Accrued to Date", "Total Expected Program Costs" beside dated
            # columns: as of the latest date the table gives; beside balances only, any
            # named column left of the dated ones but a change ("Effective Interest Rate"
            # left of two year ends: what describes the row; right of them stand changes
            # and totals, between them a share of the total is its neighbour's)
            balances = all(p.start is None for p in periods if p is not None)
            first_dated = next(k for k, p in enumerate(periods) if p is not None)
            periods = [Period.instant(max(dated)) if p is None and (
                _AS_OF_LATEST.search(text) or balances and text.strip()
                and k < first_dated and not _CHANGE_COLUMN.search(text)
                and not header_items(text)) else p
                for k, (p, text) in enumerate(zip(periods, texts, strict=True))]
        title_text = " ".join(line.text for line in g.title)
        said = _AS_OF_YEARS.search(title_text)
        if said is not None and not _AVERAGE.search(self.table.title) and not any(
                i.kind == "duration" for i in header_items(title_text)):
            # (not "the provision for the years 1992 and 1993, and the liability at
            # December 31, 1992 and 1993": its flows are the years')
            # "... as of December 31, 1992 and 1993, are as follows:" over "1992  1993":
            # balances at the day it names in each year, not the years
            day = header_items(said.group(1))
            periods = [Period.instant(p.end) if p is not None and p.months == 12 and day
                       and (p.end.month, p.end.day) == (day[0].month, day[0].day)
                       and all(i.kind == "year" for i in header_items(text)) else p
                       for p, text in zip(periods, texts, strict=True)]
        listed = any(_YEAR_LIST.search(line.text) for line in g.header)
        if listed and any(_BALANCE_DATED.match(row.text[:row.label_end].strip())
                          for row in g.rows if row.figures):
            # "YEARS ENDED SEPTEMBER 30, 1997, 1998, AND 1999" across a statement of equity
            # whose rows are dated balances ("Balance, September 30, 1996"): the rows name
            # the periods, not the columns under the list (see date_movements)
            periods = [None] * len(periods)
        if (self.table.role == "balance_sheet" or self.table.role is None
                and self._parts_of_a_balance(texts, periods)
                ) and not _AVERAGE.search(self.table.title):
            # (a table of a balance's parts under bare years, "Net deferred tax
            # liabilities" under "... deferred tax (assets) liabilities are as follows:")
            # "1994  1993" over balances: year ends (but not where the header names a
            # duration: an average balance sheet's "Three Months Ended")
            periods = [Period.instant(p.end) if p is not None and not any(
                i.kind == "duration" for i in header_items(text)) else p
                for p, text in zip(periods, texts, strict=True)]
        elif any(_balance_of(row.text[:row.label_end].strip()) == "begin"
                 for row in g.rows if row.figures):
            periods = _rolled_forward(periods, self.ctx.annual)
        self._members = _members(periods, texts)
        before = self.ctx.last_members
        above = self.ctx.last_table
        if (g.follows and above is not None and any(m and m[0][0] == "column"
                                                    for m in self._members)
                and [c.period for c in above.columns] != periods  # (six months under
                # three: another block of one table, not a table of the same dates)
                and len(before) == len(self._members)
                and all(b and b[0][0] == "member" for m, b in zip(
                    self._members, before, strict=True) if m and m[0][0] == "column")):
            # a block under another of as many columns, its header giving the periods
            # alone ("Six months ended June 30," / "2018  2017" under the quarter's block
            # and the names over it, "Parent | Noncontrolling interest | Total"): the
            # names above go on
            self._members = [b if m and m[0][0] == "column" else m
                             for m, b in zip(self._members, before, strict=True)]
        for k, (column, period, text) in enumerate(zip(g.columns, periods, texts,
                                                        strict=True)):
            self.table.columns.append(Column(k, column.right, text, period))
            if period is None:
                self.ctx.warn(g.anchor.number, "column-period",
                              f"column {k + 1} of '{self.table.title}' has no period "
                              f"in its header ('{text}')", column.start)
        if len(g.columns) < g.named:
            self.ctx.warn(g.anchor.number, "columns",
                          f"header names {g.named} columns, cells found under "
                          f"{len(g.columns)}")

    def read_grid_columns(self) -> None:
        g = self.g
        self.used.update(line.number for line in g.header)
        for column in g.columns:
            text = column.header
            unit_m = _GRID_UNIT.search(text)
            assert unit_m is not None  # the layout keeps the columns named with a unit
            unit = _GRID_UNITS.get(unit_m.group(1).strip().lower())
            name = text[: unit_m.start()].strip()
            metal = labels.metal_in(name) or _SYMBOLS.get(name.lower())
            k = len(self.table.columns)
            col = Column(k, column.right, text, None, name=metal or name.lower(), unit=unit)
            self.table.columns.append(col)
            concept = "interval_length" if unit in (u.METRES, u.FEET) else "grade"
            self._grid_meanings.append(_Meaning(unit or "", 0, concept,
                                                col.name if concept == "grade" else None,
                                                Entity(self.ctx.company)))
            if unit is None:
                self.ctx.warn(g.anchor.number, "column-unit",
                              f"unknown unit in column header '{text}'", column.start)

    # -- body ---------------------------------------------------------------
    def _column_periods(self) -> list[Period | None]:
        """Each column's period. A column of changes dated by a day has none (the day is
        the one compared with). A column named for values at a moment ("Carrying Amount",
        "Fair Value", "Notional Principal") under a year or a quarter holds them at its
        end, where such columns are half of that period's at least, but in a table that
        rolls a balance forward (a row of an opening or closing balance), whose movements
        are flows over the period."""
        columns = self.table.columns
        changes = [bool(_CHANGED.search(c.header)) for c in columns]
        # a change is over a span, never at a moment: a date under "Change Compared To"
        # is the date compared with, no period of the change's figures
        periods = [None if c.period is not None and c.period.is_instant and change
                   else c.period for c, change in zip(columns, changes, strict=True)]
        moment = VOCABULARY.moment_columns
        named = [c.period is not None and not c.period.is_instant and bool(
            moment.search(c.header)) and not _OVER_THE_PERIOD.search(c.header)
            and not change for c, change in zip(columns, changes, strict=True)]
        # (where they are half the columns of their period at least: not a carrying
        # amount beside the sale price and the gain of what was sold during the year)
        at_end = [k for k, c in enumerate(columns) if named[k] and 2 * sum(
            named[j] for j, d in enumerate(columns) if d.period == c.period) >= sum(
            1 for d in columns if d.period == c.period)]
        if at_end and not any(
                _balance_of(row.text[:row.label_end].strip()) in ("begin", "end")
                for row in self.g.rows if row.cells):
            for k in at_end:
                periods[k] = Period.instant(periods[k].end)
        return periods

    def read_body(self) -> None:
        self._periods = self._column_periods()
        for k in self._tally_columns:
            self._periods[k] = None  # (votes are counted at a meeting, over no period)
        # (a statement of flows: by its title, and no row of it a balance sheet's,
        # "Total assets", as under a title carried over a page)
        self._flow_periods = (_quarters_of_dates(self._periods, self.ctx.year_end)
                              if self.table.role == "income_statement" and not any(
                                  _balance_of(row.text[:row.label_end].strip()) == "items"
                                  for row in self.g.rows if row.figures) else None)
        # a roll-forward whose first row and another are dated in their labels
        # ("Residential mortgage investments, December 31, 2019" ... ", March 31, 2020")
        first = next((row for row in self.g.rows if row.figures), None)
        opening = first and _DATED_LAST.search(first.text[:first.label_end].strip())
        self._rolls_by_dates = bool(opening) and any(
            (m := _DATED_LAST.search(row.text[:row.label_end].strip())) is not None
            and m.group(1) != opening.group(1) for row in self.g.rows if row.figures)
        # columns whose figures are over the period whatever balance a row names: averages
        # ("Average Balance"), and flows on it ("Interest Income Recognized" beside
        # "Total impaired loans")
        whole = bool(_AVERAGE_BALANCES.search(self.table.title))
        self._averaged_columns = [whole or bool(_OVER_THE_PERIOD.search(c.header)
                                                or _FLOW_COLUMN.search(c.header))
                                  for c in self.table.columns]
        self._percent_columns = _percent_columns(self.g.rows)
        self._price_columns = frozenset(k for row in self.g.rows for k, c in enumerate(row.cells)
                                        if c is not None and "/" in c.text)
        self._percent_cells = _percent_runs(self.g.rows) | _percent_blocks(self.g.rows)
        # a vote's tally down the rows ("Votes For", "Votes Against", "Broker Non-Votes"),
        # as across the columns: votes, counted
        tallies = {text for row in self.g.rows if row.figures
                   and _is_tally(text := row.text[:row.label_end].strip())}
        self._tally_rows = frozenset(tallies) if len(tallies) > 1 and any(
            _AGAINST.search(text) for text in tallies) else frozenset()
        shares = self._percent_columns | _marked_percent_columns(self.g.rows)
        for k in sorted(shares):
            # a share of the total beside a dated amount ("112,424  13%") is of its date
            if (k > 0 and self._periods[k] is None and self._periods[k - 1] is not None
                    and k - 1 not in shares
                    and _share_named(self.table.columns[k].header)):
                self._periods[k] = self._periods[k - 1]
        used, rows = self.used, self.table.rows
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
        parent: str | None = None  # the heading over ``group``, and its indent
        parent_indent = 0
        entity = Entity(self.ctx.company)
        section_metal: str | None = None
        block = 0
        in_footnote: str | None = None
        footnote_seen = False
        grid_dims = {"vein": "", "hole": ""}
        grid_count = 0

        def flush_headings(row_indent: int | None = None) -> None:
            """The label-only lines pending become headings; but the last of a run, set
            as deep as the row of figures after it (``row_indent``) and deeper than the
            heading over it, is an item of that heading that prints no figures ("Serial
            preferred stock ...; none issued" under "Stockholders' equity:")."""
            nonlocal section, group, group_indent, member_indent, entity, section_metal
            nonlocal parent, parent_indent
            if not pending:
                return
            outer = None  # a heading right above this one, in the same run of headings
            last = pending[-1]
            for unit in pending:
                label, marks = labels.split_footnotes(unit.text)
                if (unit is last and outer is not None and row_indent == unit.indent
                        and unit.indent > group_indent and not label.endswith(":")):
                    self.table.rows.append(Row(  # positional, in the order of _ROW_FIELDS
                        len(self.table.rows), label, tuple(unit.lines), (), unit.indent,
                        unit.rule, None, section, group, marks, False, block, parent))
                    self.used.update(unit.lines)
                    continue
                if not any(self._periods):
                    named = period_of_label(label, self.ctx.year_end, self._stub_year)
                    if named is not None:
                        self._row_period = named
                if is_caps_heading(label):
                    section = label
                    group, member_indent, parent, outer = None, None, None, None
                    self._opened = None  # (a section closes any roll-forward)
                    entity = _entity_of_heading(self.ctx.company, label)
                    section_metal = labels.metal_in(label) if entity.unit is None else None
                else:
                    parent, parent_indent = (outer, group_indent) if outer else (None, 0)
                    if outer is None and self._opened not in (None, label):
                        # a heading inside a roll-forward its balance at the beginning
                        # opened ("Other comprehensive income:" under "Pension ..."
                        # until "Balance at end of period")
                        parent, parent_indent = self._opened, group_indent
                    group, group_indent, member_indent = label, unit.indent, None
                    outer = label
                self.table.rows.append(Row(  # positional, in the order of _ROW_FIELDS
                    len(self.table.rows), label, tuple(unit.lines),
                    (), unit.indent, None, None, section, None if group == label else group,
                    marks, True, block, None if group == label else parent))
                self.used.update(unit.lines)
            pending.clear()

        for i, line in enumerate(self.g.rows):
            number = line.number
            text = line.text  # right-stripped: a blank line is ""
            if not text or text.isspace():
                if in_footnote is None:
                    if pending and not self._wraps_over_gap(pending[-1], i):
                        flush_headings()
                    if (group is not None and member_indent == group_indent
                            and not self._total_next(i, group)
                            and not (_members_under(rows, group) == 1
                                     and self._short_next(i))):
                        # (a blank line ends a heading's rows set as deep as it, but
                        # for their total below it, "Rig Utilization" ... "" "Total",
                        # or the second of its rows, named in a word or two, after its
                        # first: "Net income per share:" / "Basic" / "" / "Diluted")
                        group, member_indent = None, None
                    if rule_pending == "=" and rule_line == i - 1:
                        # a double rule closes the total above it; it stands over nothing
                        rule_pending = None
                in_footnote = None
                continue
            rule = line.rule
            if rule is not None:
                flush_headings()
                used.add(number)
                if last_row is not None and last_row_is_previous:
                    last_row.rule_below = last_row.rule_below or rule
                rule_pending = rule
                rule_line = i
                last_row_is_previous = False
                continue
            if in_footnote is not None:
                self.table.footnotes[in_footnote] += " " + text.strip()
                used.add(number)
                continue
            if i == self._note_row:
                used.add(number)
                continue
            if len(line.figures) == 1 and PAGE_NUMBER.match(text):
                used.add(number)  # a page number, no row of the table
                continue
            mark = footnote_start(text) if text[0] == "(" else None
            placed, label_end, stray = line.cells, line.label_end, line.stray
            if line.figures and self.g.header_cells is None:  # (an HTML row's text holds
                self._misprints(line)  # its cells' figures only)
            if mark and not any(placed):
                flush_headings()
                in_footnote = mark
                self.table.footnotes[mark] = text.strip()[len(mark) + 2:].strip()
                used.add(number)
                footnote_seen = True
                rule_pending = None
                last_row_is_previous = False
                continue
            if not any(placed) and _figures_of_a_row(text, line.figures) and not (
                    pending and self._in_wrapped_label(pending[-1], text, line.figures)):
                # figures under no column (the row is out of line with the table):
                # each is reported, the row keeps its label
                for c in line.figures:
                    self.ctx.warn(number, "unplaced-cell",
                                  f"'{c.text}' stands under no column of "
                                  f"'{self.table.title}': the row's figures are out of line "
                                  f"with the table's columns", c.start)
                label_end = line.figures[0].start - (1 if line.figures[0].dollar else 0)
            elif (not any(placed) or self._nil_caption(i, label_end, placed)
                  and (self._figures_next(i) or text[:label_end].rstrip().endswith(":"))
                  ) and not line.worded:
                # (a caption whose columns print only nil dashes, "Receivables:  -  -",
                # is a heading where a colon ends it or a row of figures follows it)
                indent = indent_of(text)
                stripped = text[:label_end].strip() if any(placed) else text.strip()
                # (rules drawn under the columns beside a label's first line, " Yield on
                # interest-   -----   -----", underline the row above: no words of it)
                stripped = _RULES_BESIDE.sub("", stripped)
                if pending and self._continues(pending[-1], stripped, indent):
                    pending[-1].lines.append(number)
                    pending[-1].text += " " + stripped
                    pending[-1].last = text
                else:
                    pending.append(_Unit([number], stripped, indent, rule_pending, text))
                rule_pending = None
                last_row_is_previous = False
                continue
            if (pending and len(line.figures) == 1 and _joined(text, line.figures[0])
                    and self._label_goes_on(pending[-1], i)):
                # a figure of a label wrapping over this line and the next ("authorized;
                # 9,898,168, 9,894,380, and 10,037,903" / "shares outstanding  9,898"),
                # though it stands under a column
                pending[-1].lines.append(number)
                pending[-1].text += " " + text.strip()
                pending[-1].last = text
                continue
            # a row with figures
            if footnote_seen:
                block += 1
                footnote_seen = False
                self._opened = None
                section, group, member_indent = None, None, None
                entity = Entity(self.ctx.company)
            label_text = text[:label_end].rstrip().rstrip("$").rstrip()
            indent = indent_of(text) if label_text.strip() else label_end
            stripped = label_text.strip()
            unit_lines = [number]
            row_rule = rule_pending
            if not is_grid and pending and stripped and self._continues(
                    pending[-1], stripped, indent):
                head = pending.pop()  # the figures end a wrapped label
                row_rule = head.rule
                unit_lines = head.lines + [number]
                stripped = head.text + " " + stripped
                indent = head.indent
            if pending:
                flush_headings(indent if stripped else None)
            if group is not None and stripped:
                if member_indent is None:
                    if indent < group_indent:
                        group, group_indent, parent = parent, parent_indent, None
                    else:
                        member_indent = indent
                elif indent < member_indent and not (
                        indent >= group_indent and _SUBTOTAL.fullmatch(stripped)):
                    # the group ends: its parent's rows go on (but for a subtotal named
                    # by nothing else, as deep as the heading: its own; a "Total" there
                    # may be the grand total of all the groups above)
                    group, group_indent, member_indent, parent = (parent, parent_indent, None,
                                                                  None)
            label, marks = labels.split_footnotes(" ".join(stripped.split()))
            if (label.startswith("- ") and last_row is not None and len(label.split()) == 2
                    and " - " in last_row.label
                    and len(last_row.label.rsplit(" - ", 1)[1].split()) == 1):
                # "- Diluted" under "Net income per share - Basic": the stem goes on
                label = f"{last_row.label.rsplit(' - ', 1)[0]} {label}"
            balance = _balance_of(label)
            if group is not None and balance == "begin":
                self._opened = group
            elif self._opened is not None and (balance == "end" or _BALANCE_DATED.match(label)):
                if group != self._opened:  # the roll-forward closes under its heading
                    group, parent, member_indent = self._opened, None, None
                self._opened = None
            # positional, in the order of _ROW_FIELDS
            row = Row(len(rows), label, tuple(unit_lines),
                      (), indent, row_rule, None, section, group, marks, False, block, parent)
            if (last_row is not None and _SHARE_OF.match(label)
                    and (last_row_is_previous or self.g.header_cells is None and last_row.lines
                         and min(unit_lines) == max(last_row.lines) + 1)
                    and not _PERCENT_NAMED.search(last_row.label)):
                # "% of net sales" right under "Research and development": its share (its
                # own label may wrap: "Percentage of" / "net sales  17.7%")
                row.group, row.parent = last_row.label, last_row.group
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
            row.fact_ids = self._facts(row, placed, number, meaning, dims, line.places, i)
            if meaning is not None:
                self._worded_facts(row, line, meaning)
                for k, words, place in line.worded:
                    self._cell_words(row, k, words, place, meaning)
            for c in stray:
                self.ctx.warn(number, "stray-cell",
                              f"'{c.text}' stands under no column of '{self.table.title}'",
                              c.start)
            rule_pending = None
            last_row = row
            last_row_is_previous = True
            if group is not None and _closes(row.label, group):
                # "Total current assets" closes "Current assets:": the rows after it
                # stand under the heading above (or none)
                group, group_indent, member_indent, parent = (parent, parent_indent, None,
                                                              None)
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

    def _heading_totalled(self, row: Row, placed: list[Cell | None]) -> str | None:
        """The heading whose rows, every row after it, add up to ``row``'s first figure
        as printed, nearest first; None when none do. Of headings right above one
        another there (their rows are the same), the row's own heading, else the
        outermost where the rows cross another heading ("Residential mortgage
        investments" over "Fannie Mae securities:", its rows, "Ginnie Mae securities:",
        its rows), else the nearest."""
        k, cell = next(((k, c) for k, c in enumerate(placed) if c is not None and not c.nil),
                       (None, None))
        if cell is None:
            return None
        total = Decimal(0)
        crossed = False
        rows = self.table.rows
        for j in range(len(rows) - 2, max(-1, len(rows) - 2 - _SUM_WINDOW), -1):
            above = rows[j]
            if above.heading:
                if above.label and total == cell.value:
                    run = [j]
                    while run[-1] > 0 and rows[run[-1] - 1].heading and rows[run[-1] - 1].label:
                        run.append(run[-1] - 1)
                    labels_ = [rows[i].label for i in run]
                    if row.group in labels_:
                        return row.group
                    return labels_[-1] if crossed else labels_[0]
                crossed = True
                continue
            if (value := self._printed(above, k)) is not None:
                total += value
        return None

    def _printed(self, row: Row, k: int) -> Decimal | None:
        """The figure ``row`` prints in column ``k``, as printed (its scale undone);
        None where it prints none."""
        fid = row.fact_ids[k] if k < len(row.fact_ids) else None
        f = self._by_id.get(fid) if fid else None
        return None if f is None else f.value.scaleb(-f.scale)

    def _per_share_caption(self, row: Row) -> bool:
        """Whether ``row``, under no heading, stands under a table caption of amounts
        per share (:func:`_caption_per_share`)."""
        return self._captioned_per_share and not (row.group or row.section)

    def _grand_total(self, row: Row, placed: list[Cell | None]) -> bool:
        """Whether ``row``'s figures are, as printed, a total though it prints no words:
        its first figure the sum of every row above it in its block that is no total
        ("Total access equipment") and no heading; or each of its figures the sum of
        the rows right above it, two of them at least ("Net residential loans" ...
        "Net consumer loans" under the loans' subtotals)."""
        given = [(k, c) for k, c in enumerate(placed) if c is not None and not c.nil]
        if not given:
            return False
        k, cell = given[0]
        total, parts = Decimal(0), 0
        above_rows = self.table.rows[-_SUM_WINDOW - 1:-1]  # (a bounded look back)
        for above in above_rows:
            if (above.heading or above.block != row.block or _TOTAL_ROW.match(above.label)
                    or above.index in self._total_rows):
                continue
            if (value := self._printed(above, k)) is not None:
                total += value
                parts += 1
        if parts >= 2 and total == cell.value:
            return True
        sums = [Decimal(0)] * len(given)
        for run, above in enumerate(reversed(above_rows), 1):
            if above.heading or above.block != row.block:
                return False
            values = [self._printed(above, k) for k, _ in given]
            if any(v is None for v in values):
                return False
            sums = [t + v for t, v in zip(sums, values, strict=True)]
            if run >= 2 and all(t == c.value for t, (_, c) in zip(sums, given, strict=True)):
                return True
        return False

    def _misprints(self, line: GridRow) -> None:
        """Report the tokens among a row's figures that print no number ("52,,818,225"):
        they are read as no figure, and said so."""
        first = line.figures[0].start
        found = list(_MISPRINTED.finditer(line.text, first))
        if len(found) <= len(line.figures):  # (each a figure's digits, as a rule)
            return
        taken = [(c.start, c.end) for c in line.figures]
        for m in found:
            if not any(a <= m.start() < b for a, b in taken) and figure_parts(
                    m.group(0)) is None:
                self.ctx.warn(line.number, "unreadable-figure",
                              f"'{m.group(0)}' in a row of '{self.table.title}' prints no "
                              f"number: read as no figure", m.start())

    def _continues(self, unit: _Unit, line: str, indent: int) -> bool:
        """Whether ``line`` carries on the label ``unit`` began (:func:`continues`). A
        row of an HTML table holds its whole label: the next row's carries it on only as
        words do (in lower case, after a comma or a joining word), whatever its indent
        ("Weighted average common shares outstanding" over "Basic" is a heading)."""
        if self.g.header_cells is not None:
            indent = unit.indent
        elif len(unit.lines) > 1 and line[:1].isupper() and not _OPEN_ENDED.search(unit.text):
            # a label wrapped in lower case ("Serial preferred stock, / $1.00 par value;
            # ... / issued or outstanding") ends where a capitalised line comes, at its
            # carry-on's indent or not ("Common stock, $1.00 par"): a new item
            # (not a name that runs on in capitals: "CSC Purchased / Services transaction")
            words = unit.last.split()
            if words and words[0][:1].islower() and words[-1][:1].islower():
                return False
        return continues(unit.text, unit.indent, line, indent)

    def _next_words(self, at: int) -> GridRow | None:
        """The line with words next after grid row ``at`` (a blank line or two apart)."""
        return next((line for line in self.g.rows[at + 1:at + 3] if line.text.strip()), None)

    def _figures_next(self, at: int) -> bool:
        """Whether the next line with words after grid row ``at`` is a row of figures."""
        line = self._next_words(at)
        return line is not None and any(c is not None and not c.nil for c in line.cells)

    def _next_label(self, at: int, marks: str = "") -> str:
        """The first label, ``marks`` stripped from its end, among the two lines after
        grid row ``at``; "" where neither has one."""
        for line in self.g.rows[at + 1:at + 3]:
            label = line.text[:line.label_end].strip().rstrip(marks)
            if label:
                return label
        return ""

    def _short_next(self, at: int) -> bool:
        """Whether the next line with words after grid row ``at`` is a row named in a
        word or two ("Diluted"), which cannot stand without a heading."""
        label = self._next_label(at)
        return bool(label) and len(label.split()) <= 2 and not _TOTAL_ROW.match(label)

    def _total_next(self, at: int, heading: str) -> bool:
        """Whether the next line with words after grid row ``at`` totals ``heading``:
        "Total" alone, or "Total current assets" under "Current assets:", or closes the
        balance it opened ("Balance at end of period" under "Foreign currency
        translation", over "Balance at beginning of period")."""
        label = self._next_label(at, ":$ ")
        return bool(label) and (label.lower() == "total" or _closes(label, heading)
                                or self._opened == heading and _balance_of(label) == "end")

    def _wraps_over_gap(self, unit: _Unit, at: int) -> bool:
        """Whether the label ``unit`` began goes on past the blank line at grid row
        ``at``: the next line with words carries it on in lower case ("Investment in and
        advances to joint" / "" / " venture  6,575", in a table set double-spaced)."""
        line = self._next_words(at)
        if line is None:
            return False
        text = line.text.strip()
        return (text[0].islower() and line.rule is None
                and self._continues(unit, text, indent_of(line.text)))

    def _nil_caption(self, at: int, label_end: int, placed: list[Cell | None]) -> bool:
        """Whether grid row ``at`` prints nil dashes only under a name that heads rows:
        one set as a heading is ("Receivables:", "CURRENT LIABILITIES"), or one a row
        below totals ("Current assets" over "Total current assets"): the heading, drawn
        with fillers, of the rows under it."""
        if not all(c is None or c.text == "-" for c in placed):
            return False  # (fillers are single dashes; "--" is a nil amount)
        label = self.g.rows[at].text[:label_end].strip()
        if label.endswith(":") or is_caps_heading(label):
            return True
        total = f"total {label.lower()}"
        return bool(label) and any(
            row.text[:row.label_end].strip().lower().startswith(total)
            for row in self.g.rows[at + 1:])

    def _label_goes_on(self, unit: _Unit, at: int) -> bool:
        """Whether grid row ``at`` carries on the label ``unit`` began and the next line
        with words carries it on further."""
        text = self.g.rows[at].text
        after = self._next_words(at)
        return (self._continues(unit, text.strip(), indent_of(text)) and after is not None
                and continues(f"{unit.text} {text.strip()}", unit.indent, after.text.strip(),
                              indent_of(after.text)))

    def _in_wrapped_label(self, unit: _Unit, text: str, figures: list[Cell]) -> bool:
        """Whether a line's one figure is a word of the label wrapping above it: it stands
        left of every column, where the label's lines stand ("Common stock, $1.00 par
        value; 30,000,000 / shares authorized" in a narrow label column)."""
        columns = self.g.columns
        return (len(figures) == 1 and bool(columns)
                and figures[0].end <= min(c.start for c in columns)
                and self._continues(unit, text.strip(), indent_of(text)))

    def _percent(self, cell: Cell, k: int, at: int) -> bool:
        """Whether ``cell`` (column ``k`` of grid row ``at``) is a percentage: marked "%",
        or in a column or a run of figures whose "%" is printed on its first and last
        figures only."""
        return cell.percent or k in self._percent_columns or (at, k) in self._percent_cells

    def _meaning(self, row: Row, entity: Entity, metal: str | None) -> _Meaning | None:
        """Unit, scale, concept, metal and entity of a statement row (None for grids,
        whose meaning is in their columns)."""
        if self.table.kind == "grid":
            return None
        ru = labels.row_unit(row.label, row.group or row.section, self.note)
        for outer in (row.parent, row.section):
            if row.group and outer and ru.unit == u.USD:
                # a heading inside another ("Net income:" under "Per Common Share Data:",
                # "Cumulative Effect of Accounting Changes--" under "EARNINGS PER SHARE:"):
                # the outer one's unit where the heading names none
                ru = labels.row_unit(row.label, outer, self.note)
        by_heading = ru.unit != u.USD and bool(row.group or row.section) and labels.row_unit(
            row.label, None, self.note).unit == u.USD
        unit, scale = ru.unit, ru.scale
        if unit == u.USD and not self.note.text and labels.counts(self.table.title):
            unit, scale = u.COUNT, 0  # "Specialty 1,109" under "Domestic Retail Stores:"
        elif unit == u.SHARES and self.table.role == "cash_flows":
            # a statement of cash flows moves cash: "Shares issued to employees, net of
            # shares withheld" is the cash they brought
            unit, scale = u.USD, self.note.scale_of("dollars")
        concept = labels.concept_of(row.label, unit, row.group, self.table.title)
        if concept and unit == u.USD_PER_SHARE and not concept.startswith("eps"):
            concept += "_per_share"  # "Net income" under "Earnings per share:"
        if entity.segment and entity.segment == labels.segment_of(row.label):
            metal = None  # "Silver operations" sales: the segment, not the metal
        elif unit not in _METAL_UNITS:
            metal = labels.metal_in(row.label)
        if (unit == u.USD_PER_OZ and metal and entity.unit is None
                and entity.segment is None and concept and "cost" in concept):
            # a company-level cost per ounce of silver is the silver operations' figure
            entity = Entity(entity.company, None, metal, entity.share)
        return _Meaning(unit, scale, concept, metal, entity, by_heading)

    def _facts(self, row: Row, placed: list[Cell | None], number_of_line: int,
               meaning: _Meaning | None, dims: tuple[tuple[str, str], ...],
               places: list[Location | None] | None = None,
               at: int = -1) -> tuple[str | None, ...]:
        """The facts of one row's cells (row ``at`` of the grid); their ids, None where a
        column is empty."""
        periods = self._periods_of(row)
        if self._tally_rows and meaning is not None and (
                row.label in self._tally_rows or _is_tally(row.label)):
            meaning = _Meaning(u.COUNT, 0, None, None, meaning.entity)
            periods = [None] * len(periods)  # (counted at a meeting, over no period)
        append = self.ctx.facts.append
        path = self.ctx.path
        title, label, section, notes = self.table.title, row.label, row.section, row.footnotes
        heading = _heading(row)
        if not label:
            # figures with no words of their own: the total of the heading above whose
            # rows, every row after it, add up to them ("Costs and Expenses:" over "Cost
            # of sales", ..., "Interest costs:", "Debt", "Capital leases", then their
            # sum); else, under a heading ("State:" over "Current" and "Deferred"), that
            # heading's, for the first such row under it (a later one adds more than the
            # heading's rows: a grand total)
            heading = self._heading_totalled(row, placed)
            if heading is None and row.group and row.group not in self._headed_totals:
                heading = row.group
            if heading is not None:
                self._headed_totals.add(heading)
                label = _total_of(heading)
            elif self._grand_total(row, placed):
                label = "Total"
                self._total_rows.add(row.index)  # (none of a later total's rows)
        index = row.index
        prefix = f"{self._id_prefix}{index}c"
        ids: list[str | None] = []
        # figures in cents in a table of thousands or millions of dollars are amounts per
        # share, or ratios: the note's scale is not theirs ("Excess tax benefit (1.13)"
        # under "GAAP diluted earnings per share" in a table "in thousands")
        # (a percentage beside them, "(13)%", is a change, not an amount: it does not count)
        if meaning is not None and meaning.unit == u.USD:
            units = self._column_units
            amounts = [c for k, c in enumerate(placed) if c is not None and not c.nil
                       and not self._percent(c, k, at)
                       and not (units and units[k] is not None)]  # (a column of shares)
            per_share = self._per_share_caption(row)
            if amounts and all(c.decimals >= 2 for c in amounts) and (
                    meaning.scale > 0 or per_share):
                # (under a caption of amounts per share, "Per Share Amounts", they are so)
                if meaning.scale > 0:
                    self._cents_rows.add(row.index)
                meaning = _Meaning(u.USD_PER_SHARE if per_share else u.USD, 0,
                                   meaning.concept, meaning.metal, meaning.entity)
        # whole numbers under a heading of amounts per share or of a ratio ("Adjusted
        # diluted earnings per share" over "Net income allocated to common stock 51,248")
        # are the amounts the heading's figure is worked out from
        if (meaning is not None and meaning.by_heading
                and meaning.unit in (u.USD_PER_SHARE, u.RATIO, u.PERCENT)):
            given = [c for k, c in enumerate(placed) if c is not None and not c.nil
                     and not self._percent(c, k, at)]
            if given and all(c.decimals == 0 for c in given):
                meaning = _Meaning(u.USD, self.note.scale_of("dollars"), meaning.concept,
                                   meaning.metal, meaning.entity)
        # a row that names an amount and its share's part ("Net income and diluted
        # earnings per share  12,369  0.47"): its whole numbers are the amount, in the
        # note's scale; its cents, the amount per share
        amount_too = (meaning is not None and meaning.unit == u.USD_PER_SHARE
                      and not meaning.by_heading and _AND.search(label)
                      and _mixes_amounts_and_cents(placed))
        # a row of a rate ("... tax rate ...") whose percentages are marked "%": its other
        # figures are amounts
        marked = meaning is not None and meaning.unit == u.PERCENT and any(
            c is not None and not c.nil and (c.percent or k in self._percent_columns)
            for k, c in enumerate(placed))  # (printed so: not inferred from a run or block)
        # a change beside dated figures all marked "%" ("Core ROE 9.9%  8.1%  1.8") is
        # in percentage points, whatever the table's scale of dollars
        points = False
        if self._any_change:
            dated = [self._percent(c, k, at) for k, c in enumerate(placed)
                     if c is not None and not c.nil and periods[k] is not None]
            points = bool(dated) and all(dated)
        # a nil mark in a row whose figures are all percentages ("Operating margin  16.7%
        # --  16.7%") is a percentage too
        shown = [self._percent(c, k, at) for k, c in enumerate(placed)
                 if c is not None and not c.nil] if any(
            c is not None and c.nil for c in placed) else []
        nil_percent = len(shown) >= 2 and all(shown)
        for k, cell in enumerate(placed):
            if cell is None or k in self._page_columns or (
                    cell.nil and self._any_change and self._not_meaningful(placed, periods, k)):
                ids.append(None)
                continue
            m = meaning or self._grid_meanings[k]  # a grid's column says what its figures are
            if self._column_units and (unit := self._column_units[k]) is not None and not (
                    cell.dollar and unit.unit in (u.PERCENT, u.COUNT, u.SHARES)):
                # (a figure printed with "$" is dollars, whatever its column says)
                m = _Meaning(unit.unit, unit.scale, m.concept, m.metal, m.entity)
            if self._percent(cell, k, at) or cell.nil and nil_percent:
                # "25.5%" is a percentage whatever the row's unit and scale
                m = _Meaning(u.PERCENT, 0, m.concept, m.metal, m.entity)
            elif points and periods[k] is None and self._change_columns[k]:
                m = _Meaning(u.PERCENT, 0, m.concept, m.metal, m.entity)
            elif cell.text.endswith(_TO_ONE):  # ".45 to 1" is a ratio whatever the row's
                m = _Meaning(u.RATIO, 0, m.concept, m.metal, m.entity)
            elif (m.unit == u.PERCENT and marked and not cell.nil
                  or m.unit == u.COUNT and k in self._amount_columns
                  and not _COUNTS_OUTRIGHT.match(label)
                  or amount_too and cell.decimals == 0 and not cell.nil
                  and not (self._column_units and self._column_units[k] is not None)):
                # amounts: beside a rate marked "%" in a row that names the rate ("Foreign
                # tax rate differential (83) (2.0)%"); under a column named "Amount"; the
                # whole numbers of a row of an amount and its part of a share
                m = _Meaning(u.USD, self.note.scale_of("dollars"), m.concept, m.metal,
                             m.entity)
            elif m.unit == u.USD and k in self._price_columns:
                # a column of prices in eighths ("41 5/8", "34") holds a stock's prices, a
                # share's, unscaled
                m = _Meaning(u.USD_PER_SHARE, 0, m.concept, m.metal, m.entity)
            scale = m.scale
            fact_id = prefix + (_DIGITS[k] if k < _MANY else str(k))
            # positional, in the order of _FACT_FIELDS: three times cheaper than keywords
            fact = Fact(
                fact_id, cell.value * _POWERS[scale] if scale else cell.value, m.unit,
                label, periods[k], m.entity, cell.decimals - scale, scale, m.concept,
                m.metal, dims or (self._members[k] if self._members else ()), title,
                section, notes, cell.text, cell.nil,
                places[k] if places else Location(path, number_of_line, cell.start, cell.end),
                None, k, index, heading,
            )
            append(fact)
            self._by_id[fact_id] = fact
            ids.append(fact_id)
        return tuple(ids)

    def _not_meaningful(self, placed: list[Cell | None], periods: list[Period | None],
                        k: int) -> bool:
        """Whether the nil mark in column ``k`` of percentage changes says the change
        means nothing, not that there is none: the two dated figures it compares are of
        opposite signs or one of them is nought (a profit turned to a loss: "51.9  (8.3)
        --"), where no percentage change is defined. The two it compares are the only
        dated columns since the column of percentage changes before it (under another
        header); where there are more ("2020 2019 2018 | % | %"), which two is not known: False."""
        if periods[k] is not None or not self._percent_change(k):
            return False
        dated = []
        columns = self.table.columns
        same = k  # (a header spanning two columns of the grid: "% Change | % Change")
        while same > 0 and columns[same - 1].header == columns[k].header:
            same -= 1
        for j in range(same - 1, -1, -1):
            if self._percent_change(j):
                break
            if periods[j] is not None:
                dated.append(j)
        if len(dated) != 2 or any(placed[j] is None for j in dated):
            return False
        compared = [placed[j] for j in dated]
        noughts = [c.nil or not c.value for c in compared]
        return any(noughts) and not all(noughts) or compared[0].value * compared[1].value < 0

    def _percent_change(self, k: int) -> bool:
        """Whether column ``k`` holds changes in percent."""
        return self._change_columns[k] and (
            k in self._percent_columns or bool(_PERCENT_NAMED.search(self.table.columns[k].header)))

    def _periods_of(self, row: Row) -> list[Period | None]:
        """The period of each column's figure in ``row``."""
        periods = self._flow_periods or self._periods
        if periods and not any(periods):
            periods = self._row_periods(row.label)
        elif _BALANCE_DATED.match(row.label):  # "Balance, March 31, 2000" under six months
            at = period_of_label(row.label, self.ctx.year_end)
            if at is not None and at.is_instant:
                periods = [at if p is not None and not p.is_instant else p for p in periods]
        elif _TRAILING_YEAR.match(row.label):
            # "Trailing twelve months adjusted EBITDA" in a column dated at a day, or of
            # a quarter: the twelve months that end on it
            periods = [Period.months_ended(12, p.end) if p is not None and (
                p.is_instant or (p.months or 12) < 12) else p for p in periods]
        elif self._rolls_by_dates and (dated := _DATED_LAST.search(row.label)) is not None:
            # "Residential mortgage investments, December 31, 2019" opening a roll-forward
            # of the quarter after it: a balance on the day before the quarter, or on its
            # last day
            at = period_of_label(dated.group(1), self.ctx.year_end)
            if at is not None and at.is_instant:
                periods = [at if p is not None and not p.is_instant and (
                    at.end == p.end or at.end == p.start - timedelta(days=1)) else p
                    for p in periods]
        balance = _balance_of(row.label)
        heading_text = row.group or row.section
        if heading_text and _AVERAGE.search(heading_text):
            if balance in ("items", "accounts"):
                balance = None  # "Total loans" under "Average Balance Sheet Data"
        elif balance is None and heading_text and not _AVERAGE_FIRST.match(row.label):
            # "Period-End Balance Sheet Data", "Capital Ratios", "Identifiable assets:"
            # over their rows (but for "Average equity to average assets", over the
            # period, and the movements of a balance, "Gross placements", "Net change")
            heading = _balance_of(heading_text)
            balance = heading if heading in ("end", "begin") or heading == "items" and not (
                _CHANGED.search(row.label) or _GROSS.match(row.label)) else None
        if balance == "items" and self.table.role == "cash_flows" or balance in (
                "accounts", "mezzanine") and (
                self.table.role in ("cash_flows", "income_statement")
                or _FLOW_HEADING.search(row.group or row.section or "")):
            # "Inventories" among the cash flows: the change in them; "Deposits" under
            # "Interest expense": the interest paid on them
            balance = None
        if balance is not None:  # "Total assets", "Cash at end of year": instants
            # (but under "Average Balance" a balance is averaged over the period)
            averaged = self._averaged_columns
            periods = [p if averaged and averaged[k] and balance in ("items", "accounts")
                       else _instant(p, balance) for k, p in enumerate(periods)]
        return periods

    def _worded_facts(self, row: Row, line: GridRow, meaning: _Meaning) -> None:
        """The figures written in a row's label ("$0.01 par value; 11,000 shares
        authorized; 2,771 and 2,755 shares outstanding"), as facts of the row's periods:
        as many figures of a kind in a clause as the row has periods go one to each, in
        order ("..., respectively"); one figure holds for each of them, unless its
        clause names a year ("$775,000 in 2003": of which column?); the ends of a
        range ("$4,125 - $4,145") are of the row's one period, or of none. Scale: the
        figure's own words ("$1.2 million"), else the table's note for dollars, and for
        shares when it names them apart or the count is under 100,000 ("11,000 shares
        authorized" in millions; "(362,036 shares)" and "1,500,000,000 shares" are
        whole counts); amounts per share and percentages are never scaled."""
        worded = figures_in_words(row.label)
        if not worded or _RANGE_ONLY.fullmatch(row.label):
            return  # (a label that is a range alone, "$6.00 to $6.88", keys the row)
        periods = list(dict.fromkeys(p for p in self._periods_of(row) if p is not None))
        path, title = self.ctx.path, self.table.title
        prefix = f"{self._id_prefix}{row.index}w"
        n = 0
        named = _parts_named(row.label)
        starts = [w.start for w in worded[1:]] + [len(row.label)]
        own = {id(w): row.label[w.end:next_start].split(";")[0]  # the words after each
               for w, next_start in zip(worded, starts, strict=True)}  # figure to the next
        for (_, kind), group in groupby(worded, key=lambda w: (w.clause, w.kind)):
            figures = list(group)
            parts = {named(w.start) for w in figures}
            if any(w.ranged for w in figures):
                pairs = [(w, periods[0] if len(periods) == 1 else None) for w in figures]
            elif len(figures) > 1 and all(_DATED_WORDS.search(own[id(w)]) for w in figures):
                # each of the date its own words say ("$1,013,000 in 2004 and $775,000 in
                # 2003")
                pairs = [(w, self._clause_period(own[id(w)], periods, years=True))
                         for w in figures]
            elif len(figures) == len(periods) > 1 and len(parts) == 1 and not any(
                    _DATED_WORDS.search(own[id(w)]) for w in figures[:-1]):
                # ("2,771 and 2,755 shares outstanding as of August 31, 2024 and May 31,
                # 2024", respectively; not "4.1% through September 30, 1994 and 7.7%
                # thereafter")
                pairs = list(zip(figures, periods, strict=True))
            elif len(figures) == 1 or len(parts) == len(figures):
                # each figure of its own part ("authorized 30,000,000 shares, issued
                # 13,432,000 shares in 2004 and 13,180,000 in 2003"): of every period, or
                # of the one its own phrase names, else its part
                pairs = []
                for w in figures:
                    phrase = _PHRASE_END.split(own[id(w)], 1)[0]
                    if _OWN_YEAR.match(phrase):  # ("13,432,000 shares in 2004")
                        pairs.append((w, self._clause_period(phrase, periods, years=True)))
                        continue
                    said = named(w.start, whole=False)
                    pairs += [(w, p) for p in (
                        [self._clause_period(said, periods)] if _DATED_WORDS.search(said)
                        else periods or [None])]
            else:
                pairs = [(w, None) for w in figures]
            for w, period in pairs:
                scale = (w.said_scale if w.said_scale is not None
                         else self.note.scale_of(kind) if kind == "dollars"
                         else self.note.scale_of(kind) if kind == "shares" and (
                             w.number < _WHOLE_COUNT or dict(self.note.apart).get(kind))
                         else 0)
                col = line.text.find(w.text) if line.label_place is None else -1
                source = (line.label_place if line.label_place is not None
                          else Location(path, row.lines[-1], col, col + len(w.text)) if col >= 0
                          else Location(path, row.lines[0]))
                self.ctx.facts.append(Fact(
                    f"{prefix}{n}", w.number * _POWERS[scale], w.unit,
                    named(w.start), period,
                    meaning.entity, w.decimals - scale, scale, None, None, (), title,
                    row.section, row.footnotes, w.text, False, source, None, None, row.index,
                    _heading(row)))
                n += 1

    def _clause_period(self, clause: str, periods: list[Period],
                       years: bool = False) -> Period | None:
        """The period a clause of a label names by a full date, as the row's column of
        that date has it (an instant beside balances), or (``years``: a figure's own
        words) by a year alone ("in 2004"), the one period of the row that ends that
        year; None when it names neither, or one no column ends on."""
        ends = set()
        for m in _FULL_DATE.finditer(clause):
            for i in header_items(m.group(0)):
                if i.kind == "date" and i.year and i.month and i.day:
                    try:
                        ends.add(date(i.year, i.month, i.day))
                    except ValueError:  # "June 31, 2023": no day, no date
                        return None
        if not ends and years:  # "13,432,000 shares in 2004": the one period ending then
            said = {int(m.group(1)) for m in _YEAR_SAID.finditer(clause)}
            ending = [p for p in periods if p.end.year in said]
            return ending[0] if len(said) == 1 and len(ending) == 1 else None
        if len(ends) != 1:
            return None
        return next((p for p in periods if p.end in ends), None)

    def _cell_words(self, row: Row, k: int, text: str, place: Location,
                    meaning: _Meaning) -> None:
        """The figures a cell of column ``k`` prints among words ("0.1%-1.6%", "$4,125 -
        $4,145", "$995 - $1,000 million"), each of the column's period in the row, in the
        scale their own words say, else dollars as the row's: per share or per unit where
        its label says so, else in its scale."""
        periods = self._periods_of(row)
        period = periods[k] if k < len(periods) else None
        words = figures_in_words(text)
        bounds = _bounds(text, [w.text for w in words])
        member = self._members[k] if self._members and k < len(self._members) else ()
        for n, w in enumerate(words):
            # dollars are the row's: a price per share or per unit where its label says
            # so ("Adjusted Diluted EPS" | "$2.95 - $3.07"), else in its scale ("Revenue
            # (million)" | "$2,350 - $2,450"); but dollars in cents in a table of
            # thousands are a price per share or per unit, "$ 7.95 - $41.80": not scaled
            unit = w.unit
            if w.said_scale is not None:
                scale = w.said_scale
            elif w.kind == "dollars" and meaning.unit.startswith(u.USD + "/"):
                unit, scale = meaning.unit, 0
            elif w.kind == "dollars" and w.decimals < 2:
                scale = meaning.scale if meaning.unit == u.USD else self.note.scale_of(w.kind)
            else:
                scale = 0
            dims = (*member, ("bound", bounds[n])) if bounds else ()
            self.ctx.facts.append(Fact(
                f"{self._id_prefix}{row.index}x{k}_{n}", w.number * _POWERS[scale], unit,
                row.label, period, meaning.entity, w.decimals - scale, scale, None, None,
                dims, self.table.title, row.section, row.footnotes, w.text, False, place,
                None, k, row.index, _heading(row)))

    def _row_periods(self, label: str) -> list[Period | None]:
        """Each column's period for a row of a table whose header names no period (a
        schedule, a statement of equity): the period the row's label names ("Balance at
        September 30, 1994"), else the last row heading's ("1991"); a column headed by a
        part of a year ("Fourth Quarter") takes that part of the row's year, and a column
        headed "beginning" or "end" of the period the instant where it begins or ends."""
        own = period_of_label(label, self.ctx.year_end, self._stub_year)
        if own is None and self._quarter_rows and _ORDINAL.fullmatch(label):
            own = period_of_label(f"{label} quarter", self.ctx.year_end, self._stub_year)
        row_period = own or self._row_period
        out = list(self._periods)
        if row_period is None:
            return out
        fiscal_year = row_period.end.year if row_period.months == 12 else None
        for k, column in enumerate(self.table.columns):
            head = column.header.lower()
            part = fiscal_year and period_of_label(column.header, self.ctx.year_end,
                                                   fiscal_year)
            if part:  # "Fourth Quarter" over the rows of "1994": that year's quarter
                out[k] = part
            elif row_period.is_instant or not _BEGIN_END.search(head):
                out[k] = row_period
            elif "begin" in head:
                out[k] = Period.instant(row_period.start - timedelta(days=1))
            else:
                out[k] = Period.instant(row_period.end)
        return out

    def date_movements(self) -> None:
        """In a table whose columns name no period (a statement of shareholders' equity),
        the rows between two balances ("Balance at September 25, 1992" ... "Balance at
        September 24, 1993") move the balance over the time between them: their figures
        are of that period."""
        if not self.table.columns or any(c.period for c in self.table.columns):
            return
        facts = self.ctx.facts
        mine = range(self._first_fact, len(facts))
        dated = [(facts[k].row, facts[k].period.end) for k in mine  # (row, balance date)
                 if facts[k].period is not None and facts[k].period.is_instant]
        if len({d for _, d in dated}) < 2:
            return
        for k in mine:
            f = facts[k]
            if f.period is not None:
                continue
            after = [d for row, d in dated if row < f.row]
            then = [d for row, d in dated if row > f.row]
            if after and then and after[-1] < then[0]:
                facts[k] = replace(f, period=Period(then[0], after[-1] + timedelta(days=1)))

    def head_parts(self) -> None:
        """A row with figures over rows set deeper that add up to it, column by column
        as printed (rounding allowed for, but one column adding up exactly), is their
        heading too: "Revenue" over "Americas", "EMEA", "APAC", which say nothing alone.
        Two columns must agree, or one that is the table's only; the parts are no totals
        and stand under the row's own heading."""
        rows = self.table.rows
        facts = self.ctx.facts
        where = {facts[k].id: k for k in range(self._first_fact, len(facts))}
        n_columns = len(self.table.columns)
        i = 0
        while i < len(rows):
            top = rows[i]
            parts = self._parts_of(rows, i, where)
            if not parts:
                i += 1
                continue
            agree, exact = 0, False
            for k, fid in enumerate(top.fact_ids):
                total = facts[where[fid]] if fid in where else None
                if total is None or total.nil:
                    continue
                values = [facts[where[r.fact_ids[k]]] for r in parts
                          if k < len(r.fact_ids) and r.fact_ids[k] in where]
                if len(values) != len(parts) or total.unit == u.PERCENT or any(
                        f.unit != total.unit for f in values):
                    continue  # (changes in percent add up to nothing)
                if not _adds_up(total, values):
                    agree = -1
                    break
                agree += 1
                exact = exact or sum((f.value for f in values), Decimal(0)) == total.value
            if exact and (agree >= 2 or agree == 1 == n_columns):  # (one column exactly)
                heading = top.label
                for r in parts:
                    r.parent, r.group = r.group, heading
                    for fid in r.fact_ids:
                        if fid in where:
                            f = facts[where[fid]]
                            facts[where[fid]] = replace(f, heading=_heading(r))
                i += len(parts) + 1
            else:
                i += 1

    def adjustments_between(self) -> None:
        """Rows of figures in cents (in a table of thousands or more, no amounts of its
        scale; in a table of dollars, under a hundred) that stand between two rows of
        amounts per share ("Earnings per share-diluted" ... "Adjusted earnings per
        share") adjust the one to the other: they are amounts per share too. So do such
        rows between two rows of a ratio in percent that the second names again
        ("Return on average common equity ("ROACE") 7.02%" ... "ROACE excluding merger
        expenses 6.86": the ratio named again as adjusted): percentage points."""
        facts = self.ctx.facts
        mine = range(self._first_fact, len(facts))
        by_row: dict[int, list[int]] = {}
        for k in mine:
            by_row.setdefault(facts[k].row, []).append(k)

        def kind(row: Row) -> str | None:
            ks = [k for k in by_row.get(row.index, ()) if not facts[k].nil]
            if not ks:  # (a row of nils, or a label with no figures amid the run)
                return "nil"
            units = {facts[k].unit for k in ks}
            if units - {u.PERCENT} == {u.USD_PER_SHARE}:  # (beside a column of changes)
                return u.USD_PER_SHARE
            if units == {u.PERCENT}:
                return u.PERCENT
            if units == {u.USD} and (row.index in self._cents_rows or all(
                    facts[k].scale == 0 and facts[k].decimals == 2
                    and abs(facts[k].value) < _CENTS_AT_MOST for k in ks)):
                return "cents"
            return None

        rows = self.table.rows
        kinds = ["nil" if r.heading else kind(r) for r in rows]
        i = 0
        while i < len(kinds):
            if kinds[i] not in (u.USD_PER_SHARE, u.PERCENT):
                i += 1
                continue
            j = i + 1
            while j < len(kinds) and kinds[j] in ("cents", "nil"):
                j += 1
            if j < len(kinds) and kinds[j] == kinds[i] and (
                    kinds[i] == u.USD_PER_SHARE or _names_again(rows[i].label, rows[j].label)
                    and _ADJUSTED.search(rows[j].label)):
                for r in rows[i + 1:j]:
                    for k in by_row.get(r.index, ()):
                        f = facts[k]  # (unscaled: a nil row kept the note's scale)
                        facts[k] = replace(f, unit=kinds[i], value=f.value.scaleb(-f.scale),
                                           decimals=f.decimals + f.scale, scale=0)
            i = j

    def _parts_of(self, rows: list[Row], i: int, where: dict[str, int]) -> list[Row]:
        """The rows right after row ``i`` set deeper than it, under its own heading, no
        total among them: its parts, if it has any."""
        top = rows[i]
        if top.heading or not top.label or _TOTAL_ROW.match(top.label) or not any(
                fid in where for fid in top.fact_ids):
            return []
        parts = []
        for r in rows[i + 1:]:
            if (r.heading or r.indent <= top.indent or r.group != top.group
                    or r.block != top.block or _TOTAL_ROW.match(r.label)):
                break
            parts.append(r)
        name = " ".join(top.label.lower().split())
        if any(name in " ".join(r.label.lower().split()) for r in parts):
            return []  # "Net interest income" over "Net interest income after provision":
        return parts if len(parts) >= 2 else []  # what follows from it, not its parts

    def finish(self) -> Table:
        g, used = self.g, self.used
        total = [line.number for line in [*g.title, *g.header, *g.rows] if line.text]
        unplaced = [n for n in total if n not in used]
        self.table.lines_total = len(total)
        self.table.lines_used = len(total) - len(unplaced)
        self.table.unplaced = unplaced
        if self.table.role is None:
            self.ctx.diagnostics.append(Diagnostic(
                Location(self.ctx.path, self.table.first_line), "table-role",
                f"the role of table '{self.table.title}' is not recognised from its title",
                "info"))
        for line in g.rows:
            if not line.text or line.number in used:
                continue
            self.ctx.warn(line.number, "unplaced-line",
                          f"line not placed in table '{self.table.title}'")
            if _figures_of_a_row(line.text, line.figures):
                for c in line.figures:
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
    by_heading: bool = False  # the unit is the heading's; the label names none


_FACT_FIELDS = ("id", "value", "unit", "label", "period", "entity", "decimals", "scale",
                "concept", "metal", "dims", "table", "section", "footnotes", "printed", "nil",
                "source", "derivation", "column", "row")
_ROW_FIELDS = ("index", "label", "lines", "fact_ids", "indent", "rule_above", "rule_below",
               "section", "group", "footnotes", "heading", "block", "parent")
if (tuple(f.name for f in fields(Fact))[: len(_FACT_FIELDS)] != _FACT_FIELDS
        or tuple(f.name for f in fields(Row)) != _ROW_FIELDS):
    raise ImportError("assay.read.interpret builds Facts and Rows positionally: update "
                      "_FACT_FIELDS and _ROW_FIELDS")
# the words that date a figure in a label: "in 2003", "at December 31, 1992"
_DATING = r"(?:in|at|as of|for|during|fiscal)\s+"
_DAY_OF = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?"  # ("December 31, " before the year)
_DATED_WORDS = re.compile(r"(?i)\b(?:" + _DATING + r"|(?:through|until)\s+)" + _DAY_OF
                          + r"(?:19|20)\d\d\b")  # (and "through September 30, 1994")
# the words right after a figure that date it: "shares in 2004", " in 2003" (not "shares
# acquired in 2003", an event, nor "due in 2004", a maturity)
_OWN_YEAR = re.compile(r"(?i)\s*(?:shares?\s+|units?\s+)?(?:issued\s+|outstanding\s+)?"
                       + _DATING + _DAY_OF + r"(?:19|20)\d\d\b")
_PHRASE_END = re.compile(r",|;|\band\b")  # where the words after a figure in a label end
_YEAR_SAID = re.compile(r"(?i)\b" + _DATING + r"((?:19|20)\d\d)\b")
_WHOLE_COUNT = 100_000  # a count of shares printed whole in a label, not scaled
_MARK = re.compile(r"\*+|\(\w\)|\d\)")  # a footnote mark: "*", "(a)"
# a column of figures as of the latest date beside dated ones: "Accrued to Date",
# "Total Expected Costs", "Remaining"
_AS_OF_LATEST = re.compile(r"(?i)\bto date\b|\bexpected\b|\bremaining\b")
_FULL_DATE = re.compile(r"\b[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b")  # "January 29, 2023"
# ("Inc/(Dec)", "Inc. (Dec.)", not a company's "Inc" nor the month of "Dec 31, 2007")
_CHANGES = (r"(?i)\bchange|\bincrease|\bdecrease|\bvariance|\bdifference"
            r"|\binc\b\.?\s*/?\s*\(?\s*dec\b"
            r"|\bvar\b|\bgrowth\b|\bchg\b|\by/y\b|\byoy\b|\bq/q\b|\bqoq\b")
_CHANGED = re.compile(_CHANGES)
_CLOSES_ON_NOTE = re.compile(r"\)\s*:?$")  # a line that ends on a note's parenthesis
# a row of the share some base takes of the row above: "% of net sales", "Percentage of
# net sales", "As a percentage of revenue"
_SHARE_OF = re.compile(r"(?i)(?:as an? )?(?:%|percent(?:age)?) (?:of|to) (?!.* to )"
                       r"[\w-]+(?: [\w-]+){0,2}\s*$")  # (the base alone, in three words)
_CHANGE_WORDS = re.compile(_CHANGES + r"|\bnet\b")
_CHANGE_COLUMN = re.compile(_CHANGE_WORDS.pattern + "|%")
# the words of a column of changes' header ("Net Revenues" over one is none of them)
_CHANGE_NAME = re.compile(_CHANGES + r"|%")
_NAMES_SLACK = 8  # characters left of the first column a column name may start at
_AVERAGE = re.compile(r"(?i)\baverage\b")
_NAME_WORD = re.compile(r"[A-Za-z]{4,}")
# a measure adjusted: "ROACE excluding merger expenses", "Core ROACE", "Adjusted ROE"
_ADJUSTED = re.compile(r"(?i)\b(?:excluding|adjusted|core|operating|underlying|non-gaap)\b")
_FUNCTION_WORDS = frozenset({"with", "from", "into", "than", "that", "this", "over", "under",
                             "after", "before", "excluding", "including", "total"})
_SLASH_RATIO = re.compile(r"[A-Za-z]{3,}(?:/| to )(?!(?:common |diluted )?share)"
                          r"(?:total |average )?[a-z-]{3,}(?: [a-z]|$)")  # (not "Book
# value/common share")
_QUARTERLY = re.compile(r"(?i)\bquarter(?:ly|s)?\b")
_ORDINAL = re.compile(r"(?i)(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s.]*")
_GROSS = re.compile(r"(?i)gross\b")  # "Gross placements": a movement, not the balance
_AVERAGE_FIRST = re.compile(r"(?i)average\b")  # a row of averages: "Average equity to ..."
# a column of references, not amounts: "Page", "Page No.", "Section", "Exhibit Number"
# (not "Exhibits", a segment's name)
_PAGE_HEADER = re.compile(r"(?i)(?:^|\s)(?:pages?|sections?|articles?|exhibit)"
                          r"(?: no\.?| number)?$")
# "% Change", "Percent of sales", "Reported % Inc (Dec)"
_PERCENT_COLUMN = re.compile(r"^%|^percent(?:age)?\b|\s%(?=\s|$)", re.IGNORECASE)
_COUNT_COLUMN = re.compile(r"(?i)quantity|number|count|#|no\.")
# a column of a vote's tally: "For", "Votes Against", "Withheld", "Abstain", "Broker
# Non-Votes" (a footnote's mark after it)
_VOTES_COLUMN = re.compile(r"(?i)(?:(?:(?:total )?votes?(?: cast)?|shares voted) )?"
                           r"(?:for|against|(?:authority )?withheld|abstain(?:ed|s|ing)?"
                           r"|abstentions|broker non-? ?votes?|(?:every )?(?:1|2|3|one|two"
                           r"|three)[ -]years?)\*?:?|votes(?: cast)?(?: for)?")


def _is_tally(text: str) -> bool:
    """Whether a column's or a row's name is a vote's tally ("Votes Against", "Withheld",
    "Broker Non-Votes (1)")."""
    return bool(_VOTES_COLUMN.fullmatch(" ".join(_PARENTHESES.sub("", text).split())))


_AGAINST = re.compile(r"(?i)against|withheld|abstain|abstentions|non-? ?votes?")
# options outstanding or exercisable: shares under option, in the note's scale for shares
_OPTIONS_COLUMN = re.compile(r"(?i)(?:options )?(?:number )?(?:outstanding|exercisable)"
                            r"(?: number)?")
# a column's scale marked by a letter: dollars "$M", units "Units K"
_SCALE_MARKED = re.compile(r"\$\s?([KMB])(?![\w$])|\b[Uu]nits\s+([KMB])(?![\w$])")
_SCALE_LETTERS = {"K": 3, "M": 6, "B": 9}
_TIME_SAID = re.compile(r"(?i)\((?:in )?(years|months|days)\)")
# a span of time per item, never a sum: "Months To Roll", "Average Months", "Days
# Outstanding", "Remaining Years", "Maturity Years"
_TIME_COLUMN = re.compile(r"(?i)(?:(?:weighted\s+)?average\s+)?(?:remaining\s+)?"
                          r"(?:(?:life|term|maturity)\s+\(?)?(?P<unit>months|years|days)\)?"
                          r"(?:\s+(?:to|until)\s+\w+|\s+outstanding)?")
_TIME_UNITS = {"months": u.MONTHS, "years": u.YEARS, "days": u.DAYS}
# a column that counts shares: "Shares", "Common Stock Shares", "Number of Shares"
_SHARES_COLUMN = re.compile(r"(?i)(?:[\w-]+ ){0,2}shares(?: outstanding| issued"
                            r"| covered by options?| under options?| granted)?"
                            # "Shares of Registerable Common" (not "Shares in Treasury
                            # Amount": its dollars)
                            r"|shares(?: of)?(?: [\w-]+){0,2} (?:common|stock|units)")
_ANY_PARENTHESES = re.compile(r"\([^)]*\)")
_PERIOD_FILLER = frozenset({"for", "the", "ended", "ending", "as", "of", "at", "and", "",
                            "unaudited", "(unaudited)"})
# a column of a balance over its period, not at its end: "Average Balance", "Maximum
# Amount Outstanding During the Period"
_OVER_THE_PERIOD = re.compile(r"(?i)\baverage\b|\bduring\b|\bmaximum\b")
_FLOW_COLUMN = re.compile(r"(?i)\b(?:income|interest|recognized|expenses?|charge-?offs?)\b")
_FIGURE_IN = re.compile(r"[\d$]")
# a label's words that cannot end it: a comma, semicolon, dash or open parenthesis, or a
# joining word ("and", "of")
_OPEN_ENDED = re.compile(r"(?i)(?:[,;(\-]|\b(?:and|or|of|for|to|in|the|a|an|by|on|at|from|"
                         r"with|less|net|plus))\s*$")
# a heading of a section of rows, not a table's title: "Balance Sheet Data:", "Income
# Statement Data (for the quarter)"
_SECTION_HEADING = re.compile(r"(?i):\s*$|^(?!.*\bstatements?\b).*\bdata\b(?:\s*\([^)]*\))?\s*$")
_RULES_BESIDE = re.compile(r"(?:\s{2,}[-=_]{3,})+\s*$")  # rules right of a label's words
# a part of a label whose only figures are years ("due 2010", "maturing 2015-2020")
_YEARS_ONLY = re.compile(r"[^\d$%]*?\b(?:19|20)\d\d(?:\s*(?:-|\u2013|to|through)\s*(?:19|20)?\d\d)?"
                         r"[^\d$%]*")
_STUB_CAPTION_WORDS = 8  # a caption in a header's stub alone, at most
_PAGE_WORDS = re.compile(r"(?i)\(?(?:unaudited|continued|name|description)\)?")
_RANGE_ONLY = re.compile(r"\s*\$?\s?[\d.,]+%?\s*(?:-|\u2013|to)\s*\$?\s?[\d.,]+%?\s*")
_WORDS_OF = re.compile(r"[a-z]+")
_TOTAL_WORDS = re.compile(r"^(?:(?:total|net|consolidated)\s+)+")
_PARTED = re.compile(r"[(),;]")  # (a name with parts or parentheses of its own)
# a part of a label that deducts an amount it names: "net of accumulated depreciation of $"
_DEDUCTED = re.compile(r"(?i)^(?:net of|less:?)\s+(?:an? |the )?([a-z][a-z ,'-]*?)\s+of\s+\$")
_JOINS_A_FIGURE = frozenset({"of", "at", "to", "by", "from", "was", "were", "and", "or"})
_PERCENT_NAMED = re.compile(r"(?i)%|\bpercent")  # a row of percentages by its name
# what follows a comma inside a list or a figure: "2,771 and", "September 27, 1996", ", and"
_LIST_GOES_ON = re.compile(r"\s*(?:\d|and\b|or\b)")
_AVERAGE_BALANCES = re.compile(r"(?i)\baverage (?:daily )?balances?\b")
_FLOW_HEADING = re.compile(r"(?i)\b(?:income|expenses?|revenues?|costs?|charges|changes"
                           r"|increase|decrease)\b")
_BALANCE_DATED = re.compile(r"(?i)^(?:balances?|as (?:of|at))\b")  # "As of January 1, 2020"
# a label that closes on a full date ("Loans, December 31, 2019", "Goodwill at June 30, 2020")
_DATED_LAST = re.compile(r"(?:,|\bat|\bas of)\s+([A-Z][a-z]+\.? \d{1,2}, (?:19|20)\d\d)$")
# a flow of the twelve months to a day, named so first (not "Net debt to TTM EBITDA")
_TRAILING_YEAR = re.compile(r"(?i)^(?:(?:trailing|last) (?:twelve|12)[- ]months?|LTM|TTM)\b")
# a page's running marks above a table: its number, "Page 1 of 11", "F-7", "Table of
# Contents"
_PAGE_MARK = re.compile(r"(?i)(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?|[A-Z]-\d{1,3}"
                        r"|table of contents")
_AMOUNT_NAME = re.compile(r"(?i)(?:^|\s)(?:amounts?|balances?|dollars)$")
# a label that counts outright: "Number of loans", "No. of accounts"
_COUNTS_OUTRIGHT = re.compile(r"(?i)^(?:total )?(?:number|no\.|#) of\b")
# the basis a column's figures are given on, beside others of another
_BASIS = re.compile(r"(?i)\b(?:pro forma|as (?:previously )?reported|as adjusted|(?:as )?restated"
                    r"|historical|predecessor|successor|combined)\b")
_CONTENTS_LEAD = re.compile(r"(?i)^table of contents\s*")
_BASIS_POINTS = re.compile(r"(?i)\bbps?\b|\bbasis points?\b")
_WEEK = 7  # days a 52-53-week quarter's end may stand from a calendar quarter's
_TO_ONE = " to 1"  # the end of a ratio printed as such, "7.13 to 1"
_BEGIN_END = re.compile(r"\bbegin|\bend\b|\bending\b|\bclose\b")
_POWERS = {k: Decimal(10) ** k for k in range(0, 13)}
_MANY = 64
_DIGITS = [str(k) for k in range(_MANY)]  # column numbers of fact ids, made once
_GRID_UNITS = {"m": u.METRES, "ft": u.FEET, "g/t": u.G_PER_T, "opt": u.OZ_PER_TON,
               "oz/ton": u.OZ_PER_TON, "oz/t": u.OZ_PER_TON, "%": u.PERCENT}
_SYMBOLS = VOCABULARY.symbols


def _members_under(rows: list[Row], group: str) -> int:
    """How many rows of figures, the last ones read, stand under heading ``group``."""
    n = 0
    for row in reversed(rows):
        if row.heading or row.group != group:
            break
        n += 1
    return n


def _adds_up(total: Fact, parts: list[Fact]) -> bool:
    """Whether printed figures ``parts`` add up to ``total``, each standing for the
    interval it rounds (:attr:`Fact.interval`): the sum of the parts' intervals meets
    the total's (a nil is exactly nought)."""
    def interval(f: Fact) -> Interval:
        return Interval.exact(f.value) if f.nil else f.interval
    summed = Interval.exact(0)
    for f in parts:
        summed = summed + interval(f)
    return summed.meets(interval(total))


def _note_alone(text: str) -> bool:
    """Whether a header line is a scale note and nothing more: it closes on the note's
    parenthesis and names no period (a note set in the stub, not over the columns)."""
    stripped = text.strip()
    return (bool(_CLOSES_ON_NOTE.search(stripped)) and labels.parse_scale_note(stripped)
            is not None and not header_items(stripped))


def _quarters_of_dates(periods: list[Period | None], year_end: tuple[int, int],
                       ) -> list[Period | None] | None:
    """For columns dated by a day alone that are quarter ends, one of them the quarter
    after another ("March 31, 2020 | December 31, 2019 | March 31, 2019" over a statement
    of income), each column's quarter: the three months to its day, from the day after
    the one before where that is printed. None where the columns are not such dates: a
    day heading two columns (a quarter's and the year to date), days out of order (years
    beside quarters), or fiscal year ends alone (the year's, or its last quarter's: the
    dates do not say)."""
    days = [p.end for p in periods if p is not None]
    if len(days) < 2 or any(not p.is_instant for p in periods if p is not None) or len(
            set(days)) < len(days) or days not in (sorted(days), sorted(days, reverse=True)):
        return None
    ends = sorted(days)
    if all((d.month, d.day) == year_end for d in ends):
        return None
    pairs = list(zip(ends, ends[1:], strict=False))
    before = {b: a for a, b in pairs if abs((months_after(a, 3) - b).days) <= _WEEK}
    if ends[-1] not in before or not all(_quarters_apart(a, b) for a, b in pairs):
        return None  # (the latest no quarter after the one before it, or a day that ends
        # no quarter)
    return [None if p is None else Period(
        p.end, before[p.end] + timedelta(days=1)) if p.end in before
        else Period.months_ended(3, p.end) for p in periods]


def _quarters_apart(a: date, b: date) -> bool:
    """Whether ``b`` ends a quarter one to four quarters after the one ``a`` ends ("March
    31, 2019" and "December 31, 2019": the linked quarter and the year-ago one)."""
    for _ in range(4):
        a = months_after(a, 3)
        if abs((a - b).days) <= _WEEK:
            return True
    return False


def _mixes_amounts_and_cents(cells: list[Cell | None]) -> bool:
    """Whether a row's figures are whole amounts of a hundred or more beside figures in
    cents (an amount and its part of a share, side by side)."""
    figures = [c for c in cells if c is not None and not c.nil and not c.percent]
    return (any(c.decimals == 0 and abs(c.value) >= _WHOLE_AMOUNT for c in figures)
            and any(c.decimals == 2 for c in figures))


@lru_cache(maxsize=8192)
def _balance_of(label: str) -> str | None:
    """Whether a row holds balances at a period's "end" or "begin", or names a balance
    ("items", at the end), by the vocabulary's balances; or None. (Memoised: labels repeat
    from table to table.)"""
    return VOCABULARY.balance_of(label)


def _parts_named(label: str) -> Callable[..., str]:
    """What a figure written at a place in a row's label counts: the row's name (its
    parts before the first that prints a figure) and the part of the label the figure
    stands in, parts parted by semicolons and commas outside parentheses, but for commas
    that join a list or a number ("Accounts receivable: less allowances of $79 and $81",
    "Property, plant and equipment: net of accumulated depreciation of $1,234", "Common
    stock: 11,000 shares authorized"); the label itself for a figure in the name. A
    parenthesis that holds the label's first figure and closes it, after a name of one
    part that holds none, is a part ("Furniture and equipment (net of accumulated
    depreciation of $1,013,000 in 2004 ...)"). A part that deducts a named amount names
    it ("Furniture and equipment: accumulated depreciation")."""
    first_figure = _FIGURE_IN.search(label)
    opening = label.rfind("(", 0, first_figure.start()) if first_figure else -1
    if opening > 0 and (")" in label[opening:first_figure.start()]
                        or _PARTED.search(label, 0, opening)
                        or _FIGURE_IN.search(label, 0, opening)
                        or label[label.rfind(")") + 1:].strip(" .,:;")
                        or label.count(")", opening) != 1):
        opening = -1  # (the figure stands outside it, the name has parts or figures, or
        # words follow it: "Treasury stock (1,000 shares at cost) at September 30, 2004")
    cuts = [-1]
    depth = 0
    for i, ch in enumerate(label):
        if ch == "(":
            if i == opening:
                cuts.append(i)
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
            if not depth and 0 <= opening < i:
                cuts.append(i)  # (the parenthesis closes: its words were a part)
                opening = -1
        elif not depth and (ch == ";" or ch == "," and not _LIST_GOES_ON.match(label, i + 1)):
            cuts.append(i)
    cuts.append(len(label))
    parts = [label[cuts[j] + 1:cuts[j + 1]] for j in range(len(cuts) - 1)]
    first = next((j for j, part in enumerate(parts) if _FIGURE_IN.search(part)), len(parts))
    name = label[:cuts[first]].strip() if first else ""

    def named(at: int, whole: bool = True) -> str:
        part = next(j for j in range(len(parts)) if cuts[j] < at < cuts[j + 1])
        if part < first or not name:
            return label
        words = parts[part].strip()
        deducted = _DEDUCTED.match(words)  # ("net of accumulated depreciation of $1,013")
        # (the parts after the name that print years alone name the thing too: "Notes,
        # interest 6%, due 2010" is not the notes due 2012 at 6%; but they date no
        # figure: ``whole`` false leaves them out)
        dated = [parts[j].strip() for j in range(first, len(parts))
                 if whole and j != part and _YEARS_ONLY.fullmatch(parts[j].strip())]
        return f"{', '.join([name, *dated])}: {deducted.group(1) if deducted else words}"
    return named


def _caption_alone(text: str) -> bool:
    """Whether a header's first line, in the stub alone, may name the table: a few
    capitalised words ("Enclosures"), no period, scale note, sentence, nor a page's
    marks ("Unaudited", "Continued")."""
    words = text.split()
    return (bool(words) and text.strip()[:1].isupper() and len(words) <= _STUB_CAPTION_WORDS
            and not header_items(text) and labels.parse_scale_note(text) is None
            and not text.rstrip().endswith((".", ":", ";"))
            and not _PAGE_WORDS.fullmatch(text.strip()))


def _share_named(header: str) -> bool:
    """Whether a column of percentages beside a dated column is a share of its figures,
    by its header: no word of change ("Net" is one, as in "Net Revenues" over a column
    of changes with no name of its own), but for a header that names the percentage
    itself ("% Net Revenues")."""
    if "%" in header or "percent" in header.lower():
        return not _CHANGED.search(header)
    return not _CHANGE_WORDS.search(header)


def _instant(period: Period | None, balance: str) -> Period | None:
    """The instant of a balance in a column of a duration: its end, or the day before
    it begins; an instant (or no period) stays as it is."""
    if period is None or period.is_instant:
        return period
    if balance == "begin":
        return Period.instant(period.start - timedelta(days=1))
    return Period.instant(period.end)


_TITLE_WORDS = 10  # a title line's words, at most (more make a sentence)
# a year's plan: "2020 capital budget", "2021 Guidance", "fiscal 2020 outlook" (not "the
# 2000 Stock Plan", a plan's name)
_PLAN_YEAR = re.compile(r"(?i)\b((?:19|20)\d\d)(?:\s+[a-z-]+){0,2}\s+"
                        r"(?:budget|guidance|outlook|forecast)\b")


def _nearest_title_line(title: list[SourceLine]) -> str:
    """The text of the title line nearest the table; "" where it has none."""
    return next((line.text for line in reversed(title) if line.text.strip()), "")


def _caption_per_share(title: list[SourceLine]) -> bool:
    """Whether the title line nearest a table is a caption of amounts per share: a few
    words ("Per Share Amounts", "Earnings Per Diluted Share"), not a scale note
    ("except per share data")."""
    caption = _nearest_title_line(title)
    return (len(caption.split()) <= _CAPTION_WORDS
            and _PER_SHARE_CAPTION.search(caption) is not None
            and "except" not in caption.lower())


def _titled(title: list[SourceLine], year_end: tuple[int, int]) -> Period | None:
    """The one period the title line nearest the table names by a duration and a year
    ("Second Quarter 2020 Guidance", "Full-Year 2020 Outlook"), or the year whose plan
    it names, its one year ("the 2020 capital budget"); None where it names none,
    several years or no duration, or is a sentence on anything else. (The caller takes
    it only where no row names a period or a balance.)"""
    near = _nearest_title_line(title)
    plans = {m.group(1) for m in _PLAN_YEAR.finditer(near or "")}
    if len(plans) == 1 and len(set(_YEAR.findall(near))) == 1 and not any(
            i.kind in ("duration", "quarter") for i in header_items(near)):
        # a year's plan, even in a sentence ("... reduction in the 2020 capital budget")
        return period_of_label(plans.pop(), year_end)
    if not near or len(near.split()) > _TITLE_WORDS:  # a sentence ("The following
        return None  # table presents ... during the fourth quarter of fiscal 2023")
    items = header_items(near)
    if (sum(1 for i in items if i.year) != 1 or not any(i.kind == "duration" for i in items)
            or len(items) > 3):
        return None
    return period_of_label(" ".join(i.text for i in items), year_end)


def _as_of(title: list[SourceLine]) -> Period | None:
    """The instant a title dates its whole table at ("... as of January 29, 2023", "...
    by collateral type at March 31, 2020"), when it names one date so: the whole title,
    or else its line nearest the table."""
    dates = {m.group(1) for line in title for m in _AS_OF.finditer(line.text)}
    if len(dates) != 1:
        near = [line for line in title if line.text.strip()][-1:]
        dates = {m.group(1) for line in near for m in _AS_OF.finditer(line.text)}
        if len(dates) != 1 or _DATE_LIST.search(near[0].text):
            return None
    items = [i for i in header_items(dates.pop()) if i.kind == "date" and i.year]
    if not items:
        return None
    try:
        return Period.instant(date(items[0].year, items[0].month, items[0].day))
    except ValueError:
        return None


def _names_a_period(text: str) -> bool:
    """A title line that names a period whole: period words only ("For the 13 Weeks Ended
    July 3, 2004 and June 28, 2003"), or a duration followed by its full date among other
    words ("* Domestic segment detail for the 13 weeks ended June 28, 2003"; not a
    sentence of a "linked quarter" and ratios "at March 31, 2020")."""
    items = header_items(text) if text else ()
    if not items:
        return False
    return is_header_line(text) or any(
        a.kind == "duration" and b.kind == "date" and b.year and b.start - a.end <= 3
        for a, b in zip(items, items[1:], strict=False))  # (not "as of January 1 of the year")


def _rolled_forward(periods: list[Period | None], annual: bool) -> list[Period | None]:
    """The columns of a table that rolls a balance forward ("Balance at beginning of
    period", additions, "Balance at end of period") under dates a year apart alone, in
    a document whose headers name no duration but years, are the years that end on those
    dates, each beginning the day after the next earlier date ("January 29, 2023 |
    January 30, 2022 | January 31, 2021": fiscal years). Elsewhere the dates say the end
    of a period whose length no header gives: they stay instants."""
    if (not annual or len(periods) < 2
            or any(p is None or not p.is_instant for p in periods)):
        return periods
    ends = sorted({p.end for p in periods})  # type: ignore[union-attr]
    if len(ends) < 2:
        return periods
    lengths = {Period(end=b, start=a + timedelta(days=1)).months
               for a, b in zip(ends, ends[1:], strict=False)}
    if lengths != {12}:
        return periods
    start = {b: a + timedelta(days=1) for a, b in zip(ends, ends[1:], strict=False)}
    start[ends[0]] = months_ended(12, ends[0]).start
    return [Period(end=p.end, start=start[p.end]) for p in periods]  # type: ignore[union-attr]


def _members(periods: Sequence[Period | None], texts: Sequence[str],
             ) -> list[tuple[tuple[str, str], ...]]:
    """For columns that share their period with others (or all, in a table whose rows
    name the periods), what tells them apart: the words of their headers that are no
    period words ("Domestic", "Canada", "As Reported", "Retained Earnings"), as a
    ``("member", words)`` dimension; where nothing tells them apart, their place
    (``("column", "3")``), so that no figure of theirs is taken for another's. Where
    columns are told apart by names, a column of a period of its own keeps its name too;
    else a column whose period is its own has (). A column of changes, which has no
    period, is named by its header's words, and so is any other column of no period by
    words of its own (not those the dated columns share)."""
    out: list[tuple[tuple[str, str], ...]] = [() for _ in periods]
    groups: dict[Period | None, list[int]] = {}
    for k, p in enumerate(periods):
        if p is not None:
            groups.setdefault(p, []).append(k)
    if len(periods) > 1 and not groups:  # the rows name the period (an equity statement's
        groups[None] = list(range(len(periods)))  # columns: its components)
    for ks in groups.values():
        if len(ks) < 2:
            continue
        names = [_member_words(texts[k]) for k in ks]
        if all(names) and len(set(names)) == len(names):
            for k, name in zip(ks, names, strict=True):
                out[k] = (("member", name),)
        elif groups.get(None) is ks:  # the rows name the period: a column named alone
            # keeps its name beside an unnamed one (a marker column with no figures)
            for k, name in zip(ks, names, strict=True):
                if name and names.count(name) == 1:
                    out[k] = (("member", name),)
        else:  # columns of one period that nothing tells apart:
            # the same quantity twice, or a period misread: each its own place; a column
            # whose words are its own alone keeps them ("Corporate" beside an unnamed one)
            for k, name in zip(ks, names, strict=True):
                own = bool(name) and names.count(name) == 1
                out[k] = (("member", name),) if own else (("column", str(k + 1)),)
    if any(dim[0][0] == "member" for dim in out if dim):
        # where columns are told apart by their names, a column of a period of its own
        # keeps its name too ("Reserve Build for the Quarter" beside "Total ACL" and
        # "Recorded Investment" at the quarter's end)
        for ks in groups.values():
            if len(ks) == 1 and (name := _member_words(texts[ks[0]])):
                out[ks[0]] = (("member", name),)
    # a dated column set apart from the others by the basis it is given on ("Pro Forma"
    # over "March 31, 2019", beside "March 29, 2020") keeps it
    dated = [k for k, p in enumerate(periods) if p is not None]
    if len(dated) > 1:
        words = {k: _member_words(texts[k]).split() for k in dated}
        common = set.intersection(*(set(w) for w in words.values()))
        for k in dated:
            own = " ".join(w for w in words[k] if w not in common)
            qualifier = _BASIS.search(own)
            if not out[k] and qualifier:
                out[k] = (("member", qualifier.group(0)),)
    # the words of the dated columns' headers ("Net Revenues" over its quarters)
    shared = {_member_words(texts[k]) for k, p in enumerate(periods) if p is not None}
    for k, p in enumerate(periods):  # a column of changes between periods ("% Change",
        if p is None and not out[k]:  # "Three Month Change") says so, in its words; so
            # does any other column of no period beside dated ones, by words of its own
            # ("Reserve Build" between two balances)
            name = " ".join(texts[k].split())
            if name and _CHANGE_NAME.search(name):
                out[k] = (("member", name),)
            elif shared and (words := _member_words(texts[k])) and words not in shared:
                out[k] = (("member", words),)
    return out


def _member_words(header: str) -> str:
    """A column header's words other than its period's and its scale note's."""
    text = _ANY_PARENTHESES.sub(" ", header)  # "(in millions)", "(unaudited)"
    for item in sorted(header_items(text), key=lambda i: -i.start):
        text = text[:item.start] + " " + text[item.end:]
    words = [w for w in text.split() if w.lower().strip(",.:") not in _PERIOD_FILLER
             and not _MARK.fullmatch(w) and w.strip("-=_")]  # (no rule's dashes)
    return " ".join(words)


def _widen_durations(row: Sequence[tuple[Sequence[int], str]],
                     below: Sequence[Sequence[tuple[Sequence[int], str]]]
                     ) -> Sequence[tuple[Sequence[int], str]]:
    """A header row's bare durations ("Three Months Ended", "Nine Months Ended") head the
    dated columns below them that their cells' spans fall short of: a dated column
    under no cell of the row takes the duration on its left, or the one on its right
    where the years below turn back up there ("Three Months Ended" over "2020 | 2019 |
    2019", "Nine Months Ended" spanning only the last of "2020 | 2019"); a row whose one
    phrase is a bare duration heads every dated column ("Year Ended" centred over the
    middle of three dates)."""
    # (a duration over a column named below as a change, "Three Month" over "Change",
    # names the change, over no period's column)
    changes = {k for cells in below for cover, phrase in cells if _CHANGED.search(phrase)
               and not header_items(phrase) for k in cover}
    # each cell that may head dated columns, by its place in the row: the columns it
    # spans, widened below
    spans = {j: list(over) for j, (over, text) in enumerate(row) if text.strip() and not (
        over and set(over) <= changes and _bare_duration(text))}
    filled = [(spans[j], row[j][1]) for j in sorted(spans)]
    if not filled or not any(_bare_duration(text) for _, text in filled) or any(
            not over and _bare_duration(text) for over, text in filled[1:]):
        return row  # (a duration over no column of figures: where does it stand?)
    dated = sorted({k for cells in below for cover, phrase in cells
                    if any(i.kind == "date" for i in header_items(phrase))
                    and not any(i.kind == "duration" for i in header_items(phrase))
                    for k in cover})
    covered = {k for over, _ in filled for k in over}
    if len(filled) == 1 and filled[0][0]:
        if not _bare_duration(filled[0][1]):
            return row
        filled[0][0][:] = sorted(set(filled[0][0]) | set(dated))
        dated = []
    years: dict[int, int] = {}  # the year each dated column names
    for cells in below:
        for cover, phrase in cells:
            year = next((i.year for i in header_items(phrase) if i.year), None)
            for k in cover:
                if year and k not in years:
                    years[k] = year
    for k in dated:
        if k in covered:
            continue
        left = max((c for c in filled if c[0] and max(c[0]) < k), default=None,
                   key=lambda c: max(c[0]))
        right = min((c for c in filled if c[0] and min(c[0]) > k), default=None,
                    key=lambda c: min(c[0]))
        if left is not None and right is not None and _bare_duration(right[1]) and (
                years.get(k, 0) > years.get(k - 1, 10**4)):
            # the years turn back up: a new group begins ("2020 2019 2019 | 2020 2019")
            right[0].append(k)
        elif left is not None and _bare_duration(left[1]):
            left[0].append(k)
        elif left is None and right is not None and _bare_duration(right[1]):
            right[0].append(k)
    return [(tuple(sorted(spans[j])) if j in spans else tuple(over), text)
            for j, (over, text) in enumerate(row) if text.strip()]


def _bare_duration(text: str) -> bool:
    """A header phrase of durations only ("Three Months Ended"), no date or year."""
    items = header_items(text)
    return bool(items) and all(i.kind == "duration" for i in items)


def _marked_percent_columns(rows: Sequence[GridRow]) -> frozenset[int]:
    """The columns every figure of which is marked "%" (a figure or more)."""
    if not any("%" in row.text for row in rows):
        return frozenset()
    marked: dict[int, bool] = {}
    for row in rows:
        for k, cell in enumerate(row.cells or ()):
            if cell is not None and not cell.nil:
                marked[k] = marked.get(k, True) and cell.percent
    return frozenset(k for k, all_marked in marked.items() if all_marked)


def _percent_columns(rows: Sequence[GridRow]) -> frozenset[int]:
    """The columns of percentages whose sign is printed on their first figure only:
    "4.35 %" over "0.92", "1.83" in an average-rate table. The first figure carries a "%",
    and every figure of the column prints as many decimals (one or more) and no "$"."""
    first: dict[int, Cell] = {}
    broken: set[int] = set()
    for row in rows:
        if not row.figures:
            continue
        for k, cell in enumerate(row.cells):
            if cell is None or cell.nil or k in broken:
                continue
            head = first.setdefault(k, cell)
            if (not head.percent or head.decimals < 1 or cell.dollar
                    or cell.decimals != head.decimals):
                broken.add(k)
        if len(broken) == len(row.cells):  # (most tables: no column left to carry a "%")
            return frozenset()
    return frozenset(k for k in first if k not in broken)


def _percent_runs(rows: Sequence[GridRow]) -> frozenset[tuple[int, int]]:
    """(row, column) of the figures between a figure marked "%" and a total marked "%"
    below it, under a rule, in the same column, as "$" is printed: a rate reconciliation's
    "34.0%", then "4.0", "(0.4)", ..., then a rule and "41.0%"; a product mix's "28%",
    "18", ..., "100%". Every figure of the run prints as many decimals and no "$", and no
    other rule falls inside it."""
    out: set[tuple[int, int]] = set()
    runs: dict[int, list[int]] = {}  # column: the rows of the open run's unmarked figures
    places: dict[int, int] = {}  # column: the decimals of the open run's first figure
    ruled = False
    for i, row in enumerate(rows):
        if row.rule is not None:
            ruled = True
            continue
        if not row.figures:
            if row.text:
                ruled = False
            continue
        for k, cell in enumerate(row.cells):
            if cell is None or cell.nil:
                continue
            open_run = runs.get(k)
            if cell.percent:
                if open_run and ruled and cell.decimals == places[k]:
                    out.update((at, k) for at in open_run)
                runs[k], places[k] = [], cell.decimals
            elif (open_run is not None and not ruled and not cell.dollar
                  and cell.decimals == places[k]):
                open_run.append(i)
            else:
                runs.pop(k, None)
        ruled = False
    return frozenset(out)


def _names_again(first: str, second: str) -> bool:
    """Whether a label names again a word of four letters or more of the one above it,
    a function word aside ("ROACE excluding merger expenses" under "Return on average
    common equity ("ROACE")")."""
    words = {w.lower() for w in _NAME_WORD.findall(first)} - _FUNCTION_WORDS
    return any(w.lower() in words for w in _NAME_WORD.findall(second))


def _ratio_of(row: GridRow) -> bool:
    """Whether a row's label names a ratio of two amounts by a slash or "to" between
    words ("Allowance/non-performing loans", "Allowance for loan losses to total
    loans")."""
    return bool(_SLASH_RATIO.search(row.text[:row.label_end]))


def _percent_blocks(rows: Sequence[GridRow]) -> frozenset[tuple[int, int]]:
    """(row, column) of the figures of a block of rows (those under one heading) whose
    first figure in the column is marked "%" and whose others print as many decimals (one
    or more) and no "$": "Performance Ratios:" over "Return on average equity (65.64)%",
    "Net interest margin 3.80", "Efficiency ratio 51.60". As :func:`_percent_columns`
    does for a whole table, by block."""
    out: set[tuple[int, int]] = set()
    block: list[int] = []

    def close() -> None:
        columns: dict[int, list[tuple[int, Cell]]] = {}
        for i in block:
            for k, cell in enumerate(rows[i].cells):
                if cell is not None and not cell.nil:
                    columns.setdefault(k, []).append((i, cell))
        for k, cells in columns.items():
            head = cells[0][1]
            if len(cells) > 1 and head.percent and head.decimals >= 1 and all(
                    not c.dollar and c.decimals == head.decimals for _, c in cells[1:]):
                out.update((i, k) for i, _ in cells[1:])
                continue
            # a run of ratios of two amounts, the first marked: "Non-performing
            # loans/total loans 0.12%", "Allowance/non-performing loans 850.84"
            run: Cell | None = None
            for i, c in cells:
                if not _ratio_of(rows[i]):
                    run = None
                elif c.percent:
                    run = c
                elif run is not None and not c.dollar and c.decimals == run.decimals:
                    out.add((i, k))
                else:
                    run = None
        block.clear()

    for i, row in enumerate(rows):
        if row.figures:
            block.append(i)
        elif row.text and row.rule is None:
            close()  # a heading (or a label's first line): a block ends
    close()
    return frozenset(out)


def _unit_named(header: str, note: labels.ScaleNote) -> labels.RowUnit | None:
    """The unit a column's header names ("EPS", "Shares Outstanding", "Ounces"), or None
    when it names none but dollars."""
    said = _TIME_SAID.search(header)  # "Average Life (Years)"
    if said:
        return labels.RowUnit(_TIME_UNITS[said.group(1).lower()], 0)
    marked = _SCALE_MARKED.search(header)  # "Revenue $M", "CPU Units K"
    if marked:
        return (labels.RowUnit(u.USD, _SCALE_LETTERS[marked.group(1)]) if marked.group(1)
                else labels.RowUnit(u.COUNT, _SCALE_LETTERS[marked.group(2)]))
    if "$/" in header and "except" not in header.lower():  # "Premium ($/Gal)": a price of
        priced = labels.row_unit(header, None, note)  # a unit, not a note's "except per Bbl"
        if priced.unit.startswith(u.USD + "/") and priced.unit != u.USD_PER_SHARE:
            return priced
    header = _PARENTHESES.sub("", header)  # a note's "(in millions, except per share)"
    if not header.strip():
        return None
    unit = labels.row_unit(header, None, note)
    words = _member_words(header)
    if unit.unit == u.USD and _SHARES_COLUMN.fullmatch(words):
        # "Common Stock / Shares": a count of shares
        return labels.RowUnit(u.SHARES, note.scale_of("shares"))
    if unit.unit == u.USD and _PERCENT_COLUMN.search(words):  # "% Change", "% of Total"
        return labels.RowUnit(u.PERCENT, 0)
    if unit.unit == u.USD and "number" in words.lower() and _OPTIONS_COLUMN.fullmatch(words):
        # "Number Outstanding" under "Options Outstanding": shares under option
        return labels.RowUnit(u.SHARES, note.scale_of("shares"))
    if unit.unit == u.USD and _COUNT_COLUMN.fullmatch(words):  # "Quantity", "Number"
        return labels.RowUnit(u.COUNT, 0)
    if unit.unit == u.USD and (time := _TIME_COLUMN.fullmatch(words)):  # "Months To Roll"
        return labels.RowUnit(_TIME_UNITS[time["unit"].lower()], 0)
    return None if unit.unit == u.USD else unit


@lru_cache(maxsize=4096)
def _entity_of_heading(company: str, heading: str) -> Entity:
    """``EXAMPLE MINE UNIT (Reflects the company's 29.73% share)`` → unit and share.
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


def read_table(ctx: Context, grid: Grid, index: int) -> Table:
    """The table a grid holds; its facts and diagnostics go to ``ctx``."""
    reader = _TableReader(ctx, grid, index)
    reader.read_title()
    if grid.kind == "grid":
        reader.read_grid_columns()
    else:
        reader.read_statement_columns()
    reader.read_body()
    reader.date_movements()
    reader.head_parts()
    reader.adjustments_between()
    ctx.last_table = reader.table
    ctx.last_members = reader._members
    return reader.finish()
