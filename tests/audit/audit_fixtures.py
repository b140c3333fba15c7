"""Helpers for the audit tests: excerpts of the seed, and broken copies of them."""

from __future__ import annotations

from pathlib import Path

from assay.audit import Audit, audit
from assay.read import read_text

SEED = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")


def excerpt(first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive) of the seed."""
    return "\n".join(SEED_LINES[first - 1:last]) + "\n"


def audit_text(text: str) -> Audit:
    return audit(read_text(text, "fixture.txt"))


def broken(text: str, old: str, new: str) -> str:
    """A copy of ``text`` with one printed figure changed (it must occur exactly once)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


