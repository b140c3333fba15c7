"""Guidance in the bundled release, against a list made by hand.

A reader went through examples/hecla-2007-q2.txt line by line and listed every
forward-looking figure of its running text: seven core ones (lines 75, 76, 117, 119,
120-121, 122, 351), the estimated liability range revised from an earlier disclosure
(line 341), and 16 borderline ones that are not guidance figures as assay defines them:
a resource size with no forward word before it (line 162), drill-program and shaft
plans counted in holes, feet and mine levels, dates with no figure ("fourth quarter
2007", "first half of August") and a deposit size sought in acquisitions. The eight
below are all of the first two kinds, none missed and none added.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

from typer.testing import CliRunner

from assay.cli import app
from assay.read import read_release, read_text
from assay.read.guidance import guidance

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"


def test_every_forward_looking_figure_of_the_example() -> None:
    found = [(g.source.line, g.metric, g.metal, g.period_words, g.low, g.high, g.unit,
              g.previous and g.previous[:2]) for g in guidance(read_release(EXAMPLE))]
    assert found == [
        (75, "price sensitivity", "lead", "a year, at the current rate", D("0.50"), D("0.50"),
         "USD/lb", None),
        (76, "price sensitivity", "lead", "a year, at the current rate", D(20_000_000),
         D(20_000_000), "USD", None),
        (117, "cash cost per oz", "silver", "FY2007", D("-0.25"), D("-0.25"), "USD/oz",
         (None, D("0.50"))),  # "(from a previous estimate of less than 50 cents per ounce)"
        (119, "production", "silver", "FY2007", D(6_000_000), D(6_000_000), "oz", None),
        (120, "production", "gold", "FY2007", D(115_000), D(120_000), "oz",
         (D(128_000), D(128_000))),
        (122, "cash cost per oz", "gold", "FY2007", D(440), D(470), "USD/oz", None),
        (341, "liability", None, "", D(65_600_000), D(93_600_000), "USD",
         (D(23_600_000), D(72_000_000))),
        (351, "expenditures", None, "", D(20), D(30), "years", None),
    ]


def test_bounds_approximations_and_the_columns_of_a_figure() -> None:
    text = ("Results.\n\nThe company expects to produce approximately 2.1 million ounces of "
            "gold in 2025, up\nfrom 1.9 million ounces in 2024, and capital of less than "
            "$300 million.\n")
    (a, b) = guidance(read_text(text, "r.txt"))
    assert (a.metric, a.metal, a.period_words, a.low, a.approximate) == (
        "production", "gold", "FY2025", D(2_100_000), True)
    assert (b.metric, b.low, b.high, b.printed) == (
        "capital expenditures", None, D(300_000_000), "less than $300 million")
    # "2.1 million ounces" after the 45 characters of "The company ... approximately "
    assert (a.source.line, a.source.col_start) == (3, 45)


def test_the_command_lists_them_as_json_with_their_places() -> None:
    r = CliRunner().invoke(app, ["guidance", str(EXAMPLE), "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    gold = next(x for x in rows if x["line"] == 120)
    assert gold["previous"] == {"low": "128000", "high": "128000",
                                "printed": "128,000 ounces"}
    assert (gold["period_start"], gold["period_end"]) == ("2007-01-01", "2007-12-31")
