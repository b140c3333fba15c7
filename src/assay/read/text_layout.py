"""The layout stage of fixed-width text: table regions into grids.

A table is found by its header anchor: a line naming a year for each column
(statements), or a line of column names over a rule of several segments (grids such as
drill intercepts), or an EDGAR ``<TABLE>`` block, whose caption is its header and whose
``<C>`` markers stand where its columns begin. Above the anchor stand the header lines
and the title block (company, title, scale note); below it the body, which runs until
two blank lines are followed by something that is neither a footnote nor a row of the
table. Columns are inferred from where the body's figures end; each body line's figures
are placed under them. What the grid means is for :mod:`assay.read.interpret`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .grid import Grid, GridColumn, GridRow
from .headers import YEAR_SCANS, header_items, header_phrases, is_header_line, is_period_anchor
from .labels import parse_scale_note
from .layout import (
    PAGE_NUMBER,
    RULE_LINE,
    Cell,
    LineIndex,
    footnote_start,
    indent_of,
    is_caps_heading,
    is_year,
    part_opened,
    rule_of,
)
from .source import Markup, SourceLine

_MARK = re.compile(r"\(\d{1,2}\)")  # a footnote mark: "Significant Items: (1)"
_YEAR_LABEL = re.compile(r"^\s*(?:19|20)\d\d\s{2,}$")
_GRID_UNIT = re.compile(r"\(([^)]*)\)")
_CONTINUED_WITHIN = 8  # lines between a table and the header-less block that continues it
_FOOTER = re.compile(r"(?i)^\s*(?:see |the )?accompanying notes\b")
_CONTINUED = frozenset({"(continued)", "continued", "(concluded)", "concluded"})


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
    width: int = 0  # columns of a table no header announces: its rows' usual figures


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
            ruled: list[tuple[int, int]] = []  # the runs of a columns' rule beside a stub
            while header_start > 0:
                above = lines[header_start - 1]
                if _header_like(above) or _header_like_right_of(above, first):
                    header_start -= 1
                elif (runs := _stub_beside(above, first, ruled)) is not None:
                    # "(dollars in 000s)   ----------  ----------" over the dates, and the
                    # columns' names over it beside a caption in the stub ("by Category
                    # Assets  NPAs")
                    ruled = ruled or runs
                    header_start -= 1
                elif (header_start > 1 and _stub_line(above, first)
                      and _header_like(lines[header_start - 2])):
                    header_start -= 2  # a stub line ("(millions, except") amid the header
                elif (header_start > 1 and not above.text and lines[header_start - 2].text
                      and (is_header_line(lines[header_start - 2].text)
                           or _header_like_right_of(lines[header_start - 2], first))):
                    header_start -= 2  # a header set double-spaced ("As of" / "" / dates)
                else:
                    break
            body_start = i + 1
            over = min((start for start, end, _ in header_phrases(text) if start <= first < end),
                       default=first)  # where the phrase of the first period begins
            while (body_start < n and lines[body_start].text and not lines[body_start].cells
                   and lines[body_start].rule is None
                   and indent_of(lines[body_start].text) >= over - 2):
                body_start += 1  # column names under the periods ("Pretax  Per Share")
            names = body_start
            while (names < n and lines[names].text and not lines[names].cells
                   and lines[names].rule is None and indent_of(lines[names].text) >= _DEEP
                   and len(header_phrases(lines[names].text)) >= 2):
                names += 1  # names set wider than the periods over them ("Carrying
            if names > body_start and names < n and lines[names].rule is not None:
                body_start = names  # Fair" under "1994"), over the columns' rule
            found.append(Found("statement", _title_start(lines, header_start), header_start,
                               i, body_start))
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
        anchor, body_start = block.body - 1, block.body
        if _band_heading(lines, anchor, block.start, block.end):
            # "Transactions Qualifying as Accounting Hedges" set at the margin under the
            # column names, a blank line apart: the first rows' heading, no column's name
            body_start = anchor
            anchor -= 1
            while anchor > block.start and not lines[anchor].text:
                anchor -= 1
        found.append(Found("statement", title_start, block.start, anchor, body_start,
                           block.end, block.columns))
    if markup:
        found.sort(key=lambda f: f.header_start)
        starts = sorted(b.start for b in markup)
        for f in found:  # a table found by its anchor ends where a <TABLE> block begins
            if not f.columns:
                f.end = min([f.end] + [s for s in starts if s > f.anchor])
    covered = bytearray(n)
    for f in found:
        covered[f.title_start:f.end] = b"\x01" * (f.end - f.title_start)
    unheaded = _unheaded_tables(lines, covered)
    for f in unheaded:
        covered[f.title_start:f.end] = b"\x01" * (f.end - f.title_start)
    unheaded += _schedules(lines, covered)
    if unheaded:
        found = sorted(found + unheaded, key=lambda f: f.header_start)
        for f, after in zip(found, found[1:], strict=False):  # no line in two tables
            f.end = max(min(f.end, after.title_start), f.body_start)
    return found


def _unheaded_tables(lines: list[SourceLine], covered: bytearray) -> list[Found]:
    """Tables that no period header or ``<TABLE>`` block announces: two rows or more of
    two figures or more, whose header (if any) names what the columns hold ("United
    States  Europe  Consolidated") and whose rows may name the periods ("1993")."""
    found: list[Found] = []
    n = len(lines)
    i = 0
    while i < n:
        if covered[i] or not is_figure_row(lines[i]):
            i += 1
            continue
        first = last = i
        rows, blanks, k = 1, 0, i + 1
        while k < n and not covered[k]:
            line = lines[k]
            if is_figure_row(line):
                last, blanks = k, 0
                rows += 1
            elif not line.text:
                blanks += 1
                if blanks > 1:
                    break
            elif line.rule is None and any(not c.nil and not is_year(c.text)
                                           for c in line.cells):
                break  # a line of one figure: prose, or another table
            else:
                blanks = 0  # a label, a heading, a rule
            k += 1
        i = last + 1
        if rows < 2:
            continue
        left = min(lines[k].cells[0].start for k in range(first, last + 1)
                   if is_figure_row(lines[k]))
        body_start = first
        while body_start > 0 and not covered[body_start - 1] and lines[body_start - 1].text \
                and len(lines[body_start - 1].text) < left and all(
                    is_year(c.text) for c in lines[body_start - 1].cells):
            body_start -= 1  # row headings above the first row ("1993", "Revenue:")
        header_start = body_start
        if (body_start > 1 and not lines[body_start - 1].text and not covered[body_start - 2]
                and lines[body_start - 2].text):
            header_start = body_start - 1  # a blank line between the header and the rows
        top = header_start
        while (header_start > 0 and top - header_start < 6
               and not covered[header_start - 1] and lines[header_start - 1].text
               and not any(not c.nil and not is_year(c.text)
                           for c in lines[header_start - 1].cells)):
            header_start -= 1  # the column names over the figures, and rules
        if header_start == top:  # no header: the rows stand alone
            header_start = body_start
        title_start = _title_start(lines, header_start) if header_start < body_start else (
            body_start)
        counts = Counter(len(lines[k].cells) for k in range(first, last + 1)
                         if is_figure_row(lines[k]))
        found.append(Found("statement", title_start, header_start, body_start - 1,
                           body_start, last + 1, (), counts.most_common(1)[0][0]))
    return found


_STUB_WIDTH = 30  # a caption's line in a header's stub, at most
_PHRASE = re.compile(r"\S+(?: \S+)*")  # words one space apart
_SCHEDULE_ROWS = 3  # rows of one figure, one under another, that make a schedule


def _schedules(lines: list[SourceLine], covered: bytearray) -> list[Found]:
    """Schedules of one column that no header announces: three rows or more, one under
    another, each a label and one figure right of it, the figures ending in one column
    ("First year   $ 145,394" / "Second year   137,569" / ...), with their rules, labels
    wrapped over two lines and a total printed with no label; amounts, a "$" on the
    first row or the total (not counts, page numbers or a list's marks); the lines
    right above the rows, words alone, are its header where they say its scale
    ("Commitment" / "(in thousands)")."""
    found: list[Found] = []
    n = len(lines)
    i = 0
    while i < n:
        end = None if covered[i] else _one_figure_end(lines[i], labelled=True)
        if end is None:
            i += 1
            continue
        first = last = i
        rows, k = 1, i + 1
        while k < n and not covered[k] and (lines[k].text or k + 1 < n and not covered[k + 1]
                                             and _one_figure_end(lines[k + 1], False) == end):
            line = lines[k]  # (one blank line may stand before a row: "", "Total  $278,000")
            at = _one_figure_end(line, labelled=False)
            if at == end:
                last, rows = k, rows + 1
            elif not line.text:
                pass
            elif not (line.rule is not None or not line.cells and len(line.text) < end
                      and not _ends_a_sentence(line.text)):
                break
            k += 1
        i = last + 1
        dollars = [c.dollar or "$" in line.text[max(0, c.start - 3):c.end]  # ("($35,000)")
                   for line in (lines[first], lines[last]) for c in line.cells]
        if rows < _SCHEDULE_ROWS or not any(dollars):
            continue  # (amounts print "$" on their first row or their total: not counts
            # of votes, shares or square feet, nor page numbers or a list's marks)
        header_start = first  # the column's name and its scale over the rows, if any
        while (header_start > 0 and first - header_start < 3 and not covered[header_start - 1]
               and lines[header_start - 1].text and not lines[header_start - 1].cells
               and not _ends_a_sentence(lines[header_start - 1].text)
               and not lines[header_start - 1].text.rstrip().endswith(":")):
            header_start -= 1
        if not any(parse_scale_note(line.text) for line in lines[header_start:first]):
            header_start = first  # (only a scale makes those lines the schedule's header)
        found.append(Found("statement", _title_start(lines, header_start), header_start,
                           first - 1, first, last + 1, (), 1))
    return found


def _one_figure_end(line: SourceLine, labelled: bool) -> int | None:
    """Where the one figure of a schedule's row ends: a row with one figure, two spaces
    (or a "$") apart from its label; ``labelled``: the label may not be missing (a
    total's may)."""
    cells = line.cells
    if len(cells) != 1 or line.rule is not None:
        return None
    before = line.text[:cells[0].start]
    label_end = len(before.rstrip().rstrip("$").rstrip())
    label, gap = before[:label_end].strip(), before[label_end:]
    if (labelled and not label or label and not ("  " in gap or "$" in gap)
            or _ends_a_sentence(label)):
        return None
    return cells[0].end


def is_figure_row(line: SourceLine) -> bool:
    """A line that ends in two figures or more (or one, after a year heading the row:
    "2005    103.745"), set apart by two spaces at least."""
    cells = line.cells
    if not cells or line.rule is not None:
        return False
    if len(cells) < 2 and not _YEAR_LABEL.match(line.text[:cells[0].start]):
        return False
    return line.text[max(0, cells[0].start - 2):cells[0].start].strip() in ("", "$")


def _stub_line(line: SourceLine, first: int) -> bool:
    """A line of words left of the header's first period item, with no figure."""
    return bool(line.text) and len(line.text) < first and not line.cells and not line.rule


def _header_like_right_of(line: SourceLine, first: int) -> bool:
    """A line with a stub on the left ("LOANS  (unaudited)", "(unaudited)   Ended") and
    period words over the columns, after a gap that ends by the anchor's first item."""
    text = line.text
    cut = text.rfind("  ", 0, first)  # the gap before the columns' words
    if cut <= 0 and text.lstrip().startswith("("):  # "(unaudited) Sept. 30,": a note in
        close = text.find(")")  # parentheses, one space before the columns' words
        cut = close + 1 if 0 < close < first else cut
    return (cut > 0 and bool(text[:cut].strip())
            and all(_date_part(c) for c in line.cells)  # "JULY 31," is no figure
            and is_header_line(text[cut:]))


def _stub_beside(line: SourceLine, first: int, ruled: list[tuple[int, int]],
                 ) -> list[tuple[int, int]] | None:
    """A header line with a short caption in the stub and, after a gap that ends by the
    anchor's first item, the columns' rule ("(dollars in 000s)   ------------ -------"):
    the rule's runs; or, over such a line (``ruled``, its runs), the columns' names
    ("by Category   Assets   NPAs"), words alone, each phrase over one run of the rule
    (not the words of a sentence above, however spaced): ``ruled``. None for any other
    line."""
    text = line.text
    if ruled:  # the columns' names: the stub may be empty
        if line.cells or text.rstrip().endswith(":"):
            return None
        left = min(lo for lo, _ in ruled) - 1
        phrases = [(m.start(), m.end()) for m in _PHRASE.finditer(text)]
        stub = " ".join(text[a:b] for a, b in phrases if b <= left)
        over = [(a, b) for a, b in phrases if b > left]
        inside = all(any(lo - 1 <= a and b <= hi + 1 for lo, hi in ruled) for a, b in over)
        return ruled if (len(over) >= 2 and inside and len(stub) <= _STUB_WIDTH
                         and not _ends_a_sentence(stub)
                         and not any(ch.isdigit() for a, b in over for ch in text[a:b])
                         ) else None
    cut = text.rfind("  ", 0, first)
    stub = text[:cut].strip()
    if cut <= 0 or not stub or len(stub) > _STUB_WIDTH or _ends_a_sentence(stub):
        return None
    rule = rule_of(text[cut:])
    return None if rule is None else [(cut + lo, cut + hi) for lo, hi in rule.segments]


def _date_part(cell: Cell) -> bool:
    """A figure that is a day of a month or a year in a header line ("31," "2000")."""
    digits = cell.text.rstrip(",")
    return digits.isdigit() and (len(digits) <= 2 or is_year(cell.text))


def _header_like(line: SourceLine) -> bool:
    return bool(line.text) and (line.rule is not None or is_header_line(line.text))


def _title_start(lines: list[SourceLine], header_start: int, loose: bool = False) -> int:
    """The first line of the title block above a header: up to three blank lines, then a
    run of indented short lines (company, title, scale note), one blank line among them.
    ``loose`` (above a ``<TABLE>`` block, whose start is certain) takes short lines at
    the margin too, and rules and up to three blank lines among them."""
    i = header_start
    blanks = 0
    while i > 0 and not lines[i - 1].text.strip() and blanks < 3:
        i -= 1
        blanks += 1
    start = i
    taken = 0
    while start > 0 and taken < 6:
        # blank lines within the title block (one; above a <TABLE> block, rules too)
        k = start
        while k > 0 and start - k < (3 if loose else 1) and (
                not lines[k - 1].text.strip() or loose and lines[k - 1].rule is not None):
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
    above a ``<TABLE>`` block, in capitals, "AVERAGE BALANCES", or in parentheses,
    "(unaudited)"), no figure, no rule, not the end of a sentence."""
    text = line.text
    if not text.strip() or len(text) > 80 or line.rule is not None or _ends_a_sentence(text):
        return False
    bare = text.strip()
    if indent_of(text) < 2 and not loose and not is_caps_heading(bare) and not (
            bare.startswith("(") and bare.endswith(")")):  # a note: "(unaudited)"
        return False
    return not any(not c.nil and not is_year(c.text) and not _MARK.fullmatch(c.text)
                   for c in line.cells)


def _ends_a_sentence(text: str) -> bool:
    """A line of prose ending its sentence ("... adjustments above."), not a title ending
    in an abbreviation ("SMITH, JONES AND CO.", "Example Mining Inc.")."""
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


_DEEP = 12  # a line set in this far at least holds no row's label


def _band_heading(lines: list[SourceLine], i: int, top: int, end: int) -> bool:
    """Whether line ``i``, the last of a ``<TABLE>`` block's caption (whose first line is
    ``top``; the block ends before ``end``), heads the rows under it: one phrase set at
    the margin, no period words nor figures, under a blank line that parts it from the
    column names, with another such band further down (not a stub's name, "Name of
    Beneficial Owner")."""
    text = lines[i].text
    return (i > top + 1 and bool(text) and not text[0].isspace() and text[0] != "("
            and "  " not in text and not lines[i - 1].text
            and any(lines[k].text for k in range(top, i - 1))
            and not lines[i].cells and lines[i].rule is None and not is_header_line(text)
            and any(_band_line(lines, k) for k in range(i + 2, end)))


def _band_line(lines: list[SourceLine], k: int) -> bool:
    """Whether line ``k`` of a body is set like a band's title: one phrase at the margin
    under a blank line, no figure ("Transactions Other Than Accounting Hedges" under rows
    of the first band)."""
    line = lines[k]
    text = line.text
    if lines[k - 1].text:
        return False
    return (bool(text) and not text[0].isspace() and text[0] not in "(*"
            and "  " not in text and not line.cells and line.rule is None
            and not text.endswith(":"))  # (no footnote: "(1) Includes shares held by")


def _body_end(lines: list[SourceLine], f: Found, limit: int) -> int:
    """Where a table's body ends: at a gap of blank lines before a line that holds no
    figure, rule or footnote: a gap of two lines in a table set single-spaced, of twice
    its rows' spacing plus two in one set wider (a blank line under every line: four),
    and of two before a sentence."""
    i = f.body_start
    last_content = f.anchor
    wide = 2 * (_spacing(lines, f.body_start, limit) + 1)
    while i < limit:
        if lines[i].text:  # (right-stripped: a blank line is "")
            if (i > f.body_start and _NOTE_OPENS.match(lines[i].text)
                    and len(lines[i].cells) <= 1 and "continued" not in lines[i].text.lower()
                    and (not lines[i - 1].text or lines[i - 1].rule is not None)):
                # a note of the statements begins ("NOTE 8"), under a blank line or a rule
                # (not a page's running "NOTE 5 - ... (Continued)", nor a row "Note 1 -
                # First National Bank  5,000"): the table has ended
                break
            last_content = i
            i += 1
            continue
        j = i
        while j < limit and not lines[j].text:
            j += 1
        if j >= limit:
            break
        if part_opened(lines[j].text):
            break  # an Item of the filing begins: no table goes on into it
        if j - i >= 2:
            nxt = lines[j]
            if not (footnote_start(nxt.text) or nxt.cells or nxt.rule) and (
                    j - i >= wide or _ends_a_sentence(nxt.text)) and not (
                    j - i < wide + 2 and _resumes(lines, f.body_start, i, j, limit)):
                break
        i = j
    return last_content + 1


# the heading of a note to the financial statements: "NOTE 8", "Note 8. Leases"
_NOTE_OPENS = re.compile(r"^\s{0,8}(?:NOTE|Note)\s+\d{1,2}[A-Z]?\b[.:]?(?:\s*[-\u2013\u2014]?\s*"
                         r"[A-Z][^.]{0,80})?$")
_RESUME_WITHIN = 4  # the lines of headings a table's next part may open with, at most


def _resumes(lines: list[SourceLine], start: int, gap: int, at: int, limit: int) -> bool:
    """Whether the table whose body ran from ``start`` to the gap at ``gap`` goes on at
    ``at`` after the gap: a few lines of headings ("Liabilities and" / "Shareholders'
    Equity"), no sentence among them, then a row of figures standing in the columns
    of the rows above (each figure ending where one of theirs ends)."""
    words = 0
    for k in range(at, min(at + 4 * _RESUME_WITHIN, limit)):
        line = lines[k]
        if not line.text:
            continue
        if is_figure_row(line):
            ends = {c.end for r in lines[start:gap] if is_figure_row(r) for c in r.cells}
            return bool(ends) and all(c.end in ends for c in line.cells)
        words += 1
        if line.cells or line.rule or _ends_a_sentence(line.text) or words > _RESUME_WITHIN:
            return False
    return False


_SPACING_WINDOW = 5  # lines looked at for each row of the sample, at most (the rest of a
# document after its last table is no table's spacing)


def _spacing(lines: list[SourceLine], start: int, limit: int, sample: int = 12) -> int:
    """The blank lines a table's first rows of figures most often stand apart from the
    line after them by: 0 where it is set single-spaced, 1 where double-spaced (prose
    under a date has no rows of figures, and sets no spacing)."""
    gaps: Counter[int] = Counter()
    last = None  # the last row of figures
    for i in range(start, min(limit, start + _SPACING_WINDOW * sample)):
        if lines[i].text:
            if last is not None:
                gaps[i - last - 1] += 1
                if sum(gaps.values()) >= sample:
                    break
            last = i if is_figure_row(lines[i]) else None
    most = max(sorted(gaps), key=gaps.__getitem__) if gaps else 0
    return most if gaps[most] >= 3 else 0  # (three rows at least say how it is set)


# --------------------------------------------------------------------------- columns


@dataclass(slots=True)
class _ColumnSpec:
    lo: int  # smallest right edge of its cells
    hi: int  # largest right edge
    start: int  # leftmost start of its cells
    count: int = 0


def _statement_columns(body: list[SourceLine], n_columns: int) -> list[_ColumnSpec]:
    """Cluster the right edges of the body's numeric cells into the ``n_columns`` columns
    the header names (the most used clusters), and any column of percentages beside them
    ("13%" after each amount) that the header does not name, used on two lines or more."""
    ends: dict[int, list[int]] = {}  # end -> [count, leftmost start, percentages]
    for line in body:
        cells = line.cells
        if not cells or line.rule or line.text[0] == "(" and footnote_start(line.text):
            continue
        for c in cells:
            seen = ends.get(c.end)
            if seen is None:
                ends[c.end] = [1, c.start, c.percent]
            else:
                seen[0] += 1
                if c.start < seen[1]:
                    seen[1] = c.start
                seen[2] += c.percent
    clusters: list[_ColumnSpec] = []
    percents: list[int] = []
    for end in sorted(ends):
        count, start, pct = ends[end]
        if clusters and end - clusters[-1].hi <= 2:
            cl = clusters[-1]
            cl.hi = end
            cl.count += count
            cl.start = min(cl.start, start)
            percents[-1] += pct
        else:
            clusters.append(_ColumnSpec(end, end, start, count))
            percents.append(pct)
    ranked = sorted(range(len(clusters)), key=lambda k: (
        -clusters[k].count, percents[k] == clusters[k].count, -clusters[k].hi))
    chosen = ranked[:n_columns]
    chosen += [k for k in ranked[n_columns:] if clusters[k].count >= 2
               and percents[k] == clusters[k].count]
    return [clusters[k] for k in sorted(chosen, key=lambda k: clusters[k].hi)]


def _markup_columns(body: list[SourceLine], markers: tuple[int, ...],
                    ) -> tuple[list[_ColumnSpec], dict[int, int]]:
    """The columns of a ``<TABLE>`` block from its ``<C>`` markers: a figure belongs to
    the last column whose marker stands left of its end (figures are set right in their
    column and may reach left of its marker). Where the figures under one marker end in
    two places or more, each of them on two lines at least, the filer left columns
    unmarked (a "% change" beside each amount): each place is a column. Returns the
    columns, spanning the figures found under each, and the column of each figure end."""
    widest = max((len(line.text) for line in body), default=0) + 1
    bounds = [*markers[1:], max(widest, markers[-1] + 1)]
    ranges = list(zip(markers, bounds, strict=True))
    owner = {end: k for k, (lo, hi) in enumerate(ranges) for end in range(lo + 1, hi + 1)}
    found: list[dict[int, list[int]]] = [{} for _ in ranges]  # end -> [count, leftmost start]
    for line in body:
        if line.rule is not None or not line.text:
            continue
        for c in line.cells:
            k = owner.get(c.end)
            if k is None or c.nil:
                continue  # (a dash is set anywhere in its column: it makes no column)
            seen = found[k].get(c.end)
            if seen is None:
                found[k][c.end] = [1, c.start]
            else:
                seen[0] += 1
                seen[1] = min(seen[1], c.start)
    specs: list[_ColumnSpec] = []
    column_at: dict[int, int] = {}
    for (lo, hi), ends in zip(ranges, found, strict=True):
        clusters = _clusters(ends)
        several = [cl for cl in clusters if cl.count >= 2]
        if len(several) < 2:  # one column, as marked
            spec = _ColumnSpec(hi, lo + 1, lo)
            if clusters:
                spec = _ColumnSpec(min(cl.lo for cl in clusters), max(cl.hi for cl in clusters),
                                   min(cl.start for cl in clusters),
                                   sum(cl.count for cl in clusters))
            column_at.update((end, len(specs)) for end in range(lo + 1, hi + 1))
            specs.append(spec)
            continue
        first = len(specs)
        specs += several
        for end in range(lo + 1, hi + 1):  # each end under the nearest of these columns
            k = min(range(len(several)), key=lambda j: max(several[j].lo - end,
                                                           end - several[j].hi, 0))
            column_at[end] = first + k
    return specs, column_at


def _clusters(ends: dict[int, list[int]]) -> list[_ColumnSpec]:
    """Figure ends (with their counts and leftmost starts) grouped where they lie within
    two characters of each other."""
    clusters: list[_ColumnSpec] = []
    for end in sorted(ends):
        count, start = ends[end]
        if clusters and end - clusters[-1].hi <= 2:
            cl = clusters[-1]
            cl.hi = end
            cl.count += count
            cl.start = min(cl.start, start)
        else:
            clusters.append(_ColumnSpec(end, end, start, count))
    return clusters


def text_grids(lines: list[SourceLine], index: LineIndex | None = None,
               markup: tuple[Markup, ...] = ()) -> list[Grid]:
    """The grid of every table of a document's lines."""
    grids = []
    end = -1
    for f in find_tables(lines, index, markup):
        follows = (0 <= end <= f.title_start and f.title_start - end <= _CONTINUED_WITHIN
                   and all(_between_pages(lines[i].text) for i in range(end, f.title_start)))
        grids.append(_grid(lines, f, follows))
        end = f.end
    return grids


def _between_pages(text: str) -> bool:
    """A line that may stand between a table and its continuation on the next page:
    blank, a page number, "(continued)", "See accompanying notes"."""
    return (not text or bool(PAGE_NUMBER.match(text)) or text.strip().lower() in _CONTINUED
            or bool(_FOOTER.search(text)))


def _grid(lines: list[SourceLine], f: Found, follows: bool) -> Grid:
    body = lines[f.body_start:f.end]
    if f.kind == "grid":
        header_end = f.anchor + 2  # the column names and the rule under them
        columns = _named_columns(lines[f.anchor].text, lines[f.anchor + 1])
        specs = [_ColumnSpec(c.right - 1, c.right, c.start) for c in columns]
        named = len(columns)
        column_at = _column_at(specs)
    else:
        header_end = f.body_start
        if f.columns:
            named = len(f.columns)
            specs, column_at = _markup_columns(body, f.columns)
        else:
            named = f.width or sum(1 for i in header_items(lines[f.anchor].text)
                                   if i.year is not None)
            # a period may head a group of columns ("Pretax | Per Share" under each):
            # as many columns as the rows' usual count of figures, if that is more
            usual = Counter(len(line.cells) for line in body if is_figure_row(line))
            width = usual.most_common(1)[0][0] if usual else 0
            specs = _statement_columns(body, max(named, width))
            column_at = _column_at(specs)
        columns = [GridColumn(s.start, s.hi) for s in specs]
    n = len(columns)
    header = lines[f.header_start:header_end]
    if f.kind != "grid" and columns and header_end == f.body_start:
        # words set over the columns right under the header's rule, before any row
        # ("As" / "Restated" over the last date): the columns' names, no row's heading
        names = _names_under_rule(body, columns)
        header, body = header + body[:names], body[names:]
    rows = []
    for line in body:
        text = line.text
        rule = line.rule if text else None
        if rule is not None or not text:
            rows.append(GridRow(line.number, text, rule.char if rule else None, [], len(text),
                                [], []))
            continue
        cells, label_end, stray = _place(line, column_at, n)
        rows.append(GridRow(line.number, text, None, cells, label_end, stray, line.cells))
    return Grid(f.kind, lines[f.title_start].number, lines[f.end - 1].number,
                lines[f.title_start:f.header_start], header,
                lines[max(f.anchor, 0)], columns, rows, named, bool(f.columns), follows,
                (f.title_start, f.end))


def _names_under_rule(body: list[SourceLine], columns: list[GridColumn]) -> int:
    """How many lines open the body with the names of some columns, right under the
    header's rule ("As" / "Restated" over the last date): each run of words set over one
    column (none in the stub, none a figure, no period's words), and not every column
    named; 0 where the body opens otherwise or the next line with text is no row of
    figures. (A heading centred over all the columns, "Fourth Quarter", heads rows.)"""
    start = next((k for k, line in enumerate(body) if line.text and line.rule is None),
                 len(body))  # (after the header's rule, where the body opens with it)
    end = start
    named: set[int] = set()
    while end < len(body) and body[end].text and body[end].rule is None and (
            not body[end].cells and not header_items(body[end].text)):
        over = [_column_over(columns, lo, hi) for lo, hi, _ in header_phrases(body[end].text)]
        if None in over:
            break
        named.update(k for k in over if k is not None)
        end += 1
    after = next((line for line in body[end:] if line.text), None)
    return end if (end > start and len(named) < len(columns) and after is not None
                   and is_figure_row(after)) else 0


def _column_over(columns: list[GridColumn], lo: int, hi: int) -> int | None:
    """The one column whose place a run of words from ``lo`` to ``hi`` stands in: right
    of the column before it, ending by its right edge; None for words in the stub or
    across columns."""
    for k, column in enumerate(columns):
        left = columns[k - 1].right if k else column.start - 2
        if left <= lo and hi <= column.right + 2:
            return k
    return None


def _place(line: SourceLine, column_at: dict[int, int], n: int,
           ) -> tuple[list[Cell | None], int, list[Cell]]:
    """A line's figures by column, where its label ends, and figures under no column
    (those left of the first placed figure belong to the label: "29.73%", marks)."""
    cells = line.cells
    placed: list[Cell | None] = [None] * n
    if not cells:
        return placed, len(line.text), []
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
    if stray:
        stray = [c for c in stray if c.end > first.start]
    return placed, first.start - (1 if first.dollar else 0), stray


def _column_at(specs: list[_ColumnSpec]) -> dict[int, int]:
    """The column of each figure end, a figure ending one character off its column's
    ends still under it (the leftmost column wins where two reach)."""
    column_at = {}
    for k, spec in reversed(list(enumerate(specs))):
        for end in range(spec.lo - 1, spec.hi + 2):
            column_at[end] = k
    return column_at


def _named_columns(header: str, rule_line: SourceLine) -> list[GridColumn]:
    """The columns of figures of a grid: the rule's segments whose name carries a unit
    in parentheses ("Ag (g/t)"); segments without one hold text (vein, hole)."""
    rule = rule_line.rule
    assert rule is not None  # a grid anchor stands over a rule
    columns = []
    for start, end in rule.segments:
        text = header[start:end + 1].strip()
        if _GRID_UNIT.search(text):
            columns.append(GridColumn(start, end, text))
    return columns


