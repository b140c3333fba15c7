"""Line-level layout of fixed-width filings: rules, numeric cells, label continuation."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from assay.model.numbers import NOT_APPLICABLE_TOKENS, figure_parts

_CELL_ENDS = frozenset("0123456789)-%$")
# digits and separators that make no figure: "52,,818,225", "1.234.5"
_MISPRINT = re.compile(r"\d[\d,.]*\d")
_FRACTION = re.compile(r"[1-9]\d?/(?:2|4|8|16|32|64)")  # "5/8", "13/16": of a price
# a section of a rule cited ("4(a)(2)", "3(a)(9)"): a letter's mark, then a number's
_CITATION = re.compile(r"\([a-zA-Z]\)\(\d")
_MARK_ALONE = re.compile(r"\(\d{1,2}\)")  # a footnote's mark, no figure: "(1)"
_MARK_RUN = re.compile(r"(?:\((?:\d{1,2}|[a-zA-Z])\)){2,}")  # "(1)(2)(3)", "(B)(J)"
# footnote marks glued to a figure, one or more: "744,322(2)", "(1,690)(B)(J)"
_GLUED_MARK = re.compile(r"^(.*?[\d)]|--?|\u2014)(?:\((?:\d{1,2}|[a-zA-Z])\))+$")
# a line that opens an Item or a Part of a filing ("Item 4. Submission of Matters ...",
# "PART II"), in a LineIndex text (see part_opened for one line's text)
NEW_PART = re.compile(r"(?i)\n[^\S\n]*(?:part\s+(?P<part>i{1,3}|iv)\b(?!\S)"
                      r"|item\s+(?P<item>\d{1,2}[a-z]?)\.)")
# a line of nothing but a page number: "41", "- 12 -", "F-7" set well in from the margin,
# or "Page 3"
PAGE_NUMBER = re.compile(r"^ {10,}(?:-\s*)?(?:[A-Z]-)?\d{1,3}(?:\s*-)?$|^\s*[Pp]age \d{1,3}$")
_FOOTNOTE_START = re.compile(r"^\((\d{1,2})\)\s+\S")
# the months by name and abbreviation, lower case, to their numbers ("sept" too)
MONTH_NUMBERS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_JOINERS = frozenset(
    {"and", "of", "at", "to", "by", "for", "in", "before", "after", "the", "from", "on",
     "with", "per", "or", "net", "other", "(in", "-", "&", "ended", "ending"}
)


class LineIndex:
    """A document's lines joined into one text, for whole-text scans: one regex pass
    finds the few lines worth a closer look (a year, a rule, a title) where a call per
    line would cost more than the look itself.

    ``text`` opens with a newline, so that a pattern can anchor on the newline before a
    line (``\\n`` is a literal the regex engine scans for fast; ``^`` is not).
    """

    __slots__ = ("text", "_found")

    def __init__(self, texts: Iterable[str]) -> None:
        self.text = "\n" + "\n".join(texts)
        self._found: dict[re.Pattern[str], list[int]] = {}

    def lines_saying(self, *phrases: str) -> list[int]:
        """Indices (ascending) of the lines that hold any of ``phrases`` (given in lower
        case) in any case: a literal search of the lower-cased text, where a
        case-insensitive pattern would try every position."""
        low = self.text.lower()
        hits = []
        for phrase in phrases:
            pos = low.find(phrase)
            while pos >= 0:
                hits.append(pos)
                pos = low.find(phrase, pos + 1)
        found: list[int] = []
        line, counted = -1, 0
        for pos in sorted(hits):
            line += low.count("\n", counted, pos)
            counted = pos
            if not found or found[-1] != line:
                found.append(line)
        return found

    def lines_with(self, pattern: re.Pattern[str]) -> list[int]:
        """Indices (from 0, ascending) of the lines where ``pattern`` matches: where its
        match begins, on the newline before a line or within it."""
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = []
            text = self.text
            line = -1
            pos = 0
            for m in pattern.finditer(text):
                end = m.start() + 1
                line += text.count("\n", pos, end)
                pos = end
                if not found or found[-1] != line:
                    found.append(line)
        return found


# The lines that may draw a rule (rule_of decides): the first character a dash, an
# equals sign or an underscore
RULE_LINE = re.compile(r"\n[^\S\n]*+[-=_]")  # (possessive: the indent is never given back)


@dataclass(frozen=True, slots=True)
class Rule:
    """A line of dashes or equals: its kind and the column spans of its segments."""

    char: str  # "-" or "="
    segments: tuple[tuple[int, int], ...]


@lru_cache(maxsize=4096)
def rule_of(text: str) -> Rule | None:
    """The rule a line draws, or None: dashes, equals signs or underscores (a run of
    three at least) and spaces only. EDGAR's escape "- ---" (a lone leading dash) is
    dropped from the segments. (Memoised: a release draws the same rules under table
    after table, as the next release does.)"""
    first = text.lstrip()[:1]
    if not first or first not in "-=_" or text.replace("-", "").replace("=", "").replace(
            "_", "").strip():
        return None
    # "- ----": EDGAR escaped a line that began with a dash by prefixing "- "; the
    # rule's columns are those of the line without the prefix.
    body = text[2:] if text.startswith(("- -", "- =")) else text
    segments = []
    end = 0
    longest = 0
    for run in body.split():  # the runs of rule characters
        start = body.find(run, end)
        end = start + len(run)
        segments.append((start, end))
        if end - start > longest:
            longest = end - start
    if longest < 3:
        return None
    return Rule("=" if "=" in text else "-", tuple(segments))


@dataclass(slots=True)
class Cell:
    """A numeric token as printed and the number it prints: ``start``/``end`` span the
    figure (a ``$`` before it is not part of the span), ``text`` is the figure itself;
    ``decimals`` counts the digits after its point; nil (``--``) is an exact zero."""

    start: int
    end: int
    text: str
    value: Decimal
    decimals: int
    nil: bool
    percent: bool
    dollar: bool = False


def trailing_cells(text: str) -> list[Cell]:
    """The run of numeric tokens at the end of a line, left to right: tokens are taken
    from the right while each is a figure (or a lone ``$``, which marks the figure to
    its right; "N/A" or "NM" between figures is a column without one). A ``%`` or ``)``
    standing alone belongs to the figure on its left
    ("25.5 %", "(2,855 )"); a footnote mark glued to a figure ("744,322(2)") is no part of
    it; a minus sign (U+2212) is a minus. A year that opens the line, before other
    figures, is the row's label."""
    if not text or (text[-1] not in _CELL_ENDS
                    and text.rsplit(None, 1)[-1] not in NOT_APPLICABLE_TOKENS):
        return []
    cells: list[Cell] = []
    end = len(text)
    close = 0  # where a ")" standing alone ends
    percent = False  # a "%" stood alone
    tokens = text.split()
    resume = len(tokens)  # tokens from here on are read already (a fraction's whole)
    for at in range(len(tokens) - 1, -1, -1):
        if at >= resume:
            continue
        raw = tokens[at]
        if (raw == "1" and at > 1 and not close and not percent
                and tokens[at - 1].lower() == "to"
                and (figure := figure_parts(tokens[at - 2])) is not None):
            # a ratio to one: "7.13 to 1" is 7.13
            end = text.rfind(raw, 0, end) + 1
            start = text.rfind(tokens[at - 2], 0, end - 1)
            cells.append(Cell(start, end, text[start:end], *figure))
            end = start
            resume = at - 2
            continue
        if (not close and not percent and at > 0 and _FRACTION.fullmatch(raw)
                and (whole := tokens[at - 1].lstrip("$")).isdigit()):
            # a price in eighths: "41 5/8" is 41.625 (a power of two divides exactly)
            numerator, denominator = raw.split("/")
            value = int(whole) + Decimal(int(numerator)) / int(denominator)
            end = text.rfind(raw, 0, end) + len(raw)
            start = text.rfind(tokens[at - 1], 0, end - len(raw)) + (
                1 if tokens[at - 1].startswith("$") else 0)
            decimals = -value.as_tuple().exponent if value != value.to_integral() else 0
            cells.append(Cell(start, end, text[start:end], value, max(decimals, 0), False,
                              False, tokens[at - 1].startswith("$")))
            end = start - (1 if tokens[at - 1].startswith("$") else 0)
            resume = at - 1
            continue
        if raw == "$":
            if cells:
                cells[-1].dollar = True
            end = text.rfind("$", 0, end)
            continue
        if raw == ")" or raw == "%":
            if close or percent:
                break
            end = text.rfind(raw, 0, end)
            if raw == ")":
                close = end + 1
            else:
                percent = True
            continue
        if raw in NOT_APPLICABLE_TOKENS and not (close or percent):
            # "-- N/A 374 N/A --": a column whose figure does not apply; the run goes on
            end = text.rfind(raw, 0, end)
            continue
        if raw[-1] not in _CELL_ENDS:  # a word: the run has ended
            break
        if ")(" in raw and _MARK_RUN.fullmatch(raw):  # notes' marks apart, "(1)(2)": no
            end = text.rfind(raw, 0, end)  # figure (but a lone "(1)" may be minus one)
            continue
        if (at > 1 and is_year(raw) and tokens[at - 1].endswith(",")
                and tokens[at - 2].rstrip(".").lower() in MONTH_NUMBERS):
            break  # the year of a date, "commencing August 1, 1994": no figure
        tok = raw.replace("\u2212", "-") if "\u2212" in raw else raw
        dollar = tok[0] == "$"
        body = tok[1:] if dollar else tok
        if close:
            body += ")"
        figure = figure_parts(body)
        if figure is None and not close and body[-1] == ")":
            glued = _GLUED_MARK.match(body)  # "744,322(2)": the mark is a footnote's
            if glued and not _CITATION.search(body) and not _MARK_ALONE.fullmatch(
                    glued.group(1)):  # (not "4(a)(2)", a rule's section; nor "(1)(2)")
                body = glued.group(1)
                figure = figure_parts(body)
        if figure is None:
            if (at > 0 and _MISPRINT.fullmatch(body)
                    and figure_parts(tokens[at - 1].lstrip("$") or "x") is not None):
                # "52,,818,225" between figures: a misprinted figure, read as none (the
                # interpretation reports it); the run goes on
                end = text.rfind(raw, 0, end)
                close, percent = 0, False
                continue
            break
        if percent:
            figure = (*figure[:3], True)
        end = text.rfind(raw, 0, end)
        start = end + 1 if dollar else end
        if close:
            cells.append(Cell(start, close, text[start:close], *figure, dollar))
        else:
            cells.append(Cell(start, start + len(body), text[start:start + len(body)], *figure,
                              dollar))
        close, percent = 0, False
    cells.reverse()
    if len(cells) > 1 and not cells[0].dollar and not text[:cells[0].start].strip():
        first = cells[0].text  # a year that opens a line heads the row: "1992   118,479"
        if is_year(first):
            del cells[0]
    return cells


