"""The layout stage of HTML filings: ``<table>`` elements into grids.

EDGAR HTML (Donnelley, Toppan Merrill, Workiva...) sets a table's figures in cells of
their own, often split: ``$`` | ``1,234`` | ``)``, with empty spacer columns, colspans
and rowspans, indentation by padding or ``&nbsp;``, totals marked by borders. This stage
makes each table that holds figures a :class:`~assay.read.grid.Grid`, as the text layout
does, so that interpretation is shared: the cells of each row are laid out as a line of
fixed-width text (the label, then each figure at the place of its column, each header
cell over the columns it spans), with the figures placed under the grid's columns and
each cell's place in the document kept (table ordinal, row, cell, and a selector).

The parser is lxml's (libxml2): it reads every HTML document of the corpus, keeps each
element's source line, and walks tables at about 65 MB/s on this machine; selectolax
walks faster (about 165 MB/s) but gives no source line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

import lxml.html
from lxml import etree

from assay.model import Location, Tag

from .grid import Grid, GridColumn, GridRow
from .headers import header_items
from .ixbrl import read_tags
from .layout import Cell, footnote_start, is_year, trailing_cells
from .source import SourceLine

_LABEL_WIDTH = 60  # characters of the synthetic line given to the label
_COLUMN_WIDTH = 40  # characters given to each column of the HTML table
_SPACES = re.compile(r"\s+")
_INDENT = re.compile(
    r"(?:padding-left|margin-left|text-indent)\s*:\s*([\d.]+)\s*(pt|px|em|in)?", re.IGNORECASE)
_BORDER = re.compile(r"border-(top|bottom)\s*:[^;]*?\b(solid|double)", re.IGNORECASE)
_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_RIGHT_SET = 40.0  # points of indent a label set flush right stands for
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_POINTS = {"pt": 1.0, "px": 0.75, "em": 10.0, "in": 72.0}
_PREFIXES = frozenset({"$", "(", "$(", "($", "( $"})
_SUFFIXES = frozenset({")", "%", ")%", "%)"})
_DIGIT = re.compile(r"\d")
_MARK = re.compile(r"\(\d{1,2}\)")  # a footnote's mark set in a cell of its own: "(3)"
_NOTE_OPENING = re.compile(r"\s*\((\d{1,2})\)")  # a note that opens with its mark
_NOTES_LOOKED_AT = 12  # the blocks after a table its notes are looked for in
_WORDS = re.compile(r"[A-Za-z]{3}")  # a word, not a mark or a unit sign
_SUP_MARK = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|\*{1,3})\)?")  # "3", "(a)", "*"
# what a ")" or "%" closes: the figure before it ("(24", "5.10", a nil "—")
_FIGURE_PART = re.compile(r"[^A-Za-z%]*(?:\d|[—–-])[^A-Za-z%]*")
# a cell of two figures, a range: "0.1%-1.6%", "$4,125 - $4,145", "—%-4.6%"
_YEARS = re.compile(r"\s*(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)?\d\d)\s*")  # "2019-2020", "2019-20"
# a range or a figure scaled by its own word: "$995 - $1,000 million", "$781 million"
_SCALED = re.compile(r"(?:\$?\s?\(?[\d,.]*\d\)?\s?[-–]\s?)?\$?\s?\(?[\d,.]*\d\)?"
                     r"\s(?:thousand|million|billion)s?")
_RANGE = re.compile(r"\$?\s?(?:[\d,.]*\d|[—–-])\s?%?\s?[-–]\s?\$?\s?[\d,.]*\d\s?%?|"
                    + _SCALED.pattern)
_NIL = frozenset({"\u2014", "\u2013", "\u2012"})  # dashes standing for nil
_TITLE_BLOCKS = 4  # paragraphs above a table read as its title block
# a page's running footer or header: "Example Corp. | Q2 2025 Form 10-Q | 7", "- 12 -"
_RUNNING = re.compile(r"\|\s*\d{1,3}\s*$|^[-\s]*\d{1,3}[-\s]*$|\bForm 10-[KQ]\b"
                      r"|^(?i:table of contents)$")  # (a page's link back to the contents)
# the scale note closing a paragraph: "... is as follows (in millions):"
_CLOSING_NOTE = re.compile(r"\((?:[$\w ]+ )?in (?:thousands|millions|billions)[^)]*\)[:.]?\s*$",
                           re.IGNORECASE)
_PARSER = lxml.html.HTMLParser(encoding="utf-8")  # (the text was decoded already)


@dataclass(slots=True)
class _Token:
    """The text of one cell (or of cells joined: "$" | "1,234" | ")") and its place."""

    col: int
    span: int
    text: str
    td: etree._Element
    index: int  # the cell's ordinal in its row


def html_layout(html: str, path: str, first_line: int = 1, scope: str = "",
                ) -> tuple[list[Grid], list[tuple[int, str, int, str]], list[Tag],
                           list[tuple[int, str, str]]]:
    """The grid of every table of figures in an HTML document whose first line is line
    ``first_line`` of file ``path``, its paragraphs outside tables (line, text, place in
    the document, selector ``block[k]``), its inline-XBRL tags (read apart: the
    grids do not look at them), and the tables that print figures but are read as no
    table of facts (line, selector, why). A table that holds another table is layout,
    not figures: only the tables within are read. Each grid's ``lines`` is its table's
    place in the document, in the order of the paragraphs' places (line numbers cannot
    order them: many filings are one line). Cell selectors begin with ``scope`` (the
    document's, within a submission)."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return [], [], [], []
    offset = first_line - 1
    place = {el: k for k, el in enumerate(root.iter())}
    grids = []
    skipped = []
    read = set()  # the tables read as grids (their text is no paragraph's)
    for ordinal, table in enumerate(root.iter("table")):
        if _holds_table(table):
            continue
        found = _grids(table, ordinal, path, offset, scope)
        if isinstance(found, str):
            skipped.append((offset + (table.sourceline or 1), f"{scope}table[{ordinal + 1}]",
                            found))
            continue
        if any(row.figures or row.worded for g in found for row in g.rows):
            read.add(table)  # (not a list of bullets set as a table: its text is prose)
        grids += [replace(g, lines=(place[table], place[table])) for g in found]
    paragraphs, blocks = _paragraphs(root, offset, place, scope, read)
    tags = (read_tags(root, scope, blocks)
            if "nonFraction" in html or "nonfraction" in html else [])
    return grids, paragraphs, tags, skipped


def _paragraphs(root: etree._Element, offset: int, place: dict[etree._Element, int],
                scope: str, read: set[etree._Element],
                ) -> tuple[list[tuple[int, str, int, str]], dict[etree._Element, int]]:
    """The text of the blocks outside tables that hold no block themselves: line, text,
    place in the document and selector (``block[k]``, the k-th such block); and the block
    each element stands in (an element, or one within it, to its block's index). A block
    that holds tables read as grids (``read``) is as many blocks as the runs of its text
    between them, each placed where it stands: the run after a table comes after it."""
    out: list[tuple[int, str, int, str]] = []
    blocks: dict[etree._Element, int] = {}
    for el in root.iter("p", "div", "center", "h1", "h2", "h3", "h4", "li"):
        if el.find(".//p") is not None or el.find(".//div") is not None:
            continue
        if any(a.tag == "table" for a in el.iterancestors()):
            continue
        runs = ([(el.text_content(), [], None)] if el.find(".//table") is None
                else _text_runs(el, read))
        for k, (text, inner, after) in enumerate(runs):
            text = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
            if not text:
                continue
            if k == 0:
                blocks[el] = len(out)
            blocks.update((e, len(out)) for e in inner)
            at = place[el] if after is None else place[after] + sum(1 for _ in after.iter()) - 1
            line = el.sourceline if after is None else after.sourceline
            out.append((offset + (line or 1), text, at, f"{scope}block[{len(out) + 1}]"))
    return out, blocks


def _text_runs(el: etree._Element, read: set[etree._Element],
               ) -> list[tuple[str, list[etree._Element], etree._Element | None]]:
    """The runs of an element's text between the tables within it read as grids: each
    run's text, the elements it holds, and the table it comes after (None: the first)."""
    runs: list[tuple[list[str], list[etree._Element], etree._Element | None]] = [
        ([el.text or ""], [], None)]

    def walk(node: etree._Element) -> None:
        for child in node:
            if child in read:
                runs.append(([child.tail or ""], [], child))
                continue
            runs[-1][1].append(child)
            if isinstance(child.tag, str):  # (not a comment)
                runs[-1][0].append(child.text or "")
                walk(child)
            runs[-1][0].append(child.tail or "")

    walk(el)
    return [("".join(parts), inner, after) for parts, inner, after in runs]


def _holds_table(table: etree._Element) -> bool:
    return any(t is not table for t in table.iter("table"))


def _rows(table: etree._Element) -> list[tuple[etree._Element, list[_Token]]]:
    """Each row's cells as tokens, columns counted with colspans and rowspans; but a
    row whose own cells fill the width most rows no rowspan reaches fill stands from its
    first column, whatever rowspan above would push it on (a stub's rowspan over header
    rows that print their stub cell all the same)."""
    out = []
    spanned: dict[int, int] = {}  # column -> rows a rowspan still covers
    trs = list(table.iter("tr"))
    cells = [[(c, _int(c.get("colspan")), _int(c.get("rowspan"))) for c in tr
              if c.tag in ("td", "th")] for tr in trs]
    own = [sum(span for _, span, _ in tds) for tds in cells]
    covered = [False] * len(trs)  # rows a rowspan from a row above reaches
    for k, tds in enumerate(cells):
        reach = max((rows for _, _, rows in tds), default=1)
        for j in range(k + 1, min(len(trs), k + reach)):
            covered[j] = True
    free = [w for w, c in zip(own, covered, strict=True) if not c]
    full = Counter(free or own).most_common(1)[0][0] if own else 0  # (the width most
    # rows no rowspan reaches fill)
    for tr, tds, width in zip(trs, cells, own, strict=True):
        col = 0
        tokens = []
        if width >= full:
            for c in spanned:
                spanned[c] = max(0, spanned[c] - 1)
        for index, (td, span, rows) in enumerate(tds):
            while width < full and spanned.get(col, 0) > 0:
                spanned[col] -= 1
                col += 1
            if rows > 1:
                for c in range(col, col + span):
                    spanned[c] = rows - 1
            tokens.append(_Token(col, span, _text(td), td, index))
            col += span
        out.append((tr, tokens))
    return out


def _text(el: etree._Element) -> str:
    """An element's text, a line break or a block within it read as a space
    ("Balance at<br>Beginning of Period"), spaces made single."""
    for inner in el.iter("br", "div", "p", "sup"):
        if inner is el:
            continue
        if inner.tag == "sup":  # a footnote's mark set above the line ("costs<sup>3</sup>")
            mark = (inner.text or "").strip()
            if _SUP_MARK.fullmatch(mark) and not len(inner):
                inner.text = f" ({mark.strip('()')})"
            continue
        inner.tail = " " + (inner.tail or "")
    text = el.text_content()
    if not text or text.isspace():  # (an empty cell: most of a table's)
        return ""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def _int(text: str | None) -> int:
    """A span attribute's count of columns or rows: 1 to 100, 1 where it says none."""
    if text is None or text == "1":
        return 1
    try:
        return max(1, min(int(text), 100))
    except ValueError:
        return 1


def _joined(tokens: list[_Token]) -> list[_Token]:
    """The non-empty cells of a row, a figure split over cells joined: a "$" or "(" alone
    goes with the cell after it, a ")" or "%" alone with the figure before it."""
    out: list[_Token] = []
    prefix = ""
    for tok in tokens:
        text = tok.text
        if not text:
            continue
        if text in _PREFIXES:
            prefix += text.replace("\u00a0", "")
            continue
        if text in _SUFFIXES and out and _FIGURE_PART.fullmatch(out[-1].text):
            out[-1].text += text  # (after words or another "%" it heads a column)
            continue
        if prefix:
            text = prefix + text
            prefix = ""
        out.append(_Token(tok.col, tok.span, text, tok.td, tok.index))
    return out


def _figure(text: str) -> Cell | None:
    """The figure a cell holds, alone but for a "$" and footnote marks; or None."""
    bare = text.replace("$", "").strip()
    if bare in _NIL:  # "—", "$ —"
        text = "--"
    elif bare.endswith("%") and bare[:-1].strip() in _NIL:  # "— %": a nil percentage
        return Cell(0, 2, "--", Decimal(0), 0, True, True, "$" in text)
    compact = text.replace(" ", "") if len(text) < 24 else text  # "$ 1,234", "( 5 )"
    cells = trailing_cells(compact)
    if len(cells) != 1 or compact[: cells[0].start].replace("$", "").strip():
        return None
    return cells[0]


def _indent(td: etree._Element) -> int:
    """Characters of indent a cell's padding, margin or leading spaces give its text; a
    label set flush right stands under those set left, as their part ("Restructuring
    cost" over "Cost of revenue", "Research and development" set right)."""
    points = 0.0
    right = False
    for el in (td, *td.iterchildren()):
        style = el.get("style") or ""
        m = _INDENT.search(style)
        if m:
            points += float(m.group(1)) * _POINTS[(m.group(2) or "px").lower()]
        right = right or bool(_RIGHT.search(style)) or (el.get("align") or "").lower() == "right"
    if right:  # (once, however many of its elements say so)
        points += _RIGHT_SET
    raw = td.text_content()
    leading = len(raw) - len(raw.lstrip("\u00a0 "))
    return int(points // 5) + leading


def _bold(td: etree._Element) -> bool:
    """Whether a cell's text is set bold: by its style or its children's, or inside
    ``<b>`` or ``<strong>``."""
    for el in td.iter():
        if el.tag in ("b", "strong") and el.text_content().strip():
            return True
        if _BOLD.search(el.get("style") or "") and el.text_content().strip():
            return True
    return False


def _rule(tds: list[etree._Element], side: str) -> str | None:
    """"-" or "=" when the figure cells of a row are bordered on ``side``."""
    for td in tds:
        for m in _BORDER.finditer(td.get("style") or ""):
            if m.group(1).lower() == side:
                return "=" if m.group(2).lower() == "double" else "-"
    return None


def _grids(table: etree._Element, ordinal: int, path: str, offset: int, scope: str,
           ) -> list[Grid] | str:
    """The grids of a table: one, or one for each block a header row starts within it
    ("Six Months Ended" under the rows of "Three Months Ended"); none for a table of no
    figure; for a table whose figures are no facts, why."""
    rows = _rows(table)
    widths = [_width(tokens) for _, tokens in rows]  # (empty cells counted)
    joined = [(tr, _joined(tokens)) for tr, tokens in rows]
    # (a year in the stub is a row's label, "2020" over the quarters' columns, no figure)
    figures = [[(t, None if t.col == 0 and f is not None and is_year(f.text) else f)
                for t in tokens for f in (_figure(t.text),)] for _, tokens in joined]
    figures = _without_mark_columns(figures, table)
    # rows of figures: a figure alone in a cell, or a range ("43%-72%") right of the stub
    # (a row's nil amount, "$ —" beside its label, is a figure too: no header's)
    data = [k for k, row in enumerate(figures)
            if any(f is not None and not f.nil and not is_year(f.text)
                   or t.col > 0 and _RANGE.fullmatch(t.text) and not _YEARS.fullmatch(t.text)
                   or f is not None and f.nil and "$" in t.text and row[0][0].col == 0
                   and row[0][1] is None and _WORDS.search(row[0][0].text)
                   for t, f in row)]
    shown = [t.text for k in data for t, f in figures[k]
             if f is not None and not f.nil and not is_year(f.text)
             or f is None and t.col > 0 and (_SCALED.fullmatch(t.text) or _RANGE.fullmatch(
                 t.text) and any(c in t.text for c in "$%,."))]  # (not "001-12345", a
    # file number)
    if not shown:
        return []
    if len(shown) == 1:  # (a cover page's zip code, a figure set in a layout table)
        return f"one figure alone ('{shown[0]}'): read as no table of facts"
    if all(_numbered(figures[k]) for k in data):  # ("1.1 | Underwriting Agreement")
        return (f"a numbered list (an exhibit index, a list of notes): its {len(shown)} "
                f"numbers number its entries, no facts")
    columns = sorted({t.col + t.span - 1 for k in data for t, f in figures[k]
                      if f is not None or _RANGE.fullmatch(t.text)})
    labels = [t.text for row in figures for t, f in row if f is None]
    label_width = max([_LABEL_WIDTH, *(len(text) + 40 for text in labels)])
    is_data = set(data)
    # a row past the first figures that names periods over the columns heads a new block
    filled = [k for k, (_, tokens) in enumerate(joined) if tokens]  # rows with any text
    after_data = {k for j, k in zip(filled, filled[1:], strict=False) if j in is_data}
    starts = [0] + [k for k in sorted(after_data) if k not in is_data and any(
        t.col > 0 and header_items(t.text) for t, _ in figures[k])]
    title, follows = _title(table, offset)
    grids = []
    for b, start in enumerate(starts):
        end = starts[b + 1] if b + 1 < len(starts) else len(rows)
        block = range(start, end)
        if not any(k in is_data for k in block):
            continue
        grids.append(_grid(joined, figures, block, is_data, columns, label_width, ordinal, path,
                           offset, title, follows or b > 0, scope, widths))
    return grids


def _without_mark_columns(figures: list[list[tuple[_Token, Cell | None]]],
                          table: etree._Element) -> list[list[tuple[_Token, Cell | None]]]:
    """The rows' figures but for columns of footnote marks: a column named by no cell
    above its first figure, every figure of which is a bare number of one or two digits
    in parentheses ("(3)") set right after a figure or nil mark of its row, each the mark
    of a note that follows the table (a balance roll-forward's "577 | (3)" refers to note
    3; it is no loss of 3)."""
    marks: dict[int, bool] = {}
    heads: list[_Token] = []  # the cells above the first figures
    for row in figures:
        previous: Cell | None = None
        for t, f in row:
            if f is None:
                if not marks and t.text.strip():
                    heads.append(t)
            else:
                mark = bool(_MARK.fullmatch(t.text)) and previous is not None
                col = t.col + t.span - 1
                marks[col] = marks.get(col, True) and mark
            previous = f
    gone = {col for col, mark in marks.items() if mark}
    for t in heads if gone else ():  # (a cell over one column names it; "(In millions)"
        over = [col for col in marks if t.col <= col < t.col + t.span]  # over all, none)
        if len(over) == 1:
            gone.discard(over[0])
    if gone:  # (the notes looked for only where a column of marks is left)
        notes = _notes_after(table)
        gone = {col for col in gone if all(
            t.text.strip("()") in notes for row in figures for t, f in row
            if f is not None and t.col + t.span - 1 == col)}
    if not gone:
        return figures
    return [[(t, f) for t, f in row if f is None or t.col + t.span - 1 not in gone]
            for row in figures]


def _notes_after(table: etree._Element) -> set[str]:
    """The marks of the notes of a table ("(3) Additional valuation allowance ..."): its
    rows, and the blocks among the next few after it (at its level or its container's),
    that open with a mark."""
    marks = {opening.group(1) for tr in table.iter("tr")
             if (opening := _NOTE_OPENING.match(tr.text_content()))}  # (its own last rows)
    for holder in (table, table.getparent()):
        if holder is None:
            continue
        for k, block in enumerate(holder.itersiblings()):
            if k >= _NOTES_LOOKED_AT or not isinstance(block.tag, str):
                break
            opening = _NOTE_OPENING.match(block.text_content())
            if opening:
                marks.add(opening.group(1))
        if marks:
            break
    return marks


def _numbered(row: list[tuple[_Token, Cell | None]]) -> bool:
    """A row that opens with its figures and ends in words ("1.1 | Underwriting
    Agreement, dated ...", "2 | .1 | Stock Purchase Agreement"): an entry of a numbered
    list, an exhibit index."""
    words = [n for n, (t, f) in enumerate(row) if f is None and _WORDS.search(t.text)]
    return (bool(words) and row[0][1] is not None
            and not any(c in row[0][0].text for c in "$,")  # ("$ 5,000,000 | Working
            and all(f is None for _, f in row[words[0]:]))  # capital": an amount)


def _grid(joined, figures, block: range, is_data: set[int], columns: list[int],
          label_width: int, ordinal: int, path: str, offset: int, title: list[SourceLine],
          follows: bool, scope: str, widths: list[int]) -> Grid:
    """The grid of one block of a table's rows: its header rows, those before its first
    row of figures, and its body."""
    rank = {c: k for k, c in enumerate(columns)}
    first = next(k for k in block if k in is_data)
    j = first - 1
    while j >= block.start and (not joined[j][1] or _label_only(joined[j][1], columns)):
        if joined[j][1]:  # a heading in the label column above the rows ("Year Ended
            first = j  # ...:"), blank rows between them or not
        j -= 1

    def x(col: int) -> int:
        return label_width + _COLUMN_WIDTH * col

    body_width = max((widths[k] for k in block if k in is_data), default=0)
    # bold labels of rows of figures among plain ones: their outline's upper level
    bold = {k: _bold(t.td) for k in block if k in is_data
            for t, f in figures[k][:1] if f is None and t.text}
    bolds = len(set(bold.values())) == 2
    lifted = False
    grid_rows: list[GridRow] = []
    header: list[SourceLine] = []
    header_cells: list[list[tuple[tuple[int, ...], str]]] = []
    for k in block:
        (tr, tokens), row = joined[k], figures[k]
        number = offset + (tr.sourceline or 1)
        if k < first:  # a header line: each cell over the columns it spans
            below = [joined[j][1] for j in range(k + 1, first)
                     if widths[j] == body_width]  # the sub-headers in line
            tokens = _aligned(tokens, widths[k], columns, body_width, below)
            header.append(SourceLine(number, _header_line(tokens, columns, x)))
            header_cells.append([
                (tuple(rank[c] for c in columns if tok.col <= c < tok.col + tok.span), tok.text)
                for tok in tokens if tok.text])
            continue
        first_figure = min((c.col for c, g in row if g is not None or _RANGE.fullmatch(c.text)),
                           default=10**6)
        label_tokens = [t for t, f in row if f is None and t.col + t.span - 1 < first_figure]
        label = " ".join(t.text for t in label_tokens)
        indent = _indent(row[0][0].td) if row and label else 0
        if label and bolds:  # plain rows of figures right under a bold one stand a
            has_figures = any(f is not None for _, f in row)  # step under it, as its
            if bold.get(k, False) or not has_figures:  # parts may
                lifted = has_figures
            elif lifted:
                indent += 1
        elif not tokens:
            lifted = False
        text = (" " * indent + label).ljust(label_width)
        label_end = len(text.rstrip())
        placed: list[Cell | None] = [None] * len(columns)
        places: list[Location | None] = [None] * len(columns)
        found: list[Cell] = []
        tds = []
        worded = []  # cells of a column holding figures among words: "0.1%-1.6%"
        for tok, fig in row:
            if fig is None and tok.col >= first_figure and tok.col + tok.span - 1 in rank and (
                    _DIGIT.search(tok.text)):
                worded.append((rank[tok.col + tok.span - 1], tok.text, Location(
                    path, number, 0, 0,
                    selector=f"{scope}table[{ordinal + 1}]/tr[{k + 1}]/td[{tok.index + 1}]")))
                continue
            if fig is None or tok.col + tok.span - 1 not in rank:
                continue
            j = rank[tok.col + tok.span - 1]
            end = x(columns[j]) + _COLUMN_WIDTH - 2
            start = end - len(fig.text)
            text = text.ljust(start) + fig.text
            cell = Cell(start, end, fig.text, fig.value, fig.decimals, fig.nil, fig.percent,
                        "$" in tok.text)
            found.append(cell)
            tds.append(tok.td)
            if placed[j] is None:
                placed[j] = cell
                places[j] = Location(path, number, start, end, selector=(
                    f"{scope}table[{ordinal + 1}]/tr[{k + 1}]/td[{tok.index + 1}]"))
        if not tokens:  # a spacer row: a border on its cells is a rule between rows
            tds = [td for td in tr if td.tag in ("td", "th")]
            stub, figure_tds = tds[:1], tds[1:]
            spacer = None
            if figure_tds and not (_rule(stub, "top") or _rule(stub, "bottom")):
                # under the figures only: a border across the label cell too parts the table
                spacer = _rule(figure_tds, "top") or _rule(figure_tds, "bottom")
            if spacer:
                grid_rows.append(GridRow(number, spacer * 8, spacer, [], 8, [], []))
                continue
        above = _rule(tds, "top")
        if above:
            grid_rows.append(GridRow(number, above * 8, above, [], 8, [], []))
        label_place = label_tokens and Location(path, number, 0, 0, selector=(
            f"{scope}table[{ordinal + 1}]/tr[{k + 1}]/td[{label_tokens[0].index + 1}]"))
        grid_rows.append(GridRow(number, text.rstrip(), None, placed, label_end, [], found,
                                 places, label_place or None, tuple(worded)))
        below = _rule(tds, "bottom")
        if below:
            grid_rows.append(GridRow(number, below * 8, below, [], 8, [], []))
    grid_columns = []
    for j, col in enumerate(columns):
        cells = [r.cells[j] for r in grid_rows if r.cells and r.cells[j] is not None]
        grid_columns.append(GridColumn(min(c.start for c in cells) if cells else x(col),
                                       x(col) + _COLUMN_WIDTH - 2))
    first_line = title[0].number if title else (header[0].number if header
                                                 else grid_rows[0].number)
    anchor = header[-1] if header else SourceLine(grid_rows[0].number, "")
    return Grid("statement", first_line, grid_rows[-1].number, title, header, anchor,
                grid_columns, grid_rows, len(columns), follows=follows,
                header_cells=header_cells)


def _width(tokens: list[_Token]) -> int:
    """The columns a row's cells take, colspans counted."""
    return max((t.col + t.span for t in tokens), default=0)


def _aligned(tokens: list[_Token], width: int, columns: list[int],
             body_width: int, below: list[list[_Token]] = ()) -> list[_Token]:
    """A header row whose colspans add up to another width than the rows of figures'
    (its cells do not stand over the columns they name) gives its cells right of the
    stub one to each column of figures, in order, when it has as many as there are
    columns; or, over a sub-header in line with the figures (the nearest of ``below``
    that does) that repeats one run of names once for each of its cells ("As Reported
    | Adjusted" under each of two periods), each cell to its run (see :func:`_runs`);
    otherwise it is left as it is."""
    if width == body_width:
        return tokens
    over = [n for n, t in enumerate(tokens) if t.text and t.col + t.span - 1 >= columns[0]]
    out = list(tokens)
    if len(over) == len(columns):
        for n, col in zip(over, columns, strict=True):
            t = tokens[n]
            out[n] = _Token(col, 1, t.text, t.td, t.index)
        return out
    for row in below:
        subs = [t for t in row if t.text and t.col + t.span - 1 >= columns[0]]
        fit = _runs(over, [t.text for t in subs])
        if fit is not None:
            break
    else:
        return tokens
    run, heads = fit
    for i, n in enumerate(over):
        first, last = ((subs[i * run], subs[(i + 1) * run - 1]) if i < heads
                       else (subs[heads * run], subs[-1]))  # (the last over the rest)
        t = tokens[n]
        out[n] = _Token(first.col, last.col + last.span - first.col, t.text, t.td, t.index)
    return out


def _runs(over: list, names: list[str]) -> tuple[int, int] | None:
    """How a header row's ``over`` cells stand over a sub-header's ``names``: each over a
    run of the same names, repeated once per cell from the left (the longest such run),
    or all but the last so, the last over the names left ("March 31, 2020 | 2019 |
    Change" over "Actual | Adjusted" twice and "Amount | Percent"); as (run, cells
    over runs), or None."""
    for heads in (len(over), len(over) - 1):
        if heads < 1 or heads < 2 and heads < len(over):
            continue  # (one cell is over every name; else a run repeats twice at least)
        for run in range(len(names) // heads, 1, -1):
            if heads < len(over) and heads * run >= len(names):
                continue  # (the last cell must have names of its own left)
            if all(names[i * run:(i + 1) * run] == names[:run] for i in range(heads)):
                return run, heads
    return None


def _label_only(tokens: list[_Token], columns: list[int]) -> bool:
    """A row whose words all stand left of the columns of figures: a row heading."""
    words = [t for t in tokens if t.text]
    return bool(words) and all(t.col + t.span - 1 < columns[0] for t in words)


def _header_line(tokens: list[_Token], columns: list[int], x) -> str:
    """A header row as a line of text: each cell's text set against the figures of the
    columns it spans (flush right against one, centred between several), so that the
    interpretation's zones give it to those columns; a cell over no column of figures
    stands where it begins (the stub)."""
    line = [" "] * (x(max(columns) + 1) + _COLUMN_WIDTH)
    for tok in tokens:
        if not tok.text:
            continue
        under = [c for c in columns if tok.col <= c < tok.col + tok.span]
        text = tok.text
        if not under:
            at = x(tok.col) if tok.col else 0
            text = text[: _LABEL_WIDTH - 2] if not tok.col else text
        else:
            left, right = x(under[0]) + _COLUMN_WIDTH - 2, x(under[-1]) + _COLUMN_WIDTH - 2
            at = max(0, right - len(text)) if len(under) == 1 else max(
                0, (left + right - len(text)) // 2)
        if at + len(text) > len(line):
            line.extend([" "] * (at + len(text) - len(line)))
        line[at:at + len(text)] = text
    return "".join(line).rstrip()


def _title(table: etree._Element, offset: int) -> tuple[list[SourceLine], bool]:
    """The text of the few blocks above a table (its title, the scale note), nearest
    last, up to the table or text of any size before them; a long paragraph above gives
    only its closing scale note ("... is as follows (in millions):"). Also whether the
    table continues the table of figures above it, with only blank blocks, or a page
    break and its running footer, between them."""
    lines: list[SourceLine] = []
    node = table
    page_break = False
    while len(lines) < _TITLE_BLOCKS:
        prev = node.getprevious()
        while prev is None and node.getparent() is not None and node.getparent().tag in (
                "div", "center", "font", "span", "ix:continuation", "ix:nonnumeric"):
            node = node.getparent()
            prev = node.getprevious()
        if prev is None:
            break
        if not isinstance(prev.tag, str):  # a comment, a processing instruction
            node = prev
            continue
        if prev.tag == "hr" or "page-break" in (prev.get("style") or ""):
            page_break = True
            node = prev
            continue
        if prev.tag == "table" or prev.find(".//table") is not None:
            # a table of words only (a title set in a table) titles the table below it
            titled = prev if prev.tag == "table" else prev.findall(".//table")[-1]
            table_rows = [] if _holds_table(titled) else _rows(titled)
            if not table_rows or any(_figure(t.text) for _, tokens in table_rows
                                     for t in tokens if t.text):
                if page_break and lines:
                    # the page's running header over a table of figures continued from
                    # the page before: the same lines stand over that table too, or
                    # they are a page's running lines ("Table of Contents", "13")
                    above = {line.text.strip() for line in _title(titled, offset)[0]}
                    if all(line.text.strip() in above or _RUNNING.search(line.text.strip())
                           for line in lines):
                        return [], True
                return lines[::-1], not lines  # (past a page break, or blank blocks)
            for tr, tokens in reversed(table_rows):
                text = " ".join(t.text for t in tokens if t.text)
                if text:
                    lines.append(SourceLine(offset + (tr.sourceline or 1), "  " + text))
            node = prev
            continue
        text = _SPACES.sub(" ", prev.text_content().replace("\u00a0", " ")).strip()
        if page_break and not lines and (_RUNNING.search(text) or not text):
            node = prev  # the running footer of the page before
            continue
        if len(text) > 200 or footnote_start(text):
            note = _CLOSING_NOTE.search(text[-120:]) if not footnote_start(text) else None
            if note and not lines:
                lines.append(SourceLine(offset + (prev.sourceline or 1), "  " + note.group(0)))
            break  # prose, or a footnote of the table above
        if text:
            lines.append(SourceLine(offset + (prev.sourceline or 1), "  " + text))
        node = prev
    return lines[::-1], False
