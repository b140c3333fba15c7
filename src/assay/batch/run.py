"""A batch run: documents in, through an engine, into the store; one writer.

The parent process reads each document's bytes (so that ``resume`` can skip what the
store holds, by SHA-256, before any work is sent), the engine reads and audits them, and
the parent writes the outcomes in transactions of whole documents, every
``FLUSH_SECONDS`` or ``FLUSH_DOCUMENTS``. Ctrl-C (SIGINT) stops the run between two
outcomes: the documents finished are stored, those a worker was reading are not (a
worker's failure after Ctrl-C may be the interruption's, not the document's), and a
second Ctrl-C stops at once.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from assay.errors import InputError

from .engines import DaskEngine, LocalEngine, Task, Work
from .inputs import Item, Loader
from .store import Store
from .work import FAILED, NO_TABLES, OK, Outcome, process, sha256, unread_outcome

FLUSH_SECONDS = 2.0
FLUSH_DOCUMENTS = 200


@dataclass
class Summary:
    """What a run did: documents by status, and those it did not read again."""

    found: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    skipped: int = 0  # stored before (resume)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (name, same as)
    facts: int = 0
    findings: int = 0
    mismatches: int = 0
    seconds: float = 0.0  # the whole run
    startup_seconds: float = 0.0  # of which starting the engine (workers, cluster)
    write_seconds: float = 0.0  # of which writing the store
    interrupted: bool = False
    workers: int = 0
    engine: str = ""

    @property
    def stored(self) -> int:
        return sum(self.by_status.values())

    @property
    def not_read(self) -> int:
        """Documents stored without a reading: not usable, a reader fault, a timeout or
        a dead worker (a document with no tables was read)."""
        return sum(n for s, n in self.by_status.items() if s not in (OK, NO_TABLES))


def run_batch(items: list[Item], store_path: str, *, workers: int | None = None,
              dask: str | None = None, audit: bool = True, resume: bool = False,
              timeout: float | None = None,
              on_outcome: Callable[[Outcome], None] | None = None,
              on_skip: Callable[[Item], None] | None = None,
              work: Work = process) -> Summary:
    """Read (and audit) every item into the store at ``store_path``.

    Raises InputError, before any work, for a store that cannot be opened or written."""
    store = Store(store_path)
    summary = Summary(found=len(items))
    known = store.known() if resume else set()
    workers = workers or os.cpu_count() or 1
    loader = Loader()
    unread: list[Outcome] = []  # documents whose bytes could not be read, to store
    first: dict[str, str] = {}

    def tasks() -> Iterator[Task]:
        for item in items:
            if stop.requested:
                return
            try:
                data = loader.load(item)
            except InputError as e:
                unread.append(unread_outcome(item.name, None, FAILED, e.problem))
                continue
            key = sha256(data)
            if key in known or key in first:
                if key in first:
                    summary.duplicates.append((item.name, first[key]))
                else:
                    summary.skipped += 1
                if on_skip:
                    on_skip(item)
                continue
            first[key] = item.name
            yield item.name, data

    start = time.perf_counter()
    stop = _Stop()
    try:
        engine: LocalEngine | DaskEngine = (
            DaskEngine(dask, workers, timeout, audit, work) if dask
            else LocalEngine(workers, timeout, audit, work))
    except BaseException:
        stop.restore()
        store.close()
        raise
    summary.workers, summary.engine = engine.workers, f"dask {dask}" if dask else "local"
    summary.startup_seconds = time.perf_counter() - start
    buffer: list[Outcome] = []
    last_flush = time.monotonic()

    def take(o: Outcome) -> None:
        buffer.append(o)
        _count(summary, o)
        if on_outcome:
            on_outcome(o)

    def write(outcomes: list[Outcome]) -> None:
        t0 = time.perf_counter()
        try:
            store.write(outcomes)
        finally:  # written, or not writable: either way not written again
            outcomes.clear()
            summary.write_seconds += time.perf_counter() - t0

    try:
        for outcome in engine.outcomes(tasks()):
            if stop.requested:
                summary.interrupted = True
                if outcome is not None and outcome.document["status"] == OK:
                    take(outcome)
                break
            for o in (*unread, outcome):
                if o is not None:
                    take(o)
            unread.clear()
            if len(buffer) >= FLUSH_DOCUMENTS or time.monotonic() - last_flush > FLUSH_SECONDS:
                write(buffer)
                last_flush = time.monotonic()
        for o in unread:
            take(o)
        summary.interrupted = summary.interrupted or stop.requested
    except KeyboardInterrupt:  # a second Ctrl-C, or a run outside the main thread
        summary.interrupted = True
    finally:
        stop.restore()
        try:
            write(buffer)
        finally:
            engine.close()
            loader.close()
            store.close()
    summary.seconds = time.perf_counter() - start
    return summary


class _Stop:
    """Ctrl-C asks the run to stop (a flag, not an exception in the middle of a write);
    a second Ctrl-C raises KeyboardInterrupt as usual. Only in the main thread."""

    def __init__(self) -> None:
        self.requested = False
        self._before = None
        if threading.current_thread() is threading.main_thread():
            self._before = signal.signal(signal.SIGINT, self._ask)

    def _ask(self, signum: int, frame: object) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def restore(self) -> None:
        if self._before is not None:
            signal.signal(signal.SIGINT, self._before)
            self._before = None


def _count(summary: Summary, o: Outcome) -> None:
    row = o.document
    summary.by_status[str(row["status"])] += 1
    summary.facts += len(o.facts)
    summary.findings += len(o.findings)
    summary.mismatches += int(row.get("mismatches") or 0)
