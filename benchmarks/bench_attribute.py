"""Benchmark: wall time of ``govsim attribute`` end to end, as a user runs it.

Runs the command in a fresh process (every coalition of the six parties, paired replications,
worker processes, the report written) and prints its wall time, the coalitions valued and run
(``attribution.json``) and the load average before and after. Asserts nothing. Target:
multi_party_hub, 6 parties (64 coalitions) x 10 replications x 50,000 residents x 365 measured
days, --workers 2, at most 5 minutes on a 2-core machine.

Usage: python benchmarks/bench_attribute.py [--replications 10] [--residents 50000]
       [--days 365] [--workers 2] [--warmup-days N] [--seed 2026]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_compare import add_warmup_option, warmup_arguments, warmup_label

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "multi_party_hub.yaml"


def load() -> str:
    """The 1-minute load average, to read the time against."""
    return f"{os.getloadavg()[0]:.2f}"


def main() -> None:
    """Run one attribution and print its wall time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    add_warmup_option(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        command = [sys.executable, "-m", "govsim.cli", "attribute", str(SCENARIO)]
        command += ["--replications", str(args.replications), "--residents", str(args.residents)]
        command += ["--days", str(args.days), "--workers", str(args.workers)]
        command += warmup_arguments(args.warmup_days)
        command += ["--seed", str(args.seed), "--out", str(out)]
        before = load()
        started = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
        wall = time.perf_counter() - started
        record = json.loads((out / "attribution.json").read_text(encoding="utf-8"))
    print(
        f"attribute multi_party_hub, parties: {record['coalitions']} coalitions "
        f"({record['coalitions_run']} run) x {args.replications} replications x "
        f"{args.residents:,} residents x {args.days} measured days, {args.workers} workers, "
        + warmup_label(args.warmup_days)
    )
    runs = record["coalitions_run"] * args.replications
    print(
        f"wall {wall:.1f} s ({wall / runs:.2f} s per run, report included); "
        f"load {before} before, {load()} after"
    )


if __name__ == "__main__":
    main()
