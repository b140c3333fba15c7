"""Derived figures: numbers the document computes from other numbers it prints.

- per ounce: a reconciliation's cost per ounce = its total cash costs / its ounces (the
  ounces printed in thousands while the cost per ounce is in dollars);
- units to segment, segments to company: each reconciliation line of a segment is the sum
  of the same line of its operating units, and the all-operations line the sum over the
  segments;
- production totals: the highlights' production of each metal = the sum over the
  operating units in the production data;
- weighted average cost per ounce: the highlights' silver cost per ounce = Σ (unit cost per
  ounce × unit ounces) / Σ unit ounces;
- unit conversions: grams per tonne = ounces per short ton × 240/7 exactly; a document
  may have used a rounded factor, which is inferred from its own rows, used, and named.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from functools import cache

from assay.model import Fact, Interval, Row, Table, round_to
from assay.model.findings import (
    Finding,
    Operand,
    Status,
    Text,
    fact_interval,
    new_interval,
    rounded,
    written,
)
from assay.model.units import G_PER_T, GPT_PER_OPT, OZ_PER_TON

from .check import (
    Approx,
    classify_derived,
    finding,
    fmt,
    fmt_fact,
    may_be_zero,
    not_checkable,
    plus_finding,
    zero_divisor,
)
from .index import (
    HIGHLIGHTS,
    INTERCEPTS,
    PER_OUNCE,
    PRODUCTION,
    RECONCILIATION,
    FactIndex,
    _title_has,
    scope,
    table_instance,
)

ADDITIVE_UNITS = frozenset({"USD", "oz", "ton", "lb", "shares"})
_MARKER = re.compile(r"\(\d\)")


def _norm(label: str) -> str:
    return " ".join(_MARKER.sub("", label).lower().replace(",", " ").split())


def _row_key(row: Row, fact: Fact) -> tuple[str, str]:
    part = "recon" if (row.group and "reconciliation" in row.group.lower()) else "top"
    return part, fact.concept or _norm(row.label)


def _name(sec: _Section) -> str:
    if sec.unit:
        return sec.unit
    if sec.segment:
        return f"{sec.segment} operations"
    return "all operations"


class _Section:
    """One section of the reconciliation: a scope and its rows' facts by key and column."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.scope: str | None = None
        self.segment: str | None = None
        self.unit: str | None = None
        self.cells: dict[tuple[str, str], dict[int, Fact]] = defaultdict(dict)
        self.order: list[tuple[str, str]] = []


def _sections(table: Table, idx: FactIndex) -> list[_Section]:
    key = ("sections", table.index)
    hit = idx.memo.get(key)
    if hit is None:
        hit = idx.memo[key] = _find_sections(table, idx)
    return hit  # type: ignore[return-value]


def _find_sections(table: Table, idx: FactIndex) -> list[_Section]:
    out: dict[str, _Section] = {}
    get = idx.by_id.get  # (a missing id, None among them, gives None, as idx.get does)
    for row in table.rows:
        if row.heading:
            continue
        # _row_key(row, f), its row's part worked out once per row
        part = "recon" if (row.group and "reconciliation" in row.group.lower()) else "top"
        label_key = None
        for c, fid in enumerate(row.fact_ids):
            f = get(fid)
            if f is None:
                continue
            name = row.section or ""
            sec = out.get(name)
            if sec is None:
                sec = out[name] = _Section(name)
            if sec.scope is None and not sec.cells:
                sec.scope, sec.segment, sec.unit = scope(f), f.entity.segment, f.entity.unit
            if sec.segment is None and sec.unit and f.concept == "ounces_produced" and f.metal:
                sec.segment = f.metal  # a unit belongs to the segment of the metal it costs
            concept = f.concept
            if not concept and label_key is None:
                label_key = _norm(row.label)
            key = (part, concept or label_key)
            if key not in sec.cells:
                sec.order.append(key)
            sec.cells[key].setdefault(c, f)
    return list(out.values())


