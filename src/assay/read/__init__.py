"""Read a plain-text filing into facts with provenance.

``read_release(path)`` reads a file (plain text, Windows-1252 or UTF-8, newswire text, or
an SGML submission, every document of which that holds text is read; EX-27 schedules
become facts) and raises :class:`assay.errors.InputError` only when the file cannot be
used at all or no document of it holds a table. ``read_text(text)`` never raises: what it
cannot place it reports as diagnostics.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from assay.errors import InputError
from assay.model import Diagnostic, Document, Location, Period, Table

from .acquisition_date import date_by_acquisitions
from .container import Container, decode_with_notes, file_bytes, split_documents
from .contents import is_contents
from .fiscal_year import (
    snap_to_dated_ends,
    year_end_implied,
    year_end_in_text,
    year_end_said,
    year_ends,
    years_only,
)
from .grid import Grid
from .interpret import Context, read_table
from .labels import parse_scale_note
from .layout import NEW_PART, Cell, LineIndex, is_year, part_opened
from .lead_in_date import date_by_lead_ins, date_years_by_lead_ins
from .long_periods import lengthen, long_periods_said
from .prose import Block, prose_facts
from .prose_scale import scale_by_prose
from .share_scale import unscale_shares_printed_whole
from .shared_scale import scale_by_shared_figures
from .source import Source, SourceLine
from .text_layout import is_figure_row, text_grids

__all__ = ["read_bytes", "read_release", "read_source", "read_text"]

# (a note may hold one level of parentheses: "metric tons in thousands (kmt))")
_NOTE_ALONE = re.compile(r"(?i)^\((?:[$\w ,]*\s)?in (?:thousands|millions|billions)\b"
                         r"(?:[^()]|\([^()]*\))*\)$")
_NOTE_CLOSING = re.compile(r"(?i)\((?:[$\w ]+ )?in (?:thousands|millions|billions)\b"
                           r"(?:[^()]|\([^()]*\))*\)[:.]?\s*$")
_FOR_ALL_TABLES = ("in all tables", "tabular information", "tabular amounts")
_COMPANY_IN_PROSE = re.compile(
    r"\b([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,4} (?:Company|Corporation|Corp\.|Inc\.|Ltd\.|"
    r"Limited|Mines))"
)
# A title line of the company's name, in a LineIndex text (each line after a newline)
_COMPANY_TITLE = re.compile(r"\n[^\S\n]{2,}+([A-Z][A-Z.&' -]+ (?:COMPANY|CORPORATION|CORP\.?|"
                            r"INC\.?|LTD\.?|LIMITED|MINES))[^\S\n]*(?=\n|\Z)")


def read_release(path: str | Path, require_tables: bool = True) -> Document:
    """Read a release file. Raises InputError for a file that cannot be read, or (unless
    ``require_tables`` is false: its prose is wanted) holds no readable table."""
    return read_bytes(file_bytes(path), str(path), require_tables)


def read_bytes(data: bytes, name: str, require_tables: bool = True) -> Document:
    """Read a file's bytes (a member of an archive, say) as :func:`read_release` reads a
    file: InputError for bytes that cannot be used or (unless ``require_tables`` is
    false) hold no table."""
    text, notes = decode_with_notes(data, name)
    container = split_documents(text, name)
    container.diagnostics[:0] = notes
    doc = _read_container(container)
    if require_tables and not doc.tables:
        raise InputError(name, "no tables found: no document of the file holds a table of figures")
    return doc


def read_text(text: str, path: str = "<text>") -> Document:
    """Read release text (plain or SGML) already in memory; never raises."""
    try:
        container = split_documents(text, path)
    except InputError as e:
        doc = Document(path, "", text.split("\n"))
        doc.diagnostics.append(Diagnostic(Location(path, 1), "no-document", e.problem,
                                          "error"))
        return doc
    return _read_container(container)


def _read_container(container: Container) -> Document:
    """Read every document of a container into one Document (facts of the EX-27
    schedules included); the container's diagnostics come first."""
    parts = [s.doc_type or "text" for s in container.sources]
    doc = _merge(_read_all(container.sources, container.company), container.path)
    doc.parts = parts + container.schedules
    doc.facts.extend(container.facts)
    doc.diagnostics[:0] = container.diagnostics
    if not doc.tables:
        doc.diagnostics.append(Diagnostic(Location(container.path, 1), "no-tables",
                                          "no tables found", "error"))
    return doc


