"""The laundering race: stolen funds hop through mule layers while the freeze chases them.

Each transfer is split into parallel mule paths ("chunks"). A chunk leaves reach when it has
passed every layer (cash-out or a cross-border exit); it is frozen and returned if a freeze
(a police stop-payment after the victim's report, or a bank's own mule detection) lands first.
The race is decided in hours, within and across days. The ledger keeps every unresolved chunk,
so money is conserved: gross loss = ring proceeds + frozen + in flight, at every step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from govsim.columns import Columns

NEVER = np.inf


@dataclass
class Chunks(Columns):
    """A batch of mule-path chunks, one row per chunk."""

    DTYPES: ClassVar[dict[str, type]] = {
        "amount": np.float64,
        "ring": np.int64,
        "resident": np.int64,
        "scam": np.int16,
        "mode": np.int8,
        "platform": np.int16,
        "start_hour": np.float64,
        "exit_hour": np.float64,
        "freeze_hour": np.float64,
        "abroad": np.bool_,
        "reported": np.bool_,
    }
    amount: np.ndarray
    ring: np.ndarray
    resident: np.ndarray
    scam: np.ndarray
    mode: np.ndarray
    platform: np.ndarray
    """The platform the scam's contact came through (-1 for a call or SMS)."""
    start_hour: np.ndarray
    exit_hour: np.ndarray
    freeze_hour: np.ndarray
    abroad: np.ndarray
    reported: np.ndarray
    """Whether the victim reports to the police (at any hour): police statistics count only
    these victims' losses and what was frozen of them."""

    @property
    def frozen(self) -> np.ndarray:
        """Whether each chunk is (or will be) frozen before it leaves reach."""
        return self.freeze_hour < self.exit_hour

    @property
    def resolve_hour(self) -> np.ndarray:
        """Hour at which each chunk is decided: frozen or gone."""
        return np.minimum(self.freeze_hour, self.exit_hour)


class FundsInFlight:
    """The ledger of unresolved chunks and the running money totals."""

    def __init__(self) -> None:
        self.pending = Chunks.empty()
        self.gross = 0.0
        self.proceeds = 0.0
        self.frozen = 0.0

    @property
    def in_flight(self) -> float:
        """Money sent by victims and not yet frozen or cashed out."""
        return float(self.pending.amount.sum())

    def add(self, chunks: Chunks) -> None:
        """Record new transfers entering the mule network."""
        self.gross += float(chunks.amount.sum())
        self.pending = self.pending.extend(chunks)

    def resolve_until(self, hour: float) -> Chunks:
        """Decide every chunk whose race ends before ``hour``; return those chunks."""
        done = self.pending.resolve_hour < hour
        decided = self.pending.select(done)
        self.pending = self.pending.select(~done)
        frozen = decided.frozen
        self.frozen += float(decided.amount[frozen].sum())
        self.proceeds += float(decided.amount[~frozen].sum())
        return decided
