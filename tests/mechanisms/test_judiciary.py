"""The judiciary: early involvement, convictions, incapacitation, deterrence."""

from __future__ import annotations

import math

import pytest

from tests.mechanisms.builders import model

JUDICIARY = {
    "capability": 1.0,  # the stated rates are those of a fully capable court
    "prosecution_delay_days": 180.0,
    "early_delay_days": 60.0,
    "conviction_rate": 0.6,
    "early_conviction_rate": 0.9,
}


def courts(early: float = 0.0, **judiciary):
    city = model(
        size=1_000,
        agencies={"judiciary": {**JUDICIARY, **judiciary}},
        cooperation={"links": {"police-judiciary": early}},
    )
    return city.courts


@pytest.mark.parametrize(
    ("early", "delay", "rate"),
    [(0.0, 180.0, 0.6), (0.5, 120.0, 0.75), (1.0, 60.0, 0.9)],
)
def test_early_involvement_interpolates_delay_and_conviction_rate(early, delay, rate):
    court = courts(early)
    assert court.delay_days == pytest.approx(delay)
    assert court.conviction_rate == pytest.approx(rate)


def test_early_involvement_shortens_delay_and_raises_conviction_rate():
    levels = [0.0, 0.3, 0.6, 1.0]
    delays = [courts(level).delay_days for level in levels]
    rates = [courts(level).conviction_rate for level in levels]
    assert delays == sorted(delays, reverse=True)
    assert rates == sorted(rates)
    assert len(set(delays)) == len(set(rates)) == len(levels)


@pytest.mark.parametrize("early", [0.0, 1.0])
def test_verdicts_come_after_the_delay_at_the_conviction_rate(early):
    court = courts(early)
    suspects = 20_000
    court.receive_suspects(suspects, day=10)
    due = 10 + round(court.delay_days)
    for day in range(10, due):
        assert court.deliver_verdicts(day) == 0
    convicted = court.deliver_verdicts(due)
    sd = math.sqrt(suspects * court.conviction_rate * (1 - court.conviction_rate))
    assert abs(convicted - suspects * court.conviction_rate) < 5 * sd
    assert court.convicted_total == convicted
    assert court.deliver_verdicts(due + 1) == 0


def test_convicts_leave_the_labour_pool_for_their_sentence_and_come_back():
    court = courts(prosecution_delay_days=5.0, early_delay_days=5.0, sentence_days=10.0)
    court.receive_suspects(300, day=0)
    assert court.removed_from_labour() == 300
    removed = []
    for day in range(1, 25):
        court.deliver_verdicts(day)
        removed.append(court.removed_from_labour())
    convicted = court.convicted_total
    assert 0 < convicted < 300
    assert removed[:4] == [300] * 4  # detained, awaiting the verdict on day 5
    assert removed[4:14] == [convicted] * 10  # serving days 5 to 14; acquitted are free
    assert removed[14:] == [0] * 10  # released on day 15


def test_convicts_slow_the_rings_recruitment():
    city = model(
        size=1_000,
        fraud={"labour_pool": 2_000},
        agencies={"judiciary": {"prosecution_delay_days": 1.0, "deterrence": 0.0}},
    )
    before = city.recruitment_slowdown()
    city.courts.receive_suspects(1_000, day=0)
    city.courts.deliver_verdicts(1)
    assert city.courts.imprisoned > 0
    assert city.recruitment_slowdown() > before


def test_recent_convictions_deter():
    court = courts(deterrence=0.5)
    assert court.deterrence(0) == 0.0
    court.receive_suspects(1_000, day=0)
    court.deliver_verdicts(180)
    assert 0.0 < court.deterrence(181) <= 0.5
    assert court.deterrence(181 + 365) == 0.0


def test_a_disabled_judiciary_convicts_nobody():
    court = courts(1.0, enabled=False)
    assert court.conviction_rate == 0.0
    court.receive_suspects(5_000, day=0)
    total = sum(court.deliver_verdicts(day) for day in range(0, 400))
    assert total == 0
    assert court.convicted_total == 0
    assert court.imprisoned == 0
    assert court.deterrence(400) == 0.0
