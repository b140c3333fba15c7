"""The corpus of real filings the benchmarks measure on (``../shared/corpus``, beside the
project, never copied into it): where it is, its HTML documents, and the one-line
message when it is missing."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def missing() -> bool:
    """Say so on standard error, and be true, when the corpus is not there."""
    if CORPUS.exists():
        return False
    print(f"the corpus is not at {CORPUS}", file=sys.stderr)
    return True


def html_documents() -> list[tuple[str, bytes]]:
    """The HTML and inline-XBRL documents: the html folder (one of its files an EDGAR
    submission wrapping HTML), the inline-XBRL filings and
    the 39 releases of ``bulk/ex991-2020q1-sample.zip``, each with its name."""
    docs = [(str(p), p.read_bytes()) for p in sorted((CORPUS / "html").iterdir())]
    docs += [(str(p), p.read_bytes()) for p in sorted((CORPUS / "ixbrl").rglob("*.htm*"))]
    with zipfile.ZipFile(CORPUS / "bulk" / "ex991-2020q1-sample.zip") as z:
        docs += [(n, z.read(n)) for n in sorted(z.namelist()) if n.endswith(".html")]
    return docs
