"""Whole-column reading of cells: each cell's meaning listed by hand, and numbers checked
against Python's own decimal parser over generated text."""

from __future__ import annotations

from decimal import Decimal as D

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assay.explore.columnar import grades, numbers
from assay.explore.detection import DEFAULT_MISSING_CODES
from assay.explore.tables import Errors, Source, read_table

# cell -> what it means under the "half" policy, with a 0.004 limit for bare codes
CELLS = [
    ("12.5", D("12.5")),
    (" 7 ", D(7)),  # trimmed
    ("+3", D(3)),
    (".5", D("0.5")),
    ("5.", D(5)),
    ("1,234.5", D("1234.5")),  # thousands commas
    ("0.100", D("0.1")),
    ("<0.01", D("0.005")),  # half the limit in the cell
    ("< 0.02", D("0.01")),
    ("-0.01", D("0.005")),  # a negative number is a limit...
    ("-99", None),  # ...unless it is a missing-value code
    ("-999.0", None),
    ("BDL", D("0.002")),  # half the 0.004 limit given
    ("n/a", None),
    ("", None),
    ("0", D(0)),
]
BAD = ["1e3", "1.2.3", "<0", "<abc", "12,34", "abc", "٣"]  # the last: a non-ASCII digit


def column(tmp_path, cells: list[str], name="t"):
    d = tmp_path / name
    d.mkdir()
    body = "".join(f'H,"{c}"\n' for c in cells)
    (d / "x.csv").write_text("hole,Ag\n" + body)
    con = duckdb.connect()
    errors = Errors()
    table = read_table(con, Source(d, "folder"), "x.csv", "x", errors)
    assert not errors.items
    return con, table, errors


def test_each_kind_of_cell(tmp_path):
    con, table, errors = column(tmp_path, [c for c, _ in CELLS] + BAD)
    got = grades(con, table, 1, "Ag", errors, policy="half", limit=D("0.004"),
                 missing_codes=DEFAULT_MISSING_CODES)
    n = len(CELLS)
    assert [got.numbers.decimal(i) for i in range(n)] == [v for _, v in CELLS]
    assert got.numbers.bad.tolist() == [False] * n + [True] * len(BAD)
    assert got.bdl == 4 and got.missing == 4  # <0.01, < 0.02, -0.01, BDL; -99, -999.0, n/a, ""
    # every bad cell is reported at its line (header line 1, first cell line 2)
    assert [str(e) for e in errors.items] == [
        f"x.csv:{n + 2 + k}: column 'Ag': not a number: {c!r}" for k, c in enumerate(BAD)]


@pytest.mark.parametrize(("policy", "expected"), [
    ("zero", [D(0), D(0), D(0)]), ("limit", [D("0.01"), D("0.01"), D("0.004")])])
def test_the_other_policies(tmp_path, policy, expected):
    con, table, errors = column(tmp_path, ["<0.01", "-0.01", "ND"])
    got = grades(con, table, 1, "Ag", errors, policy=policy, limit=D("0.004"),
                 missing_codes=DEFAULT_MISSING_CODES)
    assert [got.numbers.decimal(i) for i in range(3)] == expected


def test_a_code_without_a_limit_is_an_error_at_its_line(tmp_path):
    con, table, errors = column(tmp_path, ["1", "ND"])
    grades(con, table, 1, "Ag", errors, policy="half", limit=None,
           missing_codes=DEFAULT_MISSING_CODES)
    assert [str(e) for e in errors.items] == [
        "x.csv:3: column 'Ag': below detection 'ND' without a limit: "
        "give --detection-limit Ag=VALUE"]


def test_numbers_too_long_for_64_bits_are_read_exactly(tmp_path):
    # an export's float leftover (17 decimals) beside ordinary values, and 21 digits:
    # scaled, they pass 64 bits, and are held as Python integers
    cells = ["1.5", "123456789012345678901", "0.30000000000000004", "60"]
    con, table, errors = column(tmp_path, cells)
    got = numbers(con, table, 1, errors)
    assert [got.decimal(i) for i in range(4)] == [D(c) for c in cells]
    assert not errors.items and not got.bad.any()
    # below detection with half the limit: 60 stays 60 (one more decimal, not a wrap)
    con, table, errors = column(tmp_path, ["0.30000000000000004", "60", "<0.01"], "g")
    g = grades(con, table, 1, "Ag", errors, policy="half", limit=None,
               missing_codes=DEFAULT_MISSING_CODES)
    assert [g.numbers.decimal(i) for i in range(3)] == [
        D("0.30000000000000004"), D(60), D("0.005")]


decimals = st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=6,
                       allow_nan=False, allow_infinity=False)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(decimals, st.integers(0, 3)), min_size=1, max_size=40))
def test_numbers_read_exactly_as_python_reads_them(tmp_path_factory, values):
    # each value written plainly, with 0-3 trailing zeros; read back exactly
    texts = [f"{v:f}" + ("0" * z if "." in f"{v:f}" else "") for v, z in values]
    con, table, errors = column(tmp_path_factory.mktemp("n"), texts)
    got = numbers(con, table, 1, errors)
    assert [got.decimal(i) for i in range(len(texts))] == [D(t) for t in texts]
    assert not errors.items
