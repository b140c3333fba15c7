"""Relations between the numbers of a release, checked on rounded figures.

- :mod:`.layout`: footing read from the rules of the tables;
- :mod:`.across`: a column that is the sum of the columns beside it;
- :mod:`.identities`: balance sheet, cash flow, retained earnings, EPS, gross profit;
- :mod:`.tieouts`: one quantity printed in several places;
- :mod:`.derived`: per ounce, unit/segment sums, weighted costs, unit conversions;
- :mod:`.check`: interval arithmetic and the ok / rounding / mismatch classification.
"""

from __future__ import annotations

from assay.audit.findings import Finding

from .across import across
from .derived import derived
from .identities import identities
from .index import FactIndex
from .layout import footing
from .tieouts import tieouts


def check_relations(idx: FactIndex) -> list[Finding]:
    """Every relation assay knows, checked on one document's facts."""
    out: list[Finding] = []
    for table in idx.doc.tables:
        out.extend(footing(table, idx))
        out.extend(across(table, idx))
    out.extend(identities(idx))
    out.extend(tieouts(idx))
    out.extend(derived(idx))
    return out


__all__ = ["FactIndex", "check_relations"]