def per_ounce(idx: FactIndex) -> list[Finding]:
    out = []
    for table in idx.tables(RECONCILIATION):
        for sec in _sections(table, idx):
            per = sec.cells.get(("top", "total_cash_cost_per_oz"), {})
            costs = sec.cells.get(("top", "total_cash_costs"), {})
            ounces = sec.cells.get(("top", "ounces_produced"), {})
            name = _name(sec)  # (a string: the words are written later, from fixed values)
            for c, rep in per.items():
                what = (_per_ounce_what, name, rep)
                cost, oz = costs.get(c), ounces.get(c)
                if cost is None or oz is None:
                    out.append(not_checkable("derived.per_ounce", what, [("reported", rep)],
                                             "total cash costs" if cost is None else "ounces"))
                    continue
                den = Approx.of(oz)
                zero = zero_divisor(f"ounces produced ({oz.printed or fmt_fact(oz)} on "
                                    f"line {_line(oz)})", den) if may_be_zero(den) else None
                if zero:
                    out.append(not_checkable("derived.per_ounce", what, [
                        ("reported", rep), ("numerator", cost), ("denominator", oz)],
                        reason=zero))
                    continue
                computed = Approx.of(cost) / den
                status = classify_derived(fact_interval(rep), rep.value, rep.decimals, computed)
                out.append(finding(
                    "derived.per_ounce", rep, [("numerator", cost), ("denominator", oz)],
                    computed, status, what, _per_ounce_text(cost, oz), extra_places=2))
    return out


def _per_ounce_what(name: str, rep: Fact) -> str:
    period = rep.period.key if rep.period else "?"
    return f"Reconciliation, {name}: cost per ounce ({period}) = total cash costs / ounces"


def _line(f: Fact) -> int | str:
    return f.source.line if f.source else "?"


def _per_ounce_text(cost: Fact, oz: Fact) -> Text:
    return (_per_ounce_words, cost, oz)


def _per_ounce_words(cost: Fact, oz: Fact) -> str:
    return f"{fmt_fact(cost)} thousand USD / {fmt_fact(oz)} thousand oz"


def segment_sums(idx: FactIndex) -> list[Finding]:
    out = []
    for table in idx.tables(RECONCILIATION):
        sections = _sections(table, idx)
        segments = {s.segment for s in sections if s.segment}
        for whole in sections:
            if whole.unit is None and whole.segment in segments:
                parts = [s for s in sections if s.unit and s.segment == whole.segment]
                level = "units"
            elif whole.unit is None and whole.segment is None and whole.scope is None:
                parts = [s for s in sections if s.unit is None and s.segment in segments]
                level = "segments"
            else:
                continue
            if not parts:
                continue
            out.extend(_sum_sections(whole, parts, level))
    return out


def _sum_sections(whole: _Section, parts: list[_Section], level: str) -> list[Finding]:
    out = []
    for key in whole.order:
        for c, tot in whole.cells[key].items():
            if tot.unit not in ADDITIVE_UNITS:
                continue
            terms, absent = [], []
            for p in parts:
                f = p.cells.get(key, {}).get(c)
                if f is None and level == "segments" and key[0] == "top":
                    f = p.cells.get(("recon", key[1]), {}).get(c)
                if f is None:
                    absent.append(_name(p))
                else:
                    terms.append(f)
            if not terms:
                continue
            if len(terms) == 1 and not absent:
                continue
            notes = tuple(f"not printed for {a}: taken as nil" for a in absent)
            rule = "derived.unit_sum" if level == "units" else "derived.segment_sum"
            out.append(plus_finding(rule, _sum_what(whole, parts, tot), tot, terms, notes))
    return out


def _sum_what(whole: _Section, parts: list[_Section], tot: Fact) -> Text:
    return (_sum_words, whole, parts, tot)


def _sum_words(whole: _Section, parts: list[_Section], tot: Fact) -> str:
    period = tot.period.key if tot.period else "?"
    names = " + ".join(_name(p) for p in parts)
    return f"Reconciliation, {_name(whole)}: {tot.label} ({period}) = {names}"


