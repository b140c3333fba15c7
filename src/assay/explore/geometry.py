"""Hole orientation and true width.

Orientations are degrees: azimuth clockwise from north, dip normalised to *inclination
below horizontal, positive down* (see :mod:`assay.explore.drillholes`). A vein is given
as ``dip/dip-direction`` (``70/045``: dipping 70 degrees toward 045). True width is the
down-hole length times ``|cos|`` of the angle between the hole and the vein's pole; it is
trigonometry on floats: the cosine is kept to 9 decimals (float trigonometry is good to
about 1e-15) and multiplied exactly by the length, so the true width is not rounded here;
the report rounds it once, half away from zero, in the unit it prints (m or ft). It is
labelled as derived from orientation.
"""

from __future__ import annotations

import math
from decimal import Decimal

from .drillholes import Collar, Station


def direction(azimuth: float, inclination: float) -> tuple[float, float, float]:
    """Unit vector (east, north, up) of a hole drilled toward ``azimuth``, ``inclination`` down."""
    a, b = math.radians(azimuth), math.radians(inclination)
    return (math.cos(b) * math.sin(a), math.cos(b) * math.cos(a), -math.sin(b))


def pole(dip: float, dip_direction: float) -> tuple[float, float, float]:
    """Unit normal (east, north, up) of a plane dipping ``dip`` toward ``dip_direction``."""
    d, a = math.radians(dip), math.radians(dip_direction)
    return (math.sin(d) * math.sin(a), math.sin(d) * math.cos(a), math.cos(d))


def orientation_at(depth: Decimal, collar: Collar | None,
                   stations: list[Station]) -> tuple[Decimal, Decimal] | None:
    """(azimuth, inclination) at ``depth``: the last survey station at or above it, else the
    first station, else the collar's; None when the hole has no orientation at all."""
    above = [s for s in stations if s.depth <= depth]
    if above:
        return above[-1].azimuth, above[-1].dip
    if stations:
        return stations[0].azimuth, stations[0].dip
    if collar is not None and collar.azimuth is not None and collar.dip is not None:
        return collar.azimuth, collar.dip
    return None


def true_width(length: Decimal, hole: tuple[Decimal, Decimal],
               vein: tuple[Decimal, Decimal]) -> Decimal:
    """True width of ``length`` of hole crossing a vein (dip, dip direction), unrounded:
    ``length x |cos|`` with the cosine to 9 decimals."""
    d = direction(float(hole[0]), float(hole[1]))
    n = pole(float(vein[0]), float(vein[1]))
    cos = abs(sum(x * y for x, y in zip(d, n, strict=True)))
    return length * Decimal(repr(round(cos, 9)))
