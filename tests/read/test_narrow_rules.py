"""Ordinary layouts that rules for real filings' shapes must leave alone: each input is
hand-made after a common filing, its right reading worked out by hand (a review of the
rules found each of them misread, before the rules were narrowed)."""

from datetime import date
from decimal import Decimal

from assay.model import Period
from assay.read import read_text
from assay.read.labels import parse_scale_note, row_unit
from assay.read.vocabulary import VOCABULARY

THOUSANDS = parse_scale_note("(in thousands)")


def _unit(label: str, group: str | None = None) -> tuple[str, int]:
    got = row_unit(label, group, THOUSANDS)
    return got.unit, got.scale


def test_amounts_named_with_a_slash_or_a_stock_price_stay_thousands_of_dollars():
    # "Net sales/revenues 125,400" is $125.4 million, no multiple of earnings; a
    # hypothetical fall in stock prices is dollars, no price of a share
    assert _unit("Net sales/revenues") == ("USD", 3)
    assert _unit("Hypothetical 10% decrease in stock prices") == ("USD", 3)
    assert _unit("Net debt/EBITDA") == ("ratio", 0)


def test_a_heading_of_performance_and_capital_ratios_dates_no_return_as_a_balance():
    # returns and margins under "Performance and Capital Ratios:" are the quarter's
    assert VOCABULARY.balance_of("Performance and Capital Ratios:") is None
    assert VOCABULARY.balance_of("Capital Ratios:") == "end"


def test_fourteen_weeks_said_of_the_prior_year_leave_this_quarter_thirteen():
    text = """\
Results of Operations. The three months ended April 2, 2005 included 13 weeks,
compared with 14 weeks in the prior year period.

                                    Three Months Ended
                                 April 2,      April 3,
                                   2005          2004
                                 --------      --------
Net sales                        $120,000      $125,000
"""
    facts = read_text(text, "x.txt").facts
    assert facts[0].period == Period(end=date(2005, 4, 2), start=date(2005, 1, 2))


def test_a_caps_row_of_nil_amounts_stays_a_row_of_noughts():
    # "RESTRICTED CASH -- --" is a balance of nought, not a heading: "--" is a nil
    # amount; the fillers of headings are single dashes
    text = """\
                                          1996          1995
                                        --------      --------
CASH                                    $  1,234      $  1,000
RESTRICTED CASH                               --            --
ACCOUNTS RECEIVABLE                        2,000         1,800
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.value) for f in facts if f.period.end.year == 1996] == [
        ("CASH", Decimal(1234)), ("RESTRICTED CASH", Decimal(0)),
        ("ACCOUNTS RECEIVABLE", Decimal(2000))]


def test_column_markers_repeated_under_rows_of_figures_start_no_header():
    # a converter repeats "<S> <C> <C>" after a page break, right under a row: the row
    # above it is a row, not the header of a new block
    text = """\
<TABLE>
<CAPTION>
                                                December 31,
                                            1996          1995
                                          --------      --------
<S>                                       <C>           <C>
Accounts payable                             1,000           900
Common stock, $1 par value                     100           100
<S>                                       <C>           <C>
Retained earnings                            2,134         1,800
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    stock = [f for f in facts if f.label == "Common stock, $1 par value"]
    assert [f.period.end.year for f in stock] == [1996, 1995]


def test_a_maturity_or_a_purchase_year_in_a_label_dates_no_figure():
    # "9%, due in 2004" and "100,000 shares acquired in 2003": a term and a count that
    # hold at both balance sheet dates; only "... shares in 2004" says a figure's date
    text = """\
                                                    December 31,
                                                      2004          2003
                                                  --------      --------
Senior notes, 9%, due in 2004                        3,000         3,000
Treasury stock, 100,000 shares acquired in 2003       (500)         (500)
"""
    facts = read_text(text, "x.txt").facts
    got = {f.printed: f.period for f in facts if f.printed in ("9%", "100,000 shares")}
    assert got == {"9%": None, "100,000 shares": None}


