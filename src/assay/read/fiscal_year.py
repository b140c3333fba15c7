"""A document's fiscal calendar: where its years end, said or implied, and the dates
its tables give the years they name alone (a 52-53-week year ends on a weekday)."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from assay.model import Fact, Period, Table

from .grid import Grid
from .headers import header_items
from .layout import LineIndex
from .source import SourceLine

_YEAR_ENDED = re.compile(r"(?i)\byears?\s+ended\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b")
_MONTHS = {m: k for k, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"), 1)}


def year_end_said(grids: list[Grid]) -> tuple[int, int] | None:
    """The fiscal year end the headers and row headings of a document's tables say most
    often ("Year Ended January 29, 2023"), for a document whose submission does not say
    it."""
    ends: Counter[tuple[int, int]] = Counter()
    for grid in grids:
        headings = [row.text for row in grid.rows if row.text and not row.figures]
        for text in (*(line.text for line in (*grid.title, *grid.header)), *headings):
            for m in _YEAR_ENDED.finditer(text):
                month = _MONTHS.get(m.group(1)[:3].lower())
                if month:
                    ends[month, int(m.group(2))] += 1
    return ends.most_common(1)[0][0] if ends else None


_FISCAL_YEAR_ENDED = re.compile(
    r"(?i)\bfiscal\s+years?\s+end(?:ed|ing|s)?\s+(?:on\s+)?([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b")
# "the second quarter of fiscal 2024 ended November 30, 2023", "the third quarter of fiscal
# 2023 (the fiscal quarter ended February 28, 2023)": the year ends as many quarters on
_FISCAL_QUARTER_ENDED = re.compile(
    r"(?i)\b(first|second|third|fourth)\s+quarter\s+of\s+fiscal\s+(?:year\s+)?\d{4},?\s+"
    r"(?:\(the\s+(?:fiscal\s+)?quarter\s+)?end(?:ed|ing)\s+(?:on\s+)?([A-Z][a-z]{2,8})\.?\s+"
    r"(\d{1,2})\b")
_QUARTERS_LEFT = {"first": 3, "second": 2, "third": 1, "fourth": 0}


def year_end_in_text(lines: list[SourceLine], index: LineIndex) -> tuple[int, int] | None:
    """The fiscal year end the document's text says ("the fiscal year ended May 31,
    2023", or "the second quarter of fiscal 2024 ended November 30, 2023": two quarters
    on), for a document whose submission and tables say none: the one month end every
    such phrase names, or None where they name none or several. A day within a week of a
    month's end is that month's end: a 52-53-week year ends on a weekday, a different day
    each year ("October 3, 2020" ends the year that ended September 28, 2019). A phrase
    owned by another ("the federal government's fiscal year") says nothing."""
    ends = set()
    found = []
    for i in index.lines_saying("fiscal"):  # (with the next line: a phrase may wrap)
        text = lines[i].text if i + 1 >= len(lines) else f"{lines[i].text} {lines[i + 1].text}"
        found += [(m.group(1), m.group(2), 0) for m in _FISCAL_YEAR_ENDED.finditer(text)
                  if _the_filers(text, m.start())]
        found += [(m.group(2), m.group(3), _QUARTERS_LEFT[m.group(1).lower()])
                  for m in _FISCAL_QUARTER_ENDED.finditer(text) if _the_filers(text, m.start())]
    for month_name, day_text, quarters in found:
        month, day = _MONTHS.get(month_name[:3].lower()), int(day_text)
        if month is None or not 1 <= day <= (last := calendar.monthrange(2001, month)[1]):
            continue
        if day <= _NEAR_DAYS:  # (early in a month: the month before it ends the period)
            month = month - 1 or 12
        elif last - day > _NEAR_DAYS:
            continue
        month = (month + 3 * quarters - 1) % 12 + 1
        ends.add((month, calendar.monthrange(2001, month)[1]))
    end = ends.pop() if len(ends) == 1 else None
    # (a year ending in January or February is named by the year it ends in by some
    # filers, by the year it begins in by others, "fiscal 2024 ended February 1, 2025":
    # which, the phrase does not tell)
    return None if end is None or end[0] in _NAMED_EITHER_WAY else end


_NAMED_EITHER_WAY = (1, 2)  # the months whose fiscal years filers name either way


def _the_filers(text: str, at: int) -> bool:
    """Whether the fiscal year a phrase at ``at`` names may be the filer's: not one
    another's possessive, "their", "whose" or "federal" owns ("the federal government's
    fiscal year ends", "the federal fiscal year"); "its" is most often the filer's ("...
    today reported results for its fiscal year ended")."""
    before = text[max(0, at - 40):at].split()
    owner = before[-1].lower() if before else ""
    if owner in ("their", "whose", "his", "her", "federal", "government", "state"):
        return False
    if owner.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return owner[:-2] in _FILER_NAMES or owner[:-1] in _FILER_NAMES
    return True


