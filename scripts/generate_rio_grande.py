"""Generate examples/rio-grande/: assays whose intercepts match the seed release's table.

Hecla's Q2 2007 release prints "Additional Rio Grande Intercepts" (vein, hole, length,
Ag and Au in g/t and oz/ton). This script writes collar, survey and assay tables for
those holes, deterministically (seeded), such that

    assay intercepts examples/rio-grande --cutoff "Ag>=20" --max-waste 2 \
        --min-length 0.5 --include "Ag>=200"

reproduces every row of the table: 14 intercepts, RG-15's 0.98 m at 263.7 g/t as an
"including" interval of its 2.68 m. Assays within an intercept are drawn at random and
the last piece is solved so that the length-weighted grade rounds to the published
figure; waste between intercepts is longer than 2 m and below 20 g/t Ag. The script
checks its own output with assay before writing. Run from the repository root:

    .venv/bin/python scripts/generate_rio_grande.py
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

D = Decimal
CUTOFF, MAX_WASTE, INCLUDE = D(20), D(2), D(200)
OUT = Path(__file__).resolve().parent.parent / "examples" / "rio-grande"

# (vein, hole, [(pieces, Ag g/t, Au g/t)]); a piece is (length, "ore"|"waste"|"incl").
# An "incl" piece carries its own (Ag, Au): the including interval of RG-15.
HOLES = [
    ("Le Soledad", "RG-04", 0, 95, [([("1.10", "ore")], "296.9", "0.09")]),
    ("Le Soledad", "RG-06", 0, 110, [
        ([("1.20", "ore"), ("1.34", "ore")], "65.3", "0.32"),
        ([("2.00", "ore"), ("1.50", "waste"), ("2.40", "ore"), ("1.80", "waste"),
          ("2.20", "ore"), ("2.20", "ore")], "59.7", "0.08")]),
    ("Arcangeles", "RG-07", 1, 125, [
        ([("1.50", "ore"), ("1.75", "ore"), ("1.50", "ore")], "113.4", "0.06"),
        ([("2.00", "ore"), ("1.50", "waste"), ("2.50", "ore"), ("2.00", "waste"),
          ("3.00", "ore"), ("1.30", "waste"), ("1.50", "ore")], "32.6", "0.03"),
        ([("3.00", "ore"), ("1.20", "waste"), ("3.00", "ore"), ("1.00", "waste"),
          ("2.50", "ore"), ("2.50", "ore")], "26.1", "0.16")]),
    ("San Martin", "RG-10", 0, 140, [([("0.85", "ore")], "6120.8", "1.29")]),
    ("Sacramento", "RG-13", 0, 80, [([("0.45", "ore"), ("0.55", "ore")], "96.4", "0.07")]),
    ("Sacramento", "RG-14", 0, 150, [
        ([("1.00", "ore"), ("1.20", "ore")], "69.5", "0.62"),
        ([("1.35", "ore")], "57.6", "0.18")]),
    ("Concepcion", "RG-15", 0, 170, [
        ([("0.85", "ore"), ("0.98", "incl", "263.7", "5.16"), ("0.85", "ore")],
         "157.6", "2.51")]),
    ("Concepcion", "RG-16", 0, 160, [([("0.60", "ore"), ("0.75", "ore")], "140.3", "3.08")]),
    ("Concepcion", "RG-18", 0, 185, [([("1.05", "ore")], "245.0", "5.34")]),
]


def rounds_to(value: Fraction, target: Decimal, places: int) -> bool:
    """Whether ``value`` prints as ``target``: the report's rounding, half away from zero."""
    from assay.explore import rounded

    return rounded(value, places) == target


def solve(pieces: list[tuple], target: str, places: int, rng: random.Random, ag: bool,
          which: int) -> list[Decimal]:
    """Grades for ``pieces`` whose length-weighted mean rounds to ``target``."""
    t = D(target)
    lengths = [D(p[0]) for p in pieces]
    total = sum(lengths)
    step = D(1).scaleb(-places)
    for _ in range(10000):
        grades: list[Decimal | None] = []
        for p in pieces:
            if p[1] == "incl":
                grades.append(D(p[2 + which]))
            elif p[1] == "waste":
                grades.append(D(rng.uniform(2, 15) if ag else rng.uniform(0.01, float(t) + 0.02))
                              .quantize(step))
            else:
                grades.append(None)
        ore = [i for i, g in enumerate(grades) if g is None]
        fixed = sum(g * length for g, length in zip(grades, lengths, strict=True) if g is not None)
        need = t * total - fixed
        ore_len = sum(lengths[i] for i in ore)
        mean = need / ore_len
        for i in ore[:-1]:
            grades[i] = (mean * D(rng.uniform(0.8, 1.2))).quantize(step)
        last = ore[-1]
        rest = sum(grades[i] * lengths[i] for i in ore[:-1])
        grades[last] = ((need - rest) / lengths[last]).quantize(step)
        for delta in (0, 1, -1, 2, -2, 3, -3):
            trial = list(grades)
            trial[last] = grades[last] + delta * step
            metal = sum(Fraction(g) * Fraction(length)
                        for g, length in zip(trial, lengths, strict=True))
            ok = rounds_to(metal / Fraction(total), t, places) and min(trial) >= 0
            if ag:
                ok = ok and all(CUTOFF <= trial[i] < INCLUDE or len(pieces) == 1 for i in ore)
            if ok:
                return trial
    raise SystemExit(f"could not solve {pieces} for {target}")


