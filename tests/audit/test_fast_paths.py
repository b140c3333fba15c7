"""The audit's shortcuts find what the straightforward code finds.

Each shortcut (a scan of a whole paragraph, a search by ``str.find`` instead of a pattern,
a finding that works out its bounds when read, a look-up made once per document) is
compared here with the plain way of doing the same thing, on generated text and on the
seed's own facts.
"""

from __future__ import annotations

import re

from audit_fixtures import SEED, SEED_LINES
from hypothesis import given, settings
from hypothesis import strategies as st

from assay.audit import claims, prose
from assay.audit.claims import Paragraph, digit_runs, mentions, sentences, split_sentences
from assay.model import Interval
from assay.model.findings import FactOperands, Finding, fact_interval
from assay.read import read_text
from assay.relations import FactIndex
from assay.relations.check import (
    _ZERO,
    Approx,
    _message,
    classify_sum,
    fmt_fact,
    plus_finding,
    same_finding,
    sum_finding,
    sum_text,
    total,
)
from assay.relations.index import scope
from assay.relations.tieouts import _single_unit_segments, tie_key, tieouts

PUNCT = [".", "!", "?", '"', "'", " ", "  ", "\t", "\n", "\x1c", "(", ")", "A", "Z", "a", "x",
         "1", "5.7", "$", "Mr.", "e.g.", "\u00e9", "\u00c9", "\u0663"]


@given(st.lists(st.sampled_from(PUNCT), max_size=40).map("".join))
@settings(max_examples=500)
def test_sentence_cuts_are_the_patterns(text):
    assert split_sentences(text) == claims._SENTENCE_END.split(text)


@given(st.text(alphabet="0123456789 ,.a$-x%", max_size=60))
@settings(max_examples=400)
def test_digit_runs_are_the_patterns(text):
    assert digit_runs(text) == [m.start() for m in claims._DIGITS.finditer(text)]


YEARS = ["2007", "1999", "2006", "20071", "19", "20", "_2007", "a2007", "2007a", "2007_",
         " ", ",", "(", ")", "\u0663", "\u00e9", "x", "-", "12007"]


@given(st.lists(st.sampled_from(YEARS), max_size=12).map("".join))
@settings(max_examples=500)
def test_years_are_the_patterns(text):
    assert prose._years(text) == {int(y.group(0)) for y in prose._YEAR.finditer(text)}


SENTENCE_WORDS = ["Silver", "production", "was", "2.1 million ounces", "$24.3 million",
                  "negative", "72 cents", "per ounce", "of silver", "per ton", "5.7:1", "18%",
                  "0.85 meters", "grading", "296.6 grams per tonne", "US$", "(8.66", ")", ".",
                  ". ", "! ", "? ", '." ', " ", "The", "A", "\u00e9", "per", "average"]


def _reference(par: Paragraph) -> list[tuple[int, list[tuple[object, ...]]]]:
    """Sentences cut and scanned one by one (the straightforward path)."""
    out, pos = [], 0
    for piece in claims._SENTENCE_END.split(par.text):
        start = par.text.find(piece, pos)
        pos = start + len(piece)
        out.append((start, [_m(m) for m in mentions(piece, start)]))
    return out


def _m(m):
    return (m.kind, m.value, m.decimals, m.text, m.start, m.end, m.metal)


@given(st.lists(st.sampled_from(SENTENCE_WORDS), max_size=30).map(" ".join))
@settings(max_examples=400)
def test_one_scan_per_paragraph_finds_each_sentences_mentions(text):
    par = Paragraph([(1, text)])
    got = [(s.start, [_m(m) for m in s.mentions]) for s in sentences(par)]
    assert got == _reference(par)


def test_one_scan_per_paragraph_on_the_seed():
    doc = read_text(SEED.read_text(encoding="utf-8"), "seed.txt")
    pars = claims.paragraphs(doc)
    found = 0
    for par in pars:
        got = [(s.start, [_m(m) for m in s.mentions]) for s in sentences(par)]
        assert got == _reference(par)
        found += sum(len(ms) for _, ms in got)
        if not any(ms for _, ms in got) and not prose._CONV.search(par.text):
            assert sentences(par, prose._CONV) == []
    assert found > 90  # the seed cites about a hundred figures


