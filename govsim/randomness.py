"""Keyed randomness: every draw is a pure function of the seed, its purpose and what it is about.

Comparisons between scenarios rely on common random numbers: the same resident, contacted by
the same ring's same attempt on the same day, must meet the same luck in every scenario, however
many other draws the scenarios made before. A sequential stream cannot promise that (one extra
draw shifts every later one), so govsim draws nothing sequentially during a run. Each uniform is
a hash of ``(replication seed, purpose, keys...)``, where the keys name the entity and the
occasion (a resident id, a ring's key and the day, a contact's key, a transfer's stage), through a
counter-based generator: SplitMix64's finaliser applied to the running combination of the keys.
Other distributions are inverse-CDF transforms of those uniforms, so a draw moves monotonically
with its parameters (a slightly higher mean gives a slightly higher count, never a reshuffle).

Every purpose is listed in :data:`PURPOSES`, so this module is the one place that owns the keys.
Set-up draws that are made once per run (the population, its ties) use a counter-based Philox
generator keyed by the seed and the purpose, one per attribute, so changing one attribute's
parameters leaves the others untouched.
"""

from __future__ import annotations

import hashlib
import math
from typing import NamedTuple

import numpy as np
from scipy import special

PURPOSES: tuple[str, ...] = (
    # set-up: the population and the market (a Philox generator each)
    "age_group",
    "region",
    "savings",
    "frailty",
    "awareness_initial",
    "ties",
    "bank_customer",
    "telecom_customer",
    "records_leaked",
    "accounts_hijacked",
    # rings
    "ring_abroad",
    "ring_relocation",
    "ring_movers_stay",
    "ring_size",
    "ring_skill",
    "ring_entry",
    "ring_exit",
    "recruitment_delay",
    "market_rationing",
    "handle_wear",
    "leak_count",
    "leak_residents",
    # contact: one key per attempt slot
    "attempt_count",
    "target",
    "target_group",
    "target_tie",
    "handle_pick",
    "platform_route",
    "seen",
    # filtering and warning
    "telecom_block",
    "platform_block",
    "number_detection",
    "account_detection",
    "telecom_flag",
    "platform_flag",
    "lead_forward",
    "share_with_platform",
    "signal_bank",
    "dissuasion_works",
    "in_app_warning",
    "call_order",
    "call_capacity",
    "desk_trace",
    "desk_triage",
    "late_call_works",
    "joint_takedown",
    "grooming_detection",
    "grooming_stop",
    # engagement, transfer, laundering, reporting
    "engage",
    "contagion",
    "mule_capacity",
    "amount",
    "transfer_hour",
    "bank_hold",
    "hold_stop",
    "hop_hours",
    "parked",
    "parked_hours",
    "exit_abroad",
    "mule_detection",
    "mule_detection_hour",
    "report",
    "report_delay",
    "public_report",
    # investigation and courts
    "case_link",
    "identification",
    "arrest",
    "crackdown_arrest",
    "market_blacklist",
    "market_blacklist_pick",
    "conviction",
    # education and events
    "campaign",
    "breach",
    # collateral burden
    "collateral",
)
_MASK = (1 << 64) - 1


def _operand(value: int | float) -> np.ndarray:
    """A constant operand of the array hashing: a read-only 0-d array.

    numpy takes a 0-d array as an operand faster than a scalar (about 0.3 against 0.5
    microseconds a call here), and the hashing makes tens of thousands of calls a run.
    """
    operand = np.array(value, dtype=np.uint64 if isinstance(value, int) else np.float64)
    operand.flags.writeable = False
    return operand


_GOLDEN = _operand(0x9E3779B97F4A7C15)
_MIX1 = _operand(0xBF58476D1CE4E5B9)
_MIX2 = _operand(0x94D049BB133111EB)
_SHIFT30, _SHIFT27, _SHIFT31, _SHIFT12 = (_operand(n) for n in (30, 27, 31, 12))
_UNIT = 2.0**-52
_ONE_BITS = _operand(0x3FF0000000000000)
"""The bits of the double 1.0: or-ed with 52 random bits, a double in [1, 2)."""
_UNIT_OFFSET = _operand(1.0 - 2.0**-53)
_SMALL = 8
_SCALARS = (int, np.integer)
"""Keys that are single integers (a tuple, which isinstance checks fastest)."""
"""Up to this many keys, folding them as Python integers beats numpy's per-call overhead."""


