"""Read an EDGAR EX-27 financial data schedule (SGML submissions, 1993-2001) into facts.

``read_ex27(text, path, first_line, doc_index)`` takes one EX-27 document's text (what
stands between ``<TEXT>`` and ``</TEXT>``; its first line is line ``first_line`` of
``path``) and never raises. A schedule is lines of ``<TAG> value [value ...]``, spaces or
tabs between; ``<TABLE>``/``<S>``/``<C>``/``<PAGE>`` markup, ``<LEGEND>`` and ``<FN>``
text are skipped. Each value of a numeric tag becomes a Fact:

- id ``x{doc_index}-{TAG}``, plus ``-{k}`` for the k-th value (k > 0) of a several-column
  schedule, whose PERIOD-TYPE / PERIOD-END values are paired with its columns by position;
- value = printed figure times ``<MULTIPLIER>`` (default 1), unit USD, scale = log10 of
  the multiplier, decimals = digits after the point minus scale; per-share tags (EPS...,
  ...PER-SHARE...) are never multiplied: unit USD/share, scale 0;
- label = the tag as printed, concept ``ex27:`` + tag lowercased, entity unknown;
- period: an instant at PERIOD-END for the balances of :data:`INSTANT_TAGS` (and tags
  whose names say they are balances), otherwise the PERIOD-TYPE months ended PERIOD-END;
- source: the value's line and column span after ``expandtabs(8)``.

Diagnostics: ``ex27-value`` (warning) for a value that is no number (skipped),
``ex27-period`` for a missing PERIOD-END or PERIOD-TYPE (facts get period None), for a
PERIOD-TYPE that disagrees with the FISCAL-YEAR-END (warnings, period kept as printed) and
for tags outside Article 5 whose period was assumed (info); ``ex27-flawed`` when EDGAR
marked the schedule flawed; ``ex27-currency``, ``ex27-duplicate``, ``ex27-untagged``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from assay.model import Diagnostic, Entity, Fact, Location, Period, parse_number
from assay.model import units as u

__all__ = ["DURATION_TAGS", "INSTANT_TAGS", "TEXT_TAGS", "read_ex27"]

#: Article 5 (commercial and industrial companies) balance-sheet tags: amounts held at
#: PERIOD-END, so their facts are instants. DEPRECIATION is the accumulated depreciation
#: netted against PP&E and ALLOWANCES the allowance against RECEIVABLES, both balances.
INSTANT_TAGS = frozenset({
    "CASH", "SECURITIES", "RECEIVABLES", "ALLOWANCES", "INVENTORY", "CURRENT-ASSETS",
    "PP&E", "DEPRECIATION", "TOTAL-ASSETS", "CURRENT-LIABILITIES", "BONDS",
    "PREFERRED-MANDATORY", "PREFERRED", "COMMON", "OTHER-SE", "TOTAL-LIABILITY-AND-EQUITY",
})
#: Article 5 income-statement tags: amounts for the PERIOD-TYPE months ended PERIOD-END.
DURATION_TAGS = frozenset({
    "SALES", "TOTAL-REVENUES", "CGS", "TOTAL-COSTS", "OTHER-EXPENSES", "LOSS-PROVISION",
    "INTEREST-EXPENSE", "INCOME-PRETAX", "INCOME-TAX", "INCOME-CONTINUING", "DISCONTINUED",
    "EXTRAORDINARY", "CHANGES", "NET-INCOME", "EPS-PRIMARY", "EPS-DILUTED",
})
#: Tags whose values are settings, dates, names or identifiers: never facts.
TEXT_TAGS = frozenset({
    "ARTICLE", "MULTIPLIER", "CURRENCY", "EXCHANGE-RATE", "PERIOD-TYPE", "FISCAL-YEAR-END",
    "PERIOD-START", "PERIOD-END", "NAME", "CIK", "SERIES", "NUMBER", "SUBSIDIARY",
    "RESTATED",
})
_MARKUP = frozenset({"TABLE", "S", "C", "CAPTION", "PAGE"})
_NOTES = frozenset({"LEGEND", "FN"})  # free text running on until the next tag

_TAG = re.compile(r"[ ]*<(/?)([^<>\s]+)>")
_TOKEN = re.compile(r"<[^<>]*>|(?:\$[ ]*)?[^\s<]+")  # a value ("$ 5" too), or a mark <F1>
_FOOTNOTE = re.compile(r"F\d+")
_WARNING = re.compile(r"\s*WARNING:.*ERROR", re.IGNORECASE)
_DATE = re.compile(r"([A-Z]{3})-(\d{1,2})-(\d{4})")
_MONTHS = {m: k for k, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
_MOS = re.compile(r"(\d{1,2})-MOS")
_US_DOLLARS = re.compile(r"\bU\.?\s?S(?:\b|D)|UNITED STATES", re.IGNORECASE)
_DAYS_PER_MONTH = Decimal("30.436875")

Token = tuple[str, int, int]  # text, column span in the tab-expanded line


def read_ex27(text: str, path: str, first_line: int,
              doc_index: int = 0) -> tuple[list[Fact], list[Diagnostic]]:
    """The facts of one EX-27 document's text (the content between <TEXT> and </TEXT>),
    whose first line is line `first_line` of file `path`. Never raises."""
    facts: list[Fact] = []
    diags: list[Diagnostic] = []
    try:
        _read(text, path, first_line, doc_index, facts, diags)
    except Exception as e:  # the contract: a schedule never stops the reading of a file
        diags.append(Diagnostic(Location(path, first_line), "ex27-error",
                                f"EX-27 schedule not fully read: {e!r}", "error"))
    return facts, diags


def _read(text: str, path: str, first_line: int, doc_index: int,
          facts: list[Fact], diags: list[Diagnostic]) -> None:
    entries: list[tuple[int, str, list[Token]]] = []  # line number, tag, values
    in_note = False
    for offset, raw in enumerate(text.split("\n")):
        number = first_line + offset
        line = raw.rstrip("\r").expandtabs(8)
        m = _TAG.match(line)
        if m is None:
            if _WARNING.match(line):
                diags.append(Diagnostic(Location(path, number, 0, len(line.rstrip())),
                                        "ex27-flawed", line.strip()))
            elif line.strip() and not in_note:
                diags.append(Diagnostic(Location(path, number, 0, len(line.rstrip())),
                                        "ex27-untagged", f"line {number}: text outside any "
                                        f"tag skipped: {line.strip()[:60]!r}", "info"))
            continue
        closing, tag = m.group(1), m.group(2).upper()
        in_note = not closing and (tag in _NOTES or bool(_FOOTNOTE.fullmatch(tag)))
        if tag == "FLAWED" and not closing:
            diags.append(Diagnostic(Location(path, number), "ex27-flawed",
                                    "EDGAR marked this schedule <FLAWED>"))
        elif not (closing or in_note or tag in _MARKUP):
            values = [(t.group(), t.start(), t.end()) for t in _TOKEN.finditer(line, m.end())
                      if not t.group().startswith("<")]
            entries.append((number, m.group(2), values))

    settings = {tag.upper(): (number, values) for number, tag, values in entries
                if tag.upper() in TEXT_TAGS}

    def warn(number: int, token: Token | None, code: str, message: str,
             severity: str = "warning") -> None:
        start, end = (token[1], token[2]) if token else (0, 0)
        diags.append(Diagnostic(Location(path, number, start, end), code,
                                f"line {number}: {message}", severity))

    def dates(tag: str) -> list[date | None]:
        number, values = settings.get(tag, (first_line, []))
        found = []
        for token in values:
            d = _date(token[0])
            if d is None:
                warn(number, token, "ex27-value", f"<{tag}> {token[0]!r} is not a MON-DD-YYYY date")
            found.append(d)
        return found

    multiplier, scale = Decimal(1), 0
    if "MULTIPLIER" in settings:
        number, values = settings["MULTIPLIER"]
        multiplier, scale = _multiplier(values[0][0] if values else "")
        if scale < 0:
            warn(number, values[0] if values else None, "ex27-value",
                 f"<MULTIPLIER> {' '.join(v[0] for v in values)!r} is not a power of ten; 1 used")
            multiplier, scale = Decimal(1), 0
    if "CURRENCY" in settings:
        number, values = settings["CURRENCY"]
        currency = " ".join(v[0] for v in values)
        if not _US_DOLLARS.search(currency):
            warn(number, values[0] if values else None, "ex27-currency",
                 f"amounts are in {currency!r}, read as U.S. dollars")
    ends, starts, year_ends = dates("PERIOD-END"), dates("PERIOD-START"), dates("FISCAL-YEAR-END")
    type_line, types = settings.get("PERIOD-TYPE", (first_line, []))
    if not ends:
        warn(first_line, None, "ex27-period", "no <PERIOD-END>: facts have no period")

    columns: dict[tuple[int, bool], Period | None] = {}  # (column, instant): period

    def period(k: int, instant: bool) -> Period | None:
        if (k, instant) not in columns:
            columns[k, instant] = _column_period(k, instant, ends, starts, year_ends, types,
                                                 warn, type_line)
        return columns[k, instant]

    entity = Entity("")
    seen: set[str] = set()
    assumed: dict[str, list[str]] = {"durations": [], "instants": []}
    for number, printed_tag, values in entries:
        tag = printed_tag.upper()
        if tag in TEXT_TAGS:
            continue
        if not values:
            warn(number, None, "ex27-value", f"<{printed_tag}> has no value")
            continue
        instant = tag in INSTANT_TAGS or (tag not in DURATION_TAGS and _names_balance(tag))
        if tag not in INSTANT_TAGS and tag not in DURATION_TAGS:
            kind = assumed["instants" if instant else "durations"]
            if tag not in kind:
                kind.append(tag)
        per_share = tag.startswith("EPS") or "PER-SHARE" in tag
        for k, token in enumerate(values):
            parsed = parse_number(token[0])
            if parsed is None or parsed.percent:
                warn(number, token, "ex27-value",
                     f"<{printed_tag}> value {token[0]!r} is not a number; skipped")
                continue
            fact_id = f"x{doc_index}-{tag}" + (f"-{k}" if k else "")
            if fact_id in seen:
                warn(number, token, "ex27-duplicate", f"<{printed_tag}> given again; "
                     f"its fact id is {fact_id}@{number}")
                fact_id = f"{fact_id}@{number}"
            seen.add(fact_id)
            facts.append(Fact(
                id=fact_id,
                value=parsed.value if per_share else parsed.value * multiplier,
                unit=u.USD_PER_SHARE if per_share else u.USD,
                label=printed_tag,
                period=period(k, instant),
                entity=entity,
                decimals=parsed.decimals if per_share else parsed.decimals - scale,
                scale=0 if per_share else scale,
                concept="ex27:" + tag.lower(),
                printed=token[0],
                nil=parsed.nil,
                source=Location(path, number, token[1], token[2]),
            ))
    if any(assumed.values()):
        said = "; ".join(f"taken as {kind}: {', '.join(tags)}"
                         for kind, tags in assumed.items() if tags)
        diags.append(Diagnostic(Location(path, first_line), "ex27-period",
                                f"tags outside Article 5 {said}", "info"))


def _column_period(k, instant, ends, starts, year_ends, types, warn, type_line):
    """The instant or the duration of column k (a setting's only value serves every
    column); what disagrees is reported at the PERIOD-TYPE line."""
    end, start, year_end, token = (_nth(v, k) for v in (ends, starts, year_ends, types))
    kind = token[0].upper() if token else None
    if end is None:
        if ends:
            warn(type_line, None, "ex27-period", f"no <PERIOD-END> for column {k}: its "
                 f"{'balances' if instant else 'durations'} have no period")
        return None
    if instant:
        return Period.instant(end)
    months = 12 if kind == "YEAR" else int(m.group(1)) if (m := _MOS.fullmatch(kind or "")) else 0
    if months and year_end is not None:
        # months from the fiscal year's start to PERIOD-END, for 52/53-week years too
        left = round(Decimal((year_end - end).days % 365) / _DAYS_PER_MONTH)
        elapsed = (12 - left) % 12 or 12
        if months not in (3, elapsed):
            warn(type_line, token, "ex27-period",
                 f"<PERIOD-TYPE> {kind} but <PERIOD-END> {end} is {elapsed} months into the "
                 f"fiscal year ending {year_end}; {months} months kept as printed")
    if months:
        return Period.months_ended(months, end)
    if start is not None:
        return Period(end=end, start=start)
    said = f"<PERIOD-TYPE> {kind!r} gives no length" if kind else "no <PERIOD-TYPE>"
    warn(type_line, token, "ex27-period", f"{said}: durations of column {k} have no period")
    return None


def _nth(values: list, k: int):
    if len(values) == 1:
        return values[0]
    return values[k] if k < len(values) else None


def _date(text: str) -> date | None:
    m = _DATE.fullmatch(text.upper())
    if m is None or m.group(1) not in _MONTHS:
        return None
    try:
        return date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    except ValueError:
        return None


def _multiplier(text: str) -> tuple[Decimal, int]:
    """The multiplier and its power of ten (-1 when it is none)."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return Decimal(1), -1
    sign, digits, exponent = value.normalize().as_tuple()
    if sign or digits != (1,) or not isinstance(exponent, int) or exponent < 0:
        return Decimal(1), -1
    return value, exponent


def _names_balance(tag: str) -> bool:
    """Whether a tag outside Article 5 names a balance (TOTAL-ASSETS, ALLOWANCE-CLOSE)."""
    if any(w in tag for w in ("CHANGE", "INCREASE", "DECREASE")):
        return False
    return tag.endswith(("ASSETS", "LIABILITIES", "EQUITY", "-CLOSE", "-END"))
