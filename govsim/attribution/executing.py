"""Running many coalitions: every (coalition, replication) as one task of one process pool.

``govsim.runner.run`` starts a pool per scenario; with 64 coalitions of a few replications each,
starting 64 pools (spawned processes import govsim again) costs more than the runs of a small
city. Here one pool takes every task, and a worker sends back only the replication's summary
(one row of outcomes), not its daily series.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from govsim.runner import run_once
from govsim.scenario.schema import Scenario

Summary = dict[str, Any]


def summary_of(scenario: Scenario, seed: int, replication: int) -> Summary:
    """One replication's summary row (the worker's task: pure and picklable)."""
    return run_once(scenario, seed, replication).summary


def run_coalitions(
    scenarios: Sequence[Scenario],
    seeds: Sequence[int],
    workers: int = 1,
    progress: Callable[[float], None] | None = None,
) -> list[list[Summary]]:
    """Each scenario's summaries, replication by replication, all with the same ``seeds``.

    Args:
        scenarios: the coalitions' scenarios.
        seeds: replication seeds, the same for every scenario (common random numbers).
        workers: worker processes for all the tasks together; 1 runs in this process.
        progress: called with the number of replications finished over all scenarios.
    """
    tasks = [(s, r) for s in range(len(scenarios)) for r in range(len(seeds))]
    results: list[list[Summary]] = [[{} for _ in seeds] for _ in scenarios]
    if workers == 1:
        for done, (s, r) in enumerate(tasks, start=1):
            results[s][r] = summary_of(scenarios[s], seeds[r], r)
            if progress:
                progress(done)
        return results
    # Spawn, not fork, as govsim.runner does: numpy's threads make forking unsafe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(summary_of, scenarios[s], seeds[r], r): (s, r) for s, r in tasks}
        for done, future in enumerate(as_completed(futures), start=1):
            s, r = futures[future]
            results[s][r] = future.result()
            if progress:
                progress(done)
    return results