def _footnotes_reference(doc):
    """The footnote paragraphs as a line-by-line walk over each table's span finds them."""
    out = []
    for t in doc.tables:
        in_rows = {n for r in t.rows for n in r.lines}
        run, marker = [], None
        for n in range(t.first_line, t.last_line + 1):
            text = doc.lines[n - 1] if n - 1 < len(doc.lines) else ""
            m = claims._FOOTNOTE.match(text)
            if m and n not in in_rows:
                if run and marker:
                    out.append((marker, t.index, run))
                run, marker = [(n, text)], m.group(1)
            elif run and text.strip() and n not in in_rows:
                run.append((n, text))
            elif run:
                if marker:
                    out.append((marker, t.index, run))
                run, marker = [], None
        if run and marker:
            out.append((marker, t.index, run))
    return out


@given(st.data())
@settings(max_examples=25, deadline=None)
def test_footnotes_are_the_line_walks(data):
    lines = list(SEED_LINES)
    # blank out or drop a few lines of the tables' spans, so runs end in other places
    for _ in range(data.draw(st.integers(0, 6))):
        k = data.draw(st.integers(440, min(760, len(lines) - 1)))
        if data.draw(st.booleans()):
            lines[k] = ""
        else:
            del lines[k]
    doc = read_text("\n".join(lines), "seed.txt")
    got = [(p.footnote[0], p.footnote[1], p._run) for p in claims._footnotes(doc)]
    assert got == _footnotes_reference(doc)


def test_footnotes_of_the_seed_are_found():
    doc = read_text(SEED.read_text(encoding="utf-8"), "seed.txt")
    assert len(claims._footnotes(doc)) == len(_footnotes_reference(doc)) > 0


def _seed_index():
    return FactIndex(read_text(SEED.read_text(encoding="utf-8"), "seed.txt"))


def test_index_keys_scopes_and_periods_are_the_facts_own():
    idx = _seed_index()
    assert idx.units == {u for f in idx.doc.facts if (u := f.entity.unit)} != set()
    tables: dict = {}
    for f in idx.doc.facts:
        tables.setdefault(f.table, []).append(f)
    assert dict(idx.by_table) == tables and list(idx.by_table) == list(tables)
    for f in idx.doc.facts:
        assert idx.scope[f.id] == scope(f)
        assert idx.period_key[f.id] == (f.period.key if f.period else None)
        if f.period is not None:
            assert idx.period_months[f.id] == f.period.months
    for concept in list(idx.by_concept)[:40]:
        for period in {None, *(idx.period_key[f.id] for f in idx.by_concept[concept])}:
            plain = [f for f in idx.by_concept[concept]
                     if period is None or idx.period_key[f.id] == period]
            assert idx.find(concept, period=period) == plain


def test_tieouts_group_the_facts_as_tie_key_does():
    idx = _seed_index()
    alias = _single_unit_segments(idx)
    groups: dict[tuple[object, ...], list] = {}
    for f in idx.doc.facts:
        k = tie_key(f, alias)
        if k is not None:
            groups.setdefault(k, []).append(f)
    pairs = [(facts[0].id, other.id) for facts in groups.values() if len(facts) > 1
             for other in facts[1:] if not (other.source and other.source == facts[0].source)]
    found = [(f.operands[0].fact_id, f.operands[1].fact_id) for f in tieouts(idx)]
    assert found == pairs and len(found) > 50


def _eager_sum(rule, what, reported, terms):
    """sum_finding as a plain Finding, every value worked out at once."""
    computed = total(terms)
    rep_iv = fact_interval(reported)
    status = classify_sum(rep_iv, reported.value, computed)
    civ = computed.iv
    fin = Finding(rule, status, lambda: _message(fin, what, reported, rep_iv, computed, 0),
                  FactOperands((("reported", reported),
                                *(("+" if s >= 0 else "-", f) for s, f in terms))),
                  reported.value, computed.mid, civ, civ.radius + rep_iv.radius,
                  civ.gap(rep_iv) if status.value == "mismatch" else _ZERO, reported.unit,
                  lambda: sum_text(terms), None, ())
    return fin


def test_sums_read_later_are_the_sums_worked_out_at_once():
    idx = _seed_index()
    facts = [f for f in idx.doc.facts if f.unit == "USD" and f.decimals is not None][:60]
    checked = {"ok": 0, "other": 0}
    for i in range(0, len(facts) - 3, 3):
        a, b, c = facts[i:i + 3]
        for reported, terms in ((a, [(1, b), (1, c)]), (c, [(1, a), (-1, b)]),
                                (a, [(1, a)])):  # the last adds up: ok
            lazy = sum_finding("r", "what", reported, terms)
            eager = _eager_sum("r", "what", reported, terms)
            assert lazy.to_dict() == eager.to_dict()
            assert (lazy.line, lazy.file) == (eager.line, eager.file)
            checked["ok" if lazy.status.value == "ok" else "other"] += 1
    assert checked["ok"] > 5 and checked["other"] > 5


