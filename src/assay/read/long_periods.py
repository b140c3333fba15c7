"""Quarters of fourteen weeks and years of fifty-three, said only in the prose.

A 52-53-week calendar ends its quarters on a weekday; the headers date a quarter by its
last day alone, and the reader takes thirteen weeks back from it. Every few years a
quarter (and its year) has a week more, which only the text says ("Results for the
previous quarter ended July 2, 2005 are based upon 14 weeks"). A sentence that names
such a length and one full date lengthens the quarters (or years) read as ending that
day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from assay.model import Fact, Period

from .headers import full_dates
from .prose import Block, sentences

# weeks of a long quarter or a long year, and the months such a period spans
_LONG = re.compile(r"(?i)\b(14|fourteen|53|fifty[- ]three)[- ]weeks?\b")
_WEEKS = {"14": 14, "fourteen": 14, "53": 53, "fifty three": 53}
_ANY_WEEKS = re.compile(r"(?i)\b(?:\d{1,2}|[a-z]+(?:[- ][a-z]+)?)[- ]weeks?\b")
_SPAN_MONTHS = {14: 3, 53: 12}


def long_periods_said(blocks: Iterable[Block]) -> dict[date, tuple[int, int]]:
    """The period ends that a sentence says are of a long quarter or year: the day, and
    (weeks, line of the sentence). A sentence naming more than one date says none."""
    said: dict[date, tuple[int, int]] = {}
    for block in blocks:
        if "week" not in block.text:
            continue
        for _, sentence in sentences(block.text):
            if not _LONG.search(sentence):
                continue
            dates = full_dates(sentence)
            if len(dates) != 1:
                continue
            # the length said of that day is the first after it ("the quarter ended July
            # 2, 2005 are based upon 14 weeks versus a normal 13 week quarter"; not "ended
            # April 2, 2005 included 13 weeks, compared with 14 weeks in the prior year")
            length = _ANY_WEEKS.search(sentence, dates[0].end)
            if length is not None and (m := _LONG.fullmatch(length.group(0))):
                day = date(dates[0].year, dates[0].month, dates[0].day)
                said[day] = (_WEEKS[m.group(1).lower().replace("-", " ")], block.line)
    return said


def lengthen(facts: list[Fact], said: dict[date, tuple[int, int]]) -> list[tuple[Period, int]]:
    """Give each fact of a quarter (or year) ending on a day ``said`` to be long its
    weeks, counted back from that day; the periods changed, each with the line that
    says so."""
    changed: dict[Period, tuple[Period, int]] = {}
    for k, f in enumerate(facts):
        p = f.period
        if p is None or p.start is None or p.end not in said:
            continue
        weeks, line = said[p.end]
        if p.months != _SPAN_MONTHS[weeks]:
            continue
        if p not in changed:
            changed[p] = (Period.weeks_ended(weeks, p.end), line)
        facts[k] = replace(f, period=changed[p][0])
    return list(changed.values())
