"""The report, explain and compare commands on bad options and unwritable outputs."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assay.cli import app
from assay.errors import InputError
from assay.operating import Unit, load_company
from assay.standards import derive
from assay.standards.compare import compare_methods
from assay.standards.explain import _fmt
from assay.write.report_tables import report_tables
from assay.write.report_xlsx import write_xlsx

from .helpers import company, data

FOLDER = str(Path(__file__).resolve().parents[2] / "examples" / "hecla-2007")


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_compare_refuses_a_period_not_in_the_folder_and_an_unknown_format():
    r = _run("compare", FOLDER, "--period", "2007Q9")
    assert r.exit_code == 2
    assert "period '2007Q9' not in the data (have 2006H1, 2006Q2, 2007H1, 2007Q2)" in r.output
    r = _run("compare", FOLDER, "--period", "2007Q2", "-f", "nonsense")
    assert r.exit_code == 2 and "'nonsense' is not one of" in r.output
    r = _run("compare", FOLDER, "--period", "2007Q2", "-f", "json")
    assert r.exit_code == 0 and r.output.startswith("{")


@pytest.mark.parametrize("command", [
    ["report", "--period", "2007Q2"], ["compare", "--period", "2007Q2"],
    ["explain", "total cash cost", "--period", "2007Q2"]])
def test_an_unwritable_output_is_refused_before_any_work(tmp_path, command):
    out = str(tmp_path / "no" / "such" / "r.txt")
    # the folder does not exist either: the output path is checked first
    r = _run(command[0], str(tmp_path / "missing"), *command[1:], "-o", out)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"{out}: cannot write: " in r.output.replace("\n", "")
    r = _run(command[0], FOLDER, *command[1:], "-o", str(tmp_path))
    assert r.exit_code == 2 and "is a directory" in r.output


def test_a_workbook_that_cannot_be_saved_is_an_input_error(tmp_path):
    derived = derive(load_company(FOLDER))
    tables = report_tables(derived, "2007Q2")
    with pytest.raises(InputError) as e:
        write_xlsx(tables, str(tmp_path / "no" / "r.xlsx"), derived)
    assert "cannot write" in str(e.value)


def test_display_rounding_is_half_away_from_zero():
    # 1,234.565 to cents: half up gives .57 (banker's rounding would give .56)
    assert _fmt(D("1234.565")) == "1,234.57"
    assert _fmt(D("-0.00125")) == "-0.0013"
    assert _fmt(D(2_500_000)) == "2,500,000"
    u = Unit("Mine", "gold", "Gold")
    r = derive(data(company([u]), {("Mine", "2024Q1"): {
        "mining_cost": 1000, "gold_produced": 10, "third_party_oz": "2.5"}}))
    rows, _ = compare_methods(r, "2024Q1")
    # 2.5 oz prints as 3 (banker's rounding: 2)
    assert "3 oz from third-party ore credited, outside the basis" in rows[0].notes


def test_fourth_quarter_dates_stand_over_their_figures():
    # "December 31," is 12 characters, wider than a default column of 11: the columns
    # widen, and each date ends where its figures end (hand-counted in the output)
    from datetime import date

    from assay.model import Period
    from assay.write.report_tables import ReportRow, ReportTable
    from assay.write.report_text import render_table

    periods = [Period.months_ended(3, date(2007, 12, 31)),
               Period.months_ended(3, date(2006, 12, 31))]
    t = ReportTable("Co", "Highlights", "", "", periods,
                    [ReportRow("Silver - Ounces", values=[D(1492740), D(-5)],
                               fact_ids=[None, None])])
    lines = render_table(t).splitlines()
    dates = next(x for x in lines if "December 31," in x)
    figures = next(x for x in lines if x.startswith("Silver"))
    ends = [m.end() for m in re.finditer(r"December 31,", dates)]
    assert ends == [figures.index("1,492,740") + 9, figures.index("(5)") + 2]
