"""EX-27 financial data schedules as ground truth for the statements of the same
submission: each value of a schedule is looked for among the facts read from the tables,
same magnitude after scale, same period end. The misses are listed by name: each was
checked by hand (grep of the filing) to be a figure that no table prints (a gross amount
before its allowance, a sum of printed rows, an allowance printed only inside a label)."""

from collections import defaultdict

import pytest

from assay.read import read_release

# file -> EX-27 tags whose value stands in no table of the filing (hand-checked)
NOT_IN_TABLES = {
    "aapl-10k-fy1994-0000320193-94-000016.txt": {
        "RECEIVABLES",  # 1,672,339 = 1,581,347 net + 90,992 allowance
        # (ALLOWANCES, 90,992, is found in Schedule VIII, on the row "September 30,1994")
        "OTHER-SE",  # 2,085,372 = retained earnings 2,096,206 - translation 10,834
        "OTHER-EXPENSES",  # 1,821,559 = R&D + SG&A + restructuring
    },
    "aapl-10q-fy1997q3-0000320193-97-000014.txt": {
        "RECEIVABLES", "OTHER-SE", "OTHER-EXPENSES",  # as in the 10-K
        # (ALLOWANCES, 100, is read from the label "less allowances of $100 ...")
    },
    "aapl-10q-fy1999q2-0000320193-99-000004.txt": {
        "PP&E",  # 831 = the sum of four gross rows; the table prints the net 330
    },
}


@pytest.mark.parametrize("name", sorted(NOT_IN_TABLES))
def test_ex27_values_are_found_in_the_statements(corpus, name):
    doc = read_release(corpus / "sgml" / name)
    truth = [f for f in doc.facts if (f.concept or "").startswith("ex27:")]
    assert len(truth) == 32
    read = defaultdict(list)
    for f in doc.facts:
        if f.table is not None and f.period is not None:
            read[abs(f.value), f.period.end].append(f)
    missed = {g.label for g in truth if (abs(g.value), g.period.end) not in read}
    found = len(truth) - len(missed)
    print(f"{name}: {found}/{len(truth)} EX-27 values found; missed {sorted(missed)}")
    assert missed == NOT_IN_TABLES[name]
