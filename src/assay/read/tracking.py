"""Guidance tracked across a company's releases, against the actuals reported later.

Each guidance figure (:mod:`assay.read.guidance`) with a period is keyed by what it
measures: metric, metal, period and unit. Its estimates are listed release by release,
in the order of the releases (by the period each reports: its tables', else the first
"quarter ended March 31, 2007" of its text; as given when one has neither), each with its
revision where the text states one. The actual is a fact of a release that reports that
period (its table says "Twelve Months Ended December 31, 2007" for FY2007): same
period, unit and metal (none for guidance that names none), a label holding one of the
words ``guidance.toml`` gives the metric under ``[actuals]`` ("produced" for
production) and not an "equivalent"; the company-wide figure rather
than a unit's, and the latest release's. Figures without a period, or metrics without
such words, are listed but not matched.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files

from assay.model import Document, Fact

from .guidance import Guidance, guidance


@dataclass(frozen=True, slots=True)
class Estimate:
    release: str
    as_of: date | None  # the end of the period the release reports
    guidance: Guidance


@dataclass(frozen=True, slots=True)
class Track:
    metric: str
    metal: str | None
    period: str  # the period's key, such as 2007FY
    unit: str
    estimates: tuple[Estimate, ...]
    actual: Fact | None
    actual_release: str | None

    @property
    def verdict(self) -> str | None:
        """Where the actual fell against the last estimate: within, above or below it
        (a one-sided estimate, "less than $1.00", has one end); None without an actual."""
        if self.actual is None or not self.estimates:
            return None
        g = self.estimates[-1].guidance
        v = self.actual.value
        if g.low is not None and v < g.low:
            return "below"
        if g.high is not None and v > g.high:
            return "above"
        return "within"


_EQUIVALENT = re.compile(r"\bequivalent\b", re.IGNORECASE)
_ENDED = re.compile(r"\b(?:quarter|months|period|year)\s+ended\s+([A-Z][a-z]+\.?\s+\d{1,2},?\s+"
                    r"(?:19|20)\d\d)")


def release_date(doc: Document) -> date | None:
    """The end of the period a release reports: its tables' period, else the first
    "quarter ended March 31, 2007" of its text."""
    if doc.period is not None:
        return doc.period.end
    from datetime import datetime

    head = " ".join(" ".join(doc.lines[:80]).split())  # a date may wrap over two lines
    for m in _ENDED.finditer(head):
        text = " ".join(m[1].replace(",", " ").replace(".", " ").split())
        for fmt in ("%B %d %Y", "%b %d %Y"):
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    return None


@cache
def _actual_words() -> dict[str, re.Pattern[str]]:
    data = tomllib.loads(files(__package__).joinpath("guidance.toml").read_text("utf-8"))
    return {metric: re.compile("|".join(r"\b" + re.escape(w) for w in words), re.IGNORECASE)
            for metric, words in data.get("actuals", {}).items()}


def track(docs: list[Document]) -> list[Track]:
    """The tracks of ``docs`` (releases of one company), in the order first guided."""
    dates = [release_date(d) for d in docs]
    dated = all(d is not None for d in dates)
    ordered = sorted(range(len(docs)), key=lambda k: (dates[k] if dated else date.min, k))
    releases = [docs[k] for k in ordered]
    groups: dict[tuple, list[Estimate]] = {}
    for k in ordered:
        for g in guidance(docs[k]):
            if g.period is None:
                continue
            key = (g.metric, g.metal, g.period.key, g.unit)
            groups.setdefault(key, []).append(Estimate(docs[k].path, dates[k], g))
    out = []
    for (metric, metal, period, unit), estimates in groups.items():
        actual, where = _actual(releases, metric, metal, period, unit)
        out.append(Track(metric, metal, period, unit, tuple(estimates), actual, where))
    return out


def _actual(releases: list[Document], metric: str, metal: str | None,
            period: str, unit: str) -> tuple[Fact | None, str | None]:
    words = _actual_words().get(metric)
    if words is None:
        return None, None
    for doc in reversed(releases):  # the latest release that reports it
        found = [f for f in doc.facts
                 if f.period is not None and f.period.key == period and f.unit == unit
                 and isinstance(f.value, Decimal) and words.search(f.label or "")
                 and not _EQUIVALENT.search(f.label or "") and f.metal == metal]
        if found:
            company = [f for f in found if not (f.entity.unit or f.entity.segment)]
            return (company or found)[0], doc.path
    return None, None
