"""Experiment files: what they accept, and errors that name the file, line, key path and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from govsim.experiments import load_experiment
from govsim.scenario import ScenarioError
from tests.experiments.builders import experiment_file
from tests.helpers import ROOT

SHIPPED = sorted((ROOT / "experiments").glob("*.yaml"))


def _problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_experiment(path)
    return [problem.render() for problem in caught.value.problems]


def test_shipped_experiments_exist() -> None:
    assert "cooperation_grid" in [path.stem for path in SHIPPED]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_shipped_experiment_validates(path: Path) -> None:
    experiment = load_experiment(path)
    assert experiment.runs == len(experiment.points) * experiment.spec.replications
    assert experiment.spec.outcomes, "each shipped experiment names its outcomes"


def test_cooperation_grid_crosses_the_two_links() -> None:
    experiment = load_experiment(ROOT / "experiments" / "cooperation_grid.yaml")
    assert experiment.levers == [
        "cooperation.links.police-bank",
        "cooperation.links.police-telecom",
    ]
    pairs = {tuple(point.values()) for point in experiment.points}
    assert len(pairs) == len(experiment.points) == 25


def test_grid_points_and_common_seeds(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    assert len(experiment.points) == 4
    assert experiment.runs == 8
    assert len(set(experiment.seeds)) == 2
    assert experiment.scenario.population.size == 1000  # fixed applied to the base


def test_unknown_key_paths_each_reported_with_a_suggestion(tmp_path: Path) -> None:
    levers = {
        "agencies.police.capabilty": {"levels": [0.2, 0.4]},
        "agencies.bankz.capability": {"levels": [0.2, 0.4]},
    }
    problems = _problems(experiment_file(tmp_path, levers=levers))
    assert len(problems) == 2
    assert "levers.agencies.police.capabilty: no such key in the scenario" in problems[0]
    assert "did you mean 'agencies.police.capability'?" in problems[0]
    assert problems[0].startswith(f"{tmp_path / 'tiny.yaml'}:")


def test_levels_the_scenario_refuses_point_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "scenario: " + str(ROOT / "scenarios" / "baseline.yaml") + "\n"
        "levers:\n"
        "  cooperation.links.police-bank:\n"
        "    levels:\n"
        "      - 0.5\n"
        "      - 1.5\n",
        encoding="utf-8",
    )
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:6: levers.cooperation.links.police-bank.levels[1]:")
    assert "[0, 1]" in problem
    assert "1.5" in problem


def test_a_range_leaving_the_scenario_is_one_problem(tmp_path: Path) -> None:
    uncertainties = {"population.report_delay_sigma": {"range": [-1, 1]}}
    path = experiment_file(tmp_path, design="lhs", samples=20, uncertainties=uncertainties)
    (problem,) = _problems(path)
    assert "uncertainties.population.report_delay_sigma.range" in problem
    assert "leaves what the scenario takes" in problem


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"design": "grdi"}, "did you mean 'grid'?"),
        ({"replications": 0}, "replications: expected a whole number >= 1"),
        ({"outcomes": ["net_los"]}, "did you mean 'net_loss'?"),
        ({"design": "lhs"}, "the lhs design needs samples"),
        ({"samples": 4}, "a grid runs every combination of levels"),
        ({"scenario": "nowhere.yaml"}, "no scenario file"),
        ({"levers": {"days": {"levels": [10, 12.5], "integer": True}}}, "whole number"),
        ({"levers": {"days": {"range": [20, 10]}}, "design": "lhs", "samples": 2}, "is empty"),
        ({"levers": {"days": {"levels": [10], "range": [1, 2]}}}, "either levels or range"),
        ({"design": "sobol", "samples": 4}, "needs a range, not levels"),
        ({"fixed": {"days": 0}}, "fixed.days: expected a whole number in [1"),
        ({"colour": "red"}, "colour: unknown key"),
    ],
)
def test_malformed_experiment_files(tmp_path: Path, keys: dict, expected: str) -> None:
    problems = _problems(experiment_file(tmp_path, **keys))
    assert any(expected in problem for problem in problems), problems


def test_a_lever_that_is_also_an_uncertainty(tmp_path: Path) -> None:
    both = {"fraud.rings_per_million": {"levels": [8, 16]}}
    problems = _problems(experiment_file(tmp_path, levers=both))
    assert any("is both a lever and an uncertainty" in problem for problem in problems)


@pytest.mark.parametrize(("design", "count"), [("random", 6), ("lhs", 6), ("sobol", 4 * 8)])
def test_sampled_designs_stay_in_range(tmp_path: Path, design: str, count: int) -> None:
    parameters = {
        "cooperation.links.police-bank": {"range": [0.1, 0.9]},
        "agencies.police.capability": {"range": [0.2, 0.6]},
        "fraud.rings_per_million": {"range": [4, 20], "integer": True},
    }
    samples = 4 if design == "sobol" else 6
    path = experiment_file(
        tmp_path, levers=parameters, uncertainties={}, design=design, samples=samples
    )
    experiment = load_experiment(path)
    assert len(experiment.points) == count
    for point in experiment.points:
        assert 0.1 <= point["cooperation.links.police-bank"] <= 0.9
        assert isinstance(point["fraud.rings_per_million"], int)
    again = load_experiment(path)
    assert again.points == experiment.points
    assert again.fingerprint() == experiment.fingerprint()


def test_morris_trajectories(tmp_path: Path) -> None:
    parameters = {
        "cooperation.links.police-bank": {"range": [0.0, 1.0]},
        "agencies.police.capability": {"range": [0.0, 1.0]},
    }
    path = experiment_file(
        tmp_path, levers=parameters, uncertainties={}, design="morris", samples=3
    )
    assert len(load_experiment(path).points) == 3 * (2 + 1)


@pytest.mark.parametrize(
    ("lever", "said"),
    [
        ({"levels": []}, "levels: expected at least 1 item(s), got 0; list at least 1 value"),
        ({"range": [0.5]}, "range: expected 2 values in brackets, got 1; write both ends"),
    ],
)
def test_a_short_list_is_explained_with_its_fix(tmp_path, lever, said):
    path = experiment_file(tmp_path, levers={"cooperation.links.police-bank": lever})
    with pytest.raises(ScenarioError) as raised:
        load_experiment(path)
    assert said in raised.value.render("en")
    assert "List should have" not in raised.value.render("en")
