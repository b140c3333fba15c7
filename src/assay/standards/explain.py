"""Derivation trees: from a derived figure down to the input cells it was computed from."""

from __future__ import annotations

import re
from decimal import Decimal

from assay.errors import InputError
from assay.model import round_to

from .derive import AGGREGATION, Derived
from .relations import Relation

_ALIASES = {"ounce": "oz", "ounces": "oz", "costs": "cost", "tonne": "ton", "all-in": "all_in"}


def find_metric(derived: Derived, phrase: str) -> str:
    """A metric name from a name or a phrase ("total cash cost per ounce")."""
    words = [_ALIASES.get(w, w) for w in re.split(r"[\s_\-]+", phrase.strip().lower()) if w]
    name = "_".join(words)
    metrics = derived.metrics() | {r.output for r in derived.relations.values()}
    if name in metrics:
        return name
    for rel in derived.relations.values():
        if rel.label.lower() == phrase.strip().lower():
            return rel.output
    close = sorted(m for m in metrics if all(w in m for w in words))
    if close:
        return min(close, key=len)
    raise InputError(phrase, f"unknown metric; --list shows them all (such as "
                     f"{', '.join(sorted(metrics)[:8])}, ...)")




def operators(rel: Relation | None, relation: str, n: int) -> list[str]:
    """The operator before each of ``n`` operands of ``relation`` (``rel`` its
    declaration, if any): ``+``/``−`` in a sum, ``÷`` before a divisor, ``×`` before a
    factor; none where the relation is not an arithmetic one."""
    if relation in AGGREGATION.values():
        return ["+"] * n
    if rel is None:
        return [""] * n
    if rel.kind == "sum" and len(rel.signs) == n:
        return ["+" if s > 0 else "−" for s in rel.signs]
    if rel.kind == "ratio" and n == 2:
        return ["", "÷"]
    if rel.kind == "product" and n == 2:
        return ["", "×"]
    return [""] * n


def why_not(derived: Derived, name: str, period: str, metric: str, depth: int = 0) -> str:
    """Why ``metric`` has no value for ``name`` in ``period``: a relation that does not
    apply to the entity, the operands it misses (and why, one level down), or its zero
    divisor."""
    from .relations import relations_for

    node = derived.node(name, period)
    if node is None:
        return f"no data for {name} in {period}"
    outputs = {r.output for r in derived.relations.values()}
    if metric not in outputs or (node.kind == "unit" and metric in derived.data.items):
        # an input: a unit's is given by the folder (a group's is added or weighted)
        return f"the folder does not give {metric} for {name} in {period}"
    own = [r for r in relations_for(node, derived.data) if r.output == metric]
    if not own:
        if any(r.output == metric and r.per_metal for r in derived.relations.values()):
            return (f"{metric} is figured per ounce of a unit's primary metal, and assay "
                    f"computes none for {name} as a whole; ask for a unit or segment (--unit)")
        return f"no relation computes {metric} for {name}"
    rel = own[0]
    missing = [o for o in rel.operands if derived.value(name, period, o) is None]
    if missing:
        parts = []
        for o in missing:
            if o not in outputs:
                parts.append(f"{o}, which the folder does not give")
            elif depth == 0:
                parts.append(f"{o}, not computable: {why_not(derived, name, period, o, 1)}")
            else:
                parts.append(f"{o}, not computable")
        return f"{rel.id} needs " + "; ".join(parts)
    if rel.kind == "ratio" and derived.value(name, period, rel.operands[1]) == 0:
        return f"{rel.id} divides by {rel.operands[1]}, which is zero"
    return f"{rel.id} does not apply to {name}"


def list_metrics(derived: Derived, name: str, period: str) -> str:
    """Every metric of ``name`` in ``period``: its name, value, unit and how it is had."""
    rows = []
    for metric in derived.metrics_of(name, period):
        f = derived.get(name, period, metric)
        assert f is not None
        how = f.derivation.relation if f.derivation else "input"
        rows.append((metric, _fmt(f.value), f.unit, how))
    widths = [max([len(r[i]) for r in rows] + [6]) for i in range(4)]
    lines = [f"{len(rows)} metrics of {name} in {period}:"]
    lines += [f"  {m.ljust(widths[0])}  {v.rjust(widths[1])}  {u.ljust(widths[2])}  {h}"
              for m, v, u, h in rows]
    return "\n".join(lines) + "\n"


def _fmt(v: Decimal) -> str:
    """Whole numbers as they are; others to 4 places (2 from 1,000), half away from zero."""
    if v == v.to_integral_value():
        return f"{round_to(v, 0):,}"
    return f"{round_to(v, 4 if abs(v) < 1000 else 2):,}"


def explain_tree(derived: Derived, fact_id: str, show_zero: bool = False) -> str:
    lines: list[str] = []
    hidden = [0]

    def walk(fid: str, prefix: str, last: bool, top: bool, op: str = "") -> None:
        f = derived.fact(fid)
        branch = "" if top else ("└─ " if last else "├─ ") + (f"{op} " if op else "")
        who = f"{f.entity.unit or f.entity.segment or f.entity.company} {f.period.key}" \
            if f.period else ""
        head = f"{prefix}{branch}{f.concept or f.label} [{who}] = {_fmt(f.value)} {f.unit}"
        if f.source is not None:
            lines.append(f"{head}  <- {f.source}")
            return
        d = f.derivation
        rel = derived.relation_of(f)
        how = d.relation if d else "?"
        if rel is not None:
            how += f": {rel.standard}"
            if rel.factor != 1:
                how += f"; x {rel.factor.normalize():f}"
        if d and d.note:
            how += f" ({d.note})"
        lines.append(f"{head}  via {how}")
        if d is None:
            return
        ops = operators(rel, d.relation, len(d.operands))
        kids = [(o, op) for o, op in zip(d.operands, ops, strict=True)
                if show_zero or derived.fact(o).derivation is None
                or derived.fact(o).derivation.relation != "input.not_given"]  # type: ignore[union-attr]
        hidden[0] += len(d.operands) - len(kids)
        sub = prefix + ("" if top else ("   " if last else "│  "))
        for i, (o, op) in enumerate(kids):
            walk(o, sub, i == len(kids) - 1, False, op)

    walk(fact_id, "", True, True)
    if hidden[0]:
        lines.append(f"({hidden[0]} operands not given in the folder and taken as zero are "
                     "not shown; --show-zero shows them)")
    return "\n".join(lines) + "\n"
