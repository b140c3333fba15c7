"""Loading a drilling database (collar, survey, assays) with validation in one pass.

The tables come from a folder of CSV or xlsx files, one xlsx workbook or one SQLite or
DuckDB file (:mod:`assay.explore.tables`) and are checked over whole columns
(:mod:`assay.explore.columnar`). Every problem in every table is collected before
anything is raised, so that a user fixes the whole database at once, sorted by table and
row: ``assays.csv:14: column 'to': not a number: 'l2.0'``. A CSV row's place is its
physical line (the header is line 1); a sheet's or database table's, its row counted
the same way.

Errors (the command exits 2): unreadable or missing files, sheets or tables, a table
with only a header, rows with more or fewer cells than the header, a quote left open
(reported at the line where it opens), missing required columns, ``--column`` fields
that do not exist or headers no table has, non-numeric values, ``from >= to``,
overlapping intervals, holes missing from the collar table, holes listed twice in it,
intervals past the hole's depth, below-detection codes without a limit, dips outside
-90..90 or of mixed signs without a stated convention, azimuths outside 0..360, two
survey stations of one hole at one depth that disagree.

Notes (reported, not fatal): gaps between intervals (unsampled, never zero), below-
detection substitutions (counts per element and the policy), missing grades, collar
holes without assays (counted), columns that were not used, survey stations below the
hole's depth.

Depths are held as integers scaled by ``10**depth_decimals`` metres (exact fixed point;
feet are converted exactly, 1 ft = 0.3048 m), grades as integers scaled by
``10**decimals`` of their unit; see :mod:`assay.explore.composite` for why.

Dip convention: files differ in sign (``-60`` or ``60`` for a hole drilled 60 degrees
below horizontal). assay normalises to *inclination below horizontal, positive down*.
``auto`` reads the sign from the data (all dips <= 0: negative down; all >= 0: positive
down) and refuses mixed signs, which only a stated convention can resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import duckdb
import numpy as np

from assay.model import Diagnostic, Location
from assay.model.units import METRES_PER_FOOT

from .columnar import grades, hole_ids, lines, normalise, numbers, texts, times
from .columns import ALIASES, GradeColumn, fold, grade_column, locate
from .composite import INT64_SAFE
from .detection import DEFAULT_MISSING_CODES, POLICIES, number
from .tables import (
    MAX_ERRORS,
    Errors,
    Source,
    Table,
    has_table,
    open_source,
    read_table,
    resolve,
)

DIP_CONVENTIONS = ("auto", "negative-down", "positive-down")


@dataclass(frozen=True, slots=True)
class Collar:
    hole: str
    easting: Decimal | None
    northing: Decimal | None
    elevation: Decimal | None
    depth: Decimal | None  # metres
    azimuth: Decimal | None = None
    dip: Decimal | None = None  # normalised: degrees below horizontal, positive down
    vein: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Station:
    depth: Decimal  # metres
    azimuth: Decimal
    dip: Decimal  # normalised: degrees below horizontal, positive down
    line: int


@dataclass(slots=True)
class GradeArray:
    """One element's grades: scaled integers, which are present, and how they were read."""

    element: str
    unit: str  # "g/t" or "%"
    header: str
    decimals: int
    values: np.ndarray  # int64 (object of Python ints if int64 could overflow)
    present: np.ndarray  # bool
    bdl: int = 0  # below-detection values substituted
    missing: int = 0

    def decimal(self, i: int) -> Decimal | None:
        return Decimal(int(self.values[i])).scaleb(-self.decimals) if self.present[i] else None


@dataclass(slots=True)
class DrillData:
    """A validated folder: collars, surveys and assay intervals sorted by hole and depth."""

    holes: list[str]
    collars: dict[str, Collar]
    surveys: dict[str, list[Station]]
    hole: np.ndarray  # int index into ``holes``, per interval
    frm: np.ndarray  # int64, metres * 10**depth_decimals
    to: np.ndarray
    depth_decimals: int
    grades: dict[str, GradeArray]
    line: np.ndarray  # file line of each interval
    assay_file: str = "assays.csv"
    vein: np.ndarray | None = None  # object array of str per interval
    lithology: np.ndarray | None = None
    notes: list[Diagnostic] = field(default_factory=list)
    bdl_policy: str = "half"
    dip_convention: str = "auto"
    depth_unit: str = "m"

    @property
    def n(self) -> int:
        return len(self.frm)

    def depth(self, value: int) -> Decimal:
        return Decimal(int(value)).scaleb(-self.depth_decimals)


