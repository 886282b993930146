"""Residents: the potential victims, held as columns (a struct of numpy arrays).

A city of a million people does not fit in per-agent Python objects at the speed sweeps need,
so every resident attribute is one array indexed by resident id. Awareness is stored lazily as
(value, day set) and decayed on read, so no O(N) work is done on days nothing happens to most
people. :meth:`Residents.record` still shows one resident as a readable record.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from govsim.arrays import sorted_unique
from govsim.randomness import KeyedRandom
from govsim.scenario.fields import AGE_GROUPS
from govsim.scenario.population import Population

CHANNEL_IS_PHONE = {"call": True, "sms": True, "im": False, "web": False}


class Residents:
    """All residents of the city as columns, with lazily decaying awareness."""

    def __init__(self, population: Population, keyed: KeyedRandom, start_day: int = 0) -> None:
        """Draw the residents; their initial awareness is dated ``start_day`` (the first day)."""
        self.config = population
        n = population.size
        self.size = n
        ids = np.arange(n)
        shares = np.cumsum(_normalised(population.age_shares.as_tuple()))
        self.group = np.searchsorted(shares, keyed.uniform("age_group", ids)).astype(np.int8)
        self.group = np.minimum(self.group, 2)
        regions = len(population.region_names)
        self.region = (keyed.uniform("region", ids) * regions).astype(np.int16)
        self.savings = self._draw_savings(keyed.normal("savings", ids))
        sigma = population.frailty_sigma
        frailty = np.exp(-0.5 * sigma**2 + sigma * keyed.normal("frailty", ids))
        self.frailty = frailty.astype(np.float32)
        self.awareness_set = self._draw_awareness(keyed.generator("awareness_initial"))
        self.awareness_day = np.full(n, start_day, dtype=np.int32)
        self.victimisations = np.zeros(n, dtype=np.int16)
        self.compromised = np.zeros(n, dtype=bool)
        self._compromised_ids = np.empty(0, dtype=np.intp)
        self.record_detail = np.ones(n, dtype=np.float32)
        # Which bank and telecom operator each resident uses; assigned by the model.
        self.bank_of = np.zeros(n, dtype=np.int8)
        self.telecom_of = np.zeros(n, dtype=np.int8)
        # Their names, by index, so that a record says "Big bank", not "bank: 0".
        self.bank_names: tuple[str, ...] = ()
        self.telecom_names: tuple[str, ...] = ()
        self.tie_start, self.tie_target = self._draw_ties(keyed.generator("ties"))
        self.decay = math.log(2.0) / population.awareness_half_life_days
        self.phone_answer = np.array(population.phone_answer.as_tuple(), dtype=np.float32)
        self.online_exposure = np.array(population.online_exposure.as_tuple(), dtype=np.float32)
        self.report_share = np.array(population.report_share.as_tuple(), dtype=np.float32)
        self.online_multiplier = 1.0
        self.group_sizes = np.bincount(self.group, minlength=3)
        self._anchor_day = start_day
        self._weighted_awareness = self._sum_weighted_awareness()

    def _draw_savings(self, normal: np.ndarray) -> np.ndarray:
        medians = np.array(self.config.savings_median.as_tuple())[self.group]
        return medians * np.exp(self.config.savings_sigma * normal)

    def _draw_awareness(self, rng: np.random.Generator) -> np.ndarray:
        means = np.clip(np.array(self.config.awareness_initial.as_tuple()), 1e-3, 1 - 1e-3)
        k = self.config.awareness_concentration
        mean = means[self.group]
        return rng.beta(mean * k, (1.0 - mean) * k).astype(np.float32)

    def _draw_ties(self, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Draw an undirected tie list, mostly within regions, as compressed sparse rows."""
        n = self.size
        half_degree = self.config.ties_per_resident / 2.0
        sources = np.repeat(np.arange(n, dtype=np.int32), rng.poisson(half_degree, size=n))
        targets = rng.integers(0, n, size=sources.size).astype(np.int32)
        local = rng.random(sources.size) < self.config.tie_same_region_share
        targets[local] = _same_region_partner(self.region, sources[local], rng)
        keep = sources != targets
        return _rows_of_ties(sources[keep], targets[keep], n)

    def awareness(self, ids: np.ndarray, day: int) -> np.ndarray:
        """Current awareness of the given residents, decayed toward the floor."""
        floor = self.config.awareness_floor
        elapsed = day - self.awareness_day[ids]
        return floor + (self.awareness_set[ids] - floor) * np.exp(-self.decay * elapsed)

    def boost_awareness(self, ids: np.ndarray, day: int, amount: float) -> None:
        """Raise awareness by ``amount`` of the gap to full awareness.

        All writes to awareness go through here, which keeps the group sums behind
        :meth:`mean_awareness_by_group` up to date.
        """
        if ids.size == 0 or amount <= 0.0:
            return
        self._rebase_if_far(day)
        if ids.size > 1 and not (ids[1:] > ids[:-1]).all():
            # Sorting is the cost at a million residents; a campaign's reach is sorted already.
            ids = sorted_unique(ids)
        # Each column gathered once: awareness() and the old weighted excess both read them.
        was_set, day_set = self.awareness_set[ids], self.awareness_day[ids]
        floor = self.config.awareness_floor
        current = floor + (was_set - floor) * np.exp(-self.decay * (day - day_set))
        boosted = (current + amount * (1.0 - current)).astype(self.awareness_set.dtype)
        change = self._weighted(boosted, day) - self._weighted(was_set, day_set)
        self._weighted_awareness += np.bincount(self.group[ids], weights=change, minlength=3)
        self.awareness_set[ids] = boosted
        self.awareness_day[ids] = day

    def mean_awareness_by_group(self, day: int) -> np.ndarray:
        """Mean awareness of students, working and elderly residents today, in O(1).

        Each resident's excess over the floor decays as exp(-decay * (day - day set)), so a
        group's total is exp(-decay * (day - anchor)) times a sum kept up to date by every boost.
        """
        self._rebase_if_far(day)
        decayed = np.exp(-self.decay * (day - self._anchor_day)) * self._weighted_awareness
        return self.config.awareness_floor + decayed / np.maximum(self.group_sizes, 1)

    def _weighted(self, awareness: np.ndarray, day_set: np.ndarray | int) -> np.ndarray:
        """Excess over the floor, carried back to the anchor day."""
        growth = np.exp(self.decay * (np.asarray(day_set) - self._anchor_day))
        return (awareness - self.config.awareness_floor) * growth

    def _sum_weighted_awareness(self) -> np.ndarray:
        weighted = self._weighted(self.awareness_set.astype(float), self.awareness_day)
        return np.bincount(self.group, weights=weighted, minlength=3)

    def _rebase_if_far(self, day: int) -> None:
        """Move the anchor before exp() could overflow (rare: an O(N) recount)."""
        if self.decay * (day - self._anchor_day) > 50.0:
            self._anchor_day = day
            self._weighted_awareness = self._sum_weighted_awareness()

    def compromised_ids(self) -> np.ndarray:
        """Residents whose social accounts the rings control, in id order (read-only).

        Remembered while their number stays the same: accounts are compromised, never
        recovered, so the same count is the same residents, and counting a million flags is
        several times cheaper than listing them, every day.
        """
        if np.count_nonzero(self.compromised) != self._compromised_ids.size:
            self._compromised_ids = np.flatnonzero(self.compromised)
            self._compromised_ids.flags.writeable = False
        return self._compromised_ids

    def exposure(self, ids: np.ndarray, is_phone: np.ndarray) -> np.ndarray:
        """Probability that a contact by phone (call/SMS) or online (IM/web) is seen."""
        groups = self.group[ids]
        online = np.minimum(self.online_exposure[groups] * self.online_multiplier, 1.0)
        return np.where(is_phone, self.phone_answer[groups], online)

    def ties_of(self, ids: np.ndarray) -> np.ndarray:
        """All ties of the given residents, concatenated."""
        if ids.size == 0:
            return np.empty(0, dtype=np.int32)
        starts, ends = self.tie_start[ids], self.tie_start[ids + 1]
        lengths = ends - starts
        offsets = (starts - lengths.cumsum() + lengths).repeat(lengths)
        return self.tie_target[offsets + np.arange(lengths.sum())]

    def random_tie(self, ids: np.ndarray, draw: np.ndarray) -> np.ndarray:
        """One tie per resident, chosen by its uniform in ``draw``; no ties maps to -1."""
        starts = self.tie_start[ids]
        degree = self.tie_start[ids + 1] - starts
        if self.tie_target.size == 0:
            return np.full(ids.size, -1, dtype=np.int64)
        pick = (draw * np.maximum(degree, 1)).astype(np.int64)
        ties = self.tie_target[np.minimum(starts + pick, self.tie_target.size - 1)]
        return np.where(degree > 0, ties, -1)

    def record(self, resident: int, day: int = 0) -> dict[str, Any]:
        """One resident as a readable record, for inspection and the dashboard."""
        ids = np.array([resident])
        region_names = self.config.region_names
        return {
            "id": int(resident),
            "region": region_names[int(self.region[resident])],
            "age_group": AGE_GROUPS[int(self.group[resident])],
            "savings": float(self.savings[resident]),
            "susceptibility": float(self.frailty[resident]),
            "awareness": float(self.awareness(ids, day)[0]),
            "victimisations": int(self.victimisations[resident]),
            "account_compromised": bool(self.compromised[resident]),
            "bank": _name(self.bank_names, int(self.bank_of[resident])),
            "telecom_operator": _name(self.telecom_names, int(self.telecom_of[resident])),
            "ties": self.ties_of(ids).tolist(),
        }


