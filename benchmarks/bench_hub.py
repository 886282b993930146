"""Benchmark: what the one-stop centre's own mechanisms buy, one at a time.

Runs ``multi_party_hub`` and variants of it on the same replication seeds:

- ``links only``: every centre mechanism off (``one_intake: false``, ``data_desk: 0``,
  ``joint_operations: 0``). This is a bilateral structure at the hub's effective link levels
  (a test shows the two are identical but for the centre's staff cost), the reference below;
- ``+ one intake``, ``+ data desk``, ``+ joint operations``: that mechanism alone on;
- ``hub``: all on, as shipped.

For each variant B it prints, per outcome, the paired difference B - links only with its 95%
t-interval and the pairing ratio Var(B - A) / (Var A + Var B). An interval that excludes zero
says the mechanism changes that outcome at this number of replications. Asserts nothing.

Usage: python benchmarks/bench_hub.py [--residents 50000] [--days 365] [--replications 30]
       [--seed 2026] [--workers 2]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from bench_pairing import load, pairing_row, table

import govsim

OUTCOMES = (
    "victims",
    "net_loss",
    "recovered_share",
    "median_hours_to_freeze",
    "dissuasion_calls",
    "leads_expired",
    "legit_calls_blocked",
    "arrests",
    "governance_cost",
)
OFF = {
    "cooperation.centre.one_intake": False,
    "cooperation.centre.data_desk": 0.0,
    "cooperation.centre.joint_operations": 0.0,
}
VARIANTS: dict[str, dict[str, object]] = {
    "+ one intake": {**OFF, "cooperation.centre.one_intake": True},
    "+ data desk": {**OFF, "cooperation.centre.data_desk": 0.8},
    "+ joint operations": {**OFF, "cooperation.centre.joint_operations": 0.5},
    "hub (all on)": {},
}


def outcomes(results: govsim.RunResults) -> pd.DataFrame:
    """One row per replication (in replication order), one column per outcome."""
    summary = results.summary.sort_values("replication").set_index("replication")
    return summary[[name for name in OUTCOMES if name in summary.columns]].astype(float)


def main() -> None:
    """Run the reference and each variant on the same seeds and print the paired tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    def run(settings: dict[str, object]) -> pd.DataFrame:
        scenario = load("multi_party_hub", args.residents, args.days, settings)
        results = govsim.run(
            scenario, replications=args.replications, seed=args.seed, workers=args.workers
        )
        return outcomes(results)

    started = time.perf_counter()
    reference = run(OFF)
    print(
        f"multi_party_hub, {args.replications} replications (same seeds, master seed "
        f"{args.seed}), {args.residents:,} residents x {args.days} days"
    )
    print("A = links only (every centre mechanism off); B = the variant")
    print()
    for title, settings in VARIANTS.items():
        variant = run(settings)
        rows = [
            pairing_row(name, reference[name].to_numpy(), variant[name].to_numpy())
            for name in reference.columns
        ]
        print(f"B = {title}")
        print(table(rows))
        print()
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
