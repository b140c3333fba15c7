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
from datetime import date, timedelta
from functools import lru_cache

from assay.model import Period

from .layout import MONTH_NUMBERS as _MONTHS
from .layout import rule_of

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d\d"
_ITEM = re.compile(
    rf"\b(?=[A-Za-z0-9])(?:(?P<duration>(?:(?:First|Second|Third|Fourth|1st|2nd|3rd|4th)"
    rf"\s+(?:Fiscal\s+)?(?:Quarter|Qtr\b\.?)|(?:Three|Six|Nine|Twelve|3|6|9|12)[\s-]+"
    rf"(?:Months?(?:\s+Periods?)?|Mos\b\.?)|(?:Two|Four|2|4)[\s-]+(?:Fiscal\s+)?Quarter"
    rf"|Q[1-4]\b(?!\s*(?:FY\s*)?(?:\d|'\d))|Qtr\.?\s*[1-4]\b|"
    rf"(?:Thirteen|Twelve|Sixteen|Twenty-?\s?(?:four|six|eight)|"
    rf"Thirty-?\s?(?:six|nine)|Forty|Fifty-?\s?(?:two|three)|1[236]|2[468]|3[69]|40|5[23])"
    rf"[\s-]+Weeks|Fiscal\s+Year|Year|Quarter|First\s+Half|Half\s+Year|LTM|TTM)s?(?![A-Za-z])"
    rf"(?:\s+End(?:ed|ing))?)"
    rf"|(?P<q>(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)\s*(?:FY\s*)?(?P<qy>{_YEAR}|'?\d\d\b))"
    rf"|(?P<date>(?P<month>{_MONTH})\s*(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?,?"
    rf"(?:\s*(?P<dyear>{_YEAR}))?)"
    rf"|(?P<monthyear>(?P<mymonth>{_MONTH})\s*(?P<myyear>{_YEAR})\b)"
    rf"|(?P<numdate>(?P<nm>1[0-2]|0?[1-9])/(?P<nd>[0-3]?\d)/(?P<ny>{_YEAR}|\d\d)\b)"
    rf"|(?P<year>\b{_YEAR}\b))",
    re.IGNORECASE,
)
# weeks → months (13 weeks is a quarter; 52 or 53 a year)
_WEEKS = {"thirteen": 13, "twelve": 12, "sixteen": 16, "twentyfour": 24, "twentysix": 26,
          "twentyeight": 28, "thirtysix": 36, "thirtynine": 39, "forty": 40, "fiftytwo": 52,
          "fiftythree": 53}
_WEEKS_IN = {3: 13, 6: 26, 9: 39, 12: 52}  # weeks in the months of a 52-53-week calendar
_PLURAL = re.compile(r"(year|quarter)s$")
_COUNTED_QUARTERS = re.compile(r"^(two|four|2|4)[\s-]+quarter$")  # "4-Quarter", "Four Quarters"
_MONTH_PERIOD = re.compile(r"[\s-]+months?(?: periods?)?$")
_ANY_YEAR = re.compile(_YEAR)  # a line without one is no period header
# words that head a column beside the periods' ("2007  Change  2006", "% Change")
_COLUMN_WORDS = frozenset({"-", "change", "changes", "%", "percent", "increase", "decrease",
                           "(decrease)", "increase/(decrease)", "inc.", "(dec.)", "variance",
                           "var.", "favorable", "(unfavorable)", "%change", "pct.",
                           "unaudited", "(unaudited)", "audited", "(audited)", "restated",
                           "(restated)", "as", "reported", "actual", "pro", "forma",
                           "(note", "note", "guidance", "outlook", "forecast", "estimate",
                           "estimates", "expected", "range"})
# the names of columns of changes, which may stand among a header's period words
_CHANGE_WORDS = frozenset({"change", "changes", "variance", "increase", "decrease",
                           "(decrease)", "increase/(decrease)", "%", "percent", "%change"})
# period words that may stand between a header's items ("Ended July 3, 2004   Ended June
# 28, 2003"); words that join clauses ("and", "the") may not, or prose would pass
_TAIL_WORDS = frozenset({"ended", "ending", "months", "weeks", "quarter", "year", "fiscal",
                         "two", "three", "four", "six", "nine", "twelve", "thirteen", "as",
                         "of"})
