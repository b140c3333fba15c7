"""Cells at the end of a line, and the figure reader behind them, against the plain way:
a token walk over the general grammar of printed numbers."""

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assay.model import parse_number
from assay.model.numbers import _FIGURE_ONLY, _parse_spaced, figure_parts
from assay.read.layout import trailing_cells


def plain_trailing_cells(text: str) -> list[tuple]:
    """The plain way: split into tokens, walk them from the right while each parses."""
    if not text or text[-1] not in "0123456789)-%$":
        return []
    cells: list[list] = []
    end = len(text)
    tokens = text.split()
    for at in range(len(tokens) - 1, -1, -1):
        tok = tokens[at]
        start = text.rfind(tok, 0, end)
        end, tok_end = start, start + len(tok)
        if tok == "$":
            if cells:
                cells[-1][4] = True
            continue
        dollar = tok[0] == "$"
        body = tok[1:] if dollar else tok
        if not body or not (body[0].isdigit() or body[0] in "(-."):
            break
        number = _parse_spaced(body)
        if number is None:
            # digits and separators that print no number, a figure on their left: a
            # misprinted figure, passed over ("41,736,286  52,,818,225")
            if (at > 0 and re.fullmatch(r"\d[\d,.]*\d", body)
                    and _parse_spaced(tokens[at - 1].lstrip("$") or "x") is not None):
                continue
            break
        cells.append([start + 1 if dollar else start, tok_end, body,
                      (number.value, number.decimals, number.nil, number.percent), dollar])
    cells.reverse()
    # a year opening the line before other figures is the row's label ("1992  118,479")
    first = cells[0][2] if cells else ""
    if (len(cells) > 1 and not cells[0][4] and not text[:cells[0][0]].strip()
            and len(first) == 4 and first.isdigit() and first[:2] in ("19", "20")):
        del cells[0]
    return [tuple(c) for c in cells]


def as_tuples(text: str) -> list[tuple]:
    return [(c.start, c.end, c.text, (c.value, c.decimals, c.nil, c.percent), c.dollar)
            for c in trailing_cells(text)]


def test_a_statement_row():
    text = "Net income (loss)          $   24,337   $ (3,043)      --    12.5%"
    cells = trailing_cells(text)
    assert [c.text for c in cells] == ["24,337", "(3,043)", "--", "12.5%"]
    assert [c.value for c in cells] == [Decimal(24337), Decimal(-3043), 0,
                                               Decimal("12.5")]
    assert [c.dollar for c in cells] == [True, True, False, False]
    assert [c.nil for c in cells] == [False, False, True, False]
    assert cells[3].percent
    assert text[cells[1].start:cells[1].end] == "(3,043)"


def test_a_footnote_mark_before_the_figures_is_in_the_run():
    # the table reader sets it back into the label by its column
    assert [c.text for c in trailing_cells("Cash costs (1)    5.00  6.00")] == [
        "(1)", "5.00", "6.00"]


def test_a_year_opening_the_line_heads_the_row():
    assert [c.text for c in trailing_cells("1992      118,479   $ 286,937")] == [
        "118,479", "286,937"]
    assert [c.text for c in trailing_cells("   2007       2006")] == ["2006"]
    assert [c.text for c in trailing_cells("2007")] == ["2007"]  # alone, it is the figure


def test_prose_and_broken_figures_end_the_run():
    assert trailing_cells("production rose in 2007 to 1,234,5") == []
    assert [c.text for c in trailing_cells("in 2007 to 1,234")] == ["1,234"]
    assert [c.text for c in trailing_cells("in 2007  1,234")] == ["2007", "1,234"]
    assert trailing_cells("Total $") == []
    assert trailing_cells("ratio 5.7:1") == []


TOKENS = st.sampled_from(["$", "--", "-", "(1)", "1,234", "12,34", "(2.60", "5.00)",
                          "$1.25", "$$5", "-$-", "29.73%", ".5", "7.", "(-3)", "-(3)",
                          "2007", "abc", "x5", "$(3,043)", "(5)%", "(5%)", "1.2.3"])


@settings(max_examples=400)
@given(st.lists(st.tuples(st.sampled_from([" ", "  ", "\t", " \xa0"]), TOKENS), max_size=7),
       st.sampled_from(["", "Label", "  Indented label"]))
def test_one_pass_scan_equals_the_token_walk(parts, label):
    text = label + "".join(sep + tok for sep, tok in parts)
    assert as_tuples(text) == plain_trailing_cells(text)


@settings(max_examples=600)
@given(st.text(alphabet="0123456789,.()-$% a\u0663\u00b2", max_size=12))
def test_the_figure_reader_admits_what_the_general_grammar_admits(text):
    """For space-free text not opening with ``$``, the figure reader (string methods,
    then the figure pattern) and the general grammar agree on every field of the
    number, and on what is not a number."""
    if " " in text or text.startswith("$"):
        return
    fast = figure_parts(text)
    general = _parse_spaced(text) if text and (text[0].isdigit() or text[0] in "(-.") else None
    if general is None:
        assert fast is None
    else:
        assert fast == (general.value, general.decimals, general.nil, general.percent)
        assert str(fast[0]) == str(general.value)  # the same digits, not only the same value
    assert (fast is not None) == bool(_FIGURE_ONLY.match(text))
    if fast is not None:
        assert parse_number(text) == general


@pytest.mark.parametrize(("text", "value", "decimals"), [
    ("1,234,567", "1234567", 0), ("(5.60)", "-5.60", 2), (".5", "0.5", 1),
    ("12.5%", "12.5", 1), ("(3)%", "-3", 0), ("-$5", "-5", 0), ("(-5)", "5", 0),
    ("(14%)", "-14", 0),  # a fall printed in a change column
])
def test_figure_shapes(text, value, decimals):
    fig = figure_parts(text)
    assert fig is not None and fig[0] == Decimal(value) and fig[1] == decimals


