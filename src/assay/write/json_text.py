"""JSON as every command writes it: UTF-8 text, indented by ``indent`` spaces (none: one
line), ending in a newline."""

from __future__ import annotations

import json


def dumps(data: object, indent: int = 2) -> str:
    if indent:
        return json.dumps(data, indent=indent, ensure_ascii=False) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
