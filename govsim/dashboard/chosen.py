"""What a session's trainer chose, and the scenario it makes, read and checked before any model.

Reading and checking a scenario takes a fraction of a second; building its city and running
the warm-up take seconds. The page shows the controls' values, the cautions and any error of
the chosen scenario at once, from a :class:`ChosenScenario`, while the model is built in the
background (:mod:`.building`): a slider let go shows where it was left, not the level of the
model still shown until the new one is ready.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from govsim.dashboard.catalogue import OutsideFoldersError, ScenarioCatalogue
from govsim.dashboard.labels import LINKS, PARTIES
from govsim.scenario import Scenario, ScenarioError, load_scenario
from govsim.scenario.cautions import ScenarioWarning
from govsim.scenario.overrides import CONTROLS_SOURCE, with_overrides

DEFAULT_RESIDENTS = 20_000
"""Most residents a city gets unless the trainer asks for more: its two-year warm-up takes
seconds, where the shipped scenarios' 100,000 would keep a class waiting."""


@dataclass(frozen=True, slots=True)
class Choices:
    """What the trainer chose: hashable, so a change of any of them rebuilds the model.

    ``residents`` None means the scenario's own size, at most :data:`DEFAULT_RESIDENTS`.
    ``settings`` are key paths of the scenario with the values the controls gave them, in the
    order they were set; they apply to ``scenario`` only and are dropped when it changes.
    """

    scenario: str
    residents: int | None = None
    seed: int = 0
    settings: tuple[tuple[str, object], ...] = ()

    def with_setting(self, key_path: str, value: object) -> Choices:
        """These choices with one key path set (replacing an earlier value of it)."""
        kept = tuple((key, old) for key, old in self.settings if key != key_path)
        return replace(self, settings=(*kept, (key_path, value)))

    def with_scenario(self, key: str) -> Choices:
        """These choices for another scenario: its own parties and links, not the last one's."""
        return replace(self, scenario=key, settings=())


@dataclass(eq=False)
class ChosenScenario:
    """The scenario some choices make, validated, or the error that stopped it.

    A bad scenario or a bad choice does not raise: the error is kept for the page to show,
    and the server goes on serving the other sessions. Compared by identity, as the page's
    hooks compare what they depend on.
    """

    choices: Choices
    scenario: Scenario | None = None
    error: Exception | None = None
    cautions: list[ScenarioWarning] = field(default_factory=list)
    """What the scenario's checks warned of (valid, but not acting as written)."""

    @property
    def valid(self) -> bool:
        """Whether the choices make a scenario a model can be built from."""
        return self.scenario is not None

    def error_text(self, language: str = "en") -> str:
        """The error that stopped the scenario, in ``language`` where govsim can say it so."""
        if isinstance(self.error, ScenarioError | OutsideFoldersError):
            return self.error.render(language)
        return str(self.error) if self.error else ""

    @property
    def residents(self) -> int:
        """The city's residents as the scenario makes them (as chosen, if it has an error)."""
        if self.scenario is not None:
            return self.scenario.population.size
        if self.choices.residents is not None:
            return self.choices.residents
        return DEFAULT_RESIDENTS

    def parties(self) -> Mapping[str, tuple[bool, float]]:
        """Each party's ``(enabled, capability)`` in the scenario, for the controls."""
        if self.scenario is None:
            return {}
        agencies = self.scenario.agencies
        return {
            name: (getattr(agencies, name).enabled, getattr(agencies, name).capability)
            for name in PARTIES
        }

    def structure(self) -> str:
        """The cooperation structure of the scenario ("" if there is none to read)."""
        return self.scenario.cooperation.structure if self.scenario is not None else ""

    def links(self) -> Mapping[str, float]:
        """The level of each link the page offers, as the scenario sets it (0 if absent)."""
        if self.scenario is None:
            return {}
        levels = self.scenario.cooperation.links
        return {name: float(levels.get(name, 0.0)) for name in LINKS}

    def links_in_force(self) -> Mapping[str, float]:
        """The level the model uses for each link the page offers.

        Not always the written one: structure ``none`` sets every link to 0, and a hub raises
        the links among the parties seated together. A slider showing only the written level
        would tell a class something the model does not do.
        """
        if self.scenario is None:
            return {}
        cooperation = self.scenario.cooperation
        return {name: cooperation.level(name) for name in LINKS}

    def links_ignored(self) -> bool:
        """Whether the structure ignores the written link levels (``none``: each acts alone)."""
        return self.structure() == "none"


def choose(catalogue: ScenarioCatalogue, choices: Choices) -> ChosenScenario:
    """The scenario ``choices`` make of the catalogue's file, through the controls' overrides."""
    try:
        scenario, cautions = _scenario(catalogue, choices)
    except (ScenarioError, OutsideFoldersError, OSError) as error:
        return ChosenScenario(choices, error=error)
    return ChosenScenario(choices, scenario, cautions=cautions)


def _scenario(
    catalogue: ScenarioCatalogue, choices: Choices
) -> tuple[Scenario, list[ScenarioWarning]]:
    """The chosen scenario with the controls' settings, validated; warnings kept to show."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ScenarioWarning)
        base = load_scenario(catalogue.path_of(choices.scenario))
        residents = choices.residents
        if residents is None:
            residents = min(base.population.size, DEFAULT_RESIDENTS)
        # The seed goes through the scenario's own check (a whole number, not negative).
        settings = {**dict(choices.settings), "seed": choices.seed}
        scenario = with_overrides(base, settings, residents=residents, source=CONTROLS_SOURCE)
    return scenario, [w.message for w in caught if isinstance(w.message, ScenarioWarning)]


PREFERRED_SCENARIO = "multi_party_hub"
"""Opened first when present: the cooperation story the dashboard is for."""


def first_scenario(keys: list[str]) -> str:
    """The scenario a new session opens: the preferred one, else the first listed."""
    if PREFERRED_SCENARIO in keys:
        return PREFERRED_SCENARIO
    return keys[0] if keys else ""


def first_choice(catalogue: ScenarioCatalogue) -> ChosenScenario:
    """The scenario a new session opens, as chosen (read and checked, no model built)."""
    return choose(catalogue, Choices(scenario=first_scenario(list(catalogue.abouts()))))
