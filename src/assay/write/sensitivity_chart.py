"""Charts of a price sensitivity (matplotlib, Agg): a spider chart of the company's annual
cash flow against each metal's price change when the changes form a grid, else a
tornado chart of each change's effect. The figures plotted are the exact ones, as floats
for drawing only."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from assay.standards.sensitivity import Sensitivity  # noqa: E402
from assay.standards.simulation import Simulation  # noqa: E402


def plot_sensitivity(s: Sensitivity, out: str | Path) -> str:
    """Draw the chart to ``out`` (its suffix names the format); returns which chart."""
    company = [e for e in s.effects if e.kind == "company"]
    by_metal: dict[str, list] = {}
    for e in company:
        by_metal.setdefault(e.change.metal, []).append(e)
    spider = any(len(v) > 2 for v in by_metal.values())
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if spider:
        for metal, effects in by_metal.items():
            effects.sort(key=lambda e: e.change.delta)
            ax.plot([float(e.change.delta) for e in effects],
                    [float(e.cash_flow_annual) / 1e6 for e in effects], marker="o",
                    label=f"{metal} ({effects[0].change.unit})")
        ax.axhline(0, color="grey", linewidth=0.8)
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.set_xlabel("price change")
        ax.legend()
        kind = "spider"
    else:
        ordered = sorted(company, key=lambda e: abs(e.cash_flow_annual))
        ax.barh([str(e.change) for e in ordered],
                [float(e.cash_flow_annual) / 1e6 for e in ordered],
                color=["tab:green" if e.cash_flow_annual >= 0 else "tab:red" for e in ordered])
        ax.axvline(0, color="grey", linewidth=0.8)
        kind = "tornado"
    label = "annual cash flow change, USD million"
    (ax.set_ylabel if spider else ax.set_xlabel)(label)
    name = company[0].entity if company else ""
    ax.set_title(f"{name}: price sensitivity at the {s.period} production rate", fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return kind


def plot_simulation(sim: Simulation, out: str | Path) -> str:
    """Histograms of the simulated figures: the company's change in annual cash flow,
    and each unit's cash cost per ounce."""
    samples = sim.samples
    flows = {k: v for k, v in samples.items() if k.endswith("cash flow")}
    costs = {k: v for k, v in samples.items() if k.endswith("cash cost")}
    panels = [p for p in (flows, costs) if p]
    fig, axes = plt.subplots(1, max(len(panels), 1), figsize=(6 * max(len(panels), 1), 4.2),
                             squeeze=False)
    for ax, panel in zip(axes[0], panels, strict=False):
        for name, x in panel.items():
            scale = 1e6 if name.endswith("cash flow") else 1
            ax.hist(x / scale, bins=80, alpha=0.55, label=name.rsplit(":", 1)[0])
        ax.set_xlabel("annual cash flow change, USD million" if panel is flows
                      else "cash cost per ounce, USD")
        ax.set_ylabel("scenarios")
        ax.legend(fontsize=8)
    fig.suptitle(f"{sim.scenarios:,} price scenarios at the {sim.model.period} production "
                 f"rate (seed {sim.seed})", fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return "histogram"
