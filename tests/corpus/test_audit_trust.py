"""Every mismatch the audit reports on the corpus's real filings, against the answer file
a second reader wrote by hand (tests/audit/corpus_mismatches.json: for each, the
document's own figures, the arithmetic, and whether the inconsistency is the document's
("real") or the audit's ("false")). A mismatch the file does not hold fails the test:
review it and add it, with the figures. The counts are printed, real and false."""

import json
import zipfile
from pathlib import Path

from assay.audit.engine import audit
from assay.errors import InputError
from assay.read import read_bytes, read_release

ANSWERS = Path(__file__).resolve().parents[1] / "audit" / "corpus_mismatches.json"
ARCHIVES = ("bulk/edgar-8k-sample.zip", "bulk/ex991-2020q1-sample.zip")


def _mismatches(corpus: Path) -> list[tuple[str, str, str]]:
    found = []
    files = sorted([*corpus.glob("html/*.htm*"), *corpus.glob("sgml/*.txt"),
                    *corpus.glob("ixbrl/*/*.htm*")])
    for path in files:
        try:
            a = audit(read_release(path))
        except InputError:
            continue
        name = str(path.relative_to(corpus))
        found += [(name, m.rule, m.message) for m in a.mismatches]
    for archive in ARCHIVES:
        with zipfile.ZipFile(corpus / archive) as z:
            for member in z.namelist():
                if member.endswith("/"):
                    continue
                try:
                    a = audit(read_bytes(z.read(member), member))
                except InputError:
                    continue
                found += [(f"{archive}!{member}", m.rule, m.message) for m in a.mismatches]
    return found


def test_every_mismatch_on_real_filings_is_reviewed(corpus):
    answers = {(a["document"], a["rule"], a["message"]): a
               for a in json.loads(ANSWERS.read_text("utf-8"))}
    found = _mismatches(corpus)
    unreviewed = [f for f in found if f not in answers]
    verdicts = [answers[f]["verdict"] for f in found if f in answers]
    print(f"{len(found)} mismatches on the corpus: {verdicts.count('real')} real, "
          f"{verdicts.count('false')} false alarms (reviewed by hand)")
    assert not unreviewed, f"mismatches no one has reviewed: {unreviewed}"


def test_apple_10q_calculation_linkbase_against_the_audit(corpus):
    """Apple files consistent calculations: all 120 bindings of its 10-Q's linkbase hold
    on its own tags, and the audit's layout rules check every one of them alike: footings
    down a column and across a row, totals of subtotals, cascades, wherever the filing
    prints the figure (a balance-sheet total repeated in a note is one figure) and
    whichever member the linkbase names the total. Any binding checked otherwise or not
    at all is listed with the reason."""
    from assay.audit import audit
    from assay.audit.calculations import compare_with_audit, evaluate, read_calculations
    from assay.read import read_release

    base = corpus / "ixbrl" / "aapl-10q-fy2025q2" / "aapl-20250329"
    doc = read_release(base.with_suffix(".htm"))
    bindings = evaluate(doc.tags, read_calculations(f"{base}_cal.xml"))
    assert len(bindings) == 120 and {b.status for b in bindings} == {"consistent"}
    compared = compare_with_audit(doc, bindings, audit(doc).findings)
    assert len(compared) == 120
    alike = sum(c.agrees for c in compared)
    print(f"Apple 10-Q: {alike} of {len(compared)} calculation bindings checked alike")
    assert [(c.binding.parent.name, c.binding.parent.context, c.why)
            for c in compared if not c.agrees] == []