def _name(names: tuple[str, ...], index: int) -> str | int:
    """An institution's name, or its index when the names are not known (residents alone)."""
    return names[index] if index < len(names) else index


def _normalised(values: tuple[float, ...]) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    total = array.sum()
    if total <= 0:
        raise ValueError("population.age_shares must not all be zero")
    return array / total


def _rows_of_ties(
    sources: np.ndarray, targets: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each tie both ways, as compressed sparse rows: ``(start, targets)`` by resident.

    The rows are the sources then the targets, each row's entries in that order, as a stable
    sort of the rows ``concatenate([sources, targets])`` lays them: ``sources`` come sorted
    (drawn resident by resident), so only the targets are sorted (half the work of sorting
    all, 0.18 s at a million), and each entry is placed after its row's earlier ones.
    """
    first_count = np.bincount(sources, minlength=n)
    second_count = np.bincount(targets, minlength=n)
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(first_count + second_count, out=start[1:])
    laid = np.empty(2 * sources.size, dtype=targets.dtype)
    # The sources' entries: each row's first, in their order (they are sorted already). An
    # entry's place is its index shifted by its row's: where the row starts, less where its
    # sources start among the sources.
    shift = start[:-1] - (np.cumsum(first_count) - first_count)
    place = shift[sources]
    place += np.arange(sources.size)
    laid[place] = targets
    # The targets' entries, after their row's sources' ones: a stable sort of the targets,
    # from a unique key per entry (any sort of unique keys gives the same order, and numpy's
    # default sort of 64-bit keys is faster than its stable sort of 32-bit rows).
    keys = targets.astype(np.int64)
    keys <<= 32
    keys |= np.arange(targets.size)
    order = np.argsort(keys)
    del keys
    rows = targets[order]
    shift = start[:-1] + first_count - (np.cumsum(second_count) - second_count)
    place = shift[rows]
    place += np.arange(targets.size)
    laid[place] = sources[order]
    return start, laid


def _same_region_partner(
    region: np.ndarray, sources: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """A uniformly random resident of each source's own region."""
    order = np.argsort(region, kind="stable").astype(np.int32)
    counts = np.bincount(region, minlength=int(region.max()) + 1)
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    own = region[sources]
    pick = (rng.random(sources.size) * counts[own]).astype(np.int64)
    return order[first[own] + pick]
