"""A fact's model value and its 95% interval over replications.

Two estimators. :class:`Bootstrapped` computes any statistic of the replications (a pooled
share, a ratio of two scenarios' totals, a coefficient of variation) and takes the percentile
interval of the same statistic over bootstrap resamples of the replications. The resamples are
drawn once for all scenarios, so a comparison between scenarios resamples pairs of runs with the
same seed, and a share stays a share (inside [0, 1]) in every resample. :class:`ShareOfReplications`
counts the replications where a condition holds and gives the Clopper-Pearson interval, which
stays meaningful when the count is all or none (where a bootstrap collapses to a point).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import stats

from govsim.validation.outcomes import Outcomes

CONFIDENCE = 0.95
BOOTSTRAP_DRAWS = 4000
BOOTSTRAP_SEED = 20260
"""Fixed, so that the same runs always give the same intervals."""

Statistic = Callable[[Outcomes], np.ndarray]
"""Maps outcomes (draws x replications) to one value per draw."""


@dataclass(frozen=True, slots=True)
class Estimate:
    """A value with its 95% interval (NaN where it cannot be computed)."""

    value: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Bootstrapped:
    """A statistic of the replications, with a paired percentile bootstrap interval."""

    statistic: Statistic

    def estimate(self, outcomes: Outcomes) -> Estimate:
        """The statistic on the replications, and its interval over resamples of them."""
        # Ratios of zeros and medians of runs without any freeze are NaN, by design.
        with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            value = float(self.statistic(outcomes)[0])
            rng = np.random.default_rng(BOOTSTRAP_SEED)
            draws = np.asarray(self.statistic(outcomes.resampled(BOOTSTRAP_DRAWS, rng)))
        finite = draws[np.isfinite(draws)]
        if math.isnan(value) or finite.size < draws.size / 2:
            return Estimate(value, math.nan, math.nan)
        tail = 100 * (1 - CONFIDENCE) / 2
        low, high = np.percentile(finite, [tail, 100 - tail])
        return Estimate(value, float(low), float(high))


@dataclass(frozen=True, slots=True)
class ShareOfReplications:
    """The share of replications where a condition holds, with a Clopper-Pearson interval."""

    condition: Callable[[Outcomes], np.ndarray]
    """Maps outcomes to one boolean per replication."""

    def estimate(self, outcomes: Outcomes) -> Estimate:
        """The share of replications meeting the condition, and its exact binomial interval."""
        holds = np.asarray(self.condition(outcomes), dtype=bool).reshape(-1)
        return clopper_pearson(int(holds.sum()), holds.size)


def clopper_pearson(successes: int, trials: int) -> Estimate:
    """A share and its exact (Clopper-Pearson) 95% interval."""
    if trials == 0:
        return Estimate(math.nan, math.nan, math.nan)
    alpha = 1 - CONFIDENCE
    low = 0.0 if successes == 0 else stats.beta.ppf(alpha / 2, successes, trials - successes + 1)
    high = (
        1.0
        if successes == trials
        else stats.beta.ppf(1 - alpha / 2, successes + 1, trials - successes)
    )
    return Estimate(successes / trials, float(low), float(high))


# --- Building blocks of statistics --------------------------------------------------------------


def total(outcomes: Outcomes, scenario: str, column: str) -> np.ndarray:
    """A column summed over replications (pooled)."""
    return outcomes[scenario, column].sum(axis=-1)


def mean(outcomes: Outcomes, scenario: str, column: str) -> np.ndarray:
    """A column's mean over replications."""
    return outcomes[scenario, column].mean(axis=-1)


def ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """Element-wise ratio, NaN where both are 0 and infinite where only the denominator is."""
    return np.asarray(numerator, dtype=float) / np.asarray(denominator, dtype=float)


def pooled(scenario: str, numerator: str, denominator: str) -> Statistic:
    """Total of one column over total of another, in one scenario (a pooled rate or share)."""
    return lambda o: ratio(total(o, scenario, numerator), total(o, scenario, denominator))


def paired(numerator: str, denominator: str, column: str) -> Statistic:
    """Total of a column in one scenario over its total in another, on the same seeds."""
    return lambda o: ratio(total(o, numerator, column), total(o, denominator, column))


def per_100k_year(scenario: str, column: str) -> Statistic:
    """A count's mean over replications, per 100,000 residents per year."""
    return lambda o: mean(o, scenario, column) * o[scenario, "per_100k_year"][..., 0]


def coefficient_of_variation(scenario: str, column: str) -> Statistic:
    """Standard deviation between replications over their mean."""

    def statistic(o: Outcomes) -> np.ndarray:
        values = o[scenario, column]
        return ratio(values.std(axis=-1, ddof=1), values.mean(axis=-1))

    return statistic
