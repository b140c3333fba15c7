"""The metrics engine: every metric of a company folder for all its units and periods
at once, exactly and fast.

The relations of :mod:`assay.standards.relations`, applied to whole columns: costs, tons
and ounces as exact int64 fixed point (:mod:`assay.standards.fixed`), so that sums,
attributable shares, years to date and segment and company totals are integer
arithmetic; per-ounce figures and other ratios are ``Decimal`` quotients of those exact
totals, in assay's arithmetic (:data:`assay.model.ARITHMETIC`) whatever the caller's
context. Every command computes with this engine; :mod:`assay.standards.derive` makes its
values facts with provenance on demand.

Provenance stays implicit and compact: a value at (node, metric) was made by the metric's
relation from the same node's operands, or, for a group, by summing its members.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

import numpy as np

from assay.errors import InputError, InputErrors
from assay.model import ARITHMETIC, Period, too_precise
from assay.operating import OperatingData
from assay.operating.schema import METALS

from .fixed import (
    ONE,
    ZERO,
    Column,
    Dc,
    Fx,
    NotExact,
    Val,
    add,
    decimal_input,
    divide,
    fixed,
    from_decimals,
    group_sum,
    integers,
    invalid,
    multiply,
    where,
)
from .node_table import COMPANY, CORP, SEGMENT, NodeTable, build_table
from .nodes import Node
from .relations import CHANGE_METRICS, Relation, aggregate_relations, relations_for


@dataclass(slots=True)
class BulkResult:
    """Every metric of every node, held as columns; Decimals and provenance on demand."""

    data: OperatingData
    table: NodeTable
    store: dict[str, Column] = field(default_factory=dict)
    additive: set[str] = field(default_factory=set)
    needed: np.ndarray | None = None  # the nodes computed (all, without periods)
    _nodes: list[Node] | None = None

    @property
    def nodes(self) -> list[Node]:
        """The nodes as objects (made on first use: 70,000 of them take a second)."""
        if self._nodes is None:
            self._nodes = self.table.nodes()
        return self._nodes

    @property
    def valid(self) -> dict[str, np.ndarray]:
        return {name: col.ok for name, col in self.store.items()}

    @property
    def columns(self) -> Mapping[str, np.ndarray]:
        """Each metric's Decimals for every node (``None`` where not derived), made when
        first read."""
        return _Columns(self.store)

    def __len__(self) -> int:
        return len(self.table)

    def index(self, name: str, period: str) -> int | None:
        return self.table.index(name, period)

    def value(self, name: str, period: str, metric: str) -> Decimal | None:
        i = self.index(name, period)
        if i is None or metric not in self.store:
            return None
        return self.store[metric].value(i)

    def column(self, metric: str) -> np.ndarray:
        """One metric for every node as Decimals (``None`` where not derived)."""
        return self.store[metric].decimals()

    def fact_count(self) -> int:
        return int(sum(int(col.ok.sum()) for col in self.store.values()))


class _Columns(Mapping[str, np.ndarray]):
    def __init__(self, store: dict[str, Column]) -> None:
        self.store, self.made = store, {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self.made:
            self.made[name] = self.store[name].decimals()
        return self.made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)


def _apply(r: Relation, get: _Getter) -> Val:
    if r.kind == "select":
        x = get[r.operands[0]]
        if r.factor == ONE:
            return x
        n = len(get.idx)
        return multiply(x, Fx(np.ones(n, dtype=np.int64), 0, np.ones(n, dtype=bool)), r.factor)
    if r.kind == "sum":
        return add([(s, get[o]) for o, s in zip(r.operands, r.signs, strict=True)],
                   len(get.idx))
    a, b = get[r.operands[0]], get[r.operands[1]]
    if r.kind == "where":
        return where(a, b.ok)
    if r.kind == "product":
        return multiply(a, b, r.factor)
    # the same quotient twice (C1 per ounce is total cash cost per ounce when royalties
    # are in C1): computed once
    seen = get.quotients.setdefault((r.operands[1], r.factor), [])  # by divisor's name
    for num, quotient in seen:
        if _same(num, a):
            return quotient
    quotient = divide(a, b, r.factor)
    seen.append((a, quotient))
    return quotient


def _same(x: Val, y: Val) -> bool:
    return (isinstance(x, Fx) and isinstance(y, Fx) and x.k == y.k
            and np.array_equal(x.v, y.v) and np.array_equal(x.ok, y.ok))


class _Getter:
    """The columns of one set of nodes, read once and kept with what the run derives."""

    def __init__(self, store: dict[str, Column], idx: np.ndarray) -> None:
        self.store, self.idx = store, idx
        self.local: dict[str, Val] = {}
        self.quotients: dict[tuple[str, Decimal], list[tuple[Val, Val]]] = {}

    def __getitem__(self, name: str) -> Val:
        got = self.local.get(name)
        if got is None:
            col = self.store.get(name)
            got = invalid(len(self.idx)) if col is None else col.read(self.idx)
            self.local[name] = got
        return got


def derive_bulk(data: OperatingData, periods: Collection[str] | None = None) -> BulkResult:
    """Every metric for every node of ``data``; with ``periods`` (keys such as 2007Q2),
    only for the nodes of those periods and the nodes they are built from (a year to
    date's quarters, a group's members). Raises ``InputErrors`` naming each cell with
    more significant digits than assay's arithmetic keeps."""
    with localcontext(ARITHMETIC):
        try:
            return _derive(data, periods)
        except NotExact:
            raise InputErrors(_too_precise(data)) from None


