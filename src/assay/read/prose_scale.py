"""The scale of tables no note scales, from the amounts the text states in millions.

A release may print its tables with no scale note anywhere, while its text says the same
amounts rounded ("net income grew 24% to $4.0 million" over "Net income  3,983"). Where
the text's amounts in millions tie, within their rounding, to figures of a table's rows
that their sentences name, in thousands and never as printed, the tables with no note of
their own are in thousands: three such ties at least, none as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assay.model import Table
from assay.model import units as u

from .interpret import Context
from .worded import figures_in_words

_TIES_AT_LEAST = 3  # amounts of the text tied to a table's figures in thousands
_THOUSAND = Decimal(1000)
_WORDS = re.compile(r"[a-z]+")
_TOTAL_WORDS = frozenset({"total", "consolidated", "and", "of", "the", "for", "in"})


def scale_by_prose(ctx: Context, tables: list[Table], spans: list[range],
                   paragraphs: list[tuple[int, str]]) -> None:
    """Scale by a thousand the amounts of the tables with no scale note, where the text's
    amounts in millions (``paragraphs``: line, text) tie to them so and never as printed
    (see the module's contract); each table so scaled is reported (``scale-by-text``)."""
    facts = ctx.facts
    unscaled = [k for k, t in enumerate(tables) if not t.scale_note]
    if not unscaled:
        return
    rows: dict[str, list[Decimal]] = {}  # a row's name words -> its whole amounts
    for k in unscaled:
        for i in spans[k]:
            f = facts[i]
            if f.unit == u.USD and f.scale == 0 and not f.nil and (f.decimals or 0) <= 0:
                rows.setdefault(_name(f.label), []).append(abs(f.value))
    rows.pop("", None)
    if not rows:
        return
    ties, as_printed, example = 0, 0, ""
    for _, text in paragraphs:
        for w in figures_in_words(text):
            if w.kind != "dollars" or w.said_scale != 6:
                continue
            half = Decimal(5).scaleb(-w.decimals - 1)  # ("$4.0 million": 3.95 to 4.05)
            low, high = (w.number - half) * 10**6, (w.number + half) * 10**6
            # (the sentence's words before the amount, "net income grew 24% to")
            sentence = " ".join(_WORDS.findall(text[text.rfind(". ", 0, w.start) + 1:
                                                     w.start].lower()))
            named = [values for name, values in rows.items() if name in sentence]
            if any(low <= v * _THOUSAND < high for values in named for v in values):
                ties += 1
                example = example or f"'{w.text}'"
            if any(low <= v < high for values in named for v in values):
                as_printed += 1
    if ties < _TIES_AT_LEAST or as_printed:
        return
    for k in unscaled:
        for i in spans[k]:
            f = facts[i]
            if f.unit == u.USD and f.scale == 0 and (f.decimals or 0) <= 0:
                facts[i] = replace(f, value=f.value * _THOUSAND, scale=3,
                                   decimals=(f.decimals or 0) - 3)
        tables[k].scale_note = f"(as the text's amounts say: {ties} tie in thousands)"
        ctx.warn(tables[k].first_line, "scale-by-text",
                 f"no scale note: the text states {ties} of the tables' amounts in millions "
                 f"({example} ...) as their figures in thousands: '{tables[k].title}' is "
                 f"taken in thousands")


def _name(label: str) -> str:
    """The words that name a row, for finding it in a sentence: its first two words of
    substance, lower case ("Total net interest income" -> "net interest")."""
    words = [w for w in _WORDS.findall(label.lower()) if w not in _TOTAL_WORDS]
    return " ".join(words[:2]) if len(words) >= 2 else ""
