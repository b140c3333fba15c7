"""Printed figures: sign, nil, precision and the interval each stands for."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assay.model import interval_of, parse_number
from assay.model.units import GPT_PER_OPT, gpt_from_opt, opt_from_gpt


@pytest.mark.parametrize(
    ("text", "value", "decimals", "nil"),
    [
        ("$ (3,043)", "-3043", 0, False),
        ("(1.00)", "-1.00", 2, False),
        ("0.30", "0.30", 2, False),
        ("--", "0", 0, True),
        ("1,656,230", "1656230", 0, False),
        ("6,120.8", "6120.8", 1, False),
        ("-1.5", "-1.5", 1, False),
        ("$42", "42", 0, False),
    ],
)
def test_parse_number(text, value, decimals, nil):
    n = parse_number(text)
    assert n is not None
    assert n.value == Decimal(value)
    assert n.decimals == decimals
    assert n.nil is nil


@pytest.mark.parametrize("text", ["abc", "1,2", "(2.60", "RG-04", "12a", ""])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_interval_of_thousands_and_cents():
    # 24,337 printed in thousands stands for [24,336,500, 24,337,500]
    iv = interval_of(Decimal("24337000"), -3)
    assert (iv.lo, iv.hi) == (Decimal("24336500"), Decimal("24337500"))
    iv = interval_of(Decimal("-1.98"), 2)
    assert (iv.lo, iv.hi) == (Decimal("-1.985"), Decimal("-1.975"))


def test_grams_per_tonne_factor_is_exact():
    # 31.1034768 g / 0.90718474 t = 240/7 exactly; 8.66 opt = 296.914285... g/t
    assert GPT_PER_OPT.numerator == 240 and GPT_PER_OPT.denominator == 7
    assert gpt_from_opt(Decimal("7")) == 240
    assert opt_from_gpt(Decimal("240")) == 7
    # exact, not 28 significant digits: 8.66 opt = 2078.4/7 g/t, and back again
    assert gpt_from_opt(Decimal("8.66")) == Fraction(20784, 70)
    assert opt_from_gpt(gpt_from_opt(Decimal("8.66"))) == Fraction(866, 100)


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=4))
def test_printed_integers_round_trip(n, places):
    value = Decimal(n).scaleb(-places)
    text = f"{abs(value):,.{places}f}"
    if value < 0:
        text = f"({text})"
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == value and parsed.decimals == places
    assert interval_of(parsed.value, parsed.decimals).contains(value)
