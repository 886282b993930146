"""Contact: rings turn operators into attempts, broadcast at random or targeted by profile.

Rings plan for their whole market; the city receives its share (size / market population) of
their attempts as Poisson counts per ring, scam type and mode. Each attempt is a *slot* with its
own key (ring, day, scam type, mode, slot number), and everything that happens to it (its
target, its handle, whether it is blocked, seen, believed) is drawn from that key: two scenarios
in which a ring makes 40 and 41 attempts share the luck of the first 40.

Broadcast attempts pick residents at random. Targeted ones draw from the leaked records on the
black market, weighted by the scam type's target profile; impersonating-a-friend scams reach the
friends of residents whose accounts were compromised. Each attempt comes from one of the ring's
current numbers (calls, SMS) or accounts (IM, web).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from govsim.agents.handles import pick_either
from govsim.agents.rings import market_attempts, pay, slots_of
from govsim.contact import CONTACT_PURPOSES, ContactBatch
from govsim.randomness import combine

if TYPE_CHECKING:
    from govsim.agents.rings import FraudRing
    from govsim.model import GovernanceModel

BROADCAST, TARGETED = 0, 1


def plan_attempts(model: GovernanceModel, rings: list[FraudRing]) -> np.ndarray:
    """Attempts reaching the city today, per ring, scam type and mode (Poisson counts)."""
    active = model.scams.active(model.running_events)
    expected = market_attempts(rings, active, model.scams.phone)
    records = expected[:, :, TARGETED].sum(axis=1) * model.config.black_market.record_price
    pay(model.ring_book, slots_of(rings), records)  # a leaked record for each targeted attempt
    return model.keyed.poisson(
        expected / model.scale, "attempt_count", *_cell_keys(model, rings, model.day)
    )


def _cell_keys(model: GovernanceModel, rings: list[FraudRing], day: int) -> tuple:
    """Broadcastable keys (ring, day, scam type, mode) of every planning cell."""
    ring_keys = model.ring_book.key[slots_of(rings)][:, None, None]
    scam_keys = model.scams.key[None, :, None]
    return ring_keys, day, scam_keys, np.arange(2)[None, None, :]


def make_contacts(model: GovernanceModel, rings: list[FraudRing]) -> ContactBatch:
    """Build today's batch of attempts with their keys, targets and handles."""
    counts = plan_attempts(model, rings)
    # np.nonzero(counts), from the flat cells (twice as fast): ring, scam type, mode.
    cells = counts.ravel().nonzero()[0]
    repeats = counts.ravel()[cells]
    cells, mode = np.divmod(cells, counts.shape[2])
    ring_idx, scam = np.divmod(cells, counts.shape[1])
    ring_of = ring_idx.repeat(repeats)
    scam_of = scam.repeat(repeats)
    mode_of = mode.repeat(repeats)
    keys = _slot_keys(model, rings, ring_idx, scam, mode, repeats)
    # The draws every attempt needs, for all their purposes in one pass (read-only rows);
    # blocking and early warning draw theirs when first asked (ContactBatch.uniform).
    rows = model.keyed.uniforms(CONTACT_PURPOSES, keys)
    rows.flags.writeable = False
    luck = dict(zip(CONTACT_PURPOSES, rows, strict=True))
    targets = _draw_targets(model, luck, scam_of, mode_of)
    phone = model.scams.phone[scam_of]
    handles = _draw_handles(model, rings, luck["handle_pick"], ring_of, phone)
    return ContactBatch(
        key=keys,
        ring=ring_of.astype(np.int32),
        scam=scam_of.astype(np.int16),
        mode=mode_of.astype(np.int8),
        target=targets,
        handle=handles,
        phone=phone,
        platform=model.platforms.route_types(
            model.scams.channel, scam_of, draw=luck["platform_route"]
        ),
        luck=luck,
    )


def _slot_keys(
    model: GovernanceModel,
    rings: list[FraudRing],
    ring_idx: np.ndarray,
    scam: np.ndarray,
    mode: np.ndarray,
    repeats: np.ndarray,
) -> np.ndarray:
    """One key per attempt: its cell's key combined with its slot number within the cell."""
    if repeats.size == 0:
        return np.empty(0, dtype=np.uint64)
    ring_keys = model.ring_book.key[slots_of(rings)][ring_idx]
    cells = combine(ring_keys, model.day, model.scams.key[scam], mode)
    starts = repeats.cumsum() - repeats
    slot = np.arange(int(repeats.sum())) - starts.repeat(repeats)
    return combine(cells.repeat(repeats), slot)


def _draw_targets(
    model: GovernanceModel, luck: dict[str, np.ndarray], scam: np.ndarray, mode: np.ndarray
) -> np.ndarray:
    """Each attempt's target, from its uniforms in ``luck`` (by purpose)."""
    residents = model.residents
    pick = luck["target"]
    targets = (pick * residents.size).astype(np.int64)
    targeted = mode == TARGETED
    if targeted.any():
        targeted = targeted.nonzero()[0]
        group_draw = luck["target_group"][targeted]
        targets[targeted] = model.market.draw_targets(
            model.scams.profile, group_draw, pick[targeted], kinds=scam[targeted]
        )
    via_ties = model.scams.via_ties[scam]
    if via_ties.any():
        tie_draw = luck["target_tie"][via_ties]
        targets[via_ties] = _friends_of_compromised(model, pick[via_ties], tie_draw)
    return targets


def _friends_of_compromised(
    model: GovernanceModel, pick: np.ndarray, tie_draw: np.ndarray
) -> np.ndarray:
    """Friends of residents whose social accounts the rings control."""
    compromised = model.residents.compromised_ids()
    if compromised.size == 0:
        return np.full(pick.size, -1, dtype=np.int64)
    hijacked = compromised[(pick * compromised.size).astype(np.int64)]
    return model.residents.random_tie(hijacked, tie_draw).astype(np.int64)


def _draw_handles(
    model: GovernanceModel,
    rings: list[FraudRing],
    picks: np.ndarray,
    ring_of: np.ndarray,
    phone: np.ndarray,
) -> np.ndarray:
    """Each attempt's handle: one of its ring's numbers (calls, SMS) or accounts (IM, web).

    ``picks`` are the attempts' uniforms for the pick.
    """
    numbers, accounts = model.handle_stacks(rings)
    return pick_either(numbers, accounts, phone, ring_of, picks)
