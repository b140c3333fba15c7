"""EX-27 financial data schedules (1993-2001 SGML submissions) become facts.

The expected values of the inline fixtures are worked out by hand from the fixture text
(printed figure times the multiplier; columns counted after tabs expand to 8); those of
the real schedules were read off the files and checked against the ground-truth tool
(/work/shared/tools/groundtruth.py), which the tests do not import.
"""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assay.model import Period
from assay.model import units as u
from assay.read.ex27 import INSTANT_TAGS, read_ex27

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "sgml"


def _by_id(facts):
    return {f.id: f for f in facts}


def _codes(diags, severity=None):
    return [d.code for d in diags if severity is None or d.severity == severity]


THOUSANDS = (
    "\n"                                                      # line 100
    "<TABLE> <S> <C>\n"                                       # 101
    "<LEGEND>\n"                                              # 102
    "THIS SCHEDULE CONTAINS SUMMARY FINANCIAL INFORMATION\n"  # 103
    "EXTRACTED FROM THE FORM 10-K, 1,000 WORDS.\n"            # 104
    "</LEGEND>\n"                                             # 105
    "<MULTIPLIER>   1,000\n"                                  # 106
    "<S>            <C>\n"                                    # 107
    "<PERIOD-TYPE>  YEAR\n"                                   # 108
    "<FISCAL-YEAR-END>  DEC-31-1996\n"                        # 109
    "<PERIOD-END>   DEC-31-1996\n"                            # 110
    "<CASH>         1,358\n"                                  # 111
    "<TOTAL-ASSETS> 24,337\n"                                 # 112
    "<NET-INCOME>   (884)\n"                                  # 113
    "<EPS-PRIMARY>  (7.04)\n"                                 # 114
    "<EPS-DILUTED>  .99\n"                                    # 115
    "</TABLE>\n"
)


def test_thousands_with_spaces_legend_and_eps_unscaled():
    facts, diags = read_ex27(THOUSANDS, "f.txt", 100)
    assert diags == []  # the legend's lines are text, not stray lines
    assert [f.id for f in facts] == ["x0-CASH", "x0-TOTAL-ASSETS", "x0-NET-INCOME",
                                     "x0-EPS-PRIMARY", "x0-EPS-DILUTED"]
    f = _by_id(facts)
    year_end = date(1996, 12, 31)
    # 1,358 in thousands: 1,358,000, good to the thousand; a balance at PERIOD-END
    cash = f["x0-CASH"]
    assert (cash.value, cash.unit, cash.scale, cash.decimals) == (Decimal(1358000), u.USD, 3, -3)
    assert cash.period == Period.instant(year_end)
    assert (cash.label, cash.concept, cash.printed) == ("CASH", "ex27:cash", "1,358")
    assert cash.entity.company == ""
    # "<CASH>" and 9 spaces: the figure spans columns 15-20 of line 111
    assert (cash.source.file, cash.source.line, cash.source.col_start,
            cash.source.col_end) == ("f.txt", 111, 15, 20)
    assert f["x0-TOTAL-ASSETS"].value == Decimal(24337000)
    # (884) thousands: a loss of 884,000 for the year
    loss = f["x0-NET-INCOME"]
    assert loss.value == Decimal(-884000)
    assert loss.period == Period.months_ended(12, year_end) == Period(year_end, date(1996, 1, 1))
    # per-share figures are never multiplied
    eps = f["x0-EPS-PRIMARY"]
    assert (eps.value, eps.unit, eps.scale, eps.decimals) == (
        Decimal("-7.04"), u.USD_PER_SHARE, 0, 2)
    assert eps.period == Period.months_ended(12, year_end)
    assert f["x0-EPS-DILUTED"].value == Decimal("0.99")
    assert f["x0-EPS-DILUTED"].decimals == 2


MILLIONS_TABS = (
    "<ARTICLE>\t5\n"                    # line 1
    "<MULTIPLIER>\t\t1,000,000\n"       # 2
    "       \t\n"                       # 3
    "<PERIOD-TYPE>\t6-MOS\n"            # 4
    "<FISCAL-YEAR-END>\tSEP-25-1999\n"  # 5
    "<PERIOD-END>\tMAR-27-1999\n"       # 6
    "<CASH>\t\t\t1,358\n"               # 7
    "<SALES>\t\t  3,240\n"              # 8
    "<INCOME-PRETAX>\t-884\n"           # 9
    "<EPS-PRIMARY>\t\t2.11\n"           # 10
)


