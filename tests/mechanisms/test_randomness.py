"""Keyed randomness: every draw is a pure function of (seed, purpose, keys).

The unit tests pin down the generator and its distributions; the model-level tests check what
the keying is for, common random numbers: the same attempt meets the same luck in every
scenario that makes it, and a change that touches some residents leaves the others' luck alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import special, stats

import govsim
from govsim.contacting import make_contacts
from govsim.randomness import (
    PURPOSE_KEYS,
    PURPOSES,
    SMALL_COUNTS,
    SMALL_MEAN,
    KeyedRandom,
    _poisson_search,
    combine,
    name_key,
    poisson_quantile,
)
from govsim.scenario.events import Campaign
from govsim.scenario.fields import AGE_GROUPS
from tests.helpers import shipped
from tests.mechanisms.builders import model

N = 100_000
KEYS = np.arange(N)


# --- uniforms ---------------------------------------------------------------------------------
def test_uniforms_lie_strictly_inside_the_unit_interval():
    keyed = KeyedRandom(1)
    u = keyed.uniform("target", KEYS)
    assert u.shape == (N,)
    assert u.dtype == np.float64
    assert (u > 0.0).all()
    assert (u < 1.0).all()
    extreme = np.array([0, 1, -1, 2**63 - 1, -(2**63)], dtype=np.int64)
    for seed in (0, 1, 2**64 - 1):
        v = KeyedRandom(seed).uniform("engage", extreme)
        assert ((v > 0.0) & (v < 1.0)).all()


def test_the_same_seed_purpose_and_keys_give_the_same_uniforms():
    first = KeyedRandom(42).uniform("engage", KEYS, 7)
    again = KeyedRandom(42).uniform("engage", KEYS, 7)
    assert np.array_equal(first, again)
    assert KeyedRandom(42).one("engage", 3, 7) == first[3]


def test_another_seed_gives_other_uniforms():
    one = KeyedRandom(1).uniform("engage", KEYS)
    other = KeyedRandom(2).uniform("engage", KEYS)
    assert (one != other).mean() > 0.999
    assert abs(np.corrcoef(one, other)[0, 1]) < 0.02


def test_another_purpose_gives_other_uniforms():
    keyed = KeyedRandom(3)
    engage, seen = keyed.uniform("engage", KEYS), keyed.uniform("seen", KEYS)
    assert (engage != seen).mean() > 0.999
    assert abs(np.corrcoef(engage, seen)[0, 1]) < 0.02


def test_another_key_gives_another_uniform():
    keyed = KeyedRandom(4)
    u = keyed.uniform("target", KEYS)
    assert np.unique(u).size == N  # no two keys of 100,000 share a uniform
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 0.02  # neighbouring keys are unrelated
    assert keyed.one("target", 1, 2) != keyed.one("target", 2, 1)  # the keys' order matters
    assert keyed.one("target", 1) != keyed.one("target", 1, 0)  # and their number
    day_one, day_two = keyed.uniform("target", KEYS, 1), keyed.uniform("target", KEYS, 2)
    assert abs(np.corrcoef(day_one, day_two)[0, 1]) < 0.02


def test_keys_broadcast_like_numpy_arrays():
    keyed = KeyedRandom(5)
    rows, cols = np.arange(4)[:, None], np.arange(3)[None, :]
    grid = keyed.uniform("attempt_count", rows, 9, cols)
    assert grid.shape == (4, 3)
    for i in range(4):
        for j in range(3):
            assert grid[i, j] == keyed.one("attempt_count", i, 9, j)
    assert np.array_equal(
        keyed.uniform("seen", KEYS[:10], 3), keyed.uniform("seen", KEYS[:10], [3])
    )


def test_scalar_keys_give_one_draw():
    keyed = KeyedRandom(6)
    u = keyed.uniform("ring_entry", 12)
    assert u.shape == (1,)
    assert isinstance(keyed.one("ring_entry", 12), float)
    assert keyed.one("ring_entry", 12) == u[0]
    assert keyed.uniform("ring_entry").shape == (1,)  # no keys at all: one draw per purpose


def test_a_key_is_the_same_as_a_python_int_an_int64_or_a_uint64():
    keyed = KeyedRandom(7)
    # Ring keys are negative during the warm-up ((day << 16) | order with day < 0).
    for value in (0, 5, 2**40 + 3, (-3 << 16) | 2, -1):
        scalar = keyed.one("identification", value)
        as_int64 = keyed.uniform("identification", np.array([value], dtype=np.int64))[0]
        as_uint64 = keyed.uniform(
            "identification", np.array([value & (2**64 - 1)], dtype=np.uint64)
        )[0]
        assert scalar == as_int64 == as_uint64
    wide = np.array([1, 2, 3], dtype=np.int32)
    assert np.array_equal(keyed.uniform("seen", wide), keyed.uniform("seen", wide.astype(np.int64)))


def test_combine_is_the_running_hash_of_the_keys():
    keys = combine(3, np.arange(5), 11)
    assert keys.dtype == np.uint64
    assert keys.shape == (5,)
    assert np.unique(keys).size == 5
    assert np.array_equal(keys, combine(3, np.arange(5), 11))
    assert combine(3, 11)[0] != combine(11, 3)[0]
    # A keyed draw is the draw of the combined seed, purpose and keys.
    keyed = KeyedRandom(8)
    assert np.array_equal(keyed.key("seen", 4, 5), combine(8, PURPOSE_KEYS["seen"], 4, 5))


def test_uniforms_are_roughly_uniform():
    u = KeyedRandom(9).uniform("engage", KEYS)
    assert u.mean() == pytest.approx(0.5, abs=0.005)
    assert u.var() == pytest.approx(1 / 12, abs=0.002)
    counts = np.histogram(u, bins=20, range=(0.0, 1.0))[0]
    assert counts == pytest.approx(np.full(20, N / 20), abs=0.08 * N / 20)
    assert stats.kstest(u, "uniform").pvalue > 1e-4


def test_every_purpose_has_its_own_constant_and_unknown_purposes_are_refused():
    assert len(set(PURPOSES)) == len(PURPOSES)
    assert set(PURPOSE_KEYS) == set(PURPOSES)
    assert len(set(PURPOSE_KEYS.values())) == len(PURPOSES)
    with pytest.raises(KeyError):
        KeyedRandom(1).uniform("no_such_purpose", 1)


def test_the_odd_lists_every_purpose_with_its_keys():
    """docs/ODD.md 4.10's table is where a reader finds what a draw is keyed to: all of them."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "ODD.md").read_text(encoding="utf-8")
    start = text.index("The purposes, their keys and their draws")
    table = text[start : text.index("\n\n", text.index("| --- |", start))]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    named = set(re.findall(r"`([a-z_]+)`", "\n".join(rows)))
    assert [purpose for purpose in PURPOSES if purpose not in named] == []
    assert named <= set(PURPOSES)


