"""Paired statistics against values worked out by hand, and the interval's coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest

from govsim.comparison.paired import (
    paired_difference,
    pairing_efficiency,
    pairing_interval,
    ratio_of_means,
)

A = np.array([1.0, 2.0, 3.0, 4.0])
B = np.array([2.0, 2.0, 5.0, 5.0])
T3 = 3.182446305284263  # two-sided 95% Student t quantile, 3 degrees of freedom (tables: 3.182)


def test_the_mean_difference_and_its_interval_are_the_paired_t_interval():
    # Differences 1, 0, 2, 1: mean 1, variance 2/3, standard error sqrt(2/3) / 2.
    found = paired_difference(A, B)
    half = T3 * math.sqrt(2 / 3) / 2
    assert found.n == 4
    assert found.difference == pytest.approx(1.0)
    assert found.difference_low == pytest.approx(1.0 - half)
    assert found.difference_high == pytest.approx(1.0 + half)


def test_the_interval_is_students_t_beyond_thirty_pairs_too():
    # The quantile used to fall back to the normal 1.96 from 31 degrees of freedom on: with 32
    # pairs whose t statistic is 2.0, the interval excluded zero while the p-value was 0.054.
    d = np.full(32, 1.0)
    d[::2] += 1.0
    scale = float(d.std(ddof=1)) / math.sqrt(d.size)
    d = d - d.mean() + 2.0 * scale  # t = 2.0 on 31 degrees of freedom
    found = paired_difference(np.zeros(32), d)
    assert found.p_value == pytest.approx(0.0543, abs=1e-4)
    assert found.difference_low < 0.0 < found.difference_high
    # Tables: 2.040 for 31 degrees of freedom, 1.980 for 119.
    for n, quantile in ((32, 2.0395), (120, 1.9801)):
        found = paired_difference(np.zeros(n), np.arange(n, dtype=float))
        half = quantile * float(np.arange(n).std(ddof=1)) / math.sqrt(n)
        assert found.difference_high - found.difference == pytest.approx(half, rel=1e-4)


def test_the_p_value_is_the_paired_t_tests():
    # t = 1 / (sqrt(2/3) / 2) = 2.449 on 3 degrees of freedom: p = 0.0917 (scipy's ttest_rel).
    assert paired_difference(A, B).p_value == pytest.approx(0.0917211, abs=1e-6)


def test_the_relative_change_is_the_ratio_of_means_with_a_delta_method_interval():
    # R = 3.5 / 2.5 = 1.4; residuals B - 1.4 A = 0.6, -0.8, 0.8, -0.6 have variance 2/3, so
    # the standard error of R is sqrt(2/3) / (sqrt(4) * 2.5).
    found = paired_difference(A, B)
    half = T3 * math.sqrt(2 / 3) / (2 * 2.5)
    assert found.relative == pytest.approx(0.4)
    assert found.relative_low == pytest.approx(0.4 - half)
    assert found.relative_high == pytest.approx(0.4 + half)


def test_pairing_efficiency_is_the_variance_of_the_difference_over_the_sum():
    # Var(B - A) = 2/3; Var A = 5/3, Var B = 3.
    assert pairing_efficiency(A, B) == pytest.approx((2 / 3) / (5 / 3 + 3))
    assert paired_difference(A, B).pairing_efficiency == pytest.approx((2 / 3) / (5 / 3 + 3))


def test_the_pairing_efficiency_has_a_bootstrap_interval_around_it():
    rng = np.random.default_rng(3)
    shared = rng.normal(100.0, 10.0, 30)
    a, b = shared + rng.normal(0.0, 5.0, 30), 0.6 * shared + rng.normal(0.0, 5.0, 30)
    found = paired_difference(a, b)
    assert found.pairing_low < found.pairing_efficiency < found.pairing_high
    assert found.pairing_high - found.pairing_low > 0.05, "30 pairs leave it uncertain"
    assert pairing_interval(a, b) == (found.pairing_low, found.pairing_high), "reproducible"


def test_the_pairing_interval_of_pairs_that_move_together_is_zero():
    assert pairing_interval(np.arange(10.0), np.arange(10.0) + 3.0) == (0.0, 0.0)


def test_independent_pairs_have_a_pairing_interval_around_one():
    rng = np.random.default_rng(4)
    low, high = pairing_interval(rng.normal(size=200), rng.normal(size=200))
    assert low < 1.0 < high


def test_no_pairing_interval_from_two_pairs():
    assert all(math.isnan(bound) for bound in pairing_interval(A[:2], B[:2]))
    assert not any(math.isnan(bound) for bound in pairing_interval(A[:3], B[:3]))


def test_pairs_with_a_missing_value_are_left_out():
    found = paired_difference(np.append(A, np.nan), np.append(B, 7.0))
    assert found.n == 4
    assert found.difference == pytest.approx(1.0)


def test_identical_scenarios_differ_by_exactly_nothing():
    found = paired_difference(A, A)
    assert (found.difference, found.difference_low, found.difference_high) == (0.0, 0.0, 0.0)
    assert found.p_value == 1.0
    assert found.pairing_efficiency == 0.0


def test_a_constant_shift_is_certain():
    found = paired_difference(A, A + 2.0)
    assert (found.difference_low, found.difference_high, found.p_value) == (2.0, 2.0, 0.0)


def test_a_reference_of_zero_has_no_relative_change():
    found = paired_difference(np.zeros(4), B)
    assert math.isnan(found.relative)
    assert found.difference == pytest.approx(3.5)


def test_one_pair_has_no_interval():
    found = paired_difference(A[:1], B[:1])
    assert found.difference == 1.0
    assert math.isnan(found.difference_low)
    assert math.isnan(found.p_value)


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="one value per replication"):
        paired_difference(A, B[:3])


def test_ratio_of_means_of_a_zero_denominator_is_nan():
    assert all(math.isnan(v) for v in ratio_of_means(B, np.zeros(4)))


def test_intervals_cover_a_known_effect_about_95_percent_of_the_time():
    """Shared luck (a common base) plus noise of its own; B's mean is 40% below A's."""
    rng = np.random.default_rng(2026)
    repeats, n = 2000, 30
    covered_difference = covered_relative = 0
    for _ in range(repeats):
        base = rng.gamma(4.0, 25.0, n)  # mean 100, shared by both scenarios
        a = base + rng.normal(0.0, 10.0, n)
        b = 0.6 * base + rng.normal(0.0, 10.0, n)
        found = paired_difference(a, b)
        covered_difference += found.difference_low <= -40.0 <= found.difference_high
        covered_relative += found.relative_low <= -0.4 <= found.relative_high
    assert 0.93 <= covered_difference / repeats <= 0.97
    assert 0.93 <= covered_relative / repeats <= 0.97


def test_a_reference_not_clearly_above_zero_gives_no_relative_interval():
    # One victim in four replications against none: the ratio's interval is unbounded.
    found = paired_difference(np.array([0.0, 1.0, 0.0, 0.0]), np.zeros(4))
    assert found.relative == -1.0
    assert math.isnan(found.relative_low)
    assert math.isnan(found.relative_high)