_FILER_NAMES = frozenset({"company", "registrant", "corporation", "partnership", "trust",
                          "issuer", "group", "fund"})


def years_only(grids: list[Grid]) -> bool:
    """Whether every duration the document's column headers name is a year (an annual
    report's), and they name one at least."""
    months = {item.months for grid in grids for line in grid.header
              for item in header_items(line.text) if item.kind == "duration"}
    return months == {12}


def year_end_implied(tables: list[Table]) -> tuple[int, int] | None:
    """The fiscal year end a document's dated half-years and nine months imply when it is
    not December ("Six Months Ended March 29, 2020": a year ending in September, on the
    month's last day), for a document that says none; None when they imply December or
    disagree."""
    months = set()
    for t in tables:
        for c in t.columns:
            p = c.period
            if p is not None and p.months in (6, 9) and any(
                    i.kind == "date" and i.year for i in header_items(c.header)):
                months.add((p.end.month + 12 - p.months - 1) % 12 + 1)
    if len(months) != 1 or (month := months.pop()) == 12:
        return None
    return month, calendar.monthrange(2001, month)[1]


def year_ends(tables: list[Table]) -> dict[int, date]:
    """The last day of each fiscal year the tables' columns date, by the year it ends in."""
    return {p.end.year: p.end for t in tables for c in t.columns
            if (p := c.period) is not None and p.months == 12}


_NEAR_DAYS = 7  # a 52-53-week year ends within a week of where months would end it
_SHIFT_DAYS = 3  # a period's start moves to the day after a dated end this near it


def _near_year_end(day: date, year_end: tuple[int, int]) -> bool:
    """Whether a day is within a week of the fiscal year end (month, day) nearest it."""
    month, last = year_end
    return any(abs((day - date(y, month, min(last, 28 if month == 2 else last))).days)
               <= _NEAR_DAYS for y in (day.year - 1, day.year, day.year + 1))


def snap_to_dated_ends(facts: list[Fact], tables: list[Table],
                       year_end: tuple[int, int] = (12, 31)) -> None:
    """Periods a document's headers date only by year ("Fiscal Year 2022", "Balance at
    End of Period" of it) end where its dated columns end that year ("Year Ended January
    30, 2022"), when that is within a week of where the fiscal year end put them: a
    52-53-week calendar's years end on a weekday, not a date. A year begins the day after
    the year before it ends, when that is dated too; so does any period whose start,
    counted back from its end, falls a few days from a dated end of a fiscal year (within
    a week of ``year_end``, month and day)."""
    # (the day printed in the column's header: not a stub's date of another year,
    # "Five fiscal years ended September 30, 1994" over "1993")
    dated = sorted({c.period.end for t in tables for c in t.columns
                    if c.period is not None and (c.period.is_instant or c.period.months == 12)
                    and any(i.kind == "date" and (i.year, i.month, i.day) == (
                        c.period.end.year, c.period.end.month, c.period.end.day)
                            for i in header_items(c.header))})
    if not dated:
        return
    known = set(dated)
    memo: dict[date, date | None] = {}

    def near(day: date) -> date | None:
        if day in known:
            return None
        hit = memo.get(day, day)
        if hit is day:
            close = [d for d in dated if abs((d - day).days) <= _NEAR_DAYS]
            hit = memo[day] = close[0] if len(close) == 1 else None
        return hit

    for k, f in enumerate(facts):
        p = f.period
        if p is None or (end := near(p.end)) is None:
            continue
        if p.is_instant:
            facts[k] = replace(f, period=Period.instant(end))
        elif p.months == 12:
            before = p.start - timedelta(days=1)
            start = p.start if before in known else (
                (b + timedelta(days=1)) if (b := near(before)) else p.start)
            facts[k] = replace(f, period=Period(end=end, start=start))
    # a period counted back in weeks or months from its end begins the day after the
    # dated end of a fiscal year a few days before it ("Six Months Ended March 27, 1999"
    # after the year ended Friday September 25, 1998: a day was added to the first
    # quarter)
    starts: dict[tuple[date, bool], date | None] = {}
    for k, f in enumerate(facts):
        p = f.period
        if p is None or p.start is None:
            continue
        key = (p.start, p.months == 12)
        if key not in starts:
            before = p.start - timedelta(days=1)
            most = _NEAR_DAYS if p.months == 12 else _SHIFT_DAYS  # (a year begins where
            close = [d for d in dated if 0 < abs((d - before).days) <= most  # the year
                     and _near_year_end(d, year_end)]  # before it ends, a week apart)
            starts[key] = (close[0] + timedelta(days=1) if before not in known
                           and len(close) == 1 and close[0] < p.end else None)
        if (start := starts[key]) is not None:
            facts[k] = replace(f, period=Period(end=p.end, start=start))
