"""Facts as records, CSV, JSON and Parquet: every field, provenance included."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from assay.errors import InputError
from assay.model import Document, Fact
from assay.write.json_text import dumps
from assay.write.text_table import text_columns

FIELDS = (
    "id", "value", "unit", "scale", "decimals", "lower", "upper", "printed", "nil",
    "label", "concept", "metal", "period", "period_start", "period_end", "company",
    "operating_unit", "segment", "share", "table", "section", "heading", "row", "column",
    "footnotes", "dims", "file", "line", "col_start", "col_end", "selector", "derivation",
)


def _text(d: Decimal | None) -> str:
    if d is None:
        return ""
    return format(d, "f")


def fact_record(f: Fact) -> dict[str, object]:
    """One fact as a flat record of plain values (Decimals kept exact as text)."""
    iv = f.interval
    src = f.source
    return {
        "id": f.id,
        "value": _text(f.value),
        "unit": f.unit,
        "scale": f.scale,
        "decimals": f.decimals,
        "lower": _text(iv.lo),
        "upper": _text(iv.hi),
        "printed": f.printed,
        "nil": f.nil,
        "label": f.label,
        "concept": f.concept or "",
        "metal": f.metal or "",
        "period": f.period.key if f.period else "",
        "period_start": f.period.start.isoformat() if f.period and f.period.start else "",
        "period_end": f.period.end.isoformat() if f.period else "",
        "company": f.entity.company,
        "operating_unit": f.entity.unit or "",
        "segment": f.entity.segment or "",
        "share": _text(f.entity.share) if f.entity.share is not None else "",
        "table": f.table or "",
        "section": f.section or "",
        "heading": f.heading or "",
        "row": f.row,
        "column": f.column,
        "footnotes": ";".join(f.footnotes),
        "dims": ";".join(f"{k}={v}" for k, v in f.dims),
        "file": src.file if src else "",
        "line": src.line if src else None,
        "col_start": src.col_start if src else None,
        "col_end": src.col_end if src else None,
        "selector": src.selector or "" if src else "",
        "derivation": str(f.derivation) if f.derivation else "",
    }


def facts_csv(facts: list[Fact]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    for f in facts:
        w.writerow(fact_record(f))
    return buf.getvalue()


def document_json(doc: Document, prose: bool = False, indent: int = 2) -> str:
    """The document's facts (with ``prose``, the running text's after the tables'), its
    tables' read counts and its diagnostics."""
    payload = {
        "document": doc.path,
        "company": doc.company,
        "period": doc.period.key if doc.period else None,
        "tables": [
            {"index": t.index, "title": t.title, "kind": t.kind, "first_line": t.first_line,
             "last_line": t.last_line, "lines": t.lines_total, "lines_read": t.lines_used,
             "unplaced_lines": t.unplaced,
             "facts": sum(1 for r in t.rows for x in r.fact_ids if x),
             "columns": [{"header": c.header, "period": c.period.key if c.period else None,
                          "name": c.name, "unit": c.unit} for c in t.columns],
             "title_footnotes": list(t.title_footnotes), "footnotes": t.footnotes}
            for t in doc.tables
        ],
        "facts": [fact_record(f) for f in doc.facts],
        **({"prose_facts": [fact_record(f) for f in doc.prose_facts]} if prose else {}),
        "diagnostics": [
            {"file": d.location.file, "line": d.location.line, "severity": d.severity,
             "code": d.code, "message": d.message}
            for d in doc.diagnostics
        ],
    }
    return dumps(payload, indent)


#: The SQL type of each fact field that is not text (Parquet files, the batch store).
FIELD_TYPES = {
    "value": "DECIMAL(38, 10)", "lower": "DECIMAL(38, 10)", "upper": "DECIMAL(38, 10)",
    "share": "DECIMAL(38, 10)", "scale": "INTEGER", "decimals": "INTEGER", "nil": "BOOLEAN",
    "row": "INTEGER", "column": "INTEGER", "line": "INTEGER", "col_start": "INTEGER",
    "col_end": "INTEGER",
}


def write_parquet(facts: list[Fact], out: str | Path) -> None:
    """Write facts to Parquet through DuckDB, values as exact DECIMAL(38, 10)."""
    import duckdb

    columns = ", ".join(f'"{f}" {FIELD_TYPES.get(f, "VARCHAR")}' for f in FIELDS)
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE facts ({columns})")
        rows = []
        for f in facts:
            rec = fact_record(f)
            rows.append([
                (Decimal(rec[k]) if rec[k] != "" else None) if k in ("value", "lower", "upper",
                                                                     "share")
                else rec[k] for k in FIELDS
            ])
        placeholders = ", ".join("?" for _ in FIELDS)
        con.executemany(f"INSERT INTO facts VALUES ({placeholders})", rows)
        target = str(out).replace("'", "''")
        try:
            con.execute(f"COPY facts TO '{target}' (FORMAT parquet)")
        except duckdb.IOException as e:
            raise InputError(str(out), f"cannot write: {e}") from None
    finally:
        con.close()


def facts_text(doc: Document, facts: list[Fact]) -> str:
    """The facts as a text table (line, table, label, entity, period, value, unit,
    concept), then the tables read: the same on a terminal, in a file or a pipe; time
    and size grow linearly with the facts."""
    rows = []
    for f in facts:
        ent = " ".join(x for x in (f.entity.unit, f.entity.segment) if x)
        dims = " ".join(v for k, v in f.dims if k != "intercept")
        rows.append([str(f.source.line if f.source else ""), f.table or "",
                     f.label or "(subtotal)", ent or dims, f.period.key if f.period else "",
                     f.printed + (f" x10^{f.scale}" if f.scale else ""), f.unit,
                     f.concept or ""])
    out = [f"{doc.company}: {len(facts)} facts from {doc.path}", ""]
    out += text_columns(["line", "table", "label", "entity", "period", "value", "unit",
                     "concept"], rows, {0, 5})
    tables = [[f"{t.first_line}-{t.last_line}", t.title,
               f"{t.lines_used}/{t.lines_total}",
               str(sum(1 for r in t.rows for x in r.fact_ids if x)),
               ", ".join(map(str, t.unplaced)) or "none"] for t in doc.tables]
    out += ["", "Tables read", ""]
    out += text_columns(["lines", "table", "lines read", "facts", "unplaced lines"], tables, {3})
    return "\n".join(out) + "\n"
