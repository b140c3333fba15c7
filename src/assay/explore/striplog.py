"""Down-hole strip logs: assays against depth, the cut-off, intercepts and gaps marked.

One panel per hole (the holes with intercepts, or those asked for). Grades are drawn as
bars over their interval on a log axis (assays span orders of magnitude), the cut-off as
a dashed line, intercepts as shaded bands labelled with length and grade, "including"
intervals darker, unsampled gaps hatched. Rendered with matplotlib's Agg backend.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.transforms import blended_transform_factory  # noqa: E402

from assay.errors import InputError, InputErrors  # noqa: E402

from .drillholes import DrillData  # noqa: E402
from .intercepts import Result, rounded  # noqa: E402
from .report import fmt, places  # noqa: E402

MAX_PANELS = 12


def unknown_holes(data: DrillData, holes: list[str]) -> list[InputError]:
    """An error for each hole asked for that has no assay interval to draw."""
    known = set(data.holes)
    shown = ", ".join(data.holes[:20]) + (f" and {len(data.holes) - 20} more"
                                          if len(data.holes) > 20 else "")
    return [InputError("--plot-hole", f"no hole {h!r} in {data.assay_file}; holes: {shown}")
            for h in dict.fromkeys(holes) if h not in known]


def plot(result: Result, out: str | Path, holes: list[str] | None = None,
         title: str = "Drill intercepts") -> list[str]:
    """Write the strip logs to ``out`` (.png or .svg); returns the holes drawn (at most
    :data:`MAX_PANELS`). A hole asked for that has no assays is an input error."""
    data = result.data
    if holes:
        problems = unknown_holes(data, holes)
        if problems:
            raise InputErrors(problems)
    cut = result.rules.cutoff
    element = cut.element
    with_ic = sorted({ic.hole for ic in result.intercepts}, key=data.holes.index)
    chosen = holes or with_ic or data.holes
    chosen = list(dict.fromkeys(chosen))[:MAX_PANELS]
    g = data.grades[element]
    level = float(cut.threshold(g.unit))  # the cut-off in the column's unit
    ncols = min(len(chosen), 6)
    nrows = math.ceil(len(chosen) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.3 * ncols, 7.0 * nrows), squeeze=False)
    unit = g.unit
    scale = 10 ** g.decimals
    shown = np.isin(data.hole, [data.holes.index(h) for h in chosen]) & g.present & (
        g.values > 0)
    positives = g.values[shown].astype(float) / scale
    floor = 10 ** math.floor(math.log10(positives.min())) if len(positives) else 0.01
    top = max(float(positives.max()) if len(positives) else 1.0, level * 2) * 3
    d = 10 ** data.depth_decimals
    for k, hole in enumerate(chosen):
        ax = axes[k // ncols][k % ncols]
        h = data.holes.index(hole)
        idx = np.nonzero(data.hole == h)[0].tolist()
        frm = [int(data.frm[i]) / d for i in idx]
        to = [int(data.to[i]) / d for i in idx]
        vals = [int(g.values[i]) / scale if g.present[i] else None for i in idx]
        for ic in (x for x in result.intercepts if x.hole == hole):
            ax.axhspan(float(ic.frm), float(ic.to), color="#f6c667", alpha=0.55, lw=0, zorder=0)
            label = (f"{fmt(rounded(Fraction(ic.length), 2))} m @ "
                     f"{fmt(rounded(ic.selection, places(element, unit)))} {unit} "
                     f"{cut.name}")
            tr = blended_transform_factory(ax.transAxes, ax.transData)
            ax.text(0.98, float(ic.frm + ic.to) / 2, label, transform=tr, ha="right",
                    va="center", fontsize=7.5, zorder=5,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#c98a00",
                          "alpha": 0.9})
            for sub in ic.includes:
                ax.axhspan(float(sub.frm), float(sub.to), color="#d9822b", alpha=0.6, lw=0,
                           zorder=0)
                ax.text(0.02, float(sub.frm + sub.to) / 2,
                        f"incl. {fmt(rounded(Fraction(sub.length), 2))} m @ "
                        f"{fmt(rounded(sub.selection, places(element, unit)))}",
                        transform=tr, ha="left", va="center", fontsize=7, zorder=5,
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#d9822b",
                              "alpha": 0.9})
        for i in range(1, len(idx)):
            if frm[i] > to[i - 1]:
                ax.axhspan(to[i - 1], frm[i], facecolor="none", edgecolor="#888888",
                           hatch="///", lw=0, zorder=0)
        for f, t, v in zip(frm, to, vals, strict=True):
            if v is None:
                continue
            ore = v >= level
            ax.barh((f + t) / 2, max(v, floor) - floor, height=t - f, left=floor,
                    color="#b03a2e" if ore else "#7f8c8d", edgecolor="white", lw=0.3, zorder=2)
        ax.axvline(level, color="#1f4e9c", ls="--", lw=1, zorder=3)
        ax.set_xscale("log")
        ax.set_xlim(floor, top)
        lo = min(frm) if frm else 0
        hi = max(to) if to else 1
        pad = (hi - lo) * 0.02
        ax.set_ylim(hi + pad, lo - pad)
        ax.set_title(hole, fontsize=10, fontweight="bold")
        ax.set_xlabel(f"{element} ({unit})", fontsize=8)
        if k % ncols == 0:
            ax.set_ylabel("depth down hole (m)", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(axis="x", which="major", color="#dddddd", lw=0.5)
    for k in range(len(chosen), nrows * ncols):
        axes[k // ncols][k % ncols].axis("off")
    fig.suptitle(f"{title}: cut-off {cut.name} >= {cut.in_words(unit)} (dashed), intercepts "
                 "shaded, including darker, gaps hatched", fontsize=9)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return chosen
