"""Residents as columns: lazy awareness, social ties, the readable record."""

from __future__ import annotations

import json

import numpy as np
import pytest

from govsim.agents.residents import Residents
from govsim.randomness import KeyedRandom
from govsim.scenario.fields import AGE_GROUPS
from govsim.scenario.population import Population


def residents(size: int = 3_000, seed: int = 1, **config) -> Residents:
    return Residents(Population(size=size, **config), KeyedRandom(seed))


def test_awareness_decays_toward_the_floor_with_the_half_life():
    city = residents(awareness_floor=0.2, awareness_half_life_days=30.0)
    ids = np.arange(10)
    city.awareness_set[ids] = 0.9
    city.awareness_day[ids] = 5
    assert city.awareness(ids, 5) == pytest.approx(np.full(10, 0.9), rel=1e-6)
    assert city.awareness(ids, 35) == pytest.approx(np.full(10, 0.2 + 0.7 / 2), rel=1e-6)
    assert city.awareness(ids, 65) == pytest.approx(np.full(10, 0.2 + 0.7 / 4), rel=1e-6)
    assert city.awareness(ids, 5_000) == pytest.approx(np.full(10, 0.2), rel=1e-6)


def test_awareness_below_the_floor_rises_toward_it():
    city = residents(awareness_floor=0.3, awareness_half_life_days=10.0)
    ids = np.array([0])
    city.awareness_set[ids] = 0.1
    city.awareness_day[ids] = 0
    assert city.awareness(ids, 10)[0] == pytest.approx(0.2, rel=1e-6)


def test_reading_awareness_changes_no_state():
    city = residents()
    before = city.awareness_set.copy(), city.awareness_day.copy()
    city.awareness(np.arange(city.size), 400)
    city.mean_awareness_by_group(400)
    assert np.array_equal(city.awareness_set, before[0])
    assert np.array_equal(city.awareness_day, before[1])


def test_boost_raises_awareness_by_its_share_of_the_gap():
    city = residents(awareness_floor=0.2, awareness_half_life_days=30.0)
    ids = np.array([3, 4])
    city.awareness_set[ids] = [0.2, 0.6]
    city.awareness_day[ids] = 0
    city.boost_awareness(ids, 0, 0.5)
    assert city.awareness(ids, 0) == pytest.approx([0.6, 0.8], rel=1e-6)
    assert city.awareness_day[ids].tolist() == [0, 0]


def test_boost_starts_from_the_decayed_value_and_restarts_the_clock():
    city = residents(awareness_floor=0.2, awareness_half_life_days=30.0)
    ids = np.array([7])
    city.awareness_set[ids] = 0.8
    city.awareness_day[ids] = 0
    city.boost_awareness(ids, 30, 0.5)  # decayed to 0.5, then half the gap to 1
    assert city.awareness(ids, 30)[0] == pytest.approx(0.75, rel=1e-6)
    assert city.awareness_day[7] == 30
    assert city.awareness(ids, 60)[0] == pytest.approx(0.2 + 0.55 / 2, rel=1e-6)


def test_boost_by_nothing_or_of_nobody_changes_nothing():
    city = residents()
    before = city.awareness_set.copy()
    city.boost_awareness(np.arange(50), 10, 0.0)
    city.boost_awareness(np.empty(0, dtype=np.int64), 10, 0.5)
    assert np.array_equal(city.awareness_set, before)
    assert not city.awareness_day.any()


def tie_pairs(city: Residents) -> tuple[np.ndarray, np.ndarray]:
    degree = np.diff(city.tie_start)
    return np.repeat(np.arange(city.size), degree), city.tie_target.astype(np.int64)


def test_ties_are_symmetric():
    city = residents(size=4_000)
    source, target = tie_pairs(city)
    forward = np.sort(source * city.size + target)
    backward = np.sort(target * city.size + source)
    assert forward.size > 0
    assert np.array_equal(forward, backward)
    for i in range(0, city.size, 97):
        for j in city.ties_of(np.array([i])):
            assert i in city.ties_of(np.array([j]))


def test_no_one_is_tied_to_themselves():
    city = residents()
    source, target = tie_pairs(city)
    assert not (source == target).any()


def test_ties_of_several_residents_is_the_concatenation_of_each():
    city = residents()
    ids = np.array([5, 0, 17, 5, 2_999])
    alone = [city.ties_of(np.array([i])) for i in ids]
    assert np.array_equal(city.ties_of(ids), np.concatenate(alone))
    assert city.ties_of(np.empty(0, dtype=np.int64)).size == 0


def test_random_tie_picks_the_tie_its_uniform_points_to():
    city = residents()
    ids = np.array([0, 1, 2, 0, 0])
    draw = np.array([0.0, 0.5, 0.999, 0.999, 0.5])
    ties = city.random_tie(ids, draw)
    for i, u, tie in zip(ids, draw, ties, strict=True):
        own = city.ties_of(np.array([i]))
        assert tie == own[int(u * own.size)]
    loner = np.flatnonzero(np.diff(city.tie_start) == 0)
    if loner.size:
        assert city.random_tie(loner[:1], np.array([0.3])).tolist() == [-1]


def test_random_ties_are_about_evenly_spread_over_a_residents_ties():
    city = residents()
    hub = int(np.argmax(np.diff(city.tie_start)))
    own = city.ties_of(np.array([hub]))
    draw = KeyedRandom(3).uniform("target_tie", np.arange(20_000))
    ties = city.random_tie(np.full(draw.size, hub), draw)
    assert set(ties.tolist()) == set(own.tolist())
    counts = np.array([(ties == t).sum() for t in np.unique(own)])
    multiplicity = np.array([(own == t).sum() for t in np.unique(own)])
    expected = 20_000 * multiplicity / own.size
    assert counts == pytest.approx(expected, rel=0.15)


