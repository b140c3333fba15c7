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
        "assays.csv:8: interval to 210.0 m is past the depth of hole 'H2' (200 m in collar.csv)",
        "assays.csv:9: column 'Ag': below detection 'ND' without a limit: "
        "give --detection-limit Ag=VALUE",
    ]  # sorted by file (in the order read) and line


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
                                      "--max-waste", "two", "--format", "md", "--indent", "4"])
    assert result.exit_code == 2
    assert result.output.count("error:") == 3
    # a format that is not offered is refused with the choices, as in every command
    pdf = CliRunner().invoke(app, ["intercepts", str(d), "--cutoff", "Ag>=1", "-f", "pdf"])
    assert pdf.exit_code == 2 and "'pdf' is not one of 'text', 'csv', 'md', 'xlsx', 'json'" \
        in " ".join(pdf.output.split())


def test_ragged_rows_are_errors_in_every_file_in_one_pass(folder):
    # line 3 of assays has one cell too many (the Ag value would shift into Au),
    # line 4 one too few; collar line 3 has three cells of five
    d = folder("hole_id,from,to,Ag,Au\nH1,0,1,100,1\nH1,1,2,,50,1\nH1,2,3,5\n",
               collar="hole_id,easting,northing,elevation,depth\nH1,0,0,100,200\nH2,10,0\n")
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    assert [str(e) for e in info.value.errors] == [
        "collar.csv:3: 3 cells, header has 5",
        "assays.csv:3: 6 cells, header has 5",
        "assays.csv:4: 4 cells, header has 5",
    ]


def test_an_unterminated_quote_is_reported_where_it_opens(folder):
    d = folder('hole_id,from,to,Ag\nH1,0,1,5\nH1,1,2,"100\nH1,2,3,5\nH1,3,4,5\n')
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    assert [str(e) for e in info.value.errors] == [
        "assays.csv:3: unterminated quote: the quoted field opened on this line never closes"]


def test_text_after_a_closing_quote_is_not_csv_and_reading_goes_on(folder):
    d = folder('hole_id,from,to,Ag\nH1,0,1,"5"x\nH1,1,2,zz\n')
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    assert [str(e) for e in info.value.errors] == [
        "assays.csv:2: not CSV: ',' expected after '\"'",
        "assays.csv:3: column 'Ag': not a number: 'zz'",
    ]


def test_a_quoted_field_over_two_lines_keeps_its_first_line(folder):
    # a legal multi-line field (lines 3-4): that row is line 3, the next one line 5
    d = folder('hole_id,from,to,Ag,note\nH1,0,1,5,a\nH1,1,2,abc,"two\nlines"\n'
               'H1,2,3,zz,b\n')
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    assert [str(e) for e in info.value.errors] == [
        "assays.csv:3: column 'Ag': not a number: 'abc'",
        "assays.csv:5: column 'Ag': not a number: 'zz'",
    ]


def test_collar_holes_without_assays_are_counted_in_a_note(folder):
    data = load_folder(folder("hole_id,from,to,Ag\nH1,0,1,5\n"))  # collar: H1 and H2
    (note,) = [n for n in data.notes if n.code == "no-assays"]
    assert note.severity == "warning"
    assert note.message == "1 hole(s) in collar.csv without assay rows in assays.csv, " \
                           "not reported: H2"


def test_column_mappings_name_known_fields_and_existing_headers(folder):
    with pytest.raises(InputErrors) as info:
        load_folder(folder("hole_id,from,to,Ag\nH1,0,1,5\n"),
                    columns={"hoel": "hole_id", "vein": "Veinn"})
    assert [str(e) for e in info.value.errors] == [
        "--column: unknown field 'hoel'; use one of hole, from, to, easting, northing, "
        "elevation, depth, azimuth, dip, vein, lithology, sample",
        "--column: vein=Veinn: no column 'Veinn' in collar.csv, assays.csv",
    ]


def run_cli(*args):
    return CliRunner().invoke(app, ["intercepts", *map(str, args)])


