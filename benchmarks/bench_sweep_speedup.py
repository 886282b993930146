"""Benchmark: how much faster a sweep of real runs of about a second goes on 2 workers than on 1.

The target: with 2 workers, runs of about 1 s or longer go at least 1.8x as fast as
with 1, on the local backend and on Dask. The runs here are real ones of the baseline city,
shrunk or stretched (``--residents``, ``--days``) to last about a second each on this machine
(50,000 residents for 200 days took 1.0 s here); each backend sweeps the same runs once with 1
worker and once with 2, each into a fresh folder. The machine's load average is printed before
and after each sweep: on shared cores, other work takes from the second worker first. Prints
the figures; asserts nothing.

Usage: python benchmarks/bench_sweep_speedup.py [--runs 16] [--residents 50000] [--days 200]
       [--backends local dask]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import yaml

from govsim.experiments import load_experiment, make_backend, read_results, sweep

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.8
"""The speed-up targeted for 2 workers over 1."""


def experiment_of(folder: Path, runs: int, residents: int, days: int) -> Path:
    """Runs of the baseline city at a few police-bank levels, 2 replications each."""
    path = folder / "speedup.yaml"
    data = {
        "scenario": str(ROOT / "scenarios" / "baseline.yaml"),
        "fixed": {"population.size": residents, "days": days},
        "levers": {"cooperation.links.police-bank": {"range": [0.0, 1.0]}},
        "design": "random",
        "samples": runs // 2,
        "replications": 2,
        "seed": 1,
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def load() -> str:
    """The 1-minute load average and the cores, as uptime tells them."""
    return f"load {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"


def timed_sweep(experiment_file: Path, out: Path, backend: str, workers: int) -> float:
    """Seconds to sweep every run (validation excluded), with the load before and after."""
    experiment = load_experiment(experiment_file)
    before = load()
    started = time.perf_counter()
    report = sweep(experiment, out, make_backend(backend, workers))
    seconds = time.perf_counter() - started
    assert report.failed == 0
    assert len(read_results(out)) == experiment.runs
    per_run = seconds / experiment.runs
    print(
        f"{backend:>6} {workers} worker(s): {experiment.runs} runs in {seconds:6.1f} s "
        f"({per_run:.2f} s a run of wall time; {before} before, {load()} after)"
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=16)
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=200)
    parser.add_argument("--backends", nargs="+", default=["local", "dask"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = experiment_of(folder, args.runs, args.residents, args.days)
        for backend in args.backends:
            one = timed_sweep(path, folder / f"{backend}_1", backend, 1)
            two = timed_sweep(path, folder / f"{backend}_2", backend, 2)
            verdict = "meets" if one / two >= TARGET else "misses"
            print(f"{backend:>6}: 2 workers go {one / two:.2f}x as fast as 1 ({verdict} {TARGET}x)")


if __name__ == "__main__":
    main()
