"""Reading one grade cell: numbers, below-detection codes, missing values.

Laboratories and databases write "below detection" as ``<0.01``, ``BDL``, ``ND`` or a
negative number whose magnitude is the detection limit (``-0.01``). assay replaces such a
value by a stated policy, never silently:

- ``half`` (the default): half the detection limit;
- ``zero``: zero;
- ``limit``: the detection limit itself.

A code without a limit (``BDL``, ``ND``) takes the limit given for that element
(``--detection-limit Au=0.005``); without one it is an error. Sentinel codes for "not
sampled" (``-99``, ``-999``, ``-9999`` by default) and empty cells are *missing*: the
interval is unsampled for that element, never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

POLICIES = ("half", "zero", "limit")
BDL_WORDS = frozenset({"bdl", "nd", "n.d.", "n/d", "bld", "<dl", "<ldl", "bd", "<lod", "lod"})
MISSING_WORDS = frozenset({"", "na", "n/a", "ns", "nan", "-", "--", "nr", "not sampled", "x"})
DEFAULT_MISSING_CODES = (Decimal(-99), Decimal(-999), Decimal(-9999))

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")


@dataclass(frozen=True, slots=True)
class Cell:
    """What a grade cell says: a value, a below-detection limit, missing, or bad text."""

    kind: str  # "value" | "bdl" | "missing" | "bad"
    value: Decimal | None = None  # the value, or the detection limit for "bdl"


def number(text: str) -> Decimal | None:
    """A plain decimal number (thousands commas allowed), or None."""
    t = text.strip()
    if _THOUSANDS.match(t):
        t = t.replace(",", "")
    if not _NUMBER.match(t):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def read_cell(text: str, missing_codes: tuple[Decimal, ...] = DEFAULT_MISSING_CODES) -> Cell:
    t = text.strip()
    low = t.lower()
    if low in MISSING_WORDS:
        return Cell("missing")
    if low in BDL_WORDS:
        return Cell("bdl")
    if t.startswith("<"):
        limit = number(t[1:])
        return Cell("bdl", limit) if limit is not None and limit > 0 else Cell("bad")
    value = number(t)
    if value is None:
        return Cell("bad")
    if value < 0:
        if value in missing_codes:
            return Cell("missing")
        return Cell("bdl", -value)
    return Cell("value", value)


def substitute(limit: Decimal, policy: str) -> Decimal:
    """The value a below-detection result stands for under ``policy``."""
    if policy == "half":
        return limit / 2
    if policy == "zero":
        return Decimal(0)
    if policy == "limit":
        return limit
    raise ValueError(f"unknown below-detection policy {policy!r}; use one of {POLICIES}")
