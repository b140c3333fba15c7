"""Intercepts as an xlsx workbook: real numbers with number formats, rules, provenance.

Cells hold the rounded ``Decimal`` figures as numbers (openpyxl writes them as numbers),
formatted to the places they were rounded to, so a spreadsheet sums what the table shows.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from .intercepts import Result
from .report import _depth, columns, prose, valued


def _format(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def write_xlsx(result: Result, path: str | Path, title: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Intercepts"
    cols = columns(result)
    lu = result.rules.length_unit
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    head = ["Vein", "Drill hole", "Id", "Parent", f"From ({lu})", f"To ({lu})"] + [
        c.header for c in cols] + ["Width basis", "Cut-off", "Source", "First row", "Last row",
                                   "Rows", "Prose"]
    ws.append(head)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for x, v in valued(result):
        row = [x.vein, x.hole, x.id, x.parent or "",
               _num(_depth(x.frm, lu)), _num(_depth(x.to, lu))]
        row += [v[c.key] for c in cols]
        # the assay file's rows as numbers (the first and last), and every one listed
        row += [x.width_basis, str(x.cutoff), x.source, min(x.rows), max(x.rows),
                " ".join(map(str, x.rows)), prose(x, result, v).strip()]
        ws.append(row)
        r = ws.max_row
        ws.cell(r, 5).number_format = _format(2)
        ws.cell(r, 6).number_format = _format(2)
        for j, c in enumerate(cols):
            ws.cell(r, 7 + j).number_format = _format(c.places)
    ws.freeze_panes = "C3"
    for letter, width in zip("ABCDEF", (14, 10, 10, 10, 10, 10), strict=True):
        ws.column_dimensions[letter].width = width

    rules = wb.create_sheet("Rules")
    for line in result.rules.describe(result.units):
        rules.append([line])
    rules.append([])
    rules.append(["Notes on the input"])
    for n in result.data.notes:
        rules.append([str(n)])
    rules.column_dimensions["A"].width = 120
    wb.save(path)


def _num(text: str):
    from decimal import Decimal
    return Decimal(text.replace(",", ""))
