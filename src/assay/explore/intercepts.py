"""Intercepts as reported: exact composites with their rules and provenance.

Choice of numbers: :mod:`assay.explore.composite` finds intercepts on scaled integers
(exact, vectorised). For each intercept reported, length and metal (grade x length) are
rebuilt from those integers as exact ``Decimal`` (a sum of products of decimals is a
decimal), and the composite grade is the exact ``Fraction`` metal / length. So
``grade x length == sum(assay grade x assay length)`` holds exactly, for uncut and cut
grades alike, and rounding happens once, at print time, half away from zero
(:func:`rounded`). Ounces per ton are computed from the exact composite with the exact
factor 7/240 (so 6,120.8 g/t prints as 178.52 oz/ton, not the 178.55 of a rounded 34.28).

Selection is on uncut grades; top-cuts change only the reported cut grades.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import floor, lcm

import numpy as np

from assay.errors import InputError, InputErrors
from assay.model import round_to
from assay.model.units import GPT_PER_OPT, METRES_PER_FOOT

from .composite import INT64_SAFE, composite, excess_prefix, keep, scaled_ceiling
from .desurvey import desurvey
from .drillholes import DrillData, GradeArray
from .geometry import pole, true_width
from .rules import Cutoff, Rules, include_not_above, ratio_problem


def rounded(value: Fraction | Decimal, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals by :func:`assay.model.round_to` (half away
    from zero). A Fraction is first cut toward zero to ``places + 1`` decimals, exactly:
    the digit kept decides the half-up rounding just as the whole tail would (the tail
    after it is below one unit of that digit), so the result is the exact rounding."""
    if isinstance(value, Fraction):
        shift = 10 ** (places + 1)
        n = abs(value.numerator) * shift // value.denominator
        value = Decimal(-n if value < 0 else n).scaleb(-(places + 1))
    out = round_to(value, places)
    return out if out else abs(out)  # no "-0.00"


def opt_from(gpt: Fraction) -> Fraction:
    """Troy ounces per short ton from grams per tonne: x 7/240 exactly."""
    return gpt / GPT_PER_OPT


@dataclass(frozen=True, slots=True)
class Composite:
    """One element's composite over an intercept: exact grade and metal, cut and uncut."""

    element: str
    unit: str
    grade: Fraction | None  # None when an interval inside has no value for the element
    metal: Decimal | None  # sum of grade x length (unit x m), exact
    cut_grade: Fraction | None = None
    cut_metal: Decimal | None = None
    top_cut: Decimal | None = None

    @property
    def opt(self) -> Fraction | None:
        return None if self.grade is None or self.unit != "g/t" else opt_from(self.grade)


@dataclass(frozen=True, slots=True)
class Intercept:
    id: str
    hole: str
    vein: str
    frm: Decimal  # metres down the hole
    to: Decimal
    length: Decimal  # metres, exact: to - frm
    grades: dict[str, Composite]
    selection: Fraction  # composite grade of the cut-off variable
    cutoff: Cutoff
    equivalent: Fraction | None = None  # metal-equivalent grade, base metal units
    true_width: Decimal | None = None
    width_basis: str = "down-hole length"
    source: str = "assays.csv"
    rows: tuple[int, ...] = ()  # file lines of the assay intervals composited
    parent: str | None = None
    includes: tuple[Intercept, ...] = ()

    def length_in(self, unit: str) -> Fraction:
        return Fraction(self.length) if unit == "m" else Fraction(self.length) / Fraction(
            METRES_PER_FOOT)

    @property
    def gxt(self) -> Fraction:
        return self.selection * Fraction(self.length)


@dataclass(slots=True)
class Result:
    """Intercepts found under ``rules`` in ``data``."""

    intercepts: list[Intercept]
    rules: Rules
    data: DrillData
    units: dict[str, str]
    elements: list[str]
    equivalent_base: str | None = None
    factors: dict[str, Fraction] = field(default_factory=dict)

    def all(self) -> list[Intercept]:
        out = []
        for ic in self.intercepts:
            out.append(ic)
            out.extend(ic.includes)
        return out


@dataclass(slots=True)
class Selection:
    values: np.ndarray
    valid: np.ndarray
    cutoff: int
    scale: Fraction  # real grade = value * scale


