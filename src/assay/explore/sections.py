"""Pictures geologists read: a plan of collars and pierce points, and a cross-section.

Holes are placed by desurveying (:mod:`assay.explore.desurvey`). Each intercept is drawn
where the hole crosses it, coloured by grade x width: the composite grade of the cut-off
variable times the true width where one is known, else the down-hole length (the legend
says which). Rendered with matplotlib's Agg backend, as PNG or SVG by the file's suffix.

- **Plan**: collars (open circles, named), hole traces seen from above, and each
  intercept's pierce point (its midpoint) as a filled circle.
- **Section**: a vertical plane through ``origin`` (east, north) striking ``azimuth``
  degrees (the direction in which distance along the section grows); every point is
  projected square onto it. Holes whose traces stay further than ``width / 2`` from the
  plane are left out (all holes when ``width`` is None) and the title says how many are
  shown. Distance along the section and elevation share one scale (no vertical
  exaggeration).
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.colors import LogNorm, Normalize  # noqa: E402
from matplotlib.ticker import FormatStrFormatter  # noqa: E402

from .desurvey import Trace, desurvey  # noqa: E402
from .intercepts import Intercept, Result  # noqa: E402

SAMPLES = 24  # points along each hole's trace between collar and bottom


def trace_of(result: Result) -> Trace:
    data = result.data
    return desurvey(data.holes, data.collars, data.surveys, result.rules.desurvey)


def _bottoms(result: Result) -> np.ndarray:
    """Each hole's drawn depth: its collar depth, else its deepest assay."""
    data = result.data
    scale = 10.0 ** -data.depth_decimals
    deepest = np.zeros(len(data.holes))
    if data.n:
        np.maximum.at(deepest, data.hole, data.to.astype(float) * scale)
    for h, name in enumerate(data.holes):
        c = data.collars.get(name)
        if c is not None and c.depth is not None:
            deepest[h] = max(deepest[h], float(c.depth))
    return deepest


def _paths(trace: Trace, bottoms: np.ndarray) -> np.ndarray:
    """(holes, SAMPLES + 1, 3) positions from collar to bottom; NaN for a hole without
    orientation or without collar coordinates (it has no place on a map)."""
    n = len(trace.holes)
    frac = np.linspace(0.0, 1.0, SAMPLES + 1)
    hole = np.repeat(np.arange(n), SAMPLES + 1)
    depth = (bottoms[:, None] * frac[None, :]).ravel()
    pos, _ = trace.at(hole, depth)
    pos = pos.reshape(n, SAMPLES + 1, 3)
    pos[~trace.located] = np.nan
    return pos


def _unplaced(trace: Trace, placed: np.ndarray) -> str:
    missing = len(trace.holes) - int(placed.sum())
    return (f"; {missing} hole(s) without collar coordinates or orientation left out"
            if missing else "")


def _pierces(result: Result, trace: Trace) -> tuple[np.ndarray, np.ndarray, str]:
    """Intercept midpoints (n, 3), their grade x width, and the colour bar's label."""
    ics: list[Intercept] = result.intercepts
    index = {h: i for i, h in enumerate(result.data.holes)}
    hole = np.array([index[ic.hole] for ic in ics], dtype=np.int64)
    mid = np.array([float(ic.frm + ic.to) / 2 for ic in ics])
    pos, _ = trace.at(hole, mid)
    pos[~trace.located[hole]] = np.nan
    true = all(ic.true_width is not None for ic in ics) and bool(ics)
    gxw = np.array([float(ic.selection) * float(ic.true_width if true else ic.length)
                    for ic in ics])
    cut = result.rules.cutoff
    unit = result.units.get(cut.element, "g/t") if not cut.equivalent else "g/t"
    label = f"{cut.name} x {'true width' if true else 'down-hole length'} ({unit}·m)"
    return pos, gxw, label


def _colours(values: np.ndarray):
    """One colour scale for every mark: logarithmic where grade x width spans a range of
    positive values, else linear over it."""
    if len(values) and values.min() > 0 and values.max() > values.min():
        return LogNorm(vmin=values.min(), vmax=values.max()), "viridis"
    low = float(values.min()) if len(values) else 0.0
    high = float(values.max()) if len(values) else 1.0
    return Normalize(vmin=low, vmax=high if high > low else low + 1), "viridis"


def plan(result: Result, out: str | Path, title: str = "Drill intercepts") -> int:
    """Write the plan view to ``out``; returns the number of holes drawn."""
    trace = trace_of(result)
    paths = _paths(trace, _bottoms(result))
    placed = ~np.isnan(paths[:, 0, 0])
    fig, ax = plt.subplots(figsize=(8, 8))
    ax.add_collection(LineCollection(paths[placed][:, :, :2], colors="#7f8c8d", lw=0.8))
    collars = paths[placed][:, 0, :2]
    ax.scatter(collars[:, 0], collars[:, 1], s=18, facecolors="white", edgecolors="#2c3e50",
               zorder=3, label="collar")
    if placed.sum() <= 60:
        for name, (x, y) in zip(np.array(trace.holes)[placed], collars, strict=True):
            ax.annotate(name, (x, y), xytext=(3, 3), textcoords="offset points", fontsize=7)
    _draw_pierces(result, trace, ax, fig, (0, 1))
    ax.set_aspect("equal", adjustable="datalim")
    ax.autoscale_view()
    ax.ticklabel_format(useOffset=False, style="plain")
    ax.set_xlabel("east (m)")
    ax.set_ylabel("north (m)")
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(f"{title}: plan, collars and intercept pierce points "
                 f"({int(placed.sum())} holes{_unplaced(trace, placed)})", fontsize=10)
    _save(fig, ax, out)
    return int(placed.sum())


