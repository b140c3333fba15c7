"""Price sensitivity on the bundled Hecla folder, checked by hand arithmetic.

2007Q2 attributable production (examples/hecla-2007/production.csv): lead, Lucky Friday
4,852 tons and Greens Creek 1,437 tons (already Hecla's 29.73%), 6,289 tons in all;
silver, 804,117 oz and 688,623 oz. A short ton is 2,000 lb; a quarter is annualised x 4.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal as D
from pathlib import Path

from typer.testing import CliRunner

from assay.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007"
runner = CliRunner()


def _json(args: list[str]) -> dict:
    r = runner.invoke(app, ["sensitivity", *args, "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def _effect(result: dict, entity: str, metal: str) -> dict:
    return next(e for e in result["effects"] if e["entity"] == entity and e["metal"] == metal)


def test_lead_at_50_cents_a_pound_by_hand() -> None:
    s = _json([str(EXAMPLE), "-p", "2007Q2", "--price", "lead=+0.50/lb"])
    lf = _effect(s, "Lucky Friday", "lead")
    # 4,852 t x 2,000 lb x $0.50 = $4,852,000 in the quarter; x 4 = $19,408,000 a year
    assert D(lf["revenue_period"]) == D(4_852_000)
    assert D(lf["revenue_annual"]) == D(19_408_000)
    # the credits rise by $4,852,000 over 804,117 oz: cash cost falls $6.0339... an ounce
    assert round(D(lf["cash_cost_per_oz_change"]), 4) == D("-6.0339")
    company = _effect(s, "Hecla Mining Company", "lead")
    # 6,289 t x 2,000 x 0.50 x 4 = $25,156,000: the release says "nearly $20 million"
    assert D(company["revenue_annual"]) == D(25_156_000)
    assert company["cash_cost_per_oz"] is None  # the company mixes primary metals
    assert "default 1" in " ".join(s["assumptions"])


def test_terms_from_company_toml_and_a_primary_metal(tmp_path: Path) -> None:
    folder = tmp_path / "hecla"
    shutil.copytree(EXAMPLE, folder)
    with (folder / "company.toml").open("a") as fh:
        fh.write("\n[terms]\npayable = { lead = 0.95 }\ntax_rate = 0.35\n")
    s = _json([str(folder), "-p", "2007H1", "--price", "lead=0.5", "--price", "silver=-1/oz"])
    company = _effect(s, "Hecla Mining Company", "lead")
    # 2007H1: 9,598 + 2,992 = 12,590 t x 2,000 x 0.50 x 0.95 = $11,960,500; x 2 a year
    assert D(company["revenue_annual"]) == D(23_921_000)
    assert D(company["cash_flow_annual"]) == D("15548650.00")  # x (1 - 0.35)
    lf = _effect(s, "Lucky Friday", "silver")
    # silver is Lucky Friday's primary metal: revenue moves, its by-product cash cost not
    assert D(lf["revenue_period"]) == D(-1_656_230)
    assert lf["cash_cost_per_oz_change"] is None


def test_a_grid_and_bad_changes_and_terms(tmp_path: Path) -> None:
    s = _json([str(EXAMPLE), "-p", "2007Q2", "--grid", "zinc=-0.10:0.10:0.05"])
    changes = [e["change"] for e in s["effects"] if e["entity"] == "Lucky Friday"]
    assert changes == ["-0.10", "-0.05", "0.00", "0.05", "0.10"]
    r = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--price",
                            "lead=+0.5/oz", "--price", "tin=1", "--grid", "lead=1:0:0.1"])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "error: --price lead=+0.5/oz: lead is priced in USD/lb, not per oz",
        "error: --price tin=1: unknown metal 'tin' (one of silver, gold, lead, zinc, copper)",
        "error: --grid lead=1:0:0.1: FROM must not exceed TO, and STEP must be above zero"]
    folder = tmp_path / "hecla"
    shutil.copytree(EXAMPLE, folder)
    with (folder / "company.toml").open("a") as fh:
        fh.write("\n[terms]\npayable = { lead = 1.2 }\n")
    r = runner.invoke(app, ["sensitivity", str(folder), "-p", "2007Q2", "--price", "lead=1"])
    assert r.exit_code == 2
    assert "company.toml:" in r.stderr and "terms.payable.lead must be a fraction in [0, 1], " \
        "not 1.2" in r.stderr


def test_charts_are_written_and_a_chart_format_is_checked_first(tmp_path: Path) -> None:
    png = tmp_path / "spider.png"
    r = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--grid",
                            "lead=-0.5:0.5:0.25", "--plot", str(png)])
    assert r.exit_code == 0 and f"spider chart written to {png}" in r.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--price", "lead=1",
                            "--plot", str(tmp_path / "chart.txt")])
    assert r.exit_code == 2 and "a chart is written as .png, .svg or .pdf" in r.stderr
    assert not (tmp_path / "chart.txt").exists()


def test_a_base_metal_mine_counts_its_cost_per_pound(tmp_path: Path) -> None:
    # a zinc mine: 500 t of zinc and 100 t of lead in the quarter. Lead +$0.10/lb adds
    # 100 t x 2,000 lb x 0.10 = $20,000 of credits, over 500 t x 2,000 lb = 1,000,000 lb
    # of zinc: the cash cost falls $0.02 a pound (not a ton)
    (tmp_path / "company.toml").write_text(
        '[company]\nname = "Co"\n\n[[units]]\nname = "Mine"\nprimary_metal = "zinc"\n'
        'segment = "Zinc"\n')
    (tmp_path / "production.csv").write_text(
        "unit,period,ore_milled,zinc_produced,lead_produced\nMine,2024Q1,1000,500,100\n")
    (tmp_path / "costs.csv").write_text(
        "unit,period,mining_cost,byproduct_credits\nMine,2024Q1,300000,50000\n")
    s = _json([str(tmp_path), "-p", "2024Q1", "--price", "lead=+0.10/lb"])
    mine = _effect(s, "Mine", "lead")
    assert D(mine["revenue_period"]) == D(20_000)
    assert D(mine["cash_cost_per_oz_change"]) == D("-0.02")


def test_a_royalty_takes_its_share_of_every_change(tmp_path: Path) -> None:
    folder = tmp_path / "hecla"
    shutil.copytree(EXAMPLE, folder)
    with (folder / "company.toml").open("a") as fh:
        fh.write("\n[terms]\nroyalty_rate = 0.03\n")
    s = _json([str(folder), "-p", "2007Q2", "--price", "lead=+0.50/lb",
               "--price", "silver=+1/oz"])
    lf = _effect(s, "Lucky Friday", "lead")
    # $4,852,000 more payable lead a quarter, less the 3% royalty ($145,560), x 4
    assert D(lf["cash_flow_annual"]) == D(18_825_760)
    # the credits rise $4,852,000 and the royalty on them $145,560: cash cost falls
    # $4,706,440 over 804,117 oz = $5.8529 an ounce (6.0339 x 0.97)
    assert round(D(lf["cash_cost_per_oz_change"]), 4) == D("-5.8529")
    silver = _effect(s, "Lucky Friday", "silver")
    # silver is the primary metal: its price moves the cash cost by the royalty, $0.03/oz
    assert D(silver["cash_cost_per_oz_change"]) == D("0.03")
    assert any("Royalty (net smelter return)" in a and "0.03 (company.toml [terms])" in a
               for a in s["assumptions"])


def test_a_smelters_price_participation(tmp_path: Path) -> None:
    folder = tmp_path / "hecla"
    shutil.copytree(EXAMPLE, folder)
    with (folder / "company.toml").open("a") as fh:
        fh.write("\n[terms]\nparticipation = { lead = { share = 0.15, basis = 0.80 } }\n")
    up = _effect(_json([str(folder), "-p", "2007Q2", "--price", "lead=+0.50/lb"]),
                 "Lucky Friday", "lead")
    # from $0.99: the smelter keeps 15% of the rise above $0.80, all of it here:
    # 0.50 - 0.15 x 0.50 = $0.425 paid; 4,852 t x 2,000 lb x 0.425 = $4,124,200
    assert D(up["revenue_period"]) == D(4_124_200)
    down = _effect(_json([str(folder), "-p", "2007Q2", "--price", "lead=-0.50/lb"]),
                   "Lucky Friday", "lead")
    # to $0.49: only the $0.19 above the basis was shared: -0.50 + 0.15 x 0.19 = -0.4715
    assert D(down["revenue_period"]) == D(-4_575_436)
