"""Decimal construction and rounding intervals.

Every reported number enters assay through this module (:func:`parse_number`, or
:func:`figure_parts` for the cells of a table), so that sign conventions (parentheses,
``--`` for nil) and precision are decided in one place.
A printed figure stands for the interval of values that round to it
(:func:`interval_of`); relations are checked on intervals, never with ad-hoc epsilons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

#: The arithmetic of every metric assay computes, whatever the caller's context: 28
#: significant digits, half to even (Python's default). Sums of inputs are exact within
#: it; quotients (per ounce, per ton) are rounded to it.
ARITHMETIC = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                     traps=[InvalidOperation, DivisionByZero, Overflow])
#: The most significant digits an input figure may have
SIGNIFICANT_DIGITS = ARITHMETIC.prec


def too_precise(value: Decimal) -> bool:
    """Whether ``value`` is no input for assay's arithmetic: not finite, or with more
    significant digits than :data:`ARITHMETIC` keeps (its first sum would round it)."""
    return not value.is_finite() or len(value.as_tuple().digits) > SIGNIFICANT_DIGITS

NIL_TOKENS = frozenset({"---", "--", "-", "—", "nil", "Nil", "NIL"})
#: A cell that says its figure does not apply or means nothing ("N/A" for a change from
#: nil, "NM"): no figure, and not zero either
NOT_APPLICABLE_TOKENS = frozenset({"N/A", "n/a", "N/a", "NA", "na", "n.a.", "N.A.", "N/M",
                                   "n/m", "NM", "nm", "N.M.", "n.m.", "NMF"})

_NUMBER = re.compile(
    r"""^\s*
    (?P<neg1>-)?\s*\$?\s*
    (?P<open>\()?\s*\$?\s*
    (?P<neg2>-)?
    (?P<digits>\d{1,3}(?:,\d{3})+|\d+)?
    (?P<frac>\.\d+)?
    \s*(?P<pct_in>%)?
    \s*(?P<close>\))?
    \s*(?P<pct>%)?\s*$""",
    re.VERBOSE,
)


# A printed figure with no space in it, as a cell of a fixed-width table holds it: the
# space-free texts that parse_number admits, but for a leading "$" (which the reader takes
# as the cell's currency mark). figure_parts reads them.
_DIGITS = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
_FIGURE = (r"(?!\$)(?:-\$*(?:-\$*(?:-\$*)?)?"  # nil: "---", "--", "-"
          r"|-?\$?(?:\(\$?-?" + _DIGITS + r"%?\)|\$?-?" + _DIGITS + r")%?)")
_FIGURE_ONLY = re.compile(_FIGURE + r"\Z")
_ZERO = Decimal(0)


@dataclass(slots=True)
class ParsedNumber:
    """A number as printed: exact value, decimals shown, and whether it was nil.

    (Not frozen: the reader builds one per printed figure, and frozen dataclasses cost
    several times more to build.)"""

    value: Decimal
    decimals: int
    nil: bool = False
    percent: bool = False

def parse_number(text: str) -> ParsedNumber | None:
    """Parse a printed figure such as ``$ (3,043)``, ``0.30``, ``--`` or ``29.73%``.

    Returns None when the text is not a number. ``decimals`` counts the digits shown
    after the point (0 for integers), so the figure stands for ``value ± 0.5·10^-decimals``
    in the printed scale. Nil (``--``) is an exact zero.
    """
    parts = figure_parts(text)
    if parts is not None:
        return ParsedNumber(*parts)
    return _parse_spaced(text)


def _parse_spaced(text: str) -> ParsedNumber | None:
    """The general grammar: spaces and a ``$`` anywhere a printed figure may hold them."""
    stripped = text.strip()
    if "$" in stripped:
        stripped = stripped.replace("$", "").strip()
    if stripped in NIL_TOKENS:
        return ParsedNumber(Decimal(0), 0, nil=True)
    m = _NUMBER.match(text)
    if not m or not (m["digits"] or m["frac"]):
        return None
    if bool(m["open"]) != bool(m["close"]) or m["pct_in"] and m["pct"]:
        return None  # (a "%" may stand inside the parentheses, "(14%)", or after them)
    digits = (m["digits"] or "0").replace(",", "")
    frac = m["frac"] or ""
    try:
        value = Decimal(digits + frac)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    negative = bool(m["open"]) ^ bool(m["neg1"] or m["neg2"])
    if negative:
        value = -value
    return ParsedNumber(value, len(frac) - 1 if frac else 0,
                        percent=bool(m["pct"] or m["pct_in"]))


Figure = tuple[Decimal, int, bool, bool]  # value, decimals, nil, percent


def figure_parts(text: str) -> Figure | None:
    """Value, decimals, nil and percent of a space-free figure as a table cell prints it
    (``1,234``, ``(5.60)``, ``--``, ``29.73%``; no leading ``$``), or None when the text
    is no such figure: the texts the figure pattern matches.

    The shapes tables print are taken apart with string methods (a regex costs more than
    the rest of a cell); any other text is left to the pattern.
    """
    core = text
    percent = core[-1:] == "%"
    if percent:
        core = core[:-1]
    negative = core[:1] == "(" and core[-1:] == ")"
    if negative:
        core = core[1:-1]
        if not percent and core[-1:] == "%":  # "(14%)"
            percent = True
            core = core[:-1]
    whole, point, frac = core.partition(".")
    if not point or frac.isdecimal():
        number = None
        if "," in whole:  # 1,234,567: one to three digits, then a comma before every three
            digits = whole.replace(",", "")
            if (digits.isdecimal() and whole[0] != ","
                    and whole[-4::-4] == "," * (len(whole) - len(digits))):
                number = digits + point + frac
        elif whole.isdecimal() or not whole and point:
            number = core
        if number is not None:
            value = Decimal(number)
            return (-value if negative else value), len(frac), False, percent
    first = text[:1]
    if not (first in "-(." or first.isdecimal()):  # a word, not a figure
        return None
    if text in ("-", "--", "---"):  # (a nil cell, as some filings print it)
        return _ZERO, 0, True, False
    if _FIGURE_ONLY.match(text):
        return _figure_of_match(text)
    return None


def _figure_of_match(text: str) -> Figure:
    """The figure a text matching the figure pattern prints: signs, parentheses, ``$``
    and ``%`` stand only at its ends; an opening parenthesis or a minus makes it negative
    (both: positive); no digits at all is nil."""
    digits = text.strip("$()-%")
    if not digits:
        return _ZERO, 0, True, False
    if "," in digits:
        digits = digits.replace(",", "")
    value = Decimal(digits)
    if ("(" in text) ^ ("-" in text):
        value = -value
    point = digits.find(".")
    return value, len(digits) - point - 1 if point >= 0 else 0, False, "%" in text


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [lo, hi] of exact values, with interval arithmetic."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def exact(cls, value: Decimal | int) -> Interval:
        v = Decimal(value)
        return cls(v, v)

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    @property
    def radius(self) -> Decimal:
        return (self.hi - self.lo) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        quotients = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(quotients), max(quotients))

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def meets(self, other: Interval) -> bool:
        """True when the intervals share at least one value (XBRL Calculations 1.1)."""
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    def gap(self, other: Interval) -> Decimal:
        """Distance between the intervals; zero when they meet."""
        if self.meets(other):
            return Decimal(0)
        return other.lo - self.hi if other.lo > self.hi else self.lo - other.hi

    def __str__(self) -> str:
        if self.lo == self.hi:
            return str(self.lo)
        return f"[{self.lo}, {self.hi}]"

def half_unit(decimals: int) -> Decimal:
    """Half of one unit in the last printed place: 0.5·10^-decimals."""
    return Decimal(5).scaleb(-decimals - 1)

def interval_of(value: Decimal, decimals: int | None) -> Interval:
    """The interval a figure rounded to ``decimals`` places stands for.

    ``decimals`` follows XBRL: 2 for cents, 0 for units, -3 for thousands; None means
    the value is exact.
    """
    if decimals is None:
        return Interval.exact(value)
    h = half_unit(decimals)
    return Interval(value - h, value + h)

#: ``Decimal(1).scaleb(-decimals)`` by decimals: the quantum of round_to, made once for
#: each precision (an audit rounds hundreds of figures to a handful of precisions)
_QUANTUM: dict[int, Decimal] = {}


def round_to(value: Decimal, decimals: int) -> Decimal:
    """Round half away from zero, as financial tables print."""
    q = _QUANTUM.get(decimals)
    if q is None:
        q = _QUANTUM[decimals] = Decimal(1).scaleb(-decimals)
    return value.quantize(q, rounding=ROUND_HALF_UP)
