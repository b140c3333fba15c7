"""A read document: its tables (rows, rules, columns), prose, facts and diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .fact import Fact
from .periods import Period
from .provenance import Location
from .tag import Tag


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something the reader could not place or had to guess; never silent."""

    location: Location
    code: str
    message: str
    severity: str = "warning"  # "error" | "warning" | "info"

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.code}: {self.message}"


@dataclass(slots=True)
class Column:
    """A numeric column: its right edge and what its header says."""

    index: int
    right: int
    header: str = ""
    period: Period | None = None
    name: str | None = None  # for grid tables whose header names a quantity
    unit: str | None = None


@dataclass(slots=True)
class Row:
    """One logical row: a label (wrapped lines joined) and its cells.

    ``rule_above`` is ``"-"`` or ``"="`` when a rule line stands right above the row's
    last line, ``rule_below`` likewise below it; the audit reads footing from them.
    ``depth`` is the label's indentation; ``group`` the nearest label-only heading row
    ("Sales:", "Average cost per ounce of silver produced (1):").
    """

    index: int
    label: str
    lines: tuple[int, ...]
    fact_ids: tuple[str | None, ...] = ()
    indent: int = 0
    rule_above: str | None = None
    rule_below: str | None = None
    section: str | None = None
    group: str | None = None
    footnotes: tuple[str, ...] = ()
    heading: bool = False
    block: int = 0
    parent: str | None = None  # the heading ``group`` stands under ("Per Common Share
    # Data:" over "Net income:" over "Basic")


@dataclass(slots=True)
class Table:
    """A table as laid out in the document."""

    index: int
    title: str
    kind: str  # "statement" | "grid" | "footnote"
    first_line: int
    last_line: int
    scale_note: str = ""
    title_footnotes: tuple[str, ...] = ()
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    lines_total: int = 0
    lines_used: int = 0
    unplaced: list[int] = field(default_factory=list)
    # what the table is (income_statement, balance_sheet, cash_flows, reconciliation,
    # production, highlights...: the vocabulary's roles), None when not recognised
    role: str | None = None


@dataclass(slots=True)
class Document:
    """Everything read from one release."""

    path: str
    company: str
    lines: list[str]
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    prose: list[tuple[int, str]] = field(default_factory=list)
    period: Period | None = None
    # the documents of the file that were read, by type ("10-Q", "EX-99.1", "EX-27";
    # "text" for a file that is not an SGML submission)
    parts: list[str] = field(default_factory=list)
    # the inline-XBRL tags of its HTML documents, read apart from the layout
    tags: list[Tag] = field(default_factory=list)

    _by_id: dict[str, Fact] = field(default_factory=dict, repr=False, compare=False)
    # reads the running text's figures when they are first asked for
    prose_reader: Callable[[], list[Fact]] | None = field(default=None, repr=False,
                                                          compare=False)
    _prose_facts: list[Fact] | None = field(default=None, repr=False, compare=False)
    # makes the paragraphs of running text (``read.prose.Block``) when they are asked for
    blocks_reader: Callable[[], list[Any]] | None = field(default=None, repr=False,
                                                          compare=False)

    def prose_blocks(self) -> list[Any]:
        """The paragraphs of the running text, each with where it stands."""
        return self.blocks_reader() if self.blocks_reader else []

    @property
    def prose_facts(self) -> list[Fact]:
        """The figures of the running text ("$1.48 billion ... as of January 29, 2023"),
        apart from the tables' facts that the audit's relations check; read when first
        asked for (most uses never ask)."""
        if self._prose_facts is None:
            self._prose_facts = self.prose_reader() if self.prose_reader else []
        return self._prose_facts

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id (the index is rebuilt when facts were added)."""
        if len(self._by_id) != len(self.facts):
            self._by_id = {f.id: f for f in self.facts}
        return self._by_id[fact_id]
