"""Desurveying: where each point of a drill hole is, from its collar and survey stations.

A survey station gives the hole's direction at a measured depth (metres along the hole):
azimuth in degrees clockwise from grid north, and inclination in degrees below horizontal,
positive down (the loader's normalised dip; 90 is straight down). Positions are east,
north and elevation (up) in the collar's grid, in metres. Between two stations ``1`` and
``2`` (unit directions ``t1``, ``t2``, ``L`` metres apart, dogleg angle ``b`` between
them) the methods place the hole as:

- ``minimum-curvature`` (the default and the industry's usual method): a circular arc
  tangent to both directions; the step is ``L/2 (t1 + t2) RF`` with the ratio factor
  ``RF = (2 / b) tan(b / 2)`` (1 for a straight segment). A point inside the segment lies
  on the same arc: its direction turns by the same fraction of ``b`` as its fraction of
  ``L``;
- ``balanced-tangential``: the first half of the segment straight along ``t1``, the
  second along ``t2`` (the step is ``L/2 (t1 + t2)``);
- ``tangent``: the whole segment straight along ``t1``.

Above the first station the hole runs straight along the first station's direction; below
the last, straight along the last's. A hole without survey stations takes its collar's
azimuth and dip as one station at depth 0 (a straight hole); a hole with neither has no
positions (NaN). Positions are floats (trigonometry); a figure derived from them is
rounded where it is reported, and labelled as derived.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .drillholes import Collar, Station

METHODS = ("minimum-curvature", "balanced-tangential", "tangent")


def directions(azimuth: np.ndarray, inclination: np.ndarray) -> np.ndarray:
    """Unit vectors (east, north, up), one row per (azimuth, inclination-down) pair."""
    a, b = np.radians(azimuth), np.radians(inclination)
    return np.stack([np.cos(b) * np.sin(a), np.cos(b) * np.cos(a), -np.sin(b)], axis=-1)


def _dogleg(t1: np.ndarray, t2: np.ndarray) -> np.ndarray:
    """Angle (radians) between unit vectors, row by row, stable for small angles."""
    return 2 * np.arctan2(np.linalg.norm(t1 - t2, axis=-1), np.linalg.norm(t1 + t2, axis=-1))


def _ratio_factor(b: np.ndarray) -> np.ndarray:
    small = b < 1e-7
    safe = np.where(small, 1.0, b)
    return np.where(small, 1.0 + b * b / 12, 2 / safe * np.tan(safe / 2))


def _slerp(t1: np.ndarray, t2: np.ndarray, b: np.ndarray, f: np.ndarray) -> np.ndarray:
    """The direction a fraction ``f`` of the way round the arc from ``t1`` to ``t2``."""
    small = (b < 1e-7)[:, None]
    sb = np.where(small[:, 0], 1.0, np.sin(b))
    w1 = np.sin((1 - f) * b) / sb
    w2 = np.sin(f * b) / sb
    arc = w1[:, None] * t1 + w2[:, None] * t2
    line = (1 - f)[:, None] * t1 + f[:, None] * t2
    out = np.where(small, line, arc)
    return out / np.linalg.norm(out, axis=-1, keepdims=True)


def _steps(t1: np.ndarray, t2: np.ndarray, length: np.ndarray, method: str) -> np.ndarray:
    if method == "tangent":
        return length[:, None] * t1
    step = (length / 2)[:, None] * (t1 + t2)
    if method == "minimum-curvature":
        step *= _ratio_factor(_dogleg(t1, t2))[:, None]
    return step


@dataclass(frozen=True, slots=True)
class Trace:
    """Desurveyed holes: stations sorted by hole and depth, with their positions.

    ``start[h]:start[h + 1]`` are hole ``h``'s stations (none when it has no orientation).
    ``located[h]`` says whether the collar has coordinates; without them positions are
    relative to the collar at (0, 0, 0).
    """

    holes: tuple[str, ...]
    method: str
    start: np.ndarray  # int64, len(holes) + 1
    depth: np.ndarray  # float metres
    direction: np.ndarray  # (n, 3) unit vectors
    position: np.ndarray  # (n, 3) east, north, elevation
    located: np.ndarray  # bool per hole

    def at(self, hole: np.ndarray, depth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions and directions at ``depth`` metres down holes ``hole`` (indices into
        ``holes``), vectorised; NaN for a hole without orientation."""
        hole = np.asarray(hole, dtype=np.int64)
        depth = np.asarray(depth, dtype=float)
        pos = np.full((len(hole), 3), np.nan)
        dirs = np.full((len(hole), 3), np.nan)
        has = self.start[hole + 1] > self.start[hole]
        if not has.any():
            return pos, dirs
        h, d = hole[has], depth[has]
        span = float(max(self.depth.max(initial=0), d.max(initial=0))) + 1.0
        owner = np.repeat(np.arange(len(self.holes)), np.diff(self.start))
        keys = owner * span + self.depth
        i = np.searchsorted(keys, h * span + d, side="right") - 1
        i = np.maximum(i, self.start[h])  # above the first station: from the first
        last = i + 1 >= self.start[h + 1]
        j = np.where(last, i, i + 1)
        t1, t2 = self.direction[i], self.direction[j]
        p1 = self.position[i]
        into = d - self.depth[i]  # metres past station i (negative above the first)
        length = np.where(last, 1.0, self.depth[j] - self.depth[i])
        f = np.where(last, 0.0, into / length)
        if self.method == "minimum-curvature":
            b = _dogleg(t1, t2)
            t = np.where(last[:, None], t1, _slerp(t1, t2, b, np.clip(f, 0, 1)))
            step = (into / 2)[:, None] * (t1 + t) * _ratio_factor(f * b)[:, None]
            step = np.where((into < 0)[:, None], into[:, None] * t1, step)
        elif self.method == "balanced-tangential":
            half = length / 2
            second = ~last & (into > half)
            t = np.where(second[:, None], t2, t1)
            step = np.where(second[:, None], half[:, None] * t1 + (into - half)[:, None] * t2,
                            into[:, None] * t1)
        else:
            t = t1
            step = into[:, None] * t1
        pos[has] = p1 + step
        dirs[has] = t
        return pos, dirs


