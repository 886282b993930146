"""Shapley values and pairwise interaction indices of a cooperative game, by bit masks.

A game is a table of values: ``values[mask]`` is what the coalition whose members are the set
bits of ``mask`` earns (bit i is player i), with a trailing axis of replications, so that one
call gives every replication's values at once. Shapley values are linear in the game, so the
mean over replications of each replication's value is the value of the mean game.

- :func:`exact_shapley` weighs each marginal contribution ``v(S + i) - v(S)`` by
  ``|S|! (n - |S| - 1)! / n!``: the chance that, players arriving in a random order, exactly S
  came before i. It needs every one of the 2^n coalitions.
- :func:`interaction_index` is the Shapley interaction index of a pair (Grabisch 1997):
  ``sum over S without i, j of |S|! (n - |S| - 2)! / (n - 1)! * (v(S+i+j) - v(S+i) - v(S+j) +
  v(S))``. It is 0 in an additive game, and c in a game that pays c only when i and j are both
  in: positive means the pair earns more together than apart.
- :func:`sampled_shapley` averages marginal contributions over random orders of arrival; each
  order's contributions add up to ``v(N) - v(empty)`` exactly, so efficiency holds for the
  estimate too.
- :func:`sampled_interaction` estimates a pair's interaction index from coalitions of the other
  players drawn as the index weighs them (:func:`pair_coalitions`): the weights of all
  coalitions of size s add up to ``1 / (n - 1)``, so the index is the mean of the pair's joint
  effect over a size uniform on 0..n-2 and then a coalition of that size uniform among the
  others.
"""

from __future__ import annotations

from collections.abc import Callable
from math import factorial

import numpy as np

EXACT_LIMIT = 8
"""Up to this many players every coalition is run; above, orders of arrival are sampled."""


def coalition_size(mask: int) -> int:
    """Number of players in the coalition ``mask``."""
    return int(mask).bit_count()


def exact_shapley(values: np.ndarray, players: int) -> np.ndarray:
    """Each player's Shapley value, shape ``(players, *values.shape[1:])``.

    Raises:
        ValueError: if ``values`` does not hold one row per coalition (2^players rows).
    """
    values = _checked(values, players)
    weights = _weights(players, players - 1)
    result = np.zeros((players, *values.shape[1:]))
    for player in range(players):
        bit = 1 << player
        for mask in range(1 << players):
            if not mask & bit:
                result[player] += weights[coalition_size(mask)] * (
                    values[mask | bit] - values[mask]
                )
    return result


def interaction_index(values: np.ndarray, players: int, first: int, second: int) -> np.ndarray:
    """The Shapley interaction index of players ``first`` and ``second`` (per replication).

    Raises:
        ValueError: if the two players are the same, or ``values`` is not a whole game.
    """
    if first == second:
        raise ValueError("an interaction needs two different players")
    values = _checked(values, players)
    a, b = 1 << first, 1 << second
    weights = _weights(players - 1, players - 2)
    result = np.zeros(values.shape[1:])
    for mask in range(1 << players):
        if mask & (a | b):
            continue
        joint = values[mask | a | b] - values[mask | a] - values[mask | b] + values[mask]
        result = result + weights[coalition_size(mask)] * joint
    return result


def _weights(total: int, others: int) -> list[float]:
    """``s! (others - s)! / total!`` for each coalition size s up to ``others``."""
    return [factorial(s) * factorial(others - s) / factorial(total) for s in range(others + 1)]


def _checked(values: np.ndarray, players: int) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    if players < 1 or values.shape[0] != 1 << players:
        raise ValueError(f"a game of {players} players needs {1 << players} coalition values")
    return values


def orders_of_arrival(players: int, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` random orders, each followed by its reverse (antithetic pairs), shape (2c, n).

    A reversed order puts late players early, which balances each player's positions and
    narrows the estimate for the same number of coalitions.
    """
    orders = np.array([rng.permutation(players) for _ in range(count)], dtype=int)
    return np.concatenate([orders, orders[:, ::-1]]).reshape(2 * count, players)


def coalitions_of(orders: np.ndarray) -> list[int]:
    """Every coalition the orders pass through (each prefix, the empty one included), sorted."""
    masks = {0}
    for order in orders:
        mask = 0
        for player in order:
            mask |= 1 << int(player)
            masks.add(mask)
    return sorted(masks)


def sampled_shapley(
    value: Callable[[int], np.ndarray], orders: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Marginal contributions along each order: the estimate, and each order's contributions.

    Args:
        value: the value of a coalition (by mask), an array over replications.
        orders: orders of arrival, one per row (:func:`orders_of_arrival`).

    Returns:
        The estimate, shape ``(players, replications)``, and the contributions, shape
        ``(orders, players, replications)``, from whose spread the sampling error follows.
    """
    contributions = []
    for order in orders:
        mask, before = 0, value(0)
        row = [np.zeros_like(before)] * len(order)
        for player in order:
            mask |= 1 << int(player)
            after = value(mask)
            row[int(player)] = after - before
            before = after
        contributions.append(np.stack(row))
    stacked = np.stack(contributions)
    return stacked.mean(axis=0), stacked


def pair_coalitions(
    players: int, first: int, second: int, count: int, rng: np.random.Generator
) -> list[int]:
    """``count`` coalitions of the players other than the pair, drawn as the index weighs them.

    A size uniform on 0..n-2, then that many of the other players at random: the chance of
    each coalition S is then ``|S|! (n - |S| - 2)! / (n - 1)!``, its weight in the index.
    """
    if first == second:
        raise ValueError("an interaction needs two different players")
    others = np.array([p for p in range(players) if p not in (first, second)], dtype=int)
    masks = []
    for _ in range(count):
        size = int(rng.integers(0, players - 1))
        chosen = rng.choice(others, size=size, replace=False)
        masks.append(sum(1 << int(p) for p in chosen))
    return masks


def sampled_interaction(
    value: Callable[[int], np.ndarray], coalitions: list[int], first: int, second: int
) -> tuple[np.ndarray, np.ndarray]:
    """The pair's joint effect over the drawn coalitions: the estimate, and each draw's effect.

    Args:
        value: the value of a coalition (by mask), an array over replications.
        coalitions: coalitions of the other players (:func:`pair_coalitions`).
        first: one player of the pair.
        second: the other.

    Returns:
        The estimate, shape ``(replications,)``, and the joint effects, shape
        ``(draws, replications)``, from whose spread the sampling error follows.
    """
    a, b = 1 << first, 1 << second
    joint = np.stack(
        [value(s | a | b) - value(s | a) - value(s | b) + value(s) for s in coalitions]
    )
    return joint.mean(axis=0), joint
