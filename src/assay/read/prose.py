"""Facts in running text: "As of January 29, 2023 and January 30, 2022, we had a valuation
allowance of $1.48 billion and $907 million, respectively."

A paragraph is cut into sentences; each sentence's figures that say what they count
(:mod:`assay.read.worded`) become facts, and its period words become *mentions*: a date
("as of March 29, 2025", "the three months ended August 31, 2024 and 2023"), a fiscal
year ("fiscal years 2023, 2022, and 2021", "in 2019"), a quarter ("the first quarter of
fiscal 2025"). A figure's period is:

- with "respectively" after a list of mentions, as many figures of its kind as
  mentions (or twice as many...): the mention in the same place of the list;
- else the one period the sentence names; of several, the one each figure stands
  before, when the sentence runs "figure, period, figure, period" (else it leaves the
  figure without one: which would it be?);
- else, in a sentence that names no period at all, the one period the sentences before
  it in the paragraph named last ("In April 2020, we completed the acquisition ... We
  recorded $630 million"), or, when none did, the document's own period (its main
  columns').

Figures are in whole units unless their words scale them ("$1.48 billion"): running text
has no table note. Each fact keeps its place (line and columns, or the block's selector).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assay.model import Entity, Fact, Location, Period

from .headers import HeaderItem, header_items, months_ended, quarter_end
from .worded import Worded, figures_in_words

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d]?\s+(?=[\"(\u201c]?[A-Z(])")
_FISCAL_BEFORE = re.compile(r"(?:\bfiscal(?:\s+years?)?|\b(?:in|for|during)(?:\s+the\s+year)?)"
                            r"\s*$", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$", re.IGNORECASE)
_INSTANT_BEFORE = re.compile(r"\b(?:as\s+of|at|as\s+at|on)\s*$", re.IGNORECASE)
# a date a figure runs to or from, not its period: "expire beginning in fiscal year 2024"
_NOT_ITS_PERIOD = re.compile(r"\b(?:beginning|starting|through|until|expir\w*|due|matur\w*|"
                             r"by|after|before|since)(?:\s+(?:in|on))?(?:\s+the)?"
                             r"(?:\s+fiscal(?:\s+years?)?)?\s*$", re.IGNORECASE)
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LIST_WORDS = re.compile(r",|\band\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NEAR = 40  # characters between a duration's words and its date ("three months ended")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of running text: its text, and where it stands (an HTML block's
    line and selector, or a text file's lines, each with the offset it starts at)."""

    text: str
    line: int
    selector: str | None = None
    # (offset in text, line number, the line's indent), in order
    lines: tuple[tuple[int, int, int], ...] = ()

    def place(self, path: str, start: int, end: int) -> Location:
        """Where the text from ``start`` to ``end`` stands in the file."""
        if self.selector is not None or not self.lines:
            return Location(path, self.line, 0, 0, selector=self.selector)
        offset, line, indent = self.lines[0]
        for o, n, i in self.lines:
            if o > start:
                break
            offset, line, indent = o, n, i
        return Location(path, line, indent + start - offset, indent + end - offset)


