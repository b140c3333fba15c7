"""Figures among words: which are taken, of what kind, and which are left (each case
read by hand from a filing's label or sentence)."""

from decimal import Decimal

from assay.read.worded import figures_in_words


def _read(text):
    return [(w.text, w.number, w.kind, w.said_scale, w.clause, w.ranged)
            for w in figures_in_words(text)]


def test_par_value_authorized_and_respective_counts():
    assert _read("Common stock, $0.01 par value; 11,000 shares authorized; 2,771 and 2,755 "
                 "shares outstanding") == [
        ("$0.01", Decimal("0.01"), "per_share", None, 0, False),
        ("11,000 shares", Decimal(11000), "shares", None, 1, False),
        ("2,771", Decimal(2771), "shares", None, 2, False),  # joined by "and" to shares
        ("2,755 shares", Decimal(2755), "shares", None, 2, False)]


def test_scale_words_ranges_and_percentages():
    assert _read("between $1.1 and $1.3 billion") == [
        ("$1.1", Decimal("1.1"), "dollars", 9, 0, False),
        ("$1.3 billion", Decimal("1.3"), "dollars", 9, 0, False)]
    assert _read("Subscription revenues $4,125 - $4,145") == [
        ("$4,125", Decimal(4125), "dollars", None, 0, True),
        ("$4,145", Decimal(4145), "dollars", None, 0, True)]
    assert _read("5.625% senior notes due 2023") == [
        ("5.625%", Decimal("5.625"), "percent", None, 0, False)]


def test_what_says_nothing_or_is_no_amount_is_left():
    assert _read("Notes due 2023, see Note 5") == []  # a year, a note's number
    assert _read("Certificates of deposit under $100,000") == []  # thresholds
    assert _read("$100,000 and above") == []
    assert _read("Section 1.25 Shares") == []  # a reference
    # a row's own figures run into its label by the layout: none is a worded figure
    assert _read("Net income (loss) $ (4,605) N/A $ 2,020") == []
    assert _read("Provision for loan losses 2,000 122% 900") == []
    # a year joined to an amount takes nothing from it
    assert _read("in 2004 and $775,000 in 2003)") == [
        ("$775,000", Decimal(775000), "dollars", None, 0, False)]


def test_none_issued_is_a_count_of_nought_shares():
    # "none issued" in a preferred stock's label (Nvidia's 10-K tags it
    # PreferredStockSharesIssued = 0 for both balance sheet dates); a label that says
    # nothing of shares or stock makes no count of "none"
    found = figures_in_words(
        "Preferred stock, $0.001 par value; 2 million shares authorized; none issued")
    assert [(w.text, w.number, w.unit, w.clause) for w in found][-1] == (
        "none issued", Decimal(0), "shares", 2)
    found = figures_in_words("Preferred stock, $.01 par value; authorized 5,000,000; "
                             "issued and outstanding -- none")
    assert [(w.text, w.number) for w in found] == [("outstanding -- none", Decimal(0))]
    assert figures_in_words("Notes payable, 5% due 2030; none outstanding")[-1].text == "5%"
