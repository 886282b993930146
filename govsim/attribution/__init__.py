"""Attributing an effect: which party, link or centre mechanism earns what share of it.

``govsim attribute SCENARIO.yaml`` runs every coalition of the players (:mod:`.players`) with
the same replication seeds, and shares each outcome's reduction against the empty coalition
among them by Shapley values (:mod:`.shapley`), replication by replication (:mod:`.running`).
It reuses the comparison's statistics, wording and page (``govsim.comparison``).
"""

from govsim.attribution.players import AttributionError, Game, game
from govsim.attribution.running import Attribution, attribute

__all__ = ["Attribution", "AttributionError", "Game", "attribute", "game"]
