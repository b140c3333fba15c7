"""HTML tables into facts: the shapes EDGAR HTML prints, in small hand-made tables whose
expected facts were worked out by hand."""

from datetime import date
from decimal import Decimal

from assay.model import Period
from assay.read import read_text

STATEMENT = """<html><body>
<p>EXAMPLE MINING CORP.</p>
<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p>
<p>(in thousands, except per share amounts)</p>
<table>
<tr><td></td><td colspan="6" style="text-align:center">Three Months Ended<br>March 31,</td></tr>
<tr><td></td><td colspan="2">2020</td><td></td><td colspan="2">2019</td></tr>
<tr><td>Sales</td><td>$</td><td>221,338</td><td></td><td>$</td><td>369,681</td></tr>
<tr><td style="padding-left:18pt">Cost of sales</td><td></td><td>(151,514</td><td>)</td>
    <td></td><td style="border-bottom:1px solid #000">182,628</td></tr>
<tr><td>Net income per share</td><td>$</td><td>0.42</td><td></td><td>$</td><td>2.14</td></tr>
<tr><td>Gain on sale</td><td></td><td>&#8212;</td><td></td><td></td><td>7.5</td><td>%</td></tr>
</table>
<table><tr><td>Not a table of figures: words only</td></tr></table>
</body></html>
"""


def _by_label(doc):
    out = {}
    for f in doc.facts:
        out.setdefault(f.label, []).append(f)
    return out


def test_split_cells_spans_and_scale():
    doc = read_text(STATEMENT, "release.htm")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.title == "CONSOLIDATED STATEMENTS OF OPERATIONS"
    assert table.scale_note == "(in thousands, except per share amounts)"
    facts = _by_label(doc)
    # "$" | "221,338" and "(151,514" | ")": one figure each, the parenthesis a minus
    assert [f.value for f in facts["Sales"]] == [Decimal(221338000), Decimal(369681000)]
    assert [f.value for f in facts["Cost of sales"]] == [Decimal(-151514000),
                                                         Decimal(182628000)]
    # the header "Three Months Ended / March 31," spans both years' columns
    q1 = Period.months_ended(3, date(2020, 3, 31))
    assert facts["Sales"][0].period == q1
    assert facts["Sales"][1].period == Period.months_ended(3, date(2019, 3, 31))
    # per-share figures are never scaled; an em dash is nil; "7.5" | "%" a percentage
    assert [f.value for f in facts["Net income per share"]] == [Decimal("0.42"),
                                                                Decimal("2.14")]
    assert facts["Gain on sale"][0].nil and facts["Gain on sale"][1].unit == "%"


def test_cells_keep_their_place_and_rows_their_indent_and_rules():
    doc = read_text(STATEMENT, "release.htm")
    cost = next(f for f in doc.facts if f.label == "Cost of sales")
    # the fourth <tr> of the first <table>, its third cell (the figure's, not the "(")
    assert cost.source.selector == "table[1]/tr[4]/td[3]"
    rows = {r.label: r for r in doc.tables[0].rows}
    assert rows["Cost of sales"].indent > rows["Sales"].indent
    assert rows["Net income per share"].rule_above == "-"


def test_inline_xbrl_tags_are_read_apart_and_linked_to_their_cells():
    html = """<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>
<div style="display:none"><ix:header><ix:resources>
<xbrli:context id="c1"><xbrli:entity><xbrli:identifier>1</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2024-12-29</xbrli:startDate>
<xbrli:endDate>2025-03-29</xbrli:endDate></xbrli:period></xbrli:context>
</ix:resources></ix:header></div>
<p>(in millions)</p>
<table>
<tr><td></td><td>Three Months Ended March 29, 2025</td></tr>
<tr><td>Net sales</td><td><ix:nonFraction name="us-gaap:Revenues" contextRef="c1"
 unitRef="usd" decimals="-6" scale="6">95,359</ix:nonFraction></td></tr>
<tr><td>Other expense</td><td>(<ix:nonFraction name="us-gaap:Other" contextRef="c1"
 unitRef="usd" decimals="-6" scale="6" sign="-">279</ix:nonFraction>)</td></tr>
</table></body></html>
"""
    doc = read_text(html, "10q.htm")
    tags = {t.name: t for t in doc.tags}
    assert tags["us-gaap:Revenues"].value == Decimal(95359000000)
    assert tags["us-gaap:Other"].value == Decimal(-279000000)  # sign="-": the value is -279
    assert tags["us-gaap:Revenues"].period == Period(date(2025, 3, 29), date(2024, 12, 29))
    sales = next(f for f in doc.facts if f.label == "Net sales")
    assert sales.value == Decimal(95359000000) and sales.note("xbrl") == "us-gaap:Revenues"
    assert sales.period.end == date(2025, 3, 29)


def test_a_header_row_within_a_table_starts_a_block_of_its_own():
    # After a 2018 10-Q (hand-made): the second quarter's rows, then a header row for
    # the six months and their rows, in one <table>
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td>Second quarter ended June 30,</td></tr>
<tr><td></td><td>2018</td></tr>
<tr><td>Net income</td><td>75</td></tr>
<tr><td>Other</td><td>(151</td><td>)</td></tr>
<tr><td></td><td></td></tr>
<tr><td></td><td>Six months ended June 30,</td></tr>
<tr><td></td><td>2018</td></tr>
<tr><td>Net income</td><td>225</td></tr>
</table></body></html>"""
    doc = read_text(html, "10q.htm")
    net = [f for f in doc.facts if f.label == "Net income"]
    assert [(f.value, f.period.key) for f in net] == [(Decimal(75000000), "2018Q2"),
                                                      (Decimal(225000000), "2018H1")]


AVERAGE_RATES = """<html><body>
<p>Average Balance Sheets and Average Rate Data</p>
<p>(Dollars in thousands)</p>
<table>
<tr><td></td><td colspan="5">Three Months Ended March 31, 2020</td></tr>
<tr><td></td><td colspan="2">Average Balance</td><td colspan="2">Interest</td>
    <td colspan="2">Yield/ Cost</td></tr>
<tr><td>Loans, net</td><td>$</td><td>3,677,017</td><td>$</td><td>39,810</td>
    <td>4.35</td><td>%</td></tr>
<tr><td>Savings deposits</td><td></td><td>1,485,472</td><td></td><td>2,643</td>
    <td>0.72</td><td></td></tr>
<tr><td>Certificates of deposit</td><td></td><td>58,583</td><td></td><td>266</td>
    <td>1.83</td><td></td></tr>
</table>
<p>Reconciliation of adjusted net income (in thousands, except per share data)</p>
<table>
<tr><td></td><td colspan="2">Three Months Ended March 31,</td><td></td></tr>
<tr><td></td><td>2019</td><td>2020</td><td>YoY Change</td></tr>
<tr><td>Adjusted net income</td><td>41,002</td><td>34,770</td><td>(15)%</td></tr>
<tr><td>Adjusted net income per share - Diluted</td><td>$ 0.60</td><td>$ 0.52</td>
    <td>(13)%</td></tr>
</table>
</body></html>
"""


def test_a_percent_sign_on_a_columns_first_figure_makes_the_column_percentages():
    # by hand: the "%" printed after 4.35 only is the Yield/Cost column's unit, so 0.72
    # and 1.83 are percentages too, never thousands of dollars; the balances beside
    # them are in thousands. A per-share row in cents keeps its cents though a change
    # in percent ("(13)%") stands beside it.
    doc = read_text(AVERAGE_RATES, "rates.htm")
    by = _by_label(doc)
    loans = [(f.value, f.unit) for f in by["Loans, net"]]
    assert loans == [(Decimal("3677017000"), "USD"), (Decimal("39810000"), "USD"),
                     (Decimal("4.35"), "%")]
    cds = [(f.value, f.unit) for f in by["Certificates of deposit"]]
    assert cds == [(Decimal("58583000"), "USD"), (Decimal("266000"), "USD"),
                   (Decimal("1.83"), "%")]
    diluted = [f.value for f in by["Adjusted net income per share - Diluted"]]
    assert diluted[:2] == [Decimal("0.60"), Decimal("0.52")]
    assert [f.value for f in by["Adjusted net income"]][:2] == [Decimal("41002000"),
                                                                  Decimal("34770000")]


SECTION_NOTES = """<html><body>
<p>Notes to the Consolidated Financial Statements</p>
<p>(dollars in millions, except per-share amounts; metric tons in thousands (kmt))</p>
<p>A. Basis of Presentation</p>
<p>The interim financial statements are unaudited. In the opinion of management, they
include all adjustments necessary for the fair presentation of the results.</p>
<p>Restructuring charges in the quarter were $231, mostly for a smelter's closure.</p>
<p>Restructuring charges were comprised of the following:</p>
<table>
<tr><td></td><td>Second quarter ended June 30, 2018</td></tr>
<tr><td>Alumina</td><td>3</td></tr>
<tr><td>Aluminum</td><td>79</td></tr>
</table>
<p>The information used to compute earnings per share was as follows (shares in millions):</p>
<table>
<tr><td></td><td>Second quarter ended June 30, 2018</td></tr>
<tr><td>Net income</td><td>$ 80</td></tr>
<tr><td>Average shares outstanding</td><td>186</td></tr>
</table>
<p>Other financial instruments were as follows:</p>
<table>
<tr><td></td><td>June 30, 2018</td></tr>
<tr><td>Long-term debt</td><td>1,388</td></tr>
<tr><td>Restricted cash</td><td>6</td></tr>
</table>
</body></html>
"""


def test_a_section_note_with_parentheses_inside_scales_the_tables_under_it():
    # by hand: the note heading the notes scales every table below it to millions of
    # dollars; "(shares in millions)" closing a paragraph scales the shares of the next
    # table only, whose dollars stay in the section's millions
    by = _by_label(read_text(SECTION_NOTES, "notes.htm"))
    assert [f.value for f in by["Alumina"]] == [Decimal("3000000")]
    assert [f.value for f in by["Net income"]] == [Decimal("80000000")]
    assert [(f.value, f.unit) for f in by["Average shares outstanding"]] == [
        (Decimal("186000000"), "shares")]
    assert [f.value for f in by["Long-term debt"]] == [Decimal("1388000000")]


def test_cells_of_html_documents_in_one_submission_name_their_document():
    # by hand: the same statement filed twice, as the second and third documents of one
    # submission; the cells' selectors begin with the document's number, so the two
    # "Sales" figures of 2020 are told apart
    from tests.read.test_source import _sgml
    text = _sgml(("8-K", "Form 8-K cover text"), ("EX-99.1", STATEMENT),
                 ("EX-99.2", STATEMENT))
    doc = read_text(text, "submission.txt")
    sales = [f.source.selector for f in doc.facts if f.label == "Sales"]
    assert sales == ["document[2]/table[1]/tr[3]/td[3]", "document[2]/table[1]/tr[3]/td[6]",
                     "document[3]/table[1]/tr[3]/td[3]", "document[3]/table[1]/tr[3]/td[6]"]
    # a plain HTML file holds one document: its selectors name none
    alone = read_text(STATEMENT, "release.htm")
    assert [f.source.selector for f in alone.facts if f.label == "Sales"][0] == (
        "table[1]/tr[3]/td[3]")


def test_a_scale_note_set_as_the_first_row_of_a_table_scales_it():
    # by hand: "(Dollars in thousands)" stands in the label column under the header, over
    # the first figures: 2,734,249 is $2,734,249,000, and the note is no row of its own
    html = """<html><body><p>Average Balance Sheet Data</p><table>
<tr><td></td><td colspan="2">For the Three Months Ended March 31,</td></tr>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>(Dollars in thousands)</td><td></td><td></td></tr>
<tr><td>Loans receivable</td><td>$ 2,734,249</td><td>$ 2,608,485</td></tr>
<tr><td>Securities available for sale</td><td>152,798</td><td>148,645</td></tr>
</table></body></html>"""
    doc = read_text(html, "avg.htm")
    by = _by_label(doc)
    assert [f.value for f in by["Loans receivable"]] == [Decimal("2734249000"),
                                                         Decimal("2608485000")]
    assert doc.tables[0].scale_note == "(Dollars in thousands)"
    assert "(Dollars in thousands)" not in [r.label for r in doc.tables[0].rows]


def test_returns_on_assets_and_equity_are_percentages_in_a_table_of_thousands():
    # by hand: "Return on average equity 7.02" in a table "(Dollars in thousands)" is a
    # 7.02% return, neither $7,020 nor $7.02; the net income above it is in thousands
    html = """<html><body><p>Selected Financial Data</p><p>(Dollars in thousands)</p><table>
<tr><td></td><td>Three Months Ended March 31, 2020</td>
    <td>Three Months Ended March 31, 2019</td></tr>
<tr><td>Net income</td><td>$ 16,118</td><td>$ 15,025</td></tr>
<tr><td>Return on average equity</td><td>7.02</td><td>8.13</td></tr>
<tr><td>Return on average tangible common equity</td><td>13.86</td><td>12.5</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "ratios.htm"))
    assert [(f.value, f.unit) for f in by["Net income"]] == [
        (Decimal("16118000"), "USD"), (Decimal("15025000"), "USD")]
    assert [(f.value, f.unit) for f in by["Return on average equity"]] == [
        (Decimal("7.02"), "%"), (Decimal("8.13"), "%")]
    assert [(f.value, f.unit) for f in by["Return on average tangible common equity"]] == [
        (Decimal("13.86"), "%"), (Decimal("12.5"), "%")]


def test_a_lone_year_ended_over_the_middle_date_heads_every_dated_column():
    # by hand: "Year Ended" is centred in the middle cell only, the three dates under it
    # are fiscal years: each begins the day after the year before ends, the earliest
    # (ending on a month's last day) twelve calendar months back; the balance "at
    # beginning of period" is the instant before its year begins (Jan 30, 2022 for the
    # year ended Jan 29, 2023)
    html = """<html><body><p>STATEMENTS OF CASH FLOWS</p><p>(In millions)</p><table>
<tr><td></td><td></td><td>Year Ended</td><td></td></tr>
<tr><td></td><td>January 29, 2023</td><td>January 30, 2022</td><td>January 31, 2021</td></tr>
<tr><td>Net income</td><td>$ 4,368</td><td>$ 9,752</td><td>$ 4,332</td></tr>
<tr><td>Cash at beginning of period</td><td>1,990</td><td>847</td><td>10,896</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "cash.htm"))
    assert [f.period for f in by["Net income"]] == [
        Period(end=date(2023, 1, 29), start=date(2022, 1, 31)),
        Period(end=date(2022, 1, 30), start=date(2021, 2, 1)),
        Period.months_ended(12, date(2021, 1, 31))]
    assert [f.period.end for f in by["Cash at beginning of period"]] == [
        date(2022, 1, 30), date(2021, 1, 31), date(2020, 1, 31)]


ROLL_FORWARD = """<p>A reconciliation of gross unrecognized tax benefits is as follows:</p>
<table>
<tr><td></td><td>January 29, 2023</td><td>January 30, 2022</td><td>January 31, 2021</td></tr>
<tr><td>Balance at beginning of period</td><td>$ 1,013</td><td>$ 776</td><td>$ 583</td></tr>
<tr><td>Increases in tax positions for current year</td><td>616</td><td>268</td><td>193</td></tr>
<tr><td>Balance at end of period</td><td>$ 1,238</td><td>$ 1,013</td><td>$ 776</td></tr>
</table>"""


def test_a_roll_forward_under_dates_alone_in_an_annual_report_runs_over_its_years():
    # by hand: the report's headers name years only ("Year Ended"), and the roll-forward's
    # dates lie a year apart: its columns are the fiscal years that end on them. The
    # opening balance 1,013 of the year ended Jan 29, 2023 stands at Jan 30, 2022 (the
    # filing's own inline-XBRL tag says the same), the increases run over the year
    annual = ("<html><body><p>INCOME STATEMENTS</p><table><tr><td></td>"
              "<td>Year Ended January 29, 2023</td><td>Year Ended January 30, 2022</td></tr>"
              "<tr><td>Revenue</td><td>26,974</td><td>26,914</td></tr>"
              "<tr><td>Net income</td><td>4,368</td><td>9,752</td></tr>"
              "</table>" + ROLL_FORWARD + "</body></html>")
    by = _by_label(read_text(annual, "annual.htm"))
    assert [f.period.end for f in by["Balance at beginning of period"]] == [
        date(2022, 1, 30), date(2021, 1, 31), date(2020, 1, 31)]
    assert by["Increases in tax positions for current year"][0].period == Period(
        end=date(2023, 1, 29), start=date(2022, 1, 31))
    assert by["Balance at end of period"][0].period == Period.instant(date(2023, 1, 29))
    # a quarterly report's roll-forward under the same dates: periods of what length?
    # The header does not say; the dates stay the instants they name
    quarterly = annual.replace("Year Ended January", "Three Months Ended January")
    by = _by_label(read_text(quarterly, "quarter.htm"))
    assert by["Balance at beginning of period"][0].period == Period.instant(date(2023, 1, 29))


def test_a_balance_row_dated_by_its_label_is_an_instant_among_durations():
    # by hand: "Balance, March 31, 2000" under "Six-month period ended March 31, 2000"
    # is the balance at that date; the net income above it is of the six months
    html = """<html><body><p>STATEMENT OF STOCKHOLDERS' EQUITY</p><table>
<tr><td></td><td>Six-Month Period Ended March 31, 2000</td></tr>
<tr><td>Net earnings</td><td>5,690,956</td></tr>
<tr><td>Balance, March 31, 2000</td><td>17,485,237</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "equity.htm"))
    assert by["Net earnings"][0].period == Period.months_ended(6, date(2000, 3, 31))
    assert by["Balance, March 31, 2000"][0].period == Period.instant(date(2000, 3, 31))


def test_figures_in_a_label_are_facts_of_the_row_periods():
    # by hand, from a 10-Q's balance sheet "(in millions, except per share data)": the
    # par value is $0.01 a share, never scaled; 11,000 shares authorized are 11,000
    # million at both dates; "2,771 shares and 2,755 shares ..., respectively" go one to
    # each column; the allowance "$574 and $485" is in millions like the table
    html = """<html><body><p>CONDENSED CONSOLIDATED BALANCE SHEETS</p>
<p>(in millions, except per share data)</p><table>
<tr><td></td><td>August 31, 2024</td><td>May 31, 2024</td></tr>
<tr><td>Trade receivables, net of allowances for credit losses of $574 and $485 as of
August 31, 2024 and May 31, 2024, respectively</td><td>$ 6,813</td><td>$ 7,874</td></tr>
<tr><td>Common stock, $0.01 par value and additional paid in capital—authorized: 11,000
shares; outstanding: 2,771 shares and 2,755 shares as of August 31, 2024 and May 31, 2024,
respectively</td><td>35,026</td><td>34,094</td></tr>
<tr><td>Certificates of deposit of $100,000 or more</td><td>12</td><td>13</td></tr>
</table></body></html>"""
    doc = read_text(html, "bs.htm")
    aug, may = Period.instant(date(2024, 8, 31)), Period.instant(date(2024, 5, 31))
    worded = {(f.printed, f.period): (f.value, f.unit) for f in doc.facts
              if f.source.selector.endswith("td[1]")}
    assert worded == {
        ("$574", aug): (Decimal(574_000_000), "USD"),
        ("$485", may): (Decimal(485_000_000), "USD"),
        ("$0.01", aug): (Decimal("0.01"), "USD/share"),
        ("$0.01", may): (Decimal("0.01"), "USD/share"),
        ("11,000 shares", aug): (Decimal(11_000_000_000), "shares"),
        ("11,000 shares", may): (Decimal(11_000_000_000), "shares"),
        ("2,771 shares", aug): (Decimal(2_771_000_000), "shares"),
        ("2,755 shares", may): (Decimal(2_755_000_000), "shares"),
    }  # "$100,000 or more" is a threshold, no amount
    # each is named by the row's name and the part of its label it stands in, not as
    # the row's own figure ("Trade receivables" is 6,813, not 574)
    assert sorted({f.label for f in doc.facts if f.source.selector.endswith("td[1]")}) == [
        "Common stock: $0.01 par value and additional paid in capital—authorized: 11,000 "
        "shares",
        "Common stock: outstanding: 2,771 shares and 2,755 shares as of August 31, 2024 and "
        "May 31, 2024",
        "Trade receivables: allowances for credit losses"]  # (what the figures deduct)
    # the row's own figures are unchanged, and only they are the row's columns
    common = next(r for r in doc.tables[0].rows if r.label.startswith("Common stock"))
    assert [doc.fact(i).value for i in common.fact_ids] == [Decimal(35_026_000_000),
                                                           Decimal(34_094_000_000)]


