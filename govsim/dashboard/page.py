"""The dashboard page: the language and view switches, then one run or the side by side.

Every piece of state lives in hooks of these components, so each browser session (each Solara
kernel) has its own choices, models and play loop: two trainees never reset each other's run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import solara

from govsim.dashboard.about import ScenarioAbout
from govsim.dashboard.catalogue import ScenarioCatalogue, configured_catalogue
from govsim.dashboard.controls import (
    CityControls,
    LanguageSwitch,
    LinkControls,
    LiveEvents,
    ModeSwitch,
    PartyControls,
    RunControls,
    StructureControls,
)
from govsim.dashboard.labels import say
from govsim.dashboard.playing import use_player
from govsim.dashboard.side_by_side import SideBySide
from govsim.dashboard.simulation import Choices, Simulation
from govsim.dashboard.views import Views
from govsim.labels import LANGUAGE_VARIABLE, LANGUAGES, checked_language, phrase

PREFERRED_SCENARIO = "multi_party_hub"
"""Opened first when present: the cooperation story the dashboard is for."""
MODES = ("single", "pair")
"""One scenario, or two side by side."""


def first_scenario(keys: list[str]) -> str:
    """The scenario a new session opens: the preferred one, else the first listed."""
    if PREFERRED_SCENARIO in keys:
        return PREFERRED_SCENARIO
    return keys[0] if keys else ""


def first_language() -> str:
    """The language a new session opens in: ``govsim dashboard --lang`` (GOVSIM_LANG)."""
    try:
        return checked_language(os.environ.get(LANGUAGE_VARIABLE))
    except ValueError:
        return LANGUAGES[0]


@solara.component
def Page() -> None:
    """The whole page for one browser session.

    Switching between one run and the side by side starts the other afresh: each keeps its
    state only while shown.
    """
    catalogue = solara.use_memo(configured_catalogue, [])
    abouts = catalogue.abouts()
    language = solara.use_reactive(first_language())
    mode = solara.use_reactive(MODES[0])
    lang = language.value
    solara.Title(say("title", lang))
    with solara.AppBar():
        solara.AppBarTitle(say("title", lang))
        ModeSwitch(mode, MODES, lang)
        LanguageSwitch(language)
    if not abouts:
        with solara.Sidebar():
            solara.Warning(say("no_scenarios", lang))
        return
    if mode.value == "pair":
        SideBySide(catalogue, abouts, lang)
    else:
        SingleRun(catalogue, abouts, lang)


@solara.component
def SingleRun(
    catalogue: ScenarioCatalogue, abouts: Mapping[str, ScenarioAbout | None], lang: str
) -> None:
    """One scenario, its controls in the sidebar and its views beside them."""
    choices = solara.use_reactive(Choices(scenario=first_scenario(list(abouts))))
    generation = solara.use_reactive(0)
    speed = solara.use_reactive(1)
    simulation = solara.use_memo(
        lambda: Simulation.of(catalogue, choices.value), [choices.value, generation.value]
    )
    player = use_player(simulation, speed, lambda: generation.set(generation.value + 1))
    snapshot = solara.use_memo(simulation.snapshot, [simulation, player.tick])
    with solara.Sidebar():
        with solara.Card(say("controls", lang), margin=0):
            CityControls(choices, abouts, simulation.residents, lang)
            RunControls(player, speed, snapshot.finished, lang)
        if simulation.ready:
            with solara.Card(say("live_events", lang), margin=0):
                LiveEvents(simulation, snapshot.finished, lang)
            with solara.Card(say("parties", lang), margin=0):
                PartyControls(choices, simulation, lang)
            with solara.Card(say("links", lang), margin=0):
                StructureControls(choices, simulation, lang)
                LinkControls(choices, simulation, lang)
    if not simulation.ready:
        solara.Error(
            say("invalid", lang) + phrase("colon", lang) + simulation.error_text(lang),
            classes=["govsim-error"],
        )
        return
    for caution in simulation.cautions:
        solara.Warning(caution.problem.render(lang))
    Views(snapshot, lang)