def test_name_keys_are_stable_distinct_and_fit_an_int64():
    names = ["fake_prize", "impersonate_official", "loan", "bank", "telecom", "platform"]
    keys = [name_key(name) for name in names]
    assert keys == [name_key(name) for name in names]
    assert len(set(keys)) == len(keys)
    assert all(0 <= key < 2**63 for key in keys)
    np.array(keys, dtype=np.int64)  # no overflow


# --- distributions ----------------------------------------------------------------------------
def test_normal_deviates_have_mean_zero_and_sd_one():
    z = KeyedRandom(10).normal("savings", KEYS)
    assert np.isfinite(z).all()
    assert z.mean() == pytest.approx(0.0, abs=0.015)
    assert z.std() == pytest.approx(1.0, abs=0.01)
    assert stats.kstest(z, "norm").pvalue > 1e-4
    # The inverse CDF of the same uniforms: monotone in them.
    u = KeyedRandom(10).uniform("savings", KEYS)
    assert np.array_equal(np.argsort(z), np.argsort(u))


def test_exponential_deviates_have_mean_one():
    e = KeyedRandom(11).exponential("recruitment_delay", KEYS)
    assert (e > 0).all()
    assert np.isfinite(e).all()
    assert e.mean() == pytest.approx(1.0, abs=0.015)
    assert e.var() == pytest.approx(1.0, abs=0.04)


