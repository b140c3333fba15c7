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

Otherwise they stay undated. Likewise a table under years alone whose lead-in says its
figures stand "as of" a month and day with no year ("As of December 31, ... as
follows:") holds balances at that day of each year, not flows over the years.
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
from .layout import MONTH_NUMBERS
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


def _introducing(prose: list[tuple[int, str]]) -> tuple[str, int] | None:
    """The last two sentences of the paragraph introducing a table (ending in a colon,
    short title lines apart), with its line; None where there is none, or where they
    speak of a flow."""
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
    return None if _FLOW_SAID.search(near) else (near, line)


def _day_said(prose: list[tuple[int, str]]) -> tuple[date, int] | None:
    """The one day the paragraph introducing a table says "as of", with the paragraph's
    line; None where there is none so (see the module's contract)."""
    found = _introducing(prose)
    if found is None:
        return None
    near, line = found
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


# "As of December 31, the Company had recorded ... as follows:": a month and day, no year
_MONTH_DAY_AS_OF = re.compile(r"(?i)\b(?:as of|as at|at)\s+([a-z]{3,9})\.?\s+(\d{1,2})\b"
                              r"(?!\s*,?\s*(?:19|20)\d\d)")
# what a lead-in says its figures are: balances ("liabilities", "assumptions", "loans"),
# or flows over the years ("the components of income tax expense")
_BALANCE_NOUN = re.compile(r"(?i)\b(?:liabilit|assets?\b|balances?\b|reserves?\b|obligations?\b"
                           r"|assumptions?\b|loans?\b|deposits?\b|debt\b|rates?\b|investments?\b"
                           r"|inventor|receivables?\b|payables?\b|accruals?\b)")
_FLOW_NOUN = re.compile(r"(?i)\b(?:expenses?|costs?|income|revenues?|earnings|sales|provisions?"
                        r"|cash flows?)\b")


def date_years_by_lead_ins(ctx: Context, tables: list[Table], spans: list[range],
                           lead_ins: Callable[[], list[tuple[str, list[tuple[int, str]]]]],
                           ) -> None:
    """Under columns that name years alone, the figures of a table its lead-in says
    stand "as of" a month and day with no year ("As of December 31, the Company had
    recorded liabilities ... as follows:" over "1992  1993") are balances at that day of
    each column's year, not flows over the years; where no row moves a balance (see the
    module's contract). Each table so dated is reported (``dated-by-lead-in``)."""
    facts = ctx.facts
    years = [k for k, t in enumerate(tables) if spans[k] and t.columns and all(
        c.period is None or (c.period.months == 12 and _YEAR_ALONE.fullmatch(c.header))
        for c in t.columns) and any(c.period is not None for c in t.columns)]
    if not years:
        return
    found = lead_ins()
    for k in years:
        introducing = _introducing(found[k][1])
        if introducing is None or any(_moves(facts[j].label) for j in spans[k]):
            continue
        near, line = introducing
        if _FLOW_NOUN.search(near) and not _BALANCE_NOUN.search(near):
            continue  # ("As of December 31, the components of income tax expense were")
        said = [m for m in _MONTH_DAY_AS_OF.finditer(near)
                if m.group(1).lower() in MONTH_NUMBERS]
        if len(said) != 1 or full_dates(near):
            continue
        month, day = MONTH_NUMBERS[said[0].group(1).lower()], int(said[0].group(2))
        moved = 0
        for j in spans[k]:
            p = facts[j].period
            if p is not None and p.months == 12:
                try:
                    at = date(p.end.year, month, day)
                except ValueError:
                    continue
                facts[j] = replace(facts[j], period=Period.instant(at))
                moved += 1
        if moved:
            ctx.warn(tables[k].first_line, "dated-by-lead-in",
                     f"the years over '{tables[k].title}' are taken as balances at "
                     f"{said[0].group(1)} {day} of each, as the paragraph introducing it "
                     f"says (line {line})")


_YEAR_ALONE = re.compile(r"\s*(?:19|20)\d\d\s*")
