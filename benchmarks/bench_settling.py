"""Benchmark: how a scenario settles from its start, quarter by quarter, with no warm-up.

The warm-up (``warmup_days``) exists so that measured days come from a settled regime. This
runs a scenario with no warm-up for DAYS days and prints, by quarter (91 days; the last one
may be short), the means over days and replications of the market's levels (rings active,
members, rings entered and exited a day, the rings' mean evasion and coaching, SIM card and
mule account prices) and the city's (victims a day, attempts, contacts reached, mean awareness
by age group): which of them is still moving after a year is what a warm-up has to wait for.
Asserts nothing.

Usage: python benchmarks/bench_settling.py [--scenario multi_party_hub] [--residents 100000]
       [--days 1095] [--replications 8] [--seed 2026] [--workers 2] [--set KEY=VALUE ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import govsim
from govsim.scenario.overrides import parse_setting, with_overrides

ROOT = Path(__file__).resolve().parents[1]
QUARTER_DAYS = 91
MARKET = {
    "rings_active": "rings active",
    "ring_members": "ring members",
    "rings_entered": "rings entered a day",
    "rings_exited": "rings exited a day",
    "evasion": "evasion (mean over rings)",
    "coaching": "coaching (mean over rings)",
    "price_sim": "SIM card price (yuan)",
    "price_mule": "mule account price (yuan)",
}
CITY = {
    "victims": "victims a day",
    "attempts": "attempts a day",
    "contacts_reached": "contacts reached a day",
    "awareness_student": "awareness, students",
    "awareness_working": "awareness, working age",
    "awareness_elderly": "awareness, elderly",
}


def quarterly(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Quarter-by-quarter means of the columns (rows: the columns' labels)."""
    quarter = (frame["day"] - 1) // QUARTER_DAYS
    table = frame.groupby(quarter)[list(columns)].mean().rename(columns=columns).T
    table.columns = [f"Q{number + 1}" for number in table.columns]
    return table


def main() -> None:
    """Run the scenario from no warm-up and print the market's and the city's quarters."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="multi_party_hub")
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=1095)
    parser.add_argument("--replications", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    settings = {**dict(map(parse_setting, args.set)), "warmup_days": 0}
    scenario = govsim.load_scenario(ROOT / "scenarios" / f"{args.scenario}.yaml")
    scenario = with_overrides(scenario, residents=args.residents, days=args.days, settings=settings)
    runs = govsim.run(
        scenario, replications=args.replications, seed=args.seed, workers=args.workers
    )
    print(
        f"{args.scenario}, no warm-up, {args.residents:,} residents x {args.days} days, "
        f"{args.replications} replications, master seed {args.seed}"
        + (f", set: {', '.join(args.set)}" if args.set else "")
    )
    with pd.option_context("display.width", 250, "display.max_columns", 100):
        print("market (quarterly means):")
        print(quarterly(runs.market, MARKET).round(3).to_string())
        print("city (quarterly means):")
        print(quarterly(runs.timeseries, CITY).round(3).to_string())


if __name__ == "__main__":
    main()
