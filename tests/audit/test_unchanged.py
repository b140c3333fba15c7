"""Regression guard: the seed's findings are still the recorded ones (see ``seed_golden``).

It compares each finding's line, rule, status, reported and computed values and operand
lines, not its wording; it shows that nothing changed, not that anything is right (that
is ``test_seed.py``'s work, against hand-checked arithmetic).
"""

from __future__ import annotations

import json

from seed_golden import lines_of, recorded, seed_result
from test_seed import GENUINE


def test_seed_findings_are_exactly_the_recorded_ones():
    now, then = lines_of(seed_result()), recorded()
    assert now[0] == then[0], "summary differs"
    assert len(now) == len(then)
    for i, (a, b) in enumerate(zip(now[1:], then[1:], strict=True)):
        if a != b:
            got, want = json.loads(a), json.loads(b)
            fields = sorted(k for k in want if got.get(k) != want[k])
            raise AssertionError(f"finding {i} ({want['rule']} line {want['line']}) differs "
                                 f"in {fields}:\n  now:  {a}\n  then: {b}")


def test_the_recording_agrees_with_the_hand_verified_mismatches():
    head, *rows = [json.loads(x) for x in recorded()]
    assert head["checks"] == len(rows) == sum(head["by_status"].values())
    mismatches = [(r["line"], r["rule"]) for r in rows if r["status"] == "mismatch"]
    assert set(mismatches) == GENUINE
    # lines 481, 491 and 569 each hold two periods' mismatches: 10 + 3 = 13
    assert len(GENUINE) == 10 and len(mismatches) == head["by_status"]["mismatch"] == 13
    assert {x for x in mismatches if mismatches.count(x) == 2} == {
        (481, "derived.production_total"), (491, "derived.weighted_cost"), (569, "tie.dda")}
