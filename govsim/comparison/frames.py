"""The comparison's tables: each scenario's outcomes, and each one's paired differences.

Outcomes are the city's headline measures (``govsim.results.HEADLINE``, as ``govsim run``
prints them) and the collateral burden: the legitimate calls blocked, transfers delayed and
items removed by mistake, added up (one count of legitimate activity disrupted, whatever its
kind). Every scenario is compared with the reference, the first one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from govsim.comparison.paired import paired_difference, ratio_of_means
from govsim.labels import is_share
from govsim.results import HEADLINE, measure_ci
from govsim.runner import RunResults

COLLATERAL = "collateral"
COLLATERAL_PARTS = ("legit_calls_blocked", "legit_transfers_delayed", "legit_content_removed")
OUTCOMES: tuple[str, ...] = (*HEADLINE, COLLATERAL)
"""Every outcome compared, in the order shown."""
KEY_OUTCOMES: tuple[str, ...] = (
    "victims",
    "net_loss",
    "recovered_share",
    COLLATERAL,
    "governance_cost",
)
"""The outcomes that get a verdict in words, and whose intervals ``--precision`` narrows."""
DIFFERENCE_COLUMNS = (
    "scenario",
    "reference",
    "outcome",
    "replications",
    "reference_mean",
    "mean",
    "difference",
    "difference_ci_low",
    "difference_ci_high",
    "relative_change",
    "relative_ci_low",
    "relative_ci_high",
    "p_value",
    "pairing_efficiency",
    "pairing_ci_low",
    "pairing_ci_high",
)


def outcomes_per_replication(results: RunResults) -> pd.DataFrame:
    """One row per replication, one column per outcome (collateral added up)."""
    return outcomes_of(results.summary.sort_values("replication"))


def outcomes_of(summary: pd.DataFrame) -> pd.DataFrame:
    """The compared outcomes of summary rows (``Metrics.summary``), collateral added up.

    Apart from :func:`outcomes_per_replication` so that a run still under way (the
    dashboard's side by side) is read exactly as a finished comparison reads its runs.
    """
    frame = summary[list(HEADLINE)].astype(float).reset_index(drop=True)
    frame[COLLATERAL] = summary[list(COLLATERAL_PARTS)].astype(float).sum(axis=1).to_numpy()
    return frame


def comparison_frame(runs: Sequence[RunResults]) -> pd.DataFrame:
    """Each scenario's mean and 95% interval per outcome, within the values it can take."""
    rows = []
    for results in runs:
        values = outcomes_per_replication(results)
        for outcome in OUTCOMES:
            mean, low, high = measure_ci(values[outcome], outcome)
            rows.append(
                {
                    "scenario": results.scenario.name,
                    "outcome": outcome,
                    "mean": mean,
                    "ci_low": low,
                    "ci_high": high,
                }
            )
    return pd.DataFrame(rows)


def differences_frame(runs: Sequence[RunResults]) -> pd.DataFrame:
    """Each other scenario against the reference (the first), outcome by outcome, paired.

    A difference of two shares lies in [-1, 1], and its interval is kept there. An outcome
    that is nowhere below zero cannot be cut by more than 100%, so there the relative change's
    interval (symmetric, from the delta method) is cut at -100%. (Net loss over the measured
    days could in principle be negative, money frozen from warm-up payments exceeding the
    period's loss; then it is not cut.)
    """
    return _against(runs[0], runs[1:])


def between_frame(runs: Sequence[RunResults]) -> pd.DataFrame:
    """Every pair of scenarios other than the reference, the earlier one as the pair's reference.

    With three scenarios or more, the reader also asks how the alternatives compare with each
    other (B against C, not only each against A). They ran with the same seeds, so each pair is
    paired too. Empty with two scenarios.
    """
    frames = [_against(runs[i], runs[i + 1 :]) for i in range(1, len(runs) - 1)]
    if not frames:
        return pd.DataFrame(columns=list(DIFFERENCE_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def _against(reference: RunResults, others: Sequence[RunResults]) -> pd.DataFrame:
    """Each of ``others`` against ``reference``, outcome by outcome, paired (see above)."""
    base = outcomes_per_replication(reference)
    rows = []
    for results in others:
        other = outcomes_per_replication(results)
        for outcome in OUTCOMES:
            found = paired_difference(base[outcome].to_numpy(), other[outcome].to_numpy())
            floor = -1.0 if (other[outcome].dropna() >= 0).all() else -math.inf
            low, high = found.difference_low, found.difference_high
            if is_share(outcome) and not math.isnan(low):
                low, high = _clip(low, -1.0, 1.0), _clip(high, -1.0, 1.0)
            rows.append(
                {
                    "scenario": results.scenario.name,
                    "reference": reference.scenario.name,
                    "outcome": outcome,
                    "replications": found.n,
                    "reference_mean": found.mean_a,
                    "mean": found.mean_b,
                    "difference": found.difference,
                    "difference_ci_low": low,
                    "difference_ci_high": high,
                    "relative_change": found.relative,
                    "relative_ci_low": max(found.relative_low, floor),
                    "relative_ci_high": found.relative_high,
                    "p_value": found.p_value,
                    "pairing_efficiency": found.pairing_efficiency,
                    "pairing_ci_low": found.pairing_low,
                    "pairing_ci_high": found.pairing_high,
                }
            )
    return pd.DataFrame(rows, columns=list(DIFFERENCE_COLUMNS))


def cost_effectiveness_frame(runs: Sequence[RunResults]) -> pd.DataFrame:
    """Net loss prevented per extra yuan of governance cost, each scenario against the reference.

    The ratio of the paired means, ``mean(net loss A - net loss B) / mean(cost B - cost A)``,
    with a delta-method 95% interval. It is given only where the extra cost is clearly
    positive (its interval above zero): a scenario that costs no more has no ratio to speak of
    (it either dominates or it does not), and a ratio over a cost near zero is unbounded.
    """
    reference = outcomes_per_replication(runs[0])
    rows = []
    for results in runs[1:]:
        other = outcomes_per_replication(results)
        prevented = (reference["net_loss"] - other["net_loss"]).to_numpy()
        extra_cost = (other["governance_cost"] - reference["governance_cost"]).to_numpy()
        cost = paired_difference(
            reference["governance_cost"].to_numpy(), other["governance_cost"].to_numpy()
        )
        ratio, low, high = ratio_of_means(prevented, extra_cost)
        if not cost.difference_low > 0.0:
            ratio, low, high = math.nan, math.nan, math.nan
        rows.append(
            {
                "scenario": results.scenario.name,
                "reference": runs[0].scenario.name,
                "net_loss_prevented": float(np.mean(prevented)),
                "extra_cost": cost.difference,
                "extra_cost_ci_low": cost.difference_low,
                "extra_cost_ci_high": cost.difference_high,
                "prevented_per_yuan": ratio,
                "prevented_per_yuan_ci_low": low,
                "prevented_per_yuan_ci_high": high,
            }
        )
    return pd.DataFrame(rows)


def _clip(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)
