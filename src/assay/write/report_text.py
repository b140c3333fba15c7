"""Write report tables in the fixed-width layout of a plain-text filing.

Row labels wrap onto indented continuation lines with the figures on the last line;
negatives print in parentheses, nil as ``--``; ``$`` stands on the rows that carry it;
``---`` before a subtotal and ``===`` under a total. Four columns of the default width
stay under 80 characters; a heading or date wider than a column ("December 31,") widens
every column, so that each stands over its figures.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

from .report_tables import ReportRow, ReportTable, date_header

LABEL = 31
CELL = 11
GAP = 1


def format_number(value: Decimal | None, decimals: int, nil_dash: bool = False) -> str:
    """``1,234.50 `` / ``(3.45)`` / ``-- ``: positives keep a space where ')' would stand."""
    if value is None:
        return ""
    if nil_dash and value == 0:
        return "-- "
    text = f"{abs(value):,.{max(decimals, 0)}f}"
    return f"({text})" if value < 0 else f"{text} "


def _cell(row: ReportRow, i: int, cell: int = CELL) -> str:
    text = format_number(row.printed(i), row.decimals, row.nil_dash)
    if row.dollar and text:
        return "$" + text.rjust(cell - 1)
    return text.rjust(cell)


def _centre(text: str, width: int) -> str:
    return text.center(width).rstrip()


def column_width(groups: list[tuple[str, int]], dates: list[str] = ()) -> int:
    """Columns widen when a group's heading would not fit over them ("Second Quarter
    Ended" over a single column), or a date would not ("December 31,"), so that each
    heading stands over its own figures."""
    return max([CELL] + [-(-(len(text) + GAP) // count) - GAP + 1 for text, count in groups]
               + [len(d) + 1 for d in dates])


def render_table(t: ReportTable) -> str:
    n = len(t.periods)
    groups = t.group_headers()
    cell = column_width(groups, [date_header(p.end) for p in t.periods])
    width = LABEL + n * (cell + GAP)
    out = [_centre(t.company.upper(), width)]
    out.extend(_centre(line, width) for line in textwrap.wrap(t.title, width - 12))
    if t.scale_note:
        out.extend(_centre(line, width) for line in textwrap.wrap(t.scale_note, width - 4))
    out.append("")
    spans = [(text, count * (cell + GAP) - GAP) for text, count in groups]
    out.append((" " * LABEL + "".join(" " * GAP + text.center(span)
                                      for text, span in spans)).rstrip())
    out.append(" " * LABEL + "".join(" " * GAP + "-" * span for _, span in spans))
    out.append(" " * LABEL + "".join(
        " " * GAP + date_header(p.end).rjust(cell - 1) + " " for p in t.periods).rstrip())
    out.append((t.stub.ljust(LABEL) + "".join(
        " " * GAP + str(p.end.year).rjust(cell - 1) + " " for p in t.periods)).rstrip())
    out.append("")
    for row in t.rows:
        if row.kind == "blank":
            out.append("")
        elif row.kind in ("rule", "total_rule"):
            ch = "-" if row.kind == "rule" else "="
            out.append(" " * LABEL + "".join(" " * GAP + " " + ch * (cell - 2) + " "
                                              for _ in range(n)).rstrip())
        elif row.kind == "heading":
            out.extend(_wrap(row.label, width))
        else:
            lines = _wrap(row.label, LABEL - 1)
            cells = "".join(" " * GAP + _cell(row, i, cell) for i in range(n))
            out.extend(lines[:-1])
            out.append((lines[-1].ljust(LABEL) + cells).rstrip())
    if t.footnotes:
        out.append("")
        for note in t.footnotes:
            out.extend(textwrap.wrap(note, 72, subsequent_indent=" "))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _wrap(label: str, width: int) -> list[str]:
    """Wrap a label; continuation lines indent one space more than the first."""
    indent = " " * (len(label) - len(label.lstrip()))
    lines = textwrap.wrap(label.strip(), width, initial_indent=indent,
                          subsequent_indent=indent + " ")
    return lines or [""]


def render_text(tables: list[ReportTable]) -> str:
    return "\n\n\n".join(render_table(t) for t in tables)
