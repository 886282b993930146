"""What the model counts per cooperation link agrees with the city's own daily counts.

The per-link counts (``Metrics.link_days``) only feed the dashboard's network view; they are
counted where the link is used, so they must add up to the daily columns of the same events.
"""

from __future__ import annotations

import math

import pytest

from govsim.metrics import LINK_TRAFFIC
from govsim.model import GovernanceModel
from govsim.scenario.overrides import with_overrides
from tests.helpers import shipped


def traffic(model: GovernanceModel, kind: str, links: tuple[str, ...]) -> float:
    """What ``links`` carried of ``kind`` over the measured days."""
    return sum(day.get((link, kind), 0.0) for day in model.metrics.link_days for link in links)


def measured(model: GovernanceModel, column: str) -> float:
    """A daily column summed over the measured days."""
    return sum(day[column] for day in model.metrics.days)


@pytest.fixture(scope="module")
def hub_model() -> GovernanceModel:
    scenario = shipped("multi_party_hub", residents=20_000, days=40, warmup=30)
    model = GovernanceModel(scenario, rng=3)
    for _ in range(scenario.warmup_days + scenario.days):
        model.step()
    return model


def test_one_entry_per_measured_day_and_only_known_kinds(hub_model):
    assert len(hub_model.metrics.link_days) == len(hub_model.metrics.days)
    kinds = {kind for day in hub_model.metrics.link_days for _, kind in day}
    assert {"blacklist", "lead"} <= kinds <= set(LINK_TRAFFIC)


def test_reported_victims_send_stop_payment_orders_down_the_police_bank_link():
    scenario = shipped("police_only", residents=20_000, days=60, warmup=30)
    model = GovernanceModel(scenario, rng=3)
    for _ in range(scenario.warmup_days + scenario.days):
        model.step()
    assert measured(model, "reports") > 0
    assert traffic(model, "freeze", ("police-bank",)) > 0


def test_blacklist_entries_are_the_citys_handles_blacklisted(hub_model):
    carried = traffic(hub_model, "blacklist", ("police-telecom", "police-platform"))
    assert carried == pytest.approx(measured(hub_model, "handles_blacklisted"))


def test_leads_forwarded_by_companies_are_among_the_centres_leads(hub_model):
    forwarded = traffic(hub_model, "lead", ("police-telecom", "police-platform"))
    assert 0 < forwarded <= hub_model.metrics.summary()["leads"]


def test_public_reports_travel_the_government_public_link(hub_model):
    carried = traffic(hub_model, "lead", ("government-public",))
    assert carried == pytest.approx(measured(hub_model, "public_reports"))


def test_no_police_no_stop_payment_orders():
    scenario = shipped("multi_party_hub", residents=3_000, days=20, warmup=5)
    scenario = with_overrides(scenario, settings={"agencies.police.enabled": False})
    model = GovernanceModel(scenario, rng=1)
    assert math.isinf(model.police_stop_payment_hours())
    for _ in range(scenario.warmup_days + scenario.days):
        model.step()
    assert traffic(model, "freeze", ("police-bank",)) == 0
