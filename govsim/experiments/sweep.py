"""Sweeping an experiment: every (point, replication) run once, streamed to disk, resumable.

The driver lists the runs not yet finished in the results folder, hands them to a backend, and
records results in batches as they come back: a batch is written when it is full, or once the
last write is :data:`BATCH_SECONDS` old, whether or not a run has just finished (the driver
wakes every :data:`WAKE_SECONDS` to look). A sweep killed at any instant thus loses at most the
runs of one unwritten batch, those of its last few seconds, which its rerun does again. On the
:class:`~govsim.experiments.backends.Sequential` backend the runs happen in the driver itself,
which cannot wake during one: rows there also wait for the run after them.

A run that raises is recorded as failed, with its traceback, and the sweep goes on; the next
sweep into the folder runs it again (unless told to keep it): a failure may well be passing (a
worker killed, out of memory, other versions on a worker), and a run's seed makes its retry
give what a first try would have.
"""

from __future__ import annotations

import functools
import json
import math
import re
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govsim.experiments.backends import IDLE, Backend, Sequential
from govsim.experiments.experiment import Experiment
from govsim.experiments.ledger import Ledger
from govsim.experiments.store import Store
from govsim.runner import RunResult, run_once, run_sharing_warmup
from govsim.scenario import Scenario
from govsim.scenario.overrides import with_overrides
from govsim.versions import differing, listed, versions
from govsim.warmup import WARMUP_BLIND

RunFunction = Callable[[Scenario, int, int], RunResult]
"""What runs one replication: :func:`govsim.runner.run_once`, or a stand-in in tests."""
BATCH_SECONDS = 5.0
"""Finished runs are written once the last write is this old (or their batch is full): runs
written as they come would make a part each."""
WAKE_SECONDS = 1.0
"""How long a sweep waits for a run to finish before it looks whether its rows are due."""
MAX_BATCH = 200
"""Runs per part file at most: parts stay small, and a crash loses few."""
PARTS_PER_SWEEP = 50
"""Batches aim at this many parts per sweep, so small sweeps too write as they go."""
KEPT_ERRORS = 5
"""Tracebacks a report keeps to show; all of them are in the results."""
DROPPED_SUMMARY = ("scenario", "replication", "seed")
"""Summary entries the run's identity already holds."""
MAX_SHARED = 8
"""Runs at most in one task that shares a warm-up: most of the saving (a warm-up of 730 days
for 8 runs of 365 rather than 8), while a sweep of few replications still keeps every worker
busy and a worker's crash loses few runs."""


@dataclass(frozen=True, slots=True)
class RunTask:
    """One (point, replication): everything a worker needs, and nothing else, to run it."""

    run: int
    point: int
    replication: int
    seed: int
    scenario: Scenario
    settings: dict[str, Any]
    versions: dict[str, str] = field(default_factory=versions)
    """Those of the process that planned the sweep: a worker with others would give other
    numbers for the same seed, which the sweep's record could not tell apart."""


@dataclass(frozen=True, slots=True)
class SharedRuns:
    """Runs of one replication at points that differ only where a warm-up does not read.

    Those keys are events and measured days (:mod:`govsim.warmup`), so the warm-up is run once
    for all of them and each run continues a copy of it: the rows are those each run gives alone
    (tests/experiments/test_shared_sweep.py).
    """

    runs: tuple[RunTask, ...]


