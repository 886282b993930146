"""Backends: where a sweep's runs execute, all behind one small interface.

A backend is a context manager whose :meth:`~Backend.imap_unordered` applies a picklable
function to tasks and yields results as they finish, keeping only a bounded number of tasks in
flight (the driver's memory stays flat however long the sweep); asked to, it also yields
:data:`IDLE` while no result comes, so that the sweep can write what it holds.
:class:`Sequential` is the plain reference; :class:`LocalProcesses` runs on this machine's
cores and survives a worker's death; :class:`DaskCluster` runs on a Dask cluster (a local one
by default). A task whose worker died too often is handed to ``lost``, which turns it into a
result (a failed run), so that one poisonous point cannot stop a sweep.
"""

from __future__ import annotations

import itertools
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
from dataclasses import dataclass
from multiprocessing.context import BaseContext
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


class _Idle:
    """The type of :data:`IDLE`: one value, named in a repr."""

    def __repr__(self) -> str:
        return "IDLE"


IDLE = _Idle()
"""Yielded in place of a result when ``wake`` seconds passed without one."""


class BackendUnavailableError(MessageError, RuntimeError):
    """A backend's software is missing or its cluster cannot be reached; the message says so."""


class Backend(Protocol):
    """The one interface every backend offers."""

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def imap_unordered(
        self,
        function: Callable[[Any], Any],
        tasks: Iterable[Any],
        lost: Lost,
        wake: float | None = None,
    ) -> Iterator[Any]:
        """Yield ``function(task)`` for every task, in the order they finish.

        With ``wake``, also yield :data:`IDLE` whenever that many seconds pass without a
        result (a backend that runs tasks in the caller's own thread cannot, and does not).
        """
        ...


class Sequential:
    """Runs every task in this process, one after another: the reference for the others."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(
        self,
        function: Callable[[Any], Any],
        tasks: Iterable[Any],
        lost: Lost,
        wake: float | None = None,
    ) -> Iterator[Any]:
        """Yield each result as soon as it is computed.

        Never :data:`IDLE`: a task runs in the caller's own thread, so there is no waiting to
        wake from, and ``wake`` is ignored.
        """
        for task in tasks:
            yield function(task)


class LocalProcesses:
    """A pool of spawned worker processes that is rebuilt when one of them dies.

    When a worker is killed (out of memory, a signal), Python's pool breaks: every task not
    finished fails with it, the guilty one among them, and so does the next submission,
    whenever it comes. The pool is then rebuilt and those tasks resubmitted. A task is given
    to ``lost`` once it was running at :data:`MAX_DEATHS` deaths (see :class:`_Starts` for
    what "running" can mean here, and what cannot be known). Processes are spawned rather than
    forked, so a worker never inherits the driver's threads or locks (a forked child of a
    threaded driver can hang).
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._starts: _Starts | None = None
        self._busy = False

    def __enter__(self) -> Self:
        self._open_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is None:
            return
        if self._busy:  # stopped early (Ctrl-C, --fail-fast): do not wait for runs of hours
            _terminate(self._pool)
        self._close_pool()

    def _open_pool(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._starts = _Starts(context)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), self._starts.queue),
        )

    def _close_pool(self) -> set[int]:
        """Shut the pool down, its workers gone; the tasks they began and did not finish.

        Waiting for the pool's own thread settles every future: a broken pool's thread first
        gives each unfinished one its error, so a future that has none had its result.
        """
        pool, starts = self._pool, self._starts
        self._pool, self._starts = None, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if starts is None:
            return set()
        began = starts.unfinished()
        starts.close()
        return began

    def imap_unordered(
        self,
        function: Callable[[Any], Any],
        tasks: Iterable[Any],
        lost: Lost,
        wake: float | None = None,
    ) -> Iterator[Any]:
        """Yield results as they finish, rebuilding the pool after a worker's death.

        With ``wake``, yield :data:`IDLE` whenever that many seconds pass without a result.
        """
        waiting = map(_Numbered, itertools.count(), tasks)
        again: deque[_Numbered] = deque()
        in_flight: dict[Future[Any], _Numbered] = {}
        deaths: Counter[int] = Counter()
        self._busy = True
        while True:
            broken = self._top_up(function, in_flight, again, waiting)
            if not (in_flight or broken):
                self._busy = False
                return
            if not broken:
                finished, _ = wait(in_flight, timeout=wake, return_when=FIRST_COMPLETED)
                if not finished:
                    yield IDLE
                for future in finished:
                    if _broke(future):
                        broken = True  # settled with the others below
                    else:
                        yield self._outcome(future, in_flight.pop(future), lost)
            if broken:
                yield from self._recover(in_flight, again, deaths, lost)

    def _top_up(
        self,
        function: Callable[[Any], Any],
        in_flight: dict[Future[Any], _Numbered],
        again: deque[_Numbered],
        waiting: Iterator[_Numbered],
    ) -> bool:
        """Submit tasks until enough are in flight; whether the pool turned out broken.

        A worker can die between two looks at the pool (after a result came back, before the
        next submission): the submission then fails, and its task goes back to the queue.
        """
        window = self.workers * IN_FLIGHT_PER_WORKER
        while len(in_flight) < window and (numbered := _next(again, waiting)) is not None:
            try:
                in_flight[self._submit(function, numbered)] = numbered
            except BrokenProcessPool:
                again.appendleft(numbered)
                return True
        return False

    def _submit(self, function: Callable[[Any], Any], numbered: _Numbered) -> Future[Any]:
        if self._pool is None:
            raise RuntimeError("use the backend in a with block")
        return self._pool.submit(_run_said, function, numbered.number, numbered.task)

    def _outcome(self, future: Future[Any], numbered: _Numbered, lost: Lost) -> Any:
        """The result of a task that finished, or what ``lost`` makes of its error."""
        if self._starts is not None:
            self._starts.forget(numbered.number)
        try:
            return future.result()
        except Exception:
            return lost(numbered.task, traceback.format_exc())

    def _recover(
        self,
        in_flight: dict[Future[Any], _Numbered],
        again: deque[_Numbered],
        deaths: Counter[int],
        lost: Lost,
    ) -> Iterator[Any]:
        """Replace the broken pool: yield what finished before it broke, requeue the rest.

        A death counts against each task that was running, and a task running at
        :data:`MAX_DEATHS` deaths is given up. If none of the tasks in flight had begun (a
        worker killed between two runs, or one that dies before it can run anything), each of
        them is counted: a pool whose workers cannot start would otherwise be rebuilt for ever.
        """
        began = self._close_pool()
        self._open_pool()
        unfinished = sorted(in_flight.items(), key=lambda item: item[1].number)
        in_flight.clear()
        broken = [numbered for future, numbered in unfinished if _broke(future)]
        for future, numbered in unfinished:
            if not _broke(future):  # it finished before the pool broke
                yield self._outcome(future, numbered, lost)
        deaths.update(numbered.number for numbered in _suspects(broken, began))
        for numbered in broken:
            if deaths[numbered.number] >= MAX_DEATHS:
                reason = f"a worker process died while running it ({MAX_DEATHS} times)"
                yield lost(numbered.task, reason)
            else:
                again.append(numbered)


