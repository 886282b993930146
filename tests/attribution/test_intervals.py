"""The players' 95% intervals cover the true Shapley values in about 95% of repeats."""

from __future__ import annotations

import numpy as np

from govsim.attribution.running import _value_rows
from govsim.attribution.shapley import exact_shapley

TRUE = np.array([10.0, 4.0, 0.0])
"""A game in which each player adds its weight, and players 0 and 1 add 6 more together."""


def test_intervals_cover_the_truth_about_95_percent_of_the_time():
    rng = np.random.default_rng(2026)
    truth = TRUE + np.array([3.0, 3.0, 0.0])  # the synergy of 6 is split between 0 and 1
    repeats, covered = 400, 0
    for _ in range(repeats):
        table = np.zeros((8, 5))
        for mask in range(8):
            members = [i for i in range(3) if mask >> i & 1]
            mean = TRUE[members].sum() + 6.0 * ({0, 1} <= set(members))
            table[mask] = mean + rng.normal(0, 4, 5)
        rows = _value_rows(("a", "b", "c"), "net_loss", exact_shapley(table, 3), table[-1])
        covered += sum(
            row["ci_low"] <= t <= row["ci_high"] for row, t in zip(rows[:3], truth, strict=True)
        )
    rate = covered / (3 * repeats)
    assert 0.92 <= rate <= 0.98, rate


def test_a_whole_effect_of_zero_has_no_share_not_all_of_it():
    # docs/attribution.md: the share is NaN where the whole effect is 0, the grand row's too.
    shapley = np.array([[1.0, -1.0], [-2.0, 2.0]])  # replications x players
    rows = _value_rows(("a", "b"), "victims", shapley, np.array([0.0, 0.0]))
    assert all(np.isnan(row["share"]) for row in rows)
