"""Benchmark: the sweep harness's own cost per run, and the driver's memory as runs grow.

Runs sweeps whose runs do nothing (a stand-in returns a fixed summary at once), so that the
wall time per run is the harness alone: the design, the task's trip to a worker and back, the
Parquet parts and the ledger. Then the driver's peak memory (its own, not its workers') after
sweeps of 100 and of 10,000 such runs in one process: flat means the driver keeps no run.
Target: at most 20 ms a run locally and 50 ms on Dask. Asserts nothing.

Usage: python benchmarks/bench_sweep.py [--runs 1000] [--workers 2] [--backends local dask]
       [--memory-runs 10000]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd
import yaml

from govsim.experiments import Sequential, load_experiment, make_backend, read_results, sweep
from govsim.runner import RunResult
from govsim.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = {"victims": 1.0, "net_loss": 2.0, "arrests": 3.0}


def instant_run(scenario: Scenario, seed: int, replication: int) -> RunResult:
    """A run that costs nothing: what is left of a sweep's time is the harness."""
    empty = pd.DataFrame()
    summary = {**SUMMARY, "seed": seed, "replication": replication}
    return RunResult(summary, empty, empty, empty, empty, empty)


def experiment_of(folder: Path, runs: int) -> Path:
    path = folder / f"bench_{runs}.yaml"
    data = {
        "scenario": str(ROOT / "scenarios" / "baseline.yaml"),
        "levers": {"cooperation.links.police-bank": {"range": [0.0, 1.0]}},
        "design": "random",
        "samples": runs // 4,
        "replications": 4,
        "seed": 1,
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def overhead(folder: Path, runs: int, backend: str, workers: int) -> float:
    """Milliseconds of harness per run (validation excluded)."""
    experiment = load_experiment(experiment_of(folder, runs))
    chosen = Sequential() if backend == "sequential" else make_backend(backend, workers)
    started = time.perf_counter()
    sweep(experiment, folder / f"{backend}_{workers}", chosen, run=instant_run)
    seconds = time.perf_counter() - started
    assert len(read_results(folder / f"{backend}_{workers}")) == runs
    return 1000 * seconds / runs


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backends", nargs="+", default=["sequential", "local", "dask"])
    parser.add_argument("--memory-runs", type=int, default=10_000, help="the larger sweep's runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for backend in args.backends:
            for workers in sorted({1, args.workers}):
                per_run = overhead(folder, args.runs, backend, workers)
                print(f"{backend:>10} {workers} worker(s): {per_run:6.2f} ms a run (harness)")
                if backend == "sequential":
                    break
        memory = {}
        for runs in (100, args.memory_runs):
            experiment = load_experiment(experiment_of(folder, runs))
            sweep(experiment, folder / f"memory_{runs}", Sequential(), run=instant_run)
            memory[runs] = peak_mib()
        print(
            f"driver peak memory: {memory[100]:.0f} MiB after 100 runs, "
            f"{memory[args.memory_runs]:.0f} MiB after {args.memory_runs:,} more"
        )


if __name__ == "__main__":
    main()
