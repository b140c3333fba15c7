"""Load a company folder: ``company.toml`` plus line items in CSV files or one workbook.

Every problem in the folder is collected in one pass and raised together as
``InputErrors`` (file, row and column for each), so a user fixes them all at once.
"""

from __future__ import annotations

import csv
import io
import math
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assay.errors import InputError, InputErrors
from assay.model import (
    SIGNIFICANT_DIGITS,
    Entity,
    Fact,
    Location,
    Period,
    parse_number,
    too_precise,
)

from .company import (
    CORPORATE,
    Company,
    ExtraCost,
    PriceDeck,
    Segment,
    Terms,
    Unit,
    parse_period,
)
from .schema import CASH_COST_ITEMS, COMPANY_ITEMS, ITEMS, METALS, Item

Key = tuple[str | None, str]  # (unit name or None for the company, period key)


@dataclass(slots=True)
class OperatingData:
    """The loaded folder: the company, its periods and the cells of every line item."""

    company: Company
    periods: dict[str, Period]
    cells: dict[Key, dict[str, Decimal]] = field(default_factory=dict)
    locations: dict[tuple[str | None, str, str], Location] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)

    def value(self, unit: str | None, period: str, item: str) -> Decimal:
        return self.cells.get((unit, period), {}).get(item, Decimal(0))

    def given(self, unit: str | None, period: str, item: str) -> bool:
        return item in self.cells.get((unit, period), {})

    def input_fact_id(self, unit: str | None, period: str, item: str) -> str:
        return f"in:{unit or self.company.name}:{period}:{item}"

    def input_facts(self) -> list[Fact]:
        """One fact per given cell, with its file, row and column."""
        return [self.input_fact(unit, period, item)
                for (unit, period), row in self.cells.items() for item in row]

    def input_fact(self, unit: str | None, period: str, item: str) -> Fact:
        """The fact of one given cell, with its file, row and column."""
        spec = self.items[item]
        share = self.company.unit(unit).share if unit is not None else None
        return Fact(
            id=self.input_fact_id(unit, period, item), value=self.cells[(unit, period)][item],
            unit=spec.unit, label=spec.label, period=self.periods[period],
            entity=Entity(self.company.name, unit, None, share), decimals=None,
            concept=item, metal=spec.metal, source=self.locations.get((unit, period, item)))


def load_company(folder: str | Path) -> OperatingData:
    """Read ``folder``; raise ``InputErrors`` listing every problem found."""
    root = Path(folder)
    errors: list[InputError] = []
    toml_path = root / "company.toml"
    if not root.is_dir():
        raise InputError(str(root), "not a folder (a company folder holds company.toml)")
    if not toml_path.is_file():
        raise InputError(str(toml_path), "missing: a company folder needs company.toml")
    try:
        text = toml_path.read_bytes().decode("utf-8")
        raw = tomllib.loads(text, parse_float=Decimal)
    except UnicodeDecodeError as e:
        line = toml_path.read_bytes()[:e.start].count(b"\n") + 1
        raise InputError(str(toml_path), f"not UTF-8: byte 0x{e.object[e.start]:02x}",
                         line) from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(str(toml_path), f"not valid TOML: {e}") from None
    except OSError as e:
        raise InputError(str(toml_path), f"cannot read: {e.strerror}") from None
    company = _company(raw, str(toml_path), text.splitlines(), errors)
    company.path = str(root)
    items = dict(ITEMS)
    for extra in company.extra_costs:
        items[extra.column] = Item(extra.column, "USD", extra.label)
    data = OperatingData(company, {}, items=items)
    refused: set[tuple[str | None, str, str]] = set()  # cells given but in error
    tables = sorted(root.glob("*.csv")) + sorted(root.glob("*.xlsx"))
    if not tables:
        errors.append(InputError(str(root), "no line items: expected *.csv files or a .xlsx"))
    for path in tables:
        if not path.is_file():
            errors.append(InputError(str(path), "not a file: line items are *.csv or *.xlsx "
                                                "files"))
            continue
        sheets = _xlsx_sheets(path, errors) if path.suffix == ".xlsx" else _csv_rows(path,
                                                                                   errors)
        for name, table in sheets:
            _read_table(name, table, data, errors, refused)
    _check_divisors(data, errors, refused)
    if errors:
        raise InputErrors(sorted(errors, key=_error_order))
    return data


