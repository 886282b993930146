"""Benchmark: wall time and peak memory of one replication, by city size and warm-up.

Each (size, warm-up) runs in a fresh process (one core: BLAS threads pinned to 1), so peak RSS
is that run's own. The time is the whole run after import: the warm-up (``warmup_days``, 730 by
default) and the measured days. Each size is timed twice by default: with the scenario's own
warm-up, as a user runs it, and with none, so that 365 simulated days are timed rather than
worked out from the cost of a day. Prints a table; asserts nothing. Targets: 100k x 365 days of
multi_party_hub within 1.5 s; 1M x 365 within 6 s and 1 GiB.

Usage: python benchmarks/bench_model.py [--sizes 10000 100000 1000000] [--days 365]
       [--warmups default 0]
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
DEFAULT = "default"
"""The ``--warmups`` value that keeps the scenario's own ``warmup_days``."""

CHILD = """
import json, resource, sys, time
from govsim.scenario import load_scenario
from govsim.runner import run_once
scenario = load_scenario(sys.argv[1])
population = scenario.population.model_copy(update={"size": int(sys.argv[2])})
update = {"population": population, "days": int(sys.argv[3])}
if sys.argv[4] != "default":
    update["warmup_days"] = int(sys.argv[4])
scenario = scenario.model_copy(update=update)
start = time.perf_counter()
result = run_once(scenario, seed=1)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak_bytes": peak, "victims": result.summary["victims"],
                  "warmup_days": scenario.warmup_days}))
"""


def measure(size: int, days: int, warmup: str) -> dict:
    """Run one replication in a fresh single-threaded process and return its figures."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [sys.executable, "-c", CHILD, str(SCENARIO), str(size), str(days), warmup]
    if sys.platform.startswith("linux"):
        command = ["taskset", "-c", "0", *command]
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    """Measure each size and warm-up and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument(
        "--warmups",
        nargs="+",
        default=[DEFAULT, "0"],
        help=f"warm-up days to time each size with ('{DEFAULT}': the scenario's own)",
    )
    args = parser.parse_args()
    for warmup in args.warmups:
        if warmup != DEFAULT and not warmup.isdigit():
            parser.error(f"--warmups: {warmup!r} is neither '{DEFAULT}' nor a number of days")
    print(f"scenario: {SCENARIO.name}, measured days: {args.days}, one core")
    print(
        f"{'residents':>10} {'warm-up':>8} {'simulated':>10} {'seconds':>8} {'peak MiB':>9} "
        f"{'ms/day':>7} {'victims':>8}"
    )
    for size in args.sizes:
        for warmup in args.warmups:
            figures = measure(size, args.days, warmup)
            simulated = figures["warmup_days"] + args.days
            print(
                f"{size:>10,} {figures['warmup_days']:>8} {simulated:>10,} "
                f"{figures['seconds']:>8.2f} {figures['peak_bytes'] / 2**20:>9.0f} "
                f"{figures['seconds'] / simulated * 1e3:>7.2f} {figures['victims']:>8.0f}"
            )


if __name__ == "__main__":
    main()