def _read_all(sources: list[Source], company: str | None = None) -> list[Document]:
    """Read each document, numbering tables (and so fact ids) across all of them.

    The list is emptied as its documents are read: a source's lines and cells are freed
    as soon as it is read.
    """
    docs: list[Document] = []
    first_table = 0
    all_lines: list[str] = []  # the file's lines, shared by its documents
    sources.reverse()
    while sources:
        docs.append(read_source(sources.pop(), first_table, company, all_lines))
        first_table += len(docs[-1].tables)
    return docs


def read_source(source: Source, first_table: int = 0, company: str | None = None,
                all_lines: list[str] | None = None) -> Document:
    """Read one document; its tables are numbered from ``first_table``. ``company`` is
    the filer's name (from a submission's header) for a document that names none.
    ``all_lines``, the text of the file's lines by number, shared by the documents of
    one file, takes this document's lines."""
    if all_lines is None:
        all_lines = []
    if source.html is not None:  # HTML: its paragraphs stand for its lines
        # (a cell's selector names its document in an SGML submission)
        scope = f"document[{source.number}]/" if source.number is not None else ""
        from .html_layout import html_layout  # (lxml, for HTML documents only)

        grids, paragraphs, tags, skipped = html_layout(source.html, source.path,
                                                       source.first_line, scope)
        lines = [SourceLine(n, text) for n, text, _, _ in paragraphs]
        places = [at for _, _, at, _ in paragraphs]  # the document order grids are placed in
        blocks = [Block(text, n, selector) for n, text, _, selector in paragraphs]
        if paragraphs:
            last = max(n for n, _, _, _ in paragraphs)
            all_lines.extend([""] * (last - len(all_lines)))
            for n, text, _, _ in paragraphs:  # (paragraphs on one line, joined)
                all_lines[n - 1] = f"{all_lines[n - 1]} {text}" if all_lines[n - 1] else text
        index = LineIndex(ln.text for ln in lines)
    else:
        skipped = []
        lines = source.lines
        places = list(range(len(lines)))  # grids are placed by their lines' indices
        index = source.index or LineIndex(ln.text for ln in lines)
        # a region with no figure is no table of facts (a signature block under a date);
        # nor one whose figures are all years or postal codes, one to a line (an exhibit
        # index whose descriptions end lines with "1989", addresses ending "New York, New
        # York  10004"), which is reported
        grids = []
        for g in text_grids(lines, index, source.markup):
            figures = [c for row in g.rows for c in row.figures]
            if figures and all(_bare_code(c) for c in figures) and all(
                    len(row.figures) < 2 for row in g.rows):
                skipped.append((g.first_line, None,
                                f"lines {g.first_line}-{g.last_line}: its only figures are "
                                f"years or postal codes ({figures[0].text}...): read as no "
                                f"table of facts"))
            elif figures:
                grids.append(g)
    # a table of contents: its figures are page numbers, no facts
    for g in [g for g in grids if is_contents(g)]:
        grids.remove(g)
        skipped.append((g.first_line, _table_selector(g),
                        f"lines {g.first_line}-{g.last_line}: a table of contents (its "
                        f"figures are page numbers): read as no table of facts"))
    company = _company(lines, index, company)
    # notes that scale every table after them: "(000's omitted in all tables)"
    found = set(index.lines_saying(*_FOR_ALL_TABLES))
    if source.html is not None:  # a paragraph that is a scale note alone, or closes on
        # one ("... are as follows (in millions):"), heads a section
        found |= {i for i, ln in enumerate(lines)
                  if _NOTE_ALONE.match(ln.text) or _NOTE_CLOSING.search(ln.text)}
    # an Item or a Part of the filing ends the section a note for all tables heads
    # ("Item 4. Submission of Matters to a Vote": its tallies are no dollars in millions),
    # where its line is a heading: in text, a blank line above it (not a cross-reference
    # that a line of prose happens to open, "Item 8. Financial Statements, of this report")
    if found:
        found |= {i for i in index.lines_with(NEW_PART)
                  if source.html is not None or i == 0 or not lines[i - 1].text}
    notes = [(places[i], lines[i]) for i in sorted(found)]
    said = source.year_end or year_end_said(grids)
    found_lead_ins: list[list[tuple[str, list[tuple[int, str]]]]] = []

    def lead_ins() -> list[tuple[str, list[tuple[int, str]]]]:
        """Each grid's lead-in, worked out once for the document, when first asked."""
        if not found_lead_ins:
            found_lead_ins.append(_lead_ins(grids, lines, places, source.html is not None))
        return found_lead_ins[0]

    ctx, tables, spans_of = _read_tables(source.path, company, grids, notes, first_table, said,
                                         lead_ins)
    # no year end said: bare years and quarters end where the half-years say, else where
    # the prose says the filer's fiscal year ends; the tables are read again so
    found_end = None
    if not said and (implied := year_end_implied(tables)) is not None:
        found_end = implied, (f"no fiscal year end said: its half-years and nine months "
                              f"end where a year ending {calendar.month_name[implied[0]]} "
                              f"{implied[1]} puts them")
    elif not said and grids and (in_text := year_end_in_text(lines, index)) not in (
            None, (12, 31)):
        found_end = in_text, (f"no fiscal year end said in the tables: the text's, "
                              f"{calendar.month_name[in_text[0]]} {in_text[1]}, dates the "
                              f"quarters and years they name alone")
    if found_end is not None:
        ctx, tables, spans_of = _read_tables(source.path, company, grids, notes, first_table,
                                             found_end[0], lead_ins)
        ctx.warn(grids[0].first_line, "fiscal-year", found_end[1])
    # prose: the non-blank lines outside every table (an HTML document's paragraphs)
    prose = []
    start = 0
    spans = [] if source.html is not None else sorted(g.lines for g in grids)
    for end, after in [*spans, (len(lines), len(lines))]:
        prose += [(ln.number, ln.text) for ln in lines[start:end] if ln.text]  # not blank
        if source.html is None:
            for ln in lines[start:end]:
                if is_figure_row(ln):  # (read as prose: its sentences' figures, if any)
                    ctx.warn(ln.number, "row-outside-table",
                             f"a row of {len(ln.cells)} figures stands in no table: not "
                             f"read as a table's facts", ln.cells[0].start)
        start = max(start, after)
    made: list[list[Block]] = []  # a text document's paragraphs, joined when first asked

    def prose_blocks() -> list[Block]:
        if source.html is not None:
            return blocks
        if not made:
            made.append(_text_blocks(prose))
        return made[0]

    # (tables no note scales: the text's amounts in millions may say their scale)
    scale_by_prose(ctx, tables, spans_of, lambda: [(b.line, b.text) for b in prose_blocks()])
    if any("week" in text for _, text in prose):  # a quarter or year a week longer
        said = long_periods_said(prose_blocks())
        for period, line in lengthen(ctx.facts, said) if said else ():
            ctx.warn(line, "period-weeks",
                     f"the period ended {period.end.isoformat()} is taken as "
                     f"{(period.end - period.start).days // 7 + 1} weeks, as the text says: "
                     f"from {period.start.isoformat()}")
    # Document.lines is indexed by the file's line numbers (SGML tag lines left blank)
    if source.html is None:  # (an HTML document's paragraphs are in it already)
        if lines and lines[-1].number == len(lines) and not all_lines:  # numbered 1, 2...
            all_lines.extend(ln.text for ln in lines)
        elif lines:
            if len(all_lines) < lines[-1].number:
                all_lines.extend([""] * (lines[-1].number - len(all_lines)))
            for ln in lines:
                all_lines[ln.number - 1] = ln.text
    doc = Document(source.path, company, all_lines, tables, ctx.facts, ctx.diagnostics, prose)
    if source.html is not None and tags:
        doc.tags = tags
        _link_tags(doc)
    for t, span in zip(tables, spans_of, strict=True):
        doc.diagnostics.append(Diagnostic(
            Location(source.path, t.first_line), "table-read",
            f"table '{t.title}' (lines {t.first_line}-{t.last_line}): {t.lines_used} of "
            f"{t.lines_total} lines read, {len(span)} facts", "info"))
    for line, selector, why in skipped:
        doc.diagnostics.append(Diagnostic(Location(source.path, line, selector=selector),
                                          "table-not-read", why, "info"))
    doc.period = _main_period(doc)
    year_end, ends, main = ctx.year_end, year_ends(tables), doc.period
    doc.blocks_reader = prose_blocks
    doc.prose_reader = lambda: prose_facts(doc.prose_blocks(), source.path, company,
                                           year_end, ends, main, f"d{first_table}p")
    return doc


