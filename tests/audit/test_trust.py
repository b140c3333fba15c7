"""The audit's trust on documents it has never seen: a relation assumed from the layout
or from labels is reported as broken only where it holds elsewhere; rates are not
footed; a prose reader that rarely agrees with a document's tables reports no
disagreement. (Each document below is hand-made; its arithmetic is in its comment.)"""

from assay.audit.engine import audit
from assay.model.findings import Status
from assay.read import read_text


def _statement(rows: str, header: str = "") -> str:
    header = header or ("<tr><td></td><td>Three Months Ended March 31, 2020</td>"
                        "<td>Three Months Ended March 31, 2019</td></tr>")
    return (f"<html><body><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p>"
            f"<p>(in thousands)</p><table>{header}{rows}</table></body></html>")


def _ruled(label: str, *cells: str) -> str:
    """A row whose figures are ruled beneath (the rows above the total end there)."""
    tds = "".join(f'<td style="border-bottom:1px solid #000">{c}</td>' for c in cells)
    return f"<tr><td>{label}</td>{tds}</tr>"


def _statuses(html: str, rule: str) -> list[str]:
    return [str(f.status) for f in audit(read_text(html, "r.htm")).findings
            if f.rule == rule]


def test_a_footing_broken_in_one_column_is_a_mismatch_and_in_every_column_not_checkable():
    # 100 + 50 = 150 holds in 2020; 90 + 40 = 130, printed 135, is a typo of 2019
    typo = _statement("<tr><td>Product sales</td><td>100</td><td>90</td></tr>"
                      + _ruled("Service sales", "50", "40")
                      + "<tr><td>Total sales</td><td>150</td><td>135</td></tr>")
    assert _statuses(typo, "foot.layout") == ["ok", "mismatch"]
    # A row under sales and costs printed 30 and 20: 100 + 60 = 160 and 90 + 55 = 145 do
    # not foot, nor do 100 - 60 = 40 and 90 - 55 = 35: the rows are not its addends
    other = _statement("<tr><td>Sales</td><td>100</td><td>90</td></tr>"
                       + _ruled("Cost of sales", "60", "55")
                       + "<tr><td>Other margin</td><td>30</td><td>20</td></tr>")
    assert _statuses(other, "foot.layout") == ["not checkable", "not checkable"]
    # printed 40 and 35, it is sales less cost in both columns: "Gross profit"
    gross = other.replace("Other margin", "Gross profit").replace("<td>30</td><td>20</td>",
                                                                  "<td>40</td><td>35</td>")
    assert _statuses(gross, "foot.layout") == ["ok", "ok"]


def test_rates_are_not_footed():
    # yields of 1.06%, 1.64% and 5.78% do not add up to the total's 2.50%
    rates = _statement("<tr><td>Deposits</td><td>1.06%</td><td>1.10%</td></tr>"
                       "<tr><td>Borrowings</td><td>1.64%</td><td>1.70%</td></tr>"
                       + _ruled("Notes", "5.78%", "5.80%")
                       + "<tr><td>Total borrowings</td><td>2.50%</td><td>2.60%</td></tr>")
    assert _statuses(rates, "foot.layout") == []


def test_columns_sharing_a_period_are_told_apart_and_do_not_tie():
    # "Domestic 237 | Canada 25 | Consolidated 262" for one quarter: three quantities;
    # the statement's 262 ties to the consolidated column only, and no mismatch arises
    header = ('<tr><td></td><td colspan="3">13 Weeks Ended July 3, 2004</td></tr>'
              "<tr><td></td><td>Domestic</td><td>Canada</td><td>Consolidated</td></tr>")
    html = (_statement("<tr><td>Depreciation and amortization</td><td>262</td><td>230</td>"
                       "</tr><tr><td>Net income</td><td>53</td><td>40</td></tr>")
            .replace("</body></html>", "")
            + "<p>Segment Income Statements</p><p>(in thousands)</p><table>" + header
            + "<tr><td>Depreciation and amortization</td><td>237</td><td>25</td>"
              "<td>262</td></tr><tr><td>Net income</td><td>50</td><td>3</td><td>53</td>"
              "</tr></table></body></html>")
    html = html.replace("March 31, 2020", "July 3, 2004").replace(
        "Three Months Ended March 31, 2019", "Three Months Ended June 28, 2003")
    doc = read_text(html, "seg.htm")
    members = {f.dims for f in doc.facts if f.table and "Segment" in f.table}
    assert members == {(("member", "Domestic"),), (("member", "Canada"),),
                       (("member", "Consolidated"),)}
    assert not audit(doc).mismatches


