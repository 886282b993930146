"""Running an attribution: every coalition with the same replication seeds, then the values.

Replication i of every coalition uses the same seed (common random numbers), so a coalition's
marginal contribution in replication i is read against the same luck. Each replication's game
gives each player a Shapley value; their mean and 95% interval over replications are reported.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from govsim.attribution.executing import Summary, run_coalitions
from govsim.attribution.players import Game
from govsim.attribution.shapley import (
    EXACT_LIMIT,
    coalitions_of,
    exact_shapley,
    interaction_index,
    orders_of_arrival,
    pair_coalitions,
    sampled_interaction,
    sampled_shapley,
)
from govsim.comparison.frames import COLLATERAL, COLLATERAL_PARTS
from govsim.results import HEADLINE, mean_ci, t_quantile
from govsim.runner import replication_seeds
from govsim.scenario.overrides import resolved_data
from govsim.scenario.schema import Scenario

ATTRIBUTED: tuple[str, ...] = ("net_loss", "victims", COLLATERAL, "governance_cost")
"""Outcomes whose reduction against the empty coalition is shared out among the players."""
GRAND = "grand_coalition"


@dataclass
class Attribution:
    """Each coalition's outcomes per replication, and the players' shares of the reduction."""

    game: Game
    seed: int
    seeds: list[int]
    coalitions: pd.DataFrame
    values: pd.DataFrame
    interactions: pd.DataFrame
    method: str
    orders: int = 0
    """Orders of arrival sampled (0 when exact)."""
    pair_samples: int = 0
    """Coalitions drawn per pair for the interaction indices (0 when exact or not estimated)."""
    wall: float = 0.0
    """Seconds spent running the coalitions."""

    @property
    def replications(self) -> int:
        """Replications per coalition."""
        return len(self.seeds)

    @property
    def coalitions_run(self) -> int:
        """Coalitions run; each of the others has the same run as one of them (``run_as``)."""
        return int(self.coalitions["run_as_mask"].nunique())

    @property
    def coalitions_shared(self) -> int:
        """Coalitions valued without a run of their own (they share another's)."""
        return int(self.coalitions["mask"].nunique()) - self.coalitions_run


PAIR_STREAM = 1
"""Second word of the generator key of the pairs' draws (the orders use the master seed alone)."""


@dataclass(frozen=True)
class Plan:
    """The coalitions an attribution runs, drawn before any is run (so progress knows the total)."""

    seed: int
    orders: np.ndarray | None
    """Orders of arrival above ``EXACT_LIMIT`` players; None when every coalition is run."""
    pairs: dict[tuple[int, int], list[int]]
    """Above ``EXACT_LIMIT``: per pair, the coalitions of the others drawn for its index."""
    masks: list[int]
    shared: dict[int, int]
    """Each coalition of ``masks`` and the coalition run for it (itself, mostly; it may be
    one outside ``masks`` when coalitions are sampled)."""

    @property
    def exact(self) -> bool:
        """Whether every coalition is run."""
        return self.orders is None

    @property
    def runs(self) -> list[int]:
        """The coalitions actually run: one for each set of coalitions whose runs are the same."""
        return sorted(set(self.shared.values()))


def shared_runs(game: Game, masks: list[int]) -> dict[int, int]:
    """For each coalition, the coalition run for it: one run for all whose runs are the same.

    Two coalitions run the same, bit for bit, when :meth:`Game.runs_as` says so (a party idle
    without another) or when their scenarios are the same key for key (a party that the
    scenario already leaves passive and unlinked, say): runs are pure functions of scenario
    and seed. The coalition run is the first (smallest) of those met.
    """
    first: dict[str, int] = {}
    shared = {}
    for mask in masks:
        runs_as = game.runs_as(mask)
        shared[mask] = first.setdefault(_fingerprint(game.coalition(runs_as)), runs_as)
    return shared


def _fingerprint(scenario: Scenario) -> str:
    """The scenario as canonical text: equal for equal scenarios."""
    return json.dumps(resolved_data(scenario), sort_keys=True, ensure_ascii=False)


def plan(game: Game, seed: int | None = None, orders: int = 20, pair_samples: int = 0) -> Plan:
    """Which coalitions to run: all of them up to ``EXACT_LIMIT`` players, else sampled ones.

    Args:
        game: the players and the scenario of each coalition.
        seed: master seed (default: the scenario's); it seeds the orders and the pairs' draws.
        orders: above ``EXACT_LIMIT`` players, random orders of arrival (each also reversed).
        pair_samples: above ``EXACT_LIMIT`` players, coalitions drawn per pair for its
            interaction index (each adds up to four coalitions to run); 0 estimates none.
    """
    n = len(game.players)
    master = game.scenario.seed if seed is None else seed
    if n <= EXACT_LIMIT:
        masks = list(range(1 << n))
        return Plan(master, None, {}, masks, shared_runs(game, masks))
    sampled = orders_of_arrival(n, orders, np.random.default_rng(master))
    masks = set(coalitions_of(sampled))
    pairs: dict[tuple[int, int], list[int]] = {}
    if pair_samples:
        rng = np.random.default_rng([master, PAIR_STREAM])
        for a in range(n):
            for b in range(a + 1, n):
                drawn = pair_coalitions(n, a, b, pair_samples, rng)
                pairs[a, b] = drawn
                masks.update(m | extra for m in drawn for extra in (0, 1 << a, 1 << b))
                masks.update(m | (1 << a) | (1 << b) for m in drawn)
    return Plan(master, sampled, pairs, sorted(masks), shared_runs(game, sorted(masks)))


def attribute(
    game: Game,
    replications: int = 10,
    seed: int | None = None,
    workers: int = 1,
    orders: int = 20,
    progress: Callable[[float], None] | None = None,
    pair_samples: int = 0,
) -> Attribution:
    """Run the coalitions the method needs and share each outcome's reduction among players.

    Args:
        game: the players and the scenario of each coalition.
        replications: replications per coalition, with the same seeds for every one.
        seed: master seed (default: the scenario's).
        workers: worker processes per coalition's run.
        orders: above ``EXACT_LIMIT`` players, random orders of arrival (each also reversed).
        progress: called with the replications finished over all coalitions.
        pair_samples: above ``EXACT_LIMIT`` players, coalitions drawn per pair to estimate its
            interaction index (0: interactions are not estimated).
    """
    chosen = plan(game, seed, orders, pair_samples)
    started = time.perf_counter()
    seeds = replication_seeds(chosen.seed, replications)
    runs = chosen.runs
    scenarios = [game.coalition(mask) for mask in runs]
    summaries = dict(zip(runs, run_coalitions(scenarios, seeds, workers, progress), strict=True))
    frames = [
        coalition_frame(game, mask, summaries[chosen.shared[mask]], chosen.shared[mask])
        for mask in chosen.masks
    ]
    coalitions = pd.concat(frames, ignore_index=True)
    gains = reductions(coalitions)
    wall = time.perf_counter() - started
    if chosen.exact:
        values, interactions = exact_frames(game, gains)
        return Attribution(
            game, chosen.seed, seeds, coalitions, values, interactions, "exact", 0, 0, wall
        )
    values = sampled_frame(game, gains, chosen.orders)
    interactions = sampled_interactions_frame(game, gains, chosen.pairs)
    return Attribution(
        game,
        chosen.seed,
        seeds,
        coalitions,
        values,
        interactions,
        "sampled",
        2 * orders,
        pair_samples,
        wall,
    )


def coalition_frame(game: Game, mask: int, summaries: list[Summary], run_as: int) -> pd.DataFrame:
    """One coalition's outcomes (as ``govsim compare`` counts them), one row per replication.

    ``run_as`` is the coalition whose run gave them: ``mask`` itself, or one whose run is the
    same (:func:`shared_runs`).
    """
    summary = pd.DataFrame(summaries)
    frame = summary[list(HEADLINE)].astype(float)
    frame[COLLATERAL] = summary[list(COLLATERAL_PARTS)].astype(float).sum(axis=1)
    members = game.members(mask)
    frame.insert(0, "replication", range(len(summaries)))
    frame.insert(0, "size", len(members))
    frame.insert(0, "run_as", "+".join(game.members(run_as)) or "none")
    frame.insert(0, "run_as_mask", run_as)
    frame.insert(0, "coalition", "+".join(members) or "none")
    frame.insert(0, "mask", mask)
    return frame


def reductions(coalitions: pd.DataFrame) -> dict[str, dict[int, np.ndarray]]:
    """Per outcome, each coalition's reduction against the empty one, per replication."""
    by_mask = {mask: rows.sort_values("replication") for mask, rows in coalitions.groupby("mask")}
    empty = by_mask[0]
    return {
        outcome: {
            mask: empty[outcome].to_numpy(float) - rows[outcome].to_numpy(float)
            for mask, rows in by_mask.items()
        }
        for outcome in ATTRIBUTED
    }


VALUE_COLUMNS = ("player", "outcome", "shapley", "ci_low", "ci_high", "share")
INTERACTION_COLUMNS = ("player_a", "player_b", "outcome", "index", "ci_low", "ci_high")


def exact_frames(
    game: Game, gains: dict[str, dict[int, np.ndarray]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Exact Shapley values and every pair's interaction index, with 95% intervals."""
    n = len(game.players)
    value_rows, pair_rows = [], []
    for outcome, by_mask in gains.items():
        table = np.stack([by_mask[mask] for mask in range(1 << n)])
        shapley = exact_shapley(table, n)
        value_rows += _value_rows(game.players, outcome, shapley, table[-1])
        for a in range(n):
            for b in range(a + 1, n):
                mean, low, high = _interval(interaction_index(table, n, a, b))
                names = (game.players[a], game.players[b])
                pair_rows.append(
                    dict(zip(INTERACTION_COLUMNS, (*names, outcome, mean, low, high), strict=True))
                )
    return pd.DataFrame(value_rows), pd.DataFrame(pair_rows, columns=list(INTERACTION_COLUMNS))


def sampled_frame(
    game: Game, gains: dict[str, dict[int, np.ndarray]], orders: np.ndarray
) -> pd.DataFrame:
    """Shapley values estimated over orders of arrival; intervals carry both errors.

    The replication spread of each player's estimate gives one standard error; the spread of
    the orders' contributions (averaged over replications) the sampling one. The orders are
    the same in every replication, so the two add as independent variances.
    """
    grand = (1 << len(game.players)) - 1
    rows = []
    for outcome, by_mask in gains.items():
        estimate, contributions = sampled_shapley(by_mask.__getitem__, orders)
        per_order = contributions.mean(axis=2)
        sampling = per_order.std(axis=0, ddof=1) / math.sqrt(per_order.shape[0])
        rows += _value_rows(game.players, outcome, estimate, by_mask[grand], sampling)
    return pd.DataFrame(rows)


def sampled_interactions_frame(
    game: Game,
    gains: dict[str, dict[int, np.ndarray]],
    pairs: dict[tuple[int, int], list[int]],
) -> pd.DataFrame:
    """Interaction indices estimated from each pair's drawn coalitions; errors as for values.

    A pair's draws are the same in every replication, so the replications' spread and the
    draws' sampling error (the spread of the draws' joint effects, averaged over replications)
    add as independent variances.
    """
    rows = []
    for outcome, by_mask in gains.items():
        for (a, b), drawn in pairs.items():
            estimate, joint = sampled_interaction(by_mask.__getitem__, drawn, a, b)
            per_draw = joint.mean(axis=1)
            sampling = (
                float(per_draw.std(ddof=1) / math.sqrt(len(drawn))) if len(drawn) > 1 else math.nan
            )
            mean, low, high = _interval(estimate, sampling)
            names = (game.players[a], game.players[b])
            rows.append(
                dict(zip(INTERACTION_COLUMNS, (*names, outcome, mean, low, high), strict=True))
            )
    return pd.DataFrame(rows, columns=list(INTERACTION_COLUMNS))


def _value_rows(
    players: tuple[str, ...],
    outcome: str,
    shapley: np.ndarray,
    grand: np.ndarray,
    sampling: np.ndarray | None = None,
) -> list[dict[str, object]]:
    whole = float(np.mean(grand))
    rows = []
    for i, player in enumerate(players):
        extra = 0.0 if sampling is None else float(sampling[i])
        mean, low, high = _interval(shapley[i], extra)
        share = mean / whole if whole else math.nan
        rows.append(
            dict(zip(VALUE_COLUMNS, (player, outcome, mean, low, high, share), strict=True))
        )
    mean, low, high = _interval(grand)
    # The whole is all of itself, unless it is 0 (as each player's share then, NaN).
    grand_share = 1.0 if whole else math.nan
    rows.append(
        dict(zip(VALUE_COLUMNS, (GRAND, outcome, mean, low, high, grand_share), strict=True))
    )
    return rows


def _interval(values: np.ndarray, sampling_se: float = 0.0) -> tuple[float, float, float]:
    """Mean over replications and its 95% t interval, widened by a sampling error if any."""
    mean, low, high = mean_ci(pd.Series(np.asarray(values, dtype=float)))
    if sampling_se and not math.isnan(low):
        n = len(values)
        se = (high - mean) / t_quantile(n - 1)
        half = t_quantile(n - 1) * math.sqrt(se**2 + sampling_se**2)
        low, high = mean - half, mean + half
    return mean, low, high