def test_sums_of_plain_facts_are_the_sums_of_signed_terms():
    """plus_finding keeps the facts; the finding is sum_finding's with a + for each."""
    idx = _seed_index()
    facts = [f for f in idx.doc.facts if f.unit == "USD" and f.decimals is not None][:60]
    statuses = set()
    for i in range(0, len(facts) - 3, 3):
        a, b, c = facts[i:i + 3]
        for reported, parts in ((a, [b, c]), (c, [a, b]), (a, [a]), (b, [a, b, c])):
            plain = sum_finding("r", "what", reported, [(1, f) for f in parts], ("n",))
            kept = plus_finding("r", "what", reported, parts, ("n",))
            assert kept.to_dict() == plain.to_dict()
            assert (kept.line, kept.file) == (plain.line, plain.file)
            statuses.add(kept.status.value)
    assert {"ok", "mismatch"} <= statuses


def test_tie_outs_read_later_are_the_ties_worked_out_at_once():
    idx = _seed_index()
    facts = [f for f in idx.doc.facts if f.decimals is not None][:80]
    for a, b in zip(facts, facts[1:], strict=False):
        lazy = same_finding("tie.x", "what", a, b)
        a_iv, b_iv = fact_interval(a), fact_interval(b)
        assert lazy.computed_interval == b_iv
        assert lazy.tolerance == a_iv.radius + b_iv.radius
        assert lazy.gap == (a_iv.gap(b_iv) if lazy.status.value == "mismatch" else _ZERO)
        assert lazy.arithmetic == f"{fmt_fact(a)} = {fmt_fact(b)}"
        assert [o.fact_id for o in lazy.operands] == [a.id, b.id]
        assert str(Approx.of(b).iv) == str(lazy.computed_interval)


def test_caseless_search_with_written_out_needles_matches_the_pattern():
    for text in SEED_LINES:
        for p in [v for v in vars(prose).values() if isinstance(v, claims.Caseless)] + \
                [p for p, _ in prose.HINTS]:
            got = p.search(text)
            want = p.slow.search(text)
            assert (got and got.span()) == (want and want.span())
            low = text.lower()
            if text.isascii():
                got = p.search_folded(low)
                assert (got and got.span()) == (want and want.span())
                # (and every match, as the plain pattern finds them)
                assert [m.span() for m in p.finditer_folded(low)] == \
                    [m.span() for m in p.slow.finditer(text)]


def test_conversions_read_from_their_facts_are_those_read_through_operands():
    """check_conversion given the facts gives the finding it makes from the operands
    alone, for every evident factor (so the rounded-factor notes are exercised too)."""
    from assay.model.findings import Operand
    from assay.relations.derived import _candidates, check_conversion, grade_pairs

    idx = _seed_index()
    statuses = set()
    for name, factor in _candidates():
        for g, o in grade_pairs(idx):
            args = ("r", "what", Operand.of(g, "g/t"), Operand.of(o, "reported"),
                    (name, factor, 3), 9)
            plain = check_conversion(*args)
            read = check_conversion("r", "what", Operand.of(g, "g/t"),
                                    Operand.of(o, "reported"), (name, factor, 3), 9, g, o)
            assert read.to_dict() == plain.to_dict()
            statuses.add(read.status.value)
    assert statuses == {"ok", "rounding", "mismatch"}


def test_clause_starts_with_the_folded_text_given():
    for text in SEED_LINES:
        assert prose._clause_starts(text, claims.fold(text)) == \
            [c.start() for c in re.compile(prose._CLAUSE.pattern, re.I).finditer(text)]


def test_conversion_fits_is_the_interval_test():
    from assay.relations.derived import _candidates, conversion_fits, grade_pairs, opt_interval

    idx = _seed_index()
    pairs = grade_pairs(idx)
    assert len(pairs) > 20
    fits = 0
    for g, o in pairs:
        for _, factor in _candidates():
            want = opt_interval(g.interval, factor).meets(o.interval)
            assert conversion_fits(g.interval, o.interval, factor) is want
            fits += want
    assert 0 < fits < len(pairs) * len(_candidates())


