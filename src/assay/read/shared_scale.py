"""The scale of a table with no note of its own, from the amounts it shares with tables
whose note scales them."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assay.model import Table
from assay.model import units as u

from .interpret import Context

# an amount of three digits or more, as printed ("1,105,570", "(23,283)"), no decimals
_SHAREABLE = re.compile(r"^\(?\d{1,3}(?:,\d{3})+\)?$|^\(?\d{3,}\)?$")

_SHARED_AT_LEAST = 2  # figures a table without a note must share with scaled tables


def scale_by_shared_figures(ctx: Context, tables: list[Table], spans: list[range]) -> None:
    """A table with no scale note of its own whose amounts are printed, figure for
    figure, in tables whose note scales them ("External net revenues 1,105,570" in a
    reconciliation, as in the statement of operations "in thousands") is in that scale:
    two figures of three digits or more at least, all found at one scale."""
    if all(t.scale_note for t in tables):
        return
    facts = ctx.facts
    unscaled: dict[int, set[str]] = {}  # each table without a note: its amounts as printed
    for k, t in enumerate(tables):
        if not t.scale_note:
            unscaled[k] = {f.printed.strip("()") for f in (facts[i] for i in spans[k])
                           if f.unit == u.USD and f.scale == 0 and _SHAREABLE.match(f.printed)}
    wanted = set().union(*unscaled.values())
    if not wanted:
        return
    scaled: dict[str, set[int]] = {}  # printed amount -> the scales it is printed at
    for k, t in enumerate(tables):
        if t.scale_note:
            for f in (facts[i] for i in spans[k]):
                if f.scale > 0 and f.unit == u.USD and (a := f.printed.strip("()")) in wanted:
                    scaled.setdefault(a, set()).add(f.scale)
    if not scaled:
        return
    for k, amounts in unscaled.items():
        t = tables[k]
        mine = spans[k]
        found = [scaled[a] for a in amounts if a in scaled]
        scales = set().union(*found) if found else set()
        if len(found) < _SHARED_AT_LEAST or len(scales) != 1:
            continue
        scale = scales.pop()
        for i in mine:
            f = facts[i]
            if f.unit == u.USD and f.scale == 0 and (f.decimals or 0) <= 0:
                facts[i] = replace(f, value=f.value * Decimal(10) ** scale, scale=scale,
                                   decimals=(f.decimals or 0) - scale)
        t.scale_note = f"(as the tables it shares {len(found)} figures with: 10^{scale})"
        ctx.warn(t.first_line, "scale-shared",
                 f"no scale note: '{t.title}' prints {len(found)} amounts as tables scaled "
                 f"by 10^{scale} do; its amounts are taken at that scale")
