"""XBRL Calculations 1.1 on hand-made linkbases and tags; and on Apple's 10-Q beside the
audit. (Each expectation is worked by hand in its comment.)"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from assay.audit.calculations import (
    CONSISTENT,
    INCONSISTENT,
    NOT_EVALUATED,
    Arc,
    evaluate,
    read_calculations,
)
from assay.model import Tag

ROLE = "http://example.com/role/IS"


def _tag(name: str, value: str, decimals: str = "-6", context: str = "c1",
         unit: str = "usd") -> Tag:
    return Tag(f"x:{name}", context, None, (), unit, decimals, 0, None, None, value, D(value),
               False, None)


def test_round_to_nearest_intervals_meet_or_not() -> None:
    arcs = [Arc(ROLE, "x:Gross", "x:Sales", D(1)), Arc(ROLE, "x:Gross", "x:Cost", D(-1))]
    # 95,359 - 50,492 = 44,867 exactly (millions): consistent
    ok = evaluate([_tag("Gross", "44867000000"), _tag("Sales", "95359000000"),
                   _tag("Cost", "50492000000")], arcs)
    assert [b.status for b in ok] == [CONSISTENT]
    # printed 44,868: the sum's interval [44,866, 44,868] (two facts each +-0.5) meets
    # the parent's [44,867.5, 44,868.5]: still consistent under round-to-nearest
    edge = evaluate([_tag("Gross", "44868000000"), _tag("Sales", "95359000000"),
                     _tag("Cost", "50492000000")], arcs)
    assert [b.status for b in edge] == [CONSISTENT]
    # printed 44,869: [44,868.5, 44,869.5] misses [44,866, 44,868]: inconsistent
    off = evaluate([_tag("Gross", "44869000000"), _tag("Sales", "95359000000"),
                    _tag("Cost", "50492000000")], arcs)
    assert [b.status for b in off] == [INCONSISTENT]
    assert off[0].computed == (D("44866000000"), D("44868000000"))


def test_bindings_are_per_context_and_duplicates_that_disagree_are_not_evaluated() -> None:
    arcs = [Arc(ROLE, "x:Total", "x:A", D(1)), Arc(ROLE, "x:Total", "x:B", D(1))]
    tags = [_tag("Total", "3", "0", "c1"), _tag("A", "1", "0", "c1"), _tag("B", "2", "0", "c1"),
            _tag("Total", "9", "0", "c2"), _tag("A", "4", "0", "c2"),  # B missing in c2
            _tag("Total", "5", "0", "c3"), _tag("A", "5", "0", "c3"), _tag("A", "6", "0", "c3")]
    result = {b.parent.context: b.status for b in evaluate(tags, arcs)}
    # c2: 4 alone against 9: inconsistent; c3: A printed as 5 and as 6
    assert result == {"c1": CONSISTENT, "c2": INCONSISTENT, "c3": NOT_EVALUATED}


def _linkbase(path: Path, *parts: str, sep: str = "") -> Path:
    """A calculation linkbase of one extended link holding ``parts``, joined by ``sep``."""
    path.write_text(
        '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<link:calculationLink xlink:role="{ROLE}" xlink:type="extended">'
        + sep.join(parts) + "</link:calculationLink></link:linkbase>")
    return path


def test_a_linkbase_file_is_read_into_summation_arcs(tmp_path: Path) -> None:
    path = _linkbase(
        tmp_path / "x_cal.xml",
        '<link:loc xlink:type="locator" xlink:label="p" xlink:href="x.xsd#us-gaap_GrossProfit"/>',
        '<link:loc xlink:type="locator" xlink:label="c" xlink:href="x.xsd#us-gaap_CostOfRevenue"/>',
        '<link:calculationArc xlink:type="arc" xlink:arcrole='
        '"http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="p" xlink:to="c" '
        'weight="-1.0"/>')
    assert read_calculations(path) == [
        Arc(ROLE, "us-gaap:GrossProfit", "us-gaap:CostOfRevenue", D(-1))]


def test_a_linkbase_with_a_missing_locator_or_a_bad_weight_is_one_input_error(
        tmp_path: Path) -> None:
    import pytest

    from assay.errors import InputError

    def linkbase(arc: str) -> Path:  # the arc on line 3
        return _linkbase(tmp_path / "bad_cal.xml", "",
                         '<link:loc xlink:type="locator" xlink:label="p" xlink:href="x.xsd#x_P"/>',
                         arc, sep="\n")

    summation = 'xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item"'
    with pytest.raises(InputError, match=r"bad_cal.xml:3: calculation arc p -> q: names a"):
        read_calculations(linkbase(f'<link:calculationArc {summation} xlink:from="p" '
                                   'xlink:to="q" weight="1"/>'))
    with pytest.raises(InputError, match=r"weight 'one' is not a number"):
        read_calculations(linkbase(f'<link:calculationArc {summation} xlink:from="p" '
                                   'xlink:to="p" weight="one"/>'))
    # a prohibited arc takes a relationship away: nothing is evaluated
    assert read_calculations(linkbase(f'<link:calculationArc {summation} xlink:from="p" '
                                      'xlink:to="p" weight="1" use="prohibited"/>')) == []
