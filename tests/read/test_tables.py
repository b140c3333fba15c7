"""Each layout convention of plain-text filings, on small inline fixtures."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from assay.model import Period
from assay.read import read_text

STATEMENT = """\

                      EXAMPLE MINING COMPANY
                    Reconciliation of Cash Costs
   (dollars and ounces in thousands, except per ounce - unaudited)

                                Three Months Ended  Six Months Ended
                                ------------------ -------------------
                                June 30, June 30,  June 30,  June 30,
                                  2007      2006      2007      2006

GOLD OPERATIONS

Total cash costs                $10,972  $ 12,562  $ 25,724  $ 25,771
Divided by gold ounces produced      19        37        50        74
                                 -------  --------  --------  --------
   Total cash cost per ounce
    produced                    $   577  $    340  $    514  $    348
                                 =======  ========  ========  ========
Reconciliation to GAAP (2):
   Reduction in labor cost (3)      949        --     1,280        --
   Treatment and freight costs     (123)   (2,088)   (1,500)   (3,682)

GREENS CREEK UNIT (Reflects
 Hecla's 29.73% share)

Total cash costs                $(2,375) $ (1,186) $ (5,633) $ (1,974)


(2) Costs per ounce of gold are based on the gold produced by the
 La Camorra mine only.

(3) Incentives have been offered.
"""


def _row(doc, label):
    table = doc.tables[0]
    return next(r for r in table.rows if r.label == label)


def _facts(doc, label):
    return [doc.fact(fid) for fid in _row(doc, label).fact_ids if fid]


def test_title_scale_and_periods():
    doc = read_text(STATEMENT, "x.txt")
    (table,) = doc.tables
    assert doc.company == "Example Mining Company"
    assert table.title == "Reconciliation of Cash Costs"
    assert "ounces in thousands" in table.scale_note
    assert [c.period.key for c in table.columns] == ["2007Q2", "2006Q2", "2007H1", "2006H1"]
    assert table.columns[0].period == Period(date(2007, 6, 30), date(2007, 4, 1))


def test_dollars_in_thousands_and_denominator_in_thousands_of_ounces():
    doc = read_text(STATEMENT, "x.txt")
    costs = _facts(doc, "Total cash costs")[:4]
    assert [f.value for f in costs] == [Decimal(10972000), Decimal(12562000),
                                        Decimal(25724000), Decimal(25771000)]
    assert {(f.unit, f.scale, f.decimals) for f in costs} == {("USD", 3, -3)}
    oz = _facts(doc, "Divided by gold ounces produced")
    assert oz[0].value == Decimal(19000) and oz[0].unit == "oz" and oz[0].decimals == -3
    assert oz[0].concept == "ounces_produced"


def test_wrapped_label_per_ounce_row_and_rules():
    doc = read_text(STATEMENT, "x.txt")
    row = _row(doc, "Total cash cost per ounce produced")
    assert row.rule_above == "-" and row.rule_below == "="
    f = doc.fact(row.fact_ids[0])
    assert (f.value, f.unit, f.scale, f.decimals) == (Decimal(577), "USD/oz", 0, 0)
    assert f.source.line == 17 and f.source.file == "x.txt"
    assert f.concept == "total_cash_cost_per_oz"
    assert row.lines == (16, 17)


def test_negatives_nil_and_footnote_markers():
    doc = read_text(STATEMENT, "x.txt")
    labour = _row(doc, "Reduction in labor cost")
    assert labour.footnotes == ("3",)
    values = [doc.fact(fid) for fid in labour.fact_ids]
    assert [f.value for f in values] == [Decimal(949000), 0, Decimal(1280000), 0]
    assert values[1].nil and not values[0].nil
    freight = _facts(doc, "Treatment and freight costs")
    assert freight[1].value == Decimal(-2088000)
    table = doc.tables[0]
    assert table.footnotes["3"] == "Incentives have been offered."
    assert table.footnotes["2"].startswith("Costs per ounce of gold")


def test_sections_groups_and_attributable_share():
    doc = read_text(STATEMENT, "x.txt")
    gold = _facts(doc, "Treatment and freight costs")[0]
    assert gold.entity.segment == "gold" and gold.entity.unit is None
    assert _row(doc, "Treatment and freight costs").group == "Reconciliation to GAAP:"
    greens = [doc.fact(fid) for r in doc.tables[0].rows if r.section and "GREENS" in r.section
              for fid in r.fact_ids if fid]
    assert len(greens) == 4
    assert {(f.entity.unit, f.entity.share) for f in greens} == {("Greens Creek",
                                                                  Decimal("0.2973"))}
    assert greens[0].value == Decimal(-2375000)


def test_every_line_of_the_table_is_placed():
    doc = read_text(STATEMENT, "x.txt")
    table = doc.tables[0]
    assert table.unplaced == []
    assert table.lines_used == table.lines_total
    assert sum(1 for f in doc.facts) == 24


HIGHLIGHTS = """\
                         EXAMPLE MINING COMPANY
  (dollars in thousands, except per share, per ounce and per pound
                         amounts - unaudited)

                          Second Quarter Ended
                         ----------------------
                          June 30,   June 30,
HIGHLIGHTS                   2007       2006

Sales:
Silver operations (1)    $   44,431  $   25,875
Gold operations              15,669      31,066
                          ---------   ---------
  Total sales            $   60,100  $   56,941
                          =========   =========

Basic income per common
 share                   $     0.20  $     0.08
Silver - Ounces           1,492,740   1,262,875
Average cost per ounce
 of silver produced (1):
  Total cash costs
   ($/oz.) (3)                (1.98)       1.98
Lead - LME Cash
 ($/pound)                     0.99        0.50
Mining cost per ton        $  51.76  $  51.89
"""


def test_scale_exceptions_per_share_per_ounce_per_pound():
    doc = read_text(HIGHLIGHTS)
    by_label = {d.label: d for d in doc.facts if d.column == 0}
    assert by_label["Silver operations"].value == Decimal(44431000)
    assert by_label["Silver operations"].entity.segment == "silver"
    assert by_label["Silver operations"].concept == "sales"
    assert by_label["Basic income per common share"].value == Decimal("0.20")
    assert by_label["Basic income per common share"].unit == "USD/share"
    assert by_label["Silver - Ounces"].value == Decimal(1492740)
    assert by_label["Silver - Ounces"].unit == "oz"
    cash = by_label["Total cash costs ($/oz.)"]
    assert (cash.value, cash.unit, cash.metal, cash.footnotes) == (
        Decimal("-1.98"), "USD/oz", "silver", ("3",))
    assert cash.concept == "total_cash_cost_per_oz"
    assert by_label["Lead - LME Cash ($/pound)"].unit == "USD/lb"
    assert by_label["Mining cost per ton"].unit == "USD/ton"
    assert doc.tables[0].title == "Highlights"


def test_total_row_has_rules_and_dollar_signs_on_some_rows_only():
    doc = read_text(HIGHLIGHTS)
    total = next(r for r in doc.tables[0].rows if r.label == "Total sales")
    assert total.rule_above == "-" and total.rule_below == "="
    gold = next(f for f in doc.facts if f.label == "Gold operations" and f.column == 1)
    assert gold.value == Decimal(31066000) and gold.printed == "31,066"


INTERCEPTS = """\
Text before the table ends here.



                   Additional Rio Grande Intercepts
- ----------------------------------------------------------------------
   VEIN    DRILL HOLE INTERVAL (m) Ag (g/t) Ag (opt) Au (g/t) Au (opt)
- --------------------- ------------ -------- -------- -------- --------
Le Soledad   RG-04            1.10    296.9     8.66     0.09     0.00
- --------------------- ------------ -------- -------- -------- --------
             RG-06            2.54     65.3     1.90     0.32     0.01
           ---------- ------------ -------- -------- -------- --------
                             12.10     59.7     1.74     0.08     0.00
- --------------------- ------------ -------- -------- -------- --------


    Drilling on the San Sebastian property has identified narrow zones
of silver.
"""


def test_intercepts_grid_rows_inherit_vein_and_hole():
    doc = read_text(INTERCEPTS)
    (table,) = doc.tables
    assert table.kind == "grid" and table.title == "Additional Rio Grande Intercepts"
    assert [(c.name, c.unit) for c in table.columns] == [
        ("interval", "m"), ("silver", "g/t"), ("silver", "oz/ton"), ("gold", "g/t"),
        ("gold", "oz/ton")]
    rows = [r for r in table.rows if not r.heading]
    dims = [dict(doc.fact(r.fact_ids[0]).dims) for r in rows]
    assert dims == [
        {"vein": "Le Soledad", "hole": "RG-04", "intercept": "1"},
        {"vein": "Le Soledad", "hole": "RG-06", "intercept": "1"},
        {"vein": "Le Soledad", "hole": "RG-06", "intercept": "2"},
    ]
    silver = doc.fact(rows[2].fact_ids[1])
    assert (silver.value, silver.unit, silver.metal, silver.concept) == (
        Decimal("59.7"), "g/t", "silver", "grade")
    assert len(doc.facts) == 15
    # the prose after the table is prose, not table
    assert any("San Sebastian" in text for _, text in doc.prose)
    assert table.unplaced == []


def test_unlabelled_subtotal_and_heading_without_colon():
    text = """\
                         EXAMPLE MINING COMPANY
                Consolidated Statements of Operations
    (dollars and shares in thousands, except per share amounts)

                              Second Quarter Ended
                              --------------------
                              June 30,   June 30,
                                 2007       2006

Other operating expenses
  General and administrative      4,452     3,781
  Exploration                     3,821     5,610
                                -------   -------
                                  8,273     9,391
                                -------   -------
Basic weighted average number
 of common shares outstanding   120,307   119,266
"""
    doc = read_text(text)
    rows = doc.tables[0].rows
    assert rows[0].heading and rows[0].label == "Other operating expenses"
    assert rows[1].group == "Other operating expenses"
    subtotal = rows[3]
    assert subtotal.label == "" and subtotal.rule_above == "-" and subtotal.rule_below == "-"
    # the row prints no words, its figures are the heading's total (4,452 + 3,821 =
    # 8,273): the facts say so, while the row keeps the empty label the layout reads
    assert {doc.fact(i).label for i in subtotal.fact_ids} == {"Total other operating expenses"}
    shares = doc.fact(rows[4].fact_ids[0])
    assert (shares.unit, shares.value, shares.decimals) == ("shares", Decimal(120307000), -3)


def test_unplaced_lines_are_reported_not_dropped():
    damaged = STATEMENT.replace(
        "   Treatment and freight costs     (123)",
        "   Treatment and freight costs     (123)   stray words here 77")
    doc = read_text(damaged, "x.txt")
    warnings = [d for d in doc.diagnostics if d.severity == "warning"]
    assert warnings, "a damaged row must be reported"
    assert all(d.location.file == "x.txt" and d.location.line > 0 for d in warnings)


def test_percent_cells_are_percentages_not_scaled_dollars():
    text = HIGHLIGHTS + "Gross margin                  25.5%       31.0%\n"
    doc = read_text(text)
    margin = [f for f in doc.facts if f.label == "Gross margin"]
    assert [(f.value, f.unit, f.scale, f.decimals) for f in margin] == [
        (Decimal("25.5"), "%", 0, 1), (Decimal("31.0"), "%", 0, 1)]


def test_per_pound_group_heading_applies_to_its_rows():
    text = HIGHLIGHTS.replace("Mining cost per ton        $  51.76  $  51.89", """\
Average cost per pound of zinc sold:
  Total cash costs         $   0.24  $   0.31""")
    doc = read_text(text)
    zinc = [f for f in doc.facts if f.label == "Total cash costs" and f.column == 0]
    assert [(f.value, f.unit, f.metal) for f in zinc] == [(Decimal("0.24"), "USD/lb", "zinc")]


def test_a_label_keeps_single_plain_spaces_whatever_spaces_it_printed():
    """A no-break space or a double space inside a label reads as one space."""
    text = STATEMENT.replace("Total cash costs                $10,972",
                             "Total\u00a0cash  costs               $10,972", 1)
    doc = read_text(text, "x.txt")
    assert _row(doc, "Total cash costs").fact_ids[0] is not None


def test_figures_out_of_line_with_the_columns_are_reported_not_dropped():
    # Four characters typed before the figures of "Net income" shift them off the
    # table's columns: the row keeps its label and each figure is an unplaced-cell
    # diagnostic with its line and column (counted by hand: 24,337 starts at 0-based column 33).
    lines = (Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
             ).read_text().split("\n")
    at = lines.index(next(ln for ln in lines if ln.startswith("Net income   ")))
    lines[at] = lines[at][:25] + "abcd" + lines[at][25:]
    doc = read_text("\n".join(lines), "shifted.txt")
    assert not [f for f in doc.facts if f.source.line == at + 1]
    unplaced = [d for d in doc.diagnostics if d.code == "unplaced-cell"]
    assert [(d.location.line, d.location.col_start) for d in unplaced] == [
        (at + 1, 33), (at + 1, 46), (at + 1, 56), (at + 1, 68)]
    assert "'24,337' stands under no column of 'Highlights'" in unplaced[0].message


def test_years_over_a_balance_sheet_are_its_year_end_instants():
    # hand-made: a balance sheet headed by bare years holds balances at each year's end
    text = ("                    CONSOLIDATED BALANCE SHEETS\n"
            "                        (In thousands)\n\n"
            "                                   1994        1993\n\n"
            "Total assets                  $ 5,302,746 $ 5,171,412\n")
    doc = read_text(text, "bs.txt")
    assert doc.tables[0].role == "balance_sheet"
    assert [f.period for f in doc.facts] == [Period.instant(date(1994, 12, 31)),
                                             Period.instant(date(1993, 12, 31))]
    assert doc.facts[0].value == Decimal(5302746000)


def test_weeks_headers_with_two_dates_per_column_group():
    # The layout of a 2004 newswire release (hand-made): 13 and 26 weeks, each group
    # naming both year ends; each column takes the date of its own year.
    text = """\
    EXAMPLE CO.
    CONSOLIDATED INCOME

                                          For the 13         For the 26
                                          Weeks Ended        Weeks Ended
                                        July 3, 2004 and   July 3, 2004 and
                                         June 28, 2003      June 28, 2003
    (millions, except earnings per
     common share)                       2004     2003      2004      2003

    REVENUES
     Merchandise sales and services     $8,700  $ 8,851   $16,403   $16,325
"""
    doc = read_text(text, "weeks.txt")
    facts = [f for f in doc.facts if f.label == "Merchandise sales and services"]
    assert [(f.period.end, f.period.months) for f in facts] == [
        (date(2004, 7, 3), 3), (date(2003, 6, 28), 3), (date(2004, 7, 3), 6),
        (date(2003, 6, 28), 6)]
    assert facts[0].value == Decimal(8700) * 10**6


def test_a_schedule_takes_its_periods_from_row_headings():
    # A financial statement schedule (hand-made, after a 1994 10-K): the columns name a
    # roll-forward, the year heads the rows. Beginning balance: the instant before the
    # year; end balance: the year's end; the flows: the year.
    text = """\
                          ($000'S OMITTED)
               SCHEDULE V--PROPERTY AND EQUIPMENT
<TABLE>
<CAPTION>
                            BALANCE                             BALANCE
                           BEGINNING   ADDITIONS  RETIREMENTS   END OF
                            OF YEAR     AT COST    OR SALES      YEAR
<S>                       <C>         <C>        <C>          <C>
1991
Buildings...............      780,905    156,522    (17,508)     919,919
</TABLE>
"""
    doc = read_text(text, "schedule.txt")
    facts = [f for f in doc.facts if f.label == "Buildings"]
    assert [str(f.period) for f in facts] == ["1990-12-31", "1991FY", "1991FY", "1991-12-31"]
    assert facts[0].value == Decimal(780905000)


def test_page_numbers_and_flush_wrapped_labels():
    text = """\
                     STATEMENT OF SHAREHOLDERS' EQUITY
                           (In thousands)
                                    1994         1993

Repurchase of
common stock                    (151,943)    (60,682)

                                     41

Cash dividends of
$.48 per common
share                            (57,196)    (55,593)
"""
    doc = read_text(text, "equity.txt")
    assert [r.label for r in doc.tables[0].rows if r.fact_ids] == [
        "Repurchase of common stock", "Cash dividends of $.48 per common share"]
    assert not [f for f in doc.facts if f.printed == "41"]
    dividends = [f for f in doc.facts if f.label.startswith("Cash dividends")]
    assert dividends[0].value == Decimal(-57196000) and dividends[0].unit == "USD"


def test_percent_columns_the_header_does_not_name_are_columns():
    # After a 2006-08 bank release (hand-made): the header names three dated columns,
    # each amount is followed by its share of the total, "13%".
    text = """\
LOANS  (in thousands)       December 31,      September 30,       December 31,
                                2007               2007               2006
- ------------------------------------------------------------------------------

Net residential loans       112,424    13%      117,537   14%     112,167  15%
Net commercial loans        117,243    13%      112,227   13%      91,494  12%
Net consumer loans           48,197     5%       48,251    5%      38,419   5%
                          $ 277,864    31%   $  278,015   32%  $  242,080  32%
"""
    doc = read_text(text, "loans.txt")
    assert not [d for d in doc.diagnostics if d.code in ("stray-cell", "unplaced-cell")]
    row = [f for f in doc.facts if f.label == "Net residential loans"]
    # (each share of the total is of the date of the amount beside it)
    assert [(f.printed, f.unit, str(f.period)) for f in row] == [
        ("112,424", "USD", "2007-12-31"), ("13%", "%", "2007-12-31"),
        ("117,537", "USD", "2007-09-30"), ("14%", "%", "2007-09-30"),
        ("112,167", "USD", "2006-12-31"), ("15%", "%", "2006-12-31")]
    assert row[0].value == Decimal(112424000)


def test_change_columns_between_periods_and_datelines():
    # "Change" columns between the dated ones; a dateline at the margin is no header.
    text = """\
HRZB Reports Third Quarter Profits
January 17, 2008
Page 4

 CONSOLIDATED STATEMENTS OF INCOME

 (unaudited)              Quarter              Quarter
 (in 000s,                 Ended     Three      Ended
  except share            Dec 31,    Month     Sept 30,
  data)                    2007     Change      2007
 ---------------------------------------------------
 Interest income:
   Interest on loans    $    24,917     0%   $    24,881
   Interest on deposits       9,573    -2%         9,818
"""
    doc = read_text(text, "bank.txt")
    assert len(doc.tables) == 1
    loans = [f for f in doc.facts if f.label == "Interest on loans"]
    assert [(f.value, str(f.period)) for f in loans] == [
        (Decimal(24917000), "2007Q4"), (Decimal(0), "None"), (Decimal(24881000), "2007Q3")]
    # the change, which has no period, is named by its column's words
    assert [dict(f.dims) for f in loans] == [{}, {"member": "Three Month Change"}, {}]


def test_rows_of_days_ratios_rates_and_counts_are_not_dollars():
    # Hand-made: under "(in millions)" only the dollar rows are scaled.
    text = """\
                          SELECTED DATA
                          (in millions)
                                        1999        1998

Net sales                            $ 3,240     $ 2,983
Days sales outstanding                    60          55
Current ratio                            1.8         1.6
Effective tax rate                      11.0        10.5
Number of stores                         869         871
"""
    doc = read_text(text, "data.txt")
    got = {f.label: (f.unit, f.value) for f in doc.facts if f.column == 0}
    assert got == {"Net sales": ("USD", Decimal(3240000000)),
                   "Days sales outstanding": ("days", Decimal(60)),
                   "Current ratio": ("ratio", Decimal("1.8")),
                   "Effective tax rate": ("%", Decimal("11.0")),
                   "Number of stores": ("count", Decimal(869))}


def test_a_subtitle_names_the_period_and_the_scale_stands_above_it():
    # After a 2004 newswire segment statement (hand-made): scale and period stand in the
    # title block, blank lines between; the columns' header names only years.
    text = """\
    EXAMPLE CO.
    Segment Income Statements
    (millions)

    For the 13 Weeks Ended July 3, 2004 and June 28, 2003

                            Domestic        Canada

                         2004     2003     2004     2003

    Total revenues       7,673    9,137    1,108    1,059
"""
    doc = read_text(text, "segments.txt")
    facts = [f for f in doc.facts if f.label == "Total revenues"]
    assert [(f.value, f.period.end, f.period.months) for f in facts] == [
        (Decimal(7673000000), date(2004, 7, 3), 3), (Decimal(9137000000), date(2003, 6, 28), 3),
        (Decimal(1108000000), date(2004, 7, 3), 3), (Decimal(1059000000), date(2003, 6, 28), 3)]


def test_a_table_no_header_announces_is_read_with_its_rows_periods():
    # Columns named by place, years heading the rows (hand-made, after a 1993 10-K).
    text = """\
The information relating to foreign operations is set forth in the following table:

                             United                        Other
                             States          Europe      Foreign   Consolidated
1992
Revenue                 $ 6,973,822      $1,143,496     $543,709    $ 8,661,027
1993
Revenue                 $ 7,483,316      $1,241,811     $410,450    $ 9,135,577
"""
    doc = read_text(text, "foreign.txt")
    revenue = [f for f in doc.facts if f.label == "Revenue"]
    assert len(revenue) == 8 and not [d for d in doc.diagnostics if "cell" in d.code]
    assert [str(f.period) for f in revenue] == ["1992FY"] * 4 + ["1993FY"] * 4
    assert revenue[4].value == Decimal(7483316)


def test_a_statement_of_equity_dates_its_movements_between_its_balances():
    # After a 1994 10-K (hand-made): columns name components of equity, rows the
    # balances; the rows between two balances are movements over the time between them.
    text = """\
                 CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY
                          (In thousands)
                              Common Stock        Retained
                            Shares     Amount     Earnings

Balance at September 25,
1992                       118,479   $ 286,937  $1,600,818

Net income                      --          --      86,589

Balance at September 24,
1993                       116,147   $ 203,613  $1,842,600
"""
    doc = read_text(text, "equity.txt")
    by_label = {}
    for f in doc.facts:
        by_label.setdefault(f.label, []).append(f)
    assert {str(f.period) for f in by_label["Balance at September 25, 1992"]} == {"1992-09-25"}
    assert {str(f.period) for f in by_label["Net income"]} == {"1992-09-26..1993-09-24"}
    assert by_label["Net income"][2].value == Decimal(86589000)


def test_quarter_columns_over_rows_headed_by_years():
    # After a 1994 10-K's quarterly data (hand-made), a fiscal year ending in September:
    # the fourth quarter of fiscal 1994 ends in September 1994, the first in December 1993.
    text = """\
<SEC-HEADER>
FISCAL YEAR END: 0930
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-K
<TEXT>
           Selected Quarterly Financial Information (Unaudited)
        (Tabular amounts in thousands, except per share amounts)
<TABLE>
<CAPTION>
                       Fourth          Third          Second           First
                      Quarter        Quarter         Quarter         Quarter
<S>               <C>            <C>             <C>             <C>
1994
Net income        $  114,655      $  138,101      $   17,404      $   40,018
Earnings per share$     0.95      $     1.16      $     0.15      $     0.34
</TABLE>
</TEXT>
</DOCUMENT>
"""
    doc = read_text(text, "quarters.txt")
    net = [f for f in doc.facts if f.label == "Net income"]
    assert [(f.period.end, f.period.months) for f in net] == [
        (date(1994, 9, 30), 3), (date(1994, 6, 30), 3), (date(1994, 3, 31), 3),
        (date(1993, 12, 31), 3)]
    assert net[0].value == Decimal(114655000)
    eps = [f for f in doc.facts if f.label.startswith("Earnings per")]
    assert [(f.value, f.unit) for f in eps][:1] == [(Decimal("0.95"), "USD/share")]


def test_page_columns_share_columns_and_tables_of_counts():
    # by hand, from a 1994 10-K: "INDEX TO CONSOLIDATED FINANCIAL STATEMENTS ... Page"
    # lists page numbers, no facts; from its equity statement, the "Shares" column
    # counts shares; from an 8-K's "Domestic Retail Stores:", 1,109 is a count of stores
    from assay.read import read_text
    index = """<TABLE>
<CAPTION>
INDEX TO CONSOLIDATED FINANCIAL STATEMENTS                     Page
<S>                                                            <C>
Report of Independent Auditors                                   22
Consolidated Balance Sheets                                      23
Consolidated Statements of Income                                25
</TABLE>"""
    doc = read_text(index, "k.txt")
    assert not doc.facts
    assert any(d.code == "page-column" for d in doc.diagnostics)
    equity = """Consolidated Statements of Shareholders' Equity

                          (In thousands, except per share amounts)

<TABLE>
<CAPTION>
                                            Common Stock
                                          Shares       Amount
<S>                                      <C>          <C>
Balance at September 25, 1992            118,479      $ 203,613
Common stock issued                        2,693         71,919
Balance at September 24, 1993            121,172      $ 275,532
</TABLE>"""
    facts = read_text(equity, "e.txt").facts
    shares = [f for f in facts if f.column == 0]
    assert {f.unit for f in shares} == {"shares"}
    assert shares[0].value == 118_479_000
    stores = """
    Domestic Retail Stores:
                               July 3,  June 28, January 3,
                                2004     2003      2004
      Full-line                   871      869       871
      Specialty                 1,109    1,307     1,105
      Lands' End                   16       15        16
"""
    facts = read_text(stores, "s.txt").facts
    assert {(f.value, f.unit) for f in facts if f.label == "Specialty"} == {
        (1109, "count"), (1307, "count"), (1105, "count")}


def test_page_numbers_of_a_table_of_contents_are_no_facts():
    # an agreement's contents: dot leaders, then page numbers that never fall; no header
    # names them. Written by hand in the shape of an 8-K exhibit's index.
    text = """\
<TABLE>
<C>  <S>                                                        <C>
10. POST CLOSING COVENANTS...................................    24
    10.1    Announcement of Earnings.........................    24
    10.2    Tax Treatment....................................    25
11. INDEMNIFICATION..........................................    26
    11.1    Payment; Interest................................    27
</TABLE>

                      EXAMPLE MINING COMPANY
                  Statements of Operations (in thousands)

                                    Year Ended December 31,
                                      1995        1996
Sales                               24,000      25,000
Cost of sales                       26,000      27,000
Other                               28,000      29,000
"""
    doc = read_text(text, "x.txt")
    assert [f.value for f in doc.facts] == [Decimal(v) * 1000 for v in range(24000, 30000, 1000)]
    assert any(d.code == "page-column" and "dot leaders" in d.message for d in doc.diagnostics)


def test_amounts_owed_to_customers_are_dollars_and_option_prices_are_not_scaled():
    # Hand-made after a 2000 pro forma statement and a 1993 10-K's option table: "Payables
    # to customers" in a table "(DOLLARS IN THOUSANDS)" is 139,294 thousand dollars (the
    # customers are the object, not a count); an option price "$ 7.95" beside a column
    # of shares in thousands is a price in dollars and cents, not 7,950 dollars.
    statement = """\
                  STATEMENT OF FINANCIAL CONDITION
                       (DOLLARS IN THOUSANDS)

                                     March 31,    March 31,
                                       2000         1999
Receivables from customers           216,216      146,852
Payables to customers                280,365      139,294
Cash paid to suppliers and employees (49,473)     (46,550)
"""
    facts = read_text(statement, "x.txt").facts
    payables = [f for f in facts if f.label == "Payables to customers"]
    assert [(f.unit, f.value) for f in payables] == [("USD", Decimal(280365000)),
                                                      ("USD", Decimal(139294000))]
    # (the employees are paid, not counted: the head of the label is the cash)
    assert {f.unit for f in facts if f.label.startswith("Cash paid")} == {"USD"}
    options = """\
                 STOCK OPTIONS (000's omitted, except per share amounts)

                                                   Shares    Option Price
Granted                                             4,003          $33.44
Cancelled                                             301          $ 7.95
"""
    cancelled = [f for f in read_text(options, "x.txt").facts if f.label == "Cancelled"]
    # (an option's price is a price of one share)
    assert [(f.unit, f.value) for f in cancelled] == [("shares", Decimal(301000)),
                                                       ("USD/share", Decimal("7.95"))]


def test_a_header_with_change_columns_and_a_stub_of_words_between_its_periods():
    # After a 2008 bank release (hand-made): "Three Month Change" and "One Year Change"
    # columns stand between three quarters, and the scale note runs down the stub; the
    # header's every line belongs to it, so each quarter column is the quarter
    text = """\
 CONSOLIDATED STATEMENTS OF INCOME

 (unaudited)              Quarter              Quarter              Quarter
 (in 000s,                 Ended     Three      Ended     One        Ended
  except share            Dec 31,    Month     Sept 30,   Year      Dec 31,
  data)                    2007     Change      2007     Change      2006
 ----------------------------------------------------------------------------
 Interest income:
   Interest on loans    $    24,917     0%   $    24,881     7%   $    23,277
   Other                        992    -2%         1,011    -3%         1,022
"""
    doc = read_text(text, "x.txt")
    loans = [f for f in doc.facts if f.label.endswith("Interest on loans") and f.unit == "USD"]
    assert [(f.value, f.period.key) for f in loans] == [
        (Decimal(24917000), "2007Q4"), (Decimal(24881000), "2007Q3"),
        (Decimal(23277000), "2006Q4")]


def test_a_header_line_with_a_stub_word_and_days_of_months_heads_its_table():
    # After a 2000 8-K's balance sheet (hand-made): "UNAUDITED" in the stub and "JULY
    # 31," over the columns; its days are no figures, so the line heads the table and
    # the "(IN THOUSANDS)" above it scales it
    text = """\
         EXAMPLE CLINICAL SERVICES CONSOLIDATED BALANCE SHEETS
                                 (IN THOUSANDS)

UNAUDITED                                            JULY 31,     JULY 31
                                                       2000        1999
                                                     -------      -------
Total current assets                                  27,453       56,496
Goodwill, net                                          3,419        3,681
"""
    goodwill = [f for f in read_text(text, "x.txt").facts if f.label == "Goodwill, net"]
    assert [(f.value, f.period) for f in goodwill] == [
        (Decimal(3419000), Period.instant(date(2000, 7, 31))),
        (Decimal(3681000), Period.instant(date(1999, 7, 31)))]


def test_years_under_a_sentence_dating_them_as_of_a_day_are_balances_at_that_day():
    # After a 1993 annual report's debt note (hand-made): "as of December 31, 1992 and
    # 1993" over columns headed by the years alone
    text = """\
The details relating to debt as of December 31, 1992 and 1993, are as follows:

<TABLE>
<CAPTION>
                                                             1992          1993
- -------------------------------------------------------------------------------
<S>                                                    <C>           <C>
Commercial paper                                       $  837,733    $1,376,197
Less--current portion                                     597,674       754,491
</TABLE>
"""
    current = [f for f in read_text(text, "x.txt").facts if f.label == "Less--current portion"]
    assert [f.period for f in current] == [Period.instant(date(1992, 12, 31)),
                                           Period.instant(date(1993, 12, 31))]


def test_dilutive_shares_of_every_wording_are_share_counts():
    # Hand-made after a 1999 10-Q and a 2000 8-K: the denominator's dilutive rows name
    # shares, options and warrants in several wordings; they count shares, in thousands
    text = """\
                 COMPUTATION OF EARNINGS PER SHARE
             (In thousands, except per share amounts)

                                                Three Months Ended
                                               March 27,   March 27,
                                                 1999        1998
Weighted average shares outstanding             136,371     131,969
Dilutive potential common shares                 36,833      13,946
Dilutive effect of stock options and warrants        82          22
"""
    doc = read_text(text, "x.txt")
    for label in ("Dilutive potential common shares",
                  "Dilutive effect of stock options and warrants"):
        assert {f.unit for f in doc.facts if f.label == label} == {"shares"}, label
    assert [f.value for f in doc.facts if f.label.startswith("Dilutive potential")] == [
        Decimal(36833000), Decimal(13946000)]


def test_dashes_centred_in_a_marked_column_make_no_column_of_their_own():
    # After a 2005 8-K (hand-made): "-" set in the middle of its <C> column on two rows;
    # the dashes are the column's nil figures, under its period
    text = """\
<TABLE>
<CAPTION>
                                                 Three Months Ended
                                                    September 30,
                                                 2005           2004
<S>                                           <C>            <C>
Interest revenue                              $19,959,000    $14,806,000
General and administrative expenses             4,218,000      3,260,000
Interest expense                                  438,000        222,000
Provisions for credit losses                       -             300,000
Servicing expenses                                 -              -
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts
             if f.label == "Provisions for credit losses"]
    assert [(f.nil, f.period.key if f.period else None) for f in facts] == [
        (True, "2005Q3"), (False, "2004Q3")]


def test_an_option_roll_forward_dates_its_rows_by_the_balances_between_them():
    # After a 2000 8-K's stock option note (hand-made): no period over the columns; the
    # rows "Outstanding at December 31, 1996" and "... 1997" are balances at those days,
    # and the grants and exercises between them are of the year that ends at the second
    text = """\
<TABLE>
<CAPTION>
                                                                            WEIGHTED
                                                               NUMBER OF    EXERCISE
                                                                SHARES       PRICE
                                                               ---------    --------
<S>                                                            <C>          <C>
Outstanding at December 31, 1996...........................     368,200      $4.40
Granted....................................................     488,000       5.98
Exercised..................................................     (67,693)      4.01
                                                               --------      -----
Outstanding at December 31, 1997...........................     656,950       5.37
</TABLE>
"""
    doc = read_text(text, "x.txt")
    def periods(label):
        return {str(f.period) for f in doc.facts if f.label == label}
    assert periods("Outstanding at December 31, 1996") == {"1996-12-31"}
    assert periods("Granted") == {"1997FY"}
    assert periods("Outstanding at December 31, 1997") == {"1997-12-31"}


RATE_RECONCILIATION = """\

                        EXAMPLE COMPANY
                   Provision for income taxes
         (000's omitted in all tables except per share amounts)

                                       1992            1993
                                    ----------      ----------
Total provision                     $  477,237      $  356,395
                                    ==========      ==========
Federal statutory rate                  34.0%           35.0%
State and local taxes, net of
 Federal benefit                         4.0             4.9
Federal tax credits                     (0.6)           (1.4)
Other, net                              (1.9)             --
                                        ----            ----
Effective tax rate                      35.5%           38.5%
                                        ====            ====
Share of pretax income                  12.5%           14.0%
Tax paid, in thousands                   4.5             3.5
"""


def test_figures_between_a_rate_and_its_total_marked_percent_are_percentages():
    # a rate reconciliation prints "%" on its first and total rows only, as "$" is
    # printed; checked by hand: 34.0 + 4.0 - 0.6 - 1.9 = 35.5 percent, and 35.0 + 4.9 - 1.4
    # = 38.5; the provision above is in thousands of dollars
    doc = read_text(RATE_RECONCILIATION)
    got = {(f.label, f.period.end.year): (f.value, f.unit) for f in doc.facts}
    assert got[("Total provision", 1993)] == (Decimal(356_395_000), "USD")
    assert got[("State and local taxes, net of Federal benefit", 1992)] == (Decimal("4.0"), "%")
    assert got[("Federal tax credits", 1993)] == (Decimal("-1.4"), "%")
    assert got[("Other, net", 1992)] == (Decimal("-1.9"), "%")
    assert got[("Effective tax rate", 1993)] == (Decimal("38.5"), "%")
    # after a rate with no total marked "%" below it: the table's own unit and scale
    assert got[("Tax paid, in thousands", 1992)] == (Decimal(4500), "USD")


OPTION_ROLL_FORWARD = """\

                        EXAMPLE COMPANY
                      Stock option activity
         (000's omitted in all tables except per share amounts)

                                             Shares         Option Price
- ------------------------------------------------------------------------
December 31, 1991--
   Outstanding                                8,643       $ 3.20 - $41.63
   Available for future grant                 6,879              --
                                             ------
1992--
Granted                                       4,003       $33.44 - $41.80
Cancelled                                       301       $ 7.95 - $41.80
                                             ------
December 31, 1992--
   Outstanding                                9,783       $ 3.46 - $41.80
   Available for future grant                14,822              --
"""


def test_a_day_heading_dates_the_balances_under_it_and_option_prices_are_per_share():
    # checked by hand against the layout: the rows under "December 31, 1992--" stand at
    # that day; those under "1992--" moved during the year; the option price column is a
    # price of one share, not thousands of dollars
    doc = read_text(OPTION_ROLL_FORWARD)
    got = {(f.label, f.printed): (f.value, f.unit, f.period) for f in doc.facts}
    at_1992 = Period.instant(date(1992, 12, 31))
    assert got[("Outstanding", "9,783")] == (Decimal(9_783_000), "shares", at_1992)
    assert got[("Available for future grant", "14,822")] == (
        Decimal(14_822_000), "shares", at_1992)
    assert got[("Available for future grant", "6,879")][2] == Period.instant(date(1991, 12, 31))
    assert got[("Granted", "4,003")][2] == Period(date(1992, 12, 31), date(1992, 1, 1))
    assert got[("Cancelled", "41.80")][:2] == (Decimal("41.80"), "USD/share")


PER_SHARE_SECTION = """\

                        EXAMPLE COMPANY
                  Consolidated Statements of Income
          (in thousands, except per share amounts)

                                                 1992         1993
                                              ----------   ----------
NET INCOME                                    $  850,036   $  452,776
EARNINGS PER COMMON SHARE:
  Before Cumulative Effect of Accounting Changes   $1.86        $0.93
  Cumulative Effect of Accounting Changes--
    Postretirement Benefits                        (.07)           -
    Income Taxes                                   (.07)           -
                                              ----------   ----------
NET INCOME                                         $1.72        $0.93
"""


def test_a_heading_inside_a_per_share_section_keeps_its_unit():
    # hand-checked: 1.86 - 0.07 - 0.07 = 1.72 dollars per share
    doc = read_text(PER_SHARE_SECTION)
    got = {(f.label, f.printed): (f.value, f.unit) for f in doc.facts}
    assert got[("Postretirement Benefits", "(.07)")] == (Decimal("-0.07"), "USD/share")
    assert got[("Income Taxes", "(.07)")] == (Decimal("-0.07"), "USD/share")
    assert got[("NET INCOME", "850,036")] == (Decimal(850_036_000), "USD")


STUB_IN_HEADER = """\

 RESERVE FOR LOAN LOSSES

                                                   Six         Six
              Quarter     Quarter     Quarter     Months      Months
 (unaudited)   Ended       Ended       Ended      Ended       Ended
 (dollars    Sept. 30,    June 30,   Sept. 30,   Sept. 30,   Sept. 30,
  in 000s)     2008        2008        2007        2008        2007
 ---------------------------------------------------------------------
 Balance at
  beginning
  of period $   19,149  $   19,114  $   16,262  $   19,114  $   15,889
 Provision
  for loan
  losses        12,000       3,000         800      15,000       1,200
"""


def test_header_words_beside_a_stub_that_ends_where_the_columns_begin():
    # "(unaudited)   Ended": the stub's gap ends right where the columns' words begin;
    # checked by hand: the first column is the quarter ended September 30, 2008, the
    # fourth the six months ended then
    doc = read_text(STUB_IN_HEADER)
    got = {(f.label, f.printed): f.period for f in doc.facts}
    assert got[("Provision for loan losses", "12,000")] == Period.quarter(2008, 3)
    assert got[("Provision for loan losses", "15,000")] == Period(date(2008, 9, 30),
                                                                  date(2008, 4, 1))
    assert got[("Balance at beginning of period", "19,149")] == Period.instant(
        date(2008, 6, 30))


NARROW_LABELS = """\

 CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION

 (unaudited)         Quarter      Quarter
 (in 000s,             Ended        Ended
  except share       Sept. 30,    June 30,
  data)                2008         2008
 ------------------------------------------
 Stockholders'
  equity:
   Common stock,
    $1.00 par
    value;
    30,000,000
    shares
    authorized;
    11,960,371
    and 11,917,113
    shares
    outstanding    $    11,960  $    11,917
   Retained
    earnings            59,115       64,318
 Weighted average
  shares
  outstanding        11,940,064   11,893,813
"""


def test_a_narrow_label_column_keeps_its_numbers_and_a_note_broken_over_the_stub():
    # hand-checked: the common stock line is $11,960 thousand at par ($1.00 x 11,960,371
    # shares); the note "(in 000s, except share data)" is broken over three stub lines,
    # so the share counts are printed in full
    doc = read_text(NARROW_LABELS)
    got = {(f.label, f.printed): (f.value, f.unit) for f in doc.facts}
    label = ("Common stock, $1.00 par value; 30,000,000 shares authorized; 11,960,371 and "
             "11,917,113 shares outstanding")
    assert got[(label, "11,960")] == (Decimal(11_960_000), "USD")
    assert got[("Retained earnings", "64,318")] == (Decimal(64_318_000), "USD")
    assert got[("Weighted average shares outstanding", "11,940,064")] == (
        Decimal(11_940_064), "shares")


REPEATED_LABELS = """\

                        EXAMPLE COMPANY
                     Revenue by region (in thousands)

                                          Three Months Ended
                                       March 31,     March 31,
                                          2020          2019
                                       ---------     ---------
Revenue:
  Americas                              $ 40,100      $ 38,000
  Asia-Pacific                            130,487       120,000
Revenue ex-TAC:
  Americas                                20,050        19,000
  Asia-Pacific                             56,894        50,000
"""


def test_a_fact_names_the_heading_its_row_stands_under():
    # the same label under two headings: the heading says which figure it is
    doc = read_text(REPEATED_LABELS)
    got = {(f.label, f.printed): f.heading for f in doc.facts}
    assert got[("Asia-Pacific", "130,487")] == "Revenue:"
    assert got[("Asia-Pacific", "56,894")] == "Revenue ex-TAC:"


RATIO_BLOCKS = """\

                        EXAMPLE BANK
                   Selected financial data
          (In thousands, except share and per share data)

                                            March 31,    December 31,
                                              2020           2019
                                           ---------     ------------
Total assets                               $2,219,114     $2,219,049
Net income                                      1,905          5,560
Performance Ratios:
  Return on average common equity               8.26%          7.13%
  Net interest margin                           3.89           3.94
  Efficiency ratio                             51.60          48.39
Capital Ratios:
  Tier 1 leverage capital                       10.1%          10.3%
  Total risk-based capital                      13.8           12.9
"""


def test_a_block_whose_first_figure_is_marked_percent_is_of_percentages():
    # under "Performance Ratios:" only the first row prints "%"; every figure of the
    # block prints two decimals and no "$": checked by hand, all are percentages, while
    # the dollars above stay in thousands
    doc = read_text(RATIO_BLOCKS)
    got = {(f.label, f.printed): (f.value, f.unit) for f in doc.facts}
    assert got[("Efficiency ratio", "51.60")] == (Decimal("51.60"), "%")
    assert got[("Net interest margin", "3.94")] == (Decimal("3.94"), "%")
    assert got[("Total risk-based capital", "13.8")] == (Decimal("13.8"), "%")
    assert got[("Net income", "1,905")] == (Decimal(1_905_000), "USD")


CASH_FLOWS = """\

                        EXAMPLE COMPANY
             Condensed Consolidated Statements of Cash Flows
                             (In millions)

                                              Three months ended
                                            March 31,     March 31,
                                              2020          2019
                                           ---------     ---------
Dividends paid                                (29.7)        (31.0)
Shares issued to employees, net of shares
  withheld                                      3.0           1.0
Repurchases of ordinary shares                 (3.2)        (76.1)
"""


def test_a_statement_of_cash_flows_moves_cash_even_where_its_rows_name_shares():
    # checked by hand: $3.0 million received for shares issued, $76.1 million paid
    doc = read_text(CASH_FLOWS)
    got = {(f.label, f.printed): (f.value, f.unit) for f in doc.facts}
    assert got[("Shares issued to employees, net of shares withheld", "3.0")] == (
        Decimal("3000000.0"), "USD")
    assert got[("Repurchases of ordinary shares", "(76.1)")] == (Decimal("-76100000.0"), "USD")


UNLABELLED_TOTALS = """\

                        EXAMPLE STORES, INC.
                 Consolidated Statements of Income
                      (Dollars in thousands)

                                   Year Ended    Year Ended
                                   January 31,   January 31,
                                      1993          1994
                                  -----------   -----------
Revenues:
 Net sales..................       43,886,902    55,483,771
Rentals from licensed
 departments................          402,521       500,793
                                  -----------   -----------
                                   44,289,423    55,984,564
Costs and Expenses:
 Cost of sales..............       34,786,119    44,174,685
 Operating expenses.........        6,684,304     8,320,842
Interest costs:
 Debt.......................          113,305       142,649
 Capital leases.............          152,558       180,049
                                  -----------   -----------
                                   41,736,286   52,,818,225
"""


def test_an_unlabelled_total_is_named_for_the_heading_whose_rows_add_up_to_it():
    # checked by hand: 43,886,902 + 402,521 = 44,289,423 (the revenues, though the
    # wrapped label "Rentals from licensed" starts left of "Net sales"); 34,786,119 +
    # 6,684,304 + 113,305 + 152,558 = 41,736,286, the costs and expenses, not the interest
    # costs; "52,,818,225" prints no number: read as none and reported
    doc = read_text(UNLABELLED_TOTALS)
    got = {(f.label, f.printed) for f in doc.facts}
    assert ("Total revenues", "44,289,423") in got
    assert ("Total costs and expenses", "41,736,286") in got
    assert not any("52" in f.printed and "818" in f.printed for f in doc.facts)
    assert [d.code for d in doc.diagnostics if "52,,818,225" in d.message] == [
        "unreadable-figure"]


DOUBLE_SPACED = """\

                      Example Semiconductor Corporation

                    Condensed Consolidated Balance Sheets

                                (In thousands)



                                                    As of              As of

                                               Sep 30, 2003     June 30, 2003

                   Assets



    Current Assets:



          Accounts receivable                        5,616              4,302

          Inventories                                8,537              9,963

          Deferred income taxes                      1,544              1,401

                Total current assets                15,697             15,666



    Property and equipment, net                      5,997              6,305

    Other assets                                    10,954             10,384

                Total assets                      $ 32,648           $ 32,355
"""


def test_a_table_set_double_spaced_is_read_whole_with_its_header_and_note():
    # a blank line under every line, three between blocks: the header's "As of" and the
    # note three blank lines above it belong to the table, and the rows after a gap of
    # three go on; checked by hand: 5,616 + 8,537 + 1,544 = 15,697 thousand dollars
    doc = read_text(DOUBLE_SPACED)
    got = {(f.label, f.printed): (f.value, f.period) for f in doc.facts}
    assert got[("Accounts receivable", "5,616")] == (Decimal(5_616_000),
                                                      Period.instant(date(2003, 9, 30)))
    assert got[("Total assets", "32,355")] == (Decimal(32_355_000),
                                                Period.instant(date(2003, 6, 30)))


def test_a_row_of_figures_outside_every_table_is_reported_with_its_line():
    # one row of figures alone among paragraphs makes no table: it is said so, not lost
    text = ("The company reported its results today.\n\n\n"
            "    Backlog at year end             1,234        5,678\n\n\n"
            "The board met on Tuesday.\n")
    doc = read_text(text, "x.txt")
    found = [d for d in doc.diagnostics if d.code == "row-outside-table"]
    assert [(d.location.line, d.location.col_start) for d in found] == [(4, 36)]


EQUITY_YEARS_LISTED = """\

                              EXAMPLE & CO.
                   STATEMENTS OF STOCKHOLDERS' EQUITY

<TABLE>
<CAPTION>
                                  YEARS ENDED SEPTEMBER 30, 1997, 1998, AND 1999
                                  -----------------------------------------------
                                              RETAINED      STOCKHOLDERS'
                                   COMMON     EARNINGS         EQUITY
<S>                                <C>        <C>            <C>
Balance, September 30, 1996....    $2,000     $15,800,317     $15,802,317
  Net earnings.................       --        7,226,769       7,226,769
  Dividends paid...............       --       (8,858,726)     (8,858,726)
Balance, September 30, 1997....    $2,000     $14,168,360     $14,170,360
  Net earnings.................       --        2,808,526       2,808,526
  Dividends paid...............       --       (2,297,000)     (2,297,000)
Balance, September 30, 1998....    $2,000     $14,679,886     $14,681,886
</TABLE>
"""


def test_years_listed_over_a_statement_of_equity_leave_its_rows_to_date_themselves():
    # the list "1997, 1998, AND 1999" names no column: each movement is of the year
    # between the balances around it (checked by hand: 15,800,317 + 7,226,769 - 8,858,726
    # = 14,168,360, the balance of September 30, 1997)
    doc = read_text(EQUITY_YEARS_LISTED)
    got = {(f.label, f.printed): f.period for f in doc.facts}
    assert got[("Dividends paid", "(8,858,726)")] == Period(date(1997, 9, 30), date(1996, 10, 1))
    assert got[("Net earnings", "2,808,526")] == Period(date(1998, 9, 30), date(1997, 10, 1))
    assert got[("Balance, September 30, 1997", "14,168,360")] == Period.instant(
        date(1997, 9, 30))


AVERAGE_BALANCES = """\
 HRZB Reports Results
 Page 9

 AVERAGE BALANCES
                                                   Six
              Quarter     Quarter     Quarter     Months
               Ended       Ended       Ended      Ended
 (unaudited) Sept. 30,    June 30,   Sept. 30,   Sept. 30,
 (in 000s)     2008        2008        2007        2008
 ----------------------------------------------------------
 Loans      $1,246,410  $1,231,792  $1,114,386  $1,239,101
 Investments    93,757      89,019      90,469      91,388
"""


def test_a_capitalised_title_at_the_margin_and_a_note_one_space_from_the_header():
    # " AVERAGE BALANCES" titles the table though the page sets it one space in, so its
    # loans are averages over each quarter (not balances at its end); "(unaudited)
    # Sept. 30," is the stub's note, then the header (checked by hand against the layout)
    doc = read_text(AVERAGE_BALANCES)
    got = {(f.label, f.printed): f for f in doc.facts}
    loans = got[("Loans", "1,246,410")]
    assert loans.table == "AVERAGE BALANCES"
    assert loans.period == Period.quarter(2008, 3)
    assert got[("Loans", "1,239,101")].period == Period(date(2008, 9, 30), date(2008, 4, 1))


PRODUCT_MIX = """\

                        EXAMPLE SUPPLY CO.
                          Product mix

                                       % of Net Sales
                                     2020        2019
                                    ------      ------
Notebooks/Mobility                     28%         28%
Accessories                            18          14
Desktops                               54          58
                                    ------      ------
Total Net Sales                       100%        100%
"""


def test_whole_percentages_between_a_first_row_and_a_total_marked_percent():
    # checked by hand: 28 + 18 + 54 = 100 per cent of net sales
    doc = read_text(PRODUCT_MIX)
    got = {(f.label, f.printed, f.period.end.year): (f.value, f.unit) for f in doc.facts}
    assert got[("Accessories", "14", 2019)] == (Decimal(14), "%")
    assert got[("Desktops", "54", 2020)] == (Decimal(54), "%")


TITLE_OVER_NOTES = """\
 HRZB Reports Results
 Page 8

 LOANS
 (unaudited)
 (in 000s)        Sept. 30, 2008     June 30, 2008
 -------------------------------------------------
   Commercial      $  157,502        $   167,788
   Consumer            62,747             60,893
"""


def test_a_title_over_notes_at_the_margin_titles_the_table():
    # " LOANS" over " (unaudited)" over the stub's "(in 000s)": the table's title and note
    doc = read_text(TITLE_OVER_NOTES)
    got = {(f.label, f.printed): f for f in doc.facts}
    fact = got[("Consumer", "62,747")]
    assert (fact.table, fact.value) == ("LOANS", Decimal(62_747_000))


LEAP_DAY_HEADER = """\

                        EXAMPLE CORPORATION
                    Statements of Income (in thousands)

                                     Three Months Ended
                                       February 29/28,
                                     2020          2019
                                   --------      --------
Net sales                          221,338       202,548
Net income                          10,412         8,851
"""


def test_february_29_over_the_columns_of_several_years_is_each_year_s_month_end():
    doc = read_text(LEAP_DAY_HEADER)
    got = {f.printed: f.period for f in doc.facts}
    assert got["221,338"] == Period(date(2020, 2, 29), date(2019, 12, 1))
    assert got["202,548"] == Period(date(2019, 2, 28), date(2018, 12, 1))


def test_a_header_parted_by_a_blank_line_from_its_stub_caption_and_note():
    # Shaped after a bank's release (checked by hand against it): "Quarter Ended" stands
    # over a blank line above the dates, beside the table's caption in the stub; the
    # quarters are durations, and the caption is the table's title.
    text = """\
CONSOLIDATED STATEMENTS OF    Quarter    Three   Quarter
INCOME (unaudited)             Ended     Month    Ended

(in 000s, except              June 30,   Change  March 31,
per share data)                 2006               2006
- -------------------------------------------------------
Non-interest income:
 Service fees                      867    -13%        998
 Other income                      120      5%        114
"""
    doc = read_text(text, "bank.txt")
    assert [t.title for t in doc.tables] == ["CONSOLIDATED STATEMENTS OF INCOME"]
    fees = [f for f in doc.facts if f.label == "Service fees"]
    assert [(f.value, str(f.period)) for f in fees] == [
        (Decimal(867000), "2006Q2"), (Decimal(-13), "None"), (Decimal(998000), "2006Q1")]


def test_a_caption_in_the_stub_titles_an_average_balances_table():
    # "AVERAGE BALANCES" printed left of the columns' words titles the table, and the
    # balances under it are averages over each quarter, not quarter-end balances.
    text = """\
                         Quarter        Quarter
                          Ended          Ended
AVERAGE BALANCES       September 30,    June 30,
(unaudited) (in 000s)      2006           2006
- ----------------------------------------------
Loans                   $1,008,100    $  956,861
Deposits                   850,000       840,000
"""
    doc = read_text(text, "bank.txt")
    assert [t.title for t in doc.tables] == ["AVERAGE BALANCES"]
    loans = [f for f in doc.facts if f.label == "Loans"]
    assert [(f.value, str(f.period)) for f in loans] == [
        (Decimal(1008100000), "2006Q3"), (Decimal(956861000), "2006Q2")]


def test_a_balance_sheet_goes_on_after_a_gap_and_a_caption():
    # Two blank lines and a caption broken over two lines part the assets from the
    # liabilities; the liabilities stand in the same columns and keep their dates.
    text = """\
                                               As of             As of
                                            Mar 31,2007       Jul 1, 2006
                                            (unaudited)           (1)
    Cash & cash equivalents                    $8,544           $12,577
    Other assets                                2,077             3,037
                  Total assets                $10,621           $15,614


                  Liabilities and
                   Shareholders' Equity

    Current liabilities:
         Accounts payable                      $3,571            $4,435
         Accrued liabilities                    7,050            11,179
"""
    doc = read_text(text, "balance.txt")
    assert len(doc.tables) == 1
    payable = [f for f in doc.facts if f.label == "Accounts payable"]
    assert [(f.value, str(f.period), f.heading) for f in payable] == [
        (Decimal(3571), "2007-03-31", "Current liabilities:"),
        (Decimal(4435), "2006-07-01", "Current liabilities:")]


def test_an_item_that_prints_no_figures_is_no_heading_of_the_rows_after_it():
    # "Serial preferred stock ...; none issued" stands as deep as the rows of figures
    # after it: an item of "Stockholders' equity:" with no figures, not a heading lending
    # its "shares" to "Paid-in capital" (a bank's balance sheet, checked by hand).
    text = """\
                                        September 30,   June 30,
                                            2006          2006
                                         ----------   ----------
Stockholders' equity:
  Serial preferred stock, $1.00 par
   value; 10,000,000 shares
   authorized; none issued
  Paid-in capital                          51,318       53,738
  Retained earnings                        50,557       47,900
"""
    doc = read_text(text, "bank.txt")
    paid = [f for f in doc.facts if f.label == "Paid-in capital"]
    assert [(f.value, f.unit, f.heading) for f in paid] == [
        (Decimal(51318), "USD", "Stockholders' equity:"),
        (Decimal(53738), "USD", "Stockholders' equity:")]


def test_a_label_wrapped_over_the_blank_line_of_a_double_spaced_table():
    # In a table set double-spaced, "Investment in and advances to joint" / "" /
    # " venture  6,575" is one label, not a heading over "venture".
    text = """\
                                                 September 30,      June 30,
                                                     2003             2003

    Property and equipment, net                      5,997              6,305

    Investment in and advances to joint

     venture                                         6,575              6,506

    Other assets                                     1,085              1,085
"""
    doc = read_text(text, "balance.txt")
    venture = [f for f in doc.facts if f.source.line == 8]
    assert [(f.label, f.heading, f.value) for f in venture] == [
        ("Investment in and advances to joint venture", None, Decimal(6575)),
        ("Investment in and advances to joint venture", None, Decimal(6506))]


def test_a_schedule_whose_rows_name_the_year_keeps_its_columns_names():
    # A schedule of movements (shaped after a 10-K's Schedule VI, checked by hand): the
    # year heads the rows, and each column is one movement; an empty marker column at the
    # right leaves the named ones their names.
    text = """\
                               ($000'S OMITTED)
<TABLE>
<CAPTION>
                           BALANCE   PROVISION                           BALANCE
                          BEGINNING   CHARGED  RETIREMENTS               END OF
                           OF YEAR   TO INCOME  OR SALES    OTHER         YEAR
                          ---------- --------- ----------- --------  ---------------

1991
<S>                       <C>        <C>       <C>         <C>       <C>             <C>
Buildings...............      99,189   36,149     (12,754)   18,270       140,854
Leasehold improvements..      27,683    6,927      (2,555)      955        33,010
</TABLE>
"""
    doc = read_text(text, "schedule.txt")
    sold = [f for f in doc.facts if f.label == "Leasehold improvements" and f.value < 0]
    assert [(f.value, dict(f.dims), str(f.period)) for f in sold] == [
        (Decimal(-2555000), {"member": "RETIREMENTS OR SALES"}, "1991FY")]


def test_a_row_over_deeper_rows_that_add_up_to_it_heads_them():
    # "Revenues" over "Product" and "Service" set deeper, which add up to it in both
    # columns (60 + 40 = 100, 50 + 40 = 90); "Net sales" over "Cost of sales" and "Gross
    # profit" set as deep as it is no heading, though they add up to it too
    text = """\
                                   2007        2006
                                 --------    --------
Revenues                            100          90
   Product                           60          50
   Service                           40          40
Net sales                           100          90
Cost of sales                        60          50
Gross profit                         40          40
"""
    facts = read_text(text, "parts.txt").facts
    assert [(f.label, f.heading) for f in facts if f.period and f.period.end.year == 2007] == [
        ("Revenues", None), ("Product", "Revenues"), ("Service", "Revenues"),
        ("Net sales", None), ("Cost of sales", None), ("Gross profit", None)]


def test_a_heading_per_unit_of_a_commodity_or_of_units_in_service_lends_its_unit():
    # Shaped after an energy release's "Average costs (per Mcfe):" and a paging company's
    # "Paging units in service" (both checked by hand): the rows under them name no
    # unit; their figures are dollars per Mcfe, and counts of units in thousands
    text = """\
(in thousands)                      2020        2019
                                  --------    --------
Average costs (per Mcfe):
  Lease operating                     0.08        0.15
  Gathering and compression           0.63        0.76
Paging units in service
  Gross placements                      35          31
  Net change                           (17)        (12)
"""
    facts = read_text(text, "costs.txt").facts
    assert [(f.label, f.unit, f.value) for f in facts if f.period.end.year == 2020] == [
        ("Lease operating", "USD/mcfe", Decimal("0.08")),
        ("Gathering and compression", "USD/mcfe", Decimal("0.63")),
        ("Gross placements", "count", Decimal(35000)),
        ("Net change", "count", Decimal(-17000))]


def test_a_label_that_says_its_own_scale_in_a_table_that_leaves_shares_unscaled():
    # An insurer's "(in millions, except for share amounts)" with "Shares outstanding at
    # end of period (000)" (checked by hand: 718,382 thousand shares, about 718 million)
    text = """\
                    (In millions, except for share amounts)

                                                 2020          2019
                                               --------      --------
Total liabilities and shareholders' equity     $151,616      $145,679
Shares outstanding at end of period (000)       718,382       746,487
"""
    facts = read_text(text, "insurer.txt").facts
    assert [(f.unit, f.value) for f in facts if f.label.startswith("Shares")] == [
        ("shares", Decimal(718_382_000)), ("shares", Decimal(746_487_000))]
    assert facts[0].value == Decimal(151_616_000_000)


def test_a_double_spaced_balance_sheet_goes_on_after_blank_lines_among_its_captions():
    # A balance sheet set double-spaced (checked by hand against a chip maker's 8-K):
    # five blank lines, a caption, three blank lines, a heading, three more, then the
    # liabilities in the assets' columns: one table, dated and scaled by its header
    text = """\
                              (In thousands)
                                             September 30,      June 30,
                                                 2003             2003

    Cash and cash equivalents                   $10,000          $12,000

    Short-term investments                       20,000           22,000

                Total assets                    $30,000          $34,000





              Liabilities and Shareholders' Equity



    Current liabilities:



          Accounts payable                       $4,204           $4,170

          Accrued liabilities                     3,376            3,125
"""
    facts = read_text(text, "balance.txt").facts
    payable = [f for f in facts if f.label == "Accounts payable"]
    assert [(f.value, str(f.period), f.heading) for f in payable] == [
        (Decimal(4_204_000), "2003-09-30", "Current liabilities:"),
        (Decimal(4_170_000), "2003-06-30", "Current liabilities:")]


def test_an_unlabelled_row_summing_the_rows_right_above_it_is_their_total():
    # A bank's loans by kind, under the loans' subtotals (checked by hand: 121,785 +
    # 151,689 + 711,095 + 52,138 = 1,036,707, and 12 + 14 + 69 + 5 = 100): the last row
    # prints no words, yet totals the four rows above it, in every column
    text = """\
                                 September 30, 2006
                                 ------------------
Subtotal                       1,052,218
Less allowance                   (15,511)
Net loans receivable           1,036,707

Net residential loans            121,785    12%
Net commercial loans             151,689    14%
Net commercial real estate       711,095    69%
Net consumer loans                52,138     5%
                               ---------   ----
                               1,036,707   100%
"""
    facts = read_text(text, "loans.txt").facts
    assert [(f.label, f.value) for f in facts[-2:]] == [
        ("Total", Decimal(1_036_707)), ("Total", Decimal(100))]


def test_adjustments_in_cents_between_two_rows_per_share_are_per_share():
    # A reconciliation of adjusted earnings per share (shaped after a truck maker's,
    # checked by hand: 0.99 + 0.10 + 0.16 = 1.25) in a table of millions: the rows
    # between the two per-share rows are amounts per share, not dollars
    text = """\
                        (In millions, except per share amounts)
                                                  2020        2019
                                                --------    --------
Adjusted net income                                86.5       128.5
Earnings per share-diluted                         0.99        1.82
Loss on extinguishment of debt, net of tax         0.10          --
Valuation allowance on deferred tax assets         0.16          --
Adjusted earnings per share-diluted                1.25        1.82
"""
    facts = read_text(text, "eps.txt").facts
    assert [(f.label[:20], f.unit) for f in facts if f.period.end.year == 2020] == [
        ("Adjusted net income", "USD"), ("Earnings per share-d", "USD/share"),
        ("Loss on extinguishme", "USD/share"), ("Valuation allowance ", "USD/share"),
        ("Adjusted earnings pe", "USD/share")]


def test_a_heading_over_one_row_keeps_the_next_past_a_blank_line():
    # A finance company's statement of operations (checked by hand): "Net income per
    # share:" over "Basic", a rule and a blank line, then "Diluted"; both are per share,
    # and both counts of shares under their heading are shares
    text = """\
                                                   2005               2004
                                                   ----               ----
Net income                                  $8,536,000         $5,607,000

Net income per share:

Basic                                            $0.63              $0.42
                                                 -----              -----

Diluted                                          $0.59              $0.39
                                                 -----              -----

Weighted average number of shares outstanding:

Basic                                       13,569,000         13,403,000
                                            ----------         ----------

Diluted                                     14,424,000         14,286,000
"""
    facts = read_text(text, "eps.txt").facts
    assert [(f.label, f.unit, f.heading) for f in facts if f.period.end.year == 2005] == [
        ("Net income", "USD", None),
        ("Basic", "USD/share", "Net income per share:"),
        ("Diluted", "USD/share", "Net income per share:"),
        ("Basic", "shares", "Weighted average number of shares outstanding:"),
        ("Diluted", "shares", "Weighted average number of shares outstanding:")]


def test_a_heading_and_nils_among_adjustments_per_share_keep_the_run():
    # A 10-K's reconciliation of reported earnings per share (checked by hand: 1.23 -
    # 0.03 + 0.37 = 1.57): a heading with no figures and nil rows stand among the
    # adjustments, which are per share all the same
    text = """\
                                       ($000'S OMITTED)
                                          1991      1992
                                        -------   -------
Reported earnings per share               $1.23     $1.72
Gains on stock transactions               (0.03)    (0.42)
Special charges--
    Provision for estimated
      environmental liabilities            0.37         -
    Other                                     -      0.24
Changes in accounting principles              -      0.14
Earnings per share excluding above items  $1.57     $1.68
"""
    facts = read_text(text, "eps.txt").facts
    assert {f.unit for f in facts} == {"USD/share"}
    assert [f.label for f in facts if f.value == Decimal("0.37")] == [
        "Provision for estimated environmental liabilities"]


# Cases a review of the reading rules found (each input made up to show one rule's edge;
# the expectations worked out by hand).

def test_a_submission_with_letters_that_lower_case_lengthens_is_read_whole():
    # "İ" lower-cased is two characters: the documents are still found where they are
    text = ("COMPANY CONFORMED NAME: " + "\u0130" * 12 + " INC\n<DOCUMENT>\n"
            "<TYPE>10-K\n<TEXT>\nSALES BY YEAR\n\n                         2020      2019\n"
            "                       ------    ------\nNet sales               1,234     1,100\n"
            "Cost of sales             800       700\n</TEXT>\n</DOCUMENT>\n")
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.value, f.source.line) for f in facts] == [
        ("Net sales", Decimal(1234), 9), ("Net sales", Decimal(1100), 9),
        ("Cost of sales", Decimal(800), 10), ("Cost of sales", Decimal(700), 10)]
    assert {f.table for f in facts} == {"SALES BY YEAR"}


