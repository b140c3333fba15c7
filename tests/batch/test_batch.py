"""``assay batch``: documents in, a DuckDB store out; faults are rows, not the end of a run.

The expectations are counted by hand from the inputs each test makes (three documents in
a folder, one of them a copy: two stored, one skipped), or come from another command of
assay on the same file (the stored facts of a document are ``assay facts --format json``
of it), so none restates the code under test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from assay.batch import expand, run_batch
from assay.batch.work import document_row
from assay.cli import app
from assay.write.facts import FIELDS

from .faults import faulty

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
runner = CliRunner()


def _rows(store: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _folder(tmp_path: Path, names: list[str]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in names:
        shutil.copy(EXAMPLE, docs / n)
    return docs


def _whole(store: Path) -> None:
    """Every stored document has all its rows and no row is without its document."""
    orphans = _rows(store, "SELECT count(*) FROM facts WHERE doc NOT IN "
                           "(SELECT doc FROM documents)")
    assert orphans == [(0,)]
    short = _rows(store, "SELECT d.path FROM documents d LEFT JOIN (SELECT doc, count(*) n "
                         "FROM facts GROUP BY doc) f USING (doc) "
                         "WHERE coalesce(f.n, 0) <> coalesce(d.facts, 0)")
    assert short == []


def test_stored_facts_are_those_assay_facts_prints(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    summary = run_batch([*expand([str(EXAMPLE)])[0]], str(store), workers=1)
    assert dict(summary.by_status) == {"ok": 1}
    printed = runner.invoke(app, ["facts", str(EXAMPLE), "--format", "json"])
    assert printed.exit_code == 0
    expected = json.loads(printed.stdout)["facts"]
    cols = ", ".join(f'"{f}"' for f in FIELDS)
    stored = _rows(store, f"SELECT {cols}, value_text FROM facts ORDER BY rowid")
    assert len(stored) == len(expected) > 100
    for want, got in zip(expected, stored, strict=True):
        rec = dict(zip(FIELDS, got[:-1], strict=True))
        assert got[-1] == want["value"]  # the exact text
        for k in FIELDS:
            w, g = want[k], rec[k]
            if k in ("value", "lower", "upper", "share"):
                assert (g is None and w == "") or Decimal(w) == g, (k, want["id"])
            else:
                assert g == w, (k, want["id"])


def test_copies_and_reruns_add_no_rows_and_resume_skips_what_is_stored(
        tmp_path: Path) -> None:
    docs = _folder(tmp_path, ["a.txt", "b.txt"])
    (docs / "b.txt").write_bytes(EXAMPLE.read_bytes() + b"\n")  # other bytes, same tables
    (docs / "sub").mkdir()
    shutil.copy(EXAMPLE, docs / "sub" / "copy-of-a.txt")
    store = tmp_path / "s.duckdb"
    first = run_batch(expand([str(docs)])[0], str(store), workers=2)
    assert first.stored == 2 and len(first.duplicates) == 1  # the copy has a's bytes
    counts = _rows(store, "SELECT (SELECT count(*) FROM documents), "
                          "(SELECT count(*) FROM facts), (SELECT count(*) FROM findings)")
    again = run_batch(expand([str(docs)])[0], str(store), workers=2)
    assert again.stored == 2
    assert _rows(store, "SELECT (SELECT count(*) FROM documents), "
                        "(SELECT count(*) FROM facts), (SELECT count(*) FROM findings)") == counts
    seen: list[str] = []
    resumed = run_batch(expand([str(docs)])[0], str(store), workers=1, resume=True,
                        on_outcome=lambda o: seen.append(o.document["path"]))
    assert seen == [] and resumed.skipped == 3  # the copy too: its bytes are stored
    _whole(store)


def test_an_interrupted_run_keeps_whole_documents_and_resume_reads_only_the_rest(
        tmp_path: Path) -> None:
    names = [f"r{i}.txt" for i in range(6)]
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, n in enumerate(names):  # six documents of different bytes
        (docs / n).write_bytes(EXAMPLE.read_bytes() + b"\n" * i)
    store = tmp_path / "s.duckdb"
    done: list[str] = []

    def interrupt_after_two(o) -> None:
        done.append(o.document["path"])
        if len(done) == 2:
            raise KeyboardInterrupt

    cut = run_batch(expand([str(docs)])[0], str(store), workers=1,
                    on_outcome=interrupt_after_two)
    assert cut.interrupted
    stored = {r[0] for r in _rows(store, "SELECT path FROM documents")}
    assert stored == set(done)
    _whole(store)
    rest: list[str] = []
    run_batch(expand([str(docs)])[0], str(store), workers=1, resume=True,
              on_outcome=lambda o: rest.append(o.document["path"]))
    assert sorted(rest) == sorted(str(docs / n) for n in names if str(docs / n) not in stored)
    assert _rows(store, "SELECT count(*) FROM documents") == [(6,)]


def test_a_killed_worker_and_a_hanging_reader_are_recorded_and_the_run_goes_on(
        tmp_path: Path) -> None:
    docs = _folder(tmp_path, ["kill-me.txt", "hang.txt"])
    (docs / "good.txt").write_bytes(EXAMPLE.read_bytes() + b"\n")
    (docs / "hang.txt").write_bytes(EXAMPLE.read_bytes() + b"\n\n")
    store = tmp_path / "s.duckdb"
    # (the timeout leaves a worker that starts slowly on a loaded machine time to die:
    # at 10 s, a machine whose two cores were both busy failed this one run in four)
    summary = run_batch(expand([str(docs)])[0], str(store), workers=2, timeout=30,
                        work=faulty)
    rows = dict(_rows(store, "SELECT regexp_extract(path, '[^/]+$'), status || ': ' || "
                             "error FROM documents WHERE status <> 'ok'"))
    assert rows == {
        "kill-me.txt": "crashed: its worker died (killed by SIGKILL)",
        "hang.txt": "timeout: still being read after 30 s: its worker was stopped",
    }
    assert summary.by_status["ok"] == 1
    _whole(store)


def test_a_corrupt_archive_member_is_a_failed_document(tmp_path: Path) -> None:
    archive = tmp_path / "filings.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:
        z.write(EXAMPLE, "good.txt")
        z.writestr("bad.txt", b"X" * 4000)
    data = bytearray(archive.read_bytes())
    at = data.index(b"X" * 4000)
    data[at + 100] = ord("Y")  # the stored bytes no longer match their CRC
    archive.write_bytes(bytes(data))
    store = tmp_path / "s.duckdb"
    run_batch(expand([str(archive)])[0], str(store), workers=1)
    rows = dict(_rows(store, "SELECT path, status || ': ' || coalesce(error, '') "
                             "FROM documents"))
    assert rows == {f"{archive}/good.txt": "ok: ",
                    f"{archive}/bad.txt": "failed: archive member cannot be read: "
                                          "Bad CRC-32 for file 'bad.txt'"}


def test_unusable_inputs_and_store_paths_are_one_line_each_and_exit_2(
        tmp_path: Path) -> None:
    r = runner.invoke(app, ["batch", str(tmp_path / "nope.txt"), str(tmp_path / "gone"),
                            "--store", str(tmp_path / "s.duckdb")])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert lines == [f"error: {tmp_path}/nope.txt: no such file or folder",
                     f"error: {tmp_path}/gone: no such file or folder"]
    r = runner.invoke(app, ["batch", str(EXAMPLE), "--store",
                            str(tmp_path / "missing" / "s.duckdb")])
    assert r.exit_code == 2
    assert r.stderr.strip() == (f"error: {tmp_path}/missing/s.duckdb: cannot write: "
                                f"'{tmp_path}/missing' is a folder that does not exist")
    assert not (tmp_path / "s.duckdb").exists()


def test_a_list_of_paths_names_the_documents(tmp_path: Path) -> None:
    docs = _folder(tmp_path, ["a.txt"])
    listing = tmp_path / "filings.lst"
    listing.write_text(f"# filings to read\n{docs / 'a.txt'}\n\n{EXAMPLE}\n")
    items, errors = expand([str(listing)])
    assert errors == []
    assert [i.name for i in items] == [str(docs / "a.txt"), str(EXAMPLE)]


def test_query_and_export(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    r = runner.invoke(app, ["batch", str(EXAMPLE), "--store", str(store), "--quiet"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["query", str(store), "SELECT status, tables > 0 AS t FROM "
                            "documents", "--format", "csv"])
    assert r.exit_code == 0 and r.stdout == "status,t\nok,True\n"
    r = runner.invoke(app, ["query", str(store), "SELECT nonsense FROM documents"])
    assert r.exit_code == 2 and r.stderr.startswith(f"error: {store}: query failed: ")
    assert len(r.stderr.strip().splitlines()) == 1
    out = tmp_path / "parquet"
    r = runner.invoke(app, ["export", str(store), "--parquet", str(out)])
    assert r.exit_code == 0, r.output
    n_facts = _rows(store, "SELECT count(*) FROM facts")[0][0]
    con = duckdb.connect()
    back = con.execute(f"SELECT count(*), any_value(year), any_value(form) FROM read_parquet("
                       f"'{out}/facts/**/*.parquet', hive_partitioning = true)").fetchone()
    # the example is a text exhibit without a submission header: its year is its period's,
    # its form unknown
    assert back == (n_facts, 2007, None)
    r = runner.invoke(app, ["export", str(store), "--parquet", str(out)])
    assert r.exit_code == 2 and "not an empty folder: export into a new one" in r.stderr
    # a folder is made, not its parents (as -o refuses a file in a missing folder)
    deep = tmp_path / "no" / "such" / "pq"
    r = runner.invoke(app, ["export", str(store), "--parquet", str(deep)])
    assert r.exit_code == 2 and "is a folder that does not exist" in r.stderr
    assert not (tmp_path / "no").exists()
    r = runner.invoke(app, ["query", str(store), "SELECT [1.5::DECIMAL(4,2)] AS l, "
                            "{'d': DATE '2020-01-02'} AS s, 'nan'::DOUBLE AS n", "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == [
        {"l": ["1.50"], "s": {"d": "2020-01-02"}, "n": None}]


def test_a_killed_run_leaves_a_store_that_opens(tmp_path: Path, corpus: Path) -> None:
    store = tmp_path / "s.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "assay", "batch",
                             str(corpus / "bulk" / "edgar-8k-sample.zip"), "--store",
                             str(store), "--quiet", "--workers", "1"])
    deadline = time.monotonic() + 60
    wal = store.with_name(store.name + ".wal")
    while time.monotonic() < deadline and proc.poll() is None:  # until a first commit
        if wal.exists() and wal.stat().st_size > 256 << 10:  # documents, not the schema
            break
        time.sleep(0.05)
    assert proc.poll() is None  # still running
    proc.send_signal(signal.SIGKILL)  # maybe in the middle of writing a transaction
    proc.wait()
    _whole(store)
    stored = _rows(store, "SELECT count(*) FROM documents")[0][0]
    assert stored < 551
    rest: list[str] = []
    run_batch(expand([str(corpus / "bulk" / "edgar-8k-sample.zip")])[0], str(store),
              workers=2, resume=True, on_outcome=lambda o: rest.append(o.document["path"]))
    assert len(rest) == 551 - stored
    assert _rows(store, "SELECT count(*), count(DISTINCT path) FROM documents") == [(551, 551)]
    _whole(store)
    # the year each is filed under is the filing year EDGAR's index puts in its name
    # (from the submission header, else the cover page's date of report); two covers
    # print no date of report
    years = _rows(store, r"SELECT count(*) FILTER (year::VARCHAR = regexp_extract(path, "
                         r"'_8K_(\d{4})_', 1)), count(*) FILTER (year IS NULL) FROM documents")
    assert years == [(549, 2)]


def test_a_cover_page_dates_a_current_report_without_a_submission_header() -> None:
    cover = (b"<html><body><p>CURRENT REPORT</p><p>Date of Report (Date of earliest event "
             b"reported):&nbsp;<b>March&nbsp;6, 2023</b></p><p>Filed on April 1, 2023</p>")
    assert document_row("x.htm", "k", cover)["report_date"] == date(2023, 3, 6)
    first = b"<p>November 26, 2007</p><p>(Date of Report)</p><p>December 1, 2007</p>"
    assert document_row("y.htm", "k", first)["report_date"] == date(2007, 11, 26)


def test_a_dask_local_cluster_does_the_same_work(tmp_path: Path) -> None:
    docs = _folder(tmp_path, ["kill-me.txt", "hang.txt"])
    (docs / "good.txt").write_bytes(EXAMPLE.read_bytes() + b"\n")
    (docs / "hang.txt").write_bytes(EXAMPLE.read_bytes() + b"\n\n")
    local = run_batch(expand([str(docs / "good.txt")])[0], str(tmp_path / "local.duckdb"),
                      workers=1)
    store = tmp_path / "s.duckdb"
    summary = run_batch(expand([str(docs)])[0], str(store), workers=2, dask="local",
                        timeout=3, work=faulty)
    assert summary.engine == "dask local" and summary.workers == 2
    rows = dict(_rows(store, "SELECT regexp_extract(path, '[^/]+$'), status FROM documents"))
    assert rows == {"kill-me.txt": "crashed", "hang.txt": "timeout", "good.txt": "ok"}
    assert summary.facts == local.facts and summary.findings == local.findings
    _whole(store)


def test_the_command_summarises_and_exits_1_when_a_document_was_not_read(
        tmp_path: Path) -> None:
    archive = tmp_path / "filings.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:
        z.write(EXAMPLE, "good.txt")
        z.writestr("bad.txt", b"X" * 4000)
    data = bytearray(archive.read_bytes())
    data[data.index(b"X" * 4000) + 100] = ord("Y")
    archive.write_bytes(bytes(data))
    store = tmp_path / "s.duckdb"
    r = runner.invoke(app, ["batch", str(archive), "--store", str(store), "--workers", "1"])
    assert r.exit_code == 1
    assert "2 documents stored" in r.stderr
    assert "│ failed      │     1 │" in r.stderr and "│ ok          │     1 │" in r.stderr
    assert "1 document not read; their reasons: assay query" in r.stderr


def test_a_running_dask_scheduler_is_joined_by_its_address(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        summary = run_batch(expand([str(EXAMPLE)])[0], str(tmp_path / "s.duckdb"),
                            dask=cluster.scheduler_address)
    assert summary.workers == 2 and dict(summary.by_status) == {"ok": 1}
    assert summary.engine == f"dask {cluster.scheduler_address}"


def test_ctrl_c_stops_the_run_storing_what_is_finished_and_no_worker_as_crashed(
        tmp_path: Path, corpus: Path) -> None:
    store = tmp_path / "s.duckdb"
    bulk = str(corpus / "bulk" / "edgar-8k-sample.zip")
    proc = subprocess.Popen([sys.executable, "-m", "assay", "batch", bulk, "--store",
                             str(store), "--quiet", "--workers", "2"],
                            start_new_session=True, stderr=subprocess.PIPE, text=True)
    wal = store.with_name(store.name + ".wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (wal.exists() and wal.stat().st_size > 256 << 10):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to every process of it
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    statuses = dict(_rows(store, "SELECT status, count(*) FROM documents GROUP BY ALL"))
    assert set(statuses) <= {"ok", "no tables"}, statuses
    stored = sum(statuses.values())
    assert 0 < stored < 551
    _whole(store)
    r = runner.invoke(app, ["batch", bulk, "--store", str(store), "--resume", "--quiet"])
    assert r.exit_code == 0
    assert _rows(store, "SELECT count(*) FROM documents") == [(551,)]


def test_lists_of_paths_their_typos_and_files_that_only_look_like_lists(tmp_path: Path) -> None:
    docs = _folder(tmp_path, ["a.txt", "b.txt"])
    listing = tmp_path / "filings.txt"
    listing.write_text("\ufeff" + f"{docs / 'a.txt'}\n{docs / 'b.txt'}\n/no/such.txt\n")
    items, errors = expand([str(listing)])
    assert [i.name for i in items] == [str(docs / "a.txt"), str(docs / "b.txt")]
    assert [str(e) for e in errors] == [f"/no/such.txt: no such file or folder (listed in "
                                        f"{listing})"]
    # a filing whose first line is longer than a file name may be is a document
    long = tmp_path / "minified.htm"
    long.write_text("<html>" + "x" * 5000 + "</html>\n")
    assert expand([str(long)]) == ([expand([str(long)])[0][0]], [])
    assert expand([str(long)])[0][0].name == str(long)
    # '@' makes any file a list
    one = tmp_path / "one.txt"
    one.write_text("/no/such.txt\n")
    assert [str(e) for e in expand([f"@{one}"])[1]] == [
        f"/no/such.txt: no such file or folder (listed in {one})"]


def test_an_encrypted_member_a_foreign_database_and_the_store_among_the_inputs(
        tmp_path: Path) -> None:
    archive = tmp_path / "enc.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(EXAMPLE, "good.txt")
        z.writestr("locked.txt", b"x")
    data = bytearray(archive.read_bytes())
    # set the 'encrypted' flag of locked.txt in its local and central headers
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.rindex(sig)
        flag_at = at + (6 if sig == b"PK\x03\x04" else 8)
        data[flag_at] |= 1
    archive.write_bytes(bytes(data))
    store = tmp_path / "s.duckdb"
    run_batch(expand([str(archive)])[0], str(store), workers=1)
    rows = dict(_rows(store, "SELECT path, status FROM documents"))
    assert rows == {f"{archive}/good.txt": "ok", f"{archive}/locked.txt": "failed"}
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE facts (x INTEGER)")
    con.close()
    r = runner.invoke(app, ["batch", str(EXAMPLE), "--store", str(other)])
    assert r.exit_code == 2 and r.stderr.strip() == (
        f"error: {other}: not an assay store: its table facts has other columns (x...)")
    folder = _folder(tmp_path, ["a.txt"])
    for _ in range(2):
        r = runner.invoke(app, ["batch", str(folder), "--store", str(folder / "s.duckdb"),
                                "--quiet"])
        assert r.exit_code == 0
    assert _rows(folder / "s.duckdb", "SELECT path FROM documents") == [
        (str(folder / "a.txt"),)]


def test_resume_reads_again_what_the_run_stopped_not_what_the_reader_judged(
        tmp_path: Path) -> None:
    docs = _folder(tmp_path, ["hang.txt"])
    (docs / "ok.txt").write_bytes(EXAMPLE.read_bytes() + b"\n")
    store = tmp_path / "s.duckdb"
    run_batch(expand([str(docs)])[0], str(store), workers=2, timeout=2, work=faulty)
    (docs / "hang.txt").rename(docs / "fine.txt")  # same bytes, read normally this time
    again: list[str] = []
    run_batch(expand([str(docs)])[0], str(store), workers=1, resume=True,
              on_outcome=lambda o: again.append(o.document["path"]))
    assert again == [str(docs / "fine.txt")]
    assert _rows(store, "SELECT status, count(*) FROM documents GROUP BY ALL") == [("ok", 2)]


def test_a_dask_address_that_answers_nothing_is_one_line(tmp_path: Path) -> None:
    r = runner.invoke(app, ["batch", str(EXAMPLE), "--store", str(tmp_path / "s.duckdb"),
                            "--dask", "nonsense"])
    assert r.exit_code == 2
    assert r.stderr.startswith("error: --dask nonsense: cannot join the Dask scheduler: ")
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_figure_the_decimal_column_cannot_hold_keeps_its_exact_text(tmp_path: Path) -> None:
    from assay.batch.store import Store
    from assay.batch.work import process

    outcome = process(str(EXAMPLE), EXAMPLE.read_bytes())
    at = 1 + FIELDS.index("value")  # (the first column is the document's key)
    row = list(outcome.facts[0])
    row[at] = "0.12345678901234"  # fourteen decimals: more than DECIMAL(38, 10) holds
    outcome.facts[0] = tuple(row)
    store = Store(str(tmp_path / "s.duckdb"))
    store.write([outcome])
    store.close()
    assert _rows(tmp_path / "s.duckdb", f"SELECT value, value_text FROM facts WHERE id = "
                                        f"'{row[1 + FIELDS.index('id')]}'") == [
        (None, "0.12345678901234")]


def test_an_audit_fault_keeps_the_facts_read(monkeypatch) -> None:
    import assay.audit
    from assay.batch.work import process

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(assay.audit, "audit", broken)
    out = process(str(EXAMPLE), EXAMPLE.read_bytes())
    assert out.document["status"] == "error"
    assert out.document["error"] == "audit: RuntimeError: boom"
    # the 750 facts of the example (as assay facts counts them) are kept, with their count
    assert len(out.facts) == out.document["facts"] == 750 and out.findings == []


def test_ctrl_c_during_a_query_is_exit_130_without_a_traceback(tmp_path, monkeypatch):
    # DuckDB reports an interrupted query as RuntimeError("Query interrupted")
    from assay.batch import store as store_module

    path = tmp_path / "s.duckdb"
    store_module.Store(str(path)).close()

    class Interrupted:
        def __init__(self, con):
            self.con = con

        def execute(self, sql):
            raise RuntimeError("Query interrupted")

        def close(self):
            self.con.close()

    real = store_module.Store

    def interrupted_store(path, read_only=False):
        s = real(path, read_only=read_only)
        s.con = Interrupted(s.con)
        return s

    monkeypatch.setattr(store_module, "Store", interrupted_store)
    r = CliRunner().invoke(app, ["query", str(path), "SELECT 1"])
    assert r.exit_code == 130 and "Traceback" not in r.output