def _error_order(e: InputError) -> tuple[str, int]:
    return (e.path, e.line or 0)


def _check_divisors(data: OperatingData, errors: list[InputError],
                    refused: set[tuple[str | None, str, str]]) -> None:
    """Each unit-period with cash costs (of a unit shown on its own) needs the ounces its
    cost per ounce divides by:
    a column the folder lacks, a cell left empty, or zero ounces are errors, placed at
    the first cost cell of that unit and period (or at the ounces' own cell)."""
    columns = {item for row in data.cells.values() for item in row}
    for (unit, period), row in data.cells.items():
        if unit is None:
            continue
        costs = [i for i in CASH_COST_ITEMS if i in row]
        if not costs:
            continue
        spec = data.company.unit(unit)
        if not spec.itemised or spec.primary_metal not in METALS:  # (the latter is an error
            continue  # of company.toml already)
        divisor = f"{spec.primary_metal}_{spec.cost_basis}"
        where = data.locations[(unit, period, costs[0])]
        if divisor not in columns:
            errors.append(InputError(where.file, f"unit {unit!r} {period}: no column "
                                     f"'{divisor}' in the folder, and its cost per ounce "
                                     f"divides by it", where.line))
        elif divisor not in row:
            if (unit, period, divisor) not in refused:  # else its own error says why
                errors.append(InputError(where.file, f"unit {unit!r} {period}: '{divisor}' "
                                         f"is not given, and its cost per ounce divides by "
                                         f"it", where.line))
        elif row[divisor] == 0 and any(row[i] != 0 for i in costs):
            at = data.locations[(unit, period, divisor)]
            errors.append(InputError(at.file, f"column '{divisor}': zero, but {unit} has "
                                     f"costs in {period}: its cost per ounce would divide "
                                     f"by zero", at.line))


Cell = str | Decimal | None  # text to parse; a workbook's number, exact; None: empty


def _csv_rows(path: Path, errors: list[InputError]) -> list[tuple[str, list[list[Cell]]]]:
    try:
        text = _csv_text(path.read_bytes(), str(path))
        rows: list[list[Cell]] = [list(row) for row in csv.reader(io.StringIO(text, newline=""),
                                                                 strict=True)]
    except InputError as e:
        errors.append(e)
        return []
    except csv.Error as e:
        errors.append(InputError(str(path), f"not a CSV file: {e}"))
        return []
    except OSError as e:
        errors.append(InputError(str(path), f"cannot read: {e.strerror}"))
        return []
    if not any(any(_text(c) for c in row) for row in rows[1:]):
        what = "no header and no rows" if not rows else "a header but no rows"
        errors.append(InputError(str(path), f"empty: {what} (remove the file or fill it)"))
        return []
    return [(str(path), rows)]


