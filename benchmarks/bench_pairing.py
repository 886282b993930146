"""Benchmark: how well common random numbers pair two scenarios run with the same seeds.

For a pair of scenarios (A, B), runs R replications of each with the same replication seeds and
prints, per outcome, the means of A and B, the paired mean difference B - A with its 95%
t-interval, the coefficient of variation of A and of B, and the pairing ratio (with its 95%
bootstrap interval over the replications, resampled as pairs, as ``govsim compare`` gives it)

    Var(B - A) / (Var(A) + Var(B))   over replications,

which is 1 when the runs of A and B are independent and 0 when they move together perfectly:
the variance of a paired comparison is this share of the variance of an unpaired one. ``pairs``
is the number of replications used: those where the outcome is defined in both A and B.

Two comparisons are built in: bilateral vs multi_party_hub (``--hub``), and baseline vs
baseline with a campaign aimed at the elderly on day 120 (``--campaign``), which also shows
the working-age victims (the campaign does not target them: their difference should be near
zero and well paired). Without either flag both are run. Prints a table; asserts nothing.

For victims it also prints the *thinning floor*: the pairing ratio if the scenario with fewer
victims had a random subset of the other's, the closest any coupling of the two can pair them,

    ((1 - p)^2 Var(A) + p (1 - p) mean(A)) / (Var(A) + Var(B)),   p = mean(B) / mean(A) <= 1

(A and B swapped when B has more). Two more lines say where the rest of the victims'
paired variance comes from and how far one benchmark's ratio can be trusted:

- ``rings_active``, the market's rings active (mean over the measured days, a market level),
  is paired like an outcome, and the share of ``Var(B - A)`` in victims that a straight line
  in the difference of rings explains is printed: the part the two markets' own divergence
  (entry, exit and dissolution answering each market's profits and arrests) accounts for;
- with 60 replications or more, the victims' and net loss's ratios are printed for each block
  of 30 consecutive replications: the spread of the figure a 30-replication run gives.

The ratio is a share: it says how much pairing buys, not how precise the comparison is (noise
both scenarios share lowers it without narrowing the interval; less noise of any kind narrows
the interval whatever the ratio does).
So the table's last column, ``width/A``, gives the paired 95% interval's width over A's mean
(what ``govsim compare --precision P`` bounds by P), and for victims and net loss the script
prints the paired replications a width of 10% of A's mean needs, ``(2 * 1.96 * sd(B - A) /
(0.1 * mean A))^2``, and (with 60 replications or more) the width by block of 30.

``--set KEY=VALUE`` (repeatable) sets a key path in both
scenarios of each comparison, to see how a mechanism bears on the pairing.

A diagnostic option (not a model parameter; results with it are not the shipped model's):
``--oracle-ratios`` asks how much of the unpaired part comes from the market's pooled ratios,
which each scenario estimates from its own city's victims (docs/ODD.md 7.17), so that two
paired scenarios' sampling errors are independent and move their whole markets apart. Each
scenario of a comparison is first run at a large city (``--oracle-residents``, default 500,000;
``--oracle-replications``, default 4; the same days, warm-up and master seed), where the mean
over measured days and replications of each held ratio is recorded for that scenario; the
paired comparison then runs at ``--residents`` with each scenario's ratios held at its own
large-city means, from the warm-up's first day on, as ``bench_city_size.py --oracle-ratios``
holds them (its ``hold_ratios``). ``--hold NAME`` (repeatable) holds only the named ratios, the
city's own estimates being read for the others; the default holds all four that carry the
rings' takings, evidence and mule demand elsewhere (``paid_per_expected``, ``amount_share``,
``reports_per_engaged``, ``transfers_per_engaged``). The held values are printed above the
table.

Usage: python benchmarks/bench_pairing.py [--hub] [--campaign] [--residents 50000] [--days 365]
       [--replications 30] [--seed 2026] [--workers 2] [--set KEY=VALUE ...]
       [--oracle-ratios [--hold NAME ...] [--oracle-residents 500000] [--oracle-replications 4]]
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from bench_city_size import RATIOS, at_size, hold_ratios

import govsim
from govsim import runner
from govsim.comparison.paired import pairing_efficiency, pairing_interval
from govsim.results import mean_ci
from govsim.scenario.overrides import parse_setting, with_overrides

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
OUTCOMES = ("victims", "net_loss", "recovered_share", "gross_loss", "arrests")
RINGS = "rings_active"
"""The market's rings active, mean over the measured days (from the market frame)."""
BLOCK = 30
"""Replications per block when the ratio's spread over blocks is printed."""
CAMPAIGN = {"type": "campaign", "day": 120, "reach": 0.6, "boost": 0.25, "groups": ["elderly"]}
WORKING_VICTIMS = "victims_working"
HEADER = (
    "outcome",
    "pairs",
    "mean A",
    "mean B",
    "B - A",
    "95% CI of B - A",
    "CV A",
    "CV B",
    "pairing",
    "95% CI",
    "width/A",
)


