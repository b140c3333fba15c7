"""Plan and cross-section pictures: written as asked, holes chosen by the section window."""

from __future__ import annotations

from decimal import Decimal as D

from typer.testing import CliRunner

from assay.cli import app
from assay.explore import Cutoff, Rules, find_intercepts, load_folder
from assay.explore.sections import plan, section

# two vertical holes 500 m apart north-south, one intercept each
COLLAR = "hole_id,easting,northing,elevation,depth\nA,1000,0,100,50\nB,1000,500,100,50\n"
SURVEY = "hole_id,depth,azimuth,dip\nA,0,0,-90\nB,0,0,-90\n"
ASSAYS = "hole_id,from,to,Ag\nA,10,12,200\nB,20,21,150\n"


def result(folder):
    d = folder(ASSAYS, collar=COLLAR, survey=SURVEY)
    return find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=100"),
                                                 vein_orientation=(D(0), D(0))))


def test_a_section_window_keeps_the_holes_near_its_plane(folder, tmp_path):
    r = result(folder)
    # a plane through (1000, 0) running east: A is on it, B 500 m away
    assert section(r, tmp_path / "s.png", azimuth=90, origin=(1000, 0), width=100) == 1
    assert section(r, tmp_path / "all.png", azimuth=90, origin=(1000, 0)) == 2
    # running north, both holes lie in the plane
    assert section(r, tmp_path / "n.svg", azimuth=0, origin=(1000, 0), width=10) == 2
    assert (tmp_path / "s.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (tmp_path / "n.svg").read_bytes()[:500]
    assert plan(r, tmp_path / "p.png") == 2


def test_the_cli_writes_both_pictures_and_refuses_bad_section_options(folder, tmp_path):
    d = folder(ASSAYS, collar=COLLAR, survey=SURVEY)
    ok = CliRunner().invoke(app, ["intercepts", str(d), "--cutoff", "Ag>=100",
                                  "--plan", str(tmp_path / "p.svg"),
                                  "--section", str(tmp_path / "s.png"),
                                  "--section-azimuth", "90", "--section-width", "100",
                                  "--section-origin", "1000,0"])
    assert ok.exit_code == 0, ok.output
    assert f"plan of 2 hole(s) written to {tmp_path / 'p.svg'}" in ok.output
    assert f"section of 1 hole(s) written to {tmp_path / 's.png'}" in ok.output
    bad = CliRunner().invoke(app, ["intercepts", str(d), "--cutoff", "Ag>=100",
                                   "--plan", str(tmp_path / "p.pdf"),
                                   "--section-azimuth", "400", "--section-origin", "1000"])
    assert bad.exit_code == 2
    assert [x for x in bad.output.splitlines() if x.startswith("error")] == [
        f"error: --plan: {tmp_path / 'p.pdf'}: write .png or .svg",
        "error: --section-azimuth: places the --section plane; give --section OUT.png",
        "error: --section-azimuth: '400': degrees 0 to 360",
        "error: --section-origin: cannot read '1000': write EAST,NORTH such as 560500,2695600",
    ]


def test_holes_without_coordinates_are_left_out_and_scissor_holes_keep_their_axis(folder,
                                                                                  tmp_path):
    from assay.explore.sections import _mean_azimuth, trace_of

    # C has no collar coordinates: it has no place on a map
    d = folder(ASSAYS + "C,0,1,500\n", name="c",
               collar=COLLAR + "C,,,,50\n", survey=SURVEY + "C,0,0,-90\n")
    r = find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=100")))
    assert plan(r, tmp_path / "p.png") == 2
    # two holes drilled toward 90 and 270 degrees lie along one axis, 90-270
    d = folder(ASSAYS, name="scissor", collar=COLLAR,
               survey="hole_id,depth,azimuth,dip\nA,0,90,-45\nB,0,270,-45\n")
    t = trace_of(find_intercepts(load_folder(d), Rules(Cutoff.parse("Ag>=100"))))
    assert round(_mean_azimuth(t, t.located), 6) == 90
