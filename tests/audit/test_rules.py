"""Each rule family on small fixtures: an excerpt of the seed that ties, and a broken copy."""

from __future__ import annotations

from decimal import Decimal

from audit_fixtures import audit_text, broken, excerpt
from hypothesis import given
from hypothesis import strategies as st

from assay.audit import Status
from assay.model import Interval, interval_of
from assay.relations.check import Approx, classify_derived, classify_sum


def statuses(a, rule):
    return [f.status for f in a.findings if f.rule == rule]


def mismatches(a, rule):
    return [f for f in a.mismatches if f.rule == rule]


# --- rounding --------------------------------------------------------------------------


def test_classify_sum_ok_rounding_mismatch():
    total = interval_of(Decimal(6012), 0)
    parts = Approx(Decimal(2060), interval_of(Decimal(2060), 0)) + \
        Approx(Decimal(3951), interval_of(Decimal(3951), 0))
    # 2,060 + 3,951 = 6,011: [6,010, 6,012] meets [6,011.5, 6,012.5]
    assert classify_sum(total, Decimal(6012), parts) is Status.ROUNDING
    assert classify_sum(interval_of(Decimal(6011), 0), Decimal(6011), parts) is Status.OK
    assert classify_sum(interval_of(Decimal(6013), 0), Decimal(6013), parts) is Status.MISMATCH


def test_classify_derived_uses_intervals_of_rounded_denominators():
    # 10,972 / 19 thousand ounces = 577.47 -> 577; the interval [562.6, 593.1] is wide
    cost = Approx(Decimal(10972), interval_of(Decimal(10972), 0))
    oz = Approx(Decimal(19), interval_of(Decimal(19), 0))
    assert classify_derived(interval_of(Decimal(577), 0), Decimal(577), 0, cost / oz) is Status.OK
    assert classify_derived(interval_of(Decimal(590), 0), Decimal(590), 0,
                            cost / oz) is Status.ROUNDING
    assert classify_derived(interval_of(Decimal(600), 0), Decimal(600), 0,
                            cost / oz) is Status.MISMATCH


@given(st.lists(st.integers(-10**9, 10**9), min_size=2, max_size=8), st.integers(0, 4))
def test_rounded_operands_never_mismatch_the_rounded_exact_total(values, places):
    """Round exact amounts to thousands: the rounded total is never a mismatch."""
    q = Decimal(10) ** 3
    exact = [Decimal(v) / 10 ** places for v in values]
    rounded = [(x / q).quantize(Decimal(1), rounding="ROUND_HALF_UP") * q for x in exact]
    total = (sum(exact) / q).quantize(Decimal(1), rounding="ROUND_HALF_UP") * q
    parts = Approx.exact(0)
    for r in rounded:
        parts = parts + Approx(r, interval_of(r, -3))
    assert classify_sum(interval_of(total, -3), total, parts) is not Status.MISMATCH


def test_interval_gap_is_reported():
    a = Interval(Decimal(1), Decimal(2))
    assert a.gap(Interval(Decimal(5), Decimal(6))) == 3


# --- footing from the layout -------------------------------------------------------------

BALANCE = excerpt(633, 692)
OPERATIONS = excerpt(554, 628)
CASH = excerpt(697, 770)


def test_balance_sheet_foots_and_nested_subtotals():
    a = audit_text(BALANCE)
    assert statuses(a, "foot.layout") and set(statuses(a, "foot.layout")) == {Status.OK}
    # 96,927 + 83,713 + 29,796 + 15,600 + 15,029 + 5,111 = 246,176; then + 9,072 + 16,079
    # + 118,126 + 24,290 = 413,743: a subtotal is an operand of the next total.
    totals = {f.operands[0].printed for f in a.findings if f.rule == "foot.layout"}
    assert {"246,176", "413,743", "43,326", "153,561", "260,182"} <= totals


def test_broken_balance_sheet_row_is_a_mismatch_of_its_total():
    a = audit_text(broken(BALANCE, "15,600        22,305", "15,700        22,305"))
    bad = mismatches(a, "foot.layout")
    assert len(bad) == 1 and bad[0].operands[0].printed == "246,176"
    # 246,176 + 100 = 246,276 computed from the rows; off by 100 thousand
    assert bad[0].computed - bad[0].reported == 100000


def test_statement_of_operations_cascade():
    a = audit_text(OPERATIONS)
    # 60,100 - 41,642 = 18,458; 18,458 - (-8,199) = 26,657; 26,657 + (-4,263) = 22,394
    assert statuses(a, "foot.cascade") == [Status.OK] * 12
    b = audit_text(broken(OPERATIONS, "Gross profit                     18,458",
                          "Gross profit                     18,548"))
    assert {f.rule for f in b.mismatches} >= {"foot.cascade", "identity.gross_profit"}


# --- statement identities: a broken copy of a seed table for each -------------------------


def test_balance_sheet_identity_broken():
    assert set(statuses(audit_text(BALANCE), "identity.balance_sheet")) == {Status.OK}
    # total assets 413,743 -> 413,734 while liabilities + equity still add to 413,743
    a = audit_text(broken(BALANCE, "Total assets                                  $ 413,743",
                          "Total assets                                  $ 413,734"))
    assert mismatches(a, "identity.balance_sheet")


