"""``assay audit``: which numbers of a release hold, which do not, and why."""

from __future__ import annotations

import io
from enum import StrEnum
from typing import Annotated

import typer

from assay.audit import Status, audit_path
from assay.errors import InputError

from .app import app
from .common import (
    check_output_path,
    console,
    err_console,
    input_errors_exit,
    write_text_output,
)

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
    indent: Annotated[int | None, typer.Option(
        "--indent", min=0, help="Indent JSON by this many spaces (default: compact).")] = None,
    calculations: Annotated[str | None, typer.Option(
        "--calculations", help="An XBRL calculation linkbase (_cal.xml) of the inline-XBRL "
        "filing: evaluate it on the filing's tags (Calculations 1.1) and compare with the "
        "audit's checks of the same printed figures.")] = None,
) -> None:
    """Check footing, statement identities, tie-outs, derived figures and prose claims.

    Exit code 0 when nothing mismatches, 1 when something does, 2 for unreadable input
    or an output file that cannot be written.
    """
    with input_errors_exit():
        if indent is not None and fmt is not AuditFormat.json:
            raise InputError("--indent", "indents JSON: give it with --format json")
        check_output_path(out)  # refused before any work is done
        check_output_path(html)
        result = audit_path(file)
        calc = None
        if calculations:
            from assay.audit.calculations import (
                compare_with_audit,
                evaluate,
                read_calculations,
                summary,
            )

            bindings = evaluate(result.document.tags, read_calculations(calculations))
            calc = summary(bindings, compare_with_audit(result.document, bindings,
                                                        result.findings))
    if calc is not None:
        _print_calculations(calc)
    if html:
        from assay.write.audit_html import audit_html

        write_file(html, audit_html(result))
        err_console.print(f"HTML report written to {html}", highlight=False)
    if fmt is AuditFormat.json:
        from assay.write.audit_text import audit_json

        write_text_output(audit_json(result, indent), out)
    else:
        from assay.write.audit_text import print_audit

        statuses = list(Status) if all_ else (show or [Status.MISMATCH])
        if out and out != "-":
            from rich.console import Console

            buf = io.StringIO()
            out_console = Console(file=buf, width=120, no_color=True, emoji=False)
            print_audit(result, out_console, statuses)
            write_file(out, buf.getvalue())
        elif console.is_terminal:
            print_audit(result, console, statuses)
        else:  # a pipe or a file: no terminal width to fit, so wrap and cut nothing
            from rich.console import Console

            print_audit(result, Console(width=PIPE_WIDTH, emoji=False), statuses)
    raise typer.Exit(result.exit_code)


def _print_calculations(calc: dict) -> None:
    """The calculation linkbase's evaluation, on standard error (the report stays as it
    is on standard output)."""
    by = calc["by_status"]
    err_console.print(
        f"XBRL calculations (Calculations 1.1): {calc['bindings']} bindings, "
        f"{by.get('consistent', 0)} consistent, {by.get('inconsistent', 0)} inconsistent, "
        f"{by.get('not evaluated', 0)} not evaluated; of the {calc['printed']} among printed "
        f"figures, {calc['checked_alike']} checked alike by the audit", highlight=False,
        soft_wrap=True)
    for why, n in sorted(calc["not_alike"].items(), key=lambda kv: -kv[1]):
        err_console.print(f"  {n}: {why}", highlight=False, markup=False, soft_wrap=True)
    for b in calc["inconsistent"]:
        err_console.print(f"  inconsistent: {b['parent']} ({b['context']}): reported "
                          f"{b['reported']}, computed {b['computed']}", highlight=False,
                          markup=False, soft_wrap=True)


def write_file(path: str, text: str) -> None:
    """Write a report file; a path that cannot be written is exit code 2, no traceback."""
    with input_errors_exit():
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as e:
            raise InputError(path, f"cannot write: {e.strerror}") from None
