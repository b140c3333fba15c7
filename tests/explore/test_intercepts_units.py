"""Cut-off units, true-width rounding and the one rounding rule, worked by hand."""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction as F
from math import floor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assay.errors import InputError, InputErrors
from assay.explore import Cutoff, Rules, find_intercepts, load_folder, report, rounded
from assay.explore.report import prose, text_report, values
from assay.model import round_to

TWO = "hole_id,from,to,Ag\nH1,0,1,100\nH1,1,2,40\n"  # Ag column in g/t


def spans(result):
    return [(ic.frm, ic.to) for ic in result.intercepts]


@pytest.mark.parametrize(("text", "column_unit", "expected"), [
    ("Ag>=5%", "g/t", F(50_000)),  # 1% = 10,000 g/t
    ("Ag>=1 oz/ton", "g/t", F(240, 7)),  # 31.1034768 g / 0.90718474 t
    ("Ag>=1.2opt", "g/t", F(288, 7)),  # 1.2 x 240/7
    ("Au>=500 ppb", "g/t", F(1, 2)),  # 500 / 1,000
    ("Au>=3ppm", "g/t", F(3)),
    ("Cu>=5000 ppm", "%", F(1, 2)),  # 5,000 g/t / 10,000
    ("Cu>=0.5", "%", F(1, 2)),  # no unit: the column's
])
def test_a_cutoff_is_converted_exactly_to_the_column_unit(text, column_unit, expected):
    assert Cutoff.parse(text).threshold(column_unit) == expected


def test_a_cutoff_in_an_unknown_unit_is_refused():
    with pytest.raises(InputError, match="unknown grade unit 'm'"):
        Cutoff.parse("Ag>=5 m")


def test_a_percent_cutoff_on_a_gpt_column_is_not_read_as_gpt(folder):
    # Ag>=5% is 50,000 g/t: neither 100 nor 40 g/t is ore (read as 5 g/t, both would be)
    data = load_folder(folder(TWO))
    r = find_intercepts(data, Rules(Cutoff.parse("Ag>=5%")))
    assert r.intercepts == []
    assert "Cut-off: Ag >= 5 % (50,000 g/t)" in text_report(r, "T")


def test_an_ounces_per_ton_cutoff_selects_in_gpt(folder):
    # 1.2 oz/ton x 240/7 = 288/7 = 41.14 g/t: 100 is ore, 40 is not (1.2 g/t takes both)
    r = find_intercepts(load_folder(folder(TWO)), Rules(Cutoff.parse("Ag>=1.2 oz/ton")))
    assert spans(r) == [(D(0), D(1))]
    assert "Cut-off: Ag >= 1.2 oz/ton (288/7 = 41.1429... g/t)" in text_report(r, "T")
    params = json.loads(report.to_json(r))["parameters"]
    assert params["cutoff"] == "Ag>=1.2 oz/ton"
    assert params["cutoff_in_column_unit"] == {"unit": "g/t", "exact": "288/7"}


def test_an_include_not_above_the_cutoff_after_conversion_is_refused(folder):
    # include 40,000 g/t < cut-off 5% = 50,000 g/t
    data = load_folder(folder(TWO))
    with pytest.raises(InputErrors, match="is not above the cut-off"):
        find_intercepts(data, Rules(Cutoff.parse("Ag>=5%"), include=Cutoff.parse("Ag>=40000")))


VERTICAL = "hole_id,depth,azimuth,dip\nH1,0,0,-90\n"


def test_true_width_is_rounded_once_half_away_from_zero(folder):
    # vertical hole through a vein dipping 60 degrees: 2.25 m x cos 60 = 1.125 m exactly;
    # half away from zero 1.13 (a half-even rounding to 0.01 m first would give 1.12)
    d = folder("hole_id,from,to,Ag\nH1,0,2.25,100\n", survey=VERTICAL)
    r = find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=50"),
                                              vein_orientation=(D(60), D(90))))
    assert r.intercepts[0].true_width == D("1.125")
    assert values(r.intercepts[0], r)["true_width"] == D("1.13")


def test_true_width_in_feet_is_rounded_from_the_unrounded_metres(folder):
    # 1.125 m / 0.3048 = 3.6909... ft -> 3.69; from a rounded 1.12 m it would be 3.67
    d = folder("hole_id,from,to,Ag\nH1,0,2.25,100\n", survey=VERTICAL)
    r = find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=50"),
                                              vein_orientation=(D(60), D(90)),
                                              length_unit="ft"))
    assert values(r.intercepts[0], r)["true_width"] == D("3.69")
    assert "(true width 3.69 feet)" in prose(r.intercepts[0], r)


@given(st.integers(-10**12, 10**12), st.integers(1, 10**6), st.integers(0, 4))
def test_rounded_is_half_away_from_zero_on_exact_fractions(num, den, places):
    q = F(num, den)
    n = floor(abs(q) * 10**places + F(1, 2))  # the rule, by hand
    expected = D(n if q >= 0 else -n).scaleb(-places)
    got = rounded(q, places)
    assert got == expected and got.as_tuple().exponent == -places
    assert not str(got).startswith("-") or got != 0  # never "-0.00"


@given(st.decimals(min_value=-10**6, max_value=10**6, places=6), st.integers(0, 4))
def test_rounded_decimals_follow_round_to(value, places):
    assert rounded(value, places) == round_to(value, places)


def test_each_row_is_rounded_once_for_the_whole_text_report(folder, monkeypatch):
    # intercepts 0-1 @ 600 and 3-5 @ (60 + 700) / 2 = 380; including 4-5 @ 700 in the
    # second (the first's would be all of it, so none): 3 rows in the table and the prose
    r = find_intercepts(load_folder(folder("hole_id,from,to,Ag\nH1,0,1,600\nH1,1,3,1\n"
                                           "H1,3,4,60\nH1,4,5,700\n")),
                        Rules(Cutoff.parse("Ag>=50"), include=Cutoff.parse("Ag>=500")))
    rows = len(r.all())
    assert rows == 3
    calls = []
    real = report.values
    monkeypatch.setattr(report, "values", lambda ic, res: calls.append(ic) or real(ic, res))
    report.text_report(r, "T")
    assert len(calls) == rows


def test_a_grade_below_a_hundredth_of_an_ounce_is_said_so(folder):
    # 0.1 g/t gold = 0.1 x 7/240 = 0.0029 oz/ton: "0.00 oz/ton" would say there is none
    d = folder("hole_id,from,to,Ag,Au\nH1,0,2,100,0.1\n")
    r = find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=50")))
    assert "0.10 g/t gold (<0.01 oz/ton gold)" in prose(r.intercepts[0], r)


def test_the_workbook_holds_source_rows_as_numbers(folder, tmp_path):
    from openpyxl import load_workbook

    from assay.explore.workbook import write_xlsx

    d = folder("hole_id,from,to,Ag\nH1,0,1,100\nH1,1,2,90\nH1,2,3,1\n")
    r = find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=50")))
    write_xlsx(r, tmp_path / "i.xlsx", "T")
    ws = load_workbook(tmp_path / "i.xlsx")["Intercepts"]
    head = [c.value for c in ws[2]]
    row = {h: c.value for h, c in zip(head, ws[3], strict=True)}
    assert (row["First row"], row["Last row"], row["Rows"]) == (2, 3, "2 3")
