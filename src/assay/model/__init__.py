"""The fact model shared by reading, auditing, computing and writing."""

from .document import Column, Diagnostic, Document, Row, Table
from .entity import Entity
from .fact import Fact
from .numbers import (
    ARITHMETIC,
    SIGNIFICANT_DIGITS,
    Interval,
    ParsedNumber,
    interval_of,
    parse_number,
    round_to,
    too_precise,
)
from .periods import Period
from .provenance import Derivation, Location
from .tag import Tag

__all__ = [
    "ARITHMETIC", "SIGNIFICANT_DIGITS", "Column", "Derivation", "Diagnostic", "Document",
    "Entity", "Fact", "Interval",
    "Location", "ParsedNumber", "Period", "Row", "Table", "Tag", "interval_of",
    "parse_number", "round_to", "too_precise",
]
