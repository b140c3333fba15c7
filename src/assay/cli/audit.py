"""``assay audit``: which numbers of a release hold, which do not, and why."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from assay.audit import Status, audit_path

from .app import app
from .common import console, err_console, input_errors_exit, write_text_output

#: Width of the report when standard output is not a terminal (rule names and the rule
#: table fit whole; findings and the summary never wrap).
PIPE_WIDTH = 200


class AuditFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def audit(
    file: Annotated[str, typer.Argument(help="A plain-text release (EDGAR exhibit or SGML).")],
    fmt: Annotated[AuditFormat, typer.Option("--format", "-f", help="Output format.")] = (
        AuditFormat.text),
    html: Annotated[str | None, typer.Option(
        "--html", help="Also write a self-contained HTML report to this file.")] = None,
    out: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    show: Annotated[list[Status] | None, typer.Option(
        "--show", help="Statuses to list (default: mismatch); repeat for several.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="List every finding.")] = False,
) -> None:
    """Check footing, statement identities, tie-outs, derived figures and prose claims.

    Exit code 0 when nothing mismatches, 1 when something does, 2 for unreadable input.
    """
    with input_errors_exit():
        result = audit_path(file)
    if html:
        from assay.write.audit_html import audit_html

        with open(html, "w", encoding="utf-8") as fh:
            fh.write(audit_html(result))
        err_console.print(f"HTML report written to {html}", highlight=False)
    if fmt is AuditFormat.json:
        write_text_output(__import__("assay.write.audit_text", fromlist=["audit_json"])
                          .audit_json(result), out)
    else:
        from assay.write.audit_text import print_audit

        statuses = list(Status) if all_ else (show or [Status.MISMATCH])
        if out:
            from rich.console import Console

            with open(out, "w", encoding="utf-8") as fh:
                print_audit(result, Console(file=fh, width=120, no_color=True), statuses)
        elif console.is_terminal:
            print_audit(result, console, statuses)
        else:  # a pipe or a file: no terminal width to fit, so wrap and cut nothing
            from rich.console import Console

            print_audit(result, Console(width=PIPE_WIDTH), statuses)
    raise typer.Exit(result.exit_code)
