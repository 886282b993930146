"""Timed scenario events, fired through Mesa's own event scheduling.

Mesa holds scheduled callbacks by weak reference, so each event is an object kept alive by the
model and scheduled through its bound methods. An event fires half a day before the step of its
``day``, so it is in force for that whole day, and before a routine campaign due at the same
time (:data:`FIRST`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
from mesa.time import Priority
from pydantic import TypeAdapter, ValidationError

from govsim.agents.police import ArrestOperation
from govsim.scams import ScamTable
from govsim.scenario.events import Campaign, CardCrackdown, DataBreach, Epidemic, Event
from govsim.scenario.fields import AGE_GROUPS

if TYPE_CHECKING:
    from govsim.model import GovernanceModel

BEFORE_STEP = 0.5
FIRST = Priority.HIGH
"""A scenario's events run before a routine campaign due at the same time, by priority rather
than by when each was put on the list: so a warm-up shared by scenarios that differ only in
their events (``GovernanceModel.continue_as``), whose events are listed after it, gives each
scenario the run it has alone."""


class ScheduledEvent:
    """Base: schedules ``start`` (and ``end`` for events with a duration).

    Lasting effects (supply cuts, online exposure, event-bound scams) are derived from the set
    of running events, so overlapping events of one type combine and end cleanly.
    """

    def __init__(self, model: GovernanceModel, config, number: int) -> None:
        self.model = model
        self.config = config
        self.number = number
        """Place in the scenario's ``events``: keys this event's own draws."""
        self.active = False

    def schedule(self) -> None:
        """Put the event on the model's event list."""
        # Days count from the first measured day; Mesa's clock also runs through the warm-up.
        start = self.config.day + self.model.warmup_days - BEFORE_STEP
        if start >= self.model.time:
            self.model.schedule_event(self.start, at=start, priority=FIRST)
        duration = getattr(self.config, "duration_days", None)
        if duration is not None:
            self.model.schedule_event(self.end, at=start + duration, priority=FIRST)

    def start(self) -> None:
        """Begin the event (one without a duration acts once and is over)."""
        self.active = hasattr(self.config, "duration_days")
        refresh_event_effects(self.model)

    def end(self) -> None:
        """End the event."""
        self.active = False
        refresh_event_effects(self.model)


class DataBreachEvent(ScheduledEvent):
    """Records of a group leak onto the black market."""

    config: DataBreach

    def start(self) -> None:
        """Leak the records."""
        super().start()
        model = self.model
        groups = model.residents.group
        if self.config.group is None:
            eligible = np.ones(groups.size, bool)
        else:
            eligible = groups == AGE_GROUPS.index(self.config.group)
        draw = model.keyed.uniform("breach", np.arange(groups.size), self.number)
        leaked = np.flatnonzero(eligible & (draw < self.config.share))
        model.market.leak(leaked)
        model.residents.record_detail[leaked] = self.config.detail_lift
        if self.config.group is not None:
            self._rings_exploit(AGE_GROUPS.index(self.config.group))

    def _rings_exploit(self, group: int) -> None:
        """Rings buy the fresh leak and turn effort to the scam it fits, targeted at its group."""
        model, uptake = self.model, self.config.uptake
        scams = model.scams
        fit = scams.profile[:, group] / scams.profile.mean(axis=1)
        fit = np.where(scams.active(model.running_events), fit, -np.inf)
        best = np.zeros(len(scams))
        best[int(np.argmax(fit))] = 1.0
        for ring in model.active_rings():
            ring.portfolio = (1.0 - uptake) * ring.portfolio + uptake * best
            ring.targeted_share = max(ring.targeted_share, uptake)


class CardCrackdownEvent(ScheduledEvent):
    """The '断卡' operation: SIM and mule supply cut, domestic money movers arrested."""

    config: CardCrackdown

    def start(self) -> None:
        """Cut supply and sweep the rings' domestic money movers."""
        super().start()
        self._sweep_card_suppliers()

    def _sweep_card_suppliers(self) -> None:
        """Arrest domestic money movers and close their mule accounts (police must act).

        A ring that lost nobody was not the target of an arrest operation: it neither sends
        suspects to court nor weighs a move abroad (``fraud.relocation_propensity`` is the
        chance of moving after an arrest operation).
        """
        model, intensity = self.model, self.config.intensity
        if not model.police.enabled:
            return
        for ring in model.active_rings():
            taken = model.police.crack_down_on_cards(ring, intensity)
            ring.mules *= 1.0 - intensity * model.banks.effort
            if taken.any():
                model.book_operation(ring, ArrestOperation(taken, np.zeros_like(taken), False))


