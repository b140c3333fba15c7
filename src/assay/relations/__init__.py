"""Relations between the numbers of a release, checked on rounded figures.

- :mod:`.layout`: footing read from the rules of the tables;
- :mod:`.across`: a column that is the sum of the columns beside it;
- :mod:`.identities`: balance sheet, cash flow, retained earnings, EPS, gross profit;
- :mod:`.tieouts`: one quantity printed in several places;
- :mod:`.derived`: per ounce, unit/segment sums, weighted costs, unit conversions;
- :mod:`.check`: interval arithmetic and the ok / rounding / mismatch classification.
"""

from __future__ import annotations

from collections.abc import Callable

from assay.model import Table
from assay.model.findings import Finding

from .across import across
from .derived import derived
from .identities import identities
from .index import FactIndex
from .layout import footing
from .tieouts import tieouts

#: the rules checked on each table: (table, the audit's index of the document) -> findings
TABLE_RULES: tuple[Callable[[Table, FactIndex], list[Finding]], ...] = (footing, across)
#: the rules checked on the whole document: (the audit's index) -> findings
DOCUMENT_RULES: tuple[Callable[[FactIndex], list[Finding]], ...] = (
    identities, tieouts, derived)


def check_relations(idx: FactIndex) -> list[Finding]:
    """Every rule of :data:`TABLE_RULES` on every table, then every rule of
    :data:`DOCUMENT_RULES`, on one document's facts (``idx`` is the audit's own: it
    holds the document's look-ups for this audit only)."""
    out: list[Finding] = []
    for table in idx.doc.tables:
        for table_rule in TABLE_RULES:
            out.extend(table_rule(table, idx))
    for rule in DOCUMENT_RULES:
        out.extend(rule(idx))
    return out


__all__ = ["DOCUMENT_RULES", "TABLE_RULES", "FactIndex", "check_relations"]
