"""Benchmark: what sharing a warm-up saves in a comparison of scenarios that differ in events.

Runs the same scenarios' replications twice with the same seeds, on the same workers: once
with each replication's warm-up run once for every scenario that shares it (as ``govsim
compare`` does; docs/ODD.md 7.18), once with a warm-up per scenario, and prints both wall
times, the simulated days each needed, and whether every summary came out the same (it must:
each scenario continued from the shared warm-up runs as it does alone). Asserts nothing.

The default scenarios, ``baseline`` and its three event scenarios (``data_breach``,
``card_crackdown``, ``epidemic``), share one warm-up.

Usage: python benchmarks/bench_shared_warmup.py [--scenarios baseline data_breach ...]
       [--residents 100000] [--days 365] [--replications 4] [--workers 2] [--seed 2026]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from govsim.runner import run_together
from govsim.scenario import load_scenario
from govsim.scenario.overrides import with_overrides
from govsim.warmup import warmup_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIOS = ["baseline", "data_breach", "card_crackdown", "epidemic"]


def main() -> None:
    """Time the replications with and without shared warm-ups and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", nargs="+", default=DEFAULT_SCENARIOS)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    scenarios = [
        with_overrides(
            load_scenario(ROOT / "scenarios" / f"{name}.yaml"),
            days=args.days,
            residents=args.residents,
        )
        for name in args.scenarios
    ]
    warm_ups = len({warmup_key(scenario) for scenario in scenarios})
    warmup_days = scenarios[0].warmup_days
    print(
        f"{len(scenarios)} scenarios ({', '.join(args.scenarios)}), {warm_ups} distinct "
        f"warm-up(s); {args.replications} replications x {args.residents:,} residents x "
        f"{args.days} days, {args.workers} worker(s)"
    )
    print(f"{'warm-ups':<22} {'simulated days':>15} {'seconds':>8}")
    summaries = {}
    for shared in (True, False):
        start = time.perf_counter()
        runs = run_together(
            scenarios, args.replications, args.seed, args.workers, share_warmups=shared
        )
        seconds = time.perf_counter() - start
        summaries[shared] = pd.concat([results.summary for results in runs], ignore_index=True)
        per_replication = (warm_ups if shared else len(scenarios)) * warmup_days + sum(
            scenario.days for scenario in scenarios
        )
        label = "shared" if shared else "one per scenario"
        print(f"{label:<22} {per_replication * args.replications:>15,} {seconds:>8.1f}")
    same = summaries[True].equals(summaries[False])
    print(f"every summary the same either way: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