def _read_tables(path: str, company: str, grids: list[Grid], notes: list[tuple[int, SourceLine]],
                 first_table: int, year_end: tuple[int, int] | None,
                 lead_ins: Callable[[], list[tuple[str, list[tuple[int, str]]]]],
                 ) -> tuple[Context, list[Table], list[range]]:
    """The tables of a document's grids, read in order (notes for all tables taken up as
    they come), with each table's facts (a span of the context's); ``lead_ins`` gives
    each grid's title line nearest it and the prose since the grid before it, when
    asked."""
    ctx = Context(path, company)
    if year_end is not None:
        ctx.year_end = year_end
    ctx.annual = years_only(grids)
    tables: list[Table] = []
    spans: list[range] = []  # each table's facts, as places in ctx.facts
    notes = list(notes)
    opened: dict[str, str] = {}  # the Part and the Item the tables stand in, where said
    for k, grid in enumerate(grids):
        while notes and notes[0][0] < grid.lines[0]:
            i, line = notes.pop(0)
            note = parse_scale_note(line.text)
            part = part_opened(line.text) if note is None else None
            if part is not None:
                kind, name = part
                if kind == "part" and "part" not in opened and "item" in opened:
                    opened["part"] = name  # (a page's running "PART II" over the Item)
                elif opened.get(kind) != name:  # (not the same Part or Item again)
                    opened[kind] = name
                    if kind == "part":
                        opened.pop("item", None)
                    ctx.scale_for_all = None
                continue
            if note is None and NEW_PART.match("\n" + line.text):
                continue  # (a running line that carries an Item on)
            # (a note that scales no dollars, "(shares in millions):", is the next table's
            # own, which it joins to the section's: it heads no section)
            if note is None or note.scale_of("dollars") != 0:
                ctx.scale_for_all = (line.number, line.text.strip())
        before = len(ctx.facts)
        tables.append(read_table(ctx, grid, first_table + k))
        spans.append(range(before, len(ctx.facts)))
    scale_by_shared_figures(ctx, tables, spans)
    unscale_shares_printed_whole(ctx, tables, spans)
    snap_to_dated_ends(ctx.facts, tables, ctx.year_end)
    date_by_acquisitions(ctx, tables, spans, lead_ins)
    date_by_lead_ins(ctx, tables, spans, lead_ins)
    date_years_by_lead_ins(ctx, tables, spans, lead_ins)
    return ctx, tables, spans


