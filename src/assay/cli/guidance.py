"""``assay guidance``: the forward-looking figures of releases, with their revisions."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import typer

from assay.read import read_release
from assay.read.guidance import Guidance, guidance
from assay.write.json_text import dumps

from .app import app
from .common import check_output_path, input_errors_exit, print_table, write_text_output
from .options import Indent, Output, format_option, formats, json_indent

GuidanceFormat = formats("GuidanceFormat", "text", "json")


def _x(d) -> str | None:
    return None if d is None else format(d.normalize(), "f") if d == d.to_integral() \
        else format(d, "f")


def _shown(d) -> str:
    """A figure for the terminal: thousands parted, digits as ``_x`` writes them."""
    return f"{Decimal(_x(d)):,f}"


def _range(lo, hi) -> str:
    if lo is not None and lo == hi:
        return _shown(lo)
    if lo is None:
        return f"below {_shown(hi)}"
    if hi is None:
        return f"above {_shown(lo)}"
    return f"{_shown(lo)} to {_shown(hi)}"


def _record(g: Guidance) -> dict[str, object]:
    prev = g.previous
    return {
        "metric": g.metric, "metal": g.metal, "period": g.period_words or None,
        "period_start": g.period.start.isoformat() if g.period and g.period.start else None,
        "period_end": g.period.end.isoformat() if g.period else None,
        "low": _x(g.low), "high": _x(g.high), "unit": g.unit, "printed": g.printed,
        "approximate": g.approximate,
        "previous": None if prev is None else {"low": _x(prev[0]), "high": _x(prev[1]),
                                               "printed": prev[2]},
        "file": g.source.file, "line": g.source.line, "col_start": g.source.col_start,
        "col_end": g.source.col_end, "selector": g.source.selector, "sentence": g.sentence,
    }


@app.command(name="guidance")
def guidance_command(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", help="Releases: plain text, HTML or EDGAR submissions.")],
    fmt: Annotated[GuidanceFormat, format_option(GuidanceFormat)] = GuidanceFormat.text,
    out: Output = None,
    indent: Indent = None,
) -> None:
    """List the guidance of releases: each forward-looking figure with its metric, metal,
    period, value or range, the previous estimate it revises, and its line."""
    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        check_output_path(out)
        found = [(f, g) for f in files for g in guidance(read_release(f))]
    if fmt is GuidanceFormat.json:
        write_text_output(dumps([_record(g) for _, g in found], spaces), out,
                          f"{len(found)} guidance figures")
        return
    rows = [[f"{f}:{g.source.line}" if len(files) > 1 else str(g.source.line), g.metric,
             g.metal or "", g.period_words,
             ("about " if g.approximate else "") + _range(g.low, g.high), g.unit,
             _range(g.previous[0], g.previous[1]) if g.previous else "", g.printed]
            for f, g in found]
    print_table(f"Guidance: {len(found)} figures",
                ["line", "metric", "metal", "period", "guidance", "unit", "previous", "printed"],
                rows, out, f"{len(found)} guidance figures", frozenset({0}))
