"""Handles and blacklists: a reported number is blocked exactly from the day a link delivers it."""

from __future__ import annotations

import math

import numpy as np
import pytest

from govsim.agents.handles import ACCOUNT, NUMBER, HandleRegistry, HandleStacks, split_by_counts
from tests.mechanisms.builders import batch_of, model

LATENCIES = {"blacklist_slowest_days": 10.0, "blacklist_fastest_days": 2.0}


def test_issue_gives_consecutive_unblocked_handles():
    registry = HandleRegistry(capacity=8)
    first = registry.issue(ring_id=3, ring_key=30, kind=NUMBER, amount=3)
    second = registry.issue(ring_id=4, ring_key=40, kind=ACCOUNT, amount=2)
    assert first.tolist() == [0, 1, 2]
    assert second.tolist() == [3, 4]
    assert registry.owner.tolist() == [3, 3, 3, 4, 4]
    assert registry.kind.tolist() == [NUMBER] * 3 + [ACCOUNT] * 2
    assert not registry.is_blocked(np.arange(5), 10**6).any()


def test_handle_keys_are_distinct_and_follow_ring_kind_and_serial():
    registry = HandleRegistry(capacity=2)
    first = registry.issue(ring_id=0, ring_key=5, kind=NUMBER, amount=3)
    registry.issue(ring_id=1, ring_key=6, kind=NUMBER, amount=4)
    accounts = registry.issue(ring_id=0, ring_key=5, kind=ACCOUNT, amount=3)
    more = registry.issue(ring_id=0, ring_key=5, kind=NUMBER, amount=2)
    keys = registry.key
    assert keys.dtype == np.uint64
    assert len(set(keys.tolist())) == registry.count == 12
    assert not set(keys[first].tolist()) & set(keys[accounts].tolist())
    # The same ring buying the same handles in another order, with other rings in between,
    # gets the same keys: a handle's key is (ring key, kind, serial number in that ring).
    other = HandleRegistry()
    other.issue(ring_id=4, ring_key=5, kind=ACCOUNT, amount=1)
    other.issue(ring_id=4, ring_key=5, kind=NUMBER, amount=5)
    other.issue(ring_id=4, ring_key=5, kind=ACCOUNT, amount=2)
    numbers = np.concatenate([first, more])
    assert other.key[1:6].tolist() == keys[numbers].tolist()
    assert other.key[[0, 6, 7]].tolist() == keys[accounts].tolist()


def test_a_handle_is_blocked_from_its_day_and_not_before():
    registry = HandleRegistry()
    handles = registry.issue(1, 10, NUMBER, 4)
    registry.block_from(handles[[1, 2]], 7)
    assert registry.is_blocked(handles, 6).tolist() == [False, False, False, False]
    assert registry.is_blocked(handles, 7).tolist() == [False, True, True, False]
    assert registry.is_blocked(handles, 30).tolist() == [False, True, True, False]


def test_an_earlier_block_is_not_postponed_by_a_later_one():
    registry = HandleRegistry()
    handle = registry.issue(1, 10, NUMBER, 1)
    registry.block_from(handle, 3)
    registry.block_from(handle, 10)
    assert registry.blocked_from.tolist() == [3.0]
    assert registry.is_blocked(handle, 3).tolist() == [True]
    registry.block_from(handle, 1)
    assert registry.blocked_from.tolist() == [1.0]


def test_repeated_handles_in_one_call_are_blocked_once_at_the_day():
    registry = HandleRegistry()
    handles = registry.issue(1, 10, ACCOUNT, 2)
    registry.block_from(np.array([1, 1, 1]), 5)
    assert registry.blocked_from.tolist() == [math.inf, 5.0]
    assert handles.size == 2


def test_growth_beyond_initial_capacity_keeps_data():
    registry = HandleRegistry(capacity=2)
    registry.issue(7, 70, NUMBER, 2)
    registry.block_from(np.array([1]), 4)
    registry.issue(9, 90, ACCOUNT, 5)
    registry.issue(11, 110, NUMBER, 40)
    registry.block_from(np.array([46]), 2)
    assert registry.count == 47
    assert registry.owner.tolist() == [7] * 2 + [9] * 5 + [11] * 40
    assert registry.kind.tolist() == [NUMBER] * 2 + [ACCOUNT] * 5 + [NUMBER] * 40
    assert len(set(registry.key.tolist())) == 47
    blocked = registry.blocked_from
    assert blocked[1] == 4.0
    assert blocked[46] == 2.0
    assert np.isinf(np.delete(blocked, [1, 46])).all()


def city_with_police_telecom(level: float, **sections):
    cooperation = {
        "structure": "bilateral",
        "links": {"police-telecom": level},
        "latencies": LATENCIES,
    }
    return model(size=1_000, cooperation=cooperation, **sections)