def _constant(name: str) -> int:
    """A stable 64-bit constant for a purpose or a name (same on every machine)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little")


PURPOSE_KEYS: dict[str, int] = {name: _constant(name) for name in PURPOSES}


def name_key(name: str) -> int:
    """A stable key for a named thing (a scam type, an institution), independent of order."""
    return _constant("name:" + name) >> 1


def mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, vectorised over uint64 arrays (which wrap without warnings)."""
    return _mix_in_place(np.array(values, dtype=np.uint64))


_LARGE = 8192
"""From this many keys on, the mix works through a scratch buffer, a block at a time."""
_BLOCK = 32768
"""Keys mixed at a time in a large array: a block and its scratch stay in the CPU's cache."""


def _mix_in_place(z: np.ndarray) -> np.ndarray:
    """:func:`mix` computed in ``z`` itself (a fresh uint64 array the caller gives up).

    The model hashes tens of thousands of small arrays a run, where the cost is numpy's
    per-call overhead, so every temporary saved counts. A large array (a big city's day of
    contacts, every purpose at once) is mixed a block at a time into one scratch buffer:
    each shift's temporary would otherwise be a fresh array of the whole size, and the
    passes would run out of the cache (some three times as long for 100,000 keys).
    """
    if z.size >= _LARGE and z.flags.c_contiguous:
        flat = z.reshape(-1)
        scratch = np.empty(min(_BLOCK, flat.size), dtype=np.uint64)
        for start in range(0, flat.size, _BLOCK):
            block = flat[start : start + _BLOCK]
            _mix_block(block, scratch[: block.size])
        return z
    z += _GOLDEN
    z ^= z >> _SHIFT30
    z *= _MIX1
    z ^= z >> _SHIFT27
    z *= _MIX2
    z ^= z >> _SHIFT31
    return z


def _mix_block(z: np.ndarray, scratch: np.ndarray) -> None:
    """:func:`_mix_in_place` on one block, each shift written to ``scratch`` (as large)."""
    z += _GOLDEN
    np.right_shift(z, _SHIFT30, out=scratch)
    z ^= scratch
    z *= _MIX1
    np.right_shift(z, _SHIFT27, out=scratch)
    z ^= scratch
    z *= _MIX2
    np.right_shift(z, _SHIFT31, out=scratch)
    z ^= scratch


