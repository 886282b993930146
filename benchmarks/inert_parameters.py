"""Find inert parameters: numbers of a scenario that change nothing in its results.

Runs the base scenario, then, for every numeric leaf of the resolved scenario (see
``govsim.scenario.overrides.numeric_leaves``), a copy with that one value perturbed, on the
same replication seeds. A leaf whose summary (every numeric column, every replication) is
bit-identical to the base is inert at this size and horizon: not read by the model, read only
on a path this scenario never takes, or too weak to move any count. Under common random
numbers an active parameter almost always changes some figure.

A value x is perturbed to the first of these candidates that the schema accepts: x * 1.5, then
(for a share in (0, 1]) x + 0.2 capped at 1 and x * 0.5, then x / 1.5 and x * 0.5; 0 becomes a
small positive value (0.1, 0.01, 1); an integer goes up by half (at least 1), else down by a
third (at least 1). A leaf the schema refuses every candidate for (shares that must sum to 1,
say) is listed apart. Prints the list and the count; asserts nothing.

Usage: python benchmarks/inert_parameters.py [scenario.yaml] [--residents 20000] [--days 365]
       [--replications 3] [--seed 2026] [--workers 2] [--json inert.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import govsim
from govsim.scenario import Scenario, ScenarioError
from govsim.scenario.overrides import numeric_leaves, resolved_data, with_overrides

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIO = ROOT / "scenarios" / "multi_party_hub.yaml"
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
            return with_overrides(scenario, settings={path: option}), option
        except ScenarioError as error:
            objection = error
    raise objection or ScenarioError.single(None, None, path, "no candidate value")


def numeric_summary(results: govsim.RunResults) -> pd.DataFrame:
    """The numeric columns of the summary, in replication order."""
    summary = results.summary.sort_values("replication").reset_index(drop=True)
    return summary.select_dtypes("number")


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

    def run(variant: Scenario) -> pd.DataFrame:
        results = govsim.run(variant, replications=replications, seed=seed, workers=workers)
        return numeric_summary(results)

    base = run(scenario)
    data = resolved_data(scenario)
    leaves = numeric_leaves(scenario)
    report.leaves = len(leaves)
    for number, (path, value) in enumerate(leaves.items(), start=1):
        integer = isinstance(value_at(data, path), int)
        prefix = f"[{number}/{len(leaves)}] {path}"
        try:
            variant, new = perturbed(scenario, path, value, integer)
        except ScenarioError as error:
            report.unperturbable[path] = str(error)
            _say(progress, f"{prefix}: not perturbed ({error.problems[-1].message})")
            continue
        report.perturbations[path] = (value, new)
        try:
            same = identical(base, run(variant))
        except Exception as error:  # a crash is a finding too: report it and go on
            report.failed[path] = f"{type(error).__name__}: {error}"
            _say(progress, f"{prefix} {value:g} -> {new:g}: FAILED {type(error).__name__}")
            continue
        (report.inert if same else report.changed).append(path)
        _say(progress, f"{prefix} {value:g} -> {new:g}: {'INERT' if same else 'changed'}")
    return report


def value_at(data: Any, path: str) -> Any:
    """Return the value at a dotted key path of resolved scenario data (list items by index)."""
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def _say(progress: Callable[[str], None] | None, line: str) -> None:
    if progress is not None:
        progress(line)


def print_report(report: InertReport, seconds: float) -> None:
    """Print the inert leaves with their perturbation, and the counts."""
    print(
        f"{report.scenario}: {report.residents:,} residents x {report.days} days, "
        f"{report.replications} replications, seed {report.seed}, {seconds:.0f} s"
    )
    print(
        f"{report.leaves} numeric leaves: {len(report.changed)} changed the summary, "
        f"{len(report.inert)} inert, {len(report.unperturbable)} not perturbable, "
        f"{len(report.failed)} failed"
    )
    print()
    print(f"Inert ({len(report.inert)}): summary bit-identical to the base")
    for path in report.inert:
        old, new = report.perturbations[path]
        print(f"  {path}  ({old:g} -> {new:g})")
    if report.unperturbable:
        print()
        print(f"Not perturbable ({len(report.unperturbable)}): the schema refused every candidate")
        for path, reason in report.unperturbable.items():
            print(f"  {path}  ({reason.splitlines()[-1]})")
    if report.failed:
        print()
        print(f"Failed ({len(report.failed)}): the perturbed run raised")
        for path, reason in report.failed.items():
            print(f"  {path}  ({reason})")


def main() -> None:
    """Parse the options, scan the scenario and print (and optionally save) the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", type=Path, default=DEFAULT_SCENARIO)
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    parser.add_argument("--quiet", action="store_true", help="no progress line per leaf")
    args = parser.parse_args()
    scenario = with_overrides(
        govsim.load_scenario(args.scenario), days=args.days, residents=args.residents
    )
    started = time.perf_counter()

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    report = find_inert(
        scenario,
        replications=args.replications,
        seed=args.seed,
        workers=args.workers,
        progress=None if args.quiet else progress,
    )
    print_report(report, time.perf_counter() - started)
    if args.json is not None:
        args.json.write_text(json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
