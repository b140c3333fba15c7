"""The nodes of a company folder as arrays: who, when, how made, and which members.

Built with numpy from the folder's keys, members before the groups they form: a folder of
1,000 units over 40 quarters has some 70,000 nodes, and a Python object (with its
``Period`` and ``Entity``) for each costs more than all the arithmetic.
:meth:`NodeTable.node` makes the :class:`Node` of one index when it is asked for; a test
checks the table against nodes built one by one (the tests' per-fact reference).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from assay.errors import InputErrors
from assay.model import Entity, Period
from assay.operating import OperatingData
from assay.operating.company import CORPORATE

from .nodes import Node, quarter_keys, ytd_conflict, ytd_note, ytd_period

KINDS = ("unit", "corporate", "segment", "company")
HOWS = ("input", "ytd", "segment", "company")
UNIT, CORP, SEGMENT, COMPANY = range(4)
_QUARTER = re.compile(r"(\d{4})Q([1-4])")


@dataclass(slots=True)
class NodeTable:
    """One row per node; ``mem[mem_ptr[i]:mem_ptr[i + 1]]`` are node ``i``'s members."""

    data: OperatingData
    names: list[str]
    periods: list[Period]
    name: np.ndarray  # index into names
    period: np.ndarray  # index into periods
    kind: np.ndarray  # index into KINDS (also HOWS for groups)
    how: np.ndarray  # index into HOWS
    unit: np.ndarray  # index into company.units, or -1
    segment: np.ndarray  # index into company.segments, or -1
    basis: np.ndarray  # index into bases
    bases: list[str]
    mem_ptr: np.ndarray
    mem: np.ndarray
    notes: dict[int, str] = field(default_factory=dict)  # why a group's year to date is
    # the sum of its quarters, by index
    _pos: dict[tuple[str, str], int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.name)

    def key(self, i: int) -> tuple[str, str]:
        return self.names[self.name[i]], self.periods[self.period[i]].key

    def index(self, name: str, period: str) -> int | None:
        if not self._pos:
            keys = [p.key for p in self.periods]
            self._pos = {(self.names[a], keys[b]): i for i, (a, b) in
                         enumerate(zip(self.name.tolist(), self.period.tolist(), strict=True))}
        return self._pos.get((name, period))

    def needed(self, periods: set[str]) -> np.ndarray:
        """Mask of the nodes of ``periods`` and of every node they are built from."""
        keys = np.array([p.key in periods for p in self.periods], dtype=bool)
        mask = keys[self.period]
        todo = np.flatnonzero(mask)
        while len(todo):
            lengths = self.mem_ptr[todo + 1] - self.mem_ptr[todo]
            starts = np.repeat(self.mem_ptr[todo], lengths)
            offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths,
                                                                lengths)
            found = np.unique(self.mem[starts + offsets])
            todo = found[~mask[found]]
            mask[todo] = True
        return mask

    def members(self, i: int) -> np.ndarray:
        return self.mem[self.mem_ptr[i]:self.mem_ptr[i + 1]]

    def primary(self, i: int) -> str | None:
        company = self.data.company
        if self.unit[i] >= 0:
            return company.units[self.unit[i]].primary_metal
        if self.kind[i] == SEGMENT:
            return company.segments[self.segment[i]].primary_metal
        return None

    def node(self, i: int) -> Node:
        """The :class:`Node` at index ``i``, members included."""
        company = self.data.company
        kind, how = int(self.kind[i]), int(self.how[i])
        unit = company.units[self.unit[i]] if self.unit[i] >= 0 else None
        if unit is not None:
            entity = Entity(company.name, unit.name, unit.segment, unit.share)
        elif kind == SEGMENT:
            entity = Entity(company.name, None, company.segments[self.segment[i]].name)
        else:
            entity = Entity(company.name)
        return Node(self.names[self.name[i]], KINDS[kind], self.periods[self.period[i]],
                    entity, unit, self.primary(i), self.bases[self.basis[i]],
                    [self.node(int(j)) for j in self.members(i)], HOWS[how],
                    self.notes.get(i, ""))

    def nodes(self) -> list[Node]:
        return [self.node(i) for i in range(len(self))]


