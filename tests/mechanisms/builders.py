"""Small scenarios and models for the mechanism tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from govsim.contact import ContactBatch
from govsim.model import GovernanceModel
from govsim.randomness import combine
from govsim.scenario.fraud import Fraud
from govsim.scenario.schema import Scenario

INITIAL_RINGS = 8


def scenario(size: int = 2_000, **sections: Any) -> Scenario:
    """A test scenario: ``size`` residents, other sections given as plain dicts.

    Without a warm-up unless one is asked for, so that the first step is day 1 and a
    mechanism's effect shows on the day a test expects it.
    """
    population = {"size": size, **sections.pop("population", {})}
    sections.setdefault("warmup_days", 0)
    sections["fraud"] = _with_rings(sections.get("fraud", {}))
    return Scenario(name="test", population=population, **sections)


def _with_rings(fraud: dict[str, Any]) -> dict[str, Any]:
    """Start with ``initial_rings`` rings (8 unless given), whatever the market's size.

    The scenario sets rings per million residents of the market; tests think in rings.
    """
    fraud = dict(fraud)
    rings = fraud.pop("initial_rings", INITIAL_RINGS)
    if "rings_per_million" not in fraud:
        market = fraud.get("market_population", Fraud().market_population)
        fraud["rings_per_million"] = rings * 1e6 / market
    return fraud


def model(seed: int = 0, size: int = 2_000, **sections: Any) -> GovernanceModel:
    """A model of :func:`scenario`, built with ``seed``."""
    return GovernanceModel(scenario(size, **sections), rng=seed)


def scam_index(model: GovernanceModel, key: str) -> int:
    """Number of a scam type in the model's catalogue."""
    return model.scams.keys.index(key)


def batch_of(
    model: GovernanceModel,
    targets: np.ndarray,
    scam: str,
    mode: int = 0,
    handle: int | None = None,
    ring: int = 0,
) -> ContactBatch:
    """A batch of contacts by hand: one per target, all of one scam type and mode.

    Each contact gets its own key (the ring's key, the model's day, the scam's key, the mode
    and the contact's place in the batch), as :mod:`govsim.contacting` would give it.
    """
    n = targets.size
    index = scam_index(model, scam)
    if handle is None:
        ring_agent = model.active_rings()[ring]
        stock = ring_agent.numbers if model.scams.phone[index] else ring_agent.accounts
        handle = int(stock[0])
    ring_key = model.active_rings()[ring].key if model.active_rings() else ring
    cell = combine(ring_key, model.day, model.scams.key[index], mode)
    keys = combine(cell, np.arange(n))
    return ContactBatch(
        key=keys,
        ring=np.full(n, ring, dtype=np.int32),
        scam=np.full(n, index, dtype=np.int16),
        mode=np.full(n, mode, dtype=np.int8),
        target=targets.astype(np.int64),
        handle=np.full(n, handle, dtype=np.int64),
        phone=np.full(n, bool(model.scams.phone[index])),
        platform=model.platforms.route(np.full(n, model.scams.channel[index]), keys),
    )
