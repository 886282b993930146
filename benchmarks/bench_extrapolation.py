"""Benchmark: does the market extrapolation credit the city's own contacts with what they do?

The rest of the market is extrapolated from each ring's city contacts (docs/ODD.md 7.17): its
expected engagements ``V_r`` (the chances of paying of contacts not stopped at contact) and
expected takings ``E_r`` (those chances times the types' expected takings), times pooled ratios.
Applied to the city's own contacts, the same formulas must give back what the city's victims
do; this script measures, on the measured days of each scenario (pooled over replications),
each extrapolated flow over the realised one:

- **takings**: ``sum(E_r) * paid_per_expected * amount_share`` over what victims paid (gross
  loss). Before the correction of 7.17, payments were valued at their scam type's mean amount,
  which savings cap, and this stood at 2.4-2.75.
- **reports**: ``sum(V_r) * reports_per_engaged`` over victims' reports (evidence and
  blacklisting elsewhere rest on it);
- **transfers**: ``sum(V_r) * transfers_per_engaged`` over transfers due (mule accounts wanted
  and burnt elsewhere). Before the correction these two were per first payment and stood at
  1.05-1.51 wherever governance stops victims after they engage.

Each day's flows are taken with the ratios that day's extrapolation used. Figures near 1 mean
an unbiased extrapolation; the smoothing of the ratios (180 days or more) and payments that
fall due after the last day keep them from being exactly 1. Wraps ``collect`` on the instance;
changes nothing in the run. Prints a table; asserts nothing.

Usage: python benchmarks/bench_extrapolation.py [--scenarios a b ...] [--residents 100000]
       [--days 365] [--replications 2] [--seed 2026]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from govsim.model import GovernanceModel
from govsim.runner import replication_seeds
from govsim.scenario import load_scenario
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIOS = ["police_only", "baseline", "bilateral", "multi_party_hub"]
# (column, extrapolated flow times ratio(s), realised flow)
CHECKS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("takings", "engaged_takings", ("paid_per_expected", "amount_share"), "gross_loss"),
    ("reports", "expected_engaged", ("reports_per_engaged",), "reports"),
    ("transfers", "expected_engaged", ("transfers_per_engaged",), "transfers_due"),
)


def tally(scenario_name: str, residents: int, days: int, seed: int) -> Counter:
    """One replication's measured-day sums of each check's extrapolated and realised flows."""
    scenario = load_scenario(ROOT / "scenarios" / f"{scenario_name}.yaml")
    scenario = with_overrides(scenario, residents=residents, days=days)
    model = GovernanceModel(scenario, rng=seed)
    sums: Counter = Counter()
    collect = model.collect

    def collecting() -> dict[str, float]:
        metrics = model.metrics
        if metrics.measuring:
            today = metrics.today
            sums["victims"] += today["victims"]
            for column, basis, ratios, realised in CHECKS:
                extrapolated = today[basis]
                for ratio in ratios:
                    extrapolated *= model.extrapolation.ratio(ratio)
                sums[f"{column}_extrapolated"] += extrapolated
                sums[f"{column}_realised"] += today[realised]
        return collect()

    model.collect = collecting
    for _ in range(model.total_days):
        model.step()
    return sums


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else float("nan")


def main() -> None:
    """Measure each scenario and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", nargs="+", default=DEFAULT_SCENARIOS)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    seeds = replication_seeds(args.seed, args.replications)
    print(
        f"{args.residents:,} residents x {args.days} measured days, {args.replications} "
        f"replication(s), seed {args.seed}; measured days pooled over replications"
    )
    header = "".join(f" {column + ' x':>12}" for column, *_ in CHECKS)
    print(f"{'scenario':<22} {'victims':>8}{header}")
    for name in args.scenarios:
        sums: Counter = Counter()
        for seed in seeds:
            sums.update(tally(name, args.residents, args.days, seed))
        cells = "".join(
            f" {_ratio(sums[f'{column}_extrapolated'], sums[f'{column}_realised']):>12.2f}"
            for column, *_ in CHECKS
        )
        print(f"{name:<22} {sums['victims'] / len(seeds):>8.1f}{cells}")
    print(
        "x: the city's own flow as the extrapolation credits it over the realised flow "
        "(1 is unbiased; docs/ODD.md 7.17)"
    )


if __name__ == "__main__":
    main()