def selection(data: DrillData, cut: Cutoff, factors: dict[str, Fraction] | None = None
              ) -> Selection:
    """Selection grades on one exact integer scale (an element, or a metal equivalent in
    units of ``cut.element``), with the cut-off converted exactly to the column's unit."""
    if cut.equivalent and not factors:
        raise InputError("--cutoff", f"{cut.name} needs prices: --price {cut.element}=USD "
                         "and one per other metal")
    if cut.element not in data.grades:
        raise InputError("--cutoff", f"no {cut.element} column in {data.assay_file} "
                         f"(columns: {', '.join(data.grades)})")
    if cut.equivalent:
        terms = {e: f / 10 ** data.grades[e].decimals for e, f in factors.items()}
    else:
        terms = {cut.element: Fraction(1, 10 ** data.grades[cut.element].decimals)}
    threshold = cut.threshold(data.grades[cut.element].unit)
    k = threshold.denominator
    for t in terms.values():
        k = lcm(k, t.denominator)
    coef = {e: int(t * k) for e, t in terms.items()}
    n = data.n
    bound = sum(abs(c) * _absmax(data.grades[e].values) for e, c in coef.items())
    big = bound >= INT64_SAFE or any(data.grades[e].values.dtype == object for e in coef)
    s = np.zeros(n, dtype=object if big else np.int64)
    valid = np.ones(n, dtype=bool)
    for e, c in coef.items():
        g = data.grades[e]
        s = s + (g.values.astype(object) * c if big else g.values * np.int64(c))
        valid &= g.present
    return Selection(s, valid, int(threshold * k), Fraction(1, k))


def _absmax(a: np.ndarray) -> int:
    return max(abs(int(a.max())), abs(int(a.min()))) if len(a) else 0


def _depth_int(value: Decimal, decimals: int, up: bool) -> int:
    x = Fraction(value) * 10 ** decimals
    return scaled_ceiling(x, Fraction(1)) if up else floor(x)


def bounds(data: DrillData, rules: Rules, sel: Selection, cut: Cutoff,
           segment: np.ndarray | None = None, valid: np.ndarray | None = None
           ) -> tuple[np.ndarray, np.ndarray]:
    """First/last interval index of every intercept meeting the rules (vectorised)."""
    d = data.depth_decimals
    first, last = composite(data.hole, data.frm, data.to, sel.values,
                            sel.valid if valid is None else valid, sel.cutoff,
                            _depth_int(rules.max_waste, d, up=False), segment)
    min_len = None if rules.min_length is None else _depth_int(rules.min_length, d, up=True)
    min_gxt = prefix = None
    if rules.min_gxt is not None:
        min_gxt = scaled_ceiling(Fraction(rules.min_gxt), sel.scale / 10 ** d)
        prefix = excess_prefix(sel.values, sel.valid, 0, data.to - data.frm)
    mask = keep(first, last, data.frm, data.to, prefix, min_len, min_gxt)
    return first[mask], last[mask]


def check_rules(data: DrillData, rules: Rules) -> list[InputError]:
    """Every way ``rules`` do not fit the columns of ``data``, in one list."""
    problems = []
    cols = f"(columns: {', '.join(data.grades)})"
    cuts = [("--cutoff", rules.cutoff)]
    if rules.include is not None:
        cuts.append(("--include", rules.include))
    for option, cut in cuts:
        if cut.element not in data.grades:
            problems.append(InputError(option, f"no {cut.element} column in "
                                       f"{data.assay_file} {cols}"))
        elif cut.equivalent and cut.element not in rules.prices:
            problems.append(InputError(option, f"{cut.name} needs a price for "
                                       f"{cut.element}: --price {cut.element}=USD"))
    eqs = {c.element for _, c in cuts if c.equivalent}
    if len(eqs) > 1:
        problems.append(InputError("--include", f"equivalents on two base metals "
                                   f"({', '.join(sorted(eqs))}): use one"))
    for option, names in (("--top-cut", rules.top_cuts), ("--price", rules.prices)):
        missing = [e for e in names if e not in data.grades]
        if missing:
            problems.append(InputError(option, f"no {', '.join(missing)} column in "
                                       f"{data.assay_file} {cols}"))
    inc = rules.include
    if inc is not None and rules.cutoff.element in data.grades and include_not_above(
            rules.cutoff, inc, data.grades[rules.cutoff.element].unit):
        problems.append(InputError("--include", f"'{inc}' is not above the cut-off "
                                   f"'{rules.cutoff}'"))
    if (bad_ratio := ratio_problem(rules.true_width_ratio)) is not None:
        problems.append(bad_ratio)
    if rules.vein_orientations:
        veins = {c.vein for c in data.collars.values() if c.vein}
        if data.vein is not None:
            veins |= {v for v in set(data.vein.tolist()) if v}
        for name in sorted(set(rules.vein_orientations) - veins):
            shown = ", ".join(sorted(veins)) or "none named in the vein columns"
            problems.append(InputError("--vein-orientation", f"no vein {name!r}; veins: "
                                       f"{shown}"))
    return problems