def production_totals(idx: FactIndex) -> list[Finding]:
    out = []
    for tot in idx.find("metal_produced", table=HIGHLIGHTS):
        if tot.period is None or tot.entity.unit:
            continue
        parts = [f for f in idx.nearest(_line(tot), "metal_produced", table=PRODUCTION,
                                        period=tot.period.key, metal=tot.metal)
                 if f.entity.unit]
        if not parts:
            out.append(not_checkable("derived.production_total", _production_what(tot),
                                     [("reported", tot)],
                                     f"{tot.metal} produced by operating unit"))
            continue
        out.append(plus_finding("derived.production_total",
                                (_production_units_what, tot, parts), tot, parts))
    return out


def _line(fact: Fact) -> int | None:
    return fact.source.line if fact.source else None


def _production_what(tot: Fact) -> str:
    return (f"Highlights: {tot.metal} produced ({tot.period.key}) = "  # type: ignore[union-attr]
            f"sum over operating units")


def _production_units_what(tot: Fact, parts: list[Fact]) -> str:
    units = ", ".join(f.entity.unit or "?" for f in parts)
    return f"{_production_what(tot)} ({units})"


def weighted_costs(idx: FactIndex) -> list[Finding]:
    out = []
    for concept in sorted(PER_OUNCE):
        for rep in idx.find(concept, table=HIGHLIGHTS):
            if rep.period is None or rep.entity.unit:
                continue
            p, metal = rep.period.key, rep.metal
            costs = [f for f in idx.nearest(_line(rep), concept, table=PRODUCTION, period=p)
                     if f.entity.unit and f.metal == metal]
            if len(costs) < 2:
                continue  # one unit: a tie-out, not an average
            pairs = []
            for cst in costs:  # each unit's ounces, from the printing of its cost
                ounces = [f for f in idx.nearest(_line(cst), "metal_produced",
                                                 table=PRODUCTION, period=p,
                                                 where=cst.entity.unit, metal=metal)
                          if table_instance(f) == table_instance(cst)]
                pairs.append((cst, ounces[0] if ounces else None))
            what = (_weighted_what, rep, metal, p)
            missing = [c.entity.unit for c, oz in pairs if oz is None]
            if missing:
                out.append(not_checkable("derived.weighted_cost", what, [("reported", rep)],
                                         f"{metal} produced at {missing[0]}"))
                continue
            num, den = _weighted_sums(pairs)  # type: ignore[arg-type]
            ops: list[tuple[str, Fact]] = []
            for cst, oz in pairs:
                ops += [("weight", oz), ("cost", cst)]  # type: ignore[list-item]
            zero = zero_divisor(f"the units' {metal} ounces produced ({p})", den) \
                if may_be_zero(den) else None
            if zero:
                out.append(not_checkable("derived.weighted_cost", what,
                                         [("reported", rep), *ops], reason=zero))
                continue
            computed = num / den
            status = classify_derived(fact_interval(rep), rep.value, rep.decimals, computed)
            out.append(finding("derived.weighted_cost", rep, ops, computed, status, what,
                               _weighted_text(pairs), extra_places=2))
    return out


def _weighted_what(rep: Fact, metal: str | None, p: str) -> str:
    return f"Highlights: {rep.label} per ounce of {metal} ({p}) = weighted average of units"


def _weighted_sums(pairs: list[tuple[Fact, Fact]]) -> tuple[Approx, Approx]:
    """(Σ cost × ounces, Σ ounces) as :class:`Approx` values: what adding
    ``Approx.of(cost) * Approx.of(oz)`` and ``Approx.of(oz)`` to ``Approx.exact(0)`` gives
    (the same Decimal operations in the same order), without an object per step."""
    nm = nl = nh = dm = dl = dh = Decimal(0)
    for cst, oz in pairs:
        c, o = fact_interval(cst), fact_interval(oz)
        products = [x * y for x in (c.lo, c.hi) for y in (o.lo, o.hi)]
        nm, nl, nh = nm + cst.value * oz.value, nl + min(products), nh + max(products)
        dm, dl, dh = dm + oz.value, dl + o.lo, dh + o.hi
    return Approx(nm, new_interval(nl, nh)), Approx(dm, new_interval(dl, dh))