def test_a_roll_forward_closed_by_a_dated_balance_holds_no_later_heading():
    text = """\
                                          2020        2019
                                        ------      ------
Allowance for doubtful accounts:
Balance at beginning of year               100          90
Provision                                   20          10
Balance, December 31, 2020                 120         100
Other data:
Employees                                  300         280
"""
    facts = read_text(text, "x.txt").facts
    assert {f.heading for f in facts if f.label == "Employees"} == {"Other data:"}


def test_a_blank_line_ends_a_heading_before_a_row_that_names_itself():
    # "Net increase in cash" after the financing heading's one row is no row of it
    text = """\
                                          2020        2019
                                        ------      ------
Cash flows from financing activities:
Proceeds from borrowings                   100          90

Net increase in cash                        50          40
"""
    facts = read_text(text, "x.txt").facts
    assert {f.heading for f in facts if f.label == "Net increase in cash"} == {None}


def test_the_first_quarter_ended_on_a_date_is_the_three_months_to_it():
    # a September fiscal year's first quarter ends in December: the header says so
    text = """\
                               First Quarter Ended
                                   December 31,
                                 2019        2018
                               --------    --------
Net sales                         100          90
"""
    facts = read_text(text, "x.txt").facts
    assert [str(f.period) for f in facts] == ["2019Q4", "2018Q4"]


