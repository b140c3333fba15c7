"""Who a fact is about: the company, and where given an operating unit or segment."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Entity:
    """Company, optional operating unit and segment, and the share reported.

    ``share`` is the attributable fraction (Decimal('0.2973') for Greens Creek); None
    means the figure is reported at 100% or the document does not say.
    """

    company: str
    unit: str | None = None
    segment: str | None = None
    share: Decimal | None = None

    def __str__(self) -> str:
        parts = [self.company]
        if self.segment:
            parts.append(self.segment)
        if self.unit:
            parts.append(self.unit)
        text = " / ".join(parts)
        if self.share is not None:
            text += f" ({self.share * 100:f}%)".replace(".00%", "%")
        return text
