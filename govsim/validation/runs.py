"""A validation run: the outcome tables of the scenarios the facts read, and how they were made.

Runs take long and documents are cheap, so a run can be kept on disk (one Parquet table per
scenario and ``run.json``) and the document rendered again from it, for instance after a source
is corrected; the record keeps the settings, date and commit of the runs themselves.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import govsim
from govsim.validation.outcomes import RunSettings, run_scenarios

RECORD_FILE = "run.json"
MAX_CHANGED_SHOWN = 10


class StaleRunsError(ValueError):
    """Kept runs that lack a scenario some fact reads (they predate the fact)."""


@dataclass(frozen=True, slots=True)
class RunRecord:
    """How the runs behind a document were made."""

    settings: RunSettings
    command: str
    date: str
    commit: str
    version: str
    wall_seconds: float


@dataclass(frozen=True, slots=True)
class ValidationRuns:
    """One outcome table per scenario (a row per replication), and the record of the runs."""

    tables: dict[str, pd.DataFrame]
    record: RunRecord


def run_all(
    scenarios: Iterable[str],
    settings: RunSettings,
    command: str,
    commit: str,
    report: Callable[[str], None] | None = None,
) -> ValidationRuns:
    """Run every scenario with the same settings and seeds, and record how."""
    start = time.perf_counter()
    tables = run_scenarios(scenarios, settings, report)
    record = RunRecord(
        settings=settings,
        command=command,
        date=datetime.datetime.now(datetime.UTC).date().isoformat(),
        commit=commit,
        version=govsim.__version__,
        wall_seconds=time.perf_counter() - start,
    )
    return ValidationRuns(tables, record)


def save(runs: ValidationRuns, directory: Path) -> None:
    """Keep the runs in ``directory``: ``<scenario>.parquet`` each, and ``run.json``."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, table in runs.tables.items():
        table.to_parquet(directory / f"{name}.parquet")
    record = {**dataclasses.asdict(runs.record), "scenarios": list(runs.tables)}
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    (directory / RECORD_FILE).write_text(text, encoding="utf-8")


def load(directory: Path) -> ValidationRuns:
    """Runs kept by :func:`save`."""
    path = directory / RECORD_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: keep a run there first with --save-runs")
    data = json.loads(path.read_text(encoding="utf-8"))
    names = data.pop("scenarios")
    settings = RunSettings(**data.pop("settings"))
    tables = {name: pd.read_parquet(directory / f"{name}.parquet") for name in names}
    return ValidationRuns(tables, RunRecord(settings=settings, **data))


def git_commit(root: Path, ignored: Path) -> str:
    """The checked-out commit, and the paths with uncommitted changes (except ``ignored``)."""
    try:
        head = _git(root, "rev-parse", "--short=12", "HEAD").strip()
        exclude = f":(top,exclude){ignored.relative_to(root).as_posix()}"
        status = _git(root, "status", "--porcelain", "--", ".", exclude)
    except (OSError, ValueError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    changed = [line[3:] for line in status.splitlines() if line.strip()]
    if not changed:
        return f"`{head}`"
    shown = ", ".join(f"`{path}`" for path in changed[:MAX_CHANGED_SHOWN])
    more = len(changed) - MAX_CHANGED_SHOWN
    return f"`{head}`, with uncommitted changes to {shown}" + (
        f" and {more} more" if more > 0 else ""
    )


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True
    ).stdout
