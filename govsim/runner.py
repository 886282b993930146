"""Running scenarios: one pure, picklable run, and replications across worker processes.

``run_once(scenario, seed)`` runs one replication; ``run_sharing_warmup(scenarios, seed)`` runs
one replication of several scenarios that share a warm-up (:mod:`govsim.warmup`), each with the
results ``run_once`` gives it. Every caller (CLI, sweeps, comparisons, validation, tests) runs
through one of the two; the dashboard steps its model itself, from a copy of a kept warm-up.
Replication seeds come from ``SeedSequence(seed).spawn``, and results are ordered by
replication, so the frames are identical whatever the worker count.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import numpy as np
import pandas as pd

from govsim.breakdown import PLACE_COUNTS
from govsim.model import GovernanceModel
from govsim.scenario.fraud import MODES
from govsim.scenario.schema import Scenario
from govsim.warmup import warmup_key, warmup_part

MAIN_GUARD = 'if __name__ == "__main__":'
UNGUARDED_SCRIPT = (
    "govsim.run(workers=...) could not start its worker processes: each worker imports the "
    f"script again, so put the call to govsim.run under `{MAIN_GUARD}`"
)
"""Why a script's parallel run fails, in one line: the guard every spawned process needs."""
PLACE_COLUMNS = (*PLACE_COUNTS[:3], "net_loss", *PLACE_COUNTS[3:])
"""Columns of by_region and by_institution after the place: losses, then holds and blocks."""


@dataclass
class RunResult:
    """The outcome of one replication: a summary row, a daily series, per-scam and per-place tables.

    ``market`` holds the market-wide daily series (rings, operations, arrests): the city's
    frames hold only city counts (see :mod:`govsim.metrics`). ``by_region`` and
    ``by_institution`` break the city's victims, losses, holds and blocks down by where they
    happened (see :mod:`govsim.breakdown`).
    """

    summary: dict[str, float | int | str]
    timeseries: pd.DataFrame
    by_scam: pd.DataFrame
    market: pd.DataFrame
    by_region: pd.DataFrame
    by_institution: pd.DataFrame


@dataclass
class RunResults:
    """All replications of one scenario, as tidy frames.

    ``scenario`` is the scenario as run: its ``seed`` is the master seed ``seeds`` were spawned
    from, even when :func:`run` was given another, so the scenario alone reproduces the run.
    """

    scenario: Scenario
    seeds: list[int]
    summary: pd.DataFrame
    timeseries: pd.DataFrame
    by_scam: pd.DataFrame
    market: pd.DataFrame
    by_region: pd.DataFrame
    by_institution: pd.DataFrame


def replication_seeds(seed: int, replications: int) -> list[int]:
    """Independent 63-bit seeds for each replication, spawned from the master seed."""
    children = np.random.SeedSequence(seed).spawn(replications)
    return [int(child.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1)) for child in children]


DAYS_PER_PROGRESS = 10
"""A long replication reports its progress every this many days (and on its last)."""


def run_once(
    scenario: Scenario,
    seed: int,
    replication: int = 0,
    on_progress: Callable[[float], None] | None = None,
) -> RunResult:
    """Simulate one replication (warm-up, then ``days`` measured); pure and picklable.

    ``on_progress``, if given, is called with the share of the replication's days done (warm-up
    included), so that one long replication (a city of millions) shows that it is moving.
    """
    model = GovernanceModel(scenario, rng=seed)
    _step_through(model, model.total_days, _Days(on_progress, model.total_days))
    return _result_of(model, scenario, seed, replication)


def run_sharing_warmup(
    scenarios: Sequence[Scenario],
    seed: int,
    replication: int = 0,
    on_progress: Callable[[float], None] | None = None,
) -> list[RunResult]:
    """:func:`run_once` of each scenario with ``seed``, their common warm-up run only once.

    The scenarios must have the same warm-up (:func:`govsim.warmup.warmup_key`). The warm-up is
    run from the first without its events and copied (pickled) for each scenario, which then
    continues as itself (``GovernanceModel.continue_as``): each result is the one
    :func:`run_once` gives for that scenario, bit for bit (tests/test_shared_warmup.py).
    ``on_progress`` is called with the share of all their days done.
    """
    keys = {warmup_key(scenario) for scenario in scenarios}
    if len(keys) != 1:
        raise ValueError("run_sharing_warmup needs scenarios with one warm-up (warmup_key)")
    model = GovernanceModel(warmup_part(scenarios[0]), rng=seed)
    days = _Days(on_progress, model.warmup_days + sum(scenario.days for scenario in scenarios))
    _step_through(model, model.warmup_days, days)
    warmed_up = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    results = []
    for scenario in scenarios:
        model = pickle.loads(warmed_up)
        model.continue_as(scenario)
        _step_through(model, scenario.days, days)
        results.append(_result_of(model, scenario, seed, replication))
    return results


