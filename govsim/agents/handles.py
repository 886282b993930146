"""Contact handles: the phone numbers and online accounts rings contact people from.

A handle is what telecoms and platforms can block. Police learn of a handle from a victim's
report and deliver it to the blocking party only through a cooperation link, after that link's
delay; the registry records the day from which each handle is blocked, so a blacklisted number
is blocked exactly from the day the link delivers it, and not before. Each handle also has a
key (its ring's key, its kind, its serial number in that ring), so that the draws about it
(detection, say) are the same in every scenario where the ring buys it.
"""

from __future__ import annotations

import numpy as np

from govsim.randomness import combine

NUMBER = 0
ACCOUNT = 1
NEVER = np.inf


class HandleRegistry:
    """Every handle ever bought: its owning ring, its kind and the day it is blocked from.

    Columns grow by doubling, since rings buy replacements every day.
    """

    def __init__(self, capacity: int = 1024) -> None:
        self._count = 0
        self._owner = np.empty(capacity, dtype=np.int32)
        self._kind = np.empty(capacity, dtype=np.int8)
        self._blocked_from = np.empty(capacity, dtype=np.float64)
        self._key = np.empty(capacity, dtype=np.uint64)
        self._bought: dict[tuple[int, int], int] = {}

    @property
    def count(self) -> int:
        """Number of handles ever issued."""
        return self._count

    @property
    def owner(self) -> np.ndarray:
        """Owning ring of each handle."""
        return self._owner[: self._count]

    @property
    def kind(self) -> np.ndarray:
        """Kind of each handle (:data:`NUMBER` or :data:`ACCOUNT`)."""
        return self._kind[: self._count]

    @property
    def blocked_from(self) -> np.ndarray:
        """Day from which each handle is blocked (infinity if never)."""
        return self._blocked_from[: self._count]

    @property
    def key(self) -> np.ndarray:
        """Key of each handle, for the draws about it."""
        return self._key[: self._count]

    def issue(self, ring_id: int, ring_key: int, kind: int, amount: int) -> np.ndarray:
        """Create ``amount`` new handles of ``kind`` for a ring and return their ids."""
        first, last = self._count, self._count + amount
        if last > self._owner.size:
            self._grow(max(last, 2 * self._owner.size))
        self._owner[first:last] = ring_id
        self._kind[first:last] = kind
        self._blocked_from[first:last] = NEVER
        serial = self._bought.get((ring_key, kind), 0)
        self._key[first:last] = combine(ring_key, kind, np.arange(serial, serial + amount))
        self._bought[(ring_key, kind)] = serial + amount
        self._count = last
        return np.arange(first, last, dtype=np.int64)

    def _grow(self, capacity: int) -> None:
        for name in ("_owner", "_kind", "_blocked_from", "_key"):
            old = getattr(self, name)
            new = np.empty(capacity, dtype=old.dtype)
            new[: self._count] = old[: self._count]
            setattr(self, name, new)

    def block_from(self, handles: np.ndarray, day: float) -> None:
        """Block the handles from ``day`` on (an earlier block stays in force)."""
        if handles.size:
            np.minimum.at(self._blocked_from, handles, day)

    def is_blocked(self, handles: np.ndarray, day: int) -> np.ndarray:
        """Whether each handle is blocked on ``day``."""
        return self._blocked_from[handles] <= day
