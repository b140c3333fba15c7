"""The container stage: a file becomes the documents to read.

EDGAR wraps its filings many ways: a plain text file, an SGML ``<SEC-DOCUMENT>``
submission holding every document of a filing (the form, its exhibits, EX-27 financial
data schedules, graphics), the same inside a PEM ``-----BEGIN PRIVACY-ENHANCED
MESSAGE-----`` envelope or an ``<IMS-DOCUMENT>`` of 1993-1996, and newswire text whose
fixed-width tables stand inside fences of three back-quotes. Every document that holds
text is a :class:`Source` to read; EX-27 schedules are read into facts here; what holds
no text (graphics, uuencoded files, PDF, XBRL, ZIP, spreadsheets) is skipped, and every
skip is a diagnostic with the document's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assay.errors import InputError
from assay.model import Diagnostic, Fact, Location

from .ex27 import read_ex27
from .source import Source, clean_lines

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_FIELD = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(.*?)[ \t]*$",
                    re.IGNORECASE | re.MULTILINE)
_COMPANY = re.compile(r"^[ \t]*COMPANY CONFORMED NAME:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_YEAR_END = re.compile(r"^[ \t]*FISCAL YEAR END:[ \t]*(\d\d)(\d\d)[ \t]*$", re.MULTILINE)
_UUENCODED = re.compile(r"^begin [0-7]{3} \S", re.MULTILINE)
_HTML_START = re.compile(r"<(?:!doctype html|html|body)\b", re.IGNORECASE)
_HTML = re.compile(r"<(?:html|body|div|font|td|tr|br)\b", re.IGNORECASE)
# Document types and file names that hold no text to read
_BINARY_TYPES = re.compile(r"^(GRAPHIC|ZIP|PDF|EXCEL|XML|JSON|EX-101\b)", re.IGNORECASE)
_BINARY_NAMES = re.compile(r"\.(jpe?g|gif|png|pdf|zip|xlsx?|xml|xsd|json|js|css)$",
                           re.IGNORECASE)


@dataclass(slots=True)
class Container:
    """What a file holds: the documents to read, EX-27 facts, and what was skipped."""

    path: str
    sources: list[Source] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    company: str | None = None  # the submission header's company name
    year_end: tuple[int, int] | None = None  # its fiscal year end (month, day)
    schedules: list[str] = field(default_factory=list)  # the EX-27 documents' types
    skipped: list[str] = field(default_factory=list)  # the types of those not read


def file_bytes(path: str | Path) -> bytes:
    """The bytes of a file to read. Raises InputError for a missing or unreadable file."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a release file")
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(name, f"cannot be read: {e.strerror}") from None


def decode(data: bytes, path: str) -> str:
    """The text of a file's bytes (see :func:`decode_with_notes`)."""
    return decode_with_notes(data, path)[0]


