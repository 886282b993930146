"""Workers that die: the local pool is rebuilt, whenever they die, and counts deaths fairly."""

from __future__ import annotations

import pandas as pd

from govsim.experiments import (
    LocalProcesses,
    Sequential,
    backends,
    load_experiment,
    read_results,
    sweep,
)
from tests.experiments.builders import experiment_file
from tests.experiments.stand_ins import (
    MARKERS,
    run_killing_odd_links_once,
    square_killing_odd_once,
    square_unless_negative,
    summary_only,
)

LEVER = "cooperation.links.police-bank"
TASKS = 12


def _lost(task: object, reason: str) -> str:
    return f"lost: {reason}"


def test_a_sweep_survives_workers_that_die_between_its_runs(tmp_path, monkeypatch) -> None:
    # A worker that dies after another run's result came back breaks the pool before the
    # next submission, not during a wait: that submission must rebuild the pool too.
    monkeypatch.setenv(MARKERS, str(tmp_path))
    levels = [number / 100 for number in range(12)]  # the odd hundredths kill their worker once
    levers = {LEVER: {"levels": levels}}
    experiment = load_experiment(
        experiment_file(tmp_path, levers=levers, uncertainties={}, replications=1)
    )
    report = sweep(experiment, tmp_path / "out", LocalProcesses(1), run=run_killing_odd_links_once)
    assert len(list(tmp_path.glob("link-*"))) == 6, "every odd link killed a worker"
    assert (report.ok, report.failed, report.complete) == (12, 0, True)
    sweep(experiment, tmp_path / "calm", Sequential(), run=summary_only)
    pd.testing.assert_frame_equal(
        read_results(tmp_path / "out"), read_results(tmp_path / "calm"), check_exact=True
    )


def test_tasks_are_not_charged_with_deaths_of_tasks_before_them(tmp_path, monkeypatch) -> None:
    # Tasks made as they are needed, as a sweep's are: a finished one's memory (and id) is
    # reused by the next, which must not inherit its count of deaths. Two deaths give a task
    # up here, so that a few tasks show it; none of these is running at more than one.
    monkeypatch.setattr(backends, "MAX_DEATHS", 2)
    tasks = ((number, str(tmp_path)) for number in range(TASKS))
    with LocalProcesses(workers=1) as backend:
        results = list(backend.imap_unordered(square_killing_odd_once, tasks, _lost))
    assert len(list(tmp_path.iterdir())) == TASKS // 2, "every odd number killed a worker"
    assert sorted(results) == [number * number for number in range(TASKS)]


def test_a_task_no_worker_began_is_not_a_suspect() -> None:
    # One worker: the task queued behind the killer waits in the pool's pipe, unread, at each
    # of its deaths, and runs once the killer is given up.
    with LocalProcesses(workers=1) as backend:
        results = list(backend.imap_unordered(square_unless_negative, [-1, 2], _lost))
    assert sorted(results, key=str) == [4, "lost: a worker process died while running it (3 times)"]
