"""Write report tables as Markdown (GitHub tables), numbers as the filing prints them."""

from __future__ import annotations

from .report_tables import ReportTable, date_header
from .report_text import format_number


def render_markdown(tables: list[ReportTable]) -> str:
    parts = []
    for t in tables:
        parts.append(f"## {t.company}: {t.title}\n")
        if t.scale_note:
            parts.append(f"_{t.scale_note}_\n")
        head = [t.stub or ""] + [f"{date_header(p.end)} {p.end.year} ({p.key})"
                                 for p in t.periods]
        lines = ["| " + " | ".join(head) + " |",
                 "|" + "---|" + "---:|" * len(t.periods)]
        for row in t.rows:
            if row.kind in ("blank", "rule", "total_rule"):
                continue
            label = row.label.strip().replace("|", "\\|")
            if row.kind == "heading":
                lines.append(f"| **{label}** |" + " |" * len(t.periods))
                continue
            cells = []
            for i in range(len(t.periods)):
                text = format_number(row.printed(i), row.decimals, row.nil_dash).strip()
                cells.append(("$ " + text) if row.dollar and text else text)
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        parts.append("\n".join(lines) + "\n")
        parts.extend(f"{note}\n" for note in t.footnotes)
    return "\n".join(parts)
