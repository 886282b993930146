"""Workers that die: the local pool is rebuilt, whenever they die, and counts deaths fairly."""

from __future__ import annotations

from govsim.experiments import LocalProcesses, load_experiment, sweep
from tests.experiments.builders import experiment_file
from tests.experiments.stand_ins import MARKERS, run_killing_odd_links_once

LEVER = "cooperation.links.police-bank"


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
    assert report.done == report.runs == 12
