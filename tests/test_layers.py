"""The packages of assay import one another in one direction only: no cycle between
packages, lazy imports inside functions included (a cycle hidden in a function is still
two packages that cannot be understood apart)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "assay"


def _package_imports() -> dict[str, set[str]]:
    """Each package of assay (``assay.read``...) and the other packages it imports."""
    edges: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) < 2:
            continue
        package = ".".join(parts[:2])
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from the module's own package up
                    base = parts[:len(parts) - node.level + (path.name == "__init__.py")]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
            elif isinstance(node, ast.Import):
                target = node.names[0].name
            else:
                continue
            other = ".".join(target.split(".")[:2])
            if target.startswith("assay.") and other != package and other.count(".") == 1:
                edges.setdefault(package, set()).add(other)
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(u: str) -> list[str] | None:
        state[u] = 1
        path.append(u)
        for v in sorted(edges.get(u, ())):
            if state.get(v) == 1:
                return [*path[path.index(v):], v]
            if not state.get(v) and (found := visit(v)):
                return found
        path.pop()
        state[u] = 2
        return None

    for u in sorted(edges):
        if not state.get(u) and (found := visit(u)):
            return found
    return None


def test_no_cycle_between_packages():
    edges = _package_imports()
    assert "assay.relations" in edges["assay.audit"]  # the graph is read at all
    assert _cycle(edges) is None


def test_a_cycle_is_found_when_there_is_one():
    assert _cycle({"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}}) == [
        "a.x", "a.y", "a.z", "a.x"]
    assert _cycle({"a.x": {"a.y"}, "a.y": set()}) is None
