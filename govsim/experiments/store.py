"""The results folder of a sweep: what the experiment was, and each run as it finished.

Runs are kept in small Parquet part files under ``runs/``, one per batch of finished runs
(its ok runs and its failed runs apart), each written atomically and numbered in the order
written, so the parts on disk are themselves the ledger of what is done: a run is finished
exactly when a part holds an ok record of it. A sweep killed at any instant leaves whole parts
only; rerun, it skips the runs they hold, runs again those recorded as failed, and runs the
rest, so no finished run is lost or run twice. A retry adds a part and rewrites none: readers
take each run's standing record (:mod:`govsim.experiments.ledger`). The folder
also keeps the experiment as given, the resolved base scenario, the points, and ``sweep.json``
(the manifest: the experiment's fingerprint, the run count, what is done), which refuses to mix
the results of a changed experiment into old ones.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from govsim.experiments.experiment import Experiment
from govsim.experiments.ledger import Ledger, standing
from govsim.experiments.points import POINTS, read_points, write_points
from govsim.results import _atomic_parquet, _atomic_text, current_umask
from govsim.scenario.loading import dump_scenario
from govsim.scenario.messages import Message
from govsim.versions import differing, listed, versions
from govsim.worded import MessageError

MANIFEST = "sweep.json"
RUNS = "runs"
LOCK = ".lock"
EXPERIMENT_COPY = "experiment.yaml"
"""The sweep's copy of its experiment file, as the sweep ran it."""
RESOLVED = "scenario.resolved.yaml"
SET_UP = (EXPERIMENT_COPY, RESOLVED, POINTS, MANIFEST)
"""What a sweep writes into its folder after the lock and ``runs/``, ``sweep.json`` last."""
IDS = ("run", "point", "replication", "seed", "status")
"""The columns every run has, in front of the parameters and the outcomes."""
STATUSES = ("ok", "failed")
PART_NUMBER = re.compile(r"part-(\d+)-")
"""A part's number, in the order parts were written: the newest failed record is the latest."""


class SweepFolderError(MessageError, ValueError):
    """The folder cannot take this sweep's results; the message says why and what to do.

    Raised with a :class:`~govsim.scenario.messages.Message`, so that the command line can
    say it in the language chosen (``render``); ``str()`` is the English.
    """


