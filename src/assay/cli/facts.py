"""``assay facts``: read a release and list its facts."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table as RichTable

from assay.read import read_release
from assay.write.facts import document_json, facts_csv, write_parquet

from .app import app
from .common import (
    EXIT_BAD_INPUT,
    check_output_path,
    console,
    err_console,
    input_errors_exit,
    write_text_output,
)


class FactsFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


@app.command()
def facts(
    file: Annotated[str, typer.Argument(help="A plain-text release (EDGAR exhibit or SGML).")],
    fmt: Annotated[FactsFormat, typer.Option("--format", "-f", help="Output format.")] = (
        FactsFormat.table),
    out: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    prose: Annotated[bool, typer.Option(
        "--prose", help="Also the figures of the running text, each with the period its "
        "sentence gives.")] = False,
) -> None:
    """Read a release into facts: value, unit, period, entity and source line of each."""
    with input_errors_exit():
        check_output_path(out)
        doc = read_release(file)
    problems = [d for d in doc.diagnostics if d.severity != "info"]
    for d in problems:
        err_console.print(f"{d}", highlight=False, soft_wrap=True)
    facts = [*doc.facts, *doc.prose_facts] if prose else doc.facts
    if fmt is FactsFormat.csv:
        write_text_output(facts_csv(facts), out)
    elif fmt is FactsFormat.json:
        write_text_output(document_json(doc, prose), out)
    elif fmt is FactsFormat.parquet:
        if not out:
            err_console.print("error: --format parquet needs --output FILE")
            raise typer.Exit(EXIT_BAD_INPUT)
        with input_errors_exit():
            write_parquet(facts, out)
    else:
        _print_table(doc, facts)
    if out:
        err_console.print(f"{len(facts)} facts written to {out}")


def _print_table(doc, facts) -> None:
    t = RichTable(title=f"{doc.company}: {len(facts)} facts from {doc.path}",
                  show_lines=False, header_style="bold")
    for name, justify in (("line", "right"), ("table", "left"), ("label", "left"),
                          ("entity", "left"), ("period", "left"), ("value", "right"),
                          ("unit", "left"), ("concept", "left")):
        t.add_column(name, justify=justify, overflow="fold")
    for f in facts:
        ent = " ".join(x for x in (f.entity.unit, f.entity.segment) if x)
        dims = " ".join(v for k, v in f.dims if k != "intercept")
        t.add_row(str(f.source.line if f.source else ""), escape((f.table or "")[:28]),
                  escape(f.label[:60]) or "(subtotal)", escape(ent or dims),
                  f.period.key if f.period else "",
                  escape(f.printed) + (f" ×10^{f.scale}" if f.scale else ""), f.unit,
                  f.concept or "")
    console.print(t)
    summary = RichTable(title="Tables read", header_style="bold")
    for name in ("lines", "table", "lines read", "facts", "unplaced lines"):
        summary.add_column(name)
    for tb in doc.tables:
        n = sum(1 for r in tb.rows for x in r.fact_ids if x)
        summary.add_row(f"{tb.first_line}-{tb.last_line}", escape(tb.title[:60]),
                        f"{tb.lines_used}/{tb.lines_total}", str(n),
                        ", ".join(map(str, tb.unplaced)) or "none")
    console.print(summary)
