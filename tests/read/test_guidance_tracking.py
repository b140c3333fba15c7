"""Guidance tracked across three releases of one (made-up) company, checked by hand:
Q1 guides 6.0 to 6.5 million ounces of silver for 2007 and a cash cost under $1.00; Q2
revises the production to 6.8 million ounces; Q4's table reports 6,912,345 ounces and
$0.92 an ounce for the twelve months of 2007 (its lines 11 and 12)."""

from __future__ import annotations

import json
from decimal import Decimal as D

from typer.testing import CliRunner

from assay.cli import app
from assay.read import read_release
from assay.read.tracking import track

Q1 = """ACME SILVER CORP. REPORTS FIRST QUARTER 2007 RESULTS

April 30, 2007 -- Acme Silver Corp. reported results for the first quarter ended
March 31, 2007.

The company expects to produce 6.0 to 6.5 million ounces of silver in 2007 at a total
cash cost of less than $1.00 per ounce.
"""
Q2 = """ACME SILVER CORP. REPORTS SECOND QUARTER 2007 RESULTS

July 30, 2007 -- Acme Silver Corp. reported results for the second quarter ended
June 30, 2007.

The company has revised its estimated silver production for 2007 upward to 6.8 million
ounces (from a previous estimate of 6.0 to 6.5 million ounces).
"""
Q4 = """ACME SILVER CORP. REPORTS FOURTH QUARTER AND FULL YEAR 2007 RESULTS

February 20, 2008 -- Acme Silver Corp. reported results for the fourth quarter and
year ended December 31, 2007.

                                      Fourth Quarter Ended      Twelve Months Ended
                                          December 31,              December 31,
                                        2007        2006          2007        2006
PRODUCTION SUMMARY

Silver produced (oz.)               1,802,113   1,512,009     6,912,345   6,001,234
Total cash cost per ounce ($/oz.)        0.85        1.20          0.92        1.15
"""


def releases(tmp_path):
    paths = []
    for name, text in (("q1.txt", Q1), ("q2.txt", Q2), ("q4.txt", Q4)):
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    return paths


def test_each_metric_is_tracked_to_its_actual(tmp_path):
    docs = [read_release(p, require_tables=False) for p in releases(tmp_path)]
    production, cost = track(docs)
    assert (production.metric, production.metal, production.period, production.unit) == (
        "production", "silver", "2007FY", "oz")
    assert [(e.guidance.low, e.guidance.high) for e in production.estimates] == [
        (D(6_000_000), D(6_500_000)), (D(6_800_000), D(6_800_000))]
    assert production.estimates[1].guidance.previous[:2] == (D(6_000_000), D(6_500_000))
    assert production.actual.value == D(6_912_345)
    assert production.actual.source.line == 11 and production.verdict == "above"
    assert (cost.metric, cost.unit) == ("cash cost per oz", "USD/oz")
    assert [(e.guidance.low, e.guidance.high) for e in cost.estimates] == [(None, D(1))]
    assert cost.actual.value == D("0.92") and cost.verdict == "within"


def test_the_command_tracks_and_draws(tmp_path):
    paths = releases(tmp_path)
    result = CliRunner().invoke(app, ["guidance", *paths, "--track", "-f", "json",
                                      "--plot", str(tmp_path / "t.png")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(t["metric"], t["actual"]["value"], t["verdict"]) for t in data] == [
        ("production", "6912345", "above"), ("cash cost per oz", "0.92", "within")]
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    lone = CliRunner().invoke(app, ["guidance", paths[0], "--plot", str(tmp_path / "x.png")])
    assert lone.exit_code == 2 and "error: --plot: draws the tracked guidance" in lone.output


def test_releases_are_ordered_by_the_period_they_report_and_metals_kept_apart(tmp_path):
    q1, q2, q4 = releases(tmp_path)
    # given out of order: the releases' own "quarter ended" dates put Q1's estimate first
    docs = [read_release(p, require_tables=False) for p in (q2, q4, q1)]
    production = track(docs)[0]
    assert [e.as_of.isoformat() for e in production.estimates] == ["2007-03-31",
                                                                   "2007-06-30"]
    assert production.verdict == "above"
    # a gold row and a silver-equivalent row beside the silver one are not silver's actual
    text = Q4.replace("Silver produced (oz.)               1,802,113",
                      "Gold produced (oz.)                    45,000      44,000        "
                      "45,000      44,000\nSilver equivalent produced (oz.)    9,000,000   "
                      "8,000,000     9,912,345   8,000,000\nSilver produced (oz.)          "
                      "     1,802,113")
    (tmp_path / "q4.txt").write_text(text)
    docs = [read_release(p, require_tables=False) for p in (q1, q2, q4)]
    assert track(docs)[0].actual.value == D(6_912_345)
