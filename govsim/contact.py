"""A day's contact attempts as one batch of columns, and the outcome of each stage.

Every stage of the day (docs/ODD.md section 3: filtering, warning, engagement) reads and
writes these columns, so a whole day of attempts is handled by a few vectorised operations.
Every draw about an attempt is keyed by the attempt's own ``key`` (see
:mod:`govsim.randomness`), so an attempt meets the same luck in every scenario that makes it,
whatever the other attempts do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from govsim.randomness import KeyedRandom

CONTACT_PURPOSES: tuple[str, ...] = (
    "target",
    "target_group",
    "target_tie",
    "handle_pick",
    "platform_route",
    "seen",
    "engage",
    "public_report",
)
"""The draws every attempt of a day needs, each keyed by the attempt's key alone."""
GOVERNANCE_PURPOSES: tuple[str, ...] = (
    "telecom_block",
    "platform_block",
    "telecom_flag",
    "platform_flag",
    "desk_trace",
    "desk_triage",
    "lead_forward",
    "share_with_platform",
    "signal_bank",
    "dissuasion_works",
    "call_order",
    "in_app_warning",
)
"""The draws about each attempt that only blocking and early warning need, keyed alike.

They are drawn all together when one is first asked for: never where no party blocks or
flags (police_only, no_governance), which saves most of a big city's hashing of contacts.
"""


@dataclass
class ContactBatch:
    """Today's attempts: who contacts whom, how, and what happened."""

    key: np.ndarray
    ring: np.ndarray
    scam: np.ndarray
    mode: np.ndarray
    target: np.ndarray
    handle: np.ndarray
    phone: np.ndarray
    platform: np.ndarray
    luck: dict[str, np.ndarray] = field(default_factory=dict)
    carrier_effort: dict[str, np.ndarray] = field(default_factory=dict, init=False)
    """Each sector's effort on each contact, by sector kind, once worked out (read-only)."""
    alive: np.ndarray = field(init=False)
    evasion: np.ndarray = field(init=False)
    coaching: np.ndarray = field(init=False)
    blocked_telecom: np.ndarray = field(init=False)
    blocked_platform: np.ndarray = field(init=False)
    reached: np.ndarray = field(init=False)
    flagged: np.ndarray = field(init=False)
    called: np.ndarray = field(init=False)
    warned: np.ndarray = field(init=False)
    signalled_bank: np.ndarray = field(init=False)
    cell: np.ndarray | None = field(default=None, init=False)
    """Each contact's (ring, scam type, mode) cell, once the model has worked it out."""

    def __post_init__(self) -> None:
        n = self.ring.size
        self.alive = (self.target >= 0) & (self.handle >= 0)
        # The sending ring's evasion technology and coaching against calls, set at filtering.
        self.evasion = np.zeros(n)
        self.coaching = np.zeros(n)
        for name in (
            "blocked_telecom",
            "blocked_platform",
            "reached",
            "flagged",
            "called",
            "warned",
            "signalled_bank",
        ):
            setattr(self, name, np.zeros(n, dtype=bool))

    def __len__(self) -> int:
        return int(self.ring.size)

    def uniform(self, keyed: KeyedRandom, purpose: str) -> np.ndarray:
        """Each attempt's uniform for ``purpose``: ``keyed.uniform(purpose, self.key)``.

        :func:`govsim.contacting.make_contacts` draws all of :data:`CONTACT_PURPOSES` in one
        pass into :attr:`luck`; :data:`GOVERNANCE_PURPOSES` are drawn in one pass at the first
        asking, and any other purpose alone (the same values, whenever they are drawn).
        """
        if purpose not in self.luck:
            if purpose in GOVERNANCE_PURPOSES:
                rows = keyed.uniforms(GOVERNANCE_PURPOSES, self.key)
                rows.flags.writeable = False
                self.luck.update(zip(GOVERNANCE_PURPOSES, rows, strict=True))
            else:
                self.luck[purpose] = keyed.uniform(purpose, self.key)
        return self.luck[purpose]
