"""Which CSV column holds what: the common naming schemes of drill-hole exports.

Vendors name the same column ``hole_id``, ``HOLEID``, ``BHID`` or ``DHID``; ``from``,
``FROM``, ``mFrom`` or ``depth_from``. Names are compared case-insensitively with
spaces, dashes and dots folded to ``_``. An explicit mapping (``--column hole=DHID``)
wins over the aliases. Grade columns are recognised by an element symbol with an
optional unit suffix (``Ag``, ``Ag_ppm``, ``Au_gpt``, ``Au (g/t)``, ``Cu_pct``, ``Zn%``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Canonical field -> accepted names (already folded: lower case, ``_`` separators).
ALIASES: dict[str, tuple[str, ...]] = {
    "hole": ("hole_id", "holeid", "hole", "bhid", "dhid", "hole_name", "holename",
             "drillhole", "drill_hole", "drillhole_id", "hole_no", "hole_number"),
    "from": ("from", "from_m", "from_ft", "mfrom", "depth_from", "from_depth", "start",
             "sample_from", "interval_from"),
    "to": ("to", "to_m", "to_ft", "mto", "depth_to", "to_depth", "end", "sample_to",
           "interval_to"),
    "easting": ("easting", "x", "east", "xcollar", "x_collar", "collar_x", "utm_e", "e"),
    "northing": ("northing", "y", "north", "ycollar", "y_collar", "collar_y", "utm_n", "n"),
    "elevation": ("elevation", "z", "elev", "rl", "zcollar", "z_collar", "collar_z",
                  "altitude"),
    "depth": ("depth", "max_depth", "maxdepth", "total_depth", "eoh", "td", "hole_depth",
              "final_depth", "length", "hole_length", "at", "survey_depth",
              "distance", "surv_depth", "depth_m"),
    "azimuth": ("azimuth", "azi", "az", "bearing", "brg", "azim"),
    "dip": ("dip", "inclination", "incl", "inc", "plunge"),
    "vein": ("vein", "vein_name", "target", "structure", "domain", "zone"),
    "lithology": ("lithology", "lith", "litho", "rock", "rock_type", "geology", "geol"),
    "sample": ("sample", "sample_id", "sampleid", "sample_no", "samp_id"),
}

#: Element symbols that may name a grade column.
ELEMENTS: dict[str, str] = {
    s.lower(): s for s in (
        "Ag", "Au", "Pt", "Pd", "Rh", "Cu", "Pb", "Zn", "Mo", "Ni", "Co", "Sn", "W", "U",
        "Fe", "S", "As", "Sb", "Bi", "Hg", "Li", "Mn", "Cd", "In", "Ga", "Ge", "Te", "V",
    )
}

METAL_NAMES: dict[str, str] = {
    "Ag": "silver", "Au": "gold", "Pt": "platinum", "Pd": "palladium", "Rh": "rhodium",
    "Cu": "copper", "Pb": "lead", "Zn": "zinc", "Mo": "molybdenum", "Ni": "nickel",
    "Co": "cobalt", "Sn": "tin", "W": "tungsten", "U": "uranium", "Fe": "iron",
    "S": "sulphur", "As": "arsenic", "Sb": "antimony", "Bi": "bismuth", "Hg": "mercury",
    "Li": "lithium", "Mn": "manganese", "Cd": "cadmium", "In": "indium", "Ga": "gallium",
    "Ge": "germanium", "Te": "tellurium", "V": "vanadium",
}

#: Metals whose grades are given in g/t (and reported in oz/ton beside) by default;
#: the others default to per cent.
PRECIOUS = frozenset({"Ag", "Au", "Pt", "Pd", "Rh"})
PERCENT_DEFAULT = frozenset({"Cu", "Pb", "Zn", "Ni", "Fe", "S", "Mn", "Mo", "Sn", "Co"})

#: Unit suffix (folded) -> grade unit. ``ppb`` is read exactly as g/t / 1000.
UNIT_SUFFIXES: dict[str, str] = {
    "ppm": "g/t", "gpt": "g/t", "g/t": "g/t", "g_t": "g/t", "gt": "g/t", "g_per_t": "g/t",
    "ppb": "ppb", "pct": "%", "%": "%", "per": "%", "percent": "%", "perc": "%",
}

_GRADE = re.compile(
    r"^(?P<el>[a-z]{1,2})(?:_?(?P<unit>ppm|ppb|gpt|g/t|g_t|gt|g_per_t|pct|%|per|percent|perc))?$"
)


def fold(name: str) -> str:
    """Lower case, trimmed, with spaces, dashes and dots as ``_``."""
    text = name.strip().lower()
    text = re.sub(r"[\s\-.]+", "_", text)
    return text.strip("_")


@dataclass(frozen=True, slots=True)
class GradeColumn:
    """A grade column: its header, element symbol and unit as read (g/t, ppb or %)."""

    header: str
    index: int
    element: str
    unit: str


def grade_column(header: str, index: int,
                 units: dict[str, str] | None = None) -> GradeColumn | None:
    """The grade column ``header`` names, or None when it names no element."""
    m = _GRADE.match(fold(header).replace("(", "").replace(")", "").replace("__", "_"))
    if not m or m["el"] not in ELEMENTS:
        return None
    element = ELEMENTS[m["el"]]
    if m["unit"]:
        unit = UNIT_SUFFIXES[m["unit"]]
    elif units and element in units:
        unit = units[element]
    else:
        unit = "%" if element in PERCENT_DEFAULT else "g/t"
    return GradeColumn(header, index, element, unit)


def locate(headers: list[str], field: str, override: dict[str, str] | None = None) -> int | None:
    """Index of the column holding ``field``: the explicit mapping first, then aliases."""
    folded = [fold(h) for h in headers]
    if override and field in override:
        want = fold(override[field])
        return folded.index(want) if want in folded else None
    for alias in ALIASES[field]:
        if alias in folded:
            return folded.index(alias)
    return None
