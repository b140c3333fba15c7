"""Odd but readable input: a divisor printed as 0 or ``--``, and damaged copies of the seed.

A quotient is checked on intervals, so a divisor whose interval holds zero cannot be
divided by: the check is ``not checkable`` with that reason, never an exception (an
exception would end ``assay audit`` with exit code 1, which means "mismatches found").
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from audit_fixtures import SEED_LINES, audit_text, broken, excerpt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from assay.audit import Status, audit
from assay.cli import app
from assay.errors import InputError, InputErrors
from assay.model import Interval
from assay.read import read_text
from assay.relations.check import Approx, zero_divisor
from assay.write.audit_html import audit_html
from assay.write.audit_text import audit_json

RECON = excerpt(851, 1018)  # line 865 of the seed is line 15 here
GOLD_OZ = "Divided by gold ounces produced      19        37"


def only(a, rule, line):
    found = [f for f in a.findings if f.rule == rule and f.line == line]
    assert len(found) == 1, found
    return found[0]


def by_period(a, rule, line):
    return {f.operands[0].period: f for f in a.findings if f.rule == rule and f.line == line}


def test_zero_divisor_reasons():
    nil = Approx(Decimal(0), Interval(Decimal(-500), Decimal(500)))  # "--" in thousands
    assert zero_divisor("ounces", nil) == "divisor ounces is zero"
    # a sum of rounded figures that may be zero: 0.2 ± 0.5
    assert zero_divisor("x", Approx(Decimal("0.2"), Interval(Decimal("-0.3"), Decimal("0.7")))) \
        == "divisor x may be zero within rounding ([-0.3, 0.7])"
    # 19 thousand ounces stand for [18,500, 19,500]: a divisor
    assert zero_divisor("y", Approx(Decimal(19000), Interval(Decimal(18500), Decimal(19500)))) \
        is None


def test_per_ounce_with_nil_or_zero_ounces_is_not_checkable(tmp_path):
    for printed in ("--", " 0"):
        text = broken(RECON, GOLD_OZ, GOLD_OZ.replace("19", printed))
        a = audit_text(text)
        checks = by_period(a, "derived.per_ounce", 18)  # "$ 577" per ounce, line 868
        q2 = checks["2007Q2"]
        assert q2.status is Status.NOT_CHECKABLE
        assert q2.missing == f"divisor ounces produced ({printed.strip()} on line 15) is zero"
        assert [o.role for o in q2.operands] == ["reported", "numerator", "denominator"]
        # the other columns still divide: 12,562 / 37 = 339.5 -> 340; 25,724 / 50 = 514.5
        # -> 514 within rounding (50 stands for [49.5, 50.5]); 25,771 / 74 = 348.3 -> 348
        assert checks["2006Q2"].status is Status.OK and checks["2006H1"].status is Status.OK
        path = tmp_path / "z.txt"
        path.write_text(text, encoding="utf-8")
        r = CliRunner().invoke(app, ["audit", str(path), "--show", "not checkable"])
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
        assert r.exit_code == (1 if a.mismatches else 0)
        assert "divisor ounces produced" in r.output


def test_eps_with_nil_shares_is_not_checkable():
    ops = excerpt(554, 628)
    a = audit_text(broken(ops, "shares outstanding   120,307", "shares outstanding        --"))
    eps = [f for f in a.findings if f.rule == "identity.eps"]
    q2 = [f for f in eps if f.operands[0].period == "2007Q2"]
    assert len(q2) == 1 and q2[0].status is Status.NOT_CHECKABLE
    assert q2[0].missing == "divisor basic weighted average shares (2007Q2) is zero"
    # 47,333 / 118,999 = 0.3978 -> 0.40 still checks
    assert any(f.status is Status.OK and f.operands[0].period == "2006H1" for f in eps)


def test_weighted_cost_with_no_ounces_is_not_checkable():
    # Q2 2007 silver ounces of both units printed as nil: the weights add to zero
    text = excerpt(441, 549) + "\n\n" + excerpt(770, 840)
    for oz in ("804,117", "688,623"):
        text = broken(text, f"(oz.)       {oz}", f"(oz.)       {'--':>7}")
    a = audit_text(text)
    q2 = [f for f in a.findings if f.rule == "derived.weighted_cost"
          and f.operands[0].period == "2007Q2"]
    assert q2 and {f.status for f in q2} == {Status.NOT_CHECKABLE}
    assert {f.missing for f in q2} == {
        "divisor the units' silver ounces produced (2007Q2) is zero"}
    # 2006: (6.08 x 742,125 + 1.22 x 520,750) / 1,262,875 = 4.08, printed 3.44: still found
    assert any(f.rule == "derived.weighted_cost" for f in a.mismatches)


PRICES_PROSE = excerpt(66, 72)  # seed line 71 (6 here): "70% from a year ago to ... 90 cents"
PRICES = excerpt(441, 511)


def test_percent_change_from_zero_is_not_checkable():
    ok = audit_text(PRICES_PROSE + "\n\n" + PRICES)
    assert only(ok, "prose.percent", 6).status is Status.OK  # 0.90 / 0.53 - 1 = 69.8%
    # the prior period's lead price printed as 0.00: (0.90 / 0 - 1) cannot be worked out
    a = audit_text(PRICES_PROSE + "\n\n" + broken(PRICES, "0.90        0.53", "0.90        0.00"))
    f = only(a, "prose.percent", 6)
    assert f.status is Status.NOT_CHECKABLE
    assert re.fullmatch(r"divisor .* \(2006H1, line \d+, printed 0.00\) is zero", f.missing)
    assert [o.role for o in f.operands] == ["claim", "current", "prior"]


def test_percent_change_between_cited_figures_from_zero_is_not_checkable():
    # "rose 21%, from $10.99 per ounce last year to $13.33": from $0 instead
    prose = broken(excerpt(66, 70), "from $10.99", "from $0")  # seed line 68, 3 here
    a = audit_text(prose + "\n\n" + PRICES)
    f = only(a, "prose.percent", 3)
    assert f.status is Status.NOT_CHECKABLE
    assert f.missing == 'divisor "$0 per ounce" (the figure it changed from) is zero'
    assert [o.role for o in f.operands] == ["claim", "from", "to"]


def test_current_ratio_over_nil_liabilities_is_not_checkable():
    prose = excerpt(367, 371)  # "a current ratio of 5.7:1 at the end of the second quarter"
    balance = excerpt(633, 692)
    ok = audit_text(prose + "\n\n" + balance)
    assert only(ok, "prose.ratio", 4).status is Status.OK  # 246,176 / 43,326 = 5.68
    a = audit_text(prose + "\n\n" + broken(balance, "liabilities                  43,326",
                                           "liabilities                      --"))
    f = only(a, "prose.ratio", 4)
    assert f.status is Status.NOT_CHECKABLE and "is zero" in f.missing
    assert [o.role for o in f.operands] == ["claim", "numerator", "denominator"]


# --- damaged copies of the seed ---------------------------------------------------------

_FIGURE = re.compile(r"\(?\$?\s*\d[\d,]*(?:\.\d+)?\)?")
_NUMBERED = [i for i, line in enumerate(SEED_LINES) if _FIGURE.search(line)]

_cell = st.tuples(st.just("cell"), st.integers(0, len(_NUMBERED) - 1), st.integers(0, 9),
                  st.sampled_from(["--", "0"]))
_digit = st.tuples(st.just("digit"), st.integers(0, len(_NUMBERED) - 1), st.integers(0, 40),
                   st.integers(0, 9))
_line = st.tuples(st.sampled_from(["delete", "duplicate", "swap"]),
                  st.integers(0, len(SEED_LINES) - 1), st.integers(1, 6))


def damaged(edits: list[tuple]) -> str:
    """The seed with figures replaced and digits changed, then lines deleted, duplicated or
    swapped with one a few lines below."""
    lines = list(SEED_LINES)
    for kind, i, k, new in (e for e in edits if e[0] in ("cell", "digit")):
        n = _NUMBERED[i]
        text = lines[n]
        if kind == "cell":  # (an earlier edit may have left the line without a figure)
            spans = [m.span() for m in _FIGURE.finditer(text)]
            if spans:
                a, b = spans[k % len(spans)]
                lines[n] = text[:a] + new.rjust(b - a) + text[b:]
        else:
            digits = [j for j, c in enumerate(text) if c.isdigit()]
            if digits:
                j = digits[k % len(digits)]
                lines[n] = text[:j] + str(new) + text[j + 1:]
    for kind, i, d in (e for e in edits if e[0] not in ("cell", "digit")):
        if not lines:
            break
        i %= len(lines)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        else:
            j = min(len(lines) - 1, i + d)
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_cell, _digit, _line), min_size=1, max_size=25))
def test_damaged_seed_is_audited_without_an_exception(edits):
    try:
        doc = read_text(damaged(edits), "damaged.txt")
    except (InputError, InputErrors):
        return  # the reader refused it with a message: exit code 2, not the audit's concern
    result = audit(doc)
    assert result.findings
    assert all(isinstance(f.status, Status) for f in result.findings)
    assert result.exit_code == (1 if result.mismatches else 0)
    # every message is written when read: reading all of them must not raise either
    assert json.loads(audit_json(result))["summary"]["checks"] == len(result.findings)
    assert audit_html(result).startswith("<!DOCTYPE html>")


def test_damaged_copy_holds_the_edits():
    # 480: "Silver - Ounces           1,492,740 ..." (the 0-based index of line 480 is 479)
    i = _NUMBERED.index(479)
    text = damaged([("cell", i, 0, "--"), ("delete", 0, 1)])
    lines = text.split("\n")
    assert len(lines) == len(SEED_LINES) - 1
    assert lines[478].startswith("Silver - Ounces                  --   1,262,875")
