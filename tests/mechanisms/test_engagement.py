"""Engagement: targeting, awareness and dissuasion warnings change who engages."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.model import MAX_ENGAGEMENT
from tests.mechanisms.builders import batch_of, model

SCAM = "fake_prize"


def city_for_engagement(**sections):
    scam_types = {SCAM: {"conversion": 0.002, "record_lift": 6.0}}
    return model(size=2_000, scam_types=scam_types, **sections)


def test_targeted_mode_lifts_engagement_by_the_record_lift():
    city = city_for_engagement()
    everyone = np.arange(city.residents.size)
    broadcast = city.engagement_probability(batch_of(city, everyone, SCAM, mode=0))
    targeted = city.engagement_probability(batch_of(city, everyone, SCAM, mode=1))
    assert (broadcast > 0).all()
    assert targeted == pytest.approx(6.0 * broadcast, rel=1e-9)


def test_engagement_is_capped():
    city = model(size=1_000, scam_types={SCAM: {"conversion": 1.0, "record_lift": 50.0}})
    p = city.engagement_probability(batch_of(city, np.arange(1_000), SCAM, mode=1))
    assert p.max() == MAX_ENGAGEMENT


def test_higher_awareness_lowers_engagement():
    city = city_for_engagement(population={"awareness_weight": 2.0, "awareness_floor": 0.0})
    everyone = np.arange(city.residents.size)
    batch = batch_of(city, everyone, SCAM)
    city.residents.awareness_set[:] = 0.1
    city.residents.awareness_day[:] = city.day
    naive = city.engagement_probability(batch)
    city.residents.awareness_set[:] = 0.6
    wary = city.engagement_probability(batch)
    assert (wary < naive).all()
    assert wary / naive == pytest.approx(np.full(everyone.size, (0.4 / 0.9) ** 2), rel=1e-5)


def test_engagement_follows_the_type_profile_by_group():
    city = model(
        size=3_000,
        scam_types={
            SCAM: {"conversion": 0.002, "profile": {"student": 3, "working": 1, "elderly": 0}}
        },
    )
    everyone = np.arange(city.residents.size)
    city.residents.awareness_set[:] = 0.3
    p = city.engagement_probability(batch_of(city, everyone, SCAM))
    group = city.residents.group
    frailty = city.residents.frailty
    per_frailty = p / frailty
    assert (p[group == 2] == 0).all()
    assert per_frailty[group == 0] == pytest.approx(3 * per_frailty[group == 1].mean(), rel=1e-5)


def engaged_after_warnings(centre_link: float, police=None) -> tuple[set[int], object]:
    city = model(
        size=3_000,
        # Only warnings raise awareness here (not seeing through a contact).
        population={"resisted_boost": 0.0},
        scam_types={"order_brushing": {"conversion": 0.3}},
        agencies={
            "platforms": {"suspicion_flag": 1.0, "in_app_warning": 0.0, "capability": 1.0},
            "police": police or {"dissuasion_efficacy": 0.6, "dissuasion_calls_per_100k": 1e6},
        },
        cooperation={"links": {"police-platform": centre_link}},
    )
    everyone = np.arange(city.residents.size)
    batch = batch_of(city, everyone, "order_brushing")
    city.day = 5
    city._evasion = np.zeros(everyone.size)
    city.engage(batch, city.active_rings())
    return set(city.pending.resident.tolist()), city


def test_a_dissuasion_call_lowers_engagement():
    unwarned, _ = engaged_after_warnings(0.0)
    warned, city = engaged_after_warnings(1.0)
    assert len(unwarned) > 200
    assert warned < unwarned
    stopped = len(unwarned) - len(warned)
    assert stopped == city.metrics.today["dissuaded"]
    assert stopped / len(unwarned) == pytest.approx(0.6, abs=0.08)


def test_a_warned_resident_is_more_aware_afterwards():
    _, city = engaged_after_warnings(1.0)
    warned = np.flatnonzero(city.residents.awareness_day == city.day)
    # Every reached contact is flagged here (whether or not the resident would engage).
    assert city.metrics.today["warned"] == warned.size > 0
    unwarned = model(size=3_000, population={"resisted_boost": 0.0})
    before = unwarned.residents.awareness(warned, city.day)
    assert (city.residents.awareness(warned, city.day) > before).all()


def test_no_dissuasion_calls_without_police():
    unwarned, _ = engaged_after_warnings(0.0)
    engaged, city = engaged_after_warnings(
        1.0, police={"enabled": False, "dissuasion_efficacy": 1.0}
    )
    assert engaged == unwarned
    assert city.metrics.today["dissuaded"] == 0


def test_seeing_through_a_contact_makes_a_resident_warier():
    city = model(
        size=3_000,
        population={"resisted_boost": 0.5},
        agencies={"platforms": {"suspicion_flag": 0.0}},  # no warnings: only resisting
    )
    everyone = np.arange(city.residents.size)
    city.day = 5
    before = city.residents.awareness(everyone, city.day)
    batch = batch_of(city, everyone, "order_brushing")
    city.engage(batch, city.active_rings())
    resisted = batch.alive & ~np.isin(everyone, city.pending.resident)
    after = city.residents.awareness(everyone, city.day)
    assert resisted.sum() > 1_000
    expected = before[resisted] + 0.5 * (1.0 - before[resisted])
    assert after[resisted] == pytest.approx(expected, rel=1e-5)


def test_a_ring_with_more_skill_gets_more_engagement():
    city = model(size=3_000)
    rings = city.active_rings()
    batch = batch_of(city, np.arange(city.residents.size), "order_brushing")
    base = city.engagement_probability(batch)
    rings[0].skill = 2.0
    assert city.engagement_probability(batch, rings) == pytest.approx(2.0 * base)
