"""Monte Carlo price scenarios on the Hecla folder, checked against closed forms.

Lead alone: the company's annual cash flow moves by 6,289 t x 2,000 lb x 4 = $50,312,000
per $1/lb (payable 1, tax 0: examples/hecla-2007), and a lognormal price with volatility
v around P0 = $0.99/lb has its median at P0 exp(-v^2/2) and its 5th percentile at
P0 exp(-1.6448536 v - v^2/2). The cash flow is an increasing straight line in the price,
so its percentiles are the line at the price's percentiles.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from assay.cli import app
from assay.operating import load_company
from assay.standards import derive
from assay.standards.simulation import model, simulate

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007"
runner = CliRunner()


@pytest.fixture(scope="module")
def lead():
    return model(derive(load_company(EXAMPLE)), "2007Q2", ["lead"])


def test_the_coefficients_are_the_sensitivity_models(lead):
    company = lead.entities.index("Hecla Mining Company")
    assert lead.cash_flow[company, 0] == 50_312_000
    lucky = lead.entities.index("Lucky Friday")
    # Lucky Friday: 4,852 t x 2,000 lb of lead credits over 804,117 oz of silver: the cash
    # cost falls $12.0678 an ounce per $1/lb
    assert lead.cash_flow[lucky, 0] == 4_852 * 2_000 * 4
    assert round(lead.cash_cost[lucky, 0], 4) == round(-4_852 * 2_000 / 804_117, 4)
    assert lead.base_prices.tolist() == [0.99]


def test_percentiles_follow_the_lognormal_price(lead):
    sim = simulate(lead, {"lead": 0.30}, 400_000, seed=7)
    flow = sim.cash_flow["Hecla Mining Company"]
    median = 50_312_000 * 0.99 * (math.exp(-0.045) - 1)  # -2,191,7xx
    p5 = 50_312_000 * 0.99 * (math.exp(-1.6448536 * 0.30 - 0.045) - 1)
    assert flow.percentiles[50] == pytest.approx(median, rel=0.02)
    assert flow.percentiles[5] == pytest.approx(p5, rel=0.01)
    assert abs(flow.mean) < 3 * 50_312_000 * 0.99 * 0.30 / math.sqrt(400_000)  # mean price kept
    assert flow.below_zero == pytest.approx(0.5596, abs=0.003)  # P(Z < v/2) = 0.5596


def test_the_same_seed_gives_the_same_figures(lead):
    a = simulate(lead, {"lead": 0.30}, 10_000, seed=3)
    b = simulate(lead, {"lead": 0.30}, 10_000, seed=3)
    c = simulate(lead, {"lead": 0.30}, 10_000, seed=4)
    assert a.cash_flow == b.cash_flow and a.cash_cost == b.cash_cost
    assert a.cash_flow != c.cash_flow
    assert np.array_equal(a.samples["Hecla Mining Company: cash flow"],
                          b.samples["Hecla Mining Company: cash flow"])


def test_the_command_and_its_refusals(tmp_path):
    ok = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--simulate",
                             "2000", "--vol", "lead=30%", "-f", "json", "--seed", "5",
                             "--plot", str(tmp_path / "h.png")])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert (data["scenarios"], data["seed"], data["vols"]) == (2000, 5, {"lead": 0.3})
    assert (tmp_path / "h.png").read_bytes().startswith(b"\x89PNG")
    bad = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--simulate",
                              "10", "--price", "lead=+1", "--vol", "lead=-1"])
    assert bad.exit_code == 2
    assert "error: --simulate: draws its own price changes" in bad.output
    copper = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--simulate",
                                 "10", "--vol", "copper=0.2"])
    assert copper.exit_code == 2 and "no copper price for 2007Q2" in copper.output
    lone = runner.invoke(app, ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--vol", "lead=1"])
    assert lone.exit_code == 2 and "error: --vol: sets the scenarios' volatility" in lone.output


def test_options_a_simulation_cannot_use_are_refused():
    base = ["sensitivity", str(EXAMPLE), "-p", "2007Q2", "--simulate", "100"]
    for extra, line in (
        (["--vol", "lead=0.3", "--vol", "lead=0.4"],
         "error: --vol lead=0.4: a second volatility for lead"),
        (["--vol", "lead=2"], "error: --vol lead=2: 2: an annual volatility from 0 to 1 "
                              "(100%); above it a lognormal's sample mean is mostly noise"),
        (["--vol", "lead=0.3", "--seed", "-1"], "error: --seed: -1: a seed is 0 or more"),
    ):
        r = runner.invoke(app, [*base, *extra])
        assert r.exit_code == 2, r.output
        assert " ".join(r.output.split()) == line


def test_scenarios_take_the_participation_off_each_draw(tmp_path):
    import shutil

    folder = tmp_path / "hecla"
    shutil.copytree(EXAMPLE, folder)
    with (folder / "company.toml").open("a") as fh:
        fh.write("\n[terms]\nparticipation = { lead = { share = 0.15, basis = 0.80 } }\n")
    m = model(derive(load_company(folder)), "2007Q2", ["lead"])
    sim = simulate(m, {"lead": 0.30}, 400_000, seed=7)
    # the median price 0.99 exp(-0.045) = 0.946437 stays above the basis: the company is
    # paid 85% of the fall, 0.85 x -0.043563 = -0.037029 a pound, x 50,312,000 lb a year
    median = 50_312_000 * 0.85 * 0.99 * (math.exp(-0.045) - 1)
    assert sim.cash_flow["Hecla Mining Company"].percentiles[50] == pytest.approx(median,
                                                                                  rel=0.02)
