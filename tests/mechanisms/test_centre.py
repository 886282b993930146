"""The one-stop centre's own mechanisms: one intake, the data desk, joint operations, the queue."""

from __future__ import annotations

import numpy as np
import pytest

import govsim
from govsim.agents.police import LeadQueue
from govsim.early_warning import call_from_queue, desk_flags
from govsim.scenario.cooperation import KNOWN_LINKS
from govsim.scenario.overrides import with_overrides
from govsim.transfers import PendingTransfers
from tests.helpers import shipped
from tests.mechanisms.builders import batch_of, model

CENTRE_OFF = {"one_intake": False, "data_desk": 0.0, "joint_operations": 0.0}
FULL = dict.fromkeys(KNOWN_LINKS, 1.0)


def hub(size=2_000, centre=None, links=None, **sections):
    cooperation = {"structure": "hub", "links": FULL if links is None else links}
    cooperation["centre"] = centre or {}
    cooperation.update(sections.pop("cooperation", {}))
    return model(size=size, cooperation=cooperation, **sections)


def test_a_hub_with_its_mechanisms_off_is_bilateral_at_its_effective_levels():
    """The centre's mechanisms are all that separates a hub from strong bilateral links."""
    centre_off = with_overrides(
        shipped("multi_party_hub", residents=20_000, days=365, warmup=180),
        settings={f"cooperation.centre.{key}": value for key, value in CENTRE_OFF.items()},
    )
    effective = {link: centre_off.cooperation.level(link) for link in KNOWN_LINKS}
    bilateral = with_overrides(
        centre_off,
        settings={"cooperation.structure": "bilateral", "cooperation.links": effective},
    )
    assert effective["police-bank"] > 0.9  # co-location raised the link
    runs = [govsim.run(s, replications=2, seed=11, workers=1) for s in (centre_off, bilateral)]
    a, b = (r.summary.select_dtypes("number") for r in runs)
    costs = ["cost_cooperation", "governance_cost"]
    assert a.drop(columns=costs).equals(b.drop(columns=costs))
    assert a["victims"].sum() >= 5
    assert a["dissuasion_calls"].sum() > 0
    # The centre's seats cost money even with its mechanisms off.
    assert (a["cost_cooperation"] > b["cost_cooperation"]).all()


def test_the_one_intake_issues_the_stop_payment_in_intake_hours():
    banks_off = {"banks": {"enabled": False}}
    centre = {"one_intake": True, "intake_hours": 0.5}
    assert hub(centre=centre, agencies=banks_off).stop_payment_latency_hours() == 0.5
    without = hub(centre=CENTRE_OFF, agencies=banks_off).stop_payment_latency_hours()
    routing = 3.0  # the station's routing, then the full link's latency (0.25 h)
    assert without == pytest.approx(routing + 0.25)
    police_off = {"police": {"enabled": False}, "banks": {"self_freeze_hours": 30.0}}
    assert hub(centre=centre, agencies=police_off).stop_payment_latency_hours() == 30.0


def desk_share(city, scam="impersonate_official") -> float:
    everyone = np.arange(city.residents.size)
    batch = batch_of(city, everyone, scam)
    batch.evasion = np.zeros(len(batch))
    return desk_flags(city, batch, np.zeros(len(batch), bool)).mean()


FULL_EFFORT = {x: {"capability": 1.0} for x in ("banks", "telecoms", "platforms")}


def test_the_desk_flags_traces_at_data_desk_times_trace_share_times_corroboration():
    centre = {"data_desk": 0.8, "trace_share": 0.5}
    share = desk_share(hub(size=20_000, centre=centre, agencies=FULL_EFFORT))
    assert share == pytest.approx(0.8 * 0.5, abs=0.015)
    half = dict.fromkeys(KNOWN_LINKS, 0.5)
    no_colocation = {"hub_colocation": 0.0}
    city = hub(size=20_000, centre=centre, links=half, agencies=FULL_EFFORT,
               cooperation=no_colocation)  # fmt: skip
    assert desk_share(city) == pytest.approx(0.8 * 0.5 * 0.5, abs=0.015)


def test_without_a_hub_or_without_company_links_the_desk_flags_nothing():
    assert desk_share(model(size=3_000, cooperation={"links": FULL})) == 0.0
    assert desk_share(hub(size=3_000, centre={"data_desk": 0.0})) == 0.0
    no_company_links = {link: 1.0 for link in KNOWN_LINKS if not link.startswith(("bank", "tele"))}
    city = hub(size=3_000, links=no_company_links, cooperation={"hub_colocation": 0.0})
    assert desk_share(city) == 0.0
    assert desk_share(hub(size=3_000, agencies={"police": {"enabled": False}})) == 0.0


def test_the_desk_flags_only_contacts_no_carrier_flagged_and_they_reach_the_bank():
    city = hub(size=3_000, centre={"trace_share": 1.0, "data_desk": 1.0}, agencies=FULL_EFFORT)
    batch = batch_of(city, np.arange(3_000), "impersonate_official")
    flagged = np.zeros(len(batch), bool)
    flagged[:1_000] = True
    desk = desk_flags(city, batch, flagged)
    assert not desk[:1_000].any()
    assert desk[1_000:].mean() > 0.9
    city.warn_contacts(batch, np.zeros(len(batch), bool))
    assert batch.signalled_bank[batch.flagged & ~batch.blocked_telecom].mean() > 0.9