def part_opened(text: str) -> tuple[str, str] | None:
    """The Part or Item of a filing a line opens, as ("part", "ii") or ("item", "7"); None
    for any other line, and for a page's running line that carries one on ("Item 7.
    Management's Discussion (continued)")."""
    m = NEW_PART.match("\n" + text)
    if m is None or "continued" in text.lower():
        return None
    return ("part", m["part"].lower()) if m["part"] else ("item", m["item"].lower())


def is_year(text: str) -> bool:
    """Whether a figure as printed is a year: four digits, 1900 to 2099, nothing else."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def footnote_start(text: str) -> str | None:
    """The marker of a footnote paragraph's first line: ``(2) Net cash...`` → ``"2"``."""
    m = _FOOTNOTE_START.match(text)
    return m.group(1) if m else None


def indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


@lru_cache(maxsize=8192)
def is_caps_heading(text: str) -> bool:
    """``NORTH MINE UNIT``; a parenthetical ("(Reflects the company's 29.73% share)") aside."""
    letters = [c for c in re.sub(r"\([^)]*\)?", "", text) if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# a heading closed by a dash glued to its words (a rule after a space is not)
_DASHED_HEADING = re.compile(r"[^\s-](?:--+|\u2014)$")


def continues(previous: str, prev_indent: int, line: str, indent: int) -> bool:
    """Whether ``line`` continues the wrapped label that began with ``previous``.

    Continuation lines are indented deeper than the label's first line (or as deep, when
    they begin in lower case: "Repurchase of" / "common stock"), and either begin
    in lower case or with a parenthesis, or hang by exactly one space (the filings' own
    convention), or follow a line that cannot end a label (a joining word, an open
    parenthesis, a trailing dash), or carry on a capitalised heading. A deeper indent
    alone is not enough: "Other operating expenses" over "  General and administrative"
    is a heading and its first member.
    """
    if indent < prev_indent or not line:
        return False
    prev = previous.rstrip()
    if prev.endswith(":") or _DASHED_HEADING.search(prev):  # "December 31, 1992--"
        return False
    first = line[0]
    if indent == prev_indent:  # a label wrapped flush: a lower-case carry-on, or the
        # rest of a date or phrase cut after a comma or a joining word
        last_word = prev.split()[-1].lower() if prev.split() else ""
        return (first.islower() or first == "$" and not prev.endswith((".", ")"))
                or prev.endswith((",", ";")) or last_word in _JOINERS)
    if first.islower() or first in "($&":
        return True
    if prev.count("(") > prev.count(")"):  # an open parenthesis
        return True
    if is_caps_heading(prev) and not is_caps_heading(line):
        return False  # "REVENUES" over " Merchandise sales": a heading and its first row
    if indent == prev_indent + 1:  # the one-space hanging indent of a wrapped label
        return True
    last_word = prev.split()[-1].lower() if prev.split() else ""
    if last_word in _JOINERS or prev.endswith(("-", ",", ";")):
        return True
    return is_caps_heading(prev) and is_caps_heading(line)
