"""The dashboard page: one session's state, the controls in the sidebar, the views beside them.

Every piece of state lives in hooks of this component, so each browser session (each Solara
kernel) has its own choices, model and play loop: two trainees never reset each other's run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import solara
import solara.lab

from govsim.dashboard.catalogue import configured_catalogue
from govsim.dashboard.controls import (
    CityControls,
    LanguageSwitch,
    LinkControls,
    LiveEvents,
    PartyControls,
    RunControls,
)
from govsim.dashboard.labels import say
from govsim.dashboard.simulation import Choices, Simulation
from govsim.dashboard.views import Views
from govsim.labels import LANGUAGE_VARIABLE, LANGUAGES, checked_language

PREFERRED_SCENARIO = "multi_party_hub"
"""Opened first when present: the cooperation story the dashboard is for."""
UPDATE_SECONDS = 0.25
"""Pause between screen updates while playing, so that the audience can follow."""


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
    """The whole page for one browser session."""
    catalogue = solara.use_memo(configured_catalogue, [])
    keys = catalogue.keys()
    language = solara.use_reactive(first_language())
    choices = solara.use_reactive(Choices(scenario=first_scenario(keys)))
    generation = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive(1)
    tick = solara.use_reactive(0)
    simulation = solara.use_memo(
        lambda: Simulation(catalogue, choices.value), [choices.value, generation.value]
    )
    snapshot = solara.use_memo(simulation.snapshot, [simulation, tick.value])
    # Pausing sets this event: the play loop waits on it, so a pause takes effect at once and
    # does not rest on the loop's thread reading the page's state.
    paused = solara.use_memo(threading.Event, [])
    current = solara.use_memo(dict, [])
    current["simulation"] = simulation  # a loop stepping an older simulation stops

    def play() -> None:
        """Step while playing; each update re-renders this session's page only."""
        if not playing.value:
            return
        while (
            not paused.is_set()
            and current["simulation"] is simulation
            and simulation.ready
            and not simulation.snapshot().finished
        ):
            simulation.step(speed.value)
            tick.set(tick.value + 1)
            paused.wait(UPDATE_SECONDS)
        playing.set(False)

    solara.lab.use_task(play, dependencies=[playing.value, simulation], prefer_threaded=True)

    def buttons() -> tuple[Callable[[], None], Callable[[], None]]:
        """Play and pause, made once per session.

        A handler that stays the same object is not rebound on every re-render, when a click
        arriving during a play update could be lost.
        """

        def start() -> None:
            paused.clear()
            playing.set(True)

        def pause() -> None:
            paused.set()
            playing.set(False)

        return start, pause

    start, pause = solara.use_memo(buttons, [])

    def step() -> None:
        simulation.step(1)
        tick.set(tick.value + 1)

    def reset() -> None:
        pause()
        generation.set(generation.value + 1)

    lang = language.value
    solara.Title(say("title", lang))
    with solara.AppBar():
        solara.AppBarTitle(say("title", lang))
        LanguageSwitch(language)
    with solara.Sidebar():
        if not keys:
            solara.Warning(say("no_scenarios", lang))
            return
        with solara.Card(say("controls", lang), margin=0):
            CityControls(choices, keys, simulation.residents, lang)
            RunControls(playing.value, speed, start, pause, step, reset, snapshot.finished, lang)
        if simulation.ready:
            with solara.Card(say("live_events", lang), margin=0):
                LiveEvents(simulation, snapshot.finished, lang)
            with solara.Card(say("parties", lang), margin=0):
                PartyControls(choices, simulation, lang)
            with solara.Card(say("links", lang), margin=0):
                LinkControls(choices, simulation, lang)
    if not simulation.ready:
        solara.Error(
            f"{say('invalid', lang)}: {simulation.error_text(lang)}", classes=["govsim-error"]
        )
        return
    for caution in simulation.cautions:
        solara.Warning(caution.problem.render(lang))
    Views(snapshot, lang)
