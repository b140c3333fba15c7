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
from decimal import Decimal, InvalidOperation
from pathlib import Path

from assay.errors import InputError
from assay.model import Document, Interval, Tag, interval_of, round_to
from assay.model.findings import SEVERITY, Status

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
            if arc.get(f"{_XLINK}arcrole") != _SUMMATION or arc.get("use") == "prohibited":
                continue
            ends = arc.get(f"{_XLINK}from"), arc.get(f"{_XLINK}to")
            where = f"calculation arc {ends[0]} -> {ends[1]}"
            if ends[0] not in concept or ends[1] not in concept:
                raise InputError(str(path), f"{where}: names a locator the link does not "
                                            f"have", arc.sourceline)
            try:
                weight = Decimal(arc.get("weight", ""))
            except InvalidOperation:
                raise InputError(str(path), f"{where}: weight {arc.get('weight')!r} is not "
                                            f"a number", arc.sourceline) from None
            arcs.append(Arc(role, concept[ends[0]], concept[ends[1]], weight))
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


def _decimals(tag: Tag) -> int | None:
    """A fact's ``decimals``: None for ``INF`` (exact); ValueError for text that is no
    precision."""
    return None if tag.decimals in (None, "INF") else int(tag.decimals)


def interval(tag: Tag) -> Interval:
    """The values a fact stands for under round-to-nearest."""
    assert tag.value is not None
    return interval_of(tag.value, _decimals(tag))


def evaluate(tags: Iterable[Tag], arcs: Iterable[Arc]) -> list[Binding]:
    """Every binding of every relationship, in the linkbase's order."""
    facts: dict[tuple[str, str, str | None], list[Tag]] = defaultdict(list)
    for t in tags:
        if t.value is not None:
            facts[(t.name, t.context, t.unit)].append(t)
    by_parent: dict[tuple[str, str], list[Arc]] = defaultdict(list)
    for a in arcs:
        by_parent[(a.role, a.parent)].append(a)
    by_name: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for name, context, unit in facts:
        by_name[name].append((context, unit))
    out = []
    for (role, parent), children in by_parent.items():
        for context, unit in by_name.get(parent, ()):
            found = facts[(parent, context, unit)]
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
    places = [_decimals(t) for t in found]
    best = max(range(len(found)), key=lambda i: float("inf") if places[i] is None
               else places[i])
    value = found[best].value
    for t, d in zip(found, places, strict=True):
        if t.value != (value if d is None else round_to(value, d)):  # type: ignore[arg-type]
            return None
    return found[best]


def _bind(role: str, found: list[Tag], bound: list[tuple[Decimal, list[Tag]]]) -> Binding:
    try:
        parent = _one(found)
        children = [(w, _one(f)) for w, f in bound]
        reason = "duplicate facts that disagree"
    except ValueError:  # a decimals attribute that is no precision
        parent, children, reason = None, [], "a fact's decimals is not a number"
    if parent is None or any(c is None for _, c in children):
        return Binding(role, found[0], tuple((w, f[0]) for w, f in bound), NOT_EVALUATED,
                       None, None, reason)
    computed = Interval.exact(0)
    for w, c in children:
        computed = computed + interval(c).scale(w)  # type: ignore[arg-type]
    reported = interval(parent)
    status = CONSISTENT if reported.meets(computed) else INCONSISTENT
    return Binding(role, parent, tuple(children), status,  # type: ignore[arg-type]
                   (reported.lo, reported.hi), (computed.lo, computed.hi))


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
    finding over the same figures, and whether the verdicts agree (consistent = ok or
    rounding).

    A figure is its tag (concept, context and unit), wherever the filing prints it: a
    balance-sheet total repeated in a note is one figure. A relation is the same when it
    sets the same figures against each other the same way, whichever of them it names
    the total: "fair value = cost + gains - losses" and the linkbase's "cost = fair value
    - gains + losses" are one relation, and under round-to-nearest intervals one holds
    exactly when the other does."""
    tag_at = {t.selector: (t.name, t.context, t.unit) for t in doc.tags
              if t.selector is not None and t.value is not None}
    key_of = {f.id: tag_at[f.source.selector] for f in doc.facts
              if f.source is not None and f.source.selector in tag_at}
    printed = set(key_of.values())
    checks: dict[tuple, Status] = {}
    totals: dict[tuple, str] = {}  # a total's figure: the rule of a check that adds others
    for f in findings:
        ops = f.operands
        if (len(ops) < 2 or any(o.fact_id not in key_of for o in ops)
                or any(o.role not in ("+", "-") for o in ops[1:])):
            continue  # (only sums: "a = b" printed twice is no relation of a linkbase)
        members = [(key_of[ops[0].fact_id], _sign(1, ops[0].value))]
        members += [(key_of[o.fact_id], _sign(-1 if o.role == "+" else 1, o.value))
                    for o in ops[1:]]
        relation = _relation(members)
        seen = checks.get(relation)
        if seen is None or SEVERITY[f.status] > SEVERITY[seen]:
            checks[relation] = f.status  # (checked on two printings: the worse verdict)
        totals.setdefault(members[0][0], f.rule)
    out = []
    for b in bindings:
        if b.status == NOT_EVALUATED:
            continue
        parent = (b.parent.name, b.parent.context, b.parent.unit)
        kids = [((t.name, t.context, t.unit), w, t.value) for w, t in b.children]
        if parent not in printed or any(k not in printed for k, _, _ in kids):
            continue  # not all printed in a table assay read
        members = [(parent, _sign(1, b.parent.value))]
        members += [(k, _sign(-w, v)) for k, w, v in kids]
        verdict = checks.get(_relation(members))
        if verdict is None:
            why = (f"the audit's {totals[parent]} adds other rows to this total"
                   if parent in totals else "no check of the audit adds these figures")
            out.append(Comparison(b, "", False, why))
            continue
        same = verdict is not Status.NOT_CHECKABLE and (
            verdict in (Status.OK, Status.ROUNDING)) == (b.status == CONSISTENT)
        out.append(Comparison(b, str(verdict), same, "" if same else
                              f"the audit says {verdict}, the calculation {b.status}"))
    return out


def _relation(members: list[tuple[tuple, str]]) -> tuple:
    """A relation "sum of signed figures = 0" as a key that does not depend on which
    figure is named its total: its members sorted, the same with every sign turned."""
    turn = {"+": "-", "-": "+", "0": "0"}
    one = tuple(sorted(members, key=repr))
    other = tuple(sorted(((k, turn[s]) for k, s in members), key=repr))
    return min(one, other, key=repr)


def _sign(weight: Decimal | int, value: Decimal | None) -> str:
    """Which way a figure moves its relation: its weight's (or operand's) sign times its
    value's, so that a loss tagged 11 with weight -1 and one printed (11) and added are
    alike; a zero moves it neither way."""
    if not value:
        return "0"
    return "+" if (weight > 0) == (value > 0) else "-"


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
