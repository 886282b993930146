"""Institutions: banks, operators and platforms as agents with their own share and effort."""

from __future__ import annotations

import numpy as np
import pydantic
import pytest

from govsim.agents.institutions import Institution
from tests.mechanisms.builders import model

TWO_BANKS = [
    {"name": "Careful", "market_share": 0.5, "capability": 1.0},
    {"name": "Careless", "market_share": 0.5, "capability": 0.0},
]


def test_every_institution_is_a_mesa_agent():
    city = model(size=1_000)
    institutions = city.agents_by_type[Institution]
    sectors = {i.sector for i in institutions}
    assert sectors == {"bank", "telecom", "platform"}
    assert len(institutions) == 3 + 3 + 4


def test_customers_follow_market_shares():
    city = model(size=20_000)
    shares = np.bincount(city.residents.bank_of, minlength=3) / 20_000
    np.testing.assert_allclose(shares, city.banks.shares, atol=0.02)


def test_a_careless_bank_holds_none_of_its_customers_transfers():
    city = model(size=4_000, agencies={"banks": {"institutions": TWO_BANKS}})
    payers = np.arange(4_000)
    amounts = np.full(payers.size, 50_000.0)
    none = np.zeros(payers.size, bool)
    held = city.banks.hold_transfers(amounts, none, none, payers, np.arange(payers.size))
    careless = city.residents.bank_of == 1
    assert not held[careless].any()
    assert held[~careless].mean() > 0.5


def test_sector_effort_is_the_share_weighted_mean():
    city = model(size=1_000, agencies={"banks": {"institutions": TWO_BANKS}})
    assert city.banks.effort == pytest.approx(0.5)


@pytest.mark.parametrize("shares", [(0.5, 0.3, 0.2), (0.5, 0.45, 0.2), (0.5, 0.3, 0.3)])
def test_sector_effort_is_exactly_the_common_effort_when_institutions_agree(shares):
    # Weighted sums of these shares give 0.6 +- 1 ulp: shares that only say who is whose
    # customer must not change results, not even in the last bit.
    banks = [{"name": f"Bank {n}", "market_share": s} for n, s in enumerate(shares)]
    city = model(size=1_000, agencies={"banks": {"capability": 0.6, "institutions": banks}})
    assert city.banks.effort == 0.6


def test_a_disabled_sector_has_no_effort_whatever_its_institutions():
    banks = {"enabled": False, "institutions": TWO_BANKS}
    city = model(size=1_000, agencies={"banks": banks})
    assert (city.banks.efforts == 0).all()


def test_contacts_land_on_platforms_that_carry_their_channel():
    city = model(size=1_000)
    channels = np.array(["im"] * 500 + ["web"] * 500 + ["call"] * 10)
    platform = city.platforms.route(channels, np.arange(channels.size))
    carries_im = [("im" in c.channels) for c in city.config.agencies.platforms.institutions]
    assert all(carries_im[p] for p in platform[:500])
    assert not any(carries_im[p] for p in platform[500:1000])
    assert (platform[1000:] == -1).all()


def test_institution_names_must_be_unique():
    twice = [{"name": "A", "market_share": 1.0}, {"name": "A", "market_share": 1.0}]
    with pytest.raises(pydantic.ValidationError, match="unique"):
        model(size=1_000, agencies={"telecoms": {"institutions": twice}})


def test_every_channel_needs_a_platform():
    only_im = [{"name": "IM", "market_share": 1.0, "channels": ["im"]}]
    with pytest.raises(pydantic.ValidationError, match="web"):
        model(size=1_000, agencies={"platforms": {"institutions": only_im}})


def test_a_residents_record_names_their_bank_and_operator():
    city = model(size=1_000, agencies={"banks": {"institutions": TWO_BANKS}})
    record = city.residents.record(7)
    assert record["bank"] == ("Careful", "Careless")[int(city.residents.bank_of[7])]
    names = [i.name for i in city.telecoms.institutions]
    assert record["telecom_operator"] == names[int(city.residents.telecom_of[7])]
