"""Banks and payment platforms: risk control, holds, mule detection, stop-payment and freezing.

Real-time risk control holds a share of fraudulent transfers, more of large ones and of a
victim's repeated ones, and nearly all that a telecom or platform signal has flagged when the
bank-telecom / bank-platform link shares it. A held transfer plus a warning can stop it.
Freezing is decided in the laundering race (see :mod:`govsim.laundering`); the bank sets how
fast a stop-payment lands and detects mule paths on its own. Legitimate transfers delayed by
mistake are counted as collateral burden.
"""

from __future__ import annotations

import numpy as np

from govsim.agents.institutions import Sector
from govsim.scenario.agencies import Banks

SIGNALLED_HOLD = 0.9


class BanksAndPayments(Sector):
    """The banking and payment sector."""

    kind = "bank"
    config: Banks

    def customer_effort(self, residents: np.ndarray) -> np.ndarray:
        """Effort of each resident's own bank."""
        return self.efforts[self.model.residents.bank_of[residents]]

    def hold_transfers(
        self,
        amounts: np.ndarray,
        repeated: np.ndarray,
        signalled: np.ndarray,
        payers: np.ndarray,
        keys: np.ndarray,
    ) -> np.ndarray:
        """Which transfers the payer's bank's real-time risk control holds."""
        return self.held(self.hold_chance(amounts, repeated, signalled, payers), keys)

    def held(self, chance: np.ndarray, keys: np.ndarray) -> np.ndarray:
        """Which transfers are held, each with its ``chance`` (:meth:`hold_chance`)."""
        return self.model.keyed.uniform("bank_hold", keys) < chance

    def hold_chance(
        self, amounts: np.ndarray, repeated: np.ndarray, signalled: np.ndarray, payers: np.ndarray
    ) -> np.ndarray:
        """The chance risk control holds each transfer: larger and repeated ones more often."""
        config = self.config
        effort = self.customer_effort(payers)
        tier = np.where(amounts >= config.large_transfer, config.large_tier_factor, 1.0)
        tier = tier * np.where(repeated, config.repeat_tier_factor, 1.0)
        chance = np.minimum(effort * config.risk_detection * tier, 1.0)
        return np.where(signalled, np.maximum(chance, effort * SIGNALLED_HOLD), chance)

    def stop_after_hold(
        self, held: np.ndarray, centre_call: np.ndarray | float, keys: np.ndarray
    ) -> np.ndarray:
        """Held transfers the customer abandons after the bank's (and the centre's) warning."""
        draw = self.model.keyed.uniform("hold_stop", keys)
        return held & (draw < self.stop_chance_after_hold(centre_call))

    def stop_chance_after_hold(self, centre_call: np.ndarray | float) -> np.ndarray | float:
        """The chance a held customer abandons the transfer."""
        return 1.0 - (1.0 - self.config.hold_stop_share) * (1.0 - centre_call)

    def detect_mule_paths(self, payers: np.ndarray, keys: np.ndarray) -> np.ndarray:
        """Mule paths caught at their first hop by the monitoring of the payer's bank."""
        draw = self.model.keyed.uniform("mule_detection", keys)
        return draw < self.mule_detection_chance(payers)

    def holds_nothing(self) -> bool:
        """Whether no bank's risk control holds any transfer (none makes an effort)."""
        return not self.efforts.any()

    def detects_no_mules(self) -> bool:
        """Whether no bank catches mule paths (no effort, or no detection)."""
        return not (self.config.mule_detection > 0 and self.efforts.any())

    def mule_detection_chance(self, payers: np.ndarray) -> np.ndarray:
        """Chance the payer's bank catches a mule path at its first hop."""
        return self.customer_effort(payers) * self.config.mule_detection

    def collateral_transfers_delayed(self, residents: int) -> int:
        """Legitimate transfers delayed by risk control today."""
        expected = residents * self.config.legit_transfers_per_resident_day
        rate = self.false_positive_rate(self.config.false_positive_rate)
        return self.collateral_count(expected * rate)
