"""Where a fact came from: a place in a file, or a relation over other facts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, unsafe_hash=True)
class Location:
    """A span in a source file: 1-based line, 0-based half-open column span; for a cell
    of an HTML table, also a selector that finds it (``table[3]/tr[5]/td[7]``, the
    table's ordinal in the document, the row's in the table, the cell's in the row)."""

    file: str
    line: int
    col_start: int = 0
    col_end: int = 0
    row: int | None = None
    column: str | None = None
    selector: str | None = None

    def __str__(self) -> str:
        if self.selector is not None:
            return f"{self.file}:{self.line}:{self.selector}"
        if self.row is not None:
            where = f"{self.file}:{self.row}"
            return f"{where}:{self.column}" if self.column else where
        return f"{self.file}:{self.line}:{self.col_start + 1}"


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a computed fact was obtained: a named relation and its operand fact ids."""

    relation: str
    operands: tuple[str, ...]
    note: str = ""

    def __str__(self) -> str:
        return f"{self.relation}({', '.join(self.operands)})"
