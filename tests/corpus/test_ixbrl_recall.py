"""Inline-XBRL tags as ground truth for the HTML reader: layout reading ignores the tags;
each visible ix:nonFraction that stands in a table cell is looked for among the facts
read from that cell, with the same magnitude after scale (a percentage as its ratio,
"2.9%" for 0.029) and the same period end as the tag's context.

The floors below are what the reader reaches today, measured (the issue's target is
99%); the test prints the recall and every miss, so that a change that loses figures
fails and one that gains them shows.
"""

import pytest

from assay.read import read_release

FLOORS = {
    "ixbrl/aapl-10q-fy2025q2/aapl-20250329.htm": 0.97,
    "ixbrl/orcl-10q-fy2025q1/Oracle.10-Q.html": 0.95,
    "ixbrl/nvda-10k-fy2023/Nvidia.10-K.html": 0.87,
}


def _same(fact, tag) -> bool:
    magnitude = abs(fact.value) == abs(tag.value) or (
        fact.unit == "%" and abs(fact.value) / 100 == abs(tag.value))
    return magnitude and fact.period is not None and tag.period is not None and (
        fact.period.end == tag.period.end)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_layout_facts_agree_with_the_tags_of_their_cells(corpus, name):
    doc = read_release(corpus / name)
    by_cell = {f.source.selector: f for f in doc.facts if f.source and f.source.selector}
    tagged = [t for t in doc.tags if not t.hidden and t.value is not None and t.selector]
    found = [t for t in tagged if t.selector in by_cell and _same(by_cell[t.selector], t)]
    missed = [(t.selector, t.name, t.shown) for t in tagged if t.selector not in by_cell]
    wrong = [(t.selector, t.name, t.shown, str(by_cell[t.selector].value),
              str(by_cell[t.selector].period), str(t.period))
             for t in tagged if t.selector in by_cell and not _same(by_cell[t.selector], t)]
    recall = len(found) / len(tagged)
    print(f"{name}: {len(found)} of {len(tagged)} tags in tables read alike ({recall:.1%}); "
          f"{len(missed)} with no fact, {len(wrong)} with another value or period end")
    for miss in missed + wrong:
        print("   ", miss)
    assert recall >= FLOORS[name]
