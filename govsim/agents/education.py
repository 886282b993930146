"""Government and public education: campaigns, regulation and the public reporting line.

Routine campaigns run on Mesa's own event schedule and raise the awareness of the residents
they reach (more of the groups a channel mix reaches best). Awareness then decays lazily (see
:class:`govsim.agents.residents.Residents`). Regulation strength cuts black-market supply; the
public reporting line turns residents who resisted a scam into reports
that feed the blacklists, through the government-public link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from govsim.scenario.agencies import Education

if TYPE_CHECKING:
    from govsim.model import GovernanceModel

ROUTINE = 0
"""Source number of routine campaigns; a campaign event uses 1 + its place in ``events``."""


class PublicEducation(mesa.Agent):
    """Government departments running campaigns, regulation and the reporting line."""

    model: GovernanceModel

    def __init__(self, model: GovernanceModel, config: Education, public_link: float) -> None:
        super().__init__(model)
        self.config = config
        self.effort = config.effort
        self.public_link = public_link
        self.campaigns_run = 0

    def start_routine_campaigns(self) -> None:
        """Schedule the recurring campaigns on the model's event list."""
        if self.effort <= 0:
            return
        interval = float(self.config.campaign_interval_days)
        schedule = mesa.time.Schedule(interval=interval, start=interval - 0.5)
        self.model.schedule_recurring(self.run_routine_campaign, schedule)

    def run_routine_campaign(self) -> None:
        """One routine campaign at the current effort."""
        reach = np.array(self.config.campaign_reach.as_tuple()) * self.effort
        self.run_campaign(reach * self.reach_factor(), self.config.campaign_boost, ROUTINE)

    def reach_factor(self) -> float:
        """The government-public link widens campaign reach: half without it, full with it."""
        return 0.5 + 0.5 * self.public_link

    def run_campaign(self, reach_by_group: np.ndarray, boost: float, source: int) -> int:
        """Boost the awareness of residents reached; return how many were reached.

        ``source`` tells campaigns on the same day apart (routine, or an event's number), so that
        each reaches residents by its own luck.
        """
        residents, day = self.model.residents, self.model.event_day
        draw = self.model.keyed.uniform("campaign", np.arange(residents.size), day, source)
        reached = np.flatnonzero(draw < reach_by_group[residents.group])
        residents.boost_awareness(reached, day, boost)
        self.campaigns_run += 1
        self.model.metrics.add("campaign_contacts", int(reached.size))
        return int(reached.size)

    def public_reports(
        self, resisted: np.ndarray, keys: np.ndarray, draw: np.ndarray | None = None
    ) -> np.ndarray:
        """Which residents who resisted a scam report its number or account.

        ``draw``: the contacts' uniforms for the report, if drawn already.
        """
        if draw is None:
            draw = self.model.keyed.uniform("public_report", keys)
        chance = self.config.public_reporting * self.public_link if self.config.enabled else 0.0
        return resisted & (draw < chance)

    def supply_control(self) -> float:
        """How much regulation (card limits, penalties) cuts black-market supply."""
        return self.effort * self.config.regulation_strength