def test_a_resident_without_ties_has_no_random_tie():
    city = residents(ties_per_resident=1)
    degree = np.diff(city.tie_start)
    loners, social = np.flatnonzero(degree == 0), np.flatnonzero(degree > 0)
    assert loners.size > 0
    ids = np.concatenate([loners[:10], social[:10]])
    ties = city.random_tie(ids, np.full(ids.size, 0.5))
    assert (ties[: loners[:10].size] == -1).all()
    assert (ties[loners[:10].size :] >= 0).all()


def test_same_seed_gives_the_same_residents_and_another_seed_others():
    one, same, other = residents(seed=4), residents(seed=4), residents(seed=5)
    for column in ("group", "region", "savings", "frailty", "awareness_set", "tie_target"):
        assert np.array_equal(getattr(one, column), getattr(same, column)), column
        assert not np.array_equal(getattr(one, column), getattr(other, column)), column


def test_each_attribute_keeps_its_draws_when_another_attribute_changes():
    base = residents(size=4_000, seed=6)
    richer = residents(size=4_000, seed=6, savings_sigma=2.0, frailty_sigma=0.1)
    for column in ("group", "region", "awareness_set", "tie_start", "tie_target"):
        assert np.array_equal(getattr(base, column), getattr(richer, column)), column
    assert not np.array_equal(base.savings, richer.savings)
    # The same normal deviates, scaled: log savings over the median double with the sigma.
    medians = np.array(base.config.savings_median.as_tuple())[base.group]
    deviates = np.log(base.savings / medians)
    assert np.log(richer.savings / medians) == pytest.approx(2.0 * deviates, rel=1e-9, abs=1e-9)

    def frailty_deviates(city: Residents) -> np.ndarray:
        sigma = city.config.frailty_sigma
        return (np.log(city.frailty.astype(float)) + 0.5 * sigma**2) / sigma

    assert frailty_deviates(richer) == pytest.approx(frailty_deviates(base), abs=1e-4)


def test_mean_degree_matches_ties_per_resident():
    city = residents(size=5_000, ties_per_resident=8)
    assert np.diff(city.tie_start).mean() == pytest.approx(8.0, rel=0.05)


@pytest.mark.parametrize("share", [0.0, 0.5, 0.8, 1.0])
def test_tie_same_region_share_is_respected(share):
    city = residents(size=5_000, regions=4, tie_same_region_share=share)
    source, target = tie_pairs(city)
    same = (city.region[source] == city.region[target]).mean()
    by_chance = ((np.bincount(city.region) / city.size) ** 2).sum()
    expected = share + (1.0 - share) * by_chance
    assert same == pytest.approx(expected, abs=0.025)


def test_record_is_a_readable_dict():
    city = residents(size=1_000, regions=["north", "south"])
    city.savings[12] = 1234.5
    city.victimisations[12] = 2
    city.compromised[12] = True
    record = city.record(12, day=3)
    assert record["id"] == 12
    assert record["region"] in ("north", "south")
    assert record["age_group"] in AGE_GROUPS
    assert record["age_group"] == AGE_GROUPS[int(city.group[12])]
    assert record["savings"] == 1234.5
    assert record["victimisations"] == 2
    assert record["account_compromised"] is True
    assert record["awareness"] == pytest.approx(float(city.awareness(np.array([12]), 3)[0]))
    assert record["ties"] == city.ties_of(np.array([12])).tolist()
    assert json.loads(json.dumps(record)) == record


def test_mean_awareness_by_group_has_one_value_per_group():
    city = residents(size=3_000)
    means = city.mean_awareness_by_group(0)
    assert means.shape == (3,)
    assert ((means >= 0.0) & (means <= 1.0)).all()
    current = city.awareness(np.arange(city.size), 0)
    for g in range(3):
        assert means[g] == pytest.approx(current[city.group == g].mean(), rel=1e-6)


def test_initial_awareness_follows_the_group_means():
    city = residents(
        size=5_000,
        awareness_initial={"student": 0.1, "working": 0.5, "elderly": 0.8},
        awareness_concentration=50.0,
    )
    assert city.mean_awareness_by_group(0) == pytest.approx([0.1, 0.5, 0.8], abs=0.02)


def test_group_means_kept_incrementally_equal_the_exact_means():
    from tests.mechanisms.builders import model as build

    city = build(seed=5, size=5_000)
    for _ in range(90):
        city.step()
    residents = city.residents
    everyone = np.arange(residents.size)
    exact = np.bincount(
        residents.group, weights=residents.awareness(everyone, city.day), minlength=3
    ) / np.maximum(residents.group_sizes, 1)
    np.testing.assert_allclose(residents.mean_awareness_by_group(city.day), exact, rtol=1e-7)


def test_boosting_the_same_resident_twice_in_one_call_counts_once():
    from tests.mechanisms.builders import model as build

    residents = build(seed=2, size=1_000).residents
    ids = np.array([7, 7, 7])
    residents.boost_awareness(ids, 3, 0.5)
    exact = np.bincount(
        residents.group, weights=residents.awareness(np.arange(residents.size), 3), minlength=3
    ) / np.maximum(residents.group_sizes, 1)
    np.testing.assert_allclose(residents.mean_awareness_by_group(3), exact, rtol=1e-7)


def test_record_without_institution_names_gives_their_index():
    city = residents(size=100)
    assert city.record(3)["bank"] == 0