def _csv_text(data: bytes, path: str) -> str:
    """UTF-8 (with or without a byte-order mark), or Windows-1252 as Excel saves CSV: a
    file with no UTF-8 sequence in it. InputError names the line of a byte that is
    neither (a UTF-8 file with a stray byte, or a byte Windows-1252 does not define)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
    if data.decode("utf-8", errors="replace").replace("\ufffd", "").isascii():
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as e:
            line = data[:e.start].count(b"\n") + 1
            raise InputError(path, f"byte 0x{data[e.start]:02x} is neither UTF-8 nor "
                                   f"Windows-1252", line) from None
    line = data[:first_bad].count(b"\n") + 1
    raise InputError(path, f"not UTF-8: byte 0x{data[first_bad]:02x} (save the file as "
                           f"UTF-8 or Windows-1252 CSV)", line)


def _xlsx_sheets(path: Path, errors: list[InputError]) -> list[tuple[str, list[list[Cell]]]]:
    """Each sheet's rows, numbers as exact Decimals: ints as they are, floats through their
    shortest repr (``0.1`` is ``Decimal('0.1')``, not the binary double's 55 digits).
    A formula cell has no value unless the workbook was saved with one (by Excel or
    LibreOffice): such cells are errors, not zeros."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a bad file
        errors.append(InputError(str(path), f"cannot read workbook: {e}"))
        return []
    out = []
    for ws, wf in zip(wb.worksheets, formulas.worksheets, strict=True):
        name = f"{path}[{ws.title}]"
        rows: list[list[Cell]] = []
        for r, (vals, forms) in enumerate(zip(ws.iter_rows(values_only=True),
                                              wf.iter_rows(values_only=True), strict=False),
                                          start=1):
            row: list[Cell] = []
            for c, (v, f) in enumerate(zip(vals, forms, strict=False), start=1):
                if v is None and isinstance(f, str) and f.startswith("="):
                    errors.append(InputError(name, f"column {c}: formula {f} has no saved "
                                                   "value (recalculate and save the workbook "
                                                   "in a spreadsheet program)", r))
                row.append(_workbook_cell(v))
            rows.append(row)
        while rows and not any(_text(c) for c in rows[-1]):
            rows.pop()
        if rows:
            out.append((name, rows))
    wb.close()
    formulas.close()
    if not out:
        errors.append(InputError(str(path), "empty: no sheet holds any rows"))
    return out


def _workbook_cell(v: object) -> Cell:
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v)) if math.isfinite(v) else repr(v)
    return str(v)


def _text(c: Cell) -> str:
    return "" if c is None else c.strip() if isinstance(c, str) else str(c)


def _read_table(name: str, rows: list[list[Cell]], data: OperatingData,
                errors: list[InputError], refused: set[tuple[str | None, str, str]]) -> None:
    workbook = name.endswith("]")
    header = [_text(h) for h in rows[0]]
    if workbook:  # a sheet's rows are as wide as its widest: trailing blanks mean nothing
        while header and not header[-1]:
            header.pop()
    if "period" not in header:
        errors.append(InputError(name, "header: no 'period' column", 1))
        return
    has_unit = "unit" in header
    seen: dict[str, int] = {}
    for col, h in enumerate(header, start=1):
        if not h or h.startswith("#"):
            continue
        if h in seen:
            errors.append(InputError(name, f"duplicate column '{h}' (columns {seen[h]} and "
                                           f"{col})", 1))
            continue
        seen[h] = col
        if h not in ("unit", "period") and h not in data.items:
            errors.append(InputError(name, f"column {col} '{h}': not a known line item", 1))
    for r, raw_row in enumerate(rows[1:], start=2):
        row = list(raw_row)
        if not any(_text(c) for c in row):
            continue
        if workbook:
            while len(row) > len(header) and not _text(row[-1]):
                row.pop()
        if len(row) != len(header) and not (workbook and len(row) < len(header)):
            errors.append(InputError(name, f"{len(row)} cells, header has {len(header)}", r))
            continue
        cells: dict[str, Cell] = {}
        for col, (h, c) in enumerate(zip(header, row, strict=False), start=1):
            if not h and _text(c):
                errors.append(InputError(name, f"column {col}: {_text(c)!r} under no header", r))
            elif h and h in seen and seen[h] == col:
                cells[h] = c
        unit: str | None = None
        if has_unit:
            try:
                unit = data.company.unit(_text(cells.get("unit"))).name
            except KeyError:
                errors.append(InputError(
                    name, f"column 'unit': unknown unit {_text(cells.get('unit'))!r}", r))
                continue
        pkey_text = _text(cells.get("period"))
        period = parse_period(pkey_text)
        if period is None:
            errors.append(InputError(name, f"column 'period': not a period: {pkey_text!r}", r))
            continue
        data.periods.setdefault(period.key, period)
        target = data.cells.setdefault((unit, period.key), {})
        for h, cell in cells.items():
            text = _text(cell)
            if h in ("unit", "period") or h not in data.items or not text:
                continue
            if unit is None and h not in COMPANY_ITEMS:
                errors.append(InputError(name, f"column '{h}': not a company-level item", r))
                continue
            if isinstance(cell, Decimal):
                value = cell
            else:
                parsed = parse_number(text)
                if parsed is None or parsed.percent:
                    errors.append(InputError(name, f"column '{h}': not a number: {text!r}", r))
                    refused.add((unit, period.key, h))
                    continue
                value = parsed.value
            if too_precise(value):
                errors.append(InputError(name, f"column '{h}': {text} has "
                                               f"{len(value.as_tuple().digits)} significant "
                                               f"digits; assay computes with "
                                               f"{SIGNIFICANT_DIGITS}", r))
                refused.add((unit, period.key, h))
                continue
            if value < 0 and data.items[h].physical:
                errors.append(InputError(name, f"column '{h}': negative: {text} (a quantity "
                                               f"of ore or metal, or a grade, is never below "
                                               f"zero)", r))
                refused.add((unit, period.key, h))
                continue
            if h in target:
                prev = data.locations[(unit, period.key, h)]
                errors.append(InputError(name, f"column '{h}': {unit or 'company'} "
                                               f"{period.key} already given at {prev}", r))
                continue
            target[h] = value
            data.locations[(unit, period.key, h)] = Location(name, r, row=r, column=h)


