"""Benchmark: wall time of ``govsim compare`` end to end, as a user runs it.

Runs the command in a fresh process (two scenarios, paired replications, worker processes,
the report written) and prints its wall time and the time per scenario-replication. Asserts
nothing. Target: police_only vs multi_party_hub, 30 replications x 100,000 residents
x 365 measured days, --workers 2, at most 45 s on a 2-core machine.

Usage: python benchmarks/bench_compare.py [--replications 30] [--residents 100000]
       [--days 365] [--workers 2] [--warmup-days N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = [ROOT / "scenarios" / "police_only.yaml", ROOT / "scenarios" / "multi_party_hub.yaml"]


def add_warmup_option(parser: argparse.ArgumentParser) -> None:
    """``--warmup-days N``: every run's warm-up, else the scenarios' own (bench_attribute too)."""
    parser.add_argument(
        "--warmup-days",
        type=int,
        default=None,
        metavar="N",
        help="warm-up days of every run (default: the scenario's own)",
    )


def warmup_arguments(days: int | None) -> list[str]:
    """The command-line setting that gives every run ``days`` of warm-up (none for the default)."""
    return [] if days is None else ["--set", f"warmup_days={days}"]


def warmup_label(days: int | None) -> str:
    """What warm-up the runs had, for the printed line."""
    return "the scenarios' own warm-up" if days is None else f"{days}-day warm-up"


def main() -> None:
    """Run one comparison and print its wall time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=30)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    add_warmup_option(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "govsim.cli", "compare", *map(str, SCENARIOS)]
        command += ["--replications", str(args.replications), "--residents", str(args.residents)]
        command += ["--days", str(args.days), "--workers", str(args.workers)]
        command += warmup_arguments(args.warmup_days)
        command += ["--seed", str(args.seed), "--out", str(Path(folder) / "out")]
        started = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
        wall = time.perf_counter() - started
    runs = 2 * args.replications
    print(
        f"compare police_only vs multi_party_hub: {args.replications} replications x "
        f"{args.residents:,} residents x {args.days} measured days, {args.workers} workers, "
        + warmup_label(args.warmup_days)
    )
    print(f"wall {wall:.1f} s ({wall / runs:.2f} s per scenario-replication, report included)")


if __name__ == "__main__":
    main()
