"""Metal-price sensitivity: what a change in one metal's price does to revenue, by-product
credits, cash cost per ounce and cash flow, at the production rate of one period.

"At current production rates" is explicit: the period's attributable production, paid
for at the payable fraction of the company's terms, is annualised by 12 / the period's
months (a quarter x 4, a half x 2). A net smelter return royalty (the terms'
``royalty_rate``, a cost in total cash costs) takes its share of every change in payable
revenue. A change in a by-product's price moves the by-product credits, and so the cash
cost per ounce of the primary metal (by-product method) by the change in credits, less
the royalty on it, over the period's ounces; a change in the primary metal's price moves
revenue, and the cash cost only by its royalty. Cash flow is revenue less the royalty,
less the tax rate of the terms. Every figure is exact (Decimal); what is printed is
rounded by the writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from assay.errors import InputError
from assay.model import units as u
from assay.operating.schema import BASE, METALS, price_unit

from .derive import Derived
from .relations import per_unit, qty_unit

_CHANGE = re.compile(r"^\s*(?P<metal>[a-z]+)\s*=\s*(?P<delta>[+-]?\d+(?:\.\d+)?)\s*"
                     r"(?:/\s*(?P<per>lb|oz))?\s*$", re.IGNORECASE)
_GRID = re.compile(r"^\s*(?P<metal>[a-z]+)\s*=\s*(?P<lo>[+-]?\d+(?:\.\d+)?)\s*:\s*"
                   r"(?P<hi>[+-]?\d+(?:\.\d+)?)\s*:\s*(?P<step>\d+(?:\.\d+)?)\s*"
                   r"(?:/\s*(?P<per>lb|oz))?\s*$", re.IGNORECASE)
_PER = {"lb": u.USD_PER_LB, "oz": u.USD_PER_OZ}
#: grid points at most, so that a typo in a step does not print a million rows
MAX_GRID = 1001


@dataclass(frozen=True, slots=True)
class PriceChange:
    metal: str
    delta: Decimal  # in the metal's price unit (USD/lb for base metals, USD/oz precious)

    @property
    def unit(self) -> str:
        return price_unit(self.metal)

    def __str__(self) -> str:
        per = "lb" if self.metal in BASE else "oz"
        return f"{self.metal} {self.delta:+f} USD/{per}"


def _metal(text: str, given: str) -> str:
    metal = text.lower()
    if metal not in METALS:
        raise InputError(given, f"unknown metal {text!r} (one of {', '.join(METALS)})")
    return metal


def _unit_agrees(metal: str, per: str | None, given: str) -> None:
    if per and _PER[per.lower()] != price_unit(metal):
        raise InputError(given, f"{metal} is priced in {price_unit(metal)}, not per {per}")


def parse_change(text: str) -> PriceChange:
    """``lead=+0.50/lb``, ``silver=-1/oz`` or ``gold=50`` (the unit, if given, must be
    the metal's price unit)."""
    m = _CHANGE.match(text)
    if m is None:
        raise InputError(f"--price {text}", "expected METAL=CHANGE, e.g. lead=+0.50/lb")
    metal = _metal(m["metal"], f"--price {text}")
    _unit_agrees(metal, m["per"], f"--price {text}")
    return PriceChange(metal, Decimal(m["delta"]))


def parse_grid(text: str) -> list[PriceChange]:
    """``lead=-0.50:0.50:0.10``: every change from the first to the last, by the step."""
    given = f"--grid {text}"
    m = _GRID.match(text)
    if m is None:
        raise InputError(given, "expected METAL=FROM:TO:STEP, e.g. lead=-0.50:0.50:0.10")
    metal = _metal(m["metal"], given)
    _unit_agrees(metal, m["per"], given)
    try:
        lo, hi, step = Decimal(m["lo"]), Decimal(m["hi"]), Decimal(m["step"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise InputError(given, "not numbers") from None
    if step <= 0 or hi < lo:
        raise InputError(given, "FROM must not exceed TO, and STEP must be above zero")
    n = int((hi - lo) / step) + 1
    if n > MAX_GRID:
        raise InputError(given, f"{n} points; at most {MAX_GRID - 1} steps")
    return [PriceChange(metal, lo + k * step) for k in range(n)]


@dataclass(frozen=True, slots=True)
class Effect:
    """One price change on one entity (a unit, a segment or the company)."""

    entity: str
    kind: str  # "unit" | "segment" | "company"
    primary: str | None
    change: PriceChange
    quantity: Decimal  # the period's attributable production (tons of base, oz precious)
    quantity_unit: str
    payable: Decimal
    annual_factor: Decimal
    revenue_period: Decimal  # change in revenue over the period
    revenue_annual: Decimal
    cash_flow_annual: Decimal  # after the royalty and the terms' tax rate
    cash_cost_per_oz: Decimal | None  # by-product method, as reported for the period
    cash_cost_change: Decimal | None  # per ounce of the primary metal; None: not moved

    @property
    def cash_cost_after(self) -> Decimal | None:
        """The cash cost per ounce after the change; None where the change moves none."""
        if self.cash_cost_per_oz is None or self.cash_cost_change is None:
            return None
        return self.cash_cost_per_oz + self.cash_cost_change


@dataclass(frozen=True, slots=True)
class Sensitivity:
    period: str
    months: int
    annual_factor: Decimal
    tax_rate: Decimal
    payable: dict[str, Decimal]
    assumptions: list[str]
    effects: list[Effect]


def sensitivity(derived: Derived, period: str, changes: list[PriceChange],
                participation: bool = True) -> Sensitivity:
    """Each change's effect on every shown unit, segment and the company in ``period``;
    a smelter's price participation (the terms') turns a price change into the change in
    the price paid, from the period's price (without ``participation``: not applied, for
    a caller that applies it itself)."""
    data = derived.data
    nodes = [n for n in derived.nodes if n.pkey == period and n.kind != "corporate"
             and (n.kind != "unit" or (n.unit is not None and n.unit.itemised))]
    if not nodes:
        known = sorted({n.pkey for n in derived.nodes})
        raise InputError(data.company.path or data.company.name,
                         f"no data for period {period} (the folder has {', '.join(known)})")
    months = nodes[0].period.months
    if not months:
        raise InputError(data.company.path, f"period {period} is not a span of whole months")
    factor = Decimal(12) / Decimal(months)  # (shown; the figures divide by months last)
    terms = data.company.terms
    effects = []
    deck = data.company.prices.get(period)
    for given in changes:
        change = given
        if participation and given.metal in terms.participation:
            if deck is None or given.metal not in deck.prices:
                raise InputError(data.company.path or data.company.name,
                                 f"price participation in {given.metal} needs its {period} "
                                 f"price: give it in [prices.{period}]")
            change = PriceChange(given.metal, terms.net_change(
                given.metal, deck.prices[given.metal], given.delta))
        payable = terms.payable_of(change.metal)
        lb = u.POUNDS_PER_SHORT_TON if change.metal in BASE else Decimal(1)
        for node in nodes:
            qty = derived.value(node.name, period, f"{change.metal}_produced")
            if not qty:
                continue
            revenue = change.delta * qty * lb * payable
            annual = revenue * 12 / months
            effects.append(Effect(
                node.name, node.kind, node.primary, given, qty, qty_unit(change.metal),
                payable, factor, revenue, annual,
                annual * (1 - terms.royalty_rate) * (1 - terms.tax_rate),
                derived.value(node.name, period, "total_cash_cost_per_oz")
                if node.kind != "company" else None,
                _cash_cost_change(derived, node, period, change, lb * payable,
                                  terms.royalty_rate)))
    return Sensitivity(period, months, factor, terms.tax_rate,
                       {c.metal: terms.payable_of(c.metal) for c in changes},
                       _assumptions(terms, changes, period, months, effects), effects)


def _cash_cost_change(derived: Derived, node, period: str, change: PriceChange,
                      paid: Decimal, royalty: Decimal) -> Decimal | None:
    """The change in by-product cash cost per unit of the primary metal (ounce, or pound
    of a base metal, as the report states it): the change in the by-product's credits,
    on the quantity the unit's cost basis counts (produced or sold), less the royalty on
    them, over the basis quantity; for the primary metal's own price, the royalty on its
    payable revenue per unit (None without a royalty). None for the company (which mixes
    primary metals)."""
    if node.kind == "company" or node.primary is None:
        return None
    if change.metal == node.primary:
        return change.delta * paid * royalty * per_unit(node.primary)[1] if royalty else None
    credited = derived.value(node.name, period, f"{change.metal}_{node.basis}")
    basis = derived.value(node.name, period, "basis_oz")
    if not credited or not basis:
        return None
    return -change.delta * credited * paid * (1 - royalty) / basis * per_unit(node.primary)[1]


def _assumptions(terms, changes: list[PriceChange], period: str, months: int,
                 effects: list[Effect]) -> list[str]:
    out = [f"At the production rate of {period}: its attributable production x 12/{months} "
           f"({months} of 12 months)."]
    moved = {e.change.metal for e in effects}
    out += [f"No {metal} produced in {period}: its price changes nothing here."
            for metal in sorted({c.metal for c in changes} - moved)]
    for metal in sorted({c.metal for c in changes}):
        given = f"payable.{metal}" in terms.stated
        out.append(f"Payable {metal}: {terms.payable_of(metal).normalize():f} of production "
                   + ("(company.toml [terms])" if given else
                      "(default 1: company.toml gives no [terms] payable fraction)"))
    for metal, (share, basis) in sorted(terms.participation.items()):
        if metal in {c.metal for c in changes}:
            out.append(f"Price participation in {metal}: the smelter keeps "
                       f"{share.normalize():f} of the price above {basis.normalize():f} "
                       "(company.toml [terms])")
    out.append(f"Royalty (net smelter return) on the change in payable revenue: "
               f"{terms.royalty_rate.normalize():f} "
               + ("(company.toml [terms])" if "royalty_rate" in terms.stated
                  else "(default 0)"))
    out.append(f"Tax rate on the change in cash flow: {terms.tax_rate.normalize():f} "
               + ("(company.toml [terms])" if "tax_rate" in terms.stated else "(default 0)"))
    out.append("Cash cost per ounce is by-product: a by-product's price moves its credits "
               "(less the royalty on them); the primary metal's price moves revenue"
               + (", and the cash cost by its royalty." if terms.royalty_rate else " only."))
    return out
