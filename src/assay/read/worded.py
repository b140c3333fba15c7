"""Figures written among words: in a row's label ("Common stock, $0.01 par value; 11,000
shares authorized; 2,771 and 2,755 shares outstanding", "3.50% Notes Due 2050") and in
running text ("deferred revenue of $13.6 billion").

Only figures that say what they count are taken: an amount of dollars ("$574", "$1.35
billion"; "$ 574", set apart as in a column of figures, is a figure run into the
label), a percentage ("66%", "4.6 percent") or a number of shares ("11,000 shares").
A bare number (a year, a note's number, a day of a date) says nothing and is left. A
figure joined to the next by "and", "or" or a comma takes its kind: "2,771 and 2,755
shares" are both shares, "$574 and $485" both dollars. A threshold ("Under $100,000",
"$250 and over") is no amount of anything and is left too.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from assay.model import units as u

_MULTIPLIERS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_FIGURE = re.compile(
    r"(?<![\w.,$/-])(?P<dollar>(?:US)?\$)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![\d,]*\d)(?:\s?(?P<pct>%)|\s+(?P<percent>percent)\b)?"
    r"(?:\s+(?P<mult>thousand|million|billion|trillion)s?\b)?"
    r"(?:\s+(?P<shares>(?:common\s+|ordinary\s+)?shares)\b)?",
    re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|(?P<range>to|-|–))\s*", re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(r"\s*(?:per\s+(?:common\s+|ordinary\s+)?share\b|par\s+value\b"
                              r"|stated\s+value\b)",
                              re.IGNORECASE)
_THRESHOLD_BEFORE = re.compile(r"(?:under|over|less than|more than|greater than|in excess "
                               r"of|exceeding|up to|at least|below|above)\s*$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"\s*(?:and|or)\s+(?:over|above|more|greater|less|under|below)\b",
                              re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_REFERENCE = re.compile(r"(?:section|article|note|item|rule|schedule|exhibit)\s*$", re.IGNORECASE)
# two figures with nothing but signs between them: a row's own figures, run into its
# label by a layout that could not part them ("Net income $ (4,605) N/A $ 2,020")
_RUN_OF_FIGURES = re.compile(r"\d\)?\s*%?\s+(?:N/?A\s+|--+\s+)*\$?\s*\(?-?\d", re.IGNORECASE)
_PER_SHARE_BEFORE = re.compile(r"(?:par|stated)\s+value(?:\s+of)?\s*$", re.IGNORECASE)


class Worded(NamedTuple):
    """A figure among words: its span in the text, the printed figure, its value in
    whole units when its own words give the scale (``scale`` then the power of ten they
    say), the digits after its decimal point, its kind (``dollars``, ``per_share``,
    ``percent`` or ``shares``) and which clause of the text (parted by ";") it stands in."""

    start: int
    end: int
    text: str
    number: Decimal  # as printed, before any scale
    decimals: int
    kind: str
    said_scale: int | None  # "million" → 6; None when the words give no scale
    clause: int
    ranged: bool = False  # one end of a range ("$4,125 - $4,145", "5 to 7 percent")

    @property
    def unit(self) -> str:
        return _UNITS[self.kind]


_UNITS = {"dollars": u.USD, "per_share": u.USD_PER_SHARE, "percent": u.PERCENT,
          "shares": u.SHARES}


def figures_in_words(text: str) -> list[Worded]:
    """The figures of ``text`` that say what they count, in order."""
    if not any(c.isdigit() for c in text) or _RUN_OF_FIGURES.search(text):
        return []
    found = []
    for m in _FIGURE.finditer(text):
        num = m["num"]
        if (_THRESHOLD_BEFORE.search(text, 0, m.start()) or _THRESHOLD_AFTER.match(text, m.end())
                or _REFERENCE.search(text, 0, m.start())):
            continue  # "Under $100,000", "Section 1.25"
        kind = ("percent" if m["pct"] or m["percent"] else "dollars" if m["dollar"]
                else "shares" if m["shares"] else None)
        if kind is None and _YEAR.fullmatch(num):
            continue  # a year: "in 2004 and $775,000 in 2003"
        if kind == "dollars" and (_PER_SHARE_AFTER.match(text, m.end())
                                  or _PER_SHARE_BEFORE.search(text, 0, m.start())):
            kind = "per_share"
        digits = num.replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        mult = m["mult"]
        found.append([m.start(), m.end(), m.group(0).strip(), Decimal(digits), decimals,
                      kind, _MULTIPLIERS[mult.lower()] if mult else None])
    # a bare figure joined to the next one takes its kind and scale: "2,771 and 2,755
    # shares", "between 5 and 7 percent", "$1.1 and $1.3 billion"
    ranged: set[int] = set()
    for k in range(len(found) - 2, -1, -1):
        this, after = found[k], found[k + 1]
        joined = _JOINED.fullmatch(text, this[1], after[0])
        if joined and joined["range"]:
            ranged |= {k, k + 1}  # (whatever the other end: "2.5% to 13-7/8%")
        if (joined and after[5] is not None
                and (this[5] is None or (this[5] == after[5] and this[6] is None))):
            this[5] = after[5]
            this[6] = this[6] if this[6] is not None else after[6]
    clauses = [m.start() for m in re.finditer(";", text)]
    out = []
    for k, (start, end, printed, number, decimals, kind, said) in enumerate(found):
        if kind is None:
            continue
        clause = sum(1 for c in clauses if c < start)
        out.append(Worded(start, end, printed, number, decimals, kind, said, clause,
                          k in ranged))
    return out
