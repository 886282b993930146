"""The comparison's tables: columns, pairing, and shares' intervals inside their bounds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govsim.comparison.frames import (
    COLLATERAL,
    OUTCOMES,
    comparison_frame,
    cost_effectiveness_frame,
    differences_frame,
)
from govsim.results import HEADLINE
from govsim.runner import RunResults
from tests.helpers import shipped

SHARES = [name for name in HEADLINE if name.endswith("share")]


def fake_run(name: str, values: dict[str, list[float]], replications: int = 4) -> RunResults:
    """A run of ``replications`` with the given columns, every other measure at 1."""
    summary = pd.DataFrame({column: [1.0] * replications for column in HEADLINE})
    summary["replication"] = range(replications)
    for column, column_values in values.items():
        summary[column] = column_values
    scenario = shipped("baseline").model_copy(update={"name": name})
    empty = pd.DataFrame()
    return RunResults(scenario, list(range(replications)), summary, *[empty] * 5)


def test_comparison_has_one_row_per_scenario_and_outcome():
    frame = comparison_frame([fake_run("a", {}), fake_run("b", {})])
    assert list(frame.columns) == ["scenario", "outcome", "mean", "ci_low", "ci_high"]
    assert len(frame) == 2 * len(OUTCOMES)


def test_collateral_adds_up_the_legitimate_activity_disrupted():
    run = fake_run(
        "a",
        {
            "legit_calls_blocked": [1, 2, 3, 4],
            "legit_transfers_delayed": [10, 10, 10, 10],
            "legit_content_removed": [0, 0, 0, 0],
        },
    )
    frame = comparison_frame([run]).set_index(["scenario", "outcome"])
    assert frame.loc[("a", COLLATERAL), "mean"] == pytest.approx(12.5)


def test_differences_are_paired_by_replication():
    a = fake_run("a", {"net_loss": [1.0, 2.0, 3.0, 4.0]})
    b = fake_run("b", {"net_loss": [2.0, 2.0, 5.0, 5.0]})
    row = differences_frame([a, b]).set_index("outcome").loc["net_loss"]
    assert row["difference"] == pytest.approx(1.0)
    assert row["relative_change"] == pytest.approx(0.4)
    assert row["reference"] == "a"
    assert row["scenario"] == "b"
    assert row["pairing_efficiency"] == pytest.approx((2 / 3) / (5 / 3 + 3))


@pytest.mark.parametrize("seed", range(20))
def test_share_intervals_stay_inside_their_bounds(seed):
    rng = np.random.default_rng(seed)
    # Few replications near the edges: raw t-intervals would cross 0 and 1.
    near_edges = {name: list(rng.choice([0.0, 0.01, 0.99, 1.0], 3)) for name in SHARES}
    others = {name: list(rng.choice([0.0, 1.0], 3)) for name in SHARES}
    runs = [fake_run("a", near_edges, 3), fake_run("b", others, 3)]
    means = comparison_frame(runs)
    shares = means[means["outcome"].isin(SHARES)].dropna()
    assert shares["ci_low"].between(0.0, 1.0).all()
    assert shares["ci_high"].between(0.0, 1.0).all()
    found = differences_frame(runs)
    found = found[found["outcome"].isin(SHARES)].dropna(subset=["difference_ci_low"])
    assert found["difference_ci_low"].between(-1.0, 1.0).all()
    assert found["difference_ci_high"].between(-1.0, 1.0).all()


def test_cost_effectiveness_is_loss_prevented_per_extra_yuan():
    a = fake_run("a", {"net_loss": [100, 120, 90, 110], "governance_cost": [10, 11, 10, 11]})
    b = fake_run("b", {"net_loss": [60, 70, 50, 60], "governance_cost": [30, 31, 30, 31]})
    row = cost_effectiveness_frame([a, b]).iloc[0]
    assert row["net_loss_prevented"] == pytest.approx(45.0)
    assert row["extra_cost"] == pytest.approx(20.0)
    assert row["prevented_per_yuan"] == pytest.approx(45.0 / 20.0)
    assert row["prevented_per_yuan_ci_low"] < 45.0 / 20.0 < row["prevented_per_yuan_ci_high"]


def test_no_cost_effectiveness_when_the_extra_cost_is_not_clear():
    a = fake_run("a", {"net_loss": [100, 120, 90, 110], "governance_cost": [10, 12, 10, 12]})
    b = fake_run("b", {"net_loss": [60, 70, 50, 60], "governance_cost": [12, 10, 12, 10]})
    assert np.isnan(cost_effectiveness_frame([a, b]).iloc[0]["prevented_per_yuan"])


def test_no_relative_change_is_a_cut_of_more_than_everything():
    # B's net loss near zero and noisy: a symmetric interval would reach below -100%.
    a = fake_run("a", {"net_loss": [500.0, 1500.0, 800.0, 2000.0]})
    b = fake_run("b", {"net_loss": [0.0, 400.0, 0.0, 0.0]})
    row = differences_frame([a, b]).set_index("outcome").loc["net_loss"]
    assert row["relative_ci_low"] == -1.0
    assert row["relative_change"] > -1.0


def test_an_outcome_below_zero_somewhere_is_not_cut_at_minus_100_percent():
    a = fake_run("a", {"net_loss": [500.0, 1500.0, 800.0, 2000.0]})
    b = fake_run("b", {"net_loss": [-300.0, 400.0, 0.0, 0.0]})
    row = differences_frame([a, b]).set_index("outcome").loc["net_loss"]
    assert row["relative_ci_low"] < -1.0
