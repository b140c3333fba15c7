"""The audit: read facts in, findings out, in document order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assay.model import Document
from assay.model.findings import Finding, Status, holds_informatively
from assay.relations import FactIndex, check_relations
from assay.relations.derived import conversions

from .prose import check_claims


@dataclass(slots=True)
class Audit:
    """The findings on one document, with what the summary needs."""

    document: Document
    findings: list[Finding]
    factor: str = "240/7"
    notes: list[str] = field(default_factory=list)

    def by_status(self) -> Counter[str]:
        return Counter(str(f.status) for f in self.findings)

    def by_rule(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for f in self.findings:
            out.setdefault(f.rule, Counter())[str(f.status)] += 1
        return dict(sorted(out.items()))

    def with_status(self, status: Status) -> list[Finding]:
        return [f for f in self.findings if f.status is status]

    @property
    def mismatches(self) -> list[Finding]:
        return self.with_status(Status.MISMATCH)

    @property
    def exit_code(self) -> int:
        return 1 if self.mismatches else 0


def audit(doc: Document) -> Audit:
    """Check every relation and every prose claim of ``doc``."""
    idx = FactIndex(doc)
    findings = _corroborated(check_relations(idx))
    _, evident = conversions(idx)
    findings.extend(_calibrated(check_claims(doc, idx, evident)))
    findings.sort(key=lambda f: (f.line, f.rule))
    factor = evident[0]
    return Audit(doc, findings, factor)


# relations assumed from the layout or from labels alone, not from the statements'
# identities: a footing under a total, the same label in two tables
_ASSUMED = ("foot.", "tie.")
# and the statements' identities, whose operands are found by their labels: one broken in
# every period it is checked in (two at least) most likely took the wrong row ("Total
# current liabilities" for the total liabilities of a balance sheet that prints none)
_CORROBORATED = (*_ASSUMED, "identity.")


# a document's prose claims that must agree with its tables, for every one that does
# not, before a disagreement is reported as a mismatch (and at least this many)
_AGREEING_PER_MISMATCH = 3
_AGREEING_AT_LEAST = 10


def _calibrated(claims: list[Finding]) -> list[Finding]:
    """Prose mismatches of a document whose claims the reader matches to its tables
    too rarely made ``not checkable``: where the claims checked mostly agree with the
    tables (a release whose figures and words the reader follows), a disagreement is
    the document's; where they mostly do not, it is more likely the reader's (a claim
    matched to the wrong row, scale or period)."""
    agree = sum(1 for f in claims if f.status in (Status.OK, Status.ROUNDING))
    disagree = sum(1 for f in claims if f.status is Status.MISMATCH)
    if not disagree or agree >= max(_AGREEING_AT_LEAST, _AGREEING_PER_MISMATCH * disagree):
        return claims
    return [f.restated(Status.NOT_CHECKABLE, None, (_unreliable, f, agree, disagree))
            if f.status is Status.MISMATCH else f for f in claims]


def _unreliable(finding: Finding, agree: int, disagree: int) -> str:
    return (f"{finding.message} — not checkable: the document's prose agrees with its "
            f"tables in {agree} claims and disagrees in {disagree}, too few agreeing for "
            f"a disagreement to be the document's rather than a misreading")


def _shape(finding: Finding) -> tuple[object, ...]:
    """A relation's shape, whatever its period: the rule, and each operand's role, table
    and label (the same footing in another column has the same shape)."""
    return (finding.rule, *((o.role, o.table, o.label) for o in finding.operands))


def _corroborated(findings: list[Finding]) -> list[Finding]:
    """Mismatches of assumed relations that hold in no period at all made ``not
    checkable``.

    A relation assumed from a table's layout or from two tables' labels ("the rows
    above a total add up to it", "net income here is net income there") that fails in
    every column it is checked in is most likely not the document's relation (a gross
    profit under its revenue and costs, a segment's figure beside the company's): a
    real error is a figure mistyped in one column while the others hold. Only where the
    same relation holds in another period, with none of its figures zero (a column
    of dashes holds whatever the relation), is a failure reported as a mismatch."""
    holds: dict[tuple[object, ...], bool] = {}
    checked: Counter[tuple[object, ...]] = Counter()
    for f in findings:
        if not f.rule.startswith(_CORROBORATED):
            continue
        key = _shape(f)
        checked[key] += 1
        holds[key] = holds.get(key, False) or (
            holds_informatively(f))
    out = []
    for f in findings:
        if f.status is Status.MISMATCH and f.rule.startswith(_CORROBORATED):
            key = _shape(f)
            if not holds[key] and (f.rule.startswith(_ASSUMED) or checked[key] > 1):
                f = f.restated(Status.NOT_CHECKABLE, None, (_uncorroborated, f))
        out.append(f)
    return out


def _uncorroborated(finding: Finding) -> str:
    return (f"{finding.message} — not checkable: the relation holds in no period of the "
            f"table, so it is likely not the document's own (its figures stand in another "
            f"relation, or are of another scope)")


def audit_path(path: str | Path) -> Audit:
    """Read a release and audit it; raises ``InputError`` for unusable input."""
    from assay.read import read_release

    return audit(read_release(path))
