"""--precision: batches of paired replications until the key differences are narrow enough."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.precision import check_precision, compare_to_precision, too_wide
from govsim.comparison.running import compare
from govsim.comparison.verdicts import precision_sentence
from tests.helpers import shipped


def scenarios(names=("police_only", "multi_party_hub"), residents=1000, days=10):
    return [shipped(name, residents=residents, days=days, warmup=5) for name in names]


def differences(width: float, reference_mean: float = 100.0, mean: float = 50.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "scenario": "b",
            "outcome": list(KEY_OUTCOMES),
            "reference_mean": reference_mean,
            "mean": mean,
            "difference_ci_low": -width / 2,
            "difference_ci_high": width / 2,
        }
    )


def test_an_interval_is_too_wide_against_the_reference_mean():
    assert too_wide(differences(9.0), 0.1) == []
    assert len(too_wide(differences(11.0), 0.1)) == len(KEY_OUTCOMES)


def test_a_reference_mean_of_zero_takes_the_other_mean_as_scale():
    assert too_wide(differences(4.0, reference_mean=0.0, mean=50.0), 0.1) == []
    assert too_wide(differences(6.0, reference_mean=0.0, mean=50.0), 0.1)


def test_no_interval_is_not_precise():
    assert too_wide(differences(float("nan")), 10.0)


def test_a_loose_target_is_reached_with_the_first_batch():
    # Victims in every replication of both: the share recovered of no loss has no interval.
    both_lose = scenarios(("no_governance", "police_only"), residents=3000, days=30)
    found = compare_to_precision(both_lose, 1e6, batch=3, max_replications=9, seed=2)
    assert found.replications == 3
    assert found.precision.reached
    assert precision_sentence(found).startswith("Precision reached")


def test_an_impossible_target_stops_at_the_cap_and_says_which_differences():
    found = compare_to_precision(scenarios(), 1e-9, batch=2, max_replications=5, seed=2)
    assert found.replications == 5
    assert not found.precision.reached
    assert found.precision.wide
    assert "Stopped at --max-replications 5" in precision_sentence(found)
    assert "已达到 --max-replications 上限 5 次" in precision_sentence(found, "zh")


def test_batches_are_the_same_paired_runs_as_one_run_of_as_many():
    grown = compare_to_precision(scenarios(), 1e-9, batch=2, max_replications=4, seed=2)
    whole = compare(scenarios(), replications=4, seed=2)
    pd.testing.assert_frame_equal(grown.differences, whole.differences)


@pytest.mark.parametrize(("target", "batch", "cap"), [(0.0, 2, 10), (-1.0, 2, 10), (0.1, 10, 5)])
def test_bad_precision_settings_are_refused(target, batch, cap):
    with pytest.raises(ValueError, match=r"precision|max-replications"):
        check_precision(target, batch, cap)


def test_progress_counts_on_across_scenarios_and_batches():
    seen: list[float] = []
    compare_to_precision(
        scenarios(), 1e-9, batch=2, max_replications=4, seed=2, progress=seen.append
    )
    assert seen == sorted(seen)
    assert seen[-1] == 8  # 2 scenarios x 4 replications
