"""Vectorised compositing of assay intervals into intercepts (numpy, exact integers).

Numbers: depths and grades are scaled integers (``DrillData``), and the selection grade
of every interval is an integer on one scale per run (an element's grade, or a metal
equivalent whose rational price factors are brought onto a common denominator). The
rules compare sums of ``(grade - cutoff) x length`` — exact integer prefix sums — so a
composite that sits exactly at cut-off is at cut-off, with no float epsilon deciding.
Arrays are int64 when a bound on every partial sum proves they cannot overflow, and
numpy object arrays of Python integers otherwise (slower, still exact). Reported values
are built from the same integers as Decimals and Fractions in
:mod:`assay.explore.intercepts`, so metal (grade x length) is conserved exactly.

The rules, as implemented here and stated in every report:

1. An interval is *ore* when its selection grade is at or above cut-off. Ore runs are
   maximal sequences of ore intervals that touch (``to`` of one is ``from`` of the next).
2. Gaps between intervals (unsampled core), missing selection grades and hole ends break
   a run: an intercept never spans unsampled core, which is never taken as zero.
3. Internal waste: scanning down the hole, the next ore run joins the current composite
   when the contiguous waste between them is at most ``max_waste`` long *and* the joined
   composite (current + waste + next run) is at or above cut-off; otherwise the current
   composite closes and the next run starts a new one. Waste at either end of a
   composite is never included. Every composite therefore grades at or above cut-off.
4. A composite is kept when it is at least ``min_length`` long or, where given, when
   its grade x length reaches ``min_gxt`` (either suffices when both are given).
"""

from __future__ import annotations

from fractions import Fraction
from math import ceil

import numpy as np

#: Bound on every int64 value and partial sum: below it, sums of two still fit in int64.
INT64_SAFE = 2**62


def _fits(*bounds: int) -> bool:
    return all(abs(b) < INT64_SAFE for b in bounds)


def _as_object(a: np.ndarray) -> np.ndarray:
    return a if a.dtype == object else a.astype(object)


def excess_prefix(s: np.ndarray, valid: np.ndarray, cutoff: int,
                  length: np.ndarray) -> np.ndarray:
    """Prefix sums of ``(s - cutoff) x length`` (0 where invalid), exact."""
    n = len(s)
    if n == 0:
        return np.zeros(1, dtype=np.int64)
    smax = max(abs(int(s.max())), abs(int(s.min()))) if n else 0
    lmax = int(length.max())
    exact64 = (s.dtype != object and length.dtype != object
               and _fits((smax + abs(cutoff)) * lmax * n))
    if exact64:
        a = (s - np.int64(cutoff)) * length
    else:
        a = (_as_object(s) - cutoff) * _as_object(length)
    a = np.where(valid, a, 0)
    out = np.zeros(n + 1, dtype=np.int64 if exact64 else object)
    np.cumsum(a, out=out[1:])
    return out


def composite(hole: np.ndarray, frm: np.ndarray, to: np.ndarray, s: np.ndarray,
              valid: np.ndarray, cutoff: int, max_waste: int,
              segment: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """First and last interval index (inclusive) of every composite, before length rules.

    Intervals are sorted by hole and depth. ``s`` is the selection grade (scaled
    integers), ``cutoff`` on the same scale, ``max_waste`` on the depth scale.
    ``segment`` (optional) breaks runs where it changes (used for "including"
    intervals, which stay inside their parent intercept).
    """
    n = len(s)
    empty = np.zeros(0, dtype=np.int64)
    if n == 0:
        return empty, empty
    length = to - frm
    ore = valid & (s >= cutoff)
    link = np.zeros(n, dtype=bool)
    link[1:] = (hole[1:] == hole[:-1]) & (frm[1:] == to[:-1]) & valid[1:] & valid[:-1]
    if segment is not None:
        link[1:] &= segment[1:] == segment[:-1]
    prev_ore = np.zeros(n, dtype=bool)
    prev_ore[1:] = ore[:-1] & link[1:]
    next_ore = np.zeros(n, dtype=bool)
    next_ore[:-1] = ore[1:] & link[1:]
    starts = np.nonzero(ore & ~prev_ore)[0]
    ends = np.nonzero(ore & ~next_ore)[0]
    nr = len(starts)
    if nr == 0:
        return empty, empty

    # which neighbouring runs may join: contiguous waste no longer than max_waste
    breaks = np.cumsum(~link)
    joinable = ((breaks[starts[1:]] - breaks[ends[:-1]]) == 0) & (
        (frm[starts[1:]] - to[ends[:-1]]) <= max_waste)
    chain_start = np.ones(nr, dtype=bool)
    chain_start[1:] = ~joinable
    new = chain_start.copy()

    if joinable.any():
        prefix = excess_prefix(s, valid, cutoff, length)
        q = prefix[starts]  # excess before each run
        r = prefix[ends + 1]  # excess after each run
        chain_id = np.cumsum(chain_start) - 1
        first_run = np.nonzero(chain_start)[0]
        pos = np.arange(nr) - first_run[chain_id]
        base = q[first_run].copy()  # excess before the current composite, per chain
        order = np.argsort(pos, kind="stable")
        bounds = np.searchsorted(pos[order], np.arange(1, int(pos.max()) + 2))
        # one vectorised step per position along the chains (not per interval)
        for p in range(1, int(pos.max()) + 1):
            ids = order[bounds[p - 1]:bounds[p]]
            c = chain_id[ids]
            restart = r[ids] < base[c]
            new[ids] = restart
            base[c[restart]] = q[ids[restart]]

    first_runs = np.nonzero(new)[0]
    last_runs = np.empty_like(first_runs)
    last_runs[:-1] = first_runs[1:] - 1
    last_runs[-1] = nr - 1
    return starts[first_runs], ends[last_runs]


def keep(first: np.ndarray, last: np.ndarray, frm: np.ndarray, to: np.ndarray,
         prefix_sl: np.ndarray | None, min_length: int | None,
         min_gxt: int | None) -> np.ndarray:
    """Mask of composites that meet the minimum length or grade x length rule.

    ``prefix_sl`` holds prefix sums of selection grade x length (needed for ``min_gxt``);
    when both minimums are given, meeting either keeps the composite.
    """
    if min_length is None and min_gxt is None:
        return np.ones(len(first), dtype=bool)
    mask = np.zeros(len(first), dtype=bool)
    if min_length is not None:
        mask |= (to[last] - frm[first]) >= min_length
    if min_gxt is not None and prefix_sl is not None:
        mask |= (prefix_sl[last + 1] - prefix_sl[first]) >= min_gxt
    return mask


def scaled_ceiling(value: Fraction, scale: Fraction) -> int:
    """The least integer ``k`` with ``k x scale >= value`` (exact thresholds)."""
    return ceil(value / scale)
