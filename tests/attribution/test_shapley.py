"""Shapley values and interaction indices on synthetic games with known answers (pure, fast)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from numpy.testing import assert_allclose

from govsim.attribution.shapley import (
    coalitions_of,
    exact_shapley,
    interaction_index,
    orders_of_arrival,
    pair_coalitions,
    sampled_interaction,
    sampled_shapley,
)


def table_of(game, players: int, replications: int = 1) -> np.ndarray:
    """The game's value of every coalition (by mask), shape (2^n, replications)."""
    values = [game({i for i in range(players) if mask >> i & 1}) for mask in range(1 << players)]
    return np.asarray(values, dtype=float).reshape(1 << players, -1) * np.ones(replications)


def noisy_game(players: int, replications: int, seed: int = 0) -> np.ndarray:
    """A game with synergies and a different draw of luck in each replication."""
    rng = np.random.default_rng(seed)
    weights = rng.uniform(0, 10, players)
    base = table_of(lambda s: sum(weights[i] for i in s) + 5.0 * len(s) ** 1.5, players)
    return base + rng.normal(0, 3, (1 << players, replications))


def test_efficiency_holds_in_every_replication():
    table = noisy_game(5, 7)
    values = exact_shapley(table, 5)
    assert_allclose(values.sum(axis=0), table[-1] - table[0], rtol=1e-12)


def test_identical_players_get_equal_values():
    # Players 1 and 3 are interchangeable: the game sees only whether each is in.
    def game(s):
        return 4.0 * (0 in s) + 3.0 * (1 in s) + 3.0 * (3 in s) + 6.0 * ({1, 3} <= s) + (2 in s)

    values = exact_shapley(table_of(game, 4), 4)[:, 0]
    assert values[1] == pytest.approx(values[3])
    assert values[1] == pytest.approx(3.0 + 3.0)


def test_a_player_with_no_effect_gets_zero():
    def game(s):
        return 2.0 * (0 in s) * (1 in s) + 5.0 * (2 in s)  # player 3 changes nothing

    values = exact_shapley(table_of(game, 4), 4)[:, 0]
    assert values[3] == pytest.approx(0.0, abs=1e-12)
    assert_allclose(values[:3], [1.0, 1.0, 5.0])


def test_the_glove_game_has_its_textbook_values():
    # One left glove (player 0), two right gloves: a pair is worth 1. Shapley: 2/3, 1/6, 1/6.
    def game(s):
        return float(0 in s and bool({1, 2} & s))

    assert_allclose(exact_shapley(table_of(game, 3), 3)[:, 0], [2 / 3, 1 / 6, 1 / 6])


def test_an_additive_game_has_no_interaction():
    table = table_of(lambda s: sum(i + 1.0 for i in s), 5)
    for a, b in itertools.combinations(range(5), 2):
        assert interaction_index(table, 5, a, b)[0] == pytest.approx(0.0, abs=1e-12)


def test_a_pure_synergy_game_has_the_synergy_as_its_interaction():
    table = table_of(lambda s: 7.0 * ({0, 2} <= s) + (1 in s), 4)
    assert interaction_index(table, 4, 0, 2)[0] == pytest.approx(7.0)
    assert interaction_index(table, 4, 2, 0)[0] == pytest.approx(7.0)
    assert interaction_index(table, 4, 0, 1)[0] == pytest.approx(0.0, abs=1e-12)


def test_a_whole_game_is_needed():
    with pytest.raises(ValueError, match="needs 16 coalition values"):
        exact_shapley(np.zeros((8, 1)), 4)
    with pytest.raises(ValueError, match="two different players"):
        interaction_index(np.zeros((4, 1)), 2, 1, 1)


def test_sampled_orders_converge_to_the_exact_values_on_ten_players():
    table = noisy_game(10, 3, seed=4)
    exact = exact_shapley(table, 10)
    errors = []
    for count in (5, 50, 500):
        orders = orders_of_arrival(10, count, np.random.default_rng(1))
        estimate, contributions = sampled_shapley(lambda mask: table[mask], orders)
        assert_allclose(estimate.sum(axis=0), table[-1] - table[0], rtol=1e-9)  # efficiency
        errors.append(float(np.abs(estimate - exact).max()))
        spread = contributions.std(axis=0, ddof=1) / np.sqrt(len(orders))
        assert np.all(np.abs(estimate - exact) <= 5 * spread + 1e-9)
    assert errors[2] < errors[0]
    assert errors[2] < 0.05 * float(np.abs(exact).max())


def test_orders_come_with_their_reverses_and_pass_through_their_prefixes():
    orders = orders_of_arrival(4, 3, np.random.default_rng(0))
    assert orders.shape == (6, 4)
    assert (orders[3:] == orders[:3, ::-1]).all()
    masks = coalitions_of(orders)
    assert masks[0] == 0
    assert masks[-1] == 15
    first = orders[0]
    assert 1 << int(first[0]) in masks
    assert (1 << int(first[0])) | (1 << int(first[1])) in masks


def test_pair_draws_leave_the_pair_out_and_weigh_sizes_as_the_index_does():
    rng = np.random.default_rng(3)
    drawn = pair_coalitions(6, 1, 4, 20_000, rng)
    assert not any(mask & 0b10010 for mask in drawn)
    sizes = np.bincount([int(mask).bit_count() for mask in drawn], minlength=5)
    assert_allclose(sizes / len(drawn), np.full(5, 0.2), atol=0.015)  # uniform on 0..n-2
    # Within a size, every coalition of the others is equally likely.
    pairs_of_two = [mask for mask in drawn if int(mask).bit_count() == 2]
    counts = np.unique(pairs_of_two, return_counts=True)[1]
    assert len(counts) == 6  # C(4, 2)
    assert counts.min() > 0.8 * counts.mean()


def test_sampled_interactions_converge_to_the_exact_index_on_ten_players():
    table = noisy_game(10, 3, seed=5)
    for a, b in ((0, 1), (2, 9)):
        exact = interaction_index(table, 10, a, b)
        errors = []
        for count in (10, 4000):
            drawn = pair_coalitions(10, a, b, count, np.random.default_rng(a + b))
            estimate, joint = sampled_interaction(lambda mask: table[mask], drawn, a, b)
            spread = joint.std(axis=0, ddof=1) / np.sqrt(count)
            assert np.all(np.abs(estimate - exact) <= 5 * spread + 1e-9)
            errors.append(float(np.abs(estimate - exact).max()))
        assert errors[1] < errors[0]


def test_a_sampled_index_is_zero_in_an_additive_game_and_c_for_a_pure_pair():
    additive = table_of(lambda s: sum(3.0 * i for i in s), 10)
    drawn = pair_coalitions(10, 2, 5, 30, np.random.default_rng(0))
    assert_allclose(sampled_interaction(lambda m: additive[m], drawn, 2, 5)[0], 0.0, atol=1e-12)
    pure = table_of(lambda s: 7.0 if {2, 5} <= s else 0.0, 10)
    assert_allclose(sampled_interaction(lambda m: pure[m], drawn, 2, 5)[0], 7.0)
