"""Write report tables to an Excel workbook an analyst can follow: one sheet per table.

- Every header row of the release is kept: the column groups ("Second Quarter Ended",
  "Six Months Ended", merged over their columns), the dates, and the period keys; the
  label column and the header rows are frozen.
- A figure that assay computed from others printed in the workbook is a formula over
  their cells (a subtotal adds its rows, a cost per ounce divides a cost by ounces, a
  year to date adds its quarters; the nearest printing of each operand above it on its
  sheet, else below, else on another sheet), and a figure printed again refers to its
  printing above, so an analyst can follow it in Excel. Inputs, and figures whose
  operands are printed nowhere, are values.
- Cells hold exact values at the row's printed scale (thousands where the filing prints
  thousands), not rounded: a formula over them gives assay's figure, and the number
  format rounds it for display as the filing prints it, negatives in parentheses.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from assay.errors import InputError
from assay.standards import Derived
from assay.standards.derive import AGGREGATION

from .report_tables import ReportRow, ReportTable, date_header

HEADER_ROWS = 6  # company, title, scale note, column groups, dates, period keys
_RULES = {"rule": Side(style="thin"), "total_rule": Side(style="double")}  # under a row


def number_format(decimals: int, dollar: bool, nil_dash: bool) -> str:
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    cur = '"$"\\ ' if dollar else ""
    zero = ';"--"' if nil_dash else f";{cur}{body}"
    return f"{cur}{body}_);{cur}({body}){zero}"


class _Cells:
    """Where each printed fact is: every cell it is printed in, with its scale."""

    def __init__(self) -> None:
        self.at: dict[str, list[tuple[str, int, str, int]]] = {}  # sheet, row, cell, scale

    def put(self, fact_id: str, sheet: str, row: int, cell: str, scale: int) -> None:
        self.at.setdefault(fact_id, []).append((sheet, row, cell, scale))

    def ref(self, fact_id: str, sheet: str, row: int,
            before: bool = False) -> tuple[str, int] | None:
        """The cell to reference for ``fact_id`` from ``row`` of ``sheet``: the nearest
        printing above it on the same sheet, else below it, else the first elsewhere
        (only above it with ``before``)."""
        places = self.at.get(fact_id, [])
        here = [p for p in places if p[0] == sheet and p[1] != row]
        above = [p for p in here if p[1] < row]
        if above:
            chosen = max(above, key=lambda p: p[1])
        elif before:
            chosen = None
        elif here:
            chosen = min(here, key=lambda p: p[1])
        else:
            chosen = next((p for p in places if p[0] != sheet), None)
        if chosen is None:
            return None
        where, _, cell, scale = chosen
        quoted = where.replace("'", "''")
        return (cell if where == sheet else f"'{quoted}'!{cell}"), scale


def _times(term: str, power: int, factor: Decimal = Decimal(1)) -> str:
    """``term`` x ``factor`` x 10**power, written exactly."""
    k = (factor * Decimal(10) ** power).normalize()
    return term if k == 1 else f"{term}*{k:f}"


def formula(derived: Derived, fact_id: str, cells: _Cells, sheet: str, row: int,
            scale: int) -> str | None:
    """The Excel formula for a fact held at ``scale`` in ``row`` of ``sheet``: the cell
    where the same fact is printed above (a figure repeated), else its relation over the
    cells of its operands; None when it is an input or an operand is printed nowhere."""
    same = cells.ref(fact_id, sheet, row, before=True)
    if same is not None:
        return "=" + _times(same[0], same[1] - scale)
    f = derived.fact(fact_id)
    d = f.derivation
    if d is None or not d.operands:
        return None
    rel = derived.relation_of(f)
    kind = "sum" if d.relation in AGGREGATION.values() else (rel.kind if rel else None)
    signs = rel.signs if rel is not None and rel.kind == "sum" else (1,) * len(d.operands)
    if kind is None or len(signs) != len(d.operands):
        return None
    refs = []
    for o, sign in zip(d.operands, signs, strict=True):
        r = cells.ref(o, sheet, row)
        if r is None:
            if kind == "sum" and derived.fact(o).value == 0:
                continue  # a zero adds nothing: the formula stays exact without it
            return None
        refs.append((sign, r[0], r[1]))
    if not refs:
        return None
    factor = rel.factor if rel is not None else Decimal(1)
    if kind == "sum":
        terms = [("-" if s < 0 else "+") + _times(t, sc - scale) for s, t, sc in refs]
        return "=" + "".join(terms).lstrip("+")
    if kind == "select" and len(refs) == 1:
        return "=" + _times(refs[0][1], refs[0][2] - scale, factor)
    if kind in ("ratio", "product") and len(refs) == 2:
        (_, a, sa), (_, b, sb) = refs
        if kind == "ratio":
            return "=" + _times(f"{a}/{b}", sa - sb - scale, factor)
        return "=" + _times(f"{a}*{b}", sa + sb - scale, factor)
    return None


def write_xlsx(tables: list[ReportTable], path: str, derived: Derived) -> int:
    """Write ``tables`` to ``path``; returns the number of formula cells. An
    ``InputError`` if the file cannot be written."""
    wb = Workbook()
    wb.remove(wb.active)
    cells = _Cells()
    pending: list[tuple[object, ReportRow, int, str]] = []  # (cell, row, column, sheet)
    names: set[str] = set()
    for t in tables:
        title = _sheet_name(t.title, names)
        ws = wb.create_sheet(title)
        _header(ws, t)
        for row in t.rows:
            _row(ws, t, row, cells, pending, title)
        for note in t.footnotes:
            ws.append([])
            ws.append([note])
        ws.freeze_panes = f"B{HEADER_ROWS + 1}"
        ws.page_setup.orientation = "landscape"  # printed: a table's columns on one page
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    formulas = 0
    for cell, row, i, sheet in pending:
        text = formula(derived, row.fact_ids[i], cells, sheet, cell.row, row.scale)
        if text is not None:
            cell.value = text
            formulas += 1
    try:
        wb.save(path)
    except OSError as e:
        raise InputError(path, f"cannot write: {e.strerror}") from None
    return formulas


def _header(ws, t: ReportTable) -> None:
    ws.append([t.company])
    ws.append([t.title])
    ws["A1"].font = ws["A2"].font = Font(bold=True)
    ws.append([t.scale_note])
    groups = ws.max_row + 1
    col = 2
    for text, span in t.group_headers():
        ws.cell(groups, col, text).alignment = Alignment(horizontal="center")
        if span > 1:
            ws.merge_cells(start_row=groups, start_column=col, end_row=groups,
                           end_column=col + span - 1)
        col += span
    ws.append([t.stub] + [f"{date_header(p.end)} {p.end.year}" for p in t.periods])
    ws.append(["period"] + [p.key for p in t.periods])
    for r in (groups + 1, groups + 2):
        for cell in ws[r][1:]:
            cell.alignment = Alignment(horizontal="right")
    ws.column_dimensions["A"].width = 58
    for c in range(2, len(t.periods) + 2):
        ws.column_dimensions[get_column_letter(c)].width = 16


def _row(ws, t: ReportTable, row: ReportRow, cells: _Cells, pending: list, sheet: str) -> None:
    if row.kind == "blank":
        return
    if row.kind in ("rule", "total_rule"):
        for cell in ws[ws.max_row][1:len(t.periods) + 1]:
            cell.border = Border(bottom=_RULES[row.kind])
        return
    if row.kind == "heading":
        ws.append([row.label.strip()])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        return
    exact = [None if v is None else v.scaleb(-row.scale) for v in row.values]
    ws.append([row.label, *exact])
    fmt = number_format(row.decimals, row.dollar, row.nil_dash)
    r = ws.max_row
    for i, cell in enumerate(ws[r][1:len(t.periods) + 1]):
        cell.number_format = fmt
        fid = row.fact_ids[i] if i < len(row.fact_ids) else None
        if fid is not None and row.values[i] is not None:
            cells.put(fid, sheet, r, f"{get_column_letter(i + 2)}{r}", row.scale)
            pending.append((cell, row, i, sheet))


def _sheet_name(title: str, used: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique."""
    base = "".join(" " if c in "[]:*?/\\" else c for c in title.split(" of ")[0])
    base = base.strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name
