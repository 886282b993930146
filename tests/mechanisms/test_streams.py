"""Random streams: reproducible per seed, independent per mechanism, common across scenarios."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.streams import STREAM_NAMES, RandomStreams
from tests.mechanisms.builders import model


def first_draws(streams: RandomStreams, n: int = 5) -> dict[str, list[float]]:
    return {name: getattr(streams, name).random(n).tolist() for name in STREAM_NAMES}


def test_same_seed_gives_the_same_draws():
    assert first_draws(RandomStreams(42)) == first_draws(RandomStreams(42))


def test_different_seeds_give_different_draws():
    one, other = first_draws(RandomStreams(1)), first_draws(RandomStreams(2))
    assert all(one[name] != other[name] for name in STREAM_NAMES)


def test_every_stream_is_its_own():
    draws = first_draws(RandomStreams(7))
    assert len({tuple(values) for values in draws.values()}) == len(STREAM_NAMES)


def test_drawing_from_one_stream_leaves_the_others_alone():
    busy, idle = RandomStreams(3), RandomStreams(3)
    busy.contact.random(10_000)
    draws = first_draws(busy)
    expected = first_draws(idle)
    assert draws["contact"] != expected["contact"]
    del draws["contact"], expected["contact"]
    assert draws == expected


def test_streams_are_spawned_in_a_fixed_order():
    children = np.random.SeedSequence(11).spawn(len(STREAM_NAMES))
    streams = RandomStreams(11)
    for name, child in zip(STREAM_NAMES, children, strict=True):
        assert getattr(streams, name).random() == np.random.default_rng(child).random()


def day_one_contacts(city) -> dict[str, np.ndarray]:
    """Step one day and return its contact batch and who engaged (the attempts' luck)."""
    seen: dict[str, np.ndarray] = {}
    filter_contacts, queue_transfers = city.filter_contacts, city._queue_transfers

    def spy_filter(batch, rings):
        for name in ("ring", "scam", "mode", "target", "handle", "phone"):
            seen[name] = getattr(batch, name).copy()
        filter_contacts(batch, rings)

    def spy_queue(batch, engaged, rings):
        seen["engaged"] = engaged.copy()
        queue_transfers(batch, engaged, rings)

    city.filter_contacts, city._queue_transfers = spy_filter, spy_queue
    city.step()
    return seen


RESIDENT_COLUMNS = ("group", "region", "savings", "frailty", "awareness_set", "tie_target")


@pytest.mark.parametrize("seed", [0, 5])
def test_switching_telecoms_off_keeps_the_population_and_day_one_contacts(seed):
    # SIM real-name checks are a telecom lever on the black market; setting them to 0 keeps
    # the rings' SIM stock equal so that only the random streams are compared.
    shared = {
        "size": 3_000,
        "fraud": {"market_population": 30_000},
        "black_market": {"records_leaked_share": 0.3},
        "scam_types": {"impersonate_official": {"conversion": 0.05}, "loan": {"conversion": 0.05}},
    }
    on = model(seed, agencies={"telecoms": {"real_name_enforcement": 0.0}}, **shared)
    off = model(seed, agencies={"telecoms": {"enabled": False}}, **shared)
    for column in RESIDENT_COLUMNS:
        assert np.array_equal(getattr(on.residents, column), getattr(off.residents, column))
    assert np.array_equal(on.market.leaked, off.market.leaked)
    contacts_on, contacts_off = day_one_contacts(on), day_one_contacts(off)
    engaged_on, engaged_off = contacts_on.pop("engaged"), contacts_off.pop("engaged")
    assert contacts_on["ring"].size > 1_000
    for name, column in contacts_on.items():
        assert np.array_equal(column, contacts_off[name]), name
    # Same luck per attempt: blocking only removes engagements, it never creates one.
    assert engaged_off.sum() > engaged_on.sum() > 0
    assert not (engaged_on & ~engaged_off).any()
    on_row, off_row = on.metrics.days[0], off.metrics.days[0]
    assert on_row["attempts"] == off_row["attempts"]
    assert on_row["blocked_telecom"] > 0
    assert off_row["blocked_telecom"] == 0


def test_same_scenario_and_seed_give_identical_days():
    shared = {"size": 2_000, "fraud": {"market_population": 20_000}}
    runs = [model(9, **shared) for _ in range(2)]
    for city in runs:
        for _ in range(8):
            city.step()
    assert runs[0].metrics.days == runs[1].metrics.days
    assert np.array_equal(runs[0].residents.savings, runs[1].residents.savings)
