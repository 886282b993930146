"""Sweeps end to end: every run once, failures recorded, resumed, equal on every backend."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy

import govsim
from govsim.experiments import (
    DaskCluster,
    LocalProcesses,
    Sequential,
    SweepFolderError,
    load_experiment,
    read_results,
    sweep,
)
from govsim.experiments.sweep import perform, tasks
from tests.experiments.builders import TINY, experiment_file
from tests.experiments.clusters import local_cluster
from tests.experiments.stand_ins import run_failing_at_strong_link

LEVER = "cooperation.links.police-bank"
UNCERTAINTY = "fraud.rings_per_million"


def test_sweep_records_every_run_once(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    seen: list[tuple[int, int]] = []
    report = sweep(
        experiment, tmp_path / "out", progress=lambda done, total: seen.append((done, total))
    )
    assert (report.ok, report.failed, report.skipped) == (8, 0, 0)
    assert seen[0] == (0, 8)
    assert seen[-1] == (8, 8)
    results = govsim.read_results(tmp_path / "out")
    assert list(results.columns[:6]) == [
        "point",
        "replication",
        "seed",
        "status",
        LEVER,
        UNCERTAINTY,
    ]
    assert {"victims", "net_loss", "arrests"} <= set(results.columns)
    assert len(results) == 8
    assert results[["point", "replication"]].drop_duplicates().shape[0] == 8
    assert (results["status"] == "ok").all()
    assert results["error"].isna().all()
    assert sorted(results[LEVER].unique()) == [0.0, 0.8]
    assert results.groupby("replication")["seed"].nunique().eq(1).all()  # common seeds
    manifest = json.loads((tmp_path / "out" / "sweep.json").read_text())
    assert manifest["runs_done"] == manifest["runs"] == 8


def test_rerun_skips_what_is_done(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    sweep(experiment, tmp_path / "out")
    first = read_results(tmp_path / "out")
    report = sweep(experiment, tmp_path / "out")
    assert (report.ok, report.skipped) == (0, 8)
    pd.testing.assert_frame_equal(read_results(tmp_path / "out"), first)


def test_a_failing_run_is_recorded_and_the_sweep_goes_on(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    report = sweep(experiment, tmp_path / "out", run=run_failing_at_strong_link)
    assert (report.ok, report.failed) == (4, 4)
    results = read_results(tmp_path / "out")
    failed = results[results["status"] == "failed"]
    assert (failed[LEVER] == 0.8).all()
    assert failed["error"].str.contains("RuntimeError: planted failure").all()
    assert failed["net_loss"].isna().all()
    assert results.loc[results["status"] == "ok", "error"].isna().all()


def test_fail_fast_stops_at_the_first_failure_and_keeps_it(tmp_path: Path) -> None:
    levers = {LEVER: {"levels": [0.8, 0.0]}}
    experiment = load_experiment(experiment_file(tmp_path, levers=levers))
    report = sweep(experiment, tmp_path / "out", fail_fast=True, run=run_failing_at_strong_link)
    assert report.stopped
    assert not report.complete
    assert (report.ok, report.failed) == (0, 1)
    assert len(read_results(tmp_path / "out")) == 1
    resumed = sweep(experiment, tmp_path / "out")
    assert (resumed.skipped, resumed.retried, resumed.ok) == (0, 1, 8)
    assert resumed.complete
    results = read_results(tmp_path / "out")
    assert len(results) == 8
    assert (results["status"] == "ok").all()


def test_interrupted_sweep_keeps_what_finished(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    calls = []

    def interrupted(scenario: govsim.Scenario, seed: int, replication: int) -> govsim.RunResult:
        if len(calls) == 3:
            raise KeyboardInterrupt
        calls.append(seed)
        return govsim.run_once(scenario, seed, replication)

    with pytest.raises(KeyboardInterrupt):
        sweep(experiment, tmp_path / "out", run=interrupted)
    assert len(read_results(tmp_path / "out")) == 3
    assert sweep(experiment, tmp_path / "out").skipped == 3
    results = read_results(tmp_path / "out")
    assert len(results) == 8
    assert results[["point", "replication"]].drop_duplicates().shape[0] == 8


def test_a_changed_experiment_is_refused_unless_restarted(tmp_path: Path) -> None:
    sweep(load_experiment(experiment_file(tmp_path)), tmp_path / "out")
    changed = load_experiment(experiment_file(tmp_path, fixed={**TINY, "days": 11}))
    with pytest.raises(SweepFolderError, match="--restart"):
        sweep(changed, tmp_path / "out")
    report = sweep(changed, tmp_path / "out", restart=True)
    assert (report.skipped, report.ok) == (0, 8)
    assert len(read_results(tmp_path / "out")) == 8


def test_runs_of_other_versions_are_not_mixed_with_new_ones(tmp_path: Path) -> None:
    """Same seed, same numbers holds only with the same numpy and scipy: a resume checks them."""
    experiment = load_experiment(experiment_file(tmp_path, replications=1))
    out = tmp_path / "out"
    sweep(experiment, out)
    manifest = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert manifest["numpy_version"] == np.__version__
    assert manifest["scipy_version"] == scipy.__version__
    (out / "sweep.json").write_text(
        json.dumps({**manifest, "numpy_version": "1.0.0"}), encoding="utf-8"
    )
    with pytest.raises(SweepFolderError) as refused:
        sweep(experiment, out)
    assert f"numpy 1.0.0 -> {np.__version__}" in str(refused.value)
    assert "--restart" in str(refused.value)
    assert "版本" in refused.value.render("zh")
    report = sweep(experiment, out, restart=True)
    assert (report.skipped, report.ok) == (0, 4)
    assert json.loads((out / "sweep.json").read_text())["numpy_version"] == np.__version__


def test_an_analysis_of_runs_discarded_or_added_to_goes_with_them(tmp_path: Path) -> None:
    """Left beside new runs, an analysis would describe runs that are no longer the sweep's."""
    out = tmp_path / "out"
    sweep(load_experiment(experiment_file(tmp_path)), out)
    analysis = out / "analysis"
    analysis.mkdir()
    for name in ("analysis.parquet", "analysis.html", "notes.md"):
        (analysis / name).write_text("earlier", encoding="utf-8")
    sweep(load_experiment(experiment_file(tmp_path, replications=3)), out)
    assert sorted(path.name for path in analysis.iterdir()) == ["notes.md"]
    (analysis / "notes.md").unlink()
    (analysis / "analysis.html").write_text("earlier", encoding="utf-8")
    changed = load_experiment(experiment_file(tmp_path, fixed={**TINY, "days": 11}))
    sweep(changed, out, restart=True)
    assert not analysis.exists()


