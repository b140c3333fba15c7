"""Prose claims matched to the facts they cite, and checked.

What a mention claims is read from the words around it:

- its concept from the nearest key phrase before it in its clause ("net income of",
  "total cash cost of", "price of silver") or, failing that, right after it ("charge for
  foreign exchange"); a table footnote's figures belong to the rows that cite the footnote;
- its period from the clause ("second quarter of 2007", "first six months", "a year ago"),
  else the sentence, else the sentences before it in the paragraph;
- its entity from the paragraph's lead ("Lucky Friday - ...") or a unit named in the
  sentence;
- its metal from the nearest metal named before it.

A value claim holds when a fact of that concept, period and entity meets the claim's
interval (``$24.3 million`` is [24.25, 24.35] million); it is a mismatch only when the
words pin down one quantity and that quantity does not meet it. Changes ("rose 21%, from
$10.99 ... to $13.33", "an 18% increase in production", "a $3.96 per ounce improvement")
are recomputed from the figures; ratios ("a current ratio of 5.7:1") from the balance
sheet; conversions ("296.6 grams per tonne silver (8.66 ounces per ton silver)") with
240/7 or the factor the document evidently used. A figure that cannot be linked to a fact
(guidance, approximations, amounts the tables do not print) is listed as ``not checkable``
with the reason: never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from assay.model import Document, Fact
from assay.model.findings import (
    Finding,
    Operand,
    Status,
    Text,
    fact_interval,
    new_interval,
    rounded,
    written,
)
from assay.relations.check import (
    Approx,
    classify_derived,
    fmt,
    fmt_fact,
    quotient_words,
    zero_divisor,
)
from assay.relations.derived import check_conversion, grade_pairs
from assay.relations.index import INTERCEPTS, PER_OUNCE, FactIndex, scope

from .claims import (
    METALS,
    Caseless,
    Mention,
    Paragraph,
    Sentence,
    _number,
    fold,
    paragraphs,
    sentences,
)

HINTS: list[tuple[Caseless, tuple[str, ...]]] = [
    (Caseless(p, n), c) for p, n, c in (
        (r"net income", ("net income",), ("net_income",)),
        (r"per (?:common )?share", ("share",), ("eps_basic",)),
        (r"cash operating cost", ("cash operating cost",), ("cash_operating_cost_per_oz",)),
        (r"production cost", ("production cost",), ("total_production_cost_per_oz",)),
        (r"cash cost", ("cash cost",), ("total_cash_cost_per_oz",)),
        (r"\bprices?\b", ("price",), ("metal_price",)),
        (r"\bgrade\b", ("grade",), ("head_grade",)),
        (r"produc|\bmined\b", ("produc", "mined"), ("metal_produced",)),
        (r"pre-tax gain|gain on (?:the )?sale", ("gain",), ("gain_on_sale_of_properties",)),
        (r"foreign exchange", ("foreign exchange",), ("label:foreign exchange",)),
        (r"sales revenue|\brevenue\b", ("revenue",), ("sales",)),
    )
]
UNIT_OF_KIND = {"usd": "USD", "usd/oz": "USD/oz", "usd/lb": "USD/lb", "usd/share": "USD/share",
                "usd/ton": "USD/ton", "oz": "oz", "oz/ton": "oz/ton", "g/t": "g/t", "m": "m"}
#: Concepts whose sign is a matter of presentation (a gain printed in parentheses).
UNSIGNED = ("gain_on_sale_of_properties", "label:foreign exchange")

_FORWARD = Caseless(r"\b(would|could|expects?|expected|estimated?|guidance|anticipat\w*|"
                    r"forecast\w*|projected)\b",
                    ("would", "could", "expect", "estimat", "guidance", "anticipat", "forecast",
                     "projected"))
_HEDGE = Caseless(r"(more than|exceeding|over|at least|nearly|approximately|approximate|"
                  r"about|close to|up to|less than|approached|range of|ranging from|"
                  r"in excess of)\s+(?:a\s+)?$",
                  ("more than", "exceeding", "over", "at least", "nearly", "approximate",
                   "about", "close to", "up to", "less than", "approached", "range of",
                   "ranging from", "in excess of"))
_LOWER_BOUND = ("more than", "exceeding", "at least", "in excess of")
_Q = Caseless(r"second quarter|the quarter\b|three months|quarterly", ("quarter", "three months"))
_H1 = Caseless(r"six months|six-month|first half|half of", ("six", "half"))
_PRIOR = Caseless(r"a year ago|last year|prior year|previous year|same period",
                  ("year", "same period"))
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_CURRENT = Caseless(r"this year", ("this year",))
_CHANGE_UP = Caseless(r"rose|increase|higher|more than|improve|up\b",
                      ("rose", "increase", "higher", "more than", "improve", "up"))
_CHANGE_ANY = Caseless(r"rose|increase|decrease|higher|lower|more than|less than|improve|"
                       r"fell|declin|reduc",
                       ("rose", "increase", "decrease", "higher", "lower", "more than",
                        "less than", "improve", "fell", "declin", "reduc"))
_CLAUSE = re.compile(r"\bcompared to\b|\bcompares to\b|(?<!more )(?<!less )(?<!rather )\bthan\b|;",
                     re.IGNORECASE)
_CLAUSE_WORDS = re.compile(r"compare[ds] to\b|than\b|;")
_NOT_A_CLAUSE = ("more ", "less ", "rather ")
_CONNECT = Caseless(r"\b(compared to|to|versus|and|or)\b")
_RATIO = Caseless(r"current ratio of\s*$", ("current ratio of",))
_ASIDE_CLOSE = re.compile(r"^[^()]*\)")
_ASIDE = re.compile(r"\([^)]*\)")
_TURN = re.compile(r"(?:a year ago|last year|\b(?:19|20)\d\d),?\s+to\s")
_PRICE_OF = Caseless(r"price of (silver|gold|lead|zinc)|(silver|gold|lead|zinc) price",
                     ("price",))
_METAL = Caseless(r"\b(silver|gold|lead|zinc)\b", METALS)
_HEAD_METAL = Caseless(r"(?:price of|average)\s+(silver|gold|lead|zinc)|(silver|gold|lead|zinc)"
                       r"\s+price", ("price", "average"))
_LEAD = re.compile(r"^\s*([A-Z][\w ]+?)\s+-\s")
_NUMBER_TEXT = re.compile(r"[\d,.]+")
_CHANGE_NOUN = Caseless(r"^\s*(increase|decrease|improvement|reduction)\b")
_DIFF_NOUN = Caseless(r"^\s*(improvement|increase|decrease|reduction)\b")
_DIFF_VERB = Caseless(r"(decreased|increased|improved|declined|rose|fell)\s+by\s+$",
                      ("decreased", "increased", "improved", "declined", "rose", "fell"))
_COMPARED = Caseless(r"compared to|than|a year ago|last year",
                     ("compared to", "than", "a year ago", "last year"))
_FROM = re.compile(r"^,?\s+from\s+")
_CONV = Caseless(
    r"(?P<g1>\d[\d,]*(?:\.\d+)?)(?:\s+to\s+(?P<g2>\d[\d,]*(?:\.\d+)?))?\s+grams"
    r"(?:\s+of\s+(?P<gm1>gold|silver))?\s+per\s+tonne(?:\s+(?P<gm2>gold|silver))?\s*\("
    r"(?P<o1>\d[\d,]*(?:\.\d+)?)(?:\s+to\s+(?P<o2>\d[\d,]*(?:\.\d+)?))?\s+ounces?\s+per\s+ton"
    r"(?:\s+(?P<om>gold|silver))?\)", ("grams",))


@dataclass(slots=True)
class Context:
    doc: Document
    idx: FactIndex
    year: int
    units: tuple[str, ...]
    evident: tuple[str, Decimal | None, int]
    n_conversions: int
    intercept_rows: dict[int, dict[str, Fact]]
    #: look-ups made once per audit (candidate facts by concepts and kind of figure)
    memo: dict[object, object] = field(default_factory=dict)


# --- context of a mention -----------------------------------------------------------


def _clause_span(s: Sentence, m: Mention) -> tuple[int, int]:
    """The clause of the sentence holding the mention (split at "compared to", "than");
    worked out once, kept on the mention."""
    hit = m.span
    if hit is not None:
        return hit
    rel = m.start - s.start
    cuts = _cuts(s)
    span = 0, len(s.text)
    for k in range(len(cuts) - 1):
        if cuts[k] <= rel < cuts[k + 1]:
            span = cuts[k], cuts[k + 1]
            break
    m.span = span
    return span


def _cuts(s: Sentence) -> tuple[int, ...]:
    cuts = s.memo.get("cuts")
    if cuts is None:
        text = s.text
        inner = [c for c in _clause_starts(text, s.low)
                 if text.count("(", 0, c) <= text.count(")", 0, c)]
        cuts = s.memo["cuts"] = (0, *inner, len(text))
    return cuts  # type: ignore[return-value]


def _clause_starts(text: str, low: str | None | bool = False) -> list[int]:
    """Where ``_CLAUSE`` matches in ``text``. On ASCII text, the words of
    ``_CLAUSE_WORDS`` are found in the lower-cased text and the word boundary and
    "more/less/rather than" are checked by hand: the same places (no match can begin
    inside a rejected one), without trying the look-behinds at every character.
    ``low``: ``fold(text)`` if at hand."""
    if low is False:
        low = fold(text)
    if low is None:
        return [c.start() for c in _CLAUSE.finditer(text)]
    out = []
    for i in _clause_words(low):
        if low[i] != ";":
            if i > 0 and (low[i - 1].isalnum() or low[i - 1] == "_"):
                continue  # no word boundary before it
            if low[i] == "t" and low.endswith(_NOT_A_CLAUSE, 0, i):
                continue
        out.append(i)
    return out


def _clause_words(low: str) -> list[int]:
    """Where ``_CLAUSE_WORDS`` matches in ``low``, in order, found with ``str.find`` (a
    pattern that opens with a choice is tried at every character). Its three words
    cannot overlap one another or themselves, so the matches are those of each word."""
    out = []
    n = len(low)
    k = low.find(";")
    while k >= 0:
        out.append(k)
        k = low.find(";", k + 1)
    k = low.find("than")
    while k >= 0:
        if k + 4 == n or not _word(low[k + 4]):
            out.append(k)
        k = low.find("than", k + 4)
    k = low.find("compare")
    while k >= 0:
        if low[k + 7:k + 11] in ("d to", "s to") and (k + 11 == n or not _word(low[k + 11])):
            out.append(k)
        k = low.find("compare", k + 7)
    if len(out) > 1:
        out.sort()
    return out


def _window(s: Sentence, m: Mention) -> tuple[str, str]:
    """Text since the previous mention, and text until the next, within the clause;
    worked out once, kept on the mention (a mention found late, the first figure of a
    range, does not change the windows already worked out)."""
    hit = m.window
    if hit is not None:
        return hit
    a, b = _clause_span(s, m)
    rel_start, rel_end = m.start - s.start, m.end - s.start
    prev_end = max([x.end - s.start for x in s.mentions if x.end <= m.start] + [a])
    next_start = min([x.start - s.start for x in s.mentions if x.start >= m.end] + [b])
    before = s.text[max(a, prev_end):rel_start]
    after = s.text[rel_end:max(rel_end, next_start)]
    if ")" in before:  # (no match without one)
        before = _ASIDE_CLOSE.sub(" ", before)  # the close of an aside the last figure was in
    m.window = before, after
    return before, after


def _search(pat: Caseless, s: Sentence) -> re.Match[str] | None:
    """``pat.search(s.text)``, with the sentence's text lower-cased once."""
    low = s.low
    return pat.slow.search(s.text) if low is None else pat.search_folded(low)


