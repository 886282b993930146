"""Early warning: flags become leads, leads become calls, calls and warnings stop scams.

Telecoms and platforms flag suspicious contacts; in a hub the pooled data desk flags more and
marks scams in progress as urgent. Flags reach the anti-fraud centre through links and become
risk leads its callers work within their capacity (late calls come from its queue); platforms
warn in the app and interrupt grooming they detect; the centre's call adds to a bank's hold.
A ring's coaching cancels part of every call (:meth:`PoliceForce.call_efficacy`). Functions of
the model, as :mod:`govsim.contacting` and :mod:`govsim.transfers`: the day (docs/ODD.md 7.5)
calls them from :meth:`GovernanceModel.engage` and :meth:`GovernanceModel.transfer_funds`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from govsim.contact import ContactBatch
    from govsim.model import GovernanceModel


GROOMING_PURPOSES = ("grooming_detection", "grooming_stop")
"""The day's draws about each victim being groomed, keyed (episode, day), in one pass."""


def warn_contacts(
    model: GovernanceModel, batch: ContactBatch, in_progress: np.ndarray
) -> np.ndarray:
    """Early warning: flag reached contacts; return who of those about to pay was stopped.

    Telecoms and platforms flag suspicious contacts, whether or not the resident would
    engage (they cannot tell); in a hub the data desk flags more. Flags reach the
    anti-fraud centre only through links, and become risk leads that its callers work
    within their capacity; in-app warnings need no link. Every warned resident grows
    warier; a call or warning stops some of those about to pay.
    """
    by_telecom = model.telecoms.flag_suspicious(batch, batch.evasion)
    by_platform = model.platforms.flag_suspicious(batch, batch.evasion)
    by_desk = desk_flags(model, batch, by_telecom | by_platform)
    if not (by_telecom.any() or by_platform.any() or by_desk.any() or len(model.police.queue)):
        return _nothing_flagged(model, batch)
    batch.flagged = by_telecom | by_platform | by_desk
    forward, shared, signal, works = (
        batch.uniform(model.keyed, purpose)
        for purpose in (
            "lead_forward",
            "share_with_platform",
            "signal_bank",
            "dissuasion_works",
        )
    )
    police, level = model.police.enabled, model.links.level
    from_telecom = police & by_telecom & (forward < level("police-telecom"))
    from_platform = police & by_platform & (forward < level("police-platform"))
    leads = from_telecom | from_platform | (police & by_desk)
    model.metrics.add("leads", np.count_nonzero(leads))
    if model.metrics.measuring:  # a warm-up day's link counts are dropped: not worked out
        model.metrics.add_link("police-telecom", "lead", np.count_nonzero(from_telecom))
        model.metrics.add_link("police-platform", "lead", np.count_nonzero(from_platform))
    urgent = desk_triage(model, batch, in_progress)
    order = batch.uniform(model.keyed, "call_order")
    called = model.police.dissuade(leads, batch.key, batch.target, urgent, order)
    call_from_queue(model)
    model.metrics.add("dissuasion_calls", np.count_nonzero(called))
    shared_with_platform = by_telecom & (shared < model.links.level("telecom-platform"))
    warned_in_app = (by_platform | shared_with_platform) & (model.platforms.effort > 0)
    in_app_stops = model.platforms.warn_in_app(warned_in_app, batch)
    efficacy = model.police.call_efficacy(batch.coaching)
    stopped = in_progress & ((called & (works < efficacy)) | in_app_stops)
    batch.called = called
    batch.warned = called | warned_in_app
    to_bank = np.where(
        batch.phone, model.links.level("bank-telecom"), model.links.level("bank-platform")
    )
    # The desk's bank staff see its flags at once.
    signalled = batch.flagged & (signal < to_bank)
    batch.signalled_bank = signalled | by_desk
    if model.metrics.measuring:
        to_telecom = np.count_nonzero(signalled & batch.phone)
        model.metrics.add_link("bank-telecom", "lead", to_telecom)
        model.metrics.add_link("bank-platform", "lead", np.count_nonzero(signalled) - to_telecom)
        model.metrics.add_link("telecom-platform", "lead", np.count_nonzero(shared_with_platform))
    model.metrics.add("flagged", np.count_nonzero(batch.flagged))
    model.metrics.add("warned", np.count_nonzero(batch.warned))
    boost = model.config.agencies.education.warning_boost
    model.residents.boost_awareness(batch.target[batch.warned], model.day, boost)
    return stopped


def _nothing_flagged(model: GovernanceModel, batch: ContactBatch) -> np.ndarray:
    """:func:`warn_contacts` on a day no contact is flagged and no lead waits.

    No one is called or warned, and no one is stopped: the whole run of a scenario in which
    no party can flag (police_only, no_governance), which then draws nothing here.
    """
    model.metrics.add("leads", 0)
    model.police.called_from_queue = model.police.queue  # as dissuade leaves it with no lead
    model.metrics.add("dissuasion_calls", 0)
    size = len(batch)
    batch.flagged = np.zeros(size, bool)
    batch.called = np.zeros(size, bool)
    batch.warned = np.zeros(size, bool)
    batch.signalled_bank = np.zeros(size, bool)
    model.metrics.add("flagged", 0)
    model.metrics.add("warned", 0)
    return np.zeros(size, bool)


