"""The work of one document in a batch: read it, audit it, and turn the result into rows.

:func:`process` runs in a worker (a local process or a Dask worker) and returns an
:class:`Outcome` of plain values, cheap to send back to the one writer of the store. It
never raises for a bad document: a document that cannot be used is an outcome with
status ``failed`` and the reader's message; an unexpected exception is status ``error``
with its type and message, so one document never ends a run.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assay.errors import InputError
from assay.write.facts import fact_record

#: Statuses of a stored document: read (and audited); read, but it holds no table of
#: figures (most 8-Ks); not usable (the reader says why); a fault of the reader (the
#: exception); still being read at the timeout; its worker died.
OK, NO_TABLES, FAILED, ERROR, TIMEOUT, CRASHED = (
    "ok", "no tables", "failed", "error", "timeout", "crashed")

_HEADER_FIELD = re.compile(
    rb"^[ \t]*(CONFORMED SUBMISSION TYPE|CONFORMED PERIOD OF REPORT|FILED AS OF DATE|"
    rb"COMPANY CONFORMED NAME|<TYPE>)(?::|(?<=>))[ \t]*(\S[^\r\n]*?)[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE)
#: The submission header is at the top; its fields are looked for in this many bytes.
_HEADER_BYTES = 16384
#: A current report's cover page names its date ("Date of Report (Date of earliest event
#: reported): March 6, 2023"); it is looked for in this many bytes, markup removed.
_COVER_BYTES = 65536
_MARKUP = re.compile(rb"<[^>]*>|&nbsp;|&#160;|&#xa0;", re.IGNORECASE)
_DATE_OF_REPORT = re.compile(rb"date\s+of\s+report", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_LONG_DATE = re.compile(rb"\b(" + b"|".join(m.encode() for m in _MONTHS) +
                        rb")\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
#: how far after the words "Date of Report" its date may stand, or just before, in characters
_NEAR, _JUST_BEFORE = 240, 40


@dataclass(slots=True)
class Outcome:
    """One document's rows, in the store's column order (see ``store.SCHEMA``)."""

    document: dict[str, object]
    facts: list[tuple[object, ...]] = field(default_factory=list)
    findings: list[tuple[object, ...]] = field(default_factory=list)
    operands: list[tuple[object, ...]] = field(default_factory=list)
    diagnostics: list[tuple[object, ...]] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def process(name: str, data: bytes, audit: bool = True) -> Outcome:
    """Read (and unless ``audit`` is false, audit) the document ``name`` holding ``data``."""
    from assay.read import read_bytes

    start = time.perf_counter()
    doc = None
    doc_key = sha256(data)
    row = document_row(name, doc_key, data)
    out = Outcome(row)
    try:
        doc = read_bytes(data, name, require_tables=False)
        out.facts = [(doc_key, *fact_record(f).values()) for f in doc.facts]
        out.diagnostics = [(doc_key, d.location.file, d.location.line, d.severity, d.code,
                            d.message) for d in doc.diagnostics]
        row.update(company=row["company"] or doc.company or None,
                   period=doc.period.key if doc.period else None,
                   tables=len(doc.tables), facts=len(doc.facts),
                   diagnostics=len(doc.diagnostics), parts=";".join(doc.parts))
        row["status"] = OK if doc.tables else NO_TABLES
    except InputError as e:
        row.update(status=FAILED, error=e.problem if e.line is None else f"line {e.line}: "
                   f"{e.problem}")
    except Exception as e:  # a reader fault: recorded, and the run goes on
        row.update(status=ERROR, error=f"{type(e).__name__}: {e}")
        out.facts, out.diagnostics = [], []
    if audit and row["status"] in (OK, NO_TABLES):
        try:
            _audit_rows(doc, doc_key, out)
        except Exception as e:  # an audit fault: the facts read stay, with the reason
            row.update(status=ERROR, error=f"audit: {type(e).__name__}: {e}")
            out.findings, out.operands = [], []
    row["year"] = _year(row, doc.period.end if doc is not None and doc.period else None)
    row["seconds"] = round(time.perf_counter() - start, 6)
    row["worker"] = f"{os.uname().nodename}:{os.getpid()}"
    row["peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return out


def _audit_rows(doc, doc_key: str, out: Outcome) -> None:
    from assay.audit import audit as audit_document

    result = audit_document(doc)
    memo: dict[str, dict[str, object]] = {}
    mismatches = 0
    for n, f in enumerate(result.findings):
        d = f.to_dict(memo)
        iv = d["computed_interval"]
        out.findings.append((
            doc_key, n, d["rule"], d["status"], d["message"], d["file"], d["line"],
            _plain(d["reported"]), _plain(d["computed"]), _plain(iv[0]) if iv else None,
            _plain(iv[1]) if iv else None, _plain(d["tolerance"]), _plain(d["gap"]),
            d["unit"], d["arithmetic"], d["missing"], ";".join(d["notes"])))
        mismatches += d["status"] == "mismatch"
        for k, o in enumerate(d["operands"]):
            loc = o["location"]
            out.operands.append((
                doc_key, n, k, o["role"], o["label"], o["printed"], _plain(o["value"]),
                _plain(o["interval"][0]), _plain(o["interval"][1]), o["unit"], o["period"],
                o["entity"],
                o["table"], o["fact_id"], loc["file"], loc["line"], loc["col_start"],
                loc["col_end"]))
    out.document.update(findings=len(result.findings), mismatches=mismatches)


def _plain(text: str | None) -> str | None:
    """Decimal text without an exponent ('1.5E+7' is '15000000'), as facts are written."""
    if text is None or ("E" not in text and "e" not in text):
        return text
    return format(Decimal(text), "f")


def document_row(name: str, doc_key: str | None, data: bytes | None) -> dict[str, object]:
    """A document's row before it is read: what its name, bytes and submission header
    say (form, company, period of report, filing date)."""
    header = _header(data[:_HEADER_BYTES]) if data else {}
    return {
        "doc": doc_key or f"unread:{name}", "sha256": doc_key, "path": name,
        "bytes": len(data) if data is not None else None,
        "form": header.get(b"CONFORMED SUBMISSION TYPE") or header.get(b"<TYPE>"),
        "company": header.get(b"COMPANY CONFORMED NAME"),
        "period": None,
        "report_date": _date(header.get(b"CONFORMED PERIOD OF REPORT")) or (
            _date_of_report(data) if data else None),
        "filed": _date(header.get(b"FILED AS OF DATE")),
        "year": None, "status": None, "error": None, "seconds": None,
        "tables": None, "facts": None, "findings": None, "mismatches": None,
        "diagnostics": None, "parts": None, "worker": None, "peak_memory_mb": None,
    }


def _header(head: bytes) -> dict[bytes, str]:
    out: dict[bytes, str] = {}
    for m in _HEADER_FIELD.finditer(head):
        out.setdefault(m.group(1).upper(), m.group(2).decode("latin-1"))
    return out


def _date_of_report(data: bytes) -> date | None:
    """The date a cover page gives as its date of report: one printed just before the
    words ("November 26, 2007 (Date of Report)"), else the first after them."""
    text = _MARKUP.sub(b" ", data[:_COVER_BYTES])
    m = _DATE_OF_REPORT.search(text)
    if m is None:
        return None
    before = [*_LONG_DATE.finditer(text, max(0, m.start() - _JUST_BEFORE), m.start())]
    found = before[-1] if before else _LONG_DATE.search(text, m.end(), m.end() + _NEAR)
    if found is None:
        return None
    month = _MONTHS.index(found.group(1).decode().lower()) + 1
    try:
        return date(int(found.group(3)), month, int(found.group(2)))
    except ValueError:
        return None


def _date(text: str | None) -> date | None:
    if text and len(text) == 8 and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    return None


def _year(row: dict[str, object], period_end: date | None = None) -> int | None:
    """The year a document is filed under: its report date, else its filing date, else
    the end of the period the reader found."""
    for d in (row.get("report_date"), row.get("filed"), period_end):
        if isinstance(d, date):
            return d.year
    return None


def unread_outcome(name: str, data: bytes | None, status: str, error: str) -> Outcome:
    """The outcome of a document that never reached the reader, or whose worker timed out
    or died: its row, with the reason."""
    row = document_row(name, sha256(data) if data is not None else None, data)
    row.update(status=status, error=error)
    row["year"] = _year(row)
    return Outcome(row)