def test_with_level_zero_nothing_is_blocked():
    city = city_with_police_telecom(0.0)
    numbers = city.handles.issue(0, 0, NUMBER, 5)
    city.day = 3
    city.push_blacklist(numbers, np.ones(5, bool))
    assert not city.handles.is_blocked(numbers, 10**6).any()


@pytest.mark.parametrize(
    ("level", "first_day"),
    [(1.0, 3 + 2), (0.5, 3 + 6), (0.3, 3 + 8), (0.05, 3 + 10)],
)
def test_reported_numbers_are_blocked_from_day_plus_ceil_delay(level, first_day):
    city = city_with_police_telecom(level)
    numbers = city.handles.issue(0, 0, NUMBER, 5)
    city.day = 3
    city.push_blacklist(numbers, np.ones(5, bool))
    delay = LATENCIES["blacklist_slowest_days"] - level * (
        LATENCIES["blacklist_slowest_days"] - LATENCIES["blacklist_fastest_days"]
    )
    assert first_day == 3 + math.ceil(delay)
    assert not city.handles.is_blocked(numbers, first_day - 1).any()
    assert city.handles.is_blocked(numbers, first_day).all()


def test_police_telecom_link_does_not_deliver_accounts():
    city = city_with_police_telecom(1.0)
    accounts = city.handles.issue(0, 0, ACCOUNT, 3)
    city.day = 3
    city.push_blacklist(accounts, np.zeros(3, bool))
    assert not city.handles.is_blocked(accounts, 10**6).any()


def test_accounts_go_to_platforms_through_the_police_platform_link():
    city = model(
        size=1_000,
        cooperation={"links": {"police-platform": 1.0}, "latencies": LATENCIES},
    )
    numbers, accounts = city.handles.issue(0, 0, NUMBER, 2), city.handles.issue(0, 0, ACCOUNT, 2)
    handles = np.concatenate([numbers, accounts])
    city.day = 4
    city.push_blacklist(handles, city.handles.kind[handles] == NUMBER)
    assert city.handles.is_blocked(handles, 6).tolist() == [False, False, True, True]


@pytest.mark.parametrize(
    "agencies",
    [{"telecoms": {"enabled": False}}, {"police": {"enabled": False}}],
)
def test_no_blacklist_without_police_or_telecoms(agencies):
    city = city_with_police_telecom(1.0, agencies=agencies)
    numbers = city.handles.issue(0, 0, NUMBER, 3)
    city.day = 3
    city.push_blacklist(numbers, np.ones(3, bool))
    assert not city.handles.is_blocked(numbers, 10**6).any()


def test_telecoms_block_calls_from_a_listed_number_only_from_its_delivery_day():
    city = city_with_police_telecom(
        0.5,
        agencies={"telecoms": {"block_rate": 0.0, "blacklist_block": 1.0}},
    )
    ring = city.active_rings()[0]
    number = city.handles.issue(ring.unique_id, ring.key, NUMBER, 1)
    city.day = 3
    city.push_blacklist(number, np.ones(1, bool))
    targets = np.arange(200)
    for day, blocked in ((8, False), (9, True), (20, True)):
        batch = batch_of(city, targets, "impersonate_official", handle=int(number[0]))
        city.telecoms.block_contacts(batch, np.zeros(targets.size), day)
        assert batch.blocked_telecom.all() == blocked
        assert batch.blocked_telecom.any() == blocked
        assert (batch.alive == ~batch.blocked_telecom).all()


def test_split_by_counts_cuts_like_numpy_split():
    values = np.arange(10)
    counts = np.array([3, 0, 5, 2])
    pieces = split_by_counts(values, counts)
    expected = np.split(values, np.cumsum(counts)[:-1])
    assert [p.tolist() for p in pieces] == [e.tolist() for e in expected]
    assert split_by_counts(np.arange(0), np.zeros(0, dtype=np.int64)) == []


@pytest.mark.parametrize(
    ("held", "rows"),
    [
        ([np.array([5, 6]), np.array([], dtype=np.int64), np.array([7])], [2, -1, 0, 1]),
        ([], [-1]),  # every ring had gone; one has entered since, with no stock yet
        ([np.array([1])], [-1, -1]),
    ],
)
def test_stacks_taken_for_other_rings_are_those_stacked_again(held, rows):
    taken = HandleStacks(held).taken(np.array(rows, dtype=np.int64))
    empty = np.array([], dtype=np.int64)
    again = HandleStacks([held[row] if row >= 0 else empty for row in rows])
    assert taken.sizes.tolist() == again.sizes.tolist()
    assert taken.handles.tolist() == again.handles.tolist()
    assert [stock.tolist() for stock in taken.stocks()] == [s.tolist() for s in again.stocks()]