def test_amounts_between_rows_per_share_in_a_table_of_dollars_stay_dollars():
    text = """\
                                            2020
                                          ------
Net loss per share - basic                (0.01)
Total assets                          123,456.78
Cash                                   12,345.67
Net loss per share - diluted              (0.01)
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.unit) for f in facts] == [
        ("Net loss per share - basic", "USD/share"), ("Total assets", "USD"),
        ("Cash", "USD"), ("Net loss per share - diluted", "USD/share")]


def test_subtotals_named_total_are_no_rows_of_the_grand_total():
    # 10 + 20 = 30 and 5 + 5 = 10, each a total; 10 + 20 + 5 + 5 = 40, the grand total
    text = """\
                      2020      2019
                     -----     -----
Retail                  10        11
Wholesale               20        21
                     -----     -----
                        30        32
Services                 5         6
Licences                 5         6
                     -----     -----
                        10        12
                     -----     -----
                        40        44
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.value) for f in facts if f.period.end.year == 2020][-5:] == [
        ("Total", Decimal(30)), ("Services", Decimal(5)), ("Licences", Decimal(5)),
        ("Total", Decimal(10)), ("Total", Decimal(40))]


def test_days_after_a_number_class_loans_and_are_no_unit():
    # "30-89 days past due" and "90 days past due" are dollars of loans in the table's
    # thousands (a bank's asset quality table, checked by hand); "Days sales outstanding"
    # counts days
    text = """\
                                   (In thousands)
                                  2020        2019
                                 ------      ------
Loans 30-89 days past due        12,941       9,876
Loans 90+ days past due             343         120
Days sales outstanding               45          47
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.unit, f.value) for f in facts if f.period.end.year == 2020] == [
        ("Loans 30-89 days past due", "USD", Decimal(12941000)),
        ("Loans 90+ days past due", "USD", Decimal(343000)),
        ("Days sales outstanding", "days", Decimal(45))]


def test_header_words_one_space_apart_are_named_by_the_column_rule_under_them():
    # Shaped after a 10-K's schedule of receivables (checked by hand): "ADDITIONS
    # COLLECTED WRITTEN OFF" is three columns' words set one space apart, each over its
    # own run of the rule under the header; "DEDUCTIONS" over a rule drawn beside
    # "BALANCE" heads the two columns under that rule. Before, one column was named by all
    # three words, two had no name, and the rule was read as words of the names.
    text = """\
                              ($000's omitted)
                                                      DEDUCTIONS
                              BALANCE            --------------------- BALANCE
                             BEGINNING            AMOUNTS    AMOUNTS   END OF
NAME OF DEBTOR                OF YEAR  ADDITIONS COLLECTED WRITTEN OFF  YEAR
- --------------               --------- --------- --------- ----------- -------
<S>                          <C>       <C>       <C>       <C>         <C>
1993
A. Smith....................     100         3      (103)      --          --
B. Jones....................      --        55        --       --          55
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "A. Smith"]
    assert [(f.printed, f.dim("member")) for f in facts] == [
        ("100", "BALANCE BEGINNING"), ("3", "ADDITIONS"),
        ("(103)", "DEDUCTIONS AMOUNTS COLLECTED"), ("--", "DEDUCTIONS AMOUNTS WRITTEN OFF"),
        ("--", "BALANCE END")]


