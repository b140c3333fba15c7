"""What every command shares: consoles, and turning input errors into exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rich.console import Console

from assay.errors import InputError, InputErrors

console = Console()
err_console = Console(stderr=True)

T = TypeVar("T")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


@contextmanager
def input_errors_exit() -> Iterator[None]:
    """Print input errors one per line (``file:line: problem``) and exit 2, no traceback."""
    try:
        yield
    except InputErrors as errs:
        for e in errs.errors:
            err_console.print(f"[red]error[/red]: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except InputError as e:
        err_console.print(f"[red]error[/red]: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None


def guarded(fn: Callable[[], T]) -> T:
    with input_errors_exit():
        return fn()


def write_text_output(text: str, out: str | None) -> None:
    """Write to ``out`` or to standard output."""
    if out is None or out == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
