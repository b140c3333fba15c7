"""The audit for people (a linter's report) and for machines (JSON)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from assay.audit import Audit, Finding, Status
from assay.write.json_text import dumps

STYLE = {Status.OK: "green", Status.ROUNDING: "yellow", Status.MISMATCH: "bold red",
         Status.NOT_CHECKABLE: "blue"}
ORDER = (Status.MISMATCH, Status.ROUNDING, Status.NOT_CHECKABLE, Status.OK)


def finding_lines(f: Finding) -> list[str]:
    """A finding as a linter prints it, with each operand's line below (rich markup)."""
    style = STYLE[f.status]
    head = (f"{escape(f.file)}:{f.line}: [{style}]{f.status}[/{style}] "
            f"\\[{escape(f.rule)}] {escape(f.message)}")
    out = [head]
    for note in f.notes:
        out.append(f"    note: {escape(note)}")
    for o in f.operands:
        where = f"{o.table}" if o.table else "prose"
        label = o.label if len(o.label) <= 70 else o.label[:67] + "..."
        out.append(f"    {o.line:>5}  {o.role:<11} {escape(o.printed):>14}  "
                   f"[dim]{escape(label)} ({escape(where)}, {o.period or '-'})[/dim]")
    return out


def print_audit(audit: Audit, console: Console, show: Iterable[Status] = (Status.MISMATCH,),
                ) -> None:
    """The chosen findings with their arithmetic, then counts by status and by rule."""
    wanted = set(show)
    for f in audit.findings:
        if f.status in wanted:
            for line in finding_lines(f):
                console.print(line, highlight=False, soft_wrap=True)
            console.print()
    counts = audit.by_status()
    total = sum(counts.values())
    parts = [f"[{STYLE[s]}]{counts.get(str(s), 0)} {s}[/{STYLE[s]}]" for s in ORDER]
    console.print(f"[bold]{escape(audit.document.path)}[/bold]: {total} checks: "
                  + ", ".join(parts), highlight=False, soft_wrap=True)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("rule")
    for s in ORDER:
        table.add_column(str(s), justify="right", style=STYLE[s])
    for rule, c in audit.by_rule().items():
        table.add_row(rule, *(str(c.get(str(s), "")) for s in ORDER))
    console.print(table)
    console.print(f"unit conversions: g/t = oz/ton x {audit.factor}"
                  + ("" if audit.factor == "240/7" else " (the rounded factor the document "
                     "evidently used; 240/7 is exact)"), highlight=False, soft_wrap=True)


def audit_json(audit: Audit, indent: int = 2) -> str:
    """The audit as one JSON document (:func:`assay.write.json_text.dumps`)."""
    counts = audit.by_status()
    memo: dict[str, dict[str, object]] = {}  # a fact's fields by id, written once per report
    data = {
        "file": audit.document.path,
        "company": audit.document.company,
        "period": audit.document.period.key if audit.document.period else None,
        "summary": {
            "checks": sum(counts.values()),
            "by_status": {str(s): counts.get(str(s), 0) for s in ORDER},
            "by_rule": {r: dict(c) for r, c in audit.by_rule().items()},
            "conversion_factor": audit.factor,
        },
        "findings": [f.to_dict(memo) for f in audit.findings],
    }
    return dumps(data, indent)