def test_added_replications_keep_the_runs_done_and_equal_a_fresh_sweep(tmp_path: Path) -> None:
    sweep(load_experiment(experiment_file(tmp_path)), tmp_path / "grown")
    more = load_experiment(experiment_file(tmp_path, replications=3))
    report = sweep(more, tmp_path / "grown")
    assert (report.skipped, report.ok, report.runs) == (8, 4, 12)
    sweep(more, tmp_path / "fresh")
    grown, fresh = read_results(tmp_path / "grown"), read_results(tmp_path / "fresh")
    pd.testing.assert_frame_equal(grown, fresh)
    runs = pd.concat(pd.read_parquet(part) for part in (tmp_path / "grown" / "runs").iterdir())
    assert sorted(runs["run"]) == list(range(12))
    assert (runs["run"] == runs["point"] * 3 + runs["replication"]).all()
    manifest = json.loads((tmp_path / "grown" / "sweep.json").read_text())
    assert (manifest["replications"], manifest["runs_done"]) == (3, 12)


def test_fewer_replications_or_another_seed_are_a_change(tmp_path: Path) -> None:
    sweep(load_experiment(experiment_file(tmp_path, replications=3)), tmp_path / "out")
    for keys in ({"replications": 2}, {"replications": 4, "seed": 12}):
        with pytest.raises(SweepFolderError, match="only adding replications keeps"):
            sweep(load_experiment(experiment_file(tmp_path, **keys)), tmp_path / "out")
    assert len(read_results(tmp_path / "out")) == 12


def test_a_renumbering_cut_short_is_finished_by_the_next_sweep(tmp_path: Path) -> None:
    """A crash between two parts' rewrites leaves parts numbered both ways; a sweep mends it."""
    experiment = load_experiment(experiment_file(tmp_path))
    sweep(experiment, tmp_path / "out")
    parts = sorted((tmp_path / "out" / "runs").iterdir())
    assert len(parts) > 1
    for part in parts[len(parts) // 2 :]:  # numbered as for 3 replications; the rest for 2
        renumbered = pd.read_parquet(part)
        renumbered["run"] = renumbered["point"] * 3 + renumbered["replication"]
        renumbered.to_parquet(part, index=False)
    assert sweep(experiment, tmp_path / "out").skipped == 8
    runs = pd.concat(pd.read_parquet(part) for part in parts)
    assert sorted(runs["run"]) == list(range(8))


def test_other_outcomes_or_comments_resume_the_same_runs(tmp_path: Path) -> None:
    sweep(load_experiment(experiment_file(tmp_path)), tmp_path / "out")
    path = experiment_file(tmp_path, outcomes=["arrests"])
    path.write_text("# a comment\n" + path.read_text())
    assert sweep(load_experiment(path), tmp_path / "out").skipped == 8


def test_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(SweepFolderError, match="holds files but no sweep"):
        sweep(load_experiment(experiment_file(tmp_path)), tmp_path / "out")


def test_results_equal_on_one_and_two_local_workers(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    sweep(experiment, tmp_path / "sequential", Sequential())
    sweep(experiment, tmp_path / "one", LocalProcesses(workers=1))
    sweep(experiment, tmp_path / "two", LocalProcesses(workers=2))
    reference = read_results(tmp_path / "sequential")
    pd.testing.assert_frame_equal(read_results(tmp_path / "one"), reference)
    pd.testing.assert_frame_equal(read_results(tmp_path / "two"), reference)


def test_results_equal_on_a_dask_local_cluster_of_two_workers(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    sweep(experiment, tmp_path / "sequential", Sequential())
    sweep(experiment, tmp_path / "dask", DaskCluster(workers=2))
    pd.testing.assert_frame_equal(
        read_results(tmp_path / "dask"), read_results(tmp_path / "sequential")
    )


def test_a_running_dask_scheduler_by_address(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path, replications=1))
    sweep(experiment, tmp_path / "sequential", Sequential())
    with local_cluster(1) as cluster:
        report = sweep(
            experiment, tmp_path / "dask", DaskCluster(address=cluster.scheduler_address)
        )
    assert report.ok == 4
    pd.testing.assert_frame_equal(
        read_results(tmp_path / "dask"), read_results(tmp_path / "sequential")
    )


def test_a_worker_with_other_versions_fails_its_runs_and_says_why(tmp_path: Path) -> None:
    """On a cluster, a worker with another numpy would give other numbers for the same seeds."""
    experiment = load_experiment(experiment_file(tmp_path, replications=1))
    (task, *_) = tasks(experiment, skip=set())
    elsewhere = dataclasses.replace(task, versions={**task.versions, "numpy_version": "1.0.0"})
    row = perform(elsewhere)
    assert row["status"] == "failed"
    assert f"numpy 1.0.0 -> {np.__version__}" in row["error"]
    assert perform(task)["status"] == "ok"
