"""The filer's own calculations: an XBRL calculation linkbase evaluated on the filing's
inline-XBRL tags under XBRL Calculations 1.1 (round-to-nearest), and set beside the
audit's checks of the same printed figures.

Calculations 1.1, as this module applies it: a summation-item relationship (a parent
concept, its children and their weights, in one extended link role) binds in each
context and unit where the parent has a fact and at least one child has one. Each fact
stands for the interval its ``decimals`` allow (``v ± ½·10^-decimals``; ``INF`` exact);
duplicates of a concept in one context and unit that agree (each is the most precise
one rounded to its own decimals) are one fact, the most precise, and a binding with
duplicates that disagree is not evaluated. The binding is
consistent when the parent's interval meets the weighted sum of the children's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from assay.errors import InputError
from assay.model import Document, Tag, round_to

_LINK = "{http://www.xbrl.org/2003/linkbase}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"

CONSISTENT, INCONSISTENT, NOT_EVALUATED = "consistent", "inconsistent", "not evaluated"


@dataclass(frozen=True, slots=True)
class Arc:
    role: str
    parent: str  # a concept's QName, "us-gaap:OperatingIncomeLoss"
    child: str
    weight: Decimal


def read_calculations(path: str | Path) -> list[Arc]:
    """The summation-item arcs of a calculation linkbase file."""
    from lxml import etree

    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as e:
        raise InputError(str(path), f"not a calculation linkbase: {e}") from None
    arcs = []
    for link in root.iter(f"{_LINK}calculationLink"):
        role = link.get(f"{_XLINK}role", "")
        concept = {loc.get(f"{_XLINK}label"): _qname(loc.get(f"{_XLINK}href", ""))
                   for loc in link.iter(f"{_LINK}loc")}
        for arc in link.iter(f"{_LINK}calculationArc"):
            if arc.get(f"{_XLINK}arcrole") != _SUMMATION:
                continue
            arcs.append(Arc(role, concept[arc.get(f"{_XLINK}from")],
                            concept[arc.get(f"{_XLINK}to")], Decimal(arc.get("weight", "1"))))
    return arcs


def _qname(href: str) -> str:
    """``...us-gaap-2024.xsd#us-gaap_OperatingIncomeLoss`` → ``us-gaap:OperatingIncomeLoss``."""
    prefix, _, local = href.rpartition("#")[2].partition("_")
    return f"{prefix}:{local}"


@dataclass(frozen=True, slots=True)
class Binding:
    """One relationship's evaluation in one context and unit."""

    role: str
    parent: Tag
    children: tuple[tuple[Decimal, Tag], ...]  # (weight, fact)
    status: str
    reported: tuple[Decimal, Decimal] | None  # the parent's interval
    computed: tuple[Decimal, Decimal] | None  # the weighted sum's interval
    reason: str = ""


def interval(tag: Tag) -> tuple[Decimal, Decimal]:
    """The values a fact stands for under round-to-nearest."""
    assert tag.value is not None
    if tag.decimals in (None, "INF"):
        return tag.value, tag.value
    half = Decimal(5).scaleb(-int(tag.decimals) - 1)
    return tag.value - half, tag.value + half


def evaluate(tags: Iterable[Tag], arcs: Iterable[Arc]) -> list[Binding]:
    """Every binding of every relationship, in the linkbase's order."""
    facts: dict[tuple[str, str, str | None], list[Tag]] = defaultdict(list)
    for t in tags:
        if t.value is not None:
            facts[(t.name, t.context, t.unit)].append(t)
    by_parent: dict[tuple[str, str], list[Arc]] = defaultdict(list)
    for a in arcs:
        by_parent[(a.role, a.parent)].append(a)
    out = []
    for (role, parent), children in by_parent.items():
        for (name, context, unit), found in facts.items():
            if name != parent:
                continue
            bound = [(a.weight, facts.get((a.child, context, unit))) for a in children]
            bound = [(w, f) for w, f in bound if f]
            if not bound:
                continue
            out.append(_bind(role, found, bound))
    return out