TURN_WORDS = ["a year ago", "last year", "2007", "1999", "2100", "20", "19", "x2007", ",", " ",
              "\t", "to", "To", "toward", " to ", "year", "ago", "a", "from"]


@given(st.lists(st.sampled_from(TURN_WORDS), max_size=20).map("".join))
@settings(max_examples=300)
def test_turns_are_the_patterns(text):
    want = None
    for want in prose._TURN.finditer(text):  # noqa: B007
        pass
    got = prose._last_turn(text)
    assert (got and got.span()) == (want and want.span())


def test_clause_words_are_the_patterns():
    words = ["compared to", "compares to", "compared", "compare", "compared tox", "than",
             "thanx", "xthan", ";", " ", "to", "d to", "_", "s"]
    for text in SEED_LINES + ["".join(words), " ".join(words), "compared to;than"]:
        low = text.lower()
        assert prose._clause_words(low) == [c.start() for c in prose._CLAUSE_WORDS.finditer(low)]


@given(st.lists(st.sampled_from(["compared to", "compares to", "compared", "than", "thanx",
                                 "_than", ";", " ", "to", "x", "s to", "d"]),
                max_size=20).map("".join))
def test_clause_words_are_the_patterns_on_generated_text(low):
    assert prose._clause_words(low) == [c.start() for c in prose._CLAUSE_WORDS.finditer(low)]


def test_paragraph_leads_are_the_pattern():
    doc = read_text(SEED.read_text(encoding="utf-8"), "seed.txt")
    found = 0
    for par in claims.paragraphs(doc):
        want = prose._LEAD.match(par.text)
        got = prose._lead(par)
        assert (got and got.group(1)) == (want and want.group(1))
        found += want is not None
    assert found > 0


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6,
                   min_value=-10**9, max_value=10**9),
       st.integers(min_value=-6, max_value=6))
def test_rounding_with_the_quantum_made_once_is_round_to(value, decimals):
    from assay.model import round_to
    from assay.model.findings import rounded

    got, want = rounded(value, decimals), round_to(value, decimals)
    assert got == want and str(got) == str(want)


def test_unsigned_labels_are_the_label_test():
    idx = _seed_index()
    labels = [f.label for f in idx.doc.facts] + ["Gain on sale", "FOREIGN EXCHANGE loss", ""]
    for label in labels * 2:  # the second time from the cache
        low = label.lower()
        assert prose._unsigned_label(label) == ("foreign exchange" in low or "gain" in low)
    assert any(prose._unsigned_label(f.label) for f in idx.doc.facts)


def test_weighted_sums_are_the_approx_sums():
    from assay.relations.derived import _weighted_sums

    idx = _seed_index()
    costs = [f for f in idx.doc.facts if f.unit == "USD/oz" and f.decimals is not None][:12]
    ounces = [f for f in idx.doc.facts if f.unit == "oz" and f.decimals is not None][:12]
    assert len(costs) == len(ounces) == 12
    for k in range(1, 6):
        pairs = list(zip(costs[k:k + k], ounces[:k], strict=False))
        num, den = Approx.exact(0), Approx.exact(0)
        for cst, oz in pairs:
            num = num + Approx.of(cst) * Approx.of(oz)
            den = den + Approx.of(oz)
        got = _weighted_sums(pairs)
        assert got == (num, den)
        assert [str(x) for a in got for x in (a.mid, a.iv.lo, a.iv.hi)] == \
            [str(x) for a in (num, den) for x in (a.mid, a.iv.lo, a.iv.hi)]


@given(st.lists(st.sampled_from(SENTENCE_WORDS + ["PER OUNCE", "Grams per Tonne", "OUNCES"]),
                max_size=30).map(" ".join))
@settings(max_examples=300)
def test_mentions_of_folded_text_are_those_of_the_text(text):
    """The folded path (tails matched as read from the lower-cased text) finds what the
    case-insensitive patterns find on the text as written."""
    if text.isascii():
        assert [_m(m) for m in mentions(text, 0, text.lower())] == \
            [_m(m) for m in mentions(text, 0, None)]


def test_mentions_of_the_seeds_folded_lines_are_those_of_the_lines():
    found = 0
    for text in SEED_LINES:
        folded = [_m(m) for m in mentions(text, 0, claims.fold(text))]
        assert folded == [_m(m) for m in mentions(text, 0, None)]
        found += len(folded)
    assert found > 50


