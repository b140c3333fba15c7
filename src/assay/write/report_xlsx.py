"""Write report tables to an Excel workbook: one sheet per table, numbers as numbers.

Each figure is stored at the printed scale and precision (thousands where the filing
prints thousands) with a number format that shows negatives in parentheses, so that
sums in Excel agree with what the filing prints.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from assay.errors import InputError

from .report_tables import ReportTable, date_header


def number_format(decimals: int, dollar: bool, nil_dash: bool) -> str:
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    cur = '"$"\\ ' if dollar else ""
    zero = ';"--"' if nil_dash else f";{cur}{body}"
    return f"{cur}{body}_);{cur}({body}){zero}"


def write_xlsx(tables: list[ReportTable], path: str) -> None:
    """Write ``tables`` to ``path``; an ``InputError`` if the file cannot be written."""
    wb = Workbook()
    wb.remove(wb.active)
    thin, double = Side(style="thin"), Side(style="double")
    for t in tables:
        ws = wb.create_sheet(_sheet_name(t.title))
        ws.append([t.company])
        ws.append([t.title])
        ws["A1"].font = ws["A2"].font = Font(bold=True)
        ws.append([t.scale_note])
        ws.append([t.stub] + [f"{date_header(p.end)} {p.end.year}" for p in t.periods])
        ws.append(["period"] + [p.key for p in t.periods])
        for cell in ws[4][1:]:
            cell.alignment = Alignment(horizontal="right")
        ws.column_dimensions["A"].width = 58
        for col in "BCDEFG":
            ws.column_dimensions[col].width = 14
        for row in t.rows:
            if row.kind == "blank":
                continue
            if row.kind in ("rule", "total_rule"):
                r = ws.max_row
                for cell in ws[r][1:len(t.periods) + 1]:
                    cell.border = Border(bottom=thin if row.kind == "rule" else double)
                continue
            if row.kind == "heading":
                ws.append([row.label.strip()])
                ws.cell(ws.max_row, 1).font = Font(bold=True)
                continue
            ws.append([row.label] + [row.printed(i) for i in range(len(t.periods))])
            fmt = number_format(row.decimals, row.dollar, row.nil_dash)
            for cell in ws[ws.max_row][1:]:
                cell.number_format = fmt
        for note in t.footnotes:
            ws.append([])
            ws.append([note])
    try:
        wb.save(path)
    except OSError as e:
        raise InputError(path, f"cannot write: {e.strerror}") from None


def _sheet_name(title: str) -> str:
    return title.split(" of ")[0][:31]