def find_intercepts(data: DrillData, rules: Rules) -> Result:
    """Every intercept (with its "including" sub-intervals) in ``data`` under ``rules``."""
    problems = check_rules(data, rules)
    if problems:
        raise InputErrors(problems)
    units = {e: g.unit for e, g in data.grades.items()}
    base = None
    factors: dict[str, Fraction] = {}
    if rules.prices:
        cuts = [c for c in (rules.cutoff, rules.include) if c is not None and c.equivalent]
        base = cuts[0].element if cuts else (
            rules.cutoff.element if rules.cutoff.element in rules.prices
            else sorted(rules.prices)[0])
        factors = rules.equivalent_factors(units, base)
    sel = selection(data, rules.cutoff, factors)
    first, last = bounds(data, rules, sel, rules.cutoff)

    inc_first = inc_last = np.zeros(0, dtype=np.int64)
    inc_sel = None
    if rules.include is not None and len(first):
        inc_sel = selection(data, rules.include, factors)
        segment = np.full(data.n, -1, dtype=np.int64)
        ids = np.repeat(np.arange(len(first)), last - first + 1)
        idx = np.concatenate([np.arange(f, t + 1) for f, t in zip(first, last, strict=True)])
        segment[idx] = ids
        inc_first, inc_last = bounds(data, rules, inc_sel, rules.include, segment,
                                     inc_sel.valid & (segment >= 0))
        parent = segment[inc_first]
        whole = (first[parent] == inc_first) & (last[parent] == inc_last)
        inc_first, inc_last = inc_first[~whole], inc_last[~whole]

    builder = _Builder(data, rules, units, factors)
    parents = builder.build(first, last, sel, rules.cutoff)
    if inc_sel is not None and len(inc_first):
        children = builder.build(inc_first, inc_last, inc_sel, rules.include)
        by_parent: dict[int, list[Intercept]] = {}
        pos = np.searchsorted(first, inc_first, side="right") - 1
        for p, child in zip(pos, children, strict=True):
            by_parent.setdefault(int(p), []).append(child)
        for p, kids in by_parent.items():
            par = parents[p]
            kids = [_replace(k, id=f"{par.id}.{j + 1}", parent=par.id)
                    for j, k in enumerate(kids)]
            parents[p] = _replace(par, includes=tuple(kids))
    return Result(parents, rules, data, units, list(data.grades), base, factors)


def _replace(ic: Intercept, **changes) -> Intercept:
    from dataclasses import replace
    return replace(ic, **changes)


