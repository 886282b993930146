"""Intervals for shares stay inside [0, 1].

``summary_statistics`` gives each headline measure a 95% t-interval over replications. With a
few replications near 0 or 1 the raw interval of a share crosses the edge; a share lives in
[0, 1], so its interval is clipped there.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govsim.results import HEADLINE, summary_statistics
from govsim.runner import run
from tests.helpers import shipped

SHARES = tuple(name for name in HEADLINE if name.endswith("share"))
share_values = st.floats(0.0, 1.0) | st.just(math.nan)


def summary(shares: dict[str, list[float]]) -> pd.DataFrame:
    """A summary frame of len(values) replications: the given shares, every count at 1."""
    rows = len(next(iter(shares.values())))
    frame = pd.DataFrame({name: [1.0] * rows for name in HEADLINE})
    frame["residents"], frame["days"] = 10_000, 365
    for name, values in shares.items():
        frame[name] = values
    return frame


def share_rows(stats: pd.DataFrame) -> pd.DataFrame:
    return stats[stats["measure"].isin(SHARES)]


def test_the_headline_has_shares():
    assert {"report_share", "recovered_share", "cross_border_loss_share"} <= set(SHARES)


@given(st.lists(share_values, min_size=1, max_size=8))
def test_share_intervals_stay_inside_the_unit_interval_and_hold_the_mean(values):
    stats = share_rows(summary_statistics(summary(dict.fromkeys(SHARES, values))))
    for row in stats.itertuples():
        if math.isnan(row.ci_low):
            continue
        assert 0.0 <= row.ci_low <= row.mean <= row.ci_high <= 1.0, row


@given(st.lists(st.floats(-10.0, 10.0), min_size=2, max_size=8))
def test_share_intervals_stay_inside_the_unit_interval_whatever_the_values(values):
    stats = share_rows(summary_statistics(summary(dict.fromkeys(SHARES, values))))
    assert stats["ci_low"].between(0.0, 1.0).all()
    assert stats["ci_high"].between(0.0, 1.0).all()


@pytest.mark.parametrize(
    ("values", "low", "high"), [([0.0, 1.0], 0.0, 1.0), ([0.0, 0.02], 0.0, None)]
)
def test_an_interval_across_an_edge_is_clipped_at_it(values, low, high):
    stats = share_rows(summary_statistics(summary(dict.fromkeys(SHARES, values))))
    assert (stats["ci_low"] == low).all()
    if high is not None:
        assert (stats["ci_high"] == high).all()


def test_share_intervals_of_a_run_stay_inside_the_unit_interval():
    results = run(
        shipped("baseline", residents=100_000, days=30, warmup=10), replications=3, seed=5
    )
    stats = share_rows(summary_statistics(results.summary)).dropna(subset=["ci_low", "ci_high"])
    assert not stats.empty
    assert stats["ci_low"].between(0.0, 1.0).all()
    assert stats["ci_high"].between(0.0, 1.0).all()
