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
from assay.model.units import GPT_PER_OPT, GRAMS_PER_TROY_OUNCE, KILOGRAMS_PER_POUND

from .columns import ELEMENTS, METAL_NAMES
from .detection import number

_CUTOFF = re.compile(r"^\s*(?P<name>[A-Za-z]{1,2})(?P<eq>_?eq)?\s*(?:>=|≥|=>)\s*(?P<v>[\d.,]+)"
                     r"\s*(?P<unit>\S.*?)?\s*$", re.IGNORECASE)

#: Grade units a cut-off may be written in -> (unit code, grams per tonne in one unit).
#: Every factor is exact: 1% = 10 kg/t, ppm = g/t, ppb = g/t / 1,000, oz/ton = 240/7 g/t.
GRADE_UNITS: dict[str, tuple[str, Fraction]] = {
    "g/t": ("g/t", Fraction(1)), "gpt": ("g/t", Fraction(1)), "ppm": ("ppm", Fraction(1)),
    "ppb": ("ppb", Fraction(1, 1000)), "%": ("%", Fraction(10_000)),
    "pct": ("%", Fraction(10_000)), "oz/ton": ("oz/ton", GPT_PER_OPT),
    "oz/t": ("oz/ton", GPT_PER_OPT), "opt": ("oz/ton", GPT_PER_OPT),
}
_GPT_IN = {code: f for code, f in GRADE_UNITS.values()}


def convert_grade(value: Fraction, unit: str, to: str) -> Fraction:
    """``value`` in ``unit`` expressed in ``to`` (codes of :data:`GRADE_UNITS`), exactly."""
    return value if unit == to else value * _GPT_IN[unit] / _GPT_IN[to]


def exact_text(value: Fraction) -> str:
    """A Fraction as a terminating decimal, or as ``n/d = x.xxxx...`` when it has none."""
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        text = f"{Decimal(value.numerator) / Decimal(value.denominator):,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    approx = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{value.numerator}/{value.denominator} = {approx:,.4f}..."


@dataclass(frozen=True, slots=True)
class Cutoff:
    """``Ag>=50``: a threshold on one element's grade or on a metal equivalent (``AgEq``).

    ``unit`` is the grade unit written after the value (``Ag>=5%``), or None for "the
    column's unit"; :meth:`threshold` converts it exactly to the unit of the column.
    """

    element: str
    value: Decimal
    equivalent: bool = False
    unit: str | None = None

    @property
    def name(self) -> str:
        return f"{self.element}Eq" if self.equivalent else self.element

    def __str__(self) -> str:
        unit = "" if self.unit is None else self.unit if self.unit == "%" else f" {self.unit}"
        return f"{self.name}>={self.value}{unit}"

    def threshold(self, column_unit: str) -> Fraction:
        """The cut-off in ``column_unit`` (g/t or %), exact."""
        return convert_grade(Fraction(self.value), self.unit or column_unit, column_unit)

    def in_words(self, column_unit: str) -> str:
        """``5 % (50,000 g/t)``: the cut-off as written, and in the column's unit if other."""
        if self.unit is None or self.unit == column_unit:
            return f"{self.value} {column_unit}"
        return f"{self.value} {self.unit} ({exact_text(self.threshold(column_unit))} " \
               f"{column_unit})"

    @classmethod
    def parse(cls, text: str, option: str = "--cutoff") -> Cutoff:
        m = _CUTOFF.match(text)
        if not m or m["name"].lower() not in ELEMENTS:
            raise InputError(option, f"cannot read {text!r}: write ELEMENT>=VALUE, "
                             "such as 'Ag>=50' or 'AgEq>=100'")
        value = number(m["v"])
        if value is None or value < 0:
            raise InputError(option, f"cannot read {text!r}: not a grade: {m['v']!r}")
        unit = None
        if m["unit"]:
            known = GRADE_UNITS.get(m["unit"].lower().replace(" ", ""))
            if known is None:
                raise InputError(option, f"cannot read {text!r}: unknown grade unit "
                                 f"{m['unit']!r}; write g/t, ppm, ppb, %, oz/ton or none "
                                 "(the column's unit)")
            unit = known[0]
        return cls(ELEMENTS[m["name"].lower()], value, bool(m["eq"]), unit)


def include_not_above(cut: Cutoff, include: Cutoff, column_unit: str | None) -> bool:
    """True when ``include`` is provably not above ``cut`` on the same variable.

    ``column_unit`` None means the column's unit is not known yet: a cut-off without a
    unit can then be compared only with another one without a unit.
    """
    if include.name != cut.name:
        return False
    if column_unit is None:
        if (cut.unit is None) != (include.unit is None):
            return False
        column_unit = cut.unit or "g/t"
    return include.threshold(column_unit) <= cut.threshold(column_unit)


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
            return p * 10 / Fraction(KILOGRAMS_PER_POUND)
        return p / Fraction(GRAMS_PER_TROY_OUNCE)


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
    vein_orientation: tuple[Decimal, Decimal] | None = None  # (dip, dip direction), all veins
    length_unit: str = "m"
    vein_orientations: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    desurvey: str = "minimum-curvature"  # see assay.explore.desurvey.METHODS

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
        lines = [f"Cut-off: {self.cutoff.name} >= {self.cutoff.in_words(u)} on uncut assays "
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
                         f"{self.include.in_words(iu)} within each intercept, same waste and "
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
        elif self.vein_orientation is not None or self.vein_orientations:
            planes = [f"{v}: {d}/{dd}" for v, (d, dd) in sorted(self.vein_orientations.items())]
            if self.vein_orientation is not None:
                d, dd = self.vein_orientation
                planes.append(f"{'other veins' if planes else 'every vein'}: {d}/{dd}")
            lines.append("Widths: true width square to the vein (dip/dip direction: "
                         f"{'; '.join(planes)}), from holes desurveyed by {self.desurvey}.")
        else:
            lines.append("Widths: down-hole lengths; true widths are not known.")
        lines.append("Conversions: oz/ton = g/t x 7/240 exactly (troy ounces per short ton); "
                     "1 ft = 0.3048 m.")
        return lines


def metal_name(element: str) -> str:
    return METAL_NAMES.get(element, element)


def ratio_problem(ratio: Decimal | None) -> InputError | None:
    """A true-width ratio a hole cannot have: a true width is above 0 and at most the
    down-hole length."""
    if ratio is None or 0 < ratio <= 1:
        return None
    return InputError("--true-width-ratio", f"'{ratio}': a true width cannot exceed the "
                      "down-hole length; give a ratio above 0 and at most 1")
