"""Every benchmark still runs: each script, at a tiny size, exits cleanly and prints its table.

The figures in the README and docs/ODD.md come from these scripts, and nothing else calls
them: a signature change elsewhere once broke one silently, found only when its figures were
next wanted. Here each runs as a user runs it (a fresh process from the project's root), at
sizes that take seconds; what they print is checked for the line that carries the figures,
not for the figures themselves (at these sizes they mean nothing).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT

TINY = ["--residents", "2000", "--days", "30"]
SMOKE_RUNS: dict[str, tuple[list[str], str]] = {
    "bench_attribute.py": ([*TINY, "--replications", "2", "--workers", "1"], "48 run"),
    "bench_compare.py": ([*TINY, "--replications", "2", "--workers", "1"], "wall"),
    "bench_city_size.py": (
        [
            *["--sizes", "2000", "4000", "--replications", "2", "--days", "30"],
            *["--warmup-days", "10", "--workers", "1", "--learning-reference", "50000"],
        ],
        "targeted share",
    ),
    "bench_extrapolation.py": (
        ["--residents", "2000", "--days", "20", "--replications", "1", "--scenarios", "baseline"],
        "transfers x",
    ),
    "bench_hub.py": ([*TINY, "--replications", "3", "--workers", "1"], "victims"),
    "bench_market.py": (
        ["--scenarios", "baseline", *TINY, "--replications", "2", "--workers", "1"],
        "baseline",
    ),
    "bench_model.py": (["--sizes", "2000", "--days", "30", "--warmups", "0", "20"], "ms/day"),
    "bench_pairing.py": ([*TINY, "--replications", "3", "--workers", "1"], "pairing"),
    "bench_pairing_sources.py": ([*TINY, "--replications", "2"], "victims"),
    "bench_ring_profit.py": (
        ["--residents", "2000", "--days", "20", "--replications", "1", "--rings", "3"],
        "profit a ring-month",
    ),
    "bench_ring_cap.py": (
        ["--scenarios", "no_governance", *TINY, "--replications", "2", "--workers", "1"],
        "lifted - shipped",
    ),
    "bench_settling.py": (
        [
            "--scenario",
            "baseline",
            "--residents",
            "2000",
            "--days",
            "200",
            "--workers",
            "1",
            "--replications",
            "2",
        ],
        "mule account price",
    ),
    "bench_sweep.py": (
        ["--runs", "8", "--workers", "1", "--backends", "sequential", "--memory-runs", "100"],
        "ms a run",
    ),
    "bench_sweep_speedup.py": (
        ["--runs", "2", *TINY, "--backends", "local"],
        "a run of wall time",
    ),
    "bench_tipping.py": ([*TINY, "--replications", "2", "--every", "10"], "correlation"),
    "inert_parameters.py": (
        ["--residents", "1000", "--days", "5", "--warmup", "0", "--replications", "1"],
        "inert",
    ),
}
"""Each script's tiny arguments and a phrase its output must contain."""
NOT_HERE = {"bench_dashboard.py": "needs the dashboard server and Chromium: its browser tests"}
"""Scripts left out of this test, and why."""


def test_every_benchmark_is_covered() -> None:
    """A new benchmark joins the smoke runs (or says why it cannot)."""
    scripts = {path.name for path in (ROOT / "benchmarks").glob("*.py")}
    assert scripts == set(SMOKE_RUNS) | set(NOT_HERE)


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(SMOKE_RUNS))
def test_benchmark_runs_at_a_tiny_size(script: str) -> None:
    arguments, phrase = SMOKE_RUNS[script]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert phrase in done.stdout, done.stdout[-3000:]
