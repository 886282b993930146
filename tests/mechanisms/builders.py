"""Small scenarios and models for the mechanism tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from govsim.contact import ContactBatch
from govsim.model import GovernanceModel
from govsim.scenario.schema import Scenario


def scenario(size: int = 2_000, **sections: Any) -> Scenario:
    """A test scenario: ``size`` residents, other sections given as plain dicts."""
    population = {"size": size, **sections.pop("population", {})}
    return Scenario(name="test", population=population, **sections)


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
    """A batch of contacts by hand: one per target, all of one scam type and mode."""
    n = targets.size
    index = scam_index(model, scam)
    if handle is None:
        ring_agent = model.active_rings()[ring]
        stock = ring_agent.numbers if model.scams.phone[index] else ring_agent.accounts
        handle = int(stock[0])
    return ContactBatch(
        ring=np.full(n, ring, dtype=np.int32),
        scam=np.full(n, index, dtype=np.int16),
        mode=np.full(n, mode, dtype=np.int8),
        target=targets.astype(np.int64),
        handle=np.full(n, handle, dtype=np.int64),
        phone=np.full(n, bool(model.scams.phone[index])),
        platform=model.platforms.route(
            np.full(n, model.scams.channel[index]), np.random.default_rng(0)
        ),
    )
