"""Findings: the result of checking one relation instance, as plain data.

A finding carries a stable rule id (``foot.layout``, ``tie.dda``, ``prose.percent``...),
its status, the reported value and the interval computed from the operands, the
tolerance that rounding allows, the gap when the sides do not meet, and every operand
with its provenance, so that a reader of the report can redo the arithmetic by hand.

An audit decides hundreds of statuses but a report prints few of them, so the words are
written on demand: a finding's ``message`` and ``arithmetic`` may be given as functions
that build the text the first time it is read (or as a tuple of a function and its
arguments, which makes no function object per finding), and an operand taken from a fact reads
the fact's label, period and place only when asked. What a finding says never depends on
when it is read: the text is built from values fixed when the finding was made.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .fact import Fact
from .numbers import Interval, half_unit, interval_of, round_to

#: Words: the text, a function of no arguments that writes it, or ``(function, *arguments)``
#: that does. The tuple is for the checks that make hundreds of findings: a closure costs a
#: function object and a cell per variable it holds, and the collector must walk them all.
Text = str | Callable[[], str] | tuple[Any, ...]


def written(t: Text) -> str:
    """The words ``t`` stands for (see :data:`Text`)."""
    if isinstance(t, str):
        return t
    if isinstance(t, tuple):
        return t[0](*t[1:])  # type: ignore[no-any-return]
    return t()


class Status(StrEnum):
    OK = "ok"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"
    NOT_CHECKABLE = "not checkable"


#: How loudly a status speaks when one number takes part in several checks.
SEVERITY = {Status.MISMATCH: 3, Status.ROUNDING: 2, Status.OK: 1, Status.NOT_CHECKABLE: 0}

#: ``half_unit(decimals)``, by decimals: constants, the same for every document.
_HALF: dict[int, Decimal] = {}

_new = object.__new__
_set_lo = Interval.__dict__["lo"].__set__
_set_hi = Interval.__dict__["hi"].__set__


def new_interval(lo: Decimal, hi: Decimal) -> Interval:
    """``Interval(lo, hi)``, made without the frozen dataclass's ``__init__`` (which sets
    each field through ``object.__setattr__``, at twice the cost): the same object, for an
    audit that makes a thousand of them."""
    iv = _new(Interval)
    _set_lo(iv, lo)
    _set_hi(iv, hi)
    return iv


#: the model's rounding (half away from zero), under the name the checks use
rounded = round_to


def holds_informatively(finding: Finding) -> bool:
    """Whether a relation holds (ok, or within rounding) and says something by it: none
    of its figures is zero (a column of dashes holds whatever the relation is)."""
    return finding.status in (Status.OK, Status.ROUNDING) and all(
        o.value != 0 for o in finding.operands)


def fact_interval(fact: Fact) -> Interval:
    """``fact.interval`` (the model's ``interval_of``): the values the printed figure
    stands for, kept by the fact itself once worked out.

    The audit gives no figure a meaning of its own: a nil (``--``) is zero at its column's
    precision, as the reader sets its ``decimals``, and ``decimals=None`` is exact."""
    return fact.interval


def figure_interval(value: Decimal, decimals: int | None) -> Interval:
    """``interval_of(value, decimals)``: the same Decimal operations on the same operands,
    with half a unit in the last place worked out once per ``decimals``."""
    if decimals is None:
        return interval_of(value, decimals)
    h = _HALF.get(decimals)
    if h is None:
        h = _HALF[decimals] = half_unit(decimals)
    return new_interval(value - h, value + h)


_FIELDS = ("role", "label", "printed", "value", "interval", "unit", "period", "entity",
           "file", "line", "col_start", "col_end", "table", "fact_id")

#: How an operand taken from a fact reads each field from the fact, when first asked.
_FROM_FACT: dict[str, Callable[[Fact], object]] = {
    "label": lambda f: f.label,
    "printed": lambda f: f.printed or str(f.value),
    "value": lambda f: f.value,
    "interval": fact_interval,
    "unit": lambda f: f.unit,
    "period": lambda f: f.period.key if f.period else None,
    "entity": lambda f: str(f.entity),
    "file": lambda f: f.source.file if f.source else "",
    "line": lambda f: f.source.line if f.source else 0,
    "col_start": lambda f: f.source.col_start if f.source else 0,
    "col_end": lambda f: f.source.col_end if f.source else 0,
    "table": lambda f: f.table,
    "fact_id": lambda f: f.id,
}


class Operand:
    """One number a check used: a read fact, or a figure cited in the prose.

    Built with every field for a cited figure; :meth:`of` takes a fact and a role and
    reads the rest from the fact on first use. Treat it as immutable.
    """

    __slots__ = (*_FIELDS, "more", "_fact")

    role: str  # "total", "+", "-", "numerator", "denominator", "claim", "reported", ...
    label: str
    printed: str
    value: Decimal
    interval: Interval
    unit: str
    period: str | None
    entity: str
    file: str
    line: int
    col_start: int
    col_end: int
    table: str | None
    fact_id: str | None
    #: (line, col_start, col_end) of the further lines of a figure that wraps
    more: tuple[tuple[int, int, int], ...]

    def __init__(self, role: str, label: str, printed: str, value: Decimal, interval: Interval,
                 unit: str, period: str | None, entity: str, file: str, line: int,
                 col_start: int = 0, col_end: int = 0, table: str | None = None,
                 fact_id: str | None = None,
                 more: tuple[tuple[int, int, int], ...] = ()) -> None:
        self.role, self.label, self.printed, self.value = role, label, printed, value
        self.interval, self.unit, self.period, self.entity = interval, unit, period, entity
        self.file, self.line, self.col_start, self.col_end = file, line, col_start, col_end
        self.table, self.fact_id, self.more, self._fact = table, fact_id, more, None

    @classmethod
    def of(cls, fact: Fact, role: str) -> Operand:
        op = cls.__new__(cls)
        op.role = role
        op.more = ()  # a table cell is on one line
        op._fact = fact
        return op

    @property
    def spans(self) -> tuple[tuple[int, int, int], ...]:
        """(line, col_start, col_end) of each line the figure is printed on."""
        return ((self.line, self.col_start, self.col_end), *self.more)

    def __getattr__(self, name: str) -> object:
        # only called for a field not yet read from the fact
        read = _FROM_FACT.get(name)
        fact = object.__getattribute__(self, "_fact")
        if read is None or fact is None:
            raise AttributeError(name)
        value = read(fact)
        object.__setattr__(self, name, value)
        return value

    def _values(self) -> tuple[object, ...]:
        return (*(getattr(self, k) for k in _FIELDS), self.more)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Operand):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Operand(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in _FIELDS) + ")"

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def to_dict(self, memo: dict[str, dict[str, object]] | None = None) -> dict[str, object]:
        """The operand as data. ``memo`` (one per report, by fact id) keeps what a fact's
        operands share, so a fact used by many findings is written out once."""
        fact = self._fact
        if fact is not None and memo is not None:
            rest = memo.get(fact.id)
            if rest is None:
                rest = memo[fact.id] = _fact_fields(fact)
            return {"role": self.role, **rest}
        iv = self.interval
        return {
            "role": self.role, "label": self.label, "printed": self.printed,
            "value": str(self.value), "interval": [str(iv.lo), str(iv.hi)],
            "unit": self.unit, "period": self.period, "entity": self.entity,
            "table": self.table, "fact_id": self.fact_id,
            "location": {"file": self.file, "line": self.line,
                         "col_start": self.col_start, "col_end": self.col_end,
                         **({"continued": [list(s) for s in self.more]} if self.more else {})},
        }


def _fact_fields(f: Fact) -> dict[str, object]:
    """``Operand.to_dict`` of an operand taken from ``f``, less its role, read from the fact
    at once (the same values as the operand's fields; see ``_FROM_FACT``)."""
    iv, src = fact_interval(f), f.source
    return {
        "label": f.label, "printed": f.printed or str(f.value), "value": str(f.value),
        "interval": [str(iv.lo), str(iv.hi)], "unit": f.unit,
        "period": f.period.key if f.period else None, "entity": str(f.entity),
        "table": f.table, "fact_id": f.id,
        "location": {"file": src.file if src else "", "line": src.line if src else 0,
                     "col_start": src.col_start if src else 0,
                     "col_end": src.col_end if src else 0},
    }


class FactOperands:
    """Operands still to be made from facts: (role, fact) pairs, the first the reported
    figure. A finding makes them when its operands are first read."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: tuple[tuple[str, Fact], ...]) -> None:
        self.pairs = pairs

    def build(self) -> tuple[Operand, ...]:
        return tuple(Operand.of(f, role) for role, f in self.pairs)

    def first_source(self) -> tuple[str, int]:
        src = self.pairs[0][1].source if self.pairs else None
        return (src.file, src.line) if src is not None else ("", 0)


def _message_of(f: Finding) -> str:
    return f.message


def _arithmetic_of(f: Finding) -> str:
    return f.arithmetic


class Finding:
    """One checked relation instance. Treat it as immutable.

    ``message`` and ``arithmetic`` may be given as functions of no arguments, or as
    ``(function, *arguments)``; each is called once, when the text is first read.
    ``operands`` may be :class:`FactOperands`, made into :class:`Operand` objects when
    first read. ``tolerance`` may be given as a pair of intervals ``(a, b)``: it is then
    ``a.radius + b.radius``, worked out when first read. (Subclasses for the commonest
    checks, ``relations.check.SumFinding`` and ``SameFinding``, write their words,
    operands and bounds from their facts when first read.)
    """

    __slots__ = ("rule", "status", "_message", "_operands", "reported", "computed",
                 "_computed_interval", "_tolerance", "gap", "unit", "_arithmetic", "missing",
                 "notes")

    def __init__(self, rule: str, status: Status, message: Text,
                 operands: tuple[Operand, ...] | FactOperands,
                 reported: Decimal | None = None, computed: Decimal | None = None,
                 computed_interval: Interval | None = None,
                 tolerance: Decimal | tuple[Interval, Interval] | None = None,
                 gap: Decimal | None = None, unit: str = "", arithmetic: Text = "",
                 missing: str | None = None, notes: tuple[str, ...] = ()) -> None:
        self.rule, self.status, self._message, self._operands = rule, status, message, operands
        self.reported, self.computed, self._computed_interval = reported, computed, \
            computed_interval
        self._tolerance, self.gap, self.unit, self._arithmetic = tolerance, gap, unit, \
            arithmetic
        self.missing, self.notes = missing, notes

    @property
    def computed_interval(self) -> Interval | None:
        return self._computed_interval

    @property
    def tolerance(self) -> Decimal | None:
        t = self._tolerance
        if type(t) is tuple:  # two intervals: the sum of their radii, worked out when read
            t = self._tolerance = t[0].radius + t[1].radius
        return t

    @property
    def message(self) -> str:
        m = self._message
        if not isinstance(m, str):
            m = self._message = written(m)
        return m

    @property
    def arithmetic(self) -> str:
        a = self._arithmetic
        if not isinstance(a, str):
            a = self._arithmetic = written(a)
        return a

    @property
    def operands(self) -> tuple[Operand, ...]:
        ops = self._operands
        if not isinstance(ops, tuple):
            ops = self._operands = ops.build()
        return ops

    def restated(self, status: Status, gap: Decimal | None, message: Text | None = None,
                 ) -> Finding:
        """This check under another status: its message (or ``message``), operands, bounds
        and arithmetic carried over, read from this finding when they are read."""
        return Finding(self.rule, status, (_message_of, self) if message is None else message,
                       self.operands, self.reported, self.computed, self.computed_interval,
                       self.tolerance, gap, self.unit, (_arithmetic_of, self), self.missing,
                       self.notes)

    @property
    def line(self) -> int:
        """The line a linter would point at: the reported figure's (first operand's)."""
        ops = self._operands
        if not isinstance(ops, tuple):
            return ops.first_source()[1]
        return ops[0].line if ops else 0

    @property
    def file(self) -> str:
        ops = self._operands
        if not isinstance(ops, tuple):
            return ops.first_source()[0]
        return ops[0].file if ops else ""

    def __repr__(self) -> str:
        return (f"Finding({self.rule!r}, {self.status!s}, line {self.line}: "
                f"{self.message!r})")

    def to_dict(self, memo: dict[str, dict[str, object]] | None = None) -> dict[str, object]:
        """The finding as data; ``memo`` as for :meth:`Operand.to_dict`."""
        def s(v: Decimal | None) -> str | None:
            return None if v is None else str(v)

        iv = self.computed_interval
        return {
            "rule": self.rule, "status": str(self.status), "message": self.message,
            "file": self.file, "line": self.line,
            "reported": s(self.reported), "computed": s(self.computed),
            "computed_interval": None if iv is None else [str(iv.lo), str(iv.hi)],
            "tolerance": s(self.tolerance), "gap": s(self.gap), "unit": self.unit,
            "arithmetic": self.arithmetic, "missing": self.missing, "notes": list(self.notes),
            "operands": [o.to_dict(memo) for o in self.operands],
        }
