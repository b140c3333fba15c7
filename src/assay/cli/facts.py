"""``assay facts``: read a release and list its facts."""

from __future__ import annotations

from typing import Annotated

import typer

from assay.errors import InputError
from assay.read import read_release
from assay.write.facts import document_json, facts_csv, facts_text, write_parquet

from .app import app
from .common import (
    check_output_path,
    err_console,
    input_errors_exit,
    to_file,
    working,
    write_text_output,
    written,
)
from .options import Indent, Output, Quiet, format_option, formats, json_indent

FactsFormat = formats("FactsFormat", "text", "csv", "json", "parquet")


@app.command()
def facts(
    file: Annotated[str, typer.Argument(
        metavar="FILE", help="A filing: plain text, HTML, inline XBRL or an EDGAR submission.")],
    fmt: Annotated[FactsFormat, format_option(FactsFormat)] = FactsFormat.text,
    out: Output = None,
    indent: Indent = None,
    prose: Annotated[bool, typer.Option(
        "--prose", help="Also the figures of the running text, each with the period its "
        "sentence gives.")] = False,
    quiet: Quiet = False,
) -> None:
    """Read a release into facts: value, unit, period, entity and source line of each."""
    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        if fmt is FactsFormat.parquet and not to_file(out):
            raise InputError("--format", "parquet needs --output FILE")
        check_output_path(out)
        with working(f"reading {file}", quiet):
            doc = read_release(file)
    for d in doc.diagnostics:  # --quiet leaves out warnings; errors always print
        if d.severity == "error" or (d.severity != "info" and not quiet):
            err_console.print(f"{d}", highlight=False, soft_wrap=True)
    facts = [*doc.facts, *doc.prose_facts] if prose else doc.facts
    what = f"{len(facts)} facts"
    if fmt is FactsFormat.csv:
        write_text_output(facts_csv(facts), out, what)
    elif fmt is FactsFormat.json:
        write_text_output(document_json(doc, prose, spaces), out, what)
    elif fmt is FactsFormat.parquet:
        with input_errors_exit():
            write_parquet(facts, out)
        written(what, out)
    else:
        write_text_output(facts_text(doc, facts), out, what)
