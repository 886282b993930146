"""Money is conserved at every step, whatever the governance, the laundering and the events.

Losses = ring proceeds + frozen + in flight (docs/ODD.md section 7.9), the daily metrics add
up to the ledger, frozen money goes back to the victims, and the daily counters are consistent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govsim.metrics import DAILY_COUNTS
from govsim.model import GovernanceModel
from govsim.scenario.cooperation import KNOWN_LINKS
from govsim.scenario.fields import AGE_GROUPS
from govsim.scenario.schema import Scenario

AGENCIES = ("police", "banks", "telecoms", "platforms", "judiciary", "education")
REL = 1e-9
shares = st.floats(0.0, 1.0)


def agencies() -> st.SearchStrategy[dict]:
    one = st.fixed_dictionaries({"enabled": st.booleans(), "capability": shares})
    return st.fixed_dictionaries(dict.fromkeys(AGENCIES, one))


def cooperation() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {
            "structure": st.sampled_from(["none", "bilateral", "hub"]),
            "links": st.dictionaries(st.sampled_from(KNOWN_LINKS), shares),
            "hub_colocation": shares,
        }
    )


def events(days: int) -> st.SearchStrategy[list[dict]]:
    day = st.integers(1, days)
    duration = st.integers(1, days)
    groups = st.lists(st.sampled_from(AGE_GROUPS), min_size=1, max_size=3, unique=True)
    kinds = st.one_of(
        st.fixed_dictionaries(
            {
                "type": st.just("data_breach"),
                "day": day,
                "group": st.sampled_from([*AGE_GROUPS, None]),
                "share": shares,
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("card_crackdown"),
                "day": day,
                "duration_days": duration,
                "intensity": shares,
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("campaign"),
                "day": day,
                "reach": shares,
                "boost": shares,
                "groups": groups,
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("epidemic"),
                "day": day,
                "duration_days": duration,
                "online_multiplier": st.floats(0.5, 3.0),
            }
        ),
    )
    return st.lists(kinds, max_size=3)


@st.composite
def scenarios(draw) -> Scenario:
    size = draw(st.integers(500, 3_000))
    days = draw(st.integers(20, 60))
    market = size * draw(st.sampled_from([5, 10, 30, 100]))
    rings = draw(st.integers(1, 5))
    fraud = {
        "market_population": market,
        # 1 to 5 rings at the start (rings per million are capped at 1,000).
        "rings_per_million": min(rings * 1e6 / market, 1_000.0),
        "max_rings": 12,
        "entry_rate_per_month": draw(st.floats(0.0, 2.0)),
        "fanout": draw(st.integers(1, 16)),
        "laundering_layers": draw(st.integers(1, 20)),
        "hop_hours_mean": draw(st.floats(0.1, 100.0)),
        "cross_border_share": draw(shares),
    }
    return Scenario(
        name="property",
        days=days,
        warmup_days=draw(st.integers(0, 10)),
        seed=draw(st.integers(0, 2**16)),
        population={"size": size, "regions": draw(st.integers(1, 6))},
        fraud=fraud,
        agencies=draw(agencies()),
        cooperation=draw(cooperation()),
        events=draw(st.one_of(st.just([]), events(days))),
    )


def close(a: float, b: float, scale: float = 1.0) -> bool:
    return math.isclose(a, b, rel_tol=REL, abs_tol=REL * max(scale, 1.0))


@dataclass
class Start:
    """The ledger when measuring starts: the daily rows count from there."""

    gross: float = 0.0
    frozen: float = 0.0
    proceeds: float = 0.0

    @classmethod
    def of(cls, ledger) -> Start:
        return cls(ledger.gross, ledger.frozen, ledger.proceeds)


def check_money(model: GovernanceModel, initial_savings: float, start: Start | None) -> None:
    ledger = model.ledger
    gross = ledger.gross
    assert close(gross, ledger.proceeds + ledger.frozen + ledger.in_flight, gross)
    savings = model.residents.savings
    assert savings.min() >= -1e-6 * max(1.0, initial_savings / savings.size)
    lost = initial_savings - float(savings.sum())
    assert math.isclose(lost, ledger.proceeds + ledger.in_flight, abs_tol=1e-9 * initial_savings)
    if start is None:  # still in the warm-up: nothing is counted in the daily rows
        assert model.metrics.days == []
        return
    rows = model.metrics.days
    assert close(sum(r["gross_loss"] for r in rows), gross - start.gross, gross)
    assert close(sum(r["frozen"] for r in rows), ledger.frozen - start.frozen, gross)
    assert close(sum(r["ring_proceeds"] for r in rows), ledger.proceeds - start.proceeds, gross)
    assert close(rows[-1]["in_flight"], ledger.in_flight, gross)


def check_row(row: dict[str, float]) -> None:
    assert all(math.isfinite(value) for value in row.values()), row
    assert all(row[name] >= 0 for name in DAILY_COUNTS), row
    blocked = row["blocked_telecom"] + row["blocked_platform"]
    assert blocked <= row["attempts"]
    assert row["contacts_reached"] + blocked <= row["attempts"]
    assert row["victims"] <= row["transfers"]
    # What police statistics see is a part of the whole (floats: the same sums, fewer terms).
    assert row["reported_loss"] <= row["gross_loss"] * (1 + 1e-12)
    assert row["frozen_reported"] <= row["frozen"] * (1 + 1e-12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_money_is_conserved_at_every_step(scenario: Scenario):
    model = GovernanceModel(scenario, rng=scenario.seed)
    initial_savings = float(model.residents.savings.sum())
    start = None
    for _ in range(model.total_days):
        if model.day == 0:  # the next step is the first measured day
            start = Start.of(model.ledger)
        model.step()
        check_money(model, initial_savings, start)
        if start is not None:
            check_row(model.metrics.days[-1])
    assert len(model.metrics.days) == scenario.days


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_victims_come_from_reached_contacts_and_blocks_from_attempts(scenario: Scenario):
    model = GovernanceModel(scenario, rng=scenario.seed)
    reached = victims = 0.0
    while model.day < 0:  # the warm-up: nothing is counted
        model.step()
    # Victims of the first measured days may have been contacted in the warm-up; count the
    # warm-up's contacts still in grooming as reached.
    reached = float(len(model.pending))
    for _ in range(scenario.days):
        model.step()
        row = model.metrics.days[-1]
        reached += row["contacts_reached"]
        victims += row["victims"]
        # A victim pays on the day of contact or after grooming, so the bound is cumulative.
        assert victims <= reached
        assert row["blocked_telecom"] + row["blocked_platform"] <= row["attempts"]
        assert row["blocked_telecom"] == 0 or model.telecoms.effort > 0
        assert row["blocked_platform"] == 0 or model.platforms.effort > 0
    assert np.isfinite(model.residents.savings).all()
