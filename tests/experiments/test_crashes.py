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


def _sweep_command(path: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "govsim.cli", "sweep", str(path), "--out", str(out)]


def _environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _parts(out: Path) -> list[Path]:
    return sorted((out / RUNS).glob("part-*.parquet")) if (out / RUNS).is_dir() else []


def test_sweep_killed_part_way_resumes_with_every_run_once(tmp_path: Path) -> None:
    fixed = {"population.size": 2000, "days": 20, "warmup_days": 5}
    levers = {"cooperation.links.police-bank": {"levels": [0.0, 0.3, 0.6, 0.9]}}
    path = experiment_file(tmp_path, fixed=fixed, levers=levers, replications=5)
    runs = load_experiment(path).runs  # 4 x 2 x 5 = 40, a part per run
    out = tmp_path / "out"
    process = subprocess.Popen(
        _sweep_command(path, out),
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + PART_WAIT_SECONDS
    while len(_parts(out)) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    os.killpg(process.pid, signal.SIGKILL)  # its orphaned workers
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
    assert "4 points x 2 replications = 8 runs" in done.stderr


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
