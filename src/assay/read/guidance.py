"""Guidance: the forward-looking figures of running text, as facts of their own.

"The company has revised its guidance of estimated total average silver cash cost for
the year downward to negative 25 cents per ounce (from a previous estimate of less than
50 cents per ounce)" gives one guidance fact: silver cash cost, FY2007, -0.25 USD/oz, previous
below 0.50 USD/oz, with its line and columns. A figure is guidance when a
forward-looking word (``guidance.toml``: "guidance", "estimated", "expects"...) stands
before it in its sentence; "115,000 to 120,000 ounces" is one range; the figures of
"(from a previous estimate of 128,000 ounces)" are the revised guidance's previous
value, not guidance of their own, and a figure compared with ("up from 1.9 million
ounces") is none either. Its period is the fiscal year its sentence names
("in 2007", "the 2007 ... estimate"), or the document's fiscal year for "for the year",
or a year from now for "over a one-year period"; else none. Its metric is the nearest
word of ``guidance.toml``'s metrics before it, and its metal the nearest metal named.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files

from assay.model import Document, Location, Period
from assay.model import units as u

from .prose import Block, sentences
from .vocabulary import VOCABULARY
from .worded import figures_in_words

_YEAR_NAMED = re.compile(r"\b(?:in|for|during|of|the)\s+(?:fiscal\s+(?:year\s+)?)?"
                         r"((?:19|20)\d\d)\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\b(?:for|in|during)\s+the\s+(?:full\s+)?year\b|\bthis\s+year\b|"
                        r"\bfull[- ]year\b", re.IGNORECASE)
_A_YEAR_ON = re.compile(r"\b(?:over\s+a\s+one[- ]year\s+period|per\s+year|a\s+year|"
                        r"annual(?:ly|ized)?)\b", re.IGNORECASE)
_YEARS = re.compile(r"\b(?P<lo>\d{1,3})(?:\s*(?:to|-|–)\s*(?P<hi>\d{1,3}))?\s+years\b",
                    re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_METAL_AFTER = 40  # characters after a figure that may name its metal
_CLAUSE_END = re.compile(r"[);]|,\s+(?:and|but|while|which)\b")


@dataclass(frozen=True, slots=True)
class Guidance:
    """One forward-looking figure, or range of them."""

    metric: str
    metal: str | None
    period: Period | None
    period_words: str  # "FY2007", "the next 12 months", ""
    low: Decimal | None  # None: no lower end ("less than 50 cents")
    high: Decimal | None
    unit: str
    printed: str
    approximate: bool
    previous: tuple[Decimal | None, Decimal | None, str] | None  # (low, high, printed)
    source: Location
    sentence: str

    @property
    def value(self) -> Decimal | None:
        return self.low if self.low == self.high else None


@dataclass(frozen=True, slots=True)
class _Words:
    forward: re.Pattern[str]
    not_forward: re.Pattern[str]
    previous: re.Pattern[str]
    bounds: dict[str, str]
    bound_words: re.Pattern[str]
    bound_before: re.Pattern[str]
    approximate: re.Pattern[str]
    reference: re.Pattern[str]
    metrics: dict[str, str]
    metric_words: re.Pattern[str]
    metals: re.Pattern[str]


def _words_re(words: list[str]) -> str:
    return "|".join(r"\b" + re.escape(w.rstrip("*")).replace(r"\ ", r"\s+")
                    + (r"\w*" if w.endswith("*") else r"\b") for w in words)


@cache
def _words() -> _Words:
    data = tomllib.loads(files(__package__).joinpath("guidance.toml").read_text("utf-8"))
    bounds = {k.lower(): v for k, v in data["bounds"].items()}
    return _Words(
        re.compile(_words_re(data["forward"]), re.IGNORECASE),
        re.compile(_words_re(data["not_forward"]), re.IGNORECASE),
        re.compile(_words_re(data["previous"]), re.IGNORECASE),
        bounds,
        re.compile(_words_re(list(bounds)), re.IGNORECASE),
        re.compile(r"(?:" + _words_re(list(bounds)) + r")\s*$", re.IGNORECASE),
        re.compile(r"(?:" + _words_re(data["approximate"]) + r")\s*$", re.IGNORECASE),
        re.compile(r"(?:" + _words_re(data["reference"]) + r")\s*$", re.IGNORECASE),
        {k.lower(): v for k, v in data["metrics"].items()},
        re.compile(_words_re(list(data["metrics"])), re.IGNORECASE),
        re.compile(r"\b(?:" + VOCABULARY.metal_pattern + r")\b", re.IGNORECASE))


def guidance(doc: Document) -> list[Guidance]:
    """The guidance of ``doc``'s running text, in the order it is printed."""
    out: list[Guidance] = []
    for block in doc.prose_blocks():
        for start, sentence in sentences(block.text):
            out.extend(_of_sentence(sentence, start, block, doc))
    return out


