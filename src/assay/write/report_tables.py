"""The release's cost tables as data: rows of derived facts over the release's columns.

Built once from derived facts and written by ``report_text`` (the filing's fixed-width
layout), ``report_md``, ``report_xlsx`` and ``report_json``. A row keeps each cell's
fact id, so every printed figure can be explained.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assay.model import Period, round_to
from assay.standards import Derived

_ORDINAL = {1: "First", 2: "Second", 3: "Third", 4: "Fourth"}
_MONTHS = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}


@dataclass(slots=True)
class ReportRow:
    """One printed row. ``kind``: value, heading, blank, rule ('-') or total_rule ('=')."""

    label: str
    kind: str = "value"
    values: list[Decimal | None] = field(default_factory=list)
    fact_ids: list[str | None] = field(default_factory=list)
    decimals: int = 0
    scale: int = 0  # 3: printed in thousands
    dollar: bool = False
    nil_dash: bool = False
    unit: str = ""

    def printed(self, i: int) -> Decimal | None:
        """The value as printed: in the row's scale, rounded half away from zero."""
        v = self.values[i]
        if v is None:
            return None
        return round_to(v.scaleb(-self.scale), self.decimals)


@dataclass(slots=True)
class ReportTable:
    company: str
    title: str
    scale_note: str
    stub: str
    periods: list[Period]
    rows: list[ReportRow] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def group_headers(self) -> list[tuple[str, int]]:
        groups: list[tuple[str, int]] = []
        for p in self.periods:
            text = period_group(p, not self.title.startswith("Reconciliation"))
            if groups and groups[-1][0] == text:
                groups[-1] = (text, groups[-1][1] + 1)
            else:
                groups.append((text, 1))
        return groups


def period_group(p: Period, quarter_words: bool = True) -> str:
    months = p.months or 0
    if months == 3 and quarter_words:
        return f"{_ORDINAL[(p.end.month - 1) // 3 + 1]} Quarter Ended"
    return f"{_MONTHS.get(months, str(months))} Months Ended"


def date_header(d: date) -> str:
    return f"{d.strftime('%B')} {d.day},"


def report_periods(derived: Derived, key: str) -> list[Period]:
    """The release's columns for quarter ``key``: it, a year earlier, and both years to date."""
    periods = {n.period.key: n.period for n in derived.nodes}
    if key not in periods:
        from assay.errors import InputError

        raise InputError(derived.data.company.path,
                         f"period {key!r} not in the data (have {', '.join(sorted(periods))})")
    p = periods[key]
    out = [p]
    prior_key = f"{p.end.year - 1}{key[4:]}"
    if prior_key in periods:
        out.append(periods[prior_key])
    if p.months == 3 and p.end.month > 3:
        for year in (p.end.year, p.end.year - 1):
            ytd = Period.months_ended(p.end.month, date(year, p.end.month, p.end.day))
            if ytd.key in periods:
                out.append(periods[ytd.key])
    return out


def _row(derived: Derived, entity: str, periods: list[Period], metric: str, label: str,
         decimals: int, scale: int = 0, dollar: bool = False, nil_dash: bool = False,
         unit: str = "") -> ReportRow:
    facts = [derived.get(entity, p.key, metric) for p in periods]
    return ReportRow(label, "value", [f.value if f else None for f in facts],
                     [f.id if f else None for f in facts], decimals, scale, dollar, nil_dash,
                     unit or next((f.unit for f in facts if f), ""))


def _any(derived: Derived, entity: str, periods: list[Period], metric: str) -> bool:
    return any(derived.value(entity, p.key, metric) for p in periods)


def _per_oz_decimals(metal: str) -> int:
    return 0 if metal == "gold" else 2


_GRADE_DECIMALS = {"silver": 2, "gold": 3}
_METAL_ORDER = ("silver", "gold", "lead", "zinc", "copper")