@dataclass
class _Days:
    """Days stepped so far out of ``total``, told to ``on_progress`` every few days as a share."""

    on_progress: Callable[[float], None] | None
    total: int
    done: int = 0

    def add_one(self) -> None:
        self.done += 1
        if self.on_progress is not None and (
            self.done % DAYS_PER_PROGRESS == 0 or self.done == self.total
        ):
            self.on_progress(self.done / self.total)


def _step_through(model: GovernanceModel, days: int, counted: _Days) -> None:
    """Step the model through ``days`` days, counting each."""
    for _ in range(days):
        model.step()
        counted.add_one()


def _result_of(
    model: GovernanceModel, scenario: Scenario, seed: int, replication: int
) -> RunResult:
    ids = {"scenario": scenario.name, "replication": replication}
    summary: dict[str, float | int | str] = {
        **ids,
        "seed": seed,
        "residents": scenario.population.size,
        "days": scenario.days,
    }
    summary.update(model.metrics.summary())
    timeseries = _daily_frame(model.metrics.days, ids)
    market = _daily_frame(model.metrics.market_days, ids)
    return RunResult(
        summary,
        timeseries,
        _by_scam_frame(model, ids),
        market,
        _by_region_frame(model, ids),
        _by_institution_frame(model, ids),
    )


def _daily_frame(days: list[dict[str, float]], ids: dict) -> pd.DataFrame:
    frame = pd.DataFrame(days)
    frame["day"] = frame["day"].astype(int)
    frame.insert(0, "replication", ids["replication"])
    frame.insert(0, "scenario", ids["scenario"])
    return frame


def _by_scam_frame(model: GovernanceModel, ids: dict) -> pd.DataFrame:
    rows = []
    tables = model.metrics.by_scam
    for s, key in enumerate(model.scams.keys):
        for m, mode in enumerate(MODES):
            row = {**ids, "scam_type": key, "mode": mode}
            row.update({name: float(table[s, m]) for name, table in tables.items()})
            row["net_loss"] = row["gross_loss"] - row["frozen"]
            rows.append(row)
    return pd.DataFrame(rows)


def _by_region_frame(model: GovernanceModel, ids: dict) -> pd.DataFrame:
    names = model.config.population.region_names
    residents = np.bincount(model.residents.region, minlength=len(names))
    counts = model.metrics.by_place.totals("region")
    columns = {"region": names, "residents": residents}
    return pd.DataFrame({**ids, **columns, **{name: counts[name] for name in PLACE_COLUMNS}})


def _by_institution_frame(model: GovernanceModel, ids: dict) -> pd.DataFrame:
    residents = model.residents
    frames = []
    for kind, sector, customer_of in (
        ("bank", model.banks, residents.bank_of),
        ("telecom", model.telecoms, residents.telecom_of),
        ("platform", model.platforms, None),
    ):
        names = [institution.name for institution in sector.institutions]
        counts = model.metrics.by_place.totals(kind)
        frame = pd.DataFrame({**ids, "kind": kind, "institution": names})
        # A resident uses many platforms (each contact lands on one): no customer count there.
        frame["customers"] = (
            np.nan if customer_of is None else np.bincount(customer_of, minlength=len(names))
        )
        frame["customers"] = frame["customers"].astype(float)
        for name in PLACE_COLUMNS:
            frame[name] = counts[name]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def run(
    scenario: Scenario,
    replications: int = 1,
    seed: int | None = None,
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
) -> RunResults:
    """Run replications (in parallel when ``workers`` > 1) and gather tidy frames.

    Args:
        scenario: the validated scenario.
        replications: number of independent replications.
        seed: master seed; defaults to the scenario's ``seed``, and replaces it in the
            results' scenario (what a resolved scenario file then records).
        workers: worker processes; 1 runs in this process.
        progress: called with the number of replications finished: after each one, and with
            workers=1 also within one (a fraction, every few simulated days).
    """
    scenario = with_seed(scenario, seed)
    return run_together([scenario], replications, scenario.seed, workers, progress)[0]