def test_acquired_intangibles_of_a_later_year_are_not_dated_at_the_acquisition():
    html = """<html><body>
<p>On June 1, 2018, we completed the acquisition of Foo Inc.</p>
<p>Acquired intangible assets consisted of the following (in thousands):</p>
<table>
<tr><td></td><td>Gross Carrying Amount</td><td>Accumulated Amortization</td></tr>
<tr><td>Customer relationships</td><td>40,000</td><td>(8,000)</td></tr>
</table>
</body></html>
"""
    facts = read_text(html, "10-k.htm").facts
    assert [f.period for f in facts if f.label == "Customer relationships"] == [None, None]


def test_a_par_value_per_share_in_a_label_states_the_par_not_the_rows_unit():
    # "Common stock, $0.01 par value per share; ... 51,165,750 issued  533" on a balance
    # sheet in thousands: $533 thousand of common stock, no amount per share
    assert _unit("Common stock, $0.01 par value per share; 140,000,000 shares authorized") == (
        "USD", 3)
    assert _unit("Preferred stock, $.01 stated value per share") == ("USD", 3)
    assert _unit("Dividends declared per share") == ("USD/share", 0)


def test_a_companys_inc_in_a_column_name_is_no_change():
    # a consolidating balance sheet: "Acme Holdings Inc" under "December 31, 2020" holds
    # the parent's balances at that date (hand-read)
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td colspan="4">December 31, 2020</td></tr>
<tr><td></td><td>Acme Holdings Inc</td><td>Guarantor Subsidiaries</td><td>Eliminations</td>
<td>Consolidated</td></tr>
<tr><td>Cash</td><td>12</td><td>340</td><td>&#8212;</td><td>352</td></tr>
<tr><td>Total assets</td><td>5,210</td><td>8,400</td><td>(4,100)</td><td>9,510</td></tr>
</table></body></html>"""
    cash = [f for f in read_text(html, "x.htm").facts if f.label == "Cash"]
    assert [f.period for f in cash] == [Period.instant(date(2020, 12, 31))] * 4


def test_flows_dated_in_their_labels_outside_a_roll_forward_keep_their_period():
    # a statement of cash flows: "Repayment of term loan, June 30, 2020" is the six
    # months' repayment, made on that day, no balance at it (hand-read)
    html = """<html><body><p>Statements of cash flows (in thousands)</p><table>
<tr><td></td><td colspan="2">Six Months Ended June 30,</td></tr>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Net income</td><td>11,012</td><td>17,003</td></tr>
<tr><td>Repayment of term loan, June 30, 2020</td><td>(25,000)</td><td>&#8212;</td></tr>
<tr><td>Special dividend paid, June 30, 2019</td><td>&#8212;</td><td>(8,000)</td></tr>
</table></body></html>"""
    paid = [f for f in read_text(html, "x.htm").facts if f.label.startswith("Special")]
    assert paid[1].period == Period(end=date(2019, 6, 30), start=date(2019, 1, 1))


def test_a_stubs_name_above_the_column_markers_heads_no_row():
    # "Name of Beneficial Owner" at the margin above <S>: the stub's header; the holders
    # have no heading (hand-read)
    text = """\
<TABLE>
<CAPTION>
                                         Shares          Percent
                                      Beneficially         of
                                         Owned            Class

Name of Beneficial Owner
<S>                                   <C>               <C>
John Smith                             1,200,000          5.2%
Mary Jones                               640,000          2.8%
All directors and officers
  as a group (9 persons)               2,410,000         10.5%
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert [f.heading for f in facts if f.label == "John Smith"] == [None, None]


def test_a_ratio_to_one_is_a_ratio_whatever_its_label():
    text = """\
                                    1998          1997
                                  --------      --------
Debt to equity                    .45 to 1      .52 to 1
Net sales                         $  4,120      $  3,870
"""
    debt = [f for f in read_text(text, "x.txt").facts if f.label == "Debt to equity"]
    assert [(f.value, f.unit) for f in debt] == [(Decimal(".45"), "ratio"),
                                                 (Decimal(".52"), "ratio")]