def _mix_int(value: int) -> int:
    """SplitMix64's finaliser on one Python integer (fast for scalar keys)."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def _as_keys(part: np.ndarray) -> np.ndarray:
    if part.dtype == np.uint64:
        return part
    return part.astype(np.int64, copy=False).view(np.uint64)


def combine(*parts: np.ndarray | int) -> np.ndarray:
    """Hash any number of integer keys (scalars or broadcastable arrays) into one uint64 key.

    The key is the running SplitMix64 hash: each part is xored into the state and mixed.
    """
    return _as_array(_fold(0, parts))


class _Few(NamedTuple):
    """A few keys hashed in Python integers, in the shape of the broadcast parts."""

    keys: list[int]
    shape: tuple[int, ...]


def _as_array(keys: np.ndarray | _Few) -> np.ndarray:
    """The keys as a uint64 array."""
    if isinstance(keys, _Few):
        return np.array(keys.keys, dtype=np.uint64).reshape(keys.shape)
    return keys


def _as_uniforms(keys: np.ndarray | _Few) -> np.ndarray:
    """The uniforms of the keys (:func:`_unit`); a few in Python floats, the same values.

    numpy's per-call overhead, some microseconds a call, is most of a small draw's cost.
    """
    if isinstance(keys, _Few):
        return np.array([((key >> 12) + 0.5) * _UNIT for key in keys.keys]).reshape(keys.shape)
    return _unit(keys)


def _fold(state: int, parts: tuple) -> np.ndarray | _Few:
    """Fold keys into a running hash state; leading scalars in plain Python integers."""
    for i, part in enumerate(parts):
        if not isinstance(part, _SCALARS):
            part = np.asarray(part)
            if part.ndim > 0:
                return _fold_arrays(state, parts[i:])
        state = _mix_int(state ^ (int(part) & _MASK))
    return _Few([state], (1,))


def _fold_arrays(state: int, parts: tuple) -> np.ndarray | _Few:
    """Fold keys into the state from the first array on (each part mixed in turn)."""
    first = np.asarray(parts[0])
    rest = parts[1:]
    if _all_scalars(rest):
        if first.size == 0:
            return np.empty(first.shape, dtype=np.uint64)
        if first.size <= _SMALL:
            return _fold_few(state, first, rest)
    elif first.size <= _SMALL:
        few = _fold_few_arrays(state, first, parts)
        if few is not None:
            return few
    # Each xor makes the fresh array that the mix then works in.
    return _fold_into(_mix_in_place(_as_keys(first) ^ np.array(state, dtype=np.uint64)), rest)


def _all_scalars(parts: tuple) -> bool:
    """Whether every part is a single integer."""
    for part in parts:  # noqa: SIM110 (a loop: a generator costs more to start)
        if not isinstance(part, _SCALARS):
            return False
    return True


def _fold_into(key: np.ndarray, parts: tuple) -> np.ndarray:
    """Fold more keys into ``key`` (a fresh uint64 array), each part mixed in turn."""
    for part in parts:
        if not isinstance(part, _SCALARS):
            part = np.asarray(part)
            if part.ndim > 0:
                key = _mix_in_place(_xor(key, _as_keys(part)))
                continue
        key ^= np.array(int(part) & _MASK, dtype=np.uint64)
        _mix_in_place(key)
    return key


_LAST_AXIS = 4
"""A key spread along a last axis of at most this many (a day's modes, a ring's goods) is
xored one slice at a time: numpy broadcasts a short last axis slowly (20 against 6 us for
300 x 12 x 2 keys)."""


def _xor(key: np.ndarray, part: np.ndarray) -> np.ndarray:
    """``key ^ part`` (broadcast), a fresh array."""
    last = part.shape[-1]
    if 1 < last <= _LAST_AXIS and key.ndim == part.ndim and key.shape[-1] == 1:
        shape = tuple(k if p == 1 else p for k, p in zip(key.shape, part.shape, strict=True))
        out = np.empty(shape, dtype=np.uint64)
        for j in range(last):
            np.bitwise_xor(key[..., 0], part[..., j], out=out[..., j])
        return out
    return key ^ part


def _fold_few(state: int, first: np.ndarray, rest: tuple) -> _Few:
    """:func:`_fold_arrays` for a few keys followed by scalars, in Python integers."""
    tail = [int(part) & _MASK for part in rest]
    keys = []
    for value in _as_keys(first).ravel().tolist():
        key = _mix_int(state ^ value)
        for part in tail:
            key = _mix_int(key ^ part)
        keys.append(key)
    return _Few(keys, first.shape)


def _fold_few_arrays(state: int, first: np.ndarray, parts: tuple) -> _Few | None:
    """:func:`_fold_arrays` for a few keys from arrays of one shape, in Python integers.

    A day's transfers and grooming victims are a handful, keyed by episode and stage: in
    Python integers their draws cost a few microseconds, in numpy some twenty. None when
    the arrays (after ``first``, which is ``parts[0]``) differ in shape: numpy broadcasts.
    """
    columns = [_as_keys(first).ravel().tolist()]
    for part in parts[1:]:
        if isinstance(part, _SCALARS):
            columns.append([int(part) & _MASK] * first.size)
            continue
        part = np.asarray(part)
        if part.shape != first.shape:
            if part.ndim:
                return None
            columns.append([int(part) & _MASK] * first.size)
            continue
        columns.append(_as_keys(part).ravel().tolist())
    keys = []
    for values in zip(*columns, strict=True):
        key = state
        for value in values:
            key = _mix_int(key ^ value)
        keys.append(key)
    return _Few(keys, first.shape)


def _unit(keys: np.ndarray) -> np.ndarray:
    """The uniforms ``((keys >> 12) + 0.5) * 2**-52``, computed in place in ``keys``.

    52 bits, so that the value stays strictly inside (0, 1) when rounded. The bits are
    placed in the mantissa of a double in [1, 2), which is ``1 + bits * 2**-52`` exactly;
    subtracting ``1 - 2**-53`` is exact too (Sterbenz), so the result is the same double as
    the arithmetic above, with one pass fewer and no integer-to-float conversion.
    """
    keys >>= _SHIFT12
    keys |= _ONE_BITS
    unit = keys.view(np.float64)
    unit -= _UNIT_OFFSET
    return unit


class KeyedRandom:
    """Draws keyed by (seed, purpose, keys): the model's only source of randomness."""

    def __init__(self, seed: int) -> None:
        self.seed = int(seed) & _MASK
        # (seed, purpose) folded once: every draw starts from its purpose's prefix.
        self._prefix = {
            name: _mix_int(_mix_int(self.seed) ^ constant)
            for name, constant in PURPOSE_KEYS.items()
        }

    def key(self, purpose: str, *parts: np.ndarray | int) -> np.ndarray:
        """The uint64 key of a draw (one per element of the broadcast keys)."""
        return _as_array(_fold(self._prefix[purpose], parts))

    def uniform(self, purpose: str, *parts: np.ndarray | int) -> np.ndarray:
        """Uniforms in (0, 1), one per element of the broadcast keys."""
        return _as_uniforms(_fold(self._prefix[purpose], parts))

    def uniforms(self, purposes: tuple[str, ...], *parts: np.ndarray | int) -> np.ndarray:
        """Uniforms for several purposes on the same keys: row ``i`` is ``uniform(purposes[i])``.

        The keys are hashed for all purposes in one pass (the purposes' prefixes stacked on a
        leading axis), which saves numpy's per-call overhead when each purpose's keys are few
        (a day's contacts are drawn about for some twenty purposes).
        """
        states = [self._prefix[purpose] for purpose in purposes]
        ndim = 0
        for part in parts:
            if not isinstance(part, _SCALARS):
                ndim = max(ndim, np.ndim(part))
        for i, part in enumerate(parts):
            if isinstance(part, _SCALARS) or np.ndim(part) == 0:
                states = [_mix_int(state ^ (int(part) & _MASK)) for state in states]
                continue
            column = np.array(states, dtype=np.uint64).reshape((-1,) + (1,) * ndim)
            key = _mix_in_place(_as_keys(np.asarray(part)) ^ column)
            return _unit(_fold_into(key, parts[i + 1 :]))
        # Scalar keys only: one draw per purpose, shaped as uniform() gives it.
        return _unit(np.array(states, dtype=np.uint64).reshape(-1, 1))

    def uniforms_of(self, requests: list[tuple[str, np.ndarray]], *parts: int) -> list[np.ndarray]:
        """``uniform(purpose, keys, *parts)`` for each ``(purpose, keys)``, in one pass.

        ``keys`` are 1-d arrays (of any sizes) and ``parts`` scalars: the keys of all
        requests are hashed together, each with its own purpose's prefix, which saves
        numpy's per-call overhead and hashes no key for a purpose that does not need it.
        """
        sizes = [keys.size for _, keys in requests]
        prefixes = np.array([self._prefix[purpose] for purpose, _ in requests], dtype=np.uint64)
        keys = np.concatenate([_as_keys(np.asarray(keys)) for _, keys in requests])
        key = _mix_in_place(keys ^ prefixes.repeat(sizes))
        units = _unit(_fold_into(key, parts))
        ends = np.cumsum(sizes).tolist()
        return [units[end - size : end] for size, end in zip(sizes, ends, strict=True)]

    def one(self, purpose: str, *parts: int) -> float:
        """A single uniform in (0, 1): the same value :meth:`uniform` gives for these keys."""
        state = self._prefix[purpose]
        for part in parts:
            state = _mix_int(state ^ (int(part) & _MASK))
        return ((state >> 12) + 0.5) * _UNIT

    def normal(self, purpose: str, *parts: np.ndarray | int) -> np.ndarray:
        """Standard normal deviates (inverse CDF of keyed uniforms)."""
        return special.ndtri(self.uniform(purpose, *parts))

    def exponential(self, purpose: str, *parts: np.ndarray | int) -> np.ndarray:
        """Exponential deviates with mean 1."""
        return -np.log(self.uniform(purpose, *parts))

    def gamma(self, shape: np.ndarray | float, purpose: str, *parts: np.ndarray | int):
        """Gamma deviates with the given shape and scale 1."""
        return special.gammaincinv(shape, self.uniform(purpose, *parts))

    def poisson(self, mean: np.ndarray | float, purpose: str, *parts: np.ndarray | int):
        """Poisson counts with the given means (exact inverse CDF)."""
        mean = np.asarray(mean, dtype=float)
        u = self.uniform(purpose, *parts)
        if u.shape != mean.shape:
            u = u * np.ones_like(mean)  # one draw per mean, whatever the keys' shape
        return poisson_quantile(u, mean)

    def poisson_one(self, mean: float, purpose: str, *parts: int) -> int:
        """One Poisson count for scalar keys: ``poisson(...)[0]``, without arrays of one."""
        if mean <= 0:
            return 0  # whatever the draw (a sector that makes no mistakes, say)
        return _poisson_quantile_one(self.one(purpose, *parts), float(mean))

    def round_one(self, value: float, purpose: str, *parts: int) -> int:
        """One random rounding for scalar keys: ``round(...)[0]``, without arrays of one."""
        whole = math.floor(value)
        return whole + (self.one(purpose, *parts) < value - whole)

    def round(self, value: np.ndarray | float, purpose: str, *parts: np.ndarray | int):
        """Round at random: floor(value) plus one with probability frac(value)."""
        value = np.asarray(value, dtype=float)
        whole = np.floor(value)
        return (whole + (self.uniform(purpose, *parts) < value - whole)).astype(np.int64)

    def generator(self, purpose: str) -> np.random.Generator:
        """A Philox generator for one set-up purpose (drawn once per run, in a fixed order)."""
        return np.random.Generator(np.random.Philox(key=[self.seed, PURPOSE_KEYS[purpose]]))


