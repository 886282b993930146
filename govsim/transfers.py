"""Transfers: from an engaged victim's payment to the mule network, the report and the freeze.

Engaged victims either pay the same day or after grooming (investment scams escalate over
weeks, one transfer after another). Each due transfer meets the bank's risk control; what
passes is split into mule paths that race the freeze (see :mod:`govsim.laundering`). Whether
and when the victim reports is drawn at the first transfer, which fixes when the freeze lands:
the report delay plus the faster of the police stop-payment (set by the police-bank link) and
the victim's own bank freezing on request.

Every draw about a transfer is keyed by its *episode* (the key of the contact that started the
scam) and its stage, so a victim meets the same luck in every scenario in which she pays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar

import numpy as np
from scipy import special

from govsim.columns import Columns
from govsim.early_warning import centre_call_on_hold
from govsim.laundering import NEVER, Chunks
from govsim.randomness import combine

if TYPE_CHECKING:
    from govsim.model import GovernanceModel
    from govsim.scams import ScamTable

WAKING_HOURS = (8.0, 22.0)
PATH_PURPOSES = ("hop_hours", "parked", "parked_hours", "exit_abroad", "mule_detection_hour")
"""The draws about each mule path, keyed (episode, stage, path)."""


@dataclass
class PendingTransfers(Columns):
    """Victims who engaged and will pay on ``due`` (grooming, then escalation)."""

    DTYPES: ClassVar[dict[str, type]] = {
        "episode": np.uint64,
        "resident": np.int64,
        "ring": np.int64,
        "scam": np.int16,
        "mode": np.int8,
        "handle": np.int64,
        "platform": np.int16,
        "due": np.int32,
        "stage": np.int16,
        "signalled": np.bool_,
        "report_hour": np.float64,
        "first_hour": np.float64,
    }
    episode: np.ndarray
    """Key of the contact that started the scam: every later draw about it derives from it."""
    resident: np.ndarray
    ring: np.ndarray
    scam: np.ndarray
    mode: np.ndarray
    handle: np.ndarray
    platform: np.ndarray
    """The platform the scam's contact came through (-1 for a call or SMS)."""
    due: np.ndarray
    stage: np.ndarray
    signalled: np.ndarray
    report_hour: np.ndarray
    """When the victim reports; drawn at the first transfer (NaN before), kept for later ones."""
    first_hour: np.ndarray
    """When the first transfer started (NaN before it): the report delay counts from it."""


@dataclass
class Reports(Columns):
    """Victims' reports to police, waiting for the day they are made."""

    DTYPES: ClassVar[dict[str, type]] = {
        "day": np.int32,
        "episode": np.uint64,
        "resident": np.int64,
        "ring": np.int64,
        "handle": np.int64,
        "region": np.int16,
    }
    day: np.ndarray
    episode: np.ndarray
    resident: np.ndarray
    ring: np.ndarray
    handle: np.ndarray
    region: np.ndarray


@dataclass
class TransferOutcome:
    """What today's due transfers produced."""

    chunks: Chunks
    reports: Reports
    follow_ups: PendingTransfers


def draw_amounts(model: GovernanceModel, due: PendingTransfers) -> np.ndarray:
    """Amount of each transfer: the scam's loss distribution, capped by savings."""
    scams = model.scams
    noise = model.keyed.normal("amount", due.episode, due.stage)
    amounts = scams.loss_median[due.scam] * np.exp(scams.loss_sigma[due.scam] * noise)
    share = model.config.population.max_transfer_share
    cap = np.maximum(model.residents.savings[due.resident] * share, 0.0)
    # A victim paying several scams in one day cannot pay more than the cap in total.
    _, victim = np.unique(due.resident, return_inverse=True)
    asked = np.bincount(victim, weights=amounts)[victim]
    return amounts * np.where(asked > cap, cap / np.maximum(asked, 1e-12), 1.0)