def _weighted_text(pairs: list[tuple[Fact, Fact | None]]) -> Text:
    return (_weighted_words, pairs)


def _weighted_words(pairs: list[tuple[Fact, Fact | None]]) -> str:
    text_num = [f"{fmt_fact(cst)} x {fmt_fact(oz)}" for cst, oz in pairs if oz is not None]
    text_den = [fmt_fact(oz) for _, oz in pairs if oz is not None]
    return f"({' + '.join(text_num)}) / ({' + '.join(text_den)})"


# --- unit conversions ---------------------------------------------------------------

EXACT = Fraction(GPT_PER_OPT)


@cache
def _candidates() -> list[tuple[str, Decimal | None]]:
    """The exact factor and the roundings of it a document may have used (constants)."""
    exact_dec = Decimal(EXACT.numerator) / Decimal(EXACT.denominator)
    out: list[tuple[str, Decimal | None]] = [("240/7", None)]
    for places in (2, 3, 4):
        for v in (round_to(exact_dec, places), exact_dec.quantize(Decimal(1).scaleb(-places),
                                                                  rounding="ROUND_DOWN")):
            if all(v != c for _, c in out):
                out.append((str(v), v))
    return out


#: 240/7's terms as Decimals (an int operand is made a Decimal, exactly, at every use)
_DEN, _NUM = Decimal(EXACT.denominator), Decimal(EXACT.numerator)


def opt_interval(gpt: Interval, factor: Decimal | None) -> Interval:
    if factor is None:
        return new_interval(gpt.lo * _DEN / _NUM, gpt.hi * _DEN / _NUM)
    return new_interval(gpt.lo / factor, gpt.hi / factor)


def opt_value(gpt: Decimal, factor: Decimal | None) -> Decimal:
    if factor is None:
        return gpt * _DEN / _NUM
    return gpt / factor


def conversion_fits(gpt: Interval, opt: Interval, factor: Decimal | None) -> bool:
    """``opt_interval(gpt, factor).meets(opt)``, without making the interval."""
    if factor is None:
        return opt_interval(gpt, factor).meets(opt)
    return gpt.lo / factor <= opt.hi and opt.lo <= gpt.hi / factor


def evident_factor(pairs: list[tuple[Interval, Interval]]) -> tuple[str, Decimal | None, int]:
    """The factor that fits the most pairs; the exact one wins ties. (name, factor, fits)."""
    best = ("240/7", None, -1)
    for name, factor in _candidates():
        fits = sum(conversion_fits(g, o, factor) for g, o in pairs)
        if fits > best[2]:
            best = (name, factor, fits)
    return best


def check_conversion(rule: str, what: Text, gpt_op: Operand, opt_op: Operand,
                     evident: tuple[str, Decimal | None, int], total: int,
                     gpt: Fact | None = None, opt: Fact | None = None) -> Finding:
    """Check opt = g/t ÷ factor; exact first, then the document's evident factor.

    ``gpt`` and ``opt``: the facts the operands were taken from, if they were (their
    values and intervals are then read from the facts, not through the operands, which
    read the facts only when a report asks)."""
    name, factor, fits = evident
    if gpt is None or opt is None:
        g_iv, g_value, o_iv, o_value = (gpt_op.interval, gpt_op.value, opt_op.interval,
                                        opt_op.value)
    else:
        g_iv, g_value, o_iv, o_value = fact_interval(gpt), gpt.value, fact_interval(opt), \
            opt.value
    exact_iv = opt_interval(g_iv, None)
    exact_mid = opt_value(g_value, None)
    places = max(0, -o_value.as_tuple().exponent)  # type: ignore[operator]
    ok_exact = rounded(exact_mid, places) == o_value
    notes: list[str] = []
    if ok_exact:
        status, used, mid, iv = Status.OK, "240/7", exact_mid, exact_iv
    elif exact_iv.meets(o_iv):
        status, used, mid, iv = Status.ROUNDING, "240/7", exact_mid, exact_iv
    elif factor is not None and conversion_fits(g_iv, o_iv, factor):
        mid, iv = opt_value(g_value, factor), opt_interval(g_iv, factor)
        status, used = Status.ROUNDING, name
        notes.append(f"holds only with the rounded factor {name} g/t per oz/ton that the "
                     f"document evidently used (it fits {fits} of {total} conversions); "
                     f"with 240/7 exactly: {fmt(exact_mid, places + 2)}")
    else:
        status, used, mid, iv = Status.MISMATCH, "240/7", exact_mid, exact_iv
        if factor is not None:
            notes.append(f"also fails with the document's evident factor {name}: "
                         f"{fmt(opt_value(g_value, factor), places + 2)}")
    arith = (_conversion_arithmetic, gpt_op, used, mid, places)
    return Finding(rule, status, (_conversion_message, what, arith, status, mid, places, opt_op),
                   (opt_op, gpt_op), o_value, mid, iv, (iv, o_iv),
                   iv.gap(o_iv) if status is Status.MISMATCH else Decimal(0),
                   OZ_PER_TON, arith, None, tuple(notes))


