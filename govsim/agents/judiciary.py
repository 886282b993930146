"""The judiciary (courts and procuratorate): prosecution delay, conviction, incapacitation.

Early involvement (the police-judiciary link) shortens the delay and raises the conviction
rate. Convicts leave the rings' labour pool for their sentence (incapacitation); recent
convictions deter recruitment and entry of new rings (deterrence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from govsim.scenario.agencies import Judiciary

if TYPE_CHECKING:
    from govsim.model import GovernanceModel

DETERRENCE_WINDOW_DAYS = 180
DETERRENCE_HALF_CONVICTIONS = 100.0


class Courts(mesa.Agent):
    """Courts and procuratorate: turn arrests into convictions, after a delay."""

    model: GovernanceModel

    def __init__(self, model: GovernanceModel, config: Judiciary, early_involvement: float):
        super().__init__(model)
        self.config = config
        self.early = early_involvement if config.enabled else 0.0
        gap = config.prosecution_delay_days - config.early_delay_days
        self.delay_days = config.prosecution_delay_days - gap * self.early
        base, best = config.conviction_rate, config.early_conviction_rate
        # Rates are those of a fully capable court; a weaker one convicts less often.
        strength = 0.5 + 0.5 * config.capability
        convicts = (base + (best - base) * self.early) * strength
        self.conviction_rate = convicts if config.enabled else 0.0
        self.awaiting: list[tuple[int, int]] = []
        self.serving: list[tuple[int, int]] = []
        self.recent_convictions: list[tuple[int, int]] = []
        self.detained = 0
        self.imprisoned = 0
        self.convicted_total = 0

    def receive_suspects(self, count: int, day: int) -> None:
        """Arrested suspects enter detention and await their verdict.

        With early involvement, their cases travel the police-judiciary link (counted for the
        network view): it set their shorter delay and will raise their chance of conviction.
        """
        if count:
            self.awaiting.append((day + round(self.delay_days), count))
            self.detained += count
            if self.early > 0:
                self.model.metrics.add_link("police-judiciary", "suspect", count)

    def deliver_verdicts(self, day: int) -> int:
        """Decide the cases due today; return today's convictions."""
        due = sum(count for when, count in self.awaiting if when <= day)
        self.awaiting = [(when, count) for when, count in self.awaiting if when > day]
        self._release_served(day)
        if due == 0:
            return 0
        draws = self.model.keyed.uniform("conviction", day, np.arange(due))
        convicted = int((draws < self.conviction_rate).sum())
        self.detained -= due
        if convicted:
            sentence = max(1, round(self.config.sentence_days))
            self.serving.append((day + sentence, convicted))
            self.imprisoned += convicted
            self.recent_convictions.append((day, convicted))
            self.convicted_total += convicted
        return convicted

    def _release_served(self, day: int) -> None:
        released = sum(count for when, count in self.serving if when <= day)
        self.serving = [(when, count) for when, count in self.serving if when > day]
        self.imprisoned -= released

    def deterrence(self, day: int) -> float:
        """Perceived sanction risk from recent convictions, in [0, deterrence]."""
        cutoff = day - DETERRENCE_WINDOW_DAYS
        self.recent_convictions = [(d, c) for d, c in self.recent_convictions if d > cutoff]
        recent = float(sum(c for _, c in self.recent_convictions))
        if not self.config.enabled:
            return 0.0
        return self.config.deterrence * recent / (recent + DETERRENCE_HALF_CONVICTIONS)

    def removed_from_labour(self) -> int:
        """People the rings cannot recruit: detained or serving a sentence."""
        return int(self.detained + self.imprisoned)
