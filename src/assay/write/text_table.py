"""Plain text tables: aligned columns, each as wide as its widest cell, nothing cut."""

from __future__ import annotations


def text_columns(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """The header, a rule and the rows as aligned lines; columns in ``right`` are
    right-aligned. Time and size grow linearly with the cells."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]
