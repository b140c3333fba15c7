"""What every command shares: consoles, and turning input errors into exit code 2."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from assay.errors import InputError, InputErrors
from assay.paths import check_writable

# emoji off: a finding's place "file:100:" is no emoji code
console = Console(emoji=False)
err_console = Console(stderr=True, emoji=False)

EXIT_BAD_INPUT = 2


def print_error(e: InputError) -> None:
    """``error: file:line: problem``; the message is text, never markup ("data.xlsx[costs]")."""
    err_console.print("[red]error[/red]: ", end="", highlight=False)
    err_console.print(str(e), markup=False, highlight=False, soft_wrap=True)


@contextmanager
def input_errors_exit() -> Iterator[None]:
    """Print input errors one per line (``file:line: problem``) and exit 2, no traceback."""
    try:
        yield
    except InputErrors as errs:
        for e in errs.errors:
            print_error(e)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except InputError as e:
        print_error(e)
        raise typer.Exit(EXIT_BAD_INPUT) from None


@contextmanager
def working(message: str, quiet: bool = False) -> Iterator[None]:
    """While long work runs: a spinner with the elapsed time on a terminal's standard
    error, gone when the work is done; nothing when standard error is a pipe or a file,
    or with ``--quiet``."""
    if quiet or not err_console.is_terminal:
        yield
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        progress.add_task(message, total=None)
        yield


def writing(path: str, write):
    """Run ``write`` (which writes ``path``); a file that cannot be written is an input
    error (exit 2), never a traceback."""
    try:
        return write()
    except OSError as e:
        raise InputError(path, f"cannot write: {e.strerror or e}") from None


def check_distinct(**paths: str | None) -> None:
    """Refuse two outputs written to one file (the second would replace the first):
    ``check_distinct(**{"-o": out, "--html": html})``."""
    seen: dict[str, str] = {}
    for option, path in paths.items():
        if not path or path == "-":
            continue
        key = os.path.realpath(path)
        if key in seen:
            raise InputError(option, f"{path} is also {seen[key]}'s file; give each output "
                             "its own")
        seen[key] = option


def to_file(out: str | None) -> bool:
    """Whether ``out`` names a file (``-`` is standard output)."""
    return bool(out) and out != "-"


def check_output_path(out: str | None) -> None:
    """Refuse, before any work is done, an output path that cannot be written."""
    if to_file(out):
        check_writable(out, "is a directory; give a file name to write to")


#: Width of a table written to a file or a pipe: no terminal width to fit, so the
#: columns stand whole
FILE_WIDTH = 200


def written(what: str, path: str) -> None:
    """Say on standard error that ``what`` went to the file ``path`` (as the user named it)."""
    err_console.print(f"{what} written to {path}", highlight=False, markup=False,
                      soft_wrap=True)


def print_table(title: str, headers: list[str], rows: list[list[str]], out: str | None,
                what: str = "table", right: frozenset[int] = frozenset()) -> None:
    """Rows as a rich table on a terminal; as plain aligned columns (nothing cut, no
    colour) to the file ``out`` or to a pipe. Columns in ``right`` are right-aligned."""
    if not to_file(out) and console.is_terminal:
        from rich.markup import escape
        from rich.table import Table

        t = Table(title=title, header_style="bold")
        for i, h in enumerate(headers):
            t.add_column(h, justify="right" if i in right else "left", overflow="fold")
        for r in rows:
            t.add_row(*(escape(c) for c in r))
        console.print(t)
        return
    from assay.write.text_table import text_columns

    text = "\n".join([title, "", *text_columns(headers, rows, set(right))]) + "\n"
    write_text_output(text, out, what)


def write_text_output(text: str, out: str | None, what: str = "output") -> None:
    """Write to ``out`` (and say so) or to standard output; an unwritable path is exit
    code 2."""
    if not to_file(out):
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    write_file(out, text)
    written(what, out)


def write_file(path: str, text: str) -> None:
    """Write ``text`` to ``path``; a path that cannot be written is exit code 2."""
    def write() -> None:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)

    with input_errors_exit():
        check_output_path(path)
        writing(path, write)
