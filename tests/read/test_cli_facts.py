"""``assay facts`` from the command line: formats, and exit code 2 for bad input."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from assay.cli import app

SEED = str(Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt")
runner = CliRunner()


def test_csv_carries_every_field_with_provenance():
    r = runner.invoke(app, ["facts", SEED, "--format", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 750
    net = next(x for x in rows if x["concept"] == "net_income" and x["period"] == "2007Q2")
    assert net["value"] == "24337000" and net["line"] == "466" and net["unit"] == "USD"
    assert (net["lower"], net["upper"]) == ("24336500", "24337500")


def test_json_and_parquet(tmp_path: Path):
    r = runner.invoke(app, ["facts", SEED, "--format", "json"])
    payload = json.loads(r.stdout)
    assert len(payload["facts"]) == 750 and payload["period"] == "2007Q2"
    assert all(t["unplaced_lines"] == [] for t in payload["tables"])
    out = tmp_path / "facts.parquet"
    r = runner.invoke(app, ["facts", SEED, "--format", "parquet", "-o", str(out)])
    assert r.exit_code == 0
    # the Parquet values are the exact Decimals of the CSV, row for row
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["facts", SEED, "-f", "csv"])
                                           .stdout)))
    want = sum(Decimal(x["value"]) for x in rows)
    ((n, total),) = duckdb.sql(f"select count(*), sum(value) from '{out}'").fetchall()
    assert n == len(rows) == 750
    assert Decimal(total) == want


def test_table_output():
    r = runner.invoke(app, ["facts", SEED])
    assert r.exit_code == 0
    assert "Tables read" in r.stdout and "Production Data" in r.stdout


def test_bad_input_exit_code_two_and_one_line(tmp_path: Path):
    for path, words in ((tmp_path / "missing.txt", "no such file"),
                        (tmp_path, "is a directory")):
        r = runner.invoke(app, ["facts", str(path)])
        assert r.exit_code == 2
        assert words in r.stderr and "Traceback" not in r.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = runner.invoke(app, ["facts", str(empty)])
    assert r.exit_code == 2 and "empty" in r.stderr


def test_unwritable_output_is_exit_code_two_before_any_work(tmp_path: Path):
    for fmt, out in (("csv", tmp_path / "no" / "such" / "dir.csv"), ("json", tmp_path),
                     ("parquet", tmp_path / "missing-folder" / "f.parquet")):
        r = runner.invoke(app, ["facts", SEED, "--format", fmt, "-o", str(out)])
        assert r.exit_code == 2, (fmt, r.output)
        assert "Traceback" not in r.output and str(out) in r.stderr


def test_error_messages_are_text_not_markup(tmp_path: Path):
    odd = tmp_path / "data[costs].txt"
    r = runner.invoke(app, ["facts", str(odd)])
    assert r.exit_code == 2 and "data[costs].txt: no such file" in r.stderr


def test_prose_facts_follow_the_tables_facts_with_their_place():
    # by hand (line 12 of the bundled example): "... recorded net income of $24.3
    # million, or 20 cents per common share" in the second quarter of 2007
    r = runner.invoke(app, ["facts", SEED, "--format", "csv", "--prose"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) > 750 and all(x["table"] for x in rows[:750])
    prose = [x for x in rows[750:] if x["line"] == "12"]
    assert [(x["printed"], x["unit"], x["period"]) for x in prose] == [
        ("$24.3 million", "USD", "2007Q2"), ("20 cents", "USD/share", "2007Q2")]
    payload = json.loads(runner.invoke(app, ["facts", SEED, "-f", "json", "--prose"]).stdout)
    assert len(payload["facts"]) == 750 and payload["prose_facts"]


def test_document_text_is_printed_as_it_stands_not_as_markup_or_emoji(tmp_path: Path):
    release = tmp_path / "r.txt"
    release.write_text("RESULTS\n\n                                Three Months Ended\n"
                       "                                     March 31,\n"
                       "                                 2020        2019\n"
                       "Sales [bold] :100:               1,000         900\n"
                       "Costs                              600         500\n")
    r = runner.invoke(app, ["facts", str(release)], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "Sales [bold] :100:" in r.stdout and "\U0001f4af" not in r.stdout