@pytest.mark.parametrize("shape", [0.5, 1.0, 3.0, 20.0])
def test_gamma_deviates_have_mean_and_variance_equal_to_the_shape(shape):
    g = KeyedRandom(12).gamma(shape, "hop_hours", KEYS)
    assert (g >= 0).all()
    assert np.isfinite(g).all()
    assert g.mean() == pytest.approx(shape, rel=0.015)
    assert g.var() == pytest.approx(shape, rel=0.05)


def test_gamma_moves_monotonically_with_its_shape():
    keyed = KeyedRandom(13)
    low, high = keyed.gamma(2.0, "hop_hours", KEYS), keyed.gamma(2.5, "hop_hours", KEYS)
    assert (high >= low).all()


def test_round_keeps_the_mean_and_rounds_to_a_neighbour():
    keyed = KeyedRandom(14)
    for value in (0.0, 0.4, 2.3, 7.0, 9.999):
        rounded = keyed.round(value, "call_order", KEYS)
        assert rounded.dtype == np.int64
        assert set(np.unique(rounded).tolist()) <= {int(np.floor(value)), int(np.ceil(value))}
        assert rounded.mean() == pytest.approx(value, abs=0.005)
    assert (keyed.round(7.0, "call_order", KEYS) == 7).all()
    values = np.linspace(0.0, 5.0, N)
    rounded = keyed.round(values, "call_order", KEYS)
    assert (np.abs(rounded - values) < 1.0).all()
    assert rounded.mean() == pytest.approx(values.mean(), abs=0.01)


POISSON_MEANS = [0.0, 0.3, 3.0, 30.0, 300.0, 3_000.0]


@pytest.mark.parametrize("mean", POISSON_MEANS)
def test_poisson_counts_have_numpys_poisson_mean_and_variance(mean):
    counts = KeyedRandom(15).poisson(mean, "attempt_count", KEYS)
    reference = np.random.default_rng(15).poisson(mean, N)
    assert counts.dtype == np.int64
    assert (counts >= 0).all()
    tolerance = 5 * np.sqrt(max(mean, 1e-3) / N)  # five standard errors of the mean
    assert counts.mean() == pytest.approx(mean, abs=tolerance)
    assert counts.mean() == pytest.approx(reference.mean(), abs=2 * tolerance)
    assert counts.var() == pytest.approx(mean, rel=0.05, abs=1e-9)
    assert counts.var() == pytest.approx(reference.var(), rel=0.08, abs=1e-9)
    if mean == 0.0:
        assert not counts.any()


U_GRID = np.concatenate(
    [[1e-12, 1e-9, 1e-6, 1e-3], np.linspace(0.001, 0.999, 999), [0.999, 1 - 1e-6, 1 - 1e-9]]
)
LARGEST_U = 1 - 2**-53  # the largest float64 below 1


@pytest.mark.parametrize("mean", [0.3, 1.0, 3.0, 7.5, 30.0, 300.0, 3_000.0])
def test_poisson_quantile_is_exact_against_scipy(mean):
    k = poisson_quantile(U_GRID, np.full(U_GRID.size, mean))
    expected = stats.poisson.ppf(U_GRID, mean)
    assert np.array_equal(k, expected.astype(np.int64))
    # The definition, also in the far tail (where scipy's own ppf can be a step or two off):
    # the smallest k with P(X <= k) >= u.
    u = np.append(U_GRID, LARGEST_U)
    k = poisson_quantile(u, np.full(u.size, mean))
    cdf = special.pdtr(k, mean)
    below = special.pdtr(k - 1, mean)
    assert (cdf >= u).all()
    assert (below[k > 0] < u[k > 0]).all()


