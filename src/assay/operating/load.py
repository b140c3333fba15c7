"""Load a company folder: ``company.toml`` plus line items in CSV files or one workbook.

Every problem in the folder is collected in one pass and raised together as
``InputErrors`` (file, row and column for each), so a user fixes them all at once.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assay.errors import InputError, InputErrors
from assay.model import Entity, Fact, Location, Period, parse_number

from .company import Company, ExtraCost, PriceDeck, Segment, Unit, parse_period
from .schema import COMPANY_ITEMS, ITEMS, METALS, Item, price_unit

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
        out = []
        for (unit, period), row in self.cells.items():
            for item, value in row.items():
                spec = self.items[item]
                share = None
                if unit is not None:
                    share = self.company.unit(unit).share
                out.append(Fact(
                    id=self.input_fact_id(unit, period, item), value=value, unit=spec.unit,
                    label=spec.label, period=self.periods[period],
                    entity=Entity(self.company.name, unit, None, share), decimals=None,
                    concept=item, metal=spec.metal,
                    source=self.locations.get((unit, period, item)),
                ))
        return out


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
        with toml_path.open("rb") as fh:
            raw = tomllib.load(fh, parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        raise InputError(str(toml_path), f"not valid TOML: {e}") from None
    toml_lines = toml_path.read_text(encoding="utf-8").splitlines()
    company = _company(raw, str(toml_path), toml_lines, errors)
    company.path = str(root)
    items = dict(ITEMS)
    for extra in company.extra_costs:
        items[extra.column] = Item(extra.column, "USD", extra.label)
    data = OperatingData(company, {}, items=items)
    tables = sorted(root.glob("*.csv")) + sorted(root.glob("*.xlsx"))
    if not tables:
        errors.append(InputError(str(root), "no line items: expected *.csv files or a .xlsx"))
    for path in tables:
        rows = _xlsx_sheets(path, errors) if path.suffix == ".xlsx" else [_csv_rows(path, errors)]
        for name, table in rows:
            _read_table(name, table, data, errors)
    if errors:
        raise InputErrors(errors)
    return data


def _csv_rows(path: Path, errors: list[InputError]) -> tuple[str, list[list[str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return str(path), [row for row in csv.reader(fh)]
    except (UnicodeDecodeError, csv.Error) as e:
        errors.append(InputError(str(path), f"cannot read as UTF-8 CSV: {e}"))
        return str(path), []


def _xlsx_sheets(path: Path, errors: list[InputError]) -> list[tuple[str, list[list[str]]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a bad file
        errors.append(InputError(str(path), f"cannot read workbook: {e}"))
        return []
    out = []
    for ws in wb.worksheets:
        rows = [["" if c is None else str(c) for c in row]
                for row in ws.iter_rows(values_only=True)]
        out.append((f"{path}[{ws.title}]", rows))
    return out


def _read_table(name: str, rows: list[list[str]], data: OperatingData,
                errors: list[InputError]) -> None:
    if not rows:
        return
    header = [h.strip() for h in rows[0]]
    if "period" not in header:
        errors.append(InputError(name, "header: no 'period' column", 1))
        return
    has_unit = "unit" in header
    for col, h in enumerate(header):
        if h in ("unit", "period", "") or h.startswith("#"):
            continue
        if h not in data.items:
            errors.append(InputError(name, f"column {col + 1} '{h}': not a known line item", 1))
    for r, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        unit: str | None = None
        if has_unit:
            try:
                unit = data.company.unit(cells.get("unit", "")).name
            except KeyError:
                errors.append(InputError(
                    name, f"column 'unit': unknown unit {cells.get('unit', '')!r}", r))
                continue
        pkey_text = cells.get("period", "")
        period = parse_period(pkey_text)
        if period is None:
            errors.append(InputError(name, f"column 'period': not a period: {pkey_text!r}", r))
            continue
        data.periods.setdefault(period.key, period)
        target = data.cells.setdefault((unit, period.key), {})
        for h, text in cells.items():
            if h in ("unit", "period") or h not in data.items or not text:
                continue
            if unit is None and h not in COMPANY_ITEMS:
                errors.append(InputError(name, f"column '{h}': not a company-level item", r))
                continue
            parsed = parse_number(text)
            if parsed is None or parsed.percent:
                errors.append(InputError(name, f"column '{h}': not a number: {text!r}", r))
                continue
            if h in target:
                prev = data.locations[(unit, period.key, h)]
                errors.append(InputError(name, f"column '{h}': {unit or 'company'} "
                                               f"{period.key} already given at {prev}", r))
                continue
            target[h] = parsed.value
            data.locations[(unit, period.key, h)] = Location(name, r, row=r, column=h)


def _line_of(lines: list[str], needle: str) -> int:
    for i, line in enumerate(lines, start=1):
        if needle in line:
            return i
    return 1


def _company(raw: dict[str, Any], path: str, lines: list[str],
             errors: list[InputError]) -> Company:
    info = raw.get("company", {})
    name = str(info.get("name", "")) or "Company"
    segments = []
    for s in raw.get("segments", []):
        metal = str(s.get("primary_metal", ""))
        if metal not in METALS:
            errors.append(InputError(path, f"segment {s.get('name')!r}: unknown primary_metal "
                                           f"{metal!r}", _line_of(lines, str(s.get("name")))))
        segments.append(Segment(str(s.get("name", "")), metal, str(s.get("heading", ""))))
    seg_names = {s.name for s in segments}
    units = []
    for x in raw.get("units", []):
        uname = str(x.get("name", ""))
        line = _line_of(lines, f'"{uname}"')
        metal = str(x.get("primary_metal", ""))
        if metal not in METALS:
            errors.append(InputError(path, f"unit {uname!r}: unknown primary_metal {metal!r}",
                                     line))
        share = Decimal(str(x.get("share", 1)))
        if not 0 < share <= 1:
            errors.append(InputError(path, f"unit {uname!r}: share must be in (0, 1]: {share}",
                                     line))
        basis = str(x.get("cost_basis", "produced"))
        if basis not in ("produced", "sold"):
            errors.append(InputError(path, f"unit {uname!r}: cost_basis must be 'produced' "
                                           f"or 'sold', not {basis!r}", line))
        data_at = str(x.get("data_at", "100%"))
        if data_at not in ("100%", "attributable"):
            errors.append(InputError(path, f"unit {uname!r}: data_at must be '100%' or "
                                           f"'attributable', not {data_at!r}", line))
        segment = str(x.get("segment", ""))
        if segment not in seg_names:
            segments.append(Segment(segment, metal))
            seg_names.add(segment)
        units.append(Unit(uname, metal, segment, share, basis, data_at,
                          str(x.get("heading", "")),
                          str(x.get("ore_label", "Tons of ore milled")),
                          str(x.get("other_costs_label", "Reclamation and other costs")),
                          bool(x.get("itemised", True))))
    if not units:
        errors.append(InputError(path, "no [[units]]: a company needs at least one unit"))
    for seg in segments:
        metals = {x.primary_metal for x in units if x.segment == seg.name}
        if len(metals) > 1:
            errors.append(InputError(path, f"segment {seg.name!r}: units of different primary "
                                           f"metals {sorted(metals)}", _line_of(lines, seg.name)))
    prices = {}
    for key, deck in raw.get("prices", {}).items():
        line = _line_of(lines, f"[prices.{key}]") if f"[prices.{key}]" in "\n".join(lines) \
            else _line_of(lines, f'"{key}"')
        if parse_period(key) is None:
            errors.append(InputError(path, f"prices: not a period: {key!r}", line))
            continue
        values = {}
        for metal, v in deck.items():
            if metal == "basis":
                continue
            if metal not in METALS:
                errors.append(InputError(path, f"prices.{key}: unknown metal {metal!r}", line))
                continue
            values[metal] = Decimal(str(v))
        period_key = parse_period(key).key  # type: ignore[union-attr]
        prices[period_key] = PriceDeck(period_key, values, str(deck.get("basis", "")),
                                       Location(path, line))
        for metal in values:
            price_unit(metal)
    extras = [ExtraCost(str(e["column"]), str(e.get("label", e["column"])), str(e.get("note", "")))
              for e in raw.get("reconciliation", {}).get("extra_items", [])]
    standards = raw.get("standards", {})
    royalties_in = str(standards.get("royalties_in", "C1"))
    if royalties_in not in ("C1", "C3"):
        errors.append(InputError(path, f"standards.royalties_in must be 'C1' or 'C3', "
                                       f"not {royalties_in!r}", _line_of(lines, "royalties_in")))
    order = [str(v) for v in raw.get("report", {}).get("reconciliation_order", [])]
    return Company(name, units, segments, prices, extras, royalties_in, order)
