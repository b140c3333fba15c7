"""Containers and encodings of the era: SGML, tabs, form feeds, Windows-1252."""

from decimal import Decimal
from pathlib import Path

import pytest

from assay.errors import InputError
from assay.read import read_release, read_text

TABLE = """\
                         EXAMPLE MINING COMPANY
                    (dollars in thousands)

                              Three Months Ended
                            September 30,  September 30,
                                 2007           2006

Net income                      $ 1,234        $ (567)
Depreciation, depletion and
 amortization                       890            812
"""


def _sgml(*docs: tuple[str, str]) -> str:
    parts = ["<SEC-DOCUMENT>0001.txt", "<SEC-HEADER>", "COMPANY: EXAMPLE", "</SEC-HEADER>"]
    for doc_type, body in docs:
        parts += ["<DOCUMENT>", f"<TYPE>{doc_type}", "<SEQUENCE>1", "<TEXT>", body,
                  "</TEXT>", "</DOCUMENT>"]
    return "\n".join(parts) + "\n"


def test_sgml_submission_takes_each_ex99_document_with_file_line_numbers():
    body = TABLE.replace("\nNet income", "\n<TABLE>\n<S>                             <C>"
                         "            <C>\nNet income") + "</TABLE>\n<PAGE>\n"
    text = _sgml(("8-K", "Form 8-K cover text"), ("EX-99.1", body), ("EX-99.2", TABLE))
    doc = read_text(text, "sub.txt")
    assert len(doc.tables) == 2
    net = [f for f in doc.facts if f.concept == "net_income"]
    assert [f.value for f in net] == [Decimal(1234000), Decimal(-567000)] * 2
    line = net[0].source.line
    assert text.split("\n")[line - 1].startswith("Net income")
    assert doc.lines[line - 1].startswith("Net income")
    assert {f.period.key for f in net} == {"2007Q3", "2006Q3"}


def test_several_ex99_documents_keep_their_own_facts():
    wrong = TABLE.replace("$ 1,234", "$ 9,999")
    doc = read_text(_sgml(("EX-99.1", TABLE), ("EX-99.2", wrong)), "sub.txt")
    ids = [f.id for f in doc.facts]
    assert len(ids) == len(set(ids)) == 8
    assert [t.index for t in doc.tables] == [0, 1]
    for table, want in zip(doc.tables, (Decimal(1234000), Decimal(9999000)), strict=True):
        first = doc.fact(table.rows[0].fact_ids[0])
        assert first.value == want and first.table == table.title


def test_every_document_with_a_table_is_read_whatever_its_type():
    # an 8-K cover with the table and an EX-10 with the same table: both are read
    doc = read_text(_sgml(("8-K", TABLE), ("EX-10.1", TABLE)), "sub.txt")
    assert doc.parts == ["8-K", "EX-10.1"]
    assert len(doc.tables) == 2
    assert sum(1 for f in doc.facts if f.concept == "net_income") == 4


def test_documents_without_text_are_skipped_with_a_diagnostic():
    uu = "begin 644 logo.gif\nM1TE&.#EA`0`!`(```/___P```\nend"
    text = _sgml(("EX-99.1", TABLE), ("GRAPHIC", uu), ("EX-99.2", uu),
                 ("EX-101.INS", "<xbrl>...</xbrl>"))
    doc = read_text(text, "sub.txt")
    skipped = [d for d in doc.diagnostics if d.code == "skipped-document"]
    assert len(skipped) == 3
    assert "uuencoded" in skipped[1].message and "EX-99.2" in skipped[1].message
    # each names the line of its <DOCUMENT> tag
    assert [text.split("\n")[d.location.line - 1] for d in skipped] == ["<DOCUMENT>"] * 3
    assert doc.parts == ["EX-99.1"]