def production_data(derived: Derived, periods: list[Period]) -> ReportTable:
    company = derived.data.company
    t = ReportTable(company.name, "Production Data", "", "", periods)
    for unit in company.units:
        if not unit.itemised:
            continue
        name, metal = unit.name, unit.primary_metal
        t.rows.append(ReportRow(unit.heading or f"{unit.name.upper()} UNIT", "heading"))
        t.rows.append(ReportRow("", "blank"))
        t.rows.append(_row(derived, name, periods, "ore_milled", unit.ore_label, 0))
        t.rows.append(_row(derived, name, periods, "mining_cost_per_ton", "Mining cost per ton",
                           2, dollar=True))
        t.rows.append(_row(derived, name, periods, "milling_cost_per_ton",
                           "Milling cost per ton", 2, dollar=True))
        for m in _METAL_ORDER:
            if any(derived.value(name, p.key, f"{m}_grade") is not None for p in periods):
                t.rows.append(_row(derived, name, periods, f"{m}_grade",
                                   f"Ore grade milled - {m.title()} (oz./ton)",
                                   _GRADE_DECIMALS.get(m, 2)))
        others = []
        for m in _METAL_ORDER:
            if _any(derived, name, periods, f"{m}_produced"):
                qty = "oz." if m in ("silver", "gold") else "tons"
                t.rows.append(_row(derived, name, periods, f"{m}_produced",
                                   f"{m.title()} produced ({qty})", 0))
                if m != metal:
                    others.append(m)
        note = " (1)" if others else ""
        t.rows.append(ReportRow(f"Average cost per ounce of {metal} produced{note}:",
                                "heading"))
        d = _per_oz_decimals(metal)
        for metric, label in (("cash_operating_cost_per_oz", "  Cash operating costs"),
                              ("total_cash_cost_per_oz", "  Total cash costs (2)"),
                              ("total_production_cost_per_oz", "  Total production costs")):
            t.rows.append(_row(derived, name, periods, metric, label, d, dollar=True))
        t.rows.append(_row(derived, name, periods, "capital_additions",
                           "Capital additions (in thousands)", 0, 3, dollar=True))
        t.rows.append(ReportRow("", "blank"))
    credited = sorted({m for u in company.units for m in _METAL_ORDER
                       if m != u.primary_metal and u.itemised
                       and _any(derived, u.name, periods, f"{m}_produced")},
                      key=_METAL_ORDER.index)
    if credited:
        metals = ", ".join(m.title() for m in credited[:-1])
        metals = f"{metals} and {credited[-1]}" if metals else credited[-1].title()
        t.footnotes.append(f"(1) {metals.capitalize()} produced have been treated as "
                           "by-product credits in calculating costs per ounce of the primary "
                           "metal.")
    t.footnotes.append("(2) Total cash costs per ounce represent non-U.S. Generally Accepted "
                       "Accounting Principles (GAAP) measurements; see the reconciliation "
                       "of cash costs per ounce to GAAP.")
    return t


def highlights(derived: Derived, periods: list[Period]) -> ReportTable:
    company = derived.data.company
    cname = company.name
    t = ReportTable(cname, "Highlights", "", "HIGHLIGHTS", periods)
    t.rows.append(ReportRow("PRODUCTION SUMMARY - TOTALS", "heading"))
    t.rows.append(ReportRow("", "blank"))
    for m in _METAL_ORDER:
        if _any(derived, cname, periods, f"{m}_produced"):
            qty = "Ounces" if m in ("silver", "gold") else "Tons"
            t.rows.append(_row(derived, cname, periods, f"{m}_produced", f"{m.title()} - {qty}",
                               0))
    for seg in company.segments:
        if not any(u.itemised for u in company.units_of(seg.name)):
            continue
        d = _per_oz_decimals(seg.primary_metal)
        t.rows.append(ReportRow(f"Average cost per ounce of {seg.primary_metal} produced:",
                                "heading"))
        for metric, label in (("cash_operating_cost_per_oz", "  Cash operating costs ($/oz.)"),
                              ("total_cash_cost_per_oz", "  Total cash costs ($/oz.)"),
                              ("total_production_cost_per_oz",
                               "  Total production costs ($/oz.)")):
            t.rows.append(_row(derived, seg.name, periods, metric, label, d))
    decks = [company.prices.get(p.key) for p in periods]
    metals = [m for m in _METAL_ORDER if any(d and m in d.prices for d in decks)]
    if metals:
        t.rows.append(ReportRow("", "blank"))
        t.rows.append(ReportRow("AVERAGE METAL PRICES", "heading"))
        t.rows.append(ReportRow("", "blank"))
        for m in metals:
            unit = "oz." if m in ("silver", "gold") else "pound"
            ids = [f"price|{p.key}|{m}" if d and m in d.prices else None
                   for p, d in zip(periods, decks, strict=True)]
            t.rows.append(ReportRow(
                f"{m.title()} ($/{unit})", "value",
                [d.prices[m] if d and m in d.prices else None for d in decks], ids,
                0 if m == "gold" else 2, unit=f"USD/{'oz' if unit == 'oz.' else 'lb'}"))
    return t


