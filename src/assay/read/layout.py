"""Line-level layout of fixed-width filings: rules, numeric cells, label continuation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assay.model import ParsedNumber
from assay.model.numbers import FIGURE, number_of_figure

_RULE = re.compile(r"^[\s\-=_]*$")
_RUN = re.compile(r"[-=_]{3,}")
# Cells: a figure, or a lone "$" before one, as a whole token (atomic: it never gives
# back characters to the pattern around it)
_CELL = r"(?>(?:\$?" + FIGURE + r"|\$)(?!\S))"
_CELL_TOKEN = re.compile(_CELL)
_CELL_RUN = re.compile(_CELL + r"(?:\s+" + _CELL + r")*")
_LOOSE_RUN = re.compile(r"[$(.\d-]\S*(?:\s+[$(.\d-]\S*)*\Z")
_GAP = re.compile(r"\s+")
_CELL_ENDS = frozenset("0123456789)-%$")
_FOOTNOTE_START = re.compile(r"^\((\d{1,2})\)\s+\S")
_JOINERS = frozenset(
    {"and", "of", "at", "to", "by", "for", "in", "before", "after", "the", "from", "on",
     "with", "per", "or", "net", "other", "(in", "-", "&"}
)


@dataclass(frozen=True, slots=True)
class Rule:
    """A line of dashes or equals: its kind and the column spans of its segments."""

    char: str  # "-" or "="
    segments: tuple[tuple[int, int], ...]


def rule_of(text: str) -> Rule | None:
    """The rule a line draws, or None. EDGAR's escape "- ---" (a lone leading dash) is
    dropped from the segments."""
    first = text.lstrip()[:1]
    if not first or first not in "-=_" or not _RULE.match(text) or not _RUN.search(text):
        return None
    # "- ----": EDGAR escaped a line that began with a dash by prefixing "- "; the
    # rule's columns are those of the line without the prefix.
    shift = 2 if text.startswith(("- -", "- =")) else 0
    segments = [(m.start(), m.end()) for m in re.finditer(r"[-=_]+", text[shift:])]
    char = "=" if "=" in text else "-"
    return Rule(char, tuple(segments))


@dataclass(slots=True)
class Cell:
    """A numeric token as printed: ``start``/``end`` span the figure (a ``$`` before it
    is not part of the span), ``text`` is the figure itself."""

    start: int
    end: int
    text: str
    number: ParsedNumber
    dollar: bool = False


def trailing_cells(text: str) -> list[Cell]:
    """The run of numeric tokens at the end of a line, left to right: the longest run of
    whole tokens that are figures (or a lone ``$``, which marks the figure to its right)
    ending the line."""
    if not text or text[-1] not in _CELL_ENDS or text.endswith("---"):  # (or a rule)
        return []
    loose = _LOOSE_RUN.search(text)  # tokens that open like figures, to the line's end
    if loose is None:
        return []
    start = loose.start()
    if start and not text[start - 1].isspace():  # it began inside a word
        gap = _GAP.search(text, start)
        if gap is None:
            return []
        start = gap.end()
    tokens = text[start:].split()
    if not _CELL_RUN.fullmatch(text, start):  # a token in it is not a figure after all
        k = len(tokens)
        while k and _CELL_TOKEN.fullmatch(tokens[k - 1]):
            k -= 1
        tokens = tokens[k:]
        start = len(text)
        for tok in reversed(tokens):
            start = text.rfind(tok, 0, start)
    cells: list[Cell] = []
    pos = start
    dollar_next = False
    for tok in tokens:
        at = text.find(tok, pos)
        pos = at + len(tok)
        if tok == "$":
            dollar_next = True
        elif tok[0] == "$":
            cells.append(Cell(at + 1, pos, tok[1:], number_of_figure(tok[1:]), True))
            dollar_next = False
        else:
            cells.append(Cell(at, pos, tok, number_of_figure(tok), dollar_next))
            dollar_next = False
    return cells


def footnote_start(text: str) -> str | None:
    """The marker of a footnote paragraph's first line: ``(2) Net cash...`` → ``"2"``."""
    m = _FOOTNOTE_START.match(text)
    return m.group(1) if m else None


def indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


@lru_cache(maxsize=8192)
def is_caps_heading(text: str) -> bool:
    """``LUCKY FRIDAY UNIT``; a parenthetical ("(Reflects Hecla's 29.73% share)") aside."""
    letters = [c for c in re.sub(r"\([^)]*\)?", "", text) if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def continues(previous: str, prev_indent: int, line: str, indent: int) -> bool:
    """Whether ``line`` continues the wrapped label that began with ``previous``.

    Continuation lines are indented deeper than the label's first line, and either begin
    in lower case or with a parenthesis, or hang by exactly one space (the filings' own
    convention), or follow a line that cannot end a label (a joining word, an open
    parenthesis, a trailing dash), or carry on a capitalised heading. A deeper indent
    alone is not enough: "Other operating expenses" over "  General and administrative"
    is a heading and its first member.
    """
    if indent <= prev_indent or not line:
        return False
    prev = previous.rstrip()
    if prev.endswith(":"):
        return False
    first = line[0]
    if first.islower() or first in "($&":
        return True
    if prev.count("(") > prev.count(")") or indent == prev_indent + 1:
        # an open parenthesis, or the one-space hanging indent of a wrapped label
        return True
    last_word = prev.split()[-1].lower() if prev.split() else ""
    if last_word in _JOINERS or prev.endswith(("-", ",")):
        return True
    return is_caps_heading(prev) and is_caps_heading(line)