def test_trailing_twelve_months_under_a_quarters_column_is_the_year_to_its_end():
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td colspan="2">Three Months Ended March 31,</td></tr>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Adjusted EBITDA</td><td>262.0</td><td>241.0</td></tr>
<tr><td>Trailing twelve months Adjusted EBITDA</td><td>1,046.0</td><td>1,010.0</td></tr>
</table></body></html>"""
    ttm = [f for f in read_text(html, "x.htm").facts if f.label.startswith("Trailing")]
    assert ttm[0].period == Period(end=date(2020, 3, 31), start=date(2019, 4, 1))


def test_a_change_in_basis_points_is_not_read_as_percentage_points():
    # "Change (bps)" beside margins marked "%": -15 basis points are not -15 percentage
    # points; the column is left to its old reading (hand-read)
    html = """<html><body><p>($ in millions)</p><table>
<tr><td></td><td>Q2 2020</td><td>Q2 2019</td><td>Change (bps)</td></tr>
<tr><td>Net interest margin</td><td>3.45%</td><td>3.60%</td><td>(15)</td></tr>
</table></body></html>"""
    margin = [f for f in read_text(html, "x.htm").facts if f.label == "Net interest margin"]
    assert margin[2].unit != "%"


def test_a_footnote_inside_the_block_is_no_second_band():
    text = """\
<TABLE>
<CAPTION>
                                                 Amount and Nature
                                                   of Beneficial        Percent
                                                     Ownership          of Class

Name of Beneficial Owner
<S>                                              <C>                   <C>
John A. Smith                                        1,250,000            12.5%
Mary B. Jones                                          640,000             6.4%

(1) Includes shares held by the reporting person's spouse.
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert [f.heading for f in facts if f.label == "John A. Smith"] == [None, None]


def test_an_amount_withheld_is_dollars_outside_a_votes_tally():
    # "Withheld | Remitted" under "(in thousands)": taxes withheld, in dollars; no tally
    # of votes, which would name a vote against, an abstention or a broker non-vote too
    html = """<html><body><p>Amounts withheld (in thousands):</p><table>
<tr><td></td><td>Withheld</td><td>Remitted</td></tr>
<tr><td>Payroll taxes</td><td>$ 1,200</td><td>$ 1,100</td></tr>
<tr><td>Other</td><td>450</td><td>400</td></tr>
</table></body></html>"""
    other = [f for f in read_text(html, "x.htm").facts if f.label == "Other"]
    assert [(f.value, f.unit) for f in other] == [(Decimal(450_000), "USD"),
                                                  (Decimal(400_000), "USD")]


def test_a_table_of_the_same_dates_right_under_another_keeps_no_names_of_it():
    # a debt table's "Carrying Amount | Fair Value", then a table of cash and its share
    # under the same dates: its columns are no carrying amounts (hand-read)
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td colspan="2">December 31, 2020</td><td colspan="2">December 31, 2019</td></tr>
<tr><td></td><td>Carrying Amount</td><td>Fair Value</td><td>Carrying Amount</td>
<td>Fair Value</td></tr>
<tr><td>Senior notes</td><td>500</td><td>520</td><td>500</td><td>510</td></tr></table>
<table>
<tr><td></td><td colspan="2">December 31, 2020</td><td colspan="2">December 31, 2019</td></tr>
<tr><td>Cash and equivalents</td><td>$ 100</td><td>40%</td><td>$ 90</td><td>35%</td></tr>
<tr><td>Marketable securities</td><td>150</td><td>60%</td><td>167</td><td>65%</td></tr>
</table></body></html>"""
    cash = [f for f in read_text(html, "x.htm").facts if f.label == "Cash and equivalents"]
    assert "Carrying Amount" not in [dict(f.dims).get("member") for f in cash]


def test_rows_about_a_change_in_a_rate_are_dollars_and_montana_is_no_tonnage():
    # a change in a rate, or its effect, is an amount; a rate heading its label is one
    for label in ("Effect of foreign tax rates", "Effect of enacted changes in tax rates",
                  "Actuarial loss due to change in discount rate",
                  "Impact on fair value of 10% adverse change in prepayment rates"):
        assert _unit(label) == ("USD", 3), label
    assert _unit("Weighted average discount rate") == ("%", 0)
    assert _unit("Billings (MT)") == ("USD", 3)  # (a branch in Montana)


SCHEDULES = """\
Indicate the number of shares outstanding of each of the issuer's classes of
common stock, as of the latest practicable date.

     Class A Common Stock, $.01 par value                  12,345,678
     Class B Common Stock, $.01 par value                   3,456,789
     Series A Preferred Stock, $1.00 par value                234,567

     The commitments of the lenders under the Credit Agreement are as