_LONE_INDENT = 10  # a single dated column's header stands this far in at least
_MARKS = re.compile(r"\*+|\([a-z0-9]{1,2}\)", re.IGNORECASE)  # footnote marks on a header
# The same years, as patterns with a literal prefix, which the regex engine finds in a
# whole text many times faster than a pattern that opens with an alternation
YEAR_SCANS = (re.compile(r"19\d\d"), re.compile(r"20\d\d"))
_PERIOD_WORDS = frozenset(
    {name.lower() for name in calendar.month_name if name}
    | {name.lower() for name in calendar.month_abbr if name}
    | {"sept", "ended", "ending", "months", "month", "two", "three", "four", "six", "nine",
       "twelve",
       "quarter", "first", "second", "third", "fourth", "year", "years", "fiscal", "half",
       "q1", "q2", "q3", "q4", "weeks", "thirteen", "twenty-six", "thirty-nine",
       "fifty-two", "fifty-three", "1st", "2nd", "3rd", "4th", "as", "at", "of", "for", "or",
       "the", "and", "periods", "period", "quarters", "1q", "2q", "3q", "4q", "qtr", "mos",
       "one", "ltm", "ttm", "trailing", "last"}
)
_DURATION_MONTHS = {
    "first quarter": 3, "second quarter": 3, "third quarter": 3, "fourth quarter": 3,
    "quarter": 3, "three months": 3, "six months": 6, "first half": 6, "half year": 6,
    "nine months": 9, "twelve months": 12, "fiscal year": 12, "year": 12,
    "two quarter": 6, "four quarter": 12, "2 quarter": 6, "4 quarter": 12,  # ("Four Quarters")
}
# abbreviated period words, spelled out: "1st Qtr", "6 mos.", "Q2"
_SPELLED = {"qtr": "quarter", "mos": "months", "3": "three", "6": "six", "9": "nine",
            "12": "twelve", "q1": "first quarter", "q2": "second quarter",
            "q3": "third quarter", "q4": "fourth quarter", "ltm": "twelve months",
            "ttm": "twelve months"}
_SPELLED.update({f"qtr{n}": _SPELLED[f"q{n}"] for n in "1234"})
_ABBREVIATED = re.compile(r"^qtr\.?\s*[1-4]$|\bqtr\b\.?|\bmos\b\.?|^(?:3|6|9|12)\b|^q[1-4]$"
                          r"|^[lt]tm\b")  # (last or trailing twelve months)
_QUARTER_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4,
                    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _full_year(text: str) -> int:
    """``1999`` → 1999; two digits are of 1950-2049 (``99`` → 1999, ``03`` → 2003)."""
    year = int(text)
    if year >= 100:
        return year
    return year + (1900 if year >= 50 else 2000)


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
    weeks: int | None = None  # a duration said in weeks ("Thirteen Weeks Ended")


@lru_cache(maxsize=4096)
def header_items(line: str) -> tuple[HeaderItem, ...]:
    """The period words of one header line, with their column spans. (Memoised: the
    same header lines stand over every table of a release, and over the next release.)"""
    items = []
    for m in _ITEM.finditer(line):
        text = m.group(0)
        if m["duration"]:
            key = re.sub(r"\s+end(?:ed|ing)$", "", re.sub(r"\s+", " ", text.lower()))
            key = _MONTH_PERIOD.sub(" months", key)  # "six-month periods": "six months"
            key = _PLURAL.sub(r"\1", key)  # "Years Ended": a year's
            key = _ABBREVIATED.sub(lambda a: _SPELLED[re.sub(r"[\s.]", "", a.group(0))], key)
            key = _COUNTED_QUARTERS.sub(r"\1 quarter", key.replace(" fiscal quarter", " quarter"))
            quarter = None
            if key.endswith("quarter") and key.split()[0] in _QUARTER_ORDINAL:
                quarter = _QUARTER_ORDINAL[key.split()[0]]
            weeks = None
            if key.endswith("weeks"):
                count = re.sub(r"[\s-]+", "", key[:-5])
                weeks = int(count) if count.isdigit() else _WEEKS[count]
                months = (weeks * 7 * 96 + 1461) // 2922  # to the nearest month
            elif quarter:
                months = 3
            else:
                months = _DURATION_MONTHS[key]
            items.append(HeaderItem("duration", m.start(), m.end(), text,
                                    months=months, quarter=quarter, weeks=weeks))
        elif m["q"]:
            items.append(HeaderItem("quarter", m.start(), m.end(), text, months=3,
                                    quarter=int(m["qn"] or m["qn2"]),
                                    year=_full_year(m["qy"].lstrip("'"))))
        elif m["numdate"]:
            items.append(HeaderItem("date", m.start(), m.end(), text, month=int(m["nm"]),
                                    day=int(m["nd"]), year=_full_year(m["ny"])))
        elif m["monthyear"]:  # "March 2019": the month's last day
            month = _MONTHS.get(m["mymonth"].lower().rstrip("."))
            if month is None:
                continue
            year = int(m["myyear"])
            items.append(HeaderItem("date", m.start(), m.end(), text, month=month,
                                    day=calendar.monthrange(year, month)[1], year=year))
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


def full_dates(text: str) -> list[HeaderItem]:
    """The dates a text names by day, month and year, in order ("April 27, 2020";
    "April 2020", its last day)."""
    return [i for i in header_items(text) if i.kind == "date" and i.year and i.month and i.day]