def poisson_quantile(u: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """The smallest k with P(X <= k) >= u for X ~ Poisson(mean), vectorised and exact.

    Starts from the Cornish-Fisher approximation and corrects it with the exact CDF.
    """
    u, mean = np.asarray(u, dtype=float), np.asarray(mean, dtype=float)
    if u.shape != mean.shape:
        u, mean = np.broadcast_arrays(u, mean)
    if u.size == 0:
        return np.zeros(u.shape, dtype=np.int64)
    if u.size == 1:
        # One draw (a day's entrants, a sector's collateral): the same search on floats,
        # without the overhead of arrays of one.
        return np.full(u.shape, _poisson_quantile_one(float(u.flat[0]), float(mean.flat[0])))
    u_cells, mean_cells = u.ravel(), mean.ravel()
    # A zero mean gives zero. Positive means up to SMALL_MEAN are read off a table where it
    # is sure (if there are enough of them to pay for it); the search settles the rest.
    positive = mean_cells > 0
    small = (positive & (mean_cells <= SMALL_MEAN)).nonzero()[0]
    if small.size >= TABLE_CELLS:
        k = np.where(positive, -1.0, 0.0)
        k[small] = _poisson_small(u_cells[small], mean_cells[small])
        rest = (k < 0).nonzero()[0]
    else:
        k = np.zeros(u_cells.size)
        rest = positive.nonzero()[0]
    if rest.size:
        k[rest] = _poisson_search(u_cells[rest], mean_cells[rest])
    return k.astype(np.int64).reshape(u.shape)


SMALL_MEAN = 4.0
"""Means up to this are read off a short table of the CDF (:func:`_poisson_small`)."""
SMALL_COUNTS = 12
"""Counts 0 to 11 in that table: with a mean of 4, a count above 11 has chance 0.0005."""
TABLE_CELLS = 128
"""Fewer small means than this go to the search: the table's rows cost more than it saves."""
_COUNTS = np.arange(float(SMALL_COUNTS))
SURE_MARGIN = 1e-9
"""The table decides a count only where each CDF in it is this far from u (relatively).

scipy's ``pdtr``, which the search tests against, and the table's sums both agree with the
exact CDF to some 1e-15 here (means up to 4, counts up to 11: no CDF below exp(-4)), so a
decision with this margin is the search's decision (tests/mechanisms/test_randomness.py)."""


def _poisson_small(u: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """Counts for means up to :data:`SMALL_MEAN` from a table of the CDF; -1 where unsure.

    The table's row is exp(-mean) * mean**j / j! summed up to j: the smallest j whose sum
    reaches u is the count, unless u lies within :data:`SURE_MARGIN` of a sum (or beyond the
    table), where the search decides. Most cells of a day's plan have a mean far below 1 and
    a count of zero: where the first sum, exp(-mean), lies above u and its margin, so do all
    the others (the sums only grow), and the table would find a sure zero; only the other
    cells are tabulated.
    """
    first = np.exp(-mean)
    margin = SURE_MARGIN * u
    k = np.zeros(mean.size)
    open_cells = (first <= u + margin).nonzero()[0]
    if open_cells.size:
        k[open_cells] = _poisson_table(
            u[open_cells], mean[open_cells], first[open_cells], margin[open_cells]
        )
    return k


def _poisson_table(
    u: np.ndarray, mean: np.ndarray, first: np.ndarray, margin: np.ndarray
) -> np.ndarray:
    """:func:`_poisson_small` for cells whose count may not be zero (``first``: exp(-mean))."""
    # One row per count, one column per cell: each sum runs down a column, row by row
    # (numpy's cumulative sums along the first axis cost several times as much).
    cdf = np.empty((SMALL_COUNTS, mean.size))
    cdf[0] = first
    np.divide(mean, _COUNTS[1:, None], out=cdf[1:])
    for j in range(1, SMALL_COUNTS):
        cdf[j] *= cdf[j - 1]  # the term exp(-mean) * mean**j / j!
    for j in range(1, SMALL_COUNTS):
        cdf[j] += cdf[j - 1]
    # The count is the number of sums below u; it is sure when no sum lies within the
    # margin of u (counts of at most SMALL_COUNTS, summed as bytes: numpy's fastest way).
    k = (cdf < u - margin).view(np.int8).sum(axis=0, dtype=np.int8)
    unsure = (k != (cdf <= u + margin).view(np.int8).sum(axis=0, dtype=np.int8)) | (
        k == SMALL_COUNTS
    )
    return np.where(unsure, -1.0, k)


def _poisson_search(u: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """:func:`poisson_quantile` for positive means: the guess, then unit steps until settled."""
    z = special.ndtri(u)
    guess = mean + np.sqrt(mean) * z + (z * z - 1.0) / 6.0 - 0.5
    k = np.maximum(np.ceil(guess), 0.0)
    moving = np.arange(k.size)
    for _ in range(64):
        here, u_here, mean_here = k[moving], u[moving], mean[moving]
        below = (here > 0) & (special.pdtr(here - 1, mean_here) >= u_here)
        above = special.pdtr(here, mean_here) < u_here
        step = above.astype(float) - below
        if not step.any():
            break
        k[moving] = here + step
        moving = moving[step != 0]
    return k


def _poisson_quantile_one(u: float, mean: float) -> int:
    """:func:`poisson_quantile` for one draw: the same guess and the same exact correction."""
    if mean <= 0:
        return 0
    z = float(special.ndtri(u))
    k = max(math.ceil(mean + math.sqrt(mean) * z + (z * z - 1.0) / 6.0 - 0.5), 0)
    for _ in range(64):
        if k > 0 and special.pdtr(k - 1, mean) >= u:
            k -= 1
        elif special.pdtr(k, mean) < u:
            k += 1
        else:
            break
    return k