def test_sgml_with_nothing_to_read_is_an_input_error(tmp_path: Path):
    p = tmp_path / "sub.txt"
    p.write_text(_sgml(("8-K", "Cover text only, no table at all."), ("GRAPHIC", "begin 644 a")))
    with pytest.raises(InputError, match="no tables found"):
        read_release(p)
    p.write_text(_sgml(("GRAPHIC", "begin 644 a.gif\nM1TE\nend")))
    with pytest.raises(InputError, match="no document with text"):
        read_release(p)
    doc = read_text(p.read_text(), str(p))
    assert [d.code for d in doc.diagnostics] == ["no-document"]


def test_pem_and_ims_envelopes():
    text = ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n"
            "<IMS-DOCUMENT>0001.txt : 19941214\n<IMS-HEADER>0001.hdr.sgml\n"
            "COMPANY CONFORMED NAME:\t\t\tEXAMPLE MINING CO\n</IMS-HEADER>\n"
            "<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\n" + TABLE + "</TEXT>\n</DOCUMENT>\n"
            "</IMS-DOCUMENT>\n-----END PRIVACY-ENHANCED MESSAGE-----\n")
    doc = read_text(text, "pem.txt")
    assert doc.parts == ["10-Q"]
    f = next(f for f in doc.facts if f.concept == "net_income")
    assert f.value == Decimal(1234000)
    assert text.split("\n")[f.source.line - 1].startswith("Net income")


def test_newswire_fences_are_not_lines_of_the_table():
    fenced = TABLE.replace("                              Three", "```\n"
                           "                              Three") + "```\n"
    doc = read_text("Example Mining reports results.\n\n" + fenced, "wire.txt")
    assert [f.value for f in doc.facts if f.concept == "net_income"] == [
        Decimal(1234000), Decimal(-567000)]
    assert doc.tables[0].unplaced == []


def test_tabs_and_form_feeds(tmp_path: Path):
    tabbed = TABLE.replace("Net income                      $", "Net income\t\t\t$")
    assert "\t" in tabbed
    doc = read_text("\f" + tabbed + "\f\n")
    f = next(f for f in doc.facts if f.concept == "net_income")
    assert f.value == Decimal(1234000)
    assert doc.tables[0].unplaced == []


def test_windows_1252_release(tmp_path: Path):
    p = tmp_path / "cp1252.txt"
    text = TABLE.replace("Net income          ", "Net income \u2013 Hecla\u2019s")
    p.write_bytes(text.encode("cp1252"))
    doc = read_release(p)
    f = next(f for f in doc.facts if f.column == 0 and "Net income" in f.label)
    assert f.label == "Net income \u2013 Hecla\u2019s" and f.value == Decimal(1234000)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00" * 20, "a binary file"),
        (b"just some prose without any table at all\n", "no tables found"),
    ],
)
def test_unusable_files_are_input_errors(tmp_path: Path, content: bytes, problem: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=problem) as e:
        read_release(p)
    assert str(p) in str(e.value)


def test_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_release(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_release(tmp_path)


def test_a_stray_undecodable_byte_is_replaced_and_named_by_its_line(tmp_path: Path):
    # UTF-8 text (an en dash) with one byte that is not UTF-8: read as UTF-8, byte replaced
    p = tmp_path / "bad.txt"
    p.write_bytes(TABLE.encode() + "\nA \u2013 dash\nbad byte \x81 here\n".encode()
                  .replace(b"\xc2\x81", b"\x81"))
    doc = read_release(p)
    notes = [d for d in doc.diagnostics if d.code == "encoding"]
    assert len(notes) == 1 and "0x81" in notes[0].message
    assert notes[0].location.line == TABLE.count("\n") + 3
    assert doc.lines[notes[0].location.line - 1] == "bad byte \ufffd here"


def test_windows_1252_is_said(tmp_path: Path):
    p = tmp_path / "cp1252.txt"
    p.write_bytes(TABLE.encode() + "\nHecla\u2019s release\n".encode("cp1252"))
    doc = read_release(p)
    notes = [d for d in doc.diagnostics if d.code == "encoding"]
    assert len(notes) == 1 and "Windows-1252" in notes[0].message
    assert notes[0].location.line == TABLE.count("\n") + 2