def desk_flags(model: GovernanceModel, batch: ContactBatch, flagged: np.ndarray) -> np.ndarray:
    """Contacts the hub's pooled data desk flags that no carrier flagged on its own.

    The carrier (the target's operator for calls and SMS, the platform for IM and web)
    holds a trace of the contact too weak to act on alone (``trace_share``, times its
    effort, less the ring's evasion); the desk flags it when the other companies' data
    corroborate it (:func:`desk_corroboration`). Pairwise agreements exchange confirmed
    flags and blacklists, not such raw traces: without a centre there is no desk.
    """
    hub = model.links.hub
    if hub is None or hub.data_desk <= 0 or not model.police.enabled or len(batch) == 0:
        return np.zeros(len(batch), bool)
    carrier = np.where(
        batch.phone, model.telecoms.contact_effort(batch), model.platforms.contact_effort(batch)
    )
    chance = hub.data_desk * hub.trace_share * carrier * (1.0 - batch.evasion)
    chance = chance * desk_corroboration(model, batch.phone)
    draw = batch.uniform(model.keyed, "desk_trace")
    return batch.alive & ~flagged & (draw < chance)


def desk_corroboration(model: GovernanceModel, phone: np.ndarray) -> np.ndarray:
    """How much of the other companies' data reaches the desk, per contact, in [0, 1].

    For a call the bank's and the platforms' data, for IM and web the bank's and the
    operators': each through its company link (bank-telecom, bank-platform,
    telecom-platform), times that company's effort. This is where the three company
    links matter in a hub.
    """
    level, banks = model.links.level, model.banks.effort
    telecoms, platforms = model.telecoms.effort, model.platforms.effort
    by_call = (level("bank-telecom") * banks + level("telecom-platform") * platforms) / 2.0
    online = (level("bank-platform") * banks + level("telecom-platform") * telecoms) / 2.0
    return np.where(phone, by_call, online)


def desk_triage(model: GovernanceModel, batch: ContactBatch, in_progress: np.ndarray) -> np.ndarray:
    """Leads the desk marks urgent: scams it sees in progress, called before the rest.

    Pooled data show which flagged residents are being talked into paying (a transfer
    being set up, a remote-control app installed): the desk recognises such a scam with
    chance ``data_desk`` times its corroboration. Without a desk, leads are called in no
    particular order.
    """
    hub = model.links.hub
    if hub is None or hub.data_desk <= 0 or not model.police.enabled or len(batch) == 0:
        return np.zeros(len(batch), bool)
    chance = hub.data_desk * desk_corroboration(model, batch.phone)
    return in_progress & (batch.uniform(model.keyed, "desk_triage") < chance)


def call_from_queue(model: GovernanceModel) -> None:
    """Leads called from the queue: the resident is warned; a scam still pending may stop.

    A call a day or two late still reaches a victim being groomed, whose first payment is
    not yet due; a victim who paid at once is past saving.
    """
    called = model.police.called_from_queue
    if len(called) == 0:
        return
    model.metrics.add("dissuasion_calls", len(called))
    boost = model.config.agencies.education.warning_boost
    model.residents.boost_awareness(called.resident, model.day, boost)
    pending = np.isin(model.pending.episode, called.episode)
    if not pending.any():
        return
    episodes = model.pending.episode[pending]
    draw = model.keyed.uniform("late_call_works", episodes, model.day)
    efficacy = model.police.call_efficacy(
        model.ring_values(model.pending.ring[pending], "coaching")
    )
    works = draw < efficacy
    left = model.scams.takings_left(model.pending.scam[pending], model.pending.stage[pending])
    model.count_stop_chances(efficacy, left)
    stopped = episodes[works]
    pending = np.isin(model.pending.episode, stopped)
    if pending.any():
        model.metrics.add("dissuaded", int(np.unique(model.pending.episode[pending]).size))
        model.pending = model.pending.select(~pending)


def interrupt_grooming(model: GovernanceModel) -> None:
    """Platforms detect grooming under way online; they, and the centre, stop some of it.

    Only victims whose first payment is not yet due can be saved. The platform warns in the
    app; with the police on, the centre's call adds its chance, reduced by the ring's coaching
    and by how well the police-platform link carries the platform's detection.
    """
    if len(model.pending) == 0 or model.platforms.grooming_detection_chance <= 0:
        return  # nothing to interrupt, or no one detects it (every chance is zero)
    pending = model.pending
    online = ~model.scams.phone[pending.scam] & (pending.due > model.day)
    detection, stopping = model.keyed.uniforms(GROOMING_PURPOSES, pending.episode, model.day)
    detected = model.platforms.detect_grooming(online, pending.episode, model.day, detection)
    centre = model.police.call_efficacy(
        model.ring_values(pending.ring, "coaching"), reach=model.links.level("police-platform")
    )
    stop = model.config.agencies.platforms.in_app_warning
    stop = 1 - (1 - stop) * (1 - (centre if model.police.enabled else 0.0))
    saved = detected & (stopping < stop)
    left = model.scams.takings_left(pending.scam, pending.stage)
    model.count_stop_chances(online * model.platforms.grooming_detection_chance * stop, left)
    model.metrics.add("dissuaded", int(saved.sum()))
    if saved.any():  # most days no one is saved: the pending transfers stay as they are
        model.pending = model.pending.select(~saved)


def centre_call_on_hold(model: GovernanceModel, ring_ids: np.ndarray) -> np.ndarray:
    """Chance the centre's call adds to the bank's warning on each held transfer.

    The ring's coaching (``ring_ids``, one per transfer) cancels part of the call.
    """
    if not model.police.enabled:
        return np.zeros(ring_ids.size)
    coaching = model.ring_values(ring_ids, "coaching")
    return model.police.call_efficacy(coaching, reach=model.links.level("police-bank"))
