"""Rings coach their victims against police calls (反劝阻), and newcomers buy the scripts."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.agents.police import LeadQueue
from govsim.agents.rings import SCRIPT_DESIGNERS
from govsim.early_warning import call_from_queue, centre_call_on_hold
from govsim.transfers import PendingTransfers
from tests.mechanisms.builders import model

FRAUD = {"coaching_initial": 0.1, "coaching_learning": 0.5, "coaching_max": 0.6}


def reviewed(called: float, reached: float = 1_000.0, designers: bool = True) -> float:
    """A ring's coaching after one review in which ``called`` of its reached contacts got calls."""
    city = model(size=100_000, fraud=FRAUD)
    ring = city.rings[0]
    if not designers:
        ring.home[SCRIPT_DESIGNERS] = ring.abroad[SCRIPT_DESIGNERS] = 0
    ring.window_reached, ring.window_called = reached, called
    ring.adapt(np.ones(len(city.scams), bool))
    return ring.coaching


def test_coaching_closes_the_gap_in_proportion_to_the_share_of_targets_called():
    assert reviewed(0.0) == pytest.approx(0.1)
    assert reviewed(200.0) == pytest.approx(0.1 + 0.5 * 0.2 * (0.6 - 0.1))
    assert reviewed(1_000.0) == pytest.approx(0.1 + 0.5 * 1.0 * (0.6 - 0.1))


def test_a_ring_without_script_designers_does_not_learn_to_coach():
    assert reviewed(1_000.0, designers=False) == pytest.approx(0.1)


def queue_call_stops(coaching: float) -> int:
    """Victims still being groomed that late calls stop, at efficacy 1, for a coached ring."""
    city = model(agencies={"police": {"dissuasion_efficacy": 1.0}}, fraud=FRAUD)
    ring = city.rings[0]
    ring.coaching = coaching
    n = 400
    episodes = np.arange(1, n + 1, dtype=np.uint64)
    city.pending = PendingTransfers.of(
        episode=episodes,
        resident=np.arange(n),
        ring=np.full(n, ring.unique_id, dtype=np.int64),
        scam=np.zeros(n, dtype=np.int16),
        mode=np.zeros(n, dtype=np.int8),
        handle=np.zeros(n, dtype=np.int64),
        platform=np.full(n, -1),
        due=np.full(n, 9),
        stage=np.zeros(n, dtype=np.int16),
        signalled=np.zeros(n, bool),
        report_hour=np.full(n, np.nan),
        first_hour=np.full(n, np.nan),
    )
    city.police.called_from_queue = LeadQueue.of(
        episode=episodes, resident=np.arange(n), day=np.zeros(n, dtype=np.int64)
    )
    city.day = 2
    call_from_queue(city)
    return n - len(city.pending)


def test_coaching_cancels_its_share_of_a_call():
    assert queue_call_stops(0.0) == 400
    stopped = queue_call_stops(0.6)
    assert stopped == pytest.approx(400 * 0.4, abs=4 * np.sqrt(400 * 0.4 * 0.6))
    assert queue_call_stops(1.0) == 0


def test_coaching_cancels_its_share_of_the_centres_call_on_a_held_transfer():
    city = model(cooperation={"structure": "bilateral", "links": {"police-bank": 1.0}})
    coached, plain = city.rings[0], city.rings[1]
    coached.coaching, plain.coaching = 0.5, 0.0
    calls = centre_call_on_hold(city, np.array([coached.unique_id, plain.unique_id]))
    assert calls[0] == pytest.approx(calls[1] * 0.5)
    assert calls[1] > 0


def test_newcomers_buy_the_scripts_in_use_and_they_outlive_the_last_ring():
    city = model(fraud=FRAUD)
    for ring, coaching in zip(city.active_rings(), np.linspace(0.2, 0.4, 8), strict=True):
        ring.coaching = float(coaching)
    city.adapt_rings()
    assert city.scripts_coaching == pytest.approx(0.3)
    assert city.add_ring(order=9).coaching == pytest.approx(0.3)
    for ring in city.active_rings():
        ring.active = False
    city.adapt_rings()
    assert city.add_ring(order=10).coaching == pytest.approx(0.3)