def _conversion_arithmetic(gpt_op: Operand, used: str, mid: Decimal, places: int) -> str:
    return f"{gpt_op.printed} g/t / {used} = {fmt(mid, places + 2)} oz/ton"


def _conversion_message(what: Text, arith: Text, status: Status, mid: Decimal, places: int,
                        opt_op: Operand) -> str:
    """A conversion's message; ``arith`` writes the finding's arithmetic (the same words)."""
    arithmetic = written(arith)
    what = written(what)
    if status is Status.MISMATCH:
        return (f"{what}: {arithmetic}, printed {opt_op.printed}; off by "
                f"{fmt(abs(mid - opt_op.value), places + 2)} oz/ton beyond rounding")
    if status is Status.ROUNDING:
        return f"{what}: {arithmetic}, printed {opt_op.printed}; within rounding"
    return f"{what}: {arithmetic}, as printed ({opt_op.printed})"


def grade_pairs(idx: FactIndex) -> list[tuple[Fact, Fact]]:
    """(g/t, oz/ton) fact pairs of the same intercept and metal."""
    hit = idx.memo.get("grade_pairs")
    if hit is None:
        hit = idx.memo["grade_pairs"] = _grade_pairs(idx)
    return hit  # type: ignore[return-value]


def _grade_pairs(idx: FactIndex) -> list[tuple[Fact, Fact]]:
    by: dict[tuple[object, ...], dict[str, Fact]] = defaultdict(dict)
    for f in idx.doc.facts:
        if f.unit in (G_PER_T, OZ_PER_TON) and f.table and _title_has(f.table, INTERCEPTS):
            by[(f.row, f.metal)][f.unit] = f
    return [(d[G_PER_T], d[OZ_PER_TON]) for d in by.values() if len(d) == 2]


def conversions(idx: FactIndex) -> tuple[list[Finding], tuple[str, Decimal | None, int]]:
    """The intercept table's conversions checked, and the factor the document evidently
    used (worked out once per index)."""
    hit = idx.memo.get("conversions")
    if hit is None:
        hit = idx.memo["conversions"] = _conversions(idx)
    return hit  # type: ignore[return-value]


def _conversions(idx: FactIndex) -> tuple[list[Finding], tuple[str, Decimal | None, int]]:
    pairs = grade_pairs(idx)
    evident = evident_factor([(fact_interval(g), fact_interval(o)) for g, o in pairs])
    out = []
    for g, o in pairs:
        out.append(check_conversion("derived.conversion", (_intercept_what, g),
                                    Operand.of(g, "g/t"),
                                    Operand.of(o, "reported"), evident, len(pairs), g, o))
    return out, evident


def _intercept_what(g: Fact) -> str:
    hole = g.dim("hole") or "?"
    vein = g.dim("vein") or ""
    return f"Intercepts: {vein} {hole} {g.metal} grade".replace("  ", " ")


def derived(idx: FactIndex) -> list[Finding]:
    conv, _ = conversions(idx)
    return [*per_ounce(idx), *segment_sums(idx), *production_totals(idx),
            *weighted_costs(idx), *conv]