def mule_paths(
    model: GovernanceModel,
    paid: PendingTransfers,
    amounts: np.ndarray,
    start: np.ndarray,
    reported: np.ndarray,
) -> Chunks:
    """Split each payment into parallel mule paths and time their race out of reach.

    ``reported`` says whether each payment's victim reports to the police (ever).
    """
    keyed, fraud = model.keyed, model.config.fraud
    fanout = fraud.fanout
    rows = np.arange(len(paid)).repeat(fanout)
    keys = (paid.episode[rows], paid.stage[rows], np.tile(np.arange(fanout), len(paid)))
    # Each path's draws for every purpose in one pass: keyed.gamma and keyed.exponential
    # are these uniforms transformed.
    hop, park, wait, leave, detect = keyed.uniforms(PATH_PURPOSES, *keys)
    hops = fraud.hop_hours_mean * special.gammaincinv(fraud.laundering_layers, hop)
    parked = park < fraud.parked_share
    hops = hops + np.where(parked, fraud.parked_hours_mean * -np.log(wait), 0.0)
    abroad = leave < model.exit_abroad_share(paid.ring)[rows]
    if model.banks.detects_no_mules():  # every chance is zero: no draw is below it
        caught = np.zeros(rows.size, bool)
    else:
        caught = model.banks.detect_mule_paths(paid.resident[rows], combine(*keys))
    caught_at = start[rows] + fraud.hop_hours_mean * -np.log(detect)
    return Chunks.of(
        amount=amounts[rows] / fanout,
        ring=paid.ring[rows],
        resident=paid.resident[rows],
        scam=paid.scam[rows],
        mode=paid.mode[rows],
        platform=paid.platform[rows],
        start_hour=start[rows],
        exit_hour=start[rows] + hops,
        freeze_hour=np.where(caught, caught_at, NEVER),
        abroad=abroad,
        reported=reported[rows],
    )


def freeze_chances(
    model: GovernanceModel, paid: PendingTransfers, start: np.ndarray, latency: np.ndarray
) -> np.ndarray:
    """The chance each of a transfer's mule paths is frozen, over the race's own draws.

    A path is frozen if the bank's mule detection (with the payer's bank's chance, after an
    exponential delay) or the stop-payment (the victim's report, then ``latency``) lands
    before the path leaves reach (:func:`mule_paths`). This averages over the report
    (reported with the group's share after a log-normal delay; for a later transfer, given
    that the victim had not reported by the end of its due day), the detection and the
    laundering time (quadrature over its gamma layers and parked wait). The market's frozen
    share rests on these chances rather than on the city's few realised races
    (:mod:`govsim.extrapolation`), as the paid share rests on the stops' chances.
    """
    if len(paid) == 0:
        return np.zeros(0)
    fraud = model.config.fraud
    exits, weights = _laundering_quadrature(
        fraud.hop_hours_mean, fraud.laundering_layers, fraud.parked_hours_mean, fraud.parked_share
    )
    caught = model.banks.mule_detection_chance(paid.resident)
    undetected = 1.0 - caught[:, None] * (1.0 - np.exp(-exits[None, :] / fraud.hop_hours_mean))
    if not np.isfinite(latency).any():
        # No stop-payment ever lands (no police order, no bank freezing on request): every
        # path is unstopped, and only the banks' detection can freeze it.
        return 1.0 - undetected @ weights
    first = np.where(paid.stage == 0, start, paid.first_hour)[:, None]
    since = np.where(paid.stage == 0, -np.inf, (paid.due + 1) * 24.0)[:, None]
    earlier = _reported_by(model, paid, first, np.where(np.isfinite(since), since, 0))
    before = np.where(np.isfinite(since), earlier, 0)
    stop_by = start[:, None] + exits[None, :] - latency[:, None]
    reported = _reported_by(model, paid, first, stop_by)
    reported = np.clip(reported - before, 0.0, None) / np.maximum(1 - before, 1e-12)
    unstopped = 1.0 - np.where(stop_by > np.maximum(first, since), reported, 0.0)
    return 1.0 - (undetected * unstopped) @ weights


