"""The public names of assay, and that each one resolves."""

import assay

EXPECTED = {
    "AssayError", "Derivation", "Document", "Entity", "Fact", "InputError", "InputErrors",
    "Interval", "Location", "Period", "__version__", "audit_document", "audit_file",
    "derive_metrics", "find_intercepts", "load_company", "load_drillholes", "read_release",
    "read_text",
}


def test_exported_names_are_the_documented_ones():
    assert set(assay.__all__) == EXPECTED


def test_every_exported_name_resolves():
    for name in assay.__all__:
        assert getattr(assay, name) is not None, name


def test_public_api_reads_and_audits_the_seed():
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "examples" / "hecla-2007-q2.txt"
    doc = assay.read_release(seed)
    result = assay.audit_document(doc)
    assert len(result.mismatches) == 13
    assert result.exit_code == 1


def test_cli_version():
    from typer.testing import CliRunner

    from assay.cli import app

    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"assay {assay.__version__}"


def test_every_command_takes_dash_h_for_help():
    from typer.testing import CliRunner

    from assay.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["-h"]).exit_code == 0
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"audit", "batch", "facts", "guidance", "query", "sensitivity"} <= set(names)
    for name in names:
        r = runner.invoke(app, [name, "-h"])
        assert r.exit_code == 0 and "Usage:" in r.output, name


def test_a_fact_cannot_be_changed_once_read():
    # a fact is shared by the document, the audit's index and every finding: changing
    # one would change them all, so it is frozen; a changed copy is a new fact
    import dataclasses
    from decimal import Decimal
    from pathlib import Path

    import pytest

    seed = Path(__file__).resolve().parents[1] / "examples" / "hecla-2007-q2.txt"
    fact = assay.read_release(seed).facts[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fact.value = Decimal(0)  # type: ignore[misc]
    other = dataclasses.replace(fact, value=fact.value + 1)
    assert other.value == fact.value + 1 and other.interval != fact.interval
