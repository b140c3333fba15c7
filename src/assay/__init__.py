"""assay: read, audit, recompute and write the quarterly reports of metal miners.

The public API is small; everything else lives in private-by-convention modules:

- reading: :func:`read_release` (a file), :func:`read_text` (text in memory);
- the model: :class:`Fact`, :class:`Document`, :class:`Period`, :class:`Entity`,
  :class:`Interval`, :class:`Location`, :class:`Derivation`;
- auditing: :func:`audit_document` (a read document), :func:`audit_file`;
- cost standards: :func:`load_company` (a company folder), :func:`derive_metrics`;
- drill intercepts: :func:`load_drillholes` (a folder), :func:`find_intercepts`;
- errors: :class:`AssayError`, :class:`InputError`, :class:`InputErrors`.

The audit, standards and intercept functions load on first use, so that ``import assay``
stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .errors import AssayError, InputError, InputErrors
from .model import Derivation, Document, Entity, Fact, Interval, Location, Period
from .read import read_release, read_text

__version__ = "0.1.0"

_LAZY = {
    "audit_document": ("assay.audit", "audit"),
    "audit_file": ("assay.audit", "audit_path"),
    "load_company": ("assay.operating", "load_company"),
    "derive_metrics": ("assay.standards", "derive"),
    "load_drillholes": ("assay.explore", "load_folder"),
    "find_intercepts": ("assay.explore", "find_intercepts"),
}

__all__ = [
    "AssayError", "Derivation", "Document", "Entity", "Fact", "InputError", "InputErrors",
    "Interval", "Location", "Period", "__version__", "audit_document", "audit_file",
    "derive_metrics", "find_intercepts", "load_company", "load_drillholes", "read_release",
    "read_text",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'assay' has no attribute {name!r}")