def test_millions_with_tabs():
    facts, diags = read_ex27(MILLIONS_TABS, "m.txt", 1, doc_index=2)
    assert diags == []  # 6 months to MAR-27 agrees with a fiscal year ending SEP-25
    f = _by_id(facts)
    assert len(facts) == 4
    cash = f["x2-CASH"]
    # 1,358 millions; "<CASH>" then three tabs reach column 24
    assert (cash.value, cash.scale, cash.decimals) == (Decimal(1358000000), 6, -6)
    assert (cash.source.line, cash.source.col_start, cash.source.col_end) == (7, 24, 29)
    sales = f["x2-SALES"]
    # "<SALES>" (7) tab to 8, tab to 16, two spaces: columns 18-23
    assert (sales.source.line, sales.source.col_start, sales.source.col_end) == (8, 18, 23)
    assert sales.value == Decimal(3240000000)
    assert sales.period == Period.months_ended(6, date(1999, 3, 27))
    assert f["x2-INCOME-PRETAX"].value == Decimal(-884000000)
    assert f["x2-INCOME-PRETAX"].printed == "-884"
    assert f["x2-EPS-PRIMARY"].value == Decimal("2.11")


FLAWED = (
    "WARNING: THE EDGAR SYSTEM ENCOUNTERED ERROR(S) WHILE PROCESSING THIS SCHEDULE.\n"  # 50
    "\n"                                # 51
    "<ARTICLE>\t5\n"                    # 52
    "<PERIOD-TYPE>\t\t6-MOS\n"          # 53
    "<FISCAL-YEAR-END>\tSEP-26-1997\n"  # 54
    "<PERIOD-END>\t\tJUN-27-1997\n"     # 55
    "<NET-INCOME>\t\t\t(884)\n"         # 56
    "\t\t\t\t47\n"                      # 57: a page number
)


def test_flawed_schedule_is_read_with_its_warnings():
    facts, diags = read_ex27(FLAWED, "q.txt", 50)
    (loss,) = facts
    # no multiplier: 1; (884) is -884 dollars, as printed
    assert (loss.value, loss.scale, loss.decimals) == (Decimal(-884), 0, 0)
    # the period is the printed 6 months, though June is 9 months into that fiscal year
    assert loss.period == Period.months_ended(6, date(1997, 6, 27))
    by_code = {d.code: d for d in diags}
    assert by_code["ex27-flawed"].severity == "warning"
    assert by_code["ex27-flawed"].location.line == 50
    period = by_code["ex27-period"]
    assert (period.severity, period.location.line) == ("warning", 53)
    assert "9 months" in period.message
    assert by_code["ex27-untagged"].location.line == 57
    assert by_code["ex27-untagged"].severity == "info"


def test_flawed_tag_in_the_text():
    facts, diags = read_ex27("<FLAWED>\n<PERIOD-END> DEC-31-1996\n<CASH> 5\n", "t", 1)
    assert [f.value for f in facts] == [Decimal(5)]
    assert _codes(diags) == ["ex27-flawed"]


BAD_VALUE = (
    "<MULTIPLIER> 1,000\n"        # line 10
    "<PERIOD-TYPE> 3-MOS\n"       # 11
    "<PERIOD-END> JUN-30-1996\n"  # 12
    "<CASH> N/A\n"                # 13
    "<INVENTORY> 1,35\n"          # 14
    "<SALES> 0\n"                 # 15
)


def test_bad_value_gives_a_diagnostic_with_its_line():
    facts, diags = read_ex27(BAD_VALUE, "b.txt", 10)
    assert [f.id for f in facts] == ["x0-SALES"]
    # 0 in thousands: zero, good to the thousand, for the quarter to June 30
    sales = facts[0]
    assert (sales.value, sales.decimals) == (Decimal(0), -3)
    assert sales.period == Period(date(1996, 6, 30), date(1996, 4, 1))
    assert [(d.code, d.severity, d.location.line) for d in diags] == [
        ("ex27-value", "warning", 13), ("ex27-value", "warning", 14)]
    assert "line 13" in diags[0].message and "N/A" in diags[0].message
    assert (diags[0].location.col_start, diags[0].location.col_end) == (7, 10)