@dataclass(frozen=True, slots=True)
class _Numbered:
    """A task and its number, counted from 0 as tasks are taken, kept when it is resubmitted.

    Deaths are counted by number: a task's ``id()`` is reused by later tasks once it is freed.
    """

    number: int
    task: Any


class _Starts:
    """The tasks the workers of one pool have begun, as each worker says before it runs one.

    A process pool cannot say which tasks were running when it broke. Its futures are marked
    running as soon as they wait in the pipe to the workers (which holds one more task than
    there are workers), not when a worker takes them, and every unfinished future fails alike.
    So each worker puts a task's number here first, and a task a worker began and did not
    finish was running. What stays unknown is which of them killed its worker: a pool
    terminates its other workers when one dies, so the runs they had going are counted too,
    and a run beside a task that kills workers again and again can be given up with it.
    """

    def __init__(self, context: BaseContext) -> None:
        self.queue = context.SimpleQueue()  # written whole or not at all, even by a dying worker
        self._began: set[int] = set()

    def unfinished(self) -> set[int]:
        """Numbers of the tasks begun and not yet forgotten (emptying the pipe, which is small)."""
        while not self.queue.empty():
            self._began.add(self.queue.get())
        return self._began

    def forget(self, number: int) -> None:
        """A task finished: it will not be counted at a death."""
        self.unfinished().discard(number)

    def close(self) -> None:
        self.queue.close()


_said_to: Any = None
"""In a worker: where it says which task it begins (:class:`_Starts`)."""


def _start_worker(parent: int, starts: Any) -> None:
    """Set a worker up: it says which task it begins, and leaves with its sweep."""
    global _said_to
    _said_to = starts
    _leave_with_parent(parent)


def _run_said(function: Callable[[Any], Any], number: int, task: Any) -> Any:
    """In a worker: say that the task begins, then run it."""
    _said_to.put(number)
    return function(task)


def _broke(future: Future[Any]) -> bool:
    """Whether a finished future failed because its pool broke (or went, cancelling it)."""
    return future.cancelled() or isinstance(future.exception(), BrokenProcessPool)


def _suspects(broken: list[_Numbered], began: set[int]) -> list[_Numbered]:
    """The tasks a death counts against: those a worker had begun; all, if none had."""
    running = [numbered for numbered in broken if numbered.number in began]
    return running or broken


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


def _next(again: deque[_Numbered], waiting: Iterator[_Numbered]) -> _Numbered | None:
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
        self,
        function: Callable[[Any], Any],
        tasks: Iterable[Any],
        lost: Lost,
        wake: float | None = None,
    ) -> Iterator[Any]:
        """Yield results as they finish, keeping a few tasks per worker thread in flight.

        The queue follows the cluster: every :data:`RESIZE_SECONDS` it is resized to the
        threads the scheduler has, so workers that join late (batch jobs that start later)
        are given runs too. With ``wake``, yield :data:`IDLE` whenever that many seconds pass
        without a result.
        """
        from distributed import as_completed

        waiting = iter(tasks)
        in_flight: dict[str, Any] = {}
        completed = as_completed()
        window, resized = self.queue_length(), time.monotonic()
        heard = resized  # when a result last came, or IDLE was last yielded
        while True:
            for task in _take(waiting, window - len(in_flight)):
                completed.add(self._submit(function, task, in_flight))
            if not in_flight:
                return
            finished = completed.next_batch(block=False)
            if finished:
                heard = time.monotonic()
            else:
                time.sleep(POLL_SECONDS)
                if wake is not None and time.monotonic() - heard >= wake:
                    heard = time.monotonic()
                    yield IDLE
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
