"""The expected amount of a transfer capped by savings, which carries the market's amount share."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.scams import ScamTable
from govsim.scenario.catalogue import default_catalogue


@pytest.fixture(scope="module")
def scams() -> ScamTable:
    return ScamTable(default_catalogue())


def test_no_cap_gives_the_mean_amount_and_no_savings_give_nothing(scams):
    kinds = np.arange(len(scams))
    assert scams.capped_mean_amount(kinds, np.full(kinds.size, 1e15)) == pytest.approx(
        scams.mean_amount
    )
    assert scams.capped_mean_amount(kinds, np.zeros(kinds.size)).tolist() == [0.0] * kinds.size


def test_the_capped_mean_is_what_capped_draws_average(scams):
    rng = np.random.default_rng(7)
    for kind in range(len(scams)):
        draws = scams.loss_median[kind] * np.exp(scams.loss_sigma[kind] * rng.normal(size=400_000))
        for cap in (0.3, 1.0, 4.0):
            cap_yuan = cap * scams.loss_median[kind]
            simulated = np.minimum(draws, cap_yuan).mean()
            exact = scams.capped_mean_amount(np.array([kind]), np.array([cap_yuan]))[0]
            assert exact == pytest.approx(simulated, rel=0.01)
            assert exact < min(cap_yuan, scams.mean_amount[kind])
