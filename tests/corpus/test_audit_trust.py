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