def _lower(s: Sentence) -> str:
    """``s.text.lower()``."""
    return s.text.lower() if s.low is None else s.low


def _kind_of(text: str, low: str | None | bool = False) -> int | None:
    """3 for words of a quarter, 6 for words of six months, None for neither or both.
    ``low``: ``fold(text)`` when already worked out."""
    if low is False:
        low = fold(text)
    if low is None:
        q, h = _Q.slow.search(text), _H1.slow.search(text)
    else:
        q, h = _Q.search_folded(low), _H1.search_folded(low)  # type: ignore[arg-type]
    if q and h:
        return None
    return 3 if q else 6 if h else None


def _sentence_kind(s: Sentence) -> int | None:
    """``_kind_of`` the whole sentence, once."""
    memo = s.memo
    if "kind" not in memo:
        memo["kind"] = _kind_of(s.text, s.low)
    return memo["kind"]  # type: ignore[return-value]


def _years_in(text: str, year: int, low: str | None | bool = False) -> set[int]:
    """Years named in ``text`` ("2007", "a year ago"...). ``low``: as for ``_kind_of``."""
    ys = _years(text)
    if low is False:
        low = fold(text)
    if low is None:
        prior, current = _PRIOR.slow.search(text), _CURRENT.slow.search(text)
    else:
        prior = _PRIOR.search_folded(low)  # type: ignore[arg-type]
        current = _CURRENT.search_folded(low)  # type: ignore[arg-type]
    if prior:
        ys.add(year - 1)
    if current:
        ys.add(year)
    return ys