def test_retained_earnings_roll_forward_needs_income_and_breaks():
    text = BALANCE + "\n\n" + OPERATIONS
    ok = audit_text(text)
    # (327,522) + 32,204 = (295,318)
    assert statuses(ok, "identity.retained_earnings") == [Status.OK]
    bad = audit_text(broken(text, "(295,318)", "(295,381)"))
    assert mismatches(bad, "identity.retained_earnings")
    alone = audit_text(BALANCE)
    assert statuses(alone, "identity.retained_earnings") == [Status.NOT_CHECKABLE]


def test_cash_flow_identities_broken():
    text = CASH + "\n\n" + BALANCE
    ok = audit_text(text)
    assert set(statuses(ok, "identity.cash_flow")) == {Status.OK}  # 24,383 - 5,777 + 2,443
    assert Status.OK in statuses(ok, "identity.cash_end")  # 96,927 both
    assert Status.OK in statuses(ok, "identity.cash_begin")  # 75,878 = Dec. 31, 2006
    bad = audit_text(broken(text, "Net increase in cash and cash equivalents        21,049",
                            "Net increase in cash and cash equivalents        21,094"))
    assert mismatches(bad, "identity.cash_flow") and mismatches(bad, "identity.cash_roll")
    end = audit_text(broken(text, "$ 96,927      $ 65,567", "$ 96,972      $ 65,567"))
    assert mismatches(end, "identity.cash_end")


def test_eps_and_gross_profit_identities_broken():
    ok = audit_text(OPERATIONS)
    # 24,199 / 120,307 = 0.2011 -> 0.20; 47,333 / 118,999 = 0.3978 -> 0.40
    assert set(statuses(ok, "identity.eps")) == {Status.OK}
    assert set(statuses(ok, "identity.gross_profit")) == {Status.OK}
    bad = audit_text(broken(OPERATIONS, "$   0.20  $   0.08  $   0.27  $   0.40",
                            "$   0.20  $   0.08  $   0.29  $   0.40"))
    assert mismatches(bad, "identity.eps")  # 32,204 / 120,119 = 0.268, not 0.29
    dda = audit_text(broken(OPERATIONS, "7,504     8,524    15,341", "7,504     8,524    15,431"))
    assert mismatches(dda, "identity.gross_profit")


# --- tie-outs and derived figures ------------------------------------------------------------


def test_tie_out_same_precision_different_numbers():
    a = audit_text(excerpt(441, 549) + "\n\n" + OPERATIONS)
    bad = mismatches(a, "tie.pre_development")
    assert len(bad) == 1 and {o.printed for o in bad[0].operands} == {"(25)", "76"}
    assert set(statuses(a, "tie.net_income")) == {Status.OK}


def test_tie_out_at_different_precisions_rounds():
    # Highlights silver 1,492,740 oz vs the reconciliation's 1,493 thousand oz: ties
    a = audit_text(excerpt(441, 549) + "\n\n" + excerpt(851, 1018))
    ties = [f for f in a.findings if f.rule == "tie.metal_produced"]
    assert ties and {f.status for f in ties} == {Status.OK}


def test_reconciliation_per_ounce_and_segment_sums():
    recon = excerpt(851, 1018)
    a = audit_text(recon)
    assert set(statuses(a, "derived.per_ounce")) == {Status.OK}  # -2,950 / 1,493 = -1.976
    assert set(statuses(a, "derived.segment_sum")) == {Status.OK}  # all = gold + silver
    b = audit_text(broken(recon, "$(2,950) $  2,503  $ (4,699) $  5,043\nDivided",
                          "$(2,905) $  2,503  $ (4,699) $  5,043\nDivided"))
    assert mismatches(b, "derived.per_ounce")  # -2,905 / 1,493 = -1.95, not -1.98


def test_conversions_infer_the_document_factor():
    a = audit_text(excerpt(261, 297))
    assert a.factor == "34.28"
    conv = [f for f in a.findings if f.rule == "derived.conversion"]
    assert len(conv) == 28 and not a.mismatches
    bad = audit_text(broken(excerpt(261, 297), "96.4     2.81", "96.4     2.91"))
    assert len(mismatches(bad, "derived.conversion")) == 1  # 96.4 / 34.2857 = 2.81


@given(st.integers(-10**12, 10**12), st.one_of(st.none(), st.integers(-6, 6)), st.booleans())
def test_audit_intervals_are_the_models(units, decimals, nil):
    """The audit's interval of a fact is the model's ``interval_of``, nil included
    (a nil is zero at its column's precision: "--" in thousands is [-500, 500])."""
    from assay.model import Entity, Fact
    from assay.model.findings import fact_interval

    value = Decimal(0) if nil else Decimal(units).scaleb(-(decimals or 0))
    f = Fact(id="f", value=value, unit="USD", label="x", period=None, entity=Entity("Co"),
             decimals=decimals, nil=nil)
    assert fact_interval(f) == interval_of(value, decimals) == f.interval
    if decimals == -3 and nil:
        assert fact_interval(f) == Interval(Decimal(-500), Decimal(500))
