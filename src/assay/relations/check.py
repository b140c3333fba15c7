"""Checking a relation on rounded figures (XBRL Calculations 1.1).

Every printed figure stands for the interval of values that round to it. A computed
side is carried as an :class:`Approx`: the value computed from the printed midpoints and
the interval computed from the operand intervals. A relation

- is ``ok`` when the printed values satisfy it exactly (for a sum: the printed operands
  add to the printed total; for a ratio or conversion: the value computed from the printed
  operands rounds to the printed result),
- is ``rounding`` when it does not, but the intervals meet, so rounding explains it,
- is a ``mismatch`` otherwise; the gap between the intervals says by how much at least.

Two printings of one quantity at the same precision must be the same number (the same
amount cannot round two ways); at different precisions the finer must round to the coarser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from assay.model import Fact, Interval
from assay.model.findings import (
    FactOperands,
    Finding,
    Operand,
    Status,
    Text,
    fact_interval,
    new_interval,
    rounded,
    written,
)


class Approx:
    """A computed quantity: value from printed midpoints, and its rounding interval."""

    __slots__ = ("mid", "iv")

    def __init__(self, mid: Decimal, iv: Interval) -> None:
        self.mid, self.iv = mid, iv

    def __repr__(self) -> str:
        return f"Approx({self.mid!r}, {self.iv!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Approx):
            return NotImplemented
        return self.mid == other.mid and self.iv == other.iv

    def __hash__(self) -> int:
        return hash((self.mid, self.iv))

    @classmethod
    def of(cls, fact: Fact) -> Approx:
        return cls(fact.value, fact_interval(fact))

    # The interval arithmetic below is ``Interval``'s (the same Decimal operations in the
    # same order, ``min``/``max`` over the same lists), with each result made by
    # ``new_interval``: the frozen dataclass's ``__init__`` costs as much as the arithmetic.

    @classmethod
    def exact(cls, value: Decimal | int) -> Approx:
        v = Decimal(value)
        return cls(v, new_interval(v, v))

    def __add__(self, other: Approx) -> Approx:
        a, b = self.iv, other.iv
        return Approx(self.mid + other.mid, new_interval(a.lo + b.lo, a.hi + b.hi))

    def __sub__(self, other: Approx) -> Approx:
        a, b = self.iv, other.iv
        return Approx(self.mid - other.mid, new_interval(a.lo - b.hi, a.hi - b.lo))

    def __neg__(self) -> Approx:
        return Approx(-self.mid, new_interval(-self.iv.hi, -self.iv.lo))

    def __mul__(self, other: Approx) -> Approx:
        a, b = self.iv, other.iv
        products = [x * y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        return Approx(self.mid * other.mid, new_interval(min(products), max(products)))

    def __truediv__(self, other: Approx) -> Approx:
        """Only for a divisor whose interval excludes zero: test :func:`zero_divisor`
        first (a printed 0 or ``--`` stands for an interval around zero)."""
        a, b = self.iv, other.iv
        if b.lo <= 0 <= b.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        quotients = [x / y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        return Approx(self.mid / other.mid, new_interval(min(quotients), max(quotients)))

    def scale(self, factor: Decimal) -> Approx:
        lo, hi = self.iv.lo * factor, self.iv.hi * factor
        return Approx(self.mid * factor, new_interval(min(lo, hi), max(lo, hi)))


_ZERO = Decimal(0)

#: columns (or rows) a relation chosen from a table's figures must hold in, with none of
#: its figures zero, before it is taken as the table's own
EVIDENCE = 2


def total(terms: Iterable[tuple[int, Fact]]) -> Approx:
    """Σ sign·fact over signed terms (the same Decimal operations, in the same order, as
    adding :class:`Approx` values from zero, without an object per step)."""
    mid = lo = hi = _ZERO
    for sign, fact in terms:
        iv = fact_interval(fact)
        if sign >= 0:
            mid, lo, hi = mid + fact.value, lo + iv.lo, hi + iv.hi
        else:
            mid, lo, hi = mid - fact.value, lo - iv.hi, hi - iv.lo
    return Approx(mid, new_interval(lo, hi))


def may_be_zero(divisor: Approx) -> bool:
    """Whether the divisor's interval reaches zero (the test of :func:`zero_divisor`,
    made before the divisor's name is written)."""
    iv = divisor.iv
    return iv.lo <= 0 <= iv.hi