def _draw_pierces(result: Result, trace: Trace, ax, fig, axes: tuple[int, int],
                  project=None) -> None:
    """Intercepts coloured by grade x width: pierce points, and on a section the
    intercept itself as a thick stretch of its hole."""
    if not result.intercepts:
        return
    pos, gxw, label = _pierces(result, trace)
    keep = ~np.isnan(pos[:, 0])
    if project is not None:
        xy, near = project(pos)
        keep &= near
    else:
        xy = pos[:, list(axes)]
    norm, cmap = _colours(gxw[keep]) if keep.any() else (None, "viridis")
    if project is not None and keep.any():
        ics = [ic for ic, k in zip(result.intercepts, keep, strict=True) if k]
        index = {h: i for i, h in enumerate(result.data.holes)}
        frac = np.linspace(0.0, 1.0, 9)
        hole = np.repeat([index[ic.hole] for ic in ics], len(frac))
        depth = np.concatenate([float(ic.frm) + frac * float(ic.length) for ic in ics])
        along, _ = trace.at(hole, depth)
        runs = project(along)[0].reshape(len(ics), len(frac), 2)
        ax.add_collection(LineCollection(runs, array=gxw[keep], cmap=cmap, norm=norm, lw=6,
                                         capstyle="round", zorder=4))
    points = ax.scatter(xy[keep, 0], xy[keep, 1], c=gxw[keep], cmap=cmap, norm=norm,
                        s=46 if project is None else 14, edgecolors="black", linewidths=0.4,
                        zorder=5, label="intercept")
    bar = fig.colorbar(points, ax=ax, shrink=0.75, label=label)
    bar.ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    bar.ax.yaxis.set_minor_formatter(FormatStrFormatter("%g"))


def section(result: Result, out: str | Path, *, azimuth: float | None = None,
            origin: tuple[float, float] | None = None, width: float | None = None,
            title: str = "Drill intercepts") -> int:
    """Write the cross-section to ``out``; returns the number of holes drawn. By default
    the plane runs through the collars' centroid, along the holes' mean azimuth."""
    trace = trace_of(result)
    paths = _paths(trace, _bottoms(result))
    placed = ~np.isnan(paths[:, 0, 0])
    if azimuth is None:
        azimuth = _mean_azimuth(trace, placed)
    if origin is None:
        origin = tuple(np.nanmean(paths[placed][:, 0, :2], axis=0)) if placed.any() else (0, 0)
    a = math.radians(azimuth)
    along = np.array([math.sin(a), math.cos(a)])
    across = np.array([math.cos(a), -math.sin(a)])
    o = np.array(origin, dtype=float)

    def project(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        flat = p[..., :2] - o
        s = flat @ along
        off = flat @ across
        near = np.ones(s.shape, dtype=bool) if width is None else np.abs(off) <= width / 2
        return np.stack([s, p[..., 2]], axis=-1), near

    xy, near = project(paths)
    shown = placed & (near.any(axis=1) if width is not None else placed)
    fig, ax = plt.subplots(figsize=(10, 7))
    ax.add_collection(LineCollection(xy[shown], colors="#7f8c8d", lw=0.9))
    ax.scatter(xy[shown][:, 0, 0], xy[shown][:, 0, 1], s=18, facecolors="white",
               edgecolors="#2c3e50", zorder=3, label="collar")
    if shown.sum() <= 40:
        for name, (x, y) in zip(np.array(trace.holes)[shown], xy[shown][:, 0], strict=True):
            ax.annotate(name, (x, y), xytext=(0, 6), textcoords="offset points", fontsize=7,
                        ha="center")
    _draw_pierces(result, trace, ax, fig, (0, 2), project)
    ax.set_aspect("equal", adjustable="datalim")
    ax.autoscale_view()
    ax.set_xlabel(f"distance along section toward {azimuth:.0f}° (m)")
    ax.set_ylabel("elevation (m)")
    ax.legend(loc="lower left", fontsize=8)
    window = "all holes" if width is None else f"holes within {width / 2:g} m of the plane"
    ax.set_title(f"{title}: section through ({origin[0]:.0f} E, {origin[1]:.0f} N) toward "
                 f"{azimuth:.0f}°, {window} ({int(shown.sum())} shown"
                 f"{_unplaced(trace, placed)})", fontsize=10)
    _save(fig, ax, out)
    return int(shown.sum())


def _save(fig, ax, out: str | Path) -> None:
    ax.grid(color="#eeeeee", lw=0.5)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def _mean_azimuth(trace: Trace, placed: np.ndarray) -> float:
    """The holes' mean bearing seen from above as an axis (holes drilled at 90 and 270
    degrees share the axis 90-270), in degrees 0 to 180; 0 when all are vertical."""
    first = trace.start[:-1][placed & (trace.start[:-1] < trace.start[1:])]
    flat = trace.direction[first, :2]
    if not len(first) or np.hypot(flat[:, 0], flat[:, 1]).max() < 1e-9:
        return 0.0
    theta = np.arctan2(flat[:, 0], flat[:, 1])  # bearing clockwise from north
    weight = np.hypot(flat[:, 0], flat[:, 1])
    doubled = np.arctan2((weight * np.sin(2 * theta)).sum(), (weight * np.cos(2 * theta)).sum())
    return math.degrees(doubled / 2) % 180