def is_period_anchor(line: str) -> bool:
    """A header line that names a year for each of two or more columns.

    Everything right of the first item must be period words and spaces, so that prose
    ("ended June 30, 2007 and 2006") is never taken for a header.
    """
    if not _ANY_YEAR.search(line) or not _period_words_after_first(line.split()):
        return False
    items = header_items(line)
    years = [i for i in items if i.year is not None]
    if len(years) < 2 and not (len(years) == 1 and line[: items[0].start].strip() == ""
                               and items[0].start >= _LONE_INDENT):
        return False  # (a date alone at the margin is a dateline, not a column's header)
    if not items:
        return False
    rest = list(line)
    for i in items:
        rest[i.start:i.end] = " " * (i.end - i.start)
    tail = _MARKS.sub("", "".join(rest)[items[0].start:])  # "June 30, 2002*", "2003(1)"
    return all(w.lower() in _COLUMN_WORDS or w.lower() in _TAIL_WORDS
               for w in tail.replace(",", " ").split())


def _period_words_after_first(tokens: list[str]) -> bool:
    """Cheap test: past the first period word or year, every word is a period word.

    A table's title may stand left of the years ("HIGHLIGHTS  2007  2006"); prose never
    passes, since it holds ordinary words after its first date.
    """
    seen = False
    for tok in tokens:
        if _is_period_token(tok):
            seen = seen or not tok.startswith("-")
        elif seen and tok.lower() not in _COLUMN_WORDS:
            return False
    return seen


def _is_period_token(tok: str) -> bool:
    """A word of a period header: a month, "Ended", "Quarter"..., a day or year, a dash;
    a month's name hyphenated over two lines ("Septem-" over "ber 30,")."""
    word = tok.strip(",.:;()").lower()
    return (not word.strip("-=") or word[0].isdigit() or word in _PERIOD_WORDS
            or "-" in word and all(w in _PERIOD_WORDS for w in word.split("-"))  # "six-month"
            or word in _MONTH_PIECES)


# the pieces of a month's name hyphenated over two lines, three letters or more each
_MONTH_PIECES = frozenset(
    piece for name in calendar.month_name if len(name) > 5
    for cut in range(3, len(name) - 2)
    for piece in (name[:cut].lower() + "-", name[cut:].lower()))


def is_header_line(line: str) -> bool:
    """A line of period words only (above the anchor): "Second Quarter Ended", "June 30,",
    "For the 13", "July 3, 2004 and"; at least one of them a word or a period item. The
    names of columns of changes between them may stand among them ("Quarter  Three
    Quarter  One  Quarter" over "Ended  Month  Ended  Year  Ended" over "Dec 31,  Change
    Sept 30,  Change  Dec 31,"), but do not make a line of their own one."""
    tokens = line.split()
    if not tokens or not all(_is_period_token(tok) or tok.lower() in _CHANGE_WORDS
                             for tok in tokens):
        return False
    if all(tok.lower() in _CHANGE_WORDS for tok in tokens):
        return False
    return bool(header_items(line)) or any(tok.strip(",.:;()").isalpha() for tok in tokens)


_PHRASE = re.compile(r"\S+(?: \S+)*")
_RULE_RUN = re.compile(r"[-=_]{3,}")
_WORD = re.compile(r"\S+")
# a column of changes: "% Change", "Inc/(Dec) vs. Q1 '19", "Chg", "Year/Year Growth"
_CHANGE = re.compile(r"(?i)\bchange\b|\bvariance\b|^%$|^\$$|\bincrease\b|\bdecrease\b"
                     r"|\binc\.?\s*/\s*\(?dec\b|\bvs\.?(?=\s)|\bchg\b|\bgrowth\b")
# a stub or subtitle over several periods ("For the three years ended December 31, 1993"):
# it dates no column that names no year of its own
_SEVERAL_PERIODS = re.compile(r"(?i)\b(?:two|three|four|five|\d)\s+(?:fiscal\s+)?years\b"
                              r"|\byears\s+end(?:ed|ing)\b|\bperiods\s+end(?:ed|ing)\b")
_POINT_KINDS = frozenset({"date", "year", "quarter"})


def header_phrases(line: str) -> list[tuple[int, int, str]]:
    """The phrases of a header line with their spans: runs of words parted by two spaces
    or more, a run that names two dates or years ("June 30, 2007 Dec. 31, 2006") split
    before each one after the first."""
    phrases = []
    items = header_items(line)
    for m in _PHRASE.finditer(line):
        cuts = [i.start for i in items
                if i.kind in _POINT_KINDS and m.start() <= i.start < m.end()][1:]
        # a cut takes the words of the item before it that are not period words along
        start = m.start()
        for cut in cuts:
            phrases.append((start, cut, line[start:cut].rstrip(" ,")))
            start = cut
        phrases.append((start, m.end(), line[start:m.end()]))
    return phrases