def test_amounts_beside_marked_rates_awards_prices_and_left_out_shares():
    # by hand, from a 10-K's tax rate reconciliation "(In millions, except percentages)":
    # "(83)" beside "(2.0)" | "%" is $83 million, the "(2.0)%" a rate, "— %" a nil rate;
    # from its EPS note "(In millions, except per share data)": awards "excluded from
    # diluted net income per share" are 40 million shares; a grant-date fair value of
    # $114.19 is a share's, never scaled
    html = """<html><body><p>Tax rate reconciliation</p><p>(In millions, except percentages)</p>
<table>
<tr><td></td><td colspan="3">Year Ended January 29, 2023</td></tr>
<tr><td>Tax at federal statutory rate</td><td>$ 878</td><td>21.0</td><td>%</td></tr>
<tr><td>Foreign tax rate differential</td><td>(83)</td><td>(2.0)</td><td>%</td></tr>
<tr><td>Acquisition termination cost</td><td>261</td><td>&#8212;</td><td>%</td></tr>
</table>
<p>Net income per share</p><p>(In millions, except per share data)</p><table>
<tr><td></td><td>Year Ended January 29, 2023</td><td>Year Ended January 30, 2022</td></tr>
<tr><td>Net income</td><td>$ 4,368</td><td>$ 9,752</td></tr>
<tr><td>Equity awards excluded from diluted net income per share because their effect
would have been anti-dilutive</td><td>40</td><td>21</td></tr>
<tr><td>Weighted average grant-date fair value of awards granted</td><td>$ 183.72</td>
<td>$ 165.21</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "notes.htm"))
    assert [(f.value, f.unit) for f in by["Foreign tax rate differential"]] == [
        (Decimal(-83_000_000), "USD"), (Decimal("-2.0"), "%")]
    termination = by["Acquisition termination cost"]
    assert termination[1].nil and termination[1].unit == "%"
    excluded = next(v for k, v in by.items() if k.startswith("Equity awards excluded"))
    assert [(f.value, f.unit) for f in excluded] == [(Decimal(40_000_000), "shares"),
                                                    (Decimal(21_000_000), "shares")]
    fair = by["Weighted average grant-date fair value of awards granted"]
    assert [(f.value, f.unit) for f in fair] == [(Decimal("183.72"), "USD/share"),
                                                (Decimal("165.21"), "USD/share")]


def test_a_duration_cell_short_of_its_columns_and_accounts_under_a_flow_heading():
    # by hand, from a bank's 8-K income statement: "Nine Months Ended" spans only the
    # last of its two columns ("2020 | 2019"), the years turning back up at its first:
    # $94,166 thousand is of the nine months to March 31, 2020; "Deposits" under
    # "Interest expense" is the interest paid on them over the quarter, not a balance;
    # "Goodwill impairment" is a charge of the quarter
    html = """<html><body><p>Consolidated Statement of Income</p><table>
<tr><td></td><td colspan="3">Three Months Ended</td><td></td><td>Nine Months Ended</td></tr>
<tr><td></td><td>March 31,</td><td>December 31,</td><td>March 31,</td><td>March 31,</td>
    <td>March 31,</td></tr>
<tr><td>(Dollars in thousands)</td><td>2020</td><td>2019</td><td>2019</td><td>2020</td>
    <td>2019</td></tr>
<tr><td>Loans</td><td>29,781</td><td>32,119</td><td>30,770</td><td>94,166</td><td>90,042</td></tr>
<tr><td>Interest expense</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>Deposits</td><td>5,764</td><td>6,101</td><td>5,544</td><td>18,145</td><td>15,278</td></tr>
<tr><td>Goodwill impairment</td><td>&#8212;</td><td>&#8212;</td><td>&#8212;</td><td>&#8212;</td>
    <td>&#8212;</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "bank.htm"))
    nine = Period.months_ended(9, date(2020, 3, 31))
    assert by["Loans"][3].value == Decimal(94_166_000) and by["Loans"][3].period == nine
    assert by["Loans"][4].period == Period.months_ended(9, date(2019, 3, 31))
    deposits = next(v for k, v in by.items() if k.endswith("Deposits"))
    assert deposits[0].period == Period.months_ended(3, date(2020, 3, 31))
    assert by["Goodwill impairment"][0].period == Period.months_ended(3, date(2020, 3, 31))


def test_a_table_without_a_note_printing_the_statements_figures_is_in_their_scale():
    # by hand: the reconciliation has no note, but prints net revenues 1,105,570 and
    # operating loss (23,283) as the statement "(Thousands of Dollars)" does: its
    # adjusted operating profit 151,527 is $151,527,000. A table that shares one figure
    # only keeps its own (no) scale
    statement = """<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(Thousands of Dollars)</p>
<table><tr><td></td><td>Quarter Ended March 29, 2020</td></tr>
<tr><td>Net revenues</td><td>$ 1,105,570</td></tr>
<tr><td>Operating loss</td><td>(23,283)</td></tr></table>"""
    recon = """<p>Reconciliation of Operating Profit</p><table>
<tr><td></td><td>Quarter Ended March 29, 2020</td></tr>
<tr><td>Net revenues</td><td>1,105,570</td></tr>
<tr><td>Operating loss</td><td>(23,283)</td></tr>
<tr><td>Adjusted operating profit</td><td>151,527</td></tr></table>"""
    by = _by_label(read_text(f"<html><body>{statement}{recon}</body></html>", "r.htm"))
    assert [f.value for f in by["Adjusted operating profit"]] == [Decimal(151_527_000)]
    one = recon.replace("(23,283)", "(23,284)")
    by = _by_label(read_text(f"<html><body>{statement}{one}</body></html>", "r.htm"))
    assert [f.value for f in by["Adjusted operating profit"]] == [Decimal(151_527)]


def test_rows_under_a_period_end_heading_are_balances_and_averages_are_not():
    # by hand, from a bank's selected data "As of and for the Three Months Ended": the
    # investment securities under "Period-End Balance Sheet Data" are the balances at
    # March 31, 2020; those under "Average Balance Sheet Data" average the quarter
    html = """<html><body><p>Selected Financial Data</p><p>(In thousands)</p><table>
<tr><td></td><td>As of and for the Three Months Ended March 31, 2020</td></tr>
<tr><td>Interest income</td><td>192,754</td></tr>
<tr><td>Period-End Balance Sheet Data</td><td></td></tr>
<tr><td>Investment securities</td><td>2,461,644</td></tr>
<tr><td>Average Balance Sheet Data</td><td></td></tr>
<tr><td>Total loans</td><td>13,501,012</td></tr>
</table></body></html>"""
    facts = read_text(html, "bank.htm").facts
    q1 = Period.months_ended(3, date(2020, 3, 31))
    assert [(f.value, f.period) for f in facts] == [
        (Decimal(192_754_000), q1),
        (Decimal(2_461_644_000), Period.instant(date(2020, 3, 31))),
        (Decimal(13_501_012_000), q1)]


def test_fiscal_years_implied_by_half_years_and_a_report_date_over_bare_years():
    # by hand, from an engineering firm's 8-K: no fiscal year end is said, but "Six
    # Months Ended March 29, 2020" ends a half-year in March: the year ends in September.
    # "2019 / 1st Qtr" is October-December 2018; "2018" the year to September 30, 2018;
    # the report date "March 29, 2020" over the table dates none of its bare years
    html = """<html><body><p>STATEMENTS OF INCOME</p><table>
<tr><td></td><td>Three Months Ended March 29, 2020</td><td>Six Months Ended March 29, 2020</td></tr>
<tr><td>Revenue</td><td>734,115</td><td>1,531,715</td></tr>
<tr><td>Net income</td><td>36,397</td><td>83,707</td></tr></table>
<p>Regulation G Information</p><p>March 29, 2020</p><table>
<tr><td></td><td></td><td colspan="2">2019</td></tr>
<tr><td></td><td>2018</td><td>1st Qtr</td><td>2nd Qtr</td></tr>
<tr><td>Revenue</td><td>2,964.1</td><td>717.4</td><td>722.6</td></tr>
<tr><td>Net income</td><td>136.9</td><td>42.0</td><td>55.9</td></tr></table>
</body></html>"""
    doc = read_text(html, "fy.htm")
    by = _by_label(doc)
    revenue = by["Revenue"]
    assert revenue[2].period == Period.months_ended(12, date(2018, 9, 30))
    assert revenue[3].period == Period.months_ended(3, date(2018, 12, 31))
    assert revenue[4].period == Period.months_ended(3, date(2019, 3, 31))
    assert any(d.code == "fiscal-year" for d in doc.diagnostics)


def test_years_named_alone_end_where_the_dated_columns_end_them():
    # by hand, from a 10-K of a 52-53-week calendar: the statements date fiscal 2022 to
    # "January 30, 2022" and fiscal 2021 to "January 31, 2021"; the valuation schedule
    # names "Fiscal Year 2022" alone, which the fiscal year end (January 29, from fiscal
    # 2023) would end a day early: its opening balance is at January 31, 2021, its
    # closing one at January 30, 2022 (the filing's inline-XBRL tags say the same)
    html = """<html><body><p>STATEMENTS OF INCOME</p><table>
<tr><td></td><td>Year Ended January 29, 2023</td><td>Year Ended January 30, 2022</td>
    <td>Year Ended January 31, 2021</td></tr>
<tr><td>Revenue</td><td>26,974</td><td>26,914</td><td>16,675</td></tr>
<tr><td>Net income</td><td>4,368</td><td>9,752</td><td>4,332</td></tr></table>
<p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>
<tr><td></td><td>Balance at Beginning of Period</td><td>Additions</td>
    <td>Balance at End of Period</td></tr>
<tr><td>Fiscal Year 2022</td><td></td><td></td><td></td></tr>
<tr><td>Sales return allowance</td><td>17</td><td>19</td><td>13</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "k.htm"))
    allowance = by["Sales return allowance"]
    assert allowance[0].period == Period.instant(date(2021, 1, 31))
    assert allowance[1].period == Period(end=date(2022, 1, 30), start=date(2021, 2, 1))
    assert allowance[2].period == Period.instant(date(2022, 1, 30))


def test_balances_in_a_column_of_averages_are_averaged_over_its_period():
    # by hand, from a bank's average balance sheet: "Total liabilities 3,145,329" under
    # "For the Nine Months Ended March 31, 2020 / Average Balance Outstanding" is the
    # average over the nine months, not the balance at March 31
    html = """<html><body><p>Average Balances, Interest and Yields</p><table>
<tr><td></td><td colspan="2">For the Nine Months Ended March 31,</td></tr>
<tr><td></td><td>2020</td><td>2020</td></tr>
<tr><td>(Dollars in thousands)</td><td>Average Balance Outstanding</td><td>Interest Earned</td></tr>
<tr><td>Loans receivable</td><td>2,734,249</td><td>95,045</td></tr>
<tr><td>Total liabilities</td><td>3,145,329</td><td></td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "avg.htm"))
    nine = Period.months_ended(9, date(2020, 3, 31))
    assert by["Total liabilities"][0].period == nine
    assert [f.period for f in by["Loans receivable"]] == [nine, nine]


def test_a_date_without_its_year_in_a_title_sentence_dates_no_column():
    # by hand, from a 1993 10-K: "... as if they had been acquired as of January 1 of the
    # preceding year (Unaudited):" over "1991 | 1992 | 1993": the columns are the years
    # (to December 31), not 52 weeks to January 1 of each
    html = """<html><body><p>The following summarizes the pro forma effect of businesses
acquired in 1991, 1992 and 1993 as if they had been acquired as of January 1 of the
preceding year (Unaudited):</p><table>
<tr><td></td><td>1991</td><td>1992</td><td>1993</td></tr>
<tr><td>Pro forma revenue</td><td>$ 9,080,135</td><td>$ 9,661,839</td><td>$ 9,426,190</td></tr>
<tr><td>Revenue as reported</td><td>8,661,027</td><td>9,135,577</td><td>9,135,577</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "pf.htm"))
    assert [f.period for f in by["Pro forma revenue"]] == [
        Period.months_ended(12, date(y, 12, 31)) for y in (1991, 1992, 1993)]


def test_a_range_in_a_cell_gives_both_ends_of_the_column_period():
    # by hand, from a 10-K's valuation assumptions: "0.1%-1.6%" under the year ended
    # January 31, 2021 is a risk-free rate between 0.1% and 1.6% for that year
    html = """<html><body><p>Stock-based compensation assumptions</p><table>
<tr><td></td><td>Year Ended January 29, 2023</td><td>Year Ended January 31, 2021</td></tr>
<tr><td>Risk-free interest rate</td><td>4.6%</td><td>0.1%-1.6%</td></tr>
<tr><td>Dividend yield</td><td>0.1%</td><td>0.1%-0.3%</td></tr>
</table></body></html>"""
    facts = [f for f in read_text(html, "r.htm").facts if f.label == "Risk-free interest rate"]
    fy2021 = Period.months_ended(12, date(2021, 1, 31))
    assert [(f.printed, f.value, f.unit, f.period) for f in facts if f.column == 1] == [
        ("0.1%", Decimal("0.1"), "%", fy2021), ("1.6%", Decimal("1.6"), "%", fy2021)]


def test_columns_of_percent_changes_and_of_quantities_but_dollars_stay_dollars():
    # by hand, from a bank's 8-K: "% Change" holds -93 (a change of -93%), "Quantity"
    # holds 9 loans, both in a table "(dollars in thousands)"; a "$" printed in a "%"
    # column's cell (a header out of line) is dollars
    html = """<html><body><p>Nonperforming loans</p><p>(dollars in thousands)</p><table>
<tr><td></td><td>March 31, 2020 Quantity</td><td>March 31, 2020 Amount</td><td>% Change</td></tr>
<tr><td>Commercial business loans</td><td>9</td><td>$ 4,120</td><td>(93)</td></tr>
<tr><td>Other</td><td>1</td><td>$ 255</td><td>$ 12</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "npl.htm"))
    assert [(f.value, f.unit) for f in by["Commercial business loans"]] == [
        (Decimal(9), "count"), (Decimal(4_120_000), "USD"), (Decimal(-93), "%")]
    assert by["Other"][2].unit == "USD"


def test_the_sentence_nearest_a_table_dates_it_at_its_one_date():
    # by hand, from a bank's 8-K: "... by collateral type at March 31, 2020." right above
    # a table of amounts and percentages with no period in its header: all at that date,
    # though the paragraph above lists three dates
    html = """<html><body><p>Loans held for sale totaling $5,798, $5,420 and $3,068 at
March 31, 2020, December 31, 2019 and March 31, 2019, respectively.</p>
<p>The following table details the commercial real estate mortgage loan portfolio by
collateral type at March 31, 2020:</p><table>
<tr><td>Collateral Type</td><td>Amount</td><td>Percent</td></tr>
<tr><td>Office buildings</td><td>81,338</td><td>18</td></tr>
<tr><td>Industrial warehouses</td><td>68,454</td><td>16</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "cre.htm"))
    at = Period.instant(date(2020, 3, 31))
    assert [(f.unit, f.period) for f in by["Office buildings"]] == [("USD", at), ("%", at)]


def test_an_average_balance_sheet_under_three_months_keeps_its_durations():
    # by hand, from a bank's "Condensed Consolidated Average Balance Sheets": the columns
    # "Three Months Ended March 31, 2020 / Interest" are of the quarter, not balances at
    # March 31, though the title says "Balance Sheets"
    html = """<html><body><p>Condensed Consolidated Average Balance Sheets</p>
<p>(Dollars in thousands)</p><table>
<tr><td></td><td colspan="2">Three Months Ended March 31, 2020</td></tr>
<tr><td></td><td>Average Balance</td><td>Interest</td></tr>
<tr><td>Loans, net</td><td>3,677,017</td><td>39,810</td></tr>
<tr><td>Net interest income</td><td></td><td>36,650</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "avg.htm"))
    q1 = Period.months_ended(3, date(2020, 3, 31))
    assert [f.period for f in by["Loans, net"]] == [q1, q1]
    assert by["Net interest income"][0].period == q1


def test_a_title_in_the_table_s_first_row_titles_it_and_names_no_column():
    # by hand, from a bank's 8-K: "Non-GAAP Reconciliation of Tangible Stockholders'
    # Equity and Tangible Book Value per Share" spans the table's first row; the
    # stockholders' equity under "December 31, 2019" is $656,023 thousand, not a share's
    html = """<html><body><table>
<tr><td colspan="3">Non-GAAP Reconciliation of Tangible Stockholders' Equity and Tangible
Book Value per Share</td></tr>
<tr><td colspan="3">(Dollars in Thousands Except per Share Data, Unaudited)</td></tr>
<tr><td></td><td>March 31, 2020</td><td>December 31, 2019</td></tr>
<tr><td>Total stockholders' equity</td><td>630,842</td><td>656,023</td></tr>
<tr><td>Less: Intangible assets</td><td>176,961</td><td>177,917</td></tr>
</table></body></html>"""
    doc = read_text(html, "tbv.htm")
    assert doc.tables[0].title.startswith("Non-GAAP Reconciliation of Tangible")
    equity = _by_label(doc)["Total stockholders' equity"]
    assert [(f.value, f.unit) for f in equity] == [(Decimal(630_842_000), "USD"),
                                                  (Decimal(656_023_000), "USD")]


def test_a_column_to_date_beside_dated_ones_is_as_of_the_latest_date():
    # by hand, from a 10-Q's restructuring table: "Total Costs Accrued to Date" and "Total
    # Expected Program Costs" beside "Accrued August 31, 2024" are as of August 31, 2024
    # (the filing's inline-XBRL tags say the same)
    html = """<html><body><p>Restructuring</p><p>(in millions)</p><table>
<tr><td></td><td>Accrued</td><td>Accrued</td><td>Total Costs</td><td>Total Expected</td></tr>
<tr><td></td><td>May 31, 2024</td><td>August 31, 2024</td><td>Accrued to Date</td>
    <td>Program Costs</td></tr>
<tr><td>Cloud and license</td><td>$ 29</td><td>$ 57</td><td>$ 233</td><td>$ 255</td></tr>
<tr><td>Hardware</td><td>3</td><td>4</td><td>11</td><td>17</td></tr>
</table></body></html>"""
    cloud = _by_label(read_text(html, "r.htm"))["Cloud and license"]
    at = Period.instant(date(2024, 8, 31))
    assert [f.period for f in cloud[2:]] == [at, at]


def test_a_table_of_seventy_figure_columns_is_read():
    # 70 columns of one figure each under one date: no column is left out
    head = "".join(f"<td>Item {k}</td>" for k in range(70))
    cells = "".join(f"<td>{k + 1}</td>" for k in range(70))
    doc = read_text(f"<html><body><p>COUNTS</p><table><tr><td></td>{head}</tr>"
                    f"<tr><td>Units</td>{cells}</tr><tr><td>More units</td>{cells}</tr>"
                    "</table></body></html>", "wide.htm")
    assert len(doc.facts) == 140
    assert doc.facts[-1].id.endswith("c69")


