"""Read a corpus of real filings and print, per file: documents read, tables, facts,
numeric cells left unplaced, diagnostics and seconds; then the totals and MB/s.

    python benchmarks/corpus_read.py [PATH ...]

PATH is a filing, a folder (read recursively) or a zip archive (each member a filing);
``--ext txt`` (the default) limits folders and archives to one extension. With no PATH it
reads ``../shared/corpus/sgml`` and the ``.txt`` members of
``../shared/corpus/bulk/edgar-8k-sample.zip``. A file that cannot be read prints its
one-line reason; a traceback is a bug and ends the run.
"""

from __future__ import annotations

import argparse
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from assay.errors import InputError
from assay.read import read_bytes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
UNPLACED = frozenset({"stray-cell", "unplaced-cell"})


def filings(paths: list[Path], ext: str) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each filing under the paths."""
    for path in paths:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                for info in sorted(z.infolist(), key=lambda i: i.filename):
                    if not info.is_dir() and info.filename.endswith("." + ext):
                        yield f"{path.name}:{info.filename}", z.read(info)
        elif path.is_dir():
            for p in sorted(path.rglob(f"*.{ext}")):
                yield str(p), p.read_bytes()
        else:
            yield str(path), path.read_bytes()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--ext", default="txt")
    args = ap.parse_args(argv)
    paths = args.paths or [CORPUS / "sgml", CORPUS / "bulk" / "edgar-8k-sample.zip"]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    head = f"{'file':60} {'docs':>4} {'tabs':>4} {'facts':>6} {'unpl':>5} {'diag':>5} {'s':>6}"
    print(head)
    totals = dict(files=0, read=0, tables=0, facts=0, unplaced=0, bytes=0, seconds=0.0)
    for name, data in filings(paths, args.ext):
        t0 = time.perf_counter()
        try:
            doc = read_bytes(data, name)
        except InputError as e:
            seconds = time.perf_counter() - t0
            print(f"{name[-60:]:60} {'-':>4} {'-':>4} {'-':>6} {'-':>5} {'-':>5} {seconds:6.3f}"
                  f"  {e.problem}")
        else:
            seconds = time.perf_counter() - t0
            unplaced = sum(1 for d in doc.diagnostics if d.code in UNPLACED)
            print(f"{name[-60:]:60} {len(doc.parts):4} {len(doc.tables):4} "
                  f"{len(doc.facts):6} {unplaced:5} {len(doc.diagnostics):5} {seconds:6.3f}")
            totals["read"] += 1
            totals["tables"] += len(doc.tables)
            totals["facts"] += len(doc.facts)
            totals["unplaced"] += unplaced
        totals["files"] += 1
        totals["bytes"] += len(data)
        totals["seconds"] += seconds
    t = totals
    cells = t["facts"] + t["unplaced"]
    print(f"\n{t['files']} files, {t['read']} with tables; {t['tables']} tables, {t['facts']} "
          f"facts, {t['unplaced']} numeric cells unplaced "
          f"({100 * t['facts'] / cells if cells else 100:.2f}% placed); "
          f"{t['bytes'] / 1e6:.1f} MB in {t['seconds']:.2f} s = "
          f"{t['bytes'] / 1e6 / t['seconds'] if t['seconds'] else 0:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
