"""Drill-hole tables read into columns: CSV files, xlsx sheets, SQLite or DuckDB tables.

A drilling database is exported as files in a folder (``collar.csv``, ``survey.csv``,
``assays.csv``; or ``.xlsx`` files), as one workbook with a sheet per table, or as one
database file with a table per table. Whatever the form, a table is read once into an
in-memory DuckDB table of text columns ``c0 .. cN`` and ``line``, the place of each row:

- CSV: the physical line the row starts on (the header is line 1);
- xlsx: the sheet's row number (the header is row 1);
- a database table: the row's ordinal after its header, counted as in a sheet (the
  first row is 2), in the table's stored order.

Checks and conversions then run over whole columns (:mod:`assay.explore.columnar`).

CSV is read by DuckDB's parser when the file is plain: every row on one physical line,
no blank lines, no quoting error. Then a row's line is its ordinal plus one, and a
million rows take a tenth of a second. Any other file is read by Python's ``csv``
module, row by row, so that each problem is reported at the line where it is (a quote
left open at the line it opens, text after a closing quote, a row with more or fewer
cells than the header), and reading goes on after it.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path

import duckdb
import numpy as np

from assay.errors import InputError, InputErrors

MAX_ERRORS = 200
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
DATABASE_SUFFIXES = (".duckdb", ".db", ".sqlite", ".sqlite3")
_SQLITE_MAGIC = b"SQLite format 3\x00"


class Errors:
    """Input errors collected over a whole load, raised together, sorted by place."""

    def __init__(self) -> None:
        self.items: list[InputError] = []
        self.more = 0
        self.missing: list[tuple[str, InputError]] = []  # (field, error) of absent columns
        self.explained: set[str] = set()  # fields whose absence an option error explains

    def missing_column(self, field: str, path: str, problem: str) -> None:
        """A table without the column for ``field`` (reported at its header, line 1),
        unless an option error explains it (``--column hole=Foo`` and no table has Foo)."""
        self.missing.append((field, InputError(path, problem, 1)))

    def add(self, path: str, problem: str, line: int | None = None) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(InputError(path, problem, line))
        else:
            self.more += 1

    def raise_if_any(self, order: list[str] | None = None) -> None:
        """Raise every error: options first, then by file (in ``order``, the order the
        files were read) and line; one line's errors in the order they were found."""
        found = self.items + [e for f, e in self.missing if f not in self.explained]
        if not found:
            return
        rank = {name: i for i, name in enumerate(order or [])}
        items = sorted(found, key=lambda e: (
            e.path in rank, rank.get(e.path, -1), e.line or 0))
        if self.more:
            items.append(InputError("...", f"and {self.more} more errors not shown"))
        raise InputErrors(items)


@dataclass(frozen=True, slots=True)
class Table:
    """A table read into the DuckDB connection as ``sql`` (columns ``c0 .. cN``, ``line``)."""

    name: str  # as the user knows it: "assays.csv", "drill.xlsx[assays]"
    header: tuple[str, ...]
    sql: str
    rows: int

    def text(self, index: int) -> str:
        """SQL for column ``index`` as trimmed text ('' for an empty cell)."""
        return f"coalesce(trim(c{index}), '')"


@dataclass(frozen=True, slots=True)
class Source:
    """Where the tables are: a folder of files, a workbook, or a database file."""

    path: Path
    kind: str  # "folder" | "workbook" | "sqlite" | "duckdb"
    tables: tuple[str, ...] = ()  # a workbook's sheets, a database's tables and views

    def names(self, file: str) -> tuple[str, str]:
        """(name in messages, key inside the source) of the table the user calls ``file``."""
        if self.kind == "folder":
            return file, file
        key = Path(file).stem
        return f"{self.path.name}[{key}]", key


def open_source(path: Path, errors: Errors) -> Source | None:
    """The source at ``path``: a folder, or a workbook or database file (by content)."""
    if path.is_dir():
        return Source(path, "folder")
    if not path.exists():
        errors.add(str(path), "not a folder")
        return None
    suffix = path.suffix.lower()
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as e:
        errors.add(str(path), f"cannot read: {e.strerror}")
        return None
    if head.startswith(_SQLITE_MAGIC):
        kind = "sqlite"
    elif head[8:12] == b"DUCK":
        kind = "duckdb"
    elif suffix in WORKBOOK_SUFFIXES and head.startswith(b"PK"):
        kind = "workbook"
    else:
        errors.add(str(path), "not a folder, an xlsx workbook or a SQLite or DuckDB database "
                   f"(write {', '.join(WORKBOOK_SUFFIXES + DATABASE_SUFFIXES)})")
        return None
    try:
        return Source(path, kind, _names(path, kind))
    except Exception as e:  # noqa: BLE001 - each library raises its own kinds on a damaged file
        what = {"workbook": "xlsx workbook", "sqlite": "SQLite database",
                "duckdb": "DuckDB database"}[kind]
        errors.add(str(path), f"not a readable {what}: {' '.join(str(e).split())}")
        return None


