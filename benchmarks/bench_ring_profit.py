"""Benchmark: a ring's profit at fixed numbers of rings, the shape that lets a market settle.

A market settles where it pays the marginal ring nothing more: if a ring earned more the more
rings there were, a thinned market would tip to none (docs/ODD.md section 9). This holds the
number of rings fixed (the initial rings are exactly that many; no entry, no exit, no ring goes
broke) and prints, for each number, the mean over the last ``--measure`` days and over
replications of the rings' monthly profit (their recent profit, 7.14) and of the SIM card
price (7.2). Asserts nothing.

Usage: python benchmarks/bench_ring_profit.py [--scenario multi_party_hub] [--rings 10 30]
       [--residents 50000] [--days 120] [--measure 120] [--replications 2] [--seed 2026]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from govsim.agents.rings import slots_of
from govsim.model import GovernanceModel
from govsim.runner import replication_seeds
from govsim.scenario import load_scenario
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]


def held_fixed(count: int, market_population: float) -> dict[str, float]:
    """Settings that start ``count`` rings and keep exactly those working."""
    return {
        "fraud.rings_per_million": count * 1e6 / market_population,
        "fraud.max_rings": count,
        "fraud.trial_entry_per_month": 0.0,
        "fraud.entry_rate_per_month": 0.0,
        "fraud.exit_after_loss_days": 10**9,
        "fraud.initial_cash": 1e15,
    }


def measure(scenario, count: int, seed: int, measure_days: int) -> tuple[float, float, int]:
    """Mean monthly profit per ring and SIM price over the last days; rings left at the end."""
    fixed = with_overrides(scenario, settings=held_fixed(count, scenario.fraud.market_population))
    model = GovernanceModel(fixed, rng=seed)
    profits, prices = [], []
    for day in range(model.total_days):
        model.step()
        if day >= model.total_days - measure_days:
            rings = model.active_rings()
            if rings:
                profits.append(float(model.ring_book.recent_profit[slots_of(rings)].mean()))
            prices.append(model.market.price["sims"])
    mean_profit = float(np.mean(profits)) if profits else float("nan")
    return mean_profit, float(np.mean(prices)), len(model.active_rings())


def main() -> None:
    """Measure each number of rings and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="multi_party_hub")
    parser.add_argument("--rings", nargs="+", type=int, default=[10, 30])
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--measure", type=int, default=120)
    parser.add_argument("--replications", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / f"{args.scenario}.yaml")
    scenario = with_overrides(scenario, residents=args.residents, days=args.days)
    seeds = replication_seeds(args.seed, args.replications)
    print(
        f"{args.scenario}, {args.residents:,} residents, {args.days} measured days after the "
        f"warm-up, {args.replications} replication(s), seed {args.seed}; rings held fixed "
        f"(no entry, no exit); means over the last {args.measure} days of the run"
    )
    print(f"{'rings':>6} {'profit a ring-month (yuan)':>27} {'SIM price (yuan)':>17} {'left':>5}")
    for count in args.rings:
        runs = [measure(scenario, count, seed, args.measure) for seed in seeds]
        profit = float(np.mean([run[0] for run in runs]))
        price = float(np.mean([run[1] for run in runs]))
        left = min(run[2] for run in runs)
        print(f"{count:>6} {profit:>27,.0f} {price:>17,.0f} {left:>5}")
    print("left: the fewest rings still working at the end (dissolution by arrests is still on)")


if __name__ == "__main__":
    main()