def test_a_prose_reader_that_rarely_agrees_reports_no_disagreement():
    from assay.audit.engine import _calibrated
    from assay.model.findings import Finding

    def claims(agree: int, disagree: int) -> list[Finding]:
        return ([Finding("prose.value", Status.OK, "agrees", ()) for _ in range(agree)]
                + [Finding("prose.value", Status.MISMATCH, "differs", ())
                   for _ in range(disagree)])

    # a document whose 61 checked claims agree and 4 do not (the bundled release):
    # its 4 disagreements are the document's
    kept = _calibrated(claims(61, 4))
    assert sum(f.status is Status.MISMATCH for f in kept) == 4
    # one that agrees in 3 and disagrees in 9: the reader misreads it, no mismatch
    doubted = _calibrated(claims(3, 9))
    assert not any(f.status is Status.MISMATCH for f in doubted)
    assert doubted[-1].message.endswith(
        "agrees with its tables in 3 claims and disagrees in 9, too few agreeing for a "
        "disagreement to be the document's rather than a misreading")


def test_a_footing_that_holds_only_in_a_column_of_zeros_is_not_corroborated():
    # Printed 10,800 and 12,700 under 12,880 - 2,000 and 13,002 - 200: neither the sum
    # (14,880; 13,202) nor the difference (10,880; 12,802) holds; 13,100 + 0 = 13,100
    # holds, but a zero holds whatever the relation: no column corroborates the sum, no
    # mismatch is reported
    header = ("<tr><td></td><td>Three Months Ended March 31, 2020</td>"
              "<td>Three Months Ended December 31, 2019</td>"
              "<td>Three Months Ended March 31, 2019</td></tr>")

    def table(first: str, second: str) -> str:
        return _statement("<tr><td>Net interest income</td><td>12,880</td><td>13,002</td>"
                          "<td>13,100</td></tr>"
                          + _ruled("Provision for loan losses", "2,000", "200", "0")
                          + f"<tr><td>Net interest income after provision</td><td>{first}"
                            f"</td><td>{second}</td><td>13,100</td></tr>", header)

    assert _statuses(table("10,800", "12,700"), "foot.layout") == [
        "not checkable", "not checkable", "ok"]
    # printed 10,880 and 12,802: income less provision holds in two columns that are not
    # zeros, so the row is that difference, and holds in all three
    assert _statuses(table("10,880", "12,802"), "foot.layout") == ["ok", "ok", "ok"]


def test_a_balance_sheet_balances_with_what_stands_between_liabilities_and_equity():
    # by hand, from an 8-K's balance sheet: 11,937 liabilities + 283 minority interest +
    # 180,874 equity = 193,094 total assets (without the minority interest 283 short)
    html = ("<html><body><p>CONDENSED CONSOLIDATED BALANCE SHEETS</p><p>(in thousands)</p>"
            "<table><tr><td></td><td>March 31, 2005</td><td>June 30, 2004</td></tr>"
            "<tr><td>Total assets</td><td>193,094</td><td>197,452</td></tr>"
            "<tr><td>Total liabilities</td><td>11,937</td><td>15,555</td></tr>"
            "<tr><td>Minority interest in consolidated subsidiary</td><td>283</td><td>0</td></tr>"
            "<tr><td>Total shareholders' equity</td><td>180,874</td><td>181,897</td></tr>"
            "</table></body></html>")
    assert _statuses(html, "identity.balance_sheet") == ["ok", "ok"]


