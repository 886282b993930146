"""Changing a scenario in Python: every way validates, and a valid change runs as a file would."""

from __future__ import annotations

import pandas as pd
import pytest

import govsim
from govsim.runner import run_once
from govsim.scenario import ScenarioError
from tests.helpers import SCENARIOS, shipped


def test_with_overrides_takes_key_paths_positionally():
    scenario = govsim.load_scenario(SCENARIOS / "baseline.yaml")
    changed = govsim.with_overrides(scenario, {"cooperation.links.police-bank": 0.5})
    assert changed.cooperation.links["police-bank"] == 0.5
    with pytest.raises(ScenarioError, match="police-bank"):
        govsim.with_overrides(scenario, {"cooperation.links.police-bank": 1.5})


def test_model_copy_validates_the_update():
    scenario = shipped("baseline")
    with pytest.raises(ScenarioError, match=r"events\[0\]\.day"):
        scenario.model_copy(update={"events": [{"type": "campaign"}]})
    negative = scenario.population.model_copy(update={"size": -5})
    with pytest.raises(ScenarioError, match=r"population\.size"):
        scenario.model_copy(update={"population": negative})


def test_a_validated_copy_runs_as_the_same_change_made_by_key_path():
    scenario = shipped("baseline", residents=2_000, days=20, warmup=10)
    events = [{"type": "campaign", "day": 5}]
    copied = scenario.model_copy(update={"events": events, "seed": 3})
    overridden = govsim.with_overrides(scenario, {"events": events, "seed": 3})
    assert copied == overridden
    a, b = run_once(copied, seed=1), run_once(overridden, seed=1)
    pd.testing.assert_frame_equal(a.timeseries, b.timeseries, check_exact=True)


def test_one_replication_reports_progress_within_it():
    scenario = shipped("baseline", residents=1_000, days=25, warmup=5)
    seen: list[float] = []
    govsim.run(scenario, replications=2, seed=1, progress=seen.append)
    assert seen == sorted(seen)
    assert 0 < seen[0] < 1  # moving before the first replication ends
    assert seen[-1] == 2
    assert any(1 < share < 2 for share in seen)
