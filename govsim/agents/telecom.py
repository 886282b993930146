"""Telecom operators: SIM real-name checks, anomaly detection, blocking calls and SMS.

Blocking rises with the operator's capability, falls with the rings' evasion technology, and is
near certain for numbers on the blacklist, which police deliver only through the police-telecom
link. A legitimate call blocked by mistake is counted as collateral burden.
"""

from __future__ import annotations

import numpy as np

from govsim.agents.institutions import Sector
from govsim.contact import ContactBatch
from govsim.scenario.agencies import Telecoms


class TelecomOperators(Sector):
    """The telecom sector: filters calls and SMS and flags suspicious numbers."""

    kind = "telecom"
    config: Telecoms

    def contact_effort(self, batch: ContactBatch) -> np.ndarray:
        """Effort of the operator carrying each contact (the target's operator).

        Worked out once a day: filtering, flagging and the desk all ask for it.
        """
        effort = batch.carrier_effort.get(self.kind)
        if effort is None:
            effort = self.efforts[self.model.residents.telecom_of[np.maximum(batch.target, 0)]]
            batch.carrier_effort[self.kind] = effort
        return effort

    def block_contacts(self, batch: ContactBatch, evasion: np.ndarray, day: int) -> None:
        """Block calls and SMS: own detection, or the blacklist once it has been delivered."""
        if self.effort <= 0:
            return
        draw = batch.uniform(self.model.keyed, "telecom_block")
        on_list = self.model.handles.is_blocked(batch.handle, day)
        effort = self.contact_effort(batch)
        own = effort * self.config.block_rate * (1.0 - evasion)
        chance = np.where(on_list, self.config.blacklist_block * (effort > 0), own)
        batch.blocked_telecom = batch.alive & batch.phone & (draw < chance)
        batch.alive &= ~batch.blocked_telecom

    def flag_suspicious(self, batch: ContactBatch, evasion: np.ndarray) -> np.ndarray:
        """Contacts the operator's anomaly detection flags but does not block."""
        if self.flags_nothing():  # every chance is zero: no draw is below it
            return np.zeros(len(batch), bool)
        draw = batch.uniform(self.model.keyed, "telecom_flag")
        chance = self.contact_effort(batch) * self.config.suspicion_flag * (1.0 - evasion)
        return batch.alive & batch.phone & (draw < chance)

    def detect_numbers(
        self, numbers: np.ndarray, evasion: float, day: int, draw: np.ndarray | None = None
    ) -> None:
        """Call-burst and spoofing detection: the operator blacklists numbers by itself.

        ``draw``, if given, is each number's uniform for "number_detection" today.
        """
        if self.effort <= 0 or numbers.size == 0:
            return
        if draw is None:
            keys = self.model.handles.key[numbers]
            draw = self.model.keyed.uniform("number_detection", keys, day)
        chance = self.effort * self.config.burst_detection * (1.0 - evasion)
        self.model.handles.block_from(numbers[draw < chance], day + 1)

    def collateral_calls_blocked(self, residents: int) -> int:
        """Legitimate calls and SMS blocked by mistake today."""
        expected = residents * self.config.legit_calls_per_resident_day
        rate = self.false_positive_rate(self.config.false_positive_rate)
        return self.collateral_count(expected * rate)
