"""Benchmark: wall time and peak memory of one replication, by city size.

Each size runs in a fresh process (one core: BLAS threads pinned to 1), so peak RSS is that
size's own. The time is the whole run after import: the warm-up (``warmup_days``, 365 by
default) and the measured days. Prints a table; asserts nothing. Targets: 100k x 365
measured days of multi_party_hub within 1.5 s; 1M x 365 within 6 s and 1 GiB.

Usage: python benchmarks/bench_model.py [--sizes 10000 100000 1000000] [--days 365]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "multi_party_hub.yaml"

CHILD = """
import json, resource, sys, time
from govsim.scenario import load_scenario
from govsim.runner import run_once
scenario = load_scenario(sys.argv[1])
population = scenario.population.model_copy(update={"size": int(sys.argv[2])})
scenario = scenario.model_copy(update={"population": population, "days": int(sys.argv[3])})
start = time.perf_counter()
result = run_once(scenario, seed=1)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak_bytes": peak, "victims": result.summary["victims"]}))
"""


def measure(size: int, days: int) -> dict:
    """Run one replication in a fresh single-threaded process and return its figures."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [sys.executable, "-c", CHILD, str(SCENARIO), str(size), str(days)]
    if sys.platform.startswith("linux"):
        command = ["taskset", "-c", "0", *command]
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    """Measure each size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    print(f"scenario: {SCENARIO.name}, measured days: {args.days} (plus the warm-up), one core")
    print(
        f"{'residents':>10} {'seconds':>8} {'peak MiB':>9} {'us/resident-day':>16} {'victims':>8}"
    )
    for size in args.sizes:
        figures = measure(size, args.days)
        per_unit = figures["seconds"] / (size * args.days) * 1e6
        print(
            f"{size:>10,} {figures['seconds']:>8.2f} {figures['peak_bytes'] / 2**20:>9.0f} "
            f"{per_unit:>16.4f} {figures['victims']:>8.0f}"
        )


if __name__ == "__main__":
    main()
