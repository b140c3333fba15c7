"""``assay audit``: which numbers of a release hold, which do not, and why."""

from __future__ import annotations

import io
from typing import Annotated

import typer

from assay.audit import Status, audit_path
from assay.errors import InputError

from .app import app
from .common import (
    FILE_WIDTH,
    check_distinct,
    check_output_path,
    console,
    err_console,
    input_errors_exit,
    working,
    write_file,
    write_text_output,
    written,
)
from .options import Indent, Output, Quiet, format_option, formats, json_indent

AuditFormat = formats("AuditFormat", "text", "json")


@app.command()
def audit(
    file: Annotated[str, typer.Argument(
        metavar="FILE", help="A filing: plain text, HTML, inline XBRL or an EDGAR submission.")],
    fmt: Annotated[AuditFormat, format_option(AuditFormat)] = AuditFormat.text,
    html: Annotated[str | None, typer.Option(
        "--html", metavar="FILE", help="Also write a self-contained HTML report to FILE.")
    ] = None,
    out: Output = None,
    show: Annotated[list[Status] | None, typer.Option(
        "--show", metavar="STATUS", help="A status to list (default: mismatch): ok, "
        "rounding, mismatch or 'not checkable'; repeat for several.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="List every finding.")] = False,
    indent: Indent = None,
    calculations: Annotated[str | None, typer.Option(
        "--calculations", metavar="FILE",
        help="An XBRL calculation linkbase (_cal.xml) of the inline-XBRL "
        "filing: evaluate it on the filing's tags (Calculations 1.1) and compare with the "
        "audit's checks of the same printed figures.")] = None,
    quiet: Quiet = False,
) -> None:
    """Check footing, statement identities, tie-outs, derived figures and prose claims.

    Exit code 0 when nothing mismatches, 1 when something does, 2 for unreadable input
    or an output file that cannot be written.
    """
    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        check_output_path(out)  # refused before any work is done
        check_output_path(html)
        if html == "-":
            raise InputError("--html", "the HTML report is written to a file; give its name")
        check_distinct(**{"--output": out, "--html": html})
        with working(f"auditing {file}", quiet):
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
        written("HTML report", html)
    if fmt is AuditFormat.json:
        from assay.write.audit_text import audit_json

        write_text_output(audit_json(result, spaces), out, f"{len(result.findings)} findings")
    else:
        from assay.write.audit_text import print_audit

        statuses = list(Status) if all_ else (show or [Status.MISMATCH])
        if out and out != "-":
            from rich.console import Console

            buf = io.StringIO()
            out_console = Console(file=buf, width=FILE_WIDTH, no_color=True, emoji=False)
            print_audit(result, out_console, statuses)
            write_file(out, buf.getvalue())
            listed = sum(1 for f in result.findings if f.status in statuses)
            written(f"{listed} of {len(result.findings)} findings "
                    f"({', '.join(str(s) for s in statuses)})", out)
        elif console.is_terminal:
            print_audit(result, console, statuses)
        else:  # a pipe or a file: no terminal width to fit, so wrap and cut nothing
            from rich.console import Console

            print_audit(result, Console(width=FILE_WIDTH, emoji=False), statuses)
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

