"""Patient rule induction (PRIM): peel a box of inputs toward where a condition holds.

Friedman and Fisher's (1999) peeling, as scenario discovery uses it (Bryant and Lempert 2010;
the EMA Workbench). Written here rather than imported: the ``prim`` package is GPL-3, and the
algorithm is a page of numpy.

A box starts as every run left. Each step tries to cut off, along one parameter, the runs
below its ``PEEL_ALPHA`` quantile or above its ``1 - PEEL_ALPHA`` quantile (for a parameter in
words, one level), and takes the cut with the largest gain in density per run removed (the
Workbench's default "lenient" objective, which copes with ties and levels). It stops when no
cut raises the density or the box would hold less than ``MASS_MIN`` of all runs. Then the
last box is pasted: along each parameter it restricts, the nearest ``PASTE_ALPHA`` of the runs
just outside a bound (for words, one level left out) are taken back while that raises the
density. The steps, peeled and pasted, form the trajectory from which the caller chooses a box.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

PEEL_ALPHA = 0.05
"""Share of a box's runs one cut removes along a numeric parameter."""
PASTE_ALPHA = 0.05
"""Share of the runs just outside a bound that one paste takes back."""
MASS_MIN = 0.05
"""Smallest share of all runs a box may hold."""

Limit = tuple[float, float] | tuple[str, ...]


@dataclass(frozen=True)
class Trajectory:
    """The boxes of one peeling, from the whole set of runs left to the last cut.

    Attributes:
        steps: Per step, ``coverage`` (cases in the box over all cases, earlier boxes'
            included), ``density`` (cases over runs in the box), ``mass`` (runs in the box
            over all runs) and ``restricted`` (parameters the box restricts).
        limits: Per step, the limits of the parameters it restricts: ``(low, high)`` for
            numbers, the levels kept for words.
        members: Per step, which of all the runs are in the box.
    """

    steps: pd.DataFrame
    limits: list[dict[str, Limit]]
    members: list[np.ndarray]


def _peeled_by_quantiles(column: pd.Series) -> bool:
    """Numbers are peeled by quantiles; words and true/false by levels.

    pandas counts booleans as numeric, but a box over ``enabled`` reading ``[0.5, 1]`` would say
    in numbers what is a choice: it keeps ``True``.
    """
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def peel(x: pd.DataFrame, holds: np.ndarray, left: np.ndarray) -> Trajectory:
    """Peel the runs marked in ``left`` (those not in an earlier box) toward ``holds``.

    ``x`` holds every run's parameters: numeric columns are peeled by quantiles, others by
    levels. Coverage and mass are over all runs, as scenario discovery reports them.
    """
    total_runs, total_cases = len(holds), max(int(holds.sum()), 1)
    numeric = {name: _peeled_by_quantiles(x[name]) for name in x.columns}
    values = {
        name: x[name].to_numpy(float) if numeric[name] else x[name].astype(str).to_numpy()
        for name in x.columns
    }
    full = {name: _span(values[name][left], numeric[name]) for name in x.columns}
    bounds = dict(full)
    inside = left.copy()
    rows: list[dict[str, float]] = []
    limits: list[dict[str, Limit]] = []
    members: list[np.ndarray] = []

    def record() -> None:
        restricted = {name: bound for name, bound in bounds.items() if bound != full[name]}
        cases = int(holds[inside].sum())
        rows.append(
            {
                "coverage": cases / total_cases,
                "density": cases / max(int(inside.sum()), 1),
                "mass": inside.sum() / total_runs,
                "restricted": len(restricted),
            }
        )
        limits.append(restricted)
        members.append(inside)

    record()
    fewest = MASS_MIN * total_runs
    while (cut := _best_cut(values, numeric, holds, inside, bounds, full, fewest)) is not None:
        name, bound, inside = cut
        bounds = {**bounds, name: bound}
        record()
    while (paste := _best_paste(values, numeric, holds, left, inside, bounds, full)) is not None:
        name, bound, inside = paste
        bounds = {**bounds, name: bound}
        record()
    return Trajectory(pd.DataFrame(rows), limits, members)


def _span(column: np.ndarray, numeric: bool) -> Limit:
    if numeric:
        return float(column.min()), float(column.max())
    return tuple(sorted(set(column.tolist())))


