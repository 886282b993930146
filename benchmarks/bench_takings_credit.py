"""Benchmark: how much the market extrapolation's over-credit of takings moves results.

The rings' takings outside the city are extrapolated from their city contacts (docs/ODD.md
7.17). Applied to the city's own contacts, the extrapolation should credit what the city's
victims pay (``benchmarks/bench_extrapolation.py`` measures how close it comes). Until
December 2026 it credited 1.06-1.22 times as much, because each transfer was capped by the
victim's savings at contact, while a victim's later transfers find less; richer rings meant
more rings. This benchmark measured what that cost, and measures what is left of it.

Each scenario runs twice on the same seeds: as shipped, and with every ring's takings outside
the city divided by the over-credit ``x`` that the shipped run measured for that scenario
(credited over paid on the city's own contacts, pooled over the replications). The second run
is a diagnostic, not the model: it corrects the bias on average, not victim by victim, and shows
whether the bias matters. Printed per scenario: the over-credit before and after, and the means
of victims, net loss (city, yuan, measured days) and rings active (market, mean over measured
days), with the change in percent (paired over replications, 95% t-interval of the paired
differences over the shipped mean); then each scenario's cut in victims against the first.
Asserts nothing.

Usage: python benchmarks/bench_takings_credit.py [--scenarios police_only no_governance
       baseline multi_party_hub] [--residents 100000] [--days 365] [--replications 10]
       [--warmup-days N] [--seed 2026] [--workers 2]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from scipy import stats

from govsim.extrapolation import MarketExtrapolation
from govsim.model import GovernanceModel
from govsim.runner import replication_seeds
from govsim.scenario import Scenario, load_scenario
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
OUTCOMES = {"victims": "victims", "net_loss": "net loss", "rings_active": "rings active"}
SHIPPED_TAKINGS_ELSEWHERE: Callable = MarketExtrapolation.takings_elsewhere


def credit_takings_by(factor: float) -> None:
    """Make every ring's takings outside the city ``factor`` times the model's, in this process.

    1 restores the model as shipped.
    """

    def takings_elsewhere(self, expected_takings: float, own_admitted_share: float) -> float:
        return factor * SHIPPED_TAKINGS_ELSEWHERE(self, expected_takings, own_admitted_share)

    MarketExtrapolation.takings_elsewhere = (
        SHIPPED_TAKINGS_ELSEWHERE if factor == 1.0 else takings_elsewhere
    )


def one_replication(job: tuple[Scenario, int, float]) -> dict[str, float]:
    """One replication's outcomes and its takings credited and paid on the city's contacts."""
    scenario, seed, factor = job
    credit_takings_by(factor)
    model = GovernanceModel(scenario, rng=seed)
    flows = {"credited": 0.0, "paid": 0.0}
    collect = model.collect

    def collecting() -> dict[str, float]:
        # Read before the day closes: its flows, and the ratios that day's extrapolation used.
        if model.metrics.measuring:
            today, extrapolation = model.metrics.today, model.extrapolation
            flows["credited"] += (
                factor
                * today["engaged_takings"]
                * extrapolation.ratio("paid_per_expected")
                * extrapolation.ratio("amount_share")
            )
            flows["paid"] += today["gross_loss"]
        return collect()

    model.collect = collecting
    for _ in range(model.total_days):
        model.step()
    summary = model.metrics.summary()
    rings = np.mean([day["rings_active"] for day in model.metrics.market_days])
    return {
        "victims": float(summary["victims"]),
        "net_loss": float(summary["net_loss"]),
        "rings_active": float(rings),
        **flows,
    }


def replications(
    pool: ProcessPoolExecutor, scenario: Scenario, seeds: list[int], factor: float
) -> dict[str, np.ndarray]:
    """Every replication's figures at this credit factor, a column each."""
    rows = list(pool.map(one_replication, [(scenario, seed, factor) for seed in seeds]))
    return {name: np.array([row[name] for row in rows]) for name in rows[0]}


def over_credit(figures: dict[str, np.ndarray]) -> float:
    """Takings credited over takings paid on the city's own contacts, pooled (NaN: none paid)."""
    paid = figures["paid"].sum()
    return float(figures["credited"].sum() / paid) if paid > 0 else float("nan")


def change(before: np.ndarray, after: np.ndarray) -> str:
    """Paired change in percent of the mean before, with its 95% t-interval."""
    differences = after - before
    mean_before = before.mean()
    centre = differences.mean() / mean_before * 100
    if differences.size < 2:
        return f"{centre:+.1f}%"
    half = stats.t.ppf(0.975, differences.size - 1) * stats.sem(differences) / mean_before * 100
    return f"{centre:+.1f}% [{centre - half:+.1f}, {centre + half:+.1f}]"


def main() -> None:
    """Run each scenario as shipped and with its takings credited at par; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scenarios",
        nargs="+",
        default=["police_only", "no_governance", "baseline", "multi_party_hub"],
    )
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--warmup-days", type=int, default=None, metavar="N")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    seeds = replication_seeds(args.seed, args.replications)
    warmup = "the default warm-up"
    if args.warmup_days is not None:
        warmup = f"a {args.warmup_days}-day warm-up"
    print(
        f"{args.residents:,} residents x {args.days} measured days after {warmup}, "
        f"{args.replications} paired replications, seed {args.seed}"
    )
    print(
        f"{'scenario':<18} {'run':<8} {'x':>5} {'victims':>9} {'net loss':>13} {'rings':>7}  "
        "change: victims | net loss | rings"
    )
    victims: dict[str, tuple[float, float]] = {}
    with ProcessPoolExecutor(args.workers) as pool:
        for name in args.scenarios:
            scenario = with_overrides(
                load_scenario(ROOT / "scenarios" / f"{name}.yaml"),
                residents=args.residents,
                days=args.days,
            )
            if args.warmup_days is not None:
                scenario = scenario.model_copy(update={"warmup_days": args.warmup_days})
            shipped = replications(pool, scenario, seeds, 1.0)
            measured = over_credit(shipped)
            factor = 1.0 / measured if measured > 0 else 1.0  # a city nobody paid: nothing to mend
            at_par = replications(pool, scenario, seeds, factor)
            for label, figures in (("shipped", shipped), ("at par", at_par)):
                means = [figures[outcome].mean() for outcome in OUTCOMES]
                line = (
                    f"{name:<18} {label:<8} {over_credit(figures):>5.2f} {means[0]:>9.1f} "
                    f"{means[1]:>13,.0f} {means[2]:>7.1f}"
                )
                if figures is at_par:
                    changes = [change(shipped[o], at_par[o]) for o in OUTCOMES]
                    line += "  " + " | ".join(changes)
                print(line, flush=True)
            victims[name] = (shipped["victims"].mean(), at_par["victims"].mean())
    reference, *others = args.scenarios
    for name in others:
        cuts = [1 - victims[name][i] / victims[reference][i] for i in (0, 1)]
        print(
            f"cut in victims, {name} against {reference}: {cuts[0]:.1%} shipped, "
            f"{cuts[1]:.1%} at par"
        )
    print(
        "x: takings the extrapolation credits for the city's own contacts over what their "
        "victims paid; 'at par' divides every ring's takings outside the city by the shipped x"
    )


if __name__ == "__main__":
    main()
