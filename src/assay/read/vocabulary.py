"""The tagging vocabulary: metals, concepts, segments, operating units and table roles,
read from data (``vocabulary.toml`` beside this module), never written in the code.

A user extends it with a TOML file of the same shape named by the ``ASSAY_VOCABULARY``
environment variable; its entries are merged over the bundled ones. A file that cannot
be read or has the wrong shape is an :class:`assay.errors.InputError` naming it: raised
by :func:`load`, kept in ``VOCABULARY_ERROR`` for the one named by the environment.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from assay.errors import InputError

_TABLES = ("metals", "segments", "units", "counted", "acquisition", "roles", "balances",
           "moment_columns", "signs", "concepts", "concepts_per_ounce", "concepts_dollars",
           "concepts_cash_flow")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the reader knows of words. Shared and read-only."""

    metals: tuple[str, ...]
    symbols: MappingProxyType[str, str]  # "ag" -> "silver"
    segment_groups: tuple[str, ...]
    unit_words: tuple[str, ...]
    counted: tuple[str, ...]  # things a row counts ("employees", "stores")
    acquisition: tuple[str, ...]  # words that tell of a business combination
    acquisition_done: re.Pattern[str]  # a sentence saying one was done
    roles: tuple[tuple[str, re.Pattern[str]], ...]
    # ("end" | "begin" | "items" | "accounts", pattern)
    balances: tuple[tuple[str, re.Pattern[str]], ...]
    moment_columns: re.Pattern[str]  # a column header naming values at a moment
    sign_word: re.Pattern[str]  # "Less:" before a row's name: how it counts in a sum
    concepts: MappingProxyType[str, str]
    per_ounce: MappingProxyType[str, str]
    dollars: MappingProxyType[str, str]
    cash_flow: MappingProxyType[str, str]

    @property
    def metal_pattern(self) -> str:
        """An alternation of the metals' names, longest first, for regular expressions."""
        return "|".join(sorted(map(re.escape, self.metals), key=len, reverse=True))

    def role_of(self, title: str) -> str | None:
        """The role of a table with this title, or None when no pattern finds it."""
        return _first(self.roles, title)

    def balance_of(self, label: str) -> str | None:
        """``"end"`` for a row of balances at a period's end, ``"begin"`` for one at its
        beginning, ``"items"`` for a row that names a balance, ``"accounts"`` for one that
        names an account (a balance, or a flow among income and cash flows), None for any
        other row. A sign word before the name is no part of it ("Less: goodwill"), but
        a deduction named as a minority's interest alone may be its share of earnings as
        well as of equity: it is none. Nor is "Consolidated" ("Consolidated total debt")."""
        signless = self.sign_word.sub("", label, count=1)
        found = _first(self.balances, _WHOLE_GROUP.sub("", signless, count=1))
        return None if found == "mezzanine" and signless != label else found


_WHOLE_GROUP = re.compile(r"^consolidated\s+", re.IGNORECASE)


def _first(patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    """The name of the first pattern found in ``text`` (a typographic apostrophe read as
    a plain one), or None."""
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    for name, pattern in patterns:
        if pattern.search(text):
            return name
    return None


def load(extra: str | None = None) -> Vocabulary:
    """The bundled vocabulary, with the file ``extra`` (a path) merged over it."""
    data = _parse(files(__package__).joinpath("vocabulary.toml").read_text("utf-8"),
                  "vocabulary.toml")
    if extra:
        try:
            text = open(extra, encoding="utf-8").read()  # noqa: SIM115 - read at once
        except OSError as e:
            raise InputError(extra, f"vocabulary cannot be read: {e.strerror}") from None
        for table, entries in _parse(text, extra).items():
            data.setdefault(table, {}).update(entries)
    return _build(data)


def _parse(text: str, path: str) -> dict[str, dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(path, f"not valid TOML: {e}") from None
    for table, entries in data.items():
        if table not in _TABLES or not isinstance(entries, dict):
            raise InputError(path, f"[{table}]: not a table of the vocabulary "
                                   f"(expected one of {', '.join(_TABLES)})")
    return data


def _build(data: dict[str, dict[str, Any]]) -> Vocabulary:
    metals = data.get("metals", {})
    return Vocabulary(
        metals=tuple(metals),
        symbols=MappingProxyType({str(s).lower(): m for m, s in metals.items()}),
        segment_groups=tuple(data.get("segments", {}).get("groups", ())),
        unit_words=tuple(data.get("units", {}).get("heading_words", ())),
        counted=tuple(data.get("counted", {}).get("things", ())),
        acquisition=tuple(data.get("acquisition", {}).get("words", ())),
        acquisition_done=re.compile("|".join(data.get("acquisition", {}).get("done", ()))
                                    or "(?!)", re.IGNORECASE),
        roles=_patterns(data.get("roles", {})),
        balances=_patterns(data.get("balances", {})),
        moment_columns=re.compile("|".join(data.get("moment_columns", {}).get("names", ()))
                                  or "(?!)", re.IGNORECASE),
        sign_word=re.compile(
            r"^\s*(?:" + "|".join(map(re.escape, data.get("signs", {}).get("words", ())))
            + r")\b\s*[:\-\u2013\u2014]?\s*" if data.get("signs", {}).get("words")
            else r"(?!)", re.IGNORECASE),
        concepts=MappingProxyType(dict(data.get("concepts", {}))),
        per_ounce=MappingProxyType(dict(data.get("concepts_per_ounce", {}))),
        dollars=MappingProxyType(dict(data.get("concepts_dollars", {}))),
        cash_flow=MappingProxyType(dict(data.get("concepts_cash_flow", {}))),
    )


def _patterns(table: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each name's patterns (a list, or one string), compiled, in the file's order."""
    return tuple((name, re.compile(p, re.IGNORECASE))
                 for name, patterns in table.items()
                 for p in (patterns if isinstance(patterns, list) else [patterns]))


def _from_environment() -> tuple[Vocabulary, InputError | None]:
    """The vocabulary ``ASSAY_VOCABULARY`` extends, or the bundled one and the error that
    kept the user's file out (the command line reports it and exits 2)."""
    try:
        return load(os.environ.get("ASSAY_VOCABULARY") or None), None
    except InputError as e:
        return load(), e


VOCABULARY, VOCABULARY_ERROR = _from_environment()
