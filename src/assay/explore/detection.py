"""What a grade cell means: numbers, below-detection codes, missing values.

:mod:`assay.explore.columnar` reads whole columns by these rules; :func:`number` reads
one number (an option's value).

Laboratories and databases write "below detection" as ``<0.01``, ``BDL``, ``ND`` or a
negative number whose magnitude is the detection limit (``-0.01``). assay replaces such a
value by a stated policy, never silently:

- ``half`` (the default): half the detection limit;
- ``zero``: zero;
- ``limit``: the detection limit itself.

A code without a limit (``BDL``, ``ND``) takes the limit given for that element
(``--detection-limit Au=0.005``); without one it is an error. Sentinel codes for "not
sampled" (``-99``, ``-999``, ``-9999`` by default), the words of :data:`MISSING_WORDS`
and empty cells are *missing*: the interval is unsampled for that element, never zero.
Any other text is an error.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

POLICIES = ("half", "zero", "limit")
BDL_WORDS = frozenset({"bdl", "nd", "n.d.", "n/d", "bld", "<dl", "<ldl", "bd", "<lod", "lod"})
MISSING_WORDS = frozenset({"", "na", "n/a", "ns", "nan", "-", "--", "nr", "not sampled", "x"})
DEFAULT_MISSING_CODES = (Decimal(-99), Decimal(-999), Decimal(-9999))

#: A plain number (ASCII digits), and one with thousands commas; patterns both for
#: Python's ``re`` and for DuckDB's RE2, matched against the whole text.
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
THOUSANDS = r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"
_NUMBER = re.compile(NUMBER)
_THOUSANDS = re.compile(THOUSANDS)


def number(text: str) -> Decimal | None:
    """A plain decimal number (thousands commas allowed), or None."""
    t = text.strip()
    if _THOUSANDS.fullmatch(t):
        t = t.replace(",", "")
    if not _NUMBER.fullmatch(t):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def substitute(limit: Decimal, policy: str) -> Decimal:
    """The value a below-detection result stands for under ``policy``."""
    if policy == "half":
        return limit / 2
    if policy == "zero":
        return Decimal(0)
    if policy == "limit":
        return limit
    raise ValueError(f"unknown below-detection policy {policy!r}; use one of {POLICIES}")