def natural_key(text: str) -> tuple:
    """Sort ``RG-4`` before ``RG-10``."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text))


def _to_metres(values: np.ndarray, decimals: int, unit: str) -> tuple[np.ndarray, int]:
    """Scaled depths in metres: feet are x 0.3048 exactly (four more decimals)."""
    if unit == "m":
        return values, decimals
    return normalise(times(values, 3048), decimals + 4)


def _metres(value: Decimal | None, unit: str) -> Decimal | None:
    return value if value is None or unit == "m" else value * METRES_PER_FOOT


def _normalise_dips(raw: list[tuple[str, int, Decimal]], convention: str,
                    errors: Errors) -> str:
    """Pick the sign convention; returns ``negative-down`` or ``positive-down``."""
    for name, line, dip in raw:
        if abs(dip) > 90:
            errors.add(name, f"dip {dip} outside -90..90 degrees", line)
    if convention != "auto":
        return convention
    neg = any(d < 0 for _, _, d in raw)
    pos = any(d > 0 for _, _, d in raw)
    if neg and pos:
        name, line, _ = next(r for r in raw if r[2] > 0)
        errors.add(name, "dips of both signs: state which is down with "
                   "--dip-convention negative-down|positive-down", line)
    return "negative-down" if neg else "positive-down"


def load_folder(
    folder: str | Path,
    *,
    collar_file: str = "collar.csv",
    survey_file: str = "survey.csv",
    assay_file: str = "assays.csv",
    columns: dict[str, str] | None = None,
    depth_unit: str = "m",
    dip_convention: str = "auto",
    bdl_policy: str = "half",
    detection_limits: dict[str, Decimal] | None = None,
    missing_codes: tuple[Decimal, ...] = DEFAULT_MISSING_CODES,
    grade_units: dict[str, str] | None = None,
) -> DrillData:
    """Read and validate a drilling database (a folder of CSV or xlsx files, an xlsx
    workbook, or a SQLite or DuckDB file; see :mod:`assay.explore.tables`); raise
    :class:`InputErrors` listing every error."""
    folder = Path(folder)
    errors = Errors()
    notes: list[Diagnostic] = []
    if depth_unit not in ("m", "ft"):
        errors.add("--depth-unit", f"unknown unit {depth_unit!r}; use m or ft")
        depth_unit = "m"
    if bdl_policy not in POLICIES:
        errors.add("--bdl", f"unknown policy {bdl_policy!r}; use one of {', '.join(POLICIES)}")
        bdl_policy = "half"
    if dip_convention not in DIP_CONVENTIONS:
        errors.add("--dip-convention", f"unknown convention {dip_convention!r}; "
                   f"use one of {', '.join(DIP_CONVENTIONS)}")
        dip_convention = "auto"
    for f in columns or {}:
        if f not in ALIASES:
            errors.add("--column", f"unknown field {f!r}; use one of {', '.join(ALIASES)}")
    source = open_source(folder, errors)
    if source is None:
        errors.raise_if_any()
    assert source is not None
    collar_file, survey_file, assay_file = (
        resolve(source, f, d) for f, d in ((collar_file, "collar.csv"),
                                           (survey_file, "survey.csv"),
                                           (assay_file, "assays.csv")))
    collar_name, survey_name, assay_name = (source.names(f)[0] for f in
                                            (collar_file, survey_file, assay_file))
    order = [collar_name, survey_name, assay_name]
    with duckdb.connect() as con:
        headers: list[tuple[str, tuple[str, ...]]] = []  # (table, header) read, for --column
        raw_dips: list[tuple[str, int, Decimal]] = []
        collar_rows = _collars(con, source, collar_file, columns, depth_unit, errors, headers,
                               raw_dips)
        with_survey = has_table(source, survey_file) or survey_file not in (
            "survey.csv", "survey.xlsx")
        survey_raw = []
        if with_survey:
            survey_raw = _stations(con, source, survey_file, columns, depth_unit, errors,
                                   headers, raw_dips)
        else:
            notes.append(Diagnostic(Location(survey_name, 0), "no-survey",
                                    "no survey file: hole orientation from the collar only",
                                    "info"))
        convention = _normalise_dips(raw_dips, dip_convention, errors)
        sign = Decimal(-1) if convention == "negative-down" else Decimal(1)
        collars = {c.hole: replace(c, dip=None if dip is None else dip * sign)
                   for c, dip in collar_rows}
        surveys: dict[str, list[Station]] = {}
        for hole, depth, azi, dip, line in survey_raw:
            if collars and hole not in collars:
                errors.add(survey_name, f"hole {hole!r} is not in {collar_name}", line)
                continue
            surveys.setdefault(hole, []).append(Station(depth, azi, dip * sign, line))
        for hole, stations in surveys.items():
            stations.sort(key=lambda s: s.depth)
            _check_stations(survey_name, hole, stations, collars.get(hole), errors, notes)
        data = _load_assays(con, source, assay_file, columns, collars, collar_name,
                            depth_unit, bdl_policy, detection_limits or {}, missing_codes,
                            grade_units, errors, notes, headers)
    expected = 3 if with_survey else 2
    if columns and len(headers) == expected:  # every table's header was read
        present = {fold(h) for _, header in headers for h in header}
        for f, h in columns.items():
            if f in ALIASES and fold(h) not in present:
                errors.add("--column", f"{f}={h}: no column {h!r} in "
                           f"{', '.join(n for n, _ in headers)}")
                errors.explained.add(f)  # the tables' missing column is this mapping's
    if data is not None and collars:
        assayed = set(data.holes)
        without = [h for h in collars if h not in assayed]
        if without:
            shown = ", ".join(sorted(without, key=natural_key)[:10])
            more = f" and {len(without) - 10} more" if len(without) > 10 else ""
            first = collars[without[0]].line
            notes.append(Diagnostic(
                Location(collar_name, first, row=first), "no-assays",
                f"{len(without)} hole(s) in {collar_name} without assay rows "
                f"in {assay_name}, not reported: {shown}{more}", "warning"))
    errors.raise_if_any(order)
    assert data is not None
    data.surveys = surveys
    data.dip_convention = convention
    return data


def _collars(con, source: Source, file: str, columns: dict[str, str] | None,
             depth_unit: str, errors: Errors, headers: list,
             raw_dips: list) -> list[tuple[Collar, Decimal | None]]:
    """Collars (dip not yet normalised, given beside) from the collar table."""
    table = read_table(con, source, file, "collar", errors)
    if table is None:
        return []
    headers.append((table.name, table.header))
    if not table.rows:
        errors.add(table.name, "no holes: only a header row", 1)
    idx = {f: locate(list(table.header), f, columns) for f in
           ("hole", "easting", "northing", "elevation", "depth", "azimuth", "dip", "vein")}
    if idx["hole"] is None:
        errors.missing_column("hole", table.name, "no hole column (looked for hole_id, HOLEID, "
                              f"BHID, ...; header: {', '.join(table.header)})")
        return []
    holes = texts(con, table, idx["hole"])
    veins = texts(con, table, idx["vein"]) if idx["vein"] is not None else None
    places = lines(con, table)
    values = {f: numbers(con, table, idx[f], errors, required=False)
              for f in ("easting", "northing", "elevation", "depth", "azimuth", "dip")
              if idx[f] is not None}
    out = []
    first_line: dict[str, int] = {}
    for i, hole in enumerate(holes.tolist()):
        line = int(places[i])
        if not hole:
            errors.add(table.name, f"column '{table.header[idx['hole']]}': empty hole id", line)
            continue
        if hole in first_line:
            errors.add(table.name, f"duplicate hole {hole!r} (first at line {first_line[hole]})",
                       line)
            continue
        first_line[hole] = line
        v = {f: col.decimal(i) for f, col in values.items()}
        if v.get("azimuth") is not None and not Decimal(0) <= v["azimuth"] <= Decimal(360):
            errors.add(table.name, f"azimuth {v['azimuth']} outside 0..360 degrees", line)
        if v.get("dip") is not None:
            raw_dips.append((table.name, line, v["dip"]))
        out.append((Collar(hole, v.get("easting"), v.get("northing"), v.get("elevation"),
                           _metres(v.get("depth"), depth_unit), v.get("azimuth"), None,
                           (veins[i] if veins is not None else "") or None, line),
                    v.get("dip")))
    return out


def _stations(con, source: Source, file: str, columns: dict[str, str] | None,
              depth_unit: str, errors: Errors, headers: list,
              raw_dips: list) -> list[tuple[str, Decimal, Decimal, Decimal, int]]:
    """Survey stations (hole, depth in metres, azimuth, raw dip, line)."""
    table = read_table(con, source, file, "survey", errors)
    if table is None:
        return []
    headers.append((table.name, table.header))
    idx = {f: locate(list(table.header), f, columns) for f in ("hole", "depth", "azimuth", "dip")}
    for f, i in idx.items():
        if i is None:
            errors.missing_column(f, table.name, f"no {f} column (header: "
                                  f"{', '.join(table.header)})")
    if any(i is None for i in idx.values()):
        return []
    if not table.rows:
        errors.add(table.name, "no survey stations: only a header row", 1)
    holes = texts(con, table, idx["hole"])
    places = lines(con, table)
    depth, azi, dip = (numbers(con, table, idx[f], errors) for f in ("depth", "azimuth", "dip"))
    out = []
    for i, hole in enumerate(holes.tolist()):
        line = int(places[i])
        if not hole:
            errors.add(table.name, "empty hole id", line)
            continue
        vals = depth.decimal(i), azi.decimal(i), dip.decimal(i)
        if any(v is None for v in vals):
            continue
        d, a, p = vals
        if d < 0:
            errors.add(table.name, f"negative depth {d}", line)
        if not Decimal(0) <= a <= Decimal(360):
            errors.add(table.name, f"azimuth {a} outside 0..360 degrees", line)
        raw_dips.append((table.name, line, p))
        out.append((hole, _metres(d, depth_unit), a, p, line))
    return out


def _check_stations(name: str, hole: str, stations: list[Station], collar: Collar | None,
                    errors: Errors, notes: list[Diagnostic]) -> None:
    """Two stations of one hole at one depth must agree; a station below the hole's depth
    is noted."""
    for a, b in zip(stations, stations[1:], strict=False):
        if a.depth == b.depth and (a.azimuth, a.dip) != (b.azimuth, b.dip):
            errors.add(name, f"hole {hole!r}: two survey stations at depth {b.depth} m "
                       f"(line {a.line}: {a.azimuth}/{a.dip}, this line: {b.azimuth}/{b.dip})",
                       b.line)
    if collar is not None and collar.depth is not None and stations[-1].depth > collar.depth:
        last = stations[-1]
        notes.append(Diagnostic(Location(name, last.line, row=last.line), "survey-past-depth",
                                f"hole {hole}: survey station at {last.depth} m is below the "
                                f"hole's depth ({collar.depth} m)", "warning"))


def _grade_columns(table: Table, used: set[int], grade_units: dict[str, str] | None,
                   errors: Errors, notes: list[Diagnostic]) -> list[GradeColumn]:
    grade_cols: list[GradeColumn] = []
    seen: dict[str, str] = {}
    for i, h in enumerate(table.header):
        if i in used:
            continue
        g = grade_column(h, i, grade_units)
        if g is None:
            notes.append(Diagnostic(Location(table.name, 1, row=1, column=h), "column-unused",
                                    f"column '{h}' is neither a field nor an element grade; "
                                    "not used", "info"))
            continue
        if g.element in seen:
            errors.add(table.name, f"columns '{seen[g.element]}' and '{h}' both hold "
                       f"{g.element}", 1)
            continue
        seen[g.element] = h
        grade_cols.append(g)
    if not grade_cols:
        errors.add(table.name, f"no grade column (an element symbol such as Ag, Au_ppm, "
                   f"Cu_pct; header: {', '.join(table.header)})", 1)
    return grade_cols


def _load_assays(con, source: Source, file: str, columns: dict[str, str] | None,
                 collars: dict[str, Collar], collar_name: str, depth_unit: str,
                 bdl_policy: str, detection_limits: dict[str, Decimal],
                 missing_codes: tuple[Decimal, ...], grade_units: dict[str, str] | None,
                 errors: Errors, notes: list[Diagnostic],
                 headers: list) -> DrillData | None:
    """The assay intervals, checked over whole columns; rows with an error are reported
    and left out."""
    table = read_table(con, source, file, "assays", errors)
    if table is None:
        return None
    name, header = table.name, table.header
    headers.append((name, header))
    if not table.rows:
        errors.add(name, "no assay intervals: only a header row", 1)
    idx = {f: locate(list(header), f, columns) for f in ("hole", "from", "to", "vein",
                                                         "lithology", "sample")}
    for f in ("hole", "from", "to"):
        if idx[f] is None:
            errors.missing_column(f, name, f"no '{f}' column (header: {', '.join(header)})")
    used = {i for i in idx.values() if i is not None}
    grade_cols = _grade_columns(table, used, grade_units, errors, notes)
    if any(idx[f] is None for f in ("hole", "from", "to")) or not grade_cols:
        return None

    place = lines(con, table)
    holes = hole_ids(con, table, idx["hole"], natural_key)
    hdr_hole, hdr_from, hdr_to = (header[idx[f]] for f in ("hole", "from", "to"))
    ok = holes.index >= 0
    for i in np.nonzero(~ok)[0][:MAX_ERRORS]:
        errors.add(name, f"column '{hdr_hole}': empty hole id", int(place[i]))
    if collars:
        known = np.array([h in collars for h in holes.names] + [True], dtype=bool)
        unknown = ~known[holes.index]  # index -1 (empty) reads the last, True
        for i in np.nonzero(unknown)[0][:MAX_ERRORS]:
            errors.add(name, f"hole {holes.names[holes.index[i]]!r} is not in {collar_name}",
                       int(place[i]))
        ok &= ~unknown
    frm_col = numbers(con, table, idx["from"], errors)
    to_col = numbers(con, table, idx["to"], errors)
    dec = max(frm_col.decimals, to_col.decimals)
    frm = times(frm_col.values, 10 ** (dec - frm_col.decimals))
    to = times(to_col.values, 10 ** (dec - to_col.decimals))
    both = frm_col.present & to_col.present
    reversed_ = both & (frm >= to)
    negative = both & (frm < 0)
    if reversed_.any() or negative.any():
        f_text, t_text = texts(con, table, idx["from"]), texts(con, table, idx["to"])
        for i in np.nonzero(reversed_ | negative)[0][:MAX_ERRORS]:
            f, t = number(f_text[i]), number(t_text[i])
            if reversed_[i]:
                errors.add(name, f"from >= to: {hdr_from} {f} >= {hdr_to} {t}", int(place[i]))
            if negative[i]:
                errors.add(name, f"column '{hdr_from}': negative depth {f}", int(place[i]))
    ok &= both & ~reversed_ & ~negative
    grade_data = {}
    for g in grade_cols:
        got = grades(con, table, g.index, g.element, errors, policy=bdl_policy,
                     limit=detection_limits.get(g.element), missing_codes=missing_codes)
        ok &= ~got.numbers.bad
        grade_data[g.element] = got
    veins = texts(con, table, idx["vein"]) if idx["vein"] is not None else None
    liths = texts(con, table, idx["lithology"]) if idx["lithology"] is not None else None

    # the rows kept, in metres, holes renumbered over the holes kept
    depths, depth_decimals = normalise(np.concatenate([frm[ok], to[ok]]), dec)
    depths, depth_decimals = _to_metres(depths, depth_decimals, depth_unit)
    kept = int(ok.sum())
    frm, to = depths[:kept], depths[kept:]
    used_holes = np.unique(holes.index[ok])
    names = [holes.names[i] for i in used_holes.tolist()]
    hole = np.searchsorted(used_holes, holes.index[ok]).astype(np.int64)
    order = np.lexsort((frm, hole)) if kept else np.arange(0)
    hole, frm, to = hole[order], frm[order], to[order]
    line_arr = place[ok][order]

    grades_out: dict[str, GradeArray] = {}
    for g in grade_cols:
        got = grade_data[g.element]
        values, decimals = got.numbers.values[ok], got.numbers.decimals
        if g.unit == "ppb":
            decimals += 3  # ppb -> g/t exactly
        values, decimals = normalise(values, decimals)
        unit = "g/t" if g.unit == "ppb" else g.unit
        grades_out[g.element] = GradeArray(g.element, unit, g.header, decimals, values[order],
                                           got.numbers.present[ok][order], got.bdl, got.missing)
        if got.bdl:
            notes.append(Diagnostic(Location(name, 1, row=1, column=g.header), "below-detection",
                                    f"{got.bdl} below-detection {g.element} values "
                                    f"replaced by the '{bdl_policy}' policy", "info"))
        if got.missing:
            notes.append(Diagnostic(Location(name, 1, row=1, column=g.header), "missing-grade",
                                    f"{got.missing} intervals without a {g.element} value: "
                                    "unsampled for that element, not zero", "warning"))
    _check_intervals(name, names, hole, frm, to, line_arr, depth_decimals, collars,
                     collar_name, errors, notes)
    veins_arr = veins[ok][order] if veins is not None else None
    liths_arr = liths[ok][order] if liths is not None else None
    return DrillData(names, collars, {}, hole, frm, to, depth_decimals, grades_out, line_arr,
                     name, veins_arr, liths_arr, notes, bdl_policy, depth_unit=depth_unit)


def _check_intervals(name: str, names: list[str], hole: np.ndarray, frm: np.ndarray,
                     to: np.ndarray, line_arr: np.ndarray, decimals: int,
                     collars: dict[str, Collar], collar_name: str, errors: Errors,
                     notes: list[Diagnostic]) -> None:
    """Overlaps (errors), gaps (notes) and depths past the collar's (errors), on the
    intervals sorted by hole and depth."""
    if len(frm) > 1:
        same = hole[1:] == hole[:-1]
        for i in np.nonzero(same & (frm[1:] < to[:-1]))[0][:MAX_ERRORS]:
            errors.add(name, f"interval {_d(frm[i + 1], decimals)}-{_d(to[i + 1], decimals)} "
                       f"of hole {names[hole[i + 1]]!r} overlaps line {line_arr[i]} "
                       f"({_d(frm[i], decimals)}-{_d(to[i], decimals)})", int(line_arr[i + 1]))
        for i in np.nonzero(same & (frm[1:] > to[:-1]))[0]:
            notes.append(Diagnostic(
                Location(name, int(line_arr[i + 1]), row=int(line_arr[i + 1])), "gap",
                f"hole {names[hole[i]]}: no assay from {_d(to[i], decimals)} to "
                f"{_d(frm[i + 1], decimals)} m: unsampled, not zero; intercepts do not "
                "cross it", "warning"))
    depth_lim = {h: c.depth for h, c in collars.items() if c.depth is not None}
    for i in _past_depth(hole, to, names, depth_lim, decimals)[:MAX_ERRORS]:
        errors.add(name, f"interval to {_d(to[i], decimals)} m is past the depth of hole "
                   f"{names[hole[i]]!r} ({depth_lim[names[hole[i]]]} m in {collar_name})",
                   int(line_arr[i]))


def _past_depth(hole: np.ndarray, to: np.ndarray, names: list[str],
                depth: dict[str, Decimal], decimals: int) -> list[int]:
    if not len(to):
        return []
    # to/10^d > depth  <=>  to > floor(depth * 10^d) for integer ``to``
    limits = [int(depth[h].scaleb(decimals).to_integral_value(rounding="ROUND_FLOOR"))
              if h in depth else None for h in names]
    if to.dtype != object and all(x is None or abs(x) < INT64_SAFE for x in limits):
        limit = np.array([INT64_SAFE if x is None else x for x in limits], dtype=np.int64)
    else:
        beyond = int(max(abs(int(x)) for x in to)) + 1  # no interval reaches it
        limit = np.array([beyond if x is None else x for x in limits], dtype=object)
    return [int(i) for i in np.nonzero(to > limit[hole])[0]]


def _d(value: int, decimals: int) -> str:
    return str(Decimal(int(value)).scaleb(-decimals))