def test_a_table_whose_only_figures_are_years_holds_no_facts_and_is_reported():
    # Shaped after a 10-K's exhibit index (checked by hand): descriptions wrapped so that
    # a line ends in a year ("... registrant's 1989"); a year is never a fact. Before,
    # each such year was a fact of 1989 dollars.
    text = """\
<TABLE>
<CAPTION>
 EXHIBIT
 NUMBER                        DOCUMENT DESCRIPTION
 -------                       ---------------------
 <C>     <S>                                                                <C>
 10.14   Deferred Director's Fee Plan (incorporated by reference to the
         registrant's annual report on Form 10-K)
 10.15   Director's Charitable Endowment Plan
         (incorporated by reference to Exhibit 10.20 to registrant's 1989
         annual report on Form 10-K)
 10.16   Consulting Agreement dated as of January 1,
         1991 by and between registrant and its former director
</TABLE>
"""
    doc = read_text(text, "x.txt")
    assert doc.facts == []
    assert [(d.location.line, d.message) for d in doc.diagnostics
            if d.code == "table-not-read"] == [
        (3, "lines 3-13: its only figures are years or postal codes (1989...): read as no "
            "table of facts")]


def test_addresses_whose_only_figures_are_postal_codes_hold_no_facts():
    # Shaped after an underwriting agreement (checked by hand): the addresses for notices
    # set in a <TABLE> end lines in postal codes ("New York, New York  10055"); before,
    # each was a fact of 10,055 dollars.
    text = """\
<TABLE>
   <S>                                              <C>
   Specified address for notices . . . . . . . . .     Goldman, Sachs & Co.
                                                       85 Broad Street
                                                       New York, New York  10004

                                                       CS First Boston Corporation
                                                       55 East 52nd Street
                                                       New York, New York  10055
</TABLE>
"""
    doc = read_text(text, "x.txt")
    assert doc.facts == []
    assert any(d.code == "table-not-read" and "postal codes (10004...)" in d.message
               for d in doc.diagnostics)