def build_table(data: OperatingData) -> NodeTable:
    """Every node of ``data``: inputs, years to date, then segments and company by period."""
    company = data.company
    units, segments = company.units, company.segments
    n_units = len(units)
    names = [u.name for u in units] + [CORPORATE] + [s.name for s in segments] + [company.name]
    corp_id, seg0, company_id = n_units, n_units + 1, n_units + 1 + len(segments)
    bases: list[str] = []
    basis_of: dict[str, int] = {}

    def basis_id(b: str) -> int:
        if b not in basis_of:
            basis_of[b] = len(bases)
            bases.append(b)
        return basis_of[b]

    periods: list[Period] = []
    pid_of: dict[Period, int] = {}

    def pid(p: Period) -> int:
        if p not in pid_of:
            pid_of[p] = len(periods)
            periods.append(p)
        return pid_of[p]

    # inputs: each unit's periods (sorted keys), then the company-level rows
    keys_by_unit: dict[str | None, list[str]] = {}
    for uname, pkey in data.cells:
        keys_by_unit.setdefault(uname, []).append(pkey)
    in_name: list[int] = []
    in_keys: list[str] = []
    for i, u in enumerate(units):
        ks = sorted(keys_by_unit.get(u.name, ()))
        in_name += [i] * len(ks)
        in_keys += ks
    corp_keys = sorted(keys_by_unit.get(None, ()))
    in_name += [corp_id] * len(corp_keys)
    in_keys += corp_keys
    key_pid = {k: pid(data.periods[k]) for k in dict.fromkeys(in_keys)}
    name = np.array(in_name, dtype=np.int64)
    period = np.fromiter(map(key_pid.__getitem__, in_keys), dtype=np.int64, count=len(in_keys))
    n_in = len(name)
    is_unit = name < corp_id
    unit = np.where(is_unit, name, -1)
    kind = np.where(is_unit, UNIT, CORP)
    unit_basis = np.array([basis_id(u.cost_basis) for u in units] + [basis_id("produced")],
                          dtype=np.int64)
    basis = unit_basis[np.minimum(name, corp_id)]

    # years to date from runs of quarters Q1..Qn, unless the folder gives that period
    ytd_name, ytd_period_id, ytd_mem, ytd_len, partial_at = _years_to_date(
        periods, pid, name, period, len(names))
    partial = {(names[a], periods[b].key) for a, b in partial_at}
    n_ytd = len(ytd_name)
    first = ytd_mem[np.cumsum(ytd_len) - ytd_len]
    name = np.concatenate([name, ytd_name])
    period = np.concatenate([period, ytd_period_id])
    unit = np.concatenate([unit, unit[first]])
    kind = np.concatenate([kind, kind[first]])
    basis = np.concatenate([basis, basis[first]])
    members: list[np.ndarray] = [ytd_mem]
    lengths: list[np.ndarray | list[int]] = [np.zeros(n_in, np.int64), ytd_len]
    g_len: list[int] = []
    # segments and the company, period by period (in Period order)
    g_name: list[int] = []
    g_period: list[int] = []
    g_kind: list[int] = []
    g_how: list[int] = []
    g_seg: list[int] = []
    g_basis: list[int] = []
    g_at: dict[tuple[int, str], int] = {}
    first_group = n_in + n_ytd

    def add_group(who: int, p: int, k: int, how_: int, s: int, b: int,
                  mem: np.ndarray) -> None:
        g_at[(who, periods[p].key)] = first_group + len(g_name)
        g_name.append(who)
        g_period.append(p)
        g_kind.append(k)
        g_how.append(how_)
        g_seg.append(s)
        g_basis.append(b)
        members.append(mem)
        g_len.append(len(mem))

    deferred: list[tuple[int, int, int, int, int, np.ndarray, list[str]]] = []
    unit_nodes = np.flatnonzero(kind == UNIT)
    corp_at = {periods[p].key: i for i, p in
               zip(np.flatnonzero(kind == CORP).tolist(), period[kind == CORP].tolist(),
                   strict=True)}
    if len(unit_nodes):
        up = period[unit_nodes]
        present = np.unique(up)
        order_p = sorted(present.tolist(), key=periods.__getitem__)
        rank = np.empty(len(periods), dtype=np.int64)
        rank[np.array(order_p, dtype=np.int64)] = np.arange(len(order_p))
        srt = np.lexsort((unit_nodes, rank[up]))
        un, ur = unit_nodes[srt], rank[up][srt]
        cuts = np.searchsorted(ur, np.arange(len(order_p) + 1))
        in_seg = [np.array([u.segment == s.name for u in units], dtype=bool) for s in segments]
        for r, p in enumerate(order_p):
            group = un[cuts[r]:cuts[r + 1]]
            key = periods[p].key
            for s in range(len(segments)):
                seg_members = group[in_seg[s][unit[group]]]
                if len(seg_members):
                    found = np.unique(basis[seg_members])
                    b = int(found[0]) if len(found) == 1 else basis_id("mixed")
                    lacking = [u.name for u in units if u.segment == segments[s].name
                               and (u.name, key) in partial] if partial else []
                    if lacking:
                        deferred.append((seg0 + s, p, SEGMENT, s, b, seg_members, lacking))
                    else:
                        add_group(seg0 + s, p, SEGMENT, SEGMENT, s, b, seg_members)
            corp = corp_at.get(key)
            mem = group if corp is None else np.append(group, corp)
            lacking = [x for x in names[:corp_id + 1] if (x, key) in partial] if partial else []
            if lacking:
                deferred.append((company_id, p, COMPANY, -1, basis_id("produced"), mem, lacking))
            else:
                add_group(company_id, p, COMPANY, COMPANY, -1, basis_id("produced"), mem)
    errors = []
    notes: dict[int, str] = {}
    for who, p, k, s, b, mem, lacking in deferred:
        given = mem[mem < n_in]
        if len(given):
            errors.append(ytd_conflict(company.path, names[who], periods[p], lacking,
                                       [names[name[i]] for i in given.tolist()]))
            continue
        quarters = [g_at[(who, q)] for q in quarter_keys(periods[p])]
        notes[first_group + len(g_name)] = ytd_note(names[who], periods[p].key, lacking)
        add_group(who, p, k, 1, s, b, np.array(quarters, dtype=np.int64))
    if errors:
        raise InputErrors(errors)
    n_groups = len(g_name)
    how = np.concatenate([np.zeros(n_in, np.int64), np.ones(n_ytd, np.int64),
                          np.array(g_how, dtype=np.int64)])
    lengths.append(np.array(g_len, dtype=np.int64))
    mem_ptr = np.zeros(n_in + n_ytd + n_groups + 1, dtype=np.int64)
    np.cumsum(np.concatenate(lengths), out=mem_ptr[1:])
    return NodeTable(
        data, names, periods,
        name=np.concatenate([name, np.array(g_name, dtype=np.int64)]),
        period=np.concatenate([period, np.array(g_period, dtype=np.int64)]),
        kind=np.concatenate([kind, np.array(g_kind, dtype=np.int64)]),
        how=how,
        unit=np.concatenate([unit, np.full(n_groups, -1, dtype=np.int64)]),
        segment=np.concatenate([np.full(n_in + n_ytd, -1, dtype=np.int64),
                                np.array(g_seg, dtype=np.int64)]),
        basis=np.concatenate([basis, np.array(g_basis, dtype=np.int64)]),
        bases=bases, mem_ptr=mem_ptr,
        mem=np.concatenate(members), notes=notes)


