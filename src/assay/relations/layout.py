"""Footing read from the layout: rows above a rule add up to the row below it.

A rule line (``---`` or ``===``) separates blocks of rows. The row right below a rule is
the total of the rows above it, back to the previous rule, the start of the table or
of a footnote's sub-table (footing never crosses ``row.block``). Each row counts with
its sign as printed. Nested subtotals foot in turn: "Total current assets" is a total
and then an operand of "Total assets".

A block of one row cannot foot on its own. When that one row is an unlabelled
subtotal (the Statement of Operations prints the costs "34,138 + 7,504" as "41,642"
with no label), the total below is the cascade of the labelled total above that
subtotal's block and the subtotal: subtracted when the block holds costs or expenses,
added when its heading speaks of income ("Other income (expense):").
Operands must share the total's unit; "Total cash costs / Divided by ounces" above a
per-ounce figure is a ratio, not a sum, and is checked elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from assay.model import Fact, Row, Table
from assay.model import units as u
from assay.model.findings import Finding, Status, Text, holds_informatively

from .check import EVIDENCE, plus_finding, sum_finding
from .index import FactIndex

RULE_FOOT = "foot.layout"
RULE_CASCADE = "foot.cascade"


def _boundaries(rows: list[Row]) -> list[int]:
    """Indices i such that a rule (or a block change) stands between rows i-1 and i."""
    out = [0]
    for i in range(1, len(rows)):
        if rows[i].rule_above or rows[i - 1].rule_below or rows[i].block != rows[i - 1].block:
            out.append(i)
    return out


def _has_facts(row: Row) -> bool:
    return not row.heading and any(fid is not None for fid in row.fact_ids)


def _block_start(bounds: list[int], t: int) -> int:
    """The last boundary before row ``t`` (0 when none): where its block starts."""
    k = bisect_left(bounds, t)
    return bounds[k - 1] if k else 0


def _is_total(rows: list[Row], t: int) -> bool:
    return t > 0 and (rows[t].rule_above is not None or rows[t - 1].rule_below is not None) \
        and rows[t].block == rows[t - 1].block


def footing(table: Table, idx: FactIndex) -> list[Finding]:
    if table.kind == "grid":
        return []
    rows = table.rows
    get = idx.by_id.get  # a missing id (None among them) gives None, as idx.get does
    bounds = [0]  # _boundaries(rows), made as the rows are read
    has: list[bool] = []  # _has_facts of each row
    cells: list[list[Fact | None]] = []  # the facts of each row with facts
    findings: list[Finding] = []
    totals: list[int] = []  # rows that are totals themselves, in order
    footed: list[int] = []  # rows that are totals and hold in some column, in order
    first: dict[int, int] = {}  # a footed total's first row: of its parts, theirs in turn
    prev = None
    for t, row in enumerate(rows):
        ids = row.fact_ids
        h = not row.heading and ids.count(None) != len(ids)  # any id not None
        has.append(h)
        cells.append(list(map(get, ids)) if h else [])
        if prev is None:
            prev = row
            continue
        above, below = row.rule_above, prev.rule_below
        start = bounds[-1]  # _block_start(bounds, t): the last boundary before t
        if above or below or row.block != prev.block:
            bounds.append(t)
        prev = row
        # _is_total(rows, t)
        if not h or not ((above is not None or below is not None)
                         and row.block == rows[t - 1].block):
            if h and footed and footed[-1] == t - 1 and row.block == rows[t - 1].block:
                # a result right under a total, with no rule of its own ("Total operating
                # expenses", then "Operating income"): the total before less this one
                found = _after_totals(table, row, footed, cells, t, t - 1)
                if found:
                    _footed(footed, first, t, [_before(footed, t - 1), t - 1])
                findings.extend(found)
            continue
        operands = [i for i in range(start, t) if has[i]]
        totals.append(t)
        if any(_FIGURE_IN_WORDS.search(rows[i].label) and not _from_cells(cells[i])
               for i in range(start, t)):
            continue  # a row whose figures may be read as words: the block's sum is unsure
        if len(operands) >= 2:
            used = operands
            found = _foot(table, row, cells[t], [cells[i] for i in operands])
            for h in (i for i in range(t - 1, start - 1, -1) if rows[i].heading):
                # a heading among the rows ("Level 1:", "Operating activities:") may
                # start the rows its total adds, or head a part of them ("Change in
                # assets and liabilities:"): the figures say which
                under = [i for i in operands if i > h]
                if 2 <= len(under) < len(operands):
                    after = _foot(table, row, cells[t], [cells[i] for i in under])
                    if _holding(after) > _holding(found):
                        found, used = after, under
            if len(operands) >= 3 and len(totals) > 1 and totals[-2] == operands[0]:
                # a block led by the total above it: that total is either its first
                # addend ("Total current assets" + the other assets) or the end of the
                # rows before ("Total operating expenses", then "Operating income" and
                # "Other income" make "Income before taxes"); the figures say which
                rest = _foot(table, row, cells[t], [cells[i] for i in operands[1:]])
                if _holding(rest) > _holding(found):
                    found, used = rest, operands[1:]
            if not _holding(found) and len(operands) == 2:
                # a result under its cost: "Income before taxes" less "Provision for
                # income taxes", when the figures say so in two columns or more
                less = _foot(table, row, cells[t], [cells[i] for i in operands], less=True)
                if _holding(less) >= EVIDENCE:
                    found, used = less, operands
            if _holding(found):
                _footed(footed, first, t, used)
            findings.extend(found)
        elif len(operands) == 1 and rows[operands[0]].label == "":
            findings.extend(_cascade(table, rows, bounds, has, cells, t, operands[0]))
        elif len(operands) == 1 and _among(footed, operands[0]):
            k = operands[0]
            found = _after_totals(table, row, footed, cells, t, k)
            if found:
                _footed(footed, first, t, [_before(footed, k), k])
            else:
                found, used = _grand_total(table, rows, has, cells, first, t, k)
                if found:
                    _footed(footed, first, t, used)
            findings.extend(found)
    return findings


def _footed(footed: list[int], first: dict[int, int], t: int, parts: list[int]) -> None:
    """Row ``t`` foots, adding the rows ``parts`` (each with the rows it adds in turn)."""
    footed.append(t)
    first[t] = min(first.get(i, i) for i in parts)


def _before(footed: list[int], k: int) -> int:
    """The footed total before row ``k`` (the earlier of two totals a row is under)."""
    at = bisect_left(footed, k)
    return footed[at - 1] if at else k


def _from_cells(cells: list[Fact | None]) -> bool:
    """Whether a row's figures were read from cells of their own (an HTML table): its
    label cannot then hold one of its figures."""
    return any(f is not None and f.source is not None and f.source.selector is not None
               for f in cells)


#: top-level rows a grand total may add, at most
_GRAND = 8


def _grand_total(table: Table, rows: list[Row], has: list[bool],
                 cells: list[list[Fact | None]], first: dict[int, int], t: int,
                 k: int) -> tuple[list[Finding], list[int]]:
    """A total whose block holds one footed total ``k``: the sum of the rows at the top
    level above it, read up from ``k`` (a footed total and the rows it adds are one; rows
    outside any total count alone): "Total other comprehensive income" adds a line and
    two subtotals, "Total comprehensive income" then adds it to net income. The fewest
    rows that add up to the total in every column (in two columns or more with figures
    that say something) are taken; when none do, nothing is reported: a grand total may
    stand for what the rows do not show."""
    parts = [k]
    i = first.get(k, k) - 1
    while i >= 0 and len(parts) < _GRAND and rows[i].block == rows[t].block:
        if not has[i]:
            i -= 1
            continue
        parts.insert(0, i)
        found = _foot(table, rows[t], cells[t], [cells[j] for j in parts])
        if _holding(found) >= EVIDENCE and all(
                f.status in (Status.OK, Status.ROUNDING) for f in found):
            return found, parts
        i = first.get(i, i) - 1
    return [], []


def _after_totals(table: Table, row: Row, totals: list[int], cells: list[list[Fact | None]],
                  t: int, k: int) -> list[Finding]:
    """A row under two totals that foot, "Total net sales" and "Total cost of sales" then
    "Gross margin": the earlier total less the later, when the figures say so in two
    columns or more (else nothing is reported); or the two added ("Total liabilities"
    and "Total shareholders' equity"), only when that holds in every column: a grand
    total under two subtotals may add rows above them too ("Cash", then two subtotals,
    then "Total"), and would hold just where those rows are nil."""
    q = _before(totals, k)
    if q == k:
        return []
    for sign in (-1, 1):
        found = _base_and_sub(table, row, cells[t], cells[q], cells[k], sign)
        holding = _holding(found)
        if holding >= EVIDENCE and (sign < 0 or all(
                f.status in (Status.OK, Status.ROUNDING) for f in found)):
            return found
    return []


def _among(ordered: list[int], i: int) -> bool:
    """Whether ``i`` is in ``ordered``, a list in increasing order."""
    at = bisect_left(ordered, i)
    return at < len(ordered) and ordered[at] == i


def _holding(findings: list[Finding]) -> int:
    """How many columns a footing holds in, with none of its figures zero."""
    return sum(1 for f in findings if holds_informatively(f))


def _what(table: Table, row: Row, fact: Fact) -> Text:
    """The words for the check, written when the message is read."""
    return (_words, table, row, fact)


def _words(table: Table, row: Row, fact: Fact) -> str:
    label = row.label or "subtotal"
    period = fact.period.key if fact.period else "?"
    return f"{table.title}: {label} ({period})"




# a figure of thousands left among a row's words ("Federal income tax payable - -100%
# 1,527 na -"), or a negative one ("(518)"): the layout could not place the row's figures
_FIGURE_IN_WORDS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\(\d{3}(?:\.\d+)?\)")
_CENTS = 2  # printed decimals of an amount in cents, or of an average


def _foot(table: Table, row: Row, totals: list[Fact | None],
          operands: list[list[Fact | None]], less: bool = False) -> list[Finding]:
    """Each column's total = the column's cells of the operand rows (at least two, all of
    the total's unit); with ``less``, the first row less the others ("Income before
    taxes" less "Provision for income taxes" is "Net income")."""
    out = []
    for c, tot in enumerate(totals):
        if tot is None:
            continue
        unit = tot.unit
        if unit not in u.ADDITIVE or tot.period is None or (
                (tot.decimals or 0) + tot.scale >= _CENTS):
            # rates, prices and ratios of rows do not add up to the total's; nor do a
            # column of changes, or figures printed to the hundredth in a table of larger
            # sums (averages per unit: revenue per unit, a premium per barrel)
            continue
        terms = []
        same = True
        for cs in operands:
            if c < len(cs) and (f := cs[c]) is not None:
                terms.append(f)
                if f.unit != unit:
                    same = False
        if len(terms) < 2 or not same:
            continue
        if less:
            finding = sum_finding(RULE_FOOT, _what(table, row, tot), tot,
                                  [(1, terms[0]), *((-1, f) for f in terms[1:])])
        else:
            finding = plus_finding(RULE_FOOT, _what(table, row, tot), tot, terms)
        odd = _separator_in_doubt(tot, terms)
        if odd is not None and finding.status is Status.MISMATCH:
            finding = finding.restated(Status.NOT_CHECKABLE, None,
                                       (_separator_note, finding, odd))
        out.append(finding)
    return out


# "139.435" among "660,591" and "116,972": three decimals where the column prints none,
# so the point may part thousands (a typo for "139,435") as well as decimals
_THREE_DECIMALS = re.compile(r"\(?-?\$?\s*\d{1,3}\.\d{3}\)?")
_THOUSANDS = re.compile(r"\d,\d{3}")


def _separator_in_doubt(total: Fact, terms: list[Fact]) -> Fact | None:
    """A term printed with three decimals in a footing whose total prints whole numbers
    parted by commas: its point may be a thousands separator."""
    if not _THOUSANDS.search(total.printed) or "." in total.printed:
        return None
    for f in terms:
        if _THREE_DECIMALS.fullmatch(f.printed.strip()):
            return f
    return None


def _separator_note(finding: Finding, odd: Fact) -> str:
    return (f"{finding.message} — not checkable: {odd.printed!r} prints three decimals "
            f"where the total prints whole thousands, so its point may part thousands "
            f"(a typo for {odd.printed.replace('.', ',')!r}) as well as decimals")


def _cascade(table: Table, rows: list[Row], bounds: list[int], has: list[bool],
             cells: list[list[Fact | None]], t: int, p: int) -> list[Finding]:
    """total(t) = labelled total above subtotal p's block ± subtotal p."""
    start_p = _block_start(bounds, p)
    if start_p == 0:
        return []
    q = next((i for i in range(start_p - 1, -1, -1) if has[i]), None)
    if q is None or not rows[q].label:
        return []
    if any(has[q + 1:start_p]):
        return []
    headings = " ".join(r.label.lower() for r in rows[start_p:p] if r.heading)
    sign = 1 if "income" in headings else -1
    return _base_and_sub(table, rows[t], cells[t], cells[q], cells[p], sign)


def _base_and_sub(table: Table, row: Row, totals: list[Fact | None],
                  bases: list[Fact | None], subs: list[Fact | None],
                  sign: int) -> list[Finding]:
    """Each column's total = its base ± its subtotal (``sign``), where all three stand in
    the column in one additive unit."""
    out = []
    for c, tot in enumerate(totals):
        base = bases[c] if c < len(bases) else None
        sub = subs[c] if c < len(subs) else None
        if tot is None or base is None or sub is None:
            continue
        if not (tot.unit == base.unit == sub.unit) or tot.unit not in u.ADDITIVE:
            continue
        out.append(sum_finding(RULE_CASCADE, _what(table, row, tot), tot,
                               [(1, base), (sign, sub)]))
    return out
