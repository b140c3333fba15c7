"""Statement identities: the relations that hold between the primary statements.

- balance sheet: total assets = total liabilities + total shareholders' equity, and the
  printed "Total liabilities and shareholders' equity" is that sum;
- cash flow: operating + investing + financing = net change in cash; beginning cash +
  net change = ending cash; ending cash = the balance sheet's cash at the period's end;
  beginning cash = the balance sheet's cash the day before the period starts;
- retained earnings (accumulated deficit) roll forward by income applicable to common
  shareholders between two balance-sheet dates;
- EPS = income applicable to common shareholders / weighted average shares;
- gross profit = sales - cost of sales - DD&A; cost of sales + DD&A = the reconciliation's
  GAAP total for all operations.
Each identity is checked once per period; an identity one of whose operands the document
does not print is reported ``not checkable`` with the missing operand named.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assay.model import Fact
from assay.model.findings import Finding, fact_interval
from assay.read.vocabulary import VOCABULARY

from .check import (
    Approx,
    classify_derived,
    finding,
    may_be_zero,
    not_checkable,
    quotient_words,
    same_finding,
    sum_finding,
    zero_divisor,
)
from .index import (
    BALANCE,
    CASH_FLOWS,
    HIGHLIGHTS,
    OPERATIONS,
    RECONCILIATION,
    FactIndex,
    table_instance,
)


def _period(f: Fact) -> str:
    return f.period.key if f.period else "?"


def balance_sheet(idx: FactIndex) -> list[Finding]:
    out = []
    for assets in idx.find("total_assets", table=BALANCE):
        p = _period(assets)
        liab = _beside(idx, "total_liabilities", assets)
        eq = _beside(idx, "total_equity", assets)
        what = f"Balance sheet ({p}): total assets = total liabilities + equity"
        if liab is None or eq is None:
            missing = "total liabilities" if liab is None else "total shareholders' equity"
            out.append(not_checkable("identity.balance_sheet", what, [("reported", assets)],
                                     missing))
            continue
        between = _mezzanine(idx, liab, eq)
        if between:
            what += " + what stands between them"
        terms = [(1, liab), *((1, f) for f in between), (1, eq)]
        out.append(sum_finding("identity.balance_sheet", what, assets, terms))
        tle = _beside(idx, "total_liabilities_and_equity", assets)
        if tle is not None:
            out.append(sum_finding(
                "identity.balance_sheet",
                f"Balance sheet ({p}): total liabilities and equity = liabilities + equity"
                + (" + what stands between them" if between else ""), tle, terms))
    return out


def _beside(idx: FactIndex, concept: str, fact: Fact, table: str = BALANCE) -> Fact | None:
    """The figure of ``concept`` in ``fact``'s column of a statement (the balance sheet,
    unless ``table`` says another): its period, and its column's member where columns of
    one period are told apart (historical, adjustments, pro forma); one of its own table
    first."""
    found = [f for f in idx.find(concept, table=table, period=_period(fact))
             if f.dims == fact.dims]
    return next((f for f in found if f.table == fact.table), found[0] if found else None)


def _mezzanine(idx: FactIndex, liab: Fact, eq: Fact) -> list[Fact]:
    """The figures a balance sheet prints between its total liabilities and its equity
    ("Minority interest in consolidated subsidiary", redeemable shares), of the same
    period and column: part of the liabilities-and-equity side, in neither total."""
    if table_instance(liab) != table_instance(eq) or liab.row is None or eq.row is None:
        return []
    return [f for f in idx.by_instance[table_instance(liab)]
            if f.row is not None and liab.row < f.row < eq.row and f.period == liab.period
            and f.unit == liab.unit and f.dims == liab.dims
            and VOCABULARY.balance_of(f.label) == "mezzanine"]


# the row a cash-flow statement adds to its three activities: exchange rates' effect
_FX_EFFECT = re.compile(r"(?i)\b(?:effects?|impact) of (?:foreign )?(?:currency )?(?:exchange"
                        r"|rate)|\bexchange rate (?:changes|effects?)\b")


def cash_flow(idx: FactIndex) -> list[Finding]:
    out = []
    for net in idx.find("net_change_in_cash", table=CASH_FLOWS):
        p = _period(net)
        parts = [(name, _beside(idx, c, net, CASH_FLOWS)) for name, c in (
            ("operating", "operating_cash_flow"), ("investing", "investing_cash_flow"),
            ("financing", "financing_cash_flow"))]
        what = f"Cash flows ({p}): operating + investing + financing = net change in cash"
        missing = [n for n, f in parts if f is None]
        if missing:
            out.append(not_checkable("identity.cash_flow", what, [("reported", net)],
                                     f"{missing[0]} cash flow"))
        else:
            effect = [f for f in idx.by_instance[table_instance(net)] if f.period == net.period
                      and f.unit == net.unit and f.dims == net.dims
                      and _FX_EFFECT.search(f.label)]
            if effect:
                what = what.replace(" = net change", " + the effect of exchange rates = "
                                    "net change")
            out.append(sum_finding("identity.cash_flow", what, net,
                                   [*((1, f) for _, f in parts if f is not None),
                                    *((1, f) for f in effect[:1])]))
        begin = end = None
        if net.period is not None and net.period.start is not None:
            begin = _cash_at(idx, "cash_beginning", net.period.start - timedelta(days=1), p)
            end = _cash_at(idx, "cash_ending", net.period.end, p)
        if begin is not None and end is not None:
            out.append(sum_finding(
                "identity.cash_roll",
                f"Cash flows ({p}): beginning cash + net change = ending cash",
                end, [(1, begin), (1, net)]))
    for end in idx.find("cash_ending", table=CASH_FLOWS):
        if end.period is None:
            continue
        at = end.period.end.isoformat()
        bs = idx.one("cash", table=BALANCE, period=at)
        what = f"Ending cash of the cash flows ({_period(end)}) = balance sheet cash at {at}"
        out.append(_tie("identity.cash_end", what, end, bs, f"balance sheet at {at}"))
    for begin in idx.find("cash_beginning", table=CASH_FLOWS):
        if begin.period is None:
            continue
        at = (begin.period.end if begin.period.is_instant
              else begin.period.start - timedelta(days=1)).isoformat()
        bs = idx.one("cash", table=BALANCE, period=at)
        what = (f"Beginning cash of the cash flows ({_period(begin)}) = balance sheet cash "
                f"at {at}")
        out.append(_tie("identity.cash_begin", what, begin, bs, f"balance sheet at {at}"))
    return out


def _cash_at(idx: FactIndex, concept: str, at: date, during: str) -> Fact | None:
    """Cash at the start or end of a statement of cash flows' period: the balance at
    ``at`` (as the reader dates it), or a figure dated by the column's period itself."""
    return (idx.one(concept, table=CASH_FLOWS, period=at.isoformat())
            or idx.one(concept, table=CASH_FLOWS, period=during))


