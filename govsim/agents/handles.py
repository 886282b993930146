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
        # Per kind: how many handles each ring bought, by the ring's id.
        self._bought = {kind: np.zeros(0, dtype=np.int64) for kind in (NUMBER, ACCOUNT)}

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
        return self.issue_many(np.array([ring_id]), np.array([ring_key]), kind, np.array([amount]))

    def issue_many(
        self, ring_ids: np.ndarray, ring_keys: np.ndarray, kind: int, amounts: np.ndarray
    ) -> np.ndarray:
        """Create ``amounts[i]`` new handles of ``kind`` for each ring, in order; return the ids.

        A handle's key is (its ring's key, its kind, its serial number in that ring), so the
        draws about it do not depend on what other rings bought the same day.
        """
        amounts = np.asarray(amounts, dtype=np.int64)[None, :]
        return self.issue_kinds(ring_ids, ring_keys, (kind,), amounts)[0]

    def issue_kinds(
        self, ring_ids: np.ndarray, ring_keys: np.ndarray, kinds: tuple[int, ...], amounts
    ) -> list[np.ndarray]:
        """:meth:`issue_many` for several kinds in one pass: ``amounts[k, i]`` of ``kinds[k]``.

        The same ids and keys as one call per kind in turn (the rings' numbers, then their
        accounts): a day's purchases are hashed once.
        """
        amounts = np.asarray(amounts, dtype=np.int64)
        totals = amounts.sum(axis=1)
        total = int(totals.sum())
        first, last = self._count, self._count + total
        if last > self._owner.size:
            self._grow(max(last, 2 * self._owner.size))
        # Each (kind, ring) that buys, kind by kind: the flat cells of ``amounts`` in order.
        cells = amounts.ravel().nonzero()[0]
        counts = amounts.ravel()[cells]
        kind_row, buyers_all = np.divmod(cells, amounts.shape[1])
        ring_keys = np.asarray(ring_keys, dtype=np.int64)
        buyer_ids = np.asarray(ring_ids, dtype=np.int64)[buyers_all]
        serial_start = np.empty(cells.size, dtype=np.int64)
        ends = kind_row.searchsorted(np.arange(1, len(kinds) + 1)).tolist()
        for kind, start, end in zip(kinds, [0, *ends[:-1]], ends, strict=True):
            serial_start[start:end] = self._serials(kind, buyer_ids[start:end], counts[start:end])
        kind_of = np.asarray(kinds)[kind_row].repeat(counts)
        within = np.arange(total) - (counts.cumsum() - counts).repeat(counts)
        self._owner[first:last] = buyer_ids.repeat(counts)
        self._kind[first:last] = kind_of
        self._blocked_from[first:last] = NEVER
        owner_keys = ring_keys[buyers_all].repeat(counts)
        serials = serial_start.repeat(counts) + within
        self._key[first:last] = combine(owner_keys, kind_of, serials)
        self._count = last
        return split_by_counts(np.arange(first, last, dtype=np.int64), totals)

    def _serials(self, kind: int, ring_ids: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The first serial number of each ring's new handles of ``kind``; ``counts`` are taken.

        Each kind's purchases are counted by ring id (a ring's id and key go together), so
        that some 60 rings' serials are two array operations, not 60 look-ups.
        """
        bought = self._bought[kind]
        top = int(ring_ids.max()) + 1 if ring_ids.size else 0
        if top > bought.size:
            grown = np.zeros(max(top, 2 * bought.size), dtype=np.int64)
            grown[: bought.size] = bought
            self._bought[kind] = bought = grown
        start = bought[ring_ids]
        bought[ring_ids] = start + counts
        return start

    def _grow(self, capacity: int) -> None:
        for name in ("_owner", "_kind", "_blocked_from", "_key"):
            old = getattr(self, name)
            new = np.empty(capacity, dtype=old.dtype)
            new[: self._count] = old[: self._count]
            setattr(self, name, new)

    def block_from(self, handles: np.ndarray, day: float) -> None:
        """Block the handles from ``day`` on (an earlier block stays in force)."""
        if handles.size:
            # As np.minimum.at, without its cost: every handle gets the same day, so a
            # handle named twice gets the same value twice.
            self._blocked_from[handles] = np.minimum(self._blocked_from[handles], day)

    def is_blocked(self, handles: np.ndarray, day: int) -> np.ndarray:
        """Whether each handle is blocked on ``day``."""
        return self._blocked_from[handles] <= day


class HandleStacks:
    """Several rings' stocks of handles as one array, to draw about all of them at once."""

    def __init__(self, stocks: list[np.ndarray]) -> None:
        self.sizes = np.array([stock.size for stock in stocks], dtype=np.int64)
        self.starts = self.sizes.cumsum() - self.sizes
        self.handles = np.concatenate(stocks) if stocks else np.empty(0, dtype=np.int64)
        self.owner = np.arange(len(stocks)).repeat(self.sizes)

    @classmethod
    def of(cls, handles: np.ndarray, sizes: np.ndarray) -> HandleStacks:
        """Stacks from the rings' handles already laid end to end, ``sizes[i]`` for ring i."""
        stacks = cls.__new__(cls)
        stacks.handles, stacks.sizes = handles, sizes
        stacks.starts = sizes.cumsum() - sizes
        stacks.owner = np.arange(sizes.size).repeat(sizes)
        return stacks

    def split(self, keep: np.ndarray) -> list[np.ndarray]:
        """Each ring's handles where ``keep`` holds, in stock order."""
        return self.kept(keep).stocks()

    def kept(self, keep: np.ndarray) -> HandleStacks:
        """The stacks of each ring's handles where ``keep`` holds, in stock order."""
        kept = np.bincount(self.owner[keep], minlength=self.sizes.size)
        return HandleStacks.of(self.handles[keep], kept)

    def topped_up(self, added: np.ndarray, counts: np.ndarray) -> HandleStacks:
        """Each ring's stack followed by its share of ``added``, ``counts[i]`` for ring i.

        The same stacks as concatenating ring by ring, in a few array operations: every
        handle moves up by the handles added to the rings before its own.
        """
        added_starts = counts.cumsum() - counts
        merged = np.empty(self.handles.size + added.size, dtype=np.int64)
        merged[np.arange(self.handles.size) + added_starts[self.owner]] = self.handles
        added_owner = np.arange(counts.size).repeat(counts)
        merged[np.arange(added.size) + (self.starts + self.sizes)[added_owner]] = added
        return HandleStacks.of(merged, self.sizes + counts)

    def taken(self, rows: np.ndarray) -> HandleStacks:
        """The stacks of the rings at these positions, in that order (-1: a ring with none).

        The same stacks as stacking those rings' stocks again: each ring's handles are
        gathered from where they lie.
        """
        there = rows >= 0
        if not there.any():  # no ring held a stack (perhaps none was held at all)
            return HandleStacks.of(self.handles[:0], np.zeros(rows.size, dtype=self.sizes.dtype))
        sizes = np.where(there, self.sizes[rows], 0)
        starts = sizes.cumsum() - sizes
        shift = (self.starts[rows] - starts).repeat(sizes)
        handles = self.handles[np.arange(shift.size) + shift]
        return HandleStacks.of(handles, sizes)

    def stock(self, row: int) -> np.ndarray:
        """One ring's stack (a view of :attr:`handles`): ``stocks()[row]``."""
        start = int(self.starts[row])
        return self.handles[start : start + int(self.sizes[row])]

    def stocks(self) -> list[np.ndarray]:
        """Each ring's stack (views of :attr:`handles`)."""
        return split_by_counts(self.handles, self.sizes)

    def pick(self, owner: np.ndarray, draw: np.ndarray) -> np.ndarray:
        """One handle of each ``owner``'s stock per uniform in ``draw`` (-1 if it has none)."""
        if self.handles.size == 0:
            return np.full(owner.size, -1, dtype=np.int64)
        size = self.sizes[owner]
        index = self.starts[owner] + (draw * size).astype(np.int64)
        return np.where(size > 0, self.handles[np.minimum(index, self.handles.size - 1)], -1)


