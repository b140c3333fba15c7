"""Column headers of the era, stacked over several lines, become periods."""

from datetime import date

from assay.model import Period
from assay.read.headers import assign_periods, is_period_anchor


def _spans(centres):
    """Columns of figures six characters wide about each centre."""
    return [(c - 3, c + 3) for c in centres]


def _keys(lines, centres):
    periods, _, _ = assign_periods(lines, _spans(centres))
    return [p.key if p else None for p in periods]


def test_second_quarter_and_six_months_over_dates_and_years():
    lines = [
        "                          Second Quarter Ended     Six Months Ended",
        "                         ---------------------- ----------------------",
        "                          June 30,   June 30,    June 30,   June 30,",
        "HIGHLIGHTS                   2007       2006        2007       2006",
    ]
    assert _keys(lines, [31, 42, 54, 66]) == ["2007Q2", "2006Q2", "2007H1", "2006H1"]


def test_three_and_nine_months_ended():
    lines = [
        "             Three Months Ended       Nine Months Ended",
        "               September 30,            September 30,",
        "              2007       2006          2007       2006",
    ]
    periods, _, _ = assign_periods(lines, _spans([16, 26, 40, 50]))
    assert periods[0] == Period(date(2007, 9, 30), date(2007, 7, 1))
    assert periods[2] == Period(date(2007, 9, 30), date(2007, 1, 1))
    assert periods[3].key == "2006M9"


def test_hyphenated_month_periods():
    # by hand: "SIX-MONTH PERIODS ENDED MARCH 31," over 1999 and 2000 are the six months
    # from October 1 to March 31 (the text of a 2000 8-K's cash flow statement)
    lines = ["             FOR THE SIX-MONTH PERIODS", "                ENDED MARCH 31,",
             "            ---------------------------", "               1999            2000"]
    periods, _, _ = assign_periods(lines, _spans([18, 34]))
    assert periods == [Period(date(1999, 3, 31), date(1998, 10, 1)),
                       Period(date(2000, 3, 31), date(1999, 10, 1))]


def test_year_ended_december_31():
    lines = ["          Year Ended December 31,", "          2007      2006      2005"]
    assert _keys(lines, [12, 22, 32]) == ["2007FY", "2006FY", "2005FY"]


def test_bare_years_are_fiscal_years():
    assert _keys(["   2007    2006"], [5, 13]) == ["2007FY", "2006FY"]


def test_quarter_labels():
    assert _keys(["     Q2 2007     Q2 2006"], [8, 20]) == ["2007Q2", "2006Q2"]


def test_balance_sheet_instants_on_one_line():
    line = "                                           June 30, 2007 Dec. 31, 2006"
    assert is_period_anchor(line)
    assert _keys([line], [50, 64]) == ["2007-06-30", "2006-12-31"]


def test_prose_with_years_is_not_a_header():
    assert not is_period_anchor(" months ended June 30, 2007 and 2006:")
    assert not is_period_anchor("In 2007 and 2006 the company produced silver")


def test_weeks_are_counted_from_the_end_date():
    # 13 weeks ended July 3, 2004 began on April 4 (91 days); 52 weeks, 364 days
    lines = ["        Thirteen Weeks Ended     Fifty-two Weeks Ended",
             "           July 3, 2004            January 3, 2004"]
    periods, _, _ = assign_periods(lines, _spans([20, 45]))
    assert periods[0] == Period(date(2004, 7, 3), date(2004, 4, 4))
    assert periods[1] == Period(date(2004, 1, 3), date(2003, 1, 5))
    assert [p.months for p in periods] == [3, 12]


