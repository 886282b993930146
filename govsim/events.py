"""Timed scenario events, fired through Mesa's own event scheduling.

Mesa holds scheduled callbacks by weak reference, so each event is an object kept alive by the
model and scheduled through its bound methods. An event fires half a day before the step of its
``day``, so it is in force for that whole day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from govsim.scenario.events import Campaign, CardCrackdown, DataBreach, Epidemic
from govsim.scenario.fields import AGE_GROUPS

if TYPE_CHECKING:
    from govsim.model import GovernanceModel

BEFORE_STEP = 0.5


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
            self.model.schedule_event(self.start, at=start)
        duration = getattr(self.config, "duration_days", None)
        if duration is not None:
            self.model.schedule_event(self.end, at=start + duration)

    def start(self) -> None:
        """Begin the event (one without a duration acts once and is over)."""
        self.active = hasattr(self.config, "duration_days")
        self.model.refresh_event_effects()

    def end(self) -> None:
        """End the event."""
        self.active = False
        self.model.refresh_event_effects()


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
            model.exploit_leak(AGE_GROUPS.index(self.config.group), self.config.uptake)


class CardCrackdownEvent(ScheduledEvent):
    """The '断卡' operation: SIM and mule supply cut, domestic money movers arrested."""

    config: CardCrackdown

    def start(self) -> None:
        """Cut supply and sweep the rings' domestic money movers."""
        super().start()
        self.model.sweep_card_suppliers(self.config.intensity)


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
    # GovernanceModel.refresh_event_effects.


EVENT_CLASSES = {
    "data_breach": DataBreachEvent,
    "card_crackdown": CardCrackdownEvent,
    "campaign": CampaignEvent,
    "epidemic": EpidemicEvent,
}