def quotient_words(a: Fact, b: Fact) -> str:
    """The words of a quotient of two facts (written when a finding is read)."""
    return f"{fmt_fact(a)} / {fmt_fact(b)}"


def zero_divisor(name: str, divisor: Approx) -> str | None:
    """Why ``divisor`` (described by ``name``) cannot divide, or None when it can.

    A quotient is checked on intervals, so the divisor's whole interval must exclude zero:
    a printed 0 or ``--`` is zero, and a sum whose rounding interval reaches zero may be."""
    iv = divisor.iv
    if not (iv.lo <= 0 <= iv.hi):
        return None
    if divisor.mid == 0:
        return f"divisor {name} is zero"
    return (f"divisor {name} may be zero within rounding "
            f"([{fmt(iv.lo)}, {fmt(iv.hi)}])")


def classify_sum(reported: Interval, reported_value: Decimal, computed: Approx) -> Status:
    if computed.mid == reported_value:
        return Status.OK
    return Status.ROUNDING if computed.iv.meets(reported) else Status.MISMATCH


def classify_derived(
    reported: Interval, reported_value: Decimal, decimals: int | None, computed: Approx
) -> Status:
    """A derived figure is ok when the computed value rounds to the printed one."""
    shown = computed.mid if decimals is None else rounded(computed.mid, decimals)
    if shown == reported_value:
        return Status.OK
    return Status.ROUNDING if computed.iv.meets(reported) else Status.MISMATCH


# --- formatting -----------------------------------------------------------------------


def in_scale(value: Decimal, scale: int) -> Decimal:
    return value.scaleb(-scale) if scale else value


def fmt(value: Decimal, places: int | None = None) -> str:
    """Group thousands; ``places`` digits after the point (None: as needed, at most 4)."""
    if places is None:
        q = value.quantize(Decimal("0.0001")).normalize()
        places = max(0, -q.as_tuple().exponent) if isinstance(q.as_tuple().exponent, int) else 0
    places = max(places, 0)
    q = value.quantize(Decimal(1).scaleb(-places)) if places else value.quantize(Decimal(1))
    text = f"{abs(q):,.{places}f}"
    return f"-{text}" if q < 0 else text


def shown_places(fact: Fact) -> int:
    """Digits after the point as printed, in the printed scale."""
    if fact.decimals is None:
        return 0
    return max(0, fact.decimals + fact.scale)


def fmt_fact(fact: Fact) -> str:
    return fmt(in_scale(fact.value, fact.scale), shown_places(fact))


def fmt_iv(iv: Interval, scale: int, places: int) -> str:
    return f"[{fmt(in_scale(iv.lo, scale), places)}, {fmt(in_scale(iv.hi, scale), places)}]"


def scale_word(scale: int) -> str:
    return {0: "", 3: " thousand", 6: " million"}.get(scale, f"e{scale}")


def unit_text(fact: Fact) -> str:
    return f"{scale_word(fact.scale).strip()} {fact.unit}".strip()


# --- building findings ----------------------------------------------------------------


def finding(
    rule: str,
    reported: Fact,
    operands: Sequence[tuple[str, Fact]],
    computed: Approx,
    status: Status,
    what: Text,
    arithmetic: Text,
    extra_places: int = 0,
    notes: tuple[str, ...] = (),
) -> Finding:
    """A finding whose reported side is a fact; the message states the arithmetic.

    ``what`` and ``arithmetic`` may be functions (see ``findings.Text``): the words are
    written when read."""
    rep_iv = fact_interval(reported)
    civ = computed.iv
    fin = _ReportedFinding(
        rule, status, None, FactOperands((("reported", reported), *operands)),  # type: ignore[arg-type]
        reported.value, computed.mid, civ, (civ, rep_iv),
        civ.gap(rep_iv) if status is Status.MISMATCH else _ZERO,
        reported.unit, arithmetic, None, notes,
    )
    fin._what, fin._fact, fin._rep_iv, fin._approx = what, reported, rep_iv, computed
    fin._extra = extra_places
    return fin


