"""Benchmark: does the ring market settle, and does it stay open, in every scenario?

For each scenario (all shipped ones by default), runs R replications at N residents and prints,
over replications: victims per 100,000 residents per year (city) with their coefficient of
variation; rings active in the market (mean over measured days, and the fewest on any measured
day of any replication; 0 would mean every ring vanished); the victims of the first and of the
last quarter of the measured days (summed over replications) and their ratio, which is near 1
when the warm-up has reached the running regime; reports per 100,000 residents per year and the
recovered share (money frozen over gross loss, pooled over replications), and arrests (market
arrests attributed to the city, 7.17) per report and per victim, pooled over replications: the
figures with public counterparts (docs/sources.md). Prints a table; asserts nothing.

Usage: python benchmarks/bench_market.py [--scenarios a b ...] [--residents 100000] [--days 365]
       [--replications 8] [--seed 2026] [--workers 2]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

import govsim
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"


def measure(name: str, residents: int, days: int, replications: int, seed: int, workers: int):
    """One scenario's row of the table."""
    scenario = govsim.load_scenario(SCENARIOS / f"{name}.yaml")
    scenario = with_overrides(scenario, residents=residents, days=days)
    results = govsim.run(scenario, replications, seed=seed, workers=workers)
    per_year = 1e5 / residents * 365 / days
    summary = results.summary
    victims = summary["victims"].to_numpy() * per_year
    series = results.timeseries
    quarter = days // 4
    first = series[series["day"] <= quarter]["victims"].sum()
    last = series[series["day"] > days - quarter]["victims"].sum()
    rings = results.market["rings_active"]
    return {
        "scenario": name,
        "victims_per_100k_year": victims.mean(),
        "cv_victims": victims.std(ddof=1) / victims.mean() if victims.mean() > 0 else np.nan,
        "reports_per_100k_year": summary["reports"].mean() * per_year,
        "recovered_share": summary["frozen"].sum() / summary["gross_loss"].sum(),
        "arrests_per_report": _ratio(summary["arrests"].sum(), summary["reports"].sum()),
        "arrests_per_victim": _ratio(summary["arrests"].sum(), summary["victims"].sum()),
        "rings_mean": rings.mean(),
        "rings_fewest": rings.min(),
        "victims_first_quarter": first,
        "victims_last_quarter": last,
        "last_over_first": last / first if first > 0 else np.nan,
    }


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else np.nan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", nargs="*", default=None)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    names = args.scenarios or sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
    start = time.perf_counter()
    rows = [
        measure(name, args.residents, args.days, args.replications, args.seed, args.workers)
        for name in names
    ]
    table = pd.DataFrame(rows).set_index("scenario")
    print(
        f"{args.residents:,} residents x {args.days} measured days, {args.replications} "
        f"replications, seed {args.seed} (victims: city, per 100k residents per year; rings: "
        "market)"
    )
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.round(3).to_string())
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
