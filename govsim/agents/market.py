"""The black market for the rings' inputs: leaked records, SIM cards, accounts, mule accounts.

Supply falls with the controls of the party that issues each good (telecom real-name checks for
SIMs, platform registration for accounts, bank account-opening checks for mule accounts), with
regulation, and while a card crackdown runs; the price rises when demand outruns supply, and
goods are rationed pro rata. The pool of leaked records is the set of residents rings can target.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from govsim.scenario.fraud import BlackMarket as MarketConfig

GOODS: tuple[str, ...] = ("sims", "accounts", "mules")


@dataclass
class Sale:
    """What one ring obtained of one good, and what it paid."""

    quantity: int
    cost: float


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
        self._pool_by_group = [np.flatnonzero(leaked & (groups == g)) for g in range(3)]

    def supply(self, good: str) -> float:
        """Units offered today, after controls and any crackdown."""
        cut = self.controls.get(good, 0.0)
        if good in ("sims", "mules"):
            cut = 1.0 - (1.0 - cut) * (1.0 - self.crackdown_intensity)
        return self.base_supply[good] * (1.0 - cut)

    def clear(self, good: str, demands: np.ndarray, rng: np.random.Generator) -> list[Sale]:
        """Ration today's supply of ``good`` among rings' demands and set its price."""
        total = float(demands.sum())
        available = self.supply(good)
        if total <= 0:
            self.price[good] = self.base_price[good]
            return [Sale(0, 0.0) for _ in demands]
        scarcity = max(1.0, total / max(available, 1e-9))
        self.price[good] = self.base_price[good] * scarcity**self.config.price_elasticity
        filled = min(1.0, available / total)
        quantities = rng.binomial(demands.astype(np.int64), filled)
        return [Sale(int(q), float(q) * self.price[good]) for q in quantities]

    def leak(self, residents: np.ndarray) -> None:
        """Put the records of these residents on the market (those not there already)."""
        fresh = np.unique(residents[~self.leaked[residents]])
        self.leaked[fresh] = True
        fresh_groups = self.groups[fresh]
        self._pool_by_group = [
            np.concatenate([pool, fresh[fresh_groups == g]])
            for g, pool in enumerate(self._pool_by_group)
        ]

    def leak_routinely(self, rng: np.random.Generator) -> None:
        """Today's share of the monthly trickle of new leaks (hacks, insiders, apps)."""
        size = self.leaked.size
        count = rng.poisson(size * self.config.monthly_leak_share / 30.0)
        if count:
            self.leak(rng.integers(0, size, size=count))

    def leaked_counts(self) -> np.ndarray:
        """Leaked records on the market per age group."""
        return np.array([pool.size for pool in self._pool_by_group], dtype=float)

    def draw_targets(self, profile: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
        """Draw residents from the leaked pool, weighted by a scam type's target profile."""
        weights = profile * self.leaked_counts()
        if count == 0 or weights.sum() <= 0:
            return np.full(count, -1, dtype=np.int64)
        groups = rng.choice(3, size=count, p=weights / weights.sum())
        targets = np.empty(count, dtype=np.int64)
        for g in range(3):
            chosen = groups == g
            pool = self._pool_by_group[g]
            targets[chosen] = pool[rng.integers(0, pool.size, size=int(chosen.sum()))]
        return targets