def test_a_year_in_one_columns_name_and_a_title_over_three_years_date_nothing():
    from assay.read.headers import period_of_label

    # six columns of equity components, one of them "1988 Employee Stock Ownership Plan",
    # under the title "For the three years ended December 31, 1993"
    lines = ["                                             1988",
             "           Common      Retained   Treasury   Employee",
             "            Stock      Earnings     Stock      Plan"]
    periods, texts, _ = assign_periods(lines, _spans([14, 26, 37, 48]), (12, 31),
                                       "FOR THE THREE YEARS ENDED DECEMBER 31, 1993")
    assert periods == [None, None, None, None]
    assert texts[3] == "1988 Employee Plan"
    # an opening balance dated the first of a month is the balance of the day before
    assert period_of_label("BALANCE, JANUARY 1, 1991") == Period.instant(date(1990, 12, 31))


def test_a_note_that_scales_shares_apart():
    from assay.read.labels import parse_scale_note

    note = parse_scale_note("(In millions, except number of shares, which are reflected "
                            "in thousands, and per-share amounts)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (6, 3)
    note = parse_scale_note("(net income in millions and shares in thousands)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (6, 3)
    note = parse_scale_note("(dollars and shares in thousands)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (3, 3)
    # the quantities after "thousands of" are the note's: shares too, here
    note = parse_scale_note("(Thousands of Dollars and Shares, Except Per Share Data)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (3, 3)
    note = parse_scale_note("(in thousands of dollars)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (3, 0)
    # "share amounts" are shares: "(in millions, except share amounts which are
    # reflected in thousands and per share amounts)"
    note = parse_scale_note("(in millions, except share amounts which are reflected in "
                            "thousands and per share amounts)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (6, 3)
    note = parse_scale_note("(in millions, except share data in thousands)")
    assert (note.scale_of("dollars"), note.scale_of("shares")) == (6, 3)


def test_a_year_over_abbreviated_quarters_and_months():
    # by hand: "2019" spans "Q4 Q3" and "1st Qtr / 6 mos / Total" below it; each quarter
    # of a calendar year ends on its last month's end, six months end in June, the total
    # is the year
    from assay.read.headers import periods_of_columns
    phrases = [["2020", "Q1"], ["2019", "Q4"], ["2019", "Q3"], ["2019", "1st Qtr"],
               ["2019", "2nd Qtr."], ["2019", "6 mos"], ["2019", "9 mos."], ["2019", "Total"],
               ["3 Months Ended", "June 30, 2019"]]
    periods, _, _ = periods_of_columns(phrases, [])
    assert [(p.start, p.end) for p in periods] == [
        (date(2020, 1, 1), date(2020, 3, 31)), (date(2019, 10, 1), date(2019, 12, 31)),
        (date(2019, 7, 1), date(2019, 9, 30)), (date(2019, 1, 1), date(2019, 3, 31)),
        (date(2019, 4, 1), date(2019, 6, 30)), (date(2019, 1, 1), date(2019, 6, 30)),
        (date(2019, 1, 1), date(2019, 9, 30)), (date(2019, 1, 1), date(2019, 12, 31)),
        (date(2019, 4, 1), date(2019, 6, 30))]


def test_a_quarter_column_takes_no_date_from_a_subtitle():
    # by hand: under a subtitle "March 29, 2020", "2019 / 2nd Qtr" is still the second
    # quarter of 2019 (a year ending in December: April to June), and "2020 / 6 mos" of
    # the subtitle's own year ends on its date; six months of a year ending in September
    # end in March
    from assay.read.headers import periods_of_columns
    periods, _, _ = periods_of_columns([["2019", "2nd Qtr"], ["2020", "6 mos"]],
                                       ["March 29, 2020"])
    assert periods[0].end == date(2019, 6, 30)
    assert periods[1].end == date(2020, 3, 29)
    assert periods[1].months == 6
    fiscal, _, _ = periods_of_columns([["2019", "6 mos"]], [], (9, 30))
    assert fiscal[0].end == date(2019, 3, 31)


def test_a_month_and_year_without_a_day_and_numbered_quarters():
    # by hand: "March 2019" under "Quarter Ended" is the quarter ending March 31, 2019,
    # not March 20 (the year's first digits are no day); "Qtr 1" under "2020" is its first
    # quarter
    from assay.read.headers import periods_of_columns
    periods, _, _ = periods_of_columns(
        [["Quarter Ended", "March 2019"], ["Year Ended", "December 2019"], ["2020", "Qtr 1"],
         ["2018", "Qtr. 4"]], [])
    assert [(p.start, p.end) for p in periods] == [
        (date(2019, 1, 1), date(2019, 3, 31)), (date(2019, 1, 1), date(2019, 12, 31)),
        (date(2020, 1, 1), date(2020, 3, 31)), (date(2018, 10, 1), date(2018, 12, 31))]


def test_months_without_a_date_in_a_year_ending_in_january_are_not_guessed():
    # by hand: "Three Months Ended / 2000" of a fiscal year that ends on January 31 is
    # the quarter ending in April 1999 or in April 2000, by the filer's naming: no period
    from assay.read.headers import periods_of_columns
    periods, _, _ = periods_of_columns([["Three Months Ended", "2000"]], [], (1, 31))
    assert periods == [None]


def test_duration_words_are_whole_words_and_plurals():
    from assay.read.headers import header_items
    # "quarterly" names no quarter: a call announced for April 30, 2020 is no period
    assert [i.kind for i in header_items("quarterly call on Thursday, April 30, 2020")] == [
        "date"]
    assert [(i.kind, i.months) for i in header_items("Years Ended December 31,")] == [
        ("duration", 12), ("date", None)]


def test_a_schedule_row_led_by_its_year():
    # by hand, from a 1993 10-K's Schedule VIII: the row "1991--Reserve for doubtful
    # accounts" is of the year 1991
    from assay.read.headers import period_of_label
    assert period_of_label("1991--Reserve for doubtful accounts (C)") == Period.months_ended(
        12, date(1991, 12, 31))
    assert period_of_label("1993--Commercial Paper").key == "1993FY"
    assert period_of_label("Net sales") is None


def test_at_or_for_a_duration_is_the_duration():
    # "At or for the Three Months Ended" over "March 31," and the year (a bank's selected
    # financial data): the columns are the quarter and the nine months, not instants; a
    # balance row in them is made an instant by its own label later
    lines = [
        "           At or for the Three   At or for the Nine",
        "               Months Ended         Months Ended",
        "                 March 31,            March 31,",
        "              2020       2019      2020       2019",
    ]
    assert _keys(lines, [17, 28, 38, 49]) == [
        "2020Q1", "2019Q1", "2019-07-01..2020-03-31", "2018-07-01..2019-03-31"]




def test_a_phrase_over_a_rule_heads_every_column_under_the_rule():
    # After a 2006 semiconductor release (hand-made): "THREE MONTHS ENDED" centred over a
    # rule across three columns, its dates set left in the columns, so that a date may
    # reach into the zone of the column before it; each column takes the date most over
    # it, and the duration of the rule above it
    lines = [
        "                  THREE MONTHS ENDED          NINE MONTHS ENDED",
        "           --------------------------------   -------------------",
        "             APR 1      DEC 31      MAR 26       APR 1     MAR 26",
        "             2006        2005        2005        2006       2005",
    ]
    periods, _, _ = assign_periods(lines, _spans([17, 29, 41, 53, 64]))
    # every column a duration (the third not the instant March 26, 2005): 13 weeks
    # (a quarter) under the rule of three months, 39 weeks under the other
    assert [p.start is not None for p in periods] == [True] * 5
    assert [round((p.end - p.start).days / 7) for p in periods] == [13, 13, 13, 39, 39]


def test_the_header_s_one_duration_alone_on_its_line_heads_every_column():
    # After a 1994 annual report's earnings-per-share computation (hand-made):
    # "Fiscal Years Ended" centred over the middle column only, then each column's date
    lines = [
        "                              Fiscal Years Ended",
        "",
        "                  September 30,  September 24,  September 25,",
        "                           1994           1993           1992",
    ]
    assert _keys(lines, [28, 43, 58]) == [
        "1993-10-01..1994-09-30", "1992-09-26..1993-09-24", "1991-09-28..1992-09-25"]


def test_a_duration_over_some_columns_leaves_a_balance_column_beside_them_an_instant():
    # "Three Months Ended" over the first two columns only, "December 31, 2007" beside
    # them: the third column is a balance date, not a quarter
    lines = [
        "                Three Months Ended",
        "             March 31,   March 31,  December 31,",
        "               2008        2007        2007",
    ]
    periods, _, _ = assign_periods(lines, [(c - 4, c + 2) for c in (19, 31, 43)])
    assert [str(p) for p in periods] == ["2008Q1", "2007Q1", "2007-12-31"]


def test_a_header_over_no_column_is_all_stub():
    # a region with no column of figures: every phrase is the stub's, and nothing breaks
    assert assign_periods(["Three Months Ended", "2020    2019"], []) == (
        [], [], "Three Months Ended 2020 2019")


def test_columns_of_one_period_keep_the_words_that_are_their_own():
    # "Corporate" and "Consolidated" tell their columns apart though the middle column
    # names nothing of its own: that one alone is told by its place
    from assay.read.interpret import _members

    q1 = Period.quarter(2020, 1)
    texts = ["Three Months Ended March 31, 2020 Corporate", "Three Months Ended March 31, 2020",
             "Three Months Ended March 31, 2020 Consolidated"]
    assert _members([q1, q1, q1], texts) == [
        (("member", "Corporate"),), (("column", "2"),), (("member", "Consolidated"),)]



def test_last_and_trailing_twelve_months():
    # "LTM Ended March 31," over 2020 and 2019 (a release's reconciliation, checked by
    # hand) and "TTM / November 30, 2023": twelve months ended on the day, not a year or
    # a balance
    from assay.read.headers import period_of_label
    assert str(period_of_label("LTM Ended March 31, 2019")) == "2018-04-01..2019-03-31"
    assert str(period_of_label("TTM November 30, 2023")) == "2022-12-01..2023-11-30"


def test_trailing_four_quarters_end_on_the_date_over_their_years():
    # by hand: "Trailing 4-Quarters Ended August 31," over 2024 and 2023 are the twelve
    # months ended August 31 of each year, whatever the fiscal year end (May 31)
    lines = [
        "                   Trailing 4-Quarters Ended August 31,",
        "                   ------------------------------------",
        "(Dollars in millions)      2024      Change      2023",
    ]
    periods, _, _ = assign_periods(lines, _spans([30, 42, 54]), (5, 31))
    assert periods == [Period(date(2024, 8, 31), date(2023, 9, 1)), None,
                       Period(date(2023, 8, 31), date(2022, 9, 1))]


def test_a_name_closed_by_a_day_after_at_dates_its_column():
    # by hand: "Fair value at June 30, 2018" is the fair value at that day; "Balance as
    # of December 31, 2019" likewise; "Series 2005 Notes" names a thing, no period
    from assay.read.headers import periods_of_columns
    periods, _, _ = periods_of_columns(
        [["Fair value at June 30, 2018"], ["Balance as of December 31, 2019"],
         ["Series 2005 Notes"]], [])
    assert periods == [Period(date(2018, 6, 30)), Period(date(2019, 12, 31)), None]
    # a footnote's mark after the date changes nothing; a month's first day is a day too
    # ("Balance at January 1, 2019", after an adoption)
    periods, _, _ = periods_of_columns(
        [["Fair value at June 30, 2018 (1)"], ["Balance at January 1, 2019"]], [])
    assert periods == [Period(date(2018, 6, 30)), Period(date(2019, 1, 1))]
