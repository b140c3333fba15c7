"""Findings: the result of checking one relation instance, as plain data.

A finding carries a stable rule id (``foot.layout``, ``tie.dda``, ``prose.percent``...),
its status, the reported value and the interval computed from the operands, the
tolerance that rounding allows, the gap when the sides do not meet, and every operand
with its provenance, so that a reader of the report can redo the arithmetic by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from assay.model import Fact, Interval


class Status(StrEnum):
    OK = "ok"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"
    NOT_CHECKABLE = "not checkable"


#: How loudly a status speaks when one number takes part in several checks.
SEVERITY = {Status.MISMATCH: 3, Status.ROUNDING: 2, Status.OK: 1, Status.NOT_CHECKABLE: 0}


#: Operands already built, by fact identity and role (cleared by each audit).
_OPERANDS: dict[tuple[int, str], tuple[Fact, Operand]] = {}


def clear_caches() -> None:
    _OPERANDS.clear()


@dataclass(frozen=True, slots=True)
class Operand:
    """One number a check used: a read fact, or a figure cited in the prose."""

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
    col_start: int = 0
    col_end: int = 0
    table: str | None = None
    fact_id: str | None = None

    @classmethod
    def of(cls, fact: Fact, role: str) -> Operand:
        key = (id(fact), role)
        hit = _OPERANDS.get(key)
        if hit is not None and hit[0] is fact:
            return hit[1]
        op = cls._of(fact, role)
        _OPERANDS[key] = (fact, op)
        return op

    @classmethod
    def _of(cls, fact: Fact, role: str) -> Operand:
        src = fact.source
        return cls(
            role=role,
            label=fact.label,
            printed=fact.printed or str(fact.value),
            value=fact.value,
            interval=fact.interval,
            unit=fact.unit,
            period=fact.period.key if fact.period else None,
            entity=str(fact.entity),
            file=src.file if src else "",
            line=src.line if src else 0,
            col_start=src.col_start if src else 0,
            col_end=src.col_end if src else 0,
            table=fact.table,
            fact_id=fact.id,
        )

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role, "label": self.label, "printed": self.printed,
            "value": str(self.value), "interval": [str(self.interval.lo), str(self.interval.hi)],
            "unit": self.unit, "period": self.period, "entity": self.entity,
            "table": self.table, "fact_id": self.fact_id,
            "location": {"file": self.file, "line": self.line,
                         "col_start": self.col_start, "col_end": self.col_end},
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One checked relation instance."""

    rule: str
    status: Status
    message: str
    operands: tuple[Operand, ...]
    reported: Decimal | None = None
    computed: Decimal | None = None
    computed_interval: Interval | None = None
    tolerance: Decimal | None = None
    gap: Decimal | None = None
    unit: str = ""
    arithmetic: str = ""
    missing: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def line(self) -> int:
        """The line a linter would point at: the reported figure's (first operand's)."""
        return self.operands[0].line if self.operands else 0

    @property
    def file(self) -> str:
        return self.operands[0].file if self.operands else ""

    def to_dict(self) -> dict[str, object]:
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
            "operands": [o.to_dict() for o in self.operands],
        }
