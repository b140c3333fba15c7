"""The stated rules of an intercept run: cut-off, waste, minimums, top-cuts, prices.

Every report prints :meth:`Rules.describe` beside the intercepts, because an intercept
means nothing without the rules that made it (NI 43-101, JORC Table 1).

Metal equivalents (JORC Clause 50): an equivalent grade in units of the base metal is
``sum(grade_m x value_m x recovery_m) / (value_base x recovery_base)``, where value is
the in-situ value of one unit of grade per tonne: ``price per troy ounce / 31.1034768``
for g/t, ``price per pound x 10 / 0.45359237`` for per cent (1% = 10 kg/t). Factors are
exact Fractions; only metals with a stated price enter the equivalent, and the prices
and recoveries are printed with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from assay.errors import InputError

from .columns import ELEMENTS, METAL_NAMES, PERCENT_DEFAULT
from .detection import number

_CUTOFF = re.compile(r"^\s*(?P<name>[A-Za-z]{1,2})(?P<eq>_?eq)?\s*(?:>=|≥|=>)\s*(?P<v>[\d.,]+)"
                     r"\s*(?P<unit>g/t|ppm|%|pct)?\s*$", re.IGNORECASE)

GRAMS_PER_TROY_OUNCE = Fraction("31.1034768")
KG_PER_LB = Fraction("0.45359237")


@dataclass(frozen=True, slots=True)
class Cutoff:
    """``Ag>=50``: a threshold on one element's grade or on a metal equivalent (``AgEq``)."""

    element: str
    value: Decimal
    equivalent: bool = False

    @property
    def name(self) -> str:
        return f"{self.element}Eq" if self.equivalent else self.element

    def __str__(self) -> str:
        return f"{self.name}>={self.value}"

    @classmethod
    def parse(cls, text: str, option: str = "--cutoff") -> Cutoff:
        m = _CUTOFF.match(text)
        if not m or m["name"].lower() not in ELEMENTS:
            raise InputError(option, f"cannot read {text!r}: write ELEMENT>=VALUE, "
                             "such as 'Ag>=50' or 'AgEq>=100'")
        value = number(m["v"])
        if value is None or value < 0:
            raise InputError(option, f"cannot read {text!r}: not a grade: {m['v']!r}")
        return cls(ELEMENTS[m["name"].lower()], value, bool(m["eq"]))


@dataclass(frozen=True, slots=True)
class Price:
    """A metal's price (USD per troy ounce for g/t grades, per pound for %) and recovery."""

    element: str
    price: Decimal
    recovery: Decimal = Decimal(1)  # a fraction, 0 < r <= 1

    def value_per_unit(self, unit: str) -> Fraction:
        """USD per tonne for one unit of grade (1 g/t or 1%), after recovery."""
        p = Fraction(self.price) * Fraction(self.recovery)
        if unit == "%":
            return p * 10 / KG_PER_LB
        return p / GRAMS_PER_TROY_OUNCE


@dataclass(frozen=True, slots=True)
class Rules:
    cutoff: Cutoff
    max_waste: Decimal = Decimal(0)
    min_length: Decimal | None = None
    min_gxt: Decimal | None = None
    include: Cutoff | None = None
    top_cuts: dict[str, Decimal] = field(default_factory=dict)
    prices: dict[str, Price] = field(default_factory=dict)
    true_width_ratio: Decimal | None = None
    vein_orientation: tuple[Decimal, Decimal] | None = None  # (dip, dip direction)
    length_unit: str = "m"

    def equivalent_factors(self, units: dict[str, str], base: str) -> dict[str, Fraction]:
        """Grade units of ``base`` per grade unit of each priced metal (base -> 1)."""
        if base not in self.prices:
            raise InputError("--price", f"{base}Eq needs a price for {base}: "
                             f"--price {base}=USD")
        missing = [e for e in self.prices if e not in units]
        if missing:
            raise InputError("--price", f"no assay column for priced metal(s) "
                             f"{', '.join(missing)}")
        v0 = self.prices[base].value_per_unit(units[base])
        return {e: p.value_per_unit(units[e]) / v0 for e, p in self.prices.items()}

    def describe(self, units: dict[str, str] | None = None) -> list[str]:
        """The rules in words, one per line, as printed beside every report."""
        units = units or {}
        u = units.get(self.cutoff.element, "g/t")
        lines = [f"Cut-off: {self.cutoff.name} >= {self.cutoff.value} {u} on uncut assays "
                 "(length-weighted composites)."]
        lines.append(f"Internal waste: at most {self.max_waste} m of contiguous sub-cut-off "
                     "core, included only while the composite stays at or above cut-off; "
                     "gaps in sampling end an intercept (unsampled, never zero).")
        mins = []
        if self.min_length is not None:
            mins.append(f"length >= {self.min_length} m")
        if self.min_gxt is not None:
            mins.append(f"grade x length >= {self.min_gxt} {u}·m")
        lines.append("Minimum: " + (" or ".join(mins) if mins else "none") + ".")
        if self.include is not None:
            iu = units.get(self.include.element, "g/t")
            lines.append(f"Including: sub-intervals at {self.include.name} >= "
                         f"{self.include.value} {iu} within each intercept, same waste and "
                         "minimum rules.")
        for e, t in sorted(self.top_cuts.items()):
            lines.append(f"Top-cut: {e} capped at {t} {units.get(e, 'g/t')} on a copy; cut and "
                         "uncut grades both reported.")
        if self.prices:
            deck = ", ".join(
                f"{e} ${p.price}/{'lb' if units.get(e) == '%' else 'oz'} "
                f"at {(p.recovery * 100).normalize():f}% recovery"
                for e, p in sorted(self.prices.items()))
            lines.append(f"Metal equivalent ({self.cutoff.element}Eq) prices and recoveries: "
                         f"{deck}.")
        if self.true_width_ratio is not None:
            lines.append(f"Widths: true width = {self.true_width_ratio} x down-hole length "
                         "(stated ratio).")
        elif self.vein_orientation is not None:
            d, dd = self.vein_orientation
            lines.append(f"Widths: true width from hole orientation against a vein dipping "
                         f"{d} degrees toward {dd}.")
        else:
            lines.append("Widths: down-hole lengths; true widths are not known.")
        lines.append("Conversions: oz/ton = g/t x 7/240 exactly (troy ounces per short ton); "
                     "1 ft = 0.3048 m.")
        return lines


def default_unit(element: str) -> str:
    return "%" if element in PERCENT_DEFAULT else "g/t"


def metal_name(element: str) -> str:
    return METAL_NAMES.get(element, element)
