"""Institutions: the banks, telecom operators and platforms that make up a sector.

Each institution is a Mesa agent with its own name, market share and effort, so a scenario can
make one bank weak or one platform diligent. Each resident banks with one bank and calls through
one operator; a contact on IM or the web lands on one of the platforms carrying that channel.
The sector keeps its institutions' efforts as an array, so the per-contact work stays
vectorised: a contact's effort is ``efforts[institution of that contact]``.

A sector's mistakes (legitimate calls blocked, transfers delayed, posts removed) fall with what
it knows: blacklists, flags and pooled data that reach it from the other parties through its
links let it act on the same fraud with fewer false positives (docs/ODD.md 7.16).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import mesa
import numpy as np

from govsim.randomness import name_key
from govsim.scenario.agencies import Agency
from govsim.scenario.agencies import Institution as InstitutionConfig
from govsim.scenario.fields import text_in

if TYPE_CHECKING:
    from govsim.model import GovernanceModel


class Institution(mesa.Agent):
    """One bank, operator or platform."""

    def __init__(
        self, model: GovernanceModel, sector: str, config: InstitutionConfig, effort: float
    ) -> None:
        super().__init__(model)
        self.sector = sector
        self.config = config
        self.name = text_in(config.name)
        self.effort = effort


PARTNERS: dict[str, tuple[tuple[str, str], ...]] = {
    "bank": (("police", "police-bank"), ("telecom", "bank-telecom"), ("platform", "bank-platform")),
    "telecom": (
        ("police", "police-telecom"),
        ("bank", "bank-telecom"),
        ("platform", "telecom-platform"),
    ),
    "platform": (
        ("police", "police-platform"),
        ("bank", "bank-platform"),
        ("telecom", "telecom-platform"),
    ),
}
"""For each sector, the parties whose knowledge reaches it, and through which link."""


@functools.cache
def _kind_key(kind: str) -> int:
    """The key of a sector's kind, hashed once per kind (it is asked for every day)."""
    return name_key(kind)


class Sector:
    """A party made of institutions, with their efforts and shares as arrays."""

    kind = "sector"

    def __init__(self, model: GovernanceModel, config: Agency) -> None:
        self.model = model
        self.config = config
        members = config.institutions  # type: ignore[attr-defined]
        self.institutions = [Institution(model, self.kind, c, c.effort(config)) for c in members]
        self.efforts = np.array([i.effort for i in self.institutions])
        shares = np.array([c.market_share for c in members])
        self.shares = shares / shares.sum()
        self._effort = self._sector_effort()

    def collateral_count(self, expected: float) -> int:
        """Today's count of legitimate items hit by mistake, Poisson with the given mean."""
        if expected <= 0:
            return 0  # a sector that does nothing makes no mistakes (no draw needed)
        keyed = self.model.keyed
        return keyed.poisson_one(expected, "collateral", _kind_key(self.kind), self.model.day)

    def knowledge(self) -> float:
        """What the other parties' knowledge adds to this sector's, from 0 (alone) to 1.

        The mean over its partners of link level times the partner's effort (a partner that
        does nothing knows nothing to share). In a hub, the pooled data desk adds what the
        links miss: the sector's staff see the other companies' data in the same room.
        """
        model = self.model
        links = model.links
        efforts = {
            "police": model.config.agencies.police.effort,
            "bank": model.banks.effort,
            "telecom": model.telecoms.effort,
            "platform": model.platforms.effort,
        }
        partners = PARTNERS[self.kind]
        known = sum(links.level(link) * efforts[party] for party, link in partners)
        known /= len(partners)
        hub = links.hub
        if hub is not None and efforts["police"] > 0:
            known = 1.0 - (1.0 - known) * (1.0 - hub.data_desk)
        return known

    def flags_nothing(self) -> bool:
        """Whether no institution of the sector can flag a contact (no effort, or no flags)."""
        flag = getattr(self.config, "suspicion_flag", 0.0)
        return not (flag > 0 and self.efforts.any())

    def false_positive_rate(self, base_rate: float) -> float:
        """The sector's false-positive rate per legitimate item: effort, base rate, precision."""
        precision = self.model.links.shared_precision * self.knowledge()
        return self.effort * base_rate * (1.0 - precision)

    @property
    def names(self) -> tuple[str, ...]:
        """Its institutions' display names, in order (a resident's ``bank_of`` indexes them)."""
        return tuple(institution.name for institution in self.institutions)

    @property
    def effort(self) -> float:
        """The sector's effort: its institutions' efforts weighted by market share.

        Worked out once, at construction (institutions' efforts do not change during a run):
        the model asks for it tens of times a day.
        """
        return self._effort

    def _sector_effort(self) -> float:
        """The share-weighted effort, or the common effort exactly when all agree.

        The weighted sum would differ from the common effort in the last bit as the shares
        change, so shares that only say who is whose customer would change results.
        """
        if np.all(self.efforts == self.efforts[0]):
            return float(self.efforts[0])
        return float(self.shares @ self.efforts)

    def assign_customers(self, draw: np.ndarray) -> np.ndarray:
        """Which institution each resident is a customer of, by market share (one uniform each)."""
        return self.pick_by_share(draw, self.shares).astype(np.int8)

    @staticmethod
    def pick_by_share(draw: np.ndarray, shares: np.ndarray) -> np.ndarray:
        """Index chosen by each uniform in ``draw`` with probabilities ``shares`` (summing to 1)."""
        cumulative = np.cumsum(shares) / shares.sum()
        return np.minimum(np.searchsorted(cumulative, draw, side="right"), shares.size - 1)
