"""The typer application; each command module registers itself on it."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    name="assay",
    help="Read, audit, recompute and write the quarterly reports of metal miners.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from assay import __version__

        typer.echo(f"assay {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version,
                                          is_eager=True, help="Print the version.")] = False,
) -> None:
    """Read, audit, recompute and write the quarterly reports of metal miners."""
