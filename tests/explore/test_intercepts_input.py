"""Reading a drill-hole folder: naming schemes, dips, detection limits, one-pass errors."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from assay.cli import app
from assay.errors import InputErrors
from assay.explore import load_folder


def test_vendor_column_names_are_recognised(folder):
    d = folder("BHID,FROM,TO,AG_PPM,Au (g/t),Zn%\nH1,0,1.5,12,<0.01,2.5\n",
               collar="HOLEID,X,Y,Z,EOH\nH1,1,2,3,100\n")
    data = load_folder(d)
    assert data.holes == ["H1"]
    assert [(g.element, g.unit) for g in data.grades.values()] == [
        ("Ag", "g/t"), ("Au", "g/t"), ("Zn", "%")]
    assert data.collars["H1"].depth == 100
    assert data.grades["Au"].decimal(0) == D("0.005")  # half of the 0.01 limit


def test_below_detection_policies_and_codes(folder):
    text = "hole_id,from,to,Au\nH1,0,1,<0.02\nH1,1,2,-0.01\nH1,2,3,BDL\nH1,3,4,-99\n"
    data = load_folder(folder(text), detection_limits={"Au": D("0.004")})
    au = [data.grades["Au"].decimal(i) for i in range(4)]
    assert au == [D("0.01"), D("0.005"), D("0.002"), None]  # -99 is "not sampled"
    zero = load_folder(folder(text, name="z"), bdl_policy="zero",
                       detection_limits={"Au": D("0.004")})
    assert [zero.grades["Au"].decimal(i) for i in range(3)] == [0, 0, 0]


def test_both_dip_conventions_normalise_to_positive_down(folder):
    neg = load_folder(folder("hole_id,from,to,Ag\nH1,0,1,5\n",
                             survey="hole_id,depth,azimuth,dip\nH1,0,90,-60\n"))
    pos = load_folder(folder("hole_id,from,to,Ag\nH1,0,1,5\n",
                             survey="hole_id,depth,azimuth,dip\nH1,0,90,60\n", name="p"))
    assert neg.surveys["H1"][0].dip == pos.surveys["H1"][0].dip == 60
    with pytest.raises(InputErrors, match="both signs"):
        load_folder(folder("hole_id,from,to,Ag\nH1,0,1,5\n", name="m",
                           survey="hole_id,depth,azimuth,dip\nH1,0,90,-60\nH1,50,90,55\n"))


BAD = """hole_id,from,to,Ag
H1,0,1,5
H1,1,l2.0,5
H1,3,2,5
H1,2.5,4,abc
H1,3.5,5,5
H9,0,1,5
H2,190,210,5
H2,0,1,ND
"""


def test_every_error_in_one_pass_with_file_and_line(folder):
    d = folder(BAD, collar="hole_id,x,y,z,depth\nH1,0,0,0,200\nH2,0,0,0,200\nH1,0,0,0,50\n")
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    messages = [str(e) for e in info.value.errors]
    assert messages == [
        "collar.csv:4: duplicate hole 'H1' (first at line 2)",
        "assays.csv:3: column 'to': not a number: 'l2.0'",
        "assays.csv:4: from >= to: from 3 >= to 2",
        "assays.csv:5: column 'Ag': not a number: 'abc'",
        "assays.csv:7: hole 'H9' is not in collar.csv",
        "assays.csv:9: column 'Ag': below detection 'ND' without a limit: "
        "give --detection-limit Ag=VALUE",
        "assays.csv:8: interval to 210.0 m is past the depth of hole 'H2' (200 m in collar.csv)",
    ]


def test_overlapping_intervals_are_errors(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,2,5\nH1,1.5,3,5\n")
    with pytest.raises(InputErrors, match=r"assays.csv:3: interval 1.5-3.0 of hole 'H1' "
                       r"overlaps line 2 \(0.0-2.0\)"):
        load_folder(d)


def test_a_missing_folder_or_file_is_an_input_error(tmp_path):
    with pytest.raises(InputErrors, match="nowhere: not a folder"):
        load_folder(tmp_path / "nowhere")
    with pytest.raises(InputErrors, match="assays.csv: file not found"):
        (tmp_path / "collar.csv").write_text("hole_id\nH1\n")
        load_folder(tmp_path)


def test_cli_exits_2_with_one_line_per_error(folder):
    d = folder(BAD, collar="hole_id,x,y,z,depth\nH1,0,0,0,200\nH2,0,0,0,200\n")
    result = CliRunner().invoke(app, ["intercepts", str(d), "--cutoff", "Ag>=50"])
    assert result.exit_code == 2
    lines = [x for x in result.output.splitlines() if x.startswith("error")]
    assert "error: assays.csv:3: column 'to': not a number: 'l2.0'" in lines
    assert len(lines) == 6
    assert "Traceback" not in result.output


def test_cli_rejects_bad_options_together(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,1,5\n")
    result = CliRunner().invoke(app, ["intercepts", str(d), "--cutoff", "Ag>50x",
                                      "--max-waste", "two", "--format", "pdf"])
    assert result.exit_code == 2
    assert result.output.count("error:") == 3
