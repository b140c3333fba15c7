"""Units of measure and the exact conversion constants, defined once.

Unit codes are short strings so that facts serialise plainly: ``USD``, ``USD/oz``,
``USD/lb``, ``USD/ton``, ``USD/share``, ``oz``, ``ton``, ``lb``, ``oz/ton``, ``g/t``,
``m``, ``ft``, ``shares``, ``%``, ``ratio``, ``days``, ``months``, ``years``, ``count``.
``ton`` is the short ton (2,000 lb) that North American releases use; ``t`` is the
metric tonne.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

GRAMS_PER_TROY_OUNCE = Decimal("31.1034768")
KILOGRAMS_PER_POUND = Decimal("0.45359237")
POUNDS_PER_SHORT_TON = Decimal(2000)
TONNES_PER_SHORT_TON = Decimal("0.90718474")
METRES_PER_FOOT = Decimal("0.3048")

#: 1 troy ounce per short ton in grams per tonne: 31.1034768 / 0.90718474 = 240/7 exactly.
GPT_PER_OPT = Fraction(240, 7)
assert Fraction(GRAMS_PER_TROY_OUNCE) / Fraction(TONNES_PER_SHORT_TON) == GPT_PER_OPT

USD = "USD"
USD_PER_OZ = "USD/oz"
USD_PER_LB = "USD/lb"
USD_PER_TON = "USD/ton"
USD_PER_SHARE = "USD/share"
OUNCES = "oz"
TONS = "ton"
POUNDS = "lb"
OZ_PER_TON = "oz/ton"
G_PER_T = "g/t"
METRES = "m"
FEET = "ft"
SHARES = "shares"
PERCENT = "%"
RATIO = "ratio"
DAYS = "days"
MONTHS = "months"
YEARS = "years"
COUNT = "count"  # things counted: stores, employees, mines

#: units whose figures add up: amounts, counts, quantities and lengths (not percentages,
#: ratios, prices per unit or per share, grades or spans of time, which a total's row
#: averages or recomputes)
ADDITIVE = frozenset({USD, SHARES, OUNCES, POUNDS, TONS, COUNT, METRES, FEET})

UNITS = frozenset(
    {USD, USD_PER_OZ, USD_PER_LB, USD_PER_TON, USD_PER_SHARE, OUNCES, TONS, POUNDS,
     OZ_PER_TON, G_PER_T, METRES, FEET, SHARES, PERCENT, RATIO, DAYS, MONTHS, YEARS, COUNT}
)


def gpt_from_opt(opt: Decimal | Fraction) -> Fraction:
    """Grams per tonne from troy ounces per short ton, exactly (×240/7)."""
    return Fraction(opt) * GPT_PER_OPT


def opt_from_gpt(gpt: Decimal | Fraction) -> Fraction:
    """Troy ounces per short ton from grams per tonne, exactly (×7/240)."""
    return Fraction(gpt) / GPT_PER_OPT
