"""``govsim validate`` on experiment files: checked as experiments, not as scenarios.

Before, ``govsim validate experiments/`` told the author of every shipped experiment that
``scenario:``, ``levers:``, ``design:``... were unknown keys, and exited 2 on valid files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govsim.cli import EXIT_INVALID, app
from govsim.experiments.experiment import EXPERIMENT_ONLY_KEYS, is_experiment
from govsim.scenario.loading import read_document
from tests.experiments.builders import experiment_file
from tests.helpers import ROOT, SCENARIOS

runner = CliRunner()
SMALL_SHIPPED = (
    "campaign_timing",
    "cooperation_grid",
    "hub_capacity",
    "ring_resilience",
    "stop_payment_race",
)
"""Shipped experiments quick to load (sobol_cooperation draws 2,176 points: tested elsewhere)."""


@pytest.mark.parametrize("stem", SMALL_SHIPPED)
def test_a_shipped_experiment_validates(stem: str) -> None:
    path = ROOT / "experiments" / f"{stem}.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert f"OK  {path}  (experiment: {stem}, on ../scenarios/" in result.stdout
    assert "unknown key" not in result.output


def test_every_shipped_file_reads_as_what_it_is() -> None:
    for path in sorted((ROOT / "experiments").glob("*.yaml")):
        assert is_experiment(read_document(path).data), path
    for path in sorted(SCENARIOS.glob("*.yaml")):
        assert not is_experiment(read_document(path).data), path


def test_experiment_keys_are_those_scenarios_lack() -> None:
    assert {"scenario", "levers", "uncertainties", "design", "fixed"} <= EXPERIMENT_ONLY_KEYS
    assert not {"name", "description", "seed", "days"} & EXPERIMENT_ONLY_KEYS


def test_the_summary_counts_points_and_runs(tmp_path: Path) -> None:
    path = experiment_file(tmp_path, name="小实验")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "experiment: 小实验" in result.stdout
    assert "4 points x 2 replication(s) = 8 runs, grid design" in result.stdout


def test_a_bad_lever_is_named_at_its_line(tmp_path: Path) -> None:
    levers = {"agencies.police.capabilty": {"levels": [0.2, 0.5]}}
    path = experiment_file(tmp_path, levers=levers)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == EXIT_INVALID
    assert "levers.agencies.police.capabilty: no such key in the scenario" in result.stderr
    assert "did you mean 'agencies.police.capability'?" in result.stderr
    assert "Traceback" not in result.output


def test_an_experiment_without_its_scenario_is_told_to_add_it(tmp_path: Path) -> None:
    path = tmp_path / "no_scenario.yaml"
    path.write_text("levers:\n  agencies.police.capability: {levels: [0.2, 0.5]}\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == EXIT_INVALID
    assert "scenario: required key is missing; add 'scenario:'" in result.stderr
    assert "levers: unknown key" not in result.stderr


def test_an_experiments_cautions_are_shown_and_it_passes(tmp_path: Path) -> None:
    path = tmp_path / "short_breach.yaml"
    path.write_text(
        f"scenario: {SCENARIOS / 'data_breach.yaml'}\n"
        "fixed: {days: 20, population.size: 1000, warmup_days: 0}\n"
        "levers:\n  cooperation.links.police-bank: {levels: [0.0, 0.8]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "day 60 is after the last measured day" in result.stderr


def test_a_folder_of_scenarios_and_experiments_checks_each_as_what_it_is(
    tmp_path: Path,
) -> None:
    experiment = experiment_file(tmp_path)
    scenario = tmp_path / "city.yaml"
    scenario.write_text("name: city\ndays: 30\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"OK  {experiment}  (experiment: tiny" in result.stdout
    assert f"OK  {scenario}  (name: city" in result.stdout
    assert "2 files checked: 0 with problems" in result.stderr


def test_in_chinese(tmp_path: Path) -> None:
    path = experiment_file(tmp_path)
    result = runner.invoke(app, ["validate", "--lang", "zh", str(path)])
    assert result.exit_code == 0, result.output
    assert "通过" in result.stdout
    assert "实验：tiny" in result.stdout
    assert "共 8 次运行" in result.stdout