def test_the_table_of_small_means_gives_the_searchs_counts():
    """Small means are read off a table of the CDF; the counts are the search's, bit for bit.

    Also with u a float away from the CDF's values, where only the search can decide.
    """
    rng = np.random.default_rng(3)
    means = np.concatenate([10 ** rng.uniform(-12, np.log10(SMALL_MEAN), 50_000), [SMALL_MEAN]])
    u = rng.random(means.size)
    at = special.pdtr(rng.integers(0, SMALL_COUNTS + 2, means.size), means)
    nudged = at * (1 + rng.choice([-1, 0, 1], means.size) * 2.0**-52)
    for draws in (u, u**40, 1 - u**40, nudged):
        draws = np.clip(draws, 2.0**-53, LARGEST_U)  # keyed uniforms lie inside (0, 1)
        searched = _poisson_search(draws, means).astype(np.int64)
        assert np.array_equal(poisson_quantile(draws, means), searched)


@pytest.mark.parametrize("mean", [0.0, 0.3, 7.5, 300.0, 3_000.0])
def test_one_poisson_draw_is_the_same_as_within_an_array(mean):
    many = poisson_quantile(U_GRID, np.full(U_GRID.size, mean))
    one_by_one = [poisson_quantile(np.array([u]), np.array([mean]))[0] for u in U_GRID]
    assert np.array_equal(many, one_by_one)


def test_poisson_quantile_of_mean_zero_is_zero():
    assert not poisson_quantile(U_GRID, np.zeros(U_GRID.size)).any()


def test_poisson_quantile_is_monotone_in_the_mean_for_a_fixed_u():
    means = np.concatenate([[0.0], np.geomspace(1e-3, 5e3, 400)])
    u = np.linspace(0.0005, 0.9995, 200)
    k = poisson_quantile(u[:, None], means[None, :])
    assert k.shape == (u.size, means.size)
    assert (np.diff(k, axis=1) >= 0).all()
    assert (np.diff(k, axis=0) >= 0).all()  # and in u for a fixed mean


def test_poisson_quantile_broadcasts_and_handles_empty_input():
    k = poisson_quantile(np.array([0.5]), np.array([1.0, 10.0, 100.0]))
    assert k.tolist() == stats.poisson.ppf(0.5, [1.0, 10.0, 100.0]).astype(int).tolist()
    empty = poisson_quantile(np.empty(0), np.empty(0))
    assert empty.shape == (0,)
    assert empty.dtype == np.int64


def test_keyed_poisson_is_the_quantile_of_the_keyed_uniform():
    keyed = KeyedRandom(16)
    means = np.array([[0.5, 5.0], [50.0, 500.0]])
    counts = keyed.poisson(means, "attempt_count", np.arange(2)[:, None], np.arange(2)[None, :])
    u = keyed.uniform("attempt_count", np.arange(2)[:, None], np.arange(2)[None, :])
    assert np.array_equal(counts, poisson_quantile(u, means))
    # One key, several means: the same uniform for all, so counts rise with the mean.
    rising = keyed.poisson(np.array([1.0, 2.0, 4.0, 8.0]), "ring_entry", 3)
    assert (np.diff(rising) >= 0).all()


def test_generators_are_philox_streams_per_seed_and_purpose():
    one = KeyedRandom(17).generator("ties").random(5)
    assert np.array_equal(one, KeyedRandom(17).generator("ties").random(5))
    assert not np.array_equal(one, KeyedRandom(18).generator("ties").random(5))
    assert not np.array_equal(one, KeyedRandom(17).generator("awareness_initial").random(5))
    assert isinstance(KeyedRandom(17).generator("ties").bit_generator, np.random.Philox)


# --- common random numbers in the model -------------------------------------------------------
def small(name: str = "baseline", **update):
    """A shipped scenario, small, with a short warm-up."""
    scenario = shipped(name, residents=2_000, days=20)
    update.setdefault("warmup_days", 10)
    return scenario.model_copy(update=update)


