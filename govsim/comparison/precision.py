"""Replications until the answer is precise enough: ``govsim compare --precision P``.

Paired replications are added in batches, every scenario with the same new seeds, until the
95% interval of every key difference (:data:`~govsim.comparison.frames.KEY_OUTCOMES`) is no
wider than P times the reference's mean, or the cap is reached. Where the reference's mean is
zero (no collateral burden without blocking, say) the larger of the two means is the scale, or
the width must be zero; a difference with no interval (too few pairs with a value) is not
precise.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.running import (
    Comparison,
    ComparisonError,
    ProgressAcross,
    check_scenarios,
    compare,
    tables_of,
)
from govsim.runner import run_more_together
from govsim.scenario.schema import Scenario


@dataclass(frozen=True, slots=True)
class Precision:
    """What ``--precision`` asked and what happened: reached, or stopped at the cap."""

    target: float
    max_replications: int
    reached: bool
    wide: tuple[tuple[str, str], ...]
    """(scenario, outcome) of the differences still too wide (none if reached)."""


def too_wide(differences: pd.DataFrame, target: float) -> list[tuple[str, str]]:
    """The key differences whose 95% interval is wider than ``target`` times their scale."""
    wide = []
    for row in differences[differences["outcome"].isin(KEY_OUTCOMES)].itertuples():
        width = row.difference_ci_high - row.difference_ci_low
        scale = abs(row.reference_mean) or abs(row.mean)
        if math.isnan(width) or math.isnan(scale) or width > target * scale:
            wide.append((str(row.scenario), str(row.outcome)))
    return wide


def check_precision(target: float | None, batch: int, max_replications: int) -> None:
    """Refuse a target that is not a positive share, or a cap below the first batch.

    A target of None (no ``--precision``) passes.
    """
    if target is None:
        return
    if not target > 0.0:
        raise ComparisonError("bad_precision", target=target)
    if max_replications < batch:
        raise ComparisonError("cap_below_batch", cap=max_replications, batch=batch)


def compare_to_precision(
    scenarios: Sequence[Scenario],
    target: float,
    batch: int,
    max_replications: int,
    seed: int | None = None,
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
) -> Comparison:
    """Run batches of paired replications until every key difference is precise enough.

    The comparison's ``precision`` says whether the target was reached or the cap stopped it.

    Args:
        scenarios: two or more scenarios; the first is the reference.
        target: the widest interval allowed, as a share of the reference's mean (0.1: 10%).
        batch: replications per scenario in each batch (the first batch too).
        max_replications: replications per scenario at most.
        seed: master seed (default: the reference's).
        workers: worker processes per run.
        progress: called with the replications finished, over all scenarios and batches.

    Raises:
        ComparisonError: if the scenarios cannot be compared, or the numbers are out of range.
    """
    check_scenarios(scenarios)
    check_precision(target, batch, max_replications)
    comparison = compare(scenarios, batch, seed, workers, progress)
    while (wide := too_wide(comparison.differences, target)) and (
        comparison.replications < max_replications
    ):
        more = min(batch, max_replications - comparison.replications)
        counter = ProgressAcross(progress, start=comparison.replications * len(scenarios))
        started = time.perf_counter()
        runs = run_more_together(comparison.runs, more, workers, counter.next_run())
        comparison = tables_of(runs, comparison.wall + time.perf_counter() - started)
    comparison.precision = Precision(target, max_replications, not wide, tuple(wide))
    return comparison
