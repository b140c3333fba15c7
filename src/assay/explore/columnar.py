"""Whole-column reading of drill-hole cells: numbers, grades, hole ids and labels.

Each function reads one column of a :class:`~assay.explore.tables.Table` (in DuckDB) and
returns numpy arrays in the table's row order, giving every cell the meaning
:mod:`assay.explore.detection` states: a number is plain decimal notation (thousands
commas allowed, ASCII digits); a grade cell is a value, a below-detection code (``<0.01``,
``BDL``, a negative number that is not a missing-value code) or missing (an empty cell, a
missing word or code). Numbers become exact scaled integers: ``value x 10**decimals``,
with ``decimals`` the fewest that hold every value of the column exactly. Cells that are
not numbers are reported with the row's place, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from .composite import INT64_SAFE
from .detection import BDL_WORDS, MISSING_WORDS, NUMBER, THOUSANDS, substitute
from .tables import Errors, Table


@dataclass(frozen=True, slots=True)
class Numbers:
    """A column of numbers: ``values / 10**decimals``, where ``present``; 0 elsewhere."""

    values: np.ndarray  # int64, or Python ints (object) when large
    decimals: int
    present: np.ndarray  # bool
    bad: np.ndarray  # bool: a cell that is not a number (reported)

    def decimal(self, i: int) -> Decimal | None:
        return Decimal(int(self.values[i])).scaleb(-self.decimals) if self.present[i] else None


def _sql_list(words) -> str:
    return ", ".join("'" + w.replace("'", "''") + "'" for w in sorted(words))


def _parsed(source: str) -> str:
    """SQL over ``source`` (rows with ``line``, ``t`` the text to read, ``raw`` the cell
    as shown) adding ``u`` (``t`` without thousands commas) and ``ok`` (a number)."""
    return (f"SELECT *, regexp_full_match(u, '{NUMBER}') AS ok FROM ("
            f"SELECT *, CASE WHEN regexp_full_match(t, '{THOUSANDS}') "
            f"THEN replace(t, ',', '') ELSE t END AS u FROM ({source}))")


_FRACTION = "rtrim(split_part(u, '.', 2), '0')"


def _scaled(con, parsed: str, *extra: str) -> tuple[int, dict[str, np.ndarray]]:
    """The fewest decimals every number of ``parsed`` needs, and in row order: ``ok`` (a
    number), ``v`` (the value scaled by them, exactly; 0 where not a number) and
    ``extra``. DuckDB scales while the values fit 64 bits; a column with a longer number
    is scaled in Python ints."""
    decimals = con.execute(f"SELECT coalesce(max(length({_FRACTION})), 0) FROM ({parsed}) "
                           "WHERE ok").fetchone()[0]
    # u as a DECIMAL with that many places, written out without its point: the integer
    scaled = (f"TRY_CAST(replace(CAST(TRY_CAST(u AS DECIMAL(38, {decimals})) AS VARCHAR), "
              "'.', '') AS BIGINT)" if decimals <= 18 else "NULL")
    got = con.execute(
        "SELECT ok, coalesce(v, 0) AS v, ok AND v IS NULL AS long"
        + "".join(f", {e}" for e in extra)
        + f" FROM (SELECT *, CASE WHEN ok THEN {scaled} END AS v FROM ({parsed})) ORDER BY line"
    ).fetchnumpy()
    if np.asarray(got["long"], dtype=bool).any():
        texts_ = con.execute(f"SELECT CASE WHEN ok THEN u END AS u FROM ({parsed}) "
                             "ORDER BY line").fetchall()
        got["v"] = np.array([0 if u is None else int(Decimal(u).scaleb(decimals))
                             for (u,) in texts_], dtype=object)
    return decimals, got


def times(values: np.ndarray, factor: int) -> np.ndarray:
    """``values x factor`` exactly: int64 while every product stays below
    :data:`INT64_SAFE`, Python ints beyond."""
    if values.dtype != object and len(values) and (
            int(np.abs(values).max()) * factor >= INT64_SAFE):
        values = values.astype(object)
    return values * factor


def _column(table: Table, index: int) -> str:
    return f"SELECT line, {table.text(index)} AS t, {table.text(index)} AS raw FROM {table.sql}"


def lines(con, table: Table) -> np.ndarray:
    """The place (line or row) of each row, in row order."""
    return np.asarray(con.execute(f"SELECT line FROM {table.sql} ORDER BY line")
                      .fetchnumpy()["line"], dtype=np.int64)


def texts(con, table: Table, index: int) -> np.ndarray:
    """Column ``index`` as trimmed text (object array of str), in row order."""
    got = con.execute(f"SELECT t FROM ({_column(table, index)}) ORDER BY line").fetchnumpy()
    return np.asarray(got["t"], dtype=object)


def _report(con, parsed: str, where: str, errors: Errors, name: str, message) -> None:
    """Add ``message(cell)`` at each row of ``parsed`` where ``where`` holds."""
    for line, raw in con.execute(f"SELECT line, raw FROM ({parsed}) WHERE {where} "
                                 "ORDER BY line LIMIT 1000").fetchall():
        errors.add(name, message(raw), int(line))


def numbers(con, table: Table, index: int, errors: Errors, *,
            required: bool = True) -> Numbers:
    """Column ``index`` as numbers; a cell that is not a number, or an empty one where
    ``required``, is an error at its row."""
    header = table.header[index]
    parsed = _parsed(_column(table, index))
    decimals, got = _scaled(con, parsed, "t = '' AS empty")
    ok = np.asarray(got["ok"], dtype=bool)
    empty = np.asarray(got["empty"], dtype=bool)
    bad = ~ok & ~empty
    if bad.any():
        _report(con, parsed, "NOT ok AND t <> ''", errors, table.name,
                lambda t: f"column '{header}': not a number: {t!r}")
    if required and empty.any():
        _report(con, parsed, "t = ''", errors, table.name, lambda t: f"column '{header}': empty")
        bad |= empty
    values, decimals = normalise(got["v"], decimals)
    return Numbers(values, decimals, ok, bad)


@dataclass(frozen=True, slots=True)
class Grades:
    """A grade column after below-detection substitution (see :class:`Numbers`)."""

    numbers: Numbers
    bdl: int  # values substituted
    missing: int  # cells with no value: unsampled for this element


_MISSING, _BDL_WORD, _BDL_LIMIT, _PLAIN = 3, 1, 2, 0


def grades(con, table: Table, index: int, element: str, errors: Errors, *,
           policy: str, limit: Decimal | None,
           missing_codes: tuple[Decimal, ...]) -> Grades:
    """Column ``index`` as grades of ``element``, below-detection values replaced by
    ``policy`` (:func:`assay.explore.detection.substitute`); a code without a limit in
    the cell or ``limit`` given is an error, as is a cell that is no grade."""
    header = table.header[index]
    t = "lower(t)"
    kind = (f"CASE WHEN {t} IN ({_sql_list(MISSING_WORDS)}) THEN {_MISSING} "
            f"WHEN {t} IN ({_sql_list(BDL_WORDS)}) THEN {_BDL_WORD} "
            f"WHEN starts_with(t, '<') THEN {_BDL_LIMIT} ELSE {_PLAIN} END")
    parsed = _parsed(
        f"SELECT line, kind, raw, CASE WHEN kind = {_BDL_LIMIT} THEN trim(substr(t, 2)) "
        f"ELSE t END AS t FROM (SELECT *, {kind} AS kind FROM ({_column(table, index)}))")
    positive = "ok AND regexp_matches(u, '[1-9]') AND NOT starts_with(u, '-')"
    bad_sql = (f"kind = {_PLAIN} AND NOT ok OR kind = {_BDL_LIMIT} AND NOT ({positive})")
    decimals, got = _scaled(con, parsed, "kind")
    kinds = np.asarray(got["kind"], dtype=np.int8)
    ok = np.asarray(got["ok"], dtype=bool)
    v = got["v"]
    if ((kinds == _PLAIN) | (kinds == _BDL_LIMIT))[~ok].any():
        _report(con, parsed, bad_sql, errors, table.name,
                lambda c: f"column '{header}': not a number: {c!r}")
    if limit is None and (kinds == _BDL_WORD).any():
        _report(con, parsed, f"kind = {_BDL_WORD}", errors, table.name,
                lambda c: f"column '{header}': below detection {c!r} without a limit: "
                f"give --detection-limit {element}=VALUE")
    number = (kinds == _PLAIN) & ok
    missing = kinds == _MISSING
    for code in missing_codes:
        scaled = code.scaleb(decimals)
        if scaled == scaled.to_integral_value():
            missing |= number & (v == int(scaled))
    number &= ~missing
    limited = (kinds == _BDL_LIMIT) & ok & (v > 0) | number & (v < 0)
    value = number & (v >= 0)
    word = (kinds == _BDL_WORD) & (limit is not None)
    bad = (kinds == _PLAIN) & ~ok | (kinds == _BDL_LIMIT) & ~limited
    # one scale for the values, the limits in cells, the limit given, and half a limit
    scale = decimals
    if word.any():
        exp = limit.normalize().as_tuple().exponent
        scale = max(scale, -exp if isinstance(exp, int) else 0)
    if policy == "half" and (limited.any() or word.any()):
        scale += 1
    values = times(np.abs(v), 10 ** (scale - decimals))
    kept = int(substitute(Decimal(1), policy).scaleb(1))  # tenths of a limit kept: 5, 0, 10
    values[limited] = times(values[limited], kept) // 10
    if word.any():
        stands_for = int(substitute(limit, policy).scaleb(scale))
        if abs(stands_for) >= INT64_SAFE:
            values = values.astype(object)
        values[word] = stands_for
    present = value | limited | word
    values, scale = normalise(np.where(present, values, 0), scale)
    return Grades(Numbers(values, scale, present, bad), int(limited.sum() + word.sum()),
                  int(missing.sum()))


def normalise(values: np.ndarray, decimals: int) -> tuple[np.ndarray, int]:
    """``values`` with the fewest decimals that hold them all exactly: int64 while every
    value stays below :data:`INT64_SAFE`, else Python ints (an object array)."""
    while decimals > 0 and len(values) and not np.any(values % 10):
        values = values // 10
        decimals -= 1
    if len(values):
        big = int(np.abs(values).max()) >= INT64_SAFE
        if big and values.dtype != object:
            values = np.array([int(x) for x in values], dtype=object)
        elif not big and values.dtype == object:
            values = values.astype(np.int64)
    return values, decimals


@dataclass(frozen=True, slots=True)
class HoleIds:
    """Hole ids: ``index`` into ``names`` (natural order) per row, -1 where empty."""

    names: list[str]
    index: np.ndarray


def hole_ids(con, table: Table, index: int, key) -> HoleIds:
    """Column ``index`` as hole ids, ``names`` sorted by ``key``."""
    source = _column(table, index)
    names = sorted((r[0] for r in con.execute(
        f"SELECT DISTINCT t FROM ({source}) WHERE t <> ''").fetchall()), key=key)
    con.register("names_", {"h": np.array(names, dtype=object),
                            "r": np.arange(len(names), dtype=np.int64)})
    got = con.execute(f"SELECT coalesce(r, -1) AS r FROM ({source}) s LEFT JOIN names_ n "
                      "ON s.t = n.h ORDER BY line").fetchnumpy()
    con.unregister("names_")
    return HoleIds(names, np.asarray(got["r"], dtype=np.int64))
