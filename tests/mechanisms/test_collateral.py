"""Collateral burden: mistakes fall with what a party knows from the others."""

from __future__ import annotations

import pytest

import govsim
from govsim.scenario.cooperation import KNOWN_LINKS
from tests.helpers import shipped
from tests.mechanisms.builders import model

FULL = dict.fromkeys(KNOWN_LINKS, 1.0)


def sectors(city):
    return (city.banks, city.telecoms, city.platforms)


def test_a_party_alone_knows_nothing_more_and_errs_at_its_base_rate():
    city = model(cooperation={"structure": "none", "links": FULL})
    for sector in sectors(city):
        assert sector.knowledge() == 0.0
        base = sector.config.false_positive_rate
        assert sector.false_positive_rate(base) == pytest.approx(sector.effort * base)


def test_links_to_acting_partners_raise_knowledge_and_cut_false_positives():
    capable = {x: {"capability": 1.0} for x in ("police", "banks", "telecoms", "platforms")}
    alone = model(agencies=capable, cooperation={"links": {}})
    linked = model(agencies=capable, cooperation={"links": FULL, "shared_precision": 0.5})
    for lone, sector in zip(sectors(alone), sectors(linked), strict=True):
        assert sector.knowledge() == pytest.approx(1.0)
        base = sector.config.false_positive_rate
        halved = 0.5 * lone.false_positive_rate(base)
        assert sector.false_positive_rate(base) == pytest.approx(halved)


def test_a_partner_that_does_nothing_shares_nothing():
    city = model(
        agencies={"police": {"enabled": False}, "banks": {"enabled": False}},
        cooperation={"links": FULL},
    )
    # The telecoms' partners: police (off), banks (off), platforms (on, effort 0.6).
    assert city.telecoms.knowledge() == pytest.approx(0.6 / 3)


def test_the_hub_desk_adds_what_the_links_miss():
    half = dict.fromkeys(KNOWN_LINKS, 0.5)
    cooperation = {"structure": "hub", "links": half, "hub_colocation": 0.0}
    plain = model(cooperation={**cooperation, "centre": {"data_desk": 0.0}})
    desk = model(cooperation={**cooperation, "centre": {"data_desk": 0.5}})
    for without, with_desk in zip(sectors(plain), sectors(desk), strict=True):
        k = without.knowledge()
        assert 0 < k < 1
        assert with_desk.knowledge() == pytest.approx(1 - (1 - k) * 0.5)


def test_cooperation_blocks_a_larger_share_of_fraud_with_less_collateral():
    """Uncoordinated and bilateral: the same parties at the same effort, only the links differ.

    Cooperation moves both ends of the trade-off: a larger share of scam contacts blocked (the
    blacklists) and fewer legitimate items hit per resident (the precision of knowing more),
    so at equal blocking it errs less. Collateral per blocked scam contact is not the measure:
    cooperation also shrinks the fraud itself (fewer rings, fewer contacts to block).
    """
    outcome = {}
    for name in ("uncoordinated", "bilateral"):
        summary = govsim.run(
            shipped(name, residents=20_000, days=180, warmup=60), replications=2, seed=5
        ).summary
        blocked = summary["blocked_telecom"].sum() + summary["blocked_platform"].sum()
        collateral = summary["legit_calls_blocked"].sum() + summary["legit_content_removed"].sum()
        residents = summary["residents"].sum()
        outcome[name] = (blocked / summary["attempts"].sum(), collateral / residents)
    assert outcome["bilateral"][0] > outcome["uncoordinated"][0]
    assert outcome["bilateral"][1] < 0.8 * outcome["uncoordinated"][1]
