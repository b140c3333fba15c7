"""One drilling database in every form it is exported in: CSV files, xlsx files, one
workbook, a SQLite file, a DuckDB file. Each reads to the same figures, written out by
hand below, and each problem is reported at the file (sheet or table) and row."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D

import duckdb
import openpyxl
import pytest
from typer.testing import CliRunner

from assay.cli import app
from assay.errors import InputErrors
from assay.explore import load_folder

COLLAR = [("hole_id", "easting", "northing", "elevation", "depth"),
          ("DH-2", 500100, 4000000, 1510.5, 150), ("DH-10", 500000, 4000000, 1500, 120)]
SURVEY = [("hole_id", "depth", "azimuth", "dip"),
          ("DH-2", 0, 45, -60), ("DH-10", 0, 90, -55), ("DH-10", 100, 92, -53)]
ASSAYS = [("hole_id", "from", "to", "Ag_ppm", "Au_ppm"),
          ("DH-10", 10, 11.5, 120.5, 0.1), ("DH-10", 11.5, 13, 80, "<0.01"),
          ("DH-2", 0, 2, 5, None)]
TABLES = {"collar": COLLAR, "survey": SURVEY, "assays": ASSAYS}


def _csv(rows) -> str:
    return "".join(",".join("" if v is None else str(v) for v in row) + "\n" for row in rows)


def write(tmp_path, form: str):
    if form == "csv":
        d = tmp_path / "csv"
        d.mkdir()
        for name, rows in TABLES.items():
            (d / f"{name}.csv").write_text(_csv(rows))
        return d, {}
    if form == "xlsx files":
        d = tmp_path / "xlsx"
        d.mkdir()
        for name, rows in TABLES.items():
            book = openpyxl.Workbook()
            for row in rows:
                book.active.append(row)
            book.save(d / f"{name}.xlsx")
        return d, {"collar_file": "collar.xlsx", "survey_file": "survey.xlsx",
                   "assay_file": "assays.xlsx"}
    if form == "workbook":
        path = tmp_path / "drill.xlsx"
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, rows in TABLES.items():
            sheet = book.create_sheet(name.upper())  # sheet names match case-insensitively
            for row in rows:
                sheet.append(row)
        book.save(path)
        return path, {}
    path = tmp_path / ("drill.sqlite" if form == "sqlite" else "drill.duckdb")
    db = sqlite3.connect(path) if form == "sqlite" else duckdb.connect(str(path))
    for name, rows in TABLES.items():
        header, *body = rows
        types = ["VARCHAR" if any(isinstance(r[i], str) for r in body) else "DOUBLE"
                 for i in range(len(header))]
        cols = ', '.join(f'"{h}" {t}' for h, t in zip(header, types, strict=True))
        db.execute(f"CREATE TABLE {name} ({cols})")
        db.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(header))})", body)
    if form == "sqlite":
        db.commit()
    db.close()
    return path, {}


FORMS = ["csv", "xlsx files", "workbook", "sqlite", "duckdb"]


@pytest.mark.parametrize("form", FORMS)
def test_every_form_reads_to_the_same_figures(tmp_path, form):
    path, files = write(tmp_path, form)
    data = load_folder(path, **files)
    # holes in natural order (DH-2 before DH-10), depths and grades as written above
    assert data.holes == ["DH-2", "DH-10"]
    assert [(data.holes[h], data.depth(f), data.depth(t)) for h, f, t in
            zip(data.hole, data.frm, data.to, strict=True)] == [
        ("DH-2", 0, 2), ("DH-10", 10, D("11.5")), ("DH-10", D("11.5"), 13)]
    ag, au = data.grades["Ag"], data.grades["Au"]
    assert [ag.decimal(i) for i in range(3)] == [5, D("120.5"), 80]
    # 0.1 stays 0.1 (not 0.1000000000000000055...); <0.01 is half the limit; DH-2 has none
    assert [au.decimal(i) for i in range(3)] == [None, D("0.1"), D("0.005")]
    assert data.collars["DH-2"].elevation == D("1510.5")
    assert [(s.depth, s.azimuth, s.dip) for s in data.surveys["DH-10"]] == [
        (0, 90, 55), (100, 92, 53)]
    # rows are counted as in a sheet: the header is row 1
    assert data.line.tolist() == [4, 2, 3]


@pytest.mark.parametrize("form", ["workbook", "sqlite", "duckdb"])
def test_problems_are_reported_at_the_table_and_row(tmp_path, form):
    ASSAYS.append(("DH-10", 13, 12, "abc", 0.2))
    try:
        path, files = write(tmp_path, form)
    finally:
        ASSAYS.pop()
    with pytest.raises(InputErrors) as info:
        load_folder(path, **files)
    # a workbook keeps the integer 13; a DOUBLE database column holds 13.0
    f, t = ("13", "12") if form == "workbook" else ("13.0", "12.0")
    assert [str(e) for e in info.value.errors] == [
        f"{path.name}[assays]:5: from >= to: from {f} >= to {t}",
        f"{path.name}[assays]:5: column 'Ag_ppm': not a number: 'abc'",
    ]


def test_xlsx_files_are_found_by_their_stem(tmp_path):
    # collar.xlsx, survey.xlsx and assays.xlsx without naming them: the survey is read too
    path, _ = write(tmp_path, "xlsx files")
    data = load_folder(path)
    assert [(s.depth, s.azimuth) for s in data.surveys["DH-10"]] == [(0, 90), (100, 92)]


def test_a_database_decimal_is_read_in_plain_notation(tmp_path):
    path = tmp_path / "dec.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE collar (hole_id VARCHAR, depth DECIMAL(18, 8))")
        db.execute("INSERT INTO collar VALUES ('H1', 100)")
        db.execute('CREATE TABLE assays (hole_id VARCHAR, "from" DECIMAL(18, 8), '
                   '"to" DECIMAL(18, 8), Au DECIMAL(18, 8))')
        db.execute("INSERT INTO assays VALUES ('H1', 0, 1, 0.0000001), ('H1', 1, 2, 0)")
    data = load_folder(path)
    assert [data.grades["Au"].decimal(i) for i in range(2)] == [D("0.0000001"), 0]


def test_a_damaged_workbook_is_said_to_be_unreadable(tmp_path):
    path = tmp_path / "drill.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputErrors) as info:
        load_folder(path)
    (message,) = [str(e) for e in info.value.errors]
    assert message.startswith(f"{path}: not a readable xlsx workbook: ")


def test_a_missing_sheet_or_table_is_named(tmp_path):
    path, _ = write(tmp_path, "sqlite")
    with pytest.raises(InputErrors) as info:
        load_folder(path, assay_file="samples.csv")
    assert [str(e) for e in info.value.errors] == [f"{path}: no table named 'samples'"]
    not_a_source = tmp_path / "notes.txt"
    not_a_source.write_text("hello")
    with pytest.raises(InputErrors, match="not a folder, an xlsx workbook or a SQLite"):
        load_folder(not_a_source)


def test_the_command_reads_a_workbook(tmp_path):
    path, _ = write(tmp_path, "workbook")
    result = CliRunner().invoke(app, ["intercepts", str(path), "--cutoff", "Ag>=100",
                                      "-f", "csv"])
    assert result.exit_code == 0, result.output
    # DH-10 10-11.5 m at 120.5 g/t Ag: one 1.5 m intercept
    assert "DH-10" in result.output and "120.5" in result.output
