"""Write report tables as JSON: each figure as printed, exact, and with its fact id."""

from __future__ import annotations

from .json_text import dumps
from .report_tables import ReportTable


def render_json(tables: list[ReportTable], indent: int = 2) -> str:
    out = []
    for t in tables:
        rows = []
        for row in t.rows:
            if row.kind != "value":
                if row.kind == "heading":
                    rows.append({"heading": row.label.strip()})
                continue
            rows.append({
                "label": row.label.strip(), "unit": row.unit, "scale": row.scale,
                "decimals": row.decimals,
                "cells": [
                    None if v is None else {"printed": str(row.printed(i)), "exact": str(v),
                                            "fact": row.fact_ids[i]}
                    for i, v in enumerate(row.values)],
            })
        out.append({"company": t.company, "title": t.title, "scale_note": t.scale_note,
                    "periods": [p.key for p in t.periods], "rows": rows,
                    "footnotes": t.footnotes})
    return dumps(out, indent)
