"""Figures cited in running text: where they stand and what they say.

The prose of a release is cut into paragraphs (runs of lines between blank lines; a
table's footnotes are paragraphs too, tied to the rows that cite them), paragraphs into
sentences, and each sentence is scanned for *mentions*: a money amount ("$24.3 million",
"negative 72 cents per ounce"), a percentage, a ratio ("5.7:1"), a quantity of ounces,
grams per tonne, ounces per ton or metres. Each mention keeps its precision (``$24.3
million`` stands for [24.25, 24.35] million), its place (line and columns) and the words
around it; :mod:`assay.audit.prose` decides what it claims and checks it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal

from assay.model import Document, Interval
from assay.model.findings import figure_interval

METALS = ("silver", "gold", "lead", "zinc")


def fold(text: str) -> str | None:
    """``text`` lower-cased when it is ASCII (for :class:`Caseless` patterns' ``fast``),
    else None (use their ``slow``)."""
    return text.lower() if text.isascii() else None


class Caseless:
    """A case-insensitive pattern, matched fast.

    ``re`` tries an ``IGNORECASE`` pattern several times slower than a plain one. On ASCII
    text the lower-cased text is searched with the plain pattern instead: the same matches
    at the same places (for ASCII, equal ignoring case is equal once lower-cased). Other
    text goes to the ``IGNORECASE`` pattern. Write the pattern in lower case. A match's
    groups are then in lower case: take original wording from the text by its span.

    ``needles``: words of which every match holds at least one (lower case); text without
    any of them is not searched at all (``in`` is far cheaper than trying the pattern).
    """

    __slots__ = ("fast", "slow", "pattern", "needles")

    def __init__(self, pattern: str, needles: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.fast = re.compile(pattern)
        self.slow = re.compile(pattern, re.IGNORECASE)
        self.needles = needles or None

    def _absent(self, low: str) -> bool:
        """True when ``low`` (lower-cased) holds none of the needles: no match."""
        needles = self.needles
        if needles is None:
            return False
        for n in needles:  # noqa: SIM110  (a plain loop: cheaper than any() here)
            if n in low:
                return False
        return True

    # (search_folded writes the needle test out: it is called hundreds of times an
    # audit, and a call costs more than the test)

    def search_folded(self, low: str) -> re.Match[str] | None:
        """Search text already lower-cased by :func:`fold`."""
        needles = self.needles
        if needles is not None:
            for n in needles:
                if n in low:
                    break
            else:
                return None
        return self.fast.search(low)

    def finditer_folded(self, low: str) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(low) else self.fast.finditer(low)

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            return self.search_folded(text.lower())
        return self.slow.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            low = text.lower()
            return None if self._absent(low) else self.fast.match(low)
        return self.slow.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if text.isascii():
            return self.finditer_folded(text.lower())
        return self.slow.finditer(text)

    def findall(self, text: str) -> list[str]:
        if text.isascii():
            low = text.lower()
            return [] if self._absent(low) else self.fast.findall(low)
        return self.slow.findall(text)


_NUM = r"\d[\d,]*(?:\.\d+)?"
_MENTION_PATTERN = rf"""(?P<neg>\bnegative\s+)?(?:
      (?P<usd>(?:us)?\$\s?(?P<usd_n>{_NUM})(?:\s+(?P<usd_mult>million|billion)\b)?)
    | (?P<cents>\b(?P<cents_n>\d+(?:\.\d+)?)[\s-]+cents\b)
    | (?P<pct>\b(?P<pct_n>\d+(?:\.\d+)?)\s?%)
    | (?P<ratio>\b(?P<ratio_n>\d+(?:\.\d+)?):1\b)
    | (?P<qty>\b(?P<qty_n>{_NUM})(?:\s+(?P<qty_mult>million)\b)?\s+
        (?P<qty_unit>ounces?|grams|meters|metres)\b)
    )"""
_MENTION = re.compile(_MENTION_PATTERN, re.VERBOSE | re.IGNORECASE)
#: the same, for lower-cased ASCII text (see :class:`Caseless`)
_MENTION_FAST = re.compile(_MENTION_PATTERN, re.VERBOSE)
_PER = Caseless(r"^[\s-]*(?:average\s+)?per[\s-]+(?P<per>ounce|pound|common share|share|ton)\b")
_OZ_TAIL = Caseless(r"^\s+(?:of\s+(?P<m1>silver|gold)\s+)?per\s+ton\b(?:\s+(?P<m2>silver|gold))?"
                    r"|^\s+of\s+(?P<m3>silver|gold)\b")
_G_TAIL = Caseless(r"^\s+(?:of\s+(?P<m1>silver|gold)\s+)?per\s+tonne\b"
                   r"(?:\s+(?P<m2>silver|gold))?")
_GRADING = Caseless(r"^\s+grading\b")
#: Where a mention can begin: "negative", "US$", "$", or a digit starting a word. Trying
#: ``_MENTION`` only there finds exactly what ``_MENTION.finditer`` finds, at a fraction of
#: the cost (the pattern is slow to try at every character).
_START = re.compile(r"negative|us\$|\$|\b\d", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"(]?[A-Z])")
#: ``_SENTENCE_END`` with the mark it looks back to, tried only where a mark stands
_SENTENCE_MARK = re.compile(r"[.!?][\"']?\s+(?=[\"(]?[A-Z])")
#: bytes.translate table: ASCII digits to "0", every other byte to " "
_DIGIT_MASK = bytes(0x30 if 0x30 <= i <= 0x39 else 0x20 for i in range(256))
_DIGIT = re.compile(r"\d")
_FOOTNOTE = re.compile(r"^\s*\((\d+)\)\s")


class Paragraph:
    """Running text joined from its lines (each stripped, joined with single spaces), with
    the map back to lines and columns, made when first asked (most paragraphs cite no
    figure and never need it)."""

    __slots__ = ("text", "footnote", "_run", "_map", "memo")

    def __init__(self, run: list[tuple[int, str]],
                 footnote: tuple[str, int] | None = None) -> None:
        self.text = " ".join([raw.strip() for _, raw in run])
        #: (marker, table index) for a table footnote
        self.footnote = footnote
        self._run = run
        self._map: tuple[list[int], list[int], list[int]] | None = None
        #: what the audit works out once per paragraph, by name
        self.memo: dict[str, object] = {}

    def __repr__(self) -> str:
        return f"Paragraph({self.text!r}, footnote={self.footnote!r})"

    def _mapped(self) -> tuple[list[int], list[int], list[int]]:
        m = self._map
        if m is None:
            starts, lines, indents = [], [], []
            pos = 0
            for n, raw in self._run:
                stripped = raw.lstrip()
                starts.append(pos)
                lines.append(n)
                indents.append(len(raw) - len(stripped))
                pos += len(stripped.rstrip()) + 1
            m = self._map = starts, lines, indents
        return m

    @property
    def starts(self) -> list[int]:
        """Offset in ``text`` where each line starts."""
        return self._mapped()[0]

    @property
    def lines(self) -> list[int]:
        """The line numbers."""
        return self._mapped()[1]

    @property
    def indents(self) -> list[int]:
        """Leading characters dropped from each line."""
        return self._mapped()[2]

    def where(self, pos: int) -> tuple[int, int]:
        """(line, column) of a character offset."""
        k = max(0, bisect_right(self.starts, pos) - 1)
        return self.lines[k], pos - self.starts[k] + self.indents[k]

    def spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(line, col_start, col_end) of each line that text ``start..end`` is printed on:
        one for most figures, two for one that wraps ("$6.1" / "million")."""
        starts, lines, indents = self._mapped()
        k = bisect_right(starts, start) - 1
        if k >= 0 and start < end and (k + 1 == len(starts) or end <= starts[k + 1] - 1):
            base = indents[k] - starts[k]  # on one line (the loop's first step alone)
            return [(lines[k], start + base, end + base)]
        out: list[tuple[int, int, int]] = []
        pos = start
        while pos < end:
            k = max(0, bisect_right(starts, pos) - 1)
            nxt = starts[k + 1] if k + 1 < len(starts) else None
            stop = end if nxt is None else min(end, nxt - 1)  # the space that joined lines
            if stop > pos:
                base = indents[k] - starts[k]
                out.append((lines[k], pos + base, stop + base))
            if nxt is None:
                break
            pos = nxt
        return out


class Mention:
    """One cited figure (a plain class: an audit makes a hundred)."""

    __slots__ = ("kind", "value", "decimals", "text", "start", "end", "metal", "used",
                 "interval", "span", "window")

    kind: str  # usd | usd/oz | usd/lb | usd/share | usd/ton | pct | ratio | oz | oz/ton | g/t | m
    value: Decimal
    decimals: int
    text: str
    start: int
    end: int
    metal: str | None
    used: bool

    def __init__(self, kind: str, value: Decimal, decimals: int, text: str, start: int,
                 end: int, metal: str | None = None, used: bool = False) -> None:
        self.kind, self.value, self.decimals, self.text = kind, value, decimals, text
        self.start, self.end, self.metal, self.used = start, end, metal, used
        #: the interval the figure stands for (every mention's is read)
        self.interval: Interval = figure_interval(value, decimals)
        #: its clause's bounds in its sentence, and the words before and after it there
        #: (``prose._clause_span`` and ``prose._window``), when first asked
        self.span: tuple[int, int] | None = None
        self.window: tuple[str, str] | None = None

    def __repr__(self) -> str:
        return (f"Mention({self.kind!r}, {self.value!r}, {self.decimals!r}, {self.text!r}, "
                f"{self.start}, {self.end}, {self.metal!r}, used={self.used})")

    @property
    def negative(self) -> bool:
        return self.value < 0


class Sentence:
    """One sentence of a paragraph, with its mentions in document order."""

    __slots__ = ("text", "start", "paragraph", "index", "mentions", "memo", "low")

    def __init__(self, text: str, start: int, paragraph: Paragraph, index: int,
                 mentions: list[Mention] | None = None, low: str | None | bool = False) -> None:
        self.text = text
        self.start = start  # offset in the paragraph
        self.paragraph = paragraph
        self.index = index  # within the paragraph
        self.mentions: list[Mention] = [] if mentions is None else mentions
        #: what the audit works out once per sentence (clause cuts, words around each
        #: mention...), by name; :meth:`add` forgets what depends on the mentions
        self.memo: dict[object, object] = {}
        #: ``fold(text)``: the text lower-cased if ASCII, else None (``low``: that, if at hand)
        self.low = fold(text) if low is False else low

    def __repr__(self) -> str:
        return f"Sentence({self.text!r}, {self.start}, index={self.index})"


def _number(text: str) -> tuple[Decimal, int]:
    t = text.replace(",", "")
    d = Decimal(t)
    return d, (len(t.split(".")[1]) if "." in t else 0)


def _scaled(n: str, mult: str | None) -> tuple[Decimal, int]:
    value, dec = _number(n)
    if mult:
        power = 9 if mult.lower() == "billion" else 6
        return value.scaleb(power), dec - power
    return value, dec


def matches(text: str, low: str | None = None,
            starts: list[int] | None = None) -> Iterator[re.Match[str]]:
    """What ``_MENTION.finditer(text)`` yields (at the same places), trying the pattern
    only where a mention can begin (after a match, the search goes on from its end, as
    finditer's does). With ``low``, ``fold(text)``, the matches are of ``low``; with
    ``starts``, ``_starts(text)``."""
    pos = 0
    if low is None:
        low = fold(text)
    pattern, subject = (_MENTION, text) if low is None else (_MENTION_FAST, low)
    for start in (_starts(text, low) if starts is None else starts):
        if start < pos:
            continue
        if low is not None and low[start] in _DIGIT_CHARS and not _may_cite(low, start):
            continue
        m = pattern.match(subject, start)
        if m is not None:
            pos = m.end()
            yield m


_DIGIT_CHARS = frozenset("0123456789")


def _may_cite(low: str, start: int) -> bool:
    """False when no mention can begin at the digit ``low[start]`` (lower-cased ASCII),
    found without trying ``_MENTION`` (a failed try costs several microseconds: each
    branch backtracks over the digits; most digits in prose are years and dates).

    A mention beginning at a digit is a percentage, a ratio, cents or a quantity: its
    number (digits, commas, points) is followed by "%", ":", or by spaces or hyphens and
    then "%", "cents", "million", "ounces", "grams", "meters" or "metres". A character
    after a shorter part of the run of digits, commas and points is one of those, so the
    number must take the whole run; what follows the run must begin that way."""
    rest = low[start:start + 40].lstrip("0123456789,.")
    c = rest[:1]
    if c == "%" or c == ":" or not rest:  # (a run of 40 characters: let the pattern say)
        return True
    if not (c.isspace() or c == "-"):
        return False
    k, n = 1, len(rest)
    while k < n and (rest[k].isspace() or rest[k] == "-"):
        k += 1
    return k == n or rest[k] in "%cmog"


def _starts(text: str, low: str | None = None) -> list[int]:
    """Places where a mention may begin, in order (a few more than ``_START`` finds: a
    run of digits inside a word, where the pattern then fails). ``low``: ``fold(text)``
    if at hand. Empty when ``text`` has no digit (every mention has one)."""
    if not text.isascii():
        return [c.start() for c in _START.finditer(text)] if _DIGIT.search(text) else []
    out = digit_runs(text)
    if not out:
        return out
    extra = False
    k = text.find("$")
    while k >= 0:
        out.append(k)
        if k >= 2 and text[k - 2:k].lower() == "us":
            out.append(k - 2)
        extra = True
        k = text.find("$", k + 1)
    if low is None:
        low = text.lower()
    k = low.find("negative")
    while k >= 0:
        out.append(k)
        extra = True
        k = low.find("negative", k + 1)
    if extra:
        out.sort()
    return out


def digit_runs(text: str) -> list[int]:
    """Where each run of digits starts in ASCII ``text``: what ``_DIGITS.finditer`` finds
    (``re`` tries a character class at every character; finding " 0" in a mask of the
    text, digits made "0" and the rest " ", is several times cheaper)."""
    mask = text.encode("ascii").translate(_DIGIT_MASK)
    out = [0] if mask[:1] == b"0" else []
    k = mask.find(b" 0")
    while k >= 0:
        out.append(k + 1)
        k = mask.find(b" 0", k + 2)
    return out


def split_sentences(text: str) -> list[str]:
    """``_SENTENCE_END.split(text)``. On ASCII text the pattern is tried only at each ".",
    "!" or "?" (with the mark in the match): the same cuts, as a cut's look-behind needs
    a mark and none stands inside a cut."""
    if not text.isascii():
        return _SENTENCE_END.split(text)
    marks = []
    for ch in ".!?":
        k = text.find(ch)
        while k >= 0:
            marks.append(k)
            k = text.find(ch, k + 1)
    if not marks:
        return [text]
    marks.sort()
    out = []
    pos = 0
    match = _SENTENCE_MARK.match
    for k in marks:
        c = text[k + 1:k + 2]  # a cut needs a quote or a space after the mark
        if not (c.isspace() or c == '"' or c == "'"):
            continue
        m = match(text, k)
        if m is not None:
            out.append(text[pos:k + 1])
            pos = m.end()
    out.append(text[pos:])
    return out


#: the kind of a money amount "per" each word
_PER_KIND = {"ounce": "usd/oz", "pound": "usd/lb", "ton": "usd/ton"}


def mentions(text: str, offset: int = 0, low: str | None | bool = False) -> list[Mention]:
    """Every cited figure in ``text`` (``low``: ``fold(text)``, if at hand)."""
    out: list[Mention] = []
    if low is False:
        low = fold(text)
    starts = _starts(text, low)
    if not starts:
        return out
    subject = text if low is None else low
    # the words after a figure are read from ``subject``: when that is the folded text they
    # are lower-cased ASCII already, and the tails' plain patterns are what ``Caseless``
    # would try after lower-casing them again (the tail patterns have no needles)
    folded = low is not None
    for m in matches(text, low, starts):
        neg = bool(m["neg"])
        end = m.end()
        tail = subject[end:end + 60]
        metal = None
        if m["usd"] or m["cents"]:
            if m["usd"]:
                value, dec = _scaled(m["usd_n"], m["usd_mult"])
            else:
                value, dec = _number(m["cents_n"])
                value, dec = value / 100, dec + 2
            kind = "usd"
            per = _PER.fast.match(tail) if folded else _PER.match(tail)
            if per:
                kind = _PER_KIND.get(per["per"].lower(), "usd/share")
                end += per.end()
        elif m["pct"]:
            value, dec = _number(m["pct_n"])
            kind = "pct"
        elif m["ratio"]:
            value, dec = _number(m["ratio_n"])
            kind = "ratio"
        else:
            value, dec = _scaled(m["qty_n"], m["qty_mult"])
            unit = m["qty_unit"].lower()
            if unit.startswith("ounce"):
                t = _OZ_TAIL.fast.match(tail) if folded else _OZ_TAIL.match(tail)
                kind = "oz"
                if t:
                    metal = (t["m1"] or t["m2"] or t["m3"] or "").lower() or None
                    kind = "oz/ton" if "per" in t.group(0).lower() else "oz"
                    end += t.end()
            elif unit == "grams":
                t = _G_TAIL.fast.match(tail) if folded else _G_TAIL.match(tail)
                if not t:
                    continue
                kind = "g/t"
                metal = (t["m1"] or t["m2"] or "").lower() or None
                end += t.end()
            else:
                if not (_GRADING.fast.match(tail) if folded else _GRADING.match(tail)):
                    continue
                kind = "m"
        if neg:
            value = -value
        out.append(Mention(kind, value, dec, text[m.start():end], offset + m.start(),
                           offset + end, metal))
    return out


def paragraphs(doc: Document) -> list[Paragraph]:
    """The running text and the tables' footnotes, as paragraphs."""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    last = -2
    for line in doc.prose:
        if line[0] != last + 1 or not runs:
            runs.append(run := [])
        run.append(line)
        last = line[0]
    out = [Paragraph(run) for run in runs]
    out.extend(_footnotes(doc))
    return out


def _footnotes(doc: Document) -> list[Paragraph]:
    """Footnote paragraphs inside each table's span, outside its rows: a line outside the
    rows that starts with a marker ("(1) ...") and the lines after it, up to a blank line,
    a row's line, the next marker's line or the end of the span."""
    out = []
    lines = doc.lines
    n_lines = len(lines)
    match = _FOOTNOTE.match
    for t in doc.tables:
        last = t.last_line
        first = t.first_line
        # the marker lines first (few; a line without "(" cannot be one), then those of them
        # outside the rows (the rows' lines are gathered only for a table that has some)
        heads = [(n, m) for n, line in enumerate(lines[first - 1:min(last, n_lines)], first)
                 if "(" in line and (m := match(line))]
        if not heads:
            continue
        in_rows = {n for r in t.rows for n in r.lines}
        heads = [(n, m) for n, m in heads if n not in in_rows]
        for n, m in heads:
            run = [(n, lines[n - 1])]
            k = n + 1
            while k <= last and k not in in_rows:
                text = lines[k - 1] if k - 1 < n_lines else ""
                if not text.strip() or ("(" in text and match(text)):
                    break
                run.append((k, text))
                k += 1
            out.append(Paragraph(run, (m.group(1), t.index)))
    return out


def sentences(par: Paragraph, skip: Caseless | None = None) -> list[Sentence]:
    """The sentences of ``par``, each with its mentions.

    The paragraph is scanned for mentions once, and each goes to the sentence it stands
    in: the same mentions as scanning each sentence on its own (``mentions(piece, start)``),
    because no mention, nor the words after it that it takes in ("per ounce"), can run past
    the end of a sentence: a sentence that another follows ends in ".", "!" or "?", which
    no figure and none of those words hold, and the words are read on at most 60
    characters from the same place in either text.

    With ``skip``, a pattern without anchors or word boundaries: no sentences (``[]``)
    when the paragraph holds no mention and ``skip`` matches nowhere in it (no sentence
    of it then holds a mention or a match)."""
    text = par.text
    low = fold(text)
    found = mentions(text, 0, low)
    if skip is not None and not found and not (
            skip.slow.search(text) if low is None else skip.search_folded(low)):
        return []
    out = []
    pos = 0
    i, n = 0, len(found)
    for k, piece in enumerate(split_sentences(text)):
        start = text.find(piece, pos)
        pos = start + len(piece)
        j = i
        while j < n and found[j].start < pos:
            j += 1
        # an ASCII paragraph's sentences are ASCII: their folded text is a slice of its
        out.append(Sentence(piece, start, par, k, found[i:j],
                            False if low is None else low[start:pos]))
        i = j
    return out
