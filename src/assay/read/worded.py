"""Figures written among words: in a row's label ("Common stock, $0.01 par value; 11,000
shares authorized; 2,771 and 2,755 shares outstanding", "3.50% Notes Due 2050") and in
running text ("deferred revenue of $13.6 billion"); "none issued" among shares is a
count of nought.

Only figures that say what they count are taken: an amount of dollars ("$574", "$1.35
billion"; "$ 574", set apart as in a column of figures, is a figure run into the
label; "27 cents"), a price per share, ounce, pound or ton ("$1.98 per ounce"), a
percentage ("66%", "4.6 percent"), a number of shares ("11,000 shares") or of ounces,
pounds or tons, a grade ("10.7 ounces of silver per ton").
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
    r"(?<![\w.,$/])(?<![\d/]-)(?P<dollar>(?:US)?\$)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![\d,]*\d)(?:\s?(?P<pct>%)|\s+(?P<percent>percent)\b)?"
    r"(?:\s+(?P<mult>thousand|million|billion|trillion)s?\b)?"
    r"(?:\s+(?P<shares>(?:(?:common|ordinary|treasury|outstanding|additional|new)\s+){0,2}"
    r"shares)\b|\s+(?P<quantity>ounces|pounds|tons)\b|[\s-]+(?P<cents>cents?)\b)?",
    re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|(?P<range>to|-|–))\s*", re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(r"\s*(?:per\s+(?:common\s+|ordinary\s+)?share\b|par\s+value\b"
                              r"|stated\s+value\b)",
                              re.IGNORECASE)
# a threshold or a reference: "Under $100,000", "Section 1.25"
_NO_AMOUNT_BEFORE = re.compile(r"(?:under|over|less than|more than|greater than|in excess of"
                               r"|exceeding|at least|below|above|section|article|note"
                               r"|item|rule|schedule|exhibit|[<>≥≤])\s*$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"\s*(?:and|or)\s+(?:over|above|more|greater|less|under|below)\b",
                              re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# no shares at all, said in words: "none issued", "issued and outstanding -- none"
_NONE_ISSUED = re.compile(r"\bnone\s+(?:issued|outstanding)\b|\b(?:issued|outstanding)"
                          r"\s*(?:--+|\u2014|\u2013|-|:)?\s*none\b", re.IGNORECASE)
# a sign in words just before a figure
_NEGATIVE_BEFORE = re.compile(r"\b(?:negative|minus)\s+$", re.IGNORECASE)
# where a figure may begin: a dollar sign, or a digit that starts a number (the figure
# pattern is tried only there: the same matches, many times faster than trying it at
# every character)
_START = re.compile(r"(?:US)?\$|(?<![\w.,$/])(?<![\d/]-)\d")
_DIGIT = re.compile(r"\d")
_WINDOW = 40  # characters before a figure that may say what it is
# two figures with nothing but signs between them: a row's own figures, run into its
# label by a layout that could not part them ("Net income $ (4,605) N/A $ 2,020")
_RUN_OF_FIGURES = re.compile(r"\d\)?\s*%?\s+(?:N/?A\s+|--+\s+)*\$?\s*\(?-?\d", re.IGNORECASE)
# a price of a unit: "$1.98 per ounce", "$1.62 average per pound", "$659/oz", "50
# cents-per-pound", and before the figure "cost per ounce of $514"
_PER_UNIT_AFTER = re.compile(r"[\s-]*(?:average\s+)?(?:per|/|an?)[\s-]*"
                             r"(?P<per>ounce|oz|pound|lb|ton)s?\b", re.IGNORECASE)
_PER_UNIT_BEFORE = re.compile(r"\bper\s+(?P<per>ounce|pound|ton)\s+(?:of\s+|was\s+|is\s+)?$",
                              re.IGNORECASE)
_UNIT_NAMES = {"ounce": "per_ounce", "oz": "per_ounce", "pound": "per_pound",
               "lb": "per_pound", "ton": "per_ton"}
# a grade: "10.7 ounces of silver per ton"
_PER_TON_AFTER = re.compile(r"\s+(?:of\s+\w+\s+)?per\s+(?:short\s+)?ton\b", re.IGNORECASE)
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

    @property
    def value(self) -> Decimal:
        """The figure in whole units: its number times the scale its words say."""
        return self.number * _POWERS[self.said_scale] if self.said_scale else self.number


_POWERS = {k: 10 ** k for k in range(0, 13)}


_UNITS = {"dollars": u.USD, "per_share": u.USD_PER_SHARE, "percent": u.PERCENT,
          "shares": u.SHARES, "ounces": u.OUNCES, "pounds": u.POUNDS, "tons": u.TONS,
          "per_ounce": u.USD_PER_OZ, "per_pound": u.USD_PER_LB, "per_ton": u.USD_PER_TON,
          "ounces_per_ton": u.OZ_PER_TON}


def _says_what(text: str) -> bool:
    """Whether ``text`` may hold a figure that says what it counts: a "$", a "%", the
    words "percent", "shares", "ounces", "pounds", "tons" or "cents" (plain tests, far
    cheaper than reading the figures)."""
    if "$" in text or "%" in text:
        return True
    low = text.lower()
    return ("percent" in low or "share" in low or "ounces" in low or "pounds" in low
            or "tons" in low or "cents" in low)


def _price_kind(text: str, start: int, end: int) -> str:
    """What an amount of dollars is: a price of a share, an ounce, a pound or a ton, by
    the words after it ("per share", "par value", "per ounce") or before it ("par value
    of", "cost per ounce of"); else plain dollars."""
    if _PER_SHARE_AFTER.match(text, end):
        return "per_share"
    if per := _PER_UNIT_AFTER.match(text, end):
        return _UNIT_NAMES[per["per"].lower()]
    before = max(0, start - _WINDOW)
    if _PER_SHARE_BEFORE.search(text, before, start):
        return "per_share"
    if per := _PER_UNIT_BEFORE.search(text, before, start):
        return _UNIT_NAMES[per["per"].lower()]
    return "dollars"


def figures_in_words(text: str) -> list[Worded]:
    """The figures of ``text`` that say what they count, in order."""
    if not _DIGIT.search(text) or not _says_what(text) or _RUN_OF_FIGURES.search(text):
        return []
    found = []
    end = 0
    for s in _START.finditer(text):
        if s.start() < end:
            continue  # within the figure before
        m = _FIGURE.match(text, s.start())
        if m is None:
            continue
        end = m.end()
        num = m["num"]
        kind = ("percent" if m["pct"] or m["percent"] else "dollars" if m["dollar"]
                or m["cents"] else "shares" if m["shares"]
                else m["quantity"] and m["quantity"].lower())
        if kind is None and _YEAR.fullmatch(num):
            continue  # a year: "in 2004 and $775,000 in 2003"
        if kind == "dollars":
            kind = _price_kind(text, m.start(), end)
        elif kind == "ounces" and _PER_TON_AFTER.match(text, end):
            kind = "ounces_per_ton"
        digits = num.replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        number = Decimal(digits)
        if m["cents"]:  # "27 cents per common share": $0.27
            number, decimals = number.scaleb(-2), decimals + 2
        mult = m["mult"]
        start, printed = m.start(), m.group(0).strip()
        neg = _NEGATIVE_BEFORE.search(text, max(0, start - 12), start)
        if neg:  # "negative 25 cents per ounce": a cost below zero
            number, start, printed = -number, neg.start(), text[neg.start():m.end()].strip()
        found.append([start, m.end(), printed, number, decimals,
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
                and (this[5] is None or (this[5] == after[5] and this[6] is None)
                     or (this[5] == "dollars" and after[5].startswith("per_")
                         and this[6] is None and "," not in joined.group(0)))):
            # ("$440 to $470 per ounce": both prices of an ounce; "$24.3 million, or 20
            # cents per share" are two things)
            this[5] = after[5]
            this[6] = this[6] if this[6] is not None else after[6]
    clauses = [m.start() for m in re.finditer(";", text)]
    out = []
    for k, (start, end, printed, number, decimals, kind, said) in enumerate(found):
        if kind is None:
            continue
        before = max(0, start - _WINDOW)  # (the words just before: a bounded look)
        if _NO_AMOUNT_BEFORE.search(text, before, start) or _THRESHOLD_AFTER.match(text, end):
            continue  # "Under $100,000", "Section 1.25"
        clause = sum(1 for c in clauses if c < start)
        out.append(Worded(start, end, printed, number, decimals, kind, said, clause,
                          k in ranged))
    low = text.lower()
    if "none" in low and ("share" in low or "stock" in low):
        for m in _NONE_ISSUED.finditer(text):  # "2 million shares authorized; none issued"
            clause = sum(1 for c in clauses if c < m.start())
            out.append(Worded(m.start(), m.end(), m.group(0), Decimal(0), 0, "shares", 0,
                              clause))
        out.sort(key=lambda w: w.start)
    return out