def load(name: str, residents: int, days: int, settings: dict | None = None) -> govsim.Scenario:
    """A shipped scenario at the benchmark's size, with optional key-path settings."""
    scenario = govsim.load_scenario(SCENARIOS / f"{name}.yaml")
    return with_overrides(scenario, days=days, residents=residents, settings=settings)


def hub_pair(residents: int, days: int, common: dict) -> tuple[govsim.Scenario, govsim.Scenario]:
    """(a) bilateral agreements vs the one-stop centre."""
    return (
        load("bilateral", residents, days, common),
        load("multi_party_hub", residents, days, common),
    )


def campaign_pair(
    residents: int, days: int, common: dict
) -> tuple[govsim.Scenario, govsim.Scenario]:
    """(b) baseline vs baseline plus one campaign aimed at the elderly."""
    settings = {**common, "name": "baseline_elderly_campaign", "events": [CAMPAIGN]}
    return load("baseline", residents, days, common), load("baseline", residents, days, settings)


COMPARISONS: dict[str, tuple[str, Callable[[int, int, dict], tuple]]] = {
    "hub": ("(a) A = bilateral, B = multi_party_hub", hub_pair),
    "campaign": ("(b) A = baseline, B = baseline + elderly campaign on day 120", campaign_pair),
}


def large_city_ratios(
    scenario: govsim.Scenario, names: list[str], args: argparse.Namespace
) -> dict[str, float]:
    """The named ratios' means over the measured days and replications at the large city.

    Runs the scenario at ``--oracle-residents`` (its own estimates: nothing held), with the
    benchmark's days, master seed and workers.
    """
    frame = at_size(
        scenario,
        args.oracle_residents,
        args.oracle_replications,
        days=args.days,
        seed=args.seed,
        workers=args.workers,
    )
    return {name: float(frame[name].mean()) for name in names}


def run_held(
    scenario: govsim.Scenario, replications: int, seed: int, workers: int, held: dict[str, float]
) -> govsim.RunResults:
    """``govsim.run`` with the pooled ratios ``held`` (name: value) in every simulating process.

    In this process with one worker (released afterwards); otherwise on a pool whose
    initialiser holds them, since ``govsim.run``'s own workers would not.
    """
    if workers == 1:
        hold_ratios(held)
        try:
            return govsim.run(scenario, replications=replications, seed=seed, workers=1)
        finally:
            hold_ratios(None)
    return run_held_in_pool(scenario, replications, seed, workers, held)


def run_held_in_pool(
    scenario: govsim.Scenario, replications: int, seed: int, workers: int, held: dict[str, float]
) -> govsim.RunResults:
    """:func:`run_held` on ``workers`` processes: the seeds and frames ``govsim.run`` gives."""
    scenario = runner.with_seed(scenario, seed)
    seeds = runner.replication_seeds(seed, replications)
    context = multiprocessing.get_context("spawn")  # as govsim.run: forking numpy is unsafe
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=hold_ratios, initargs=(held,)
    ) as pool:
        done = list(
            pool.map(runner.run_once, [scenario] * replications, seeds, range(replications))
        )
    return runner._collected(scenario, seeds, done)


def held_label(held: dict[str, float]) -> str:
    """The held ratios as ``name value`` pairs."""
    return ", ".join(f"{name} {value:.4g}" for name, value in held.items())


def outcomes(results: govsim.RunResults, working: bool) -> pd.DataFrame:
    """One row per replication (in replication order), one column per outcome."""
    summary = results.summary.sort_values("replication").set_index("replication")
    frame = summary[[name for name in OUTCOMES if name in summary.columns]].astype(float)
    if working and WORKING_VICTIMS in results.timeseries.columns:
        by_replication = results.timeseries.groupby("replication")[WORKING_VICTIMS].sum()
        frame[WORKING_VICTIMS] = by_replication.reindex(frame.index).astype(float)
    rings = results.market.groupby("replication")[RINGS].mean()
    frame[RINGS] = rings.reindex(frame.index).astype(float)
    return frame


