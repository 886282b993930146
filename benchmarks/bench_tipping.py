"""Benchmark: does a ring earn more or less when fewer rings are left (enforcement swamping)?

Runs R replications of one scenario and samples every S days (warm-up included) the number of
active rings, the pooled share of engaged victims' expected takings that rings keep
(``paid_per_expected``, docs/ODD.md 7.17) and the market's mean monthly profit per established
ring (the entry signal). Prints, by bins of the number of rings, the mean of each over samples.
A share and profit that rise with the number of rings mean the market has a low state it can
tip into (docs/ODD.md 9). Prints a table; asserts nothing.

Usage: python benchmarks/bench_tipping.py [--scenario multi_party_hub] [--residents 50000]
       [--replications 12] [--every 60]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

import govsim
from govsim.model import GovernanceModel
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
BINS = (0, 10, 25, 45, 80, 10_000)


def samples(scenario, replications: int, every: int) -> pd.DataFrame:
    """(rings, paid_per_expected, market profit) every ``every`` days of each replication."""
    rows = []
    for seed in range(replications):
        model = GovernanceModel(scenario, rng=seed)
        for step in range(1, model.total_days + 1):
            model.step()
            if step % every == 0:
                rows.append(
                    {
                        "rings": len(model.active_rings()),
                        "paid_per_expected": model.extrapolation.ratio("paid_per_expected"),
                        "profit_per_ring_month": model.market_profit,
                    }
                )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="multi_party_hub")
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=12)
    parser.add_argument("--every", type=int, default=60)
    args = parser.parse_args()
    scenario = govsim.load_scenario(ROOT / "scenarios" / f"{args.scenario}.yaml")
    scenario = with_overrides(scenario, residents=args.residents, days=args.days)
    table = samples(scenario, args.replications, args.every)
    table["rings_bin"] = pd.cut(table["rings"], BINS, right=False)
    summary = table.groupby("rings_bin", observed=True).agg(
        samples=("rings", "size"),
        paid_per_expected=("paid_per_expected", "mean"),
        profit_per_ring_month=("profit_per_ring_month", "mean"),
    )
    print(f"{args.scenario}, {args.residents:,} residents, {args.replications} replications")
    with pd.option_context("display.float_format", lambda v: f"{v:,.2f}"):
        print(summary.to_string())
    correlation = np.corrcoef(table["rings"], table["profit_per_ring_month"])[0, 1]
    print(f"correlation(rings, profit per ring): {correlation:.2f}")


if __name__ == "__main__":
    main()