def pick_joined(
    first: HandleStacks, second: HandleStacks, owner: np.ndarray, draw: np.ndarray
) -> np.ndarray:
    """:meth:`HandleStacks.pick` from each owner's two stocks joined, ``first``'s then ``second``'s.

    The same handles as stacking the joined stocks, without joining them ring by ring.
    """
    joined = np.concatenate([first.handles, second.handles])
    if not joined.size:
        return np.full(owner.size, -1, dtype=np.int64)
    in_first = first.sizes[owner]
    size = in_first + second.sizes[owner]
    within = (draw * size).astype(np.int64)
    # Where each ring's stock starts in the joined handles: its numbers', and its accounts'
    # less its numbers (``within`` counts on from its numbers into its accounts).
    in_second = first.handles.size + second.starts - first.sizes
    start = np.where(within < in_first, first.starts[owner], in_second[owner])
    index = np.minimum(start + within, joined.size - 1)
    return np.where(size > 0, joined[index], -1)


def pick_either(
    first: HandleStacks,
    second: HandleStacks,
    in_first: np.ndarray,
    owner: np.ndarray,
    draw: np.ndarray,
) -> np.ndarray:
    """:meth:`HandleStacks.pick` from ``first`` where ``in_first`` holds, else from ``second``.

    The same handles as picking from each where it applies, in one pass over the picks.
    """
    size = np.where(in_first, first.sizes[owner], second.sizes[owner])
    if not size.any():
        return np.full(owner.size, -1, dtype=np.int64)
    start = np.where(in_first, first.starts[owner], second.starts[owner] + first.handles.size)
    joined = np.concatenate([first.handles, second.handles])
    index = np.minimum(start + (draw * size).astype(np.int64), joined.size - 1)
    return np.where(size > 0, joined[index], -1)


def split_by_counts(values: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
    """``values`` cut into consecutive pieces of ``counts`` items (views, like ``np.split``).

    Slicing by hand: ``np.split`` costs several times as much per piece, and the model cuts
    arrays into one piece per ring several times a day.
    """
    ends = np.cumsum(counts).tolist()
    starts = [0, *ends[:-1]] if ends else []
    return [values[start:end] for start, end in zip(starts, ends, strict=True)]
