"""A price sensitivity as a text table, Markdown or JSON (exact values in JSON)."""

from __future__ import annotations

from decimal import Decimal

from assay.model import round_to
from assay.standards.sensitivity import Effect, Sensitivity
from assay.standards.simulation import PERCENTILES, Simulation
from assay.write.json_text import dumps
from assay.write.text_table import text_columns

HEAD = ("Entity", "Price change", "Production", "Payable", "Revenue, period",
        "Revenue, annual", "Cash flow, annual", "Cash cost/oz", "After")


def _money(d: Decimal) -> str:
    return f"{round_to(d, 0):,f}"


def _per_oz(d: Decimal | None) -> str:
    return "" if d is None else f"{round_to(d, 2):,.2f}"


def _row(e: Effect) -> list[str]:
    return [e.entity, str(e.change), f"{e.quantity.normalize():,f} {e.quantity_unit}",
            f"{e.payable.normalize():f}", _money(e.revenue_period), _money(e.revenue_annual),
            _money(e.cash_flow_annual), _per_oz(e.cash_cost_per_oz), _per_oz(e.cash_cost_after)]


def _table(title: str, head: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    """A titled text table: the first two columns (names) left, the figures right."""
    return [title, "", *text_columns(list(head), rows, set(range(2, len(head))))]


def render_text(s: Sensitivity) -> str:
    lines = _table(f"Price sensitivity, {s.period} (USD)", HEAD, [_row(e) for e in s.effects])
    return "\n".join([*lines, "", *s.assumptions]) + "\n"


def render_md(s: Sensitivity) -> str:
    out = [f"## Price sensitivity, {s.period} (USD)", "",
           "| " + " | ".join(HEAD) + " |", "|" + "|".join(["---"] * 2 + ["---:"] * 7) + "|"]
    out += ["| " + " | ".join(_row(e)) + " |" for e in s.effects]
    out += ["", *(f"- {a}" for a in s.assumptions)]
    return "\n".join(out) + "\n"


def render_json(s: Sensitivity, indent: int = 2) -> str:
    def x(d: Decimal | None) -> str | None:
        return None if d is None else format(d, "f")

    return dumps({
        "period": s.period, "months": s.months, "annual_factor": x(s.annual_factor),
        "tax_rate": x(s.tax_rate), "payable": {k: x(v) for k, v in s.payable.items()},
        "assumptions": s.assumptions,
        "effects": [{
            "entity": e.entity, "kind": e.kind, "primary_metal": e.primary,
            "metal": e.change.metal, "change": x(e.change.delta), "change_unit": e.change.unit,
            "production": x(e.quantity), "production_unit": e.quantity_unit,
            "payable": x(e.payable), "revenue_period": x(e.revenue_period),
            "revenue_annual": x(e.revenue_annual), "cash_flow_annual": x(e.cash_flow_annual),
            "cash_cost_per_oz": x(e.cash_cost_per_oz),
            "cash_cost_per_oz_change": x(e.cash_cost_change),
            "cash_cost_per_oz_after": x(e.cash_cost_after)}
            for e in s.effects],
    }, indent)


# -- Monte Carlo -------------------------------------------------------------------------

SIM_HEAD = ("Entity", "Figure", "Mean", *(f"P{p}" for p in PERCENTILES), "Below 0")


def _sim_rows(sim: Simulation) -> list[list[str]]:
    rows = []
    for name in sim.model.entities:
        flow = sim.cash_flow[name]
        rows.append([name, "Cash flow change, annual", _float(flow.mean, 0),
                     *(_float(flow.percentiles[p], 0) for p in PERCENTILES),
                     f"{flow.below_zero:.1%}"])
        cost = sim.cash_cost.get(name)
        if cost is not None:
            rows.append([name, "Cash cost per oz", _float(cost.mean, 2),
                         *(_float(cost.percentiles[p], 2) for p in PERCENTILES),
                         f"{cost.below_zero:.1%}"])
    return rows


def _float(x: float, places: int) -> str:
    shown = round_to(Decimal(repr(x)), places)
    return f"{shown if shown else abs(shown):,.{places}f}"  # no "-0.00"


def _sim_assumptions(sim: Simulation) -> list[str]:
    m = sim.model
    vols = ", ".join(f"{k} {v:.0%}" for k, v in sorted(sim.vols.items()))
    deck = ", ".join(f"{metal} {price:g}" for metal, price in zip(m.metals, m.base_prices,
                                                                  strict=True))
    return [f"{sim.scenarios:,} scenarios, seed {sim.seed} (the same seed gives the same "
            "figures).",
            f"Prices a year on: lognormal around the {m.period} prices ({deck}) with annual "
            f"volatility {vols}; metals independent; mean price unchanged.",
            *m.assumptions]


def render_simulation_text(sim: Simulation) -> str:
    lines = _table(f"Price scenarios, {sim.model.period} (USD)", SIM_HEAD, _sim_rows(sim))
    return "\n".join([*lines, "", *_sim_assumptions(sim)]) + "\n"


def render_simulation_md(sim: Simulation) -> str:
    out = [f"## Price scenarios, {sim.model.period} (USD)", "",
           "| " + " | ".join(SIM_HEAD) + " |",
           "|" + "|".join(["---"] * 2 + ["---:"] * (len(SIM_HEAD) - 2)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in _sim_rows(sim)]
    out += ["", *(f"- {a}" for a in _sim_assumptions(sim))]
    return "\n".join(out) + "\n"


def render_simulation_json(sim: Simulation, indent: int = 2) -> str:
    def dist(d):
        return {"mean": d.mean, "percentiles": {str(p): v for p, v in d.percentiles.items()},
                "below_zero": d.below_zero}

    m = sim.model
    return dumps({
        "period": m.period, "scenarios": sim.scenarios, "seed": sim.seed, "vols": sim.vols,
        "base_prices": dict(zip(m.metals, m.base_prices.tolist(), strict=True)),
        "cash_flow_change_annual": {k: dist(v) for k, v in sim.cash_flow.items()},
        "cash_cost_per_oz": {k: dist(v) for k, v in sim.cash_cost.items()},
        "assumptions": _sim_assumptions(sim),
    }, indent)