def background(rng: random.Random) -> tuple[str, str]:
    ag = D(rng.uniform(0.3, 14)).quantize(D("0.1"))
    au = D(rng.uniform(0.0, 0.12)).quantize(D("0.01"))
    ag_text = "<0.5" if ag < D("0.5") else str(ag)
    au_text = "<0.01" if au < D("0.01") else str(au)
    return ag_text, au_text


def generate(out: Path) -> None:
    rng = random.Random(2007)
    collars, surveys, assays = [], [], []
    for k, (vein, hole, gap, start, intercepts) in enumerate(HOLES):
        depth = D(start) - D(rng.randint(6, 10))
        rows = []

        def waste_run(metres: float, allow_gap: bool = False, rows: list = rows) -> None:
            nonlocal depth
            end = depth + D(str(metres)).quantize(D("0.01"))
            gap_at = depth + D("1.5") if allow_gap else None
            while depth < end:
                step = min(D(rng.choice(["1.00", "1.50", "2.00", "2.50"])), end - depth)
                if gap_at is not None and depth >= gap_at:
                    depth += D("1.20")  # core loss: unsampled, reported as a gap
                    gap_at = None
                    continue
                ag, au = background(rng)
                rows.append((depth, depth + step, ag, au, "andesite"))
                depth += step

        waste_run(float(D(start) - depth))
        for j, (pieces, ag_t, au_t) in enumerate(intercepts):
            if j:
                waste_run(rng.uniform(4, 9), allow_gap=bool(gap) and j == 2)
            ags = solve(pieces, ag_t, 1, rng, True, 0)
            aus = solve(pieces, au_t, 2, rng, False, 1)
            for p, ag, au in zip(pieces, ags, aus, strict=True):
                length = D(p[0])
                lith = "andesite" if p[1] == "waste" else "quartz vein"
                rows.append((depth, depth + length, str(ag), str(au), lith))
                depth += length
        waste_run(rng.uniform(5, 9))
        total = (depth + D(rng.randint(20, 60))).quantize(D("0.1"))
        azi, dip = rng.choice([45, 60, 225, 240]), -rng.randint(45, 70)
        collars.append((hole, 560200 + 150 * k, 2695400 + 90 * k, 2100 + 7 * k, total, vein))
        surveys.append((hole, "0.0", azi, dip, ""))
        surveys.append((hole, str((total / 2).quantize(D("0.1"))), azi + 2, dip + 1, ""))
        surveys.append((hole, str(total), azi + 3, dip + 2, ""))
        for i, (f, t, ag, au, lith) in enumerate(rows):
            assays.append((hole, f"RG{k:02d}{i:03d}", f, t, ag, au, lith))

    out.mkdir(parents=True, exist_ok=True)
    _write(out / "collar.csv", ["hole_id", "easting", "northing", "elevation", "depth", "vein"],
           collars)
    _write(out / "survey.csv", ["hole_id", "depth", "azimuth", "dip"],
           [s[:4] for s in surveys])
    _write(out / "assays.csv", ["hole_id", "sample", "from", "to", "Ag_ppm", "Au_ppm", "lith"],
           assays)


def _write(path: Path, header: list[str], rows: list[tuple]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def check(out: Path) -> list[str]:
    """Run assay on the folder and return the table's rows as text (for the eye)."""
    from assay.explore import Cutoff, Rules, find_intercepts, load_folder
    from assay.explore.report import table

    data = load_folder(out)
    rules = Rules(Cutoff("Ag", CUTOFF), MAX_WASTE, D("0.5"), None, Cutoff("Ag", INCLUDE))
    result = find_intercepts(data, rules)
    n = len(result.all())
    if n != 14:
        raise SystemExit(f"expected 14 rows (13 intercepts and one including), got {n}")
    return table(result, "Additional Rio Grande Intercepts").splitlines()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        check(Path(tmp))
    generate(OUT)
    sys.stdout.write("\n".join(check(OUT)) + "\n")


if __name__ == "__main__":
    main()
