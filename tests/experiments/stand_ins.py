"""Stand-ins for one run, importable by spawned workers: failing runs, a dying worker, a nap."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pandas as pd

from govsim.runner import RunResult, run_once
from govsim.scenario import Scenario

FAILING_LINK = 0.8
"""Runs of points with this police-bank level raise."""


def run_failing_at_strong_link(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """Raise for strong police-bank links, otherwise run as usual."""
    if scenario.cooperation.links.get("police-bank") == FAILING_LINK:
        raise RuntimeError("planted failure")
    return run_once(scenario, seed, replication)


BROKEN_WHILE = "GOVSIM_TEST_BROKEN_WHILE"
"""An environment variable naming a file: while the file exists, strong links fail."""


def run_failing_while_broken(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """Fail as :func:`run_failing_at_strong_link` while a file exists: a bug, until fixed.

    The file is named in the environment, which spawned workers inherit.
    """
    if Path(os.environ[BROKEN_WHILE]).exists():
        return run_failing_at_strong_link(scenario, seed, replication)
    return run_once(scenario, seed, replication)


def square_or_die_once(task: tuple[int, str]) -> int:
    """Square a number; the task for 3 kills its worker the first time (a marker file says so)."""
    number, marker = task
    if number == 3 and not Path(marker).exists():
        Path(marker).touch()
        os._exit(9)
    return number * number


def always_die(task: int) -> int:
    """Kill the worker, every time."""
    os._exit(9)


def nap(seconds: float) -> tuple[float, float]:
    """Sleep; return when the nap began and ended (wall clock, comparable across processes)."""
    began = time.time()
    time.sleep(seconds)
    return began, time.time()


MARKERS = "GOVSIM_TEST_MARKERS"
"""An environment variable naming a folder: a stand-in leaves a file there for each worker it
killed, so that it kills it only once (spawned workers inherit the environment)."""
ROWS_IN = "GOVSIM_TEST_ROWS_IN"
"""An environment variable naming a sweep's results folder, which a stand-in reads as it runs."""
ROWS_WAIT_SECONDS = 20.0
"""How long :func:`run_waiting_for_the_others` waits for the other runs to be on disk."""


def summary_only(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """A run that simulates nothing: a summary from the seed and the police-bank link, at once."""
    link = scenario.cooperation.links.get("police-bank", 0.0)
    summary = {"victims": seed % 1000 + replication, "net_loss": round(link * 1000.0, 6)}
    nothing = pd.DataFrame()
    return RunResult(summary, nothing, nothing, nothing, nothing, nothing)


def run_killing_odd_links_once(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """:func:`summary_only`; at an odd hundredth of police-bank link, kill the worker first, once.

    The first time only: a marker file in the folder :data:`MARKERS` names says it was done.
    """
    hundredths = round(scenario.cooperation.links.get("police-bank", 0.0) * 100)
    if hundredths % 2:
        _die_once(Path(os.environ[MARKERS]) / f"link-{hundredths}")
    return summary_only(scenario, seed, replication)


def square_killing_odd_once(task: tuple[int, str]) -> int:
    """Square a number; an odd one kills its worker the first time (a marker file per number)."""
    number, folder = task
    if number % 2:
        _die_once(Path(folder) / str(number))
    return number * number


def square_unless_negative(number: int) -> int:
    """Square a number; a negative one kills its worker, every time."""
    if number < 0:
        os._exit(9)
    return number * number


def _die_once(marker: Path) -> None:
    if not marker.exists():
        marker.touch()
        os._exit(1)


def run_waiting_for_the_others(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """:func:`summary_only`; the run at :data:`FAILING_LINK` first waits for the others' rows.

    It raises if they are not on disk within :data:`ROWS_WAIT_SECONDS`: the sweep held runs
    that had finished in memory while this one went on. Meant for a sweep with one such run.
    """
    if scenario.cooperation.links.get("police-bank", 0.0) == FAILING_LINK:
        _wait_for_the_others(Path(os.environ[ROWS_IN]))
    return summary_only(scenario, seed, replication)


def _wait_for_the_others(folder: Path) -> None:
    others = json.loads((folder / "sweep.json").read_text(encoding="utf-8"))["runs"] - 1
    deadline = time.monotonic() + ROWS_WAIT_SECONDS
    while _rows_written(folder) < others:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the other {others} runs were not written while this one ran")
        time.sleep(0.05)


def _rows_written(folder: Path) -> int:
    return sum(len(pd.read_parquet(part)) for part in (folder / "runs").glob("part-*.parquet"))
