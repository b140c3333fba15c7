"""Report labels follow each unit's metal and basis, and the printed quotients hold."""

from __future__ import annotations

from decimal import Decimal as D

from typer.testing import CliRunner

from assay.cli import app

TOML = """[company]
name = "Zinco"
[[units]]
name = "Pit"
primary_metal = "zinc"
segment = "Zinc operations"
cost_basis = "sold"
[prices.2024Q2]
zinc = 1.20
lead = 0.90
"""
CSV = ("unit,period,ore_milled,zinc_grade,lead_grade,zinc_produced,zinc_sold,lead_produced,"
       "mining_cost,milling_cost,byproduct_credits\n"
       "Pit,2024Q1,100000,8.5,2.0,7650,7600,1800,5000000,2000000,3000000\n"
       "Pit,2024Q2,110000,8.0,2.2,7920,7900,2100,5200000,2100000,3500000\n")


def _report(tmp_path) -> str:
    (tmp_path / "company.toml").write_text(TOML)
    (tmp_path / "data.csv").write_text(CSV)
    result = CliRunner().invoke(app, ["report", str(tmp_path), "--period", "2024Q2"])
    assert result.exit_code == 0, result.output
    return result.output


def _line(text: str, start: str) -> list[str]:
    line = next(x for x in text.splitlines() if x.startswith(start))
    return line[len(start):].replace("$", "").split()


def test_a_zinc_unit_on_a_sold_basis_is_labelled_in_percent_and_pounds_sold(tmp_path):
    text = _report(tmp_path)
    assert "(oz./ton)" not in text and "ounces" not in text.split("Reconciliation")[1]
    # grades in %: H1 (100,000 t x 8.5% + 110,000 t x 8.0%) / 210,000 t = 8.238 -> 8.24
    assert _line(text, "Ore grade milled - Zinc (%)") == ["8.00", "8.24"]
    assert "Average cost per pound of zinc sold (1):" in text
    assert "Average cost per pound of zinc sold:" in text  # the segment, in the highlights
    assert _line(text, "  Total cash costs ($/lb.)") == ["0.24", "0.25"]
    # Q2: 5,200,000 + 2,100,000 - 3,500,000 = 3,800,000 over 7,900 t sold x 2,000 lb
    # = 15,800 thousand lb: 3,800 / 15,800 = 0.2405 -> 0.24 per pound, as printed
    assert _line(text, "Divided by zinc pounds sold") == ["15,800", "31,000"]
    cost, pounds = D(3800), D(15800)
    assert round(cost / pounds, 2) == D("0.24")
    # H1: 7,800 / (7,600 + 7,900) x 2 = 31,000 thousand lb -> 0.2516 -> 0.25
    assert round(D(7800) / D(31000), 2) == D("0.25")
    assert "Total cash cost per pound" in text and "per ounce produced" not in text
    assert "(1) Lead produced has been treated as by-product credits in calculating" in text