def _years_to_date(periods: list[Period], pid: Callable[[Period], int], name: np.ndarray,
                   period: np.ndarray, n_names: int) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                              np.ndarray, set[tuple[int, int]]]:
    """Nodes for Q1..Qn (n = 2..4) of each name and year where the folder does not give
    that year to date: their names, periods, members (flat, in order) and member counts;
    and the (name, period) of each year to date that a name gives some but not all
    quarters of, and does not give itself."""
    empty = np.zeros(0, np.int64)
    qy = np.full(len(periods), -1, dtype=np.int64)
    qq = np.zeros(len(periods), dtype=np.int64)
    for i, p in enumerate(periods):
        m = _QUARTER.fullmatch(p.key)
        if m:
            qy[i], qq[i] = int(m[1]), int(m[2]) - 1
    year = qy[period]
    sel = np.flatnonzero(year >= 0)
    if not len(sel):
        return empty, empty, empty, empty, set()
    y0 = int(year[sel].min())
    n_years = int(year[sel].max()) - y0 + 1
    grid = np.full((n_names, n_years, 4), -1, dtype=np.int64)
    grid[name[sel], year[sel] - y0, qq[period[sel]]] = sel
    run = np.logical_and.accumulate(grid >= 0, axis=2)
    run[:, :, 0] = False
    # the folder may give a year to date itself (e.g. 2007H1): then it is an input
    ytd_pid = np.full((n_years, 4), -1, dtype=np.int64)
    given_at: dict[str, tuple[int, int]] = {}
    for y in range(n_years):
        for q in range(1, 4):
            p = ytd_period(y0 + y, q + 1)
            ytd_pid[y, q] = pid(p)
            given_at[p.key] = (y, q)
    gy = np.full(len(periods), -1, dtype=np.int64)
    gq = np.zeros(len(periods), dtype=np.int64)
    for i, p in enumerate(periods):
        if p.key in given_at:
            gy[i], gq[i] = given_at[p.key]
    g = np.flatnonzero(gy[period] >= 0)
    given = np.zeros_like(run)
    given[name[g], gy[period[g]], gq[period[g]]] = True
    # some quarters to Qn, yet neither all of them nor the year to date given: partial
    partial = np.logical_or.accumulate(grid >= 0, axis=2) & ~run & ~given
    partial[:, :, 0] = False
    pn, py, pq = np.nonzero(partial)
    partial_at = set(zip(pn.tolist(), ytd_pid[py, pq].tolist(), strict=True))
    run &= ~given
    nm, yy, qi = np.nonzero(run)
    rows = grid[nm, yy]
    return nm, ytd_pid[yy, qi], rows[np.arange(4) <= qi[:, None]], qi + 1, partial_at

