"""Share counts printed whole in a table whose note scales them, told by its earnings
per share: a statement "(in 000s, except per share data)" that prints its weighted
average shares in full ("12,097,615") states net income over them, not over a thousand
times as many."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assay.model import Fact, Period, Table
from assay.model import units as u

from .interpret import Context

# the net income a statement divides by its shares: "Net income", "Net earnings (loss)"
_NET_INCOME = re.compile(r"(?i)^net (?:income|earnings|loss)\b(?!.*\bper\b)")
_SAID_SCALE = re.compile(r"(?i)thousand|million|\b000'?s?\b|\(000\)")
_CLOSE = Decimal("0.05")  # how near a printed per-share amount the quotient must come


def unscale_shares_printed_whole(ctx: Context, tables: list[Table], spans: list[range],
                                 ) -> None:
    """In each table, share counts scaled by its note are taken whole where net income
    over the counts as printed comes within 5% of a per-share amount the table prints for
    the same period, and net income over the scaled counts comes near none of them."""
    facts = ctx.facts
    for t, mine in zip(tables, spans, strict=True):
        shares = [i for i in mine if facts[i].unit == u.SHARES and facts[i].scale > 0
                  and not facts[i].nil and facts[i].value
                  and not _SAID_SCALE.search(facts[i].label)]
        if not shares:
            continue
        income: dict[Period, Decimal] = {}
        per_share: dict[Period, list[Decimal]] = {}
        for i in mine:
            f = facts[i]
            if f.period is None or f.nil:
                continue
            if f.unit == u.USD and _NET_INCOME.match(f.label) and f.value:
                income.setdefault(f.period, f.value)
            elif f.unit == u.USD_PER_SHARE and f.value:
                per_share.setdefault(f.period, []).append(abs(f.value))
        whole = [i for i in shares if _whole(facts[i], income, per_share)]
        if not whole or len(whole) * 2 < len(shares):
            continue
        for i in shares:
            f = facts[i]
            facts[i] = replace(f, value=f.value / Decimal(10) ** f.scale, scale=0,
                               decimals=(f.decimals or 0) + f.scale)
        ctx.warn(t.first_line, "shares-whole",
                 f"'{t.title}' prints its share counts whole though its note scales them: "
                 f"net income over the counts as printed is the earnings per share it "
                 f"prints; {len(shares)} counts taken unscaled")


def _whole(f: Fact, income: dict[Period, Decimal], per_share: dict[Period, list[Decimal]],
           ) -> bool:
    """Whether net income over count ``f`` as printed is a printed per-share amount of its
    period, and over ``f`` as scaled none."""
    net = income.get(f.period)
    amounts = per_share.get(f.period)
    if net is None or not amounts:
        return False
    printed = abs(f.value) / Decimal(10) ** f.scale
    return (_near(abs(net) / printed, amounts)
            and not _near(abs(net) / abs(f.value), amounts))


def _near(quotient: Decimal, amounts: list[Decimal]) -> bool:
    return any(abs(quotient - a) <= _CLOSE * a for a in amounts)
