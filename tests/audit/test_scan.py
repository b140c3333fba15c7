"""The fast scan for cited figures finds exactly what the plain pattern search finds."""

from __future__ import annotations

from audit_fixtures import SEED_LINES
from hypothesis import given, settings
from hypothesis import strategies as st

from assay.audit.claims import _MENTION, matches

WORDS = ["negative", "Negative", "NeGaTiVe", "US$", "us$", "uS$", "$", "$ ", "cents", "-cents",
         "%", " %", ":1", "million", "Million", "billion", "ounces", "ounce", "grams", "meters",
         "metres", "per", "ton", "of", "gold", "1", "24.3", "1,234", "5.7", "0", "x", "a", ".",
         ",", " ", "  ", "-", "\n", "(", ")",
         "\u00e9", "\u0663", "\u212a"]  # not ASCII: an accent, an Arabic-Indic 3, Kelvin sign


def spans(found):
    return [(m.start(), m.end(), m.group(0)) for m in found]


@given(st.lists(st.sampled_from(WORDS), max_size=40).map("".join))
@settings(max_examples=400)
def test_scan_matches_finditer_on_generated_text(text):
    assert spans(matches(text)) == spans(_MENTION.finditer(text))


def test_scan_matches_finditer_on_every_line_of_the_seed():
    text = "\n".join(SEED_LINES)
    found = spans(matches(text))
    assert found == spans(_MENTION.finditer(text))
    assert any(t == "$24.3 million" for _, _, t in found)  # the brief's headline figure