def prose_facts(blocks: Iterable[Block], path: str, company: str,
                year_end: tuple[int, int], year_ends: dict[int, date],
                main: Period | None, first_id: str = "p") -> list[Fact]:
    """The facts of running text. ``year_end`` is the filer's fiscal year end (month,
    day); ``year_ends`` the fiscal years' own last days where the tables date them (a
    52-53-week year's end moves); ``main`` the document's period."""
    facts: list[Fact] = []
    entity = Entity(company)
    for b, block in enumerate(blocks):
        if not _DIGIT.search(block.text):
            continue
        context = main  # the period the paragraph speaks of so far
        for start, sentence in sentences(block.text):
            if not _DIGIT.search(sentence):
                continue  # no figure, and no period: a period names a year
            mentions = _mentions(sentence, year_end, year_ends, main)
            worded = figures_in_words(sentence)
            if worded:
                # (a sentence that names a year it does not date by, "The 2007 silver
                # production estimate", is not of the paragraph's period either)
                known = None if not mentions and _A_YEAR.search(sentence) else context
                periods = _periods(sentence, worded, mentions, known)
            if len({m.period for m in mentions}) == 1:
                context = mentions[0].period
            elif mentions:
                context = None
            if not worded:
                continue
            for k, (w, period) in enumerate(periods):
                scale = w.said_scale or 0
                facts.append(Fact(
                    f"{first_id}{b}s{start}f{k}", w.value, w.unit, sentence.strip()[:300],
                    period, entity, w.decimals - scale, scale, None, None, (), None, None,
                    (), w.text, False, block.place(path, start + w.start, start + w.end)))
    return facts


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph, each with the offset it starts at."""
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    period: Period


def _mentions(sentence: str, year_end: tuple[int, int], year_ends: dict[int, date],
              main: Period | None = None) -> list[_Mention]:
    """The periods a sentence names, in order; a part of a year named without its year
    ("the second quarter", "the first six months") is the document's own, when the
    document's period is that part of its year."""
    items = header_items(sentence)
    out: list[_Mention] = []
    previous: HeaderItem | None = None  # the last item that made a mention
    for k, item in enumerate(items):
        period = None
        if item.kind == "duration" and not _dated_next(items, k):
            period = _own_part(item, main, year_end)
        elif item.kind == "date" and item.year:
            period = _dated(sentence, items, k, item.year, item.month, item.day)
        elif item.kind == "quarter":
            year, month = quarter_end(item.year, item.quarter, year_end)
            period = _quarter(year, month)
        elif item.kind == "year":
            before = sentence[max(0, (previous.end if previous else 0)):item.start]
            if previous is not None and _LIST_BEFORE.match(before):
                # "August 31, 2024 and 2023", "fiscal years 2023, 2022, and 2021"
                period = _like(out[-1].period, previous, item.year, year_end, year_ends)
            else:
                duration = _duration_before(sentence, items, k)
                if duration is not None and duration.quarter:  # "first quarter of 2025"
                    year, month = quarter_end(item.year, duration.quarter, year_end)
                    period = _quarter(year, month)
                elif duration is not None and duration.months in (6, 9):
                    period = _first_months(item.year, duration.months, year_end)
                elif _FISCAL_BEFORE.search(sentence, max(0, item.start - _NEAR), item.start):
                    period = _fiscal_year(item.year, year_end, year_ends)
        if period is not None and _NOT_ITS_PERIOD.search(
                sentence, max(0, item.start - _NEAR), item.start):
            period = None
        if period is not None:
            out.append(_Mention(item.start, period))
            previous = item
    return out


def _dated_next(items: Sequence[HeaderItem], k: int) -> bool:
    """Whether a date or a year follows item ``k`` near enough to be its."""
    return k + 1 < len(items) and items[k + 1].kind in ("date", "year") and (
        items[k + 1].start - items[k].end <= _NEAR)


def _own_part(item: HeaderItem, main: Period | None, year_end: tuple[int, int],
              ) -> Period | None:
    """The document's period when ``item`` names that part of a year without the year:
    "the second quarter" or "the quarter" in a release of the second quarter, "the
    first six months" in one of the second (the half to its end)."""
    if main is None or main.months != 3:
        return None
    quarter = ((main.end.month - year_end[0] - 1) % 12) // 3 + 1  # of the fiscal year
    if item.quarter is not None or item.months == 3:
        return main if item.quarter in (None, quarter) else None
    if item.months == 3 * quarter and item.months in (6, 9):
        return months_ended(item.months, main.end)
    return None


def _dated(sentence: str, items: Sequence[HeaderItem], k: int, year: int, month: int | None,
           day: int | None) -> Period | None:
    """A date's mention: the duration its words name ("the six months ended March 29,
    2025"), else the instant."""
    try:
        end = date(year, month or 12, day or 31)
    except ValueError:
        return None
    duration = _duration_before(sentence, items, k)
    if duration is not None and duration.months and not _INSTANT_BEFORE.search(
            sentence, max(0, items[k].start - _NEAR), items[k].start):
        return months_ended(duration.months, end)
    return Period.instant(end)


