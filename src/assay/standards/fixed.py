"""Exact columns for bulk derivation: int64 fixed point where it is exact, Decimal elsewhere.

A :class:`Fx` holds ``value × 10**k`` as int64 (``k`` decimal places for the whole column):
sums, differences, products by exact factors and group totals are then plain integer
arithmetic, exact by construction. Every operation first bounds its result from the
operands' largest magnitudes and, if it could pass :data:`LIMIT`, is done on ``Decimal``
instead (a :class:`Dc`). Values below ``2**62`` have at most 19 digits, so the Decimal
path computes them exactly too (the engine's arithmetic, :data:`assay.model.ARITHMETIC`,
keeps 28): both give the same numbers. Inputs with more digits than it keeps raise
:class:`NotExact`.

Ratios (per ounce, per ton, shares) are not exact in either: they are always ``Decimal``
quotients, correctly rounded by the context like the per-fact path's ``a / b * factor``.
A quotient of fixed-point operands is computed from their integers as
``(va / vb) * factor * 10**(kb - ka)``: correct rounding to a number of significant digits
does not depend on the power of ten, so it is the same number as ``a / b * factor``.
Decimals compare equal by value; a fixed-point value materialises with ``k`` places.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal

import numpy as np

from assay.model import too_precise

ZERO, ONE = Decimal(0), Decimal(1)
#: Largest magnitude a fixed-point result may reach (sums of two stay inside int64).
LIMIT = 2**62
_EXACT = Context(prec=40)  # int64 to Decimal: always exact
_MAX_PLACES = 18


class NotExact(Exception):  # noqa: N818
    """An input this engine cannot take as it is: more digits than its arithmetic keeps, or
    not a finite number."""


def decimal_input(values: list[Decimal] | np.ndarray, ok: np.ndarray) -> Dc:
    """Input too large for int64 kept as Decimal; a Decimal that assay's arithmetic would
    round in the first sum (``0 + x``, see :func:`assay.model.numbers.too_precise`) is
    refused."""
    for d in values:
        if too_precise(d):
            raise NotExact(d)
    return Dc(np.fromiter(values, dtype=object, count=len(values)), ok)


def pow10(e: int) -> Decimal:
    """10**e as a Decimal with coefficient 1: multiplying by it only moves the point."""
    return Decimal((0, (1,), e))


def decimals(ints: np.ndarray) -> np.ndarray:
    """int64 → Decimal integers (object array), exactly."""
    return np.fromiter(map(_EXACT.create_decimal, ints.tolist()), dtype=object,
                       count=len(ints))


@dataclass(slots=True)
class Fx:
    """Exact values ``v / 10**k`` (``v`` is 0 where not ``ok``)."""

    v: np.ndarray
    k: int
    ok: np.ndarray
    _raw: np.ndarray | None = None
    _dc: Dc | None = None

    def bound(self) -> int:
        return int(np.abs(self.v).max()) if len(self.v) else 0

    def raw(self) -> np.ndarray:
        """``v`` as Decimal integers where it is valid and not zero (the divisors)."""
        if self._raw is None:
            out = np.full(len(self.v), ZERO, dtype=object)
            g = np.flatnonzero(self.v)
            out[g] = decimals(self.v[g])
            self._raw = out
        return self._raw

    def dc(self) -> Dc:
        if self._dc is None:
            out = self.raw()
            if self.k:
                out = out * pow10(-self.k)
            self._dc = Dc(out, self.ok, self.v != 0)
        return self._dc

    def take(self, idx: np.ndarray) -> Fx:
        return Fx(self.v[idx], self.k, self.ok[idx])


@dataclass(slots=True)
class Dc:
    """Decimal values (``ZERO`` where not ``ok``). ``nz``, when known, is False where the
    value is certainly zero (so sums can skip it without comparing Decimals)."""

    v: np.ndarray
    ok: np.ndarray
    nz: np.ndarray | None = None

    def dc(self) -> Dc:
        return self

    def take(self, idx: np.ndarray) -> Dc:
        return Dc(self.v[idx], self.ok[idx], None if self.nz is None else self.nz[idx])

    def maybe_nonzero(self) -> np.ndarray:
        if self.nz is None:
            self.nz = self.v != ZERO
        return self.nz


Val = Fx | Dc


def invalid(n: int) -> Fx:
    return Fx(np.zeros(n, dtype=np.int64), 0, np.zeros(n, dtype=bool))


def places(d: Decimal) -> int:
    """Digits after the decimal point (``str`` is quicker than ``as_tuple``)."""
    text = str(d)
    if "E" in text or "N" in text or "n" in text:  # exponent notation, NaN, Infinity
        exp = d.as_tuple().exponent
        if not isinstance(exp, int):
            raise ValueError(d)
        return max(0, -exp)
    point = text.find(".")
    return 0 if point < 0 else len(text) - point - 1


def integers(values: list[Decimal]) -> tuple[np.ndarray, np.ndarray] | None:
    """Each value's integer part and, for those that have a fraction, its decimal places
    (0 for whole numbers); None if some value is too large for int64 or not finite."""
    n = len(values)
    obj = np.fromiter(values, dtype=object, count=n)
    try:
        ints = obj.astype(np.int64)  # int() of each: the integer part
    except (OverflowError, ValueError, TypeError):
        return None
    places_ = np.zeros(n, dtype=np.int64)
    inexact = np.flatnonzero(ints.astype(object) != obj)
    if len(inexact):
        try:
            places_[inexact] = [places(values[i]) for i in inexact.tolist()]
        except ValueError:
            return None
    return ints, places_


def fixed(values: list[Decimal], at: np.ndarray, ints: np.ndarray, places_: np.ndarray,
          ok: np.ndarray) -> Val:
    """``values[at]`` (``ints`` and ``places_`` from :func:`integers`, taken at ``at``) as
    fixed point with the places the most precise needs, or as Decimal if it could pass
    :data:`LIMIT`."""
    k = int(places_.max(initial=0))
    if k <= _MAX_PLACES and int(np.abs(ints).max(initial=0)) * 10**k < LIMIT:
        v = ints * 10**k if k else ints
        frac = np.flatnonzero(places_)
        scaled = [int(values[i].scaleb(k, _EXACT)) for i in at[frac].tolist()]
        if all(abs(x) < LIMIT for x in scaled):
            v[frac] = scaled
            return Fx(v, k, ok)
    return decimal_input([values[i] for i in at.tolist()], ok)


def from_decimals(values: list[Decimal], ok: np.ndarray) -> Val:
    """A column of Decimals (``ZERO`` where not ``ok``) as fixed point, if it fits."""
    got = integers(values)
    if got is None:
        return decimal_input(values, ok)
    return fixed(values, np.arange(len(values)), *got, ok)


def add(terms: list[tuple[int, Val]], n: int) -> Val:
    """Σ sign·term over ``n`` nodes, valid where every term is (0 for no terms)."""
    if not terms:
        return Fx(np.zeros(n, dtype=np.int64), 0, np.ones(n, dtype=bool))
    ok = np.ones(n, dtype=bool)
    for _, t in terms:
        ok &= t.ok
    if all(isinstance(t, Fx) for _, t in terms):
        k = max(t.k for _, t in terms)  # type: ignore[union-attr]
        if sum(t.bound() * 10 ** (k - t.k) for _, t in terms) < LIMIT:  # type: ignore[union-attr]
            v = np.zeros(n, dtype=np.int64)
            for s, t in terms:
                tv = t.v if t.k == k else t.v * 10 ** (k - t.k)  # type: ignore[union-attr]
                v = v + tv if s > 0 else v - tv
            v[~ok] = 0
            return Fx(v, k, ok)
    # from the first term on: 0 + x is x, as no Decimal here has more digits than the context
    (s0, t0), *rest = terms
    total = t0.dc().v if s0 > 0 else -t0.dc().v
    for s, t in rest:
        total = total + t.dc().v if s > 0 else total - t.dc().v
    nz = np.zeros(n, dtype=bool)  # a sum may be nonzero only where some term is
    for _, t in terms:
        nz |= t.v != 0 if isinstance(t, Fx) else t.maybe_nonzero()
    return Dc(np.where(ok, total, ZERO), ok, nz & ok)


def _factor(f: Decimal) -> tuple[int, int]:
    k = places(f)
    return int(f.scaleb(k, _EXACT)), k


def _is_zero(x: Val) -> np.ndarray:
    if isinstance(x, Fx):
        return x.ok & (x.v == 0)
    zero = ~x.maybe_nonzero()
    check = np.flatnonzero(~zero)
    zero[check] = x.v[check] == ZERO
    return x.ok & zero


def multiply(a: Val, b: Val, factor: Decimal) -> Val:
    """a × b × factor; 0 where either is 0 (even if the other is unknown)."""
    za, zb = _is_zero(a), _is_zero(b)
    ok = (a.ok & b.ok) | za | zb
    live = ok & ~za & ~zb
    if isinstance(a, Fx) and isinstance(b, Fx):
        fi, fk = _factor(factor)
        if a.bound() * b.bound() * abs(fi) < LIMIT:
            v = a.v * b.v
            if fi != 1:
                v *= fi
            v[~live] = 0
            return Fx(v, a.k + b.k + fk, ok)
    out = np.full(len(ok), ZERO, dtype=object)
    g = np.flatnonzero(live)
    p = a.dc().v[g] * b.dc().v[g]
    out[g] = p if factor == ONE else p * factor
    return Dc(out, ok, live)


def where(a: Val, known: np.ndarray) -> Val:
    """``a`` where ``known``, not valid elsewhere."""
    ok = a.ok & known
    if isinstance(a, Fx):
        return Fx(np.where(ok, a.v, 0), a.k, ok)
    return Dc(np.where(ok, a.v, ZERO), ok, None if a.nz is None else a.nz & ok)


def divide(a: Val, b: Val, factor: Decimal) -> Dc:
    """a / b × factor, correctly rounded by the context; not valid where b is 0."""
    bad = ~b.ok | _is_zero(b)
    ok = a.ok & ~bad
    out = np.full(len(ok), ZERO, dtype=object)
    g = np.flatnonzero(ok & ~_is_zero(a))  # 0 / b = 0
    if not len(g):
        return Dc(out, ok)
    if isinstance(b, Fx):
        # a / (vb / 10**kb) = (a / vb) * 10**kb: exact shifts, folded into the factor
        shift = b.k
        if isinstance(a, Fx):
            num, shift = a.v[g], b.k - a.k
            if shift > 0 and a.bound() * 10**shift < LIMIT:
                num, shift = num * 10**shift, 0  # the same places as the divisor
            q = num.astype(object) / b.raw()[g]
        else:  # Decimal / int converts the int on the way: no divisor column to build
            q = a.v[g] / (b.v[g].astype(object) if b._raw is None else b._raw[g])
        scale = factor if not shift else factor * pow10(shift)  # exact
        if scale != ONE:
            q = q * scale
    else:
        q = a.dc().v[g] / b.v[g]
        if factor != ONE:
            q = q * factor
    out[g] = q
    nz = np.zeros(len(ok), dtype=bool)
    nz[g] = True
    return Dc(out, ok, nz)


def group_sum(x: Val, starts: np.ndarray, longest: int) -> Val:
    """Σ over the valid members of each group (``x[starts[i]:starts[i + 1]]``)."""
    ok = np.ones(len(starts), dtype=bool) if x.ok.all() else np.logical_or.reduceat(x.ok, starts)
    if isinstance(x, Fx) and _sums_fit(x.v, starts, longest):
        return Fx(np.add.reduceat(x.v, starts), x.k, ok)
    d = x.dc()
    live = np.flatnonzero(d.maybe_nonzero())  # adding 0 never changes a Decimal sum's value
    out = np.full(len(starts), ZERO, dtype=object)
    nz = np.zeros(len(starts), dtype=bool)
    if len(live):
        group = np.searchsorted(starts, live, side="right") - 1
        first = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        out[group[first]] = np.add.reduceat(d.v[live], first)
        nz[group[first]] = True
    return Dc(out, ok, nz)


def _sums_fit(v: np.ndarray, starts: np.ndarray, longest: int) -> bool:
    """Whether every group's Σ|v| stays under :data:`LIMIT`, checked in int64 halves."""
    a = np.abs(v)
    top = int(a.max(initial=0))
    if top * longest < LIMIT:
        return True
    if longest >= 2**31:
        return False
    hi = np.add.reduceat(a >> 31, starts)
    lo = np.add.reduceat(a & (2**31 - 1), starts)
    return int(hi.max()) * 2**31 + int(lo.max()) < LIMIT


