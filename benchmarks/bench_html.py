"""HTML reading speed beside its parser's floor: the HTML and inline-XBRL documents of
``../shared/corpus`` (and the 39 releases of ``bulk/ex991-2020q1-sample.zip``), each
parsed by lxml alone and read by assay, in interleaved rounds; medians of the MB/s.

    python benchmarks/bench_html.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import lxml.html
from _corpus import html_documents, missing

from assay.read import read_bytes


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if missing():
        return 2
    docs = html_documents()
    megabytes = sum(len(data) for _, data in docs) / 1e6
    parse, read = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _, data in docs:
            lxml.html.document_fromstring(data)
        parse.append(megabytes / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        facts = sum(len(read_bytes(data, name).facts) for name, data in docs)
        read.append(megabytes / (time.perf_counter() - t0))
    print(f"{len(docs)} HTML documents, {megabytes:.1f} MB, {facts} facts")
    print(f"lxml parse alone : median {statistics.median(parse):6.1f} MB/s")
    print(f"assay read       : median {statistics.median(read):6.1f} MB/s "
          f"(target >= 10 MB/s: {'met' if statistics.median(read) >= 10 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
