"""Benchmark: how a scenario's results per resident converge as the city grows.

The city is a sample of the rings' market (docs/ODD.md 7.17): its counts per resident should
not depend on its size. This runs one scenario at several city sizes (the same master seed,
the default warm-up) and prints, per size, the means over replications with their standard
errors of the city's counts per 1,000 residents over the measured days (victims, attempts,
contacts blocked by telecoms and by platforms) and the market's levels (rings active, their
mean evasion and targeted share, means over measured days). Asserts nothing.

Two diagnostic options change, for every city size of the run, how many residents a city
must have before it stops remembering longer than a large one (``MEMORY_REFERENCE_RESIDENTS``,
100,000 in the model): ``--ratio-reference`` for the market's pooled ratios
(``govsim.extrapolation``), ``--learning-reference`` for what the rings learn from their city
contacts (``govsim.agents.rings.remember_windows``). They test where a small city's bias comes
from; they are not model parameters, and results with them are not the shipped model's.

Usage: python benchmarks/bench_city_size.py [--scenario multi_party_hub]
       [--sizes 20000 50000 100000 200000] [--replications 16 8 6 4] [--days 365]
       [--warmup-days N] [--seed 12] [--workers 2] [--ratio-reference N] [--learning-reference N]
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

import govsim
import govsim.agents.rings
import govsim.extrapolation
from govsim.runner import replication_seeds, run_once
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
CITY = {
    "victims": "victims",
    "attempts": "attempts",
    "blocked_telecom": "blocked by telecoms",
    "blocked_platform": "blocked by platforms",
}
"""City counts shown per 1,000 residents over the measured days."""
MARKET = {
    "rings_active": "rings active",
    "evasion": "evasion",
    "targeted_share": "targeted share",
}
"""Market levels shown as their mean over the measured days."""


def set_references(ratio: int | None, learning: int | None) -> None:
    """Set the memory references in this process (a worker's initialiser)."""
    if ratio is not None:
        govsim.extrapolation.MEMORY_REFERENCE_RESIDENTS = ratio
    if learning is not None:
        govsim.agents.rings.MEMORY_REFERENCE_RESIDENTS = learning


def one_replication(job: tuple[govsim.Scenario, int, int]) -> dict[str, float]:
    """One replication's city counts per 1,000 residents and mean market levels."""
    scenario, seed, replication = job
    result = run_once(scenario, seed, replication)
    residents = scenario.population.size
    figures = {name: result.summary[name] / residents * 1_000 for name in CITY}
    figures.update({name: float(result.market[name].mean()) for name in MARKET})
    return figures


def at_size(
    scenario: govsim.Scenario, residents: int, replications: int, args: argparse.Namespace
) -> pd.DataFrame:
    """Every replication's figures for the scenario at this city size (a row each).

    The replications run here, with the seeds ``govsim.run`` would give them, rather than
    through ``govsim.run``: the diagnostic references must be set in each worker process
    before it simulates, which only a pool's initialiser does.
    """
    settings = {} if args.warmup_days is None else {"warmup_days": args.warmup_days}
    sized = with_overrides(scenario, settings, residents=residents, days=args.days)
    seeds = replication_seeds(args.seed, replications)
    jobs = [(sized, seed, i) for i, seed in enumerate(seeds)]
    references = (args.ratio_reference, args.learning_reference)
    if args.workers == 1:
        set_references(*references)
        return pd.DataFrame(map(one_replication, jobs))
    with ProcessPoolExecutor(args.workers, initializer=set_references, initargs=references) as pool:
        return pd.DataFrame(pool.map(one_replication, jobs))


def main() -> None:
    """Run the scenario at each size and print the table of means and standard errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="multi_party_hub")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 50_000, 100_000, 200_000])
    parser.add_argument(
        "--replications",
        type=int,
        nargs="+",
        default=[16, 8, 6, 4],
        help="per size (one number: the same for every size)",
    )
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument(
        "--warmup-days", type=int, default=None, metavar="N", help="default: the scenario's own"
    )
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ratio-reference", type=int, default=None, metavar="N")
    parser.add_argument("--learning-reference", type=int, default=None, metavar="N")
    args = parser.parse_args()
    counts = args.replications
    if len(counts) == 1:
        counts = counts * len(args.sizes)
    if len(counts) != len(args.sizes):
        parser.error("--replications: give one number, or one per size in --sizes")
    scenario = govsim.load_scenario(ROOT / "scenarios" / f"{args.scenario}.yaml")
    warmup = scenario.warmup_days if args.warmup_days is None else args.warmup_days
    diagnostic = [
        f"{name} {value:,}"
        for name, value in (
            ("ratio reference", args.ratio_reference),
            ("learning reference", args.learning_reference),
        )
        if value is not None
    ]
    print(
        f"{args.scenario}, {warmup}-day warm-up then {args.days} measured days, "
        f"master seed {args.seed}; mean (standard error) over replications"
        + (f"; diagnostic: {', '.join(diagnostic)}" if diagnostic else "")
    )
    rows = {}
    for residents, replications in zip(args.sizes, counts, strict=True):
        frame = at_size(scenario, residents, replications, args)
        errors = frame.std(ddof=1) / np.sqrt(len(frame))  # NaN with one replication
        rows[f"{residents:,} x {replications}"] = {
            label: f"{frame[name].mean():.4g} ({errors[name]:.2g})"
            for name, label in {**CITY, **MARKET}.items()
        }
    table = pd.DataFrame(rows)
    table.index = [f"{label} per 1,000 residents" for label in CITY.values()] + list(
        MARKET.values()
    )
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        print(table.to_string())


if __name__ == "__main__":
    main()
