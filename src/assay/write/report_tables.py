"""The release's cost tables as data: rows of derived facts over the release's columns.

Built once from derived facts and written by ``report_text`` (the filing's fixed-width
layout), ``report_md``, ``report_xlsx`` and ``report_json``. A row keeps each cell's
fact id, so every printed figure can be explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assay.model import Period, round_to
from assay.model import units as u
from assay.operating import Unit
from assay.operating.schema import ITEMS, METALS, is_precious
from assay.standards import Derived
from assay.standards.derive import check_period
from assay.standards.relations import per_noun

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


def report_period_keys(data, key: str) -> set[str] | None:
    """The period keys the release's columns for quarter ``key`` can need (it, a year
    earlier, both years to date), for deriving only those; None when the folder does not
    give ``key`` itself (it may be built from others: derive everything)."""
    p = data.periods.get(key)
    if p is None:
        return None
    keys = {key, f"{p.end.year - 1}{key[4:]}"}
    if p.months == 3 and p.end.month > 3:
        for year in (p.end.year, p.end.year - 1):
            keys.add(Period.months_ended(p.end.month, date(year, p.end.month, p.end.day)).key)
    return keys


def report_periods(derived: Derived, key: str) -> list[Period]:
    """The release's columns for quarter ``key``: it, a year earlier, and both years to date."""
    periods = check_period(derived, key)
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
_GRADE_UNIT = {u.OZ_PER_TON: "oz./ton", u.PERCENT: "%"}


def _qty(metal: str) -> str:
    return "oz." if is_precious(metal) else "tons"


def _pers(metals: set[str]) -> tuple[str, str]:
    """("per ounce and per pound", "ounces and pounds") for the metals costed, or one."""
    nouns = sorted({per_noun(m) for m in metals}, reverse=True) or ["ounce"]
    return (" and ".join(f"per {x}" for x in nouns),
            " and ".join(f"{x}s" for x in nouns))


def _per_label(metal: str) -> str:
    """``$/oz.`` or ``$/lb.``: what the figure is per."""
    return "$/oz." if is_precious(metal) else "$/lb."


def _cost_heading(metal: str, basis: str, note: str = "") -> str:
    return f"Average cost per {per_noun(metal)} of {metal} {basis}{note}:"


def _segment_basis(derived: Derived, segment: str) -> str:
    bases = {x.cost_basis for x in derived.data.company.units_of(segment)}
    return bases.pop() if len(bases) == 1 else "produced"


_NOTE = re.compile(r"^\((\d+)\)")


def _note_number(note: str) -> int:
    """A footnote's number, "(2) ..." (0 for none)."""
    m = _NOTE.match(note)
    return int(m[1]) if m else 0


def _next_note(notes: list[str]) -> int:
    """The first footnote number after those the table already uses."""
    return max((_note_number(n) for n in notes), default=0) + 1


def _free_note(notes: list[str]) -> int:
    """The first footnote number the table does not use yet."""
    used = {_note_number(n) for n in notes}
    return next(k for k in range(1, len(used) + 2) if k not in used)


def _third_party_note(derived: Derived, entity: str, metal: str, periods: list[Period],
                      n: int) -> str | None:
    """The footnote of a block whose units credit the primary metal of third-party ore:
    its cost per ounce counts the units' own production only."""
    company = derived.data.company
    try:
        units = company.units_of(company.segment(entity).name)
    except KeyError:
        units = [company.unit(entity)]
    buying = [x.name for x in units
              if any(derived.value(x.name, p.key, "third_party_oz") for p in periods)]
    if not buying:
        return None
    noun = per_noun(metal)
    return (f"({n}) Costs per {noun} of {metal} are based on the {metal} produced by "
            f"{' and '.join(buying)} only. {metal.capitalize()} produced from third-party ore "
            f"was treated as a by-product credit and included in the calculation of {metal} "
            f"costs per {noun}.")


