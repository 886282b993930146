"""Intervals of measures stay within the values a measure can take.

A t interval is symmetric: the main effects of a sweep showed the mean arrests of a rare
level as 0.4 with an interval from -0.3, which no mean of counts can reach.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from govsim.experiments.analysis.effects import main_effects
from govsim.experiments.designs import Parameter
from govsim.labels import SHARES
from govsim.results import CAN_BE_NEGATIVE, HEADLINE, mean_ci, measure_ci

RARE = pd.Series([0.0, 0.0, 0.0, 0.0, 3.0])
"""A rare count: its t interval reaches below zero."""


def test_a_rare_counts_interval_stops_at_zero() -> None:
    assert mean_ci(RARE)[1] < 0  # what the interval was
    mean, low, high = measure_ci(RARE, "arrests")
    assert (mean, low) == (0.6, 0.0)
    assert high == mean_ci(RARE)[2]


def test_net_loss_keeps_its_interval_below_zero() -> None:
    assert measure_ci(RARE - 1.0, "net_loss") == mean_ci(RARE - 1.0)


def test_a_shares_interval_stays_inside_0_and_1() -> None:
    nearly_all = pd.Series([1.0, 1.0, 1.0, 1.0, 0.2])
    _, low, high = measure_ci(nearly_all, "recovered_share")
    assert low >= 0.0
    assert high == 1.0
    assert mean_ci(nearly_all)[2] > 1.0


def test_one_value_has_no_interval() -> None:
    mean, low, high = measure_ci(pd.Series([2.0]), "victims")
    assert mean == 2.0
    assert math.isnan(low)
    assert math.isnan(high)


def test_only_net_loss_can_be_negative() -> None:
    assert {"net_loss"} == CAN_BE_NEGATIVE
    assert "net_loss" in HEADLINE
    assert set(HEADLINE) >= SHARES


@given(
    st.lists(st.floats(0.0, 1e9, allow_nan=False), min_size=2, max_size=40),
    st.sampled_from([name for name in HEADLINE if name not in CAN_BE_NEGATIVE]),
)
def test_the_interval_holds_the_mean_and_no_negative_value(values: list[float], name: str) -> None:
    if name in SHARES:
        values = [value / 1e9 for value in values]
    mean, low, high = measure_ci(pd.Series(values), name)
    assert 0.0 <= low <= mean * (1 + 1e-12) + 1e-12
    assert mean <= high * (1 + 1e-12) + 1e-12
    if name in SHARES:
        assert high <= 1.0


def test_main_effects_of_a_rare_count_never_go_below_zero() -> None:
    link = "cooperation.links.police-bank"
    runs = pd.DataFrame(
        {
            link: [0.0] * 5 + [0.8] * 5,
            "arrests": [*RARE, 1.0, 2.0, 1.0, 3.0, 2.0],
            "net_loss": [*(RARE - 1.0), 5.0, 6.0, 5.0, 7.0, 6.0],
        }
    )
    swept = SimpleNamespace(ok=runs, parameters=(Parameter(link, levels=(0.0, 0.8)),))
    effects = main_effects(swept, ["arrests", "net_loss"]).set_index(["outcome", "level"])
    assert effects.loc[("arrests", 0.0), "low"] == 0.0
    assert effects.loc[("net_loss", 0.0), "low"] < 0.0