def decode_with_notes(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Decode UTF-8, or Windows-1252 as EDGAR filings of the era often are.

    A UTF-8 file with a few bytes that are not UTF-8 is decoded as UTF-8 with each such
    byte replaced, and a diagnostic names its line; a file with no UTF-8 sequence at all
    but bytes above 127 is Windows-1252, which a diagnostic says. Raises InputError for
    an empty or binary file.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(path, "a binary file, not a text release")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > len(sample) // 50:
        raise InputError(path, "a binary file, not a text release")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = _bad_utf8_offsets(data, 21)  # the first few, to name their lines
    if text.replace("\ufffd", "").isascii():  # no UTF-8 sequence at all
        first = data[: bad[0]].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        notes = [Diagnostic(Location(path, first), "encoding",
                            f"not UTF-8: read as Windows-1252 (first byte above 127, "
                            f"0x{data[bad[0]]:02x}, on line {first})", "info")]
        undefined = []
        k = text.find("\ufffd")
        while k >= 0 and len(undefined) < 20:
            undefined.append(k)
            k = text.find("\ufffd", k + 1)
        notes += [Diagnostic(Location(path, text.count("\n", 0, k) + 1), "encoding",
                             "a byte with no character in Windows-1252, replaced by U+FFFD")
                  for k in undefined]
        return text, notes
    notes = [Diagnostic(Location(path, data.count(b"\n", 0, k) + 1), "encoding",
                        f"undecodable byte 0x{data[k]:02x} replaced by U+FFFD")
             for k in bad[:20]]
    if len(bad) > 20:
        notes.append(Diagnostic(Location(path, data.count(b"\n", 0, bad[20]) + 1), "encoding",
                                "more undecodable bytes replaced after this line"))
    return text, notes


def _bad_utf8_offsets(data: bytes, most: int) -> list[int]:
    """The offsets of the first ``most`` bytes that are not UTF-8 (each decode resumes
    where the last error was, so the work is linear in the file)."""
    bad: list[int] = []
    pos = 0
    while len(bad) < most:
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as e:
            bad.append(pos + e.start)
            pos += e.start + 1
    return bad


def split_documents(text: str, path: str) -> Container:
    """The documents of a submission (every one that holds text), or the whole text as one
    document when the file is not an SGML submission."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    container = Container(path)
    company = _COMPANY.search(text, 0, 20000)
    if company:
        container.company = company.group(1)
    year_end = _YEAR_END.search(text, 0, 20000)
    if year_end and 1 <= int(year_end.group(1)) <= 12 and 1 <= int(year_end.group(2)) <= 31:
        container.year_end = (int(year_end.group(1)), int(year_end.group(2)))
    # tags are found in a lowered copy by plain search (a case-blind pattern finds no
    # literal to skip ahead by); lowered letter for letter, so that its places are the
    # text's ("İ" lowers to two characters: then ASCII alone is lowered, more slowly)
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_ASCII_LOWER)
    docs = _tagged(low, "document")
    if not docs:
        if _is_html(text[:4000]):
            container.sources.append(Source(path, [], "html", html=text))
            return container
        lines, index, markup = clean_lines(text, 1)
        container.sources.append(Source(path, lines, None, index, None, markup))
        return container
    line, counted = 1, 0  # the line number at offset ``counted``, counted on as we go
    for k, (tag, body_start, body_end) in enumerate(docs):
        body = text[body_start:body_end]
        header = dict((f.group(1).upper(), f.group(2)) for f in _FIELD.finditer(body, 0, 2000))
        doc_type = (header.get("TYPE") or "?").upper()
        inner_span = _tagged(low, "text", body_start, body_end)
        if inner_span:
            _, start, end = inner_span[0]
            while start < end and text[start] in " \t":
                start += 1
            if start < end and text[start] == "\n":
                start += 1
        else:
            start, end = body_start, body_end
        inner = text[start:end]
        line += text.count("\n", counted, tag)
        where = Location(path, line)
        first_line = line + text.count("\n", tag, start)
        counted = tag
        skip = _skip_reason(doc_type, header.get("FILENAME", ""), inner)
        if skip:
            container.skipped.append(doc_type)
            container.diagnostics.append(Diagnostic(
                where, "skipped-document", f"document {k + 1} ({doc_type}): {skip}", "info"))
            continue
        if doc_type.startswith("EX-27"):
            facts, notes = read_ex27(inner, path, first_line, k)
            container.facts += facts
            container.schedules.append(doc_type)
            container.diagnostics += notes
            container.diagnostics.append(Diagnostic(
                where, "ex27", f"document {k + 1} ({doc_type}): financial data schedule, "
                f"{len(facts)} facts", "info"))
            continue
        if _is_html(inner[:4000]):
            container.sources.append(Source(path, [], doc_type, None,
                                            header.get("DESCRIPTION") or None, (),
                                            container.year_end, inner, first_line, k + 1))
            continue
        lines, index, markup = clean_lines(inner, first_line)
        container.sources.append(Source(path, lines, doc_type, index,
                                        header.get("DESCRIPTION") or None, markup,
                                        container.year_end))
    if not container.sources and not container.facts:
        raise InputError(path, "no document with text in this SGML file (found: "
                               f"{', '.join(container.skipped)})")
    return container


def _tagged(low: str, tag: str, start: int = 0, end: int | None = None,
            ) -> list[tuple[int, int, int]]:
    """The spans ``<tag>...</tag>`` of a lowercased text between ``start`` and ``end``:
    where each tag opens, where its content begins and where it ends (at the closing
    tag, or at ``end`` where none closes it)."""
    end = len(low) if end is None else end
    opening, closing = f"<{tag}>", f"</{tag}>"
    out = []
    at = low.find(opening, start, end)
    while at >= 0:
        content = at + len(opening)
        close = low.find(closing, content, end)
        out.append((at, content, end if close < 0 else close))
        if close < 0:
            break
        at = low.find(opening, close + len(closing), end)
    return out


def _skip_reason(doc_type: str, filename: str, body: str) -> str | None:
    """Why a document holds nothing to read, or None."""
    if _BINARY_TYPES.match(doc_type) or _BINARY_NAMES.search(filename):
        return f"no text to read ({filename or doc_type})"
    head = body[:4000]
    if _UUENCODED.search(head):
        return "a uuencoded file, no text to read"
    if head.lstrip().startswith("%PDF"):
        return "a PDF file, no text to read"
    return None


def _is_html(head: str) -> bool:
    """Whether a document's first characters are HTML's (not an EDGAR text document with
    its <TABLE> and <PAGE> tags)."""
    return bool(_HTML_START.search(head)) or bool(_HTML.search(head)) and head.count("<") > 20
