"""True widths from desurveyed holes and vein orientations, worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

from typer.testing import CliRunner

from assay.cli import app
from assay.explore import Cutoff, Rules, find_intercepts, load_folder
from assay.explore.report import values

# a hole steepening from 30 to 60 degrees below horizontal over 100 m toward north: an arc
# of radius R = 100 / (pi/6) = 190.98593 m, whose end is R (cos 30 - cos 60) = 69.90569 m
# lower and R (sin 60 - sin 30) = 69.90569 m further north than its collar
CURVED = "hole_id,depth,azimuth,dip\nH1,0,0,-30\nH1,100,0,-60\n"
COLLAR = "hole_id,easting,northing,elevation,depth,vein\nH1,0,0,100,200,Upper\n"


def widths(folder, assays, name="holes", **rules):
    data = load_folder(folder(assays, collar=COLLAR, survey=CURVED, name=name))
    r = find_intercepts(data, Rules(Cutoff.parse("Ag>=50"), **rules))
    return r, [(ic.true_width, values(ic, r)["true_width"], ic.width_basis)
               for ic in r.intercepts]


def test_a_curved_hole_through_a_flat_vein_measures_the_drop(folder):
    # a flat vein (dip 0): the true width is the vertical distance, 69.90569 m over the
    # whole arc; a straight hole at the collar's 30 degrees would give 100 x sin 30 = 50
    _, got = widths(folder, "hole_id,from,to,Ag\nH1,0,100,100\n", vein_orientation=(D(0), D(0)))
    (tw, printed, basis), = got
    assert abs(tw - D("69.90569")) < D("0.001")
    assert printed == D("69.91")
    assert basis == "true width (vein 0/0, minimum-curvature desurvey)"


def test_a_vertical_vein_striking_east_measures_the_northing(folder):
    # a vein dipping 90 toward north (pole pointing north): the width is the 69.90569 m the
    # hole advances north; by balanced tangential 50 cos 30 + 50 cos 60 = 68.30127 m
    _, got = widths(folder, "hole_id,from,to,Ag\nH1,0,100,100\n", vein_orientation=(D(90), D(0)))
    assert got[0][1] == D("69.91")
    _, got = widths(folder, "hole_id,from,to,Ag\nH1,0,100,100\n", vein_orientation=(D(90), D(0)),
                    desurvey="balanced-tangential", name="bt")
    assert got[0][1] == D("68.30")


def test_each_vein_takes_its_own_orientation(folder):
    # two intercepts in veins named on the assay rows: Upper flat (the drop), Lower
    # without an orientation of its own, so it keeps its down-hole length
    assays = ("hole_id,from,to,Ag,vein\nH1,0,100,100,Upper\nH1,100,150,1,Upper\n"
              "H1,150,160,100,Lower\n")
    _, got = widths(folder, assays, vein_orientations={"Upper": (D(0), D(0))})
    assert got[0][1] == D("69.91")
    assert got[1][0] is None and got[1][2] == "down-hole length (no orientation for vein 'Lower')"
    # below the last station the hole is straight at 60 degrees: a flat vein's width of
    # 10 m down the hole is 10 sin 60 = 8.66 m (the fallback for every other vein)
    _, got = widths(folder, assays, vein_orientations={"Upper": (D(0), D(0))},
                    vein_orientation=(D(0), D(0)), name="all")
    assert got[1][1] == D("8.66")


def run_cli(*args):
    return CliRunner().invoke(app, ["intercepts", *map(str, args)])


def test_impossible_widths_and_orientations_are_refused(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,100,100\n", collar=COLLAR, survey=CURVED)
    result = run_cli(d, "--cutoff", "Ag>=50", "--true-width-ratio", "1.5",
                     "--vein-orientation", "95/010", "--vein-orientation", "Nope=70/045",
                     "--desurvey", "spline")
    assert result.exit_code == 2
    assert [x for x in result.output.splitlines() if x.startswith("error")] == [
        "error: --true-width-ratio: '1.5': a true width cannot exceed the down-hole length; "
        "give a ratio above 0 and at most 1",
        "error: --vein-orientation: '95/010': a dip is 0 to 90 degrees and a dip direction "
        "0 to 360",
        "error: --vein-orientation: true widths come from a ratio or from vein orientations, "
        "not both",
        "error: --desurvey: unknown method 'spline'; use one of minimum-curvature, "
        "balanced-tangential, tangent",
    ]
    unknown = run_cli(d, "--cutoff", "Ag>=50", "--vein-orientation", "Lowr=70/045")
    assert unknown.exit_code == 2
    assert "error: --vein-orientation: no vein 'Lowr'; veins: Upper" in unknown.output


def test_the_cli_prints_true_widths_from_the_survey(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,100,100\n", collar=COLLAR, survey=CURVED)
    result = run_cli(d, "--cutoff", "Ag>=50", "--vein-orientation", "Upper=0/0", "-f", "csv")
    assert result.exit_code == 0, result.output
    header, row = result.output.splitlines()[:2]
    assert "69.91" in row.split(",")