def _too_precise(data: OperatingData) -> list[InputError]:
    out = []
    for (unit, key), row in data.cells.items():
        for item, value in row.items():
            if too_precise(value):
                at = data.locations.get((unit, key, item))
                out.append(InputError(
                    at.file if at else data.company.path or data.company.name,
                    f"{item} of {unit or data.company.name} {key}: {value} is not a number "
                    f"of at most {ARITHMETIC.prec} significant digits", at.line if at else None))
    return out


def _derive(data: OperatingData, periods: Collection[str] | None) -> BulkResult:
    t = build_table(data)
    n = len(t)
    res = BulkResult(data, t)
    store = res.store
    company = data.company
    needed = np.ones(n, dtype=bool) if periods is None else t.needed(set(periods))
    res.needed = needed
    inputs = np.flatnonzero((t.how == 0) & needed)
    _inputs(res, inputs)
    for m in METALS:
        decks = [company.prices.get(p.key) for p in t.periods]
        have = np.array([bool(d and m in d.prices) for d in decks], dtype=bool)
        per_period = from_decimals([d.prices[m] if h and d else ZERO
                                    for d, h in zip(decks, have, strict=True)], have)
        col = store[f"price_{m}"] = Column(n)
        col.write(np.arange(n), per_period.take(t.period))

    def run(idx: np.ndarray, rels: list[Relation], only_ratios: bool) -> None:
        get = _Getter(store, idx)
        for r in rels:
            if only_ratios and r.additive:
                continue
            out = get.local[r.output] = _apply(r, get)
            col = store.get(r.output)
            if col is None:
                col = store[r.output] = Column(n)
            col.write(idx, out)

    rel_cache: dict[tuple, list[Relation]] = {}

    def by_profile(selected: np.ndarray, only_ratios: bool) -> None:
        for members in _profiles(t, selected):
            i = int(members[0])
            primary = t.primary(i)
            key = (primary, t.bases[t.basis[i]], int(t.kind[i]) in (CORP, COMPANY))
            if key not in rel_cache:
                rel_cache[key] = relations_for(t.node(i), data)
            run(members, rel_cache[key], only_ratios)

    by_profile(inputs, False)
    additive_items = {k for k, it in data.items.items() if it.additive}
    additive_out = additive_items | {r.output for rels in rel_cache.values() for r in rels
                                     if r.additive}

    def _summed_here(group: np.ndarray, always: set[str]) -> dict[str, np.ndarray]:
        """For each additive output of a relation, the groups whose own relations have it
        (a segment of silver mines sums no pounds of zinc; the company, which mixes
        metals, no figure of one primary metal); inputs are summed everywhere."""
        out: dict[str, np.ndarray] = {}
        for members in _profiles(t, group):
            i = int(members[0])
            key = (t.primary(i), t.bases[t.basis[i]], int(t.kind[i]) in (CORP, COMPANY))
            if key not in rel_cache:
                rel_cache[key] = relations_for(t.node(i), data)
            at = np.searchsorted(group, members)
            for r in rel_cache[key]:
                if r.additive and r.output not in always:
                    out.setdefault(r.output, np.zeros(len(group), dtype=bool))[at] = True
        return {name: out.get(name, np.zeros(len(group), dtype=bool))
                for name in additive_out - always}
    agg = aggregate_relations()
    ytd, grouped = t.how == 1, np.isin(t.kind, (SEGMENT, COMPANY))
    # units' years to date; segments and company by period; a group's year to date made
    # from its quarters (see nodes.build_nodes)
    for level in (ytd & ~grouped, np.isin(t.how, (SEGMENT, COMPANY)), ytd & grouped):
        group = np.flatnonzero(level & needed)
        if not len(group):
            continue
        lengths = t.mem_ptr[group + 1] - t.mem_ptr[group]
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        flat = t.mem[np.repeat(t.mem_ptr[group] - starts, lengths)
                     + np.arange(int(lengths.sum()))]
        longest = int(lengths.max())
        summed = _summed_here(group, additive_items)
        for name in additive_out:
            col = store.get(name)
            if col is not None and col.ok.any():  # a column valid nowhere sums to nothing
                total = group_sum(col.read(flat), starts, longest)
                here = summed.get(name)
                if here is None:
                    col.write(group, total)
                elif here.any():
                    col.write(group[here], total.take(np.flatnonzero(here)))
        by_profile(group, True)
        run(group, agg, False)  # head grades, once the metal contained is summed
    res.additive = additive_out
    _changes(res)
    return res