@dataclass
class SweepReport:
    """What a sweep did: runs in all, recorded before it and not run again, done now, failed now.

    ``retried`` failed runs from before were run again, and are among ``ok`` and ``failed``;
    ``kept_failed`` were left failed (``retry_failed=False``), and are among ``skipped``.
    ``errors`` holds the first few tracebacks only, so that a sweep failing everywhere keeps
    a flat memory; every one is in the results folder.
    """

    runs: int
    skipped: int
    retried: int = 0
    kept_failed: int = 0
    ok: int = 0
    failed: int = 0
    stopped: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Runs recorded in the folder, from before and from now."""
        return self.skipped + self.ok + self.failed

    @property
    def complete(self) -> bool:
        """Whether every run of the experiment is now recorded as finished."""
        return not (self.failed or self.kept_failed or self.stopped)


def perform_any(
    task: RunTask | SharedRuns, run: RunFunction = run_once
) -> dict[str, Any] | list[dict[str, Any]]:
    """:func:`perform` a run, or :func:`perform_shared` runs that share a warm-up."""
    if isinstance(task, SharedRuns):
        return perform_shared(task, run)
    return perform(task, run)


def perform_shared(shared: SharedRuns, run: RunFunction = run_once) -> list[dict[str, Any]]:
    """Run runs that share a warm-up, the warm-up once; their rows, failed rows if it raises.

    A stand-in ``run`` (tests) cannot continue a warm-up: each run is then performed alone.
    """
    if run is not run_once:
        return [perform(task, run) for task in shared.runs]
    first = shared.runs[0]
    if other := differing(first.versions):
        return [_failed_elsewhere(task, other) for task in shared.runs]
    try:
        scenarios = [_scenario_of(task) for task in shared.runs]
        results = run_sharing_warmup(scenarios, first.seed, first.replication)
    except Exception:
        return failed_rows(shared, traceback.format_exc())
    return [_row(task, result) for task, result in zip(shared.runs, results, strict=True)]


def failed_rows(task: RunTask | SharedRuns, error: str) -> list[dict[str, Any]]:
    """The rows of a task that did not finish, with why (one per run)."""
    runs = task.runs if isinstance(task, SharedRuns) else (task,)
    return [failed_row(one, error) for one in runs]


def perform(task: RunTask, run: RunFunction = run_once) -> dict[str, Any]:
    """Run one task and return its row; a run that raises gives a failed row with the traceback.

    Executed in the workers: module-level and picklable, like :func:`govsim.runner.run_once`.
    """
    if other := differing(task.versions):
        return _failed_elsewhere(task, other)
    try:
        result = run(_scenario_of(task), task.seed, task.replication)
    except Exception:
        return failed_row(task, traceback.format_exc())
    return _row(task, result)


def _scenario_of(task: RunTask) -> Scenario:
    with warnings.catch_warnings():
        # Each caution was issued once, placed in the experiment file, by load_experiment.
        warnings.simplefilter("ignore")
        return with_overrides(task.scenario, task.settings)


def _failed_elsewhere(task: RunTask, other: dict[str, tuple[str, str]]) -> dict[str, Any]:
    why = (
        f"this worker has other versions than the sweep was started with ({listed(other)}; "
        "the sweep's -> this worker's): install the same on every worker, then resume"
    )
    return failed_row(task, why)


def _row(task: RunTask, result: RunResult) -> dict[str, Any]:
    outcomes = {
        name: value
        for name, value in result.summary.items()
        if name not in DROPPED_SUMMARY and name not in task.settings
    }
    return {**_ids(task), "status": "ok", **outcomes}


def failed_row(task: RunTask, error: str) -> dict[str, Any]:
    """The row of a run that did not finish, with why."""
    return {**_ids(task), "status": "failed", "error": error}


def _ids(task: RunTask) -> dict[str, int]:
    return {
        "run": task.run,
        "point": task.point,
        "replication": task.replication,
        "seed": task.seed,
    }


def tasks(experiment: Experiment, skip: set[int]) -> Iterator[RunTask]:
    """The runs still to do, point by point (replications of a point together), lazily."""
    replications, planned_with = len(experiment.seeds), versions()
    for point, settings in enumerate(experiment.points):
        for replication, seed in enumerate(experiment.seeds):
            run = point * replications + replication
            if run not in skip:
                yield RunTask(
                    run, point, replication, seed, experiment.scenario, settings, planned_with
                )


def shared_tasks(experiment: Experiment, skip: set[int]) -> Iterator[RunTask | SharedRuns]:
    """:func:`tasks`, the runs of one replication at points with one warm-up put together.

    Points whose settings differ only in keys a warm-up does not read (``events...``,
    ``days``) share it, up to :data:`MAX_SHARED` runs a task, yielded where the group's first
    point comes; every other point's runs are yielded as :func:`tasks` yields them.
    """
    groups: dict[str, list[int]] = {}
    for point, settings in enumerate(experiment.points):
        groups.setdefault(_warmup_signature(settings), []).append(point)
    sharing = {points[0]: points for points in groups.values() if len(points) > 1}
    if not sharing:
        yield from tasks(experiment, skip)  # lazily, as before: nothing to share
        return
    shared = {point for points in sharing.values() for point in points}
    by_point: dict[int, list[RunTask]] = {}
    for task in tasks(experiment, skip):
        by_point.setdefault(task.point, []).append(task)
    for point in range(len(experiment.points)):
        if point in sharing:
            yield from _shared_by_replication(sharing[point], by_point)
        elif point not in shared:
            yield from by_point.get(point, [])


def _shared_by_replication(
    points: list[int], by_point: dict[int, list[RunTask]]
) -> Iterator[RunTask | SharedRuns]:
    by_replication: dict[int, list[RunTask]] = {}
    for point in points:
        for task in by_point.get(point, []):
            by_replication.setdefault(task.replication, []).append(task)
    for replication in sorted(by_replication):
        runs = by_replication[replication]
        # As few tasks as MAX_SHARED allows, of near-equal sizes (9 runs: 5 and 4, not 8 and 1).
        size = math.ceil(len(runs) / math.ceil(len(runs) / MAX_SHARED))
        for start in range(0, len(runs), size):
            chunk = tuple(runs[start : start + size])
            yield chunk[0] if len(chunk) == 1 else SharedRuns(chunk)


def _warmup_signature(settings: dict[str, Any]) -> str:
    """What of a point's settings a warm-up reads: equal for points that can share one."""
    read = {
        path: value
        for path, value in settings.items()
        if re.split(r"[.\[]", path, maxsplit=1)[0] not in WARMUP_BLIND  # events[0].day too
    }
    return json.dumps(read, sort_keys=True, default=str)


