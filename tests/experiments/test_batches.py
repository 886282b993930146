"""Finished runs reach the disk within seconds, even while no other run finishes."""

from __future__ import annotations

import importlib

import pytest

from govsim.experiments import (
    DaskCluster,
    LocalProcesses,
    Sequential,
    load_experiment,
    read_results,
    sweep,
)
from govsim.experiments.backends import IDLE
from tests.experiments.builders import experiment_file
from tests.experiments.stand_ins import ROWS_IN, nap, run_waiting_for_the_others

sweep_module = importlib.import_module("govsim.experiments.sweep")  # the package's is the function
LEVER = "cooperation.links.police-bank"
NAP_SECONDS = 1.0
WAKE_SECONDS = 0.1


def _lost(task: object, reason: str) -> str:
    raise AssertionError(f"task {task!r} lost: {reason}")


def test_finished_runs_are_written_while_a_long_run_goes_on(tmp_path, monkeypatch) -> None:
    # The last run waits until the three before it are on disk. They finish long before it
    # and, one batch holding every run here, only their age can get them written.
    monkeypatch.setattr(sweep_module, "PARTS_PER_SWEEP", 1)
    monkeypatch.setattr(sweep_module, "BATCH_SECONDS", 0.5)
    monkeypatch.setattr(sweep_module, "WAKE_SECONDS", WAKE_SECONDS)
    out = tmp_path / "out"
    monkeypatch.setenv(ROWS_IN, str(out))
    levers = {LEVER: {"levels": [0.0, 0.2, 0.4, 0.8]}}  # the run at 0.8 waits
    path = experiment_file(tmp_path, levers=levers, uncertainties={}, replications=1)
    report = sweep(load_experiment(path), out, LocalProcesses(1), run=run_waiting_for_the_others)
    assert report.errors == []
    assert (report.ok, report.failed) == (4, 0)
    assert len(read_results(out)) == 4


@pytest.mark.parametrize("backend", [LocalProcesses, DaskCluster])
def test_a_waiting_backend_wakes_its_caller(backend) -> None:
    with backend(1) as running:
        results = list(running.imap_unordered(nap, [NAP_SECONDS], _lost, wake=WAKE_SECONDS))
    *idle, (began, ended) = results
    assert idle, "woken while the nap went on"
    assert all(result is IDLE for result in idle)
    assert ended - began >= NAP_SECONDS


def test_the_sequential_backend_never_yields_idle() -> None:
    # It runs each task in the caller's own thread: there is no waiting to wake from.
    with Sequential() as backend:
        results = list(backend.imap_unordered(nap, [0.2], _lost, wake=WAKE_SECONDS))
    assert len(results) == 1
    assert results[0] is not IDLE