class _ReportedFinding(Finding):
    """What :func:`finding` makes: its message is written, when first read, from the parts
    it keeps (a closure over the finding would make a reference cycle, left for the
    collector, and a function object per finding)."""

    __slots__ = ("_what", "_fact", "_rep_iv", "_approx", "_extra")

    @property
    def message(self) -> str:
        m = self._message
        if m is None:
            m = self._message = _message(self, written(self._what), self._fact, self._rep_iv,
                                         self._approx, self._extra)
        return m  # type: ignore[no-any-return]


def _message(fin: Finding, what: str, reported: Fact, rep_iv: Interval, computed: Approx,
             extra_places: int) -> str:
    scale, places = reported.scale, shown_places(reported)
    shown = fmt(in_scale(computed.mid, scale), places + extra_places)
    arithmetic = fin.arithmetic
    if fin.status is Status.OK:
        return f"{what}: {arithmetic} = {shown}, as printed"
    if fin.status is Status.ROUNDING:
        return (f"{what}: {arithmetic} = {shown}, printed {fmt_fact(reported)}; "
                f"within rounding ({fmt_iv(computed.iv, scale, places + extra_places)} meets "
                f"{fmt_iv(rep_iv, scale, places + 1)})")
    gap = computed.iv.gap(rep_iv)
    return (f"{what}: {arithmetic} = {shown}, printed {fmt_fact(reported)}; off by "
            f"{fmt(in_scale(abs(computed.mid - reported.value), scale), places + extra_places)}"
            f" {unit_text(reported)} (at least "
            f"{fmt(in_scale(gap, scale), places + extra_places + 1)} beyond rounding)")


def sum_text(terms: Sequence[tuple[int, Fact]]) -> str:
    """``a + b - c``, negative terms after the first in parentheses."""
    parts: list[str] = []
    for i, (sign, f) in enumerate(terms):
        t = fmt_fact(f)
        if i == 0:
            parts.append(t if sign >= 0 else f"-{t}")
        else:
            parts.append(("+ " if sign >= 0 else "- ") + (f"({t})" if f.value < 0 else t))
    return " ".join(parts)


class _FactFinding(Finding):
    """A finding anchored on one fact (its line and file), whose computed interval and
    tolerance are worked out on first read by the subclass's ``_bounds`` when its status
    did not need them."""

    __slots__ = ("_fact",)

    def _bounds(self) -> None:
        raise NotImplementedError

    @property
    def computed_interval(self) -> Interval | None:
        if self._computed_interval is None:
            self._bounds()
        return self._computed_interval  # type: ignore[return-value]

    @property
    def tolerance(self) -> Decimal | None:
        if self._tolerance is None:
            self._bounds()
        return self._tolerance  # type: ignore[return-value]

    @property
    def line(self) -> int:
        src = self._fact.source
        return src.line if src is not None else 0

    @property
    def file(self) -> str:
        src = self._fact.source
        return src.file if src is not None else ""


def sum_finding(rule: str, what: Text, reported: Fact, terms: Sequence[tuple[int, Fact]],
                notes: tuple[str, ...] = ()) -> Finding:
    """Check ``reported = Σ sign·term`` (what :func:`finding` makes of it, with the operands
    ``reported``, then ``+`` or ``-`` for each term). See :class:`SumFinding`."""
    return SumFinding(rule, what, reported, terms, notes)


def plus_finding(rule: str, what: Text, reported: Fact, facts: Sequence[Fact],
                 notes: tuple[str, ...] = ()) -> Finding:
    """``sum_finding(rule, what, reported, [(1, f) for f in facts], notes)``, keeping the
    facts as they are: the (sign, fact) pairs are made only if the finding's words,
    operands or bounds are read (a footing or a segment sum adds its terms, and an audit
    keeps hundreds of them)."""
    return SumFinding(rule, what, reported, None, notes, facts)


