"""Every command keeps the CLI's conventions (assay.cli.options; the README's reference).

The walk goes over every command and option the application registers, so a command or
option added later is held to the same rules without a new test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from assay.cli import app
from assay.cli.options import FORMATS

GROUP = get_command(app)
COMMANDS = dict(GROUP.commands)
runner = CliRunner()
HELP_DIR = Path(__file__).parent / "help"
WIDTH = {"COLUMNS": "100"}

#: Option names that mean different things in different commands, and why that is right.
DIFFERENT_ON_PURPOSE = {
    "--price": "intercepts: a metal price for equivalents; sensitivity: a change of price",
    "--plot": "each command draws its own chart (strip logs, a tornado or spider chart)",
}


def options(command):
    return [p for p in command.params if getattr(p, "opts", None) and
            p.opts[0].startswith("-")]


def long_name(param) -> str:
    return max(param.opts, key=len)


def help_text(name: str, *args: str) -> str:
    result = runner.invoke(app, [name, *args], env=WIDTH)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_listed_and_answers_h_and_help():
    assert set(COMMANDS) == {"audit", "batch", "compare", "explain", "export", "facts",
                             "guidance", "intercepts", "query", "report", "sensitivity"}
    for name in COMMANDS:
        assert help_text(name, "-h") == help_text(name, "--help")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_reads_as_text(name):
    text = help_text(name, "-h")
    assert not re.search(r"<\w[\w |\[\]]*>|\{\w+\}|Value error", text), text
    for p in options(COMMANDS[name]):
        if long_name(p) == "--help":
            continue
        h = p.help or ""
        assert h[:1].isupper() or h[:1] in "'\"-", (name, long_name(p), h)
        assert h.rstrip().endswith("."), (name, long_name(p), h)
    for p in COMMANDS[name].params:
        if p not in options(COMMANDS[name]):  # an argument: named in capitals
            assert p.metavar and p.metavar.rstrip(".").isupper(), (name, p.name)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_shared_options_are_spelled_alike(name):
    by_name = {long_name(p): p for p in options(COMMANDS[name])}
    if "--format" in by_name:
        fmt = by_name["--format"]
        assert "-f" in fmt.opts
        choices = re.fullmatch(r"Output format: (.*)\.", fmt.help)[1].split(", ")
        assert set(choices) <= set(FORMATS) and "text" in choices, (name, choices)
        assert ("json" in choices) == ("--indent" in by_name), name
    for option, short in (("--output", "-o"), ("--quiet", "-q"), ("--period", "-p")):
        if option in by_name:
            assert short in by_name[option].opts, (name, option)


def test_one_name_one_meaning_across_commands():
    seen: dict[str, tuple[str, str]] = {}
    for name, command in COMMANDS.items():
        for p in options(command):
            key = long_name(p)
            if key in ("--help", "--format") or key in DIFFERENT_ON_PURPOSE:
                continue
            if key in seen:
                assert seen[key][1] == p.help, (key, seen[key][0], name)
            else:
                seen[key] = (name, p.help)
    # --unit is an operating unit wherever it appears; a grade's unit is --grade-unit
    assert "operating unit" in seen["--unit"][1]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_is_as_recorded(name):
    """The help of each command as a user sees it at 100 columns; to record a change
    on purpose: ``python tests/cli/test_conventions.py``."""
    assert help_text(name, "--help") == (HELP_DIR / f"{name}.txt").read_text()


def test_a_command_line_mistake_is_one_line_and_exit_2():
    for args, line in (
        (["facts", "x.txt", "-f", "pdf"],
         "error: --format: 'pdf' is not one of 'text', 'csv', 'json', 'parquet'. "
         "(see assay facts -h)"),
        (["facts"], "error: Missing argument 'FILE'. (see assay facts -h)"),
        (["facts", "x.txt", "--bogus"], "error: No such option: --bogus (see assay facts -h)"),
        (["audit", "x.txt", "--indent", "2"],
         "error: --indent: indents JSON: give it with --format json"),
    ):
        result = runner.invoke(app, args, env=WIDTH)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.strip().splitlines() == [line], (args, result.output)




ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "examples" / "hecla-2007-q2.txt")
COMPANY = str(ROOT / "examples" / "hecla-2007")
DRILL = str(ROOT / "examples" / "rio-grande")
WRITES = [
    (["facts", SEED], "facts"),
    (["facts", SEED, "-f", "json"], "facts"),
    (["audit", SEED], "findings"),
    (["report", COMPANY, "-p", "2007Q2"], "tables"),
    (["report", COMPANY, "-p", "2007Q2", "-f", "xlsx"], "tables"),
    (["compare", COMPANY, "-p", "2007Q2"], "comparison"),
    (["explain", COMPANY, "total cash cost per ounce", "-p", "2007Q2", "-u", "Greens Creek"],
     "explanation"),
    (["sensitivity", COMPANY, "-p", "2007Q2", "--price", "lead=+0.50/lb"], "sensitivity"),
    (["guidance", SEED], "guidance figures"),
    (["intercepts", DRILL, "--cutoff", "Ag>=100"], "intercepts"),
    (["intercepts", DRILL, "--cutoff", "Ag>=100", "-f", "xlsx"], "intercepts"),
]


@pytest.mark.parametrize(("args", "what"), WRITES, ids=lambda x: " ".join(x[:1])
                         if isinstance(x, list) else x)
def test_every_file_written_is_said_with_its_path(tmp_path, args, what):
    out = tmp_path / ("out.xlsx" if "xlsx" in args else "out.txt")
    result = runner.invoke(app, [*args, "-o", str(out)], env=WIDTH)
    assert result.exit_code in (0, 1), result.output  # audit: 1 when something mismatches
    assert out.exists() and out.stat().st_size > 0
    said = [x for x in result.output.splitlines() if "written to" in x]
    assert len(said) == 1 and said[0].endswith(f" written to {out}"), result.output
    assert what in said[0]


def test_long_work_shows_a_spinner_on_a_terminal_only(monkeypatch):
    import io

    from rich.console import Console

    from assay.cli import common

    screen = io.StringIO()
    monkeypatch.setattr(common, "err_console", Console(file=screen, force_terminal=True))
    with common.working("reading big.txt"):
        pass
    assert "reading big.txt" in screen.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(common, "err_console", Console(file=piped, force_terminal=False))
    with common.working("reading big.txt"):
        pass
    with common.working("reading big.txt", quiet=True):
        pass
    assert piped.getvalue() == ""


def test_outputs_that_would_overwrite_each_other_or_go_nowhere_are_refused(tmp_path):
    same = str(tmp_path / "same.html")
    for args, line in (
        (["audit", SEED, "-o", same, "--html", same],
         f"error: --html: {same} is also --output's file; give each output its own"),
        (["report", COMPANY, "-p", "2007Q2", "-f", "xlsx", "-o", "-"],
         "error: --format: xlsx needs --output FILE"),
        (["audit", SEED, "--html", "-"],
         "error: --html: the HTML report is written to a file; give its name"),
        (["report", COMPANY, "-p", "2007Q2", "-f", "json", "--indent", "9"],
         "error: --indent: 9: give 0 to 8 spaces"),
    ):
        result = runner.invoke(app, args, env=WIDTH)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.strip().splitlines() == [line], (args, result.output)
    assert not (tmp_path / "same.html").exists() and not Path("-").exists()


def test_tables_to_a_pipe_are_plain_columns():
    result = runner.invoke(app, ["guidance", SEED], env=WIDTH)
    assert result.exit_code == 0
    assert not set("┏┃━│─") & set(result.output)
    assert result.output.splitlines()[2].split() == [
        "line", "metric", "metal", "period", "guidance", "unit", "previous", "printed"]


if __name__ == "__main__":
    HELP_DIR.mkdir(exist_ok=True)
    for name in COMMANDS:
        (HELP_DIR / f"{name}.txt").write_text(help_text(name, "--help"))
    print(f"recorded the help of {len(COMMANDS)} commands in {HELP_DIR}")
