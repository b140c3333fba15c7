"""Random damage to the seed never makes the reader raise: it returns facts and
diagnostics for whatever it can still read."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assay.errors import InputError
from assay.model import Document
from assay.read import read_text
from assay.read.container import decode

SEED = (Path(__file__).resolve().parents[2] / "examples" / "hecla-2007-q2.txt").read_text()
LINES = SEED.split("\n")

_line = st.integers(min_value=0, max_value=len(LINES) - 1)
_op = st.one_of(
    st.tuples(st.just("delete"), _line, st.integers(1, 5)),
    st.tuples(st.just("duplicate"), _line, st.integers(1, 5)),
    st.tuples(st.just("truncate"), _line, st.integers(0, 80)),
    st.tuples(st.just("shuffle"), _line, st.integers(2, 12)),
    st.tuples(st.just("shift"), _line, st.integers(-6, 6)),
    st.tuples(st.just("flip"), _line, st.integers(0, 79)),
    st.tuples(st.just("insert"), _line, st.text(max_size=60)),
)


def _damage(lines: list[str], ops, rnd) -> list[str]:
    out = list(lines)
    for op, at, arg in ops:
        at = min(at, len(out) - 1)
        if at < 0:
            break
        if op == "delete":
            del out[at:at + arg]
        elif op == "duplicate":
            out[at:at] = out[at:at + arg]
        elif op == "truncate":
            out[at] = out[at][:arg]
        elif op == "shuffle":
            chunk = out[at:at + arg]
            rnd.shuffle(chunk)
            out[at:at + arg] = chunk
        elif op == "shift":
            out[at] = (" " * arg + out[at]) if arg > 0 else out[at][-arg:]
        elif op == "flip":
            s = out[at]
            if s:
                k = arg % len(s)
                out[at] = s[:k] + chr((ord(s[k]) ^ 0x5A) % 0x250 or 1) + s[k + 1:]
        else:
            out.insert(at, arg)
    return out


def _check(doc: Document) -> None:
    assert isinstance(doc, Document)
    for f in doc.facts:
        assert f.source is not None and f.source.line >= 1
    for d in doc.diagnostics:
        assert d.location.line >= 1 and d.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_op, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_damaged_text_never_raises(ops, rnd):
    _check(read_text("\n".join(_damage(LINES, ops, rnd)), "damaged.txt"))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), max_size=20))
def test_flipped_bytes_give_a_document_or_a_clean_input_error(flips):
    data = bytearray(SEED.encode())
    for at, byte in flips:
        data[at] = byte
    try:
        text = decode(bytes(data), "flipped.txt")
    except InputError as e:
        assert str(e).startswith("flipped.txt")
        return
    _check(read_text(text, "flipped.txt"))
