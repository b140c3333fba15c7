"""``assay report``, ``assay explain``, ``assay compare``: cost metrics from operating data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assay.operating import load_company
from assay.standards import derive
from assay.standards.compare import compare_methods, render_compare
from assay.standards.explain import explain_tree, find_metric

from .app import app
from .common import (
    check_distinct,
    check_output_path,
    input_errors_exit,
    to_file,
    working,
    write_text_output,
    writing,
    written,
)
from .options import Indent, Output, Period, format_option, formats, json_indent

Folder = Annotated[str, typer.Argument(
    metavar="FOLDER", help="A company folder: company.toml and its CSV or xlsx files.")]

ReportFormat = formats("ReportFormat", "text", "md", "xlsx", "json")
CompareFormat = formats("CompareFormat", "text", "json")
SensitivityFormat = formats("SensitivityFormat", "text", "md", "json")


@app.command()
def report(folder: Folder, period: Period,
           fmt: Annotated[ReportFormat, format_option(ReportFormat)] = ReportFormat.text,
           out: Output = None, indent: Indent = None) -> None:
    """Write the release's cost tables (highlights, production data, reconciliation)."""
    from assay.errors import InputError
    from assay.write.report_tables import report_period_keys, report_tables

    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        if fmt is ReportFormat.xlsx and not to_file(out):
            raise InputError("--format", "xlsx needs --output FILE")
        check_output_path(out)
        data = load_company(folder)
        derived = derive(data, report_period_keys(data, period.upper()))  # only what P needs
        tables = report_tables(derived, period.upper())
        if fmt is ReportFormat.xlsx:
            from assay.write.report_xlsx import write_xlsx

            assert out is not None
            n = write_xlsx(tables, out, derived)
            written(f"{len(tables)} tables ({n} figures as formulas)", out)
            return
    if fmt is ReportFormat.md:
        from assay.write.report_md import render_markdown

        text = render_markdown(tables)
    elif fmt is ReportFormat.json:
        from assay.write.report_json import render_json

        text = render_json(tables, spaces)
    else:
        from assay.write.report_text import render_text

        text = render_text(tables)
    write_text_output(text, out, f"{len(tables)} tables")


@app.command()
def explain(folder: Folder,
            metric: Annotated[str | None, typer.Argument(
                metavar="METRIC", help='A metric, such as "total cash cost per ounce" '
                "(with --list: none).")] = None,
            period: Period = "",
            unit: Annotated[str | None, typer.Option(
                "--unit", "-u", metavar="UNIT",
                help="An operating unit or segment (default: the company).")] = None,
            show_zero: Annotated[bool, typer.Option(
                "--show-zero", help="Also show the operands that are zero.")] = False,
            list_all: Annotated[bool, typer.Option(
                "--list", help="List every metric of the unit in the period, with its value "
                "and how it is had.")] = False,
            out: Output = None) -> None:
    """Print how a figure was derived, down to the input cells (file, row, column), with
    the operator joining each operand."""
    from assay.errors import InputError
    from assay.standards.explain import list_metrics, why_not

    with input_errors_exit():
        if not period:
            raise InputError("--period", "give the quarter, such as --period 2007Q2")
        if metric is None and not list_all:
            raise InputError("METRIC", "give a metric, or --list to see them all")
        check_output_path(out)
        data = load_company(folder)
        derived = derive(data)
        name = unit or data.company.name
        node = derived.node(name, period.upper())
        if node is None:
            raise InputError(folder, f"no data for {name!r} in {period}")
        if list_all:
            write_text_output(list_metrics(derived, node.name, node.period.key), out,
                              "metric list")
            return
        m = find_metric(derived, metric)
        fact = derived.get(node.name, node.period.key, m)
        if fact is None:
            raise InputError(folder, f"{m} is not computable for {node.name} {period}: "
                             + why_not(derived, node.name, node.period.key, m))
    write_text_output(explain_tree(derived, fact.id, show_zero), out, "explanation")


@app.command()
def compare(folder: Folder, period: Period,
            fmt: Annotated[CompareFormat, format_option(CompareFormat)] = CompareFormat.text,
            out: Output = None, indent: Indent = None) -> None:
    """Cost per ounce per unit by method: by-product, gross, co-product, C1/C3, AISC."""
    from assay.write.json_text import dumps

    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        check_output_path(out)
        derived = derive(load_company(folder))
        rows, assumptions = compare_methods(derived, period.upper())
    if fmt is CompareFormat.json:
        payload = {"period": period.upper(), "assumptions": assumptions, "rows": [
            {"entity": r.entity, "metal": r.metal, "notes": r.notes,
             "values": {k: None if v is None else str(v) for k, v in r.values.items()}}
            for r in rows]}
        write_text_output(dumps(payload, spaces), out, "comparison")
    else:
        write_text_output(render_compare(rows, assumptions, period.upper()), out, "comparison")


