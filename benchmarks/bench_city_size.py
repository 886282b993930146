"""Benchmark: how a scenario's results per resident converge as the city grows.

The city is a sample of the rings' market (docs/ODD.md 7.17): its counts per resident should
not depend on its size. This runs one scenario at several city sizes (the same master seed,
the default warm-up) and prints, per size, the means over replications with their standard
errors of the city's counts per 1,000 residents over the measured days (victims, attempts,
contacts blocked by telecoms and by platforms) and the market's levels (rings active, their
mean evasion and targeted share, means over measured days).

A second table gives the spread between replications: the coefficient of variation of victims
and of rings active, and for the market's pooled ratios that carry the rings' revenue and
evidence (``govsim.extrapolation``: paid per expected taking, amount share, reports and
transfers per expected engagement) their mean over the measured days, as mean (standard
deviation) over replications. The ratios are estimated from the city's own victims, so a
small city estimates them with more noise; that noise is common to every ring's revenue and
so moves the whole market (docs/ODD.md 7.17).

Diagnostic options (not model parameters; results with them are not the shipped model's):

- ``--ratio-reference N`` and ``--learning-reference N`` change, for every city size of the
  run, how many residents a city must have before it stops remembering longer than a large
  one (``MEMORY_REFERENCE_RESIDENTS``, 100,000 in the model): for the market's pooled ratios
  and for what the rings learn from their city contacts (``remember_windows``);
- ``--oracle-ratios`` runs the largest size first and then every other size with the pooled
  ratios held at the largest size's means (over its replications and measured days): what
  the smaller cities' spread would be if they knew the market's ratios as well as it does.

Asserts nothing.

Usage: python benchmarks/bench_city_size.py [--scenario multi_party_hub]
       [--sizes 20000 50000 100000 200000] [--replications 16 8 6 4] [--days 365]
       [--warmup-days N] [--seed 12] [--workers 2] [--ratio-reference N] [--learning-reference N]
       [--oracle-ratios]
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
from govsim.model import GovernanceModel
from govsim.runner import replication_seeds
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
SPREAD = {"victims": "victims", "rings_active": "rings active"}
"""Figures whose coefficient of variation between replications is shown."""
RATIOS = {
    "paid_per_expected": "paid per expected taking",
    "amount_share": "amount share",
    "reports_per_engaged": "reports per expected engagement",
    "transfers_per_engaged": "transfers per expected engagement",
}
"""Pooled ratios shown as mean (standard deviation) over replications of their measured mean."""
_HELD: dict[str, float] = {}
"""Ratios held fixed in this process by --oracle-ratios (set by the pool's initialiser)."""
_ESTIMATED = govsim.extrapolation.MarketExtrapolation.ratio


def _held_ratio(extrapolation: govsim.extrapolation.MarketExtrapolation, name: str) -> float:
    """A held ratio if --oracle-ratios holds it, else the city's own estimate."""
    return _HELD[name] if name in _HELD else _ESTIMATED(extrapolation, name)


def hold_ratios(held: dict[str, float] | None = None) -> None:
    """Hold the named pooled ratios at these values in this process; none: release them all.

    Every market extrapolation then reads a held ratio where the city's estimate would be read,
    and its own estimate for the others. Also a pool's initialiser: a worker process holds
    them only if told so before it simulates (bench_pairing's --oracle-ratios uses it too).
    """
    _HELD.clear()
    _HELD.update(held or {})
    extrapolation = govsim.extrapolation.MarketExtrapolation
    extrapolation.ratio = _held_ratio if _HELD else _ESTIMATED


def set_references(
    ratio: int | None, learning: int | None, held: dict[str, float] | None = None
) -> None:
    """Set the memory references and the held ratios in this process (a worker's initialiser)."""
    if ratio is not None:
        govsim.extrapolation.MEMORY_REFERENCE_RESIDENTS = ratio
    if learning is not None:
        govsim.agents.rings.MEMORY_REFERENCE_RESIDENTS = learning
    hold_ratios(held)


def one_replication(job: tuple[govsim.Scenario, int, int]) -> dict[str, float]:
    """One replication's city counts per 1,000 residents, market levels and ratios.

    Steps the model as ``govsim.run`` does (warm-up, then the measured days), reading the
    pooled ratios after each measured day.
    """
    scenario, seed, _ = job
    model = GovernanceModel(scenario, rng=seed)
    ratios: dict[str, list[float]] = {name: [] for name in RATIOS}
    for _ in range(model.total_days):
        model.step()
        if model.metrics.measuring:
            for name, values in ratios.items():
                values.append(model.extrapolation.ratio(name))
    residents = scenario.population.size
    summary = model.metrics.summary()
    figures = {name: summary[name] / residents * 1_000 for name in CITY}
    market = pd.DataFrame(model.metrics.market_days)
    figures.update({name: float(market[name].mean()) for name in MARKET})
    figures.update({name: float(np.mean(values)) for name, values in ratios.items()})
    return figures


def spread(frame: pd.DataFrame) -> dict[str, str]:
    """The spread between replications: CVs of :data:`SPREAD`, ratios as mean (sd)."""
    sd = frame.std(ddof=1)  # NaN with one replication
    means = frame.mean()
    cells = {
        f"{label}: CV between replications": (
            f"{sd[name] / means[name]:.3f}" if means[name] > 0 else "n/a"
        )
        for name, label in SPREAD.items()
    }
    cells.update(
        {f"{label} (sd)": f"{means[name]:.4g} ({sd[name]:.2g})" for name, label in RATIOS.items()}
    )
    return cells


def at_size(
    scenario: govsim.Scenario,
    residents: int,
    replications: int,
    *,
    days: int,
    seed: int,
    workers: int,
    warmup_days: int | None = None,
    references: tuple[int | None, int | None] = (None, None),
    held: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Every replication's figures for the scenario at this city size (a row each).

    The replications run here, with the seeds ``govsim.run`` would give them, rather than
    through ``govsim.run``: the diagnostic references must be set in each worker process
    before it simulates, which only a pool's initialiser does. ``warmup_days``: None keeps the
    scenario's own; ``references``: the ratios' and the learning's memory references (None
    keeps the model's); ``held``: ratios to hold fixed (none held without it).
    """
    settings = {} if warmup_days is None else {"warmup_days": warmup_days}
    sized = with_overrides(scenario, settings, residents=residents, days=days)
    seeds = replication_seeds(seed, replications)
    jobs = [(sized, one_seed, i) for i, one_seed in enumerate(seeds)]
    initargs = (*references, held)
    if workers == 1:
        set_references(*initargs)
        return pd.DataFrame(map(one_replication, jobs))
    with ProcessPoolExecutor(workers, initializer=set_references, initargs=initargs) as pool:
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
    parser.add_argument("--oracle-ratios", action="store_true")
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
    if args.oracle_ratios:
        diagnostic.append(f"ratios held at the {max(args.sizes):,}-resident city's")
    print(
        f"{args.scenario}, {warmup}-day warm-up then {args.days} measured days, "
        f"master seed {args.seed}; mean (standard error) over replications"
        + (f"; diagnostic: {', '.join(diagnostic)}" if diagnostic else "")
    )
    runs = sorted(zip(args.sizes, counts, strict=True), reverse=args.oracle_ratios)
    frames, held = {}, None
    for residents, replications in runs:  # the largest first with --oracle-ratios
        frame = at_size(
            scenario,
            residents,
            replications,
            days=args.days,
            seed=args.seed,
            workers=args.workers,
            warmup_days=args.warmup_days,
            references=(args.ratio_reference, args.learning_reference),
            held=held,
        )
        frames[residents, replications] = frame
        if args.oracle_ratios and held is None:
            held = {name: float(frame[name].mean()) for name in RATIOS}
    means, spreads = {}, {}
    for (residents, replications), frame in sorted(frames.items()):
        column = f"{residents:,} x {replications}"
        errors = frame.std(ddof=1) / np.sqrt(len(frame))  # NaN with one replication
        means[column] = {
            label: f"{frame[name].mean():.4g} ({errors[name]:.2g})"
            for name, label in {**CITY, **MARKET}.items()
        }
        spreads[column] = spread(frame)
    table = pd.DataFrame(means)
    table.index = [f"{label} per 1,000 residents" for label in CITY.values()] + list(
        MARKET.values()
    )
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        print(table.to_string())
        print("spread between replications; pooled ratios, mean over the measured days:")
        print(pd.DataFrame(spreads).to_string())


if __name__ == "__main__":
    main()