def _years(text: str) -> set[int]:
    """``{int(y) for y in _YEAR.findall-like matches}``: the years ``_YEAR`` finds, found by
    looking for "19" and "20" instead of trying the pattern at every character. A match is
    "19" or "20", two more digits (``\\d``: ``str.isdecimal``), and a word boundary on either
    side (a word character being ``str.isalnum()`` or "_", as ``re`` has it)."""
    out: set[int] = set()
    n = len(text)
    for lead in ("19", "20"):
        k = text.find(lead)
        while k >= 0:
            e = k + 4
            if (e <= n and text[k + 2].isdecimal() and text[k + 3].isdecimal()
                    and (k == 0 or not _word(text[k - 1]))
                    and (e == n or not _word(text[e]))):
                out.add(int(text[k:e]))
            k = text.find(lead, k + 1)
    return out


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _period(s: Sentence, prior: list[Sentence], m: Mention, year: int) -> tuple[int | None,
                                                                                int | None]:
    """(months, year) the mention speaks of; None where the words do not say."""
    before, after = _window(s, m)
    a, b = _clause_span(s, m)
    text = s.text
    rel = m.start - s.start
    # the clause's words, once per clause (and whether the figure is in an aside)
    key = ("clause", a, b, text.count("(", a, rel) > text.count(")", a, rel))
    cl = s.memo.get(key)
    if cl is None:
        clause = text[a:b]
        if not key[3]:
            clause = _ASIDE.sub(" ", clause)  # an aside speaks of other figures
        cl = s.memo[key] = [clause, fold(clause), False, None]
    # "from a year ago to ... $0.90": the figure is the later one
    turn = _last_turn(before)
    cut = turn is not None
    if turn is not None:
        before = before[turn.end():]
    local = before + " " + after
    low = fold(local)
    months = _kind_of(local, low) or _clause_kind(cl) or _sentence_kind(s)
    if months is None:
        for p in reversed(prior):
            months = _sentence_kind(p)
            if months:
                break
    ys = _years_in(local, year, low) or ({year} if cut else _clause_years(cl, year))
    if len(ys) == 1:
        return months, ys.pop()
    if not ys and months is not None:
        return months, year
    return months, None


def _last_turn(before: str) -> re.Match[str] | None:
    """The last match of ``_TURN`` in ``before``; the pattern is tried only on text that
    holds "to" and "year", "19" or "20", as each match does (a failed scan costs
    microseconds: the pattern opens with a choice)."""
    turn = None
    if "to" in before and ("year" in before or "19" in before or "20" in before):
        for turn in _TURN.finditer(before):  # noqa: B007  (the last one)
            pass
    return turn


def _clause_kind(cl: list) -> int | None:  # type: ignore[type-arg]
    """``_kind_of`` a clause memo ``[clause, fold(clause), kind or False, years]``."""
    if cl[2] is False:
        cl[2] = _kind_of(cl[0], cl[1])
    return cl[2]  # type: ignore[no-any-return]


def _clause_years(cl: list, year: int) -> set[int]:  # type: ignore[type-arg]
    """``_years_in`` the clause of a clause memo, as a new set."""
    if cl[3] is None:
        cl[3] = _years_in(cl[0], year, cl[1])
    return set(cl[3])


def _metal(s: Sentence, m: Mention, prior: list[Sentence]) -> str | None:
    if m.metal:
        return m.metal
    before, after = _window(s, m)
    named = _PRICE_OF.search(before)
    if named:
        return (named.group(1) or named.group(2)).lower()
    last = None
    for last in _METAL.finditer(before):  # noqa: B007  (the last one)
        pass
    if last is not None:
        return last.group(0).lower()
    memo = s.memo
    if "head" not in memo:
        head = _search(_HEAD_METAL, s)
        memo["head"] = (head.group(1) or head.group(2)).lower() if head else None
    return memo["head"]  # type: ignore[return-value]


#: HINTS as (plain pattern, IGNORECASE pattern, needles, concepts), for _hints_in
_HINT_TABLE = [(p.fast, p.slow, p.needles, c) for p, c in HINTS]


def _last_hint(text: str) -> tuple[str, ...]:
    """The concepts of the key phrase that ends last in ``text`` (the first of HINTS on a
    tie): what searching with each of HINTS in turn finds."""
    best_end, best = -1, ()
    for pattern, subject, concepts in _hints_in(text):
        for hit in pattern.finditer(subject):
            if hit.end() > best_end:
                best_end, best = hit.end(), concepts
    return best


def _first_hint(text: str) -> tuple[str, ...]:
    """The concepts of the first of HINTS found anywhere in ``text``, or ()."""
    for pattern, subject, concepts in _hints_in(text):
        if pattern.search(subject):
            return concepts
    return ()


def _hints_in(text: str) -> Iterator[tuple[re.Pattern[str], str, tuple[str, ...]]]:
    """Each of HINTS that may be found in ``text``, in order: the pattern to try, the
    text to try it on (the folded text with the plain pattern, when the text folds) and
    the hint's concepts. A hint none of whose needles the folded text holds is skipped,
    as its ``Caseless`` search would skip it."""
    low = fold(text)
    if low is None:
        for _, slow, _, concepts in _HINT_TABLE:
            yield slow, text, concepts
        return
    for fast, _, needles, concepts in _HINT_TABLE:
        if needles is not None:
            for n in needles:
                if n in low:
                    break
            else:
                continue
        yield fast, low, concepts
    for fast, _, needles, concepts in _HINT_TABLE:
        if needles is not None:
            for n in needles:
                if n in low:
                    break
            else:
                continue
        if fast.search(low):
            return concepts
    return ()