def test_cli_reports_every_option_and_file_error_in_one_pass(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,1,5\nH1,1,x,5\n")
    result = run_cli(d, "--cutoff", "Ag>=5", "--max-waste", "-1", "--min-length", "abc",
                     "--depth-unit", "yd", "--dip-convention", "up")
    assert result.exit_code == 2
    assert [x for x in result.output.splitlines() if x.startswith("error")] == [
        "error: --max-waste: '-1': must be at least 0",
        "error: --min-length: not a number: 'abc'",
        "error: --depth-unit: unknown unit 'yd'; use m or ft",
        "error: --dip-convention: unknown convention 'up'; use one of auto, negative-down, "
        "positive-down",
        "error: assays.csv:3: column 'to': not a number: 'x'",
    ]


def test_percent_is_a_unit_only_for_recoveries(folder):
    d = folder("hole_id,from,to,Ag,Au\nH1,0,1,100,1\n")
    bad = run_cli(d, "--cutoff", "Ag>=50", "--max-waste", "5%")
    assert bad.exit_code == 2
    assert "error: --max-waste: '5%': '%' is not a unit here" in bad.output
    ok = run_cli(d, "--cutoff", "AgEq>=50", "--price", "Ag=13", "--price", "Au=650",
                 "--recovery", "Ag=90%", "-f", "json")
    assert ok.exit_code == 0, ok.output
    assert '"recovery": "0.9"' in ok.output  # 90% = 0.9


def test_a_percent_cutoff_on_the_command_line_is_converted(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,1,100\n")
    result = run_cli(d, "--cutoff", "Ag>=5%")  # 50,000 g/t: no intercept, not 1 at 5 g/t
    assert result.exit_code == 0
    assert "No intercept meets the rules." in result.output


def test_an_unknown_plot_hole_names_the_holes_that_exist(folder, tmp_path):
    d = folder("hole_id,from,to,Ag\nH1,0,1,100\nH2,0,1,100\n")
    result = run_cli(d, "--cutoff", "Ag>=50", "--plot", tmp_path / "s.png",
                     "--plot-hole", "NOPE")
    assert result.exit_code == 2
    assert "error: --plot-hole: no hole 'NOPE' in assays.csv; holes: H1, H2" in result.output
    assert not (tmp_path / "s.png").exists()


def test_unwritable_outputs_are_refused_before_any_work(folder, tmp_path):
    d = folder("hole_id,from,to,Ag\nH1,0,1,100\n")
    missing = tmp_path / "nowhere" / "out.csv"
    adir = tmp_path / "adir.png"
    adir.mkdir()
    result = run_cli(d, "--cutoff", "Ag>=50", "-o", missing, "--plot", adir)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"error: {missing}: cannot write: '{missing.parent}' is a folder that does not exist",
        f"error: {adir}: is a directory; give a file name to write to",
    ]
    plot = run_cli(d, "--cutoff", "Ag>=50", "--plot", adir)
    assert plot.exit_code == 2
    assert "Drill Intercepts" not in plot.output  # the table was not printed first
    assert "Traceback" not in plot.output


def test_survey_stations_that_disagree_and_collar_azimuths_out_of_range(folder):
    # two stations of H1 at 50 m with different directions: which is right is unknown;
    # H2's collar azimuth 361 is no bearing; H2's station at 250 m is below its 200 m depth
    d = folder("hole_id,from,to,Ag\nH1,0,1,5\nH2,0,1,5\n",
               collar="hole_id,x,y,z,depth,azimuth,dip\nH1,0,0,0,200,10,-60\n"
                      "H2,0,0,0,200,361,-60\n",
               survey="hole_id,depth,azimuth,dip\nH1,0,10,-60\nH1,50,10,-60\nH1,50,12,-58\n"
                      "H1,50,10,-60\nH2,0,10,-60\nH2,250,10,-60\n")
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    assert [str(e) for e in info.value.errors] == [
        "collar.csv:3: azimuth 361 outside 0..360 degrees",
        "survey.csv:4: hole 'H1': two survey stations at depth 50 m (line 3: 10/60, "
        "this line: 12/58)",
        "survey.csv:5: hole 'H1': two survey stations at depth 50 m (line 4: 12/58, "
        "this line: 10/60)",
    ]
    ok = folder("hole_id,from,to,Ag\nH2,0,1,5\n", name="past",
                collar="hole_id,x,y,z,depth\nH2,0,0,0,200\n",
                survey="hole_id,depth,azimuth,dip\nH2,0,10,-60\nH2,250,10,-60\n")
    (note,) = [n for n in load_folder(ok).notes if n.code == "survey-past-depth"]
    assert note.message == "hole H2: survey station at 250 m is below the hole's depth (200 m)"


def test_lines_stay_physical_with_blank_lines_and_windows_line_ends(folder):
    # a blank line 3 (read row by row) and CRLF line ends (read by DuckDB): the bad cell
    # is on physical line 4 in both files
    blank = folder("hole_id,from,to,Ag\nH1,0,1,5\n\nH1,1,2,zz\n", name="blank")
    crlf = folder("hole_id,from,to,Ag\r\nH1,0,1,5\r\nH1,1,2,6\r\nH1,2,3,zz\r\n", name="crlf")
    for d in (blank, crlf):
        with pytest.raises(InputErrors) as info:
            load_folder(d)
        assert [str(e) for e in info.value.errors] == [
            "assays.csv:4: column 'Ag': not a number: 'zz'"]


def test_tabs_and_old_mac_line_ends_are_read_as_python_reads_them(folder):
    # a tab after a value or a hole id is space around a cell; CR alone ends a line
    tabs = folder("hole_id,from,to,Ag\nH1\t,0,1,55\t\nH1,1,2,\t7\n", name="tabs")
    data = load_folder(tabs)
    assert data.holes == ["H1"] and [data.grades["Ag"].decimal(i) for i in range(2)] == [55, 7]
    cr = folder("hole_id,from,to,Ag\rH1,0,1,5\rH1,1,2,zz\r", name="cr")
    with pytest.raises(InputErrors) as info:
        load_folder(cr)
    assert [str(e) for e in info.value.errors] == ["assays.csv:3: column 'Ag': not a number: 'zz'"]


def test_survey_tables_that_cannot_hold(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,1,5\n", survey="hole_id,depth,azimuth,dip\n",
               name="empty")
    with pytest.raises(InputErrors, match="survey.csv:1: no survey stations: only a header"):
        load_folder(d)
    d = folder("hole_id,from,to,Ag\nH1,0,1,5\n", name="negative",
               survey="hole_id,depth,azimuth,dip\nH1,-5,10,-60\nH1,0,10,-60\n")
    with pytest.raises(InputErrors) as info:
        load_folder(d)
    assert [str(e) for e in info.value.errors] == ["survey.csv:2: negative depth -5"]


def test_a_mapping_to_a_missing_header_is_one_error_not_one_per_table(folder):
    d = folder("hole_id,from,to,Ag\nH1,0,1,5\n",
               survey="hole_id,depth,azimuth,dip\nH1,0,10,-60\n", name="m")
    with pytest.raises(InputErrors) as info:
        load_folder(d, columns={"hole": "Foo"})
    assert [str(e) for e in info.value.errors] == [
        "--column: hole=Foo: no column 'Foo' in collar.csv, survey.csv, assays.csv"]
