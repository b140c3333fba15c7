"""The scale of tables no note scales, from the amounts the text states in millions.

A release may print its tables with no scale note anywhere, while its text says the same
amounts rounded ("net income grew 24% to $4.0 million" over "Net income  3,983"). Where
the text's amounts in millions tie, within their rounding, to figures of a table's rows
that their sentences name, in thousands and never as printed, that table is in
thousands: three distinct amounts tied at least over the document, none as printed; so
are the tables with no note that share figures with it (:mod:`assay.read.shared_scale`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from assay.model import Table
from assay.model import units as u

from .interpret import Context
from .shared_scale import scale_by_shared_figures
from .worded import figures_in_words

_TIES_AT_LEAST = 3  # amounts of the text tied to a table's figures in thousands
_THOUSAND = Decimal(1000)
_WORDS = re.compile(r"[a-z]+")
_NAMING_NOTHING = frozenset({"total", "consolidated", "and", "of", "the", "for", "in"})


def scale_by_prose(ctx: Context, tables: list[Table], spans: list[range],
                   paragraphs: Callable[[], list[tuple[int, str]]]) -> None:
    """Scale by a thousand the amounts of each table with no scale note that the text's
    amounts in millions (``paragraphs()``: line, text, asked for only where such a table
    prints whole amounts) tie to so, never as printed (see the module's contract); each
    table so scaled is reported (``scale-by-text``)."""
    facts = ctx.facts
    unscaled = [k for k, t in enumerate(tables) if not t.scale_note]
    if not unscaled:
        return
    rows: dict[str, list[tuple[Decimal, int]]] = {}  # a row's name words -> its whole
    for k in unscaled:  # amounts, each with its table
        for i in spans[k]:
            f = facts[i]
            if f.unit == u.USD and f.scale == 0 and not f.nil and (f.decimals or 0) <= 0:
                rows.setdefault(_name(f.label), []).append((abs(f.value), k))
    rows.pop("", None)
    if not rows:
        return
    ties: dict[int, set[str]] = {}  # each table: the text's amounts tied to it
    as_printed = False
    for _, text in paragraphs():
        for w in figures_in_words(text):
            if w.kind != "dollars" or w.said_scale != 6:
                continue
            half = Decimal(5).scaleb(-w.decimals - 1)  # ("$4.0 million": 3.95 to 4.05)
            low, high = (w.number - half) * 10**6, (w.number + half) * 10**6
            # (the sentence's words before the amount, "net income grew 24% to")
            sentence = " ".join(_WORDS.findall(text[text.rfind(". ", 0, w.start) + 1:
                                                     w.start].lower()))
            named = [pair for name, pairs in rows.items() if name in sentence for pair in pairs]
            for v, k in named:
                if low <= v * _THOUSAND < high:
                    ties.setdefault(k, set()).add(w.text)
            as_printed = as_printed or any(low <= v < high for v, _ in named)
    tied = set().union(*ties.values()) if ties else set()
    if len(tied) < _TIES_AT_LEAST or as_printed:
        return
    for k, amounts in ties.items():  # (only the tables the text ties to)
        for i in spans[k]:
            f = facts[i]
            if f.unit == u.USD and f.scale == 0 and (f.decimals or 0) <= 0:
                facts[i] = replace(f, value=f.value * _THOUSAND, scale=3,
                                   decimals=(f.decimals or 0) - 3)
        tables[k].scale_note = f"(as the text's amounts say: {len(amounts)} tie in thousands)"
        ctx.warn(tables[k].first_line, "scale-by-text",
                 f"no scale note: the text states {len(amounts)} of its amounts in millions "
                 f"({', '.join(sorted(amounts)[:3])}) as its figures in thousands: "
                 f"'{tables[k].title}' is taken in thousands")
    # (and the tables with no note that print figures of those, as they do)
    scale_by_shared_figures(ctx, tables, spans)


def _name(label: str) -> str:
    """The words that name a row, for finding it in a sentence: its first two words of
    substance, lower case ("Total net interest income" -> "net interest")."""
    words = [w for w in _WORDS.findall(label.lower()) if w not in _NAMING_NOTHING]
    return " ".join(words[:2]) if len(words) >= 2 else ""