def assign_periods(lines: list[str], spans: list[tuple[float, float]],
                   year_end: tuple[int, int] = (12, 31), subtitle: str = "",
                   ) -> tuple[list[Period | None], list[str], str]:
    """The period of each column (given the text span of its figures) from the header
    lines above them. Returns the periods, the header text of each column and the text
    of the stub.

    Each column's zone reaches halfway to the figures of the next; a phrase of a header
    line stands over every column whose zone it overlaps, so that a phrase broken over two
    lines ("Three" / "Months Ended") is read whole, and "Six Months Ended" spans both its
    columns. Phrases left of every column (the stub: "Three fiscal years ended",
    "September 30, 1994")
    say what a column's own header leaves out; of several dates there, a column takes the
    one of its own year. A ``subtitle`` of period words over the whole table ("For the
    13 Weeks Ended July 3, 2004 and June 28, 2003") counts as stub. A year named without
    a date ends on ``year_end``.
    """
    n = len(spans)
    phrases: list[list[str]] = [[] for _ in range(n)]
    stub: list[str] = []
    # each column's zone reaches halfway to its neighbours' figures
    cuts = [(spans[k][1] + spans[k + 1][0]) / 2 for k in range(n - 1)]
    zones = list(zip([spans[0][0] - 2, *cuts], [*cuts, 10**6], strict=True)) if n else []
    ruled = [rule_of(line) is not None for line in lines]
    alone: list[tuple[int, str]] = []  # durations alone on their lines, top to bottom
    middle, width = ((spans[0][0] + spans[-1][1]) / 2, spans[-1][1] - spans[0][0]) if n else (
        0, 0)
    last_rule = max((i for i in range(len(lines)) if ruled[i]), default=-1)
    # the runs of the header's last rule that stand each over one column's figures
    rule = rule_of(lines[last_rule]) if last_rule >= 0 else None
    last_words = max((i for i in range(last_rule) if lines[i].strip() and not ruled[i]),
                     default=-1)
    column_runs = tuple((lo_r, hi_r) for lo_r, hi_r in (rule.segments if rule else ())
                        if sum(min(hi_r, hi) - max(lo_r, lo) >= 1 for lo, hi in spans) == 1)
    if last_rule < 0 and n:
        # no rule under the names: the columns' zones part the last line of names
        # ("of Period  Additions Collections  Off", names set one space apart)
        last_words = max((i for i in range(len(lines)) if lines[i].strip()), default=-1)
        column_runs = tuple((int(lo), int(hi)) for lo, hi in zones)
    for i, line in enumerate(lines):
        if ruled[i]:
            continue
        # the first rule under a phrase spans the columns the phrase heads ("THREE MONTHS
        # ENDED" centred over a rule across three columns, or over "DECEMBER 31," over it)
        below = next((lines[k] for k in range(i + 1, len(lines)) if ruled[k]), "")
        under = [(m.start(), m.end()) for m in _RULE_RUN.finditer(below)]
        line_phrases = _split_at_zones(_without_rules(header_phrases(line)), zones)
        if i == last_words:  # (the line of the columns' own names, right over their rule)
            line_phrases = _cut_at_columns(line_phrases, column_runs)
        best: dict[int, list[tuple[float, int]]] = {}  # column -> its dates (share, phrase)
        placed: list[list[int]] = []
        for j, (start, end, text) in enumerate(line_phrases):
            placed.append([])
            if not n or end <= zones[0][0]:
                stub.append(text)
                continue
            items = header_items(text)
            point = bool(items) and all(it.kind in _POINT_KINDS for it in items)
            # (a phrase alone over its rule, and centred on it: not "Total" at the end of
            # a rule across the whole table)
            spanned = [(lo, hi) for lo, hi in under if lo <= start and end <= hi and sum(
                lo <= a and b <= hi for a, b, _ in line_phrases) == 1
                and 4 * abs((start + end) - (lo + hi)) <= hi - lo]
            over = []
            if spanned and not point:  # the columns whose figures stand under the rule
                lo_r, hi_r = spanned[0]
                over = [k for k, (lo, hi) in enumerate(spans)
                        if min(hi_r, hi) - max(lo_r, lo) >= 2]
            if not over and not point and i < last_rule:
                # a phrase over one run of the column rule names the columns under it
                run = [(lo, hi) for lo, hi in column_runs if lo <= start and end <= hi]
                if len(run) == 1:
                    over = [k for k, (lo, hi) in enumerate(spans)
                            if min(run[0][1], hi) - max(run[0][0], lo) >= 1]
                    over = over if len(over) == 1 else []
            shares = [min(end, hi) - max(start, lo) for lo, hi in zones]
            over = over or [k for k, share in enumerate(shares) if share >= 2]
            if not over:
                over = [max(range(n), key=shares.__getitem__)]
            if point:  # of the dates on one line, a column takes the one most over it
                for k in over:
                    best.setdefault(k, []).append((shares[k], j))
            else:
                placed[j] = over
        grouped = _date_groups(line_phrases, zones)
        if grouped and _named_below(lines[i + 1:], zones) == n:
            # each date over the group of columns under it, each column named below
            best = {}
            for j, ks in grouped.items():
                placed[j] = ks
        for k, dates in best.items():
            dates.sort(reverse=True)
            if len(dates) > 1 and dates[0][0] < 2 * dates[1][0]:
                # (no date clearly over it: each stays, and the column names no one date)
                for _, j in dates:
                    placed[j].append(k)
            else:
                placed[dates[0][1]].append(k)
        for j, (_, _, text) in enumerate(line_phrases):
            for k in sorted(placed[j]):
                phrases[k].append(text)
            start, end = line_phrases[j][:2]
            if (len(line_phrases) == 1 and placed[j] and _is_duration(text)
                    and 8 * abs((start + end) / 2 - middle) <= width):
                alone.append((i, text))  # (centred over all the columns)
            elif _names_duration(text):
                alone.append((i, ""))  # (another duration: none heads every column)
    if len(alone) == 1 and all(t == alone[0][1] for k in range(n) for t in phrases[k]
                               if _names_duration(t)):
        # the header's one duration, alone on its line ("Fiscal Years Ended" centred over
        # three dated columns), heads every column
        for k in range(n):
            if not any(_names_duration(t) for t in phrases[k]):
                phrases[k].insert(0, alone[0][1])
    return periods_of_columns(phrases, stub, year_end, subtitle)


