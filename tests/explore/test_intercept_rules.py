"""Each compositing rule worked by hand: the arithmetic is in the test."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as F

from assay.explore import Cutoff, Price, Rules, find_intercepts, load_folder
from assay.explore.report import prose, text_report, values


def run(folder, assays: str, **rules):
    data = load_folder(folder(assays))
    cut = Cutoff.parse(rules.pop("cutoff", "Ag>=50"))
    return find_intercepts(data, Rules(cut, **rules))


def spans(result):
    return [(ic.frm, ic.to) for ic in result.intercepts]


def test_internal_waste_joins_when_the_composite_stays_above_cutoff(folder):
    # 1 m @ 100, 1 m waste @ 10, 1 m @ 60: (100 + 10 + 60) / 3 = 56.67 >= 50
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,100\nH1,1,2,10\nH1,2,3,60\n",
            max_waste=D(1))
    assert spans(r) == [(D("0"), D("3"))]
    assert r.intercepts[0].grades["Ag"].grade == F(170, 3)
    assert r.intercepts[0].rows == (2, 3, 4)


def test_waste_never_drags_a_composite_below_cutoff(folder):
    # 1 m @ 60, 1 m @ 0, 1 m @ 55: joined would be (60 + 0 + 55) / 3 = 38.3 < 50
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,60\nH1,1,2,0\nH1,2,3,55\n", max_waste=D(1))
    assert spans(r) == [(D("0"), D("1")), (D("2"), D("3"))]
    assert [ic.grades["Ag"].grade for ic in r.intercepts] == [60, 55]


def test_waste_longer_than_the_maximum_splits(folder):
    # 2 m of waste @ 40 > max 1 m, although (100 + 80 + 100) / 4 = 70 >= 50
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,100\nH1,1,3,40\nH1,3,4,100\n",
            max_waste=D(1))
    assert spans(r) == [(D("0"), D("1")), (D("3"), D("4"))]


def test_the_scan_carries_the_composite_down_the_hole(folder):
    # 200, 0, 60, 0, 60 (1 m each): (200+0+60)/3 = 86.7, then (260+0+60)/5 = 64 >= 50
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,200\nH1,1,2,0\nH1,2,3,60\nH1,3,4,0\n"
            "H1,4,5,60\nH1,5,6,0\n", max_waste=D(1))
    assert spans(r) == [(D("0"), D("5"))]
    assert r.intercepts[0].grades["Ag"].grade == 64  # edge waste 5-6 not included


def test_a_gap_in_sampling_ends_an_intercept(folder):
    # 1-1.5 m unsampled: not zero, not waste; the two metres stay apart
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,100\nH1,1.5,2.5,100\n", max_waste=D(1))
    assert spans(r) == [(D("0"), D("1")), (D("1.5"), D("2.5"))]
    assert any(n.code == "gap" for n in r.data.notes)


def test_minimum_length_or_grade_thickness(folder):
    text = "hole_id,from,to,Ag\nH1,0,0.4,100\nH1,0.4,3,1\nH1,3,4,60\n"
    assert spans(run(folder, text, min_length=D("0.5"))) == [(D("3"), D("4"))]
    # 0.4 m x 100 g/t = 40 g/t.m >= 30: kept by grade x thickness; 1 m x 60 = 60 too
    r = load_folder(folder(text, name="b"))
    res = find_intercepts(r, Rules(Cutoff.parse("Ag>=50"), min_length=D("0.5"),
                                   min_gxt=D(30)))
    assert spans(res) == [(D("0"), D("0.4")), (D("3"), D("4"))]


def test_top_cut_is_applied_to_a_copy(folder):
    # uncut (3000 + 100) / 2 = 1550; cut at 1000: (1000 + 100) / 2 = 550
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,3000\nH1,1,2,100\n", top_cuts={"Ag": D(1000)})
    ag = r.intercepts[0].grades["Ag"]
    assert (ag.grade, ag.cut_grade) == (1550, 550)
    assert (ag.metal, ag.cut_metal) == (D(3100), D(1100))
    v = values(r.intercepts[0], r)
    assert (v["Ag_gpt"], v["Ag_cut"]) == (D("1550.0"), D("550.0"))


def test_including_interval_at_a_higher_cutoff(folder):
    # 60, 600, 700, 60 (1 m each): parent (60+600+700+60)/4 = 355; including 1-3 @ 650
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,60\nH1,1,2,600\nH1,2,3,700\nH1,3,4,60\n",
            include=Cutoff.parse("Ag>=500"))
    (ic,) = r.intercepts
    assert ic.grades["Ag"].grade == 355
    (sub,) = ic.includes
    assert (sub.frm, sub.to, sub.grades["Ag"].grade) == (1, 3, 650)
    assert sub.parent == ic.id == "H1#1"


def test_an_including_interval_equal_to_its_parent_is_not_repeated(folder):
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,600\n", include=Cutoff.parse("Ag>=500"))
    assert r.intercepts[0].includes == ()


def test_length_weighted_grades_of_every_element(folder):
    # Ag: (100 x 1 + 80 x 2) / 3 = 260/3; Au: (2 x 1 + 0.5 x 2) / 3 = 1;
    # Cu %: (1.0 x 1 + 0.4 x 2) / 3 = 0.6
    r = run(folder, "hole_id,from,to,Ag,Au,Cu_pct\nH1,0,1,100,2,1.0\nH1,1,3,80,0.5,0.4\n")
    g = r.intercepts[0].grades
    assert (g["Ag"].grade, g["Au"].grade, g["Cu"].grade) == (F(260, 3), 1, F(3, 5))
    assert g["Cu"].unit == "%"


def test_exact_ounces_per_ton_in_prose(folder):
    # 6,120.8 g/t x 7/240 = 178.5233...: 178.52 (the seed's 34.28 gives 178.55)
    r = run(folder, "hole_id,from,to,Ag\nH1,10,10.85,6120.8\n")
    line = prose(r.intercepts[0], r)
    assert "0.85 metres grading 6,120.8 g/t silver (178.52 oz/ton silver)" in line
    assert "down-hole length" in line


def test_metal_equivalent_with_prices_and_recoveries(folder):
    # Au/Ag value ratio = (650 x 0.85) / (13 x 0.90) = 552.5 / 11.7 = 47.22...
    # AgEq = 40 + 2 x 552.5/11.7 = 134.44 >= 100, though Ag alone (40) is below
    prices = {"Ag": Price("Ag", D(13), D("0.90")), "Au": Price("Au", D(650), D("0.85"))}
    r = run(folder, "hole_id,from,to,Ag,Au\nH1,0,1,40,2\nH1,1,2,40,0.1\n",
            cutoff="AgEq>=100", prices=prices)
    assert spans(r) == [(D("0"), D("1"))]
    assert r.intercepts[0].equivalent == 40 + 2 * F("552.5") / F("11.7")
    report = text_report(r, "T")
    assert "Ag $13/oz at 90% recovery, Au $650/oz at 85% recovery" in report


def test_true_width_from_a_ratio_and_from_orientation(folder):
    r = run(folder, "hole_id,from,to,Ag\nH1,0,2,100\n", true_width_ratio=D("0.7"))
    assert r.intercepts[0].true_width == D("1.4")
    # a vertical hole (dip -90) through a vein dipping 60 degrees: 2 m x cos 60 = 1.00 m
    d = folder("hole_id,from,to,Ag\nH1,0,2,100\n", survey="hole_id,depth,azimuth,dip\n"
               "H1,0,0,-90\n", name="o")
    res = find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=50"),
                                                vein_orientation=(D(60), D(90))))
    assert res.intercepts[0].true_width == D("1.00")
    assert res.intercepts[0].width_basis.startswith("true width")


def test_lengths_in_feet(folder):
    # 3.048 m / 0.3048 = 10.00 ft
    r = run(folder, "hole_id,from,to,Ag\nH1,0,3.048,100\n", length_unit="ft")
    assert values(r.intercepts[0], r)["length"] == D("10.00")
    assert "10.00 feet grading" in prose(r.intercepts[0], r)


def test_a_cutoff_exactly_met_is_met(folder):
    # (50.1 x 1 + 49.9 x 1) / 2 = 50 exactly: at cut-off, so joined
    r = run(folder, "hole_id,from,to,Ag\nH1,0,1,50.1\nH1,1,2,49.9\nH1,2,3,50.0\n",
            max_waste=D(1))
    assert spans(r) == [(D("0"), D("3"))]
    assert r.intercepts[0].selection == 50