follows:

                                                    Commitment
     Lender                                       (in thousands)
     ------                                       --------------
     First National Bank                             $ 25,000
     Second State Bank                                 15,000
     Third Federal Savings                             10,000
                                                     --------
                                                     $ 50,000
"""


def test_a_schedule_of_one_column_is_of_dollars_printed_so_in_its_header_s_scale():
    # shares outstanding by class are no amounts ("$" only in their labels' par
    # values): no table; the lenders' commitments print "$" and stand under "(in
    # thousands)": $25,000,000
    facts = read_text(SCHEDULES, "10q.txt").facts
    assert [(f.label, f.value) for f in facts] == [
        ("First National Bank", 25_000_000), ("Second State Bank", 15_000_000),
        ("Third Federal Savings", 10_000_000), ("Total", 50_000_000)]


NOTE_ROWS = """\
                                                          1995        1994
                                                        --------    --------
Note 1 - First National Bank, 8%, due 1999              $  5,000    $  6,000
Note 2 - Second State Bank, 9%, due 2001                   3,000       4,000
                                                        --------    --------
                                                           8,000      10,000

NOTE 5 - SEGMENT INFORMATION (Continued)

Operating income                                           2,210       1,980
"""


def test_rows_named_note_and_a_running_note_heading_end_no_table():
    # "Note 1 - First National Bank ..." is a row of the debt table; a page's running
    # "NOTE 5 - ... (Continued)" carries the table on
    periods: dict[str, Period | None] = {}
    for f in read_text(NOTE_ROWS, "10k.txt").facts:
        periods.setdefault(f.label, f.period)  # (the 1995 column's)
    assert periods["Note 2 - Second State Bank, 9%, due 2001"] == Period(
        date(1995, 12, 31), date(1995, 1, 1))
    assert periods["Operating income"] == Period(date(1995, 12, 31), date(1995, 1, 1))


def test_a_heading_over_the_first_rows_leaves_the_paragraph_s_day_to_date_the_table():
    # the paragraph says "As of April 24, 2020"; the first row, "Commercial:", is a
    # heading, no lead-in of its own
    text = """\
As of April 24, 2020, we have approved payment deferrals on loans totaling $510.4
million. The breakout by loan type is as follows:

                                              Balance      Percent
                                             ---------    ---------
Commercial:
  Commercial and industrial                  $ 412,525       15.5%
  Equipment finance                             38,975        1.5%
"""
    facts = read_text(text, "release.txt").facts
    assert len(facts) == 4 and {f.period for f in facts} == {Period.instant(date(2020, 4, 24))}


def test_justified_prose_over_a_stub_caption_is_no_column_name():
    # the lead-in's words, spaced by justification, stand over the header: its names
    # are the columns' ("Nonperforming Assets"), its title the stub's caption
    text = """\
     The  following  table  breaks out nonperforming assets by category
as  of  the  dates  indicated,  together with  each category's share of
the  total  nonperforming  assets  of  the  Company  at  each  date
 Nonperforming Assets         Nonperforming  % of  Nonperforming  % of
  by Category                    Assets      NPAs     Assets      NPAs
 (dollars in 000s)            -------------------- -------------------
                                  Sept. 30, 2008       June 30, 2008

 Commercial land development    $ 19,479      24%    $ 11,031      29%
 Commercial loans                    500       1%          82       0%
"""
    first = read_text(text, "8k.txt").facts[0]
    assert (first.table, dict(first.dims)) == (
        "Nonperforming Assets by Category", {"member": "Nonperforming Assets"})


def test_a_scale_note_or_a_page_mark_alone_over_an_html_table_is_no_caption():
    for stub in ("(In thousands, except per share amounts)", "Unaudited"):
        html = f"""<html><body><table>
