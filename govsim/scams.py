"""The scam catalogue as arrays, one entry per scam type, for vectorised lookups."""

from __future__ import annotations

import numpy as np
from scipy import special

from govsim.randomness import name_key
from govsim.scenario.fraud import ScamType


class ScamTable:
    """Columns of the scam catalogue, indexed by scam-type number."""

    def __init__(self, catalogue: dict[str, ScamType]) -> None:
        types = list(catalogue.values())
        self.keys = list(catalogue)
        # Draw keys by name, so adding a type to the catalogue changes no other type's luck.
        self.key = np.array([name_key(k) for k in self.keys], dtype=np.int64)
        self.channel = np.array([t.channel for t in types])
        self.phone = np.array([t.channel in ("call", "sms") for t in types])
        self.profile = np.array([t.profile.as_tuple() for t in types])
        self.conversion = np.array([t.conversion for t in types])
        self.record_lift = np.array([t.record_lift for t in types])
        self.grooming_days = np.array([t.grooming_days for t in types])
        self.transfers = np.array([t.transfers for t in types])
        self.spacing = np.array([t.transfer_spacing_days for t in types])
        self.loss_median = np.array([t.loss_median for t in types])
        self.loss_sigma = np.array([t.loss_sigma for t in types])
        self.weight = np.array([t.weight for t in types])
        self.event = [t.event for t in types]
        self.via_ties = np.array([t.via_social_ties for t in types])
        self.compromises = np.array([t.compromises_account for t in types])
        self.mean_amount = self.loss_median * np.exp(self.loss_sigma**2 / 2.0)
        self.expected_takings = self.mean_amount * self.transfers

    def capped_mean_amount(self, scam: np.ndarray, cap: np.ndarray) -> np.ndarray:
        """Expected amount of one transfer of type ``scam`` when the payer can pay ``cap`` at most.

        ``E[min(X, cap)]`` for the type's log-normal amount X, in closed form: the chance-based
        counterpart of the savings cap in :func:`govsim.transfers.draw_amounts`: the market's
        extrapolation values the city's payments at it rather than at their few log-normal
        draws (docs/ODD.md 7.17).
        """
        median, sigma = self.loss_median[scam], self.loss_sigma[scam]
        positive = cap > 0
        log_cap = np.log(np.where(positive, cap, 1.0))
        log_median = np.log(median)
        spread = np.maximum(sigma, 1e-12)
        below = special.ndtr((log_cap - log_median - sigma**2) / spread)
        above = special.ndtr((log_median - log_cap) / spread)
        expected = self.mean_amount[scam] * below + cap * above
        return np.where(positive, expected, 0.0)

    def takings_left(self, scam: np.ndarray, stage: np.ndarray) -> np.ndarray:
        """Expected takings still to come from episodes about to make transfer ``stage``."""
        return self.mean_amount[scam] * np.maximum(self.transfers[scam] - stage, 0)

    def __len__(self) -> int:
        return len(self.keys)

    def active(self, running_events: set[str]) -> np.ndarray:
        """Which types can be used today (event-bound types only while their event runs)."""
        return np.array([e is None or e in running_events for e in self.event])