def _of_sentence(sentence: str, at: int, block: Block, doc: Document) -> list[Guidance]:
    w = _words()
    plain = w.not_forward.sub(lambda m: " " * len(m.group(0)), sentence)
    cue = w.forward.search(plain)
    if cue is None:
        return []
    figures = [f for f in _figures(sentence) if f.start > cue.start()]
    if not figures:
        return []
    revision = [(m.end(), _clause_end(sentence, m.end())) for m in w.previous.finditer(sentence)]
    period, words = _period(sentence, doc.period)
    out: list[Guidance] = []
    k = 0
    while k < len(figures):
        f = figures[k]
        span = [f]
        while (span[-1].ranged and k + 1 < len(figures) and figures[k + 1].ranged
               and len(span) < 2):
            k += 1
            span.append(figures[k])
        k += 1
        lo, hi = _bounds(sentence, span)
        printed = sentence[_lead(sentence, span[0].start):span[-1].end]
        if any(a <= span[0].start < b for a, b in revision):
            if out and out[-1].previous is None:  # the revised figure's earlier value
                out[-1] = replace(out[-1], previous=(lo, hi, printed))
            continue
        before = sentence[:span[0].start]
        if w.reference.search(before):  # "up from 1.9 million ounces in 2024": the past
            continue
        out.append(Guidance(
            _metric(before, span[0].unit), _metal(before, sentence[span[-1].end:]), period,
            words, lo, hi,
            span[0].unit, printed, bool(w.approximate.search(before)), None,
            block.place(doc.path, at + _lead(sentence, span[0].start), at + span[-1].end),
            " ".join(sentence.split())))
    return out


class _Span:
    """A figure of a guidance sentence: a worded figure, or a number of years."""

    __slots__ = ("start", "end", "value", "unit", "ranged")

    def __init__(self, start: int, end: int, value: Decimal, unit: str, ranged: bool) -> None:
        self.start, self.end, self.value, self.unit, self.ranged = (start, end, value, unit,
                                                                    ranged)


def _figures(sentence: str) -> list[_Span]:
    """The sentence's figures, thresholds included ("less than 50 cents" is a bound of
    guidance), and spans of years ("over 20 to 30 years")."""
    w = _words()
    spans = []
    # figures after a bound word are found with the word taken away (blanked, so that
    # every offset stays)
    text = w.bound_words.sub(lambda m: " " * len(m.group(0)), sentence)
    for f in figures_in_words(text):
        spans.append(_Span(f.start, f.end, f.value, f.unit, f.ranged))
    for m in _YEARS.finditer(sentence):
        spans.append(_Span(m.start(), m.start("lo") + len(m["lo"]), Decimal(m["lo"]),
                           u.YEARS, bool(m["hi"])))
        if m["hi"]:
            spans.append(_Span(m.start("hi"), m.end(), Decimal(m["hi"]), u.YEARS, True))
    spans.sort(key=lambda s: s.start)
    for a, b in zip(spans, spans[1:], strict=False):  # "between $65.6 million and $93.6 million"
        if (a.unit == b.unit and _AND.fullmatch(sentence, a.end, b.start)
                and _BETWEEN.search(sentence, max(0, a.start - 12), a.start)):
            a.ranged = b.ranged = True
    return spans


def _bounds(sentence: str, span: list[_Span]) -> tuple[Decimal | None, Decimal | None]:
    if len(span) == 2:
        return span[0].value, span[1].value
    w = _words()
    bound = w.bound_before.search(sentence, 0, span[0].start)
    if bound:
        side = w.bounds[" ".join(bound.group(0).lower().split())]
        return (None, span[0].value) if side == "below" else (span[0].value, None)
    return span[0].value, span[0].value


def _lead(sentence: str, start: int) -> int:
    """Where a figure's printed words begin: its bound word ("less than"), if any."""
    bound = _words().bound_before.search(sentence, 0, start)
    return bound.start() if bound else start


def _clause_end(sentence: str, at: int) -> int:
    m = _CLAUSE_END.search(sentence, at)
    return m.start() if m else len(sentence)


def _metric(before: str, unit: str) -> str:
    w = _words()
    found = [m for m in w.metric_words.finditer(before)]
    name = w.metrics[" ".join(found[-1].group(0).lower().split())] if found else "figure"
    if unit in (u.USD_PER_OZ, u.USD_PER_LB, u.USD_PER_TON) and name in ("cash cost", "cost"):
        return f"{name} per {unit.split('/')[1]}"
    return name


def _metal(before: str, after: str) -> str | None:
    """The metal named last before the figure, else the first named just after it ("a
    50 cents-per-pound increase in the price of lead")."""
    found = [m for m in _words().metals.finditer(before)]
    if found:
        return found[-1].group(0).lower()
    m = _words().metals.search(after, 0, _METAL_AFTER)
    return m.group(0).lower() if m else None


def _period(sentence: str, main: Period | None) -> tuple[Period | None, str]:
    """The year the sentence's guidance is for: the one it names, or the year of the
    document's period for "for the year"; a year from now for "over a one-year period".
    (Years are calendar years: the document does not say where its fiscal year ends.)"""
    named = _YEAR_NAMED.search(sentence)
    if named:
        year = int(named.group(1))
        return Period.months_ended(12, date(year, 12, 31)), f"FY{year}"
    if _THIS_YEAR.search(sentence) and main is not None:
        year = main.end.year
        return Period.months_ended(12, date(year, 12, 31)), f"FY{year}"
    if _A_YEAR_ON.search(sentence):
        return None, "a year, at the current rate"
    return None, ""