def test_paragraphs_on_one_line_of_the_file_are_all_in_its_text():
    doc = read_text("<html><body><p>First paragraph.</p><p>Second paragraph.</p><table>"
                    "<tr><td></td><td>2020</td></tr><tr><td>Sales</td><td>5</td></tr>"
                    "</table></body></html>", "one-line.htm")
    assert doc.lines[0] == "First paragraph. Second paragraph."


def test_ranges_alone_on_their_rows_named_columns_beside_balances_and_dated_clauses():
    # Hand-made in the shapes of a 10-K's notes. (1) Rows whose every cell is a range
    # are rows of figures, not header lines. (2) A named column standing apart from two
    # year ends is as of the later one; a share of the total between dated columns is
    # not. (3) A label's clause dated by its own words ("as of January 29, 2023") gives
    # its figure that column's date; "Estimated total grant-date fair value" is a total
    # in millions, not an amount per share.
    html = """<html><body>
<p>(In millions, except per share data)</p>
<table>
<tr><td></td><td>Year Ended January 29, 2023</td><td>Year Ended January 30, 2022</td></tr>
<tr><td>Volatility</td><td>43%-72%</td><td>20%-58%</td></tr>
<tr><td>Estimated total grant-date fair value</td><td>$ 4,505</td><td>$ 3,492</td></tr>
<tr><td>Weighted average grant-date fair value per share</td><td>$ 183.72</td>
    <td>$ 190.69</td></tr>
</table>
<p>(In millions)</p>
<table>
<tr><td></td><td>Effective Interest Rate</td><td>January 29, 2023</td>
    <td>January 30, 2022</td></tr>
<tr><td>0.584% Notes Due 2024</td><td>0.66%</td><td>1,250</td><td>1,250</td></tr>
<tr><td>1.550% Notes Due 2028</td><td>1.64%</td><td>1,250</td><td>1,250</td></tr>
<tr><td>Common stock, $0.001 par value; 2,466 shares issued as of January 29, 2023;
    2,506 shares issued as of January 30, 2022</td><td>2</td><td>3</td></tr>
</table>
</body></html>"""
    doc = read_text(html, "10k.htm")
    by = _by_label(doc)
    fy23 = Period(date(2023, 1, 29), date(2022, 1, 31))
    assert [(f.value, f.unit, f.period) for f in by["Volatility"][:2]] == [
        (Decimal(43), "%", fy23), (Decimal(72), "%", fy23)]
    total = by["Estimated total grant-date fair value"][0]
    assert (total.value, total.unit) == (Decimal(4505000000), "USD")
    assert by["Weighted average grant-date fair value per share"][0].unit == "USD/share"
    rate = by["0.584% Notes Due 2024"][0]
    assert (rate.printed, rate.period) == ("0.66%", Period.instant(date(2023, 1, 29)))
    issued = [f for f in doc.facts if f.printed.endswith("shares")]
    assert [(f.value, f.period) for f in issued] == [
        (Decimal(2466000000), Period.instant(date(2023, 1, 29))),
        (Decimal(2506000000), Period.instant(date(2022, 1, 30)))]


def test_a_table_continued_over_a_page_break_under_the_running_header_keeps_its_periods():
    # Hand-made after a 2020 bank release: the page's running header ("EXAMPLE BANK /
    # PRESS RELEASE") stands over both parts; the second part has no header of its own,
    # as many columns, and continues the first one's periods and scale
    html = """<html><body>
<p>EXAMPLE BANK</p><p>PRESS RELEASE - 04/29/2020</p>
<p>SELECTED FINANCIAL HIGHLIGHTS</p><p>(Dollars in thousands)</p>
<table>
<tr><td></td><td>Three months ended March 31, 2020</td>
    <td>Three months ended March 31, 2019</td></tr>
<tr><td>Net interest income</td><td>32,418</td><td>31,200</td></tr>
<tr><td>Net income</td><td>10,140</td><td>9,873</td></tr>
</table>
<p>&#160;</p><hr style="page-break-after:always"/>
<p>EXAMPLE BANK</p><p>PRESS RELEASE - 04/29/2020</p>
<table>
<tr><td>Noninterest income</td><td>5,012</td><td>4,877</td></tr>
<tr><td>Noninterest expense</td><td>20,311</td><td>19,950</td></tr>
</table>
</body></html>"""
    doc = read_text(html, "release.htm")
    expense = _by_label(doc)["Noninterest expense"]
    assert [(f.value, f.period) for f in expense] == [
        (Decimal(20311000), Period(date(2020, 3, 31), date(2020, 1, 1))),
        (Decimal(19950000), Period(date(2019, 3, 31), date(2019, 1, 1)))]


def test_a_column_s_own_year_is_the_one_nearest_its_figures():
    # After a 2020 trucking release (hand-made): a cell spanning both columns says "For
    # the Quarters Ended March 31, 2020 and 2019"; each column names its own year below
    html = """<html><body><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p>
<p>(Amounts in thousands)</p>
<table>
<tr><td></td><td colspan="2">For the Quarters Ended March 31, 2020 and 2019</td></tr>
<tr><td></td><td>First Quarter 2020</td><td>First Quarter 2019</td></tr>
<tr><td>Income before income taxes</td><td>36,827</td><td>27,582</td></tr>
</table></body></html>"""
    doc = read_text(html, "release.htm")
    income = _by_label(doc)["Income before income taxes"]
    assert [(f.value, f.period) for f in income] == [
        (Decimal(36827000), Period(date(2020, 3, 31), date(2020, 1, 1))),
        (Decimal(27582000), Period(date(2019, 3, 31), date(2019, 1, 1)))]


def test_a_bank_s_margins_and_ratios_of_balances_are_percentages_without_a_sign():
    # Hand-made after 2020 bank releases: ratios printed without "%" in a table of
    # thousands; an amount lent to someone stays dollars
    html = """<html><body><p>SELECTED RATIOS</p><p>(Dollars in thousands)</p>
<table>
<tr><td></td><td>Three Months Ended March 31, 2020</td>
    <td>Three Months Ended March 31, 2019</td></tr>
<tr><td>Net interest margin</td><td>4.18</td><td>4.14</td></tr>
<tr><td>Tier 1 capital to average assets</td><td>9.49</td><td>9.12</td></tr>
<tr><td>Loans to customers</td><td>1,204</td><td>1,150</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "release.htm"))
    assert [(f.unit, f.value) for f in by["Net interest margin"]] == [
        ("%", Decimal("4.18")), ("%", Decimal("4.14"))]
    assert by["Tier 1 capital to average assets"][0].unit == "%"
    assert [(f.unit, f.value) for f in by["Loans to customers"]] == [
        ("USD", Decimal(1204000)), ("USD", Decimal(1150000))]


def test_a_sentence_of_a_linked_quarter_above_a_table_dates_none_of_its_columns():
    # Hand-made after a 2020 bank release: the bullet above the loan table speaks of a
    # "linked quarter" and of ratios "at March 31, 2020"; the columns, dates alone, are
    # balances at those dates, and the change columns between them are of no period
    html = """<html><body>
<p>Net interest margin increased four basis points to 4.18%, on a linked quarter basis;
ratios were 10.84% at March 31, 2020.</p>
<table>
<tr><td></td><td>March 31,</td><td>December 31,</td><td colspan="2">Increase/(Decrease)</td></tr>
<tr><td>(dollars in thousands)</td><td>2020</td><td>2019</td><td>Amount</td><td>Percent</td></tr>
<tr><td>Total other loans</td><td>241,506</td><td>230,305</td><td>11,201</td><td>5</td></tr>
</table></body></html>"""
    loans = _by_label(read_text(html, "release.htm"))["Total other loans"]
    assert [(f.value, f.period) for f in loans[:3]] == [
        (Decimal(241506000), Period.instant(date(2020, 3, 31))),
        (Decimal(230305000), Period.instant(date(2019, 12, 31))),
        (Decimal(11201000), None)]


def test_year_ranges_head_columns_changes_stay_undated_and_a_bad_day_is_no_date():
    # Hand-made edge cases: a header of year ranges ("2019-2020") is a header, not a row
    # of figures; an "Inc/(Dec)" column right of two year ends is a change, of no date;
    # a label naming an impossible day ("June 31, 2023") dates nothing and breaks nothing
    html = """<html><body><p>BALANCES (in millions)</p>
<table>
<tr><td></td><td>2019-2020</td><td>2018-2019</td></tr>
<tr><td>Enrolment fees</td><td>1,204</td><td>1,150</td></tr>
</table>
<p>BALANCE SHEETS (in thousands)</p>
<table>
<tr><td></td><td>December 31, 2007</td><td>December 31, 2006</td><td>Inc/(Dec)</td></tr>
<tr><td>Retained earnings</td><td>5,000</td><td>6,000</td><td>(1,000)</td></tr>
<tr><td>Common stock, 2,466 shares issued as of June 31, 2023</td><td>2</td><td>3</td>
    <td>(1)</td></tr>
</table></body></html>"""
    doc = read_text(html, "x.htm")
    by = _by_label(doc)
    assert [f.value for f in by["Enrolment fees"]] == [Decimal(1204000000),
                                                       Decimal(1150000000)]
    assert not [f for f in doc.facts if f.printed.startswith("20")]  # no year as a figure
    assert [f.period for f in by["Retained earnings"]][2] is None
    issued = [f for f in doc.facts if f.printed == "2,466 shares"]
    assert [f.period for f in issued] == [None]


def test_a_sentence_across_the_table_naming_its_period_dates_a_column_that_does_not():
    # After a 2020 reconciliation (hand-made): the title rows are cells across the whole
    # table; one says "for the quarter ended March 31, 2020"; the one column says only
    # "First Quarter"
    html = """<html><body><table>
<tr><td colspan="2">Example Electric plc</td></tr>
<tr><td colspan="2">Reconciliation of GAAP to non-GAAP financial measures for the quarter
 ended March 31, 2020</td></tr>
<tr><td>In millions, except per-share data</td><td>First Quarter</td></tr>
<tr><td>Net sales</td><td>520.9</td></tr>
<tr><td>Operating income</td><td>60.3</td></tr>
</table></body></html>"""
    sales = _by_label(read_text(html, "x.htm"))["Net sales"]
    assert [(f.value, f.period) for f in sales] == [
        (Decimal("520900000"), Period(date(2020, 3, 31), date(2020, 1, 1)))]


PERCENT_HEADS = """<html><body>
<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p>
<table>
<tr><td>(In millions)</td><td colspan="3">13 Weeks Ended</td><td></td>
    <td colspan="3">13 Weeks Ended</td><td></td><td colspan="2">Reported</td><td></td>
    <td colspan="2">Restated</td></tr>
<tr><td></td><td colspan="3">Mar 28, 2020</td><td></td><td colspan="3">Mar 30, 2019</td>
    <td></td><td colspan="2">%</td><td></td><td colspan="2">%</td></tr>
<tr><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td>
    <td colspan="2">Inc (Dec)</td><td></td><td colspan="2">Inc (Dec)</td></tr>
<tr><td>Europe</td><td>$</td><td>105.7</td><td></td><td></td><td>$</td><td>138.6</td><td></td>
    <td></td><td>(24</td><td>)</td><td></td><td>(19</td><td>)</td></tr>
<tr><td>Asia Pacific</td><td></td><td>120.4</td><td></td><td></td><td></td><td>156.1</td><td></td>
    <td></td><td>(23</td><td>)</td><td></td><td>(20</td><td>)</td></tr>
</table>
</body></html>
"""


def test_a_percent_sign_alone_in_a_header_cell_heads_its_own_column():
    # "Mar 30, 2019" | "%" | "%": each "%" heads the change column under it, not the date
    # on its left; checked by hand: 156.1 is $156.1 million of 2019, (23) a change in %
    doc = read_text(PERCENT_HEADS, "release.htm")
    got = {(f.label, f.printed): (f.value, f.unit) for f in doc.facts}
    assert got[("Asia Pacific", "156.1")] == (Decimal("156100000.0"), "USD")
    assert got[("Asia Pacific", "(23)")] == (Decimal(-23), "%")
    assert got[("Europe", "(19)")] == (Decimal(-19), "%")


SHIFTED_HEADER = """<html><body>
<p>Major Segments ($ Millions)</p>
<table>
<tr><td rowspan="2">Major Segments</td><td colspan="3">Net Revenues</td></tr>
<tr><td></td><td>Q1 2020</td><td>Q1 2019</td><td>% Change</td></tr>
<tr><td>U.S. and Canada</td><td>$428.6</td><td>$357.9</td><td>20%</td></tr>
<tr><td>International</td><td>$250.4</td><td>$282.6</td><td>-11%</td></tr>
</table>
</body></html>
"""


def test_a_header_row_pushed_right_of_the_figures_names_them_in_order():
    # the rowspan pushes the second header row one column right of the figures (its
    # cells add up to five columns, the rows of figures' to four): its three headers name
    # the three columns of figures in order; checked by hand: 357.9 is Q1 2019's
    doc = read_text(SHIFTED_HEADER, "release.htm")
    got = {(f.label, f.printed): f for f in doc.facts}
    assert got[("U.S. and Canada", "428.6")].period == Period.quarter(2020, 1)
    assert got[("U.S. and Canada", "357.9")].period == Period.quarter(2019, 1)
    assert got[("International", "-11%")].unit == "%"


NESTED_HEADINGS = """<html><body>
<p>SELECTED FINANCIAL DATA (In thousands, except per share data)</p>
<table>
<tr><td></td><td colspan="2">Three Months Ended March 31,</td></tr>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Net income</td><td>$56,057</td><td>$38,821</td></tr>
<tr><td>Per Common Share Data:</td><td></td><td></td></tr>
<tr><td>Net income:</td><td></td><td></td></tr>
<tr><td>Basic</td><td>$0.92</td><td>$0.63</td></tr>
<tr><td>Diluted</td><td>0.91</td><td>0.63</td></tr>
<tr><td>Book value</td><td>$19.77</td><td>$16.88</td></tr>
</table>
</body></html>
"""


def test_a_heading_under_another_keeps_the_outer_one_s_unit_and_names_both():
    # "Per Common Share Data:" over "Net income:" over "Basic": dollars per share, not
    # thousands of dollars; checked by hand against the table's own note
    doc = read_text(NESTED_HEADINGS, "release.htm")
    got = {(f.label, f.printed): f for f in doc.facts}
    basic = got[("Basic", "0.92")]
    assert (basic.value, basic.unit) == (Decimal("0.92"), "USD/share")
    assert basic.heading == "Per Common Share Data: / Net income:"
    assert got[("Book value", "19.77")].unit == "USD/share"
    assert got[("Net income", "56,057")].value == Decimal(56_057_000)


HEADED_BLOCKS = """<html><body>
<p>SELECTED DATA (In thousands, except share and per share data)</p>
<table>
<tr><td></td><td>March 31, 2020</td><td>March 31, 2019</td></tr>
<tr><td>Weighted average common shares outstanding</td><td></td><td></td></tr>
<tr><td style="padding-left:6pt">Basic</td><td>126,630,446</td><td>127,953,742</td></tr>
<tr><td style="padding-left:6pt">Diluted</td><td>126,630,446</td><td>128,003,089</td></tr>
<tr><td>Adjusted diluted earnings per share</td><td></td><td></td></tr>
<tr><td style="padding-left:6pt">Net income allocated to common stock</td><td>51,248</td>
    <td>43,849</td></tr>
<tr><td style="padding-left:6pt">Adjusted diluted earnings per share</td><td>0.41</td>
    <td>0.34</td></tr>
<tr><td>Losses and loss adjustment expense ratio</td><td></td><td></td></tr>
<tr><td style="padding-left:6pt">Current accident year</td><td>59.3</td><td>58.4</td></tr>
</table>
</body></html>
"""


def test_a_heading_row_of_an_html_table_heads_the_rows_under_it():
    # each row of an HTML table holds its whole label: "Weighted average common shares
    # outstanding" is the heading of "Basic" and "Diluted" (share counts), not the first
    # words of "Basic"; whole numbers under a per-share heading are the amounts its figure
    # is worked out from (thousands of dollars); figures under a ratio heading, ratios
    doc = read_text(HEADED_BLOCKS, "release.htm")
    got = {(f.label, f.printed): f for f in doc.facts}
    diluted = got[("Diluted", "126,630,446")]
    assert (diluted.value, diluted.unit) == (Decimal(126_630_446), "shares")
    assert diluted.heading == "Weighted average common shares outstanding"
    income = got[("Net income allocated to common stock", "51,248")]
    assert (income.value, income.unit) == (Decimal(51_248_000), "USD")
    assert got[("Adjusted diluted earnings per share", "0.41")].unit == "USD/share"
    ratio = got[("Current accident year", "59.3")]
    assert (ratio.value, ratio.unit) == (Decimal("59.3"), "ratio")


HEADING_CLOSED = """<html><body>
<p>BALANCE SHEETS (In thousands)</p>
<table>
<tr><td></td><td>March 31, 2020</td></tr>
<tr><td>Current assets:</td><td></td></tr>
<tr><td>Cash</td><td>1,000</td></tr>
<tr><td>Receivables</td><td>2,000</td></tr>
<tr><td>Total current assets</td><td>3,000</td></tr>
<tr><td>Property and equipment, net</td><td>4,000</td></tr>
<tr><td>Total assets</td><td>7,000</td></tr>
</table>
</body></html>
"""


def test_a_heading_s_total_closes_it():
    # "Total current assets" ends the rows of "Current assets:": property and equipment
    # is no current asset
    doc = read_text(HEADING_CLOSED, "release.htm")
    got = {f.label: f.heading for f in doc.facts}
    assert got["Receivables"] == "Current assets:"
    assert got["Total current assets"] == "Current assets:"
    assert got["Property and equipment, net"] is None


GUIDANCE_RANGES = """<html><body>
<p>SECOND QUARTER 2020 GUIDANCE (in millions)</p>
<table>
<tr><td></td><td>Non-GAAP Guidance</td><td>Growth</td></tr>
<tr><td>Subscription revenues</td><td>$1,050</td><td>32%</td></tr>
<tr><td>Subscription billings</td><td>$960 - $980</td><td>18% - 20%</td></tr>
</table>
</body></html>
"""


def test_a_range_in_a_cell_gives_both_ends_named():
    # "18% - 20%": two facts, the low and the high end of the growth; "$960 - $980" the
    # guidance's, of the quarter the title names
    doc = read_text(GUIDANCE_RANGES, "release.htm")
    got = {(f.printed, f.dim("bound")): f for f in doc.facts}
    assert got[("18%", "low")].value == Decimal(18)
    assert got[("20%", "high")].value == Decimal(20)
    high = got[("$980", "high")]
    assert (high.value, high.period) == (Decimal(980_000_000), Period.quarter(2020, 2))


def test_a_title_naming_one_period_dates_columns_that_name_none():
    # "Second Quarter 2020 Guidance" over "Non-GAAP Guidance | Growth": the guidance is
    # of the second quarter of 2020; the growth, a change, is of no one period
    html = GUIDANCE_RANGES.replace("SECOND QUARTER 2020 GUIDANCE (in millions)",
                                   "Second Quarter 2020 Guidance (in millions)")
    doc = read_text(html, "release.htm")
    got = {(f.label, f.printed): f.period for f in doc.facts}
    assert got[("Subscription revenues", "1,050")] == Period.quarter(2020, 2)
    assert got[("Subscription revenues", "32%")] is None


def test_periods_over_a_repeated_sub_header_with_colspans_out_of_line():
    # Shaped after a bank's credit-quality table (checked by hand against it): each date
    # spans 15 columns and its fillers 3, so the dates' colspans run past the figures'
    # columns; the sub-header under them repeats "Originated | Total" once per date, in
    # line with the figures. Each date heads its run.
    fill = '<td colspan="3"></td>'
    html = f"""<html><body><p>(dollars in thousands)</p><table>
