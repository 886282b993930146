"""Sweeping an experiment: every (point, replication) run once, streamed to disk, resumable.

The driver lists the runs not yet finished in the results folder, hands them to a backend, and
records results in batches as they come back: a batch is written when it is full or a few
seconds old, so a sweep killed at any instant loses at most the runs of one unwritten batch,
which its rerun does again. A run that raises is recorded as failed, with its traceback, and
the sweep goes on; the next sweep into the folder runs it again (unless told to keep it): a
failure may well be passing (a worker killed, out of memory, other versions on a worker), and
a run's seed makes its retry give what a first try would have.
"""

from __future__ import annotations

import functools
import math
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govsim.experiments.backends import Backend, Sequential
from govsim.experiments.experiment import Experiment
from govsim.experiments.ledger import Ledger
from govsim.experiments.store import Store
from govsim.runner import RunResult, run_once
from govsim.scenario import Scenario
from govsim.scenario.overrides import with_overrides
from govsim.versions import differing, listed, versions

RunFunction = Callable[[Scenario, int, int], RunResult]
"""What runs one replication: :func:`govsim.runner.run_once`, or a stand-in in tests."""
BATCH_SECONDS = 5.0
"""A batch of finished runs is written at least this often."""
MAX_BATCH = 200
"""Runs per part file at most: parts stay small, and a crash loses few."""
PARTS_PER_SWEEP = 50
"""Batches aim at this many parts per sweep, so small sweeps too write as they go."""
KEPT_ERRORS = 5
"""Tracebacks a report keeps to show; all of them are in the results."""
DROPPED_SUMMARY = ("scenario", "replication", "seed")
"""Summary entries the run's identity already holds."""


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


def perform(task: RunTask, run: RunFunction = run_once) -> dict[str, Any]:
    """Run one task and return its row; a run that raises gives a failed row with the traceback.

    Executed in the workers: module-level and picklable, like :func:`govsim.runner.run_once`.
    """
    if other := differing(task.versions):
        why = (
            f"this worker has other versions than the sweep was started with ({listed(other)}; "
            "the sweep's -> this worker's): install the same on every worker, then resume"
        )
        return failed_row(task, why)
    try:
        with warnings.catch_warnings():
            # Each caution was issued once, placed in the experiment file, by load_experiment.
            warnings.simplefilter("ignore")
            scenario = with_overrides(task.scenario, task.settings)
        result = run(scenario, task.seed, task.replication)
    except Exception:
        return failed_row(task, traceback.format_exc())
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
                function = functools.partial(perform, run=run)
                for row in backend.imap_unordered(function, tasks(experiment, skip), failed_row):
                    _count(report, row)
                    batch.add(row)
                    if progress is not None:
                        progress(report.done, report.runs)
                    if fail_fast and row["status"] == "failed":
                        report.stopped = True
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
    """Finished runs not yet on disk: written when full or a few seconds old."""

    def __init__(self, store: Store, size: int) -> None:
        self.store = store
        self.size = size
        self.rows: list[dict[str, Any]] = []
        self.since = time.monotonic()

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.size or time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.store.append(self.rows)
        self.rows = []
        self.since = time.monotonic()
