"""The laundering race: chunks, freezing, and the ledger that conserves money."""

from __future__ import annotations

import math

import numpy as np
import pytest

from govsim.laundering import NEVER, Chunks, FundsInFlight
from tests.mechanisms.builders import model


def chunks(exit_hour, freeze_hour, amount=None, start_hour=None) -> Chunks:
    exit_hour = np.atleast_1d(np.asarray(exit_hour, dtype=float))
    n = exit_hour.size
    return Chunks.of(
        amount=np.ones(n) if amount is None else amount,
        ring=np.zeros(n),
        resident=np.arange(n),
        scam=np.zeros(n),
        mode=np.zeros(n),
        platform=np.full(n, -1),
        start_hour=np.zeros(n) if start_hour is None else start_hour,
        exit_hour=exit_hour,
        freeze_hour=np.broadcast_to(np.asarray(freeze_hour, dtype=float), (n,)),
        abroad=np.zeros(n),
        reported=np.zeros(n),
    )


@pytest.mark.parametrize(
    ("freeze", "exit_", "frozen"),
    [
        (5.0, 10.0, True),
        (10.0, 5.0, False),
        (9.999, 10.0, True),
        (10.0, 10.0, False),  # a tie: the money left as the freeze landed
        (NEVER, 3.0, False),
        (0.0, 0.5, True),
    ],
)
def test_chunk_is_frozen_exactly_when_freeze_lands_before_exit(freeze, exit_, frozen):
    batch = chunks(exit_, freeze)
    assert batch.frozen.tolist() == [frozen]
    assert batch.resolve_hour.tolist() == [min(freeze, exit_)]


def test_frozen_is_elementwise_over_a_batch():
    batch = chunks([10.0, 10.0, 10.0, 2.0], [3.0, 30.0, NEVER, 1.0])
    assert batch.frozen.tolist() == [True, False, False, True]
    assert batch.resolve_hour.tolist() == [3.0, 10.0, 10.0, 1.0]


def assert_conserved(ledger: FundsInFlight) -> None:
    assert ledger.gross == pytest.approx(ledger.proceeds + ledger.frozen + ledger.in_flight)


def test_ledger_conserves_money_over_add_and_resolve_sequences():
    rng = np.random.default_rng(7)
    ledger = FundsInFlight()
    expected_frozen = expected_proceeds = 0.0
    hour = 0.0
    for _ in range(30):
        n = int(rng.integers(0, 40))
        start = hour + rng.uniform(0, 24, n)
        exit_hour = start + rng.gamma(3.0, 2.0, n)
        freeze = np.where(rng.random(n) < 0.5, start + rng.exponential(8.0, n), NEVER)
        amount = rng.lognormal(8.0, 1.0, n)
        ledger.add(chunks(exit_hour, freeze, amount, start))
        assert_conserved(ledger)
        hour += 24.0
        decided = ledger.resolve_until(hour)
        expected_frozen += decided.amount[decided.frozen].sum()
        expected_proceeds += decided.amount[~decided.frozen].sum()
        assert_conserved(ledger)
        assert ledger.frozen == pytest.approx(expected_frozen)
        assert ledger.proceeds == pytest.approx(expected_proceeds)
    ledger.resolve_until(math.inf)
    assert ledger.in_flight == 0.0
    assert ledger.gross == pytest.approx(ledger.proceeds + ledger.frozen)


def test_adding_counts_gross_but_decides_nothing():
    ledger = FundsInFlight()
    ledger.add(chunks([5.0, 6.0], [1.0, NEVER], amount=np.array([100.0, 50.0])))
    assert ledger.gross == 150.0
    assert ledger.in_flight == 150.0
    assert ledger.frozen == ledger.proceeds == 0.0


def test_resolve_until_decides_only_races_that_end_before_the_hour():
    batch = chunks(
        exit_hour=[10.0, 100.0, 20.0, 50.0, 24.0, 30.0],
        freeze_hour=[NEVER, 5.0, 30.0, 40.0, NEVER, 24.0],
        amount=np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0]),
    )
    ledger = FundsInFlight()
    ledger.add(batch)
    decided = ledger.resolve_until(24.0)
    # Ends at 10 (gone), 5 (frozen), 20 (gone); 40 and 24 and 24 are not before hour 24.
    assert sorted(decided.amount.tolist()) == [1.0, 2.0, 4.0]
    assert ledger.frozen == 2.0
    assert ledger.proceeds == 5.0
    assert sorted(ledger.pending.amount.tolist()) == [8.0, 16.0, 32.0]
    assert ledger.in_flight == 56.0
    later = ledger.resolve_until(48.0)
    # The chunk frozen at 40 is decided now, the one frozen at 24 and the exit at 24 too.
    assert sorted(later.amount.tolist()) == [8.0, 16.0, 32.0]
    assert ledger.frozen == 2.0 + 8.0 + 32.0
    assert ledger.proceeds == 5.0 + 16.0
    assert ledger.in_flight == 0.0


def test_resolving_twice_at_the_same_hour_decides_nothing_new():
    ledger = FundsInFlight()
    ledger.add(chunks([3.0, 30.0], NEVER))
    assert len(ledger.resolve_until(24.0)) == 1
    assert len(ledger.resolve_until(24.0)) == 0
    assert ledger.in_flight == 1.0


def test_model_only_leaves_undecided_races_that_end_after_the_day():
    city = model(
        seed=3,
        fraud={"market_population": 20_000, "hop_hours_mean": 20.0},
        cooperation={"links": {"police-bank": 0.5}},
    )
    for _ in range(15):
        city.step()
        end_of_day = (city.day + 1) * 24.0
        assert (city.ledger.pending.resolve_hour >= end_of_day).all()
        assert_conserved(city.ledger)
    assert city.ledger.gross > 0
    assert city.ledger.frozen > 0