def test_a_subtotal_as_deep_as_its_heading_is_the_heading_s():
    # Shaped after a bank's loans table (checked by hand): "Subtotal" set as deep as
    # "1-4 Mortgage" totals the rows under it (151,720 + 24,268 - 53,186 = 122,802); the
    # rows after it stand under no heading. Before, the subtotal had none, and a
    # table's several "Subtotal" rows could not be told apart.
    text = """\
                             September 30,       June 30,
LOANS (in 000s)                  2006             2006
- -------------------------------------------------------
1-4 Mortgage
  1-4 Family                $  151,720        $  147,173
  1-4 Family construction       24,268            23,236
  Participations sold          (53,186)          (54,889)
                            ----------        ----------
Subtotal                       122,802           115,520

Multi family residential        68,093            70,823
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.period.end.month == 9]
    assert [(f.label, f.heading, f.printed) for f in facts] == [
        ("1-4 Family", "1-4 Mortgage", "151,720"),
        ("1-4 Family construction", "1-4 Mortgage", "24,268"),
        ("Participations sold", "1-4 Mortgage", "(53,186)"),
        ("Subtotal", "1-4 Mortgage", "122,802"),
        ("Multi family residential", None, "68,093")]


def test_unit_sales_are_counted_not_dollars():
    # Shaped after a computer maker's 10-Q (checked by hand): "CPU unit sales" of 827,000
    # in a table of "dollars in millions" are units sold, not $827 billion
    text = """\
(dollars in millions)
                               Three Months Ended
                             3/27/99      3/27/98
                             -------      -------
Net sales                     $1,530       $1,405
CPU unit sales               827,000      650,000
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.unit, f.value) for f in facts if f.period.end.year == 1999] == [
        ("Net sales", "USD", Decimal(1_530_000_000)),
        ("CPU unit sales", "count", Decimal(827_000))]


def test_header_words_hyphenated_over_lines_are_made_whole():
    # Shaped after a 10-K's statement of shareholders' equity (checked by hand): the
    # column "Accu- / mulated / Trans- / lation / Adjust- / ment" is "Accumulated
    # Translation Adjustment"
    text = """\
                            (in thousands)
                   Common    Accu-
                   Stock    mulated
                   Amount   Trans-
                            lation
                            Adjust-
                             ment
                   ------   -------
Balance            10,000     (500)
Net change          1,000       200
"""
    facts = read_text(text, "x.txt").facts
    assert [f.dim("member") for f in facts[:2]] == [
        "Common Stock Amount", "Accumulated Translation Adjustment"]


def test_an_options_table_s_columns_name_their_units():
    # Shaped after a broker's note on stock options (checked by hand): the options
    # outstanding and exercisable are shares under option, their average life in years,
    # their prices per share; "(YEARS)" is a unit, no scale note
    text = """\
           RANGE OF                              AVERAGE    AVERAGE
           EXERCISE                 NUMBER        LIFE      EXERCISE      NUMBER
            PRICES                OUTSTANDING    (YEARS)     PRICE      EXERCISABLE
           --------               -----------    -------    --------    -----------
<S>                               <C>            <C>        <C>         <C>
$4.25 to $5.88................      234,500       6.71       $4.91        200,000
$5.98 to $5.98................      119,500       1.22        5.98         20,000
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.printed in (
        "234,500", "6.71", "4.91", "200,000")]
    assert [(f.printed, f.unit, f.value) for f in facts] == [
        ("234,500", "shares", Decimal(234500)), ("6.71", "years", Decimal("6.71")),
        ("4.91", "USD/share", Decimal("4.91")), ("200,000", "shares", Decimal(200000))]


def test_shares_covered_by_option_are_shares():
    # Shaped after a plan's schedule of grants (checked by hand): a title naming
    # employees does not make the column of shares under option a count of employees
    text = """\
      EMPLOYEES DESIGNATED TO RECEIVE INITIAL OPTION GRANTS

<TABLE>
<CAPTION>
EMPLOYEE                                                      SHARES COVERED BY OPTION
- --------                                                      ------------------------
<S>                                                           <C>
A. Smith....................................................          357,143
B. Jones....................................................          457,143
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.unit, f.value) for f in facts] == [
        ("A. Smith", "shares", Decimal(357143)), ("B. Jones", "shares", Decimal(457143))]


def test_years_over_groups_of_named_columns_date_each_column_of_their_group():
    # Shaped after a 10-K's table of financial instruments (checked by hand): "1994" and
    # "1993" each stand over three named columns, and each column takes its group's year
    # (before, only the column right under each year had one)
    text = """\
<TABLE>                                                     (in millions)
<CAPTION>
                               1994                       1993
                                               Credit                     Credit
                            Notional   Fair    Risk     Notional   Fair    Risk
                            Principal  Value   Amount   Principal  Value   Amount
<S>                           <C>      <C>      <C>      <C>       <C>      <C>
  Spot / Forward contracts  $2,385    $ (23)    $ 15    $ 2,114    $  6    $  19
  Purchased options         $1,510    $   17    $ 21    $ 1,637    $ 28    $  33
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Purchased options"]
    assert [(f.printed, f.dim("member"), f.period.end.year) for f in facts] == [
        ("1,510", "Notional Principal", 1994), ("17", "Fair Value", 1994),
        ("21", "Credit Risk Amount", 1994),
        ("1,637", "Notional Principal", 1993), ("28", "Fair Value", 1993),
        ("33", "Credit Risk Amount", 1993)]


def test_a_caption_drawn_with_nil_dashes_is_a_heading_not_a_row_of_zeros():
    # Shaped after a converted balance sheet (checked by hand): "Receivables:" prints "-"
    # in each column as a filler; it heads the rows under it and states no nought
    text = """\
                                   (IN THOUSANDS)
                                                     JULY 31,   JANUARY 31,
                                                       2000        2000
                                                     -------      -------
         Receivables:                                      -            -
         Accounts receivable, net                     13,895       16,193
         Other receivables                             2,049        4,710
         Goodwill                                         --           --
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.period.end.month == 7]
    assert [(f.label, f.heading, f.value) for f in facts] == [
        ("Accounts receivable, net", "Receivables:", Decimal(13_895_000)),
        ("Other receivables", "Receivables:", Decimal(2_049_000)),
        ("Goodwill", "Receivables:", Decimal(0))]


def test_shares_under_a_weighted_average_heading_are_shares():
    # Shaped after a REIT's FFO table (checked by hand): "Common shares" under "Weighted
    # average outstanding" count shares in the table's thousands, no dollars
    text = """\
                     (In thousands, except per share amounts)
                                                  Three Months Ended
                                                       March 31,
                                                  2020          2019
                                                 ------        ------
Funds from operations                           $ 90,000      $ 80,000
Weighted average outstanding:
   Common shares                                  27,448        27,373
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Common shares"]
    assert [(f.unit, f.value) for f in facts] == [
        ("shares", Decimal(27_448_000)), ("shares", Decimal(27_373_000))]


def test_a_label_goes_on_after_a_semicolon_whatever_its_next_line_opens_with():
    # Shaped after a bank's balance sheet (checked by hand): the common stock's caption
    # wraps over lines set as deep as one another; a line ending in ";" ends no label,
    # so "11,998,978," carries it on. Before, the caption broke there and its first
    # lines became a heading over every row below.
    text = """\
                                              (in 000s)
                                       December 31,    September 30,
                                           2007            2007
                                       ------------    -------------
   Common stock, $1.00
    par value; 30,000,000
    shares authorized;
    11,998,978 and
    12,123,595 shares
    outstanding                          $  11,999       $  12,124
   Retained earnings                        64,318          63,000
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.period.end.month == 12]
    assert [(f.label, f.heading, f.printed) for f in facts if not f.source.col_start < 10][
        -2:] == [
        ("Common stock, $1.00 par value; 30,000,000 shares authorized; 11,998,978 and "
         "12,123,595 shares outstanding", None, "11,999"),
        ("Retained earnings", None, "64,318")]


def test_a_share_of_sales_under_a_row_of_amounts_is_that_row_s():
    # Shaped after a 10-Q's results of operations (checked by hand): each "Percentage of
    # net sales" is the share of the row above it (101 / 1,737 = 5.8% for research and
    # development), which the fact's heading now says; "Percent of charge-offs to loans"
    # names its own quantity and is no row's share
    text = """\
(Dollars in millions)
                                  1997       1996
                                -------    -------
Net sales                       $ 1,737    $ 2,179
Research and development        $   101    $   155
  Percentage of net sales          5.8%       7.1%
Selling, general and
administrative                  $   307    $   364
  Percentage of net sales         17.7%      16.7%
Net charge-offs                      12         10
Percent of charge-offs to loans    0.5%       0.4%
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.period.end.year == 1997]
    assert [(f.label, f.heading) for f in facts if f.unit == "%"] == [
        ("Percentage of net sales", "Research and development"),
        ("Percentage of net sales", "Selling, general and administrative"),
        ("Percent of charge-offs to loans", None)]


def test_share_counts_printed_whole_under_a_note_in_thousands_are_taken_whole():
    # Shaped after a bank's income statement (checked by hand): "(in 000s, except per
    # share data)" scales the dollars, but the weighted average shares are printed whole:
    # net income of $4,955 thousand over 9,911,027 shares is $0.50, the EPS printed; over
    # 9.9 billion shares it would be $0.0005. Where the counts are printed in thousands
    # (9,911 over the same note), they stay scaled.
    def table(basic: str) -> str:
        return f"""\
                                 (in 000s, except per share data)
                                        Quarter Ended
                                        March 31, 2006
                                        --------------
Net income                                   $  4,955
Basic earnings per share                     $   0.50
Weighted average shares outstanding:
   Basic                                  {basic:>12}
"""
    whole = read_text(table("9,911,027"), "x.txt")
    basic = next(f for f in whole.facts if f.label == "Basic")
    assert (basic.value, basic.unit, basic.scale) == (Decimal(9_911_027), "shares", 0)
    assert [d.code for d in whole.diagnostics].count("shares-whole") == 1
    scaled = read_text(table("9,911"), "x.txt")
    basic = next(f for f in scaled.facts if f.label == "Basic")
    assert (basic.value, basic.unit, basic.scale) == (Decimal(9_911_000), "shares", 3)


def test_a_nil_caption_over_another_heading_stays_a_row():
    # "Commitments and contingencies:  --  --" stands over "Stockholders' equity:", no row
    # of figures: its noughts are its own, and it heads nothing
    text = """\
                                        2020      2019
                                       ------    ------
Total liabilities                       1,000       900
Commitments and contingencies:             --        --
Stockholders' equity:
  Common stock                             10        10
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.heading) for f in facts[2:5:2]] == [
        ("Commitments and contingencies:", None), ("Common stock", "Stockholders' equity:")]


def test_quantities_that_say_their_own_scale_keep_their_unit():
    # "(thousand)" scales ounces and tons as it scales dollars; they stay ounces and tons
    text = """\
                     (in thousands, except per ounce)
                                        2020      2019
                                       ------    ------
Ounces produced (thousand)                 95        90
Tons milled (thousand)                    400       380
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.unit, f.value) for f in facts[::2]] == [("oz", Decimal(95_000)),
                                                       ("ton", Decimal(400_000))]


def test_a_year_set_in_a_rule_heads_every_column_under_the_rule():
    text = """\
<TABLE>
<CAPTION>
                     ---------------- 1994 ----------------
                      Domestic     Foreign        Total