def _lead_ins(grids: list[Grid], lines: list[SourceLine], places: list[int],
              html: bool = False) -> list[tuple[str, list[tuple[int, str]]]]:
    """Each grid's title line nearest it, and the paragraphs (first line number, text)
    that stand between the grid before it and it, its title's included: in text, runs
    of lines one after another are one paragraph; in HTML (``html``), each line is a
    block of the document."""
    order = sorted(range(len(lines)), key=places.__getitem__)
    out = []
    at, previous_end = 0, -1
    for g in grids:
        start, end = g.lines
        run: list[SourceLine] = []
        while at < len(order) and places[order[at]] < start:
            if places[order[at]] >= previous_end:
                run.append(lines[order[at]])
            at += 1
        near = [ln.text.strip() for ln in g.title if ln.text.strip()]
        if html:  # (a block is a paragraph, its title's among them)
            paragraphs = [(ln.number, ln.text) for ln in run if ln.text]
        else:
            paragraphs = [(b.line, b.text) for b in _text_blocks(
                [(ln.number, ln.text) for ln in [*run, *g.title] if ln.text])]
        out.append((near[-1] if near else "", paragraphs))
        previous_end = max(previous_end, end)
    return out


def _table_selector(grid: Grid) -> str | None:
    """The selector of an HTML grid's table (``table[3]``, its cells' selectors cut at
    the row); None for a text grid."""
    for row in grid.rows:
        for place in (row.label_place, *(row.places or ())):
            if place is not None and place.selector:
                return place.selector.split("/tr[")[0]
    return None


