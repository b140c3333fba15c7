"""The ``assay`` command line: thin commands over the library."""

from __future__ import annotations

from . import (
    audit,  # noqa: F401
    facts,  # noqa: F401  (registers its command)
    intercepts,  # noqa: F401
    report,  # noqa: F401
)
from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