<S>                    <C>          <C>          <C>
Revenue                 1,000          500        1,500
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.dim("member"), str(f.period)) for f in facts] == [
        ("Domestic", "1994FY"), ("Foreign", "1994FY"), ("Total", "1994FY")]


def test_a_total_at_the_margin_after_the_last_subtotal_is_no_part_of_its_group():
    # 150 + 500 = 650: the grand total of both groups, under neither heading
    text = """\
                                      2020
                                     ------
Demand deposits:
  Checking                              100
  Savings                                50
Subtotal                                150
Time deposits:
  Certificates                          500
Subtotal                                500
Total                                   650
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.heading) for f in facts[-3:]] == [
        ("Certificates", "Time deposits:"), ("Subtotal", "Time deposits:"), ("Total", None)]


def test_average_unit_sales_in_dollars_and_share_counts_that_say_their_scale():
    text = """\
                     (In thousands, except per share amounts)
                                        2020      2019
                                       ------    ------
Average unit sales                    $ 1,234   $ 1,200
Net income                             90,000    80,000
Weighted average outstanding:
   Common shares (in thousands)        27,448    27,373
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.unit, f.scale) for f in facts[::2]] == [
        ("Average unit sales", "USD", 3), ("Net income", "USD", 3),
        ("Common shares (in thousands)", "shares", 3)]


def test_a_word_hyphenated_over_header_lines_keeps_a_compound_s_hyphen():
    from assay.read.headers import periods_of_columns
    periods, texts, _ = periods_of_columns(
        [["Six-", "months ended", "June 30, 2020"], ["Septem-", "ber 30,", "2020"]], [])
    assert texts == ["Six-months ended June 30, 2020", "September 30, 2020"]
    assert [str(p) for p in periods] == ["2020H1", "2020-09-30"]


def test_units_under_a_weighted_average_and_an_amount_for_a_ratio():
    # Shaped after a REIT's FFO table and a bank's efficiency ratio reconciliation
    # (checked by hand): operating partnership units are share-like counts; revenues
    # "for adjusted efficiency ratio" are dollars that go into the ratio, in thousands
    text = """\
                     (In thousands, except per share amounts)
                                                        2020          2019
                                                       ------        ------
Adjusted total revenues for adjusted efficiency ratio  41,985        39,671
Weighted average outstanding:
   Operating partnership units                          7,305         7,305
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.unit, f.value) for f in facts[::2]] == [
        ("USD", Decimal(41_985_000)), ("shares", Decimal(7_305_000))]


def test_a_label_that_opens_with_a_dash_goes_on_from_the_stem_above():
    # Shaped after a release's income statement (checked by hand): "- Diluted" under
    # "Net income per share - Basic" is diluted earnings per share, and under "Weighted
    # average number of shares outstanding - Basic" the diluted share count
    text = """\
                                                       2004               2003
                                                    ---------          ---------
Net income per share - Basic                            $0.42              $0.30
                     - Diluted                          $0.39              $0.27

Weighted average number of shares
outstanding          - Basic                       13,403,000          8,376,000
                     - Diluted                     14,286,000          9,272,000
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.unit) for f in facts[::2]] == [
        ("Net income per share - Basic", "USD/share"),
        ("Net income per share - Diluted", "USD/share"),
        ("Weighted average number of shares outstanding - Basic", "shares"),
        ("Weighted average number of shares outstanding - Diluted", "shares")]


def test_yields_on_assets_are_percentages_though_printed_bare():
    # Shaped after a mortgage REIT's statistics (checked by hand): "Yields on residential
    # mortgage investments 2.67" is 2.67%, printed without its sign
    text = """\
                                             (in thousands)
                                                  2019        2018
                                                 ------      ------
Net interest income                              18,559      20,685
Yields on residential mortgage investments         2.67        2.82
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.unit, f.value) for f in facts[2:]] == [("%", Decimal("2.67")),
                                                     ("%", Decimal("2.82"))]


def test_a_dashed_label_goes_on_from_a_stem_of_one_word_only():
    # "- Cost of product" under "Revenue - Product" is its own row, no "Revenue - Cost of
    # product"; "- Diluted" under "... per share - Basic" goes on from the stem
    text = """\
                                        2020      2019
                                       ------    ------
Revenue - Product                       1,000       900
        - Cost of product                 600       500
Net income per share - Basic             0.50      0.40
                     - Diluted           0.48      0.39
"""
    facts = read_text(text, "x.txt").facts
    assert [f.label for f in facts[::2]] == [
        "Revenue - Product", "- Cost of product", "Net income per share - Basic",
        "Net income per share - Diluted"]


def test_stock_prices_in_eighths_are_figures_of_a_share():
    # Shaped after a 10-K's quarterly stock prices (checked by hand): "46 5/8" is $46.625
    # a share (eighths divide exactly); before, the fractions were read as words of the
    # label ("First46 5/8")
    text = """\
<TABLE>
<CAPTION>
                                            HIGH        LOW      DIVIDENDS PER SHARE
                                         ----------  ----------  -------------------
<S>                                      <C>         <C>         <C>
      First.........................       46 5/8      37 3/4          $.11
      Second........................       41 1/4      32 7/8           .13
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.printed, f.value, f.unit) for f in facts[:3]] == [
        ("First", "46 5/8", Decimal("46.625"), "USD/share"),
        ("First", "37 3/4", Decimal("37.75"), "USD/share"),
        ("First", ".11", Decimal("0.11"), "USD/share")]


def test_figures_in_a_label_take_the_dates_their_own_words_say():
    # Shaped after two balance sheets of 8-Ks and a 10-K's notes (checked by hand): the
    # columns are 2004 then 2003. "authorized 30,000,000 shares" holds at both dates;
    # "13,432,000 shares in 2004" is of 2004 alone (it had been paired with 30,000,000
    # as "respectively" and put in 2003); "$1,013,000 in 2004 and $775,000 in 2003" each
    # of its own year; "4.1% through September 30, 1994 and 7.7% thereafter" of neither
    # column.
    text = """\
                                                                         September 30,
                                                                      2004          2003
                                                                   ----------    ----------
Furniture and equipment (net of accumulated
   depreciation of $1,013,000 in 2004 and
   $775,000 in 2003)                                                2,100,000     1,900,000
Common stock, $.01 par value, authorized 30,000,000 shares, issued
   and outstanding 13,432,000 shares in 2004 and 13,180,000 in 2003   134,000        66,000
Step-Up Notes, interest 4.1% through September 30,
  1994 and 7.7% thereafter, due 2002                                  300,000       300,000
"""
    got, labels = {}, {}
    for f in read_text(text, "x.txt").facts:
        got.setdefault(f.printed, []).append(None if f.period is None else f.period.end)
        labels[f.printed] = f.label
    y2004, y2003 = date(2004, 9, 30), date(2003, 9, 30)
    assert got["$1,013,000"] == [y2004] and got["$775,000"] == [y2003]
    # the figures in the parenthesis are named by what they deduct, not by the row's
    # name alone (which read as the furniture's own balance)
    assert labels["$775,000"] == "Furniture and equipment: accumulated depreciation"
    assert labels["2,100,000"].startswith("Furniture and equipment (net of")
    # words after the parenthesis date its figure: it is a part of the label no more
    text = """\
                                                                         September 30,
                                                                      2004          2003
                                                                   ----------    ----------
Treasury stock (1,000 shares at cost) at September 30, 2004           (1,500)           --
"""
    worded = [f for f in read_text(text, "x.txt").facts if f.printed == "1,000 shares"]
    assert [(f.label, f.period.end) for f in worded] == [
        ("Treasury stock (1,000 shares at cost) at September 30, 2004", y2004)]
    assert got["30,000,000 shares"] == [y2004, y2003]
    assert got["13,432,000 shares"] == [y2004]
    assert got["4.1%"] == [None] and got["7.7%"] == [None]
    assert got["134,000"] == [y2004] and got["66,000"] == [y2003]


def test_a_figure_joined_to_a_wrapped_label_is_a_word_of_it_though_under_a_column():
    # Shaped after a savings bank's statement of condition (checked by hand): the line
    # "authorized; 9,898,168,  9,894,380, and 10,037,903" ends in a figure that stands
    # under the first column, but it is set one space after "and" and the label goes on below
    # ("shares outstanding"): a word of the label, not a row of 10,037,903 thousand
    # dollars. The three counts are the three columns' shares outstanding.
    text = """\
<TABLE>
STATEMENTS OF FINANCIAL CONDITION
(in 000s, except per share data)                 March 31, 2006   December 31, 2005  March 31, 2005
- --------------------------------------------------------------------------------------------------
<s>                                                 <c>               <c>                <c>
Stockholders' equity:
  Common stock, $1.00 par value; 30,000,000 shares
    authorized; 9,898,168,  9,894,380, and 10,037,903
    shares outstanding                                   9,898              9,894             10,038
  Paid-in capital                                       54,116             54,009             54,737
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    stock = [(f.printed, f.unit, f.period.end) for f in facts
             if f.label.startswith("Common") and f.period is not None]
    assert ("10,038", "USD", date(2005, 3, 31)) in stock
    assert ("10,037,903 shares", "shares", date(2005, 3, 31)) in stock
    assert ("9,898,168", "shares", date(2006, 3, 31)) in stock
    assert ("9,898", "USD", date(2006, 3, 31)) in stock
    assert not any(f.value == 10_037_903_000 for f in facts)


def test_a_column_of_section_numbers_holds_no_facts():
    # Shaped after a merger agreement's index of definitions (checked by hand): "2.1" and
    # "5.20" are the sections that define each term, no amounts; the column is reported.
    text = """\
<TABLE>
                              INDEX OF DEFINITIONS
DEFINED TERM                                        SECTION
- - ------------                                      -----------
<S>                                               <C>
"Act"............................................          15
"Article of Merger"..............................         1.1
"Benefit Plans"..................................        5.20
"Cotelligent Stock"..............................         2.1
</TABLE>
"""
    doc = read_text(text, "x.txt")
    assert doc.facts == []
    assert any(d.code == "page-column" and "'SECTION'" in d.message for d in doc.diagnostics)


def test_a_year_ended_heading_wrapped_over_lines_dates_a_schedule_s_flows_and_balances():
    # Shaped after a 10-K's schedule of notes receivable (checked by hand): "Year Ended" /
    # "September 25," / "1992" heads the rows below it; a label ending "Ended" cannot
    # end, so the heading is the fiscal year, and its additions and collections are the
    # year's, its balances at the year's beginning and end. Before, "Year Ended" stood
    # apart and every column was at September 25, 1992.
    text = """\
<TABLE>
                  Balance at                          Balance
                  Beginning                           at End
Name of Debtor    of Period  Additions  Collections   of Period
<S>                <C>       <C>        <C>           <C>
Year Ended
September 25,
1992

John Sculley       $ 1,836   $   775     $ 2,611      $  --
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "John Sculley"]
    year = Period(end=date(1992, 9, 25), start=date(1991, 9, 28))
    assert [(f.printed, f.period) for f in facts] == [
        ("1,836", Period.instant(date(1991, 9, 27))), ("775", year), ("2,611", year),
        ("--", Period.instant(date(1992, 9, 25)))]


def test_a_quarter_the_text_says_is_fourteen_weeks_starts_a_week_earlier():
    # Shaped after a semiconductor maker's release (checked by hand): quarters end on a
    # Saturday; the text says the quarter ended July 2, 2005 had 14 weeks, so it began
    # on March 27, 2005 (98 days), not April 3; the quarter ended October 1 keeps its 13.
    text = """\
Results for the previous quarter ended July 2, 2005 are based upon 14 weeks versus a
normal 13 week quarter.

                                             Three Months Ended
                                        ---------------------------
                                        October 1,        July 2,
                                           2005             2005
                                        ----------      ----------
Net revenues                              22,473          21,121
"""
    doc = read_text(text, "x.txt")
    assert [f.period for f in doc.facts if f.label == "Net revenues"] == [
        Period(end=date(2005, 10, 1), start=date(2005, 7, 3)),
        Period(end=date(2005, 7, 2), start=date(2005, 3, 27))]
    assert [d.location.line for d in doc.diagnostics if d.code == "period-weeks"] == [1]


def test_a_second_column_markup_in_one_table_sets_new_columns_under_its_own_header():
    # Shaped after a 10-Q's results by quarter (checked by hand): one <TABLE> holds a
    # block of this quarter against the year-ago quarter, then, under markers of its own,
    # this quarter against the one before ("Second Quarter 1997", fiscal years ending in
    # late September: January to March 1997). Before, the second block kept the first
    # block's dates, and 1,601 was of the quarter a year ago.
    text = """\
<TABLE>
<CAPTION>
                          Three Months Ended       Nine Months Ended
                     June 27,    June 28,       June 27,    June 28,
                       1997        1996           1997        1996
<S>                  <C>         <C>            <C>         <C>
Net sales            $ 1,737     $ 2,179        $ 5,440     $ 7,381


                       Third      Second
                      Quarter     Quarter
                        1997        1997     Change
                     <C>         <C>        <C>
<S>
Net sales            $ 1,737     $ 1,601       8%
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.printed == "1,601"]
    assert [(f.period.start.year, f.period.end) for f in facts] == [(1997, date(1997, 3, 31))]


def test_captions_drawn_with_nil_dashes_in_capitals_or_totalled_below_are_headings():
    # Shaped after the same converted balance sheet (checked by hand): "Current assets"
    # (which "Total current assets" totals below) and "CURRENT LIABILITIES" print "-"
    # fillers: headings, no rows of noughts. "Goodwill --" is a row (nothing totals it).
    text = """\
                                   (IN THOUSANDS)
                                                     JULY 31,   JANUARY 31,
                                                       2000        2000
                                                     -------      -------
         Current assets                                    -            -
         Accounts receivable, net                     13,895       16,193
         Other receivables                             2,049        4,710
Total current assets                                  15,944       20,903
Goodwill                                                  --           --
CURRENT LIABILITIES                                        -            -
         Accounts payable                              4,317       11,718
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.period.end.month == 7]
    assert [(f.label, f.heading or f.section) for f in facts] == [
        ("Accounts receivable, net", "Current assets"), ("Other receivables", "Current assets"),
        ("Total current assets", None), ("Goodwill", None),
        ("Accounts payable", "CURRENT LIABILITIES")]


def test_quarters_named_by_ordinals_under_a_quarterly_summary_of_one_year():
    # Shaped after a 10-K's stock prices (checked by hand): "1992 QUARTERLY SUMMARY"
    # over the prices, rows "First" ... "Fourth": the quarters of 1992 (the dividends
    # column beside it too). Before, no fact of the table had a period.
    text = """\
<TABLE>
<CAPTION>
                                      1992 QUARTERLY SUMMARY
                                      ----------------------    CASH DIVIDENDS
                                         HIGH        LOW      DECLARED PER SHARE
                                      ----------  ----------  ------------------
      <S>                             <C>         <C>         <C>
      First.........................    46 5/8      37 3/4           $.11
      Second........................    41 1/4      32 7/8            .13
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert {(f.label, f.period) for f in facts} == {
        ("First", Period(end=date(1992, 3, 31), start=date(1992, 1, 1))),
        ("Second", Period(end=date(1992, 6, 30), start=date(1992, 4, 1)))}


def test_a_period_counted_back_begins_the_day_after_a_dated_end_just_before_it():
    # Shaped after a 10-Q (checked by hand): the year before ended Friday September 25,
    # 1998 (a balance sheet dates it); a day was added to the first quarter, so the six
    # months ended Saturday March 27, 1999 began on September 26, 1998, not 26 weeks back
    # (September 27).
    text = """\
                                               March 27,    September 25,
                                                 1999           1998
                                              ---------     ------------
Total assets                                    $ 4,892        $ 4,289


                                               Six Months Ended
                                              March 27,    March 28,
                                                1999          1998
                                              ---------    ---------
Net sales                                       $ 3,240      $ 3,494
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Net sales"]
    assert facts[0].period == Period(end=date(1999, 3, 27), start=date(1998, 9, 26))


def test_rows_under_a_heading_that_names_a_balance_are_balances():
    # Shaped after a 10-K's geographic data (checked by hand): under bare fiscal years,
    # "Identifiable assets:" heads its regions, balances at each year's end; a movement
    # under such a heading ("Net change") stays the year's
    text = """\
                                      1994        1993
                                    --------    --------
Net sales:
  United States                      5,922       5,287
Identifiable assets:
  United States                      3,100       2,900
  Europe                             1,200       1,100
  Net change                           300         200
"""
    facts = read_text(text, "x.txt").facts
    got = {(f.heading, f.label): f.period for f in facts if f.period.end.year == 1994}
    assert got[("Net sales:", "United States")] == Period(end=date(1994, 12, 31),
                                                          start=date(1994, 1, 1))
    assert got[("Identifiable assets:", "Europe")] == Period.instant(date(1994, 12, 31))
    assert got[("Identifiable assets:", "Net change")].start == date(1994, 1, 1)


