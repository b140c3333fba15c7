"""Inline XBRL: the facts a filer tagged in its HTML, read apart from the layout.

``ix:header`` holds the contexts (a period, an instant or a duration, and the dimensions
of a segment) and units; each ``ix:nonFraction`` is a tagged number: concept, context,
unit, ``decimals``, ``scale`` (a power of ten the displayed figure is multiplied by),
``sign`` ("-" when the concept's value is the negative of the figure shown) and
``format``. Layout reading never looks at the tags; they are the check of what it read
(each tag knows the table cell it stands in, by the same selector the layout gives its
facts).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from assay.model import Period, Tag

_ZERO_FORMATS = ("fixed-zero", "zerodash", "fixedzero")


def read_tags(root: etree._Element, scope: str = "",
              blocks: dict[etree._Element, int] | None = None) -> list[Tag]:
    """Every ``ix:nonFraction`` of a parsed HTML document (lxml, names lower-cased); the
    selectors of their cells begin with ``scope``, as the layout's do; a tag outside
    tables is named by the block of running text it stands in (``block[k]``, the k-th of
    ``blocks``), as the layout names the block."""
    contexts = {c.get("id"): _context(c) for c in root.iter("xbrli:context")}
    # (keyed by the elements themselves, which keeps each one's proxy alive and so the
    # same when it is met again)
    tables = {t: k for k, t in enumerate(root.iter("table"))}
    hidden = {el for h in root.iter("ix:hidden") for el in h.iter("ix:nonfraction")}
    rows: dict[etree._Element, dict[etree._Element, int]] = {}  # each table's rows, numbered
    tags = []
    for el in root.iter("ix:nonfraction"):
        period, dims = contexts.get(el.get("contextref"), (None, ()))
        shown = "".join(el.itertext()).strip()
        scale = _int(el.get("scale"))
        fmt = el.get("format")
        tags.append(Tag(el.get("name") or "", el.get("contextref") or "", period, dims,
                        el.get("unitref"), el.get("decimals"), scale, el.get("sign"), fmt,
                        shown, _value(shown, scale, el.get("sign"), fmt, el),
                        el in hidden, _selector(el, tables, rows, scope, blocks or {})))
    return tags


def _context(el: etree._Element) -> tuple[Period | None, tuple[tuple[str, str], ...]]:
    start = _date(el.find(".//xbrli:startdate"))
    end = _date(el.find(".//xbrli:enddate"))
    instant = _date(el.find(".//xbrli:instant"))
    period = None
    if instant is not None:
        period = Period.instant(instant)
    elif end is not None and start is not None:
        period = Period(end, start)
    dims = tuple(sorted((m.get("dimension") or "", (m.text or "").strip())
                        for m in el.iter("xbrldi:explicitmember", "xbrldi:typedmember")))
    return period, dims


def _date(el: etree._Element | None) -> date | None:
    if el is None or not el.text:
        return None
    try:
        return date.fromisoformat(el.text.strip()[:10])
    except ValueError:
        return None


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _value(shown: str, scale: int, sign: str | None, fmt: str | None,
           el: etree._Element) -> Decimal | None:
    """The concept's value: the displayed number (dots or commas as the format says)
    times 10^scale, negated for ``sign="-"``; zero for the formats of a dash."""
    if el.get("xsi:nil") == "true":
        return None
    if fmt and any(z in fmt.lower() for z in _ZERO_FORMATS):
        number = Decimal(0)
    else:
        digits = shown.replace(" ", "")
        if fmt and "comma-decimal" in fmt.lower() or fmt and "numcommadecimal" in fmt.lower():
            digits = digits.replace(".", "").replace(",", ".")
        else:
            digits = digits.replace(",", "")
        try:
            number = Decimal(digits)
        except InvalidOperation:
            return None
    value = number.scaleb(scale)
    return -value if sign == "-" else value


def _selector(el: etree._Element, tables: dict[etree._Element, int],
              rows: dict[etree._Element, dict[etree._Element, int]], scope: str,
              blocks: dict[etree._Element, int]) -> str | None:
    """The cell or block a tag stands in, as the HTML layout names it."""
    td = next((a for a in el.iterancestors() if a.tag in ("td", "th")), None)
    if td is None:
        # (the tag itself may be one of a block's elements: a run of text after a table)
        block = next((blocks[a] for a in (el, *el.iterancestors()) if a in blocks), None)
        return None if block is None else f"{scope}block[{block + 1}]"
    tr = td.getparent()
    table = next((a for a in tr.iterancestors() if a.tag == "table"), None)
    if table is None or table not in tables:
        return None
    numbered = rows.get(table)
    if numbered is None:
        numbered = rows[table] = {r: k for k, r in enumerate(table.iter("tr"))}
    cells = [c for c in tr if c.tag in ("td", "th")]
    return f"{scope}table[{tables[table] + 1}]/tr[{numbered[tr] + 1}]/td[{cells.index(td) + 1}]"