def pairing_row(name: str, a: np.ndarray, b: np.ndarray) -> dict[str, float | str]:
    """The figures of one outcome from the paired replications of A and B.

    A replication where either value is undefined (a share with no victims) is left out of
    both, so that every figure is computed on the same pairs.
    """
    both = ~(np.isnan(a) | np.isnan(b))
    a, b = a[both], b[both]
    diff = b - a
    mean_diff, low, high = mean_ci(pd.Series(diff))
    return {
        "outcome": name,
        "pairs": int(both.sum()),
        "mean_a": float(a.mean()) if a.size else math.nan,
        "mean_b": float(b.mean()) if b.size else math.nan,
        "diff": mean_diff,
        "low": low,
        "high": high,
        "cv_a": _cv(a),
        "cv_b": _cv(b),
        "ratio": pairing_efficiency(a, b),
        **dict(zip(("ratio_low", "ratio_high"), pairing_interval(a, b), strict=True)),
        "width": relative_width(low, high, a),
    }


def relative_width(low: float, high: float, a: np.ndarray) -> float:
    """Width of the paired interval over A's mean: what ``govsim compare --precision`` bounds."""
    mean = float(a.mean()) if a.size else 0.0
    return (high - low) / abs(mean) if mean != 0 else math.nan


def replications_for_width(a: np.ndarray, b: np.ndarray, share: float) -> int:
    """Paired replications for a 95% interval of B - A as wide as ``share`` of A's mean.

    The normal approximation ``(2 * 1.96 * sd(B - A) / (share * mean A))^2``, rounded up.
    """
    spread = math.sqrt(_var(b - a))
    return math.ceil((2 * 1.96 * spread / (share * abs(float(a.mean())))) ** 2)


def blocks(a: np.ndarray, b: np.ndarray, size: int = BLOCK) -> list[tuple[np.ndarray, np.ndarray]]:
    """A and B cut into blocks of ``size`` consecutive replications (none if fewer)."""
    return [(a[i : i + size], b[i : i + size]) for i in range(0, a.size - size + 1, size)]


def paired_width(a: np.ndarray, b: np.ndarray) -> float:
    """:func:`relative_width` of the paired 95% interval of B - A."""
    _, low, high = mean_ci(pd.Series(b - a))
    return relative_width(low, high, a)


def block_widths(a: np.ndarray, b: np.ndarray, size: int = BLOCK) -> list[float]:
    """:func:`paired_width` in each block of ``size`` consecutive replications."""
    return [paired_width(*block) for block in blocks(a, b, size)]


def thinning_floor(a: np.ndarray, b: np.ndarray) -> float:
    """The pairing ratio if the smaller count were a random subset of the larger (see above)."""
    if a.mean() < b.mean():
        a, b = b, a
    if a.mean() == 0:  # no victims in either: nothing to thin
        return math.nan
    p = b.mean() / a.mean()
    return ((1 - p) ** 2 * _var(a) + p * (1 - p) * a.mean()) / (_var(a) + _var(b))


def explained_by_rings(a: pd.DataFrame, b: pd.DataFrame) -> float:
    """Share of the variance of B - A in victims that a line in B - A in rings explains (R^2)."""
    victims = (b["victims"] - a["victims"]).to_numpy()
    rings = (b[RINGS] - a[RINGS]).to_numpy()
    if victims.size < 3 or _var(rings) == 0 or _var(victims) == 0:
        return math.nan
    return float(np.corrcoef(rings, victims)[0, 1] ** 2)


def block_ratios(a: np.ndarray, b: np.ndarray, size: int = BLOCK) -> list[float]:
    """The pairing ratio in each block of ``size`` consecutive replications (none if fewer)."""
    return [pairing_efficiency(*block) for block in blocks(a, b, size)]


def _var(values: np.ndarray) -> float:
    return float(values.var(ddof=1)) if values.size > 1 else math.nan


def _cv(values: np.ndarray) -> float:
    mean = float(values.mean()) if values.size else 0.0
    return math.sqrt(_var(values)) / abs(mean) if mean != 0 else math.nan