def test_a_fiscal_year_begins_the_day_after_the_dated_year_before_it():
    # Shaped after a 10-K of a 52-53-week filer (checked by hand): the year ended
    # September 30, 1994 began the day after the year ended September 24, 1993, a 53-week
    # year, not on October 1, 1993 (twelve months back); the submission's header gives
    # the fiscal year end
    text = """<SEC-DOCUMENT>
<SEC-HEADER>
\tFISCAL YEAR END:\t\t\t0930
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-K
<TEXT>
                                          Years Ended
                                  September 30,   September 24,
                                       1994            1993
                                  -------------   -------------
Net sales                            $ 9,189         $ 7,977
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""
    facts = read_text(text, "x.txt").facts
    assert facts[0].period == Period(end=date(1994, 9, 30), start=date(1993, 9, 25))


def test_carrying_amounts_and_fair_values_under_a_year_stand_at_its_end():
    # a note on financial instruments prints, under each fiscal year, its carrying amount
    # and fair value: balances at the year's end (laid out as a 10-K of 1994 does)
    text = """\
Other Financial Instruments
<TABLE>                                            (in millions)
<CAPTION>                         1994                   1993
                            Carrying       Fair    Carrying       Fair
                              Amount      Value      Amount      Value
<S>                         <C>           <C>      <C>         <C>
Cash and cash equivalents   $ 1,203       $ 1,203  $   676     $   676
Ten-year unsecured notes    $   300       $   259       --          --
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    notes = [(f.value, f.period) for f in facts if f.label == "Ten-year unsecured notes"]
    assert notes == [(Decimal(300_000_000), Period.instant(date(1994, 12, 31))),
                     (Decimal(259_000_000), Period.instant(date(1994, 12, 31))),
                     (Decimal(0), Period.instant(date(1993, 12, 31))),
                     (Decimal(0), Period.instant(date(1993, 12, 31)))]


def test_a_fair_value_roll_forward_keeps_its_movements_over_the_year():
    # a column "Fair Value" in a table that rolls the balance forward: purchases are the
    # year's flows, the opening balance the day before it begins (hand-read)
    text = """\
<TABLE>
<CAPTION>                                    2020          2019
                                       Fair Value    Fair Value
<S>                                    <C>           <C>
Balance at beginning of year              $  500        $  400
Purchases                                    120           150
Balance at end of year                    $  620        $  550
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    purchases = next(f for f in facts if f.label == "Purchases")
    assert purchases.period == Period(end=date(2020, 12, 31), start=date(2020, 1, 1))
    opening = next(f for f in facts if f.label == "Balance at beginning of year")
    assert opening.period == Period.instant(date(2019, 12, 31))


def test_a_note_for_all_tables_holds_until_the_next_item_of_the_filing():
    # MD&A's "Tabular information (dollars in millions)" scales its own tables, not the
    # vote tallies of Item 4 further on (hand-read: 114,130,859 votes, not $114 trillion)
    text = """\
Item 2. Management's Discussion and Analysis

Tabular information (dollars in millions, except per share amounts):

                                   Three Months Ended
                                 March 27,    March 28,
                                   1999         1998
                                 --------     --------
Net sales                        $  1,530     $  1,405
Gross margin                     $    443     $    361

Item 4. Submission of Matters to a Vote of Security Holders

The annual meeting of shareholders was held on March 24, 1999.  All matters
voted on were approved. The results are as follows:

                             For                      Authority Withheld
Gareth C.C. Chang            114,130,859                   853,852
William V. Campbell          114,037,235                   947,476
"""
    facts = read_text(text, "x.txt").facts
    sales = next(f for f in facts if f.label == "Net sales")
    assert sales.value == Decimal(1_530_000_000)
    votes = [f.value for f in facts if f.label == "Gareth C.C. Chang"]
    assert votes == [Decimal(114_130_859), Decimal(853_852)]


def test_a_nil_adjustment_between_amounts_per_share_is_unscaled_too():
    # "Tax effect  --  --" between diluted EPS and adjusted EPS in a table "in
    # thousands": a nil amount per share, scaled by nothing (hand-read)
    text = """\
                                          (Dollars in thousands)
                                          Three Months Ended March 31,
                                             2020          2019
                                           --------      --------
Net income                                 $ 11,012      $ 17,003
Diluted earnings per share                 $   0.26      $   0.41
Merger expenses                                0.03            --
Tax effect                                       --            --
Adjusted diluted earnings per share        $   0.29      $   0.41
"""
    facts = read_text(text, "x.txt").facts
    tax = [(f.unit, f.scale, f.value) for f in facts if f.label == "Tax effect"]
    assert tax == [("USD/share", 0, Decimal(0))] * 2
    income = next(f for f in facts if f.label == "Net income")
    assert (income.unit, income.scale) == ("USD", 3)


def test_a_month_abbreviated_dec_names_no_decrease():
    # "Dec 31, 2007" over a balance sheet's column is its date, not "Inc/(Dec)": the
    # balances stand at it (hand-read)
    text = """\
                                     Dec 31,      Dec 31,
                                      2007         2006
                                   ---------    ---------
Cash and due from banks            $  21,345    $  20,101
Total assets                       $ 912,876    $ 887,002
"""
    facts = read_text(text, "x.txt").facts
    assert [f.period for f in facts if f.label == "Cash and due from banks"] == [
        Period.instant(date(2007, 12, 31)), Period.instant(date(2006, 12, 31))]


def test_a_band_title_at_the_margin_under_the_column_names_heads_the_rows():
    # "Transactions Qualifying as Accounting Hedges" stands above the <S> line, a blank
    # line under the column names: the first rows' heading, no part of a column's name;
    # nor is the column name on the anchor line ("Principal") the table's title
    text = """\
<TABLE>                                                     (in millions)
<CAPTION>
                               1994                    1993
                            Notional   Fair        Notional   Fair
                            Principal  Value       Principal  Value

Transactions Qualifying as Accounting Hedges
<S>                           <C>      <C>         <C>        <C>
Swaps                       $  699    $ (40)      $   100    $   2

Transactions Other Than Accounting Hedges
Sold options                $  148    $  (3)      $    67    $  (1)
</TABLE>
"""
    doc = read_text(text, "x.txt")
    swaps = [f for f in doc.facts if f.label == "Swaps"]
    assert [dict(f.dims).get("member") for f in swaps] == ["Notional Principal",
                                                           "Fair Value"] * 2
    assert swaps[0].heading == "Transactions Qualifying as Accounting Hedges"
    assert swaps[1].value == Decimal(-40_000_000)
    assert doc.tables[0].title != "Principal"


def test_column_names_set_wider_than_the_year_over_them_are_header():
    # no <TABLE> markers: "Carrying Amount | Fair Value" under each year, the names
    # starting left of the year; each column dated, at the year's end (hand-read)
    text = """\
Other Financial Instruments
                                                   (in millions)
                                    1994                   1993
                              Carrying       Fair    Carrying       Fair
                                Amount      Value      Amount      Value
                              --------    -------    --------    -------
Cash and cash equivalents     $  1,203    $ 1,203    $    676    $   676
Ten-year unsecured notes      $    300    $   259          --         --
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Ten-year unsecured notes"]
    assert [(f.value, f.period, dict(f.dims)["member"]) for f in facts] == [
        (Decimal(300_000_000), Period.instant(date(1994, 12, 31)), "Carrying Amount"),
        (Decimal(259_000_000), Period.instant(date(1994, 12, 31)), "Fair Value"),
        (Decimal(0), Period.instant(date(1993, 12, 31)), "Carrying Amount"),
        (Decimal(0), Period.instant(date(1993, 12, 31)), "Fair Value")]


def test_a_wrapped_share_of_net_sales_row_names_the_row_above_it():
    # "Percentage of" / "net sales  17.7%" right under "Selling, general and
    # administrative  $ 307": that row's share of sales (hand-read, as a 10-Q prints it)
    text = """\
                              Three Months Ended
                           June 27,     June 28,
                             1997         1996
                           --------     --------
Net sales                  $  1,737     $  2,179
Selling, general and
administrative             $    307     $    348
  Percentage of
  net sales                   17.7%        16.0%
Research and development   $    118     $    151
  Percentage of
  net sales                    6.8%         6.9%
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Percentage of net sales"]
    assert [(f.heading, f.value) for f in facts] == [
        ("Selling, general and administrative", Decimal("17.7")),
        ("Selling, general and administrative", Decimal("16.0")),
        ("Research and development", Decimal("6.8")),
        ("Research and development", Decimal("6.9"))]


def test_a_date_and_the_next_columns_name_one_space_apart_are_two_names():
    # "3/27/98 Change": the prior six months' date over its figures, "Change" over the
    # next column; the caption's scale note names no column (hand-read, a 10-Q's MD&A)
    text = """\
<TABLE>
<CAPTION>
Tabular information (dollars in millions, except per share amounts):

                              Three Months Ended           Six Months Ended
                           3/27/99   3/27/98  Change   3/27/99   3/27/98 Change
<S>                           <C>      <C>     <C>        <C>      <C>      <C>
Net sales                   $1,530    $1,405     9%     $3,240    $2,983     9%
Research and development      $ 76      $ 75     1%       $152      $154   (1%)
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Research and development"]
    assert [(f.value, f.period and f.period.end, dict(f.dims).get("member")) for f in facts] == [
        (Decimal(76_000_000), date(1999, 3, 27), None),
        (Decimal(75_000_000), date(1998, 3, 27), None),
        (Decimal(1), None, "Change"),
        (Decimal(152_000_000), date(1999, 3, 27), None),
        (Decimal(154_000_000), date(1998, 3, 27), None),
        (Decimal(-1), None, "Change")]


def test_column_names_one_space_apart_with_no_rule_under_them_are_parted_by_columns():
    # "Additions Collections" over two columns of a schedule, no rule under the names:
    # each names its own column (hand-read: Mr. Mullen's 62 are collections)
    text = """\
(In thousands)
<TABLE>
<CAPTION>
                Balance at                        Amounts   Balance
                Beginning                         Written   at End
                of Period  Additions Collections  Off       of Period
<S>             <C>        <C>       <C>            <C>       <C>
James Mullen        123        --          62          --         61
John Sculley      2,412       962       3,374          --         --
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "James Mullen"]
    assert [(dict(f.dims).get("member"), f.value) for f in facts] == [
        ("Balance Beginning Period", Decimal(123_000)), ("Additions", Decimal(0)),
        ("Collections", Decimal(62_000)), ("Amounts Written Off", Decimal(0)),
        ("Balance End Period", Decimal(61_000))]


def test_a_balance_dated_in_its_label_and_marked_unaudited_closes_the_movements():
    # "Balance, June 30, 2000 (unaudited)" in a statement of shareholders' equity: at
    # June 30, 2000; the rows after December 31, 1999 move it over the six months
    text = """\
                                 (In thousands)
<TABLE>
<CAPTION>
                                             Paid-in       Retained         Total
                                             Capital       Earnings        Equity
<S>                                          <C>           <C>           <C>
Balance, December 31, 1999                    $6,028        $22,840       $28,964
Net income                                                    1,761         1,761
Balance, June 30, 2000 (unaudited)            $6,028        $24,601       $30,725
</TABLE>
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.column == 2]
    assert [(f.label, f.period) for f in facts] == [
        ("Balance, December 31, 1999", Period.instant(date(1999, 12, 31))),
        ("Net income", Period(end=date(2000, 6, 30), start=date(2000, 1, 1))),
        ("Balance, June 30, 2000 (unaudited)", Period.instant(date(2000, 6, 30)))]


def test_a_column_headed_shares_of_common_counts_shares():
    # a registration schedule: "SHARES OF REGISTERABLE COMMON" over each holder's count
    # (hand-read: 108,000 shares, no dollars)
    text = """\
<TABLE>
<CAPTION>
                                              SHARES OF
                                             REGISTERABLE
           SECURITIES HOLDER                    COMMON            PERCENTAGE
- -----------------------------------------------------------------------------
<S>                                             <C>              <C>
Small-Cap Value Portfolio                         108,000        0.900%
Zelda Ross Trust                                   24,300        0.203%
</TABLE>
"""
    facts = read_text(text, "x.txt").facts
    assert [(f.label, f.value, f.unit) for f in facts if f.column == 0] == [
        ("Small-Cap Value Portfolio", Decimal(108_000), "shares"),
        ("Zelda Ross Trust", Decimal(24_300), "shares")]


def test_a_caption_ending_in_a_colon_drawn_with_filler_dashes_is_a_heading():
    # "Stockholders' equity:  -  -" over a row that prints nils itself: the caption's
    # dashes fill the line, no balance of nought (hand-read)
    text = """\
                                                July 31,   January 31,
                                                  2000        2000
                                                --------    --------
Total liabilities                                142,023     154,033
Stockholders' equity:                                  -           -
   Preferred stock, none issued                        -           -
   Common stock                                      372         320
   Total stockholders' deficit                   (87,800)    (66,722)
"""
    facts = read_text(text, "x.txt").facts
    assert not [f for f in facts if f.label == "Stockholders' equity:"]
    common = next(f for f in facts if f.label == "Common stock")
    assert common.heading == "Stockholders' equity:"


def test_an_item_named_at_the_start_of_a_line_of_prose_opens_no_section():
    # "Item 8. Financial Statements ..., of this report" continues a sentence: MD&A's note
    # (dollars in millions) still scales the table after it (hand-read: $303 million)
    text = """\
ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS

Tabular information (dollars in millions, except per share amounts):

                              1998         1997
                            --------     --------
Net sales                   $  5,941     $  7,081
Gross margin                   1,479        1,368

Further information on the Company's segments is in Note 12 to the financial statements in
Item 8. Financial Statements and Supplementary Data, of this report.  The following table
shows operating expenses for the two years:

OPERATING EXPENSES
                              1998         1997
                            --------     --------
Research and development    $    303     $    485
Selling and administrative       908        1,286
"""
    facts = read_text(text, "x.txt").facts
    rd = next(f for f in facts if f.label == "Research and development")
    assert rd.value == Decimal(303_000_000)


def test_a_year_compared_with_another_names_no_period_of_its_own():
    # "1998 vs. 1997" over a change's amount: no figure of fiscal 1998 (hand-read)
    text = """\
                          1998 vs. 1997        1997 vs. 1996
                        Amount    Percent    Amount    Percent
                        ------    -------    ------    -------
Net sales               $4,120      10.2%    $3,870      10.6%
Cost of sales            2,210       8.1%     1,950       7.7%
"""
    facts = [f for f in read_text(text, "x.txt").facts if f.label == "Net sales"]
    assert facts[0].value == Decimal(4_120) and facts[0].period is None


def test_a_lead_in_of_a_period_s_activity_dates_no_table_at_its_day():
    # by hand (after a reviewer's probes): "option activity ... as of December 31, 2020,
    # and changes during the year" introduces a roll-forward (its grants are the year's);
    # results "as if the acquisition had occurred as of January 1, 2020" are a year's
    # flows; neither table stands at the day its lead-in names. "As of March 31, 2021,
    # the fair values were as follows:" dates its table.
    table = """
                                                 Level 1        Level 2
                                               ----------     ---------
Granted                                           300,000         15.25
Money market funds                                  5,000            --
"""
    for lead_in in ("A summary of option activity under the Plan as of December 31, 2020, "
                    "and changes during the year then ended is presented below:",
                    "The following unaudited pro forma information presents the combined "
                    "results as if the acquisition had occurred as of January 1, 2020:"):
        facts = read_text(f"     {lead_in}\n{table}", "note.txt").facts
        assert len(facts) >= 3 and {f.period for f in facts} == {None}, lead_in
    lead_in = "As of March 31, 2021, the fair values of our investments were as follows:"
    facts = read_text(f"     {lead_in}\n{table.replace('Granted        ', 'Corporate bonds')}",
                      "note.txt").facts
    assert len(facts) >= 3 and {f.period for f in facts} == {Period.instant(date(2021, 3, 31))}


def test_a_caption_in_the_stub_beside_the_column_names_and_their_rule():
    # Shaped after a bank's 8-K (checked by hand): the caption and its scale note stand
    # in the stub, on the lines of the columns' names and of the rule over the dates; the
    # names and the note belong to the header (before, the columns had no names and the
    # note was missed)
    text = """\
The following tables break out nonperforming assets by category:

 Nonperforming Assets         Nonperforming  % of  Nonperforming  % of
  by Category                    Assets      NPAs     Assets      NPAs
 (dollars in 000s)            -------------------- -------------------
                                  Sept. 30, 2008       June 30, 2008

 1-4 Family residential          $ 1,742       2%     $ 1,829       5%
 Commercial construction          56,970      71%      25,163      65%
                                 -------     ----     -------     ----
 Total nonperforming assets      $58,712      73%     $26,992      70%
"""
    facts = [f for f in read_text(text, "8k.txt").facts if f.label == "1-4 Family residential"]
    assert [(f.value, f.unit, f.period.end, dict(f.dims).get("member")) for f in facts] == [
        (1_742_000, "USD", date(2008, 9, 30), "Nonperforming Assets"),
        (2, "%", date(2008, 9, 30), "% NPAs"),
        (1_829_000, "USD", date(2008, 6, 30), "Nonperforming Assets"),
        (5, "%", date(2008, 6, 30), "% NPAs")]
    assert facts[0].table == "Nonperforming Assets by Category"


