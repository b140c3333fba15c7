"""The same rules as :mod:`assay.explore.composite`, as a plain loop over intervals.

Written for clarity, not speed: it is the reference the tests compare the vectorised code
against, and the baseline the benchmark times. Inputs are Python sequences of scaled
integers sorted by hole and depth; output is a list of (first, last) interval indices.
"""

from __future__ import annotations

from collections.abc import Sequence


def reference_bounds(hole: Sequence[int], frm: Sequence[int], to: Sequence[int],
                     s: Sequence[int], valid: Sequence[bool], cutoff: int, max_waste: int,
                     min_length: int | None = None, min_gxt: int | None = None,
                     segment: Sequence[int] | None = None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None  # [first, last, excess]
    run: list[int] | None = None  # the ore run being read after waste: [first, last, excess]
    waste = 0  # contiguous waste length since the current composite's last ore
    waste_excess = 0

    def close_run() -> None:
        nonlocal cur, run
        if run is None:
            return
        if cur is None:
            cur = run
        elif waste <= max_waste and cur[2] + waste_excess + run[2] >= 0:
            cur = [cur[0], run[1], cur[2] + waste_excess + run[2]]
        else:
            out.append((cur[0], cur[1]))
            cur = run
        run = None

    def close_all() -> None:
        nonlocal cur
        close_run()
        if cur is not None:
            out.append((cur[0], cur[1]))
        cur = None

    for i in range(len(s)):
        linked = (i > 0 and hole[i] == hole[i - 1] and frm[i] == to[i - 1] and valid[i]
                  and valid[i - 1] and (segment is None or segment[i] == segment[i - 1]))
        if not linked:
            close_all()
            waste, waste_excess = 0, 0
        if not valid[i]:
            continue
        a = (s[i] - cutoff) * (to[i] - frm[i])
        if s[i] >= cutoff:
            run = [i, i, a] if run is None else [run[0], i, run[2] + a]
        else:
            if run is not None:
                close_run()
                waste, waste_excess = 0, 0
            if cur is not None:
                waste += to[i] - frm[i]
                waste_excess += a
    close_all()

    kept = []
    for f, t in out:
        length = to[t] - frm[f]
        ok = min_length is None and min_gxt is None
        if min_length is not None and length >= min_length:
            ok = True
        if min_gxt is not None:
            gxt = sum(s[i] * (to[i] - frm[i]) for i in range(f, t + 1))
            ok = ok or gxt >= min_gxt
        if ok:
            kept.append((f, t))
    return kept
