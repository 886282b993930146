"""Cautions of an experiment: what it asks of its scenario that will not act as written.

A scenario's cautions were shown by ``govsim run`` but hidden by a sweep: an experiment whose
``fixed: {days: 20}`` puts the data breach of day 60 after the end swept without a word.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from govsim.experiments import load_experiment
from govsim.experiments.analysis import analyze
from govsim.experiments.cautions import nearest_power_of_2
from govsim.scenario.cautions import ScenarioWarning
from tests.experiments.analytic import analytic_sweep
from tests.helpers import SCENARIOS

BREACH = SCENARIOS / "data_breach.yaml"
LATE = "day 60 is after the last measured day"


def _cautions(path: Path) -> list[str]:
    """The cautions loading the experiment issues, rendered; fails on any other warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_experiment(path)
    assert all(isinstance(w.message, ScenarioWarning) for w in caught), [
        str(w.message) for w in caught
    ]
    return [w.message.problem.render() for w in caught]


def _experiment(tmp_path: Path, body: str, scenario: Path = BREACH) -> Path:
    path = tmp_path / "breach_sweep.yaml"
    path.write_text(f"scenario: {scenario}\n{body}", encoding="utf-8")
    return path


def test_a_fixed_key_that_stops_an_event_is_told_at_its_line(tmp_path: Path) -> None:
    path = _experiment(tmp_path, "fixed:\n  population.size: 1000\n  days: 20\n")
    (caution,) = _cautions(path)
    assert caution == (
        f"{path}:4: fixed.days: events[0].day in the scenario: {LATE} (20): the data_breach "
        "never happens; set a day from 1 to 20, or raise days"
    )


def test_a_caution_of_some_points_says_how_many(tmp_path: Path) -> None:
    path = _experiment(tmp_path, "levers:\n  days: {levels: [20, 90]}\n")
    (caution,) = _cautions(path)
    assert caution.startswith(f"{path}:3: levers.days.levels[0]: events[0].day in the scenario")
    assert "never happens (at 1 of 2 points)" in caution


def test_a_caution_of_a_range_is_told_once(tmp_path: Path) -> None:
    body = "design: lhs\nsamples: 10\nlevers:\n  days: {range: [20, 120], integer: true}\n"
    (caution,) = _cautions(_experiment(tmp_path, body))
    assert ":5: levers.days.range: events[0].day in the scenario: " + LATE in caution
    assert "points drawn from the range; said as at the first)" in caution


def test_a_level_that_idles_an_event_is_told_at_that_level(tmp_path: Path) -> None:
    path = _experiment(tmp_path, "levers:\n  events.0.share: {levels: [0.5, 0.0]}\n")
    (caution,) = _cautions(path)
    assert caution.startswith(f"{path}:3: levers.events.0.share.levels[1]: ")
    assert "share is 0: no record leaks (at 1 of 2 points)" in caution


def test_the_scenarios_own_caution_is_told_once_not_per_point(tmp_path: Path) -> None:
    scenario = tmp_path / "late.yaml"
    scenario.write_text("name: late\ndays: 90\nevents:\n  - {type: epidemic, day: 120}\n")
    body = "levers:\n  agencies.police.capability: {levels: [0.2, 0.4, 0.6]}\n"
    (caution,) = _cautions(_experiment(tmp_path, body, scenario))
    assert caution.startswith(f"{scenario}:4: events[0].day: day 120 is after")


def test_cautions_are_said_in_chinese(tmp_path: Path) -> None:
    path = _experiment(tmp_path, "fixed:\n  days: 20\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_experiment(path)
    (warning,) = caught
    said = warning.message.problem.render("zh")
    assert "第 3 行：fixed.days：情景中的 events[0].day：第 60 天晚于最后一个统计日" in said


# --- Sobol samples that are not a power of 2 ----------------------------------------------------

SOBOL = (
    "design: sobol\nsamples: {samples}\n"
    "levers:\n  agencies.police.capability: {{range: [0.1, 0.9]}}\n"
)


def test_sobol_samples_not_a_power_of_2_are_a_caution_at_their_line(tmp_path: Path) -> None:
    path = _experiment(tmp_path, SOBOL.format(samples=3))
    (caution,) = _cautions(path)
    assert caution == (
        f"{path}:3: samples: 3 is not a power of 2: Sobol' points are balanced, and their "
        "indices converge as they should, only at powers of 2; write samples: 4"
    )
    assert _cautions(_experiment(tmp_path, SOBOL.format(samples=4))) == []


@pytest.mark.parametrize(("samples", "nearest"), [(3, 4), (5, 4), (6, 8), (100, 128), (1000, 1024)])
def test_the_fix_is_the_nearest_power_of_2(samples: int, nearest: int) -> None:
    assert nearest_power_of_2(samples) == nearest


def test_analyzing_a_sobol_sweep_of_3_samples_gives_the_caution_not_scipys(tmp_path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ScenarioWarning)
        folder = analytic_sweep(tmp_path, "sobol", 3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        analyze(folder, outcomes=["net_loss"])
    said = [str(w.message) for w in caught if "power of 2" in str(w.message)]
    copy = folder / "experiment.yaml"
    line = copy.read_text().splitlines().index("samples: 3") + 1
    assert said == [
        f"{copy}:{line}: samples: 3 is not a power of 2: Sobol' points are balanced, and their "
        "indices converge as they should, only at powers of 2; write samples: 4"
    ]
