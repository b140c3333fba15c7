"""The audit of a release: which numbers hold, which do not, and why.

``audit(document)`` checks every relation found in the layout, the statement identities,
the tie-outs, the derived figures and the claims of the prose, and returns an
:class:`Audit` of :class:`Finding` objects (rule id, status, reported and computed values,
tolerance, operands with their lines).
"""

from __future__ import annotations

from assay.model.findings import Finding, Operand, Status

from .engine import Audit, audit, audit_path

__all__ = ["Audit", "Finding", "Operand", "Status", "audit", "audit_path"]
