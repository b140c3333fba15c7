"""Figures of running text as facts: value, unit and the period the sentence gives
(each expectation worked out by hand from the sentence, in the phrasings of real 10-Qs,
10-Ks and releases)."""

from datetime import date
from decimal import Decimal

from assay.model import Period
from assay.read import read_text


def _prose(paragraphs: list[str], header: str = "Three Months Ended March 29, 2025"):
    """A small HTML filing: one table (its column dates the document) and paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><body><p>STATEMENTS OF OPERATIONS</p><p>(In millions)</p><table>"
            f"<tr><td></td><td>{header}</td><td>{header.replace('2025', '2024')}</td></tr>"
            f"<tr><td>Revenue</td><td>$ 95,359</td><td>$ 90,753</td></tr>"
            f"<tr><td>Net income</td><td>24,780</td><td>23,636</td></tr></table>"
            f"{body}</body></html>")
    doc = read_text(html, "filing.htm")
    return [(f.printed, f.value, f.unit, f.period) for f in doc.prose_facts]


def test_respectively_pairs_figures_with_a_list_of_dates():
    # "$13.6 billion and $12.8 billion ... as of March 29, 2025 and September 28, 2024,
    # respectively": each figure the balance at its date, in billions by its own words
    assert _prose(["As of March 29, 2025 and September 28, 2024, the Company had total "
                   "deferred revenue of $13.6 billion and $12.8 billion, respectively."]) == [
        ("$13.6 billion", Decimal("13.6E9"), "USD", Period.instant(date(2025, 3, 29))),
        ("$12.8 billion", Decimal("12.8E9"), "USD", Period.instant(date(2024, 9, 28)))]


def test_a_duration_with_its_date_and_another_year_like_it():
    # "for the three months ended August 31, 2024 and 2023, respectively": the same three
    # months of each year
    facts = _prose(["Financing receivables sold were $595 million and $561 million for the "
                    "three months ended August 31, 2024 and 2023, respectively."],
                   "Three Months Ended August 31, 2024")
    assert [(p, v, per) for p, v, _, per in facts] == [
        ("$595 million", Decimal(595_000_000), Period.months_ended(3, date(2024, 8, 31))),
        ("$561 million", Decimal(561_000_000), Period.months_ended(3, date(2023, 8, 31)))]


def test_fiscal_years_end_where_the_tables_end_them():
    # the tables date fiscal 2023 and 2022 to January 29, 2023 and January 30, 2022 (a
    # 52-53-week year): "fiscal years 2023 and 2022" are those years
    facts = _prose(["Depreciation expense for fiscal years 2023 and 2022 was $844 million "
                    "and $611 million, respectively."],
                   "Year Ended January 29, 2023")
    assert [(p, per.end) for p, _, _, per in facts] == [
        ("$844 million", date(2023, 1, 29)), ("$611 million", date(2022, 1, 29))]


def test_each_figure_before_its_own_period_and_a_paragraph_that_dates_its_sentences():
    facts = _prose(["Our effective tax rate was 7.6% for the three months ended August 31, "
                    "2024, and our effective tax benefit rate was 1.9% for the three months "
                    "ended August 31, 2023.",
                    "In April 2020, we completed the acquisition. We issued 56 million "
                    "shares of common stock at $125.00 per share."],
                   "Three Months Ended August 31, 2024")
    assert facts == [
        ("7.6%", Decimal("7.6"), "%", Period.months_ended(3, date(2024, 8, 31))),
        ("1.9%", Decimal("1.9"), "%", Period.months_ended(3, date(2023, 8, 31))),
        ("56 million shares", Decimal(56_000_000), "shares", Period.instant(date(2020, 4, 30))),
        ("$125.00", Decimal("125.00"), "USD/share", Period.instant(date(2020, 4, 30)))]


def test_what_the_sentence_leaves_open_has_no_period():
    # two periods, neither listed for "respectively" nor each after its figure: which?
    facts = _prose(["Based on the carrying amount as of May 31, 2024, the change decreased "
                    "expenses by $197 million for the first quarter of fiscal 2025."],
                   "Three Months Ended August 31, 2024")
    assert facts == [("$197 million", Decimal(197_000_000), "USD", None)]
    # a sentence that names a year it does not date by: "the 2024 plan"
    facts = _prose(["Costs of the 2024 restructuring plan are up to $635 million."])
    assert facts == [("$635 million", Decimal(635_000_000), "USD", None)]


def test_a_quarter_named_without_its_year_is_the_document_s_and_prices_of_an_ounce():
    # a release of the second quarter of 2007: "the second quarter" is it; "$440 to $470
    # per ounce" are both prices of an ounce; "27 cents per common share" is $0.27
    facts = _prose(["Silver production was 1.5 million ounces in the second quarter at a "
                    "total cash cost of $440 to $470 per ounce, or 27 cents per common share."],
                   "Three Months Ended June 30, 2007")
    q2 = Period.months_ended(3, date(2007, 6, 30))
    assert facts == [("1.5 million ounces", Decimal("1.5E6"), "oz", q2),
                     ("$440", Decimal(440), "USD/oz", q2), ("$470", Decimal(470), "USD/oz", q2),
                     ("27 cents", Decimal("0.27"), "USD/share", q2)]


def test_a_text_filing_s_prose_facts_know_their_line_and_columns():
    # by hand (sed -n 374p of the bundled example): "$6.1 million" stands on line 374 from
    # column 20 (1-based) in the paragraph "In the second quarter of 2007, Hecla
    # recognized net foreign exchange losses of $6.1 million, ..." (its quarter)
    from pathlib import Path

    from assay.read import read_release
    seed = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
    doc = read_release(seed)
    fact = next(f for f in doc.prose_facts if f.source.line == 374)
    assert (fact.printed, fact.value, fact.unit) == ("$6.1 million", Decimal("6.1E6"), "USD")
    assert (fact.source.col_start, fact.source.col_end) == (19, 31)
    assert fact.period == Period.months_ended(3, date(2007, 6, 30))
    assert len(doc.facts) == 750  # the tables' facts are as they were: prose is apart