class _Builder:
    """Turns index ranges into reported intercepts (one Python step per intercept)."""

    def __init__(self, data: DrillData, rules: Rules, units: dict[str, str],
                 factors: dict[str, Fraction]) -> None:
        self.data, self.rules, self.units, self.factors = data, rules, units, factors
        self.trace = None  # the desurveyed holes, made when a true width needs them
        length = data.to - data.frm
        self.metal = {e: excess_prefix(g.values, g.present, 0, length)
                      for e, g in data.grades.items()}
        self.missing = {e: np.concatenate([[0], np.cumsum(~g.present)])
                        for e, g in data.grades.items()}
        self.cut: dict[str, tuple[np.ndarray, int, Decimal]] = {}
        for e, t in rules.top_cuts.items():
            g = data.grades[e]
            vals, dec = _rescaled_for(g, t)
            cap = int(t.scaleb(dec))
            capped = np.minimum(vals, cap) if vals.dtype != object else np.array(
                [min(int(v), cap) for v in vals], dtype=object)
            self.cut[e] = (excess_prefix(capped, g.present, 0, length), dec, t)

    def build(self, first: np.ndarray, last: np.ndarray, sel: Selection,
              cut: Cutoff) -> list[Intercept]:
        data, d = self.data, self.data.depth_decimals
        length = data.to - data.frm
        sl = excess_prefix(sel.values, sel.valid, 0, length)
        # gather every sum with numpy, then one Python step per intercept
        lens = (data.to[last] - data.frm[first]).tolist()
        s_sum = _diff(sl, first, last)
        sums = {e: (_diff(self.metal[e], first, last),
                    (self.missing[e][last + 1] - self.missing[e][first]).tolist())
                for e in data.grades}
        cuts = {e: _diff(prefix, first, last) for e, (prefix, _, _) in self.cut.items()}
        holes = data.hole[first].tolist()
        frms, tos = data.frm[first].tolist(), data.to[last].tolist()
        lines = data.line.tolist()
        chords = self._chords(first, last)
        rank: Counter[str] = Counter()
        out = []
        for k, (f, t) in enumerate(zip(first.tolist(), last.tolist(), strict=True)):
            hole = data.holes[holes[k]]
            frm = Decimal(frms[k]).scaleb(-d)
            to = Decimal(tos[k]).scaleb(-d)
            len_int = lens[k]
            grades = {}
            for e, g in data.grades.items():
                metal_sums, missing = sums[e]
                if missing[k]:
                    grades[e] = Composite(e, g.unit, None, None)
                    continue
                m_int = metal_sums[k]
                cg = cm = tc = None
                if e in self.cut:
                    _, dec, tc = self.cut[e]
                    c_int = cuts[e][k]
                    cm = Decimal(c_int).scaleb(-(d + dec))
                    cg = Fraction(c_int, len_int * 10 ** dec)
                grades[e] = Composite(e, g.unit, Fraction(m_int, len_int * 10 ** g.decimals),
                                      Decimal(m_int).scaleb(-(d + g.decimals)), cg, cm, tc)
            s_grade = Fraction(s_sum[k] * sel.scale.numerator,
                               len_int * sel.scale.denominator)
            eq = None
            if self.factors and all(grades[e].grade is not None for e in self.factors):
                eq = sum((grades[e].grade * fac for e, fac in self.factors.items()), Fraction(0))
            length_m = Decimal(len_int).scaleb(-d)
            vein = self._vein(hole, f, t)
            tw, basis = self._width(vein, length_m, None if chords is None else chords[k])
            rank[hole] += 1
            out.append(Intercept(
                id=f"{hole}#{rank[hole]}", hole=hole, vein=vein, frm=frm,
                to=to, length=length_m, grades=grades, selection=s_grade, cutoff=cut,
                equivalent=eq, true_width=tw, width_basis=basis, source=data.assay_file,
                rows=tuple(lines[f:t + 1]),
            ))
        return out

    def _vein(self, hole: str, f: int, t: int) -> str:
        data = self.data
        if data.vein is not None:
            weights: Counter[str] = Counter()
            for i in range(f, t + 1):
                if data.vein[i]:
                    weights[data.vein[i]] += int(data.to[i] - data.frm[i])
            if weights:
                return sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        c = data.collars.get(hole)
        return c.vein if c is not None and c.vein else ""

    def _chords(self, first: np.ndarray, last: np.ndarray) -> np.ndarray | None:
        """From each intercept's top to its bottom on the desurveyed hole (east, north,
        up, metres; NaN where the hole has no orientation), or None without a vein
        orientation to measure true widths against."""
        r, data = self.rules, self.data
        if r.true_width_ratio is not None or not (r.vein_orientation or r.vein_orientations):
            return None
        if self.trace is None:
            self.trace = desurvey(data.holes, data.collars, data.surveys, r.desurvey)
        scale = 10.0 ** -data.depth_decimals
        hole = data.hole[first]
        top, _ = self.trace.at(hole, data.frm[first].astype(float) * scale)
        bottom, _ = self.trace.at(hole, data.to[last].astype(float) * scale)
        return bottom - top

    def _width(self, vein: str, length: Decimal,
               chord: np.ndarray | None) -> tuple[Decimal | None, str]:
        r = self.rules
        if r.true_width_ratio is not None:
            return length * r.true_width_ratio, f"true width (ratio {r.true_width_ratio})"
        orientation = r.vein_orientations.get(vein, r.vein_orientation)
        if chord is None or orientation is None:
            why = f" (no orientation for vein {vein!r})" if chord is not None and vein else ""
            return None, "down-hole length" + why
        if np.isnan(chord).any():
            return None, "down-hole length (the hole has no survey or collar orientation)"
        d, dd = orientation
        return true_width(chord, pole(float(d), float(dd))), (
            f"true width (vein {d}/{dd}, {r.desurvey} desurvey)")


def _diff(prefix: np.ndarray, first: np.ndarray, last: np.ndarray) -> list[int]:
    """Sums over [first, last] from prefix sums, as Python integers."""
    return [int(x) for x in (prefix[last + 1] - prefix[first]).tolist()]


def _rescaled_for(g: GradeArray, cap: Decimal) -> tuple[np.ndarray, int]:
    """Grades on a scale fine enough to hold the top-cut value exactly."""
    places = max(0, -int(cap.normalize().as_tuple().exponent))
    if places <= g.decimals:
        return g.values, g.decimals
    k = 10 ** (places - g.decimals)
    vals = g.values.astype(object) * k if _absmax(g.values) * k >= INT64_SAFE else g.values * k
    return vals, places
