"""Derivation trees: from a derived figure down to the input cells it was computed from."""

from __future__ import annotations

import re
from decimal import Decimal

from assay.errors import InputError
from assay.model import round_to

from .derive import Derived

_ALIASES = {"ounce": "oz", "ounces": "oz", "costs": "cost", "tonne": "ton", "all-in": "all_in"}


def find_metric(derived: Derived, phrase: str) -> str:
    """A metric name from a name or a phrase ("total cash cost per ounce")."""
    words = [_ALIASES.get(w, w) for w in re.split(r"[\s_\-]+", phrase.strip().lower()) if w]
    name = "_".join(words)
    metrics = {k[2] for k in derived.index}
    if name in metrics:
        return name
    for rel in derived.relations.values():
        if rel.label.lower() == phrase.strip().lower():
            return rel.output
    close = sorted(m for m in metrics if all(w in m for w in words))
    if close:
        return min(close, key=len)
    raise InputError(phrase, f"unknown metric; try one of: {', '.join(sorted(metrics)[:30])}...")


def _fmt(v: Decimal) -> str:
    """Whole numbers as they are; others to 4 places (2 from 1,000), half away from zero."""
    if v == v.to_integral_value():
        return f"{round_to(v, 0):,}"
    return f"{round_to(v, 4 if abs(v) < 1000 else 2):,}"


def explain_tree(derived: Derived, fact_id: str, show_zero: bool = False) -> str:
    lines: list[str] = []
    hidden = [0]

    def walk(fid: str, prefix: str, last: bool, top: bool) -> None:
        f = derived.facts[fid]
        branch = "" if top else ("└─ " if last else "├─ ")
        who = f"{f.entity.unit or f.entity.segment or f.entity.company} {f.period.key}" \
            if f.period else ""
        head = f"{prefix}{branch}{f.concept or f.label} [{who}] = {_fmt(f.value)} {f.unit}"
        if f.source is not None:
            lines.append(f"{head}  <- {f.source}")
            return
        d = f.derivation
        rel = derived.relations.get(d.relation) if d else None
        how = d.relation if d else "?"
        if rel is not None:
            how += f": {rel.standard}"
        if d and d.note:
            how += f" ({d.note})"
        lines.append(f"{head}  via {how}")
        if d is None:
            return
        kids = [o for o in d.operands
                if show_zero or derived.facts[o].derivation is None
                or derived.facts[o].derivation.relation != "input.not_given"]  # type: ignore[union-attr]
        hidden[0] += len(d.operands) - len(kids)
        sub = prefix + ("" if top else ("   " if last else "│  "))
        for i, o in enumerate(kids):
            walk(o, sub, i == len(kids) - 1, False)

    walk(fact_id, "", True, True)
    if hidden[0]:
        lines.append(f"({hidden[0]} operands not given in the folder and taken as zero are "
                     "not shown; --show-zero shows them)")
    return "\n".join(lines) + "\n"
