"""A warm-up shared by scenarios that differ only in events, measured days or names.

Each scenario continued from the shared warm-up must give, bit for bit, the run it gives alone:
otherwise a comparison of a campaign against none would measure the sharing, not the campaign.
"""

from __future__ import annotations

import pandas as pd
import pytest

from govsim import runner
from govsim.model import GovernanceModel
from govsim.runner import RunResult, run_once, run_sharing_warmup, run_together
from govsim.scenario.overrides import with_overrides
from govsim.warmup import WARMUP_BLIND, warmup_key, warmup_part
from tests.helpers import shipped

WARMUP = 100
INTERVAL = 30
"""Routine campaigns fall at INTERVAL - 0.5 + k INTERVAL on Mesa's clock, and an event of day d
at d + WARMUP - 0.5: they meet on days 20 and 50."""
MEETS_A_ROUTINE_CAMPAIGN = 20
FRAMES = ("timeseries", "by_scam", "market", "by_region", "by_institution")


def base():
    scenario = shipped("baseline", residents=4_000, days=60, warmup=WARMUP)
    assert scenario.agencies.education.campaign_interval_days == INTERVAL
    assert scenario.agencies.education.enabled
    return scenario


def with_events(scenario, events, **changes):
    return scenario.model_copy(update={"events": events, **changes})


def event_variants():
    """The baseline with each kind of event, one meeting a routine campaign, other days."""
    scenario = base()
    data = {
        "campaign": {
            "type": "campaign",
            "day": MEETS_A_ROUTINE_CAMPAIGN,
            "reach": 0.6,
            "boost": 0.25,
            "groups": ["elderly"],
        },
        "breach": {"type": "data_breach", "day": 10, "group": "student", "share": 0.6},
        "crackdown": {"type": "card_crackdown", "day": 5, "duration_days": 30, "intensity": 0.8},
        "epidemic": {"type": "epidemic", "day": 1, "duration_days": 40, "online_multiplier": 1.4},
    }
    variants = []
    for name, event in data.items():
        loaded = with_overrides(scenario, settings={"events": [event]})
        variants.append(loaded.model_copy(update={"name": name}))
    both = with_overrides(
        scenario, days=45, settings={"events": [data["campaign"], data["crackdown"]]}
    )
    variants.append(both.model_copy(update={"name": "campaign_and_crackdown"}))
    return scenario, variants


def assert_same_run(alone: RunResult, shared: RunResult) -> None:
    assert shared.summary.keys() == alone.summary.keys()
    pd.testing.assert_series_equal(
        pd.Series(shared.summary, dtype=object), pd.Series(alone.summary, dtype=object)
    )
    for frame in FRAMES:
        pd.testing.assert_frame_equal(getattr(shared, frame), getattr(alone, frame))


def test_each_scenario_continued_from_the_shared_warm_up_runs_as_it_does_alone():
    scenario, variants = event_variants()
    group = [scenario, *variants]
    shared = run_sharing_warmup(group, seed=11, replication=3)
    for one, result in zip(group, shared, strict=True):
        assert_same_run(run_once(one, seed=11, replication=3), result)
    # The events did something: otherwise the test could not tell a lost event.
    victims = {result.summary["victims"] for result in shared}
    assert len(victims) > 1


def test_an_event_meeting_a_routine_campaign_runs_first_after_a_shared_warm_up():
    """A scenario's events run before a routine campaign due at the same time, whenever each
    was put on Mesa's list: the routine one for day 20 was listed during the warm-up, the
    scenario's campaign only when the shared warm-up was over."""
    scenario, variants = event_variants()
    model = GovernanceModel(warmup_part(scenario), rng=5)
    while model.day < 0:
        model.step()
    model.continue_as(variants[0])
    while model.day < MEETS_A_ROUTINE_CAMPAIGN - 1:
        model.step()
    first, second = sorted(model._event_list._events)[:2]
    assert first.time == second.time == MEETS_A_ROUTINE_CAMPAIGN + WARMUP - 0.5
    assert first.fn().__self__ is model.events[0]
    routine = second.fn().__self__.function()
    assert routine.__func__.__name__ == "run_routine_campaign"
    assert second.unique_id < first.unique_id  # listed first, runs second