<tr>{fill}{fill}<td colspan="15">March 31, 2020</td>{fill}{fill}{fill}<td colspan="15">
December 31, 2019</td>{fill}{fill}{fill}</tr>
<tr><td colspan="3"></td>{fill}<td colspan="3">Originated</td>{fill}<td colspan="3">Total</td>
{fill}<td colspan="3">Originated</td>{fill}<td colspan="3">Total</td></tr>
<tr><td colspan="3">Nonaccrual loans</td>{fill}<td colspan="3">15,235</td>{fill}
<td colspan="3">26,921</td>{fill}<td colspan="3">14,628</td>{fill}<td colspan="3">24,386</td></tr>
<tr><td colspan="3">Restructured loans</td>{fill}<td colspan="3">1,100</td>{fill}
<td colspan="3">2,200</td>{fill}<td colspan="3">1,300</td>{fill}<td colspan="3">2,400</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "credit.htm"))
    assert [(f.value, str(f.period), dict(f.dims)) for f in by["Nonaccrual loans"]] == [
        (Decimal(15_235_000), "2020-03-31", {"member": "Originated"}),
        (Decimal(26_921_000), "2020-03-31", {"member": "Total"}),
        (Decimal(14_628_000), "2019-12-31", {"member": "Originated"}),
        (Decimal(24_386_000), "2019-12-31", {"member": "Total"})]


def test_an_unlabelled_row_summing_every_row_above_is_the_total():
    # Shaped after a segment table (checked by hand: 579.7 + 419.0 + 1,107.2 + 1.4 =
    # 2,107.3; the subtotal 998.7 is not counted twice); the last row prints no words.
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Access Equipment</td><td></td><td></td></tr>
<tr><td>Aerial work platforms</td><td>$ 579.7</td><td>$ 801.2</td></tr>
<tr><td>Telehandlers</td><td>419.0</td><td>589.0</td></tr>
<tr><td>Total access equipment</td><td>998.7</td><td>1,390.2</td></tr>
<tr><td>Defense</td><td>1,107.2</td><td>950.0</td></tr>
<tr><td>Corporate</td><td>1.4</td><td>0.6</td></tr>
<tr><td></td><td>$ 2,107.3</td><td>$ 2,340.8</td></tr>
</table></body></html>"""
    doc = read_text(html, "segments.htm")
    assert [(f.label, f.value) for f in doc.facts if f.value > 2_000_000_000] == [
        ("Total", Decimal("2107300000")), ("Total", Decimal("2340800000"))]


def test_an_unlabelled_row_that_sums_nothing_above_keeps_no_words():
    # the same table with a last row that is no sum (2,000.0 is not 2,107.3): no label is
    # made up for it
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Defense</td><td>1,107.2</td><td>950.0</td></tr>
<tr><td>Corporate</td><td>1.4</td><td>0.6</td></tr>
<tr><td></td><td>$ 2,000.0</td><td>$ 950.6</td></tr>
</table></body></html>"""
    doc = read_text(html, "segments.htm")
    assert [f.label for f in doc.facts if f.value == Decimal("2000000000")] == [""]


def test_an_exhibit_index_and_a_list_of_footnotes_hold_no_facts():
    # "1.1 | Underwriting Agreement" and "(1) | Represents ...": numbered lists, whose
    # numbers are no amounts (before, 710 such numbers in the corpus were facts with no
    # label); a table of figures beside them is read as ever
    html = """<html><body><table>
<tr><td>Exhibit Number</td><td></td><td>Description</td></tr>
<tr><td>1.1</td><td></td><td>Underwriting Agreement, dated June 1, 2017</td></tr>
<tr><td>4.1</td><td></td><td>Base Indenture, dated June 1, 2017</td></tr>
<tr><td>2</td><td>.1</td><td>Stock Purchase Agreement</td></tr>
</table>
<table><tr><td>(1)</td><td>Represents accounting adjustments.</td></tr>
<tr><td>(2)</td><td>Foreign exchange gains and losses.</td></tr></table>
<table><tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Revenue</td><td>1,100</td><td>1,000</td></tr></table>
</body></html>"""
    doc = read_text(html, "exhibits.htm")
    assert [(f.label, f.value) for f in doc.facts] == [
        ("Revenue", Decimal(1100)), ("Revenue", Decimal(1000))]


def test_tables_whose_figures_are_no_facts_are_reported_with_their_place():
    # nothing dropped silently: an exhibit index and a table of one figure (a cover
    # page's zip code) are read as no table of facts, and the diagnostics say which
    # tables and why; a table of words alone prints no figure and is not reported
    html = """<html><body><table>
<tr><td>1.1</td><td></td><td>Underwriting Agreement, dated June 1, 2017</td></tr>
<tr><td>4.1</td><td></td><td>Base Indenture, dated June 1, 2017</td></tr>
</table>
<table><tr><td>Words only</td></tr></table>
<table><tr><td>Denver, Colorado</td><td>80202</td></tr></table>
<table><tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Revenue</td><td>1,100</td><td>1,000</td></tr></table>
</body></html>"""
    doc = read_text(html, "cover.htm")
    skipped = [(d.location.selector, d.severity, d.message) for d in doc.diagnostics
               if d.code == "table-not-read"]
    assert skipped == [
        ("table[1]", "info", "a numbered list (an exhibit index, a list of notes): its 2 "
                             "numbers number its entries, no facts"),
        ("table[3]", "info", "one figure alone ('80202'): read as no table of facts")]
    assert len(doc.facts) == 2


def test_a_year_in_the_stub_names_its_row_and_is_no_figure():
    # Shaped after a REIT's quarterly table (checked by hand): "Rental income" over rows
    # "2020" and "2019", the quarters' month ends over the columns; before, each year was
    # read as a figure in a column of its own and no quarter was dated
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td colspan="4">For the Three Months Ended</td></tr>
<tr><td></td><td>March 31</td><td>June 30</td><td>September 30</td><td>December 31</td></tr>
<tr><td>Rental income</td><td></td><td></td><td></td><td></td></tr>
<tr><td>2020</td><td>$ 97,972</td><td></td><td></td><td></td></tr>
<tr><td>2019</td><td>$ 94,813</td><td>$ 95,016</td><td>$ 95,358</td><td>$ 97,636</td></tr>
</table></body></html>"""
    doc = read_text(html, "reit.htm")
    assert [(f.label, f.heading, f.value, str(f.period)) for f in doc.facts] == [
        ("2020", "Rental income", Decimal(97_972_000), "2020Q1"),
        ("2019", "Rental income", Decimal(94_813_000), "2019Q1"),
        ("2019", "Rental income", Decimal(95_016_000), "2019Q2"),
        ("2019", "Rental income", Decimal(95_358_000), "2019Q3"),
        ("2019", "Rental income", Decimal(97_636_000), "2019Q4")]


def test_header_rows_that_print_their_stub_cell_under_a_stub_rowspan():
    # Shaped after a release's segment table (checked by hand): the stub cell "Major
    # Segments" has rowspan=3, yet the rows under it print their own stub cell, so their
    # cells fill the table by themselves and stand from its first column, as drawn (the
    # first change column prints no header of its own)
    html = """<html><body><table>
<tr><td rowspan="3">Major Segments</td><td colspan="3">Net Revenues</td>
<td colspan="3">Operating Profit</td></tr>
<tr><td></td><td colspan="3">($ Millions)</td><td colspan="3">($ Millions)</td></tr>
<tr><td></td><td>Q1 2020</td><td>Q1 2019</td><td></td><td>Q1 2020</td><td>Q1 2019</td>
<td>% Change</td></tr>
<tr><td>International</td><td>$250.4</td><td>$282.6</td><td>-11%</td><td>$(26.7)</td>
<td>$(30.4)</td><td>12%</td></tr>
</table></body></html>"""
    facts = read_text(html, "segments.htm").facts
    assert [(f.value, str(f.period)) for f in facts] == [
        (Decimal("250400000"), "2020Q1"), (Decimal("282600000"), "2019Q1"),
        (Decimal("-11"), "None"),
        (Decimal("-26700000"), "2020Q1"), (Decimal("-30400000"), "2019Q1"),
        (Decimal("12"), "None")]
    assert [dict(f.dims).get("member", "").split()[:2] for f in facts] == [
        ["Net", "Revenues"], ["Net", "Revenues"], [],
        ["Operating", "Profit"], ["Operating", "Profit"], ["Operating", "Profit"]]


def test_ordinal_quarters_under_the_year_they_make_up():
    # "First Quarter" ... "Fourth Quarter" under a title "for the year ended December 31,
    # 2019" across the table (a reconciliation by quarter, read by hand): each is that
    # year's quarter, not the three months ended on the year's last day
    html = """<html><body><table>
<tr><td colspan="6">Reconciliation for the year ended December 31, 2019</td></tr>
<tr><td>In millions</td><td>First Quarter</td><td>Second Quarter</td><td>Third Quarter</td>
<td>Fourth Quarter</td><td>Full Year</td></tr>
<tr><td>Net sales</td><td>538.0</td><td>539.5</td><td>559.8</td><td>566.7</td><td>2,204.0</td></tr>
</table></body></html>"""
    facts = read_text(html, "quarters.htm").facts
    assert [str(f.period) for f in facts] == ["2019Q1", "2019Q2", "2019Q3", "2019Q4", "2019FY"]


def test_a_heading_parted_from_its_rows_and_its_total_by_blank_rows():
    # Shaped after a driller's operating statistics (checked by hand): "Rig Utilization"
    # over a blank row, its rows, another blank row, then "Total": each row, the total
    # too, stands under the heading
    html = """<html><body><table>
<tr><td></td><td>First Quarter 2020</td><td>Fourth Quarter 2019</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>Rig Utilization(1)</td><td></td><td></td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>Floaters</td><td>38%</td><td>43%</td></tr>
<tr><td>Jackups</td><td>61%</td><td>68%</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>Total</td><td>59%</td><td>60%</td></tr>
</table></body></html>"""
    facts = read_text(html, "rigs.htm").facts
    assert [(f.label, f.heading, f.value, str(f.period)) for f in facts if f.label == "Total"] == [
        ("Total", "Rig Utilization", Decimal(59), "2020Q1"),
        ("Total", "Rig Utilization", Decimal(60), "2019Q4")]
    assert {f.heading for f in facts} == {"Rig Utilization"}


def test_a_bold_row_of_figures_heads_the_plain_rows_that_add_up_to_it():
    # Shaped after an ad-tech release's supplemental table (checked by hand: 212.8 +
    # 201.1 + 123.3 = 537.2 and 211.2 + 195.2 + 122.4 = 528.8, within rounding): "Revenue"
    # in bold over "Americas", "EMEA", "APAC" in plain type, then "TAC" over its own; a
    # percent change column adds up to nothing and is left out of the check
    b = '<td style="font-weight:700">'
    html = f"""<html><body><p>(in millions)</p><table>
<tr><td></td><td>Q1 2020</td><td>Q1 2019</td><td>YoY Change</td></tr>
<tr>{b}Revenue</td><td>537.2</td><td>528.8</td><td>2%</td></tr>
<tr><td>Americas</td><td>212.8</td><td>211.2</td><td>1%</td></tr>
<tr><td>EMEA</td><td>201.1</td><td>195.2</td><td>3%</td></tr>
<tr><td>APAC</td><td>123.3</td><td>122.4</td><td>1%</td></tr>
<tr>{b}TAC</td><td>(307.0)</td><td>(305.4)</td><td>1%</td></tr>
<tr><td>Americas</td><td>(125.5)</td><td>(126.4)</td><td>(1)%</td></tr>
<tr><td>EMEA</td><td>(181.5)</td><td>(179.0)</td><td>1%</td></tr>
</table></body></html>"""
    facts = read_text(html, "regions.htm").facts
    assert [(f.label, f.heading) for f in facts if f.period and f.period.end.year == 2020] == [
        ("Revenue", None), ("Americas", "Revenue"), ("EMEA", "Revenue"), ("APAC", "Revenue"),
        ("TAC", None), ("Americas", "TAC"), ("EMEA", "TAC")]


def test_rows_that_follow_from_a_bold_row_are_not_its_parts():
    # "Net interest income" = "Provision for loan losses" + "Net interest income after
    # provision" as printed, yet the second follows from it: no heading is made
    b = '<td style="font-weight:700">'
    html = f"""<html><body><p>(in thousands)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr>{b}Net interest income</td><td>20,000</td><td>18,000</td></tr>
<tr><td>Provision for loan losses</td><td>2,000</td><td>1,000</td></tr>
<tr><td>Net interest income after provision for loan losses</td><td>18,000</td>
<td>17,000</td></tr>
</table></body></html>"""
    facts = read_text(html, "bank.htm").facts
    assert {f.heading for f in facts} == {None}


def test_dates_over_repeated_runs_and_a_last_header_over_the_changes():
    # Shaped after a bank's non-interest expense table (checked by hand): each date's
    # colspan (15) runs past its columns; under them "Actual | Adjusted" twice, then
    # "Amount Change" under a last cell of its own. Each date heads its run
    fill = '<td colspan="3"></td>'
    html = f"""<html><body><p>(in thousands)</p><table>
<tr>{fill}<td colspan="15">March 31, 2020</td>{fill}{fill}<td colspan="15">March 31, 2019
</td>{fill}<td colspan="9">Adjusted</td>{fill}</tr>
<tr><td colspan="3">Non-interest Expense</td><td colspan="3">Actual</td>{fill}
<td colspan="3">Adjusted</td>{fill}<td colspan="3">Actual</td>{fill}<td colspan="3">Adjusted
</td>{fill}<td colspan="3">Amount Change</td></tr>
<tr><td colspan="3">Total non-interest expense</td><td colspan="3">29,738</td>{fill}
<td colspan="3">25,620</td>{fill}<td colspan="3">24,000</td>{fill}<td colspan="3">23,500</td>
{fill}<td colspan="3">2,120</td></tr>
</table></body></html>"""
    facts = read_text(html, "expense.htm").facts
    assert [(f.value, str(f.period), dict(f.dims).get("member")) for f in facts] == [
        (Decimal(29_738_000), "2020-03-31", "Actual"),
        (Decimal(25_620_000), "2020-03-31", "Adjusted"),
        (Decimal(24_000_000), "2019-03-31", "Actual"),
        (Decimal(23_500_000), "2019-03-31", "Adjusted"),
        (Decimal(2_120_000), "None", "Adjusted Amount Change")]


def test_amounts_in_cents_under_a_caption_of_amounts_per_share():
    # An energy release's "Per Share Amounts" (checked by hand: 3.17 = 978,763 /
    # 308,788 thousand shares), its scale note "(in thousands)" set above: figures in
    # cents under such a caption are dollars per share, not thousands of dollars
    html = """<html><body><p>The following tables reconcile net income (in thousands):</p>
<p>Per Share Amounts</p><table>
<tr><td></td><td>2019</td><td>2020</td></tr>
<tr><td>Net income (loss) attributable to the company</td><td>$ 3.17</td><td>(1.19)</td></tr>
<tr><td>Equity-based compensation</td><td>0.02</td><td>0.01</td></tr>
</table></body></html>"""
    facts = read_text(html, "pershare.htm").facts
    assert [(f.value, f.unit) for f in facts] == [
        (Decimal("3.17"), "USD/share"), (Decimal("-1.19"), "USD/share"),
        (Decimal("0.02"), "USD/share"), (Decimal("0.01"), "USD/share")]


def test_a_roll_forward_under_its_heading_ends_with_its_balance_past_a_spacer_row():
    # An aluminium maker's changes in accumulated other comprehensive loss (checked by
    # hand): each component's heading over its balance at the beginning, its movement, a
    # spacer row, then its balance at the end, all set as deep as the heading
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td>2018</td><td>2017</td></tr>
<tr><td>Foreign currency translation</td><td></td><td></td></tr>
<tr><td>Balance at beginning of period</td><td>(1,466)</td><td>(1,416)</td></tr>
<tr><td>Other comprehensive (loss)</td><td>(445)</td><td>(99)</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>Balance at end of period</td><td>(1,911)</td><td>(1,515)</td></tr>
</table></body></html>"""
    facts = read_text(html, "aoci.htm").facts
    assert {f.heading for f in facts} == {"Foreign currency translation"}


def test_headings_inside_a_roll_forward_stand_under_its_component():
    # An aluminium maker's changes in accumulated other comprehensive loss (checked by
    # hand): "Pension ..." opens with its balance at the beginning, then a heading of its
    # own ("Other comprehensive income:") over movements, then the balance at the end;
    # every row stands under the component, as "Tax benefit" does under each of two
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td>2018</td><td>2017</td></tr>
<tr><td>Pension and other postretirement benefits</td><td></td><td></td></tr>
<tr><td>Balance at beginning of period</td><td>(2,685)</td><td>(2,286)</td></tr>
<tr><td>Other comprehensive income:</td><td></td><td></td></tr>
<tr><td style="padding-left:20pt">Unrecognized net actuarial loss</td><td>1</td><td>53</td></tr>
<tr><td style="padding-left:20pt">Tax benefit</td><td>6</td><td>2</td></tr>
<tr><td>Balance at end of period</td><td>(2,678)</td><td>(2,231)</td></tr>
<tr><td>Cash flow hedges</td><td></td><td></td></tr>
<tr><td>Balance at beginning of period</td><td>(379)</td><td>(98)</td></tr>
<tr><td>Other comprehensive loss:</td><td></td><td></td></tr>
<tr><td style="padding-left:20pt">Tax benefit</td><td>31</td><td>19</td></tr>
<tr><td>Balance at end of period</td><td>(348)</td><td>(79)</td></tr>
</table></body></html>"""
    facts = read_text(html, "aoci.htm").facts[::2]  # (the first column's)
    assert [(f.label, f.heading) for f in facts] == [
        ("Balance at beginning of period", "Pension and other postretirement benefits"),
        ("Unrecognized net actuarial loss",
         "Pension and other postretirement benefits / Other comprehensive income:"),
        ("Tax benefit",
         "Pension and other postretirement benefits / Other comprehensive income:"),
        ("Balance at end of period", "Pension and other postretirement benefits"),
        ("Balance at beginning of period", "Cash flow hedges"),
        ("Tax benefit", "Cash flow hedges / Other comprehensive loss:"),
        ("Balance at end of period", "Cash flow hedges")]


def test_a_stub_rowspan_beside_a_header_row_wider_than_the_table():
    # As the release draws it (checked by hand): the measures' cells span four columns
    # each over three, so the widest row is no measure of the table; the rows under the
    # stub's rowspan print their stub cell and fill the width the rows of figures fill
    html = """<html><body><table>
<tr><td rowspan="3">Major Segments</td><td colspan="4">Net Revenues</td>
<td colspan="4">Operating Profit</td></tr>
<tr><td></td><td colspan="3">($ Millions)</td><td colspan="3">($ Millions)</td></tr>
<tr><td></td><td>Q1 2020</td><td>Q1 2019</td><td></td><td>Q1 2020</td><td>Q1 2019</td>
<td>% Change</td></tr>
<tr><td>International</td><td>$250.4</td><td>$282.6</td><td>-11%</td><td>$(26.7)</td>
<td>$(30.4)</td><td>12%</td></tr>
<tr><td>Entertainment</td><td>$84.0</td><td>$92.0</td><td>-9%</td><td>$5.2</td>
<td>$30.0</td><td>-83%</td></tr>
</table></body></html>"""
    facts = [f for f in read_text(html, "segments.htm").facts
             if f.unit == "USD" and f.label == "International"]
    assert [(f.value, str(f.period), dict(f.dims)) for f in facts] == [
        (Decimal("250400000"), "2020Q1", {"member": "Net Revenues"}),
        (Decimal("282600000"), "2019Q1", {"member": "Net Revenues"}),
        (Decimal("-26700000"), "2020Q1", {"member": "Operating Profit"}),
        (Decimal("-30400000"), "2019Q1", {"member": "Operating Profit"})]


def test_rows_under_a_label_that_spans_them_keep_their_columns():
    # "North" spans three rows; the rows under it print no cell of their own there, and
    # their figures stand in the dated columns (a review's case, worked out by hand)
    html = """<html><body><table>
