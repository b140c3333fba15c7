"""The audit as one self-contained HTML page: the document with every checked number
marked by its worst status, its checks on hover and on click, and a summary on top.

No external resources: styles and script are inline, so the file opens offline and
makes no network request.
"""

from __future__ import annotations

import json
from html import escape

from assay.audit import Audit, Finding, Status
from assay.model.findings import SEVERITY

COLOURS = {Status.OK: "#c8f0c8", Status.ROUNDING: "#ffe9a8", Status.MISMATCH: "#ffb3b3",
           Status.NOT_CHECKABLE: "#d6e4ff"}
CLASS = {Status.OK: "ok", Status.ROUNDING: "rounding", Status.MISMATCH: "mismatch",
         Status.NOT_CHECKABLE: "unchecked"}

_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#f6f6f6;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 6px}
.counts span{margin-right:14px;padding:2px 6px;border-radius:3px}
table.rules{border-collapse:collapse;font-size:12px;margin-top:8px}
table.rules td,table.rules th{padding:1px 8px;text-align:right}
table.rules td:first-child,table.rules th:first-child{text-align:left}
details{margin-top:6px;font-size:13px}
main{display:flex}
pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;line-height:1.35;
margin:0;padding:12px 20px;flex:1}
.ln{color:#999;user-select:none;display:inline-block;width:4em}
.n{border-radius:2px;cursor:pointer}
.n.ok{background:%(ok)s}.n.rounding{background:%(rounding)s}
.n.mismatch{background:%(mismatch)s;outline:1px solid #c00}
.n.unchecked{background:%(unchecked)s}
#panel{position:sticky;top:0;align-self:flex-start;width:42%%;max-height:100vh;overflow:auto;
padding:12px;border-left:1px solid #ddd;font-size:13px;background:#fcfcfc}
.f{border-left:4px solid #999;padding:4px 8px;margin-bottom:10px}
.f.ok{border-color:#3a3}.f.rounding{border-color:#d90}.f.mismatch{border-color:#c00}
.f.unchecked{border-color:#36c}
.f table{font-size:12px;border-collapse:collapse}.f td{padding:0 6px}
a{color:#036}
"""


_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _marks(audit: Audit) -> dict[int, list[tuple[int, int, list[int]]]]:
    """line -> [(col_start, col_end, finding indices)], non-overlapping, in column order."""
    spans: dict[tuple[int, int, int], list[int]] = {}
    for i, f in enumerate(audit.findings):
        for o in f.operands:
            for line, a, b in o.spans:  # both parts of a figure that wraps
                if line and b > a:
                    ids = spans.setdefault((line, a, b), [])
                    if i not in ids:
                        ids.append(i)
    by_line: dict[int, list[tuple[int, int, list[int]]]] = {}
    for (line, a, b), ids in sorted(spans.items()):
        row = by_line.setdefault(line, [])
        if row and a < row[-1][1]:
            row[-1][2].extend(i for i in ids if i not in row[-1][2])
            continue
        row.append((a, b, ids))
    return by_line


def _worst(findings: list[Finding]) -> Status:
    return max((f.status for f in findings), key=lambda s: SEVERITY[s])


def _finding_data(f: Finding) -> dict[str, object]:
    return {"rule": f.rule, "status": str(f.status), "cls": CLASS[f.status],
            "message": f.message, "notes": list(f.notes),
            "ops": [[o.role, o.printed, o.label[:90], o.table or "prose", o.period or "",
                     o.line] for o in f.operands]}


def audit_html(audit: Audit) -> str:
    doc = audit.document
    marks = _marks(audit)
    body = []
    for n, text in enumerate(doc.lines, start=1):
        pieces, pos = [], 0
        for a, b, ids in marks.get(n, []):
            fs = [audit.findings[i] for i in ids]
            worst = _worst(fs)
            tip = "\n".join(f"{f.status}: [{f.rule}] {f.message}" for f in fs[:6])
            if len(fs) > 6:
                tip += f"\n... and {len(fs) - 6} more"
            pieces.append(escape(text[pos:a]))
            pieces.append(f'<span class="n {CLASS[worst]}" data-status="{worst}" '
                          f'data-f="{",".join(map(str, ids))}" title="{escape(tip)}">'
                          f"{escape(text[a:b])}</span>")
            pos = b
        pieces.append(escape(text[pos:]))
        body.append(f'<span class="ln" id="L{n}">{n}</span>{"".join(pieces)}')
    counts = audit.by_status()
    order = (Status.MISMATCH, Status.ROUNDING, Status.NOT_CHECKABLE, Status.OK)
    count_html = "".join(
        f'<span style="background:{COLOURS[s]}">{counts.get(str(s), 0)} {s}</span>'
        for s in order)
    rules = "".join(
        f"<tr><td>{escape(r)}</td>" + "".join(f"<td>{c.get(str(s), '')}</td>" for s in order)
        + "</tr>" for r, c in audit.by_rule().items())
    mism = "".join(
        f'<li><a href="#L{f.line}">line {f.line}</a> [{escape(f.rule)}] {escape(f.message)}</li>'
        for f in audit.mismatches)
    data = json.dumps([_finding_data(f) for f in audit.findings]).replace("</", "<\\/")
    css = _CSS % {CLASS[s]: COLOURS[s] for s in COLOURS}
    total = sum(counts.values())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>assay audit: {escape(doc.path)}</title><style>{css}</style></head>
<body><header><h1>assay audit: {escape(doc.company)} &mdash; {escape(doc.path)}</h1>
<div class="counts" id="summary">{total} checks: {count_html}</div>
<details open><summary>{len(audit.mismatches)} mismatches</summary><ol id="mismatches">{mism}</ol>
</details>
<details><summary>checks by rule</summary><table class="rules"><tr><th>rule</th>
{"".join(f"<th>{s}</th>" for s in order)}</tr>{rules}</table></details>
<div style="font-size:12px;margin-top:6px">Every printed figure stands for the interval of
its precision; a relation holds when the intervals meet. Click a marked number for its
checks. Conversions use g/t = oz/ton &times; {escape(audit.factor)}.</div>
</header>
<main><pre id="doc">{chr(10).join(body)}</pre>
<aside id="panel"><p>Click a marked number to see its checks.</p></aside></main>
<script>
const F = {data};
function esc(s) {{
  return String(s).replace(/[&<>"]/g,
    c => ({{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}})[c]);
}}
document.getElementById('doc').addEventListener('click', ev => {{
  const t = ev.target.closest('.n'); if (!t) return;
  const ids = t.dataset.f.split(',').map(Number);
  let h = '';
  for (const i of ids) {{
    const f = F[i];
    h += '<div class="f ' + f.cls + '"><b>' + esc(f.status) + '</b> [' + esc(f.rule) + '] ' +
      esc(f.message) + f.notes.map(n => '<br><i>' + esc(n) + '</i>').join('') + '<table>' +
      f.ops.map(o => '<tr><td><a href="#L' + o[5] + '">' + o[5] + '</a></td><td>' + esc(o[0]) +
        '</td><td style="text-align:right">' + esc(o[1]) + '</td><td>' + esc(o[2]) + ' (' +
        esc(o[3]) + (o[4] ? ', ' + esc(o[4]) : '') + ')</td></tr>').join('') + '</table></div>';
  }}
  document.getElementById('panel').innerHTML = h;
}});
</script></body></html>
"""
