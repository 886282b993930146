"""Benchmark: how far the market extrapolation's bases stray from what the city's victims do.

The rest of the market is extrapolated from each ring's city contacts (docs/ODD.md 7.17): its
expected engagements ``V_r`` (the chance of paying of contacts not stopped) times pooled ratios,
and its expected takings ``E_r`` at each scam type's mean amount times the paid share. Two of
those bases are not what the city's victims do, and this script measures by how much, on the
measured days of each scenario (pooled over replications):

- **paid over booked at the mean amount**: what the city's victims paid, over the same payments
  valued at their scam type's mean amount. Payments are capped by the victim's savings, which
  the mean amount ignores; below 1, rings are credited elsewhere with more than the city's
  victims would pay them (by the inverse of this figure).
- **victims per expected engagement**: first payments over the sum of ``V_r``. Reports, frozen
  mule paths and transfers elsewhere are ``V_r`` times ratios per *victim*; below 1, they are
  overstated by the inverse of this figure (evidence against rings, numbers blacklisted after
  reports elsewhere, mule accounts burnt and wanted).

Instruments a model's ``record_payments`` and ``_credit_rings`` on the instance; changes
nothing in the run. Prints a table; asserts nothing.

Usage: python benchmarks/bench_extrapolation.py [--scenarios a b ...] [--residents 100000]
       [--days 365] [--replications 2] [--seed 2026]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from govsim.model import GovernanceModel
from govsim.runner import replication_seeds
from govsim.scenario import load_scenario
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIOS = ["police_only", "baseline", "bilateral", "multi_party_hub"]


def tally(scenario_name: str, residents: int, days: int, seed: int) -> Counter:
    """One replication's measured-day sums: paid, paid at mean amounts, victims, sum of V_r."""
    scenario = load_scenario(ROOT / "scenarios" / f"{scenario_name}.yaml")
    scenario = with_overrides(scenario, residents=residents, days=days)
    model = GovernanceModel(scenario, rng=seed)
    sums: Counter = Counter()
    record_payments, credit_rings = model.record_payments, model._credit_rings

    def recording_payments(paid, amounts, reported) -> None:
        if model.day >= 1:
            sums["paid"] += float(amounts.sum())
            sums["paid_at_mean"] += float(model.scams.mean_amount[paid.scam].sum())
            sums["victims"] += int(np.count_nonzero(paid.stage == 0))
        record_payments(paid, amounts, reported)

    def crediting_rings(batch, rings, paying) -> None:
        if model.day >= 1:
            sums["expected_engagements"] += float(paying.sum())
        credit_rings(batch, rings, paying)

    model.record_payments = recording_payments
    model._credit_rings = crediting_rings
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
    print(
        f"{'scenario':<18} {'victims':>8} {'paid/at mean':>13} {'takings x':>10} "
        f"{'victims/E[eng]':>15} {'per-victim x':>13}"
    )
    for name in args.scenarios:
        sums: Counter = Counter()
        for seed in seeds:
            sums.update(tally(name, args.residents, args.days, seed))
        paid_share = _ratio(sums["paid"], sums["paid_at_mean"])
        per_engagement = _ratio(sums["victims"], sums["expected_engagements"])
        print(
            f"{name:<18} {sums['victims'] / len(seeds):>8.1f} {paid_share:>13.2f} "
            f"{_ratio(1.0, paid_share):>10.2f} {per_engagement:>15.2f} "
            f"{_ratio(1.0, per_engagement):>13.2f}"
        )
    print(
        "takings x: factor by which takings elsewhere exceed what the city's victims pay; "
        "per-victim x: factor by which reports, frozen paths and transfers elsewhere are overstated"
    )


if __name__ == "__main__":
    main()