def _not_itemised(derived: Derived, periods: list[Period], metrics: list[str]) -> list[Unit]:
    """Units the company does not itemise but whose figures are in its totals: printed,
    so that every printed total is the sum of printed figures."""
    return [x for x in derived.data.company.units if not x.itemised
            and any(_any(derived, x.name, periods, m) for m in metrics)]


def _not_itemised_note(n: int, units: list[Unit]) -> str:
    names = ", ".join(_unit_heading(x) for x in units)
    return (f"({n}) {names}: amounts that the company's totals include but that it does not "
            "itemise by unit (itemised = false in company.toml); printed so that every total "
            "is the sum of the figures printed.")


def _unit_heading(x: Unit) -> str:
    return x.heading or f"{x.name.upper()} UNIT"


def production_data(derived: Derived, periods: list[Period]) -> ReportTable:
    company = derived.data.company
    t = ReportTable(company.name, "Production Data", "", "", periods)
    per, _ = _pers({x.primary_metal for x in company.units if x.itemised})
    for unit in company.units:
        if not unit.itemised:
            continue
        name, metal = unit.name, unit.primary_metal
        t.rows.append(ReportRow(_unit_heading(unit), "heading"))
        t.rows.append(ReportRow("", "blank"))
        t.rows.append(_row(derived, name, periods, "ore_milled", unit.ore_label, 0))
        t.rows.append(_row(derived, name, periods, "mining_cost_per_ton", "Mining cost per ton",
                           2, dollar=True))
        t.rows.append(_row(derived, name, periods, "milling_cost_per_ton",
                           "Milling cost per ton", 2, dollar=True))
        for m in METALS:
            if any(derived.value(name, p.key, f"{m}_grade") is not None for p in periods):
                grade = _GRADE_UNIT[ITEMS[f"{m}_grade"].unit]
                t.rows.append(_row(derived, name, periods, f"{m}_grade",
                                   f"Ore grade milled - {m.title()} ({grade})",
                                   _GRADE_DECIMALS.get(m, 2)))
        others = []
        for m in METALS:
            if _any(derived, name, periods, f"{m}_produced"):
                t.rows.append(_row(derived, name, periods, f"{m}_produced",
                                   f"{m.title()} produced ({_qty(m)})", 0))
                if m != metal:
                    others.append(m)
        note = " (1)" if others else ""
        t.rows.append(ReportRow(_cost_heading(metal, unit.cost_basis, note), "heading"))
        d = _per_oz_decimals(metal)
        # per ounce as the filing prints it; per pound said on each row as well
        lb = "" if is_precious(metal) else f" ({_per_label(metal)})"
        for metric, label in (("cash_operating_cost_per_oz", f"  Cash operating costs{lb}"),
                              ("total_cash_cost_per_oz", f"  Total cash costs{lb} (2)"),
                              ("total_production_cost_per_oz",
                               f"  Total production costs{lb}")):
            t.rows.append(_row(derived, name, periods, metric, label, d, dollar=True))
        t.rows.append(_row(derived, name, periods, "capital_additions",
                           "Capital additions (in thousands)", 0, 3, dollar=True))
        t.rows.append(ReportRow("", "blank"))
    credited = sorted({m for x in company.units for m in METALS
                       if m != x.primary_metal and x.itemised
                       and _any(derived, x.name, periods, f"{m}_produced")},
                      key=METALS.index)
    if credited:
        metals = ", ".join(m.title() for m in credited[:-1])
        metals = f"{metals} and {credited[-1]}" if metals else credited[-1].title()
        t.footnotes.append(f"(1) {metals.capitalize()} produced "
                           f"{'has' if len(credited) == 1 else 'have'} been treated as "
                           f"by-product credits in calculating costs {per} of the primary "
                           "metal.")
    t.footnotes.append(f"(2) Total cash costs {per} represent non-U.S. Generally Accepted "
                       "Accounting Principles (GAAP) measurements; see the reconciliation "
                       f"of cash costs {per} to GAAP.")
    rest = _not_itemised(derived, periods, ["ore_milled", "capital_additions"]
                         + [f"{m}_produced" for m in METALS])
    if rest:
        n = _next_note(t.footnotes)
        for unit in rest:
            t.rows.append(ReportRow(f"{_unit_heading(unit)} ({n})", "heading"))
            t.rows.append(ReportRow("", "blank"))
            if _any(derived, unit.name, periods, "ore_milled"):
                t.rows.append(_row(derived, unit.name, periods, "ore_milled", unit.ore_label, 0,
                                   nil_dash=True))
            for m in METALS:
                if _any(derived, unit.name, periods, f"{m}_produced"):
                    t.rows.append(_row(derived, unit.name, periods, f"{m}_produced",
                                       f"{m.title()} produced ({_qty(m)})", 0, nil_dash=True))
            if _any(derived, unit.name, periods, "capital_additions"):
                t.rows.append(_row(derived, unit.name, periods, "capital_additions",
                                   "Capital additions (in thousands)", 0, 3, dollar=True,
                                   nil_dash=True))
            t.rows.append(ReportRow("", "blank"))
        t.footnotes.append(_not_itemised_note(n, rest))
    return t


