"""Totals of totals in an HTML statement, and the filer's calculations set beside them.

The statement below is hand-made in the shape of a 10-Q's statement of comprehensive
income: two subtotals with a line of their own above a total that adds them (the rule
over it printed as a border on an empty spacer row), and a grand total under it. The
arithmetic is in the comments, worked by hand.
"""

from __future__ import annotations

from decimal import Decimal as D

from assay.audit import Status, audit
from assay.audit.calculations import CONSISTENT, Arc, compare_with_audit, evaluate
from assay.read import read_text

ROLE = "http://example.com/role/CI"
_RULE = ' style="border-top:1pt solid #000"'


def _cell(name: str | None, value: str, context: str) -> str:
    if name is None:
        return f"<td>{value}</td>"
    negative = value.startswith("(")
    sign = ' sign="-"' if negative else ""
    tag = (f'<ix:nonFraction name="x:{name}" contextRef="{context}" unitRef="usd" '
           f'decimals="-6" scale="6"{sign}>{value.strip("()")}</ix:nonFraction>')
    return f"<td>({tag})</td>" if negative else f"<td>{tag}</td>"


def _statement(total_oci: str = "21") -> str:
    rows = [  # label, concept, first column, second column, border above the figures
        ("Net income", "NetIncome", "100", "90", False),
        ("Other comprehensive income:", None, "", "", False),
        ("Change in translation", "Translation", "5", "(3)", False),
        ("Derivatives:", None, "", "", False),
        ("Change in fair value", None, "7", "4", False),
        ("Reclassified to income", None, "(2)", "1", False),
        ("Total change on derivatives", "Derivatives", "5", "5", True),  # 7-2; 4+1
        ("Securities:", None, "", "", False),
        ("Change in fair value", None, "10", "6", False),
        ("Reclassified to income", None, "1", "2", False),
        ("Total change on securities", "Securities", "11", "8", True),  # 10+1; 6+2
        ("", None, "", "", "spacer"),
        # 5+5+11 = 21; -3+5+8 = 10
        ("Total other comprehensive income", "OtherComprehensive", total_oci, "10", False),
        # 100+21 = 121; 90+10 = 100
        ("Total comprehensive income", "Comprehensive", "121", "100", True),
    ]
    body = []
    for label, name, a, b, rule in rows:
        if rule == "spacer":
            body.append(f"<tr><td></td><td{_RULE}></td><td{_RULE}></td></tr>")
            continue
        cells = _cell(name, a, "c1") + _cell(name, b, "c2") if a else "<td></td><td></td>"
        if rule:
            cells = cells.replace("<td>", f"<td{_RULE}>")
        body.append(f"<tr><td>{label}</td>{cells}</tr>")
    context = ('<xbrli:context id="{id}"><xbrli:entity><xbrli:identifier>1'
               '</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>{start}'
               '</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate></xbrli:period>'
               '</xbrli:context>')
    return (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>'
        '<div style="display:none"><ix:header><ix:resources>'
        + context.format(id="c1", start="2024-12-29", end="2025-03-29")
        + context.format(id="c2", start="2023-12-31", end="2024-03-30")
        + "</ix:resources></ix:header></div>"
        "<p>EXAMPLE CORP.</p><p>STATEMENTS OF COMPREHENSIVE INCOME</p><p>(in millions)</p>"
        "<table><tr><td></td><td>Three Months Ended March 29, 2025</td>"
        "<td>Three Months Ended March 30, 2024</td></tr>"
        + "\n".join(body) + "</table></body></html>")


def _footing(a, label: str) -> list[tuple[str, list[str]]]:
    """Each check of the audit whose total is the row ``label``: its status and the
    labels of its operands."""
    facts = {f.id: f for f in a.document.facts}
    out = []
    for f in a.findings:
        if f.operands and f.operands[0].fact_id and facts[f.operands[0].fact_id].label == label:
            out.append((f.status, [facts[o.fact_id].label for o in f.operands[1:]]))
    return out


def test_a_total_of_a_line_and_two_subtotals_and_the_grand_total_under_it_foot():
    a = audit(read_text(_statement(), "10q.htm"))
    oci = ["Change in translation", "Total change on derivatives",
           "Total change on securities"]
    assert _footing(a, "Total other comprehensive income") == [(Status.OK, oci)] * 2
    assert _footing(a, "Total comprehensive income") == [
        (Status.OK, ["Net income", "Total other comprehensive income"])] * 2


def test_a_grand_total_that_adds_up_in_one_column_only_is_not_asserted():
    # 24 in the first column: 5+5+11 = 21 there, at most 22.5 within rounding; 10 in
    # the second, as printed. Which rows a grand
    # total adds is read from the figures; when they do not add up in every column the
    # total may stand for rows the table does not show, so nothing is reported (and the
    # total under it, which would take it as an operand, is not checked either)
    a = audit(read_text(_statement(total_oci="24"), "10q.htm"))
    assert _footing(a, "Total other comprehensive income") == []
    assert _footing(a, "Total comprehensive income") == []
    assert a.mismatches == []


def test_a_calculation_naming_another_member_its_total_is_the_same_check():
    # the linkbase says NetIncome = Comprehensive - OtherComprehensive; the layout says
    # Comprehensive = NetIncome + OtherComprehensive: one relation among the same three
    # figures, so the audit checked it, alike, in both contexts
    doc = read_text(_statement(), "10q.htm")
    arcs = [Arc(ROLE, "x:NetIncome", "x:Comprehensive", D(1)),
            Arc(ROLE, "x:NetIncome", "x:OtherComprehensive", D(-1)),
            Arc(ROLE, "x:OtherComprehensive", "x:Translation", D(1)),
            Arc(ROLE, "x:OtherComprehensive", "x:Derivatives", D(1)),
            Arc(ROLE, "x:OtherComprehensive", "x:Securities", D(1))]
    bindings = evaluate(doc.tags, arcs)
    assert [b.status for b in bindings] == [CONSISTENT] * 4
    compared = compare_with_audit(doc, bindings, audit(doc).findings)
    assert [(c.audit, c.agrees) for c in compared] == [("ok", True)] * 4
