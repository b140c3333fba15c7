"""The typer application; each command module registers itself on it."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="assay",
    help="Read, audit, recompute and write the quarterly reports of metal miners.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Read, audit, recompute and write the quarterly reports of metal miners."""
