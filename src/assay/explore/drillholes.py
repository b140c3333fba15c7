"""Loading a drill-hole folder (collar, survey, assays) with validation in one pass.

Every problem in every file is collected before anything is raised, so that a user fixes
the whole folder at once: ``assays.csv:14: column 'to': not a number: 'l2.0'``. Line
numbers are the file's physical lines (the header is line 1).

Errors (the command exits 2): unreadable or missing files, a file with only a header,
rows with more or fewer cells than the header, a quote left open (reported at the line
where it opens), missing required columns, ``--column`` fields that do not exist or
headers no file has, non-numeric values, ``from >= to``, overlapping intervals, holes
missing from the collar file, holes listed twice in the collar file, intervals past the
hole's depth, below-detection codes without a limit, mixed dip signs without a stated
convention.

Notes (reported, not fatal): gaps between intervals (unsampled, never zero), below-
detection substitutions (counts per element and the policy), missing grades, collar
holes without assays (counted), columns that were not used.

Depths are held as integers scaled by ``10**depth_decimals`` metres (exact fixed point;
feet are converted exactly, 1 ft = 0.3048 m), grades as integers scaled by
``10**decimals`` of their unit; see :mod:`assay.explore.composite` for why.

Dip convention: files differ in sign (``-60`` or ``60`` for a hole drilled 60 degrees
below horizontal). assay normalises to *inclination below horizontal, positive down*.
``auto`` reads the sign from the data (all dips <= 0: negative down; all >= 0: positive
down) and refuses mixed signs, which only a stated convention can resolve.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np

from assay.errors import InputError, InputErrors
from assay.model import Diagnostic, Location
from assay.model.units import METRES_PER_FOOT

from .columns import ALIASES, GradeColumn, fold, grade_column, locate
from .composite import INT64_SAFE
from .detection import DEFAULT_MISSING_CODES, POLICIES, number, read_cell, substitute

MAX_ERRORS = 200
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


class _Errors:
    def __init__(self) -> None:
        self.items: list[InputError] = []
        self.more = 0

    def add(self, path: str, problem: str, line: int | None = None) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(InputError(path, problem, line))
        else:
            self.more += 1

    def raise_if_any(self) -> None:
        if self.items:
            items = list(self.items)
            if self.more:
                items.append(InputError("...", f"and {self.more} more errors not shown"))
            raise InputErrors(items)


def _read_csv(path: Path, errors: _Errors) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    name = path.name
    if not path.exists():
        errors.add(str(path), "file not found")
        return None
    if not path.is_file():
        errors.add(str(path), "not a file")
        return None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        errors.add(name, f"not UTF-8 text (byte {e.start})")
        return None
    except OSError as e:
        errors.add(name, f"cannot read: {e.strerror}")
        return None
    if "\x00" in text:
        errors.add(name, "binary file, not CSV")
        return None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        errors.add(name, "empty file: no header row", 1)
        return None
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    # strict: a quote left open runs to the end of the file, reported where it opened
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as e:
        errors.add(name, f"header row: not CSV: {e}", 1)
        return None
    rows = []
    while True:
        start = reader.line_num + 1  # the physical line the next row starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            if "end of data" in str(e):
                errors.add(name, "unterminated quote: the quoted field opened on this line "
                           "never closes", start)
                break
            errors.add(name, f"not CSV: {e}", start)
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            errors.add(name, f"{len(row)} cells, header has {len(header)}", start)
            continue
        rows.append((start, row))
    return header, rows


def _cell(row: list[str], index: int | None) -> str:
    return "" if index is None else row[index].strip()


def _dec(name: str, line: int, header: str, text: str, errors: _Errors,
         required: bool = True) -> Decimal | None:
    if text == "":
        if required:
            errors.add(name, f"column '{header}': empty", line)
        return None
    value = number(text)
    if value is None:
        errors.add(name, f"column '{header}': not a number: {text!r}", line)
    return value


def _to_metres(value: Decimal | None, unit: str) -> Decimal | None:
    if value is None or unit == "m":
        return value
    return value * METRES_PER_FOOT


def _normalise_dips(raw: list[tuple[str, int, Decimal]], convention: str,
                    errors: _Errors) -> str:
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
    """Read and validate a drill-hole folder; raise :class:`InputErrors` listing every error."""
    folder = Path(folder)
    errors = _Errors()
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
    if not folder.is_dir():
        errors.add(str(folder), "not a folder")
        errors.raise_if_any()
    headers: list[tuple[str, list[str]]] = []  # (file, header) read, for --column
    detection_limits = detection_limits or {}

    # -- collar ---------------------------------------------------------------------
    collars: dict[str, Collar] = {}
    raw_dips: list[tuple[str, int, Decimal]] = []
    collar_rows: list[tuple[Collar, Decimal | None]] = []
    got = _read_csv(folder / collar_file, errors)
    if got:
        header, rows = got
        headers.append((collar_file, header))
        if not rows:
            errors.add(collar_file, "no holes: only a header row", 1)
        idx = {f: locate(header, f, columns) for f in
               ("hole", "easting", "northing", "elevation", "depth", "azimuth", "dip", "vein")}
        if idx["hole"] is None:
            errors.add(collar_file, f"no hole column (looked for hole_id, HOLEID, BHID, ...; "
                       f"header: {', '.join(header)})", 1)
        else:
            first_line: dict[str, int] = {}
            for line, row in rows:
                hole = _cell(row, idx["hole"])
                if not hole:
                    errors.add(collar_file, f"column '{header[idx['hole']]}': empty hole id", line)
                    continue
                if hole in first_line:
                    errors.add(collar_file, f"duplicate hole {hole!r} "
                               f"(first at line {first_line[hole]})", line)
                    continue
                first_line[hole] = line
                vals = {}
                for f in ("easting", "northing", "elevation", "depth", "azimuth", "dip"):
                    i = idx[f]
                    vals[f] = (None if i is None else
                               _dec(collar_file, line, header[i], _cell(row, i), errors,
                                    required=False))
                if vals["dip"] is not None:
                    raw_dips.append((collar_file, line, vals["dip"]))
                c = Collar(hole, vals["easting"], vals["northing"], vals["elevation"],
                           _to_metres(vals["depth"], depth_unit), vals["azimuth"], None,
                           _cell(row, idx["vein"]) or None, line)
                collar_rows.append((c, vals["dip"]))

    # -- survey ---------------------------------------------------------------------
    survey_raw: list[tuple[str, Decimal, Decimal, Decimal, int]] = []
    survey_path = folder / survey_file
    if survey_path.exists() or survey_file != "survey.csv":
        got = _read_csv(survey_path, errors)
        if got:
            header, rows = got
            headers.append((survey_file, header))
            idx = {f: locate(header, f, columns) for f in ("hole", "depth", "azimuth", "dip")}
            for f, i in idx.items():
                if i is None:
                    errors.add(survey_file, f"no {f} column (header: {', '.join(header)})", 1)
            if all(i is not None for i in idx.values()):
                for line, row in rows:
                    hole = _cell(row, idx["hole"])
                    vals = [_dec(survey_file, line, header[idx[f]], _cell(row, idx[f]), errors)
                            for f in ("depth", "azimuth", "dip")]
                    if not hole:
                        errors.add(survey_file, "empty hole id", line)
                        continue
                    if any(v is None for v in vals):
                        continue
                    depth, azi, dip = vals
                    if not Decimal(0) <= azi <= Decimal(360):
                        errors.add(survey_file, f"azimuth {azi} outside 0..360 degrees", line)
                    raw_dips.append((survey_file, line, dip))
                    survey_raw.append((hole, _to_metres(depth, depth_unit), azi, dip, line))
    else:
        notes.append(Diagnostic(Location(survey_file, 0), "no-survey",
                                "no survey file: hole orientation from the collar only",
                                "info"))

    convention = _normalise_dips(raw_dips, dip_convention, errors)
    sign = Decimal(-1) if convention == "negative-down" else Decimal(1)
    for c, dip in collar_rows:
        collars[c.hole] = Collar(c.hole, c.easting, c.northing, c.elevation, c.depth,
                                 c.azimuth, None if dip is None else dip * sign, c.vein, c.line)
    surveys: dict[str, list[Station]] = {}
    for hole, depth, azi, dip, line in survey_raw:
        if collars and hole not in collars:
            errors.add(survey_file, f"hole {hole!r} is not in {collar_file}", line)
            continue
        surveys.setdefault(hole, []).append(Station(depth, azi, dip * sign, line))
    for stations in surveys.values():
        stations.sort(key=lambda s: s.depth)

    # -- assays ---------------------------------------------------------------------
    data = _load_assays(folder, assay_file, columns, collars, collar_file, depth_unit,
                        bdl_policy, detection_limits, missing_codes, grade_units, errors,
                        notes, headers)
    expected = 3 if survey_path.exists() or survey_file != "survey.csv" else 2
    if columns and len(headers) == expected:  # every file's header was read
        present = {fold(h) for _, header in headers for h in header}
        for f, h in columns.items():
            if f in ALIASES and fold(h) not in present:
                errors.add("--column", f"{f}={h}: no column {h!r} in "
                           f"{', '.join(n for n, _ in headers)}")
    if data is not None and collars:
        assayed = set(data.holes)
        without = [h for h in collars if h not in assayed]
        if without:
            shown = ", ".join(sorted(without, key=natural_key)[:10])
            more = f" and {len(without) - 10} more" if len(without) > 10 else ""
            notes.append(Diagnostic(
                Location(collar_file, collars[without[0]].line, row=collars[without[0]].line),
                "no-assays", f"{len(without)} hole(s) in {collar_file} without assay rows "
                f"in {assay_file}, not reported: {shown}{more}", "warning"))
    errors.raise_if_any()
    assert data is not None
    data.surveys = surveys
    data.dip_convention = convention
    return data


def _load_assays(folder: Path, name: str, columns: dict[str, str] | None,
                 collars: dict[str, Collar], collar_file: str, depth_unit: str,
                 bdl_policy: str, detection_limits: dict[str, Decimal],
                 missing_codes: tuple[Decimal, ...], grade_units: dict[str, str] | None,
                 errors: _Errors, notes: list[Diagnostic],
                 headers: list[tuple[str, list[str]]]) -> DrillData | None:
    got = _read_csv(folder / name, errors)
    if not got:
        return None
    header, rows = got
    headers.append((name, header))
    if not rows:
        errors.add(name, "no assay intervals: only a header row", 1)
    idx = {f: locate(header, f, columns) for f in ("hole", "from", "to", "vein", "lithology",
                                                   "sample")}
    for f in ("hole", "from", "to"):
        if idx[f] is None:
            errors.add(name, f"no '{f}' column (header: {', '.join(header)})", 1)
    used = {i for i in idx.values() if i is not None}
    grade_cols: list[GradeColumn] = []
    seen: dict[str, str] = {}
    for i, h in enumerate(header):
        if i in used:
            continue
        g = grade_column(h, i, grade_units)
        if g is None:
            notes.append(Diagnostic(Location(name, 1, row=1, column=h), "column-unused",
                                    f"column '{h}' is neither a field nor an element grade; "
                                    "not used", "info"))
            continue
        if g.element in seen:
            errors.add(name, f"columns '{seen[g.element]}' and '{h}' both hold {g.element}", 1)
            continue
        seen[g.element] = h
        grade_cols.append(g)
    if not grade_cols:
        errors.add(name, f"no grade column (an element symbol such as Ag, Au_ppm, Cu_pct; "
                   f"header: {', '.join(header)})", 1)
    if any(idx[f] is None for f in ("hole", "from", "to")) or not grade_cols:
        return None

    holes_seen: dict[str, int] = {}
    hole_list: list[int] = []
    frm_list: list[Decimal] = []
    to_list: list[Decimal] = []
    lines: list[int] = []
    veins: list[str] = []
    liths: list[str] = []
    cells: dict[str, list[Decimal | None]] = {g.element: [] for g in grade_cols}
    bdl = Counter()
    missing = Counter()
    unknown_holes: dict[str, int] = {}
    hdr_from, hdr_to = header[idx["from"]], header[idx["to"]]
    for line, row in rows:
        hole = _cell(row, idx["hole"])
        ok = True
        if not hole:
            errors.add(name, f"column '{header[idx['hole']]}': empty hole id", line)
            ok = False
        elif collars and hole not in collars:
            unknown_holes.setdefault(hole, line)
            errors.add(name, f"hole {hole!r} is not in {collar_file}", line)
            ok = False
        f = _dec(name, line, hdr_from, _cell(row, idx["from"]), errors)
        t = _dec(name, line, hdr_to, _cell(row, idx["to"]), errors)
        if f is not None and t is not None:
            if f >= t:
                errors.add(name, f"from >= to: {hdr_from} {f} >= {hdr_to} {t}", line)
                ok = False
            if f < 0:
                errors.add(name, f"column '{hdr_from}': negative depth {f}", line)
                ok = False
        else:
            ok = False
        values = []
        for g in grade_cols:
            text = _cell(row, g.index)
            cell = read_cell(text, missing_codes)
            if cell.kind == "bad":
                errors.add(name, f"column '{g.header}': not a number: {text!r}", line)
                ok = False
                values.append(None)
            elif cell.kind == "missing":
                missing[g.element] += 1
                values.append(None)
            elif cell.kind == "bdl":
                limit = cell.value if cell.value is not None else detection_limits.get(g.element)
                if limit is None:
                    errors.add(name, f"column '{g.header}': below detection {text!r} without a "
                               f"limit: give --detection-limit {g.element}=VALUE", line)
                    ok = False
                    values.append(None)
                else:
                    bdl[g.element] += 1
                    values.append(substitute(limit, bdl_policy))
            else:
                values.append(cell.value)
        if not ok:
            continue
        hole_list.append(holes_seen.setdefault(hole, len(holes_seen)))
        frm_list.append(_to_metres(f, depth_unit))
        to_list.append(_to_metres(t, depth_unit))
        lines.append(line)
        veins.append(_cell(row, idx["vein"]))
        liths.append(_cell(row, idx["lithology"]))
        for g, v in zip(grade_cols, values, strict=True):
            if g.unit == "ppb" and v is not None:
                v = v.scaleb(-3)  # ppb -> g/t exactly
            cells[g.element].append(v)

    # scaled integers: depths share one scale, each element its own
    depth_decimals = max((_places(v) for v in frm_list + to_list), default=0)
    frm = _scaled(frm_list, depth_decimals)
    to = _scaled(to_list, depth_decimals)
    names = sorted(holes_seen, key=natural_key)
    rank = {holes_seen[h]: r for r, h in enumerate(names)}
    hole = np.array([rank[h] for h in hole_list], dtype=np.int64)
    order = np.lexsort((frm, hole)) if len(hole) else np.arange(0)
    hole, frm, to = hole[order], frm[order], to[order]
    line_arr = np.array(lines, dtype=np.int64)[order]

    grades: dict[str, GradeArray] = {}
    for g in grade_cols:
        vals = cells[g.element]
        present = np.array([v is not None for v in vals], dtype=bool)
        dec = max((_places(v) for v in vals if v is not None), default=0)
        arr = _scaled([v if v is not None else Decimal(0) for v in vals], dec)
        unit = "g/t" if g.unit == "ppb" else g.unit
        grades[g.element] = GradeArray(g.element, unit, g.header, dec, arr[order],
                                       present[order], bdl[g.element], missing[g.element])
        if bdl[g.element]:
            notes.append(Diagnostic(Location(name, 1, row=1, column=g.header), "below-detection",
                                    f"{bdl[g.element]} below-detection {g.element} values "
                                    f"replaced by the '{bdl_policy}' policy", "info"))
        if missing[g.element]:
            notes.append(Diagnostic(Location(name, 1, row=1, column=g.header), "missing-grade",
                                    f"{missing[g.element]} intervals without a {g.element} value: "
                                    "unsampled for that element, not zero", "warning"))

    # interval checks on the sorted table: overlaps, gaps, depth past the collar depth
    if len(frm) > 1:
        same = hole[1:] == hole[:-1]
        for i in np.nonzero(same & (frm[1:] < to[:-1]))[0]:
            errors.add(name, f"interval {_d(frm[i + 1], depth_decimals)}-"
                       f"{_d(to[i + 1], depth_decimals)} of hole {names[hole[i + 1]]!r} overlaps "
                       f"line {line_arr[i]} ({_d(frm[i], depth_decimals)}-"
                       f"{_d(to[i], depth_decimals)})", int(line_arr[i + 1]))
        for i in np.nonzero(same & (frm[1:] > to[:-1]))[0]:
            notes.append(Diagnostic(
                Location(name, int(line_arr[i + 1]), row=int(line_arr[i + 1])), "gap",
                f"hole {names[hole[i]]}: no assay from {_d(to[i], depth_decimals)} to "
                f"{_d(frm[i + 1], depth_decimals)} m: unsampled, not zero; intercepts do not "
                "cross it", "warning"))
    if collars:
        depth_lim = {}
        for h, c in collars.items():
            if c.depth is not None:
                depth_lim[h] = c.depth
        over = [i for i in _past_depth(hole, to, names, depth_lim, depth_decimals)]
        for i in over:
            errors.add(name, f"interval to {_d(to[i], depth_decimals)} m is past the depth of hole "
                       f"{names[hole[i]]!r} ({depth_lim[names[hole[i]]]} m in {collar_file})",
                       int(line_arr[i]))

    veins_arr = np.array(veins, dtype=object)[order] if idx["vein"] is not None else None
    liths_arr = np.array(liths, dtype=object)[order] if idx["lithology"] is not None else None
    return DrillData(names, collars, {}, hole, frm, to, depth_decimals, grades, line_arr, name,
                     veins_arr, liths_arr, notes, bdl_policy, depth_unit=depth_unit)


def _past_depth(hole: np.ndarray, to: np.ndarray, names: list[str],
                depth: dict[str, Decimal], decimals: int) -> list[int]:
    if not len(to):
        return []
    limit = np.full(len(names), np.iinfo(np.int64).max, dtype=np.int64)
    for r, h in enumerate(names):
        if h in depth:
            # to/10^d > depth  <=>  to > floor(depth * 10^d) for integer ``to``
            limit[r] = int(depth[h].scaleb(decimals).to_integral_value(rounding="ROUND_FLOOR"))
    return [int(i) for i in np.nonzero(to > limit[hole])[0]]


def _places(v: Decimal) -> int:
    exp = v.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _scaled(values: list[Decimal], decimals: int) -> np.ndarray:
    ints = [int(v.scaleb(decimals)) for v in values]
    if ints and max(abs(min(ints)), abs(max(ints))) >= INT64_SAFE:
        return np.array(ints, dtype=object)
    return np.array(ints, dtype=np.int64)


def _d(value: int, decimals: int) -> str:
    return str(Decimal(int(value)).scaleb(-decimals))