<tr><td></td><td></td><td>2020</td><td>2019</td></tr>
<tr><td rowspan="3">North</td><td>Sales</td><td>100</td><td>90</td></tr>
<tr><td>Costs</td><td>60</td><td>50</td></tr>
<tr><td>Profit</td><td>40</td><td>40</td></tr>
<tr><td rowspan="3">South</td><td>Sales</td><td>200</td><td>190</td></tr>
<tr><td>Costs</td><td>160</td><td>150</td></tr>
<tr><td>Profit</td><td>40</td><td>40</td></tr>
</table></body></html>"""
    facts = read_text(html, "regions.htm").facts[:6]  # (North's)
    assert [(f.value, str(f.period)) for f in facts if f.label == "Costs"] == [
        (Decimal(60), "2020FY"), (Decimal(50), "2019FY")]


def test_a_list_of_amounts_and_their_uses_is_no_numbered_list():
    # "$ 5,000,000 | Working capital": amounts, not the numbers of a list
    html = """<html><body><table>
<tr><td>$ 5,000,000</td><td>Working capital</td></tr>
<tr><td>$ 2,500,000</td><td>Repayment of debt</td></tr>
</table></body></html>"""
    assert [f.value for f in read_text(html, "proceeds.htm").facts] == [
        Decimal(5_000_000), Decimal(2_500_000)]


def test_rows_that_add_up_to_a_bold_row_only_within_rounding_are_not_its_parts():
    # 60 + 39 = 99 and 50 + 41 = 91, not 100 and 90: within the rounding of three
    # figures, yet no column adds up exactly, so "Net revenues" heads nothing
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td style="font-weight:700">Net revenues</td><td>100</td><td>90</td></tr>
<tr><td>Cost of revenues</td><td>60</td><td>50</td></tr>
<tr><td>Research and development</td><td>39</td><td>41</td></tr>
<tr><td style="font-weight:700">Operating income</td><td>1</td><td>(1)</td></tr>
</table></body></html>"""
    assert {f.heading for f in read_text(html, "x.htm").facts} == {None}


def test_a_table_right_under_another_past_blank_blocks_takes_its_dates():
    # An energy release (checked by hand): volumes under "Three months ended March 31,
    # 2020", then, past an empty paragraph only, prices whose header names each column's
    # unit but no period: they are of the same quarter, in their own units
    html = """<html><body><table>
<tr><td></td><td colspan="2">Three months ended March 31, 2020</td></tr>
<tr><td></td><td>Natural Gas (MMcf/d)</td><td>Oil (Bbl/d)</td></tr>
<tr><td>Average Net Production</td><td>2,286</td><td>10,302</td></tr>
</table><p>&#160;</p><table>
<tr><td>Average Realized Prices</td><td>Natural Gas ($/Mcf)</td><td>Oil ($/Bbl)</td></tr>
<tr><td>Average realized prices before settled derivatives</td><td>$ 1.98</td>
<td>$ 38.02</td></tr>
</table></body></html>"""
    facts = read_text(html, "prices.htm").facts
    assert [(f.value, f.unit, str(f.period)) for f in facts if f.label.startswith("Average r")] \
        == [(Decimal("1.98"), "USD/mcf", "2020Q1"), (Decimal("38.02"), "USD/bbl", "2020Q1")]


def test_a_footnote_mark_set_above_the_line_is_no_part_of_a_label():
    # "Interest Expense<sup>1</sup>" (a release's reconciliation, checked by hand): the
    # label is "Interest Expense", its note's mark "1"; a figure's mark leaves it whole
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Interest Expense<sup>1</sup></td><td>20,700</td><td>11,700<sup>(a)</sup></td></tr>
</table></body></html>"""
    facts = read_text(html, "marks.htm").facts
    assert [(f.label, f.footnotes, f.value) for f in facts] == [
        ("Interest Expense", ("1",), Decimal(20_700_000)),
        ("Interest Expense", ("1",), Decimal(11_700_000))]


def test_labels_set_flush_right_are_parts_of_the_row_above():
    # Shaped after a release's adjusted EBITDA reconciliation (checked by hand): the
    # parts of "Restructuring cost" are set right and in italics, and add up to it
    # (0 + 995 + 1,021 + 193 = 2,209); the same names stand under another cost above, so
    # a part is known by its heading. A total set right is no part of the row above it.
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td style="text-align:left">Depreciation and amortization</td><td>10,000</td>
    <td>9,000</td></tr>
<tr><td style="text-align:right"><i>Research and development</i></td><td>6,000</td>
    <td>5,000</td></tr>
<tr><td style="text-align:right"><i>General and administrative</i></td><td>4,000</td>
    <td>4,000</td></tr>
<tr><td style="text-align:left">Restructuring cost</td><td>1,890</td><td>2,209</td></tr>
<tr><td style="text-align:right"><i>Research and development</i></td><td>&#8212;</td>
    <td>995</td></tr>
<tr><td style="text-align:right"><i>General and administrative</i></td><td>1,890</td>
    <td>1,214</td></tr>
<tr><td style="text-align:right">Total</td><td>11,890</td><td>11,209</td></tr>
</table></body></html>"""
    doc = read_text(html, "ebitda.htm")
    got = [(f.label, f.heading, f.printed) for f in doc.facts if f.period.end.year == 2019]
    assert got == [
        ("Depreciation and amortization", None, "9,000"),
        ("Research and development", "Depreciation and amortization", "5,000"),
        ("General and administrative", "Depreciation and amortization", "4,000"),
        ("Restructuring cost", None, "2,209"),
        ("Research and development", "Restructuring cost", "995"),
        ("General and administrative", "Restructuring cost", "1,214"),
        ("Total", None, "11,209")]


def test_a_share_of_net_revenues_beside_a_dated_amount_is_of_its_date():
    # Shaped after a toy maker's statement of operations (checked by hand): "% Net
    # Revenues" beside each quarter is that quarter's ratio (262,694 / 1,105,570 = 23.8%);
    # "Net" names the revenues, no change between the quarters
    html = """<html><body><p>(Thousands of Dollars)</p><table>
<tr><td></td><td colspan="4">Quarter Ended</td></tr>
<tr><td></td><td>March 29, 2020</td><td>% Net Revenues</td><td>March 31, 2019</td>
    <td>% Net Revenues</td></tr>
<tr><td>Net Revenues</td><td>1,105,570</td><td>100.0%</td><td>732,510</td><td>100.0%</td></tr>
<tr><td>Cost of Sales</td><td>262,694</td><td>23.8%</td><td>259,987</td><td>35.5%</td></tr>
</table></body></html>"""
    doc = read_text(html, "ops.htm")
    share = [f for f in doc.facts if f.label == "Cost of Sales" and f.unit == "%"]
    assert [(f.printed, f.period.end) for f in share] == [
        ("23.8%", date(2020, 3, 29)), ("35.5%", date(2019, 3, 31))]


def test_balances_named_after_a_sign_word_or_as_ratios_of_balances_are_instants():
    # Shaped after a bank's selected data "As of and for the three months ended" (checked
    # by hand): goodwill deducted from equity ("Less: ..."), the equity-to-assets ratio
    # and a net cash position are balances at the quarter's end; the income and the
    # minority's share deducted from it stay the quarter's
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td>As of and for the three months ended March 31, 2020</td></tr>
<tr><td>Net income</td><td>12,000</td></tr>
<tr><td>Less: noncontrolling interest</td><td>(500)</td></tr>
<tr><td>Total shareholders' equity</td><td>1,000,000</td></tr>
<tr><td>Less: goodwill and other intangible assets, net</td><td>(597,488)</td></tr>
<tr><td>Equity-to-assets ratio</td><td>9.61%</td></tr>
<tr><td>Equity-to-deposits ratio</td><td>12.35%</td></tr>
<tr><td>Total risk-based capital ratio</td><td>12.21%</td></tr>
<tr><td>Tangible common shareholders' equity</td><td>1,878,456</td></tr>
<tr><td>Less: Intangible assets</td><td>(2.59)</td></tr>
<tr><td>Net cash position</td><td>418,763</td></tr>
<tr><td>Tangible book value per diluted common share</td><td>$ 19.46</td></tr>
<tr><td>Nonperforming loans to total loans</td><td>0.54%</td></tr>
<tr><td>Beginning units in service</td><td>1,000</td></tr>
<tr><td>Ending units in service</td><td>980</td></tr>
</table></body></html>"""
    doc = read_text(html, "bank.htm")
    quarter = Period.months_ended(3, date(2020, 3, 31))
    at_end = Period.instant(date(2020, 3, 31))
    assert [(f.label, f.period) for f in doc.facts] == [
        ("Net income", quarter), ("Less: noncontrolling interest", quarter),
        ("Total shareholders' equity", at_end),
        ("Less: goodwill and other intangible assets, net", at_end),
        ("Equity-to-assets ratio", at_end), ("Equity-to-deposits ratio", at_end),
        ("Total risk-based capital ratio", at_end),
        ("Tangible common shareholders' equity", at_end),
        ("Less: Intangible assets", at_end),
        ("Net cash position", at_end),
        ("Tangible book value per diluted common share", at_end),
        ("Nonperforming loans to total loans", at_end),
        ("Beginning units in service", Period.instant(date(2019, 12, 31))),
        ("Ending units in service", at_end)]


def test_named_columns_of_a_quarter_and_of_its_end_each_keep_their_name():
    # Shaped after a bank's allowance table (checked by hand): "Reserve Build for the
    # Quarter Ended March 31, 2020" is the quarter's build, a duration, named beside the
    # balances at its end that only their names tell apart; the adoption's impact on
    # January 1 keeps its name too. A change "Inc/(Dec) vs. Q1 '19" names no period.
    html = """<html><body><p>(dollars in thousands)</p><table>
<tr><td></td><td>Recorded Investment in Loans</td><td>CECL Adoption Impact</td>
    <td>Reserve Build(1) for the Quarter Ended</td><td>Total ACL</td>
    <td>Inc/(Dec) vs. Q1 '19 %</td></tr>
<tr><td></td><td>March 31,</td><td>January 1,</td><td>March 31,</td><td>March 31,</td><td></td></tr>
<tr><td></td><td>2020</td><td>2020</td><td>2020</td><td>2020</td><td></td></tr>
<tr><td>Credit cards</td><td>4,151</td><td>33</td><td>327</td><td>415</td><td>(5)</td></tr>
</table></body></html>"""
    doc = read_text(html, "acl.htm")
    assert [(f.printed, f.dim("member"), str(f.period)) for f in doc.facts] == [
        ("4,151", "Recorded Investment in Loans", "2020-03-31"),
        ("33", "CECL Adoption Impact", "2020-01-01"),
        ("327", "Reserve Build", "2020Q1"),
        ("415", "Total ACL", "2020-03-31"),
        ("(5)", "Inc/(Dec) vs. Q1 '19 %", "None")]


def test_guidance_cells_that_print_their_own_scale_word_stand_in_their_columns():
    # Shaped after a software maker's guidance table (checked by hand): "$995 - $1,000
    # million" and "$781 million" are figures of their columns, the quarter ended June
    # 30, 2020 and 2019, not words of the row's label; "27% - 28%" under "Growth Rates"
    # is a change between them, of no period
    html = """<html><body><table>
<tr><td></td><td colspan="3">Three Months Ended</td><td></td></tr>
<tr><td></td><td>June 30, 2020</td><td></td><td>June 30, 2019</td><td>Growth Rates</td></tr>
<tr><td>GAAP subscription revenues</td><td>$995 - $1,000 million</td><td></td>
    <td>$781 million</td><td>27% - 28%</td></tr>
</table></body></html>"""
    doc = read_text(html, "guidance.htm")
    q2 = Period.months_ended(3, date(2020, 6, 30))
    q2_before = Period.months_ended(3, date(2019, 6, 30))
    assert [(f.label, f.value, f.period, f.dim("bound")) for f in doc.facts] == [
        ("GAAP subscription revenues", Decimal(995_000_000), q2, "low"),
        ("GAAP subscription revenues", Decimal(1_000_000_000), q2, "high"),
        ("GAAP subscription revenues", Decimal(781_000_000), q2_before, None),
        ("GAAP subscription revenues", Decimal(27), None, "low"),
        ("GAAP subscription revenues", Decimal(28), None, "high")]


def test_a_guidance_table_of_ranges_is_read_in_its_rows_units_and_its_year():
    # Shaped after a release's guidance table (checked by hand): "Fiscal 2020 Guidance"
    # names the year; "Revenue (million)" scales its range to $2,350-2,450 million, and
    # the range of "Adjusted Diluted EPS" is dollars per share, unscaled
    html = """<html><body><table>
<tr><td>Measure</td><td>Fiscal 2020 Guidance</td></tr>
<tr><td>Revenue (million)</td><td>$2,350 - $2,450</td></tr>
<tr><td>Adjusted Diluted EPS*</td><td>$2.95 - $3.07</td></tr>
</table></body></html>"""
    doc = read_text(html, "outlook.htm")
    year = Period(end=date(2020, 12, 31), start=date(2020, 1, 1))
    assert [(f.value, f.unit, f.period, f.dim("bound")) for f in doc.facts] == [
        (Decimal(2_350_000_000), "USD", year, "low"),
        (Decimal(2_450_000_000), "USD", year, "high"),
        (Decimal("2.95"), "USD/share", year, "low"),
        (Decimal("3.07"), "USD/share", year, "high")]


def test_undated_columns_between_dated_balances_keep_their_names():
    # Shaped after a bank's allowance roll-forward (checked by hand): the adoption's
    # impact and the quarter's reserve build stand between the dated balances and name
    # no period; their names tell what 13,618 and 6,916 are
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td>December 31,</td><td>CECL Adoption</td><td>January 1,</td><td>Reserve</td>
    <td>March 31,</td></tr>
<tr><td>Allowance for Credit Loss</td><td>2019</td><td>Impact</td><td>2020</td><td>Build</td>
    <td>2020</td></tr>
<tr><td>Commercial</td><td>11,996</td><td>13,618</td><td>25,614</td><td>6,916</td>
    <td>32,550</td></tr>
</table></body></html>"""
    doc = read_text(html, "acl.htm")
    assert [(f.printed, f.dim("member"), str(f.period)) for f in doc.facts] == [
        ("11,996", None, "2019-12-31"), ("13,618", "CECL Adoption Impact", "None"),
        ("25,614", None, "2020-01-01"), ("6,916", "Reserve Build", "None"),
        ("32,550", None, "2020-03-31")]


def test_a_roll_forward_under_fair_value_columns_keeps_its_beginning_and_its_flows():
    # The columns name what is rolled forward ("Warrant Liability Fair Value"), not a
    # moment: the beginning balance stands the day before the quarter, issuances over it
    html = """<html><body><table>
<tr><td></td><td colspan="2">Three Months Ended March 31, 2020</td></tr>
<tr><td></td><td>Warrant Liability Fair Value</td><td>Contingent Consideration Fair Value</td></tr>
<tr><td>Balance at beginning of period</td><td>1,000</td><td>500</td></tr>
<tr><td>Issuances</td><td>200</td><td>100</td></tr>
<tr><td>Balance at end of period</td><td>1,200</td><td>600</td></tr>
</table></body></html>"""
    facts = read_text(html, "warrants.htm").facts
    assert [str(f.period) for f in facts[::2]] == ["2019-12-31", "2020Q1", "2020-03-31"]


def test_a_measure_of_time_in_a_header_names_no_period():
    # "Less than 12 Months" over the fair values and losses of securities at December 31,
    # 2020 is how long they have been at a loss: the figures stand at the date
    html = """<html><body><table>
<tr><td></td><td colspan="2">December 31, 2020</td></tr>
<tr><td></td><td colspan="2">Less than 12 Months</td></tr>
<tr><td></td><td>Estimated Fair Value</td><td>Gross Unrealized Loss</td></tr>
<tr><td>Corporate debt securities</td><td>1,000</td><td>(5)</td></tr>
</table></body></html>"""
    facts = read_text(html, "securities.htm").facts
    assert [str(f.period) for f in facts] == ["2020-12-31", "2020-12-31"]


def test_figures_in_a_label_are_named_by_the_row_s_whole_name():
    # the row's name runs to the first part that prints a figure ("Property, plant and
    # equipment"), and a semicolon inside parentheses parts nothing
    html = """<html><body><p>(in millions)</p><table>
<tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Property, plant and equipment, net of accumulated depreciation of $1,234 and
$1,100</td><td>5,000</td><td>4,800</td></tr>
<tr><td>Receivables, net of allowance (2020, $5; 2019, $4)</td><td>900</td><td>850</td></tr>
</table></body></html>"""
    doc = read_text(html, "bs.htm")
    named = {f.label for f in doc.facts if f.source.selector.endswith("td[1]")}
    assert named == {
        "Property, plant and equipment: accumulated depreciation",
        "Receivables: net of allowance (2020, $5; 2019, $4)"}


def test_a_name_that_a_whole_period_opens_dates_its_columns():
    # Shaped after a software maker's results table (checked by hand): "First Quarter
    # 2020 GAAP Results" dates its amounts to the quarter, and its growth column is a
    # change of no period; a bare year opening a name ("1988 Employee Stock Ownership
    # Plan") still dates nothing
    html = """<html><body><table>
<tr><td></td><td colspan="2">First Quarter 2020 GAAP Results</td></tr>
<tr><td></td><td>Amount ($ millions)</td><td>Year/Year Growth</td></tr>
<tr><td>Subscription revenues</td><td>1,033</td><td>33%</td></tr>
</table></body></html>"""
    facts = read_text(html, "results.htm").facts
    assert [str(f.period) for f in facts] == ["2020Q1", "None"]


def test_a_price_of_a_unit_said_in_a_column_header_is_the_column_s_unit():
    # Shaped after an energy release's NGL premiums (checked by hand): "Premium To Mont
    # Belvieu ($/Gal)" prices a gallon; the "($/Gal)" is the unit, no note to strip
    html = """<html><body><table>
<tr><td></td><td>Volume (MBbl/d)</td><td>Premium To Mont Belvieu ($/Gal)</td></tr>
<tr><td>Propane exported</td><td>45</td><td>$0.06</td></tr>
<tr><td>Remaining volume</td><td>60</td><td>($0.06)</td></tr>
</table></body></html>"""
    facts = read_text(html, "ngl.htm").facts
    assert [(f.unit, f.value) for f in facts] == [
        ("mbbl/d", Decimal(45)), ("USD/gallon", Decimal("0.06")),
        ("mbbl/d", Decimal(60)), ("USD/gallon", Decimal("-0.06"))]


