"""Sweeps over events: runs of one replication whose points differ only in events share a warm-up.

Each shared run must record the row it records alone; a group that fails fails each of its runs;
a resumed sweep shares only what is left to run.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest

from govsim.experiments import LocalProcesses, load_experiment, read_results, sweep
from govsim.experiments.sweep import SharedRuns, perform, shared_tasks, tasks
from tests.experiments.builders import TINY, experiment_file

sweep_module = importlib.import_module("govsim.experiments.sweep")  # the package's sweep is the
# function of that name
BREACH = {"type": "data_breach", "day": 2, "group": "student", "share": 0.5}
DAY, SHARE, POLICE = "events.0.day", "events.0.share", "agencies.police.capability"


def event_experiment(folder: Path, **keys):
    """Breach day x share (blind to the warm-up) x police capability (read by it)."""
    return load_experiment(
        experiment_file(
            folder,
            fixed={**TINY, "warmup_days": 20, "days": 8, "events": [BREACH]},
            levers={DAY: {"levels": [2, 5]}, SHARE: {"levels": [0.1, 0.9]}},
            uncertainties={POLICE: {"levels": [0.4, 0.8]}},
            **keys,
        )
    )


def plan(experiment, skip=frozenset()):
    return list(shared_tasks(experiment, set(skip)))


def test_points_differing_only_in_events_share_a_replication_s_warm_up(tmp_path):
    experiment = event_experiment(tmp_path)
    planned = plan(experiment)
    assert all(isinstance(task, SharedRuns) for task in planned)
    # 2 police levels x 2 replications, each task the 4 breach points of one of them.
    assert len(planned) == 4
    for shared in planned:
        assert len(shared.runs) == 4
        assert len({task.replication for task in shared.runs}) == 1
        assert len({task.settings[POLICE] for task in shared.runs}) == 1
    runs = sorted(task.run for shared in planned for task in shared.runs)
    assert runs == sorted(task.run for task in tasks(experiment, set()))


def test_a_shared_run_records_the_row_it_records_alone(tmp_path):
    experiment = event_experiment(tmp_path)
    report = sweep(experiment, tmp_path / "out")
    assert (report.ok, report.failed) == (16, 0)
    order = ["point", "replication"]
    recorded = read_results(tmp_path / "out").sort_values(order).reset_index(drop=True)
    alone = pd.DataFrame([perform(task) for task in tasks(experiment, set())])
    alone = alone.sort_values(order).reset_index(drop=True)
    columns = [column for column in alone.columns if column in recorded.columns]
    assert len(columns) > 20
    pd.testing.assert_frame_equal(
        recorded[columns], alone[columns], check_dtype=False, check_exact=True
    )
    # Each run had its own breach: the day it came changes the rings' attempts.
    by_day = recorded.pivot_table("attempts", ["replication", POLICE, SHARE], DAY)
    assert (by_day[2] != by_day[5]).all()


def test_a_shared_task_is_at_most_max_shared_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(sweep_module, "MAX_SHARED", 3)
    planned = plan(event_experiment(tmp_path))
    sizes = [len(task.runs) if isinstance(task, SharedRuns) else 1 for task in planned]
    assert sizes == [2, 2] * 4  # 4 runs: two tasks of 2, not 3 and 1


def test_a_resumed_sweep_shares_only_what_is_left(tmp_path):
    experiment = event_experiment(tmp_path)
    done = {task.run for task in tasks(experiment, set()) if task.point % 2 == 0}
    planned = plan(experiment, done)
    groups = [task.runs if isinstance(task, SharedRuns) else (task,) for task in planned]
    left = [task.run for group in groups for task in group]
    assert sorted(left) == sorted(task.run for task in tasks(experiment, done))
    assert len(left) == 8
    # The runs left of each replication and police level, together.
    kinds = [{(task.replication, task.settings[POLICE]) for task in group} for group in groups]
    assert all(len(kind) == 1 for kind in kinds)
    assert len(groups) == len(set.union(*kinds))


def test_a_failing_shared_warm_up_fails_each_of_its_runs(tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("planted failure in a shared warm-up")

    monkeypatch.setattr(sweep_module, "run_sharing_warmup", broken)
    report = sweep(event_experiment(tmp_path), tmp_path / "out")
    assert (report.ok, report.failed) == (0, 16)
    failed = read_results(tmp_path / "out")
    assert failed["error"].str.contains("planted failure in a shared warm-up").all()


def test_an_experiment_without_event_levels_is_planned_as_before(tmp_path):
    experiment = load_experiment(experiment_file(tmp_path))
    assert [task.run for task in plan(experiment)] == [
        task.run for task in tasks(experiment, set())
    ]


@pytest.mark.parametrize("blind", ["events", "events.0.day", "events[0].day", "days"])
def test_only_keys_a_warm_up_does_not_read_are_shared_over(blind):
    signature = sweep_module._warmup_signature
    assert signature({blind: 1, POLICE: 0.5}) == signature({blind: 2, POLICE: 0.5})
    assert signature({blind: 1, POLICE: 0.5}) != signature({blind: 1, POLICE: 0.6})
    assert signature({"eventsx": 1}) != signature({"eventsx": 2})


def test_shared_runs_on_worker_processes_record_the_same_rows(tmp_path):
    experiment = event_experiment(tmp_path)
    sweep(experiment, tmp_path / "one")
    report = sweep(experiment, tmp_path / "two", LocalProcesses(workers=2))
    assert report.ok == 16
    order = ["point", "replication"]
    one = read_results(tmp_path / "one").sort_values(order).reset_index(drop=True)
    two = read_results(tmp_path / "two").sort_values(order).reset_index(drop=True)
    pd.testing.assert_frame_equal(one, two)
