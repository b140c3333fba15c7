"""The fast scan for cited figures finds exactly what the plain pattern search finds."""

from __future__ import annotations

import re

from audit_fixtures import SEED_LINES
from hypothesis import given, settings
from hypothesis import strategies as st

from assay.audit import prose
from assay.audit.claims import _MENTION, Caseless, matches
from assay.audit.prose import _CLAUSE, _clause_starts

WORDS = ["negative", "Negative", "NeGaTiVe", "US$", "us$", "uS$", "$", "$ ", "cents", "-cents",
         "%", " %", ":1", "million", "Million", "billion", "ounces", "ounce", "grams", "meters",
         "metres", "per", "ton", "of", "gold", "1", "24.3", "1,234", "5.7", "0", "x", "a", ".",
         ",", " ", "  ", "-", "\n", "(", ")", "\t", "\x1c", ":", "2007", "c", "m", "o", "g",
         "cent", "mill", ".5",
         "\u00e9", "\u0663", "\u212a"]  # not ASCII: an accent, an Arabic-Indic 3, Kelvin sign


def spans(found, text):
    """Where each match is, and what it covers of ``text`` (matches of the lower-cased
    text have lower-cased groups)."""
    return [(m.start(), m.end(), text[m.start():m.end()]) for m in found]


@given(st.lists(st.sampled_from(WORDS), max_size=40).map("".join))
@settings(max_examples=400)
def test_scan_matches_finditer_on_generated_text(text):
    assert spans(matches(text), text) == spans(_MENTION.finditer(text), text)


def test_scan_matches_finditer_on_every_line_of_the_seed():
    text = "\n".join(SEED_LINES)
    found = spans(matches(text), text)
    assert found == spans(_MENTION.finditer(text), text)
    assert any(t == "$24.3 million" for _, _, t in found)  # the brief's headline figure


CLAUSE_WORDS = ["compared to", "Compared To", "compares to", "compared", "to", "than", "THAN",
                "more", "less", "rather", "More", "xthan", "_than", ";", " ", "  ", "a", "1",
                "(", ")", ",", ".", "\u00e9", "\u212a"]


@given(st.lists(st.sampled_from(CLAUSE_WORDS), max_size=30).map("".join))
@settings(max_examples=400)
def test_clause_cuts_match_the_pattern(text):
    assert _clause_starts(text) == [c.start() for c in _CLAUSE.finditer(text)]


def _caseless_patterns() -> list[tuple[str, Caseless]]:
    found = [(k, v) for k, v in vars(prose).items() if isinstance(v, Caseless)]
    found += [(f"HINTS[{i}]", p) for i, (p, _) in enumerate(prose.HINTS)]
    return found


CASELESS = _caseless_patterns()
#: every word and phrase of every pattern, in three cases, and separators
VOCAB = sorted({w for _, p in CASELESS for w in re.findall(r"[a-z]+", p.pattern)}
               | {w for _, p in CASELESS for w in re.findall(r"[a-z][a-z -]*[a-z]", p.pattern)})
PIECES = [*VOCAB, *(w.upper() for w in VOCAB), *(w.title() for w in VOCAB),
          " ", "  ", "-", ",", "(", ")", ":", "1", "2007", "12.5", "$", "%", "\u00e9", "\u212a"]


@given(st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join))
@settings(max_examples=1000)
def test_caseless_patterns_find_what_ignorecase_finds(text):
    for name, p in CASELESS:
        fast = [m.span() for m in p.finditer(text)]
        assert fast == [m.span() for m in p.slow.finditer(text)], name
        s = p.search(text)
        assert (s and s.span()) == ((m := p.slow.search(text)) and m.span()), name
        s = p.match(text)
        assert (s and s.span()) == ((m := p.slow.match(text)) and m.span()), name
