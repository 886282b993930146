"""Every shipped scenario runs; runs are reproducible whatever the worker count."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govsim.runner import replication_seeds, run, run_once
from govsim.scenario.overrides import with_overrides
from tests.helpers import SHIPPED, shipped

EXPECTED = {
    "baseline",
    "no_governance",
    "police_only",
    "bank_only",
    "telecom_only",
    "platform_only",
    "education_only",
    "uncoordinated",
    "bilateral",
    "multi_party_hub",
    "data_breach",
    "card_crackdown",
    "epidemic",
}
SUMMARY_COLUMNS = [
    "scenario",
    "replication",
    "seed",
    "residents",
    "days",
    "attempts",
    "contacts_reached",
    "blocked_telecom",
    "blocked_platform",
    "dissuaded",
    "held_by_bank",
    "victims",
    "gross_loss",
    "frozen",
    "net_loss",
    "reports",
    "cases_linked",
    "arrests",
    "arrests_cross_border",
    "operations",
    "convictions",
    "legit_calls_blocked",
    "legit_transfers_delayed",
    "legit_content_removed",
    "report_share",
    "recovered_share",
    "cross_border_loss_share",
    "median_hours_to_freeze",
]


def test_all_promised_scenarios_are_shipped():
    assert set(SHIPPED) >= EXPECTED


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_scenario_runs(name):
    scenario = shipped(name, days=150 if name in {"card_crackdown", "epidemic"} else 40)
    result = run_once(scenario, seed=3)
    assert set(SUMMARY_COLUMNS) <= set(result.summary)
    assert len(result.timeseries) == scenario.days
    assert len(result.market) == scenario.days
    assert {"rings_active", "rings_entered", "arrests", "operations"} <= set(result.market)
    assert result.summary["attempts"] > 0
    assert np.isfinite(result.timeseries.drop(columns=["scenario"]).to_numpy(float)).all()


def test_same_seed_gives_identical_frames():
    scenario = shipped("multi_party_hub", days=30)
    first, second = run_once(scenario, seed=11), run_once(scenario, seed=11)
    pd.testing.assert_frame_equal(first.timeseries, second.timeseries)
    pd.testing.assert_frame_equal(first.by_scam, second.by_scam)
    assert pd.Series(first.summary).equals(pd.Series(second.summary))


def test_different_seeds_differ():
    scenario = shipped("baseline", days=30)
    a, b = run_once(scenario, seed=1), run_once(scenario, seed=2)
    assert not a.timeseries["attempts"].equals(b.timeseries["attempts"])


def test_results_do_not_depend_on_worker_count():
    scenario = shipped("bilateral", days=20, residents=2_000)
    serial = run(scenario, replications=3, seed=5, workers=1)
    parallel = run(scenario, replications=3, seed=5, workers=2)
    pd.testing.assert_frame_equal(serial.summary, parallel.summary)
    pd.testing.assert_frame_equal(serial.timeseries, parallel.timeseries)
    pd.testing.assert_frame_equal(serial.by_scam, parallel.by_scam)


def test_replication_seeds_come_from_seed_sequence_spawn():
    seeds = replication_seeds(7, 4)
    assert len(set(seeds)) == 4
    assert seeds == replication_seeds(7, 4)
    assert seeds[:2] == replication_seeds(7, 2)


def test_by_scam_has_every_type_and_mode():
    scenario = shipped("baseline", days=20)
    table = run_once(scenario, seed=1).by_scam
    assert set(table["mode"]) == {"broadcast", "targeted"}
    assert set(table["scam_type"]) == set(scenario.scam_types)
    assert list(table.columns[:4]) == ["scenario", "replication", "scam_type", "mode"]


def test_residents_override_is_validated():
    from govsim.scenario import ScenarioError

    scenario = shipped("baseline")
    with pytest.raises(ScenarioError, match=r"population\.size"):
        with_overrides(scenario, residents=10)


def test_each_victim_reports_at_most_once():
    # Escalating scams pay several times; the report is drawn once per victim.
    result = run_once(shipped("police_only", residents=5_000, days=200), seed=8)
    assert result.summary["reports"] <= result.summary["victims"]