def _collected(scenario: Scenario, seeds: list[int], results: list[RunResult]) -> RunResults:
    """One scenario's replications, in order, as tidy frames."""
    return RunResults(
        scenario=scenario,
        seeds=seeds,
        summary=pd.DataFrame([r.summary for r in results]),
        timeseries=pd.concat([r.timeseries for r in results], ignore_index=True),
        by_scam=pd.concat([r.by_scam for r in results], ignore_index=True),
        market=pd.concat([r.market for r in results], ignore_index=True),
        by_region=pd.concat([r.by_region for r in results], ignore_index=True),
        by_institution=pd.concat([r.by_institution for r in results], ignore_index=True),
    )


def with_seed(scenario: Scenario, seed: int | None) -> Scenario:
    """The scenario with ``seed`` as its master seed (unchanged when ``seed`` is None)."""
    if seed is None or seed == scenario.seed:
        return scenario
    if seed < 0:
        raise ValueError(f"the master seed must be a non-negative integer, got {seed}")
    # Only the seed changes, and it is checked above: no need to validate the rest again.
    return scenario.model_copy(update={"seed": int(seed)})


def run_together(
    scenarios: Sequence[Scenario],
    replications: int,
    seed: int,
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
    share_warmups: bool = True,
) -> list[RunResults]:
    """Replications of several scenarios with the same seeds, on one set of workers.

    What :func:`run` gives for each scenario with this master seed, but the replications of
    all of them are interleaved in one pool of processes: no pool started per scenario, and no
    worker idle while the last replications of one scenario finish. ``progress`` is called with
    the replications finished over all scenarios. Scenarios with one warm-up run it once a
    replication unless ``share_warmups`` is false (the results are the same either way;
    ``benchmarks/bench_shared_warmup.py`` times both).
    """
    if replications < 1:
        raise ValueError("replications must be at least 1")
    if workers > 1:
        _leave_if_importing_main()
    seeded = [with_seed(scenario, seed) for scenario in scenarios]
    seeds = replication_seeds(seed, replications)
    first = [0] * len(seeded)
    return _gather(seeded, [seeds] * len(seeded), first, workers, progress, share_warmups)


def run_more_together(
    runs: Sequence[RunResults],
    replications: int,
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
) -> list[RunResults]:
    """Each run with ``replications`` more (as :func:`run_more`), on one set of workers."""
    if replications < 1:
        raise ValueError("replications must be at least 1")
    if workers > 1:
        _leave_if_importing_main()
    done = [len(results.seeds) for results in runs]
    seeds = [
        replication_seeds(results.scenario.seed, first + replications)[first:]
        for results, first in zip(runs, done, strict=True)
    ]
    scenarios = [results.scenario for results in runs]
    added = _gather(scenarios, seeds, done, workers, progress)
    return [_joined(results, more) for results, more in zip(runs, added, strict=True)]


def _gather(
    scenarios: Sequence[Scenario],
    seeds: Sequence[list[int]],
    first: Sequence[int],
    workers: int,
    progress: Callable[[float], None] | None,
    share_warmups: bool = True,
) -> list[RunResults]:
    """Run replications ``first[k]``... of scenario ``k`` with ``seeds[k]``, interleaved.

    Scenarios whose replication has the same seed and the same warm-up (they differ only in
    events, measured days or names: :mod:`govsim.warmup`) are one task, which runs that
    warm-up once for all of them (unless ``share_warmups`` is false).
    """
    keys = [warmup_key(scenario) for scenario in scenarios]
    if not share_warmups:
        keys = [f"{k}:{key}" for k, key in enumerate(keys)]  # each scenario a task of its own
    tasks: list[Task] = []
    for i in range(max(map(len, seeds))):
        groups: dict[tuple[int, int, str], list[int]] = {}
        for k in range(len(scenarios)):
            if i < len(seeds[k]):
                groups.setdefault((seeds[k][i], first[k] + i, keys[k]), []).append(k)
        for (seed, replication, _), members in groups.items():
            chosen = tuple(scenarios[k] for k in members)
            tasks.append(Task(tuple(members), chosen, seed, i, replication))
    by_scenario: list[list[RunResult | None]] = [[None] * len(s) for s in seeds]
    for task, results in zip(tasks, execute(tasks, workers, progress), strict=True):
        for k, result in zip(task.numbers, results, strict=True):
            by_scenario[k][task.index] = result
    return [
        _collected(scenario, list(scenario_seeds), [r for r in replications if r is not None])
        for scenario, scenario_seeds, replications in zip(
            scenarios, seeds, by_scenario, strict=True
        )
    ]


