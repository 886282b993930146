"""Crashes: a sweep killed with SIGKILL resumes with every run exactly once; dead workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from govsim.experiments import DaskCluster, LocalProcesses, load_experiment, read_results
from govsim.experiments.store import RUNS
from tests.experiments.builders import experiment_file
from tests.experiments.stand_ins import always_die, square_or_die_once
from tests.helpers import ROOT

PART_WAIT_SECONDS = 60.0
WORKERS_LEAVE_SECONDS = 10.0


def _sweep_command(path: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "govsim.cli", "sweep", str(path), "--out", str(out)]


def _environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _parts(out: Path) -> list[Path]:
    return sorted((out / RUNS).glob("part-*.parquet")) if (out / RUNS).is_dir() else []


def _experiment_of_40_runs(folder: Path) -> Path:
    # Long enough runs that the sweep cannot finish between two looks of a poller starved of
    # CPU on a loaded machine (20-day runs once did, in CI, before the third part was seen).
    fixed = {"population.size": 2000, "days": 60, "warmup_days": 5}
    levers = {"cooperation.links.police-bank": {"levels": [0.0, 0.3, 0.6, 0.9]}}
    return experiment_file(folder, fixed=fixed, levers=levers, replications=5)


def _stopped_part_way(
    path: Path, out: Path, stop: signal.Signals
) -> tuple[subprocess.Popen[str], str]:
    """Start a sweep, and once it has written 3 parts send ``stop`` to it and its workers.

    Returns the finished process and what was seen when the signal went (for failures).
    """
    process = subprocess.Popen(
        _sweep_command(path, out),
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the signal reaches its workers too
        # A terminal's Ctrl-C finds SIGINT at its default; a test process may have inherited
        # it ignored or blocked, which its children would inherit in turn.
        preexec_fn=_default_signals,
    )
    started = time.monotonic()
    deadline = started + PART_WAIT_SECONDS
    while len(_parts(out)) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    seen = f"{len(_parts(out))} parts after {time.monotonic() - started:.1f} s"
    still_running = process.poll() is None
    os.killpg(process.pid, stop)  # as Ctrl-C does, to the sweep and its workers
    _, error = process.communicate()
    return process, f"{seen}, still running: {still_running}; stderr: {error[-2000:]}"


def _default_signals() -> None:
    """In the child, before exec: SIGINT handled by default and not blocked."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])


def test_workers_leave_when_the_sweep_is_killed(tmp_path: Path) -> None:
    path, out = _experiment_of_40_runs(tmp_path), tmp_path / "out"
    process = subprocess.Popen(
        [*_sweep_command(path, out), "--workers", "2"],
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + PART_WAIT_SECONDS
    while not _parts(out) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)  # the sweep alone: its workers are orphaned
    process.wait()
    deadline = time.monotonic() + WORKERS_LEAVE_SECONDS
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = _group_alive(process.pid)
    if alive:
        os.killpg(process.pid, signal.SIGKILL)
    assert not alive, "orphaned workers left"


def _group_alive(group: int) -> bool:
    """Whether a process of the group still runs (zombies, awaiting their reaper, do not)."""
    listing = subprocess.run(
        ["ps", "-o", "stat=", "-g", str(group)], capture_output=True, text=True, check=False
    )
    return any(not stat.startswith("Z") for stat in listing.stdout.split())


def test_sweep_interrupted_with_ctrl_c_resumes_with_every_run_once(tmp_path: Path) -> None:
    path, out = _experiment_of_40_runs(tmp_path), tmp_path / "out"
    process, seen = _stopped_part_way(path, out, signal.SIGINT)
    assert process.returncode == 130, seen
    before = len(read_results(out))
    assert 3 <= before < load_experiment(path).runs, "interrupted part-way"
    resumed = subprocess.run(
        _sweep_command(path, out), env=_environment(), capture_output=True, text=True, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    results = read_results(out)
    assert results[["point", "replication"]].drop_duplicates().shape[0] == len(results) == 40


def test_sweep_killed_part_way_resumes_with_every_run_once(tmp_path: Path) -> None:
    path, out = _experiment_of_40_runs(tmp_path), tmp_path / "out"
    runs = load_experiment(path).runs  # 4 x 2 x 5 = 40, a part per run
    process, seen = _stopped_part_way(path, out, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL, seen
    before = len(read_results(out))
    assert 3 <= before < runs, "killed part-way"
    resumed = subprocess.run(
        _sweep_command(path, out), env=_environment(), capture_output=True, text=True, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{before} runs were already done" in resumed.stdout
    results = read_results(out)
    assert len(results) == runs
    assert results[["point", "replication"]].drop_duplicates().shape[0] == runs
    assert (results["status"] == "ok").all()


def _lost(task: object, reason: str) -> str:
    return f"lost: {reason}"


def test_a_dead_worker_is_replaced_and_its_task_rerun(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    tasks = [(number, marker) for number in range(8)]
    with LocalProcesses(workers=2) as backend:
        results = list(backend.imap_unordered(square_or_die_once, tasks, _lost))
    assert Path(marker).exists(), "a worker died"
    assert sorted(results) == [number * number for number in range(8)]


def test_a_task_that_always_kills_its_worker_is_given_up(tmp_path: Path) -> None:
    with LocalProcesses(workers=1) as backend:
        results = list(backend.imap_unordered(always_die, [1], _lost))
    assert results == ["lost: a worker process died while running it (3 times)"]


def test_cli_sweep_prints_what_it_did(tmp_path: Path) -> None:
    path = experiment_file(tmp_path)
    command = [*_sweep_command(path, tmp_path / "out"), "--backend", "local", "--workers", "1"]
    done = subprocess.run(command, env=_environment(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "8 runs" in done.stdout
    assert "8 ok, 0 failed" in done.stdout
    assert "4 points x 2 replication(s) = 8 runs" in done.stderr


def _malloc_trim_threshold() -> str | None:
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_a_dead_dask_worker_loses_no_task(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    tasks = [(number, marker) for number in range(8)]
    with DaskCluster(workers=2) as backend:
        trims = backend.client.run(_malloc_trim_threshold)
        results = list(backend.imap_unordered(square_or_die_once, tasks, _lost))
    assert Path(marker).exists(), "a worker died"
    assert sorted(results) == [number * number for number in range(8)]
    assert set(trims.values()) == {None}, "Dask's aggressive malloc trimming is off"


def test_a_task_that_kills_every_dask_worker_is_given_up() -> None:
    with DaskCluster(workers=1) as backend:
        results = list(backend.imap_unordered(always_die, [1], _lost))
    (result,) = results
    assert result.startswith("lost: ")
    assert "KilledWorker" in result
