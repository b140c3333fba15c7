"""``assay report``, ``assay explain``, ``assay compare``: cost metrics from operating data."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from assay.operating import load_company
from assay.standards import derive
from assay.standards.compare import compare_methods, render_compare
from assay.standards.explain import explain_tree, find_metric

from .app import app
from .common import (
    EXIT_BAD_INPUT,
    check_output_path,
    err_console,
    input_errors_exit,
    write_text_output,
)

Folder = Annotated[str, typer.Argument(help="A company folder (company.toml plus CSV/XLSX).")]
PeriodOpt = Annotated[str, typer.Option("--period", "-p", help="A quarter, e.g. 2007Q2.")]
Out = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file.")]


class ReportFormat(StrEnum):
    text = "text"
    md = "md"
    xlsx = "xlsx"
    json = "json"


class CompareFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def report(folder: Folder, period: PeriodOpt,
           fmt: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
           out: Out = None) -> None:
    """Write the release's cost tables (highlights, production data, reconciliation)."""
    from assay.write.report_tables import report_tables

    if fmt is ReportFormat.xlsx and not out:
        err_console.print("error: --format xlsx needs --output FILE")
        raise typer.Exit(EXIT_BAD_INPUT)
    with input_errors_exit():
        check_output_path(out)
        derived = derive(load_company(folder))
        tables = report_tables(derived, period.upper())
        if fmt is ReportFormat.xlsx:
            from assay.write.report_xlsx import write_xlsx

            assert out is not None
            write_xlsx(tables, out)
            err_console.print(f"{len(tables)} tables written to {out}")
            return
    if fmt is ReportFormat.md:
        from assay.write.report_md import render_markdown as render
    elif fmt is ReportFormat.json:
        from assay.write.report_json import render_json as render
    else:
        from assay.write.report_text import render_text as render
    write_text_output(render(tables), out)


@app.command()
def explain(folder: Folder,
            metric: Annotated[str, typer.Argument(help='e.g. "total cash cost per ounce"')],
            period: PeriodOpt,
            unit: Annotated[str | None, typer.Option(
                "--unit", "-u", help="Unit or segment (default: the company).")] = None,
            show_all: Annotated[bool, typer.Option("--all", help="Show zero operands.")] = False,
            out: Out = None) -> None:
    """Print how a figure was derived, down to the input cells (file, row, column)."""
    from assay.errors import InputError

    with input_errors_exit():
        check_output_path(out)
        data = load_company(folder)
        derived = derive(data)
        name = unit or data.company.name
        node = derived.node(name, period.upper())
        if node is None:
            raise InputError(folder, f"no data for {name!r} in {period}")
        m = find_metric(derived, metric)
        fact = derived.get(node.name, node.period.key, m)
        if fact is None:
            raise InputError(folder, f"{m} is not computable for {node.name} {period}: an "
                                     "operand is missing or a divisor is zero")
    write_text_output(explain_tree(derived, fact.id, show_all), out)


@app.command()
def compare(folder: Folder, period: PeriodOpt,
            fmt: Annotated[CompareFormat, typer.Option("--format", "-f")] = CompareFormat.text,
            out: Out = None) -> None:
    """Cost per ounce per unit by method: by-product, gross, co-product, C1/C3, AISC."""
    with input_errors_exit():
        check_output_path(out)
        derived = derive(load_company(folder))
        rows, assumptions = compare_methods(derived, period.upper())
    if fmt is CompareFormat.json:
        payload = {"period": period.upper(), "assumptions": assumptions, "rows": [
            {"entity": r.entity, "metal": r.metal, "notes": r.notes,
             "values": {k: None if v is None else str(v) for k, v in r.values.items()}}
            for r in rows]}
        write_text_output(json.dumps(payload, indent=1) + "\n", out)
    else:
        write_text_output(render_compare(rows, assumptions, period.upper()), out)


class SensitivityFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def sensitivity(
    folder: Folder, period: PeriodOpt,
    price: Annotated[list[str] | None, typer.Option(
        "--price", help="A price change, e.g. lead=+0.50/lb or gold=-50/oz; repeat for "
        "several.")] = None,
    grid: Annotated[list[str] | None, typer.Option(
        "--grid", help="Changes from one price to another by a step, e.g. "
        "lead=-0.50:0.50:0.10.")] = None,
    fmt: Annotated[SensitivityFormat, typer.Option("--format", "-f", help="Output format.")] = (
        SensitivityFormat.text),
    out: Out = None,
    plot: Annotated[str | None, typer.Option(
        "--plot", help="Also draw a chart to this file (.png, .svg, .pdf): a spider chart "
        "for a grid, else a tornado chart.")] = None,
) -> None:
    """What a metal-price change does to revenue, by-product credits, cash cost per ounce
    and cash flow, at the period's production rate (terms from company.toml [terms])."""
    from assay.errors import InputError, InputErrors
    from assay.standards.sensitivity import parse_change, parse_grid
    from assay.standards.sensitivity import sensitivity as price_sensitivity
    from assay.write import sensitivity as writer

    with input_errors_exit():
        check_output_path(out)
        check_output_path(plot)
        if plot and Path(plot).suffix.lower() not in (".png", ".svg", ".pdf"):
            raise InputError(plot, "a chart is written as .png, .svg or .pdf")
        changes, errors = [], []
        for text in price or []:
            try:
                changes.append(parse_change(text))
            except InputError as e:
                errors.append(e)
        for text in grid or []:
            try:
                changes.extend(parse_grid(text))
            except InputError as e:
                errors.append(e)
        if errors:
            raise InputErrors(errors)
        if not changes:
            raise InputError(folder, "no price change: give --price METAL=CHANGE or --grid")
        result = price_sensitivity(derive(load_company(folder)), period.upper(), changes)
    render = {SensitivityFormat.text: writer.render_text, SensitivityFormat.md:
              writer.render_md, SensitivityFormat.json: writer.render_json}[fmt]
    write_text_output(render(result), out)
    if plot:
        from assay.write.sensitivity_chart import plot_sensitivity

        kind = plot_sensitivity(result, plot)
        err_console.print(f"{kind} chart written to {plot}", highlight=False, soft_wrap=True)
