"""Properties of intercepts on random holes (hypothesis)."""

from __future__ import annotations

import random
import tempfile
from decimal import Decimal as D
from fractions import Fraction as F
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assay.explore import Cutoff, Rules, find_intercepts, load_folder
from assay.explore.intercepts import bounds, selection
from assay.explore.reference import reference_bounds

# a hole: intervals of 0.1-3.0 m (some after a gap) with Ag 0-300.0 g/t and Au 0-9.99 g/t
interval = st.tuples(st.integers(1, 30), st.integers(0, 3000), st.integers(0, 999),
                     st.sampled_from([0, 0, 0, 0, 5]))
holes = st.lists(st.lists(interval, min_size=1, max_size=25), min_size=1, max_size=4)
rules = st.fixed_dictionaries({
    "cutoff": st.integers(1, 200), "waste": st.integers(0, 40),
    "min_length": st.one_of(st.none(), st.integers(1, 30)),
    "top": st.one_of(st.none(), st.integers(100, 2500)),
})


def csv_text(spec, shuffle_seed: int | None = None) -> tuple[str, str]:
    rows = []
    for h, ivs in enumerate(spec):
        depth = 0
        for length, ag, au, gap in ivs:
            depth += gap
            rows.append(f"H{h},{D(depth) / 10},{D(depth + length) / 10},{D(ag) / 10},"
                        f"{D(au) / 100}")
            depth += length
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(rows)
    collar = "hole_id,x,y,z,depth\n" + "".join(f"H{h},0,0,0,1000\n" for h in range(len(spec)))
    return "hole_id,from,to,Ag,Au\n" + "\n".join(rows) + "\n", collar


def run(spec, r, shuffle_seed=None):
    assays, collar = csv_text(spec, shuffle_seed)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "assays.csv").write_text(assays)
        Path(tmp, "collar.csv").write_text(collar)
        data = load_folder(tmp)
    rule = Rules(Cutoff("Ag", D(r["cutoff"])), D(r["waste"]) / 10,
                 None if r["min_length"] is None else D(r["min_length"]) / 10,
                 include=Cutoff("Ag", D(r["cutoff"] * 3)),
                 top_cuts={} if r["top"] is None else {"Ag": D(r["top"])})
    return data, find_intercepts(data, rule)


def assay_rows(data):
    """file line -> (from, to, Ag, Au) as Decimals, read back from the data."""
    out = {}
    for i in range(data.n):
        out[int(data.line[i])] = (data.depth(data.frm[i]), data.depth(data.to[i]),
                                  data.grades["Ag"].decimal(i), data.grades["Au"].decimal(i))
    return out


common = settings(max_examples=60, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])


@common
@given(holes, rules)
def test_metal_is_conserved_exactly(spec, r):
    data, result = run(spec, r)
    rows = assay_rows(data)
    for ic in result.all():
        pieces = [rows[line] for line in ic.rows]
        assert sum(t - f for f, t, _, _ in pieces) == ic.length
        for k, e in ((2, "Ag"), (3, "Au")):
            metal = sum(p[k] * (p[1] - p[0]) for p in pieces)
            c = ic.grades[e]
            assert c.metal == metal
            assert c.grade * F(ic.length) == F(metal)
        if r["top"] is not None:
            cut = sum(min(p[2], D(r["top"])) * (p[1] - p[0]) for p in pieces)
            assert ic.grades["Ag"].cut_metal == cut


@common
@given(holes, rules)
def test_every_intercept_grades_at_or_above_its_cutoff(spec, r):
    _, result = run(spec, r)
    for ic in result.all():
        assert ic.grades["Ag"].grade >= F(ic.cutoff.value)
        assert ic.selection == ic.grades["Ag"].grade


@common
@given(holes, rules)
def test_every_ore_interval_of_minimum_length_lies_in_an_intercept(spec, r):
    data, result = run(spec, r)
    rows = assay_rows(data)
    inside = {line for ic in result.intercepts for line in ic.rows}
    min_len = D(0) if r["min_length"] is None else D(r["min_length"]) / 10
    for line, (f, t, ag, _) in rows.items():
        if ag >= r["cutoff"] and t - f >= min_len:
            assert line in inside
    for ic in result.intercepts:
        for sub in ic.includes:
            assert set(sub.rows) <= set(ic.rows)


@common
@given(holes, rules, st.integers(0, 10**6))
def test_results_do_not_depend_on_row_order(spec, r, seed):
    _, a = run(spec, r)
    _, b = run(spec, r, shuffle_seed=seed)

    def key(result):
        return [(ic.hole, ic.frm, ic.to, ic.grades["Ag"].grade, ic.grades["Au"].grade,
                 tuple((s.frm, s.to) for s in ic.includes)) for ic in result.intercepts]

    assert key(a) == key(b)


@common
@given(holes, rules)
def test_vectorised_code_agrees_with_the_interval_loop(spec, r):
    data, result = run(spec, r)
    sel = selection(data, result.rules.cutoff)
    first, last = bounds(data, result.rules, sel, result.rules.cutoff)
    d = data.depth_decimals
    ml = None if r["min_length"] is None else F(r["min_length"], 10) * 10**d
    ref = reference_bounds(data.hole.tolist(), data.frm.tolist(), data.to.tolist(),
                           sel.values.tolist(), sel.valid.tolist(), sel.cutoff,
                           F(r["waste"], 10) * 10**d, ml)
    assert list(zip(first.tolist(), last.tolist(), strict=True)) == ref
    assert isinstance(first, np.ndarray)
