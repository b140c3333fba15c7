"""The tagging vocabulary is data: the bundled file, and a user's file merged over it."""

from pathlib import Path

import pytest

from assay.errors import InputError
from assay.read.vocabulary import VOCABULARY, load


def test_bundled_vocabulary_knows_metals_symbols_and_roles():
    assert {"silver", "gold", "lead", "zinc", "copper"} <= set(VOCABULARY.metals)
    assert VOCABULARY.symbols["cu"] == "copper"
    assert VOCABULARY.role_of("CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS") == "cash_flows"
    assert VOCABULARY.role_of("Consolidated Balance Sheets") == "balance_sheet"
    assert VOCABULARY.role_of("Statements of Operations") == "income_statement"
    assert VOCABULARY.role_of("Accrued Expenses") is None


def test_a_users_file_extends_the_vocabulary(tmp_path: Path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[metals]\nlithium = "Li"\n[concepts]\n"net sales of lithium" = "sales"\n'
                     '[roles]\nproduction = ["brine operations"]\n')
    v = load(str(extra))
    assert v.metals[-1] == "lithium" and v.symbols["li"] == "lithium"
    assert "silver" in v.metals  # the bundled entries stay
    assert v.concepts["net sales of lithium"] == "sales"
    assert v.role_of("Brine Operations") == "production"


def test_things_counted_and_sign_words_are_vocabulary(tmp_path: Path):
    # rows that count things, not dollars ("Number of employees", "Stores"), and the words
    # before a row's name that say how it counts in a sum ("Less: goodwill")
    assert {"employees", "stores", "customers"} <= set(VOCABULARY.counted)
    # an ad-tech release's "Clients" row (19,419 under "U.S. dollars in thousands except
    # where stated") counts clients: not 19,419,000 dollars
    from assay.read.labels import parse_scale_note, row_unit
    note = parse_scale_note("(U.S. dollars in thousands except where stated)")
    assert (row_unit("Clients", None, note).unit, row_unit("Clients", None, note).scale) == (
        "count", 0)
    assert row_unit("Revenue from clients", None, note).unit == "USD"
    assert VOCABULARY.balance_of("Less: goodwill") == VOCABULARY.balance_of("Goodwill")
    extra = tmp_path / "mine.toml"
    extra.write_text('[counted]\nthings = ["patients", "beds"]\n')
    assert load(str(extra)).counted == ("patients", "beds")


@pytest.mark.parametrize(("text", "problem"), [
    ("[metals\n", "not valid TOML"),
    ("[colours]\nred = 1\n", "[colours]: not a table of the vocabulary"),
])
def test_a_bad_vocabulary_file_is_an_input_error(tmp_path: Path, text: str, problem: str):
    extra = tmp_path / "bad.toml"
    extra.write_text(text)
    with pytest.raises(InputError, match=problem.replace("[", r"\[")) as e:
        load(str(extra))
    assert str(extra) in str(e.value)


def test_the_command_line_refuses_a_bad_vocabulary_in_one_line(tmp_path: Path):
    import os
    import subprocess
    import sys

    extra = tmp_path / "bad.toml"
    extra.write_text("[colours]\nred = 1\n")
    seed = Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt"
    run = subprocess.run([sys.executable, "-c", "from assay.cli import main; main()", "facts",
                          str(seed), "-f", "csv"], capture_output=True, text=True,
                         env={**os.environ, "ASSAY_VOCABULARY": str(extra)})
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        f"error: {extra}: [colours]: not a table of the vocabulary (expected one of metals, "
        "segments, units, counted, acquisition, roles, balances, moment_columns, signs, "
        "concepts, concepts_per_ounce, concepts_dollars, concepts_cash_flow)"]


def test_balance_names_hold_with_either_apostrophe_and_in_basic_strings():
    # the bundled file's patterns in double-quoted TOML strings keep their \b (a regex
    # word boundary, not a backspace)
    assert VOCABULARY.balance_of("Total stockholders' equity") == "items"
    assert VOCABULARY.balance_of("Total shareholders\u2019 equity") == "items"
    assert VOCABULARY.balance_of("Average loans") is None
    assert VOCABULARY.balance_of("Total loans") == "accounts"  # a flow among income


