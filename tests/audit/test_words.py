"""The words of findings, written only when read, say what the checks did.

Each check keeps what its message needs (the facts, the mentions, the computed value) and
writes the words on first read, through a function and its arguments rather than a
closure; these tests read the words of one finding of each kind on the seed and check
them against the arithmetic done by hand, and check that an audit's result is freed by
reference counting alone (no reference cycles left for the collector).
"""

from __future__ import annotations

import gc
import types

from assay.audit import audit
from assay.model.findings import Finding, Status, written
from assay.read import read_release

from audit_fixtures import SEED  # isort: skip


def _one(seed_audit, line: int, rule: str, status: str | None = None) -> Finding:
    found = [f for f in seed_audit.findings if f.line == line and f.rule == rule
             and (status is None or str(f.status) == status)]
    assert found, (line, rule, status)
    return found[0]


def test_words_given_as_a_function_and_its_arguments():
    assert written("as it is") == "as it is"
    assert written(lambda: "from a function") == "from a function"
    assert written((" + ".join, ("a", "b"))) == "a + b"
    f = Finding("r", Status.OK, (str.upper, "loud"), (), arithmetic=("{} = {}".format, 1, 1))
    assert (f.message, f.arithmetic) == ("LOUD", "1 = 1")


def test_conversion_words(seed_audit):
    # 296.6 g/t x 7 / 240 = 8.650833... oz/ton -> 8.6508 (4 places: 2 printed + 2);
    # printed 8.66: off by 8.66 - 8.650833 = 0.009167 -> 0.0092
    f = _one(seed_audit, 254, "prose.conversion")
    assert f.arithmetic == "296.6 g/t / 240/7 = 8.6508 oz/ton"
    assert f.message == ("prose conversion: 296.6 g/t / 240/7 = 8.6508 oz/ton, printed 8.66; "
                         "off by 0.0092 oz/ton beyond rounding")
    # 6,120.8 / 34.28 = 178.5531... with the factor the intercept table evidently used
    f = _one(seed_audit, 281, "derived.conversion")
    assert f.message == ("Intercepts: San Martin RG-10 silver grade: 6,120.8 g/t / 34.28 = "
                         "178.5531 oz/ton, printed 178.55; within rounding")


def test_derived_words(seed_audit):
    # 10,972 / 19 = 577.4736... -> 577.47, as printed
    f = _one(seed_audit, 868, "derived.per_ounce")
    assert f.message == ("Reconciliation, gold operations: cost per ounce (2007Q2) = total "
                         "cash costs / ounces: 10,972 thousand USD / 19 thousand oz = 577.47, "
                         "as printed")
    # (6.08 x 742,125 + 1.22 x 520,750) / 1,262,875 = 5,147,435 / 1,262,875 = 4.07597...
    f = _one(seed_audit, 491, "derived.weighted_cost", "mismatch")
    assert f.arithmetic == "(6.08 x 742,125 + 1.22 x 520,750) / (742,125 + 520,750)"
    assert f.message.startswith("Highlights: Total production costs ($/oz.) per ounce of silver "
                                "(2006Q2) = weighted average of units: ")
    assert f.message.endswith("= 4.0760, printed 3.44; off by 0.6360 USD/oz (at least 0.62596 "
                              "beyond rounding)")
    # -2,375 + (-575) = -2,950
    f = _one(seed_audit, 891, "derived.unit_sum", "ok")
    assert f.message == ("Reconciliation, silver operations: Total cash costs (2007Q2) = "
                         "Greens Creek + Lucky Friday: -2,375 + (-575) = -2,950, as printed")


def test_footing_tie_and_not_checkable_words(seed_audit):
    # 44,431 + 15,669 = 60,100
    f = _one(seed_audit, 456, "foot.layout")
    assert f.message == "Highlights: Total sales (2007Q2): 44,431 + 15,669 = 60,100, as printed"
    # -25 and 76 at the same precision: 76 - (-25) = 101 apart
    f = _one(seed_audit, 528, "tie.pre_development")
    assert f.message == (
        "Add pre-development expenses (2007Q2): -25 thousand (Highlights line 528) vs 76 "
        "thousand (Consolidated Statements of Operations line 579): the same quantity printed "
        "at the same precision as two different numbers, 101 thousand USD apart")
    f = _one(seed_audit, 766, "identity.cash_begin", "not checkable")
    # cash at the beginning of the six months of 2006 is a balance at 2005-12-31
    assert f.message == ("Beginning cash of the cash flows (2005-12-31) = balance sheet cash "
                         "at 2005-12-31: not checkable, cash in the balance sheet at 2005-12-31 "
                         "not found in the document")


def test_prose_words(seed_audit):
    f = _one(seed_audit, 12, "prose.value")
    assert f.message == ('"$24.3 million": Net income (2007Q2) printed 24,337 in Highlights '
                         "line 466")
    assert f.arithmetic == "24,337 ~ $24.3 million"
    # (13.33 / 10.99 - 1) x 100 = 21.2920... -> 21.29 (0 places cited + 2)
    f = _one(seed_audit, 68, "prose.percent")
    assert f.message == ('"21%": change between the figures cited: (13.33 / 10.99 - 1) x 100 '
                         "= 21.29, as cited")


def test_an_audit_leaves_no_reference_cycles():
    doc = read_release(SEED)
    audit(doc)  # the caches of the first audit stay
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds is kept in gc.garbage
    try:
        result = audit(doc)
        for f in result.findings:  # words and operands made on reading hold no cycle either
            f.to_dict()
        del result, f
        gc.collect()
        # (a library's own cycles, if any, are not the audit's: only assay's objects count)
        assert [o for o in gc.garbage if _of_assay(o)] == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()


def _of_assay(o: object) -> bool:
    module = o.__module__ if isinstance(o, types.FunctionType) else type(o).__module__
    return (module or "").startswith("assay")
