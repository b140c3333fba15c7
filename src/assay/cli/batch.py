"""``assay batch``, ``assay export`` and ``assay query``: many filings into one store."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table as RichTable

from assay.errors import InputError, InputErrors
from assay.write.json_text import dumps

from .app import app
from .common import err_console, input_errors_exit, print_table, write_text_output, written
from .options import Indent, Output, Quiet, format_option, formats, json_indent


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...",
        help="Files, folders (read recursively), zip archives, or text files listing them.")],
    store: Annotated[str, typer.Option(
        "--store", "-s", metavar="FILE", help="The DuckDB store to write.")] = "assay.duckdb",
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, metavar="N",
        help="Worker processes (default: one per core).")] = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="ADDRESS", help="Run on Dask: 'local' starts a local cluster; an "
        "address (tcp://host:8786) joins a running scheduler.")] = None,
    no_audit: Annotated[bool, typer.Option(
        "--no-audit", help="Read only; no findings.")] = False,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Skip documents the store already holds (same bytes).")] = False,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", min=0.1, metavar="SECONDS", help="Stop a document still being read "
        "after SECONDS; it is stored as 'timeout'.")] = None,
    quiet: Quiet = False,
) -> None:
    """Read and audit many filings into a DuckDB store, on local processes or Dask.

    A document that cannot be read, times out or kills its worker is stored with its
    reason and the run goes on. Exit code 0 when every document was read, 1 when some
    were not (see the store's documents table), 2 for unusable input or store.
    """
    from assay.batch import expand, run_batch
    from assay.batch.store import check_store_path

    with input_errors_exit():
        items, errors = expand(inputs, leave_out=(store, store + ".wal"))
        try:  # (refused with the inputs' errors, in one pass)
            check_store_path(store)
        except InputError as e:
            errors.append(e)
        if errors:
            raise InputErrors(errors)
    # a bar on a terminal only: piped or in a file, the summary says it all
    progress = None if quiet or not err_console.is_terminal else _progress()
    task = progress.add_task("reading", total=len(items), failed=0, rate="") if progress else 0
    failed = 0

    def advance(ok: bool) -> None:
        nonlocal failed
        failed += not ok
        if progress is not None:
            elapsed = progress.tasks[0].elapsed or 0
            done = progress.tasks[0].completed + 1
            rate = f"{done / elapsed:,.1f} docs/s" if elapsed > 0 else ""
            progress.update(task, advance=1, failed=failed, rate=rate)

    try:
        if progress is not None:
            progress.start()
        with input_errors_exit():
            summary = run_batch(
                items, store, workers=workers, dask=dask, audit=not no_audit, resume=resume,
                timeout=timeout,
                on_outcome=lambda o: advance(o.document["status"] in ("ok", "no tables")),
                on_skip=lambda _item: advance(True))
    finally:
        if progress is not None:
            progress.stop()
    if not quiet:
        _print_summary(summary, store)
    if summary.interrupted:
        raise typer.Exit(130)
    raise typer.Exit(1 if summary.not_read else 0)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("[red]{task.fields[failed]} failed"), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=err_console, transient=True)


def _print_summary(summary, store: str) -> None:
    t = RichTable(title=f"{summary.stored:,} documents stored", header_style="bold",
                  caption=f"in {store}; {summary.engine}, {summary.workers} workers, "
                  f"{summary.seconds:.1f} s")
    t.add_column("documents")
    t.add_column("count", justify="right")
    for status, n in sorted(summary.by_status.items(), key=lambda kv: -kv[1]):
        t.add_row(status, f"{n:,}")
    if summary.skipped:
        t.add_row("already stored (skipped)", f"{summary.skipped:,}")
    if summary.duplicates:
        t.add_row("same bytes as another (skipped)", f"{len(summary.duplicates):,}")
    t.add_row("facts", f"{summary.facts:,}")
    t.add_row("findings", f"{summary.findings:,}")
    t.add_row("mismatches", f"{summary.mismatches:,}")
    if summary.seconds > 0 and summary.stored:
        t.add_row("documents/s", f"{summary.stored / summary.seconds:,.1f}")
    err_console.print(t)
    if summary.interrupted:
        err_console.print("interrupted: the documents finished before are stored; "
                          "run again with --resume for the rest")
    bad = summary.not_read
    if bad:
        err_console.print(f"{bad} document{'' if bad == 1 else 's'} not read; their reasons: "
                          f"assay query {store} "
                          "\"SELECT path, status, error FROM documents WHERE status NOT IN "
                          "('ok', 'no tables')\"", highlight=False, soft_wrap=True)


@app.command()
def export(
    store: Annotated[str, typer.Argument(metavar="STORE",
                                         help="A store written by assay batch.")],
    parquet: Annotated[str, typer.Option(
        "--parquet", metavar="FOLDER", help="The folder to write: one Parquet dataset per "
        "table, partitioned by year and form.")],
) -> None:
    """Write a store's tables as Parquet (Hive partitions year=/form=)."""
    from assay.batch import export_parquet

    with input_errors_exit():
        counts = export_parquet(store, parquet)
    for table, n in counts.items():
        err_console.print(f"{table}: {n:,} rows", highlight=False)
    written("Parquet datasets", parquet)


QueryFormat = formats("QueryFormat", "text", "csv", "json")


def _plain(v: object) -> object:
    """A query's value as JSON holds it: Decimal as exact text, dates ISO, lists and
    structs item by item, bytes as hex, NaN and infinities as null, anything else as
    its text."""
    if v is None or isinstance(v, bool | int | str):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, date | datetime | time):
        return v.isoformat()
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, bytes | bytearray | memoryview):
        return bytes(v).hex()
    return str(v)


def _cell(v: object) -> str:
    """A value in one cell of a table or CSV: nested values as JSON."""
    p = _plain(v)
    if p is None:
        return ""
    return json.dumps(p, ensure_ascii=False) if isinstance(p, list | dict) else str(p)


@app.command()
def query(
    store: Annotated[str, typer.Argument(metavar="STORE",
                                         help="A store written by assay batch.")],
    sql: Annotated[str, typer.Argument(metavar="SQL",
                                       help="A SQL query (DuckDB) on the store's tables.")],
    fmt: Annotated[QueryFormat, format_option(QueryFormat)] = QueryFormat.text,
    out: Output = None,
    indent: Indent = None,
) -> None:
    """Ask the store a question in SQL; the store is opened read-only."""
    from assay.batch import query as run_query

    with input_errors_exit():
        spaces = json_indent(fmt, indent)
        if not sql.strip():
            raise InputError("SQL", "the query is empty")
        names, rows = run_query(store, sql)
    if fmt is QueryFormat.csv:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows([_cell(v) for v in r] for r in rows)
        write_text_output(buf.getvalue(), out, _rows_said(len(rows)))
    elif fmt is QueryFormat.json:
        data = [dict(zip(names, map(_plain, r), strict=True)) for r in rows]
        write_text_output(dumps(data, spaces), out, _rows_said(len(rows)))
    else:
        print_table(_rows_said(len(rows)), list(names), [[_cell(v) for v in r] for r in rows],
                    out, _rows_said(len(rows)))


def _rows_said(n: int) -> str:
    return f"{n:,} row{'' if n == 1 else 's'}"