def _concepts(s: Sentence, m: Mention, after_first: bool = False) -> tuple[str, ...]:
    """What the mention is a figure of: the key phrase nearest before it, else after it,
    else the previous figure's of the same kind ("from $10.99 ... to $13.33"), else the
    clause's opening words."""
    if m.kind == "usd/share":
        return ("eps_basic",)
    key = ("concepts", m.start, m.end, after_first)  # a mention is its place
    hit = s.memo.get(key)
    if hit is None:
        hit = s.memo[key] = _find_concepts(s, m, after_first)
    return hit  # type: ignore[return-value]


def _find_concepts(s: Sentence, m: Mention, after_first: bool) -> tuple[str, ...]:
    before, after = _window(s, m)
    found_after = _first_hint(after[:45])
    if after_first and found_after:
        return found_after
    found = _last_hint(before) or found_after
    if found:
        return found
    prev = [x for x in s.mentions if x.end <= m.start]
    if prev:
        p = prev[-1]
        gap = s.text[p.end - s.start:m.start - s.start]
        if p.kind == m.kind:
            return _concepts(s, p) if _CONNECT.search(gap) else ()
    a, _ = _clause_span(s, m)
    return _last_hint(s.text[a:m.start - s.start])


def _entity(s: Sentence, ctx: Context) -> str | None:
    memo = s.memo
    if "entity" not in memo:
        memo["entity"] = _find_entity(s, ctx)
    return memo["entity"]  # type: ignore[return-value]


def _lead(par: Paragraph) -> re.Match[str] | None:
    """``_LEAD.match(par.text)``, once per paragraph (the lazy pattern backtracks over the
    whole first line; a lead holds " -")."""
    lead = par.memo.get("lead", False)
    if lead is False:
        text = par.text
        lead = par.memo["lead"] = _LEAD.match(text) if "-" in text else None
    return lead  # type: ignore[return-value]


def _find_entity(s: Sentence, ctx: Context) -> str | None:
    lead = _lead(s.paragraph)
    lower = _lower(s)
    named = [u for u in ctx.units if u.lower() in lower]
    if len(named) == 1:
        return named[0]
    if lead and lead.group(1) in ctx.units:
        return lead.group(1)
    return None


# --- helpers ------------------------------------------------------------------------


def _claim_operand(ctx: Context, s: Sentence, m: Mention, role: str = "claim",
                   period: str | None = None, number_only: bool = False) -> Operand:
    (line, col, col_end), *more = s.paragraph.spans(m.start, m.end)
    printed = _NUMBER_TEXT.match(m.text).group(0) if number_only else m.text  # type: ignore[union-attr]
    label = s.memo.get("label")
    if label is None:
        label = s.memo["label"] = s.text.strip()[:160]
    return Operand(role, label, printed, m.value, m.interval,  # type: ignore[arg-type]
                   UNIT_OF_KIND.get(m.kind, m.kind), period, "prose", ctx.doc.path, line, col,
                   col_end, None, None, tuple(more))


def _unverified(ctx: Context, s: Sentence, m: Mention, reason: str) -> Finding:
    m.used = True
    return Finding("prose.unverified", Status.NOT_CHECKABLE, f'"{m.text}": not checkable, {reason}',
                   (_claim_operand(ctx, s, m),), m.value, None, None, None, None,
                   UNIT_OF_KIND.get(m.kind, m.kind), "", reason)


def _cannot_divide(rule: str, ctx: Context, s: Sentence, m: Mention, what: str, reason: str,
                   facts: list[tuple[str, Fact]], extra: list[Operand] | None = None,
                   ) -> Finding:
    """A claim whose recomputation would divide by a figure that is, or may be, zero."""
    m.used = True
    return Finding(rule, Status.NOT_CHECKABLE, f'"{m.text}": {what}: not checkable, {reason}',
                   (_claim_operand(ctx, s, m), *(extra or ()),
                    *(Operand.of(f, role) for role, f in facts)),
                   m.value, None, None, None, None, UNIT_OF_KIND.get(m.kind, m.kind), "",
                   reason)


def _result(rule: str, ctx: Context, s: Sentence, m: Mention, computed: Approx, what: str,
            arith: Text, facts: list[tuple[str, Fact]], extra: list[Operand] | None = None,
            period: str | None = None, notes: tuple[str, ...] = ()) -> Finding:
    m.used = True
    status = classify_derived(m.interval, m.value, m.decimals, computed)
    ops = (_claim_operand(ctx, s, m, period=period), *(extra or ()),
           *(Operand.of(f, role) for role, f in facts))
    civ = computed.iv
    return Finding(rule, status, (_result_message, m, computed, status, what, arith), ops,
                   m.value, computed.mid, civ, (civ, m.interval),
                   civ.gap(m.interval) if status is Status.MISMATCH else Decimal(0),
                   UNIT_OF_KIND.get(m.kind, m.kind), arith, None, notes)


def _result_message(m: Mention, computed: Approx, status: Status, what: str, arith: Text) -> str:
    arith = written(arith)
    places = max(m.decimals, 0) + 2
    shown = fmt(computed.mid, places)
    if status is Status.OK:
        return f'"{m.text}": {what}: {arith} = {shown}, as cited'
    if status is Status.ROUNDING:
        return f'"{m.text}": {what}: {arith} = {shown}; within rounding'
    gap = computed.iv.gap(m.interval)
    return (f'"{m.text}": {what}: {arith} = {shown}, not '
            f"{fmt(m.value, max(m.decimals, 0))}; off by at least {fmt(gap, places)} "
            f"{UNIT_OF_KIND.get(m.kind, m.kind)} beyond rounding")


# the arithmetic of the claims recomputed from facts, written when read (``findings.Text``)


def _table_prints(f: Fact) -> str:
    return f"table prints {fmt_fact(f)}"


def _change_of_figures(b: Decimal, a: Decimal) -> str:
    return f"({fmt(b)} / {fmt(a)} - 1) x 100"


def _change_of_facts(cur: Fact, old: Fact) -> str:
    return f"({fmt_fact(cur)} / {fmt_fact(old)} - 1) x 100"


def _difference_of_facts(a: Fact, b: Fact) -> str:
    return f"{fmt_fact(a)} - ({fmt_fact(b)})"