def test_a_pro_forma_statement_ties_to_nothing_reported():
    # a "PROFORMA" statement's gross profit 13,549 is of another basis than the
    # reported 13,490: no tie is made between them
    reported = _statement("<tr><td>Net revenues</td><td>40,000</td><td>35,000</td></tr>"
                          "<tr><td>Gross profit</td><td>13,490</td><td>13,718</td></tr>")
    pro_forma = ("<p>PROFORMA CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(in thousands)</p>"
                 "<table><tr><td></td><td>Three Months Ended March 31, 2020</td>"
                 "<td>Three Months Ended March 31, 2019</td></tr>"
                 "<tr><td>Gross profit</td><td>13,549</td><td>18,034</td></tr></table>")
    html = reported.replace("</body>", pro_forma + "</body>")
    assert not [f for f in audit(read_text(html, "pf.htm")).findings
                if f.rule == "tie.gross_profit"]


def test_cash_flows_add_the_effect_of_exchange_rates_and_cents_are_not_footed():
    # by hand: 144,759 - 71,748 - 59,739 = 13,272; with the effect of exchange rates
    # (-590) the net change printed, 12,682
    html = ("<html><body><p>CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(in thousands)</p>"
            "<table><tr><td></td><td>Year Ended February 29, 2020</td></tr>"
            "<tr><td>Net cash provided by operating activities</td><td>144,759</td></tr>"
            "<tr><td>Net cash used in investing activities</td><td>(71,748)</td></tr>"
            "<tr><td>Net cash used in financing activities</td><td>(59,739)</td></tr>"
            "<tr><td>Effect of exchange rate changes on cash</td><td>(590)</td></tr>"
            "<tr><td>Net increase in cash and cash equivalents</td><td>12,682</td></tr>"
            "</table></body></html>")
    assert _statuses(html, "identity.cash_flow") == ["ok"]
    # revenue per unit, $12.01 + $8.34 + $6.59, is no sum to a total's $7.31
    per_unit = _statement("<tr><td>Healthcare</td><td>12.01</td><td>11.99</td></tr>"
                          + _ruled("Government", "8.34", "8.31")
                          + "<tr><td>Total</td><td>7.31</td><td>7.33</td></tr>")
    assert _statuses(per_unit, "foot.layout") == []


def test_a_label_a_table_prints_with_several_values_ties_to_nothing():
    # by hand, from a release's "Detailed information on selected items": "General and
    # administrative" is printed under each item (3,656 of share-based compensation,
    # 129 of pension costs): neither is the G&A of the reconciliation (1,820)
    detail = ("<p>Detailed Information on Selected Items</p><p>(in thousands)</p><table>"
              "<tr><td></td><td>Three Months Ended March 31, 2020</td></tr>"
              "<tr><td>Share-based compensation</td><td></td></tr>"
              "<tr><td>General and administrative</td><td>3,656</td></tr>"
              "<tr><td>Pension costs</td><td></td></tr>"
              "<tr><td>General and administrative</td><td>129</td></tr></table>")
    html = _statement("<tr><td>Revenue</td><td>50,000</td><td>45,000</td></tr>"
                      "<tr><td>General and administrative</td><td>1,820</td><td>1,700</td></tr>"
                      ).replace("</body>", detail + "</body>")
    assert not [f for f in audit(read_text(html, "d.htm")).findings
                if f.rule == "tie.general_and_administrative"]


