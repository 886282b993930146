"""Internet platforms: removing scam accounts and content, in-app warnings, risk leads.

Platforms act on IM and web contacts as telecoms act on calls: their own AI detection removes a
share, reported accounts delivered through the police-platform link are removed almost surely.
Flagged contacts get the platform's own in-app warning; through the link they also become risk
leads for the anti-fraud centre's dissuasion calls. Platforms also watch grooming groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from govsim.agents.institutions import Sector
from govsim.contact import ContactBatch
from govsim.scenario.agencies import Platforms

if TYPE_CHECKING:
    from govsim.model import GovernanceModel


class InternetPlatforms(Sector):
    """The platform sector: social/IM, e-commerce, search and ads, app stores."""

    kind = "platform"
    config: Platforms

    def __init__(self, model: GovernanceModel, config: Platforms) -> None:
        super().__init__(model, config)
        self._carriers = {
            channel: np.array([channel in c.channels for c in config.institutions])
            for channel in ("im", "web")
        }
        # Each channel's cumulative shares among its carriers, as pick_by_share makes them:
        # the same every day.
        self._routes = {
            channel: np.cumsum(weights) / weights.sum()
            for channel, weights in (
                (channel, self.shares * carries) for channel, carries in self._carriers.items()
            )
        }

    def route(
        self, channels: np.ndarray, keys: np.ndarray, draw: np.ndarray | None = None
    ) -> np.ndarray:
        """The platform each contact lands on: one carrying its channel, by market share.

        Calls and SMS land on none (-1). ``draw``: the contacts' uniforms for the route, if
        drawn already.
        """
        platform = np.full(channels.size, -1, dtype=np.int16)
        if draw is None:
            draw = self.model.keyed.uniform("platform_route", keys)
        for channel, cumulative in self._routes.items():
            on_channel = channels == channel
            chosen = cumulative.searchsorted(draw[on_channel], side="right")
            platform[on_channel] = np.minimum(chosen, cumulative.size - 1)
        return platform

    def route_types(self, channels: np.ndarray, types: np.ndarray, draw: np.ndarray) -> np.ndarray:
        """:meth:`route` for contacts of scam ``types``, ``channels`` naming each type's channel.

        The same platforms as ``route(channels[types], ...)``, with the channels compared
        once per type rather than once per contact.
        """
        platform = np.full(types.size, -1, dtype=np.int16)
        for channel, cumulative in self._routes.items():
            on_channel = (channels == channel)[types].nonzero()[0]
            chosen = cumulative.searchsorted(draw[on_channel], side="right")
            platform[on_channel] = np.minimum(chosen, cumulative.size - 1)
        return platform

    def contact_effort(self, batch: ContactBatch) -> np.ndarray:
        """Effort of the platform carrying each contact (0 for calls and SMS).

        Worked out once a day: filtering, flagging and the desk all ask for it.
        """
        effort = batch.carrier_effort.get(self.kind)
        if effort is None:
            carried = self.efforts[np.maximum(batch.platform, 0)]
            effort = np.where(batch.platform >= 0, carried, 0.0)
            batch.carrier_effort[self.kind] = effort
        return effort

    def remove_content(self, batch: ContactBatch, evasion: np.ndarray, day: int) -> None:
        """Remove IM and web contacts: own detection, or reported accounts once delivered."""
        if self.effort <= 0:
            return
        draw = batch.uniform(self.model.keyed, "platform_block")
        on_list = self.model.handles.is_blocked(batch.handle, day)
        effort = self.contact_effort(batch)
        own = effort * self.config.removal_rate * (1.0 - evasion)
        chance = np.where(on_list, self.config.blacklist_block * (effort > 0), own)
        batch.blocked_platform = batch.alive & ~batch.phone & (draw < chance)
        batch.alive &= ~batch.blocked_platform

    def flag_suspicious(self, batch: ContactBatch, evasion: np.ndarray) -> np.ndarray:
        """Contacts flagged as risk leads but not removed."""
        if self.flags_nothing():  # every chance is zero: no draw is below it
            return np.zeros(len(batch), bool)
        draw = batch.uniform(self.model.keyed, "platform_flag")
        chance = self.contact_effort(batch) * self.config.suspicion_flag * (1.0 - evasion)
        return batch.alive & ~batch.phone & (draw < chance)

    def warn_in_app(self, flagged: np.ndarray, batch: ContactBatch) -> np.ndarray:
        """The platform's own warning to flagged users; returns who was effectively warned."""
        draw = batch.uniform(self.model.keyed, "in_app_warning")
        return flagged & (draw < self.config.in_app_warning)

    def detect_accounts(
        self, accounts: np.ndarray, evasion: float, day: int, draw: np.ndarray | None = None
    ) -> None:
        """Platform AI bans ring accounts by itself.

        ``draw``, if given, is each account's uniform for "account_detection" today.
        """
        if self.effort <= 0 or accounts.size == 0:
            return
        if draw is None:
            keys = self.model.handles.key[accounts]
            draw = self.model.keyed.uniform("account_detection", keys, day)
        chance = self.effort * self.config.account_detection * (1.0 - evasion)
        self.model.handles.block_from(accounts[draw < chance], day + 1)

    def detect_grooming(
        self, online: np.ndarray, keys: np.ndarray, day: int, draw: np.ndarray | None = None
    ) -> np.ndarray:
        """Ongoing grooming conversations the platform detects today.

        ``draw``: the conversations' uniforms for "grooming_detection" today, if drawn already.
        """
        if draw is None:
            draw = self.model.keyed.uniform("grooming_detection", keys, day)
        return online & (draw < self.grooming_detection_chance)

    @property
    def grooming_detection_chance(self) -> float:
        """Daily chance the platform detects an ongoing grooming conversation."""
        return self.effort * self.config.grooming_detection

    def collateral_content_removed(self, residents: int) -> int:
        """Legitimate posts and messages removed by mistake today."""
        expected = residents * self.config.legit_messages_per_resident_day
        rate = self.false_positive_rate(self.config.false_positive_rate)
        return self.collateral_count(expected * rate)
