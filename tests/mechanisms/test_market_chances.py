"""The market's paid and frozen shares rest on chances, and agree with what the city realises.

The rest of the rings' market is extrapolated from two shares (govsim.extrapolation): the share
of engaged victims' expected takings that is paid, and the share of mule paths frozen. Both are
counted from each decision's chances (GovernanceModel.count_stop_chances,
transfers.freeze_chances) rather than from the city's few realised outcomes alone. Pooled over
replications, the chance-based and the realised shares must agree: the chances are those the
draws are made with. The third share the takings rest on, what savings let payers pay, is
checked against the amounts drawn in tests/mechanisms/test_capped_amounts.py.
"""

from __future__ import annotations

from collections import Counter

import pytest

from govsim.agents.rings import OPERATORS
from tests.mechanisms.builders import model

pytestmark = pytest.mark.slow  # eight 50,000-resident cities, 320 days each

FLOWS = (
    "engaged_takings",
    "engaged_takings_realised",
    "gross_loss",
    "expected_stops",
    "takings_lost",
    "paid_expected",
    "frozen_paths",
    "resolved_paths",
    "expected_frozen_paths",
    "paths_paid",
)


def pooled_flows(seeds: int = 8, residents: int = 50_000) -> Counter:
    """Flows of 200 days of scams, then 120 days in which every pending one plays out."""
    totals: Counter = Counter()
    for seed in range(seeds):
        city = model(seed=seed, size=residents, fraud={"initial_rings": 60})
        close_day = city.metrics.close_day

        def counted(day, levels, market, city=city, close_day=close_day):
            for name in FLOWS:
                totals[name] += city.metrics.today.get(name, 0.0)
            return close_day(day, levels, market)

        city.metrics.close_day = counted
        for _ in range(200):
            city.step()
        city._enter_rings = _no_entry
        for ring in city.active_rings():
            ring.home[OPERATORS] = ring.abroad[OPERATORS] = 0  # no new contacts
            ring.cash = 1e12  # and no ring quits with victims pending
        for _ in range(120):
            city.step()
        assert len(city.pending) == 0
    return totals


def _no_entry() -> None:
    """No ring enters once the contacts stop."""


@pytest.fixture(scope="module")
def flows() -> Counter:
    return pooled_flows()


def test_the_paid_share_from_chances_agrees_with_the_realised_one(flows):
    engaged = flows["engaged_takings_realised"]
    from_chances = (engaged - flows["expected_stops"] - flows["takings_lost"]) / engaged
    realised = flows["paid_expected"] / engaged
    assert 0.2 < realised < 0.9
    assert from_chances == pytest.approx(realised, abs=0.05)


def test_the_frozen_share_from_chances_agrees_with_the_realised_one(flows):
    assert flows["paths_paid"] == flows["resolved_paths"] > 1_000
    from_chances = flows["expected_frozen_paths"] / flows["paths_paid"]
    realised = flows["frozen_paths"] / flows["resolved_paths"]
    assert 0.03 < realised < 0.5
    assert from_chances == pytest.approx(realised, abs=0.025)
