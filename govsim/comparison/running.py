"""Running a comparison: every scenario with the same replication seeds, then the tables.

The master seed is the one given, or else the reference's (the first scenario's): each
scenario file has its own ``seed``, and running each with its own would lose the pairing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from govsim.comparison.frames import (
    between_frame,
    comparison_frame,
    cost_effectiveness_frame,
    differences_frame,
)
from govsim.comparison.wording import word
from govsim.runner import RunResults, run_together
from govsim.scenario.schema import Scenario
from govsim.worded import WordedError

if TYPE_CHECKING:
    from govsim.comparison.precision import Precision

DEFAULT_REPLICATIONS = 30
"""Paired replications per scenario unless asked otherwise; the report calls fewer "few"."""


@dataclass(frozen=True, slots=True)
class Override:
    """A value the command line set for a run in place of the scenario file's."""

    scenario: str
    key: str
    """The key path, as ``govsim show`` names it."""
    written: object
    """The value the file (with what it extends and the defaults) gives."""
    run: object
    """The value the run used."""
    option: str
    """The option that set it: ``--residents``, ``--days`` or ``--set``."""


@dataclass
class Comparison:
    """Paired runs of several scenarios (the first is the reference) and their tables."""

    runs: list[RunResults]
    wall: float
    """Seconds for all the runs: the scenarios run together, interleaved on the same workers."""
    outcomes: pd.DataFrame
    differences: pd.DataFrame
    cost_effectiveness: pd.DataFrame
    between: pd.DataFrame = field(default_factory=pd.DataFrame)
    """With three scenarios or more: every pair of the others, paired (``between_frame``)."""
    precision: Precision | None = None
    """Set by ``--precision``: the target, and whether it was reached or the cap stopped it."""
    overrides: tuple[Override, ...] = ()
    """Values the command line set in place of the files' (the descriptions are the files')."""

    @property
    def reference(self) -> RunResults:
        """The run every other scenario is compared with."""
        return self.runs[0]

    @property
    def seed(self) -> int:
        """The master seed every scenario was run with."""
        return self.reference.scenario.seed

    @property
    def replications(self) -> int:
        """Paired replications per scenario."""
        return len(self.reference.seeds)


def compare(
    scenarios: Sequence[Scenario],
    replications: int = DEFAULT_REPLICATIONS,
    seed: int | None = None,
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
) -> Comparison:
    """Run every scenario with the same seeds and compare each with the first.

    Args:
        scenarios: two or more validated scenarios with distinct names; the first is the
            reference.
        replications: paired replications per scenario.
        seed: master seed (default: the reference's ``seed``).
        workers: worker processes, for the replications of all scenarios together.
        progress: called with the replications finished, over all scenarios together.

    Raises:
        ComparisonError: with fewer than two scenarios, two of the same name (their results
            would share a folder and their rows a label), or a name unfit for a folder.
    """
    check_scenarios(scenarios)
    master = scenarios[0].seed if seed is None else seed
    started = time.perf_counter()
    runs = run_together(scenarios, replications, master, workers, progress)
    return tables_of(runs, time.perf_counter() - started)


def tables_of(runs: list[RunResults], wall: float = 0.0) -> Comparison:
    """The comparison of runs already made (the first is the reference), and its wall time."""
    return Comparison(
        runs,
        wall,
        comparison_frame(runs),
        differences_frame(runs),
        cost_effectiveness_frame(runs),
        between_frame(runs),
    )


RESERVED = frozenset(
    {
        "comparison.parquet",
        "differences.parquet",
        "differences_between.parquet",
        "cost_effectiveness.parquet",
        "comparison.json",
        "report.html",
    }
)
"""The comparison's own files, beside which each scenario's run gets a folder of its name."""


class ComparisonError(WordedError):
    """Scenarios or settings that cannot be compared; the message says why and what to do."""

    phrases = staticmethod(word)


def check_scenarios(scenarios: Sequence[Scenario]) -> None:
    """Refuse what cannot be compared: one scenario, two under one name, or a reserved name.

    Each run is written in a folder named after its scenario, inside the results folder: a
    name must not be one of the comparison's own files. (A name that is no folder's name, a
    path out of the results folder say, is refused when the scenario is loaded.)

    Raises:
        ComparisonError: naming the problem and the fix.
    """
    if len(scenarios) < 2:
        raise ComparisonError("needs_two")
    names = [scenario.name for scenario in scenarios]
    for name in names:
        if name in RESERVED:
            raise ComparisonError("reserved_name", name=name)
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ComparisonError("same_name", names=", ".join(repeated))


class ProgressAcross:
    """Progress over several runs in turn: each run counts on from where the last one ended.

    ``start`` is what was finished before (replications of earlier batches).
    """

    def __init__(self, progress: Callable[[float], None] | None, start: float = 0.0) -> None:
        self.progress = progress
        self.finished = start
        self.current = 0.0

    def next_run(self) -> Callable[[float], None] | None:
        """The callback for the next run (None when nobody is watching)."""
        if self.progress is None:
            return None
        self.finished += self.current
        self.current = 0.0
        return self._report

    def _report(self, done: float) -> None:
        self.current = done
        if self.progress is not None:
            self.progress(self.finished + done)
