"""Footing across a row: a column that is the sum of the columns beside it.

"Adjusted Cost | Unrealized Gains | Unrealized Losses | Fair Value | Cash and Cash
Equivalents | Current | Non-Current", all at one date: in every row, the fair value is
the first three added, and the last three. No rule line says so, so the figures choose:
for each column, the run of two or more columns of the same period and unit just left of
it that adds up to it in the most rows, and the one just right of it. A relation is
taken only when it holds in two rows or more whose figures say something (a total that
is not zero, two addends that are not), and fails in at most one such row for every four
where it holds; then every row with all its cells is checked, and a row where it fails
is a mismatch, corroborated by the rows where it holds.
"""

from __future__ import annotations

from collections import defaultdict

from assay.model import Fact, Table
from assay.model import units as u
from assay.model.findings import Finding, Status, Text

from .check import EVIDENCE, plus_finding
from .index import FactIndex

RULE_ACROSS = "across.layout"

#: for each row (with figures that say something) where a relation fails, the rows where
#: it must hold
_MOSTLY = 4
#: lengths side by side are a from, a to and a width, not parts of a whole
_ADDITIVE = u.ADDITIVE - {u.METRES, u.FEET}


def across(table: Table, idx: FactIndex) -> list[Finding]:
    """The findings of every column that foots across the rows of ``table``."""
    get = idx.by_id.get
    grid = [[get(i) if i else None for i in row.fact_ids] for row in table.rows
            if not row.heading]
    width = max((len(r) for r in grid), default=0)
    if width < 3:
        return []
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)  # (period, unit) → columns
    for c in range(width):
        key = _column_key(grid, c)
        if key is not None:
            groups[key].append(c)
    out: list[Finding] = []
    for cols in groups.values():
        runs = _contiguous(cols)
        for run in runs:
            out.extend(_in_run(table, grid, run))
    return out


def _column_key(grid: list[list[Fact | None]], c: int) -> tuple[str, str] | None:
    """The period and unit every fact of column ``c`` shares, or None."""
    key = None
    for row in grid:
        f = row[c] if c < len(row) else None
        if f is None:
            continue
        if f.period is None or f.unit not in _ADDITIVE:
            return None
        k = (f.period.key, f.unit)
        if key is None:
            key = k
        elif k != key:
            return None
    return key


def _contiguous(cols: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for c in cols:
        if runs and runs[-1][-1] == c - 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return [r for r in runs if len(r) >= 3]


def _in_run(table: Table, grid: list[list[Fact | None]], run: list[int]) -> list[Finding]:
    out: list[Finding] = []
    for j in run:
        for side in _candidates(run, j):  # the columns left of it, then right of it
            addends = _chosen(grid, j, side)
            if addends is None:
                continue
            for row in grid:
                total = row[j] if j < len(row) else None
                terms = [row[c] if c < len(row) else None for c in addends]
                if total is None or any(t is None for t in terms):
                    continue
                if all(t.nil for t in terms) and total.nil:  # a row of dashes says nothing
                    continue
                out.append(plus_finding(RULE_ACROSS, _what(table, total), total,
                                        terms))  # type: ignore[arg-type]
    return out


def _chosen(grid: list[list[Fact | None]], j: int, runs: list[list[int]]) -> list[int] | None:
    """Of runs of columns on one side of ``j``, the one that adds up to it in the most
    rows, if the figures say it does (see the module's words)."""
    best: tuple[int, list[int]] | None = None
    for addends in runs:
        verdicts = [v for v in (_holds(row, j, addends) for row in grid) if v is not None]
        holds = sum(verdicts)
        fails = len(verdicts) - holds
        if (holds >= EVIDENCE and fails * _MOSTLY <= holds
                and (best is None or holds > best[0])):
            best = (holds, addends)
    return None if best is None else best[1]


def _candidates(run: list[int], j: int) -> list[list[list[int]]]:
    """Runs of two columns or more just left of ``j``, and just right of it."""
    at = run.index(j)
    left = [run[i:at] for i in range(at - 2, -1, -1)]
    right = [run[at + 1:k] for k in range(at + 3, len(run) + 1)]
    return [left, right]


def _holds(row: list[Fact | None], j: int, addends: list[int]) -> bool | None:
    """Whether the row adds up so; None for a row whose figures say nothing (a zero
    total, fewer than two addends that are not zero, a cell missing)."""
    total = row[j] if j < len(row) else None
    terms = [row[c] if c < len(row) else None for c in addends]
    if total is None or total.value == 0 or any(t is None for t in terms):
        return None
    if sum(1 for t in terms if t.value != 0) < 2:  # type: ignore[union-attr]
        return None
    finding = plus_finding(RULE_ACROSS, "", total, terms)  # type: ignore[arg-type]
    return finding.status in (Status.OK, Status.ROUNDING)


def _what(table: Table, total: Fact) -> Text:
    return (_words, table, total)


def _words(table: Table, total: Fact) -> str:
    column = dict(total.dims).get("member", f"column {total.column}")
    period = total.period.key if total.period else "?"
    return f"{table.title}: {total.label or 'subtotal'}, {column} ({period}), across the row"
