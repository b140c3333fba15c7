"""The xlsx report recomputed by an independent formula engine (``formulas``): every
formula cell equals assay's figure, and shows the digits the release prints."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from assay.model import round_to
from assay.operating import load_company
from assay.standards import derive
from assay.write.report_tables import report_tables
from assay.write.report_xlsx import HEADER_ROWS, write_xlsx

formulas = pytest.importorskip("formulas", reason="the formula engine is a test extra")

COMPANY = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    derived = derive(load_company(COMPANY))
    tables = report_tables(derived, "2007Q2")
    path = tmp_path_factory.mktemp("x") / "report.xlsx"
    n = write_xlsx(tables, str(path), derived)
    return path, tables, n


def formula_cells(path, tables):
    """(sheet, cell, report row, column index) of every formula cell, found by walking
    each sheet's value rows beside the report's."""
    book = openpyxl.load_workbook(path)
    for t, ws in zip(tables, book.worksheets, strict=True):
        rows = [r for r in t.rows if r.kind == "value"]
        value_rows = [r for r in ws.iter_rows(min_row=HEADER_ROWS + 1)
                      if any(c.column > 1 and c.value is not None for c in r)]
        assert len(value_rows) == len(rows), ws.title
        for row, cells in zip(rows, value_rows, strict=True):
            assert cells[0].value == row.label
            for i, cell in enumerate(cells[1:len(t.periods) + 1]):
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    yield ws.title, cell.coordinate, row, i


def test_every_formula_recomputes_to_assays_figure(workbook):
    path, tables, n = workbook
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    checked = 0
    for sheet, coordinate, row, i in formula_cells(path, tables):
        got = Decimal(repr(float(solution[f"'[{path.name}]{sheet.upper()}'!{coordinate}"]
                                 .value[0][0])))
        exact = row.values[i].scaleb(-row.scale)
        assert abs(got - exact) <= abs(exact) * Decimal("1e-12") + Decimal("1e-9"), (
            sheet, coordinate, got, exact)
        # shown at the row's decimals it is the release's printed figure
        assert round_to(got, row.decimals) == row.printed(i), (sheet, coordinate)
        checked += 1
    assert checked == n and n >= 90  # 94 on this release: subtotals, per-ounce, totals


def test_a_cost_per_ounce_divides_the_cells_above_it(workbook):
    # the reconciliation's gold total cash cost per ounce (hand-read from the release:
    # $10,972 thousand / 19,016 ounces = $577 an ounce) is the formula over its two rows
    path, _, _ = workbook
    ws = openpyxl.load_workbook(path)["Reconciliation"]
    labels: dict[str, int] = {}  # each label's first row: the gold operations
    for r in range(HEADER_ROWS + 1, 30):
        if ws.cell(r, 1).value:
            labels.setdefault(ws.cell(r, 1).value.strip(), r)
    cost, ounces = labels["Total cash costs"], labels["Divided by gold ounces produced"]
    per = labels["Total cash cost per ounce produced"]
    assert ws.cell(per, 2).value == f"=B{cost}/B{ounces}"
    assert (ws.cell(cost, 2).value, ws.cell(ounces, 2).value) == (10972, 19.016)


def test_header_rows_are_kept_and_frozen(workbook):
    path, _, _ = workbook
    ws = openpyxl.load_workbook(path)["Highlights"]
    # two columns read "June 30, 2007": the group row above tells the quarter from the
    # six months
    assert [ws.cell(4, c).value for c in range(2, 6)] == [
        "Second Quarter Ended", None, "Six Months Ended", None]
    assert {str(r) for r in ws.merged_cells.ranges} == {"B4:C4", "D4:E4"}
    assert [ws.cell(5, c).value for c in range(2, 6)] == ["June 30, 2007", "June 30, 2006",
                                                           "June 30, 2007", "June 30, 2006"]
    assert ws.freeze_panes == f"B{HEADER_ROWS + 1}"


def test_libreoffice_recomputes_the_same_figures(workbook, tmp_path):
    """Where LibreOffice is installed (Debian's libreoffice-calc), it opens the workbook
    headless, recomputes it and saves it; every formula's value is assay's figure."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    path, tables, n = workbook
    out = tmp_path / "recomputed"
    subprocess.run([soffice, "--headless", "--calc", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    computed = openpyxl.load_workbook(out / path.name, data_only=True)
    seen = 0
    for sheet, coordinate, row, i in formula_cells(path, tables):
        got = Decimal(repr(computed[sheet][coordinate].value))
        assert round_to(got, row.decimals) == row.printed(i), (sheet, coordinate)
        seen += 1
    assert seen == n
