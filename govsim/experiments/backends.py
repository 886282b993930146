"""Backends: where a sweep's runs execute, all behind one small interface.

A backend is a context manager whose :meth:`~Backend.imap_unordered` applies a picklable
function to tasks and yields results as they finish, keeping only a bounded number of tasks in
flight (the driver's memory stays flat however long the sweep). :class:`Sequential` is the
plain reference; :class:`LocalProcesses` runs on this machine's cores and survives a worker's
death; :class:`DaskCluster` runs on a Dask cluster (a local one by default). A task whose
worker died too often is handed to ``lost``, which turns it into a result (a failed run), so
that one poisonous point cannot stop a sweep.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Protocol, Self

from govsim.scenario.messages import Message
from govsim.worded import MessageError

Lost = Callable[[Any, str], Any]
"""Turns a task that could not be run (and why) into a result."""
IN_FLIGHT_PER_WORKER = 2
"""Tasks queued per worker: enough to keep it busy, few enough to lose little on a crash."""
MAX_DEATHS = 3
"""A task in flight when this many workers died is given up as failed, not retried again."""
PARENT_CHECK_SECONDS = 1.0
"""How often a worker checks that its sweep is still there."""
RESIZE_SECONDS = 2.0
"""How often a Dask sweep resizes its queue to the threads its cluster has."""
POLL_SECONDS = 0.1
"""How often a Dask sweep looks for finished runs (Dask's own iterator looks as often)."""
MALLOC_TRIM_KEY = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
"""Dask's workers trim memory aggressively by default, which slowed our numpy work 1.8x."""
BACKENDS = ("local", "dask")


SCHEDULER_FILE_SECONDS = 120.0
"""How long a sweep waits for its scheduler file: in a batch job the scheduler may start a
little after the sweep, but a file still missing after this is not coming (Dask would wait on
for ever, without a word)."""


class BackendUnavailableError(MessageError, RuntimeError):
    """A backend's software is missing or its cluster cannot be reached; the message says so."""


class Backend(Protocol):
    """The one interface every backend offers."""

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def imap_unordered(
        self, function: Callable[[Any], Any], tasks: Iterable[Any], lost: Lost
    ) -> Iterator[Any]:
        """Yield ``function(task)`` for every task, in the order they finish."""
        ...


class Sequential:
    """Runs every task in this process, one after another: the reference for the others."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(
        self, function: Callable[[Any], Any], tasks: Iterable[Any], lost: Lost
    ) -> Iterator[Any]:
        """Yield each result as soon as it is computed."""
        for task in tasks:
            yield function(task)


class LocalProcesses:
    """A pool of spawned worker processes that is rebuilt when one of them dies.

    When a worker is killed (out of memory, a signal), Python's pool breaks: every task in
    flight fails with it, the guilty one among them, and so does the next submission, whenever
    it comes. The pool is then rebuilt and those tasks resubmitted; a task that was in flight
    at :data:`MAX_DEATHS` deaths is given to ``lost``.
    Processes are spawned rather than forked, so a worker never inherits the driver's threads
    or locks (a forked child of a threaded driver can hang).
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._busy = False

    def __enter__(self) -> Self:
        self._pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is None:
            return
        if self._busy:  # stopped early (Ctrl-C, --fail-fast): do not wait for runs of hours
            _terminate(self._pool)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_leave_with_parent,
            initargs=(os.getpid(),),
        )

    def imap_unordered(
        self, function: Callable[[Any], Any], tasks: Iterable[Any], lost: Lost
    ) -> Iterator[Any]:
        """Yield results as they finish, rebuilding the pool after a worker's death."""
        waiting = iter(tasks)
        again: deque[Any] = deque()
        in_flight: dict[Future[Any], Any] = {}
        deaths: Counter[int] = Counter()
        window = self.workers * IN_FLIGHT_PER_WORKER
        self._busy = True
        while True:
            broken = self._top_up(function, in_flight, again, waiting, window)
            if not (in_flight or broken):
                self._busy = False
                return
            if not broken:
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    task = in_flight.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken = True
                        in_flight[future] = task  # requeued with the others below
                    except Exception:
                        yield lost(task, traceback.format_exc())
            if broken:
                yield from self._recover(in_flight, again, deaths, lost)

    def _top_up(
        self,
        function: Callable[[Any], Any],
        in_flight: dict[Future[Any], Any],
        again: deque[Any],
        waiting: Iterator[Any],
        window: int,
    ) -> bool:
        """Submit tasks until ``window`` are in flight; whether the pool turned out broken.

        A worker can die between two looks at the pool (after a result came back, before the
        next submission): the submission then fails, and its task goes back to the queue.
        """
        while len(in_flight) < window and (task := _next(again, waiting)) is not None:
            try:
                in_flight[self._submit(function, task)] = task
            except BrokenProcessPool:
                again.appendleft(task)
                return True
        return False

    def _submit(self, function: Callable[[Any], Any], task: Any) -> Future[Any]:
        if self._pool is None:
            raise RuntimeError("use the backend in a with block")
        return self._pool.submit(function, task)

    def _recover(
        self,
        in_flight: dict[Future[Any], Any],
        again: deque[Any],
        deaths: Counter[int],
        lost: Lost,
    ) -> Iterator[Any]:
        """Replace the broken pool; requeue its tasks, or give up on a repeat suspect."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        for task in in_flight.values():
            deaths[id(task)] += 1
            if deaths[id(task)] >= MAX_DEATHS:
                reason = f"a worker process died while running it ({MAX_DEATHS} times)"
                yield lost(task, reason)
            else:
                again.append(task)
        in_flight.clear()


def _leave_with_parent(parent: int) -> None:
    """Make a worker exit when the sweep that started it is gone (``kill -9``, a crash).

    An orphaned worker would otherwise wait on its queue for ever, holding a core's memory
    and the sweep's terminal open.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="govsim-parent-watch", daemon=True).start()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers at once, runs and all (Python 3.14 has ``terminate_workers``)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


