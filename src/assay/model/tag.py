"""An inline-XBRL tag: a number a filer tagged, with the concept and context it names."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .periods import Period


@dataclass(frozen=True, slots=True)
class Tag:
    """One ``ix:nonFraction``: its concept and context, and the number it tags.

    ``value`` is the concept's value (the displayed figure times 10^scale, negated when
    ``sign`` is "-"); ``shown`` the figure as displayed, unsigned; ``selector`` the
    table cell it stands in (``table[3]/tr[5]/td[7]``), None outside tables."""

    name: str
    context: str
    period: Period | None
    dims: tuple[tuple[str, str], ...]
    unit: str | None
    decimals: str | None
    scale: int
    sign: str | None
    format: str | None
    shown: str
    value: Decimal | None
    hidden: bool
    selector: str | None
