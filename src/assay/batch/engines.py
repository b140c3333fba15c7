"""Where a batch's documents are read: local processes, or a Dask distributed cluster.

An engine takes ``(name, bytes)`` tasks and yields one :class:`~.work.Outcome` per task,
in the order they finish, and ``None`` when none finished for a moment (``HEARTBEAT``
seconds), so that its caller can stop between outcomes. Faults are outcomes too: a
document still being read after ``timeout`` seconds has its worker stopped and is
``timeout``; a worker that dies (killed, out of memory) leaves its document ``crashed``;
the run goes on with a fresh worker. At most a few tasks per worker are in flight, so
memory stays bounded whatever the number of documents.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures import TimeoutError as FutureTimeout

from assay.errors import InputError

from .work import CRASHED, ERROR, TIMEOUT, Outcome, process, unread_outcome

Task = tuple[str, bytes]
Work = Callable[[str, bytes, bool], Outcome]

#: Tasks in flight per worker: enough to keep each busy while the writer works.
_PER_WORKER = 3
#: Longest wait, in seconds, without yielding to the caller.
HEARTBEAT = 0.25
#: Modules the local workers' parent process imports once, so each worker starts warm.
_PRELOAD = ["assay.batch.work", "assay.read", "assay.audit"]


def _timed_out(name: str, data: bytes, timeout: float | None) -> Outcome:
    return unread_outcome(name, data, TIMEOUT,
                          f"still being read after {timeout:g} s: its worker was stopped")


class LocalEngine:
    """Worker processes on this machine (pebble's process pool: per-task timeouts, and
    a new worker for one that dies)."""

    def __init__(self, workers: int, timeout: float | None, audit: bool,
                 work: Work = process) -> None:
        from pebble import ProcessPool

        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        _start_forkserver()
        self.workers, self.timeout, self.audit, self.work = workers, timeout, audit, work
        self.pool = ProcessPool(max_workers=workers, context=ctx, initializer=_ignore_ctrl_c)

    def outcomes(self, tasks: Iterable[Task]) -> Iterator[Outcome | None]:
        pending: dict[object, Task] = {}
        for task in tasks:
            while len(pending) >= self.workers * _PER_WORKER:
                yield from self._finished(pending)
            fut = self.pool.schedule(self.work, args=(*task, self.audit), timeout=self.timeout)
            pending[fut] = task
        while pending:
            yield from self._finished(pending)

    def _finished(self, pending: dict[object, Task]) -> Iterator[Outcome | None]:
        from pebble import ProcessExpired

        done, _ = wait(list(pending), timeout=HEARTBEAT, return_when=FIRST_COMPLETED)
        if not done:
            yield None
        for fut in done:
            name, data = pending.pop(fut)
            try:
                yield fut.result()
            except FutureTimeout:
                yield _timed_out(name, data, self.timeout)
            except ProcessExpired as e:
                yield unread_outcome(name, data, CRASHED, f"its worker died ({_death(e)})")
            except Exception as e:  # the task could not be sent or its result returned
                yield unread_outcome(name, data, ERROR, f"{type(e).__name__}: {e}")

    def close(self) -> None:
        self.pool.stop()
        self.pool.join()


def _start_forkserver() -> None:
    """Start the process the workers fork from with Ctrl-C ignored, as it then stays
    (and its workers with it): it imports the reader first, and a Ctrl-C in that
    moment would otherwise kill it and break the pool."""
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, before)


def _ignore_ctrl_c() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent stops the run and
    stores what is finished; a worker must not die of it and so be recorded as crashed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _death(e: Exception) -> str:
    code = getattr(e, "exitcode", None)
    if isinstance(code, int) and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class DaskEngine:
    """The same work on Dask distributed: ``"local"`` starts a LocalCluster of
    ``workers`` single-threaded processes; an address joins a running scheduler."""

    def __init__(self, where: str, workers: int, timeout: float | None, audit: bool,
                 work: Work = process) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.timeout, self.audit, self.work = timeout, audit, work
        self.cluster = None
        # one task on a worker at a time, so a task's time on a worker is its reading time;
        # a document that kills a worker twice is recorded as crashed
        with dask.config.set({"distributed.scheduler.worker-saturation": 1.0,
                              "distributed.scheduler.allowed-failures": 1}):
            if where == "local":
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                try:
                    self.client = Client(where, timeout="15s")
                except (OSError, ValueError, TypeError) as e:
                    raise InputError(f"--dask {where}", f"cannot join the Dask scheduler: "
                                     f"{str(e).splitlines()[0] if str(e) else e}") from None
        self.workers = max(1, len(self.client.scheduler_info()["workers"])) if where != \
            "local" else workers

    def outcomes(self, tasks: Iterable[Task]) -> Iterator[Outcome | None]:
        pending: dict[object, Task] = {}
        started: dict[str, float] = {}
        for task in tasks:
            while len(pending) >= self.workers * _PER_WORKER:
                yield from self._finished(pending, started)
            fut = self.client.submit(self.work, *task, self.audit, pure=False,
                                     key=f"assay-{uuid.uuid4().hex}")
            pending[fut] = task
        while pending:
            yield from self._finished(pending, started)

    def _finished(self, pending: dict[object, Task],
                  started: dict[str, float]) -> Iterator[Outcome | None]:
        from distributed import wait as dask_wait

        with contextlib.suppress(TimeoutError):  # the caller, or the running tasks, are due
            dask_wait(list(pending), timeout=HEARTBEAT, return_when="FIRST_COMPLETED")
        done = [f for f in pending if f.done()]
        if not done:
            yield None
        for fut in done:
            name, data = pending.pop(fut)
            started.pop(fut.key, None)
            try:
                yield fut.result()
            except Exception as e:  # KilledWorker: the document's workers died
                status = CRASHED if type(e).__name__ == "KilledWorker" else ERROR
                why = "its worker died" if status == CRASHED else f"{type(e).__name__}: {e}"
                yield unread_outcome(name, data, status, why)
        if self.timeout:
            yield from self._stop_late(pending, started)

    def _stop_late(self, pending: dict[object, Task],
                   started: dict[str, float]) -> Iterator[Outcome]:
        """Tasks running longer than the timeout: cancelled, their workers restarted."""
        now = time.monotonic()
        by_key = {f.key: f for f in pending}
        late_workers = []
        for worker, keys in self.client.processing().items():
            for key in keys:
                if key not in by_key:
                    continue
                t0 = started.setdefault(key, now)
                if now - t0 > self.timeout:
                    fut = by_key[key]
                    fut.cancel()
                    name, data = pending.pop(fut)
                    started.pop(key, None)
                    late_workers.append(worker)
                    yield _timed_out(name, data, self.timeout)
        if late_workers:
            self.client.restart_workers(late_workers, raise_for_error=False)

    def close(self) -> None:
        # workers closing before the scheduler hears their last heartbeat is no news
        quiet = logging.getLogger("distributed")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            quiet.setLevel(level)