def test_rules_for_balances_ratios_and_period_names_stay_within_their_words():
    # Each rule reaches only the words it is for: a roll-forward of nonperforming loans
    # keeps its flows over the quarter; "Allowance for loan losses ratio" is a ratio
    # (only an amount "for adjusted efficiency ratio" goes into one); "Percent of total"
    # under a row of percentages is no share of it; "June 2021 Notes" names a note, no
    # period (the date below dates the column)
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td>Three Months Ended March 31, 2020</td></tr>
<tr><td>Nonperforming loans, beginning of period</td><td>1,000</td></tr>
<tr><td>Nonperforming loans added</td><td>300</td></tr>
<tr><td>Nonperforming loans, end of period</td><td>1,300</td></tr>
<tr><td>Allowance for loan losses ratio</td><td>1.25</td></tr>
<tr><td>Gross margin percent of net sales</td><td>40%</td></tr>
<tr><td>Percent of total</td><td>20%</td></tr>
</table>
<p>(in millions)</p><table>
<tr><td></td><td>June 2021 Notes</td><td>March 2025 Notes</td></tr>
<tr><td></td><td colspan="2">December 31, 2020</td></tr>
<tr><td>Principal</td><td>500</td><td>750</td></tr>
</table></body></html>"""
    facts = read_text(html, "bank.htm").facts
    assert [(f.label, f.heading, f.unit, str(f.period)) for f in facts[:6]] == [
        ("Nonperforming loans, beginning of period", None, "USD", "2019-12-31"),
        ("Nonperforming loans added", None, "USD", "2020Q1"),
        ("Nonperforming loans, end of period", None, "USD", "2020-03-31"),
        ("Allowance for loan losses ratio", None, "ratio", "2020Q1"),
        ("Gross margin percent of net sales", None, "%", "2020Q1"),
        ("Percent of total", None, "%", "2020Q1")]
    assert [str(f.period) for f in facts[6:]] == ["2020-12-31", "2020-12-31"]
    assert facts[6].dims != facts[7].dims  # (told apart, by their places)


ACQUISITION = """<html><body>
<p>Note 2 - Business Combination</p>
<p>On March 3, 2021, we completed the acquisition of Widget Co. for a total purchase
consideration of $1.20 billion.</p>
<p>The purchase consideration has been allocated as follows (in millions):</p>
<table>
<tr><td>Cash and cash equivalents</td><td>$</td><td>115</td></tr>
<tr><td>Goodwill</td><td></td><td>700</td></tr>
<tr><td>Accounts payable</td><td></td><td>(36</td><td>)</td></tr>
<tr><td>Total purchase consideration</td><td>$</td><td>779</td></tr>
</table>
<p>In June 2021 and July 2021, we completed the acquisitions of A Co. and B Co.</p>
<p>The acquired intangible assets are as follows (in millions):</p>
<table>
<tr><td>Developed technology</td><td>$</td><td>40</td></tr>
<tr><td>Customer relationships</td><td></td><td>12</td></tr>
</table>
</body></html>
"""


def test_an_undated_purchase_price_allocation_is_dated_by_its_acquisition():
    # by hand: the allocation's columns name no period; the sentence above says the
    # acquisition was completed on March 3, 2021: its figures are as at that day. The
    # intangibles of two acquisitions done in June and in July stay undated: which date
    # is theirs the prose does not say.
    doc = read_text(ACQUISITION, "note.htm")
    facts = _by_label(doc)
    for label, value in [("Goodwill", 700_000_000), ("Accounts payable", -36_000_000),
                         ("Total purchase consideration", 779_000_000)]:
        (f,) = facts[label]
        assert f.value == value
        assert f.period == Period.instant(date(2021, 3, 3))
    assert [f.period for f in facts["Developed technology"] + facts["Customer relationships"]
            ] == [None, None]
    (said,) = [d for d in doc.diagnostics if d.code == "dated-by-acquisition"]
    assert "2021-03-03" in said.message


DEFERRALS = """<html><body>
<p>Loan Programs. On April 9, 2020 we partnered with a third party to process loans.</p>
<div>Loan Modifications. We offer payment deferrals of up to 90 days. As of April 24, 2020,
we have processed payment deferrals on loans totaling $510.4 million, or 19.2% of total
loans. The breakout by loan type is as follows:
<table>
<tr><td>Payment Deferrals by Loan Type (dollars in thousands)</td><td>Outstanding Loan
Balance</td><td>Percent of Total Loan Portfolio</td></tr>
<tr><td>Commercial and industrial</td><td>$412,525</td><td>15.5%</td></tr>
<tr><td>Other consumer loans</td><td>11,876</td><td>0.4%</td></tr>
</table></div>
<p>Stock options outstanding are as follows:</p>
<table>
<tr><td></td><td>Number of Shares</td></tr>
<tr><td>Outstanding at September 24, 2019</td><td>13,096</td></tr>
<tr><td>Granted</td><td>4,705</td></tr>
</table>
</body></html>
"""


def test_a_table_no_column_dates_takes_the_day_its_lead_in_says_it_as_of():
    # by hand: the deferrals table names no period; the paragraph that introduces it
    # ("... is as follows:") says "As of April 24, 2020" and no other day: its figures
    # stand at that day (April 9, in the paragraph before, is not its lead-in). The
    # options table, a roll-forward whose rows name a year of their own, stays undated.
    # The table's figures are no prose figures of the paragraph holding it.
    doc = read_text(DEFERRALS, "release.htm")
    facts = _by_label(doc)
    at = Period.instant(date(2020, 4, 24))
    assert [(f.value, f.unit, f.period) for f in facts["Other consumer loans"]] == [
        (11_876_000, "USD", at), (Decimal("0.4"), "%", at)]
    assert [f.period for f in facts["Granted"]] == [None]
    (said,) = [d for d in doc.diagnostics if d.code == "dated-by-lead-in"]
    assert "2020-04-24" in said.message
    assert {f.printed for f in doc.prose_facts} == {"$510.4 million", "19.2%"}


PAGE_DIV = """<html><body><div>
<font>Revenues by segment were as follows (in thousands):</font><br>
<table>
<tr><td></td><td>Mining</td><td>Exploration</td></tr>
<tr><td>Revenues</td><td>$ 41,200</td><td>$ 1,100</td></tr>
</table>
<br><font>Revenues increased 8% over the prior year.</font><br>
<font>As of June 30, 2020, the Company's outstanding debt consisted of the following:</font>
<table>
<tr><td></td><td>Principal</td></tr>
<tr><td>Term loan</td><td>$ 25,000</td></tr>
<tr><td>Revolving credit facility</td><td>10,000</td></tr>
</table>
<table><tr><td>&#8226;</td><td>Net income was $5.3 million, or $0.12 per diluted share.</td>
</tr></table>
<font>A summary of option activity as of December 31, 2020, and changes during the year then
ended is presented below:</font>
<table>
<tr><td></td><td>Shares</td></tr>
<tr><td>Options outstanding</td><td>1,375,000</td></tr>
<tr><td>Options exercisable</td><td>800,000</td></tr>
</table>
</div></body></html>
"""


def test_each_table_in_one_block_has_the_lead_in_that_stands_before_it():
    # by hand: one <div> holds three tables of figures and the sentences between them;
    # the debt table is introduced "As of June 30, 2020", the segments' revenues (a
    # flow) are not; a summary of option "activity ... and changes during the year" is
    # no table of a day. The bullet set as a table holds no table of figures: its
    # figures are the paragraph's.
    doc = read_text(PAGE_DIV, "10q.htm")
    facts = _by_label(doc)
    assert [f.period for f in facts["Revenues"]] == [None, None]
    assert [f.period for f in facts["Term loan"]] == [Period.instant(date(2020, 6, 30))]
    assert not [d for d in doc.diagnostics if d.code == "dated-by-lead-in"
                and "2020-12-31" in d.message]  # (the options table: not by its lead-in)
    assert {f.printed for f in doc.prose_facts} == {"8%", "$5.3 million", "$0.12"}


LOAN_DATA = """<html><body><p>(Dollars in thousands)</p><table>
<tr><td></td><td colspan="2">Three Months Ended</td></tr>
<tr><td></td><td>March 31, 2020</td><td>December 31, 2019</td></tr>
<tr><td>Loan data:</td><td></td><td></td></tr>
<tr><td>Substandard loans</td><td>61,322</td><td>58,670</td></tr>
<tr><td>30 to 89 days delinquent</td><td>12,017</td><td>10,204</td></tr>
<tr><td>Trouble debt restructures - non-accrual</td><td>3,360</td><td>1,807</td></tr>
<tr><td>Total non-performing loans</td><td>24,002</td><td>19,155</td></tr>
<tr><td>Net charge-offs</td><td>1,022</td><td>870</td></tr>
<tr><td>Impaired loans charged off</td><td>400</td><td>300</td></tr>
<tr><td>Nonaccrual loans:</td><td></td><td></td></tr>
<tr><td>Additions</td><td>3,100</td><td>1,200</td></tr>
</table>
<p>Impaired loans (in thousands)</p><table>
<tr><td></td><td colspan="2">Three Months Ended March 31, 2020</td></tr>
<tr><td></td><td>Recorded Investment</td><td>Interest Income Recognized</td></tr>
<tr><td>Total impaired loans</td><td>9,000</td><td>63</td></tr>
</table></body></html>
"""


def test_loans_by_credit_quality_are_balances_at_the_quarter_s_end():
    # by hand (shaped after a bank's release): loans graded substandard, past due,
    # restructured or not performing are what stands at the quarter's last day, though
    # the header says "Three Months Ended"; charge-offs are the quarter's flow
    facts = _by_label(read_text(LOAN_DATA, "release.htm"))
    q1_end, q4_end = Period.instant(date(2020, 3, 31)), Period.instant(date(2019, 12, 31))
    for label in ("Substandard loans", "30 to 89 days delinquent",
                  "Trouble debt restructures - non-accrual", "Total non-performing loans"):
        assert [f.period for f in facts[label]] == [q1_end, q4_end], label
    quarters = [Period.months_ended(3, date(2020, 3, 31)),
                Period.months_ended(3, date(2019, 12, 31))]
    # (flows keep the quarter: charge-offs, loans charged off, additions to nonaccrual
    # loans under their heading; and interest recognized on impaired loans)
    for label in ("Net charge-offs", "Impaired loans charged off", "Additions"):
        assert [f.period for f in facts[label]] == quarters, label
    assert [f.period for f in facts["Total impaired loans"]] == [q1_end, quarters[0]]


PERCENT_CHANGES = """<html><body><p>(In millions)</p><table>
<tr><td></td><td colspan="2">13 Weeks Ended</td><td></td></tr>
<tr><td></td><td>March 28, 2020</td><td>March 30, 2019</td><td>% Inc (Dec)</td></tr>
<tr><td>Net sales</td><td>$ 411.6</td><td>$ 461.9</td><td>(11)%</td></tr>
<tr><td>Other expense</td><td>2.0</td><td>2.0</td><td>&#8212;</td></tr>
<tr><td>Income (loss) before taxes</td><td>(8.3)</td><td>51.9</td><td>&#8212;</td></tr>
<tr><td>Gain on sale</td><td>1.5</td><td>&#8212;</td><td>&#8212;</td></tr>
</table>
<p>Three years (in millions)</p><table>
<tr><td></td><td>2020</td><td>2019</td><td>2018</td><td>% 2020 vs 2019</td><td>% 2019 vs 2018</td>
</tr>
<tr><td>Restructuring</td><td>5.0</td><td>5.0</td><td>&#8212;</td><td>&#8212;</td><td>&#8212;</td></tr>
</table></body></html>
"""


def test_a_dash_among_percentage_changes_is_no_change_where_none_is_defined():
    # by hand: a change in percent from a profit of 51.9 to a loss of (8.3), or from
    # nothing to 1.5, is not defined: the dash says "not meaningful", no 0%; between
    # two equal figures it is a change of nought
    facts = _by_label(read_text(PERCENT_CHANGES, "release.htm"))
    assert [f.printed for f in facts["Income (loss) before taxes"]] == ["(8.3)", "51.9"]
    assert [f.printed for f in facts["Gain on sale"]] == ["1.5", "--"]
    assert [(f.value, f.unit) for f in facts["Other expense"]][2] == (0, "%")
    assert [(f.value, f.unit) for f in facts["Net sales"]][2] == (-11, "%")
    # three years and a change for each pair: which two a change compares the columns'
    # order does not say, so its dashes stay changes of nought (5.0 to 5.0 is one)
    assert [(f.printed, f.unit) for f in facts["Restructuring"]][3:] == [("--", "%")] * 2


FOUR_QUARTERS = """<html><body><p>ADJUSTED EBITDA AND DEBT/ADJUSTED EBITDA (in millions)</p>
<table>
<tr><td></td><td>As of and for the four quarters ended</td></tr>
<tr><td></td><td>March 28, 2020</td></tr>
<tr><td>Net income (loss)</td><td>$</td><td>(32.3</td><td>)</td></tr>
<tr><td>Total Adjusted EBITDA</td><td>$</td><td>184.8</td><td></td></tr>
<tr><td>Consolidated total debt</td><td>$</td><td>991.5</td><td></td></tr>
<tr><td>Debt to Adjusted EBITDA Ratio</td><td></td><td>5.36</td><td></td></tr>
</table></body></html>
"""


def test_four_quarters_are_a_year_and_debt_stands_at_their_last_day():
    # by hand (shaped after a release's covenant table): "four quarters ended March 28,
    # 2020" is the year to that day (months counted from the quarter's month end, as for
    # any "twelve months ended"); the debt and its ratio to the year's EBITDA stand at
    # the day ("As of")
    facts = _by_label(read_text(FOUR_QUARTERS, "release.htm"))
    year = Period(date(2020, 3, 28), date(2019, 3, 31))
    day = Period.instant(date(2020, 3, 28))
    assert [(f.value, f.period) for f in facts["Net income (loss)"]] == [(-32_300_000, year)]
    assert [f.period for f in facts["Total Adjusted EBITDA"]] == [year]
    assert [f.period for f in facts["Consolidated total debt"]] == [day]
    assert [(f.unit, f.period) for f in facts["Debt to Adjusted EBITDA Ratio"]] == [
        ("ratio", day)]


AS_OF_AND_FOR = """<html><body>
<p>SELECTED FINANCIAL DATA (Dollars in thousands, except per share data)</p>
<table>
<tr><td></td><td>At or for the Three Months Ended March 31, 2020</td></tr>
<tr><td>Net income</td><td>12,345</td></tr>
<tr><td>Capital Ratios:</td><td></td></tr>
<tr><td style="padding-left:10pt">Total risk-based capital</td><td>13.8%</td></tr>
<tr><td style="padding-left:10pt">Average equity to average assets</td><td>11.5%</td></tr>
<tr><td>Stock Performance Indicators:</td><td></td></tr>
<tr><td style="padding-left:10pt">Closing price</td><td>41.21</td></tr>
</table>
</body></html>
"""


def test_ratios_under_a_capital_heading_and_a_closing_price_are_at_the_quarter_s_end():
    # by hand: one header dates flows and balances alike; net income is the quarter's,
    # a regulatory capital ratio and the stock's closing price stand at March 31, 2020
    # (the price a share's, unscaled); a ratio of averages is the quarter's
    facts = _by_label(read_text(AS_OF_AND_FOR, "release.htm"))
    quarter = Period(end=date(2020, 3, 31), start=date(2020, 1, 1))
    at_end = Period.instant(date(2020, 3, 31))
    assert [f.period for f in facts["Net income"]] == [quarter]
    assert [f.period for f in facts["Total risk-based capital"]] == [at_end]
    assert [f.period for f in facts["Average equity to average assets"]] == [quarter]
    (price,) = facts["Closing price"]
    assert (price.period, price.unit, price.value) == (at_end, "USD/share", Decimal("41.21"))


RATIO_RUN = """<html><body>
<p>SELECTED DATA (Dollars in thousands)</p>
<table>
<tr><td></td><td>March 31, 2020</td></tr>
<tr><td>Asset Quality:</td><td></td></tr>
<tr><td>Non-performing loans</td><td>4,609</td></tr>
<tr><td>Non-performing loans/total loans</td><td>0.12%</td></tr>
<tr><td>Non-performing assets/total assets</td><td>0.09</td></tr>
<tr><td>Allowance/non-performing loans</td><td>850.84</td></tr>
<tr><td>Book value per share</td><td>25.01</td></tr>
</table>
</body></html>
"""


def test_ratios_of_amounts_after_one_marked_percent_are_percentages():
    # by hand: a bank prints "%" on the first of its ratios of two amounts only; the
    # ratios under it ("Allowance/non-performing loans 850.84") are percentages, not
    # dollars; the per-share amount after them is a share's dollars, and the amount above
    # them thousands of dollars
    facts = _by_label(read_text(RATIO_RUN, "release.htm"))
    got = {label: (fs[0].unit, fs[0].value) for label, fs in facts.items()}
    assert got["Non-performing loans"] == ("USD", Decimal(4_609_000))
    assert got["Non-performing loans/total loans"] == ("%", Decimal("0.12"))
    assert got["Non-performing assets/total assets"] == ("%", Decimal("0.09"))
    assert got["Allowance/non-performing loans"] == ("%", Decimal("850.84"))
    assert got["Book value per share"] == ("USD/share", Decimal("25.01"))


PAGE_BREAK = """<html><body>
<p>Segment Information (dollars in millions)</p>
<table>
<tr><td></td><td>Bauxite</td><td>Alumina</td><td>Total</td></tr>
<tr><td>Second quarter ended June 30, 2018</td><td></td><td></td><td></td></tr>
<tr><td>Third-party sales</td><td>77</td><td>1,068</td><td>1,145</td></tr>
</table>
<p>13</p>
<hr/>
<p style="page-break-before:always"></p>
<h5>Table of Contents</h5>
<table>
<tr><td>Six months ended June 30, 2018</td><td></td><td></td><td></td></tr>
<tr><td>Third-party sales</td><td>150</td><td>2,100</td><td>2,250</td></tr>
</table>
</body></html>
"""


def test_a_table_continued_over_a_page_break_keeps_the_names_of_its_columns():
    # by hand: the second table goes on from the first over a page break, under the
    # page's running lines ("13", "Table of Contents"); its columns are the segments
    # named above the first: 150 is Bauxite's sales of the six months
    facts = _by_label(read_text(PAGE_BREAK, "10-q.htm"))
    six = [f for f in facts["Third-party sales"] if f.period is not None
           and f.period.start == date(2018, 1, 1)]
    assert [(f.printed, f.dim("member")) for f in six] == [
        ("150", "Bauxite"), ("2,100", "Alumina"), ("2,250", "Total")]


EPS_BRIDGE = """<html><body>
<p>RECONCILIATION (in thousands, except per share data)</p>
<table>
<tr><td></td><td>Q2 2020</td><td>Q2 2019</td><td>Change</td></tr>
<tr><td>Revenue</td><td>734,133</td><td>700,000</td><td>5%</td></tr>
<tr><td></td><td></td><td></td><td></td></tr>
<tr><td>EPS</td><td>0.66</td><td>1.00</td><td>(34%)</td></tr>
<tr><td>Earn-out Adjustment</td><td>(0.02)</td><td>-</td><td></td></tr>
<tr><td>COVID-19 Impact</td><td>0.09</td><td>-</td><td></td></tr>
<tr><td>Adjusted EPS</td><td>0.73</td><td>1.00</td><td>(27%)</td></tr>
</table>
</body></html>
"""


def test_cents_between_two_per_share_rows_beside_a_column_of_changes_are_per_share():
    # by hand: EPS 0.66 - 0.02 + 0.09 = 0.73, the adjusted EPS: the adjustments are a
    # share's dollars, though the EPS rows print their changes in percent beside them
    facts = _by_label(read_text(EPS_BRIDGE, "release.htm"))
    for label in ("Earn-out Adjustment", "COVID-19 Impact"):
        assert {f.unit for f in facts[label] if not f.nil} == {"USD/share"}, label
    assert {f.unit for f in facts["Revenue"]} == {"USD", "%"}


ROACE_BRIDGE = """<html><body>
<p>Non-GAAP Reconciliation of Return on Average Common Equity (Dollars in Thousands)</p>
<table>
<tr><td></td><td>March 31, 2020</td></tr>
<tr><td>Average common equity</td><td>667,588</td></tr>
<tr><td>Net income</td><td>11,622</td></tr>
<tr><td>Return on average common equity ("ROACE") as reported</td><td>7.02%</td></tr>
<tr><td>(Gain)/loss on sale of investment securities</td><td>(0.20)</td></tr>
<tr><td>Tax effect</td><td>0.04</td></tr>
<tr><td>ROACE excluding (gain)/loss on sale of investment securities</td><td>6.86%</td></tr>
<tr><td>Efficiency ratio</td><td>55.10%</td></tr>
<tr><td>Book value</td><td>25.01</td></tr>
<tr><td>Return on average assets</td><td>1.10%</td></tr>
</table>
</body></html>
"""


def test_adjustments_between_a_ratio_and_the_ratio_named_again_are_percentage_points():
    # by hand: 7.02 - 0.20 + 0.04 = 6.86, the ROACE named again: the adjustments are
    # points of the percentage. A book value between two unrelated ratios is no such
    # adjustment: it stays dollars.
    facts = _by_label(read_text(ROACE_BRIDGE, "release.htm"))
    assert [f.unit for f in facts["Tax effect"]] == ["%"]
    assert [f.unit for f in facts["(Gain)/loss on sale of investment securities"]] == ["%"]
    assert [f.unit for f in facts["Book value"]] == ["USD"]


SHARE_COUNT = """<html><body>
<p>Information on Share Count (in thousands)</p>
<table>
<tr><td></td><td>Three Months Ended March 31, 2020</td></tr>
<tr><td>Net income</td><td>11,622</td></tr>
<tr><td>Weighted average participating securities</td><td>(419)</td></tr>
<tr><td>Fully diluted shares as at March 31,</td><td>68,652</td></tr>
<tr><td>Days Sales Outstanding (days - end of month)</td><td>59</td></tr>
<tr><td>As of January 1, 2020</td><td>1,000</td></tr>
</table>
</body></html>
"""


def test_share_counts_and_rows_taken_at_a_day_their_labels_name():
    # by hand: participating securities and diluted shares are counts of shares (in
    # thousands); "as at March 31" and "end of month" take the row at the quarter's
    # end; a row "As of January 1, 2020" is at that day (the balance at the close of the
    # day before); net income is the quarter's dollars
    facts = _by_label(read_text(SHARE_COUNT, "release.htm"))
    quarter = Period(end=date(2020, 3, 31), start=date(2020, 1, 1))
    at_end = Period.instant(date(2020, 3, 31))
    got = {label: (fs[0].unit, fs[0].period) for label, fs in facts.items()}
    assert got["Net income"] == ("USD", quarter)
    assert got["Weighted average participating securities"] == ("shares", quarter)
    assert got["Fully diluted shares as at March 31,"] == ("shares", at_end)
    assert got["Days Sales Outstanding (days - end of month)"] == ("days", at_end)
    assert got["As of January 1, 2020"][1].is_instant


BUDGET = """<html><body>
<p>The following is a summary of the 33% reduction in the 2020 capital budget
(in millions).</p>
<table>
<tr><td></td><td>Initial</td><td>Revised</td><td>Variance</td></tr>
<tr><td>Drilling and completion</td><td>1,100</td><td>750</td><td>(350)</td></tr>
</table>
<p>Proposal 2: To approve an amendment to the 2000 Stock Plan</p>
<table>
<tr><td></td><td>For</td><td>Against</td></tr>
<tr><td>Votes</td><td>1,200</td><td>300</td></tr>
</table>
</body></html>
"""


def test_a_year_s_budget_named_in_a_sentence_dates_its_table():
    # by hand: the budget's columns name no year, the sentence over them names the 2020
    # budget: the initial and revised budgets are of 2020, their variance a change of no
    # period; the votes on "the 2000 Stock Plan" (a plan's name) stay undated
    facts = _by_label(read_text(BUDGET, "release.htm"))
    year = Period(end=date(2020, 12, 31), start=date(2020, 1, 1))
    assert [f.period for f in facts["Drilling and completion"]] == [year, year, None]
    assert [f.period for f in facts["Votes"]] == [None, None]


def test_a_year_over_year_percentage_beside_two_dated_columns_is_a_change():
    # "% Y/Y" after the current and prior six months compares them: no share of the
    # prior half's figure, so no period of its own (hand-read)
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td colspan="3">Six Months Ended</td></tr>
<tr><td></td><td>March 29, 2020</td><td>March 31, 2019</td><td>% Y/Y</td></tr>
<tr><td>Revenue</td><td>1,220,417</td><td>1,152,720</td><td>6%</td></tr>
<tr><td>Adjusted revenue</td><td>1,003,212</td><td>937,610</td><td>7%</td></tr>
</table></body></html>"""
    facts = _by_label(read_text(html, "release.htm"))["Adjusted revenue"]
    assert [(f.value, f.unit, f.period) for f in facts] == [
        (Decimal(1_003_212_000), "USD", Period(end=date(2020, 3, 29), start=date(2019, 9, 30))),
        (Decimal(937_610_000), "USD", Period(end=date(2019, 3, 31), start=date(2018, 10, 1))),
        (Decimal(7), "%", None)]


