"""The one exception tree of assay.

``AssayError`` is the root. ``InputError`` means the user's input cannot be used at all
(missing, unreadable, not a release); the CLI turns it into a one-line message and exit
code 2. Problems inside a readable input are returned as diagnostics, not raised.
"""

from __future__ import annotations


class AssayError(Exception):
    """Base of every error assay raises on purpose."""


class InputError(AssayError):
    """Input that cannot be used: names the file (and line) and what is wrong."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class InputErrors(AssayError):
    """Several input errors found in one pass; each is an ``InputError``."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