def _next(again: deque[Any], waiting: Iterator[Any]) -> Any:
    """The next task: one to resubmit first, else a new one (None when there is none)."""
    if again:
        return again.popleft()
    return next(waiting, None)


class DaskCluster:
    """Runs on a Dask cluster: a LocalCluster of single-threaded workers, or a running one.

    Dask resubmits the tasks of a worker that died to the other workers; a task that killed
    several (Dask's ``KilledWorker``) is given to ``lost``. An external scheduler's workers
    must be able to import govsim (install it where they run).
    """

    def __init__(
        self, workers: int = 1, address: str | None = None, scheduler_file: str | None = None
    ) -> None:
        self.workers = max(1, workers)
        self.address = address
        self.scheduler_file = scheduler_file
        self._stack = ExitStack()
        self.client: Any = None

    def __enter__(self) -> Self:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise BackendUnavailableError(Message("dask_missing")) from None

        # Kept set while the cluster lives: a nanny reads it again when it restarts a worker.
        self._stack.enter_context(dask.config.set({MALLOC_TRIM_KEY: None}))
        if self.address is not None or self.scheduler_file is not None:
            client = self._connect(Client)
        else:
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._stack.enter_context(cluster)
            client = Client(cluster)
        self.client = self._stack.enter_context(client)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def _connect(self, client_class: type) -> Any:
        """A client of the running scheduler, or an error that says how to start it."""
        if self.scheduler_file is not None:
            _wait_for(Path(self.scheduler_file), SCHEDULER_FILE_SECONDS)
        try:
            return client_class(self.address, scheduler_file=self.scheduler_file)
        except (OSError, TimeoutError) as error:
            where = self.address or f"the address in {self.scheduler_file}"
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            message = Message("scheduler_unreachable", address=where, reason=reason)
            raise BackendUnavailableError(message) from None

    def imap_unordered(
        self, function: Callable[[Any], Any], tasks: Iterable[Any], lost: Lost
    ) -> Iterator[Any]:
        """Yield results as they finish, keeping a few tasks per worker thread in flight.

        The queue follows the cluster: every :data:`RESIZE_SECONDS` it is resized to the
        threads the scheduler has, so workers that join late (batch jobs that start later)
        are given runs too.
        """
        from distributed import as_completed

        waiting = iter(tasks)
        in_flight: dict[str, Any] = {}
        completed = as_completed()
        window, resized = self.queue_length(), time.monotonic()
        while True:
            for task in _take(waiting, window - len(in_flight)):
                completed.add(self._submit(function, task, in_flight))
            if not in_flight:
                return
            finished = completed.next_batch(block=False)
            if not finished:
                time.sleep(POLL_SECONDS)
            for future in finished:
                task = in_flight.pop(future.key)
                try:
                    yield future.result()
                except Exception:
                    yield lost(task, traceback.format_exc())
                future.release()
            if time.monotonic() - resized >= RESIZE_SECONDS:
                window, resized = self._resized(window), time.monotonic()

    def _resized(self, window: int) -> int:
        """The queue for the cluster as it is now; as it was if the scheduler cannot say.

        The runs in flight go on whatever this look finds: a scheduler slow to answer (or
        reconnecting) is asked again at the next resize.
        """
        try:
            return self.queue_length()
        except (OSError, TimeoutError):
            return window

    def queue_length(self) -> int:
        """Tasks to keep in flight: a few per worker thread the scheduler has now.

        Never fewer than for ``workers``: a sweep may start before its workers have, and
        the runs it queued go to them as they join.
        """
        threads = sum(self.client.nthreads().values())  # a number per worker: small
        return max(self.workers, threads) * IN_FLIGHT_PER_WORKER

    def _submit(self, function: Callable[[Any], Any], task: Any, in_flight: dict[str, Any]) -> Any:
        future = self.client.submit(function, task, pure=False)
        in_flight[future.key] = task
        return future


def _wait_for(path: Path, seconds: float) -> None:
    """Wait until ``path`` exists, at most ``seconds``; then say it is missing."""
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() >= deadline:
            message = Message("scheduler_file_missing", file=path, seconds=round(seconds))
            raise BackendUnavailableError(message)
        time.sleep(POLL_SECONDS)


def _take(iterator: Iterator[Any], count: int) -> list[Any]:
    return [item for _, item in zip(range(count), iterator, strict=False)]


def make_backend(
    name: str,
    workers: int = 1,
    address: str | None = None,
    scheduler_file: str | None = None,
) -> Backend:
    """The backend by name: ``local`` (processes, or this process for 1 worker) or ``dask``."""
    if name == "dask":
        return DaskCluster(workers, address, scheduler_file)
    if name != "local":
        raise ValueError(f"unknown backend {name!r}: choose one of {', '.join(BACKENDS)}")
    return LocalProcesses(workers)