def highlights(derived: Derived, periods: list[Period]) -> ReportTable:
    company = derived.data.company
    cname = company.name
    t = ReportTable(cname, "Highlights", "", "HIGHLIGHTS", periods)
    t.rows.append(ReportRow("PRODUCTION SUMMARY - TOTALS", "heading"))
    t.rows.append(ReportRow("", "blank"))
    for m in METALS:
        if _any(derived, cname, periods, f"{m}_produced"):
            qty = "Ounces" if is_precious(m) else "Tons"
            t.rows.append(_row(derived, cname, periods, f"{m}_produced", f"{m.title()} - {qty}",
                               0))
    for seg in company.segments:
        if not any(u.itemised for u in company.units_of(seg.name)):
            continue
        metal = seg.primary_metal
        d = _per_oz_decimals(metal)
        t.rows.append(ReportRow(_cost_heading(metal, _segment_basis(derived, seg.name)),
                                "heading"))
        per = _per_label(metal)
        for metric, label in (("cash_operating_cost_per_oz", f"  Cash operating costs ({per})"),
                              ("total_cash_cost_per_oz", f"  Total cash costs ({per})"),
                              ("total_production_cost_per_oz",
                               f"  Total production costs ({per})")):
            t.rows.append(_row(derived, seg.name, periods, metric, label, d))
    decks = [company.prices.get(p.key) for p in periods]
    metals = [m for m in METALS if any(d and m in d.prices for d in decks)]
    if metals:
        t.rows.append(ReportRow("", "blank"))
        t.rows.append(ReportRow("AVERAGE METAL PRICES", "heading"))
        t.rows.append(ReportRow("", "blank"))
        for m in metals:
            unit = "oz." if is_precious(m) else "pound"
            ids = [f"price|{p.key}|{m}" if d and m in d.prices else None
                   for p, d in zip(periods, decks, strict=True)]
            t.rows.append(ReportRow(
                f"{m.title()} ($/{unit})", "value",
                [d.prices[m] if d and m in d.prices else None for d in decks], ids,
                0 if m == "gold" else 2, unit=f"USD/{'oz' if unit == 'oz.' else 'lb'}"))
    return t