def test_a_block_with_figures_left_among_a_row_s_words_is_not_footed():
    # by hand, from a bank's 8-K: "Federal income tax payable - -100% 1,527 na" kept its
    # 1,527 among its words; without it the liabilities miss their printed total by
    # 1,527, a sum the audit cannot make
    rows = ("<tr><td>Deposits</td><td>892,133</td><td>800,938</td></tr>"
            "<tr><td>Federal income tax payable 1,527 na</td><td></td><td></td></tr>"
            + _ruled("Deferred compensation", "1,877", "1,858")
            + "<tr><td>Total liabilities</td><td>895,537</td><td>802,796</td></tr>")
    assert _statuses(_statement(rows), "foot.layout") == []


def test_a_point_that_may_part_thousands_is_not_checkable():
    # 660,591 + 139.435 + 116,972 = 917,002.435 against a printed 917,998: read as a typo
    # for 139,435 the column foots (660,591 + 139,435 + 116,972 = 917,998); either way the
    # audit cannot tell which the filer meant. The 2019 column foots: 500 + 100 + 100.
    html = _statement("<tr><td>Residential</td><td>660,591</td><td>500</td></tr>"
                      "<tr><td>Home equity</td><td>139.435</td><td>100</td></tr>"
                      + _ruled("Consumer", "116,972", "100")
                      + "<tr><td>Total loans</td><td>917,998</td><td>700</td></tr>")
    assert _statuses(html, "foot.layout") == ["not checkable", "ok"]


def test_a_column_of_months_to_roll_is_not_footed():
    # weighted averages in months (6.4, 7.6 over 6.7) beside amounts that foot
    header = ("<tr><td></td><td>Amortized Cost Basis</td><td>Months To Roll</td></tr>")
    html = _statement("<tr><td>Agency ARMs</td><td>2,480,626</td><td>6.4</td></tr>"
                      + _ruled("Private ARMs", "814,484", "7.6")
                      + "<tr><td>Total</td><td>3,295,110</td><td>6.7</td></tr>",
                      header).replace("STATEMENTS OF OPERATIONS", "PORTFOLIO STATISTICS AT "
                                      "MARCH 31, 2020")
    doc = read_text(html, "r.htm")
    assert {f.unit for f in doc.facts if f.printed in ("6.4", "7.6", "6.7")} == {"months"}
    assert [str(f.status) for f in audit(doc).findings if f.rule == "foot.layout"] == ["ok"]


def test_a_result_right_under_a_total_is_the_total_before_less_it():
    # Total sales 150 and 130, total operating expenses 50 and 30, then "Operating
    # income" with no rule of its own: 150 - 50 = 100 and 130 - 30 = 100
    html = _statement("<tr><td>Products</td><td>100</td><td>90</td></tr>"
                      + _ruled("Services", "50", "40")
                      + "<tr><td>Total sales</td><td>150</td><td>130</td></tr>"
                      "<tr><td>Research</td><td>30</td><td>20</td></tr>"
                      + _ruled("Selling", "20", "10")
                      + "<tr><td>Total operating expenses</td><td>50</td><td>30</td></tr>"
                      "<tr><td>Operating income</td><td>100</td><td>100</td></tr>")
    assert _statuses(html, "foot.cascade") == ["ok", "ok"]
    # printed 100 and 90, the relation holds in one column only: not enough to say it
    # is the row's, so nothing is reported
    assert _statuses(html.replace("<td>100</td><td>100</td>", "<td>100</td><td>90</td>"),
                     "foot.cascade") == []


def _securities(rows: list[tuple[str, str, str, str, str]]) -> str:
    header = ('<tr><td></td><td colspan="4">March 31, 2020</td></tr>'
              "<tr><td></td><td>Adjusted Cost</td><td>Unrealized Gains</td>"
              "<td>Unrealized Losses</td><td>Fair Value</td></tr>")
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td></tr>"
                   for a, b, c, d, e in rows)
    return (f"<html><body><p>MARKETABLE SECURITIES</p><p>(in millions)</p><table>{header}"
            f"{body}</table></body></html>")