def _tie(rule: str, what: str, a: Fact, b: Fact | None, missing: str) -> Finding:
    if b is None:
        return not_checkable(rule, what, [("reported", a)], f"cash in the {missing}")
    return same_finding(rule, what, a, b)


def retained_earnings(idx: FactIndex) -> list[Finding]:
    """Accumulated deficit at t1 = at t0 + income applicable to common for (t0, t1]."""
    out = []
    # a balance without a date cannot roll forward (and would not sort among dates)
    deficits = sorted((f for f in idx.find("accumulated_deficit", table=BALANCE) if f.period),
                      key=lambda f: f.period.end)  # type: ignore[union-attr]
    for later in deficits:
        for earlier in deficits:
            if earlier.period is None or later.period is None:
                continue
            if earlier.period.end >= later.period.end:
                continue
            start = earlier.period.end + timedelta(days=1)
            income = next((f for f in idx.find("income_applicable_to_common", table=OPERATIONS)
                           if f.period and f.period.start == start
                           and f.period.end == later.period.end), None)
            what = (f"Accumulated deficit rolls forward from {earlier.period.key} to "
                    f"{later.period.key} by income applicable to common shareholders")
            if income is None:
                out.append(not_checkable("identity.retained_earnings", what,
                                         [("reported", later), ("opening", earlier)],
                                         f"income applicable to common for {start}..."
                                         f"{later.period.end}"))
                continue
            out.append(sum_finding("identity.retained_earnings", what, later,
                                   [(1, earlier), (1, income)]))
    return out