def reconciliation(derived: Derived, periods: list[Period]) -> ReportTable:
    company = derived.data.company
    order = company.reconciliation_order or [
        n for s in company.segments
        for n in [s.name] + [x.name for x in company.units_of(s.name) if x.itemised]]
    blocks = []
    for name in order:
        try:
            seg = company.segment(name)
            blocks.append((seg.name, seg.primary_metal, _segment_basis(derived, seg.name),
                           seg.heading or seg.name.upper(),
                           "Reclamation, severance and other costs", False))
        except KeyError:
            unit = company.unit(name)  # load_company checked the names
            blocks.append((unit.name, unit.primary_metal, unit.cost_basis, _unit_heading(unit),
                           unit.other_costs_label, False))
    rest = _not_itemised(derived, periods, [
        "total_cash_cost", "recon_dda", "recon_treatment_freight", "byproduct_credits",
        "recon_inventory_change", "recon_other", *(e.column for e in company.extra_costs)])
    blocks += [(x.name, x.primary_metal, x.cost_basis, _unit_heading(x), x.other_costs_label,
                True) for x in rest if x.name not in order]
    per, quantities = _pers({b[1] for b in blocks})
    title_per = per.replace("ounce", "Ounce").replace("pound", "Pound")
    t = ReportTable(company.name, f"Reconciliation of Cash Costs {title_per} to Generally "
                    "Accepted Accounting Principles (GAAP)(1)",
                    f"(dollars and {quantities} in thousands, except {per} - unaudited)", "",
                    periods)
    t.footnotes.append(f"(1) Cash costs {per} represent non-U.S. generally accepted "
                       "accounting principles (GAAP) measurements, computed by assay from the "
                       "company's operating data under the Gold Institute Production Cost "
                       "Standard.")
    t.footnotes.extend(e.note for e in company.extra_costs if e.note)
    n = _next_note(t.footnotes)
    for entity, metal, basis, heading, other_label, hidden in blocks:
        d = _per_oz_decimals(metal)
        noun = per_noun(metal)
        t.rows.append(ReportRow(f"{heading} ({n})" if hidden else heading, "heading"))
        t.rows.append(ReportRow("", "blank"))
        t.rows.append(_row(derived, entity, periods, "total_cash_cost", "Total cash costs", 0, 3,
                           dollar=True, nil_dash=hidden))
        # the printed quotient holds: thousand dollars / thousand ounces (or pounds)
        qty, qty_label = ("basis_oz", "ounces") if is_precious(metal) else ("basis_lb",
                                                                             "pounds")
        t.rows.append(_row(derived, entity, periods, qty,
                           f"Divided by {metal} {qty_label} {basis}", 0, 3, nil_dash=hidden))
        per_row = _row(derived, entity, periods, "total_cash_cost_per_oz",
                       f"   Total cash cost per {noun} {basis}", d, dollar=True)
        if not hidden or any(v is not None for v in per_row.values):
            t.rows.append(ReportRow("", "rule"))
            t.rows.append(per_row)
            t.rows.append(ReportRow("", "total_rule"))
        note = _third_party_note(derived, entity, metal, periods, _free_note(t.footnotes))
        if note is not None:
            t.footnotes.append(note)
        mark = f" ({note[1:note.index(')')]})" if note else ""
        t.rows.append(ReportRow(f"Reconciliation to GAAP{mark}:", "heading"))
        _gaap_rows(t, derived, entity, periods, "   ", other_label, nil_total=hidden)
        t.rows.append(ReportRow("", "blank"))
    t.rows.append(ReportRow("RECONCILIATION TO GAAP, ALL OPERATIONS", "heading"))
    t.rows.append(ReportRow("", "blank"))
    _gaap_rows(t, derived, company.name, periods, "", "Reclamation and other costs")
    if any(b[-1] for b in blocks):
        t.footnotes.append(_not_itemised_note(n, [x for x in rest if x.name not in order]))
    t.footnotes.sort(key=_note_number)
    return t



def _gaap_rows(t: ReportTable, derived: Derived, entity: str, periods: list[Period],
               indent: str, other_label: str, nil_total: bool = False) -> None:
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
                       "depreciation, depletion and amortization (GAAP)", 0, 3, dollar=True,
                       nil_dash=nil_total))
    t.rows.append(ReportRow("", "total_rule"))


def report_tables(derived: Derived, period: str) -> list[ReportTable]:
    periods = report_periods(derived, period)
    return [highlights(derived, periods), production_data(derived, periods),
            reconciliation(derived, periods)]