def test_tangible_assets_and_equity_are_balances():
    # by hand: a non-GAAP reconciliation under "For the Three Months Ended" deducts
    # intangibles from total assets and equity: what is left is a balance at the day
    for label in ("Non-GAAP tangible assets", "Tangible assets",
                  "Non-GAAP tangible shareholders’ equity", "Tangible common equity",
                  "Adjusted tangible stockholders' equity"):
        assert VOCABULARY.balance_of(label) == "items", label
    assert VOCABULARY.balance_of("Non-GAAP tangible income") is None
    assert VOCABULARY.balance_of("Return on average tangible common equity") is None


def test_prices_of_oil_and_gas_and_returns_by_abbreviation():
    # by hand: "C2 Ethane (per Bbl) 10.12" in a table "(in thousands)" is $10.12 a barrel;
    # "ROACE ... 11.40" a return on average common equity of 11.40%
    from assay.read.labels import ScaleNote, row_unit
    note = ScaleNote("(in thousands)", 3, frozenset({"dollars", "shares"}))
    ethane = row_unit("C2 Ethane (per Bbl)", None, note)
    assert (ethane.unit, ethane.scale) == ("USD/bbl", 0)
    assert row_unit("Natural gas ($/MMBtu)", None, note).unit == "USD/mmbtu"
    assert row_unit("ROACE excluding death benefit on BOLI", None, note).unit == "%"
    sales = row_unit("Natural gas sales", None, note)
    assert (sales.unit, sales.scale) == ("USD", 3)


def test_volumes_and_things_counted_in_a_general_note():
    # by hand: "Oil (MBbl) 3,509" is 3,509 thousand barrels, no dollars; "Ending units in
    # service 982" under "(Unaudited and in thousands)" is 982,000 units; a price "per
    # metric ton" is a price of a tonne, unscaled
    from assay.read.labels import parse_scale_note, row_unit
    general = parse_scale_note("(Unaudited and in thousands)")
    oil = row_unit("C2 Ethane (MBbl)", None, general)
    assert (oil.unit, oil.scale) == ("mbbl", 0)
    units = row_unit("Ending units in service", None, general)
    assert (units.unit, units.scale) == ("count", 3)
    price = row_unit("Average realized price per metric ton", None, general)
    assert (price.unit, price.scale) == ("USD/tonne", 0)


def test_amounts_and_shares_under_one_scale_and_multiples_of_earnings():
    # by hand: "(Amounts and shares in thousands, except operating data, P/E ratio, and
    # per share data)" scales dollars and shares alike (net sales 632,921 is $632.9
    # million, as the release's text says); "Inventory turns" and "Adjusted market
    # capitalization/LTM Adjusted EBITDA" are multiples, unscaled. "(shares in
    # thousands)" alone still scales shares only.
    from assay.read.labels import parse_scale_note, row_unit
    note = parse_scale_note("(Amounts and shares in thousands, except operating data, P/E "
                            "ratio, and per share data)")
    assert (row_unit("Net sales", "Operating Data:", note).unit,
            row_unit("Net sales", "Operating Data:", note).scale) == ("USD", 3)
    assert row_unit("Actual shares outstanding", None, note).scale == 3
    for label in ("Inventory turns", "Adjusted market capitalization/LTM Adjusted EBITDA"):
        assert (row_unit(label, None, note).unit, row_unit(label, None, note).scale) == (
            "ratio", 0), label
    alone = parse_scale_note("(shares in thousands)")
    assert row_unit("Net sales", None, alone).scale == 0


def test_opening_and_closing_balances_are_at_the_period_s_start_and_end():
    # by hand: a Level 3 reconciliation's "Opening balance - April 1, 2018" under "Second
    # quarter ended June 30, 2018" is the balance at March 31; its closing balance at June 30
    assert VOCABULARY.balance_of("Opening balance \u2013 April 1, 2018") == "begin"
    assert VOCABULARY.balance_of("Closing balance \u2014 June 30, 2018") == "end"
    assert VOCABULARY.balance_of("Opening costs") is None


def test_day_rates_are_dollars_a_day():
    # by hand: a driller's "Average Day Rates" heading over "Floaters $240,440": dollars
    # a day, unscaled; revenue under no such heading stays thousands of dollars
    from assay.read.labels import parse_scale_note, row_unit
    note = parse_scale_note("(in thousands)")
    got = row_unit("Floaters", "Average Day Rates", note)
    assert (got.unit, got.scale) == ("USD/day", 0)
    assert row_unit("Floaters", "Revenues", note).unit == "USD"


