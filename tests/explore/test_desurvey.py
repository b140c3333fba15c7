"""Desurveying checked against hand-worked examples, to 1 mm.

Each expected position is worked by hand from geometry that does not use the method's
formula (a circular arc's closed form) or from the formula written out with its numbers.
Directions: azimuth clockwise from north; inclination below horizontal, positive down.
"""

from __future__ import annotations

import math
from decimal import Decimal as D

import numpy as np
import pytest

from assay.explore import Collar, Station
from assay.explore.desurvey import desurvey

MM = 1e-3


def trace(stations, method="minimum-curvature", collar=(D(1000), D(2000), D(500))):
    c = Collar("H1", *collar, depth=D(1000))
    surveys = {"H1": [Station(D(str(d)), D(str(a)), D(str(i)), 2 + k)
                      for k, (d, a, i) in enumerate(stations)]}
    return desurvey(["H1"], {"H1": c}, surveys, method)


def at(t, *depths):
    pos, dirs = t.at(np.zeros(len(depths), dtype=np.int64), np.array(depths, dtype=float))
    return pos, dirs


def test_a_straight_vertical_hole():
    # straight down from (1000, 2000, 500): 100 m along the hole is 100 m lower
    pos, dirs = at(trace([(0, 0, 90), (150, 0, 90)]), 100, 200)
    assert np.allclose(pos[0], [1000, 2000, 400], atol=MM)
    assert np.allclose(pos[1], [1000, 2000, 300], atol=MM)  # past the last station: straight
    assert np.allclose(dirs[0], [0, 0, -1])


def test_a_hole_steepening_lies_on_a_circular_arc():
    # inclination 30 -> 60 degrees over 100 m toward north: an arc of angle b = pi/6,
    # radius R = 100 / b = 600/pi = 190.98593 m. Along an arc from inclination u to w,
    # north = R (sin w - sin u) and drop = R (cos u - cos w):
    #   at 100 m: R (0.8660254 - 0.5) = 69.90569 north and R (0.8660254 - 0.5) = 69.90569 down;
    #   at 50 m (inclination 45): north R (0.7071068 - 0.5) = 39.55418,
    #                             drop  R (0.8660254 - 0.7071068) = 30.35151.
    # The minimum-curvature step written out agrees: RF = (2/b) tan(b/2) = 3.8197186 x
    # 0.2679492 = 1.0234943; 50 x (cos 30 + cos 60) x RF = 50 x 1.3660254 x 1.0234943
    # = 69.90569.
    pos, dirs = at(trace([(0, 0, 30), (100, 0, 60)]), 100, 50)
    assert np.allclose(pos[0], [1000, 2000 + 69.90569, 500 - 69.90569], atol=MM)
    assert np.allclose(pos[1], [1000, 2000 + 39.55418, 500 - 30.35151], atol=MM)
    half = math.sqrt(0.5)
    assert np.allclose(dirs[1], [0, half, -half], atol=1e-9)  # 45 degrees down at mid-arc


def test_a_hole_turning_in_azimuth():
    # horizontal, azimuth 0 -> 90 over 50 pi m: a quarter circle of radius 100 m,
    # from (0, 0) heading north to (100, 100) heading east; elevation unchanged
    pos, _ = at(trace([(0, 0, 0), (50 * math.pi, 90, 0)]), 50 * math.pi)
    assert np.allclose(pos[0], [1100, 2100, 500], atol=MM)
    # inclined 45 degrees, azimuth 0 -> 90 over 100 m: t1 = (0, .7071068, -.7071068),
    # t2 = (.7071068, 0, -.7071068), t1.t2 = 0.5 so the dogleg is 60 degrees;
    # RF = (2 / (pi/3)) tan 30 = 1.9098593 x 0.5773503 = 1.1026578;
    # step = 50 x RF x (t1 + t2) = 55.13289 x (.7071068, .7071068, -1.4142136)
    #      = (38.98484, 38.98484, -77.96968)
    pos, _ = at(trace([(0, 0, 45), (100, 90, 45)]), 100)
    assert np.allclose(pos[0], [1038.98484, 2038.98484, 500 - 77.96968], atol=MM)


def test_balanced_tangential_and_tangent():
    # the steepening hole again. Balanced tangential: 50 m along 30 degrees, 50 m along
    # 60: north 50 cos 30 + 50 cos 60 = 43.30127 + 25 = 68.30127, drop 25 + 43.30127.
    # At 25 m: only the first half, 25 cos 30 = 21.65064 north, 12.5 down.
    pos, _ = at(trace([(0, 0, 30), (100, 0, 60)], "balanced-tangential"), 100, 25)
    assert np.allclose(pos[0], [1000, 2068.30127, 500 - 68.30127], atol=MM)
    assert np.allclose(pos[1], [1000, 2021.65064, 500 - 12.5], atol=MM)
    # tangent: all 100 m along the upper station's 30 degrees: 86.60254 north, 50 down
    pos, _ = at(trace([(0, 0, 30), (100, 0, 60)], "tangent"), 100)
    assert np.allclose(pos[0], [1000, 2086.60254, 450], atol=MM)


def test_a_survey_starting_below_the_collar_and_a_hole_without_stations():
    # the first station at 20 m: straight from the collar along its direction
    pos, _ = at(trace([(20, 90, 0), (40, 90, 0)]), 10)
    assert np.allclose(pos[0], [1010, 2000, 500], atol=MM)
    # no stations, collar azimuth/dip: straight; neither: no position (NaN)
    c1 = Collar("A", D(0), D(0), D(0), D(50), D(180), D(90))
    c2 = Collar("B", D(0), D(0), D(0), D(50))
    t = desurvey(["A", "B"], {"A": c1, "B": c2}, {})
    pos, _ = t.at(np.array([0, 1]), np.array([10.0, 10.0]))
    assert np.allclose(pos[0], [0, 0, -10], atol=MM)
    assert np.isnan(pos[1]).all()


def test_many_holes_are_desurveyed_alike_in_one_call():
    # two holes, the second the steepening arc: each hole's points from its own stations
    c = {"A": Collar("A", D(0), D(0), D(0), D(500)),
         "B": Collar("B", D(1000), D(2000), D(500), D(500))}
    s = {"A": [Station(D(0), D(0), D(90), 2)],
         "B": [Station(D(0), D(0), D(30), 3), Station(D(100), D(0), D(60), 4)]}
    t = desurvey(["A", "B"], c, s)
    pos, _ = t.at(np.array([1, 0, 1]), np.array([100.0, 100.0, 50.0]))
    assert np.allclose(pos, [[1000, 2069.90569, 430.09431], [0, 0, -100],
                             [1000, 2039.55418, 469.64849]], atol=MM)


def test_an_unknown_method_is_refused():
    with pytest.raises(ValueError, match="minimum-curvature"):
        desurvey([], {}, {}, "spline")