def desurvey(holes: list[str], collars: dict[str, Collar],
             surveys: dict[str, list[Station]], method: str = "minimum-curvature") -> Trace:
    """Desurvey ``holes`` by ``method`` (one of :data:`METHODS`)."""
    if method not in METHODS:
        raise ValueError(f"unknown desurvey method {method!r}; use one of {', '.join(METHODS)}")
    start = [0]
    depth: list[float] = []
    azi: list[float] = []
    inc: list[float] = []
    origin: list[tuple[float, float, float]] = []
    located = []
    for name in holes:
        c = collars.get(name)
        stations = [(float(s.depth), float(s.azimuth), float(s.dip))
                    for s in surveys.get(name, [])]
        if not stations and c is not None and c.azimuth is not None and c.dip is not None:
            stations = [(0.0, float(c.azimuth), float(c.dip))]
        if stations and stations[0][0] > 0:  # straight up to the collar
            stations.insert(0, (0.0, stations[0][1], stations[0][2]))
        for s in stations:
            depth.append(s[0])
            azi.append(s[1])
            inc.append(s[2])
        start.append(len(depth))
        xyz = (None if c is None else (c.easting, c.northing, c.elevation))
        ok = xyz is not None and all(v is not None for v in xyz)
        located.append(ok)
        origin.append(tuple(float(v) for v in xyz) if ok else (0.0, 0.0, 0.0))
    starts = np.array(start, dtype=np.int64)
    d = np.array(depth, dtype=float)
    t = directions(np.array(azi, dtype=float), np.array(inc, dtype=float)).reshape(-1, 3)
    pos = np.zeros((len(d), 3))
    if len(d):
        counts = np.diff(starts)  # stations per hole
        heads = starts[:-1][counts > 0]  # each placed hole's first station
        first = np.zeros(len(d), dtype=bool)
        first[heads] = True
        steps = np.zeros((len(d), 3))
        later = np.nonzero(~first)[0]
        steps[later] = _steps(t[later - 1], t[later], d[later] - d[later - 1], method)
        owner = np.repeat(np.arange(len(holes)), counts)
        steps[first] = np.array(origin, dtype=float)[owner[first]]
        # cumulative sums restarted at each hole's first station (its collar position)
        total = np.cumsum(steps, axis=0)
        base = total[heads] - steps[first]
        pos = total - np.repeat(base, counts[counts > 0], axis=0)
    return Trace(tuple(holes), method, starts, d, t, pos, np.array(located, dtype=bool))