@cache
def _laundering_quadrature(
    hop_hours_mean: float, layers: int, parked_hours_mean: float, parked_share: float
) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights for the hours a mule path takes to leave reach (see mule_paths).

    They depend on the scenario only, so they are computed once, not every day.
    """
    u = (np.arange(QUADRATURE_NODES) + 0.5) / QUADRATURE_NODES
    hops = hop_hours_mean * special.gammaincinv(layers, u)
    waits = -parked_hours_mean * np.log1p(-u)
    parked = (hops[:, None] + waits[None, :]).ravel()
    nodes = np.concatenate([hops, parked])
    weights = np.concatenate(
        [
            np.full(hops.size, (1.0 - parked_share) / hops.size),
            np.full(parked.size, parked_share / parked.size),
        ]
    )
    nodes.flags.writeable = weights.flags.writeable = False  # shared by every call
    return nodes, weights


def report_times(model: GovernanceModel, paid: PendingTransfers, start: np.ndarray) -> np.ndarray:
    """Hour each victim reports (infinity if never)."""
    keyed, population = model.keyed, model.config.population
    groups = model.residents.group[paid.resident]
    reports = keyed.uniform("report", paid.episode) < model.residents.report_share[groups]
    delay = population.report_delay_median_hours * np.exp(
        population.report_delay_sigma * keyed.normal("report_delay", paid.episode)
    )
    return np.where(reports, start + delay, NEVER)


QUADRATURE_NODES = 24
"""Quantiles per laundering draw in :func:`freeze_chances` (24 + 24 x 24 nodes in all)."""


def execute_transfers(model: GovernanceModel, due: PendingTransfers, day: int) -> TransferOutcome:
    """Run today's due transfers through risk control into the mule network."""
    metrics = model.metrics
    metrics.add("transfers_due", len(due))
    due = due.select(model.mule_capacity_admits(due))
    metrics.add("transfers_admitted", len(due))
    amounts = draw_amounts(model, due)
    broke = amounts <= 0
    model.count_takings_lost(model.scams.takings_left(due.scam[broke], due.stage[broke]))
    due = due.select(~broke)
    amounts = amounts[~broke]
    held, stopped, stop_chances = _risk_control(model, due, amounts, day)
    paid, amounts, held = due.select(~stopped), amounts[~stopped], held[~stopped]
    paid_capped = expected_paid_amounts(model, paid, *(tier[~stopped] for tier in stop_chances))
    metrics.add("paid_capped", paid_capped)
    waking = model.keyed.uniform("transfer_hour", paid.episode, paid.stage)
    start = day * 24.0 + WAKING_HOURS[0] + (WAKING_HOURS[1] - WAKING_HOURS[0]) * waking
    start = start + np.where(held, model.banks.config.hold_hours, 0.0)
    # One report per victim: drawn at the first transfer, carried by the escalation.
    report_hour = np.where(paid.stage == 0, report_times(model, paid, start), paid.report_hour)
    reported = np.isfinite(report_hour)
    chunks = mule_paths(model, paid, amounts, start, reported)
    paid.first_hour = np.where(paid.stage == 0, start, paid.first_hour)
    latency = model.stop_payment_latency_hours(paid.resident)
    stop_hour = report_hour + latency
    # The police's order, not the bank's own freeze, is the faster: it travels the link.
    by_police = np.isfinite(stop_hour) & (latency == model.police_stop_payment_hours())
    if metrics.measuring:
        metrics.add_link("police-bank", "freeze", np.count_nonzero(by_police))
    freeze_chance = freeze_chances(model, paid, start, latency)
    metrics.add("expected_frozen_paths", float(freeze_chance.sum()) * model.config.fraud.fanout)
    metrics.add("paths_paid", len(paid) * model.config.fraud.fanout)
    freeze = np.minimum(chunks.freeze_hour, stop_hour.repeat(model.config.fraud.fanout))
    # A freeze ordered before the money arrives catches it as it arrives.
    chunks.freeze_hour = np.maximum(freeze, chunks.start_hour)
    model.record_payments(paid, amounts, reported)
    return TransferOutcome(
        chunks, _reports(model, paid, report_hour), _follow_ups(model, paid, report_hour)
    )