def reconciliation(derived: Derived, periods: list[Period]) -> ReportTable:
    company = derived.data.company
    t = ReportTable(company.name, "Reconciliation of Cash Costs per Ounce to Generally "
                    "Accepted Accounting Principles (GAAP)(1)",
                    "(dollars and ounces in thousands, except per ounce - unaudited)", "",
                    periods)
    order = company.reconciliation_order or [
        n for s in company.segments
        for n in [s.name] + [u.name for u in company.units_of(s.name) if u.itemised]]
    for name in order:
        try:
            seg = company.segment(name)
            entity, metal, heading = seg.name, seg.primary_metal, seg.heading or seg.name.upper()
            other_label = "Reclamation, severance and other costs"
        except KeyError:
            unit = company.unit(name)
            entity, metal = unit.name, unit.primary_metal
            heading = unit.heading or f"{unit.name.upper()} UNIT"
            other_label = unit.other_costs_label
        d = _per_oz_decimals(metal)
        t.rows.append(ReportRow(heading, "heading"))
        t.rows.append(ReportRow("", "blank"))
        t.rows.append(_row(derived, entity, periods, "total_cash_cost", "Total cash costs", 0, 3,
                           dollar=True))
        t.rows.append(_row(derived, entity, periods, "basis_oz",
                           f"Divided by {metal} ounces produced", 0, 3))
        t.rows.append(ReportRow("", "rule"))
        t.rows.append(_row(derived, entity, periods, "total_cash_cost_per_oz",
                           "   Total cash cost per ounce produced", d, dollar=True))
        t.rows.append(ReportRow("", "total_rule"))
        t.rows.append(ReportRow("Reconciliation to GAAP:", "heading"))
        _gaap_rows(t, derived, entity, periods, "   ", other_label)
        t.rows.append(ReportRow("", "blank"))
    t.rows.append(ReportRow("RECONCILIATION TO GAAP, ALL OPERATIONS", "heading"))
    t.rows.append(ReportRow("", "blank"))
    _gaap_rows(t, derived, company.name, periods, "", "Reclamation and other costs")
    t.footnotes.append("(1) Cash costs per ounce represent non-U.S. generally accepted "
                       "accounting principles (GAAP) measurements, computed by assay from the "
                       "company's operating data under the Gold Institute Production Cost "
                       "Standard.")
    t.footnotes.extend(e.note for e in company.extra_costs if e.note)
    return t


def _gaap_rows(t: ReportTable, derived: Derived, entity: str, periods: list[Period],
               indent: str, other_label: str) -> None:
    rows = [("total_cash_cost", "Total cash costs", True),
            ("recon_dda", "Depreciation, depletion and amortization", False),
            ("recon_treatment_freight", "Treatment and freight costs", False),
            ("byproduct_credits", "By-product credits", False),
            ("recon_inventory_change", "Change in product inventory", False)]
    rows += [(e.column, e.label, False) for e in derived.data.company.extra_costs
             if _any(derived, entity, periods, e.column)]
    rows.append(("recon_other", other_label, False))
    for metric, label, dollar in rows:
        t.rows.append(_row(derived, entity, periods, metric, indent + label, 0, 3, dollar=dollar,
                           nil_dash=True))
    t.rows.append(ReportRow("", "rule"))
    t.rows.append(_row(derived, entity, periods, "gaap_cost",
                       indent + "Costs of sales and other direct production costs and "
                       "depreciation, depletion and amortization (GAAP)", 0, 3, dollar=True))
    t.rows.append(ReportRow("", "total_rule"))


def report_tables(derived: Derived, period: str) -> list[ReportTable]:
    periods = report_periods(derived, period)
    return [highlights(derived, periods), production_data(derived, periods),
            reconciliation(derived, periods)]
