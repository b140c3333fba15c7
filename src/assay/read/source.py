"""Turn a file into numbered text lines: decoding, SGML containers, tabs and form feeds.

EDGAR filings of 1993-2010 come as plain text, often Windows-1252, sometimes wrapped in
SGML (``<DOCUMENT>``, ``<TYPE>EX-99.1``, ``<TEXT>``, ``<TABLE>``, ``<S>``/``<C>``,
``<PAGE>``), or as a full submission holding several documents. Whatever the wrapping,
the reader works on :class:`SourceLine` objects that keep the line number of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assay.errors import InputError

from .layout import RULE_LINE, Cell, LineIndex, Rule, rule_of, trailing_cells

_TAG = re.compile(
    r"</?(TABLE|CAPTION|S|C|FN|F\d+|PAGE|PRE|TEXT|DOCUMENT|FILENAME|DESCRIPTION|"
    r"SEQUENCE|TYPE)\b[^>]*>",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"^<TYPE>\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_TEXT = re.compile(r"<TEXT>\r?\n?(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)


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


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one document to read (an EX-99 exhibit), and where it lies."""

    path: str
    lines: list[SourceLine]
    doc_type: str | None = None
    index: LineIndex | None = None  # the lines' text joined, for whole-text scans


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8, or Windows-1252 as EDGAR filings of the era often are."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(path, "a binary file, not a text release")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) // 50:
        raise InputError(path, "a binary file, not a text release")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(path, f"undecodable byte 0x{data[e.start]:02x}", line) from None


def load(path: str | Path) -> list[Source]:
    """Read a release file into one or more sources (one per EX-99 document)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a release file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(name, f"cannot be read: {e.strerror}") from None
    return split_documents(decode(data, name), name)


def split_documents(text: str, path: str) -> list[Source]:
    """The EX-99 documents of an SGML submission, or the whole text when not SGML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    docs = list(_DOCUMENT.finditer(text))
    if not docs:
        lines, index = _clean(text, 1)
        return [Source(path, lines, None, index)]
    sources = []
    types = []
    for m in docs:
        body = m.group(1)
        type_match = _TYPE.search(body)
        doc_type = type_match.group(1).upper() if type_match else None
        types.append(doc_type or "?")
        if not doc_type or not doc_type.startswith("EX-99"):
            continue
        text_match = _TEXT.search(body)
        start = text_match.start(1) if text_match else 0
        inner = text_match.group(1) if text_match else body
        first_line = text.count("\n", 0, m.start(1) + start) + 1
        lines, index = _clean(inner, first_line)
        sources.append(Source(path, lines, doc_type, index))
    if not sources:
        raise InputError(path, f"no EX-99 document in this SGML file (found: {', '.join(types)})")
    return sources


def _clean(text: str, first_line: int) -> tuple[list[SourceLine], LineIndex]:
    """Number the lines; drop SGML tag lines; expand tabs; form feeds become page breaks."""
    if "\f" in text:
        text = text.replace("\f", "")
    if "\t" in text:
        text = text.expandtabs(8)  # tab stops restart on every line
    if "<" not in text:  # no SGML: every line is kept
        texts = [raw.rstrip() for raw in text.split("\n")]
        return _numbered(range(first_line, first_line + len(texts)), texts)
    numbers: list[int] = []
    texts = []
    for offset, raw in enumerate(text.split("\n")):
        line = raw.rstrip()
        if "<" in line:
            # Tags are blanked in place so that the columns of the text keep their place;
            # a line of nothing but tags (<TABLE>, <S> <C> <C>, <PAGE>) is no line at all.
            untagged = _TAG.sub(lambda m: " " * len(m.group(0)), line)
            if untagged != line and not untagged.strip():
                continue
            line = untagged.rstrip()
        numbers.append(first_line + offset)
        texts.append(line)
    return _numbered(numbers, texts)


def _numbered(numbers: Sequence[int], texts: list[str]) -> tuple[list[SourceLine], LineIndex]:
    index = LineIndex(texts)
    # a rule is worked out for the few lines that open with a dash, equals or underscore
    lines = [SourceLine(n, t, None) for n, t in zip(numbers, texts, strict=True)]
    for k in index.lines_with(RULE_LINE):
        lines[k] = SourceLine(numbers[k], texts[k])
    return lines, index