def _bare_code(cell: Cell) -> bool:
    """A figure printed as a year or a postal code: four digits, 1900 to 2099, or five,
    with no separator, sign or mark."""
    text = cell.text
    return ((is_year(text) or len(text) == 5 and text.isdigit())
            and not cell.dollar and not cell.percent)


def _text_blocks(prose: list[tuple[int, str]]) -> list[Block]:
    """The paragraphs of a text document's prose: runs of lines one after another, each
    line's words joined to the next by a space."""
    blocks = []
    run: list[tuple[int, str]] = []
    for number, text in [*prose, (-2, "")]:
        if run and number != run[-1][0] + 1:
            parts, places, offset = [], [], 0
            for n, line in run:
                stripped = line.strip()
                places.append((offset, n, len(line) - len(line.lstrip())))
                parts.append(stripped)
                offset += len(stripped) + 1
            blocks.append(Block(" ".join(parts), run[0][0], None, tuple(places)))
            run = []
        run.append((number, text))
    return blocks


def _link_tags(doc: Document) -> None:
    """Note on each fact read from a table cell the inline-XBRL tag standing in the same
    cell (concept and context), for the user to compare: layout reading never used it."""
    by_cell = {t.selector: t for t in doc.tags if t.selector is not None}
    for k, fact in enumerate(doc.facts):
        tag = by_cell.get(fact.source.selector if fact.source else None)
        if tag is not None:
            doc.facts[k] = replace(fact, extra=(*fact.extra, ("xbrl", tag.name),
                                                ("xbrl_context", tag.context)))


def _merge(docs: list[Document], path: str) -> Document:
    if not docs:
        return Document(path, "Unknown company", [])
    if len(docs) == 1:
        return docs[0]
    first = docs[0]
    merged = Document(path, first.company, first.lines)  # (the documents share one list)
    for d in docs:
        merged.tags.extend(d.tags)
        merged.tables.extend(d.tables)
        merged.facts.extend(d.facts)
        merged.diagnostics.extend(d.diagnostics)
        merged.prose.extend(d.prose)
    merged.period = _main_period(merged)
    merged.prose_reader = lambda: [f for d in docs for f in d.prose_facts]
    merged.blocks_reader = lambda: [b for d in docs for b in d.prose_blocks()]
    return merged


def _company(lines: list[SourceLine], index: LineIndex, known: str | None) -> str:
    titles = Counter(m.group(1).strip() for m in _COMPANY_TITLE.finditer(index.text))
    if titles:
        return titles.most_common(1)[0][0].title().replace("'S", "'s")
    text = " ".join(ln.text for ln in lines[:80])
    m = _COMPANY_IN_PROSE.search(text)
    return m.group(1) if m else known or "Unknown company"


def _main_period(doc: Document) -> Period | None:
    """The period the release reports: the shortest, latest duration of its columns."""
    durations = {c.period for t in doc.tables for c in t.columns
                 if c.period is not None and not c.period.is_instant}
    if not durations:
        return None
    return max(durations, key=lambda p: (p.end, -(p.months or 0)))