def test_the_same_scenario_and_seed_give_identical_results():
    scenario = small()
    first, again = govsim.run_once(scenario, seed=5), govsim.run_once(scenario, seed=5)
    assert first.summary["attempts"] > 0
    pd.testing.assert_series_equal(pd.Series(first.summary), pd.Series(again.summary))
    pd.testing.assert_frame_equal(first.timeseries, again.timeseries)
    pd.testing.assert_frame_equal(first.by_scam, again.by_scam)
    other = govsim.run_once(scenario, seed=6)
    assert not first.timeseries["attempts"].equals(other.timeseries["attempts"])


def test_a_rings_key_is_its_entry_day_and_order():
    city = model(size=1_000, fraud={"entry_rate_per_month": 30.0, "max_rings": 400})
    first_day = city.day
    keys = [ring.key for ring in city.rings]
    assert keys == [(first_day << 16) | order for order in range(len(keys))]
    assert len(keys) > 1
    city.day = 17
    for ring in city.active_rings():
        ring.recent_profit = 20 * city.config.fraud.entry_profit_reference
    before = len(city.rings)
    city._enter_rings()
    entered = city.rings[before:]
    assert entered
    assert [ring.key for ring in entered] == [(17 << 16) | order for order in range(len(entered))]
    # Whether a ring starts abroad is drawn from its key alone.
    share = city.config.fraud.cross_border_share
    for ring in entered:
        starts_abroad = city.keyed.one("ring_abroad", ring.key) < share
        assert ring.cross_border == starts_abroad


BUSY = {"market_population": 40_000}