def _where(f: Fact) -> str:
    period = f.period.key if f.period else "?"
    return f"{period}, line {f.source.line}" if f.source else period


def _pkey(months: int, year: int) -> str:
    return f"{year}Q2" if months == 3 else f"{year}H1"


def _fact_for(ctx: Context, concept: str, months: int, year: int, metal: str | None,
              where: str | None = None) -> Fact | None:
    for f in ctx.idx.find(concept, period=_pkey(months, year)):
        if metal and f.metal and f.metal != metal:
            continue
        if scope(f) in (None, metal, where):
            return f
    return None


# --- claims -------------------------------------------------------------------------


def _conversions(ctx: Context, s: Sentence) -> list[Finding]:
    out = []
    for c in (_CONV.slow.finditer(s.text) if s.low is None else _CONV.finditer_folded(s.low)):
        pairs = [(c["g1"], c["o1"])] + ([(c["g2"], c["o2"])] if c["g2"] and c["o2"] else [])
        gmetal = (c["gm1"] or c["gm2"] or "").lower() or None
        ometal = (c["om"] or "").lower() or None
        for g_text, o_text in pairs:
            g = _mention_at(s, c.start() + s.start, c.end() + s.start, g_text, "g/t")
            o = _mention_at(s, c.start() + s.start, c.end() + s.start, o_text, "oz/ton")
            if g is None or o is None:
                continue
            g.used = o.used = True
            what = "prose conversion"
            f = check_conversion("prose.conversion", what,
                                 _claim_operand(ctx, s, g, "g/t", number_only=True),
                                 _claim_operand(ctx, s, o, "reported", number_only=True),
                                 ctx.evident,
                                 ctx.n_conversions)
            out.append(f)
            if gmetal and ometal and gmetal != ometal:
                out.append(Finding(
                    rule="prose.metal", status=Status.MISMATCH,
                    message=(f'"{g.text} ({o.text})": a grade of {gmetal} converted to a '
                             f"grade of {ometal}; one figure cannot be both"),
                    operands=(_claim_operand(ctx, s, o, "reported"),
                              _claim_operand(ctx, s, g, "g/t")),
                    reported=o.value, unit="oz/ton", arithmetic=f"{gmetal} != {ometal}"))
    return out


def _mention_at(s: Sentence, a: int, b: int, text: str, kind: str) -> Mention | None:
    value, _ = _number(text)
    for m in s.mentions:
        if a <= m.start < b and m.kind == kind and abs(m.value) == value:
            return m
    # a range's first figure ("15 to 225 grams") is not a mention on its own: make it one
    pos = s.text.find(text, a - s.start)
    if pos < 0:
        return None
    v, dec = _number(text)
    m = Mention(kind, v, dec, text, s.start + pos, s.start + pos + len(text))
    s.mentions.append(m)
    s.mentions.sort(key=lambda x: x.start)
    return m


def _intercepts(ctx: Context, s: Sentence) -> list[Finding]:
    """"0.85 meters grading 6,120.8 grams per tonne silver (178.55 ...)": one grid row."""
    out: list[Finding] = []
    for m in s.mentions:
        if m.kind == "m":
            break
    else:
        return out
    rows = ctx.intercept_rows
    for i, m in enumerate(s.mentions):
        if m.kind != "m":
            continue
        g = next((x for x in s.mentions[i + 1:i + 2] if x.kind == "g/t"), None)
        o = next((x for x in s.mentions[i + 2:i + 3] if x.kind == "oz/ton"), None)
        cited = [(m, "m"), *((x, f"{x.kind} {x.metal}") for x in (g, o) if x is not None)]
        best, score = None, 0
        for r, facts in rows.items():
            sc = sum(1 for x, u in cited
                     if u in facts and fact_interval(facts[u]).meets(x.interval))
            if sc > score:
                best, score = r, sc
        if best is None or score < 2:
            out.append(_unverified(ctx, s, m, "no intercept in the table matches"))
            continue
        facts = rows[best]
        hole = next(iter(facts.values())).dim("hole") or "?"
        for x, u in cited:
            f = facts.get(u)
            if f is None:
                continue
            comp = Approx.of(f)
            what = f"intercept {hole} in the table ({u})"
            fin = _result("prose.intercept", ctx, s, x, comp, what, (_table_prints, f),
                          [("fact", f)])
            if fin.status is Status.MISMATCH or fin.status is Status.ROUNDING:
                fin = _same_printing(fin, x, f)
            out.append(fin)
            x.used = u == "m"  # grades are also checked as a conversion
    return out


def _same_printing(fin: Finding, m: Mention, f: Fact) -> Finding:
    """A figure copied from a table must be the table's figure (or a rounding of it)."""
    if m.decimals >= (f.decimals or 0):
        status = Status.OK if m.value == f.value else Status.MISMATCH
    else:
        status = Status.OK if rounded(f.value, m.decimals) == m.value else (
            Status.ROUNDING if fact_interval(f).meets(m.interval) else Status.MISMATCH)
    if status is fin.status:
        return fin
    return fin.restated(status, fin.gap if status is Status.MISMATCH else Decimal(0),
                        (_as_printed, fin) if status is Status.OK else None)


def _as_printed(fin: Finding) -> str:
    """A copied figure found as printed: the message's opening (the cited text), then so."""
    return fin.message.split(":")[0] + ": as printed"