def _one(found: list[Tag]) -> Tag | None:
    """Duplicates that agree are one fact, the most precise; None when they disagree
    (a less precise duplicate agrees when it is the most precise one rounded to its own
    decimals)."""
    best = max(found, key=lambda t: Decimal("Infinity") if t.decimals in (None, "INF")
               else Decimal(t.decimals))
    for t in found:
        if t.decimals in (None, "INF"):
            if t.value != best.value:
                return None
        elif round_to(best.value, int(t.decimals)) != t.value:  # type: ignore[arg-type]
            return None
    return best


def _bind(role: str, found: list[Tag], bound: list[tuple[Decimal, list[Tag]]]) -> Binding:
    parent = _one(found)
    children = [(w, _one(f)) for w, f in bound]
    if parent is None or any(c is None for _, c in children):
        return Binding(role, found[0], tuple((w, f[0]) for w, f in bound), NOT_EVALUATED,
                       None, None, "duplicate facts that disagree")
    lo = hi = Decimal(0)
    for w, c in children:
        a, b = interval(c)  # type: ignore[arg-type]
        lo, hi = (lo + w * a, hi + w * b) if w >= 0 else (lo + w * b, hi + w * a)
    p_lo, p_hi = interval(parent)
    status = CONSISTENT if p_lo <= hi and lo <= p_hi else INCONSISTENT
    return Binding(role, parent, tuple(children), status, (p_lo, p_hi), (lo, hi))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Comparison:
    """A binding among printed figures beside the audit's check of the same figures."""

    binding: Binding
    audit: str  # the audit's verdict on the same figures: "ok", "mismatch"...; "" none
    agrees: bool
    why: str


def compare_with_audit(doc: Document, bindings: list[Binding], findings: list) -> \
        list[Comparison]:
    """For each binding whose facts all stand in table cells the reader read: the audit
    finding over the same figures (the parent's fact as its total, the children's as its
    other operands), and whether the verdicts agree (consistent = ok or rounding)."""
    fact_of = {f.source.selector: f.id for f in doc.facts
               if f.source is not None and f.source.selector is not None}
    checks: dict[tuple[str, frozenset[str]], str] = {}
    totals: dict[str, str] = {}  # a total's fact: the rule of a check that adds other rows
    for f in findings:
        ids = [o.fact_id for o in f.operands]
        if None in ids or len(ids) < 2:
            continue
        checks.setdefault((ids[0], frozenset(ids[1:])), str(f.status))
        totals.setdefault(ids[0], f.rule)
    out = []
    for b in bindings:
        if b.status == NOT_EVALUATED:
            continue
        parent = fact_of.get(b.parent.selector)
        kids = [fact_of.get(t.selector) for _, t in b.children]
        if parent is None or None in kids:
            continue  # not all printed in a table assay read
        verdict = checks.get((parent, frozenset(kids)), "")  # type: ignore[arg-type]
        if not verdict:
            why = (f"the audit's {totals[parent]} adds other rows to this total"
                   if parent in totals else "no check of the audit adds these figures")
            out.append(Comparison(b, "", False, why))
            continue
        same = (verdict in ("ok", "rounding")) == (b.status == CONSISTENT) and \
            verdict != "not checkable"
        out.append(Comparison(b, verdict, same, "" if same else
                              f"the audit says {verdict}, the calculation {b.status}"))
    return out


def summary(bindings: list[Binding], compared: list[Comparison]) -> dict[str, object]:
    """Counts for a report: bindings by status; among printed figures, how the audit's
    checks compare; each inconsistent binding with its intervals."""
    from collections import Counter

    by = Counter(b.status for b in bindings)
    why = Counter(c.why for c in compared if not c.agrees)
    return {
        "bindings": len(bindings), "by_status": dict(by),
        "printed": len(compared), "checked_alike": sum(c.agrees for c in compared),
        "not_alike": dict(why),
        "inconsistent": [
            {"role": b.role, "parent": b.parent.name, "context": b.parent.context,
             "reported": [format(x, "f") for x in b.reported or ()],
             "computed": [format(x, "f") for x in b.computed or ()],
             "children": [[format(w, "f"), t.name] for w, t in b.children]}
            for b in bindings if b.status == INCONSISTENT],
    }