@app.command()
def sensitivity(
    folder: Folder, period: Period,
    price: Annotated[list[str] | None, typer.Option(
        "--price", metavar="METAL=CHANGE", help="A price change, such as lead=+0.50/lb or "
        "gold=-50/oz; repeat for several.")] = None,
    grid: Annotated[list[str] | None, typer.Option(
        "--grid", metavar="METAL=FROM:TO:STEP", help="Changes from one price to another by "
        "a step, such as lead=-0.50:0.50:0.10.")] = None,
    simulate: Annotated[int | None, typer.Option(
        "--simulate", metavar="N", help="Instead of given changes, N Monte Carlo price "
        "scenarios a year on (with --vol): distributions of cash flow and cash cost per "
        "ounce.")] = None,
    vol: Annotated[list[str] | None, typer.Option(
        "--vol", metavar="METAL=VOLATILITY", help="A metal's annual price volatility for "
        "--simulate, such as lead=0.30 or lead=30%; repeat for several.")] = None,
    seed: Annotated[int, typer.Option(
        "--seed", metavar="S", help="The seed of the scenarios: the same seed, the same "
        "figures.")] = 1,
    fmt: Annotated[SensitivityFormat, format_option(SensitivityFormat)] = (
        SensitivityFormat.text),
    out: Output = None,
    indent: Indent = None,
    plot: Annotated[str | None, typer.Option(
        "--plot", metavar="FILE", help="Also draw a chart to FILE (.png, .svg or .pdf): a "
        "spider chart for a grid, a histogram for scenarios, else a tornado chart.")] = None,
) -> None:
    """What a metal-price change does to revenue, by-product credits, cash cost per ounce
    and cash flow, at the period's production rate (terms from company.toml [terms]); or
    the distribution of those over simulated price scenarios."""
    from assay.errors import InputError, InputErrors
    from assay.standards.sensitivity import parse_change, parse_grid
    from assay.standards.sensitivity import sensitivity as price_sensitivity
    from assay.write import sensitivity as writer

    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        check_output_path(out)
        check_output_path(plot)
        check_distinct(**{"--output": out, "--plot": plot})
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
        if simulate is not None and (price or grid):
            errors.append(InputError("--simulate", "draws its own price changes: give it "
                                     "without --price and --grid"))
        if vol and simulate is None:
            errors.append(InputError("--vol", "sets the scenarios' volatility: give "
                                     "--simulate N"))
        if errors:
            raise InputErrors(errors)
        if simulate is not None:
            text, result = _simulation(folder, period.upper(), simulate, vol or [], seed, fmt,
                                       spaces)
        else:
            if not changes:
                raise InputError(folder, "no price change: give --price METAL=CHANGE, --grid "
                                 "or --simulate N")
            result = price_sensitivity(derive(load_company(folder)), period.upper(), changes)
            text = (writer.render_json(result, spaces) if fmt is SensitivityFormat.json else
                    writer.render_md(result) if fmt is SensitivityFormat.md else
                    writer.render_text(result))
    write_text_output(text, out, "sensitivity")
    if plot:
        from assay.write.sensitivity_chart import plot_sensitivity, plot_simulation

        draw = plot_simulation if simulate is not None else plot_sensitivity
        with input_errors_exit():
            kind = writing(plot, lambda: draw(result, plot))
        written(f"{kind} chart", plot)


def _simulation(folder: str, period: str, n: int, vols: list[str], seed: int, fmt,
                spaces: int):
    """The scenarios' text in ``fmt``, and the simulation."""
    from assay.errors import InputError, InputErrors
    from assay.operating.schema import METALS
    from assay.standards.simulation import model, parse_vol, simulate
    from assay.write import sensitivity as writer

    given, errors = {}, []
    for text in vols:
        try:
            metal, v = parse_vol(text, METALS)
        except InputError as e:
            errors.append(e)
            continue
        if metal in given:
            errors.append(InputError(f"--vol {text}", f"a second volatility for {metal}"))
        given[metal] = v
    if not given and not errors:
        errors.append(InputError("--vol", "no volatility: give --vol METAL=VOLATILITY, such "
                                 "as lead=0.30"))
    if errors:
        raise InputErrors(errors)
    with working(f"simulating {n:,} price scenarios"):
        sim = simulate(model(derive(load_company(folder)), period, sorted(given)), given, n,
                       seed)
    text = (writer.render_simulation_json(sim, spaces) if fmt == "json" else
            writer.render_simulation_md(sim) if fmt == "md" else
            writer.render_simulation_text(sim))
    return text, sim
