"""The command line (exit codes, text, JSON) and the HTML report in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from audit_fixtures import SEED, audit_text, broken, excerpt
from typer.testing import CliRunner

from assay.cli import app
from assay.write.audit_html import audit_html

runner = CliRunner()


def test_cli_lists_mismatches_like_a_linter_and_exits_1(seed_audit):
    r = runner.invoke(app, ["audit", str(SEED)])
    assert r.exit_code == 1
    assert re.search(r"hecla-2007-q2\.txt:569: mismatch \[tie\.dda\]", r.output)
    assert "7,504" in r.output and "7,505" in r.output  # the arithmetic, both printings
    assert "13 mismatch" in r.output


def test_cli_summary_is_one_line_when_not_a_terminal():
    # 13 + 8 + 33 + 400 = 454 checks; the runner's output is a pipe, not a terminal
    r = runner.invoke(app, ["audit", str(SEED)])
    lines = r.output.splitlines()
    assert any(line.endswith("454 checks: 13 mismatch, 8 rounding, 33 not checkable, 400 ok")
               for line in lines), r.output[-600:]
    assert any(line.startswith("tie.operating_cash_flow_before_exploration ") for line in lines)
    assert any(line.startswith("unit conversions: g/t = oz/ton x 34.28 (the rounded factor")
               and line.endswith("240/7 is exact)") for line in lines)


def test_cli_exit_0_when_nothing_mismatches(tmp_path):
    path = tmp_path / "bs.txt"
    path.write_text(excerpt(633, 692), encoding="utf-8")
    r = runner.invoke(app, ["audit", str(path)])
    assert r.exit_code == 0, r.output


def test_cli_exit_2_for_unreadable_input(tmp_path):
    r = runner.invoke(app, ["audit", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2
    empty = tmp_path / "prose.txt"
    empty.write_text("No tables here, only words.\n", encoding="utf-8")
    assert runner.invoke(app, ["audit", str(empty)]).exit_code == 2


def test_cli_json_is_data(tmp_path):
    out = tmp_path / "audit.json"
    r = runner.invoke(app, ["audit", str(SEED), "--format", "json", "-o", str(out)])
    assert r.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["by_status"]["mismatch"] == 13
    f = next(x for x in data["findings"] if x["rule"] == "tie.pre_development"
             and x["status"] == "mismatch")
    assert {o["printed"] for o in f["operands"]} == {"(25)", "76"}
    assert {o["location"]["line"] for o in f["operands"]} == {528, 579}


def test_json_is_indented_by_2_by_default_and_compact_with_indent_0(seed_audit, tmp_path):
    from assay.write.audit_text import audit_json

    indented = audit_json(seed_audit)
    data = json.loads(indented)
    assert indented == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    compact = runner.invoke(app, ["audit", str(SEED), "-f", "json", "--indent", "0"]).output
    assert compact.startswith('{"file":"') and compact.count("\n") == 1
    assert json.loads(compact)["findings"] == data["findings"]
    # facts' operands are written once per report and shared: the same data as each
    # finding written on its own
    assert data["findings"] == [json.loads(json.dumps(f.to_dict())) for f in seed_audit.findings]


def test_unwritable_report_paths_are_exit_2_before_any_work(tmp_path):
    for option in (["--html", str(tmp_path / "no" / "a.html")],
                   ["-o", str(tmp_path / "no" / "a.txt")],
                   ["-f", "json", "-o", str(tmp_path)]):
        r = runner.invoke(app, ["audit", str(SEED), *option])
        assert r.exit_code == 2, (option, r.output)
        assert isinstance(r.exception, SystemExit)  # not a traceback
        assert re.search(r"error: .*(cannot write|is a directory)", r.output)
    out = tmp_path / "a.txt"
    r = runner.invoke(app, ["audit", str(SEED), "-o", str(out)])
    assert r.exit_code == 1 and "hecla-2007-q2.txt:569: mismatch [tie.dda]" in out.read_text()


def test_html_marks_every_checked_number_offline():
    a = audit_text(broken(excerpt(633, 692), "15,600        22,305", "15,700        22,305"))
    html = audit_html(a)
    assert 'class="n mismatch"' in html and 'class="n ok"' in html
    assert not re.search(r"(src|href)=\"https?:", html)  # nothing fetched from a network


def test_html_marks_both_lines_of_a_wrapped_figure():
    # seed lines 19-20 (5-6 here): "... and a $6.1" / "million charge for foreign exchange";
    # the statement of operations prints the loss as (6,103) thousand: $6.1 million, ok
    a = audit_text(excerpt(15, 22) + "\n\n" + excerpt(554, 628))
    f = next(x for x in a.findings if x.rule == "prose.value" and x.line == 5
             and x.operands[0].printed == "$6.1 million")
    html = audit_html(a)
    i = a.findings.index(f)
    marks = re.findall(r'<span class="n (\w+)" data-status="[^"]*" data-f="([\d,]+)"[^>]*>'
                       r"([^<]*)</span>", html)
    parts = [(cls, ids) for cls, ids, text in marks if text in ("$6.1", "million")]
    assert parts == [("ok", str(i)), ("ok", str(i))]  # same status, same click target
    line5, line6 = excerpt(19, 20).split("\n")[:2]
    assert f.operands[0].spans == ((5, 63, 67), (6, 0, 7))
    assert line5[63:67] == "$6.1" and line6[0:7] == "million"
    assert f.to_dict()["operands"][0]["location"]["continued"] == [[6, 0, 7]]


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs "
                    "Debian's chromium so CI runs this test)")
def test_html_report_in_headless_chromium(seed_audit, tmp_path):
    page = tmp_path / "audit.html"
    page.write_text(audit_html(seed_audit), encoding="utf-8")
    shot = tmp_path / "audit.png"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert dom.count('class="n mismatch"') >= 13
    assert 'class="n ok"' in dom and 'id="summary"' in dom
    assert "13 mismatch" in dom
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri()],
                   capture_output=True, timeout=60, check=True)
    assert shot.exists() and shot.stat().st_size > 10_000
    shutil.copy(shot, "/tmp/assay-audit-screenshot.png")


def test_indent_without_json_is_refused_not_ignored():
    r = runner.invoke(app, ["audit", str(SEED), "--indent", "2"])
    assert r.exit_code == 2
    assert r.stderr.strip() == "error: --indent: indents JSON: give it with --format json"
