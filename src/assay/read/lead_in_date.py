"""Tables dated only by the paragraph that introduces them.

A table whose columns, title and rows name no period may be introduced by a paragraph
that says at what day its figures stand: "As of April 24, 2020, we have processed payment
deferrals on loans totaling $510.4 million ... The breakout by loan type is as follows:".
Such a table's undated facts are taken as at that day where:

- the paragraph introducing it is the last one before it (short title lines apart), or,
  where that one says no day, the words over its first figures; it ends in a colon;
- its sentence ending in the colon, or the one before, names exactly one day, "as of" or
  "as at" it, and neither sentence speaks of a flow ("changes", "activity", "during",
  "for the year", "as if", "pro forma");
- no row of the table is a movement or a balance at a period's beginning or end
  ("Granted", "Balance, beginning of year"), nor names a year of its own.

Otherwise they stay undated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from assay.model import Period, Table

from .acquisition_date import undated_lead_ins
from .headers import full_dates
from .interpret import Context
from .prose import sentences
from .vocabulary import VOCABULARY

_AS_OF = re.compile(r"(?i)\bas (?:of|at)\s*$")
_DAY_SAID = re.compile(r"\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}")  # (not "April 2020")
_FLOW_SAID = re.compile(
    r"(?i)\b(?:changes?|activity|during|as if|pro forma|results|then ended|ended|"
    r"for the (?:year|quarter|period|(?:three|six|nine|twelve) months|fiscal))\b")
_MOVEMENT = re.compile(
    r"(?i)^(?:total )?(?:granted|exercised|vested|forfeit\w*|cancel\w*|expired|provisions?\b|"
    r"charge-?offs?|recoveries|additions|payments|issued|issuances?|repurchased|purchases|"
    r"sales|transfers?)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TITLE_WORDS = 12  # a title line after the lead-in: a few words, no sentence


def date_by_lead_ins(ctx: Context, tables: list[Table], spans: list[range],
                     lead_ins: Callable[[], list[tuple[str, list[tuple[int, str]]]]],
                     ) -> None:
    """Date the facts of each table none of whose facts is dated by the day its lead-in
    paragraph says them at (see the module's contract); each table so dated is reported
    (``dated-by-lead-in``). The lead-ins are worked out only where a table has no dated
    fact."""
    facts = ctx.facts
    for k, (_, prose) in undated_lead_ins(facts, spans, lead_ins):
        # (a lead-in set in the table's first rows, above its figures: "The long-term
        # rental obligations as of December 31, 1993, are due as" / "follows:")
        opening = []
        for row in tables[k].rows:
            if not row.heading:
                break
            opening.append(row)
        said = _day_said(prose)
        if said is None and opening:
            said = _day_said([*prose,
                              (opening[0].lines[0], " ".join(r.label for r in opening))])
        if said is None or any(_moves(facts[j].label) for j in spans[k]):
            continue
        day, line = said
        period = Period.instant(day)
        for j in spans[k]:
            facts[j] = replace(facts[j], period=period)
        ctx.warn(tables[k].first_line, "dated-by-lead-in",
                 f"no column of '{tables[k].title}' names a period: its figures are taken "
                 f"as at {day.isoformat()}, the day the paragraph introducing it says "
                 f"(line {line})")


def _moves(label: str) -> bool:
    """Whether a row moves a balance, or states one at a period's beginning or end, or
    names a year: the table spans a period."""
    return bool(_MOVEMENT.match(label) or _YEAR.search(label)
                or VOCABULARY.balance_of(label) in ("begin", "end"))


def _day_said(prose: list[tuple[int, str]]) -> tuple[date, int] | None:
    """The one day the paragraph introducing a table says "as of", with the paragraph's
    line; None where there is none so (see the module's contract)."""
    for at, text in reversed(prose):
        text = text.strip()
        if text.endswith(":"):
            line = at
            break
        if len(text.split()) > _TITLE_WORDS or text.endswith("."):
            return None  # (a sentence stands between: it introduces nothing)
    else:
        return None
    near = " ".join(sentence for _, sentence in sentences(text)[-2:])
    if _FLOW_SAID.search(near):
        return None
    items = full_dates(near)
    if len(items) != 1:
        return None
    item = items[0]
    if not _DAY_SAID.search(near, item.start, item.end) or not _AS_OF.search(near[:item.start]):
        return None
    try:
        return date(item.year, item.month, item.day), line
    except ValueError:  # ("June 31, 2020": no day)
        return None
