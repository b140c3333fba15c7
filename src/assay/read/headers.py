"""Column headers: which period each numeric column stands for.

Headers stack over several lines ("Second Quarter Ended" over "June 30," over "2007"),
one phrase may span several columns, and the era wrote them many ways ("Three Months
Ended", "Year Ended December 31,", "June 30, 2007 Dec. 31, 2006", bare "2007  2006",
"Q2 2007"). Each header item is given to the column whose centre is nearest to it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assay.model import Period

_MONTHS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d\d"
_ITEM = re.compile(
    rf"\b(?=[A-Za-z0-9])(?:(?P<duration>(?:(?:First|Second|Third|Fourth)\s+Quarter|Three\s+Months|Six\s+Months|"
    rf"Nine\s+Months|Twelve\s+Months|Fiscal\s+Year|Year|Quarter|First\s+Half|Half\s+Year)"
    rf"(?:\s+Ended)?)"
    rf"|(?P<q>Q(?P<qn>[1-4])\s*(?P<qy>{_YEAR}))"
    rf"|(?P<date>(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?(?:\s+(?P<dyear>{_YEAR}))?)"
    rf"|(?P<year>\b{_YEAR}\b))",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(_YEAR)  # a line without one is no period header
# The same years, as patterns with a literal prefix, which the regex engine finds in a
# whole text many times faster than a pattern that opens with an alternation
YEAR_SCANS = (re.compile(r"19\d\d"), re.compile(r"20\d\d"))
_PERIOD_WORDS = frozenset(
    {name.lower() for name in calendar.month_name if name}
    | {name.lower() for name in calendar.month_abbr if name}
    | {"sept", "ended", "ending", "months", "month", "three", "six", "nine", "twelve",
       "quarter", "first", "second", "third", "fourth", "year", "years", "fiscal", "half",
       "q1", "q2", "q3", "q4"}
)
_DURATION_MONTHS = {
    "first quarter": 3, "second quarter": 3, "third quarter": 3, "fourth quarter": 3,
    "quarter": 3, "three months": 3, "six months": 6, "first half": 6, "half year": 6,
    "nine months": 9, "twelve months": 12, "fiscal year": 12, "year": 12,
}
_QUARTER_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@dataclass(frozen=True, slots=True)
class HeaderItem:
    kind: str  # duration | quarter | date | year
    start: int
    end: int
    text: str
    months: int | None = None
    quarter: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


@lru_cache(maxsize=4096)
def header_items(line: str) -> tuple[HeaderItem, ...]:
    """The period words of one header line, with their column spans. (Memoised: the
    same header lines stand over every table of a release, and over the next release.)"""
    items = []
    for m in _ITEM.finditer(line):
        text = m.group(0)
        if m["duration"]:
            key = re.sub(r"\s+ended$", "", re.sub(r"\s+", " ", text.lower()))
            quarter = None
            if key.endswith("quarter") and key.split()[0] in _QUARTER_ORDINAL:
                quarter = _QUARTER_ORDINAL[key.split()[0]]
            items.append(HeaderItem("duration", m.start(), m.end(), text,
                                    months=_DURATION_MONTHS[key], quarter=quarter))
        elif m["q"]:
            items.append(HeaderItem("quarter", m.start(), m.end(), text, months=3,
                                    quarter=int(m["qn"]), year=int(m["qy"])))
        elif m["date"]:
            month = _MONTHS.get(m["month"].lower().rstrip("."))
            if month is None:
                continue
            items.append(HeaderItem("date", m.start(), m.end(), text, month=month,
                                    day=int(m["day"]),
                                    year=int(m["dyear"]) if m["dyear"] else None))
        else:
            items.append(HeaderItem("year", m.start(), m.end(), text, year=int(m["year"])))
    return tuple(items)


def is_period_anchor(line: str) -> bool:
    """A header line that names a year for each of two or more columns.

    Everything right of the first item must be period words and spaces, so that prose
    ("ended June 30, 2007 and 2006") is never taken for a header.
    """
    if not _ANY_YEAR.search(line) or not _period_words_after_first(line.split()):
        return False
    items = header_items(line)
    years = [i for i in items if i.year is not None]
    if len(years) < 2 and not (len(years) == 1 and line[: items[0].start].strip() == ""):
        return False
    if not items:
        return False
    rest = list(line)
    for i in items:
        rest[i.start:i.end] = " " * (i.end - i.start)
    tail = "".join(rest)[items[0].start:]
    return tail.strip(" ,-") == ""


def _period_words_after_first(tokens: list[str]) -> bool:
    """Cheap test: past the first period word or year, every word is a period word.

    A table's title may stand left of the years ("HIGHLIGHTS  2007  2006"); prose never
    passes, since it holds ordinary words after its first date.
    """
    seen = False
    for tok in tokens:
        if _is_period_token(tok):
            seen = seen or not tok.startswith("-")
        elif seen:
            return False
    return seen


def _is_period_token(tok: str) -> bool:
    """A word of a period header: a month, "Ended", "Quarter"..., a day or year, a dash."""
    word = tok.strip(",.:;()").lower()
    return not word.strip("-=") or word[0].isdigit() or word in _PERIOD_WORDS


def is_header_line(line: str) -> bool:
    """A line of period words only (above the anchor): "Second Quarter Ended", "June 30,"."""
    if not all(_is_period_token(tok) for tok in line.split()):
        return False
    items = header_items(line)
    if not items:
        return False
    rest = list(line)
    for i in items:
        rest[i.start:i.end] = " " * (i.end - i.start)
    return "".join(rest).strip(" ,-") == ""


def assign_periods(lines: list[str], centres: list[float]) -> tuple[list[Period | None], list[str]]:
    """The period of each column (given their centres) from the header lines above them.

    Returns the periods and the header text of each column.
    """
    n = len(centres)
    parts: list[dict[str, HeaderItem]] = [{} for _ in range(n)]
    texts: list[list[str]] = [[] for _ in range(n)]
    for line in lines:
        # the items of each kind, kinds in the order they first stand on the line
        by_kind: dict[str, list[tuple[float, HeaderItem]]] = {}
        for i in header_items(line):
            by_kind.setdefault(i.kind, []).append(((i.start + i.end) / 2, i))
        for c, centre in enumerate(centres):
            for kind, items in by_kind.items():
                best = items[0][1]
                if len(items) > 1:  # the nearest; the first of equals
                    best = min(items, key=lambda item: abs(item[0] - centre))[1]
                parts[c][kind] = best
                texts[c].append(best.text.strip(" ,"))
    periods = [_period(p) for p in parts]
    return periods, [" ".join(t) for t in texts]


def _period(p: dict[str, HeaderItem]) -> Period | None:
    if "quarter" in p:
        q = p["quarter"]
        return Period.quarter(q.year, q.quarter)
    date_item = p.get("date")
    year = p["year"].year if "year" in p else (date_item.year if date_item else None)
    if year is None:
        return None
    duration = p.get("duration")
    if date_item is not None:
        month, day = date_item.month, date_item.day
    elif duration is not None and duration.quarter:
        month = 3 * duration.quarter
        day = calendar.monthrange(year, month)[1]
    elif duration is not None:
        month, day = duration.months, calendar.monthrange(year, duration.months)[1]
    else:
        month, day = 12, 31
    try:
        end = date(year, month, day)
    except ValueError:
        return None
    if duration is not None:
        return Period.months_ended(duration.months, end)
    if date_item is not None:
        return Period.instant(end)
    return Period.months_ended(12, end)
