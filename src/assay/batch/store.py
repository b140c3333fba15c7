"""The batch store: one DuckDB file of documents, facts, findings, operands, diagnostics.

Every table but ``documents`` carries ``doc``, the SHA-256 of the document's bytes (for
a document whose bytes could not be read, ``unread:`` and its name). Each write is one
transaction holding whole documents: a run that is interrupted leaves a store that opens
and holds every document it committed with all its rows, and none of the rest. Writing
a document again replaces its rows, so a re-run adds no duplicates.

Exact figures are text (``value_text`` of a fact, every figure of a finding or operand);
``value``, ``lower``, ``upper`` and ``share`` of a fact are also ``DECIMAL(38, 10)`` for
arithmetic in SQL (NULL, never rounded, when a figure does not fit that type; ``lower``
and ``upper`` are ``value_text`` less and plus half a unit of its ``decimals``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb
import numpy as np

from assay.errors import InputError
from assay.paths import check_writable
from assay.write.facts import FIELD_TYPES, FIELDS

from .work import FAILED, NO_TABLES, OK, Outcome

_DECIMAL = "DECIMAL(38, 10)"

#: Column names and SQL types of each table, in the order of an Outcome's rows.
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc", "VARCHAR PRIMARY KEY"), ("sha256", "VARCHAR"), ("path", "VARCHAR"),
        ("bytes", "BIGINT"), ("form", "VARCHAR"), ("company", "VARCHAR"),
        ("period", "VARCHAR"), ("report_date", "DATE"), ("filed", "DATE"),
        ("year", "INTEGER"), ("status", "VARCHAR"), ("error", "VARCHAR"),
        ("seconds", "DOUBLE"), ("tables", "INTEGER"), ("facts", "INTEGER"),
        ("findings", "INTEGER"), ("mismatches", "INTEGER"), ("diagnostics", "INTEGER"),
        ("parts", "VARCHAR"), ("worker", "VARCHAR"), ("peak_memory_mb", "INTEGER"),
    ),
    "facts": (("doc", "VARCHAR"),
              *((f, FIELD_TYPES.get(f, "VARCHAR")) for f in FIELDS),
              ("value_text", "VARCHAR")),
    "findings": (
        ("doc", "VARCHAR"), ("finding", "INTEGER"), ("rule", "VARCHAR"),
        ("status", "VARCHAR"), ("message", "VARCHAR"), ("file", "VARCHAR"),
        ("line", "INTEGER"), ("reported", "VARCHAR"), ("computed", "VARCHAR"),
        ("computed_lower", "VARCHAR"), ("computed_upper", "VARCHAR"),
        ("tolerance", "VARCHAR"), ("gap", "VARCHAR"), ("unit", "VARCHAR"),
        ("arithmetic", "VARCHAR"), ("missing", "VARCHAR"), ("notes", "VARCHAR"),
    ),
    "operands": (
        ("doc", "VARCHAR"), ("finding", "INTEGER"), ("position", "INTEGER"),
        ("role", "VARCHAR"), ("label", "VARCHAR"), ("printed", "VARCHAR"),
        ("value", "VARCHAR"), ("lower", "VARCHAR"), ("upper", "VARCHAR"),
        ("unit", "VARCHAR"), ("period", "VARCHAR"), ("entity", "VARCHAR"),
        ("table", "VARCHAR"), ("fact_id", "VARCHAR"), ("file", "VARCHAR"),
        ("line", "INTEGER"), ("col_start", "INTEGER"), ("col_end", "INTEGER"),
    ),
    "diagnostics": (
        ("doc", "VARCHAR"), ("file", "VARCHAR"), ("line", "INTEGER"),
        ("severity", "VARCHAR"), ("code", "VARCHAR"), ("message", "VARCHAR"),
    ),
}

#: The tables whose rows belong to a document, in the order they are written.
_ROW_TABLES = ("facts", "findings", "operands", "diagnostics")


def _q(name: str) -> str:
    return '"' + name + '"'


def _base_type(sql_type: str) -> str:
    return sql_type.replace(" PRIMARY KEY", "")


class Store:
    """An open batch store; the one writer of its file while it is open."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        if not read_only:
            check_store_path(path)
        elif not Path(path).is_file():
            raise InputError(path, "no such store")
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as e:
            raise InputError(path, f"cannot open the store: {_first_line(e)}") from None
        try:
            self._check_tables(read_only)
        except BaseException:
            self.con.close()
            raise

    def _check_tables(self, read_only: bool) -> None:
        """Make the tables of a new store; refuse a DuckDB file whose tables are not a
        store's (another program's database is never written to)."""
        have = {t: [r[0] for r in self.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position", [t]).fetchall()] for t in SCHEMA}
        for table, cols in SCHEMA.items():
            names = [c for c, _ in cols]
            if have[table] and have[table] != names:
                raise InputError(self.path, f"not an assay store: its table {table} has "
                                            f"other columns ({', '.join(have[table][:6])}...)")
            if not have[table] and read_only:
                raise InputError(self.path, f"not an assay store: it has no {table} table")
            if not have[table]:
                body = ", ".join(f"{_q(c)} {t}" for c, t in cols)
                self.con.execute(f"CREATE TABLE {table} ({body})")

    def known(self) -> set[str]:
        """The documents already stored with a verdict on the document (read, no tables,
        not usable), by SHA-256 of their bytes; not those the run stopped (timeout, a dead
        worker, a reader fault), which a resumed run tries again."""
        rows = self.con.execute(
            "SELECT sha256 FROM documents WHERE sha256 IS NOT NULL AND status IN (?, ?, ?)",
            [OK, NO_TABLES, FAILED])
        return {r[0] for r in rows.fetchall()}

    def write(self, outcomes: list[Outcome]) -> None:
        """Store whole documents in one transaction, replacing any stored before."""
        if not outcomes:
            return
        con = self.con
        keys = [o.document["doc"] for o in outcomes]
        con.execute("BEGIN TRANSACTION")
        try:
            # rows of these documents stored before (a run again, not resumed): replaced;
            # a look-up in the documents' key, so a write costs what it stores
            again = [r[0] for r in con.execute(
                "SELECT doc FROM documents WHERE doc IN (SELECT unnest($1::VARCHAR[]))",
                [keys]).fetchall()]
            if again:
                for table in (*_ROW_TABLES, "documents"):
                    con.execute(f"DELETE FROM {table} WHERE doc IN "
                                f"(SELECT unnest($1::VARCHAR[]))", [again])
            names = [c for c, _ in SCHEMA["documents"]]
            self._insert("documents", [tuple(o.document[c] for c in names) for o in outcomes])
            for table in _ROW_TABLES:
                self._insert(table, [r for o in outcomes for r in getattr(o, table)])
            con.execute("COMMIT")
        except BaseException as e:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            if isinstance(e, duckdb.Error):
                raise InputError(self.path, f"cannot write the store: {_first_line(e)}") from None
            raise

    def _insert(self, table: str, rows: list[tuple[object, ...]]) -> None:
        """Insert rows in one statement: DuckDB scans them as a dict of NumPy columns."""
        if not rows:
            return
        columns = [np.array(c, dtype=object) for c in zip(*rows, strict=True)]
        cols = SCHEMA[table][: len(columns)]
        names = [_q(name) for name, _ in cols]
        selects = [f"CAST(c{i} AS {_base_type(t)})" for i, (_, t) in enumerate(cols)]
        if table == "facts":
            # the exact value as text; the DECIMAL columns hold a figure only when it fits
            # exactly (NULL, never rounded, when it does not)
            names.append(_q("value_text"))
            selects.append(f"c{len(columns)}")
            columns.append(columns[[c for c, _ in cols].index("value")])
            for i, (_, sql_type) in enumerate(cols):
                if sql_type == _DECIMAL:
                    columns[i] = np.array([t if _fits(t) else None for t in columns[i]],
                                          dtype=object)
        self.con.register("assay_rows", {f"c{i}": c for i, c in enumerate(columns)})
        try:
            self.con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT "
                             f"{', '.join(selects)} FROM assay_rows")
        finally:
            with contextlib.suppress(duckdb.Error):  # the insert's own error matters
                self.con.unregister("assay_rows")

    def close(self) -> None:
        self.con.close()


def _fits(text: object) -> bool:
    """Whether decimal text is held exactly by DECIMAL(38, 10)."""
    if not isinstance(text, str) or not text:
        return False
    whole, _, frac = text.lstrip("-").partition(".")
    return len(frac.rstrip("0")) <= 10 and len(whole.lstrip("0")) <= 28


def check_store_path(path: str) -> None:
    """Refuse, before any work, a store path that cannot be written (nothing is made)."""
    check_writable(path, "is a folder; give the store a file name (assay.duckdb)")


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def export_parquet(store: str, folder: str) -> dict[str, int]:
    """Write every table to ``folder/<table>/year=.../form=.../*.parquet`` (Hive
    partitions of the document's year and form, NULL where unknown); the rows written,
    by table. The folder must be new or empty: an export never mixes with older files."""
    s = Store(store, read_only=True)
    out = Path(folder)
    try:
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise InputError(folder, "not an empty folder: export into a new one")
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.is_dir():  # as for every output: a folder is made, not its parents
            raise InputError(folder, f"cannot write: '{parent}' is a folder that does not "
                             "exist")
        out.mkdir(exist_ok=True)
    except OSError as e:
        s.close()
        raise InputError(folder, f"cannot write: {e.strerror}") from None
    except BaseException:
        s.close()
        raise
    counts: dict[str, int] = {}
    try:
        for table in SCHEMA:
            if table == "documents":
                sql = "SELECT * FROM documents"
            else:
                sql = (f"SELECT t.*, d.year AS year, d.form AS form FROM {table} t "
                       f"JOIN documents d USING (doc)")
            counts[table] = s.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            target = str(out / table).replace("'", "''")
            s.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet, "
                          f"PARTITION_BY (year, form))")
    except duckdb.Error as e:
        raise InputError(folder, f"cannot write Parquet: {_first_line(e)}") from None
    finally:
        s.close()
    return counts


def query(store: str, sql: str) -> tuple[list[str], list[tuple[object, ...]]]:
    """Run ``sql`` on the store (read only): the column names and rows."""
    s = Store(store, read_only=True)
    try:
        cur = s.con.execute(sql)
        names = [d[0] for d in cur.description] if cur.description else []
        return names, cur.fetchall()
    except duckdb.Error as e:
        raise InputError(store, f"query failed: {_first_line(e)}") from None
    except RuntimeError as e:  # DuckDB's word for Ctrl-C during a query
        if "interrupt" in str(e).lower():
            raise KeyboardInterrupt from None
        raise
    finally:
        s.close()