def _percent_changes(ctx: Context, s: Sentence, prior: list[Sentence]) -> list[Finding]:
    out = []
    pcts = [m for m in s.mentions if m.kind == "pct" and not m.used]
    metals_resp: list[str] = []
    if "respectively" in _lower(s) and len(pcts) > 1:
        first = pcts[0].start - s.start
        metals_resp = [x.group(0).lower() for x in
                       _METAL.finditer(s.text[:first])]
    for k, m in enumerate(pcts):
        before, after = _window(s, m)
        near = s.text if metals_resp else before[-25:] + " " + after[:40]
        if _HEDGE.search(before):
            out.append(_unverified(ctx, s, m, "an approximate figure"))
            continue
        if not _CHANGE_ANY.search(near):
            continue
        up = bool(_CHANGE_UP.search(near))
        # pattern A: "rose 21%, from $10.99 ... to $13.33"
        rest = s.text[m.end - s.start:]
        fa = _FROM.match(rest)
        later = [x for x in s.mentions if x.start >= m.end]
        if fa and len(later) >= 2 and later[0].kind == later[1].kind:
            a, b = later[0], later[1]
            what = "change between the figures cited"
            ends = [_claim_operand(ctx, s, a, "from"), _claim_operand(ctx, s, b, "to")]
            den = Approx(a.value, a.interval)
            zero = zero_divisor(f'"{a.text}" (the figure it changed from)', den)
            if zero:
                out.append(_cannot_divide("prose.percent", ctx, s, m, what, zero, [], ends))
                continue
            comp = (Approx(b.value, b.interval) / den - Approx.exact(1)).scale(Decimal(100))
            if not up:
                comp = -comp
            out.append(_result("prose.percent", ctx, s, m, comp, what,
                               (_change_of_figures, b.value, a.value), [], extra=ends))
            continue
        concepts = _concepts(s, m) or next((_concepts(p, p.mentions[0]) for p in reversed(prior)
                                            if p.mentions), ())
        text_hint = _lower(s)
        if "price" in text_hint:
            concept = "metal_price"
        elif "produc" in text_hint:
            concept = "metal_produced"
        elif concepts:
            concept = concepts[0]
        else:
            out.append(_unverified(ctx, s, m, "the quantity that changed is not named"))
            continue
        metal = metals_resp[k] if k < len(metals_resp) else _metal(s, m, prior)
        if metal is None:
            metal = next((x for p in reversed(prior) if (x := _metal_of(p.text))), None)
        months = _sentence_kind(s) or next((x for p in reversed(prior)
                                            if (x := _sentence_kind(p))), None)
        if months is None:
            out.append(_unverified(ctx, s, m, "the periods compared are not named"))
            continue
        cur = _fact_for(ctx, concept, months, ctx.year, metal)
        old = _fact_for(ctx, concept, months, ctx.year - 1, metal)
        if cur is None or old is None:
            out.append(_unverified(ctx, s, m, f"no printed {concept} of {metal} for both "
                                   f"periods"))
            continue
        what = f"change in {metal or ''} {concept.replace('_', ' ')}".replace("  ", " ")
        den = Approx.of(old)
        zero = zero_divisor(f"{old.label} ({_where(old)}, printed {old.printed})", den)
        if zero:
            out.append(_cannot_divide("prose.percent", ctx, s, m, what, zero,
                                      [("current", cur), ("prior", old)]))
            continue
        comp = (Approx.of(cur) / den - Approx.exact(1)).scale(Decimal(100))
        if not up:
            comp = -comp
        out.append(_result("prose.percent", ctx, s, m, comp, what,
                           (_change_of_facts, cur, old), [("current", cur), ("prior", old)]))
    return out


def _metal_of(text: str) -> str | None:
    found = _METAL.findall(text)
    return found[0].lower() if found else None


def _differences(ctx: Context, s: Sentence, prior: list[Sentence]) -> list[Finding]:
    """"a $3.96 per ounce improvement ... compared to the same period a year ago"."""
    out = []
    for m in s.mentions:
        if m.used or m.kind not in ("usd/oz", "usd/lb"):
            continue
        before, after = _window(s, m)
        imp = _DIFF_NOUN.match(after)
        by = _DIFF_VERB.search(before)
        if not (imp or by):
            continue
        word = (imp.group(1) if imp else by.group(1)).lower() if (imp or by) else ""
        if not _search(_COMPARED, s):
            out.append(_unverified(ctx, s, m, "a change without the periods it compares"))
            continue
        concepts = _concepts(s, m, after_first=True)
        if not concepts or concepts[0] not in PER_OUNCE:
            out.append(_unverified(ctx, s, m, "the quantity that changed is not named"))
            continue
        metal = _metal(s, m, prior) or next((x for p in reversed(prior)
                                             if (x := _metal_of(p.text))), None)
        months = _sentence_kind(s) or next((x for p in reversed(prior)
                                            if (x := _sentence_kind(p))), None)
        if months is None:
            out.append(_unverified(ctx, s, m, "the periods compared are not named"))
            continue
        entity = _entity(s, ctx)
        cur = _fact_for(ctx, concepts[0], months, ctx.year, metal, entity)
        old = _fact_for(ctx, concepts[0], months, ctx.year - 1, metal, entity)
        if cur is None or old is None:
            out.append(_unverified(ctx, s, m, "no printed figures for both periods"))
            continue
        down = word in ("improvement", "decrease", "reduction", "decreased", "improved",
                        "declined", "fell")
        comp = Approx.of(old) - Approx.of(cur) if down else Approx.of(cur) - Approx.of(old)
        arith = (_difference_of_facts, old, cur) if down else (_difference_of_facts, cur, old)
        out.append(_result("prose.difference", ctx, s, m, comp,
                           f"{word} in {metal or ''} {concepts[0].replace('_', ' ')}", arith,
                           [("current", cur), ("prior", old)]))
    return out


def _ratios(ctx: Context, s: Sentence) -> list[Finding]:
    out = []
    for m in s.mentions:
        if m.kind != "ratio" or m.used:
            continue
        before, _ = _window(s, m)
        if not _RATIO.search(before):
            out.append(_unverified(ctx, s, m, "a ratio assay does not know"))
            continue
        at = ctx.doc.period.end.isoformat() if ctx.doc.period else None
        ca = ctx.idx.one("total_current_assets", period=at)
        cl = ctx.idx.one("total_current_liabilities", period=at)
        if ca is None or cl is None:
            out.append(_unverified(ctx, s, m, f"no current assets and liabilities at {at}"))
            continue
        den = Approx.of(cl)
        zero = zero_divisor(f"{cl.label} ({_where(cl)}, printed {cl.printed})", den)
        if zero:
            out.append(_cannot_divide("prose.ratio", ctx, s, m, f"current ratio at {at}", zero,
                                      [("numerator", ca), ("denominator", cl)]))
            continue
        comp = Approx.of(ca) / den
        out.append(_result("prose.ratio", ctx, s, m, comp, f"current ratio at {at}",
                           (quotient_words, ca, cl), [("numerator", ca), ("denominator", cl)],
                           period=at))
    return out


