"""The outcomes facts are computed from: one row per replication of each shipped scenario.

Every scenario is run with the same master seed, so replication ``i`` of each has the same seed
and the keyed draws pair them (common random numbers). :class:`Outcomes` keeps that pairing
when it resamples: it draws one set of replication indices and applies it to every scenario.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from govsim.results import market_totals
from govsim.runner import RunResults, run_together
from govsim.scenario import Scenario, load_scenario
from govsim.scenario.overrides import with_overrides
from govsim.warmup import warmup_key

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
"""The shipped scenarios."""
MONTHS_PER_DAY = 12 / 365


@dataclass(frozen=True, slots=True)
class RunSettings:
    """How the scenarios are run: city size, horizon, replications, seed, workers."""

    residents: int
    days: int
    replications: int
    seed: int
    workers: int = 1
    warmup_days: int | None = None
    """None keeps each scenario's own warm-up."""


def run_scenarios(
    names: Iterable[str],
    settings: RunSettings,
    report: Callable[[str], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Run each shipped scenario with the same settings; one outcome table per scenario.

    Scenarios that differ only in their events (``baseline`` and ``data_breach``) are run
    together, their warm-up once a replication (:mod:`govsim.warmup`).
    """
    scenarios = {name: shipped(name, settings) for name in names}
    groups: dict[str, list[str]] = {}
    for name, scenario in scenarios.items():
        groups.setdefault(warmup_key(scenario), []).append(name)
    tables, number = {}, 0
    for group in groups.values():
        start = time.perf_counter()
        together = run_together(
            [scenarios[name] for name in group],
            settings.replications,
            settings.seed,
            workers=settings.workers,
        )
        seconds = time.perf_counter() - start
        for name, results in zip(group, together, strict=True):
            tables[name] = outcome_table(results)
            number += 1
            if report:
                runs = f"{settings.replications} replications"
                shared = f" (warm-up shared with {', '.join(group)})" if len(group) > 1 else ""
                report(f"[{number}/{len(scenarios)}] {name}: {runs}, {seconds:.0f} s{shared}")
    return {name: tables[name] for name in scenarios}


def shipped(name: str, settings: RunSettings) -> Scenario:
    """A shipped scenario at the settings' city size, horizon and (if given) warm-up."""
    scenario = load_scenario(SCENARIOS / f"{name}.yaml")
    overrides = {} if settings.warmup_days is None else {"warmup_days": settings.warmup_days}
    return with_overrides(
        scenario, days=settings.days, residents=settings.residents, settings=overrides
    )


def outcome_table(results: RunResults) -> pd.DataFrame:
    """One row per replication: the summary, plus what facts read from the other frames."""
    summary = results.summary.set_index("replication").sort_index()
    days = int(summary["days"].iloc[0])
    table = summary.select_dtypes("number").copy()
    table["per_100k_year"] = 1e5 / table["residents"] * 365 / table["days"]
    table["market_scale"] = results.scenario.fraud.market_population / table["residents"]
    table["months"] = table["days"] * MONTHS_PER_DAY
    table = table.join(_daily_columns(results.timeseries, days))
    table = table.join(_by_mode(results.by_scam))
    table = table.join(_market_columns(results.market))
    return table


def _daily_columns(series: pd.DataFrame, days: int) -> pd.DataFrame:
    quarter = max(1, days // 4)
    by_replication = series.groupby("replication")
    first = series[series["day"] <= quarter].groupby("replication")["victims"].sum()
    last = series[series["day"] > days - quarter].groupby("replication")["victims"].sum()
    return pd.DataFrame(
        {
            "victims_student": by_replication["victims_student"].sum(),
            "ring_proceeds": by_replication["ring_proceeds"].sum(),
            "victims_first_quarter": first,
            "victims_last_quarter": last,
        }
    )


def _by_mode(by_scam: pd.DataFrame) -> pd.DataFrame:
    sums = by_scam.groupby(["replication", "mode"])[["attempts", "victims"]].sum().unstack("mode")
    sums.columns = [f"{mode}_{measure}" for measure, mode in sums.columns]
    return sums


def _market_columns(market: pd.DataFrame) -> pd.DataFrame:
    totals = market_totals(market).set_index("replication")
    totals.columns = [f"market_{name}" for name in totals.columns]
    levels = market.groupby("replication")[["rings_active", "ring_members"]]
    totals["market_rings_mean"] = levels.mean()["rings_active"]
    totals["market_rings_fewest"] = levels.min()["rings_active"]
    totals["market_members_mean"] = levels.mean()["ring_members"]
    return totals


class Outcomes:
    """Per-replication columns of several scenarios, read through one shared resampling.

    ``outcomes[scenario, column]`` is an array of shape (draws, replications): row ``d`` holds
    the column's values in the replications of draw ``d``. Statistics reduce over the last
    axis, so one expression computes the value on the sample (one draw, the replications in
    order) and on every bootstrap resample at once.
    """

    def __init__(self, tables: dict[str, pd.DataFrame], index: np.ndarray | None = None):
        self.tables = tables
        self.seeds = _common_seeds(tables)
        count = len(self.seeds)
        self.index = np.arange(count)[np.newaxis, :] if index is None else index

    @property
    def replications(self) -> int:
        """Number of replications of every scenario."""
        return len(self.seeds)

    def __getitem__(self, key: tuple[str, str]) -> np.ndarray:
        scenario, column = key
        if scenario not in self.tables:
            raise KeyError(f"scenario {scenario!r} is not among {sorted(self.tables)}")
        return self.tables[scenario][column].to_numpy(dtype=float)[self.index]

    def only(self, scenarios: Iterable[str]) -> Outcomes:
        """The same outcomes restricted to ``scenarios`` (a fact sees only what it declares)."""
        return Outcomes({name: self.tables[name] for name in scenarios}, self.index)

    def resampled(self, draws: int, rng: np.random.Generator) -> Outcomes:
        """``draws`` bootstrap resamples of the replications, the same ones in every scenario."""
        index = rng.integers(0, self.replications, size=(draws, self.replications))
        return Outcomes(self.tables, index)


def _common_seeds(tables: dict[str, pd.DataFrame]) -> list[int]:
    """The replication seeds, which must be the same in every scenario for pairing."""
    seeds = [table["seed"].astype("int64").tolist() for table in tables.values()]
    if not seeds:
        return []
    if any(other != seeds[0] for other in seeds[1:]):
        raise ValueError(
            "the scenarios were run with different replication seeds; run them all with the "
            "same master seed and number of replications so that replications pair"
        )
    return seeds[0]
