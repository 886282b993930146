"""Benchmark: what the ceiling on rings (``fraud.max_rings``) does where markets are largest.

With weak governance the ring market grows largest: this checks that the ceiling
``fraud.max_rings`` is a safety bound there, not a limit the results rest on. For each
scenario, runs R paired replications with the shipped ceiling and with a ceiling far above it,
and prints the rings active (mean and most on any measured day), victims and net loss of the
city, and the paired difference lifted - shipped with its 95% t-interval. Asserts nothing.

Usage: python benchmarks/bench_ring_cap.py [--scenarios no_governance police_only ...]
       [--residents 50000] [--days 365] [--replications 8] [--lifted 5000] [--seed 2026]
       [--workers 2]

Whether a market settles without the ceiling: ``bench_settling.py --scenario no_governance
--set fraud.max_rings=5000``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import govsim
from govsim.results import mean_ci
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIOS = ["no_governance", "police_only", "telecom_only", "education_only"]


def figures(name: str, args: argparse.Namespace, ceiling: int | None) -> pd.DataFrame:
    """Per replication: victims, net loss, mean and most rings active (None: shipped ceiling)."""
    scenario = govsim.load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    settings = {} if ceiling is None else {"fraud.max_rings": ceiling}
    scenario = with_overrides(scenario, residents=args.residents, days=args.days, settings=settings)
    runs = govsim.run(
        scenario, replications=args.replications, seed=args.seed, workers=args.workers
    )
    summary = runs.summary.set_index("replication")
    rings = runs.market.groupby("replication")["rings_active"]
    return pd.DataFrame(
        {
            "victims": summary["victims"],
            "net_loss": summary["net_loss"],
            "rings_mean": rings.mean(),
            "rings_most": rings.max(),
            "ceiling": scenario.fraud.max_rings,
        }
    )


def main() -> None:
    """Run each scenario with both ceilings and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", nargs="+", default=DEFAULT_SCENARIOS)
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=8)
    parser.add_argument("--lifted", type=int, default=5_000, help="the ceiling far above")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(
        f"{args.residents:,} residents x {args.days} measured days, {args.replications} paired "
        f"replications, master seed {args.seed}; city victims and net loss (yuan) per run"
    )
    print(
        f"{'scenario':<16}{'ceiling':>8}{'rings mean':>11}{'rings most':>11}{'victims':>9}"
        f"{'net loss':>12}   lifted - shipped: victims [95% CI], net loss % [95% CI]"
    )
    for name in args.scenarios:
        shipped, lifted = figures(name, args, None), figures(name, args, args.lifted)
        for frame in (shipped, lifted):
            print(
                f"{name:<16}{frame['ceiling'].iloc[0]:>8,}{frame['rings_mean'].mean():>11.0f}"
                f"{frame['rings_most'].mean():>11.0f}{frame['victims'].mean():>9.1f}"
                f"{frame['net_loss'].mean():>12,.0f}"
            )
        victims = mean_ci(lifted["victims"] - shipped["victims"])
        loss = mean_ci((lifted["net_loss"] - shipped["net_loss"]) / shipped["net_loss"].mean())
        print(
            f"{'':<16}{'':>60}   {victims[0]:+.1f} [{victims[1]:+.1f}, {victims[2]:+.1f}], "
            f"{100 * loss[0]:+.1f}% [{100 * loss[1]:+.1f}%, {100 * loss[2]:+.1f}%]"
        )


if __name__ == "__main__":
    main()