def fmt(value: float) -> str:
    """A number readably: thousands separated when large, four significant digits otherwise."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.4g}"


def table(rows: list[dict[str, float | str]]) -> str:
    """A plain text table of the rows."""
    lines = [
        [
            str(row["outcome"]),
            str(row["pairs"]),
            fmt(row["mean_a"]),
            fmt(row["mean_b"]),
            fmt(row["diff"]),
            f"[{fmt(row['low'])}, {fmt(row['high'])}]",
            f"{row['cv_a']:.3f}",
            f"{row['cv_b']:.3f}",
            f"{row['ratio']:.3f}",
            f"[{row['ratio_low']:.2f}, {row['ratio_high']:.2f}]",
            f"{row['width']:.3f}",
        ]
        for row in rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(HEADER, *lines, strict=True)]
    out = []
    for cells in [HEADER, *lines]:
        text = [cells[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)
        ]
        out.append("  ".join(text))
    out.insert(1, "-" * len(out[0]))
    return "\n".join(out)


def compare(key: str, args: argparse.Namespace) -> None:
    """Run one built-in comparison and print its table."""
    title, build = COMPARISONS[key]
    a, b = build(args.residents, args.days, dict(map(parse_setting, args.set)))
    if args.oracle_ratios:
        started = time.perf_counter()
        held_a, held_b = (large_city_ratios(scenario, args.hold, args) for scenario in (a, b))
        seconds = time.perf_counter() - started
        print(
            f"{title}: ratios held at each scenario's means at {args.oracle_residents:,} "
            f"residents ({args.oracle_replications} replications, {seconds:.1f} s)"
        )
        print(f"  held in A: {held_label(held_a)}")
        print(f"  held in B: {held_label(held_b)}")
    started = time.perf_counter()
    if args.oracle_ratios:
        results_a = run_held(a, args.replications, args.seed, args.workers, held_a)
        results_b = run_held(b, args.replications, args.seed, args.workers, held_b)
    else:
        run = govsim.run
        results_a = run(a, replications=args.replications, seed=args.seed, workers=args.workers)
        results_b = run(b, replications=args.replications, seed=args.seed, workers=args.workers)
    seconds = time.perf_counter() - started
    working = key == "campaign"
    frame_a, frame_b = outcomes(results_a, working), outcomes(results_b, working)
    rows = [
        pairing_row(name, frame_a[name].to_numpy(), frame_b[name].to_numpy())
        for name in frame_a.columns
        if name in frame_b.columns
    ]
    same_seeds = "same" if results_a.seeds == results_b.seeds else "DIFFERENT"
    print(title)
    print(
        f"{args.replications} replications ({same_seeds} seeds, master seed {args.seed}), "
        f"{args.residents:,} residents x {args.days} days, {seconds:.1f} s"
    )
    print(table(rows))
    floor = thinning_floor(frame_a["victims"].to_numpy(), frame_b["victims"].to_numpy())
    print(f"thinning floor of the victims' pairing: {floor:.3f}")
    share = explained_by_rings(frame_a, frame_b)
    print(f"share of Var(B - A) in victims explained by B - A in rings active: {share:.2f}")
    for name in ("victims", "net_loss"):
        a_values, b_values = frame_a[name].to_numpy(), frame_b[name].to_numpy()
        if a_values.size > 1 and a_values.mean() != 0:
            needed = replications_for_width(a_values, b_values, 0.1)
            print(f"{name}: paired replications for an interval 10% of A's mean wide: {needed}")
        if args.replications >= 2 * BLOCK:
            listed = ", ".join(f"{ratio:.2f}" for ratio in block_ratios(a_values, b_values))
            print(f"{name}: pairing ratio by block of {BLOCK} replications: {listed}")
            listed = ", ".join(f"{width:.3f}" for width in block_widths(a_values, b_values))
            print(f"{name}: interval width / A's mean by block of {BLOCK} replications: {listed}")
    print()


def main() -> None:
    """Parse the options, run the chosen comparisons and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", action="store_true", help="(a) bilateral vs multi_party_hub")
    parser.add_argument("--campaign", action="store_true", help="(b) baseline vs campaign")
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument(
        "--oracle-ratios",
        action="store_true",
        help="diagnostic: hold each scenario's pooled ratios at its large city's means",
    )
    parser.add_argument(
        "--hold",
        action="append",
        choices=list(RATIOS),
        default=None,
        metavar="NAME",
        help=f"with --oracle-ratios, a ratio to hold (repeatable; default: {', '.join(RATIOS)})",
    )
    parser.add_argument("--oracle-residents", type=int, default=500_000)
    parser.add_argument("--oracle-replications", type=int, default=4)
    args = parser.parse_args()
    if args.hold and not args.oracle_ratios:
        parser.error("--hold needs --oracle-ratios")
    args.hold = list(dict.fromkeys(args.hold or RATIOS))
    if args.set:
        print(f"set in both scenarios: {', '.join(args.set)}")
    if args.oracle_ratios:
        print(f"diagnostic: ratios held ({', '.join(args.hold)}); not the shipped model")
    chosen = [key for key in COMPARISONS if getattr(args, key)] or list(COMPARISONS)
    print("pairing = Var(B - A) / (Var(A) + Var(B)): 1 independent runs, 0 perfectly paired")
    print()
    for key in chosen:
        compare(key, args)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