def test_a_possessive_of_things_counted_names_dollars_and_a_headcount_is_a_balance():
    # by hand: "Employees' taxes paid upon vesting" (a cash flow) and "Wages and
    # employees' benefits" (an expense) are dollars: the employees own them, the row
    # counts none; "Headcount" and "Employees" count people at the period's end
    from assay.read.labels import parse_scale_note, row_unit
    note = parse_scale_note("(in thousands)")
    for label in ("Employees\u2019 taxes paid upon vesting of restricted stock",
                  "Wages and employees' benefits"):
        assert (row_unit(label, None, note).unit, row_unit(label, None, note).scale) == (
            "USD", 3), label
    assert row_unit("Employees at end of period", None, note).unit == "count"
    for label in ("Headcount", "Total headcount", "Employees", "Full-time employees"):
        assert VOCABULARY.balance_of(label) == "items", label
    assert VOCABULARY.balance_of("Employees\u2019 taxes paid") is None


def test_a_tonnage_in_parentheses_is_the_row_s_unit_unscaled():
    # by hand (a 10-Q's selected data, "dollars in millions"): "Shipments of alumina
    # (kmt) 2,285" is 2,285 thousand metric tons, no $2,285 million; "Production
    # (mdmt) 11.0" is 11.0 million dry metric tons
    from assay.read.labels import parse_scale_note, row_unit
    note = parse_scale_note("(dollars in millions)")
    for label, unit in (("Shipments of alumina (kmt)", "kmt"), ("Production (mdmt)", "mdmt")):
        assert (row_unit(label, None, note).unit, row_unit(label, None, note).scale) == (
            unit, 0), label
    assert row_unit("Adjusted EBITDA per mt", None, note).unit != "mt"


def test_rates_of_borrowing_and_occupancy_are_percentages():
    # by hand (a REIT's operating statistics, "percentages annualized", the % printed on
    # the first rate only): "Secured borrowing rates 2.23" is 2.23%, no $2.23; a day
    # rate is still dollars a day
    from assay.read.labels import parse_scale_note, row_unit
    note = parse_scale_note("(in thousands)")
    for label in ("Secured borrowing rates (a)", "Occupancy rate", "Utilization rate"):
        assert (row_unit(label, None, note).unit, row_unit(label, None, note).scale) == (
            "%", 0), label
    assert row_unit("Average day rate", None, note).unit == "USD/day"


def test_core_deposit_intangibles_are_a_balance():
    # by hand (a bank's "As of and for the three months ended" table): "Less: core
    # deposit intangibles, net" stands at the quarter's end
    assert VOCABULARY.balance_of("Less: core deposit intangibles, net") == "accounts"
    assert VOCABULARY.balance_of("Amortization of core deposit intangibles") is None


def test_a_tonnage_is_tons_and_shipments_a_count_in_a_general_note_s_scale():
    # by hand (a trucker's operating statistics, "(1) In thousands"): "LTL tonnage
    # 1,203" is 1,203,000 tons, no count of things
    from assay.read.labels import parse_scale_note, row_unit
    got = row_unit("LTL tonnage", None, parse_scale_note("(Unaudited and in thousands)"))
    assert (got.unit, got.scale) == ("ton", 3)
    # its shipments are a count of them, in thousands too (1,809 is 1,809,000)
    got = row_unit("LTL shipments", None, parse_scale_note("(Unaudited and in thousands)"))
    assert (got.unit, got.scale) == ("count", 3)
    assert row_unit("Revenue from shipments", None, parse_scale_note("(in thousands)")
                    ).unit == "USD"


def test_a_share_count_is_shares():
    # by hand (a release's EPS table, "(shares in millions)"): "Share count for Adjusted
    # EPS (non-GAAP) 642.7" is 642.7 million shares, no amount per share
    from assay.read.labels import parse_scale_note, row_unit
    got = row_unit("Share count for Adjusted EPS (non-GAAP)", "Weighted average shares "
                   "outstanding:", parse_scale_note("(shares in millions)"))
    assert (got.unit, got.scale) == ("shares", 6)