class Column:
    """One metric over all nodes: fixed point where it can be, Decimal where it cannot."""

    __slots__ = ("dc", "dcnz", "fx", "isdc", "k", "ok")

    def __init__(self, n: int) -> None:
        self.fx = np.zeros(n, dtype=np.int64)
        self.k = -1  # no fixed-point value yet
        self.ok = np.zeros(n, dtype=bool)
        self.dc: np.ndarray | None = None
        self.dcnz: np.ndarray | None = None
        self.isdc: np.ndarray | None = None

    def read(self, idx: np.ndarray) -> Val:
        ok = self.ok[idx]
        k = max(self.k, 0)
        if self.isdc is None:
            return Fx(self.fx[idx], k, ok)
        isdc = self.isdc[idx]
        if not isdc.any():
            return Fx(self.fx[idx], k, ok)
        assert self.dc is not None and self.dcnz is not None
        v, nz = self.dc[idx], self.dcnz[idx]
        if not isdc.all():
            fx = np.where(isdc, 0, self.fx[idx])
            v = np.where(isdc, v, Fx(fx, k, ok).dc().v)
            nz = np.where(isdc, nz, fx != 0)
        return Dc(v, ok, nz)

    def write(self, idx: np.ndarray, x: Val) -> None:
        self.ok[idx] = x.ok
        if isinstance(x, Fx):
            x = self._align(x)
        if isinstance(x, Fx):
            self.fx[idx] = x.v
            if self.isdc is not None:
                self.isdc[idx] = False
            return
        if self.dc is None:
            self.dc = np.full(len(self.fx), ZERO, dtype=object)
            self.dcnz = np.zeros(len(self.fx), dtype=bool)
            self.isdc = np.zeros(len(self.fx), dtype=bool)
        assert self.isdc is not None and self.dcnz is not None
        self.dc[idx] = x.v
        self.dcnz[idx] = x.maybe_nonzero()
        self.isdc[idx] = True
        self.fx[idx] = 0

    def _align(self, x: Fx) -> Val:
        """``x`` at the column's places (more places for the column if need be)."""
        if self.k < 0:
            self.k = x.k
        if x.k == self.k:
            return x
        if x.k < self.k:
            if x.bound() * 10 ** (self.k - x.k) >= LIMIT:
                return x.dc()
            return Fx(x.v * 10 ** (self.k - x.k), self.k, x.ok)
        bound = int(np.abs(self.fx).max(initial=0))
        if bound * 10 ** (x.k - self.k) >= LIMIT:
            return x.dc()
        self.fx *= 10 ** (x.k - self.k)
        self.k = x.k
        return x

    def value(self, i: int) -> Decimal | None:
        if not self.ok[i]:
            return None
        if self.isdc is not None and self.isdc[i]:
            assert self.dc is not None
            return self.dc[i]
        return _plain(int(self.fx[i]), max(self.k, 0))

    def decimals(self) -> np.ndarray:
        """Every node's value as Decimal (``None`` where there is none)."""
        out = self.read(np.arange(len(self.ok))).dc().v.copy()
        if self.k > 0:
            fixed = np.flatnonzero(self.ok if self.isdc is None else self.ok & ~self.isdc)
            out[fixed] = [_plain(v, self.k) for v in self.fx[fixed].tolist()]
        out[~self.ok] = None
        return out


def _plain(v: int, k: int) -> Decimal:
    """``v / 10**k`` without the zeros the column's places add (``26043``, not
    ``26043.0``; ``12.5``, not ``12.50``)."""
    d = _EXACT.create_decimal(v).scaleb(-k, _EXACT)
    if not k:
        return d
    return d.quantize(ONE, context=_EXACT) if d == d.to_integral_value() else d.normalize(_EXACT)
