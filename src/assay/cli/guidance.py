"""``assay guidance``: the forward-looking figures of releases, with their revisions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from assay.errors import InputError
from assay.read import read_release
from assay.read.guidance import Guidance, guidance
from assay.read.tracking import Track, track
from assay.write.json_text import dumps

from .app import app
from .common import (
    check_distinct,
    check_output_path,
    err_console,
    input_errors_exit,
    print_table,
    write_text_output,
    writing,
    written,
)
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
    track_: Annotated[bool, typer.Option(
        "--track", help="Track each metric's guidance across the releases (one company's), "
        "against the actual a later release reports.")] = False,
    plot: Annotated[str | None, typer.Option(
        "--plot", metavar="FILE", help="With --track, also draw each metric's estimates and "
        "actual to FILE (.png or .svg).")] = None,
    fmt: Annotated[GuidanceFormat, format_option(GuidanceFormat)] = GuidanceFormat.text,
    out: Output = None,
    indent: Indent = None,
) -> None:
    """List the guidance of releases: each forward-looking figure with its metric, metal,
    period, value or range, the previous estimate it revises, and its line; or track it
    across releases."""
    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        check_output_path(out)
        check_output_path(plot)
        check_distinct(**{"--output": out, "--plot": plot})
        if plot and not track_:
            raise InputError("--plot", "draws the tracked guidance: give --track")
        if plot and Path(plot).suffix.lower() not in (".png", ".svg"):
            raise InputError("--plot", f"{plot}: write .png or .svg")
        docs = [read_release(f, require_tables=False) for f in files]
    if track_:
        _print_tracks(track(docs), len(docs), fmt, spaces, out, plot)
        return
    found = [(d.path, g) for d in docs for g in guidance(d)]
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


def _print_tracks(tracks: list[Track], releases: int, fmt, spaces: int, out: str | None,
                  plot: str | None) -> None:
    what = f"{len(tracks)} tracked metric{'' if len(tracks) == 1 else 's'}"
    if fmt is GuidanceFormat.json:
        write_text_output(dumps([{
            "metric": t.metric, "metal": t.metal, "period": t.period, "unit": t.unit,
            "estimates": [{"release": e.release, "as_of": e.as_of.isoformat() if e.as_of
                           else None, **_record(e.guidance)} for e in t.estimates],
            "actual": None if t.actual is None else {
                "release": t.actual_release, "value": _x(t.actual.value),
                "printed": t.actual.printed, "label": t.actual.label,
                "line": t.actual.source.line if t.actual.source else None},
            "verdict": t.verdict} for t in tracks], spaces), out, what)
    else:
        rows = []
        for t in tracks:
            head = [t.metric, t.metal or "", t.period, t.unit]
            for k, e in enumerate(t.estimates):
                g = e.guidance
                was = f" (was {_range(*g.previous[:2])})" if g.previous else ""
                rows.append([*(head if k == 0 else [""] * 4), f"{e.release}:{g.source.line}",
                             ("about " if g.approximate else "") + _range(g.low, g.high) + was,
                             "", ""])
            if t.actual is not None:
                line = t.actual.source.line if t.actual.source else ""
                rows.append(["", "", "", "", f"{t.actual_release}:{line}", "actual",
                             _shown(t.actual.value), t.verdict or ""])
        print_table(f"Guidance across {releases} releases: {what}",
                    ["metric", "metal", "period", "unit", "release", "guidance", "actual",
                     "verdict"], rows, out, what, frozenset({6}))
    if plot and not tracks:
        err_console.print(f"no guidance with a year to track: {plot} not written",
                          highlight=False, soft_wrap=True)
    elif plot:
        from assay.write.guidance_chart import plot_tracks

        with input_errors_exit():
            n = writing(plot, lambda: plot_tracks(tracks, plot))
        written(f"chart of {n} tracked metric{'' if n == 1 else 's'}", plot)
