"""Reporting periods: durations (quarter, six months, year) and instants (balance sheet)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def months_after(day: date, months: int) -> date:
    """The day ``months`` months after ``day``; a month's last day goes to a month's last
    day (September 30 to December 31)."""
    shifted = _shift_months(day, months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return shifted.replace(day=calendar.monthrange(shifted.year, shifted.month)[1])
    return shifted


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A duration [start, end] (both inclusive) or an instant (start is None)."""

    end: date
    start: date | None = None

    @classmethod
    def instant(cls, at: date) -> Period:
        return cls(end=at)

    @classmethod
    def months_ended(cls, months: int, end: date) -> Period:
        """The ``months`` months ended on ``end`` (a month end)."""
        first = _shift_months(date(end.year, end.month, 1), 1 - months)
        return cls(end=end, start=first)

    @classmethod
    def weeks_ended(cls, weeks: int, end: date) -> Period:
        """The ``weeks`` weeks ended on ``end`` (13 weeks ended July 3, 2004 began on
        April 4)."""
        return cls(end=end, start=end - timedelta(days=7 * weeks - 1))

    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        last_month = 3 * q
        end = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return cls.months_ended(3, end)

    @property
    def is_instant(self) -> bool:
        return self.start is None

    @property
    def months(self) -> int | None:
        """The length in months, to the nearest: calendar months for periods that begin
        on the first of a month; for others (13, 26 or 52 weeks), days over the mean
        month, 365.25 / 12 days (91 days are 3 months, 364 and 371 are 12)."""
        if self.start is None:
            return None
        if self.start.day == 1:
            return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        days = (self.end - self.start).days + 1
        return (days * 96 + 1461) // 2922  # round(days * 12 / 365.25), in integers

    @property
    def key(self) -> str:
        """A compact, sortable name: ``2007Q2``, ``2007H1``, ``2007-06-30``, ``2007FY``..."""
        if self.start is None:
            return self.end.isoformat()
        months = self.months
        if self.start.month == 1 and self.start.day == 1:
            if months == 3:
                return f"{self.end.year}Q1"
            if months == 6:
                return f"{self.end.year}H1"
            if months == 9:
                return f"{self.end.year}M9"
            if months == 12:
                return f"{self.end.year}FY"
        if months == 3 and self.end.month % 3 == 0:
            return f"{self.end.year}Q{self.end.month // 3}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.key