def _risk_control(
    model: GovernanceModel, due: PendingTransfers, amounts: np.ndarray, day: int
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Which due transfers the payers' banks hold, and which of those are stopped.

    Also each transfer's chance of being stopped had its amount been below and at or above
    ``banks.large_transfer`` (:func:`expected_paid_amounts` needs both). Where no bank makes an
    effort every hold chance is zero: nothing is held, stopped or expected to be stopped, and
    nothing is drawn.
    """
    if model.banks.holds_nothing():
        model.metrics.add("held_by_bank", 0)
        none = np.zeros(len(due))
        return np.zeros(len(due), bool), np.zeros(len(due), bool), (none, none)
    banks = model.banks
    repeated = (due.stage > 0) | (model.residents.victimisations[due.resident] > 0)
    keys = combine(due.episode, due.stage)
    hold = banks.hold_chance(amounts, repeated, due.signalled, due.resident)
    held = banks.held(hold, keys)
    centre_call = centre_call_on_hold(model, due.ring)
    stopped = banks.stop_after_hold(held, centre_call, keys)
    after_hold = banks.stop_chance_after_hold(centre_call)
    stop_chance = hold * after_hold
    tiers = tuple(
        banks.hold_chance(np.full(len(due), amount), repeated, due.signalled, due.resident)
        * after_hold
        for amount in (0.0, np.inf)
    )
    model.count_stop_chances(stop_chance, model.scams.takings_left(due.scam, due.stage))
    model.metrics.add("held_by_bank", np.count_nonzero(stopped))
    model.count_by_place(
        "held_by_bank", due.resident[stopped], due.scam[stopped], due.platform[stopped]
    )
    model.residents.boost_awareness(
        due.resident[stopped], day, model.education.config.warning_boost
    )
    return held, stopped, tiers


def expected_paid_amounts(
    model: GovernanceModel, paid: PendingTransfers, stop_low: np.ndarray, stop_high: np.ndarray
) -> float:
    """Sum of today's payments' expected amounts, given their payers' savings and bank holds.

    The basis of the market's ``amount_share`` (docs/ODD.md 7.17), with ``paid_expected`` (the
    same payments at their types' mean amounts). Each amount is ``A = min(X, cap)``, ``X`` the
    type's log-normal amount and ``cap`` the payer's savings before today's payments times
    ``population.max_transfer_share``, shared in proportion to the mean amounts among a
    victim's payments of the day (as :func:`draw_amounts` shares it); its expectation is taken
    given that the transfer was paid, i.e. not stopped by risk control, which stops one of at
    least ``banks.large_transfer`` with chance ``stop_high`` and a smaller one with ``stop_low``.

    Why: in closed form, the share does not rest on the city's few log-normal draws; on
    payments rather than engaged contacts, a victim's later transfers meet what the earlier ones
    left (capped at the savings at contact, rings were credited 1.06-1.22 times what their city
    victims paid); and given that a payment got through, the holds that fall on large transfers
    do not make the payments look larger than they are.
    """
    if not len(paid):
        return 0.0
    scams = model.scams
    share = model.config.population.max_transfer_share
    cap = np.maximum(model.residents.savings[paid.resident] * share, 0.0)
    mean = scams.mean_amount[paid.scam]
    _, victim = np.unique(paid.resident, return_inverse=True)
    cap = cap * mean / np.bincount(victim, weights=mean)[victim]
    capped = scams.capped_mean_amount(paid.scam, cap)
    large = model.banks.config.large_transfer
    # Below the large-transfer line: all of A when the cap is below it, else E[X; X < line].
    below_share, below_sum = _below_line(scams, paid.scam, large)
    low = cap < large
    below_share = np.where(low, 1.0, below_share)
    below_sum = np.where(low, capped, below_sum)
    kept_low, kept_high = 1.0 - stop_low, 1.0 - stop_high
    kept = below_share * kept_low + (1.0 - below_share) * kept_high
    given_paid = (below_sum * kept_low + (capped - below_sum) * kept_high) / np.maximum(kept, 1e-12)
    return float(np.where(kept > 0, given_paid, capped).sum())


def _below_line(scams: ScamTable, scam: np.ndarray, line: float) -> tuple[np.ndarray, np.ndarray]:
    """``P(X < line)`` and ``E[X; X < line]`` for each transfer's log-normal amount ``X``."""
    median, sigma = scams.loss_median[scam], np.maximum(scams.loss_sigma[scam], 1e-12)
    z = (np.log(line) - np.log(median)) / sigma
    return special.ndtr(z), scams.mean_amount[scam] * special.ndtr(z - sigma)


def _reports(model: GovernanceModel, paid: PendingTransfers, report_hour: np.ndarray) -> Reports:
    made = np.isfinite(report_hour) & (paid.stage == 0)
    return Reports.of(
        day=np.floor(report_hour[made] / 24.0),
        episode=paid.episode[made],
        resident=paid.resident[made],
        ring=paid.ring[made],
        handle=paid.handle[made],
        region=model.residents.region[paid.resident[made]],
    )


def _report_hazard(
    model: GovernanceModel, paid: PendingTransfers, next_due: np.ndarray
) -> np.ndarray:
    """The chance each victim who just paid reports before the next transfer is due.

    The escalation stops when the victim has reported by the end of the next due day; the
    victim got this far only by not having reported by the end of this one. With ``F`` the
    distribution of the report hour (:func:`report_times`: reports with the group's share, a
    log-normal delay after the first transfer), the chance is ``(F(next) - F(now)) /
    (1 - F(now))``. It is what :meth:`GovernanceModel.count_stop_chances` counts instead of
    the realised report, the largest single source of noise in the paid share.
    """
    now = _reported_by(model, paid, paid.first_hour, (paid.due + 1) * 24.0)
    now = np.where(paid.stage == 0, 0.0, now)
    later = _reported_by(model, paid, paid.first_hour, (next_due + 1) * 24.0)
    return np.clip((later - now) / np.maximum(1.0 - now, 1e-12), 0.0, 1.0)


def _reported_by(
    model: GovernanceModel, paid: PendingTransfers, first_hour: np.ndarray, hour: np.ndarray
) -> np.ndarray:
    """The chance each victim has reported by ``hour``, as :func:`report_times` draws it.

    Reported with the group's share, after a log-normal delay from ``first_hour`` (the first
    transfer's start). ``hour`` has one row per victim, and may have columns.
    """
    population = model.config.population
    share = model.residents.report_share[model.residents.group[paid.resident]]
    delay = np.maximum(hour - first_hour, 1e-9)
    median, sigma = population.report_delay_median_hours, population.report_delay_sigma
    if sigma > 0:
        reported = special.ndtr((np.log(delay) - np.log(median)) / sigma)
    else:
        # No spread: every report comes exactly the median delay after the first transfer.
        reported = (delay >= median).astype(float)
    return share.reshape((-1,) + (1,) * (np.ndim(hour) - 1)) * reported


def _follow_ups(
    model: GovernanceModel, paid: PendingTransfers, report_hour: np.ndarray
) -> PendingTransfers:
    """Escalating scams ask again after their spacing, unless the victim has reported."""
    scams = model.scams
    next_due = paid.due + scams.spacing[paid.scam]
    # A victim who has reported by the end of the next due day does not pay again.
    more = (paid.stage + 1 < scams.transfers[paid.scam]) & (report_hour > (next_due + 1) * 24.0)
    model.count_stop_chances(
        _report_hazard(model, paid, next_due), scams.takings_left(paid.scam, paid.stage + 1)
    )
    follow = paid.select(more)
    follow.due = next_due[more].astype(np.int32)
    follow.stage = (follow.stage + 1).astype(np.int16)
    follow.report_hour = report_hour[more]
    return follow
