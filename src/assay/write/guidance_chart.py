"""A chart of guidance tracked across releases (matplotlib, Agg): per metric, each
release's estimate as a bar from its low to its high end (a point for one figure, an
arrow for an open end) and the actual reported later as a dashed line. The figures
plotted are the exact ones, as floats for drawing only."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from assay.read.tracking import Track  # noqa: E402

MAX_PANELS = 6


def plot_tracks(tracks: list[Track], out: str | Path) -> int:
    """Draw up to :data:`MAX_PANELS` tracks to ``out``; returns how many were drawn."""
    shown = tracks[:MAX_PANELS]
    cols = min(len(shown), 3) or 1
    rows = math.ceil(len(shown) / cols) or 1
    fig, axes = plt.subplots(rows, cols, figsize=(4.6 * cols, 3.6 * rows), squeeze=False)
    for ax, t in zip(axes.ravel(), shown, strict=False):
        xs = list(range(len(t.estimates)))
        for x, e in zip(xs, t.estimates, strict=True):
            g = e.guidance
            lo, hi = g.low, g.high
            if lo is not None and hi is not None:
                ax.plot([x, x], [float(lo), float(hi)], color="tab:blue", lw=6,
                        solid_capstyle="butt")
                ax.plot([x], [float(lo + hi) / 2], "o", color="tab:blue", ms=6)
            else:
                end = float(hi if lo is None else lo)
                ax.plot([x], [end], "v" if lo is None else "^", color="tab:blue", ms=9)
        if t.actual is not None:
            ax.axhline(float(t.actual.value), ls="--", color="tab:red",
                       label=f"actual ({t.verdict})")
            ax.legend(fontsize=7)
        ax.set_xticks(xs, [Path(e.release).name for e in t.estimates], fontsize=7,
                       rotation=20)
        ax.ticklabel_format(axis="y", useOffset=False, style="plain")
        ax.set_title(f"{t.metal or ''} {t.metric}, {t.period} ({t.unit})".strip(), fontsize=9)
    for ax in axes.ravel()[len(shown):]:
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return len(shown)