def test_a_comparison_runs_a_shared_warm_up_once_per_replication(monkeypatch):
    scenario, variants = event_variants()
    different = with_overrides(scenario, settings={"agencies.police.capability": 0.9})
    scenarios = [scenario, variants[0], different, variants[1]]
    tasks = []
    execute = runner.execute

    def recording(given, workers, progress=None):
        tasks.extend(given)
        return execute(given, workers, progress)

    monkeypatch.setattr(runner, "execute", recording)
    together = run_together(scenarios, replications=2, seed=7)
    assert [task.numbers for task in tasks] == [(0, 1, 3), (2,), (0, 1, 3), (2,)]
    assert [task.replication for task in tasks] == [0, 0, 1, 1]
    tasks.clear()
    apart = run_together(scenarios, replications=2, seed=7, share_warmups=False)
    assert [task.numbers for task in tasks] == [(0,), (1,), (2,), (3,)] * 2
    for one, results, unshared in zip(scenarios, together, apart, strict=True):
        pd.testing.assert_frame_equal(results.summary, unshared.summary)
        alone = runner.run(one, replications=2, seed=7)
        assert results.seeds == alone.seeds
        pd.testing.assert_frame_equal(results.summary, alone.summary)
        pd.testing.assert_frame_equal(results.timeseries, alone.timeseries)


def test_shared_warm_ups_on_worker_processes_give_the_same_results():
    scenario, variants = event_variants()
    scenarios = [scenario, variants[0], variants[2]]
    one = run_together(scenarios, replications=2, seed=3, workers=1)
    two = run_together(scenarios, replications=2, seed=3, workers=2)
    for a, b in zip(one, two, strict=True):
        pd.testing.assert_frame_equal(a.summary, b.summary)
        pd.testing.assert_frame_equal(a.market, b.market)


def test_progress_counts_each_scenario_of_a_shared_task():
    scenario, variants = event_variants()
    seen = []
    run_together([scenario, variants[0]], replications=2, seed=1, progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == pytest.approx(4)


# --- what a warm-up reads ------------------------------------------------------------------


def test_the_warm_up_key_ignores_only_what_a_warm_up_does_not_read():
    scenario = base()
    blind = with_overrides(
        scenario,
        days=200,
        settings={
            "name": "another",
            "description": "另一个情景",
            "seed": 99,
            "events": [{"type": "campaign", "day": 3, "reach": 0.5, "boost": 0.2}],
        },
    )
    assert warmup_key(blind) == warmup_key(scenario)
    assert {"name", "description", "days", "seed", "events"} <= WARMUP_BLIND
    for setting in (
        {"warmup_days": WARMUP + 1},
        {"agencies.police.capability": 0.9},
        {"population.size": 4_001},
        {"costs.staff_day_yuan": 1_000},
    ):
        assert warmup_key(with_overrides(scenario, settings=setting)) != warmup_key(scenario)


def test_continuing_refuses_a_scenario_whose_warm_up_differs():
    scenario = base()
    model = GovernanceModel(warmup_part(scenario), rng=1)
    for _ in range(WARMUP):
        model.step()
    other = with_overrides(scenario, settings={"agencies.police.capability": 0.9})
    with pytest.raises(ValueError, match="where the warm-up reads it"):
        model.continue_as(other)
    with pytest.raises(ValueError, match="needs scenarios with one warm-up"):
        run_sharing_warmup([scenario, other], seed=1)


def test_continuing_refuses_a_model_not_at_the_end_of_its_warm_up():
    scenario = base()
    model = GovernanceModel(warmup_part(scenario), rng=1)
    with pytest.raises(ValueError, match="at day -100"):
        model.continue_as(scenario)
