"""Loading a company folder: every input error in one pass, with file, row and column."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from assay.cli import app
from assay.errors import InputErrors
from assay.operating import load_company

TOML = """
[company]
name = "Co"

[[units]]
name = "Mine"
primary_metal = "gold"
segment = "Gold"
share = 0.5
"""


def _folder(tmp_path, toml=TOML, **csvs):
    (tmp_path / "company.toml").write_text(toml)
    for name, text in csvs.items():
        (tmp_path / f"{name}.csv").write_text(text)
    return tmp_path


def test_loads_cells_with_their_file_row_and_column(tmp_path):
    folder = _folder(tmp_path, costs="unit,period,mining_cost,gold_produced\n"
                                      "Mine,2024Q1,\"1,250.50\",100\n")
    d = load_company(folder)
    assert d.value("Mine", "2024Q1", "mining_cost") == D("1250.50")
    assert d.company.unit("Mine").share == D("0.5")
    loc = d.locations[("Mine", "2024Q1", "mining_cost")]
    assert (loc.row, loc.column) == (2, "mining_cost")
    assert str(loc).endswith("costs.csv:2:mining_cost")


def test_all_errors_in_one_pass(tmp_path):
    folder = _folder(tmp_path, costs="unit,period,mining_cost,tonz\n"
                                      "Mine,2024Q1,l2000,1\n"
                                      "Nowhere,2024Q1,5,1\n"
                                      "Mine,2024Q9,5,1\n"
                                      "Mine,2024Q2,5,\n",
                     more="unit,period,mining_cost\nMine,2024Q2,7\n")
    with pytest.raises(InputErrors) as e:
        load_company(folder)
    text = [str(x) for x in e.value.errors]
    assert any("costs.csv:1" in t and "'tonz'" in t for t in text)
    assert any("costs.csv:2" in t and "'mining_cost': not a number: 'l2000'" in t for t in text)
    assert any("costs.csv:3" in t and "unknown unit 'Nowhere'" in t for t in text)
    assert any("costs.csv:4" in t and "not a period" in t for t in text)
    assert any("more.csv:2" in t and "already given" in t for t in text)
    assert len(text) == 5


def test_bad_company_toml_and_cli_exit_code(tmp_path):
    toml = TOML.replace('"gold"', '"unobtainium"').replace("0.5", "1.5")
    folder = _folder(tmp_path, toml, costs="unit,period,mining_cost\nMine,2024Q1,1\n")
    with pytest.raises(InputErrors) as e:
        load_company(folder)
    assert len(e.value.errors) == 2
    result = CliRunner().invoke(app, ["report", str(folder), "--period", "2024Q1"])
    assert result.exit_code == 2
    assert "unobtainium" in result.output and "Traceback" not in result.output


def test_workbook_input(tmp_path):
    from openpyxl import Workbook

    (tmp_path / "company.toml").write_text(TOML)
    wb = Workbook()
    ws = wb.active
    ws.title = "costs"
    ws.append(["unit", "period", "mining_cost", "gold_produced"])
    ws.append(["Mine", "2024Q1", 1000, 10])
    wb.save(tmp_path / "data.xlsx")
    d = load_company(tmp_path)
    assert d.value("Mine", "2024Q1", "mining_cost") == D(1000)
    assert "data.xlsx[costs]" in str(d.locations[("Mine", "2024Q1", "mining_cost")])
