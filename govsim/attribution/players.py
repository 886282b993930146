"""The players of an attribution and the scenario each coalition of them runs.

Three kinds of players (``docs/attribution.md``):

- ``parties``: police, banks, telecoms, platforms, judiciary, education. A party outside the
  coalition is passive (``agencies.<party>.enabled: false``) and every link it is part of is 0;
  the public side of ``government-public`` is education's, ``police-international`` and
  ``police-police`` are the police's. The empty coalition is no governance at all.
- ``links``: each cooperation link whose effective level is above 0. A link outside the
  coalition is 0; the empty coalition has every link at 0.
- ``hub``: the one-stop centre's own mechanisms (one intake, data desk, joint operations,
  co-location, and the centre's call capacity above the schema's default). Outside the
  coalition a mechanism is off; the empty coalition is the hub with all of them off.

Under a hub, co-location raises the links among the seated parties; a coalition cannot unseat
one party through the schema, so every coalition's links are written out at the levels they
have in the scenario (``Cooperation.level``) with ``hub_colocation: 0``. The grand coalition is
therefore the scenario itself, link for link (tested).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from govsim.comparison.running import ComparisonError
from govsim.scenario.agencies import Police
from govsim.scenario.cautions import ScenarioWarning
from govsim.scenario.cooperation import KNOWN_LINKS
from govsim.scenario.overrides import with_overrides
from govsim.scenario.schema import Scenario

PlayerKind = Literal["parties", "links", "hub"]
PLAYER_KINDS: tuple[str, ...] = ("parties", "links", "hub")

PARTY_SIDES: dict[str, frozenset[str]] = {
    "police": frozenset({"police", "international"}),
    "banks": frozenset({"bank"}),
    "telecoms": frozenset({"telecom"}),
    "platforms": frozenset({"platform"}),
    "judiciary": frozenset({"judiciary"}),
    "education": frozenset({"government", "public"}),
}
"""Each party (``agencies.<party>``) and the ends of cooperation links that are its."""
HUB_MECHANISMS: tuple[str, ...] = (
    "one_intake",
    "data_desk",
    "joint_operations",
    "colocation",
    "capacity",
)
"""The centre's own mechanisms, in the order of docs/ODD.md 7.20."""
CAPACITY = "agencies.police.dissuasion_calls_per_100k"
CAPACITY_OFF = float(Police.model_fields["dissuasion_calls_per_100k"].default)
"""Without the centre's call team, the police make the schema's default number of calls."""


class AttributionError(ComparisonError):
    """A scenario or setting an attribution cannot work with; ``render`` gives en or zh."""


@dataclass(frozen=True)
class Game:
    """The players of one attribution and the scenario of every coalition of them.

    ``settings(mask)`` gives the key paths that turn the full scenario into the coalition's.
    """

    kind: str
    scenario: Scenario
    players: tuple[str, ...]

    def settings(self, mask: int) -> dict[str, object]:
        """Key-path settings of the coalition ``mask`` (bit i: ``players[i]`` is in)."""
        members = {name for i, name in enumerate(self.players) if mask >> i & 1}
        if self.kind == "parties":
            return _party_settings(self.scenario, members)
        if self.kind == "links":
            return _link_settings(self.scenario, members)
        return _hub_settings(self.scenario, members)

    def coalition(self, mask: int) -> Scenario:
        """The validated scenario of the coalition ``mask``.

        Cautions (warnings) are not repeated for each coalition: the coalitions switch things
        off by design.
        """
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ScenarioWarning)
            return with_overrides(self.scenario, self.settings(mask))

    def members(self, mask: int) -> list[str]:
        """The players in the coalition ``mask``, in the game's order."""
        return [name for i, name in enumerate(self.players) if mask >> i & 1]

    def runs_as(self, mask: int) -> int:
        """A coalition whose run is the same as ``mask``'s, bit for bit (``mask`` itself if none).

        Among parties, the judiciary is idle without the police: the courts' only input is
        the suspects of police operations and card-crackdown sweeps, both police work, so with
        the police passive there is no suspect, conviction, deterrence, cost or draw of the
        courts, and the police-judiciary link is void. Running such a coalition would repeat
        the run of the same coalition without the judiciary (a test runs both). The answer is
        a coalition that runs as itself.
        """
        if self.kind != "parties":
            return mask
        police, judiciary = (1 << self.players.index(name) for name in ("police", "judiciary"))
        return mask if mask & police else mask & ~judiciary


def game(scenario: Scenario, kind: str) -> Game:
    """The game of ``kind`` over ``scenario``.

    Raises:
        AttributionError: for an unknown kind, links of a scenario without any, or hub
            mechanisms of a scenario without a hub.
    """
    if kind == "parties":
        return Game(kind, scenario, tuple(PARTY_SIDES))
    if kind == "links":
        links = tuple(link for link in KNOWN_LINKS if scenario.cooperation.level(link) > 0.0)
        if not links:
            raise AttributionError("no_links", scenario=scenario.name)
        return Game(kind, scenario, links)
    if kind == "hub":
        if scenario.cooperation.structure != "hub":
            raise AttributionError("no_hub", scenario=scenario.name)
        return Game(kind, scenario, HUB_MECHANISMS)
    raise AttributionError("unknown_players", kind=kind, kinds=", ".join(PLAYER_KINDS))


def _link_levels(scenario: Scenario, kept: Mapping[str, bool]) -> dict[str, object]:
    """Every link at its level in the scenario where kept, else 0; co-location folded in."""
    cooperation = scenario.cooperation
    if cooperation.structure == "none":
        return {}
    settings: dict[str, object] = {
        f"cooperation.links.{link}": cooperation.level(link) if kept[link] else 0.0
        for link in KNOWN_LINKS
    }
    if cooperation.structure == "hub":
        settings["cooperation.hub_colocation"] = 0.0
    return settings


def _party_settings(scenario: Scenario, members: set[str]) -> dict[str, object]:
    sides = set().union(*(PARTY_SIDES[party] for party in members)) if members else set()
    settings: dict[str, object] = {
        f"agencies.{party}.enabled": getattr(scenario.agencies, party).enabled and party in members
        for party in PARTY_SIDES
    }
    kept = {link: set(link.split("-")) <= sides for link in KNOWN_LINKS}
    settings.update(_link_levels(scenario, kept))
    if scenario.cooperation.structure == "hub" and "police" not in members:
        settings.update(_centre_off())
    return settings


def _link_settings(scenario: Scenario, members: set[str]) -> dict[str, object]:
    return _link_levels(scenario, {link: link in members for link in KNOWN_LINKS})


def _hub_settings(scenario: Scenario, members: set[str]) -> dict[str, object]:
    centre = scenario.cooperation.centre
    calls = scenario.agencies.police.dissuasion_calls_per_100k
    on = {
        "cooperation.centre.one_intake": centre.one_intake,
        "cooperation.centre.data_desk": centre.data_desk,
        "cooperation.centre.joint_operations": centre.joint_operations,
        "cooperation.hub_colocation": scenario.cooperation.hub_colocation,
        CAPACITY: calls,
    }
    off = {**_centre_off(), "cooperation.hub_colocation": 0.0, CAPACITY: min(calls, CAPACITY_OFF)}
    return {
        path: (on if name in members else off)[path]
        for name, path in zip(HUB_MECHANISMS, on, strict=True)
    }


def _centre_off() -> dict[str, object]:
    return {
        "cooperation.centre.one_intake": False,
        "cooperation.centre.data_desk": 0.0,
        "cooperation.centre.joint_operations": 0.0,
    }