def test_a_column_that_adds_the_columns_before_it_foots_across_each_row():
    # 612 + 81 - 11 = 682; 14,509 + 24 - 445 = 14,088; 4,889 + 10 - 233 = 4,666;
    # 2,000 + 7 - 1 = 2,006; 900 + 5 - 2 = 903, printed 930: a typo in one row of five
    rows = [("Mutual funds", "612", "81", "(11)", "682"),
            ("Treasury securities", "14,509", "24", "(445)", "14,088"),
            ("Agency securities", "4,889", "10", "(233)", "4,666"),
            ("Corporate bonds", "2,000", "7", "(1)", "2,006"),
            ("Municipal securities", "900", "5", "(2)", "930")]
    assert _statuses(_securities(rows), "across.layout") == [
        "ok", "ok", "ok", "ok", "mismatch"]
    # with two rows of five off, the figures do not say the column is their sum: no check
    rows[2] = ("Agency securities", "4,889", "10", "(233)", "4,700")
    assert _statuses(_securities(rows), "across.layout") == []


def test_a_heading_among_the_rows_starts_its_subtotal_when_the_figures_say_so():
    # "Cash" 100 and 90 above the heading "Level 1:", then 10 + 20 = 30 and 15 + 25 = 40
    # under it: the subtotal adds the rows under the heading (not 130 and 130)
    html = _statement("<tr><td>Cash</td><td>100</td><td>90</td></tr>"
                      "<tr><td>Level 1:</td><td></td><td></td></tr>"
                      "<tr><td>Money market funds</td><td>10</td><td>15</td></tr>"
                      + _ruled("Mutual funds", "20", "25")
                      + "<tr><td>Subtotal</td><td>30</td><td>40</td></tr>")
    assert _statuses(html, "foot.layout") == ["ok", "ok"]


def test_a_balance_sheet_of_two_columns_at_one_date_adds_each_columns_own_minority():
    # "As Reported" and "Adjusted" at one date: 11,937 + 283 + 180,874 = 193,094 and
    # 12,000 + 300 + 180,794 = 193,094; each column adds its own minority interest only
    # (both would make 193,394 and 193,077)
    html = ("<html><body><p>CONDENSED CONSOLIDATED BALANCE SHEETS</p><p>(in thousands)</p>"
            "<table><tr><td></td><td colspan='2'>March 31, 2005</td></tr>"
            "<tr><td></td><td>As Reported</td><td>Adjusted</td></tr>"
            "<tr><td>Total assets</td><td>193,094</td><td>193,094</td></tr>"
            "<tr><td>Total liabilities</td><td>11,937</td><td>12,000</td></tr>"
            "<tr><td>Minority interest in consolidated subsidiary</td><td>283</td><td>300</td>"
            "</tr><tr><td>Total shareholders' equity</td><td>180,874</td><td>180,794</td></tr>"
            "</table></body></html>")
    assert _statuses(html, "identity.balance_sheet") == ["ok", "ok"]


def test_a_file_holding_the_release_twice_relates_each_printing_to_its_own_tables():
    # The bundled example printed twice in one file: each highlights figure is the sum
    # (or ounce-weighted average) of the units in the production table of its own
    # printing. Summing the units of both printings doubled every sum of units, and
    # each highlights total was reported as a mismatch against twice its units.
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
            ).read_text("utf-8")
    once = audit(read_text(text, "x.txt"))
    twice = audit(read_text(text + "\n" + text, "x.txt"))
    half = len(text.split("\n"))
    for rule in ("derived.production_total", "derived.weighted_cost"):
        one = sorted(str(f.status) for f in once.findings if f.rule == rule)
        two = [f for f in twice.findings if f.rule == rule]
        assert sorted(str(f.status) for f in two) == sorted(one * 2)
        for f in two:  # every operand from the printing of the total
            lines = {twice.document.fact(o.fact_id).source.line > half
                     for o in f.operands if o.fact_id}
            assert len(lines) == 1, f.message
    assert len(twice.mismatches) == 2 * len(once.mismatches)