# (the name: no comparison of the date with another, "1998 vs. 1997", "2020 to 2019")
_DATE_THEN_WORD = re.compile(
    r"^(.*(?:\b\d{1,2}/\d{1,2}/\d{2,4}|\b(?:19|20)\d\d)) "
    r"(?!(?:vs|versus|compared|to|over|from|and|through)\b)([A-Za-z%][^/\d]*)$", re.IGNORECASE)


def _split_at_zones(phrases: list[tuple[int, int, str]], zones: list[tuple[float, float]],
                    ) -> list[tuple[int, int, str]]:
    """Phrases of a date and a column's name set one space apart ("3/27/98 Change"),
    the date over one column and the name over the next, cut in two."""
    out = []
    for start, end, text in phrases:
        m = _DATE_THEN_WORD.match(text)
        if m:
            cut = start + len(m.group(1))
            left = _zone_of(zones, (start + cut) / 2)
            right = _zone_of(zones, (cut + 1 + end) / 2)
            if left is not None and right is not None and left != right:
                out.append((start, cut, m.group(1)))
                out.append((cut + 1, end, m.group(2)))
                continue
        out.append((start, end, text))
    return out


def _zone_of(zones: list[tuple[float, float]], at: float) -> int | None:
    """The column whose zone takes the point ``at``, or None."""
    return next((k for k, (lo, hi) in enumerate(zones) if lo <= at < hi), None)


def _date_groups(phrases: list[tuple[int, int, str]], zones: list[tuple[float, float]],
                 ) -> dict[int, list[int]]:
    """For a header line of dates or years alone over as many groups of two columns or
    more ("1994" and "1993" each over "Notional Principal | Fair Value | Credit Risk
    Amount"), each phrase's group: the columns of the group whose zones take the phrase's
    middle, the groups being the columns parted evenly among the dates; {} for any
    other line."""
    n = len(zones)
    dates = [(j, start, end) for j, (start, end, text) in enumerate(phrases)
             if n and end > zones[0][0]]
    m = len(dates)
    if m < 2 or n % m or n // m < 2 or not all(
            (items := header_items(phrases[j][2])) and all(
                it.kind in _POINT_KINDS for it in items) for j, _, _ in dates):
        return {}
    size = n // m
    out = {}
    for g, (j, start, end) in enumerate(dates):
        ks = list(range(g * size, (g + 1) * size))
        if not zones[ks[0]][0] <= (start + end) / 2 < zones[ks[-1]][1]:
            return {}
        out[j] = ks
    return out


def _named_below(lines: list[str], zones: list[tuple[float, float]]) -> int:
    """How many columns a phrase that names no period stands over, in ``lines``."""
    named = set()
    for line in lines:
        for start, end, text in header_phrases(line):
            if not header_items(text) and not _RULE_RUN.fullmatch(text):
                named.update(k for k, (lo, hi) in enumerate(zones)
                             if min(end, hi) - max(start, lo) >= 2)
    return len(named)