def _names(path: Path, kind: str) -> tuple[str, ...]:
    """The sheets of a workbook, or the tables and views of a database."""
    if kind == "workbook":
        import openpyxl
        book = openpyxl.load_workbook(path, read_only=True)
        names = list(book.sheetnames)
        book.close()
    elif kind == "sqlite":
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            names = [r[0] for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    else:
        with duckdb.connect(str(path), read_only=True) as db:
            names = [r[0] for r in db.execute(
                "SELECT table_name FROM information_schema.tables").fetchall()]
    return tuple(names)


def resolve(source: Source, file: str, default: str) -> str:
    """The name to read for a table the user left at its ``default`` (``survey.csv``): in
    a folder holding no such file but the same stem as ``.xlsx``, that workbook."""
    if source.kind != "folder" or file != default or (source.path / file).exists():
        return file
    other = Path(file).with_suffix(".xlsx").name
    return other if (source.path / other).exists() else file


def has_table(source: Source, file: str) -> bool:
    """Whether the source holds the table the user calls ``file``."""
    key = source.names(file)[1]
    if source.kind == "folder":
        return (source.path / key).exists()
    return _find_key(source, key) is not None


def read_table(con: duckdb.DuckDBPyConnection, source: Source, file: str, sql: str,
               errors: Errors) -> Table | None:
    """Read the table the user calls ``file`` into ``con`` as ``sql``; problems go to
    ``errors`` (a row that cannot be read is reported and left out)."""
    name, key = source.names(file)
    if source.kind == "folder":
        path = source.path / key
        if path.suffix.lower() in WORKBOOK_SUFFIXES and path.is_file():
            return _from_rows(con, name, sql, _sheet(path, None, name, errors), errors)
        return _csv(con, path, name, sql, errors)
    found = _find_key(source, key)
    if found is None:
        what = "sheet" if source.kind == "workbook" else "table"
        errors.add(str(source.path), f"no {what} named {key!r}")
        return None
    if source.kind == "workbook":
        rows = _sheet(source.path, found, name, errors)
    else:
        rows = _database(source, found, name, errors)
    return _from_rows(con, name, sql, rows, errors)


# -- CSV ------------------------------------------------------------------------------


def _csv(con, path: Path, name: str, sql: str, errors: Errors) -> Table | None:
    if not path.exists():
        errors.add(str(path), "file not found")
        return None
    if not path.is_file():
        errors.add(str(path), "not a file")
        return None
    try:
        raw = path.read_bytes()
    except OSError as e:
        errors.add(name, f"cannot read: {e.strerror}")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        errors.add(name, f"not UTF-8 text (byte {e.start})")
        return None
    del raw
    if "\x00" in text:
        errors.add(name, "binary file, not CSV")
        return None
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    if not first.strip():
        errors.add(name, "empty file: no header row", 1)
        return None
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    try:
        header = [h.strip() for h in next(csv.reader([first], delimiter=delimiter,
                                                     strict=True))]
    except csv.Error as e:
        errors.add(name, f"header row: not CSV: {e}", 1)
        return None
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    plain = text.count("\r") in (0, text.count("\r\n"))
    if plain and _duckdb_csv(con, path, sql, len(header), delimiter, lines - 1):
        del text
        return _finish(con, name, header, sql, errors)
    rows = _python_csv(text, name, header, delimiter, errors)
    del text
    return _from_rows(con, name, sql, (header, rows), errors)


def _duckdb_csv(con, path: Path, sql: str, width: int, delimiter: str, rows: int) -> bool:
    """Read ``path`` with DuckDB when it is plain (see the module docstring); False when
    it is not, with nothing left behind."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    try:
        con.execute(
            f"CREATE TABLE {sql} AS SELECT * FROM read_csv(?, header=false, skip=1, "
            f"auto_detect=false, all_varchar=true, delim=?, quote='\"', escape='\"', "
            f"strict_mode=true, null_padding=false, columns={columns})", [str(path), delimiter])
        # a table keeps the order rows were inserted in: rowid is the row's ordinal
        con.execute(f"ALTER TABLE {sql} ADD COLUMN line BIGINT")
        con.execute(f"UPDATE {sql} SET line = rowid + 2")
    except duckdb.Error:
        con.execute(f"DROP TABLE IF EXISTS {sql}")
        return False
    count = con.execute(f"SELECT count(*) FROM {sql}").fetchone()[0]
    if count != rows:  # blank lines or fields over several lines: lines are not rows
        con.execute(f"DROP TABLE {sql}")
        return False
    return True


def _python_csv(text: str, name: str, header: list[str], delimiter: str,
                errors: Errors) -> list[tuple[int, list[str]]]:
    """Rows after the header with the line each starts on; a row that is not CSV or has
    the wrong number of cells is reported and left out, and reading goes on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next(reader)
    rows = []
    while True:
        start = reader.line_num + 1  # the physical line the next row starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            if "end of data" in str(e):
                errors.add(name, "unterminated quote: the quoted field opened on this line "
                           "never closes", start)
                break
            errors.add(name, f"not CSV: {e}", start)
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            errors.add(name, f"{len(row)} cells, header has {len(header)}", start)
            continue
        rows.append((start, row))
    return rows


# -- workbooks and databases ------------------------------------------------------------


def _find_key(source: Source, key: str) -> str | None:
    """The sheet or table named ``key`` (case-insensitive), as the source spells it."""
    return next((n for n in source.tables if n.lower() == key.lower()), None)


def cell_text(value: object) -> str:
    """A workbook or database value as the text a CSV export would hold: numbers in
    plain decimal notation (a float as the shortest decimal that reads back as it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _sheet(path: Path, sheet: str | None, name: str,
           errors: Errors) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    import openpyxl
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        errors.add(name, f"not a readable xlsx workbook: {e}")
        return None
    ws = book[sheet] if sheet else book.worksheets[0]
    header: list[str] | None = None
    rows = []
    for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = [cell_text(v).strip() for v in values]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if header is None:  # the first row with anything in it
            header = cells
            continue
        if len(cells) > len(header):
            errors.add(name, f"{len(cells)} cells, header has {len(header)}", r)
            continue
        rows.append((r, cells + [""] * (len(header) - len(cells))))
    book.close()
    return (header or []), rows


def _database(source: Source, table: str, name: str,
              errors: Errors) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    quoted = '"' + table.replace('"', '""') + '"'
    connect = (partial(sqlite3.connect, f"file:{source.path}?mode=ro", uri=True)
               if source.kind == "sqlite" else
               partial(duckdb.connect, str(source.path), read_only=True))
    try:
        with closing(connect()) as db:
            cur = db.execute(f"SELECT * FROM {quoted}")
            header = [d[0] for d in cur.description]
            rows = [(i, [cell_text(v) for v in row])
                    for i, row in enumerate(cur.fetchall(), 2)]
    except (sqlite3.Error, duckdb.Error) as e:
        errors.add(name, f"cannot read the table: {' '.join(str(e).split())}")
        return None
    return header, rows


# -- into DuckDB --------------------------------------------------------------------------


def _from_rows(con, name: str, sql: str,
               got: tuple[list[str], list[tuple[int, list[str]]]] | None,
               errors: Errors) -> Table | None:
    if got is None:
        return None
    header, rows = got
    if not header:
        errors.add(name, "empty: no header row", 1)
        return None
    columns: dict[str, np.ndarray] = {
        f"c{i}": np.array([row[i] for _, row in rows], dtype=object)
        for i in range(len(header))}
    columns["line"] = np.array([line for line, _ in rows], dtype=np.int64)
    con.register("rows_", columns)
    con.execute(f"CREATE TABLE {sql} AS SELECT * FROM rows_")
    con.unregister("rows_")
    return _finish(con, name, header, sql, errors)


def _finish(con, name: str, header: list[str], sql: str, errors: Errors) -> Table:
    for i in range(len(header)):  # tabs and line ends around a cell, as Python strips them
        con.execute(f"UPDATE {sql} SET c{i} = regexp_replace(c{i}, '^\\s+|\\s+$', '', 'g') "
                    f"WHERE regexp_matches(c{i}, '^\\s|\\s$')")
    blank = " AND ".join(f"coalesce(trim(c{i}), '') = ''" for i in range(len(header)))
    con.execute(f"DELETE FROM {sql} WHERE {blank}")
    rows = con.execute(f"SELECT count(*) FROM {sql}").fetchone()[0]
    return Table(name, tuple(header), sql, rows)

