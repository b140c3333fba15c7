"""The ``assay`` command line: thin commands over the library."""

from __future__ import annotations

from assay.read.vocabulary import VOCABULARY_ERROR

from . import (
    audit,  # noqa: F401
    batch,  # noqa: F401
    facts,  # noqa: F401  (registers its command)
    guidance,  # noqa: F401
    intercepts,  # noqa: F401
    report,  # noqa: F401
)
from .app import app
from .common import EXIT_BAD_INPUT, print_error


def main() -> None:
    if VOCABULARY_ERROR is not None:  # a vocabulary named by ASSAY_VOCABULARY is unusable
        print_error(VOCABULARY_ERROR)
        raise SystemExit(EXIT_BAD_INPUT)
    app()


__all__ = ["app", "main"]
