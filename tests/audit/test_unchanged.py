"""Every finding on the seed is the one recorded before the audit was made fast."""

from __future__ import annotations

import json

from seed_golden import lines_of, recorded, seed_result


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