def test_a_contacts_draws_depend_only_on_its_key():
    base = model(seed=3, size=2_000, fraud=BUSY)
    other = model(seed=3, size=2_000, fraud=BUSY, agencies={"police": {"enabled": False}})
    for city in (base, other):  # the first day, as step() starts it
        city.day += 1
        city.plan_rings(city.active_rings())
    batch = make_contacts(base, base.active_rings())
    twin = make_contacts(other, other.active_rings())
    assert len(batch) > 100
    assert batch.key.dtype == np.uint64
    assert np.unique(batch.key).size == len(batch)  # every attempt has its own key
    # Same rings, same day: the same attempts, whatever the police do.
    assert np.array_equal(batch.key, twin.key)
    assert np.array_equal(batch.target, twin.target)
    for purpose in ("engage", "seen", "telecom_block", "report", "amount"):
        assert np.array_equal(
            base.keyed.uniform(purpose, batch.key), other.keyed.uniform(purpose, twin.key)
        )
    # A draw about an attempt does not depend on the other attempts of its batch.
    order = np.random.default_rng(0).permutation(len(batch))[: len(batch) // 3]
    whole = base.keyed.uniform("engage", batch.key)
    assert np.array_equal(other.keyed.uniform("engage", batch.key[order]), whole[order])
    # Another seed, other luck for the same attempts.
    assert not np.array_equal(KeyedRandom(4).uniform("engage", batch.key), whole)


def test_more_attempts_keep_the_first_attempts_and_their_luck():
    fewer = model(seed=8, size=2_000, fraud=BUSY)
    more = model(seed=8, size=2_000, fraud={**BUSY, "broadcast_attempts_per_operator": 450.0})
    batches = []
    for city in (fewer, more):
        city.day += 1
        batches.append(make_contacts(city, city.active_rings()))
    small_batch, large_batch = batches
    assert len(large_batch) > len(small_batch) > 100
    # A Poisson count is the quantile of a keyed uniform: a higher mean never gives fewer
    # attempts in a cell, and the first slots of each cell keep their keys.
    common, here, there = np.intersect1d(small_batch.key, large_batch.key, return_indices=True)
    assert common.size == len(small_batch)
    assert (
        np.bincount(large_batch.mode, minlength=2) >= np.bincount(small_batch.mode, minlength=2)
    ).all()
    assert np.array_equal(small_batch.target[here], large_batch.target[there])


def awareness_runs(days: int, campaign_day: int, busy: bool):
    """Two runs, the same seed; one with an extra campaign aimed only at the elderly.

    ``busy`` shrinks the rings' market to the city's neighbourhood (many more attempts per
    resident, and victims within days), so that outcomes do come to differ.
    """
    scenario = shipped("baseline", residents=5_000, days=days)
    if busy:
        fraud = scenario.fraud.model_copy(
            update={"market_population": 100_000, "rings_per_million": 80.0}
        )
        scenario = scenario.model_copy(update={"fraud": fraud, "warmup_days": 30})
    campaign = Campaign(type="campaign", day=campaign_day, reach=0.8, boost=0.4, groups=["elderly"])
    with_campaign = scenario.model_copy(update={"events": [*scenario.events, campaign]})
    return (
        govsim.GovernanceModel(scenario, rng=11),
        govsim.GovernanceModel(with_campaign, rng=11),
    )


def spy_on_contacts(city) -> list[dict[str, np.ndarray]]:
    """Record, day by day, the contact batch and its outcomes: who was warned, who engaged."""
    days: list[dict[str, np.ndarray]] = []
    filter_contacts, queue_transfers = city.filter_contacts, city._queue_transfers

    def spy_filter(batch, rings):
        days.append({name: getattr(batch, name).copy() for name in ("key", "target", "handle")})
        filter_contacts(batch, rings)

    def spy_queue(batch, engaged, rings):
        days[-1]["warned"] = batch.warned.copy()
        days[-1]["engaged"] = engaged.copy()
        queue_transfers(batch, engaged, rings)

    city.filter_contacts, city._queue_transfers = spy_filter, spy_queue
    return days


def same_contacts(one: dict[str, np.ndarray], other: dict[str, np.ndarray]) -> bool:
    return all(np.array_equal(one[name], other[name]) for name in one)


@pytest.mark.parametrize("busy", [False, True], ids=["baseline", "busy"])
def test_a_campaign_for_the_elderly_leaves_the_others_luck_alone(busy):
    days, campaign_day = 60, 20
    plain, boosted = awareness_runs(days, campaign_day, busy)
    residents = plain.residents
    elderly = residents.group == AGE_GROUPS.index("elderly")
    others = np.flatnonzero(~elderly)
    assert np.array_equal(residents.group, boosted.residents.group)
    contacts_plain, contacts_boosted = spy_on_contacts(plain), spy_on_contacts(boosted)
    first_difference = None  # first day on which some contact's outcome differs
    first_awareness_difference = None  # first day a student's or worker's awareness differs
    while plain.day < days:
        plain.step()
        boosted.step()
        day = plain.day
        one, other = contacts_plain[-1], contacts_boosted[-1]
        if day < campaign_day:
            # Before the campaign the runs are the same run.
            assert same_contacts(one, other), day
            assert np.array_equal(
                residents.awareness(np.arange(residents.size), day),
                boosted.residents.awareness(np.arange(residents.size), day),
            ), day
            if day >= 1:
                np.testing.assert_equal(plain.metrics.days[-1], boosted.metrics.days[-1])
        if day == campaign_day:
            # The campaign's own draws shift no one else's: the day's attempts are the same.
            for name in ("key", "target", "handle"):
                assert np.array_equal(one[name], other[name]), name
        if day == campaign_day + 1:
            elderly_ids = np.flatnonzero(elderly)
            aware_plain = residents.awareness(elderly_ids, day)
            aware_boosted = boosted.residents.awareness(elderly_ids, day)
        if first_difference is None and not same_contacts(one, other):
            first_difference = day
        same_others = np.array_equal(
            residents.awareness(others, day), boosted.residents.awareness(others, day)
        )
        if not same_others and first_awareness_difference is None:
            first_awareness_difference = day
    assert first_difference is None or first_difference >= campaign_day
    if busy:
        assert first_difference is not None  # the campaign does change some outcome
    # Students and working-age residents keep identical awareness at least until some contact
    # outcome differs (a different elderly victim warns different friends, say).
    if first_awareness_difference is not None:
        assert first_difference is not None
        assert first_awareness_difference >= first_difference
    # The campaign did its job on the elderly (read the day after it, when it happened).
    assert aware_boosted.mean() > aware_plain.mean() + 0.1