def test_a_month_hyphenated_over_two_header_lines_beside_a_stub():
    # Shaped after a bank's 8-K (checked by hand): "Septem-" / "ber 30," beside the
    # caption in the stub; the columns are two quarters and a six months each year
    # (before, the header was not read and the bare years were taken as fiscal years)
    text = """\
                           Quarter             Six Months  Six Months
                            Ended    Quarter      Ended      Ended
WEIGHTED AVERAGE           Septem-    Ended      Septem-    Septem-
INTEREST RATES:            ber 30,   June 30,    ber 30,    ber 30,
(unaudited)                  2006      2006        2006       2005
- ------------------------------------------------------------------
Yield on loans              8.72%     8.43%       8.58%      7.30%
Cost of deposits            3.50%     3.13%       3.32%      2.35%
"""
    facts = [f for f in read_text(text, "8k.txt").facts if f.label == "Cost of deposits"]
    assert [f.period for f in facts] == [
        Period.months_ended(3, date(2006, 9, 30)), Period.months_ended(3, date(2006, 6, 30)),
        Period.months_ended(6, date(2006, 9, 30)), Period.months_ended(6, date(2005, 9, 30))]
    assert facts[0].table == "WEIGHTED AVERAGE INTEREST RATES:"


def test_a_note_heading_ends_a_table_and_a_schedule_of_one_column_is_read():
    # Shaped after a 10-K's notes (checked by hand): the EPS table ends where "NOTE 8"
    # begins (it had run on, through the note's prose, into the lease schedule below and
    # lost its 1992 column); the schedule of one column under "as of December 31, 1993,
    # are due as follows:" is a table of its own, at that day, its total with no label
    text = """\
                                                        1992            1993
- ----------------------------------------------------------------------------
Common shares used in computing
  earnings per share                                 493,948         485,374
                                                    ========        ========

- ----------------------------------------------------------------------------
NOTE 8
COMMITMENTS AND CONTINGENCIES

The Company leases several of its operating and office facilities for
various terms.
     The long-term rental obligations as of December 31, 1993, are due as
follows:

First year                          $  145,394
Second year                            137,569
Third year                             123,750
                                    ----------
                                    $  406,713
                                    ==========
"""
    facts = read_text(text, "10k.txt").facts
    eps = [f for f in facts if f.label.startswith("Common shares used")]
    assert [f.printed for f in eps] == ["493,948", "485,374"]
    schedule = [(f.label, f.value, f.period) for f in facts if f.table != eps[0].table]
    at = Period.instant(date(1993, 12, 31))
    assert schedule == [("First year", 145_394, at), ("Second year", 137_569, at),
                        ("Third year", 123_750, at), ("Total", 406_713, at)]


def test_the_parts_of_a_balance_its_title_names_stand_at_the_years_ends():
    # Shaped after a 10-K's tax note (checked by hand): under bare years, the parts of
    # the net deferred tax liabilities that the lead-in names are balances at each
    # year's end; a table of sales by area that ends in identifiable assets keeps its
    # sales the years'
    text = """\
     Deferred income taxes result from the recognition, in different
periods, of revenue and expense for tax and financial statement purposes. The
adoption of FAS 109 required a change in the method of accounting for income
taxes to an asset and liability approach. The primary components that comprise
the 1992 and 1993 deferred tax (assets) liabilities are as follows:

<TABLE>
<CAPTION>
                                                           1992            1993
- -------------------------------------------------------------------------------
<S>                                                  <C>             <C>
Reserves not deductible until paid                   $ (484,778)     $ (538,062)
Property and equipment                                  845,420         948,024
                                                     ----------      ----------
Net deferred tax liabilities                         $  360,642      $  409,962
                                                     ==========      ==========
</TABLE>

Geographic financial information is as follows:

                                                           1992            1993
- -------------------------------------------------------------------------------
Net sales to unaffiliated customers                  $ 3,484,300     $ 3,885,000
Identifiable assets                                  $ 2,137,800     $ 2,503,500
"""
    periods = {(f.label, f.printed): f.period for f in read_text(text, "10k.txt").facts}
    assert periods[("Property and equipment", "845,420")] == Period.instant(date(1992, 12, 31))
    assert periods[("Net deferred tax liabilities", "409,962")] == Period.instant(
        date(1993, 12, 31))
    assert periods[("Net sales to unaffiliated customers", "3,885,000")] == Period(
        date(1993, 12, 31), date(1993, 1, 1))


def test_the_text_s_amounts_in_millions_scale_tables_that_no_note_scales():
    # Shaped after a bank's release that prints no scale note (checked by hand against
    # its text): "$4.0 million" of net income is the table's 3,983 in thousands, as are
    # net interest income and non-interest expense; the tables are in thousands. Where
    # the text ties to the figures as printed, nothing changes.
    table = """
                                   Quarter Ended
                              Dec 31,        Dec 31,
                               2005           2004
                             --------       --------
Net interest income            11,612          9,204
Non-interest expense            6,702          5,801
Net income                      3,983          3,214
"""
    text = ("In the quarter ended December 31, 2005, net income grew 24% to $4.0 million "
            "from $3.2 million. Net interest income was up 26% to $11.6 million. "
            "Non-interest expense increased 16% to $6.7 million.\n\n")
    doc = read_text(text + table, "8k.txt")
    income = [f for f in doc.facts if f.label == "Net income"]
    assert [(f.value, f.scale) for f in income] == [(3_983_000, 3), (3_214_000, 3)]
    assert any(d.code == "scale-by-text" for d in doc.diagnostics)
    dollars = text.replace("$4.0 million", "$3,983").replace("$3.2 million", "$3,214")
    income = [f for f in read_text(dollars + table, "8k.txt").facts if f.label == "Net income"]
    assert [(f.value, f.scale) for f in income] == [(3_983, 0), (3_214, 0)]


def test_a_label_that_is_a_range_alone_keys_its_row():
    # Shaped after an 8-K's option table (checked by hand): the rows are keyed by ranges
    # of exercise prices; "$6.00 to $6.88" names the row, its ends are no facts
    text = """\
<TABLE>
<CAPTION>
           RANGE OF                                     WEIGHTED
           EXERCISE                 NUMBER              AVERAGE
            PRICES                OUTSTANDING        EXERCISE PRICE
           --------               -----------        --------------
<S>                               <C>                <C>
$3.58 to $4.04................       66,750              $4.00
$6.00 to $6.88................      267,500               6.18
</TABLE>
"""
    facts = read_text(text, "8k.txt").facts
    assert {f.printed for f in facts} == {"66,750", "4.00", "267,500", "6.18"}


DATED_ELSEWHERE = """                       EXAMPLE COMPUTER, INC.

Results for the fiscal year ended September 30, 1994 follow.

<TABLE>
<CAPTION>
ANNUAL
Five fiscal years ended September 30, 1994

                     1994        1993        1992        1991        1990
<S>            <C>         <C>         <C>         <C>         <C>
Net income     $   310,178 $   86,589  $   530,373 $   309,841  $  474,895
</TABLE>

Consolidated Statements of Income
                       (In thousands, except per share amounts)

Three fiscal years ended                  1994          1993          1992
September 30, 1994
                                   -----------   -----------   -----------
Net sales                          $ 9,188,748   $ 7,976,954   $ 7,086,542
Cost of sales                        6,844,915     5,248,834     3,991,337


                   SUPPLEMENTARY INCOME STATEMENT INFORMATION
                                 (In thousands)

                                 Fiscal Year Ended
                  September 30,    September 24,    September 25,
                      1994             1993             1992
                  -------------    -------------    -------------
Advertising        $  158,175        $  153,382       $  134,128
"""


def test_a_stub_date_of_another_year_does_not_date_a_year_column():
    # by hand: "September 30, 1994" in a stub dates the 1994 column only; the 1993
    # and 1992 years end where the schedule below prints them, September 24, 1993 and
    # September 25, 1992 (a 52-53-week calendar), and 1993 began the day after 1992 ended
    doc = read_text(DATED_ELSEWHERE, "dated.txt")
    sales = [f.period for f in doc.facts if f.label == "Net sales"]
    assert sales[1] == Period(date(1993, 9, 24), date(1992, 9, 26))
    assert sales[2].end == date(1992, 9, 25)
    income = [f.period for f in doc.facts if f.label == "Net income"]
    assert income[1] == Period(date(1993, 9, 24), date(1992, 9, 26))


def test_a_table_of_contents_with_numbered_article_headings_is_no_table_of_facts():
    # by hand, after an 8-K's asset purchase agreement: sections by page (4, 4, 5) under
    # headings that print an article's number alone ("ARTICLE 3"): no dollars anywhere
    text = """<TABLE>
<CAPTION>
                                   ARTICLE 2
                              THE ASSET PURCHASE
<S>                <C>                                                    <C>
Section 2.1        The Asset Purchase...................................     4
Section 2.2        Closing..............................................     4

                                   ARTICLE 3
                                 CONSIDERATION
Section 3.1        Consideration........................................     4
Section 3.2        Escrow...............................................     5
</TABLE>
"""
    doc = read_text(text, "toc.txt")
    assert not doc.facts
    assert any("table of contents" in d.message for d in doc.diagnostics)
    # parts named by letter or word ("Note A", "Article One") too; never "Note payable"
    lettered = text.replace("Section 2.1 ", "Note A     ").replace("Section 2.2 ", "Note B     "
                            ).replace("Section 3.1 ", "Article One").replace("Section 3.2 ",
                                                                             "Article Two")
    assert not read_text(lettered, "lettered.txt").facts
    from assay.read.contents import _PART_OF_A_FILING
    assert not _PART_OF_A_FILING.match("Note payable to First Community Bank")


def test_words_over_a_column_under_the_header_rule_name_it_and_head_no_row():
    # by hand, after an 8-K: "As" / "Restated" under the rule, over the third column,
    # name that column (a restated quarter); they are no heading of "Net revenues"
    text = """                        Example Semiconductor Corporation
                       Consolidated Statements of Operations
                       (In thousands, except per share data)

                                                    Three Months Ended
                                          -------------------------------------
                                            Sep 30         Jul 1        Oct 1
                                             2006          2006         2005
                                          ----------    ----------   ----------
                                                                         As
                                                                      Restated

Net revenues                              $   30,826    $   29,288   $   22,473
Cost of revenues                              20,394        19,047       14,967
"""
    doc = read_text(text, "restated.txt")
    revenues = [f for f in doc.facts if f.label == "Net revenues"]
    assert [f.heading for f in revenues] == [None, None, None]
    assert "Restated" in doc.tables[0].columns[2].header
    assert revenues[2].period.end == date(2005, 10, 1)
    # a heading centred over every column under the rule heads the rows, whatever it
    # says: it names no column ("Fourth Quarter" here, "Full Year" further down)
    blocks = """                      (In thousands, except per share amounts)

                                                  1996         1995
                                               ----------   ----------
                                                    Fourth Quarter
Net sales                                      $  112,300   $  104,100
Net income                                          9,400        8,100

                                                      Full Year
Net sales                                      $  419,800   $  401,500
"""
    doc = read_text(blocks, "blocks.txt")
    assert all("Quarter" not in c.header for c in doc.tables[0].columns)


def test_a_rate_in_a_label_is_named_with_the_maturity_that_tells_its_notes_apart():
    # by hand, after a 1993 10-K's debt note: two issues of notes at 6% differ only by
    # the year they fall due; each rate's name keeps it
    text = """                                                             1992          1993
- -------------------------------------------------------------------------------
Liquid Yield Option Notes, zero coupon-
  subordinated, interest 6%, due 2012                     409,216       426,005
Liquid Yield Option Notes, zero coupon-
  subordinated, interest 6%, due 2010                     202,860       181,850
                                                       ----------    ----------
Total debt                                             $  612,076    $  607,855
"""
    doc = read_text(text, "debt.txt")
    rates = sorted({f.label for f in doc.facts if f.unit == "%"})
    assert rates == [
        "Liquid Yield Option Notes, zero coupon- subordinated, due 2010: interest 6%",
        "Liquid Yield Option Notes, zero coupon- subordinated, due 2012: interest 6%"]


def test_spaced_dot_leaders_and_rules_beside_a_wrapped_label_are_no_words_of_it():
    # by hand, after two 8-Ks: ". . . ." leaders end "Total"; the rules set beside the
    # first line of "Cost of interest-bearing / liabilities" underline the row above
    leaders = """\
                                                            Notes         Debentures
<S>                                                         <C>           <C>
Goldman, Sachs & Co.  . . . . . . . . . . . . . . . . . .   $ 83,334,000   $66,668,000
CS First Boston Corporation . . . . . . . . . . . . . . .     83,333,000    66,666,000
         Total  . . . . . . . . . . . . . . . . . . . . .   $166,667,000  $133,334,000
"""
    labels = [f.label for f in read_text(leaders, "leaders.txt").facts]
    assert labels[::2] == ["Goldman, Sachs & Co.", "CS First Boston Corporation", "Total"]
    rates = """                            Three Months Ended
WEIGHTED AVERAGE           September 30,   June 30,
INTEREST RATES:                 2006         2006
- ------------------------------------------------------
Cost of deposits                3.50%        3.13%
Cost of borrowings              4.78%        4.48%
 Cost of interest-bearing      -----        -----
  liabilities                   3.69%        3.35%
"""
    labels = {f.label for f in read_text(rates, "rates.txt").facts}
    assert "Cost of interest-bearing liabilities" in labels


def test_a_lead_in_as_of_a_month_and_day_makes_bare_years_balances_at_that_day():
    # by hand, after a 1993 10-K's note: "As of December 31" over "1992  1993" dates
    # liabilities at December 31 of each year, not flows over the years
    text = """     As of December 31, the Company had recorded liabilities for closure and
post-closure monitoring and environmental remediation costs as follows:

<TABLE>
<CAPTION>
                                                           1992            1993
- -------------------------------------------------------------------------------
<S>                                                    <C>             <C>
Current portion, included in
  Accrued Expenses                                     $157,931        $130,863
Non-current portion, included
  in Other Deferred Items                               718,991         745,637
                                                       --------        --------
  Total                                                $876,922        $876,500
</TABLE>

     Revenues for the year were as follows:

<TABLE>
<CAPTION>
                                                           1992            1993
- -------------------------------------------------------------------------------
<S>                                                    <C>             <C>
Collection                                             $157,931        $130,863
Disposal                                                718,991         745,637
</TABLE>
"""
    doc = read_text(text, "liabilities.txt")
    total = [f.period for f in doc.facts if f.label == "Total"]
    assert total == [Period(date(1992, 12, 31)), Period(date(1993, 12, 31))]
    disposal = [f.period for f in doc.facts if f.label == "Disposal"]
    assert [p.months for p in disposal] == [12, 12]  # (no day said: the years' flows)


def test_a_capitalised_line_after_a_label_wrapped_in_lower_case_starts_a_new_item():
    # by hand, after a bank's 8-K: "Common stock, $1.00 par" is set as deep as the
    # carry-on lines of "Serial preferred stock, ... issued or outstanding" (none issued,
    # no figures), but it is the next item: the 9,828 thousand are common stock's; a
    # name running on in capitals ("CSC Purchased / Services transaction") carries on
    text = """                                      June 30,      March 31,
                                        2006          2006
                                     ----------    ----------
Stockholders' equity:
 Serial preferred stock,
  $1.00 par value; 10,000,000
  shares authorized; none
  issued or outstanding
  Common stock, $1.00 par
  value; 30,000,000 shares
  authorized                            9,828         9,898
 Paid-in capital                       53,738        54,116
 Accelerated depreciation
  resulting from CSC Purchased
  Services transaction                     39            12
"""
    doc = read_text(text, "equity.txt")
    labels = [f.label for f in doc.facts if f.printed == "9,828"]
    assert labels == ["Common stock, $1.00 par value; 30,000,000 shares authorized"]
    assert any(f.label == "Accelerated depreciation resulting from CSC Purchased Services "
               "transaction" for f in doc.facts)


def test_a_lead_in_as_of_a_day_over_flows_or_at_a_day_mid_sentence():
    # by hand: "Loans at December 31 were as follows:" dates balances; "As of December
    # 31, the components of income tax expense were as follows:" introduces flows over
    # the years, whatever day it names
    loans = """Loans at December 31 were as follows:

<TABLE>
<CAPTION>
                                                           2023            2024
<S>                                                    <C>             <C>
Commercial real estate                                 $215,000        $220,000
Residential                                              88,000          90,000
</TABLE>
"""
    periods = [f.period for f in read_text(loans, "loans.txt").facts if f.label == "Residential"]
    assert periods == [Period(date(2023, 12, 31)), Period(date(2024, 12, 31))]
    taxes = loans.replace("Loans at December 31 were as follows:", "As of December 31, the "
                          "components of income tax expense were as follows:")
    periods = [f.period for f in read_text(taxes, "taxes.txt").facts if f.label == "Residential"]
    assert [p.months for p in periods] == [12, 12]