def earnings_per_share(idx: FactIndex) -> list[Finding]:
    out = []
    for eps in idx.find("eps_basic"):
        p = _period(eps)
        income = idx.one("income_applicable_to_common", table=OPERATIONS, period=p) or \
            idx.one("income_applicable_to_common", table=HIGHLIGHTS, period=p)
        checks = [("identity.eps", "weighted_shares_basic", "basic")]
        if "diluted" in eps.label.lower():
            checks.append(("identity.eps_diluted", "weighted_shares_diluted", "diluted"))
        for rule, concept, kind in checks:
            shares = idx.one(concept, table=OPERATIONS, period=p)
            what = (_eps_what, eps, p, kind)
            if income is None or shares is None:
                missing = "income applicable to common" if income is None else \
                    f"{kind} weighted average shares"
                out.append(not_checkable(rule, what, [("reported", eps)], missing))
                continue
            den = Approx.of(shares)
            zero = zero_divisor(f"{kind} weighted average shares ({p})", den) \
                if may_be_zero(den) else None
            if zero:
                out.append(not_checkable(rule, what, [("reported", eps), ("numerator", income),
                                                      ("denominator", shares)], reason=zero))
                continue
            computed = Approx.of(income) / den
            status = classify_derived(fact_interval(eps), eps.value, eps.decimals, computed)
            out.append(finding(rule, eps, [("numerator", income), ("denominator", shares)],
                               computed, status, what, (quotient_words, income, shares),
                               extra_places=2))
    return out


def _eps_what(eps: Fact, p: str, kind: str) -> str:
    return f"{eps.table}: EPS ({p}) = income applicable to common / {kind} weighted average shares"


def gross_profit(idx: FactIndex) -> list[Finding]:
    out = []
    for gp in idx.find("gross_profit", table=OPERATIONS, where=None):
        p = _period(gp)
        sales = idx.one("sales", table=OPERATIONS, period=p, where=None)
        cost = idx.one("cost_of_sales", table=OPERATIONS, period=p, where=None)
        dda = idx.one("dda", table=OPERATIONS, period=p, where=None)
        what = f"Gross profit ({p}) = sales - cost of sales - DD&A"
        named = [("sales", sales), ("cost of sales", cost), ("DD&A", dda)]
        missing = [n for n, f in named if f is None]
        if missing:
            out.append(not_checkable("identity.gross_profit", what, [("reported", gp)],
                                     missing[0]))
            continue
        assert sales and cost and dda
        out.append(sum_finding("identity.gross_profit", what, gp,
                               [(1, sales), (-1, cost), (-1, dda)]))
        gaap = idx.one("cost_of_sales_and_dda", table=RECONCILIATION, period=p, where=None)
        if gaap is not None:
            out.append(sum_finding(
                "identity.cost_of_sales",
                f"Reconciliation GAAP total, all operations ({p}) = Statement of Operations "
                f"cost of sales + DD&A", gaap, [(1, cost), (1, dda)]))
    return out


def identities(idx: FactIndex) -> list[Finding]:
    return [*balance_sheet(idx), *cash_flow(idx), *retained_earnings(idx),
            *earnings_per_share(idx), *gross_profit(idx)]
