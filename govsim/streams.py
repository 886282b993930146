"""Named random streams, one per mechanism, all spawned from one replication seed.

Comparisons between scenarios rely on common random numbers: switching a party off must not
reshuffle the luck of the others. Each mechanism therefore draws from its own generator, and
streams are spawned in a fixed order so that adding a stream at the end changes no other.
"""

from __future__ import annotations

import numpy as np

STREAM_NAMES: tuple[str, ...] = (
    "population",
    "contact",
    "filtering",
    "warning",
    "engagement",
    "transfer",
    "laundering",
    "reporting",
    "investigation",
    "judiciary",
    "adaptation",
    "market",
    "events",
    "collateral",
    "social",
    "institutions",
)


class RandomStreams:
    """One ``numpy.random.Generator`` per mechanism, reachable as attributes."""

    population: np.random.Generator
    contact: np.random.Generator
    filtering: np.random.Generator
    warning: np.random.Generator
    engagement: np.random.Generator
    transfer: np.random.Generator
    laundering: np.random.Generator
    reporting: np.random.Generator
    investigation: np.random.Generator
    judiciary: np.random.Generator
    adaptation: np.random.Generator
    market: np.random.Generator
    events: np.random.Generator
    collateral: np.random.Generator
    social: np.random.Generator
    institutions: np.random.Generator

    def __init__(self, seed: int) -> None:
        children = np.random.SeedSequence(seed).spawn(len(STREAM_NAMES))
        for name, child in zip(STREAM_NAMES, children, strict=True):
            setattr(self, name, np.random.default_rng(child))
