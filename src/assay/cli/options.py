"""The options commands share: one spelling, one meaning, one help text everywhere.

- ``--format/-f`` chooses among :data:`FORMATS`; ``text`` is what the terminal shows
  (tables, findings, the release's text), written plain when it goes to a file or a pipe;
- ``--output/-o FILE`` writes there instead of standard output, and says so on standard
  error ("... written to FILE");
- ``--indent N`` indents JSON (2 by default, 0 for one line); it is refused without
  ``--format json``;
- ``--quiet/-q`` leaves out progress and notes; errors still print;
- ``--period/-p`` is a quarter such as 2007Q2; ``--unit`` an operating unit or segment.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from assay.errors import InputError

#: Every output format a command may offer, each meaning the same wherever it is offered.
FORMATS = ("text", "csv", "md", "json", "xlsx", "parquet")

#: JSON's indentation when ``--indent`` is not given.
JSON_INDENT = 2


def formats(name: str, *values: str) -> type[StrEnum]:
    """The formats a command offers, as the enum typer shows and checks."""
    unknown = [v for v in values if v not in FORMATS]
    if unknown:
        raise ValueError(f"formats {unknown} are not among {FORMATS}")
    return StrEnum(name, [(v, v) for v in values])


def format_option(choices: type[StrEnum]):
    """``--format/-f`` with its choices named in the help."""
    names = ", ".join(c.value for c in choices)
    return typer.Option("--format", "-f", help=f"Output format: {names}.")


Output = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.")]
Indent = Annotated[int | None, typer.Option(
    "--indent", metavar="N",
    help="Indent JSON by N spaces, 0 to 8 (default 2; 0 writes one line); with --format "
    "json.")]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Leave out progress and notes; errors still print.")]
Period = Annotated[str, typer.Option(
    "--period", "-p", metavar="QUARTER", help="The quarter, such as 2007Q2.")]


def json_indent(fmt: str, indent: int | None) -> int:
    """The JSON indentation to write; ``--indent`` without ``--format json`` is an input
    error."""
    if indent is not None and fmt != "json":
        raise InputError("--indent", "indents JSON: give it with --format json")
    if indent is not None and not 0 <= indent <= 8:
        raise InputError("--indent", f"{indent}: give 0 to 8 spaces")
    return JSON_INDENT if indent is None else indent
