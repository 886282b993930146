"""Paired statistics: the difference between two scenarios, replication by replication.

Replication i of two scenarios run with the same master seed shares its seed, so the pair
(A_i, B_i) shares luck and ``B_i - A_i`` varies less than two independent draws would. Every
interval here is therefore computed on the paired differences, not on the two means apart:

- the mean difference has a Student t interval on the n paired differences, and a two-sided
  paired t-test p-value;
- the relative change is ``mean(B) / mean(A) - 1`` (a ratio of means, not a mean of ratios, which
  a replication with a small A would dominate), with a delta-method interval that uses the pairs'
  covariance: ``Var(R) ~ Var(B_i - R A_i) / (n mean(A)^2)``, with the same t quantile;
- the pairing efficiency ``Var(B - A) / (Var A + Var B)`` says how much pairing bought: 1 for
  independent runs, near 0 when the pairs move together. From a few dozen pairs it is itself
  uncertain by a good part of its value, so it comes with a 95% bootstrap interval (the pairs
  resampled whole, by a generator of fixed seed: the same pairs give the same interval).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from govsim.results import t_quantile

NAN = math.nan
BOOTSTRAP_RESAMPLES = 2000
"""Resamples of the pairs for the pairing efficiency's interval."""
BOOTSTRAP_SEED = 20260
"""Seed of the resampling generator: an interval is a function of the pairs alone."""
CONSTANT_TOLERANCE = 1e-9
"""Values that differ by less than this share of their size are one value (rounding)."""


@dataclass(frozen=True, slots=True)
class PairedDifference:
    """What B changes against A over n pairs: the mean difference and the relative change.

    ``relative`` is a fraction (-0.41 is a 41% cut); NaN where A's mean is zero. Intervals are
    95%; NaN with fewer than two pairs.
    """

    n: int
    mean_a: float
    mean_b: float
    difference: float
    difference_low: float
    difference_high: float
    relative: float
    relative_low: float
    relative_high: float
    p_value: float
    pairing_efficiency: float
    pairing_low: float
    pairing_high: float


def paired_difference(a: np.ndarray, b: np.ndarray) -> PairedDifference:
    """Compare B with A over the pairs where both are known (NaN pairs are dropped).

    Raises:
        ValueError: if A and B do not have one value per replication each.
    """
    a, b = _complete_pairs(a, b)
    n = a.size
    if n == 0:
        return PairedDifference(0, *([NAN] * 12))
    mean_a, mean_b = float(a.mean()), float(b.mean())
    diff_mean, diff_low, diff_high, p_value = _t_interval(b - a)
    ratio, ratio_low, ratio_high = ratio_of_means(b, a)
    return PairedDifference(
        n,
        mean_a,
        mean_b,
        diff_mean,
        diff_low,
        diff_high,
        ratio - 1.0,
        ratio_low - 1.0,
        ratio_high - 1.0,
        p_value,
        pairing_efficiency(a, b),
        *pairing_interval(a, b),
    )


def _complete_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"paired values need one value per replication each: {a.shape}, {b.shape}")
    keep = ~(np.isnan(a) | np.isnan(b))
    return a[keep], b[keep]


def _t_interval(d: np.ndarray) -> tuple[float, float, float, float]:
    """Mean, 95% t interval and paired t-test p-value of the differences ``d``."""
    mean = float(d.mean())
    if d.size < 2:
        return mean, NAN, NAN, NAN
    se = float(d.std(ddof=1)) / math.sqrt(d.size)
    if se == 0.0:
        # Every pair differs by the same amount: the difference is that, exactly.
        return mean, mean, mean, 1.0 if mean == 0.0 else 0.0
    half = t_quantile(d.size - 1) * se
    # Student t distribution function; scipy.special, as the model uses it, not scipy.stats.
    p_value = float(2.0 * special.stdtr(d.size - 1, -abs(mean) / se))
    return mean, mean - half, mean + half, p_value


def ratio_of_means(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """``mean(x) / mean(y)`` over pairs (x_i, y_i), with its delta-method 95% interval.

    The linearised ratio estimator's residuals ``x_i - R y_i`` carry Var x, Var y and their
    covariance, so pairing narrows this interval as it narrows the difference's. NaN where
    ``mean(y)`` is zero; no interval with fewer than two pairs, nor where ``mean(y)`` is not
    clearly away from zero (its own 95% interval reaches zero): there the ratio's interval is
    unbounded (Fieller), and the delta method's would pretend otherwise (one victim in four
    replications against none anywhere would read "-100%, from -100% to -100%").
    """
    x, y = _complete_pairs(x, y)
    mean_y = float(y.mean()) if y.size else 0.0
    if mean_y == 0.0:
        return NAN, NAN, NAN
    ratio = float(x.mean()) / mean_y
    if y.size < 2:
        return ratio, NAN, NAN
    quantile = t_quantile(y.size - 1)
    if abs(mean_y) <= quantile * float(y.std(ddof=1)) / math.sqrt(y.size):
        return ratio, NAN, NAN
    se = float((x - ratio * y).std(ddof=1)) / (math.sqrt(y.size) * abs(mean_y))
    half = quantile * se
    return ratio, ratio - half, ratio + half


def pairing_efficiency(a: np.ndarray, b: np.ndarray) -> float:
    """``Var(B - A) / (Var A + Var B)``: 1 for independent runs, 0 for perfectly paired ones.

    NaN with fewer than two pairs, or when neither scenario varies (beyond rounding).
    """
    a, b = _complete_pairs(a, b)
    if a.size < 2:
        return NAN
    total = float(a.var(ddof=1) + b.var(ddof=1))
    if total <= _negligible(a, b):
        return NAN
    return float((b - a).var(ddof=1)) / total


def _negligible(a: np.ndarray, b: np.ndarray) -> float:
    """A variance too small to be more than rounding, for values of the size of ``a`` and ``b``.

    A cost summed from the same staff-days in every replication varies in its last bits, and a
    ratio of such noise means nothing (a walkthrough read 0.00 beside 1.00 and 0.03 for rows
    constant in both scenarios).
    """
    scale = max(float(np.abs(a).max()), float(np.abs(b).max()), 1.0)
    return (CONSTANT_TOLERANCE * scale) ** 2


def pairing_interval(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """A 95% percentile bootstrap interval of :func:`pairing_efficiency`, pairs resampled whole.

    NaN with fewer than three pairs (too few to resample), or when no resample varies.
    """
    a, b = _complete_pairs(a, b)
    if a.size < 3:
        return NAN, NAN
    generator = np.random.default_rng(BOOTSTRAP_SEED)
    rows = generator.integers(0, a.size, size=(BOOTSTRAP_RESAMPLES, a.size))
    a_drawn, b_drawn = a[rows], b[rows]
    total = a_drawn.var(axis=1, ddof=1) + b_drawn.var(axis=1, ddof=1)
    varies = total > _negligible(a, b)
    if not varies.any():
        return NAN, NAN
    ratios = (b_drawn - a_drawn)[varies].var(axis=1, ddof=1) / total[varies]
    low, high = np.percentile(ratios, [2.5, 97.5])
    return float(low), float(high)
