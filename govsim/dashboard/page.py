"""The dashboard page: the language and view switches, then one run or the side by side.

Every piece of state lives in hooks of these components, so each browser session (each Solara
kernel) has its own choices, models and play loop: two trainees never reset each other's run.
A model is built in the background (:mod:`.building`): the page says so while it runs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import solara

from govsim.dashboard.about import ScenarioAbout
from govsim.dashboard.building import BuildingNotice, past_views, use_build
from govsim.dashboard.catalogue import ScenarioCatalogue, configured_catalogue
from govsim.dashboard.chosen import Choices, choose, first_scenario
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
from govsim.dashboard.simulation import Simulation
from govsim.dashboard.views import Views
from govsim.labels import LANGUAGE_VARIABLE, LANGUAGES, checked_language, phrase

MODES = ("single", "pair")
"""One scenario, or two side by side."""


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
    """One scenario, its controls in the sidebar and its views beside them.

    The controls, the cautions and any error come from the scenario as chosen, read at once;
    the views from the newest model built, dimmed while the next one is built.
    """
    choices = solara.use_reactive(Choices(scenario=first_scenario(list(abouts))))
    generation = solara.use_reactive(0)
    speed = solara.use_reactive(1)
    chosen = solara.use_memo(lambda: choose(catalogue, choices.value), [choices.value])
    build = use_build(lambda report: Simulation(chosen, report), [chosen, generation.value])
    simulation = build.shown
    player = use_player(simulation, speed, lambda: generation.set(generation.value + 1), build.busy)
    snapshot = solara.use_memo(
        lambda: simulation.snapshot() if simulation is not None else None,
        [simulation, player.tick],
    )
    finished = snapshot is not None and snapshot.finished
    with solara.Sidebar():
        with solara.Card(say("controls", lang), margin=0):
            CityControls(choices, abouts, chosen.residents, lang)
            RunControls(player, speed, finished, lang)
        if chosen.valid:
            with solara.Card(say("live_events", lang), margin=0):
                LiveEvents(simulation, finished or not player.ready, lang)
            with solara.Card(say("parties", lang), margin=0):
                PartyControls(choices, chosen, lang)
            with solara.Card(say("links", lang), margin=0):
                StructureControls(choices, chosen, lang)
                LinkControls(choices, chosen, lang)
    if not chosen.valid:
        solara.Error(
            say("invalid", lang) + phrase("colon", lang) + chosen.error_text(lang),
            classes=["govsim-error"],
        )
        return
    if build.busy:
        BuildingNotice(build, lang)
    for caution in chosen.cautions:
        solara.Warning(caution.problem.render(lang))
    if snapshot is not None and simulation.ready:
        with past_views(build.busy):
            Views(snapshot, lang)
