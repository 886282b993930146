"""The black market for the rings' inputs: leaked records, SIM cards, accounts, mule accounts.

Supply falls with the controls of the party that issues each good (telecom real-name checks for
SIMs, platform registration for accounts, bank account-opening checks for mule accounts), with
regulation, and while a card crackdown runs. The price follows demand over supply along a
constant-elasticity supply curve: above the base price when the rings want more than is offered
(then goods are rationed pro rata), below it when they want less, as sellers (card brokers,
SIM farms) cut prices to move their stock. A thin market's inputs are therefore cheaper, which
is what keeps a market that governance has thinned from tipping to none (docs/ODD.md 7.2). The
pool of leaked records is the set of residents rings can target.
"""

from __future__ import annotations

import numpy as np

from govsim.arrays import sorted_unique
from govsim.randomness import KeyedRandom
from govsim.scenario.fraud import BlackMarket as MarketConfig

GOODS: tuple[str, ...] = ("sims", "accounts", "mules")


class BlackMarket:
    """Daily supply, price and rationing of ring inputs; the pool of leaked records."""

    def __init__(
        self,
        config: MarketConfig,
        controls: dict[str, float],
        leaked: np.ndarray,
        groups: np.ndarray,
    ) -> None:
        self.config = config
        self.controls = controls
        self.crackdown_intensity = 0.0
        self.base_price = {
            "sims": config.sim_price,
            "accounts": config.account_price,
            "mules": config.mule_price,
        }
        self.base_supply = {
            "sims": config.sim_supply_per_day,
            "accounts": config.account_supply_per_day,
            "mules": config.mule_supply_per_day,
        }
        self.price = dict(self.base_price)
        self.leaked = leaked
        self.groups = groups
        # The leaked residents of each age group, in the order they leaked: arrays with room
        # to grow, the first _pool_sizes[g] entries in use (a day's few leaks are appended,
        # not copied with the whole pool, a third of a big city).
        self._pools = [np.flatnonzero(leaked & (groups == g)) for g in range(3)]
        self._pool_sizes = [pool.size for pool in self._pools]

    def supply(self, good: str) -> float:
        """Units offered today, after controls and any crackdown."""
        cut = self.controls.get(good, 0.0)
        if good in ("sims", "mules"):
            cut = 1.0 - (1.0 - cut) * (1.0 - self.crackdown_intensity)
        return self.base_supply[good] * (1.0 - cut)

    def clear(
        self, good: str, demands: np.ndarray, luck: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ration today's supply of ``good`` among rings' demands and set its price.

        Each ring gets its pro-rata share, rounded at random with its own uniform in ``luck``;
        the price is the base price times (demand / supply) to ``price_elasticity``, on either
        side of 1. Returns the quantities each ring obtains and what each pays.
        """
        total = float(demands.sum())
        available = self.supply(good)
        if total <= 0:
            self.price[good] = self.base_price[good]
            return np.zeros(demands.size, dtype=np.int64), np.zeros(demands.size)
        scarcity = total / max(available, 1e-9)
        self.price[good] = self.base_price[good] * scarcity**self.config.price_elasticity
        filled = min(1.0, available / total)
        share = demands * filled
        whole = np.floor(share)
        quantities = (whole + (luck < share - whole)).astype(np.int64)
        return quantities, quantities * self.price[good]

    def leak(self, residents: np.ndarray) -> None:
        """Put the records of these residents on the market (those not there already)."""
        fresh = sorted_unique(residents[~self.leaked[residents]])
        self.leaked[fresh] = True
        fresh_groups = self.groups[fresh]
        for g in range(3):
            self._append(g, fresh[fresh_groups == g])

    def _append(self, group: int, residents: np.ndarray) -> None:
        """Add residents to a group's pool, doubling its room when full."""
        size, pool = self._pool_sizes[group], self._pools[group]
        end = size + residents.size
        if end > pool.size:
            grown = np.empty(max(end, 2 * pool.size), dtype=pool.dtype)
            grown[:size] = pool[:size]
            self._pools[group] = pool = grown
        pool[size:end] = residents
        self._pool_sizes[group] = end

    def pools(self) -> list[np.ndarray]:
        """The leaked residents of each age group, in the order they leaked (views)."""
        return [pool[:size] for pool, size in zip(self._pools, self._pool_sizes, strict=True)]

    def leak_routinely(self, keyed: KeyedRandom, day: int) -> None:
        """Today's share of the monthly trickle of new leaks (hacks, insiders, apps)."""
        size = self.leaked.size
        count = keyed.poisson_one(size * self.config.monthly_leak_share / 30.0, "leak_count", day)
        if count:
            picks = keyed.uniform("leak_residents", day, np.arange(count))
            self.leak((picks * size).astype(np.int64))

    def leaked_counts(self) -> np.ndarray:
        """Leaked records on the market per age group."""
        return np.array(self._pool_sizes, dtype=float)

    def draw_targets(
        self,
        profiles: np.ndarray,
        group_draw: np.ndarray,
        pick: np.ndarray,
        kinds: np.ndarray | None = None,
    ) -> np.ndarray:
        """Residents from the leaked pool, by group weighted by each attempt's target profile.

        ``profiles`` has one row per attempt, or one per scam type with ``kinds`` the
        attempts' types; ``group_draw`` and ``pick`` are its uniforms.
        """
        # Column by column: numpy's sums and cumulative sums along rows of three cost more
        # than the three columns' (the same sums, in the same order).
        first, second, third = (profiles * self.leaked_counts()).T
        if kinds is not None:  # each attempt's row of its type's weights (the same products)
            first, second, third = first[kinds], second[kinds], third[kinds]
        two = first + second
        total = two + third
        scale = np.maximum(total, 1e-300)
        groups = (first / scale < group_draw).astype(np.int64) + (two / scale < group_draw)
        groups = np.minimum(groups + (total / scale < group_draw), 2)
        groups[~(total > 0)] = -1  # an empty profile draws no one
        targets = np.full(pick.size, -1, dtype=np.int64)
        for g, pool in enumerate(self.pools()):
            if not pool.size:
                continue
            chosen = (groups == g).nonzero()[0]
            if chosen.size:
                targets[chosen] = pool[(pick[chosen] * pool.size).astype(np.int64)]
        return targets
