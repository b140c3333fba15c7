"""True width: an intercept's thickness measured square to the vein it crosses.

A vein is given as ``dip/dip-direction`` (``70/045``: dipping 70 degrees toward azimuth
045). The intercept's top and bottom are placed in space by desurveying the hole
(:mod:`assay.explore.desurvey`); the true width is the distance between the two planes
parallel to the vein through those points. For a straight hole that is the down-hole
length times ``|cos|`` of the angle between the hole and the vein's pole; for a curved
hole it follows the hole. It is trigonometry on floats, kept to 9 decimals (float
trigonometry is good to about 1e-12 m here) and rounded once, half away from zero, where
the report prints it (m or ft); it is labelled as derived from orientation.
"""

from __future__ import annotations

import math
from decimal import Decimal


def pole(dip: float, dip_direction: float) -> tuple[float, float, float]:
    """Unit normal (east, north, up) of a plane dipping ``dip`` toward ``dip_direction``."""
    d, a = math.radians(dip), math.radians(dip_direction)
    return (math.sin(d) * math.sin(a), math.sin(d) * math.cos(a), math.cos(d))


def true_width(chord, normal: tuple[float, float, float]) -> Decimal:
    """The thickness between the planes through both ends of ``chord`` (a 3-vector from
    an intercept's top to its bottom on the desurveyed hole) parallel to a vein with
    unit ``normal``: ``|chord . normal|``, kept to 9 decimals (nanometres)."""
    width = abs(sum(float(x) * y for x, y in zip(chord, normal, strict=True)))
    return Decimal(repr(round(width, 9)))