class SumFinding(_FactFinding):
    """``reported = Σ sign·term`` checked: the :class:`Finding` that :func:`finding` would
    make of it, with the operands ``reported``, then ``+`` or ``-`` for each term.

    Its words and operands are written from the facts when first read; so are its computed
    interval and tolerance when the status did not need them (a sum whose printed terms
    add up to the printed total is ``ok`` whatever the intervals): from the same facts, by
    the same operations (:func:`total`). No function is made per finding."""

    __slots__ = ("_what", "_terms", "_plus", "_approx")

    def __init__(self, rule: str, what: Text, reported: Fact,
                 terms: Sequence[tuple[int, Fact]] | None, notes: tuple[str, ...] = (),
                 plus: Sequence[Fact] | None = None) -> None:
        """``terms``: the signed terms; or None, and ``plus``: facts that each add."""
        mid = _ZERO
        if terms is None:
            for fact in plus:  # type: ignore[union-attr]  (as below, every sign +)
                mid = mid + fact.value
        else:
            for sign, fact in terms:  # total()'s mid, the same operations in the same order
                mid = mid + fact.value if sign >= 0 else mid - fact.value
        value = reported.value
        self.rule, self.reported, self.unit, self.notes = rule, value, reported.unit, notes
        self.missing = self._message = self._arithmetic = self._operands = None
        self._what, self._fact, self._terms, self._plus = what, reported, terms, plus
        if mid == value:
            self.status, self.computed, self.gap = Status.OK, mid, _ZERO
            self._approx = self._computed_interval = self._tolerance = None  # when read
            return
        computed = self._approx = total(self.terms)
        rep_iv = fact_interval(reported)
        civ = computed.iv
        self.status = Status.ROUNDING if civ.meets(rep_iv) else Status.MISMATCH
        self.computed, self._computed_interval = computed.mid, civ
        self._tolerance = civ.radius + rep_iv.radius
        self.gap = civ.gap(rep_iv) if self.status is Status.MISMATCH else _ZERO

    @property
    def terms(self) -> Sequence[tuple[int, Fact]]:
        """The signed terms (made from ``plus`` when given so)."""
        terms = self._terms
        if terms is None:
            terms = self._terms = [(1, f) for f in self._plus]  # type: ignore[union-attr]
        return terms

    def _bounds(self) -> None:
        civ = total(self.terms).iv
        self._computed_interval = civ
        self._tolerance = civ.radius + fact_interval(self._fact).radius

    @property
    def message(self) -> str:
        m = self._message
        if m is None:
            f = self._fact
            if self._approx is None:  # ok: the words need only the computed value
                m = _message(self, written(self._what), f, None,  # type: ignore[arg-type]
                             Approx(self.computed, None), 0)  # type: ignore[arg-type]
            else:
                m = _message(self, written(self._what), f, fact_interval(f), self._approx, 0)
            self._message = m
        return m  # type: ignore[no-any-return]

    @property
    def arithmetic(self) -> str:
        a = self._arithmetic
        if a is None:
            a = self._arithmetic = sum_text(self.terms)
        return a  # type: ignore[no-any-return]

    @property
    def operands(self) -> tuple[Operand, ...]:
        ops = self._operands
        if ops is None:
            of = Operand.of
            ops = self._operands = (of(self._fact, "reported"),
                                    *(of(f, "+" if s >= 0 else "-") for s, f in self.terms))
        return ops  # type: ignore[no-any-return]



def same_finding(rule: str, what: Text, a: Fact, b: Fact) -> Finding:
    """Two printings of one quantity (a tie-out). See :class:`SameFinding`."""
    return SameFinding(rule, what, a, b)


