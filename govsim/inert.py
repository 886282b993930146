"""Inert parameters: numbers of a scenario that change nothing in its results.

A parameter that moves no result is read nowhere, read only on a path the scenario never
takes, or too weak to bind; each is worth knowing before a result is trusted to depend on it.
Every draw is keyed (common random numbers), so two runs on the same seeds differ only where
their parameters differ: an active parameter almost always changes some figure, and a summary
that stays bit-identical is a sharp sign of an inert one.

A value x is perturbed to the first of these candidates that the schema accepts: x * 1.5, then
(for a share in (0, 1]) x + 0.2 capped at 1 and x * 0.5, then x / 1.5 and x * 0.5; 0 becomes a
small positive value (0.1, 0.01, 1); an integer goes up by half (at least 1), else down by a
third (at least 1). A leaf the schema refuses every candidate for (a count fixed at 1, say) is
reported apart.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from govsim.runner import RunResults, run
from govsim.scenario.cautions import ScenarioWarning
from govsim.scenario.errors import ScenarioError
from govsim.scenario.messages import Message
from govsim.scenario.overrides import numeric_leaves, resolved_data, with_overrides
from govsim.scenario.schema import Scenario

ZERO_CANDIDATES = (0.1, 0.01, 1.0)


@dataclass
class InertReport:
    """What perturbing each numeric leaf did to the summary."""

    scenario: str
    residents: int
    days: int
    replications: int
    seed: int
    leaves: int = 0
    inert: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    perturbations: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Old and new value of every leaf perturbed."""
    unperturbable: dict[str, str] = field(default_factory=dict)
    """Leaves the schema accepted no candidate for, with its last objection."""
    failed: dict[str, str] = field(default_factory=dict)
    """Leaves whose perturbed run raised, with the error."""


@dataclass(frozen=True, slots=True)
class Perturbation:
    """One leaf moved: the scenario with the new value, and the old and new values."""

    path: str
    old: float
    new: float
    scenario: Scenario


def candidates(value: float, integer: bool) -> list[float | int]:
    """Perturbed values to try, in order of preference, all different from ``value``."""
    if integer:
        up = max(round(value * 1.5), int(value) + 1)
        down = min(round(value / 1.5), int(value) - 1)
        options: list[float | int] = [up, down]
    elif value == 0:
        options = list(ZERO_CANDIDATES)
    else:
        options = [value * 1.5]
        if 0 < value <= 1:
            options += [min(value + 0.2, 1.0), value * 0.5]
        options += [value / 1.5, value * 0.5]
    return [option for option in dict.fromkeys(options) if option != value]


def perturbed(scenario: Scenario, path: str, value: float, integer: bool) -> tuple[Scenario, Any]:
    """Return the scenario with one leaf perturbed to the first accepted candidate, and it.

    Raises:
        ScenarioError: the schema's objection to the last candidate, if it accepted none.
    """
    objection: ScenarioError | None = None
    for option in candidates(value, integer):
        try:
            # A perturbed leaf may trip a caution (one age share moved: the shares no longer
            # sum to 1); that is the perturbation, not news for whoever runs the check.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ScenarioWarning)
                return with_overrides(scenario, settings={path: option}), option
        except ScenarioError as error:
            objection = error
    raise objection or ScenarioError.single(None, None, path, Message("no_candidate"))


def perturb(scenario: Scenario, path: str) -> Perturbation:
    """Perturb the numeric leaf at ``path`` (a key of ``numeric_leaves``) by the usual rule.

    Raises:
        ScenarioError: if the schema accepts no candidate value.
        KeyError: if ``path`` is not a numeric leaf of the scenario.
    """
    value = numeric_leaves(scenario)[path]
    integer = isinstance(value_at(resolved_data(scenario), path), int)
    variant, new = perturbed(scenario, path, value, integer)
    return Perturbation(path, value, float(new), variant)


def numeric_summary(results: RunResults) -> pd.DataFrame:
    """The numeric columns of the summary, in replication order."""
    summary = results.summary.sort_values("replication").reset_index(drop=True)
    return summary.select_dtypes("number")


def summarise(
    scenario: Scenario, *, replications: int = 1, seed: int = 2026, workers: int = 1
) -> pd.DataFrame:
    """Run the scenario and return its numeric summary (what inertness is judged on)."""
    results = run(scenario, replications=replications, seed=seed, workers=workers)
    return numeric_summary(results)


def identical(base: pd.DataFrame, other: pd.DataFrame) -> bool:
    """Whether two numeric summaries have the same columns and bit-identical values."""
    if list(base.columns) != list(other.columns) or base.shape != other.shape:
        return False
    return all(
        np.array_equal(base[name].to_numpy(), other[name].to_numpy(), equal_nan=True)
        for name in base.columns
    )


def find_inert(
    scenario: Scenario,
    *,
    replications: int = 3,
    seed: int = 2026,
    workers: int = 2,
    progress: Callable[[str], None] | None = None,
) -> InertReport:
    """Perturb each numeric leaf of a scenario in turn and report those that change nothing.

    Args:
        scenario: The scenario, already at the size and horizon wanted.
        replications: Replications of each run (the same seeds for every run).
        seed: Master seed.
        workers: Worker processes for each run.
        progress: Called with one line per leaf.
    """
    report = InertReport(scenario.name, scenario.population.size, scenario.days, replications, seed)

    def summary(variant: Scenario) -> pd.DataFrame:
        return summarise(variant, replications=replications, seed=seed, workers=workers)

    base = summary(scenario)
    leaves = list(numeric_leaves(scenario))
    report.leaves = len(leaves)
    for number, path in enumerate(leaves, start=1):
        prefix = f"[{number}/{len(leaves)}] {path}"
        try:
            change = perturb(scenario, path)
        except ScenarioError as error:
            report.unperturbable[path] = str(error)
            _say(progress, f"{prefix}: not perturbed ({error.problems[-1].message})")
            continue
        report.perturbations[path] = (change.old, change.new)
        moved = f"{prefix} {change.old:g} -> {change.new:g}"
        try:
            same = identical(base, summary(change.scenario))
        except Exception as error:  # a crash is a finding too: report it and go on
            report.failed[path] = f"{type(error).__name__}: {error}"
            _say(progress, f"{moved}: FAILED {type(error).__name__}")
            continue
        (report.inert if same else report.changed).append(path)
        _say(progress, f"{moved}: {'INERT' if same else 'changed'}")
    return report


def value_at(data: Any, path: str) -> Any:
    """Return the value at a dotted key path of resolved scenario data (list items by index)."""
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def _say(progress: Callable[[str], None] | None, line: str) -> None:
    if progress is not None:
        progress(line)