def _duration_before(sentence: str, items: Sequence[HeaderItem], k: int) -> HeaderItem | None:
    """The duration named just before item ``k`` ("three months ended", "first quarter
    of fiscal"), or None."""
    if k == 0:
        return None
    before = items[k - 1]
    if before.kind != "duration" or items[k].start - before.end > _NEAR:
        return None
    return before


def _like(period: Period, item: HeaderItem, year: int, year_end: tuple[int, int],
          year_ends: dict[int, date]) -> Period | None:
    """The period of another year like ``period`` ("the three months ended August 31,
    2024 and 2023": the same three months of 2023)."""
    if item.kind == "year":
        return _fiscal_year(year, year_end, year_ends)
    shift = year - period.end.year
    try:
        end = period.end.replace(year=period.end.year + shift)
    except ValueError:  # February 29
        end = period.end.replace(year=period.end.year + shift, day=28)
    if period.is_instant:
        return Period.instant(end)
    return months_ended(period.months or 12, end)


def _fiscal_year(year: int, year_end: tuple[int, int], year_ends: dict[int, date]) -> Period:
    """Fiscal ``year``: ending on the day the tables give it, else on the filer's fiscal
    year end in that year."""
    end = year_ends.get(year)
    if end is None:
        month, day = year_end
        try:
            end = date(year, month, day)
        except ValueError:
            end = date(year, month, 28)
    return months_ended(12, end)


def _first_months(year: int, months: int, year_end: tuple[int, int]) -> Period:
    """The first ``months`` months of fiscal ``year`` ("the first six months of 2007",
    "the first half of 2006")."""
    month = year_end[0] - (12 - months)
    if month <= 0:
        year, month = year - 1, month + 12
    return Period.months_ended(months, _month_end(year, month))


def _quarter(year: int, month: int) -> Period:
    """The quarter that ends in ``month`` of ``year``, on its last day."""
    return months_ended(3, _month_end(year, month))


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def _a_list(sentence: str, mentions: list[_Mention]) -> bool:
    """Whether the mentions stand together as one list ("as of March 29, 2025 and
    September 28, 2024"; "fiscal years 2023, 2022, and 2021"): then "respectively" pairs
    figures with them. Periods apart in the sentence are not what it enumerates."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = sentence[a.start:b.start]
        if len(gap) > _NEAR or not _LIST_WORDS.search(gap):
            return False
    return True


def _periods(sentence: str, worded: list[Worded], mentions: list[_Mention],
             main: Period | None) -> list[tuple[Worded, Period | None]]:
    """Each figure with its period (see the module's rules)."""
    if not mentions:
        return [(w, main) for w in worded]
    if _RESPECTIVELY.search(sentence) and len(mentions) > 1 and _a_list(sentence, mentions):
        by_kind: dict[str, list[Worded]] = {}
        for w in worded:
            by_kind.setdefault(w.kind, []).append(w)
        paired: dict[int, Period | None] = {}
        n = len(mentions)
        for figures in by_kind.values():
            if len(figures) % n == 0:  # "$84.5 billion and $86.5 billion ... were $77.7
                # billion and $77.2 billion ... at August 31, 2024 and May 31, 2024"
                paired.update({w.start: mentions[k % n].period
                               for k, w in enumerate(figures)})
        if paired:
            return [(w, paired.get(w.start)) for w in worded]
    if len({m.period for m in mentions}) == 1:
        return [(w, mentions[0].period) for w in worded]
    return _each_before_its_period(worded, mentions)


def _each_before_its_period(worded: list[Worded], mentions: list[_Mention],
                            ) -> list[tuple[Worded, Period | None]]:
    """Figures each followed by its period ("7.6% for the three months ended August 31,
    2024, and ... (1.9%) for the three months ended August 31, 2023"): when every figure
    stands before the last mention and each mention closes the figures after the one
    before it, and no mention stands before the first figure, those figures are its.
    Otherwise the sentence does not say which is whose: no period."""
    if (worded[-1].start > mentions[-1].start or mentions[0].start < worded[0].start):
        return [(w, None) for w in worded]
    out = []
    for w in worded:
        after = next(m for m in mentions if m.start > w.start)
        out.append((w, after.period))
    return out
