"""An analytic stand-in for a run, with known sensitivity indices, and sweeps of it.

``net_loss = 1000 * police + 1 * banks`` (capabilities in [0, 1]): the police's capability
explains all but a millionth of the variance (S1 and ST about 1), the banks' next to nothing;
Morris's mu* is the slope, 1000 and 1. ``arrests`` is 1 inside a planted box, 0 outside.
``cases_linked`` is 1 for strong police, and in a second box of weak police, strong banks.
``victims`` varies by replication only, and is the same at every point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from govsim.experiments import Sequential, load_experiment, sweep
from govsim.experiments.sweep import RunFunction
from govsim.runner import RunResult
from govsim.scenario import Scenario
from tests.experiments.builders import experiment_file

POLICE = "agencies.police.capability"
BANKS = "agencies.banks.capability"
SLOPES = {POLICE: 1000.0, BANKS: 1.0}
PLANTED = {POLICE: (0.6, 1.0), BANKS: (0.0, 0.4)}
"""The box where ``arrests`` is 1: strong police, weak banks; 0 elsewhere."""


def analytic_run(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """A run whose net loss is a known linear function of two capabilities."""
    police = scenario.agencies.police.capability
    banks = scenario.agencies.banks.capability
    empty = pd.DataFrame()
    summary = {
        "net_loss": SLOPES[POLICE] * police + SLOPES[BANKS] * banks,
        "victims": float(seed % 7),
        "arrests": float(police > PLANTED[POLICE][0] and banks < PLANTED[BANKS][1]),
        "cases_linked": float(police > 0.7 or (police < 0.3 and banks > 0.8)),
        "replication": replication,
        "seed": seed,
    }
    return RunResult(summary, empty, empty, empty, empty, empty)


def structure_run(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """The analytic run, with 500 yuan more net loss where there is no cooperation at all."""
    result = analytic_run(scenario, seed, replication)
    result.summary["net_loss"] += 500.0 * (scenario.cooperation.structure == "none")
    return result


def analytic_sweep(
    folder: Path, design: str, samples: int | None, run: RunFunction = analytic_run, **keys: Any
) -> Path:
    """Sweep the analytic run over both capabilities into ``folder/out``; return that folder."""
    ranges = {
        "levers": {POLICE: {"range": [0.0, 1.0]}},
        "uncertainties": {BANKS: {"range": [0.0, 1.0]}},
    }
    path = experiment_file(folder, design=design, samples=samples, **{**ranges, **keys})
    out = folder / "out"
    sweep(load_experiment(path), out, Sequential(), run=run)
    return out
