"""The dashboard's controls: scenario and city, the run's buttons, parties and links.

Each control changes the session's :class:`Choices` (which rebuilds the model through
:func:`govsim.with_overrides`) or its run state (playing, speed); none touches the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import solara

from govsim.dashboard.labels import LANGUAGE_NAMES, say
from govsim.dashboard.simulation import Choices, Simulation
from govsim.events import LIVE_EVENTS
from govsim.labels import LANGUAGES

MAX_SPEED = 30
"""Most days per screen update while playing: a year in about three seconds."""


@solara.component
def LanguageSwitch(language: solara.Reactive[str]) -> None:
    """English or 简体中文, each named in its own language."""
    names = [LANGUAGE_NAMES[code] for code in LANGUAGES]
    solara.ToggleButtonsSingle(
        value=LANGUAGE_NAMES[language.value],
        values=names,
        on_value=lambda name: language.set(LANGUAGES[names.index(name)]),
        classes=["govsim-language"],
    )


@solara.component
def CityControls(
    choices: solara.Reactive[Choices], keys: list[str], residents: int, language: str
) -> None:
    """Which scenario, how many residents (the city as built), which seed."""
    current = choices.value
    solara.Select(
        label=say("scenario", language),
        value=current.scenario,
        values=keys,
        on_value=lambda key: choices.set(current.with_scenario(key)),
    )
    solara.InputInt(
        label=say("residents", language),
        value=residents,
        on_value=lambda n: choices.set(replace(current, residents=n)),
    )
    solara.InputInt(
        label=say("seed", language),
        value=current.seed,
        on_value=lambda seed: choices.set(replace(current, seed=seed)),
    )


@solara.component
def RunControls(
    playing: solara.Reactive[bool],
    speed: solara.Reactive[int],
    on_step: Callable[[], None],
    on_reset: Callable[[], None],
    finished: bool,
    language: str,
) -> None:
    """Play or pause, step one day, reset; and how many days each update advances."""
    with solara.Row():
        if playing.value:
            solara.Button(say("pause", language), on_click=lambda: playing.set(False))
        else:
            solara.Button(
                say("play", language), on_click=lambda: playing.set(True), disabled=finished
            )
        solara.Button(say("step", language), on_click=on_step, disabled=playing.value or finished)
        solara.Button(say("reset", language), on_click=on_reset)
    solara.SliderInt(
        label=say("speed", language), value=speed, min=1, max=MAX_SPEED, on_value=speed.set
    )


@solara.component
def PartyControls(choices: solara.Reactive[Choices], simulation: Simulation, language: str) -> None:
    """Each party on or off, and its capability (0 to 1)."""
    for name, (enabled, capability) in simulation.parties().items():
        path = f"agencies.{name}"
        with solara.Row(style={"align-items": "center"}):
            solara.Checkbox(
                label=say(name, language, table="parties"),
                value=enabled,
                on_value=lambda on, path=path: choices.set(
                    choices.value.with_setting(f"{path}.enabled", on)
                ),
            )
        solara.SliderFloat(
            label=say("capability", language),
            value=capability,
            min=0.0,
            max=1.0,
            step=0.05,
            disabled=not enabled,
            on_value=lambda level, path=path: choices.set(
                choices.value.with_setting(f"{path}.capability", level)
            ),
        )


@solara.component
def LinkControls(choices: solara.Reactive[Choices], simulation: Simulation, language: str) -> None:
    """The main cooperation links' levels (0: none, 1: full cooperation)."""
    for name, level in simulation.links().items():
        solara.SliderFloat(
            label=say(name, language, table="links"),
            value=level,
            min=0.0,
            max=1.0,
            step=0.05,
            on_value=lambda value, name=name: choices.set(
                choices.value.with_setting(f"cooperation.links.{name}", value)
            ),
        )


@solara.component
def LiveEvents(simulation: Simulation, finished: bool, language: str) -> None:
    """A button for each event a trainer can set off while the run goes on."""
    for kind in LIVE_EVENTS:
        solara.Button(
            say(f"live_{kind}", language),
            on_click=lambda kind=kind: simulation.inject(kind),
            disabled=finished,
            block=True,
            classes=[f"govsim-live-{kind}"],
        )
    solara.Text(say("caption_live", language), style={"font-size": "0.85em"})