def test_reconciliation_sections_are_keyed_as_row_key_keys_each_fact():
    from assay.relations.derived import _find_sections, _row_key
    from assay.relations.index import RECONCILIATION

    idx = _seed_index()
    tables = list(idx.tables(RECONCILIATION))
    assert tables
    for table in tables:
        want: dict[str, dict] = {}
        for row in table.rows:
            if row.heading:
                continue
            for c, fid in enumerate(row.fact_ids):
                f = idx.get(fid)
                if f is not None:
                    want.setdefault(row.section or "", {}).setdefault(
                        _row_key(row, f), {}).setdefault(c, f)
        got = {sec.title: {k: dict(v) for k, v in sec.cells.items()}
               for sec in _find_sections(table, idx)}
        assert got == want
        assert [list(v) for v in got.values()] == [list(v) for v in want.values()]
        assert any(k[0] == "recon" for v in got.values() for k in v)


def test_checks_skipped_for_a_sentence_find_nothing_there():
    """check_claims calls the intercept, ratio, change and difference checks only on
    sentences citing figures of their kinds: on every other sentence of the seed each
    finds nothing and marks no figure used."""
    from assay.relations.derived import conversions

    idx = _seed_index()
    ctx = prose._context(idx.doc, idx, conversions(idx)[1])
    skipped = {"m": prose._intercepts, "ratio": prose._ratios,
               "pct": prose._percent_changes, "usd/oz usd/lb": prose._differences}
    tried = 0
    for par in claims.paragraphs(idx.doc):
        sents = claims.sentences(par)
        for k, s in enumerate(sents):
            kinds = {m.kind for m in s.mentions}
            for wanted, check in skipped.items():
                if kinds & set(wanted.split()):
                    continue
                args = (ctx, s) if check in (prose._intercepts, prose._ratios) else \
                    (ctx, s, sents[max(0, k - 2):k])
                assert check(*args) == []
                assert not any(m.used for m in s.mentions)
                tried += bool(s.mentions)
    assert tried > 50


def test_labelled_facts_are_those_whose_lowered_label_holds_the_word():
    from assay.relations.derived import conversions

    idx = _seed_index()
    for word in ("foreign exchange", "gain", "total", "silver", "zzz"):
        for _ in range(2):  # a fresh context, the labels lowered from the cache
            ctx = prose._context(idx.doc, idx, conversions(idx)[1])
            assert prose._labelled(ctx, word) == \
                [f for f in idx.doc.facts if word in f.label.lower()]
    assert prose._labelled(ctx, "foreign exchange")


_DECIMALS = st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False)


@st.composite
def _intervals(draw):
    a, b = sorted((draw(_DECIMALS), draw(_DECIMALS)))
    return Interval(a, b)


@given(_intervals(), _intervals(), _DECIMALS)
def test_approx_arithmetic_is_the_intervals_arithmetic(a, b, factor):
    """Approx builds its intervals without Interval's constructor: the same bounds, to
    the last digit and exponent, as Interval's own operators."""
    x, y = Approx(a.lo, a), Approx(b.lo, b)
    pairs = [((x + y).iv, a + b), ((x - y).iv, a - b), ((-x).iv, -a), ((x * y).iv, a * b),
             (x.scale(factor).iv, a.scale(factor))]
    if not b.lo <= 0 <= b.hi:
        pairs.append(((x / y).iv, a / b))
    for got, want in pairs:
        assert (str(got.lo), str(got.hi)) == (str(want.lo), str(want.hi))


_TAIL_WORDS = ["", " ", "-", "Per", "per", "OUNCE", "ounce", "Pound", "common", "Share",
               "TON", "tonne", "Tonne", "of", "Silver", "GOLD", "average", "grading", "x"]


@given(st.lists(st.sampled_from(_TAIL_WORDS), max_size=8).map(" ".join))
@settings(max_examples=400)
def test_the_tails_of_a_figure_match_as_their_case_insensitive_patterns(tail):
    """The words after a cited figure are matched lower-cased with the plain pattern (the
    path ``mentions`` takes, folded or not): the same span, and the same groups ignoring
    case, as the case-insensitive pattern on the words as written."""
    for p in (claims._PER, claims._OZ_TAIL, claims._G_TAIL, claims._GRADING):
        got, want = p.match(tail), p.slow.match(tail)
        assert (got is None) == (want is None)
        if got is not None:
            assert got.span() == want.span()
            assert [g and g.lower() for g in got.groups()] == \
                [g and g.lower() for g in want.groups()]