class CampaignEvent(ScheduledEvent):
    """A one-off awareness campaign."""

    config: Campaign

    def start(self) -> None:
        """Reach the targeted groups."""
        super().start()
        reach = np.zeros(3)
        for group in self.config.groups:
            reach[AGE_GROUPS.index(group)] = self.config.reach
        source = 1 + self.number
        reached = self.model.education.run_campaign(reach, self.config.boost, source)
        self.model.metrics.add("campaign_reached", reached)


class EpidemicEvent(ScheduledEvent):
    """Life moves online; epidemic-related scams become available."""

    config: Epidemic

    # Online exposure and the epidemic scam types follow from the running events: see
    # refresh_event_effects.


def refresh_event_effects(model: GovernanceModel) -> None:
    """Derive the lasting effects of the events running now.

    Overlapping crackdowns cut supply as 1 - prod(1 - intensity); overlapping epidemics take
    the largest online multiplier; event-bound scam types stay open while any event of their
    kind runs, and rings give them their default weight when they open.
    """
    running = [e.config for e in model.events if e.active]
    intensities = [e.intensity for e in running if e.type == "card_crackdown"]
    model.market.crackdown_intensity = 1.0 - math.prod(1.0 - i for i in intensities)
    multipliers = [e.online_multiplier for e in running if e.type == "epidemic"]
    model.residents.online_multiplier = max(multipliers, default=1.0)
    now_running = {e.type for e in running}
    for name in now_running - model.running_events:
        for ring in model.active_rings():
            ring.portfolio = _open_types(ring.portfolio, model.scams, name)
    model.running_events = now_running


def _open_types(portfolio: np.ndarray, scams: ScamTable, event: str) -> np.ndarray:
    """Give the types of a starting event their default weight in a portfolio.

    The default weight is the catalogue's, normalised as a ring's portfolio is: the catalogue
    gives relative weights, and a catalogue whose weights sum to 10 must open a type as far
    as one summing to 1.
    """
    opened = np.array([e == event for e in scams.event])
    default = scams.weight / scams.weight.sum()
    updated = portfolio.copy()
    updated[opened] = np.maximum(updated[opened], default[opened])
    return updated / updated.sum()


EVENT_CLASSES = {
    "data_breach": DataBreachEvent,
    "card_crackdown": CardCrackdownEvent,
    "campaign": CampaignEvent,
    "epidemic": EpidemicEvent,
}


_EVENT_DATA = TypeAdapter(Event)
LIVE_EVENTS: tuple[str, ...] = ("data_breach", "card_crackdown", "campaign")
"""The events a running model takes at any time (a trainer's live events)."""


def inject_event(model: GovernanceModel, data: Mapping[str, object]) -> ScheduledEvent:
    """Add an event to a running model; it takes effect on the next day (day 1 in the warm-up).

    ``data`` is an event as in a scenario's ``events`` list, without ``day`` (it is set to the
    next day): ``{"type": "data_breach", "group": "elderly"}``. The event is validated like
    a scenario's, numbered after the model's other events (its draws are keyed by that
    number, so it draws afresh), and from then on is one of ``model.events``.

    Raises:
        ValueError: if the type is not one of :data:`LIVE_EVENTS` or a value is invalid.
    """
    if data.get("type") not in LIVE_EVENTS:
        raise ValueError(
            f"a live event is one of {', '.join(LIVE_EVENTS)}, not {data.get('type')!r}"
        )
    try:
        config = _EVENT_DATA.validate_python({**data, "day": max(model.day + 1, 1)})
    except ValidationError as error:
        raise ValueError(str(error)) from None
    event = EVENT_CLASSES[config.type](model, config, len(model.events))
    model.events.append(event)
    event.schedule()
    return event