def test_missing_period_end():
    facts, diags = read_ex27("<PERIOD-TYPE> YEAR\n<CASH> 1\n<SALES> 2\n", "p.txt", 1)
    assert [f.period for f in facts] == [None, None]
    assert [(d.code, d.severity) for d in diags] == [("ex27-period", "warning")]


MULTI = (
    "<MULTIPLIER> 1,000\n"
    "<PERIOD-TYPE>        YEAR         YEAR\n"
    "<FISCAL-YEAR-END>    DEC-31-1996  DEC-31-1995\n"
    "<PERIOD-END>         DEC-31-1996  DEC-31-1995\n"
    "<TOTAL-ASSETS>       5,000        4,000\n"
    "<NET-INCOME>         300          (20)\n"
)


def test_several_columns_pair_with_their_periods():
    facts, diags = read_ex27(MULTI, "r.txt", 1, doc_index=3)
    assert diags == []
    f = _by_id(facts)
    assert sorted(f) == ["x3-NET-INCOME", "x3-NET-INCOME-1", "x3-TOTAL-ASSETS",
                         "x3-TOTAL-ASSETS-1"]
    assert f["x3-TOTAL-ASSETS-1"].value == Decimal(4000000)
    assert f["x3-TOTAL-ASSETS-1"].period == Period.instant(date(1995, 12, 31))
    assert f["x3-TOTAL-ASSETS"].period == Period.instant(date(1996, 12, 31))
    assert f["x3-NET-INCOME-1"].value == Decimal(-20000)
    assert f["x3-NET-INCOME-1"].period == Period.months_ended(12, date(1995, 12, 31))
    assert f["x3-NET-INCOME-1"].source.col_start == 34  # under "DEC-31-1995"


def test_tags_of_other_articles_are_durations_unless_named_balances():
    text = ("<ARTICLE> 9\n<PERIOD-TYPE> 12-MOS\n<PERIOD-END> DEC-31-1997\n"
            "<TOTAL-ASSETS> 900\n<INTEREST-LOAN> 50\n<ALLOWANCE-CLOSE> 7\n")
    facts, diags = read_ex27(text, "bank.txt", 1)
    f = _by_id(facts)
    assert f["x0-TOTAL-ASSETS"].period.is_instant
    assert f["x0-ALLOWANCE-CLOSE"].period.is_instant
    assert f["x0-INTEREST-LOAN"].period == Period.months_ended(12, date(1997, 12, 31))
    (info,) = diags
    assert (info.code, info.severity) == ("ex27-period", "info")
    assert "durations: INTEREST-LOAN" in info.message
    assert "instants: ALLOWANCE-CLOSE" in info.message


def test_odd_multiplier_and_currency_are_reported():
    text = "<MULTIPLIER> 500\n<CURRENCY> CANADIAN DOLLARS\n<PERIOD-END> DEC-31-1997\n<CASH> 3\n"
    facts, diags = read_ex27(text, "c.txt", 1)
    assert facts[0].value == Decimal(3)
    assert _codes(diags) == ["ex27-value", "ex27-currency"]


def test_footnote_marks_dollar_signs_and_nil():
    text = ("<PERIOD-END> DEC-31-1996\n"
            "<CASH>  $ 1,358<F1>  -\n"        # line 2: "$ 1,358" at 8-15, "-" at 21-22
            "<FN>\n<F1>INCLUDES 5 ITEMS\n</FN>\n")
    facts, diags = read_ex27(text, "n.txt", 1)
    assert diags == []
    assert [(f.id, f.value, f.printed, f.nil, f.source.col_start, f.source.col_end)
            for f in facts] == [("x0-CASH", Decimal(1358), "$ 1,358", False, 8, 15),
                                ("x0-CASH-1", Decimal(0), "-", True, 21, 22)]


