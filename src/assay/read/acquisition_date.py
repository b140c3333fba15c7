"""Tables dated only by the acquisition the prose above them tells of.

A business combination's purchase price and its allocation (assets acquired, liabilities
assumed, intangibles with their useful lives) are measured at the acquisition date, and
filings print them in tables whose columns name no period: the date is in a sentence
above ("In April 2020, we completed the acquisition of ...", "since the acquisition date
of April 27, 2020"). Such a table's undated facts are taken as at that date when the
line over it speaks of the purchase price or its allocation ("The aggregate purchase
consideration has been allocated as follows") and the nearest sentence since the table
before that says an acquisition was done names one date; otherwise they stay undated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from assay.model import Fact, Period, Table

from .headers import full_dates
from .interpret import Context
from .prose import sentences
from .vocabulary import VOCABULARY

_ACQUISITION = re.compile(
    r"\b(?:" + ("|".join(map(re.escape, VOCABULARY.acquisition)) or "(?!)") + r")\b",
    re.IGNORECASE)


def date_by_acquisitions(ctx: Context, tables: list[Table], spans: list[range],
                         lead_ins: Callable[[], list[tuple[str, list[tuple[int, str]]]]],
                         ) -> None:
    """Date the facts of each table none of whose facts is dated, where its title line
    nearest it (``lead_ins()[k][0]``) speaks of a purchase price or its allocation and
    the nearest sentence of the prose since the table before it (``lead_ins()[k][1]``,
    paragraphs with their line numbers) that says an acquisition was done names one
    date; each table so dated is reported (``dated-by-acquisition``). The lead-ins are
    worked out only where a table has no dated fact."""
    facts = ctx.facts
    for k, (title, prose) in undated_lead_ins(facts, spans, lead_ins):
        table, span = tables[k], spans[k]
        if not _ACQUISITION.search(title):
            continue
        said = _acquisition_date(prose)
        if said is None:
            continue
        day, line, sentence = said
        period = Period.instant(day)
        for j in span:
            facts[j] = replace(facts[j], period=period)
        ctx.warn(table.first_line, "dated-by-acquisition",
                 f"no column of '{table.title}' names a period: its figures are taken as at "
                 f"{day.isoformat()}, the acquisition date line {line} says "
                 f"('{sentence.strip()[:80]}')")


def undated_lead_ins(facts: list[Fact], spans: list[range],
                     lead_ins: Callable[[], list[tuple[str, list[tuple[int, str]]]]],
                     ) -> list[tuple[int, tuple[str, list[tuple[int, str]]]]]:
    """Each table (by its span of ``facts``) that has facts, none of them dated, with its
    lead-in (``lead_ins()``, asked for only where there is such a table)."""
    undated = [k for k, span in enumerate(spans)
               if span and all(facts[j].period is None for j in span)]
    if not undated:
        return []
    found = lead_ins()
    return [(k, found[k]) for k in undated]


def _acquisition_date(prose: list[tuple[int, str]]) -> tuple[date, int, str] | None:
    """The date (a day, or a month and year: its last day) that the last sentence of the
    prose saying an acquisition was done and naming a date gives, with its line and the
    sentence; None where there is none, or where that sentence gives more than one."""
    done = VOCABULARY.acquisition_done
    for line, text in reversed(prose):
        if not done.search(text):
            continue
        for _, sentence in reversed(sentences(text)):
            if not done.search(sentence):
                continue
            days = {date(i.year, i.month, i.day) for i in full_dates(sentence)}
            if days:
                return (days.pop(), line, sentence) if len(days) == 1 else None
    return None