def test_a_row_of_an_amount_and_its_part_of_a_share_keeps_each_unit():
    # "Net income and diluted earnings per share" under "Amount | Per Diluted Share":
    # the whole number is thousands of dollars, the cents a share's (hand-read)
    html = """<html><body><p>(in thousands, except per share data)</p><table>
<tr><td></td><td colspan="2">Three Months Ended February 29, 2020</td></tr>
<tr><td></td><td>Amount</td><td>Per Diluted Share</td></tr>
<tr><td>GAAP net loss and GAAP diluted loss per share</td><td>(10,643)</td><td>(0.41)</td></tr>
<tr><td>Impairment charges</td><td>9,157</td><td>0.35</td></tr>
<tr><td>Non-GAAP net income and diluted earnings per share</td><td>12,369</td><td>0.47</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "release.htm"))
    got = [(f.value, f.unit) for f in by["Non-GAAP net income and diluted earnings per share"]]
    assert got == [(Decimal(12_369_000), "USD"), (Decimal("0.47"), "USD/share")]
    got = [(f.value, f.unit) for f in by["GAAP net loss and GAAP diluted loss per share"]]
    assert got == [(Decimal(-10_643_000), "USD"), (Decimal("-0.41"), "USD/share")]


def test_dates_under_change_compared_to_name_what_is_compared_not_the_figures_date():
    # the change of a loan balance since December 31, 2019 is no balance at that date;
    # like every change column, it has no period of its own (hand-read)
    html = """<html><body><p>(In thousands)</p><table>
<tr><td></td><td></td><td></td><td></td><td colspan="2">Change Compared To</td></tr>
<tr><td></td><td>March 31, 2020</td><td>December 31, 2019</td><td>March 31, 2019</td>
<td>December 31, 2019</td><td>March 31, 2019</td></tr>
<tr><td>Commercial real estate</td><td>1,053,901</td><td>1,034,599</td><td>1,000,000</td>
<td>19,302</td><td>53,901</td></tr>
<tr><td>Total loans</td><td>3,053,901</td><td>3,034,599</td><td>3,000,000</td>
<td>19,302</td><td>53,901</td></tr>
</table></body></html>"""
    facts = _by_label(read_text(html, "release.htm"))["Commercial real estate"]
    assert [f.period for f in facts] == [Period.instant(date(2020, 3, 31)),
                                         Period.instant(date(2019, 12, 31)),
                                         Period.instant(date(2019, 3, 31)), None, None]
    assert facts[3].value == Decimal(19_302_000)


def test_a_roll_forwards_rows_dated_in_their_labels_are_balances_at_those_dates():
    # the quarter's progression of a portfolio: its first and last rows name the dates
    # they stand at, the day before the quarter and its last day (hand-read)
    html = """<html><body>
<p>The following table illustrates the progression of the portfolio for the quarter
ended March 31, 2020 (dollars in thousands):</p><table>
<tr><td>Residential mortgage investments, December 31, 2019</td><td>11,222,182</td></tr>
<tr><td>Acquisitions</td><td>3,040,505</td></tr>
<tr><td>Principal collections</td><td>(1,051,344)</td></tr>
<tr><td>Residential mortgage investments, March 31, 2020</td><td>8,503,171</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "release.htm"))
    assert by["Residential mortgage investments, December 31, 2019"][0].period == (
        Period.instant(date(2019, 12, 31)))
    assert by["Residential mortgage investments, March 31, 2020"][0].period == (
        Period.instant(date(2020, 3, 31)))
    assert by["Acquisitions"][0].period == Period(end=date(2020, 3, 31), start=date(2020, 1, 1))


def test_a_trailing_twelve_months_row_under_a_date_is_the_year_to_that_date():
    # a net leverage table dated March 31, 2020: trailing-twelve-month EBITDA is the
    # flow of April 2019 to March 2020; net debt stands at the day (hand-read)
    html = """<html><body><p>Net leverage (in millions)</p><table>
<tr><td></td><td>March 31, 2020</td></tr>
<tr><td>Net debt</td><td>4,765.2</td></tr>
<tr><td>Trailing twelve months Adjusted EBITDA</td><td>1,046.0</td></tr>
<tr><td>Net debt to TTM Adjusted EBITDA</td><td>4.6</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "release.htm"))
    assert by["Trailing twelve months Adjusted EBITDA"][0].period == Period(
        end=date(2020, 3, 31), start=date(2019, 4, 1))
    assert by["Net debt"][0].period == Period.instant(date(2020, 3, 31))
    assert by["Net debt to TTM Adjusted EBITDA"][0].period == Period.instant(date(2020, 3, 31))


def test_a_pages_running_marks_above_a_table_name_no_table():
    # the page's number and "Table of Contents" stand between a page break and the
    # statement's title: the title is the statement's alone (hand-read)
    html = """<html><body><p>Text of the page before.</p>
<p style="text-align:center">56</p><hr style="page-break-after:always"/>
<p>Table of Contents</p>
<p>CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(In millions)</p><table>
<tr><td></td><td>2023</td><td>2022</td></tr>
<tr><td>Net income</td><td>4,368</td><td>9,752</td></tr>
<tr><td>Depreciation and amortization</td><td>1,544</td><td>1,174</td></tr>
</table></body></html>"""
    doc = read_text(html, "10k.htm")
    assert doc.tables[0].title == "CONSOLIDATED STATEMENTS OF CASH FLOWS"
    assert doc.tables[0].role == "cash_flows"


def test_things_a_row_names_under_a_column_named_amount_are_dollars():
    # a loan portfolio by collateral type: "Convenience stores 19,207" under "Amount" is
    # $19.2 million of loans, no count of stores (hand-read)
    html = """<html><body><p>($ in thousands)</p><table>
<tr><td></td><td>Amount</td><td>Percent</td></tr>
<tr><td>Office buildings</td><td>$ 81,338</td><td>18%</td></tr>
<tr><td>Convenience stores</td><td>19,207</td><td>4</td></tr>
<tr><td>Total</td><td>$ 100,545</td><td>100%</td></tr>
</table></body></html>"""
    stores = _by_label(read_text(html, "release.htm"))["Convenience stores"]
    assert [(f.value, f.unit) for f in stores] == [(Decimal(19_207_000), "USD"), (Decimal(4), "%")]


def test_a_dated_column_given_pro_forma_beside_a_reported_one_says_so():
    # "Pro Forma / March 31, 2019" beside "March 29, 2020": the prior quarter's figures
    # include an acquisition as if owned then (hand-read); the member keeps the basis
    html = """<html><body><p>(Thousands of Dollars)</p><table>
<tr><td></td><td colspan="2">Quarter Ended</td></tr>
<tr><td></td><td>March 29, 2020</td><td>Pro Forma March 31, 2019</td></tr>
<tr><td>Net revenues</td><td>1,105,523</td><td>1,141,307</td></tr>
<tr><td>Operating profit</td><td>81,209</td><td>102,420</td></tr>
</table></body></html>"""
    facts = _by_label(read_text(html, "release.htm"))["Net revenues"]
    assert [dict(f.dims).get("member") for f in facts] == [None, "Pro Forma"]
    assert facts[1].period == Period(end=date(2019, 3, 31), start=date(2019, 1, 1))


def test_the_shares_of_an_eps_computation_stay_shares_beside_its_income():
    # the numerator and denominator of earnings per share: 5,210 thousand shares beside
    # $12,369 thousand and $2.37 (hand-read); "Book value per share" is a share's alone
    html = """<html><body><p>(in thousands, except per share amounts)</p><table>
<tr><td></td><td colspan="3">Year Ended December 31, 2020</td></tr>
<tr><td></td><td>Income (Numerator)</td><td>Shares (Denominator)</td><td>Per-Share Amount</td></tr>
<tr><td>Basic net income and earnings per share</td><td>$ 12,369</td><td>5,210</td>
<td>$ 2.37</td></tr>
<tr><td>Book value per share</td><td>$ 130</td><td></td><td>$ 129.50</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "eps.htm"))
    basic = by["Basic net income and earnings per share"]
    assert [(f.value, f.unit) for f in basic] == [
        (Decimal(12_369_000), "USD"), (Decimal(5_210_000), "shares"),
        (Decimal("2.37"), "USD/share")]
    assert [(f.value, f.unit) for f in by["Book value per share"]] == [
        (Decimal(130), "USD/share"), (Decimal("129.50"), "USD/share")]


def test_a_pages_running_part_and_item_lines_keep_the_sections_scale_note():
    # MD&A's "(Dollars in millions)" holds on the next page under its running "PART II" /
    # "Item 7. ... (continued)": research and development is $303 million (hand-read)
    html = """<html><body>
<p>ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS</p>
<p>(Dollars in millions, except per share amounts)</p>
<table><tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Net sales</td><td>5,941</td><td>7,081</td></tr></table>
<p style="text-align:center">27</p><hr style="page-break-after:always"/>
<p>PART II</p>
<p>Item 7. Management's Discussion and Analysis (continued)</p>
<p>Operating expenses</p>
<table><tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Research and development</td><td>303</td><td>485</td></tr></table>
<p>Item 8. Financial Statements</p>
<table><tr><td></td><td>2020</td><td>2019</td></tr>
<tr><td>Shares repurchased</td><td>1,234</td><td>2,345</td></tr></table>
</body></html>"""
    by = _by_label(read_text(html, "10k.htm"))
    assert by["Research and development"][0].value == Decimal(303_000_000)
    assert by["Shares repurchased"][0].scale == 0  # (Item 8 is another section)


def test_counts_said_outright_or_under_a_change_in_dollars_stay_counts():
    # "Number of loans 37" under "Amount" and "Stores open ... 34" under "Change $" are
    # counts (hand-read); treasury shares' "Amount" beside their number stays dollars
    html = """<html><body><p>($ in thousands)</p><table>
<tr><td></td><td>Amount</td><td>Percent</td></tr>
<tr><td>Commercial real estate</td><td>$ 8,338</td><td>58%</td></tr>
<tr><td>Number of loans</td><td>37</td><td></td></tr>
</table>
<p>(in thousands)</p><table>
<tr><td></td><td>2020</td><td>2019</td><td>Change $</td></tr>
<tr><td>Net sales</td><td>1,220,417</td><td>1,152,720</td><td>67,697</td></tr>
<tr><td>Stores open at end of year</td><td>1,234</td><td>1,200</td><td>34</td></tr>
</table>
<p>(in thousands)</p><table>
<tr><td></td><td colspan="2">Shares in Treasury</td></tr>
<tr><td></td><td>Number</td><td>Amount</td></tr>
<tr><td>Balance, December 31, 2019</td><td>1,200</td><td>(35,400)</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "release.htm"))
    assert [f.unit for f in by["Number of loans"]] == ["count"]
    assert [f.unit for f in by["Stores open at end of year"]] == ["count"] * 3
    assert by["Balance, December 31, 2019"][1].unit == "USD"


def test_a_carrying_amount_beside_a_sale_price_and_gain_stays_the_years():
    # properties sold during 2020: the carrying amount is of what was sold then, no
    # balance at the year's end; an intangibles table's amounts all stand at the end
    html = """<html><body><p>(in thousands)</p><table>
<tr><td></td><td colspan="3">2020</td></tr>
<tr><td></td><td>Sales Price</td><td>Carrying Amount</td><td>Gain</td></tr>
<tr><td>Office buildings</td><td>12,400</td><td>9,100</td><td>3,300</td></tr>
</table>
<p>(in thousands)</p><table>
<tr><td></td><td colspan="3">2020</td></tr>
<tr><td></td><td>Gross Carrying Amount</td><td>Accumulated Amortization</td>
<td>Net Carrying Amount</td></tr>
<tr><td>Customer relationships</td><td>50,000</td><td>(12,000)</td><td>38,000</td></tr>
</table></body></html>"""
    by = _by_label(read_text(html, "10k.htm"))
    year = Period(end=date(2020, 12, 31), start=date(2020, 1, 1))
    assert [f.period for f in by["Office buildings"]] == [year] * 3
    assert [f.period for f in by["Customer relationships"]] == [
        Period.instant(date(2020, 12, 31))] * 3


def test_a_statement_of_income_under_quarter_end_dates_alone_is_of_those_quarters():
    # a bank's five-quarter trend of income, columns dated by their last day alone:
    # each column is the quarter that ends on it (hand-read); no balance at the day
    html = """<html><body><p>CONSOLIDATED STATEMENTS OF INCOME (Dollars in thousands)</p><table>
<tr><td></td><td>March 31, 2020</td><td>December 31, 2019</td><td>September 30, 2019</td></tr>
<tr><td>Interest income</td><td>45,373</td><td>46,001</td><td>45,100</td></tr>
<tr><td>Net income</td><td>11,012</td><td>17,003</td><td>16,500</td></tr>
</table></body></html>"""
    income = _by_label(read_text(html, "release.htm"))["Net income"]
    assert [f.period for f in income] == [
        Period(end=date(2020, 3, 31), start=date(2020, 1, 1)),
        Period(end=date(2019, 12, 31), start=date(2019, 10, 1)),
        Period(end=date(2019, 9, 30), start=date(2019, 7, 1))]


def test_statements_of_income_under_linked_and_year_ago_quarters_or_year_ends():
    # "March 31, 2020 | December 31, 2019 | March 31, 2019": this quarter, the one before
    # and the year-ago one (hand-read); "December 31, 2020 | December 31, 2019" says not
    # whether years or fourth quarters.
    # A balance sheet carried under the income statement's title keeps its balances.
    html = """<html><body><p>CONSOLIDATED STATEMENTS OF INCOME (Dollars in thousands)</p><table>
<tr><td></td><td>March 31, 2020</td><td>December 31, 2019</td><td>March 31, 2019</td></tr>
<tr><td>Net income</td><td>11,012</td><td>17,003</td><td>16,500</td></tr></table>
<p>CONSOLIDATED STATEMENTS OF INCOME (Dollars in thousands)</p><table>
<tr><td></td><td>December 31, 2020</td><td>December 31, 2019</td></tr>
<tr><td>Net earnings</td><td>41,012</td><td>37,003</td></tr></table>
<p>CONSOLIDATED STATEMENTS OF INCOME (Dollars in thousands)</p><table>
<tr><td></td><td>March 31, 2020</td><td>December 31, 2019</td></tr>
<tr><td>Goodwill</td><td>545</td><td>545</td></tr>
<tr><td>Total assets</td><td>1,116,728</td><td>1,083,743</td></tr></table></body></html>"""
    by = _by_label(read_text(html, "release.htm"))
    assert [f.period for f in by["Net income"]] == [
        Period(end=date(2020, 3, 31), start=date(2020, 1, 1)),
        Period(end=date(2019, 12, 31), start=date(2019, 10, 1)),
        Period(end=date(2019, 3, 31), start=date(2019, 1, 1))]
    # (year ends alone say no length: the year's, or its fourth quarter's)
    assert [f.period for f in by["Net earnings"]] == [
        Period.instant(date(2020, 12, 31)), Period.instant(date(2019, 12, 31))]
    assert by["Goodwill"][0].period == Period.instant(date(2020, 3, 31))


def test_a_change_beside_percentages_is_in_points_whatever_the_dollar_scale():
    # "Core earnings ROE 9.9% | 8.1% | 1.8" in a table "($ in millions)": the change is
    # 1.8 percentage points, no $1.8 million (hand-read)
    html = """<html><body><p>($ in millions)</p><table>