@given(st.text(alphabet="<>\t\n -,.()$0123456789CASHEPRIODTYMULVF/", max_size=300))
def test_never_raises_and_sources_point_at_the_printed_value(text):
    facts, diags = read_ex27(text, "h.txt", 1)
    assert "ex27-error" not in _codes(diags)
    lines = text.split("\n")
    for f in facts:
        line = lines[f.source.line - 1].expandtabs(8)
        assert line[f.source.col_start:f.source.col_end] == f.printed


# --- the three real schedules in the shared corpus ---------------------------------------

_EX27 = re.compile(r"<DOCUMENT>\s*<TYPE>EX-27.*?<TEXT>\n(.*?)</TEXT>", re.DOTALL)


def _schedule(name):
    if not CORPUS.is_dir():
        pytest.skip(f"shared SGML corpus not found at {CORPUS}")
    path = CORPUS / name
    text = path.read_text(encoding="latin-1")
    (m,) = _EX27.finditer(text)
    first_line = text.count("\n", 0, m.start(1)) + 1
    facts, diags = read_ex27(m.group(1), str(path), first_line)
    return text.split("\n"), facts, diags


# (file, period end, months by PERIOD-TYPE, values checked by hand against the file)
REAL = [
    ("aapl-10q-fy1999q2-0000320193-99-000004.txt", date(1999, 3, 27), 6,
     {"TOTAL-ASSETS": "4935000000", "TOTAL-REVENUES": "3240000000", "NET-INCOME": "287000000",
      "EPS-PRIMARY": "2.11", "EPS-DILUTED": "1.79"}),
    ("aapl-10k-fy1994-0000320193-94-000016.txt", date(1994, 9, 30), 12,
     {"TOTAL-ASSETS": "5302746000", "TOTAL-REVENUES": "9188748000", "NET-INCOME": "310178000",
      "EPS-PRIMARY": "2.61"}),
    ("aapl-10q-fy1997q3-0000320193-97-000014.txt", date(1997, 6, 27), 6,
     {"TOTAL-ASSETS": "4341000000", "NET-INCOME": "-884000000", "EPS-PRIMARY": "-7.04"}),
]


@pytest.mark.parametrize(("name", "end", "months", "expected"), REAL,
                         ids=[r[0].split("-0000")[0] for r in REAL])
def test_real_schedules(name, end, months, expected):
    lines, facts, diags = _schedule(name)
    # 37 tags in each schedule: ARTICLE, MULTIPLIER, PERIOD-TYPE, FISCAL-YEAR-END and
    # PERIOD-END are settings, the 16 balance and 16 income-statement tags are facts
    # (the ground-truth tool counts 35 tags, leaving out ARTICLE and MULTIPLIER)
    assert len(facts) == 32 == len({f.id for f in facts})
    f = _by_id(facts)
    for tag, value in expected.items():
        assert f[f"x0-{tag}"].value == Decimal(value), tag
    for fact in facts:
        tag = fact.label
        if tag in INSTANT_TAGS:
            assert fact.period == Period.instant(end), tag
        else:
            assert fact.period == Period.months_ended(months, end), tag
        assert fact.unit == (u.USD_PER_SHARE if tag.startswith("EPS") else u.USD)
        line = lines[fact.source.line - 1].expandtabs(8)
        assert line[fact.source.col_start:fact.source.col_end] == fact.printed
    assert "ex27-value" not in _codes(diags)


def test_real_schedule_sources_and_flaws():
    _, facts, diags = _schedule("aapl-10q-fy1999q2-0000320193-99-000004.txt")
    assets = _by_id(facts)["x0-TOTAL-ASSETS"]
    assert (assets.source.line, assets.printed, assets.decimals) == (3767, "4,935", -6)
    assert diags == []
    _, facts, diags = _schedule("aapl-10k-fy1994-0000320193-94-000016.txt")
    assert _by_id(facts)["x0-NET-INCOME"].decimals == -3
    assert diags == []
    # the 1997 third-quarter schedule is marked flawed and calls nine months "6-MOS"
    _, facts, diags = _schedule("aapl-10q-fy1997q3-0000320193-97-000014.txt")
    assert [(d.code, d.location.line) for d in diags if d.severity == "warning"] == [
        ("ex27-flawed", 3084), ("ex27-period", 3093)]
