"""Main effects: how an outcome's mean moves with one parameter, the others varying as drawn.

For a parameter given by levels (or drawn on a few values) each level is one group; a range
drawn continuously is cut into :data:`BINS` equal-width bins of its range. Each group's mean
and 95% interval are over its finished runs, every replication counted, so the band shows
the model's own noise as well as what the other parameters do in that group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from govsim.experiments.analysis.swept import Swept
from govsim.experiments.designs import Parameter
from govsim.results import measure_ci

BINS = 5
"""Bins of a continuous range."""
MAX_LEVELS = 8
"""A range drawn on at most this many distinct values is shown value by value, not binned."""
EFFECT_COLUMNS = ("outcome", "parameter", "level", "mean", "low", "high", "runs")


def main_effects(swept: Swept, outcomes: list[str]) -> pd.DataFrame:
    """One row per (outcome, parameter, level or bin): mean, 95% interval and runs behind it."""
    runs = swept.ok
    rows = []
    for parameter in swept.parameters:
        groups = level_of(parameter, runs[parameter.path])
        for outcome in outcomes:
            for level, values in runs[outcome].groupby(groups, sort=True, observed=True):
                mean, low, high = measure_ci(values, outcome)
                counted = int(values.notna().sum())  # runs with a value (a median may have none)
                rows.append((outcome, parameter.path, level, mean, low, high, counted))
    frame = pd.DataFrame(rows, columns=list(EFFECT_COLUMNS))
    frame["level"] = frame["level"].astype(str) if _mixed(frame["level"]) else frame["level"]
    return frame


def level_of(parameter: Parameter, values: pd.Series) -> pd.Series:
    """Each run's level of a parameter: its value, or the midpoint of its bin for a range."""
    if parameter.levels is not None:  # in the file's order, not sorted
        return pd.Series(pd.Categorical(values, categories=list(parameter.levels)), values.index)
    if values.nunique() <= MAX_LEVELS:
        return values
    low, high = parameter.bounds or (float(values.min()), float(values.max()))
    edges = np.linspace(low, high, BINS + 1)
    middles = np.round((edges[:-1] + edges[1:]) / 2, 12)  # 0.3, not 0.30000000000000004
    bins = pd.cut(values.astype(float), edges, labels=False, include_lowest=True)
    return pd.Series(middles[bins.to_numpy(dtype=int)], index=values.index)


def effect_spans(effects: pd.DataFrame) -> pd.DataFrame:
    """Per (outcome, parameter): the largest level mean minus the smallest, a first ranking."""
    spans = effects.groupby(["outcome", "parameter"], sort=False)["mean"].agg(
        lambda means: float(means.max() - means.min())
    )
    return spans.rename("span").reset_index()


def surface(swept: Swept, outcome: str) -> pd.DataFrame | None:
    """A two-parameter grid's point means as a table (rows: first, columns: second), or None."""
    if swept.design != "grid" or len(swept.parameters) != 2:
        return None
    first, second = swept.paths
    return swept.ok.pivot_table(index=first, columns=second, values=outcome, aggfunc="mean")


def _mixed(levels: pd.Series) -> bool:
    """Levels of different types (numbers and words) are kept as text in one column."""
    return len({type(level) for level in levels}) > 1