def _line_of(lines: list[str], needle: str) -> int:
    for i, line in enumerate(lines, start=1):
        if needle in line:
            return i
    return 1


class _Toml:
    """Typed access to company.toml values: a wrong type is an error, never a traceback."""

    def __init__(self, path: str, lines: list[str], errors: list[InputError]) -> None:
        self.path, self.lines, self.errors = path, lines, errors

    def error(self, problem: str, needle: str | None = None) -> None:
        self.errors.append(InputError(self.path, problem,
                                      _line_of(self.lines, needle) if needle else None))

    def table(self, raw: dict[str, Any], key: str, needle: str | None = None) -> dict[str, Any]:
        v = raw.get(key, {})
        if isinstance(v, dict):
            return v
        self.error(f"{key} must be a table, not {type(v).__name__} {v!r}",
                   needle or key)
        return {}

    def tables(self, raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
        v = raw.get(key, [])
        if isinstance(v, list) and all(isinstance(x, dict) for x in v):
            return v
        self.error(f"{key} must be an array of tables, not {v!r}", key)
        return []

    def text(self, raw: dict[str, Any], key: str, default: str, what: str,
             needle: str | None = None) -> str:
        v = raw.get(key, default)
        if isinstance(v, str):
            return v
        self.error(f"{what}: {key} must be a string, not {v!r}", needle or key)
        return default

    def number(self, v: object, what: str, needle: str | None = None) -> Decimal | None:
        if isinstance(v, Decimal | int) and not isinstance(v, bool) and Decimal(v).is_finite():
            return Decimal(v)
        self.error(f"{what} must be a number, not {v!r}", needle)
        return None


def _company(raw: dict[str, Any], path: str, lines: list[str],
             errors: list[InputError]) -> Company:
    toml = _Toml(path, lines, errors)
    info = toml.table(raw, "company")
    name = toml.text(info, "name", "", "company") or "Company"
    segments = []
    for s in toml.tables(raw, "segments"):
        sname = toml.text(s, "name", "", "segment")
        metal = toml.text(s, "primary_metal", "", f"segment {sname!r}", sname)
        if metal not in METALS:
            toml.error(f"segment {sname!r}: unknown primary_metal {metal!r}", sname)
        segments.append(Segment(sname, metal, toml.text(s, "heading", "", f"segment {sname!r}",
                                                        sname)))
    seg_names = {s.name for s in segments}
    units = []
    for x in toml.tables(raw, "units"):
        uname = toml.text(x, "name", "", "unit")
        needle = f'"{uname}"'
        what = f"unit {uname!r}"

        def text(key: str, default: str, x: dict[str, Any] = x, what: str = what,
                 needle: str = needle) -> str:
            return toml.text(x, key, default, what, needle)

        metal = text("primary_metal", "")
        if metal not in METALS:
            toml.error(f"{what}: unknown primary_metal {metal!r}", needle)
        share = toml.number(x.get("share", 1), f"{what}: share", needle)
        if share is not None and not 0 < share <= 1:
            toml.error(f"{what}: share must be in (0, 1]: {share}", needle)
        basis = text("cost_basis", "produced")
        if basis not in ("produced", "sold"):
            toml.error(f"{what}: cost_basis must be 'produced' or 'sold', not {basis!r}", needle)
        data_at = text("data_at", "100%")
        if data_at not in ("100%", "attributable"):
            toml.error(f"{what}: data_at must be '100%' or 'attributable', not {data_at!r}",
                       needle)
        segment = text("segment", "")
        if segment not in seg_names:
            segments.append(Segment(segment, metal))
            seg_names.add(segment)
        itemised = x.get("itemised", True)
        if not isinstance(itemised, bool):
            toml.error(f"{what}: itemised must be true or false, not {itemised!r}", needle)
            itemised = True
        units.append(Unit(uname, metal, segment, share if share is not None else Decimal(1),
                          basis, data_at, text("heading", ""),
                          text("ore_label", "Tons of ore milled"),
                          text("other_costs_label", "Reclamation and other costs"), itemised))
    if not units:
        toml.error("no [[units]]: a company needs at least one unit")
    _check_names(toml, name, units, segments)
    for seg in segments:
        metals = {x.primary_metal for x in units if x.segment == seg.name}
        if len(metals) > 1:
            toml.error(f"segment {seg.name!r}: units of different primary metals "
                       f"{sorted(metals)}", seg.name)
        bases = {x.cost_basis for x in units if x.segment == seg.name}
        if len(bases) > 1:
            toml.error(f"segment {seg.name!r}: units on different cost bases {sorted(bases)}: "
                       "a segment's cost per ounce needs one basis", seg.name)
    prices = {}
    for key, deck in toml.table(raw, "prices").items():
        needle = f"[prices.{key}]" if f"[prices.{key}]" in "\n".join(lines) else f'"{key}"'
        period = parse_period(key)
        if period is None:
            toml.error(f"prices: not a period: {key!r}", needle)
            continue
        if not isinstance(deck, dict):
            toml.error(f"prices.{key} must be a table of prices, not {deck!r}", needle)
            continue
        values = {}
        for metal, v in deck.items():
            if metal == "basis":
                continue
            if metal not in METALS:
                toml.error(f"prices.{key}: unknown metal {metal!r}", needle)
                continue
            price = toml.number(v, f"prices.{key}.{metal}", needle)
            if price is not None:
                values[metal] = price
        basis = toml.text(deck, "basis", "", f"prices.{key}", needle)
        prices[period.key] = PriceDeck(period.key, values, basis,
                                       Location(path, _line_of(lines, needle)))
    extras = []
    for e in toml.tables(toml.table(raw, "reconciliation"), "extra_items"):
        column = toml.text(e, "column", "", "reconciliation.extra_items", "extra_items")
        if not column:
            toml.error("reconciliation.extra_items: an item needs a column (the CSV column "
                       "that holds it)", "extra_items")
            continue
        if column in ITEMS:
            toml.error(f"reconciliation.extra_items: column {column!r} is already a line item",
                       column)
            continue
        extras.append(ExtraCost(column, toml.text(e, "label", column, column, column),
                                toml.text(e, "note", "", column, column)))
    standards = toml.table(raw, "standards")
    royalties_in = toml.text(standards, "royalties_in", "C1", "standards")
    if royalties_in not in ("C1", "C3"):
        toml.error(f"standards.royalties_in must be 'C1' or 'C3', not {royalties_in!r}",
                   "royalties_in")
    order_raw = toml.table(raw, "report").get("reconciliation_order", [])
    order: list[str] = []
    known = {x.name.lower() for x in units} | {s.name.lower() for s in segments}
    if not isinstance(order_raw, list):
        toml.error("report.reconciliation_order must be a list of unit and segment names",
                   "reconciliation_order")
        order_raw = []
    for v in order_raw:
        if not isinstance(v, str) or v.lower() not in known:
            toml.error(f"report.reconciliation_order: {v!r} names no unit or segment",
                       "reconciliation_order")
        else:
            order.append(v)
    return Company(name, units, segments, prices, extras, royalties_in, order,
                   terms=_terms(toml, raw))


def _terms(toml: _Toml, raw: dict[str, Any]) -> Terms:
    """``[terms]``: ``payable = { lead = 0.95, zinc = 0.85 }`` (fractions in [0, 1]),
    ``royalty_rate = 0.03`` (a net smelter return royalty on payable revenue, in [0, 1))
    ``tax_rate = 0.35`` (in [0, 1)) and a smelter's price participation,
    ``participation = { lead = { share = 0.15, basis = 0.80 } }`` (the share of the price
    above the basis price the smelter keeps)."""
    terms = toml.table(raw, "terms", "[terms]")
    payable: dict[str, Decimal] = {}
    stated: set[str] = set()
    for metal, v in toml.table(terms, "payable", "payable").items():
        if metal not in METALS:
            toml.error(f"terms.payable: unknown metal {metal!r}", "payable")
            continue
        x = toml.number(v, f"terms.payable.{metal}", "payable")
        if x is not None and not 0 <= x <= 1:
            toml.error(f"terms.payable.{metal} must be a fraction in [0, 1], not {x} (the "
                       f"share of the metal produced that is paid for)", "payable")
        elif x is not None:
            payable[metal] = x
            stated.add(f"payable.{metal}")
    rates = {}
    for name in ("tax_rate", "royalty_rate"):
        rates[name] = Decimal(0)
        if name in terms:
            x = toml.number(terms[name], f"terms.{name}", name)
            if x is not None and not 0 <= x < 1:
                toml.error(f"terms.{name} must be a fraction in [0, 1), not {x}", name)
            elif x is not None:
                rates[name] = x
                stated.add(name)
    participation: dict[str, tuple[Decimal, Decimal]] = {}
    for metal, v in toml.table(terms, "participation", "participation").items():
        if metal not in METALS or not isinstance(v, dict):
            toml.error(f"terms.participation.{metal}: give a metal and {{ share = ..., basis "
                       "= ... }}", "participation")
            continue
        share = toml.number(v.get("share"), f"terms.participation.{metal}.share",
                            "participation")
        basis = toml.number(v.get("basis"), f"terms.participation.{metal}.basis",
                            "participation")
        if share is not None and not 0 <= share <= 1:
            toml.error(f"terms.participation.{metal}.share must be a fraction in [0, 1], "
                       f"not {share}", "participation")
        elif basis is not None and basis < 0:
            toml.error(f"terms.participation.{metal}.basis must be a price, not {basis}",
                       "participation")
        elif share is not None and basis is not None:
            participation[metal] = (share, basis)
            stated.add(f"participation.{metal}")
    return Terms(payable, tax_rate=rates["tax_rate"], royalty_rate=rates["royalty_rate"],
                 stated=frozenset(stated), participation=participation)


def _check_names(toml: _Toml, company: str, units: list[Unit], segments: list[Segment]) -> None:
    """Units, segments, the company and "Corporate" are nodes of one namespace: a name
    used twice would merge two sets of figures."""
    owner: dict[str, str] = {company.lower(): "the company", CORPORATE.lower(): "reserved"}
    for seg in segments:
        key = seg.name.lower()
        if key in owner:
            toml.error(f"segment {seg.name!r}: name already used ({owner[key]})", seg.name)
        owner.setdefault(key, "a segment")
    for x in units:
        key = x.name.lower()
        if not x.name:
            toml.error("a unit needs a name", "[[units]]")
        elif key in owner:
            toml.error(f"unit {x.name!r}: name already used ({owner[key]}); names are "
                       "compared without case", f'"{x.name}"')
        owner.setdefault(key, "a unit")
