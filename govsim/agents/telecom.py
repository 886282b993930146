"""Telecom operators: SIM real-name checks, anomaly detection, blocking calls and SMS.

Blocking rises with the operator's capability, falls with the rings' evasion technology, and is
near certain for numbers on the blacklist, which police deliver only through the police-telecom
link. A legitimate call blocked by mistake is counted as collateral burden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from govsim.contact import ContactBatch
from govsim.scenario.agencies import Telecoms

if TYPE_CHECKING:
    from govsim.model import GovernanceModel


class TelecomOperators(mesa.Agent):
    """The telecom sector: filters calls and SMS and flags suspicious numbers."""

    model: GovernanceModel

    def __init__(self, model: GovernanceModel, config: Telecoms) -> None:
        super().__init__(model)
        self.config = config
        self.effort = config.effort

    def block_contacts(self, batch: ContactBatch, evasion: np.ndarray, day: int) -> None:
        """Block calls and SMS: own detection, or the blacklist once it has been delivered."""
        draw = self.model.streams.filtering.random(len(batch))
        if self.effort <= 0:
            return
        on_list = self.model.handles.is_blocked(batch.handle, day)
        own = self.effort * self.config.block_rate * (1.0 - evasion)
        chance = np.where(on_list, self.config.blacklist_block, own)
        batch.blocked_telecom = batch.alive & batch.phone & (draw < chance)
        batch.alive &= ~batch.blocked_telecom

    def flag_suspicious(self, batch: ContactBatch, evasion: np.ndarray) -> np.ndarray:
        """Contacts the operator's anomaly detection flags but does not block."""
        draw = self.model.streams.warning.random(len(batch))
        chance = self.effort * self.config.suspicion_flag * (1.0 - evasion)
        return batch.alive & batch.phone & (draw < chance)

    def detect_numbers(self, numbers: np.ndarray, evasion: float, day: int) -> None:
        """Call-burst and spoofing detection: the operator blacklists numbers by itself."""
        draw = self.model.streams.filtering.random(numbers.size)
        if self.effort <= 0:
            return
        chance = self.effort * self.config.burst_detection * (1.0 - evasion)
        self.model.handles.block_from(numbers[draw < chance], day + 1)

    def collateral_calls_blocked(self, residents: int) -> int:
        """Legitimate calls and SMS blocked by mistake today."""
        expected = residents * self.config.legit_calls_per_resident_day
        rate = self.effort * self.config.false_positive_rate
        return int(self.model.streams.collateral.poisson(expected * rate))
