"""XBRL Calculations 1.1 as assay evaluates it, beside Arelle (the reference
implementation) on the same facts.

Arelle cannot load the US-GAAP taxonomy offline, so the taxonomy here is made by hand:
three monetary concepts, Total = A - B, in one schema that imports only the XBRL 2.1
instance schema (which Arelle carries). Sixty contexts get random values and decimals
(seeded); Arelle validates the instance with ``--calc c11r`` (round-to-nearest) and
reports each inconsistent binding by context; assay's ``evaluate`` must find exactly the
same ones (15 of the 60; an evaluator that took printed values as exact would call 49
inconsistent)."""

from __future__ import annotations

import random
import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from assay.audit.calculations import CONSISTENT, INCONSISTENT, Arc, evaluate
from assay.model import Tag

arelle = pytest.importorskip("arelle.CntlrCmdLine", reason="arelle-release is not installed")

_SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
 xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
 targetNamespace="http://example.com/x" elementFormDefault="qualified">
 <xs:annotation><xs:appinfo><link:linkbaseRef xlink:type="simple" xlink:href="x_cal.xml"
  xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></xs:appinfo></xs:annotation>
 <xs:import namespace="http://www.xbrl.org/2003/instance"
  schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
""" + "".join(
    f' <xs:element id="x_{n}" name="{n}" type="xbrli:monetaryItemType" '
    f'substitutionGroup="xbrli:item" xbrli:periodType="duration"/>\n'
    for n in ("Total", "A", "B")) + "</xs:schema>\n"

_ROLE = "http://www.xbrl.org/2003/role/link"
_LINKBASE = f"""<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
 <link:calculationLink xlink:type="extended" xlink:role="{_ROLE}">
  <link:loc xlink:type="locator" xlink:href="x.xsd#x_Total" xlink:label="t"/>
  <link:loc xlink:type="locator" xlink:href="x.xsd#x_A" xlink:label="a"/>
  <link:loc xlink:type="locator" xlink:href="x.xsd#x_B" xlink:label="b"/>
  <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item"
   xlink:from="t" xlink:to="a" weight="1.0" order="1"/>
  <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item"
   xlink:from="t" xlink:to="b" weight="-1.0" order="2"/>
 </link:calculationLink>
</link:linkbase>
"""


def _cases(n: int, seed: int) -> list[tuple[str, dict[str, tuple[int, int]]]]:
    """``n`` contexts, each with Total, A and B as (value, decimals): the total either
    the difference rounded, or it nudged by a few units of its last place (some still
    within rounding, some not)."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        places = {name: rng.choice((-6, -3, 0)) for name in ("Total", "A", "B")}
        a = rng.randrange(10**6, 10**11) // 10**-places["A"] * 10**-places["A"]
        b = rng.randrange(10**5, 10**10) // 10**-places["B"] * 10**-places["B"]
        unit = 10**-places["Total"]
        total = round((a - b) / unit) * unit + rng.choice((0, 0, 1, -1, 2, -3)) * unit
        out.append((f"c{k}", {"Total": (total, places["Total"]), "A": (a, places["A"]),
                              "B": (b, places["B"])}))
    return out


def _instance(cases) -> str:
    # (one entity each: contexts alike in entity and period would be one context, and
    # their facts duplicates)
    contexts = "".join(
        f'<xbrli:context id="{c}"><xbrli:entity><xbrli:identifier scheme="http://example.com">'
        f'{c}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2025-01-01'
        f'</xbrli:startDate><xbrli:endDate>2025-03-31</xbrli:endDate></xbrli:period>'
        f'</xbrli:context>\n' for c, _ in cases)
    facts = "".join(f'<x:{name} contextRef="{c}" unitRef="usd" decimals="{d}">{v}</x:{name}>\n'
                    for c, values in cases for name, (v, d) in values.items())
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl '
            'xmlns:xbrli="http://www.xbrl.org/2003/instance" '
            'xmlns:link="http://www.xbrl.org/2003/linkbase" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" '
            'xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:x="http://example.com/x">\n'
            '<link:schemaRef xlink:type="simple" xlink:href="x.xsd"/>\n' + contexts
            + '<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n'
            + facts + "</xbrli:xbrl>\n")


def _arelle_inconsistent(tmp_path: Path, cases) -> set[str]:
    (tmp_path / "x.xsd").write_text(_SCHEMA)
    (tmp_path / "x_cal.xml").write_text(_LINKBASE)
    (tmp_path / "x.xml").write_text(_instance(cases))
    log = tmp_path / "log.txt"
    arelle.parseAndRun(["--file", str(tmp_path / "x.xml"), "--validate", "--calc", "c11r",
                        "--internetConnectivity", "offline", "--logFile", str(log),
                        "--logFormat", "[%(messageCode)s] %(message)s"])
    text = log.read_text()
    assert "[info] validated" in text or "validated in" in text, text[-2000:]
    assert not re.search(r"\[(?:xbrl|xmlSchema|xbrl\.\d)[^\]]*\]", text), text[-2000:]
    return set(re.findall(r"\[calc11e:inconsistentCalculationUsingRounding\][^\n]*"
                          r"context (c\d+)", text))


def test_calculations_agree_with_arelle_on_random_bindings(tmp_path: Path) -> None:
    cases = _cases(60, seed=11)
    tags = [Tag(f"x:{name}", c, None, (), "usd", str(d), 0, None, None, str(v), D(v), False,
                None) for c, values in cases for name, (v, d) in values.items()]
    arcs = [Arc(_ROLE, "x:Total", "x:A", D(1)), Arc(_ROLE, "x:Total", "x:B", D(-1))]
    ours = {b.parent.context: b.status for b in evaluate(tags, arcs)}
    theirs = _arelle_inconsistent(tmp_path, cases)
    assert set(ours) == {c for c, _ in cases}
    assert {c for c, s in ours.items() if s == INCONSISTENT} == theirs
    # both outcomes occur, so that the comparison says something
    assert 5 <= len(theirs) <= 55 and CONSISTENT in ours.values()