def sweep(
    experiment: Experiment,
    out: Path,
    backend: Backend | None = None,
    *,
    restart: bool = False,
    retry_failed: bool = True,
    fail_fast: bool = False,
    started: Callable[[SweepReport], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    run: RunFunction = run_once,
) -> SweepReport:
    """Run every (point, replication) of the experiment not yet finished in ``out``.

    Args:
        experiment: The validated experiment.
        out: The results folder; results already there for this experiment are kept.
        backend: Where runs execute (default: this process, one run after another).
        restart: Discard results of a changed experiment found in ``out``.
        retry_failed: Run again the runs recorded as failed; if false, keep them failed.
        fail_fast: Stop at the first failed run (after recording it).
        started: Called once, before the first run, with the report so far (what is
            skipped and what is retried).
        progress: Called with (runs recorded, runs in all) as runs finish.
        run: Runs one replication; tests put a stand-in here.

    Raises:
        SweepFolderError: if ``out`` cannot take this experiment's results.
    """
    backend = backend or Sequential()
    with Store.open(out, experiment, restart) as store:
        report, skip = _plan(experiment, store.recorded(), retry_failed)
        if started is not None:
            started(report)
        if progress is not None:
            progress(report.done, report.runs)
        batch = _Batch(store, _batch_size(experiment.runs))
        try:
            with backend:
                function = functools.partial(perform_any, run=run)
                planned = shared_tasks(experiment, skip)
                results = backend.imap_unordered(function, planned, failed_rows, wake=WAKE_SECONDS)
                for result in results:
                    if result is not IDLE:
                        _record(result, report, batch, fail_fast)
                        if progress is not None:
                            progress(report.done, report.runs)
                    batch.write_if_due()
                    if report.stopped:
                        break
        finally:
            batch.flush()
    return report


def _plan(
    experiment: Experiment, recorded: Ledger, retry_failed: bool
) -> tuple[SweepReport, set[int]]:
    """The report before any run, and the runs to skip: the finished, and the failed if kept."""
    retried = recorded.failed if retry_failed else set()
    skip = recorded.ok | (recorded.failed - retried)
    report = SweepReport(
        runs=experiment.runs,
        skipped=len(skip),
        retried=len(retried),
        kept_failed=len(recorded.failed) - len(retried),
    )
    return report, skip


def _record(
    result: dict[str, Any] | list[dict[str, Any]],
    report: SweepReport,
    batch: _Batch,
    fail_fast: bool,
) -> None:
    """Count a task's rows in the report and add them to the batch (a task may hold several)."""
    for row in result if isinstance(result, list) else [result]:
        _count(report, row)
        batch.add(row)
        if fail_fast and row["status"] == "failed":
            report.stopped = True


def _count(report: SweepReport, row: dict[str, Any]) -> None:
    if row["status"] == "ok":
        report.ok += 1
    else:
        report.failed += 1
        if len(report.errors) < KEPT_ERRORS:
            report.errors.append(row["error"])


def _batch_size(runs: int) -> int:
    return max(1, min(MAX_BATCH, math.ceil(runs / PARTS_PER_SWEEP)))


class _Batch:
    """Finished runs not yet on disk: written when full, or when due (:meth:`write_if_due`)."""

    def __init__(self, store: Store, size: int) -> None:
        self.store = store
        self.size = size
        self.rows: list[dict[str, Any]] = []
        self.since = time.monotonic()

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.size:
            self.flush()

    def write_if_due(self) -> None:
        """Write the rows held if the last write is :data:`BATCH_SECONDS` old.

        Called after each task's rows and while the sweep waits for runs, so that rows are
        not held until the next run finishes, however long it takes. A row that comes after a
        quiet spell is written at once, alone: waiting would make no fewer parts.
        """
        if self.rows and time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.store.append(self.rows)
        self.rows = []
        self.since = time.monotonic()
