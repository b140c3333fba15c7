"""Intercepts as a release prints them: the table, one line of prose each, CSV, Markdown, JSON.

Every figure here is a ``Decimal`` rounded once from the exact composite
(:func:`assay.explore.intercepts.rounded`, half away from zero): lengths to 0.01, silver
to 0.1 g/t, other g/t grades and every oz/ton and % to 0.01. The table follows the seed
release's "Additional Rio Grande Intercepts": grouped by vein, then hole, one row per
intercept, "including" rows beneath their intercept.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from assay.model.units import METRES_PER_FOOT
from assay.write.json_text import dumps

from .intercepts import Intercept, Result, opt_from, rounded
from .rules import Cutoff, metal_name

GPT_PLACES = {"Ag": 1}
DEFAULT_PLACES = 2
_FOOT = Fraction(METRES_PER_FOOT)

Values = dict[str, Decimal | None]


def places(element: str, unit: str) -> int:
    return GPT_PLACES.get(element, DEFAULT_PLACES) if unit == "g/t" else DEFAULT_PLACES


@dataclass(frozen=True, slots=True)
class Col:
    key: str
    header: str
    places: int


def columns(result: Result) -> list[Col]:
    """The numeric columns of the table: length, then per element g/t and oz/ton (or %)."""
    lu = result.rules.length_unit
    cols = [Col("length", f"INTERVAL ({lu})", 2)]
    for e in result.elements:
        u = result.units[e]
        if u == "g/t":
            cols.append(Col(f"{e}_gpt", f"{e} (g/t)", places(e, u)))
            cols.append(Col(f"{e}_opt", f"{e} (opt)", 2))
        else:
            cols.append(Col(f"{e}_pct", f"{e} (%)", 2))
        if e in result.rules.top_cuts:
            cols.append(Col(f"{e}_cut", f"{e} cut", places(e, u)))
    if result.equivalent_base:
        b = result.equivalent_base
        cols.append(Col("eq", f"{b}Eq ({result.units[b]})", places(b, result.units[b])))
    if any(ic.true_width is not None for ic in result.intercepts):
        cols.append(Col("true_width", f"TRUE W ({lu})", 2))
    return cols


def values(ic: Intercept, result: Result) -> Values:
    """Rounded figures of one intercept, keyed as :func:`columns`."""
    lu = result.rules.length_unit
    out: Values = {"length": rounded(ic.length_in(lu), 2)}
    for e in result.elements:
        c = ic.grades[e]
        p = places(e, c.unit)
        if c.unit == "g/t":
            out[f"{e}_gpt"] = None if c.grade is None else rounded(c.grade, p)
            out[f"{e}_opt"] = None if c.grade is None else rounded(opt_from(c.grade), 2)
        else:
            out[f"{e}_pct"] = None if c.grade is None else rounded(c.grade, p)
        if e in result.rules.top_cuts:
            out[f"{e}_cut"] = None if c.cut_grade is None else rounded(c.cut_grade, p)
    if result.equivalent_base:
        b = result.equivalent_base
        out["eq"] = None if ic.equivalent is None else rounded(
            ic.equivalent, places(b, result.units[b]))
    if ic.true_width is not None:
        tw = Fraction(ic.true_width)
        out["true_width"] = rounded(tw if lu == "m" else tw / _FOOT, 2)
    else:
        out["true_width"] = None
    return out


def fmt(value: Decimal | None, comma: bool = True) -> str:
    if value is None:
        return "n/a"
    return f"{value:,}" if comma else f"{value}"


# -- the release table ------------------------------------------------------------------

def valued(result: Result) -> list[tuple[Intercept, Values]]:
    """Intercepts in table order, each "including" after its parent, with their figures
    (rounded once per row, shared by the table, the prose and the files)."""
    return [(x, values(x, result)) for ic in _ordered(result.intercepts)
            for x in (ic, *ic.includes)]


def table(result: Result, title: str = "Drill Intercepts",
          rows: list[tuple[Intercept, Values]] | None = None) -> str:
    cols = columns(result)
    widths = [max(8, len(c.header)) for c in cols]
    widths[0] = max(12, len(cols[0].header))
    vw, hw = 12, 10
    body: list[tuple[str, str, list[str], bool]] = []  # vein, hole, cells, include?
    for x, v in rows if rows is not None else valued(result):
        body.append((x.vein, x.hole, [fmt(v[c.key]) for c in cols], x.parent is not None))
    for _, _, cells, _ in body:
        for i, cell in enumerate(cells):
            widths[i] = max(widths[i], len(cell))
    vw = max([vw] + [len(v) + 1 for v, *_ in body])
    hw = max([hw] + [len(h) for _, h, *_ in body])
    num_rule = " ".join("-" * w for w in widths)
    full = "- " + "-" * (vw + hw - 1) + " " + num_rule
    hole_rule = " " * vw + "-" * hw + " " + num_rule
    row_rule = " " * (vw + hw + 1) + num_rule
    header = f"{'VEIN':^{vw}}{'DRILL HOLE':>{hw}} " + " ".join(
        f"{c.header:>{w}}" for c, w in zip(cols, widths, strict=True))
    total = len(full)
    lines = [f"{title:^{total}}".rstrip(), "- " + "-" * (total - 2), header, full]
    prev_vein = prev_hole = None
    for vein, hole, cells, inc in body:
        if prev_vein is not None:
            if vein != prev_vein:
                lines.append(full)
            elif hole != prev_hole:
                lines.append(hole_rule)
            elif not inc:
                lines.append(row_rule)
        v = vein if vein != prev_vein else ""
        h = hole if (vein, hole) != (prev_vein, prev_hole) else ("incl." if inc else "")
        if inc and (vein, hole) == (prev_vein, prev_hole):
            h = "incl."
        lines.append(f"{v:<{vw}}{h:>{hw}} " + " ".join(
            f"{cell:>{w}}" for cell, w in zip(cells, widths, strict=True)))
        prev_vein, prev_hole = vein, hole
    lines.append(full)
    return "\n".join(lines)


def _ordered(intercepts: list[Intercept]) -> list[Intercept]:
    """Veins in the order of their first hole (as the release lists them), then holes."""
    from .drillholes import natural_key
    first: dict[str, tuple] = {}
    for ic in intercepts:
        key = natural_key(ic.hole)
        if ic.vein not in first or key < first[ic.vein]:
            first[ic.vein] = key
    return sorted(intercepts, key=lambda ic: (ic.vein == "", first[ic.vein], ic.vein,
                                              natural_key(ic.hole), ic.frm))


# -- prose ------------------------------------------------------------------------------

def prose(ic: Intercept, result: Result, v: Values | None = None) -> str:
    """One line as a release would print it, with the exact 240/7 oz/ton factor."""
    lu = result.rules.length_unit
    word = "metres" if lu == "m" else "feet"
    if v is None:
        v = values(ic, result)
    parts = []
    for e in result.elements:
        c = ic.grades[e]
        if c.grade is None:
            continue
        name = metal_name(e)
        if c.unit == "g/t":
            opt = v[e + "_opt"]
            # a grade too small to show at 0.01 oz/ton is below it, not nothing
            shown = "<0.01" if opt == 0 and c.grade > 0 else fmt(opt)
            text = f"{fmt(v[e + '_gpt'])} g/t {name} ({shown} oz/ton {name})"
        else:
            text = f"{fmt(v[e + '_pct'])}% {name}"
        if e in result.rules.top_cuts and c.cut_grade is not None and c.cut_grade != c.grade:
            text += f" [{fmt(v[e + '_cut'])} {c.unit} with {e} cut to {c.top_cut} {c.unit}]"
        parts.append(text)
    grades = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    width = ""
    if ic.true_width is not None:
        width = f" (true width {fmt(v['true_width'])} {word})"
    eq = ""
    if result.equivalent_base and v.get("eq") is not None:
        b = result.equivalent_base
        eq = f"; {fmt(v['eq'])} {result.units[b]} {b}Eq"
    where = (f"from {_depth(ic.frm, lu)} to {_depth(ic.to, lu)} {lu}"
             f"{'' if ic.true_width is not None else ', down-hole length'}")
    text = (f"{fmt(v['length'])} {word}{width} grading {grades}{eq}, {where}")
    if ic.parent:
        return f"    including {text}"
    label = f"{ic.hole} ({ic.vein} vein)" if ic.vein else ic.hole
    return f"{label}: {text}"


def _depth(value: Decimal, unit: str) -> str:
    f = Fraction(value) if unit == "m" else Fraction(value) / _FOOT
    return fmt(rounded(f, 2))


def prose_lines(result: Result, rows: list[tuple[Intercept, Values]] | None = None
                ) -> list[str]:
    return [prose(x, result, v) for x, v in (rows if rows is not None else valued(result))]


def text_report(result: Result, title: str) -> str:
    rows = valued(result)
    parts = [table(result, title, rows), ""]
    parts += prose_lines(result, rows) or ["No intercept meets the rules."]
    parts += ["", "Rules:"] + [f"  {r}" for r in result.rules.describe(result.units)]
    return "\n".join(parts) + "\n"


# -- CSV, Markdown, JSON ----------------------------------------------------------------

def records(result: Result) -> list[dict[str, str]]:
    """Flat rows for CSV: every intercept and include, rounded figures plus exact metal."""
    cols = columns(result)
    out = []
    lu = result.rules.length_unit
    for x, v in valued(result):
        row = {"id": x.id, "parent": x.parent or "", "vein": x.vein, "hole": x.hole,
               f"from_{lu}": _depth(x.frm, lu).replace(",", ""),
               f"to_{lu}": _depth(x.to, lu).replace(",", "")}
        for c in cols:
            row[c.key if c.key != "length" else f"length_{lu}"] = (
                "" if v[c.key] is None else str(v[c.key]))
        for e in result.elements:
            m = x.grades[e].metal
            row[f"{e}_metal"] = "" if m is None else str(m)
        row["width_basis"] = x.width_basis
        row["cutoff"] = str(x.cutoff)
        row["source"] = x.source
        row["rows"] = " ".join(str(r) for r in x.rows)
        out.append(row)
    return out


def to_csv(result: Result) -> str:
    rows = records(result)
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return buf.getvalue()


def to_markdown(result: Result, title: str) -> str:
    cols = columns(result)
    lines = [f"## {title}", "", "| Vein | Drill hole | " +
             " | ".join(c.header for c in cols) + " |",
             "|---|---|" + "---:|" * len(cols)]
    rows = valued(result)
    for x, v in rows:
        hole = f"{x.hole} incl." if x.parent else x.hole
        lines.append(f"| {x.vein} | {hole} | " +
                     " | ".join(fmt(v[c.key]) for c in cols) + " |")
    lines += [""] + [f"- {p.strip()}" for p in prose_lines(result, rows)]
    lines += ["", "Rules:", ""] + [f"- {r}" for r in result.rules.describe(result.units)]
    return "\n".join(lines) + "\n"


def _exact(f: Fraction | None) -> str | None:
    return None if f is None else f"{f.numerator}/{f.denominator}"


def _json_one(ic: Intercept, result: Result) -> dict:
    v = values(ic, result)
    grades = {}
    for e in result.elements:
        c = ic.grades[e]
        g = {"unit": c.unit, "grade": None if c.grade is None else str(
            v[f"{e}_gpt" if c.unit == "g/t" else f"{e}_pct"]),
             "grade_exact": _exact(c.grade),
             "metal": None if c.metal is None else str(c.metal)}
        if c.unit == "g/t":
            g["opt"] = None if c.grade is None else str(v[f"{e}_opt"])
        if e in result.rules.top_cuts:
            g["top_cut"] = str(c.top_cut)
            g["cut_grade"] = None if c.cut_grade is None else str(v[f"{e}_cut"])
            g["cut_metal"] = None if c.cut_metal is None else str(c.cut_metal)
        grades[e] = g
    out = {
        "id": ic.id, "parent": ic.parent, "vein": ic.vein, "hole": ic.hole,
        "from_m": str(ic.frm), "to_m": str(ic.to), "length_m": str(ic.length),
        "length": str(v["length"]), "length_unit": result.rules.length_unit,
        "width_basis": ic.width_basis,
        "true_width_m": None if ic.true_width is None else str(ic.true_width),
        "cutoff": str(ic.cutoff), "selection_grade_exact": _exact(ic.selection),
        "grades": grades, "prose": prose(ic, result, v).strip(),
        "provenance": {"file": ic.source, "rows": list(ic.rows)},
    }
    if result.equivalent_base:
        out["equivalent"] = {"base": result.equivalent_base,
                             "grade": None if v["eq"] is None else str(v["eq"]),
                             "grade_exact": _exact(ic.equivalent)}
    if not ic.parent:
        out["includes"] = [_json_one(s, result) for s in ic.includes]
    return out


def _threshold(cut: Cutoff, result: Result) -> dict[str, str | None]:
    unit = result.units[cut.element]
    return {"unit": unit, "exact": _exact(cut.threshold(unit))}


def to_json(result: Result, indent: int = 2) -> str:
    r = result.rules
    doc = {
        "rules": result.rules.describe(result.units),
        "parameters": {
            "cutoff": str(r.cutoff), "cutoff_in_column_unit": _threshold(r.cutoff, result),
            "max_waste_m": str(r.max_waste),
            "min_length_m": None if r.min_length is None else str(r.min_length),
            "min_gxt": None if r.min_gxt is None else str(r.min_gxt),
            "include": None if r.include is None else str(r.include),
            "include_in_column_unit": None if r.include is None else _threshold(r.include,
                                                                                 result),
            "top_cuts": {e: str(t) for e, t in r.top_cuts.items()},
            "prices": {e: {"price": str(p.price), "recovery": str(p.recovery)}
                       for e, p in r.prices.items()},
            "equivalent_factors": {e: _exact(f) for e, f in result.factors.items()},
            "true_width_ratio": None if r.true_width_ratio is None else str(r.true_width_ratio),
            "bdl_policy": result.data.bdl_policy,
            "dip_convention": result.data.dip_convention,
            "opt_per_gpt": "7/240",
        },
        "intercepts": [_json_one(ic, result) for ic in _ordered(result.intercepts)],
        "notes": [str(n) for n in result.data.notes],
    }
    return dumps(doc, indent)
