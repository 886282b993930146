"""Benchmark: how a scenario settles from its start, quarter by quarter, with no warm-up.

The warm-up (``warmup_days``) exists so that measured days come from a settled regime. This
runs a scenario with no warm-up for DAYS days and prints, by quarter (91 days; the last one
may be short), the means over days and replications of the market's levels (rings active,
members, rings entered and exited a day, the rings' mean evasion and coaching, SIM card and
mule account prices) and the city's (victims a day, attempts, contacts reached, mean awareness
by age group): which of them is still moving after a year is what a warm-up has to wait for.

With ``--against OTHER ...`` the other scenarios run too (the same seeds and settings), and a
last table gives each scenario's victims a day year by year (365-day years from day 1) and the
first scenario's cut in victims against each other one, year by year: how far a comparison
depends on which year is measured, next to how far the levels do. Asserts nothing.

Usage: python benchmarks/bench_settling.py [--scenario multi_party_hub] [--residents 100000]
       [--days 1095] [--replications 8] [--seed 2026] [--workers 2] [--set KEY=VALUE ...]
       [--against police_only bilateral ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import govsim
from govsim.scenario.overrides import parse_setting, with_overrides

ROOT = Path(__file__).resolve().parents[1]
QUARTER_DAYS = 91
YEAR_DAYS = 365
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


def yearly_victims(timeseries: pd.DataFrame) -> pd.Series:
    """Victims a day, mean over each 365-day year from day 1 and over replications."""
    year = (timeseries["day"] - 1) // YEAR_DAYS + 1
    return timeseries.groupby(year)["victims"].mean()


def by_year(victims: dict[str, pd.Series]) -> pd.DataFrame:
    """Each scenario's victims a day by year, and the first one's cut against each other one.

    The cut is ``1 - victims(first) / victims(other)``, in per cent.
    """
    first, *others = victims
    table = pd.DataFrame(victims).T
    for other in others:
        table.loc[f"cut of {first} against {other} (%)"] = 100 * (
            1 - victims[first] / victims[other]
        )
    table.columns = [f"year {year}" for year in table.columns]
    return table


def load(name: str, args: argparse.Namespace) -> govsim.Scenario:
    """A shipped scenario at the benchmark's size and days, with no warm-up and the settings."""
    settings = {**dict(map(parse_setting, args.set)), "warmup_days": 0}
    scenario = govsim.load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    return with_overrides(scenario, residents=args.residents, days=args.days, settings=settings)


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
    parser.add_argument("--against", nargs="+", default=[], metavar="SCENARIO")
    args = parser.parse_args()
    runs = govsim.run(
        load(args.scenario, args),
        replications=args.replications,
        seed=args.seed,
        workers=args.workers,
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
        if args.against:
            victims = {args.scenario: yearly_victims(runs.timeseries)}
            for other in args.against:
                other_runs = govsim.run(
                    load(other, args),
                    replications=args.replications,
                    seed=args.seed,
                    workers=args.workers,
                )
                victims[other] = yearly_victims(other_runs.timeseries)
            print("victims a day by year, and cuts in victims:")
            print(by_year(victims).round(3).to_string())


if __name__ == "__main__":
    main()
