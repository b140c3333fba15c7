"""Loading a company folder: every input error in one pass, with file, row and column."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from assay.cli import app
from assay.errors import InputError, InputErrors
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


#: one unit's costs and the ounces its cost per ounce divides by
COSTS = "unit,period,mining_cost,gold_produced\nMine,2024Q1,1,10\n"


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
    # Mine's 2024Q2 costs (row 5) have no ounces to divide by: the folder has no gold column
    assert any("costs.csv:5: unit 'Mine' 2024Q2: no column 'gold_produced' in the folder" in t
               for t in text)
    assert len(text) == 6
    assert text == sorted(text, key=lambda t: (t.split(":")[0], int(t.split(":")[1])))


def test_bad_company_toml_and_cli_exit_code(tmp_path):
    toml = TOML.replace('"gold"', '"unobtainium"').replace("0.5", "1.5")
    folder = _folder(tmp_path, toml, costs=COSTS)
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


def _errors(folder) -> list[str]:
    with pytest.raises(InputErrors) as e:
        load_company(folder)
    return [str(x) for x in e.value.errors]


def test_ragged_rows_and_repeated_columns_are_errors_in_one_pass(tmp_path):
    folder = _folder(tmp_path, costs="unit,period,mining_cost,gold_produced\n"
                                      "Mine,2024Q1,100,10,999\n"  # an extra cell
                                      "Mine,2024Q2,100\n"  # a short row
                                      "Mine,2024Q3,100,10\n",
                     prod="unit,period,gold_produced,gold_produced\nMine,2024Q4,5,7\n")
    text = _errors(folder)
    assert any(t.endswith("costs.csv:2: 5 cells, header has 4") for t in text)
    assert any(t.endswith("costs.csv:3: 3 cells, header has 4") for t in text)
    assert any("prod.csv:1: duplicate column 'gold_produced' (columns 3 and 4)" in t
               for t in text)
    assert len(text) == 3


def test_a_value_under_no_header_is_an_error(tmp_path):
    folder = _folder(tmp_path, costs="unit,period,,mining_cost,gold_produced\n"
                                      "Mine,2024Q1,7,100,10\n")
    assert [t.split("costs.csv:")[1] for t in _errors(folder)] == [
        "2: column 3: '7' under no header"]


def test_empty_files_are_named(tmp_path):
    folder = _folder(tmp_path, costs=COSTS, empty="",
                     header="unit,period,mining_cost\n")
    text = _errors(folder)
    assert any("empty.csv: empty: no header and no rows" in t for t in text)
    assert any("header.csv: empty: a header but no rows" in t for t in text)
    assert len(text) == 2


def test_a_folder_named_like_a_csv_is_an_error(tmp_path):
    folder = _folder(tmp_path, costs=COSTS)
    (folder / "sub.csv").mkdir()
    assert [t.split("/")[-1] for t in _errors(folder)] == [
        "sub.csv: not a file: line items are *.csv or *.xlsx files"]


def test_workbook_formula_without_a_saved_value_and_exact_floats(tmp_path):
    from openpyxl import Workbook

    (tmp_path / "company.toml").write_text(TOML)
    wb = Workbook()
    ws = wb.active
    ws.title = "costs"
    ws.append(["unit", "period", "mining_cost", "gold_produced", "gold_grade"])
    ws.append(["Mine", "2024Q1", 0.1, 10, 1e-05])
    ws.append(["Mine", "2024Q2", "=1000+1", 10, None])  # openpyxl saves no cached value
    wb.save(tmp_path / "data.xlsx")
    text = _errors(tmp_path)
    assert len(text) == 1
    assert text[0].endswith("data.xlsx[costs]:3: column 3: formula =1000+1 has no saved value "
                            "(recalculate and save the workbook in a spreadsheet program)")
    ws.delete_rows(3)
    wb.save(tmp_path / "data.xlsx")
    d = load_company(tmp_path)
    # floats through their shortest repr: 0.1 exactly, not 0.1000000000000000055511...
    assert d.value("Mine", "2024Q1", "mining_cost") == D("0.1")
    assert d.value("Mine", "2024Q1", "gold_grade") == D("0.00001")


TOML_CASES = [
    ('share = "29.73%"', "unit 'Mine': share must be a number, not '29.73%'"),
    ('[prices.2024Q1]\nsilver = "abc"', "prices.2024Q1.silver must be a number, not 'abc'"),
    ('[[reconciliation.extra_items]]\nlabel = "x"',
     "reconciliation.extra_items: an item needs a column"),
    ('[report]\nreconciliation_order = ["Gold ops"]',
     "report.reconciliation_order: 'Gold ops' names no unit or segment"),
    ('[[units]]\nname = "MINE"\nprimary_metal = "gold"\nsegment = "Gold"',
     "unit 'MINE': name already used (a unit)"),
    ('[[units]]\nname = "Corporate"\nprimary_metal = "gold"\nsegment = "Gold"',
     "unit 'Corporate': name already used (reserved)"),
    ('[[units]]\nname = "Gold"\nprimary_metal = "gold"\nsegment = "Gold"',
     "unit 'Gold': name already used (a segment)"),
    ('[[units]]\nname = "Mill"\nprimary_metal = "gold"\nsegment = "Gold"\ncost_basis = "sold"',
     "segment 'Gold': units on different cost bases ['produced', 'sold']"),
]


@pytest.mark.parametrize(("extra", "message"), TOML_CASES)
def test_malformed_company_toml_values_are_input_errors(tmp_path, extra, message):
    toml = TOML.replace("share = 0.5", extra) if extra.startswith("share") else TOML + extra
    folder = _folder(tmp_path, toml, costs=COSTS)
    text = _errors(folder)
    assert len(text) == 1 and message in text[0], text
    result = CliRunner().invoke(app, ["report", str(folder), "--period", "2024Q1"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_company_key_of_the_wrong_type_and_bytes_that_are_not_utf8(tmp_path):
    folder = _folder(tmp_path, 'company = "x"\n' + TOML.split("\n", 3)[3],
                     costs=COSTS)
    assert [t.split("company.toml:")[1] for t in _errors(folder)] == [
        "1: company must be a table, not str 'x'"]
    (folder / "company.toml").write_bytes(TOML.encode() + b"# caf\xff\n")
    with pytest.raises(InputError) as e:
        load_company(folder)
    assert str(e.value).endswith("company.toml:10: not UTF-8: byte 0xff")


def test_impossible_operating_data_is_refused_with_file_row_and_column(tmp_path):
    # hand-made: row 2 is fine; row 3 has negative ounces and a negative grade (and so no
    # ounces, which is not said again); row 4 has costs but no ounces; row 5 has costs and
    # zero ounces
    folder = _folder(tmp_path, costs="unit,period,mining_cost,inventory_change,gold_produced,"
                                      "gold_grade\n"
                                      "Mine,2024Q1,100,-20,10,0.2\n"
                                      "Mine,2024Q2,100,0,-10,-0.2\n"
                                      "Mine,2024Q3,100,0,,\n"
                                      "Mine,2024Q4,100,0,0,\n")
    text = _errors(folder)
    assert [t.split("costs.csv:")[1] for t in text] == [
        "3: column 'gold_produced': negative: -10 (a quantity of ore or metal, or a grade, "
        "is never below zero)",
        "3: column 'gold_grade': negative: -0.2 (a quantity of ore or metal, or a grade, "
        "is never below zero)",
        "4: unit 'Mine' 2024Q3: 'gold_produced' is not given, and its cost per ounce "
        "divides by it",
        "5: column 'gold_produced': zero, but Mine has costs in 2024Q4: its cost per ounce "
        "would divide by zero",
    ]
    result = CliRunner().invoke(app, ["report", str(folder), "--period", "2024Q1"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_figure_with_more_digits_than_assay_computes_with_is_refused_at_its_cell(tmp_path):
    # 29 significant digits: assay's arithmetic keeps 28, so a sum would round it
    folder = _folder(tmp_path, costs="unit,period,mining_cost,gold_produced\n"
                                      "Mine,2024Q1,1234567890.1234567890123456789,10\n"
                                      "Mine,2024Q2,1234567890.123456789012345678,10\n")
    assert [t.split("costs.csv:")[1] for t in _errors(folder)] == [
        "2: column 'mining_cost': 1234567890.1234567890123456789 has 29 significant digits; "
        "assay computes with 28"]


def test_a_windows_1252_csv_is_read_and_a_stray_byte_is_named_by_its_line(tmp_path):
    toml = TOML.replace('name = "Mine"', 'name = "Peñasco"')
    folder = _folder(tmp_path, toml)
    (folder / "costs.csv").write_bytes("unit,period,mining_cost,gold_produced\n"
                                       "Peñasco,2024Q1,100,10\n".encode("cp1252"))
    assert load_company(folder).value("Peñasco", "2024Q1", "mining_cost") == D(100)
    # UTF-8 with one byte that is not: not guessed, named by its line
    (folder / "costs.csv").write_bytes("unit,period,mining_cost,gold_produced\n"
                                       "Peñasco,2024Q1,100,10\n".encode() + b"\xe9\n")
    assert [t.split("costs.csv:")[1] for t in _errors(folder)] == [
        "3: not UTF-8: byte 0xe9 (save the file as UTF-8 or Windows-1252 CSV)"]
    # a byte Windows-1252 leaves undefined
    (folder / "costs.csv").write_bytes(b"unit,period,mining_cost,gold_produced\n"
                                       b"Pe\xf1asco,2024Q1,100,10\n\x81\n")
    assert [t.split("costs.csv:")[1] for t in _errors(folder)] == [
        "3: byte 0x81 is neither UTF-8 nor Windows-1252"]