def _best_cut(
    values: dict[str, np.ndarray],
    numeric: dict[str, bool],
    holds: np.ndarray,
    inside: np.ndarray,
    bounds: dict[str, Limit],
    full: dict[str, Limit],
    fewest: float,
) -> tuple[str, Limit, np.ndarray] | None:
    """The cut with the largest gain in density per run removed, if any raises the density.

    Between equal gains, a cut along a parameter the box already restricts wins (as in the
    Workbench): a box that restricts fewer parameters says the same more simply.
    """
    runs = int(inside.sum())
    density = holds[inside].mean()
    best: tuple[tuple[float, bool], str, Limit, np.ndarray] | None = None
    for name, column in values.items():
        cuts = _numeric_cuts if numeric[name] else _level_cuts
        already = bounds[name] != full[name]
        for bound, kept in cuts(column, inside, bounds[name]):
            remaining = int(kept.sum())
            if remaining < fewest or remaining == runs:
                continue
            score = ((holds[kept].mean() - density) / (runs - remaining), already)
            if score[0] > 0 and (best is None or score > best[0]):
                best = (score, name, bound, kept)
    return None if best is None else best[1:]


def _best_paste(
    values: dict[str, np.ndarray],
    numeric: dict[str, bool],
    holds: np.ndarray,
    left: np.ndarray,
    inside: np.ndarray,
    bounds: dict[str, Limit],
    full: dict[str, Limit],
) -> tuple[str, Limit, np.ndarray] | None:
    """The paste with the largest gain in density per run taken back, if any raises it."""
    runs = int(inside.sum())
    density = holds[inside].mean()
    best: tuple[float, str, Limit, np.ndarray] | None = None
    for name, bound in bounds.items():
        if bound == full[name]:
            continue
        others = left & _within(values, bounds, skip=name)
        pastes = _numeric_pastes if numeric[name] else _level_pastes
        for wider, kept in pastes(values[name], others, bound, full[name]):
            added = int(kept.sum()) - runs
            if added <= 0:
                continue
            gain = (holds[kept].mean() - density) / added
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, name, wider, kept)
    return None if best is None else best[1:]


def _within(values: dict[str, np.ndarray], bounds: dict[str, Limit], skip: str) -> np.ndarray:
    """Which runs lie within the box on every parameter but ``skip``."""
    some = next(iter(values.values()))
    mask = np.ones(len(some), dtype=bool)
    for name, bound in bounds.items():
        if name == skip:
            continue
        column = values[name]
        if isinstance(bound[0], str):
            mask &= np.isin(column, bound)
        else:
            mask &= (column >= bound[0]) & (column <= bound[1])
    return mask


def _numeric_pastes(column: np.ndarray, others: np.ndarray, bound: Limit, full: Limit):
    """The box with its lower and, apart, its upper bound moved out over the nearest runs."""
    low, high = bound
    below = np.sort(column[others & (column < low)])
    if below.size:
        wider = _cut_point(below, 1.0 - PASTE_ALPHA) if below.size > 1 else full[0]
        yield (wider, high), others & (column >= wider) & (column <= high)
    above = np.sort(column[others & (column > high)])
    if above.size:
        wider = _cut_point(above, PASTE_ALPHA) if above.size > 1 else full[1]
        yield (low, wider), others & (column >= low) & (column <= wider)


def _level_pastes(column: np.ndarray, others: np.ndarray, bound: Limit, full: Limit):
    """The box with each level it left out taken back in turn."""
    for level in full:
        if level not in bound:
            wider = tuple(kept for kept in full if kept in bound or kept == level)
            yield wider, others & np.isin(column, wider)


def _numeric_cuts(column: np.ndarray, inside: np.ndarray, bound: Limit):
    """The box with its lowest and, apart, its highest ``PEEL_ALPHA`` of runs cut off."""
    low, high = bound
    data = np.sort(column[inside])
    if data[0] == data[-1]:
        return
    lower = _cut_point(data, PEEL_ALPHA)
    yield (lower, high), inside & (column >= lower)
    upper = _cut_point(data, 1.0 - PEEL_ALPHA)
    yield (low, upper), inside & (column <= upper)


def _cut_point(data: np.ndarray, quantile: float) -> float:
    """A bound at the quantile, midway between two distinct values so that a cut removes runs.

    Ties at the quantile are stepped over away from the cut side (as the Workbench does), so
    a cut never falls inside a block of equal values.
    """
    position = (len(data) - 1) * quantile
    below, above = int(np.floor(position)), int(np.ceil(position))
    if quantile > 0.5:
        while data[below] == data[above] and below > 0:
            below -= 1
    else:
        while data[below] == data[above] and above < len(data) - 1:
            above += 1
    return float((data[below] + data[above]) / 2)


def _level_cuts(column: np.ndarray, inside: np.ndarray, bound: Limit):
    """The box without each of its levels in turn (while two or more are left)."""
    present = sorted(set(column[inside].tolist()))
    if len(present) < 2:
        return
    for level in present:
        yield tuple(kept for kept in bound if kept != level), inside & (column != level)