def _footnote_concepts(ctx: Context, par: Paragraph) -> list[Fact]:
    if par.footnote is None:
        return []
    marker, t = par.footnote
    table = ctx.doc.tables[t]
    out = []
    for r in table.rows:
        if marker in r.footnotes:
            out.extend(f for fid in r.fact_ids if (f := ctx.idx.get(fid)) is not None)
    return out


def _values(ctx: Context, s: Sentence, prior: list[Sentence]) -> list[Finding]:
    out = []
    forward = bool(_search(_FORWARD, s))
    cited = _footnote_concepts(ctx, s.paragraph)
    for m in s.mentions:
        if m.used or m.kind == "pct":
            continue
        if forward:
            out.append(_unverified(ctx, s, m, "a forward-looking statement"))
            continue
        before, after = _window(s, m)
        hedge = _HEDGE.search(before)
        if hedge and hedge.group(1).lower() not in _LOWER_BOUND:
            words = before[hedge.start(1):hedge.end(1)]  # as written (the match is lower-cased)
            out.append(_unverified(ctx, s, m, f'an approximate figure ("{words}")'))
            continue
        if _CHANGE_NOUN.match(after):
            out.append(_unverified(ctx, s, m, "a change without the periods it compares"))
            continue
        months, year = _period(s, prior, m, ctx.year)
        if cited and m.kind == "usd":
            candidates = [f for f in cited if f.unit == "USD" and scope(f) is None] or cited
            candidates = _of_period(ctx, candidates, months, year)
        else:
            concepts = _concepts(s, m)
            if not concepts and m.kind in ("oz", "usd/share"):
                concepts = ("metal_produced",) if m.kind == "oz" else ("eps_basic",)
            if not concepts:
                out.append(_unverified(ctx, s, m, "no printed fact is named near it"))
                continue
            candidates = _candidates_of_period(ctx, concepts, m, months, year)
        metal = _metal(s, m, prior)
        if metal:
            candidates = [f for f in candidates if not (f.metal and f.metal != metal)]
        entity = _entity(s, ctx)
        if entity:
            candidates = [f for f in candidates if f.entity.unit == entity] or candidates
        if not candidates:
            out.append(_unverified(ctx, s, m, "no printed fact of that kind and period"))
            continue
        out.append(_match(ctx, s, m, candidates, hedge.group(1).lower() if hedge else None,
                          months is not None and year is not None, entity))
    return out


def _of_period(ctx: Context, facts: list[Fact], months: int | None,
               year: int | None) -> list[Fact]:
    """The facts of ``months`` months (if given) ended in ``year`` (if given), in order."""
    if months is not None:
        span = ctx.idx.period_months  # f.period.months, by fact id
        facts = [f for f in facts if f.period and span[f.id] == months]
    if year is not None:
        facts = [f for f in facts if f.period and f.period.end.year == year]
    return facts


def _candidates_of_period(ctx: Context, concepts: tuple[str, ...], m: Mention,
                          months: int | None, year: int | None) -> list[Fact]:
    """``_of_period`` of the candidates, once per audit (the list is shared: keep it).
    The metal and entity tests that follow are filters too, so that taking the period
    first keeps the same facts in the same order."""
    key = ("of period", concepts, m.kind, months, year)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _of_period(ctx, _candidates(ctx, concepts, m), months, year)
    return hit  # type: ignore[return-value]


def _candidates(ctx: Context, concepts: tuple[str, ...], m: Mention) -> list[Fact]:
    """Facts of the concepts in the unit the figure is in (the list is shared: keep it)."""
    key = ("candidates", concepts, m.kind)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _find_candidates(ctx, concepts, m)
    return hit  # type: ignore[return-value]


def _labelled(ctx: Context, word: str) -> list[Fact]:
    """The facts whose label holds ``word`` (lower case), in order; once per audit (the
    list is shared: keep it)."""
    key = ("labelled", word)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = [f for f in ctx.doc.facts if word in f.label.lower()]
    return hit  # type: ignore[return-value]


def _find_candidates(ctx: Context, concepts: tuple[str, ...], m: Mention) -> list[Fact]:
    """The facts a figure of kind ``m.kind`` may state, of ``concepts``, in document
    order; of printings alike in everything a claim is checked against (concept, label,
    period, scope, metal, unit, value and precision) the first alone: a later one would
    give the same verdict and is never the one a finding names."""
    want = UNIT_OF_KIND.get(m.kind)
    intercepts = ctx.idx.titled(INTERCEPTS)
    out = []
    seen: set[tuple[object, ...]] = set()
    period_key, scopes = ctx.idx.period_key, ctx.idx.scope
    for c in concepts:
        facts = _labelled(ctx, c[6:]) if c.startswith("label:") else ctx.idx.find(c)
        for f in facts:
            if f.table in intercepts:
                continue
            if m.kind == "usd" and f.unit != "USD":
                if not (c in PER_OUNCE and f.unit == "USD/oz"):
                    continue
            elif m.kind != "usd" and f.unit != want:
                continue
            alike = (f.concept, f.label, period_key[f.id], scopes[f.id], f.metal,
                     f.entity.unit, f.unit, f.value, f.decimals)
            if alike in seen:
                continue
            seen.add(alike)
            out.append(f)
    return out


def _meets(m: Mention, f: Fact, unsigned: bool) -> bool:
    iv = fact_interval(f)
    if unsigned and f.value < 0 < m.value:
        iv = new_interval(-iv.hi, -iv.lo)
    return iv.meets(m.interval)


