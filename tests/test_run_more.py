"""Adding replications to a run gives the run that had them from the start."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.runner import run, run_more, run_more_together, run_together
from tests.helpers import shipped

FRAMES = ("summary", "timeseries", "by_scam", "market", "by_region", "by_institution")


def test_more_replications_continue_the_seeds():
    scenario = shipped("multi_party_hub", residents=1000, days=10, warmup=5)
    whole = run(scenario, replications=3, seed=11)
    grown = run_more(run(scenario, replications=1, seed=11), 2)
    assert grown.seeds == whole.seeds
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(grown, name), getattr(whole, name))


def test_adding_nothing_is_refused():
    scenario = shipped("baseline", residents=1000, days=5, warmup=5)
    with pytest.raises(ValueError, match="at least 1"):
        run_more(run(scenario, replications=1, seed=1), 0)


def _same_runs(left, right) -> None:
    assert left.seeds == right.seeds
    assert left.scenario == right.scenario
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


@pytest.mark.parametrize("workers", [1, 2])
def test_scenarios_run_together_give_each_scenario_its_own_run(workers):
    scenarios = [
        shipped("police_only", residents=1000, days=10, warmup=5),
        shipped("multi_party_hub", residents=1000, days=10, warmup=5),
    ]
    together = run_together(scenarios, 3, seed=11, workers=workers)
    for scenario, runs in zip(scenarios, together, strict=True):
        _same_runs(runs, run(scenario, replications=3, seed=11))
    grown = run_more_together(run_together(scenarios, 1, seed=11), 2, workers=workers)
    for whole, more in zip(together, grown, strict=True):
        _same_runs(more, whole)
