"""Whole-number ranges: each whole number drawn as often, and analysed as the runs used it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from govsim.experiments import load_experiment, read_results
from govsim.experiments.analysis import analyze
from govsim.experiments.designs import Parameter, design_points
from govsim.runner import RunResult
from govsim.scenario import Scenario, ScenarioError
from tests.experiments.analytic import POLICE, analytic_sweep
from tests.experiments.builders import experiment_file

ONE_TO_FIVE = Parameter("seats", bounds=(1.0, 5.0), integer=True)
TIES = "population.ties_per_resident"


def _counts(design: str, parameter: Parameter, samples: int) -> dict[int, int]:
    points = design_points(design, [parameter], samples, seed=0)
    return dict(sorted(Counter(point[parameter.path] for point in points).items()))


def test_random_draws_each_whole_number_as_often_the_ends_too() -> None:
    counts = _counts("random", ONE_TO_FIVE, 10_000)
    assert list(counts) == [1, 2, 3, 4, 5]
    # 2,000 each, give or take four standard deviations (40 each); rounding gave the ends 1,250.
    assert all(1_840 <= count <= 2_160 for count in counts.values()), counts


def test_a_latin_hypercube_spreads_its_strata_evenly_over_the_whole_numbers() -> None:
    assert _counts("lhs", ONE_TO_FIVE, 10_000) == dict.fromkeys(range(1, 6), 2_000)


def test_sobol_draws_each_whole_number_as_often() -> None:
    zero_to_four = Parameter("seats", bounds=(0.0, 4.0), integer=True)
    counts = _counts("sobol", zero_to_four, 1024)  # 1024 * (2 + 2) points
    assert list(counts) == [0, 1, 2, 3, 4]
    assert max(counts.values()) - min(counts.values()) <= 0.01 * sum(counts.values()), counts


def test_morris_levels_take_their_nearest_whole_numbers_both_ends_included() -> None:
    assert set(_counts("morris", ONE_TO_FIVE, 20)) == {1, 2, 4, 5}
    assert set(_counts("morris", Parameter("x", bounds=(0.0, 2.0), integer=True), 20)) == {0, 1, 2}


def test_a_whole_number_range_needs_whole_bounds(tmp_path: Path) -> None:
    levers = {TIES: {"range": [2.5, 6], "integer": True}}
    path = experiment_file(tmp_path, levers=levers, uncertainties={}, design="lhs", samples=4)
    with pytest.raises(ScenarioError) as error:
        load_experiment(path)
    assert f"levers.{TIES}.range[0]: expected a whole number, got 2.5" in str(error.value)
    assert "range[1]" not in str(error.value)


def _ties_run(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """Net loss that only the number of ties moves."""
    empty = pd.DataFrame()
    summary = {"net_loss": 10.0 * scenario.population.ties_per_resident, "seed": seed}
    return RunResult(summary, empty, empty, empty, empty, empty)


def test_sobol_over_whole_numbers_analyses_the_numbers_the_runs_used(tmp_path: Path) -> None:
    folder = analytic_sweep(
        tmp_path,
        "sobol",
        64,
        run=_ties_run,
        uncertainties={TIES: {"range": [2, 6], "integer": True}},
        replications=1,
    )
    used = read_results(folder)[TIES]
    assert set(used) == {2, 3, 4, 5, 6}
    indices = analyze(folder, outcomes=["net_loss"]).indices.set_index("parameter")
    assert indices.loc[TIES, "S1"] == pytest.approx(1.0, abs=0.05)
    assert abs(indices.loc[POLICE, "ST"]) < 0.01