class Store:
    """A sweep's results folder, open for one sweep at a time (a lock guards it)."""

    def __init__(self, folder: Path, experiment: Experiment, lock: IO[str]) -> None:
        self.folder = folder
        self.experiment = experiment
        self._lock = lock
        self._ledger = _read_ledger(folder)

    @classmethod
    def open(cls, folder: Path, experiment: Experiment, restart: bool = False) -> Store:
        """Open (or create) the folder for this experiment, ready to resume.

        Args:
            folder: The results folder.
            experiment: The validated experiment.
            restart: Discard results of another experiment (or an edited one) found there.

        A folder that a sweep stopped while setting up left (no ``sweep.json`` yet, no run)
        is taken as empty (:func:`set_up_cut_short`).

        Raises:
            SweepFolderError: if the folder holds other files, results of a different
                experiment (without ``restart``), or another sweep is writing into it.
        """
        _check_folder(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            lock = _locked(folder)
        except OSError as error:
            reason = error.strerror or str(error)
            message = Message("sweep_out_unwritable", folder=folder, reason=reason)
            raise SweepFolderError(message) from None
        try:
            _claim(folder, experiment, restart)
        except BaseException:
            lock.close()
            raise
        store = cls(folder, experiment, lock)
        store.write_manifest()
        return store

    def close(self) -> None:
        """Release the folder for the next sweep."""
        self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def recorded(self) -> Ledger:
        """The runs recorded so far: finished, or failed on every try (a copy, to plan with)."""
        return self._ledger.copy()

    def append(self, rows: list[dict[str, Any]]) -> None:
        """Record runs that ended, atomically, then update the manifest.

        The ok runs and the failed runs go to parts of their own: a failed run has no outcomes,
        and beside it an ok run's whole-number outcomes would be read back as floats, where
        the same runs never failed read back as integers.
        """
        for status in STATUSES:
            if same := [row for row in rows if row["status"] == status]:
                _atomic_parquet(pd.DataFrame(same), self.folder / RUNS / _next_part(self.folder))
        if rows:
            self._ledger.add((row["run"], row["status"]) for row in rows)
            self.write_manifest()

    def write_manifest(self) -> None:
        """Rewrite ``sweep.json``: the experiment's fingerprint and how far the sweep is."""
        experiment = self.experiment
        record = {
            **versions(),
            "experiment": experiment.name,
            "fingerprint": experiment.fingerprint(),
            "design": experiment.spec.design,
            "levers": experiment.levers,
            "uncertainties": experiment.uncertainties,
            "levels": {p.path: list(p.levels) for p in experiment.parameters if p.levels},
            "outcomes": experiment.spec.outcomes,
            "points": len(experiment.points),
            "replications": len(experiment.seeds),
            "seed": experiment.spec.seed,
            "seeds": list(experiment.seeds),
            "runs": experiment.runs,
            "runs_done": self._ledger.runs,
            "runs_failed": len(self._ledger.failed),
        }
        text = json.dumps(record, indent=2, ensure_ascii=False, default=str)
        _atomic_text(text, self.folder / MANIFEST)


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise SweepFolderError(Message("sweep_out_is_a_file", folder=folder))
    if (
        folder.is_dir()
        and any(folder.iterdir())
        and not (folder / MANIFEST).is_file()
        and not set_up_cut_short(folder)
    ):
        raise SweepFolderError(Message("sweep_out_not_a_sweep", folder=folder))


def set_up_cut_short(folder: Path) -> bool:
    """Whether the folder holds what a sweep stopped while setting it up left, and nothing else.

    A sweep takes the lock (``.lock``) and makes ``runs/`` before it writes anything else, and
    records no run before ``sweep.json``. A sweep stopped in between (a crash, a kill) leaves
    the lock, an empty ``runs/``, and some of :data:`SET_UP` or govsim's temporary files of
    them: the next sweep writes them again. A folder with anything else in it, or a run, may
    hold someone's work and is refused, never cleared.
    """
    entries = {entry.name: entry for entry in folder.iterdir()}
    if LOCK not in entries or not all(map(_written_in_set_up, entries)):
        return False
    runs = entries.get(RUNS)
    if runs is None:  # stopped between the lock and runs/
        return set(entries) == {LOCK}
    return runs.is_dir() and not any(runs.iterdir())


def _written_in_set_up(name: str) -> bool:
    """Whether a name is one a sweep's set-up writes: its files, or their temporary copies."""
    if name in (LOCK, RUNS, *SET_UP):
        return True
    return any(name.startswith(f".{written}.") for written in SET_UP)


def _locked(folder: Path) -> IO[str]:
    """Hold an exclusive lock on the folder: two sweeps writing one ledger would run twice."""
    handle = open(folder / LOCK, "a", encoding="utf-8")  # noqa: SIM115 (held until close)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise SweepFolderError(Message("sweep_out_busy", folder=folder)) from None
    return handle


def _claim(folder: Path, experiment: Experiment, restart: bool) -> None:
    """Make the folder this experiment's: check an old manifest, then write the descriptions."""
    manifest = folder / MANIFEST
    if manifest.is_file():
        old = json.loads(manifest.read_text(encoding="utf-8"))
        changed = old.get("fingerprint") != experiment.fingerprint()
        other_code = differing(old)
        if restart and (changed or other_code):
            shutil.rmtree(folder / RUNS, ignore_errors=True)
            _drop_analysis(folder)
        elif other_code:
            raise SweepFolderError(
                Message("sweep_out_other_versions", folder=folder, versions=listed(other_code))
            )
        elif changed:
            if adds_replications(old, experiment):
                _drop_analysis(folder)
            else:
                raise SweepFolderError(
                    Message(
                        "sweep_out_other_experiment",
                        folder=folder,
                        experiment=old.get("experiment"),
                        old=old.get("fingerprint"),
                        new=experiment.fingerprint(),
                    )
                )
    (folder / RUNS).mkdir(mode=0o777 & ~current_umask(), exist_ok=True)
    renumber_runs(folder, len(experiment.seeds))
    _atomic_text(Path(experiment.file).read_text(encoding="utf-8"), folder / EXPERIMENT_COPY)
    _atomic_text(dump_scenario(experiment.scenario), folder / RESOLVED)
    write_points(experiment, folder)


def _drop_analysis(folder: Path) -> None:
    """Remove the sweep's own analysis when its runs change: it would describe runs gone.

    Only the two files ``govsim analyze`` writes into ``DIR/analysis/``; the folder goes too
    if nothing else is in it.
    """
    from govsim.experiments.analysis import files  # the analysis reads this module's results

    analysis = folder / files.FOLDER
    for name in (files.TABLE, files.REPORT):
        (analysis / name).unlink(missing_ok=True)
    if analysis.is_dir() and not any(analysis.iterdir()):
        analysis.rmdir()


def adds_replications(manifest: dict[str, Any], experiment: Experiment) -> bool:
    """Whether the folder's experiment is this one with fewer replications, and no other change.

    Replication seeds are spawned from the experiment's seed, and the first N of a longer
    spawn are the N of a shorter one, so the runs already recorded are runs of this experiment
    too. Fewer replications than recorded are not taken as a change of this kind: keeping the
    folder's extra runs would put them in the analysis.
    """
    seeds = manifest.get("seeds")
    return (
        isinstance(seeds, list)
        and len(seeds) < len(experiment.seeds)
        and list(experiment.seeds[: len(seeds)]) == seeds
        and experiment.fingerprint(seeds) == manifest.get("fingerprint")
    )


def renumber_runs(folder: Path, replications: int) -> None:
    """Give each recorded run its number in a sweep of ``replications`` replications a point.

    A run's number is ``point * replications + replication``; with more replications the old
    numbers name other runs. Each part is rewritten whole or not at all, and the number comes
    from the part's own ``point`` and ``replication``: every opening of the folder checks the
    numbers, so a renumbering cut short by a crash is finished by the next sweep, whatever its
    replications, and parts already right are only read.
    """
    for part in _parts(folder):
        ids = _read_part(part, ["run", "point", "replication"])
        if (ids["run"] == ids["point"] * replications + ids["replication"]).all():
            continue
        frame = _read_part(part)
        frame["run"] = (frame["point"] * replications + frame["replication"]).astype(
            frame["run"].dtype
        )
        _atomic_parquet(frame, part)


def _parts(folder: Path) -> list[Path]:
    """The parts, oldest first (by number: a name sorts wrong past a million parts)."""
    return sorted((folder / RUNS).glob("part-*.parquet"), key=lambda part: (_number(part), part))


def _number(part: Path) -> int:
    """A part's number; -1 for a part not named by govsim (taken as the oldest)."""
    match = PART_NUMBER.match(part.name)
    return int(match.group(1)) if match else -1


def _next_part(folder: Path) -> str:
    """A new part's name, numbered after every part there.

    Not numbered by the count of parts: a damaged part moved aside would give the next part
    the number of one still there, and the order of a run's failed records would be lost.
    """
    number = max((_number(part) for part in _parts(folder)), default=-1) + 1
    return f"part-{number:06d}-{uuid.uuid4().hex[:8]}.parquet"


def _read_ledger(folder: Path) -> Ledger:
    """The ledger of the parts, read from their ``run`` and ``status`` columns only."""
    records = _concat(_read_part(part, ["run", "status"]) for part in _parts(folder))
    return Ledger.of(records) if not records.empty else Ledger()


def _read_part(part: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A part of the ledger, or an error that says how to recover from a damaged one.

    govsim writes parts atomically, but a copy cut short or a disk fault can still damage one:
    moved aside, its runs are simply missing, and the next sweep runs them again.
    """
    try:
        return pd.read_parquet(part, columns=columns)
    except (OSError, ValueError, pa.ArrowException) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SweepFolderError(Message("sweep_part_damaged", part=part, reason=reason)) from None


def read_results(folder: str | os.PathLike[str]) -> pd.DataFrame:
    """Return every recorded run of a sweep as a DataFrame, a row per run.

    Columns: ``point, replication, seed, status`` (``ok`` or ``failed``), one column per lever
    and uncertainty (named by its key path; each value as the scenario took it, a list as a
    list), the summary columns of ``govsim run``, and ``error`` (the traceback of a failed
    run). Rows are ordered by point, then replication, whatever order the runs finished in.
    A run that failed and was run again is one row: its finished run if a try finished, else
    its latest failure.

    Raises:
        FileNotFoundError: if the folder holds no sweep.
    """
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise FileNotFoundError(Message("no_sweep_results", folder=folder, manifest=MANIFEST))
    points = read_points(folder)
    runs = _standing_records([_read_part(part) for part in _parts(folder)])
    if runs.empty:
        runs = pd.DataFrame({name: pd.Series(dtype=object) for name in IDS})
    table = runs.merge(points, on="point", how="left", suffixes=("_outcome", ""))
    table = table.sort_values(["point", "replication"], kind="stable").reset_index(drop=True)
    parameters = [name for name in points.columns if name != "point"]
    outcomes = [c for c in runs.columns if c not in (*IDS, "error", *parameters)]
    if "error" not in table.columns:  # no run failed: the column is there all the same
        table["error"] = pd.Series(None, index=table.index, dtype=object)
    return table[[*IDS[1:], *parameters, *outcomes, "error"]]


def _standing_records(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """A record per run, the one that stands for it, from the parts oldest first.

    Records are dropped from their part before the parts are joined, so that the failed
    records a retry replaced do not turn the outcome columns of the ok ones into floats.
    """
    written = _concat(part[["run", "status"]] for part in parts)
    if written.empty:
        return written
    kept = standing(written).to_numpy()
    sizes = [len(part) for part in parts]
    ends = np.cumsum(sizes)
    return _concat(
        part[kept[end - size : end]] for part, size, end in zip(parts, sizes, ends, strict=True)
    )


def _concat(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    listed = [frame for frame in frames if not frame.empty]
    return pd.concat(listed, ignore_index=True) if listed else pd.DataFrame()
