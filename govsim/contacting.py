"""Contact: rings turn operators into attempts, broadcast at random or targeted by profile.

Rings plan for their whole market; the city receives its share (size / market population) of
their attempts as Poisson counts. Broadcast attempts pick residents at random. Targeted ones
draw from the leaked records on the black market, weighted by the scam type's target profile;
impersonating-a-friend scams reach the friends of residents whose accounts were compromised.
Each attempt comes from one of the ring's current numbers (calls, SMS) or accounts (IM, web).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from govsim.contact import ContactBatch

if TYPE_CHECKING:
    from govsim.agents.rings import FraudRing
    from govsim.model import GovernanceModel

BROADCAST, TARGETED = 0, 1


def plan_attempts(model: GovernanceModel, rings: list[FraudRing]) -> np.ndarray:
    """Attempts reaching the city today, per ring, scam type and mode (Poisson counts)."""
    active = model.scams.active(model.running_events)
    expected = np.array(
        [ring.national_attempts(active, model.scams.phone) for ring in rings]
    ).reshape(len(rings), len(model.scams), 2)
    record_price = model.config.black_market.record_price
    for ring, planned in zip(rings, expected, strict=True):
        ring.market_attempts = float(planned.sum())
        ring.pay(float(planned[:, TARGETED].sum()) * record_price)  # a leaked record each
    return model.streams.contact.poisson(expected / model.scale)


def make_contacts(model: GovernanceModel, rings: list[FraudRing]) -> ContactBatch:
    """Build today's batch of attempts with their targets and handles."""
    counts = plan_attempts(model, rings)
    ring_idx, scam, mode = np.nonzero(counts)
    repeats = counts[ring_idx, scam, mode]
    ring_of = np.repeat(ring_idx, repeats)
    scam_of = np.repeat(scam, repeats)
    mode_of = np.repeat(mode, repeats)
    targets = _draw_targets(model, scam_of, mode_of)
    handles = _draw_handles(model, rings, ring_of, model.scams.phone[scam_of])
    return ContactBatch(
        ring=ring_of.astype(np.int32),
        scam=scam_of.astype(np.int16),
        mode=mode_of.astype(np.int8),
        target=targets,
        handle=handles,
        phone=model.scams.phone[scam_of],
        platform=model.platforms.route(model.scams.channel[scam_of], model.streams.institutions),
    )


def _draw_targets(model: GovernanceModel, scam: np.ndarray, mode: np.ndarray) -> np.ndarray:
    rng = model.streams.contact
    residents = model.residents
    targets = rng.integers(0, residents.size, size=scam.size).astype(np.int64)
    for s in np.unique(scam[mode == TARGETED]):
        chosen = (scam == s) & (mode == TARGETED)
        profile = model.scams.profile[s]
        targets[chosen] = model.market.draw_targets(profile, int(chosen.sum()), rng)
    via_ties = model.scams.via_ties[scam]
    if via_ties.any():
        targets[via_ties] = _friends_of_compromised(model, int(via_ties.sum()), rng)
    return targets


def _friends_of_compromised(
    model: GovernanceModel, count: int, rng: np.random.Generator
) -> np.ndarray:
    """Friends of residents whose social accounts the rings control."""
    compromised = np.flatnonzero(model.residents.compromised)
    if compromised.size == 0:
        return np.full(count, -1, dtype=np.int64)
    hijacked = compromised[rng.integers(0, compromised.size, size=count)]
    return model.residents.random_tie(hijacked, rng).astype(np.int64)


def _draw_handles(
    model: GovernanceModel, rings: list[FraudRing], ring_of: np.ndarray, phone: np.ndarray
) -> np.ndarray:
    rng = model.streams.contact
    handles = np.full(ring_of.size, -1, dtype=np.int64)
    picks = rng.random(ring_of.size)
    for i, ring in enumerate(rings):
        for uses_phone, stock in ((True, ring.numbers), (False, ring.accounts)):
            chosen = (ring_of == i) & (phone == uses_phone)
            if stock.size and chosen.any():
                handles[chosen] = stock[(picks[chosen] * stock.size).astype(np.int64)]
    return handles