@dataclass(frozen=True)
class Task:
    """One replication of one scenario, or of several that share its warm-up, to run.

    ``numbers`` are the scenarios' places in the caller's list, ``index`` the replication's
    place in their seeds; ``replication`` numbers the results (``first`` plus ``index``).
    """

    numbers: tuple[int, ...]
    scenarios: tuple[Scenario, ...]
    seed: int
    index: int
    replication: int

    def run(self, on_progress: Callable[[float], None] | None = None) -> list[RunResult]:
        """The replication of each scenario, in order."""
        if len(self.scenarios) == 1:
            return [run_once(self.scenarios[0], self.seed, self.replication, on_progress)]
        return run_sharing_warmup(self.scenarios, self.seed, self.replication, on_progress)


def execute(
    tasks: Sequence[Task], workers: int, progress: Callable[[float], None] | None = None
) -> list[list[RunResult]]:
    """Run the tasks, in this process or on ``workers`` processes; results in task order.

    ``progress`` is called with the replications finished (a task of several scenarios counts
    as several).
    """
    if workers <= 1 or len(tasks) == 1:
        results = []
        done = 0
        for task in tasks:
            # In one process the bar also moves within a replication, by its days.
            within = None if progress is None else _Within(progress, done, len(task.scenarios))
            results.append(task.run(within))
            done += len(task.scenarios)
        return results
    # Spawn, not fork: numpy's BLAS threads make forking unsafe. Each worker imports the
    # caller's script again, so scripts need the ``if __name__ == "__main__":`` guard.
    context = multiprocessing.get_context("spawn")
    try:
        return _execute_in_pool(tasks, workers, progress, context)
    except BrokenProcessPool:
        if _main_is_a_script():
            raise RuntimeError(UNGUARDED_SCRIPT) from None
        raise


@dataclass
class _Within:
    """Progress within a task: replications finished before it plus its share of its own."""

    progress: Callable[[float], None]
    done: int
    size: int = 1

    def __call__(self, share: float) -> None:
        self.progress(self.done + self.size * share)


def _execute_in_pool(
    tasks: Sequence[Task],
    workers: int,
    progress: Callable[[float], None] | None,
    context: multiprocessing.context.BaseContext,
) -> list[list[RunResult]]:
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(task.run): i for i, task in enumerate(tasks)}
        results: list[list[RunResult]] = [[] for _ in tasks]
        done = 0
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            done += len(tasks[futures[future]].scenarios)
            if progress:
                progress(done)
    return results


def _leave_if_importing_main() -> None:
    """In a worker that is importing the caller's unguarded script, stop quietly.

    Such a worker would otherwise start a pool of its own, and multiprocessing would print a
    long ``bootstrapping phase`` traceback from every worker. Exiting lets the caller's
    process report the one-line cause instead (:data:`UNGUARDED_SCRIPT`). ``_inheriting`` is
    the flag multiprocessing itself checks for this case.
    """
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise SystemExit(1)


def _main_is_a_script() -> bool:
    """Whether spawned workers import ``__main__`` again (a script, or ``python -m``)."""
    main = sys.modules.get("__main__")
    return main is not None and getattr(main, "__file__", None) is not None


def run_more(
    results: RunResults,
    replications: int,
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
) -> RunResults:
    """The run with ``replications`` more, continuing its seeds where they stopped.

    Seeds spawned from one master seed extend without changing the first ones, so the result
    is the run that would have been made with that many replications from the start (a
    comparison adds paired replications until its intervals are narrow enough).
    """
    return run_more_together([results], replications, workers, progress)[0]


def _joined(results: RunResults, more: RunResults) -> RunResults:
    """A run followed by more of its replications (numbered on from it)."""
    frames = {
        name: pd.concat([getattr(results, name), getattr(more, name)], ignore_index=True)
        for name in ("summary", "timeseries", "by_scam", "market", "by_region", "by_institution")
    }
    return RunResults(results.scenario, results.seeds + more.seeds, **frames)