def _without_rules(phrases: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Phrases with the rules drawn beside their words taken out ("--------- BALANCE" is
    "BALANCE"): a rule names no column."""
    out = []
    for start, end, text in phrases:
        words = [m for m in _WORD.finditer(text) if not _RULE_RUN.fullmatch(m.group())]
        if len(words) == len(_WORD.findall(text)):
            out.append((start, end, text))
        elif words:  # (the words left, from the first to the last; but a name set in a
            # rule that runs on both sides of it, "----- 1994 -----", spans the rule)
            a, b = words[0].start(), words[-1].end()
            both = a > 0 and b < len(text)
            out.append((start if both else start + a, end if both else start + b, text[a:b]))
    return out


def _cut_at_columns(phrases: list[tuple[int, int, str]], runs: tuple[tuple[int, int], ...],
                    ) -> list[tuple[int, int, str]]:
    """Phrases cut where the header's column rule parts its columns (``runs``: the rule's
    runs, or the columns' zones where no rule stands under the names): a phrase whose
    words each stand wholly over one run, over two runs or more ("ADDITIONS COLLECTED
    WRITTEN OFF" over "--------- --------- -----------", columns set one space apart), is
    one name per run. A phrase that names a period, or a word over a gap between runs, is
    left whole (a heading centred over its columns)."""
    out = []
    for start, end, text in phrases:
        words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text)]
        owners = [next((k for k, (lo, hi) in enumerate(runs) if lo <= a and b <= hi), None)
                  for a, b in words]
        if None in owners or len(set(owners)) < 2 or header_items(text):
            out.append((start, end, text))
            continue
        first = 0
        for j in range(1, len(words) + 1):
            if j == len(words) or owners[j] != owners[first]:
                a, b = words[first][0], words[j - 1][1]
                out.append((a, b, text[a - start:b - start]))
                first = j
    return out


def _names_duration(text: str) -> bool:
    """A phrase that names a duration, with a date or not ("Year Ended January 31,")."""
    return any(i.kind == "duration" for i in header_items(text))


def _is_duration(text: str) -> bool:
    """A phrase that names a duration ("Three Months Ended") and no point in time."""
    items = header_items(text)
    return any(i.kind == "duration" for i in items) and not any(
        i.kind in _POINT_KINDS for i in items)


def periods_of_columns(phrases: list[list[str]], stub: list[str],
                       year_end: tuple[int, int] = (12, 31), subtitle: str = "",
                       ) -> tuple[list[Period | None], list[str], str]:
    """The period of each column from the header phrases over it (top to bottom) and the
    stub's (see :func:`assign_periods`); also each column's header text and the stub's."""
    n = len(phrases)
    phrases = [_unbroken(column) for column in phrases]
    texts = [" ".join(t) for t in phrases]
    # the phrases that may name periods: not a name with a year in it ("1988 Employee
    # Stock Ownership Plan"), nor any other name ("Less than 12 Months", "Balance at End of
    # Year"), but for one that says its period ("Reserve Build for the Quarter Ended")
    dated = [[t for t in column if not _names_a_thing(t) or _opens_with_a_period(t) or (
        not _YEAR_IN.search(t) and _SAYS_ITS_PERIOD.search(t)) or _closes_at_a_day(t)]
             for column in phrases]
    stub_text = " ".join([subtitle, *stub])
    stub_items = header_items(stub_text) if stub or subtitle else ()
    own = [header_items(" ".join(t)) for t in dated]
    dated_columns = sum(1 for items in own if items)
    for k, items in enumerate(own):
        # a year alone among the words of one column's name ("1988 / Employee Stock
        # Ownership Plan" over one column of six) is the name's, not a period
        if items and 2 * dated_columns < n and _names_a_thing(texts[k]):
            own[k] = ()
    several = bool(_SEVERAL_PERIODS.search(stub_text))
    periods = [_period(_parts(items, stub_items, year_end), year_end)
               if items or not several else None
               for items in own]
    # a column of changes between periods ("% Change", "$ Change") is of no period
    periods = [None if column and _CHANGE.search(column[-1]) else p
               for p, column in zip(periods, phrases, strict=True)]
    return periods, texts, " ".join(stub)


def _unbroken(column: list[str]) -> list[str]:
    """A column's header phrases with a word hyphenated over two lines made whole again
    ("Septem-" over "ber 30," is "September 30,")."""
    out: list[str] = []
    for phrase in column:
        broken = _BROKEN.search(out[-1]) if out else None
        if broken and phrase[:1].islower():
            # a compound keeps its hyphen: "Six-" / "months ended", "able-for-" / "sale"
            whole = (broken.group(1).lower() in _PERIOD_WORDS or "-" in broken.group(1)
                     or phrase.split()[0].lower().strip(",") in _PERIOD_WORDS)
            out[-1] = out[-1] + phrase if whole else out[-1][:-1] + phrase
        else:
            out.append(phrase)
    return out


_BROKEN = re.compile(r"([A-Za-z][\w-]*)-$")  # the last word of a phrase, broken off
# a duration that ends ("Quarter Ended", "Last Twelve Months Ended"), not one that only
# measures ("Less than 12 Months") or a count of quarters the header items cannot add up
_SAYS_ITS_PERIOD = re.compile(r"(?i)\b(?:months?|quarter|year|weeks) end(?:ed|ing)\b")
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # a day printed in a date ("March 31, 2020")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _opens_with_a_period(phrase: str) -> bool:
    """A name that a whole period opens ("First Quarter 2020 GAAP Results", "Q1 2020
    Adjusted", "March 31, 2020 As Reported"): more than a year alone ("1988 Employee
    Stock Ownership Plan")."""
    items = header_items(phrase)
    first = items[0] if items else None
    return first is not None and first.start == 0 and (
        first.kind == "quarter" or first.kind == "date" and bool(_DAY.search(first.text))
        or first.kind == "duration" and (first.months or 12) < 12
        and len(items) > 1 and items[1].kind == "year")  # (not "Year 2000 Costs")


def _closes_at_a_day(phrase: str) -> bool:
    """A name that a whole date closes after "at" or "as of", a footnote's mark after it
    or not ("Fair value at June 30, 2018 (1)", "Balance at January 1, 2019"): the figures
    under it stand at that day."""
    items = header_items(phrase)
    last = items[-1] if items else None
    return (last is not None and last.kind == "date" and last.year is not None
            and last.day is not None
            and not _MARKS.sub("", phrase[last.end:]).strip(" ,.:*")
            and bool(_AT_THE_DAY.search(phrase, 0, last.start)))


_AT_THE_DAY = re.compile(r"(?i)\b(?:at|as of|as at)\s*$")


def _names_a_thing(phrase: str) -> bool:
    """A header phrase of words other than period words ("1988 Employee Stock Ownership
    Plan", "Series 2005 Notes"): any year in it is part of a name, not a period."""
    words = phrase.split()
    return len(words) > 1 and any(
        not _is_period_token(w) and w.lower() not in _COLUMN_WORDS
        and not _MARKS.fullmatch(w) for w in words)


def _parts(items: tuple[HeaderItem, ...], stub: tuple[HeaderItem, ...],
           year_end: tuple[int, int] = (12, 31)) -> dict[str, HeaderItem]:
    """The first item of each kind in a column's header, the stub's for kinds it lacks
    (a stub date of the column's own year first; a date of another year, only when it is
    a fiscal year's end: "December 31, 2019" over "2018", not "March 29, 2020")."""
    parts: dict[str, HeaderItem] = {}
    for i in items:
        parts.setdefault(i.kind, i)
    years = [i for i in items if i.kind == "year"]
    if len(years) > 1:  # "For the Quarters Ended March 31, 2020 and 2019" over "2020": the
        parts["year"] = years[-1]  # column's own year is the one nearest its figures
    if "year" in parts and "date" in parts:  # "July 3, 2004 and June 28, 2003" over 2003
        own = [i for i in items if i.kind == "date" and i.year == parts["year"].year]
        if own:
            parts["date"] = own[0]
    if stub:
        year = parts["year"].year if "year" in parts else None
        duration = parts.get("duration")
        for i in stub:
            if i.kind == "date" and "date" not in parts and year is not None:
                same = [d for d in stub if d.kind == "date" and d.year == year]
                if duration is not None and duration.quarter:
                    continue  # "2019 / 2nd Qtr" names its own end: a subtitle's date not
                if duration is not None and not same and i.year is not None:
                    continue  # "2019 / 6 mos" under "March 29, 2020": not that year's
                if not same and i.year is not None and not _near_year_end(i, year_end):
                    continue  # "2017" under a report dated "March 29, 2020"
                parts["date"] = same[0] if same else i
            elif i.kind not in parts and i.kind not in ("year", "quarter"):
                parts[i.kind] = i
    quarters = [i for i in items if i.kind == "duration" and i.quarter]
    if quarters and "duration" in parts and parts["duration"].months == 12:
        parts["duration"] = quarters[0]  # ("year ended ... First Quarter": the quarter)
    duration = parts.get("duration")
    if duration is not None and duration.quarter:
        # a quarter named by its place in a year the header says ended on its date
        year_ended = next((i for i in (*items, *stub)
                           if i.kind == "duration" and i.months == 12 and not i.quarter), None)
        if year_ended is not None:
            parts["year_ended"] = year_ended
    return parts


def _near_year_end(item: HeaderItem, year_end: tuple[int, int]) -> bool:
    """Whether a date is the fiscal year's end, or within a week of it (52-53 weeks)."""
    if item.month is None or item.day is None:
        return False
    month, day = year_end
    at = date(2001, item.month, min(item.day, calendar.monthrange(2001, item.month)[1]))
    end = date(2001, month, min(day, calendar.monthrange(2001, month)[1]))
    gap = abs((at - end).days)
    return min(gap, 365 - gap) <= 7


def quarter_end(year: int, quarter: int, year_end: tuple[int, int]) -> tuple[int, int]:
    """The year and month in which quarter ``quarter`` of fiscal ``year`` ends, the
    fiscal year ending in month ``year_end[0]`` of ``year`` (a calendar year: December):
    the third quarter of a fiscal 1997 that ends in September ends in June 1997."""
    month = year_end[0] - 3 * (4 - quarter)
    return (year, month) if month > 0 else (year - 1, month + 12)


def months_ended(months: int, end: date) -> Period:
    """The ``months`` months ended on ``end``; a quarter or a year that ends on a day
    other than a month's last keeps a calendar of 52 and 53 weeks: 13 weeks a quarter
    (Dec 29, 2024 to Mar 29, 2025)."""
    if months in _WEEKS_IN and end.day != calendar.monthrange(end.year, end.month)[1]:
        return Period.weeks_ended(_WEEKS_IN[months], end)
    return Period.months_ended(months, end)


def _period(p: dict[str, HeaderItem], year_end: tuple[int, int] = (12, 31)) -> Period | None:
    """The period a column's header items name; a year without a date ends on
    ``year_end`` (month, day), the filer's fiscal year end where it is known."""
    if "quarter" in p:
        q = p["quarter"]
        year, month = quarter_end(q.year, q.quarter, year_end)
        return Period.months_ended(3, date(year, month, calendar.monthrange(year, month)[1]))
    date_item = p.get("date")
    year = p["year"].year if "year" in p else (date_item.year if date_item else None)
    if year is None:
        return None
    duration = p.get("duration")
    if (date_item is not None and duration is not None and duration.quarter
            and "year_ended" in p and date_item.year is not None):
        # "First Quarter" under "for the year ended December 31, 2019": that year's first
        year, month = quarter_end(date_item.year, duration.quarter, (date_item.month, 31))
        return Period.months_ended(3, date(year, month, calendar.monthrange(year, month)[1]))
    if date_item is not None:
        month, day = date_item.month, date_item.day
        if (month, day) == (2, 29) and not calendar.isleap(year):
            day = 28  # "February 29/28" over the columns of several years: the month's end
    elif duration is not None and duration.quarter:
        year, month = quarter_end(year, duration.quarter, year_end)
        day = calendar.monthrange(year, month)[1]
    elif duration is not None and duration.months != 12:  # six months of a fiscal year
        month = year_end[0] - (12 - duration.months)  # that ends in September end in March
        if month <= 0:  # "Three months ended / 2000" of a year that ends in January: of
            return None  # the year that ends in 2000 or in 2001? The header does not say
        day = calendar.monthrange(year, month)[1]
    else:
        month, day = year_end
    try:
        end = date(year, month, day)
    except ValueError:
        return None
    if duration is not None and duration.weeks and date_item is not None:
        return Period.weeks_ended(duration.weeks, end)
    if duration is not None:
        return months_ended(duration.months, end)
    if date_item is not None:
        return Period.instant(end)
    if end.day != calendar.monthrange(end.year, end.month)[1]:  # a 52-53-week year
        return Period.weeks_ended(52, end)
    return Period.months_ended(12, end)


_YEAR_LEAD = re.compile(r"^((?:19|20)\d\d)\s*(?:--+|\u2014|:)\s*\S")
# marks a label's period words go with: "(continued)", "(unaudited)", a closing dash
_CONTINUED_MARK = re.compile(r"\((?:continued|concluded|unaudited)\)|--+$", re.IGNORECASE)
# a row of what stands at a day, the label's last words: "... at December 31, 1992"
_STANDING_AT = re.compile(r"\b(?:at|as of|as at|after)\s+([A-Z][a-z]+\.? \d{1,2}, (?:19|20)\d\d)"
                          r"[\s:.]*$")
# a heading of a day over what stands at it: "December 31, 1992-- Outstanding"
_DAY_LEAD = re.compile(r"^([A-Z][a-z]+\.? \d{1,2}, (?:19|20)\d\d)\s*(?:--+|\u2014|:)\s*\S")
_BALANCE_AT = re.compile(r"^balances?,?\s+(?:at|as of|as at)?\s*(.+?)[:.]?$", re.IGNORECASE)


def period_of_label(label: str, year_end: tuple[int, int] = (12, 31),
                    year: int | None = None) -> Period | None:
    """The period a row label names, for tables whose columns name none: a heading of
    period words ("1991", "Year ended December 31, 1993", "Fourth Quarter 1993", "1991
    (CONTINUED)", "1991--Reserve for doubtful accounts") or a balance ("Balance at
    September 30, 1994", "December 31, 1992-- Outstanding", an instant); a quarter
    or a duration without a year ("First Quarter") is of ``year`` when it is given (the
    year the table's header names); else None."""
    label = _CONTINUED_MARK.sub("", label).strip()
    lead = _YEAR_LEAD.match(label)
    if lead:  # "1991--Reserve for doubtful accounts": a schedule's row of that year
        label = lead.group(1)
    m = _BALANCE_AT.match(label) or _DAY_LEAD.match(label)
    if m and is_header_line(m.group(1)):
        items = [i for i in header_items(m.group(1)) if i.kind == "date" and i.year]
        if items:
            i = items[0]
            try:
                at = date(i.year, i.month, i.day)
            except ValueError:
                return None
            # "Balance, January 1, 1991" opens the day: the balance of December 31, 1990
            return Period.instant(at - timedelta(days=1) if at.day == 1 else at)
        return None
    at_day = _STANDING_AT.search(label)
    if at_day is not None and not is_header_line(label):
        # "Vested and expected to vest after January 29, 2023", "Outstanding at December
        # 31, 1992": what stands at the end of that day
        items = [i for i in header_items(at_day.group(1)) if i.kind == "date" and i.year]
        try:
            return Period.instant(date(items[0].year, items[0].month, items[0].day))
        except (IndexError, ValueError):
            return None
    if not is_header_line(label):
        return None
    items = header_items(label)
    if not any(i.year for i in items):
        if year is None or not any(i.kind == "duration" for i in items):
            return None
        items = (*items, HeaderItem("year", 0, 0, str(year), year=year))
    return _period(_parts(items, ()), year_end)
