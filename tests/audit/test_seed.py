"""The seed's genuine inconsistencies, each verified by hand, and nothing else flagged.

Each entry below was checked with a calculator against the document; the arithmetic is
in the comment. Everything else in the seed ties (or differs only within rounding), so a
mismatch outside this list is a false alarm, and one missing from the audit is a miss.
"""

from __future__ import annotations

from assay.audit import Status

GENUINE = {
    # Highlights footnote (2), Q2 2007 "Add pre-development expenses (25)" vs Statement of
    # Operations "Pre-development expenses 76": one quantity printed as two numbers. The
    # statement foots with 76 (4,452+3,821+76+44+1,456-63,798+45,750 = -8,199) and the
    # footnote with -25 (8,018+3,821-25 = 11,814), so each table is internally consistent.
    (528, "tie.pre_development"),
    # DD&A: Statement of Operations 7,504 (Q2 2007) and 15,341 (H1 2007) vs the
    # reconciliation's all-operations 7,505 and 15,342 (= gold 4,427 + silver 3,078;
    # 9,197 + 6,145). Same quantity, same precision, different printed numbers.
    (569, "tie.dda"),
    # Highlights gold ounces vs the units of Production Data: Q2 2006 3,750 + 38,399 =
    # 42,149, printed 42,234 (85 oz short); H1 2006 8,478 + 76,019 = 84,497, printed 84,653
    # (156 oz short). (2007 ties: 4,497 + 21,546 = 26,043; H1 2007 62,374 vs 62,373 is
    # rounding of Greens Creek's 29.73% share.)
    (481, "derived.production_total"),
    # Highlights silver "Total production costs" per ounce, 2006: the units' weighted
    # average is (6.08 x 742,125 + 1.22 x 520,750) / 1,262,875 = 4.08, printed 3.44 (Q2);
    # (6.22 x 1,368,917 + 1.62 x 1,134,844) / 2,503,761 = 4.13, printed 3.54 (H1). The
    # same averages of cash operating and total cash costs tie (1.65, 1.98, 1.72, 2.01).
    (491, "derived.weighted_cost"),
    # Reconciliation, silver operations, H1 2006 "Change in product inventory" 212 vs
    # Greens Creek (467) + Lucky Friday (228) = (695): 907 apart; the GAAP total follows:
    # 13,976 + 13,386 = 27,362 vs 28,269 printed (silver foots on its own lines, and
    # gold 39,028 + silver 28,269 = 67,297 = the Statement of Operations).
    (904, "derived.unit_sum"),
    (911, "derived.unit_sum"),
    # Prose "1.1 meters grading 296.6 grams per tonne silver (8.66 ounces per ton silver)":
    # the table's RG-04 intercept is 1.10 m, 296.9 g/t, 8.66 opt. 296.6 g/t is not the
    # table's figure, and 296.6 / (240/7) = 8.651 (8.652 with 34.28) does not round to 8.66.
    (253, "prose.intercept"),
    (254, "prose.conversion"),
    # Prose "5 grams of gold per tonne (0.15 ounce per ton silver)": a gold grade given as
    # its conversion in ounces per ton of silver (5 / 34.2857 = 0.146: the number is right,
    # the metal is not).
    (256, "prose.metal"),
    # Reconciliation footnote (3): "For the second quarter of 2007, the related cost was
    # $1.0 million"; the table prints 949 thousand, which is $0.9 million to one decimal
    # ($1.0 million stands for [0.95, 1.05] million; 949 ± 0.5 thousand stays below 950).
    (1011, "prose.value"),
}


def test_every_reported_mismatch_is_a_verified_inconsistency(seed_audit):
    reported = {(f.line, f.rule) for f in seed_audit.mismatches}
    assert reported == GENUINE


def test_mismatch_counts_and_sizes(seed_audit):
    gaps = {(f.line, f.rule, str(f.reported)): f for f in seed_audit.mismatches}
    assert len(seed_audit.mismatches) == 13  # two DD&A, two gold totals, two weighted costs...
    dda = sorted(abs(f.reported - f.computed) for f in seed_audit.mismatches
                 if f.rule == "tie.dda")
    assert dda == [1000, 1000]  # one thousand dollars each
    inv = next(f for (line, _, _), f in gaps.items() if line == 904)
    assert inv.reported == 212000 and inv.computed == -695000
    assert seed_audit.exit_code == 1


def test_rounding_only_differences_are_not_mismatches(seed_audit):
    rounding = {(f.line, f.rule) for f in seed_audit.with_status(Status.ROUNDING)}
    # Zinc Q2 2007: 2,060 + 3,951 = 6,011 vs 6,012; gold H1 2007 62,374 vs 62,373.
    assert (483, "derived.production_total") in rounding
    assert (481, "derived.production_total") in rounding
    # Silver inventory Q2 2006: (250) + (192) = (442) vs (441); GAAP 7,012 + 7,028 = 14,040
    # vs 14,041: each is two rounded operands against one rounded total.
    assert (904, "derived.unit_sum") in rounding and (911, "derived.unit_sum") in rounding
    # RG-10: 6,120.8 / (240/7) = 178.52, but / 34.28 = 178.55 as printed.
    conv = [f for f in seed_audit.with_status(Status.ROUNDING) if f.rule == "derived.conversion"]
    assert len(conv) == 1 and "34.28" in conv[0].notes[0]


def test_seed_claims_from_the_brief_are_checked(seed_audit):
    by_text = {}
    for f in seed_audit.findings:
        if f.rule.startswith("prose") and f.operands:
            by_text.setdefault(f.operands[0].printed, []).append(f)

    def status(text):
        return {f.status for f in by_text[text]}

    assert status("$24.3 million") == {Status.OK}  # 24,337 thousand -> 24.3 million
    assert status("20 cents per common share") == {Status.OK}  # EPS 0.20
    assert status("21%") == {Status.OK}  # 13.33 / 10.99 - 1 = 21.3%
    assert status("70%") == {Status.OK}  # 0.90 / 0.53 - 1 = 69.8%
    assert status("18%") == {Status.OK}  # 1,492,740 / 1,262,875 - 1 = 18.2%
    assert status("$3.96 per ounce") == {Status.OK}  # 1.98 - (-1.98)
    assert status("$3.55 per ounce") == {Status.OK}  # 2.01 - (-1.54)
    assert status("5.7:1") == {Status.OK}  # 246,176 / 43,326 = 5.68
    assert status("26,043 ounces of gold") == {Status.OK}
    assert status("10.7 ounces of silver per ton") == {Status.OK}  # table 10.70
    twelve = [f for f in seed_audit.findings if f.rule == "prose.percent" and f.reported == 12]
    assert twelve and twelve[0].status is Status.OK  # 659 / 591 - 1 = 11.5% -> 12%
    unverified = [f for f in seed_audit.findings if f.rule == "prose.unverified"]
    assert any("forward-looking" in f.message for f in unverified)  # guidance is listed
    assert all(f.status is Status.NOT_CHECKABLE for f in unverified)


def test_not_checkable_names_the_missing_operand(seed_audit):
    nc = [f for f in seed_audit.with_status(Status.NOT_CHECKABLE)
          if f.rule == "identity.cash_begin"]
    assert len(nc) == 1 and nc[0].missing == "cash in the balance sheet at 2005-12-31"