@pytest.mark.parametrize("text", ["1,23", "1234,567", ",123", "1.", "(5", "5)", "(5%", "1.2.3",
                                  "----", "5-"])
def test_not_figures(text):
    assert figure_parts(text) is None


def test_marks_and_signs_standing_apart_from_their_figures():
    # hand-made shapes of the era: a footnote mark glued on, a ")" and a "%" standing
    # alone, a minus sign (U+2212)
    cells = trailing_cells("Net income    744,322(2)   (2,855 )   25.5 %   \u22121,234")
    assert [(c.text, c.value, c.percent) for c in cells] == [
        ("744,322", Decimal(744322), False), ("(2,855 )", Decimal(-2855), False),
        ("25.5", Decimal("25.5"), True), ("\u22121,234", Decimal(-1234), False)]
    assert [(c.start, c.end) for c in cells] == [(14, 21), (27, 35), (38, 42), (47, 53)]


def test_not_applicable_between_figures_is_a_column_without_one():
    # a bank's balance sheet row: nil, "N/A" change, 374, "N/A" change, nil
    line = "    payable                 --     N/A          374      N/A             --"
    cells = trailing_cells(line)
    assert [c.text for c in cells] == ["--", "374", "--"]
    assert [c.start for c in cells] == [line.index("--"), line.index("374"),
                                        line.rindex("--")]
    # at the end of a line too: the figures before it are the row's
    assert [c.text for c in trailing_cells("    Net gain (loss)     480    N/A     (10)")] \
        == ["480", "(10)"]
    assert [c.text for c in trailing_cells("    Net gain (loss)     480    N/A")] == ["480"]


def test_a_footnote_letter_glued_to_a_figure_or_a_nil_is_no_part_of_it():
    # "3,400(A)" and "--(B)": a pro forma adjustment and a nil, each with its note's mark
    cells = trailing_cells("Interest   20,989   --(B)   3,400(A)   (1,400)(I)   35,823")
    assert [(c.text, c.value, c.nil) for c in cells] == [
        ("20,989", Decimal(20989), False), ("--", Decimal(0), True),
        ("3,400", Decimal(3400), False), ("(1,400)", Decimal(-1400), False),
        ("35,823", Decimal(35823), False)]


def test_na_in_lower_case_is_a_column_without_a_figure():
    # a bank's statement of condition (checked by hand): "na" where a change does not
    # apply; the figures on both sides of it are the row's, and "477 na" no words of
    # its label
    line = "  Federal income tax receivable    477      na          -      -49%       944"
    assert [c.text for c in trailing_cells(line)] == ["477", "-", "-49%", "944"]


def test_the_year_of_a_date_ending_a_line_is_no_figure():
    # a term sheet's "commencing August 1, 1994" and "Date of maturity ... August 1, 2004"
    # end in the year of a date (checked by hand: no column of figures there); a
    # balance's date before its figures, and years heading columns, are left as they were
    text = "Interest payment dates . . .   February 1 and August 1, commencing August 1, 1994"
    assert trailing_cells(text) == []
    assert [c.text for c in trailing_cells("Balance, December 31, 1994     1,234    5,678")
            ] == ["1,234", "5,678"]
    assert [c.text for c in trailing_cells("Sales              1994      1993")] == [
        "1994", "1993"]


def test_three_dashes_are_a_nil_cell():
    # a semiconductor maker's statement prints "---" for nothing (checked by hand): the
    # row "Restructuring charge --- --- --- 1,431 ---" has five cells, four of them nil;
    # before, "---" ended the run and the whole row became words of the next label
    cells = trailing_cells("Restructuring charge     ---      ---      ---    1,431      ---")
    assert [(c.text, c.nil, c.value) for c in cells] == [
        ("---", True, 0), ("---", True, 0), ("---", True, 0), ("1,431", False, 1431),
        ("---", True, 0)]


def test_a_ratio_to_one_is_its_first_term():
    # "Ratio of Earnings to Fixed Charges ... 7.13 to 1  2.70 to 1": two ratios, 7.13 and
    # 2.70 (hand-read); a range of years stays words
    cells = trailing_cells("Charges..........   7.13 to 1    2.70 to 1")
    assert [(c.text, c.value) for c in cells] == [("7.13 to 1", Decimal("7.13")),
                                                  ("2.70 to 1", Decimal("2.70"))]
    assert trailing_cells("Useful lives   3 to 10 years") == []


def test_footnote_marks_glued_to_a_figure_one_or_several_are_no_part_of_it():
    # a pro forma balance sheet: "251(7)(8)" and "(1,690)(B)(J)" are 251 and -1,690, each
    # with two notes (hand-read); the row's figures before them are read too
    cells = trailing_cells("Common stock..........   863    2    98    251(7)(8)")
    assert [c.value for c in cells] == [863, 2, 98, 251]
    cells = trailing_cells("Other income     4,523    (1,906)(H)   (1,690)(B)(J)")
    assert [c.value for c in cells] == [4523, -1906, -1690]


def test_footnote_marks_standing_apart_are_no_figures_and_no_citation_is_one():
    # "3,900 (1)(2)(3)": the marks of three notes after a figure; "4(a)(2)" cites a
    # section of a rule, no $4 (hand-read)
    cells = trailing_cells("Net income     4,300 (1)(2)     3,900 (1)(2)(3)")
    assert [c.value for c in cells] == [4300, 3900]
    assert trailing_cells("Sales to accredited investors      4(a)(2)") == []