def _inputs(res: BulkResult, inputs: np.ndarray) -> None:
    """The folder's line items at the input nodes, scaled to the attributable share.

    All cells are converted in one pass (the folder's rows are dicts of Decimals), then
    split by item: each item gets the decimal places its most precise cell needs."""
    t, data, store = res.table, res.data, res.store
    n, m = len(t), len(inputs)
    units = data.company.units
    pkeys = [p.key for p in t.periods]
    empty: dict[str, Decimal] = {}
    rows = [data.cells.get((t.names[a] if u >= 0 else None, pkeys[b]), empty)
            for a, b, u in zip(t.name[inputs].tolist(), t.period[inputs].tolist(),
                               t.unit[inputs].tolist(), strict=True)]
    unit_share = from_decimals([u.share if u.data_at == "100%" else ONE for u in units] + [ONE],
                               np.ones(len(units) + 1, dtype=bool))
    share = unit_share.take(t.unit[inputs])  # -1: the company-level rows, at 100%
    scaled = bool((t.unit[inputs] >= 0).any()) and any(
        u.data_at == "100%" and u.share != ONE for u in units)
    everywhere = np.ones(m, dtype=bool)
    names = list(data.items)
    pos = {name: j for j, name in enumerate(names)}
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=m)
    starts = np.cumsum(lengths) - lengths
    # rows with the same columns (one layout per file, as a rule) are placed together
    layouts: dict[tuple[str, ...], int] = {}
    layout = np.fromiter((layouts.setdefault(tuple(r), len(layouts)) for r in rows),
                         dtype=np.int64, count=m)
    where: list[list[np.ndarray]] = [[] for _ in names]
    for keys, lid in layouts.items():
        first = starts[layout == lid]
        for offset, key in enumerate(keys):
            j = pos.get(key)
            if j is not None:
                where[j].append(first + offset)
    row_of = np.repeat(np.arange(m), lengths)
    values = [v for r in rows for v in r.values()]
    got = integers(values)
    for j, name in enumerate(names):
        at = np.concatenate(where[j]) if where[j] else np.zeros(0, dtype=np.int64)
        ok = np.zeros(m, dtype=bool)
        ok[row_of[at]] = True
        given = np.ones(len(at), dtype=bool)
        if got is None:
            val: Val = decimal_input([values[i] for i in at.tolist()], given)
        else:
            val = fixed(values, at, got[0][at], got[1][at], given)
        full = _spread(val, row_of[at], m)
        if data.items[name].additive:
            full.ok = everywhere.copy()
            if scaled:
                full = multiply(full, share, ONE)
        else:
            full.ok = ok
        col = store[name] = Column(n)
        col.write(inputs, full)