def call(force, leads, urgent=None):
    keys = np.arange(leads.size, dtype=np.uint64) + np.uint64(1000 * force.model.day)
    urgent = np.zeros(leads.size, bool) if urgent is None else urgent
    return force.dissuade(leads, keys, np.arange(leads.size), urgent)


def test_urgent_leads_are_called_first():
    ten_calls_a_day = {"police": {"dissuasion_calls_per_100k": 500.0}}
    force = model(agencies=ten_calls_a_day).police
    leads = np.ones(40, bool)
    urgent = np.zeros(40, bool)
    urgent[[5, 17, 33]] = True
    called = call(force, leads, urgent)
    assert called.sum() == 10
    assert called[urgent].all()


def test_leads_beyond_capacity_wait_newest_first_and_go_stale():
    city = model(agencies={"police": {"dissuasion_calls_per_100k": 500.0, "lead_expiry_days": 3}})
    force = city.police
    city.day = 1
    assert call(force, np.ones(30, bool)).sum() == 10
    assert force.leads_waiting == 20
    city.day = 2
    assert call(force, np.ones(25, bool)).sum() == 10
    assert len(force.called_from_queue) == 0  # no spare calls
    assert force.leads_waiting == 35
    city.day = 3
    assert call(force, np.ones(4, bool)).sum() == 4
    # Six spare calls go to the newest leads in the queue: day 2's.
    assert (force.called_from_queue.day == 2).all()
    assert len(force.called_from_queue) == 6
    city.day = 4  # day 1's leads are three days old: stale
    city.metrics.today.clear()
    call(force, np.zeros(1, bool))
    assert city.metrics.today["leads_expired"] == 20
    assert (force.called_from_queue.day == 2).all()
    assert len(force.called_from_queue) == 9
    assert force.leads_waiting == 0


def test_a_late_call_stops_a_victim_still_being_groomed():
    city = model(agencies={"police": {"dissuasion_efficacy": 1.0}})
    ring = city.rings[0]
    ring.coaching = 0.0
    episodes = np.array([11, 12, 13], dtype=np.uint64)
    city.pending = PendingTransfers.of(
        episode=episodes,
        resident=np.array([1, 2, 3]),
        ring=np.full(3, ring.unique_id, dtype=np.int64),
        scam=np.zeros(3, dtype=np.int16),
        mode=np.zeros(3, dtype=np.int8),
        handle=np.zeros(3, dtype=np.int64),
        platform=np.full(3, -1),
        due=np.full(3, 9),
        stage=np.zeros(3, dtype=np.int16),
        signalled=np.zeros(3, bool),
        report_hour=np.full(3, np.nan),
        first_hour=np.full(3, np.nan),
    )
    city.police.called_from_queue = LeadQueue.of(
        episode=episodes[:2], resident=np.array([1, 2]), day=np.array([0, 0])
    )
    city.day = 2
    call_from_queue(city)
    assert city.pending.episode.tolist() == [13]
    assert city.metrics.today["dissuaded"] == 2
    assert city.metrics.today["dissuasion_calls"] == 2


def test_joint_operations_link_more_cases():
    def chance(structure, joint):
        city = model(
            population={"regions": 4},
            agencies={"police": {"division_coordination": 0.4}},
            cooperation={
                "structure": structure,
                "links": {"police-police": 0.5},
                "centre": {"joint_operations": joint},
            },
        )
        return city.police.link_chance

    bilateral = 0.25 * 0.4 + 0.75 * 0.5
    assert chance("bilateral", 0.6) == pytest.approx(bilateral)
    assert chance("hub", 0.0) == pytest.approx(bilateral)
    assert chance("hub", 0.6) == pytest.approx(1 - (1 - bilateral) * 0.4)
    # Under structure none every division acts alone too.
    assert chance("none", 0.6) == 0.0


def test_joint_operations_take_down_a_ring_s_numbers_accounts_and_mules():
    for joint, expected in ((0.0, 0.0), (1.0, 1.0)):
        city = hub(centre={"joint_operations": joint}, agencies={"police": {"arrest_share": 0.0}})
        city.day = 3
        ring = city.rings[0]
        stock = np.concatenate([ring.numbers, ring.accounts])
        assert stock.size > 0
        assert ring.mules > 0
        mules = ring.mules
        city.police.arrest(ring, evidence=1.0)
        blocked = city.handles.is_blocked(stock, city.day)
        assert blocked.mean() == expected
        assert ring.mules == pytest.approx(mules * (1 - expected))
    city = hub(size=2_000, centre={"joint_operations": 0.5})
    city.day = 3
    ring = city.rings[1]
    stock = np.concatenate([ring.numbers, ring.accounts])
    city.police.arrest(ring, evidence=1.0)
    assert city.handles.is_blocked(stock, city.day).mean() == pytest.approx(0.5, abs=0.15)