<tr><td>{stub}</td><td></td><td></td></tr>
<tr><td></td><td>March 31, 2020</td><td>March 31, 2019</td></tr>
<tr><td>Net sales</td><td>$259</td><td>$256</td></tr>
</table></body></html>"""
        assert read_text(html, "release.htm").facts[0].table == "Table 1", stub


def test_the_text_scales_only_the_tables_it_ties_to_and_a_roll_forward_stays_the_year_s():
    # a release's income statement, tied three times by its text, is in thousands; its
    # compensation table, printed in whole dollars with no note, is not
    text = """\
Net income grew 24% to $4.0 million from $3.2 million. Net interest income was up 26%
to $11.6 million.

                                   Quarter Ended
                              Dec 31,        Dec 31,
                               2005           2004
                             --------       --------
Net interest income            11,612          9,204
Net income                      3,983          3,214

                                   Year Ended
                              Dec 31,        Dec 31,
                               2005           2004
                             --------       --------
Salary                       $245,000       $230,000
Bonus                          75,000         60,000
"""
    values = {(f.label, f.printed): f.value for f in read_text(text, "8k.txt").facts}
    assert values[("Net income", "3,983")] == 3_983_000
    assert values[("Salary", "245,000")] == 245_000
    # the changes in net deferred tax liabilities: a roll-forward, its movements the years'
    roll = """\
     The changes in net deferred tax liabilities were as follows:

                                                           1997          1996
                                                         --------      --------
Balance at beginning of year                             $ 12,400      $ 11,050
Deferred tax provision                                      1,310         1,150
                                                         --------      --------
Net deferred tax liabilities                             $ 13,710      $ 12,200
"""
    periods = {(f.label, f.printed): f.period for f in read_text(roll, "10k.txt").facts}
    assert periods[("Deferred tax provision", "1,310")] == Period(date(1997, 12, 31),
                                                                  date(1997, 1, 1))


def test_the_fiscal_year_end_the_text_says_is_a_month_end():
    # by hand: "October 3, 2020" is a Saturday ending a 52-53-week year that ends near
    # September's end (the year before ended September 28, 2019): September 30 dates the
    # years named alone; "May 31" is said outright; two different ends say none
    from assay.read.fiscal_year import year_end_in_text
    from assay.read.layout import LineIndex
    from assay.read.source import SourceLine

    def end(*texts):
        lines = [SourceLine(k + 1, t) for k, t in enumerate(texts)]
        return year_end_in_text(lines, LineIndex(t for t in texts))

    assert end("Results for the fiscal year ended October 3, 2020 were strong.") == (9, 30)
    assert end("For the fourth quarter and fiscal year ended May 31, 2023.") == (5, 31)
    # a year ending in January is named by its first year by some filers, by its last by
    # others: the phrase does not say which
    assert end("fiscal year ending January 29, 2023") is None
    # another's fiscal year says nothing of the filer's; a phrase may wrap
    assert end("the federal government's fiscal year ends on September 30") is None
    assert end("the federal fiscal year ending September 30") is None
    assert end("results for its first quarter of fiscal 2025 ended September 30, 2024") == (
        6, 30)  # ("its": most often the filer's)
    assert end("the Company's fiscal year ended May 31, 2023") == (5, 31)
    assert end("for the fourth quarter and fiscal", "year ended May 31, 2023.") == (5, 31)
    assert end("fiscal year ended May 31, 2023", "fiscal year ended June 30, 2022") is None
    assert end("the year ended December 31, 2020") is None  # (no fiscal year said)
    assert end("fiscal year ended March 15, 2020") is None  # (no month's end near)
    # a quarter of a fiscal year said ended: the year ends as many quarters on
    assert end("results for the second quarter of fiscal 2024 ended November 30, 2023.") == (
        5, 31)
    assert end("the fourth quarter of fiscal 2020 ended October 3, 2020") == (9, 30)
    assert end("results for the third quarter of fiscal 2023 (the fiscal quarter ended "
               "February 28, 2023).") == (5, 31)