def _spread(x: Val, rows: np.ndarray, m: int) -> Val:
    """``x`` (one value per given cell) over all ``m`` input rows, zero elsewhere."""
    if isinstance(x, Fx):
        v = np.zeros(m, dtype=np.int64)
        v[rows] = x.v
        return Fx(v, x.k, np.zeros(m, dtype=bool))
    d = np.full(m, ZERO, dtype=object)
    d[rows] = x.v
    return Dc(d, np.zeros(m, dtype=bool))


def _profiles(t: NodeTable, selected: np.ndarray) -> list[np.ndarray]:
    """``selected`` split by (primary metal, cost basis, company-wide or not), in order of
    first appearance."""
    company = t.data.company
    n_u, n_s = len(company.units), len(company.segments)
    names = ([u.primary_metal for u in company.units] + [s.primary_metal for s in company.segments]
             + [None])
    ids: dict[str | None, int] = {}
    primary = np.array([ids.setdefault(x, len(ids)) for x in names], dtype=np.int64)
    unit, kind = t.unit[selected], t.kind[selected]
    who = np.where(unit >= 0, unit, np.where(kind == SEGMENT, n_u + t.segment[selected],
                                              n_u + n_s))
    wide = (kind == CORP) | (kind == COMPANY)
    key = (primary[who] * (len(t.bases) + 1) + t.basis[selected]) * 2 + wide
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return [selected[inverse == j] for j in np.argsort(first, kind="stable")]


def _changes(res: BulkResult) -> None:
    """Change from the same period a year earlier, for the headline metrics."""
    t, store = res.table, res.store
    n = len(t)
    keys = [p.key for p in t.periods]
    key_id = {k: i for i, k in enumerate(keys)}
    prior = np.full(len(keys), -1, dtype=np.int64)
    for i, p in enumerate(t.periods):
        start = p.start.replace(year=p.start.year - 1) if p.start else None
        prior[i] = key_id.get(Period(p.end.replace(year=p.end.year - 1), start).key, -1)
    # the same key may belong to two Period objects: index nodes by key id
    kid = np.array([key_id[k] for k in keys], dtype=np.int64)[t.period]
    at = np.full((len(t.names), len(keys)), -1, dtype=np.int64)
    at[t.name, kid] = np.arange(n)
    has = (prior[t.period] >= 0) & res.needed
    cur = np.flatnonzero(has)
    old = at[t.name[cur], prior[t.period[cur]]]
    cur, old = cur[old >= 0], old[old >= 0]
    computed = res.needed[old]
    cur, old = cur[computed], old[computed]
    if not len(cur):
        return
    for metric in CHANGE_METRICS:
        col = store.get(metric)
        if col is None:
            continue
        change = add([(1, col.read(cur)), (-1, col.read(old))], len(cur))
        out = store[f"change_{metric}"] = Column(n)
        out.write(cur, change)
