"""Scenario measures without a target: the context in which the facts are read.

One row per scenario the facts read: victims and reports per 100,000 residents a year, the
coefficient of variation of victims between replications (which also reflects the city's size),
the recovered share, the last quarter's victims over the first (near 1 once the warm-up has
reached the running regime), and the market's rings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from govsim.validation.estimates import (
    Bootstrapped,
    Estimate,
    Statistic,
    coefficient_of_variation,
    mean,
    per_100k_year,
    pooled,
)
from govsim.validation.outcomes import Outcomes
from govsim.validation.targets import Format


@dataclass(frozen=True, slots=True)
class Measure:
    """A column of the scenario table: a statistic of one scenario's replications."""

    header: str
    statistic: Callable[[str], Statistic]
    fmt: Format
    interval: bool = True
    """False for extremes (the fewest over replications), whose bootstrap means little."""

    def estimate(self, outcomes: Outcomes, scenario: str) -> Estimate:
        """The measure in ``scenario``, with its interval if it has one."""
        found = Bootstrapped(self.statistic(scenario)).estimate(outcomes.only((scenario,)))
        return found if self.interval else Estimate(found.value, np.nan, np.nan)


def _fewest_rings(scenario: str) -> Statistic:
    return lambda o: o[scenario, "market_rings_fewest"].min(axis=-1)


def _mean_rings(scenario: str) -> Statistic:
    return lambda o: mean(o, scenario, "market_rings_mean")


SCENARIO_MEASURES: tuple[Measure, ...] = (
    Measure("victims per 100k a year", lambda s: per_100k_year(s, "victims"), "{:,.0f}".format),
    Measure("CV of victims", lambda s: coefficient_of_variation(s, "victims"), "{:.2f}".format),
    Measure("reports per 100k a year", lambda s: per_100k_year(s, "reports"), "{:,.0f}".format),
    Measure("recovered", lambda s: pooled(s, "frozen", "gross_loss"), "{:.1%}".format),
    Measure(
        "recovered of reported",
        lambda s: pooled(s, "frozen_reported", "reported_loss"),
        "{:.1%}".format,
    ),
    Measure(
        "Q4/Q1 victims",
        lambda s: pooled(s, "victims_last_quarter", "victims_first_quarter"),
        "{:.2f}".format,
    ),
    Measure("rings (mean)", _mean_rings, "{:,.0f}".format),
    Measure("rings (fewest)", _fewest_rings, "{:,.0f}".format, interval=False),
)


def scenario_table(outcomes: Outcomes) -> dict[str, list[Estimate]]:
    """Every measure of every scenario in ``outcomes``."""
    return {
        name: [measure.estimate(outcomes, name) for measure in SCENARIO_MEASURES]
        for name in outcomes.tables
    }