def _match(ctx: Context, s: Sentence, m: Mention, cands: list[Fact], bound: str | None,
           pinned: bool, entity: str | None) -> Finding:
    unsigned = False
    for f in cands:
        if f.concept in UNSIGNED or _unsigned_label(f.label):
            unsigned = True
            break
    m.used = True
    if bound is not None:
        if entity is None:
            cands = [f for f in cands if scope(f) in (None, f.metal)] or cands
        ids = {(f.concept, f.period.key if f.period else None, scope(f), f.metal) for f in cands}
        if len(ids) != 1 or not pinned:
            return _unverified(ctx, s, m, f'a bound ("{bound}") on a quantity not pinned down')
        f = cands[0]
        ok = abs(f.value) > abs(m.value)
        status = Status.OK if ok else Status.MISMATCH
        return Finding("prose.value", status,
                       f'"{bound} {m.text}": printed {fmt_fact(f)} ({f.table} line '
                       f"{f.source.line if f.source else '?'}) {'is' if ok else 'is not'} more",
                       (_claim_operand(ctx, s, m), Operand.of(f, "fact")), m.value, f.value,
                       unit=f.unit, arithmetic=f"{fmt_fact(f)} > {m.text}")
    miv = m.interval
    if unsigned and m.value > 0:
        hits = [f for f in cands if _meets(m, f, unsigned)]
    else:  # _meets, written out: no sign to turn (Interval.meets written out too)
        lo, hi = miv.lo, miv.hi
        hits = [f for f in cands if (iv := fact_interval(f)).lo <= hi and lo <= iv.hi]
    if hits:
        # prefer the company-level printing, then the first in the document
        f = hits[0] if len(hits) == 1 else min(
            hits, key=lambda x: (scope(x) not in (None, x.metal), x.source.line
                                 if x.source else 0))  # the first of the least
        v = abs(f.value) if unsigned and m.value > 0 else f.value
        shown = rounded(v, m.decimals)
        status = Status.OK if shown == m.value else Status.ROUNDING
        per = ctx.idx.period_key[f.id] or "?"
        return Finding("prose.value", status, (_value_message, m, f, per, status),
                       (_claim_operand(ctx, s, m, period=per), Operand.of(f, "fact")),
                       m.value, v, fact_interval(f), None, None, f.unit,
                       (_value_arithmetic, f, m))
    ids = {(f.concept, f.period.key if f.period else None,
            scope(f) if entity else scope(f) in (None, f.metal), f.metal) for f in cands}
    if not pinned or len(ids) != 1:
        company = [f for f in cands if scope(f) in (None, f.metal)]
        ids2 = {(f.concept, f.period.key if f.period else None, f.metal) for f in company}
        if not pinned or len(ids2) != 1 or entity:
            return _unverified(ctx, s, m, "it matches no printed figure, and the words do not "
                               "pin down one quantity")
        cands = company
    f = cands[0]
    v = abs(f.value) if unsigned and m.value > 0 else f.value
    gap = interval_gap(f, m, unsigned)
    per = f.period.key if f.period else "?"
    return Finding("prose.value", Status.MISMATCH,
                   f'"{m.text}": {f.label} ({per}{", " + str(scope(f)) if scope(f) else ""}) '
                   f"is printed {f.printed} in {f.table} line "
                   f"{f.source.line if f.source else '?'}; off by at least {fmt(gap)} {f.unit}",
                   (_claim_operand(ctx, s, m, period=per), Operand.of(f, "fact")),
                   m.value, v, fact_interval(f), gap=gap, unit=f.unit,
                   arithmetic=f"{f.printed} vs {m.text}")


#: ``_unsigned_label`` by label (labels recur from release to release)
_UNSIGNED_LABELS: dict[str, bool] = {}


def _unsigned_label(label: str) -> bool:
    """Whether a fact's label names a quantity whose sign is presentation: a gain or a
    foreign exchange item (printed in parentheses or not). Worked out once per label."""
    hit = _UNSIGNED_LABELS.get(label)
    if hit is None:
        if len(_UNSIGNED_LABELS) > 4096:  # many documents in one process: start afresh
            _UNSIGNED_LABELS.clear()
        low = label.lower()
        hit = _UNSIGNED_LABELS[label] = "foreign exchange" in low or "gain" in low
    return hit


def _value_message(m: Mention, f: Fact, per: str, status: Status) -> str:
    return (f'"{m.text}": {f.label} ({per}{", " + str(scope(f)) if scope(f) else ""}) '
            f"printed {f.printed} in {f.table} line "
            f"{f.source.line if f.source else '?'}"
            f"{'' if status is Status.OK else '; within rounding'}")


def _value_arithmetic(f: Fact, m: Mention) -> str:
    return f"{f.printed} ~ {m.text}"


def interval_gap(f: Fact, m: Mention, unsigned: bool) -> Decimal:
    iv = fact_interval(f)
    if unsigned and f.value < 0 < m.value:
        iv = new_interval(-iv.hi, -iv.lo)
    return iv.gap(m.interval)


def _context(doc: Document, idx: FactIndex,
             evident: tuple[str, Decimal | None, int]) -> Context:
    """What the claims of ``doc`` are checked against."""
    year = doc.period.end.year if doc.period else 0
    units = tuple(sorted(idx.units))
    rows: dict[int, dict[str, Fact]] = {}
    tables = idx.titled(INTERCEPTS)
    # the intercept tables' facts in document order (of one table: its list in the index)
    grid = idx.by_table[next(iter(tables))] if len(tables) == 1 else \
        [f for f in doc.facts if f.table in tables]
    for f in grid:
        if f.row is not None:
            rows.setdefault(f.row, {})[f.unit if f.unit == "m" else f"{f.unit} {f.metal}"] = f
    return Context(doc, idx, year, units, evident, len(grade_pairs(idx)), rows)


def check_claims(doc: Document, idx: FactIndex,
                 evident: tuple[str, Decimal | None, int]) -> list[Finding]:
    ctx = _context(doc, idx, evident)
    out: list[Finding] = []
    for par in paragraphs(doc):
        sents = sentences(par, _CONV)  # [] for a paragraph with nothing to check
        for k, s in enumerate(sents):
            if not s.mentions and not _search(_CONV, s):
                continue
            prior = sents[max(0, k - 2):k]
            # a check that looks only at figures of kinds the sentence does not cite finds
            # nothing and changes nothing: it is not called (the figures a conversion adds,
            # of g/t and oz/ton, are not of the kinds tested here)
            kinds = {m.kind for m in s.mentions}
            if "m" in kinds:
                out.extend(_intercepts(ctx, s))
            out.extend(_conversions(ctx, s))
            if "ratio" in kinds:
                out.extend(_ratios(ctx, s))
            if "pct" in kinds:
                out.extend(_percent_changes(ctx, s, prior))
            if "usd/oz" in kinds or "usd/lb" in kinds:
                out.extend(_differences(ctx, s, prior))
            out.extend(_values(ctx, s, prior))
            for m in s.mentions:
                if not m.used and m.kind == "pct":
                    out.append(_unverified(ctx, s, m, "a percentage that is not a change "
                                           "assay can recompute"))
    return out


__all__ = ["METALS", "check_claims"]