<tr><td></td><td colspan="2">Three Months Ended March 31,</td><td></td></tr>
<tr><td></td><td>2020</td><td>2019</td><td>Change</td></tr>
<tr><td>Net income</td><td>$ 121</td><td>$ 363</td><td>(67)%</td></tr>
<tr><td>Core earnings ROE</td><td>9.9%</td><td>8.1%</td><td>1.8</td></tr>
</table></body></html>"""
    roe = _by_label(read_text(html, "release.htm"))["Core earnings ROE"]
    assert [(f.value, f.unit) for f in roe] == [(Decimal("9.9"), "%"), (Decimal("8.1"), "%"),
                                                (Decimal("1.8"), "%")]


def test_a_day_heading_a_quarter_and_the_year_to_date_makes_no_quarters():
    # "June 30, 2020" over the quarter and over the six months: the dates alone cannot
    # tell which column is which, so no column is made a quarter (hand-read)
    html = """<html><body><p>CONSOLIDATED STATEMENTS OF INCOME (in thousands)</p><table>
<tr><td></td><td colspan="3">Quarterly Results</td><td colspan="2">Year-to-Date Results</td></tr>
<tr><td></td><td>June 30, 2020</td><td>March 31, 2020</td><td>June 30, 2019</td>
<td>June 30, 2020</td><td>June 30, 2019</td></tr>
<tr><td>Interest income</td><td>12,500</td><td>12,100</td><td>11,800</td><td>24,600</td>
<td>23,300</td></tr></table></body></html>"""
    income = _by_label(read_text(html, "release.htm"))["Interest income"]
    assert Period(end=date(2020, 6, 30), start=date(2020, 4, 1)) not in [
        f.period for f in income]


def test_a_votes_tally_counts_votes_not_dollars():
    # Item 5.07: each director's votes for, withheld and broker non-votes are counts of
    # votes cast, whatever scale a note above gives dollars (hand-read)
    html = """<html><body><p>Item 5.07 Submission of Matters to a Vote of Security Holders</p>
<table><tr><td>Nominee</td><td>For</td><td>Withheld</td><td>Broker Non-Votes</td></tr>
<tr><td>Susan E. Arnold</td><td>1,031,526,101</td><td>14,201,588</td><td>283,045,106</td></tr>
<tr><td>Mary T. Barra</td><td>1,036,172,404</td><td>9,555,285</td><td>283,045,106</td></tr>
</table></body></html>"""
    arnold = _by_label(read_text(html, "8k.htm"))["Susan E. Arnold"]
    assert [(f.value, f.unit) for f in arnold] == [
        (Decimal(1_031_526_101), "count"), (Decimal(14_201_588), "count"),
        (Decimal(283_045_106), "count")]


def test_a_lower_block_with_periods_alone_keeps_the_names_over_the_upper_block():
    # comprehensive income by owner: "Parent | Noncontrolling interest" printed once over
    # the quarter's block; the six months' block repeats only its periods (hand-read)
    html = """<html><body><p>Statement of Comprehensive Income (in millions)</p><table>
<tr><td></td><td colspan="2">Parent</td><td colspan="2">Noncontrolling interest</td></tr>
<tr><td></td><td colspan="2">Second quarter ended June 30,</td>
<td colspan="2">Second quarter ended June 30,</td></tr>
<tr><td></td><td>2018</td><td>2017</td><td>2018</td><td>2017</td></tr>
<tr><td>Net income</td><td>75</td><td>75</td><td>155</td><td>63</td></tr>
<tr><td>Foreign currency translation</td><td>(445)</td><td>(99)</td><td>(151)</td><td>(37)</td></tr>
<tr><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td colspan="2">Six months ended June 30,</td>
<td colspan="2">Six months ended June 30,</td></tr>
<tr><td></td><td>2018</td><td>2017</td><td>2018</td><td>2017</td></tr>
<tr><td>Net income</td><td>225</td><td>300</td><td>279</td><td>146</td></tr>
<tr><td>Foreign currency translation</td><td>(444)</td><td>140</td><td>(165)</td><td>77</td></tr>
</table></body></html>"""
    fx = _by_label(read_text(html, "10q.htm"))["Foreign currency translation"]
    half = [(f.value, dict(f.dims).get("member")) for f in fx
            if f.period == Period(end=date(2018, 6, 30), start=date(2018, 1, 1))]
    assert half == [(Decimal(-444_000_000), "Parent"),
                    (Decimal(-165_000_000), "Noncontrolling interest")]


def test_a_figure_printed_with_a_dollar_sign_is_no_count_of_shares():
    # by hand (shaped after an 8-K's award table): the columns are named by share counts
    # ("600 shares"), but the cash award's figures print "$": dollars
    html = """<html><body><table>
<tr><td></td><td>Threshold</td><td>Target</td></tr>
<tr><td>Performance Share Award</td><td>300 shares</td><td>600 shares</td></tr>
<tr><td>Cash Performance Award</td><td>$37,500</td><td>$75,000</td></tr>
</table></body></html>"""
    facts = _by_label(read_text(html, "8k.htm"))
    assert [(f.value, f.unit) for f in facts["Cash Performance Award"]] == [
        (37_500, "USD"), (75_000, "USD")]


def test_a_caption_in_the_stub_of_the_first_header_row_titles_the_table():
    # by hand (shaped after a release's segment tables): "Enclosures" stands alone in the
    # label column over "Three months ended": it names the table, whose net sales are
    # that segment's
    html = """<html><body><table>
<tr><td></td><td></td><td></td></tr>
<tr><td>Enclosures</td><td></td><td></td></tr>
<tr><td></td><td colspan="2">Three months ended</td></tr>
<tr><td></td><td>March 31, 2020</td><td>March 31, 2019</td></tr>
<tr><td>Net Sales</td><td>$259</td><td>$256</td></tr>
</table></body></html>"""
    (first, _) = _by_label(read_text(html, "release.htm"))["Net Sales"]
    assert first.table == "Enclosures"
    assert first.period == Period.months_ended(3, date(2020, 3, 31))


MARGINS = """<html><body>
<p>Reconciliation of Operating Profit (in thousands)</p>
<table>
<tr><td></td><td colspan="6">Quarter Ended March 29, 2020</td></tr>
<tr><td></td><td colspan="2">As Reported</td><td colspan="2">Adjustments</td>
    <td colspan="2">Adjusted</td></tr>
<tr><td>Operating Profit</td><td>71,780</td><td></td><td>&#8212;</td><td></td><td>71,780</td>
    <td></td></tr>
<tr><td>Operating Margin</td><td>16.7</td><td>%</td><td>&#8212;</td><td></td><td>16.7</td>
    <td>%</td></tr>
</table>
</body></html>
"""


def test_a_nil_mark_among_percentages_is_a_percentage():
    # by hand: the margin row prints 16.7% twice and a dash between them for the
    # adjustment: no adjustment to a margin, 0%, not $0 thousand; the dash in the
    # profit row above is dollars
    by = _by_label(read_text(MARGINS, "margins.htm"))
    assert [(f.value, f.unit) for f in by["Operating Margin"]] == [
        (Decimal("16.7"), "%"), (Decimal("0"), "%"), (Decimal("16.7"), "%")]
    assert [(f.value, f.unit) for f in by["Operating Profit"]] == [
        (Decimal("71780000"), "USD"), (Decimal("0"), "USD"), (Decimal("71780000"), "USD")]


CHANGE_SPANS = """<html><body>
<p>CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION (in 000s)</p>
<table>
<tr><td></td><td></td><td colspan="2"></td><td></td><td colspan="2">Three Month</td><td></td>
    <td colspan="2"></td><td></td><td colspan="2">One Year</td><td></td><td colspan="2"></td></tr>
<tr><td></td><td></td><td colspan="2">June 30, 2008</td><td></td><td colspan="2">Change</td>
    <td></td>
    <td colspan="2">March 31, 2008</td><td></td><td colspan="2">Change</td><td></td>
    <td colspan="2">June 30, 2007</td></tr>
<tr><td>Cash and due from banks</td><td></td><td>$</td><td>24,095</td><td></td><td></td><td>8</td>
    <td>%</td><td>$</td><td>22,412</td><td></td><td></td><td>-31</td><td>%</td><td>$</td>
    <td>35,000</td></tr>
</table>
</body></html>
"""


def test_a_duration_over_a_change_column_names_the_change_not_its_neighbours():
    # by hand: "Three Month" and "One Year" stand over the two "Change" columns only
    # (their colspans match): the balances beside them are at their dates, instants
    doc = read_text(CHANGE_SPANS, "condition.htm")
    cash = [(f.value, f.period) for f in _by_label(doc)["Cash and due from banks"]]
    assert cash == [(Decimal("24095000"), Period(date(2008, 6, 30))),
                    (Decimal("8"), None),
                    (Decimal("22412000"), Period(date(2008, 3, 31))),
                    (Decimal("-31"), None),
                    (Decimal("35000000"), Period(date(2007, 6, 30)))]


FISCAL_QUARTERS = """<html><body>
<table>
<tr><td></td><td>Fourth</td><td>First</td></tr>
<tr><td></td><td>Quarter</td><td>Quarter</td></tr>
<tr><td>(In thousands)</td><td>2023</td><td>2023</td></tr>
<tr><td>Net earnings</td><td>129,903</td><td>64,082</td></tr>
</table>
<p>The Registrant reported results for the fourth quarter and fiscal year ended May 31,
2023.</p>
</body></html>
"""


def test_quarters_of_a_fiscal_year_the_text_ends_in_may():
    # by hand: the year ended May 31, 2023, so its first quarter ran from June to
    # August 2022 and its fourth from March to May 2023
    doc = read_text(FISCAL_QUARTERS, "quarters.htm")
    assert [f.period for f in _by_label(doc)["Net earnings"]] == [
        Period(date(2023, 5, 31), date(2023, 3, 1)), Period(date(2022, 8, 31), date(2022, 6, 1))]


CONTENTS = """<html><body>
<p>FORM 10-Q</p>
<table>
<tr><td></td><td>Page</td></tr>
<tr><td>Item 1. Financial Statements</td><td>1</td></tr>
<tr><td>Item 2. Management's Discussion and Analysis</td><td>12</td></tr>
<tr><td>Item 4. Controls and Procedures</td><td>18</td></tr>
</table>
<p>Condensed Statements of Operations (in millions)</p>
<table>
<tr><td></td><td>March 29, 2025</td></tr>
<tr><td>Units shipped, first plant</td><td>12</td></tr>
<tr><td>Units shipped, second plant</td><td>18</td></tr>
<tr><td>Units shipped, third plant</td><td>22</td></tr>
</table>
</body></html>
"""


def test_a_table_of_contents_is_no_table_of_facts():
    # by hand: the first table lists Items by page (1, 12, 18): page numbers, no
    # dollars; it is reported as not read. The second prints whole numbers rising down
    # its rows too, but names no part of a filing and no page: its three facts stay
    doc = read_text(CONTENTS, "contents.htm")
    assert {f.label for f in doc.facts} == {
        "Units shipped, first plant", "Units shipped, second plant", "Units shipped, third plant"}
    notes = [d for d in doc.diagnostics if d.code == "table-not-read"]
    assert len(notes) == 1 and "table of contents" in notes[0].message
    assert notes[0].location.selector == "table[1]"


TALLIES = """<html><body>
<p>The shareholders ratified the appointment of the independent auditor for the fiscal
year ending October 1, 2022. Set forth below are the voting results:</p>
<table>
<tr><td>Directors</td><td>Votes For</td><td>Votes Against</td><td>Broker Non-Votes</td></tr>
<tr><td>John Smith</td><td>901,712,037</td><td>19,376,628</td><td>23,203,329</td></tr>
</table>
<p>2. Ratification of the auditor:</p>
<table>
<tr><td>Votes For</td><td>110,069,690</td></tr>
<tr><td>Votes Against</td><td>814,372,346</td></tr>
<tr><td>Broker Non-Votes</td><td>20,079,959</td></tr>
</table>
</body></html>
"""


def test_a_vote_tally_down_the_rows_or_across_the_columns_counts_votes_at_no_period():
    # by hand: each figure is a number of votes cast at the meeting, not dollars, and the
    # fiscal year the sentence above names is not the votes' period
    doc = read_text(TALLIES, "votes.htm")
    assert {(f.unit, f.scale, f.period) for f in doc.facts} == {("count", 0, None)}
    assert [f.value for f in doc.facts if f.label == "Votes Against"] == [Decimal("814372346")]
    assert len(doc.facts) == 6
    # a say-on-frequency vote, and labels with a colon or "Shares voted": tallies too
    frequency = """<html><body><p>The shareholders ratified the auditor for the fiscal year
ending June 30, 2024. On the frequency of advisory votes:</p>
<table>
<tr><td>1 Year</td><td>41,203,117</td></tr>
<tr><td>2 Years</td><td>211,406</td></tr>
<tr><td>3 Years</td><td>6,870,214</td></tr>
<tr><td>Abstain</td><td>98,331</td></tr>
</table>
<table>
<tr><td>Shares voted for:</td><td>52,110,200</td></tr>
<tr><td>Shares voted against:</td><td>1,020,311</td></tr>
<tr><td>Abstain:</td><td>95,417</td></tr>
</table></body></html>"""
    doc = read_text(frequency, "frequency.htm")
    assert {(f.unit, f.period) for f in doc.facts} == {("count", None)}


MARKS = """<html><body>
<p>VALUATION AND QUALIFYING ACCOUNTS</p>
<table>
<tr><td>Description</td><td colspan="2">Balance at Beginning of Period</td>
    <td colspan="3">Additions</td><td colspan="2">Balance at End of Period</td></tr>
<tr><td></td><td colspan="8">(In millions)</td></tr>
<tr><td>Sales return allowance</td><td>$</td><td>13</td><td>$</td><td>104</td><td>(2)</td>
    <td>$</td><td>26</td></tr>
<tr><td>Valuation allowance</td><td>$</td><td>907</td><td>$</td><td>577</td><td>(3)</td>
    <td>$</td><td>1,484</td></tr>
<tr><td>Other charges</td><td>$</td><td>5</td><td>$</td><td>(1)</td><td></td>
    <td>$</td><td>4</td></tr>
</table>
<p>(2) Additions are charged to revenue.</p>
<p>(3) Additions are charged to income taxes.</p>
</body></html>
"""


def test_a_column_of_footnote_marks_beside_figures_holds_no_facts():
    # by hand: "(2)" and "(3)" stand right of the additions, in a column no header cell
    # names alone ("(In millions)" spans them all), and notes (2) and (3) follow the
    # table: they refer to those notes, no
    # losses of $2 and $3 million. The "(1)" under "Additions" is a figure: a loss
    doc = read_text(MARKS, "marks.htm")
    by = _by_label(doc)
    assert [f.value for f in by["Valuation allowance"]] == [
        Decimal("907000000"), Decimal("577000000"), Decimal("1484000000")]
    assert [f.value for f in by["Other charges"]] == [
        Decimal("5000000"), Decimal("-1000000"), Decimal("4000000")]
    # without notes after the table that those marks open, "(2)" and "(3)" are changes
    # (a column of small decreases set without "$"): they stay
    by = _by_label(read_text(MARKS.replace("<p>(2)", "<p>").replace("<p>(3)", "<p>"),
                             "changes.htm"))
    assert Decimal("-3000000") in [f.value for f in by["Valuation allowance"]]
    # notes set in the table's own last rows name its marks as well
    in_rows = MARKS.replace("<p>(2) Additions are charged to revenue.</p>", "").replace(
        "<p>(3) Additions are charged to income taxes.</p>", "").replace(
        "</table>", "<tr><td colspan='8'>(2) Charged to revenue.</td></tr>"
                    "<tr><td colspan='8'>(3) Charged to income taxes.</td></tr></table>")
    by = _by_label(read_text(in_rows, "rows.htm"))
    assert Decimal("-3000000") not in [f.value for f in by["Valuation allowance"]]


OWN_TITLE = """<html><body>
<p>Investor contact: 763.204.7771 investor@example.com</p>
<table>
<tr><td colspan="3">Example Electric plc</td></tr>
<tr><td colspan="3">Condensed Consolidated Statements of Cash Flows (Unaudited)</td></tr>
<tr><td></td><td colspan="2">Three months ended</td></tr>
<tr><td>In millions</td><td>March 31, 2020</td><td>March 31, 2019</td></tr>
<tr><td>Dividends paid</td><td>(29.7)</td><td>(31.0)</td></tr>
<tr><td>Shares issued to employees, net of shares withheld</td><td>3.0</td><td>1.0</td></tr>
</table>
</body></html>
"""


def test_a_tables_own_first_rows_that_name_a_statement_title_it():
    # by hand: the words above the table are a contact line; the table's own first rows
    # say it is a statement of cash flows, so "Shares issued to employees" is the cash
    # they brought, $3.0 million, not 3.0 million shares
    doc = read_text(OWN_TITLE, "flows.htm")
    assert doc.tables[0].title.startswith("Example Electric plc Condensed Consolidated "
                                          "Statements of Cash Flows")
    assert doc.tables[0].role == "cash_flows"
    shares = _by_label(doc)["Shares issued to employees, net of shares withheld"]
    assert [(f.value, f.unit) for f in shares] == [(Decimal("3000000"), "USD"),
                                                  (Decimal("1000000"), "USD")]
    # a section heading of rows spanning the table ("Balance Sheet Data:") is no title
    sections = OWN_TITLE.replace("Investor contact: 763.204.7771 investor@example.com",
                                 "Selected Quarterly Financial Information").replace(
        "Condensed Consolidated Statements of Cash Flows (Unaudited)", "Balance Sheet Data:")
    doc = read_text(sections, "selected.htm")
    assert doc.tables[0].title == "Selected Quarterly Financial Information"


NIL_FIRST = """<html><body>
<p>The following table presents quantitative information (in millions):</p>
<table>
<tr><td></td><td colspan="2">Fair value at June 30, 2018</td><td>Unobservable input</td>
    <td>Range</td></tr>
<tr><td>Embedded derivative (D7)</td><td>$</td><td>&#8212;</td><td>Future prices</td>
    <td>$2,164 per ton in July 2018 to $2,135 per ton in October 2018</td></tr>
<tr><td>Financial contract (D11)</td><td></td><td>83</td><td>Forward energy price</td>
    <td>$60.70 per megawatt hour in 2018</td></tr>
<tr><td>Credit derivative (D9)</td><td></td><td>20</td><td>Credit spread</td>
    <td>2.5% to 3.0%</td></tr>
</table>
</body></html>
"""


def test_a_first_row_of_a_nil_amount_is_a_row_of_the_body_not_the_header():
    # by hand: "$ —" beside a label is a nil amount, at June 30, 2018 as the header says;
    # the month its range cell names (July 2018) is no header's
    by = _by_label(read_text(NIL_FIRST, "fair.htm"))
    assert [(f.value, f.period) for f in by["Embedded derivative (D7)"]] == [
        (Decimal("0"), Period(date(2018, 6, 30)))]
    assert [(f.value, f.period) for f in by["Financial contract (D11)"]] == [
        (Decimal("83000000"), Period(date(2018, 6, 30)))]


DATA_SHEET = """<html><body>
<p>Q1 2011 Unaudited Summary Data</p>
<table>
<tr><td></td><td colspan="2">Q1'11</td><td colspan="2">Q4'10</td></tr>
<tr><td>Operating Segments</td><td>CPU Units K</td><td>Revenue $M</td><td>CPU Units K</td>
    <td>Revenue $M</td></tr>
<tr><td>Americas</td><td>1,360</td><td>9,218</td><td>1,245</td><td>7,186</td></tr>
<tr><td>Europe</td><td>1,068</td><td>7,256</td><td>978</td><td>5,578</td></tr>
</table>
<p>$M = Amounts in millions; K = Units in thousands</p>
</body></html>
"""


def test_a_column_scaled_by_a_letter_dollars_m_or_units_k():
    # by hand: "Revenue $M" holds millions of dollars (9,218 is $9,218,000,000) and "CPU
    # Units K" thousands of units (1,360 is 1,360,000 units), though no scale note says so
    by = _by_label(read_text(DATA_SHEET, "summary.htm"))
    assert [(f.value, f.unit) for f in by["Americas"]] == [
        (Decimal("1360000"), "count"), (Decimal("9218000000"), "USD"),
        (Decimal("1245000"), "count"), (Decimal("7186000000"), "USD")]
