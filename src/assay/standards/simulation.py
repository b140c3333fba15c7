"""Monte Carlo price scenarios on the sensitivity model: distributions of cash cost per
ounce and of the change in annual cash flow, reproducible by seed.

The sensitivity model (:mod:`assay.standards.sensitivity`) is linear in each metal's
price change: every entity's change in annual cash flow and in by-product cash cost per
ounce is a sum, over metals, of a coefficient times the metal's price change. The
coefficients are computed once, exactly, by that model (a change of one price unit);
the scenarios only multiply.

Prices: each simulated metal's price a year on is lognormal around the period's price
(the company's price deck), ``P = P0 exp(vol Z - vol^2 / 2)`` with ``Z`` standard
normal, independent between metals (the mean price is ``P0``); ``vol`` is the annual
volatility the user gives. Metals without a volatility keep their price. Scenarios are
drawn with numpy's default generator from ``seed``: the same seed gives the same
figures. The results are statistics of random draws, floats, rounded where printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from assay.errors import InputError

from .derive import Derived
from .sensitivity import PriceChange, sensitivity

PERCENTILES = (5, 25, 50, 75, 95)
MAX_VOL = 1.0  # metals' annual volatilities are a fraction of it
MAX_SCENARIOS = 10_000_000


@dataclass(frozen=True, slots=True)
class Model:
    """The linear model: per entity, coefficients per metal (per one price unit)."""

    period: str
    metals: tuple[str, ...]
    base_prices: np.ndarray  # per metal, the period's price
    entities: tuple[str, ...]
    kinds: tuple[str, ...]
    cash_flow: np.ndarray  # (entities, metals): annual cash flow per unit price change
    cash_cost: np.ndarray  # (entities, metals): cash cost per oz per unit price change
    cash_cost_base: np.ndarray  # (entities,): the period's cash cost per oz (NaN: none)
    assumptions: tuple[str, ...]
    participation: tuple[tuple[float, float] | None, ...] = ()  # (share, basis) by metal


def model(derived: Derived, period: str, metals: list[str]) -> Model:
    """The coefficients of ``metals`` for every entity the sensitivity shows in ``period``."""
    deck = derived.data.company.prices.get(period)
    missing = [m for m in metals if deck is None or m not in deck.prices]
    if missing:
        raise InputError(derived.data.company.path or derived.data.company.name,
                         f"no {', '.join(missing)} price for {period} in company.toml "
                         f"[prices.{period}]: a simulation starts from the period's prices")
    # coefficients per unit of the price paid; a participation is applied to each draw
    s = sensitivity(derived, period, [PriceChange(m, Decimal(1)) for m in metals],
                    participation=False)
    terms = derived.data.company.terms
    shares = tuple((float(terms.participation[m][0]), float(terms.participation[m][1]))
                   if m in terms.participation else None for m in metals)
    unmoved = sorted(set(metals) - {e.change.metal for e in s.effects})
    if unmoved:
        raise InputError("--vol", f"{period}: no {', '.join(unmoved)} produced, so its price "
                         "moves nothing here; leave it out")
    entities: dict[str, str] = {}
    for e in s.effects:
        entities.setdefault(e.entity, e.kind)
    index = {name: i for i, name in enumerate(entities)}
    flow = np.zeros((len(entities), len(metals)))
    cost = np.zeros((len(entities), len(metals)))
    base = np.full(len(entities), np.nan)
    for e in s.effects:
        i, j = index[e.entity], metals.index(e.change.metal)
        flow[i, j] = float(e.cash_flow_annual)
        if e.cash_cost_change is not None:
            cost[i, j] = float(e.cash_cost_change)
        if e.cash_cost_per_oz is not None:
            base[i] = float(e.cash_cost_per_oz)
    prices = np.array([float(deck.prices[m]) for m in metals])
    return Model(period, tuple(metals), prices, tuple(entities), tuple(entities.values()),
                 flow, cost, base, tuple(s.assumptions), shares)


@dataclass(frozen=True, slots=True)
class Distribution:
    """Statistics of one figure over the scenarios."""

    mean: float
    percentiles: dict[int, float]
    below_zero: float  # the share of scenarios below zero


@dataclass(frozen=True, slots=True)
class Simulation:
    model: Model
    scenarios: int
    seed: int
    vols: dict[str, float]
    cash_flow: dict[str, Distribution]  # change in annual cash flow, by entity
    cash_cost: dict[str, Distribution]  # cash cost per oz after the draws, by entity
    samples: dict[str, np.ndarray]  # for charts: the company's cash flow, units' costs


def _distribution(x: np.ndarray) -> Distribution:
    q = np.percentile(x, PERCENTILES)
    return Distribution(float(x.mean()), {p: float(v) for p, v in zip(PERCENTILES, q,
                                                                       strict=True)},
                        float((x < 0).mean()))


def draw(m: Model, vols: dict[str, float], n: int, seed: int) -> np.ndarray:
    """(n, metals) changes of the price paid from the period's prices (a smelter's price
    participation taken off), reproducible by ``seed``."""
    if seed < 0:
        raise InputError("--seed", f"{seed}: a seed is 0 or more")
    if not 1 <= n <= MAX_SCENARIOS:
        raise InputError("--simulate", f"{n}: give 1 to {MAX_SCENARIOS:,} scenarios")
    rng = np.random.default_rng(seed)
    changes = np.zeros((n, len(m.metals)))
    for j, metal in enumerate(m.metals):
        vol = vols.get(metal, 0.0)
        if vol > 0:
            z = rng.standard_normal(n)
            changes[:, j] = m.base_prices[j] * np.expm1(vol * z - vol * vol / 2)
    for j, terms in enumerate(m.participation):
        if terms is not None:  # the price paid: less the smelter's share above its basis
            share, basis = terms
            p0 = m.base_prices[j]
            above = (np.maximum(p0 + changes[:, j] - basis, 0) - max(p0 - basis, 0))
            changes[:, j] -= share * above
    return changes


def simulate(m: Model, vols: dict[str, float], n: int, seed: int,
             keep: int = 200_000) -> Simulation:
    """``n`` scenarios; each entity's figures computed one entity at a time (memory stays
    at a few columns of ``n``), ``keep`` samples kept for charts."""
    changes = draw(m, vols, n, seed)
    flows, costs, samples = {}, {}, {}
    for i, name in enumerate(m.entities):
        flow = changes @ m.cash_flow[i]
        flows[name] = _distribution(flow)
        if m.kinds[i] == "company":
            samples[f"{name}: cash flow"] = flow[:keep]
        if not np.isnan(m.cash_cost_base[i]):
            cost = m.cash_cost_base[i] + changes @ m.cash_cost[i]
            costs[name] = _distribution(cost)
            if m.kinds[i] == "unit":
                samples[f"{name}: cash cost"] = cost[:keep]
    return Simulation(m, n, seed, dict(vols), flows, costs, samples)


def parse_vol(text: str, metals: tuple[str, ...]) -> tuple[str, float]:
    """``lead=0.30``: an annual volatility (a fraction, 0.30 is 30%) of a metal's price."""
    metal, sep, value = text.partition("=")
    metal = metal.strip().lower()
    given = f"--vol {text}"
    if not sep or metal not in metals:
        raise InputError(given, f"expected METAL=VOLATILITY with a metal of {', '.join(metals)}"
                         ", e.g. lead=0.30")
    try:
        vol = float(Decimal(value.strip().rstrip("%")) / (100 if value.strip().endswith("%")
                                                            else 1))
    except ArithmeticError:
        raise InputError(given, f"not a number: {value!r}") from None
    if not 0 <= vol <= MAX_VOL:
        raise InputError(given, f"{value}: an annual volatility from 0 to {MAX_VOL:g} "
                         f"({MAX_VOL:.0%}); above it a lognormal's sample mean is mostly "
                         "noise")
    return metal, vol