class SameFinding(_FactFinding):
    """Two printings of one quantity compared (a tie-out): the reported value is ``a``'s,
    the computed ``b``'s, and both are the operands (role ``reported``).

    Its words and operands are written from the facts when first read; so are the
    computed interval (``b``'s) and the tolerance, unless the status needed them."""

    __slots__ = ("_what", "_a", "_b")

    def __init__(self, rule: str, what: Text, a: Fact, b: Fact) -> None:
        if a.decimals == b.decimals:
            status = Status.OK if a.value == b.value else Status.MISMATCH
        else:
            coarse, fine = (a, b) if (a.decimals or 0) <= (b.decimals or 0) else (b, a)
            shown = fine.value if coarse.decimals is None else rounded(fine.value,
                                                                        coarse.decimals)
            if shown == coarse.value:
                status = Status.OK
            else:
                status = Status.ROUNDING if fact_interval(a).meets(fact_interval(b)) \
                    else Status.MISMATCH
        self.rule, self.status, self.reported, self.computed = rule, status, a.value, b.value
        self.unit, self.missing, self.notes = a.unit, None, ()
        self._message = self._arithmetic = self._operands = None
        self._what, self._a, self._b, self._fact = what, a, b, a
        if status is Status.MISMATCH:
            a_iv, b_iv = fact_interval(a), fact_interval(b)
            self._computed_interval, self._tolerance = b_iv, a_iv.radius + b_iv.radius
            self.gap = a_iv.gap(b_iv)
        else:
            self._computed_interval = self._tolerance = None  # when read
            self.gap = _ZERO

    def _bounds(self) -> None:
        b_iv = fact_interval(self._b)
        self._computed_interval = b_iv
        self._tolerance = fact_interval(self._a).radius + b_iv.radius

    @property
    def message(self) -> str:
        m = self._message
        if m is None:
            m = self._message = _same_message(written(self._what), self._a, self._b, self.status)
        return m  # type: ignore[no-any-return]

    @property
    def arithmetic(self) -> str:
        a = self._arithmetic
        if a is None:
            a = self._arithmetic = f"{fmt_fact(self._a)} = {fmt_fact(self._b)}"
        return a  # type: ignore[no-any-return]

    @property
    def operands(self) -> tuple[Operand, ...]:
        ops = self._operands
        if ops is None:
            ops = self._operands = (Operand.of(self._a, "reported"),
                                    Operand.of(self._b, "reported"))
        return ops  # type: ignore[no-any-return]



def _same_message(what: str, a: Fact, b: Fact, status: Status) -> str:
    pa, pb = shown_places(a), shown_places(b)
    fine = b if (a.decimals or 0) <= (b.decimals or 0) else a
    diff = abs(a.value - b.value)
    where_a = f"{a.table or '?'} line {a.source.line if a.source else '?'}"
    where_b = f"{b.table or '?'} line {b.source.line if b.source else '?'}"
    base = (f"{what}: {fmt_fact(a)}{scale_word(a.scale)} ({where_a}) vs "
            f"{fmt_fact(b)}{scale_word(b.scale)} ({where_b})")
    if status is Status.OK:
        return f"{base} agree"
    if status is Status.ROUNDING:
        return f"{base} differ only within rounding"
    if a.decimals == b.decimals:
        return (f"{base}: the same quantity printed at the same precision as two different "
                f"numbers, {fmt(in_scale(diff, a.scale), max(pa, pb))}{scale_word(a.scale)} "
                f"{a.unit} apart")
    return f"{base}: differ by {fmt(in_scale(diff, fine.scale), shown_places(fine))} {a.unit}"


def not_checkable(rule: str, what: Text, present: Sequence[tuple[str, Fact]],
                  missing: str = "", *, reason: str | None = None) -> Finding:
    """A relation that cannot be checked: ``missing`` names the operand the document does
    not print, or ``reason`` says why the operands it prints cannot be used (``missing``
    then holds the reason, as it does for a prose figure that cannot be checked)."""
    why = reason if reason is not None else f"{missing} not found in the document"
    return Finding(
        rule=rule, status=Status.NOT_CHECKABLE,
        message=(_not_checkable_words, what, why),
        operands=FactOperands(tuple(present)),
        missing=reason if reason is not None else missing,
        unit=present[0][1].unit if present else "",
    )


def _not_checkable_words(what: Text, why: str) -> str:
    return f"{written(what)}: not checkable, {why}"
