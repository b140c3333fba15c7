"""The reference bulk engine: every metric on numpy object arrays of ``Decimal``.

The same relations as :mod:`assay.standards.derive`, applied to one ``Decimal`` per node
and metric. It is the straightforward (and slow) form of :mod:`assay.standards.bulk`: the
tests hold the fixed-point engine to its results, and the benchmark measures against it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from assay.model import Derivation
from assay.operating import OperatingData
from assay.operating.schema import METALS

from .derive import AGGREGATION, relations_for
from .nodes import Node, build_nodes
from .relations import CHANGE_METRICS, Relation, aggregate_relations

ZERO, ONE = Decimal(0), Decimal(1)
Col = tuple[np.ndarray, np.ndarray]  # values (object), valid (bool)


@dataclass(slots=True)
class DecimalBulkResult:
    data: OperatingData
    nodes: list[Node]
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    valid: dict[str, np.ndarray] = field(default_factory=dict)
    additive: set[str] = field(default_factory=set)
    _pos: dict[tuple[str, str], int] = field(default_factory=dict)

    def index(self, name: str, period: str) -> int | None:
        if not self._pos:
            self._pos = {n.key: i for i, n in enumerate(self.nodes)}
        return self._pos.get((name, period))

    def value(self, name: str, period: str, metric: str) -> Decimal | None:
        i = self.index(name, period)
        if i is None or metric not in self.columns or not self.valid[metric][i]:
            return None
        return self.columns[metric][i]

    def fact_count(self) -> int:
        return int(sum(int(v.sum()) for v in self.valid.values()))

    def derivation(self, name: str, period: str, metric: str) -> Derivation | None:
        """Materialise the provenance of one value: its relation and operand ids."""
        i = self.index(name, period)
        if i is None:
            return None
        node = self.nodes[i]
        if node.how != "input" and metric in self.additive:
            rel = AGGREGATION[node.how]
            return Derivation(rel, tuple(f"{m.name}|{m.period.key}|{metric}"
                                         for m in node.members))
        for r in relations_for(node, self.data):
            if r.output == metric:
                return Derivation(r.id, tuple(f"{node.name}|{node.period.key}|{o}"
                                              for o in r.operands))
        return None


def _apply(r: Relation, get: Callable[[str], Col], n: int) -> Col:
    if r.kind == "select":
        v, ok = get(r.operands[0])
        return (v, ok) if r.factor == ONE else (np.where(ok, v * r.factor, ZERO), ok)
    if r.kind == "sum":
        total = np.full(n, ZERO, dtype=object)
        valid = np.ones(n, dtype=bool)
        for name, sign in zip(r.operands, r.signs, strict=True):
            v, ok = get(name)
            total = total + v if sign > 0 else total - v
            valid &= ok
        return total, valid
    (a, va), (b, vb) = get(r.operands[0]), get(r.operands[1])
    if r.kind == "where":
        return np.where(va & vb, a, ZERO), va & vb
    if r.kind == "product":
        za, zb = va & (a == ZERO), vb & (b == ZERO)
        out = a * b if r.factor == ONE else a * b * r.factor
        valid = (va & vb) | za | zb
        return np.where(za | zb, ZERO, out), valid
    bad = ~vb | (b == ZERO)
    safe = np.where(bad, ONE, b)
    out = a / safe if r.factor == ONE else a / safe * r.factor
    return out, va & ~bad


def derive_bulk_decimal(data: OperatingData) -> DecimalBulkResult:
    """Every metric for every node of ``data``."""
    nodes = build_nodes(data)
    n = len(nodes)
    res = DecimalBulkResult(data, nodes)
    additive = [k for k, it in data.items.items() if it.additive]
    intensive = [k for k, it in data.items.items() if not it.additive]
    cols, valid = res.columns, res.valid
    inputs = [i for i, x in enumerate(nodes) if x.how == "input"]
    rows = [data.cells.get((x.unit.name if x.unit else None, x.pkey), {})
            for x in (nodes[i] for i in inputs)]
    inp = np.array(inputs, dtype=np.int64)
    scale = np.array([x.unit.share if x.unit and x.unit.data_at == "100%" else ONE
                      for x in (nodes[i] for i in inputs)], dtype=object)
    scaled = bool((scale != ONE).any())
    for item in additive:
        col = np.full(n, ZERO, dtype=object)
        vals = np.array([r.get(item, ZERO) for r in rows], dtype=object)
        col[inp] = vals * scale if scaled else vals
        cols[item], valid[item] = col, np.zeros(n, dtype=bool)
        valid[item][inp] = True
    for item in intensive:
        col = np.full(n, ZERO, dtype=object)
        got = [r.get(item) for r in rows]
        ok = np.array([g is not None for g in got], dtype=bool)
        col[inp] = np.array([ZERO if g is None else g for g in got], dtype=object)
        cols[item], valid[item] = col, np.zeros(n, dtype=bool)
        valid[item][inp] = ok
    for m in METALS:
        prices = [data.company.prices.get(x.pkey) for x in nodes]
        cols[f"price_{m}"] = np.array([d.prices.get(m, ZERO) if d else ZERO for d in prices],
                                      dtype=object)
        valid[f"price_{m}"] = np.array([bool(d and m in d.prices) for d in prices], dtype=bool)

    def run(idx: np.ndarray, rels: list[Relation], only_ratios: bool) -> None:
        local: dict[str, Col] = {}

        def get(name: str) -> Col:
            if name not in local:
                if name not in cols:
                    return np.full(len(idx), ZERO, dtype=object), np.zeros(len(idx), bool)
                local[name] = (cols[name][idx], valid[name][idx])
            return local[name]

        for r in rels:
            if only_ratios and r.additive:
                continue
            v, ok = _apply(r, get, len(idx))
            local[r.output] = (v, ok)
            if r.output not in cols:
                cols[r.output] = np.full(n, ZERO, dtype=object)
                valid[r.output] = np.zeros(n, dtype=bool)
            cols[r.output][idx], valid[r.output][idx] = v, ok

    def profiles(selected: list[int]) -> dict[tuple, list[int]]:
        groups: dict[tuple, list[int]] = {}
        for i in selected:
            x = nodes[i]
            groups.setdefault((x.primary, x.basis, x.kind in ("company", "corporate")),
                              []).append(i)
        return groups

    rel_cache: dict[tuple, list[Relation]] = {}
    for key, members in profiles(inputs).items():
        rels = rel_cache.setdefault(key, relations_for(nodes[members[0]], data))
        run(np.array(members), rels, False)
    additive_out = set(additive) | {r.output for rels in rel_cache.values() for r in rels
                                    if r.additive}
    agg = aggregate_relations()
    grouped = ("segment", "company")
    for level in (lambda x: x.how == "ytd" and x.kind not in grouped,
                  lambda x: x.how in grouped,
                  lambda x: x.how == "ytd" and x.kind in grouped):
        group = [i for i, x in enumerate(nodes) if level(x)]
        if not group:
            continue
        pos = {x.key: i for i, x in enumerate(nodes)}
        flat, starts = [], []
        for i in group:
            starts.append(len(flat))
            flat.extend(pos[m.key] for m in nodes[i].members)
        fl, st, gi = np.array(flat), np.array(starts), np.array(group)
        for name in additive_out:
            if name not in cols:
                continue
            v, ok = cols[name][fl], valid[name][fl]
            if not ok.all():
                v = np.where(ok, v, ZERO)
            cols[name][gi] = np.add.reduceat(v, st)
            valid[name][gi] = np.logical_or.reduceat(ok, st)
        for key, members in profiles(group).items():
            rels = rel_cache.setdefault(key, relations_for(nodes[members[0]], data))
            run(np.array(members), rels, True)
        run(gi, agg, False)
    res.additive = additive_out
    _changes(res)
    return res


def _changes(res: DecimalBulkResult) -> None:
    cur, old = [], []
    pos = {x.key: i for i, x in enumerate(res.nodes)}
    for i, x in enumerate(res.nodes):
        p = x.period
        start = p.start.replace(year=p.start.year - 1) if p.start else None
        from assay.model import Period

        j = pos.get((x.name, Period(p.end.replace(year=p.end.year - 1), start).key))
        if j is not None:
            cur.append(i)
            old.append(j)
    if not cur:
        return
    c, o = np.array(cur), np.array(old)
    for metric in CHANGE_METRICS:
        if metric not in res.columns:
            continue
        v, ok = res.columns[metric], res.valid[metric]
        col = np.full(len(res.nodes), ZERO, dtype=object)
        good = np.zeros(len(res.nodes), dtype=bool)
        col[c] = v[c] - v[o]
        good[c] = ok[c] & ok[o]
        res.columns[f"change_{metric}"], res.valid[f"change_{metric}"] = col, good
