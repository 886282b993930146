"""The dashboard's controls: scenario and city, the run's buttons, parties and links.

Each control changes the session's :class:`Choices` (which rebuilds the model through
:func:`govsim.with_overrides`) or its run state (playing, speed); none touches the model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, get_args

import reacton.ipyvuetify as rv
import solara

from govsim.dashboard.about import ScenarioAbout, picker_text
from govsim.dashboard.chosen import Choices, ChosenScenario
from govsim.dashboard.labels import LANGUAGE_NAMES, say
from govsim.dashboard.simulation import Simulation
from govsim.events import LIVE_EVENTS
from govsim.labels import LANGUAGES, phrase
from govsim.scenario.cooperation import Cooperation

if TYPE_CHECKING:
    from govsim.dashboard.lockstep import PairChoices
    from govsim.dashboard.playing import Player

STRUCTURE_CHOICES: tuple[str, ...] = get_args(Cooperation.model_fields["structure"].annotation)
"""The structures the scenario schema allows (``cooperation.structure``), in its order."""
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
def ModeSwitch(mode: solara.Reactive[str], modes: tuple[str, ...], language: str) -> None:
    """One scenario or two side by side."""
    names = [say(f"mode_{name}", language) for name in modes]
    solara.ToggleButtonsSingle(
        value=names[modes.index(mode.value)],
        values=names,
        on_value=lambda name: mode.set(modes[names.index(name)]),
        classes=["govsim-mode"],
    )


@solara.component
def CityControls(
    choices: solara.Reactive[Choices],
    abouts: Mapping[str, ScenarioAbout | None],
    residents: int,
    language: str,
) -> None:
    """Which scenario, how many residents (the city as built), which seed."""
    current = choices.value
    ScenarioPicker(
        say("scenario", language),
        current.scenario,
        lambda key: choices.set(current.with_scenario(key)),
        abouts,
        language,
    )
    ResidentsAndSeed(choices, residents, language)


@solara.component
def ScenarioPicker(
    label: str,
    key: str,
    on_key: Callable[[str], None],
    abouts: Mapping[str, ScenarioAbout | None],
    language: str,
    classes: list[str] | None = None,
) -> None:
    """The scenarios by key and name, and under them what the chosen one is about.

    The description is the file's, read before the model is built: a trainer sees what was
    picked while the city is still being built, and even when the file has an error.
    """
    items = [{"text": picker_text(k, about, language), "value": k} for k, about in abouts.items()]
    solara.Select(
        label=label,
        value=key,
        values=items,  # type: ignore[arg-type]  # Vuetify's items: shown text, sent value
        on_value=on_key,
        classes=classes or [],
    )
    ScenarioDescription(abouts.get(key), language)


@solara.component
def ScenarioDescription(about: ScenarioAbout | None, language: str) -> None:
    """What the scenario is, in the page's language: a file name alone tells a class little."""
    text = about.describe(language) if about is not None else ""
    if text:
        solara.Text(
            text,
            classes=["govsim-description"],
            style={"display": "block", "font-size": "0.85em", "margin-bottom": "8px"},
        )


@solara.component
def ResidentsAndSeed(
    choices: solara.Reactive[Choices] | solara.Reactive[PairChoices], residents: int, language: str
) -> None:
    """The city's residents (as built) and seed: one city in the single view, both in a pair."""
    current = choices.value
    WholeNumber(
        say("residents", language),
        residents,
        lambda n: choices.set(replace(current, residents=n)),  # type: ignore[arg-type]
        language,
    )
    WholeNumber(
        say("seed", language),
        current.seed,
        lambda seed: choices.set(replace(current, seed=seed)),  # type: ignore[arg-type]
        language,
    )


def whole_number(text: str) -> int | None:
    """The whole number a trainer typed (``20,000`` and ``20_000`` too), or None if none."""
    try:
        return int(text.strip().replace(",", "").replace("_", ""))
    except ValueError:
        return None


@solara.component
def WholeNumber(
    label: str, value: int, on_value: Callable[[int], None], language: str
) -> solara.Element:
    """A field for a whole number that says what is wrong in the page's language.

    ``solara.InputInt`` would say "Value must be an integer" on a Chinese page. A number out
    of range is reported by the scenario's own checks, in the page (the value goes through).
    What was typed is kept, not the message: the message is said at each render, so that it
    follows a switch of language.
    """
    refused: solara.Reactive[str | None] = solara.use_reactive(None)

    def entered(text: str | None) -> None:
        number = whole_number(text or "")
        if number is None:
            refused.set((text or "").strip())
            return
        refused.set(None)
        on_value(number)

    problem = None if refused.value is None else say("whole_number", language, got=refused.value)
    return solara.InputText(
        f"{label} ({problem})" if problem else label,
        value=str(value),
        on_value=entered,
        error=problem is not None,
        continuous_update=False,
    )


@solara.component
def RunControls(player: Player, speed: solara.Reactive[int], finished: bool, language: str) -> None:
    """Play or pause, step one day, reset; and how many days each update advances.

    The buttons wait while there is no model to act on (one is being built).
    """
    playing, waiting = player.playing, not player.ready
    with solara.Row(style={"margin-top": "12px"}):  # clear of the seed field's underline
        if playing:
            solara.Button(say("pause", language), on_click=player.pause)
        else:
            solara.Button(
                say("play", language), on_click=player.start, disabled=finished or waiting
            )
        solara.Button(
            say("step", language),
            on_click=player.step,
            disabled=playing or finished or waiting,
        )
        solara.Button(say("reset", language), on_click=player.reset, disabled=waiting)
    solara.SliderInt(
        label=f"{say('speed', language)}{phrase('colon', language)}{speed.value}",
        value=speed,
        min=1,
        max=MAX_SPEED,
        on_value=speed.set,
    )


@solara.component
def SettledSlider(
    label: str,
    value: float,
    on_settled: Callable[[float], None],
    disabled: bool = False,
    colon: str = ": ",
    note: str = "",
) -> solara.Element:
    """A level from 0 to 1 that reports only where the trainer lets go of it.

    ``note`` follows the level in the label (e.g. the level in force, when it differs).

    ``solara.SliderFloat`` reports every position passed while dragging; each report would
    rebuild the model (a second at 20,000 residents), so a drag across the slider would keep
    the class waiting for a dozen rebuilds. Vuetify's ``change`` event fires once, at the end.
    """
    slider = rv.Slider(
        v_model=value,
        label=f"{label}{colon}{value:.2f}{note}",  # the level in view, not only while dragged
        min=0.0,
        max=1.0,
        step=0.05,
        thumb_label=True,
        hide_details=True,
        disabled=disabled,
    )

    def listen() -> Callable[[], None]:
        widget = solara.get_widget(slider)

        def settled(_widget: object, _event: str, data: float) -> None:
            on_settled(round(float(data), 2))

        widget.on_event("change", settled)
        return lambda: widget.on_event("change", settled, remove=True)

    solara.use_effect(listen, [on_settled])
    return slider


@solara.component
def PartyControls(choices: solara.Reactive[Choices], chosen: ChosenScenario, language: str) -> None:
    """Each party on or off, and its capability (0 to 1), as the chosen scenario sets them."""
    for name, (enabled, capability) in chosen.parties().items():
        path = f"agencies.{name}"
        with solara.Row(style={"align-items": "center"}):
            solara.Checkbox(
                label=say(name, language, table="parties"),
                value=enabled,
                on_value=lambda on, path=path: choices.set(
                    choices.value.with_setting(f"{path}.enabled", on)
                ),
            )
        SettledSlider(
            say("capability", language),
            capability,
            lambda level, path=path: choices.set(
                choices.value.with_setting(f"{path}.capability", level)
            ),
            disabled=not enabled,
            colon=phrase("colon", language),
        )


@solara.component
def StructureControls(
    choices: solara.Reactive[Choices], chosen: ChosenScenario, language: str
) -> None:
    """The cooperation structure, among those the scenario schema allows."""
    names = {say(name, language, table="structures"): name for name in STRUCTURE_CHOICES}
    current = say(chosen.structure(), language, table="structures")
    solara.Select(
        label=say("structure", language),
        value=current,
        values=list(names),
        on_value=lambda name: choices.set(
            choices.value.with_setting("cooperation.structure", names[name])
        ),
        classes=["govsim-structure"],
    )


def in_force_note(written: float, in_force: float, language: str) -> str:
    """`` → 0.98 in force`` when the model uses another level than the written one, else "".

    Compared as the slider shows them (two decimals): a difference no one can see is no news.
    """
    if f"{written:.2f}" == f"{in_force:.2f}":
        return ""
    return say("in_force", language, level=f"{in_force:.2f}")


@solara.component
def LinkControls(choices: solara.Reactive[Choices], chosen: ChosenScenario, language: str) -> None:
    """The main cooperation links' levels (0: none, 1: full cooperation), and those in force.

    Under structure ``none`` the written levels change nothing, so their sliders are disabled
    and a note says why; under a hub a link among the seated parties shows its raised level.
    """
    ignored = chosen.links_ignored()
    if ignored:
        solara.Text(
            say("links_ignored", language),
            classes=["govsim-links-ignored"],
            style={"display": "block", "font-size": "0.85em"},
        )
    in_force = chosen.links_in_force()
    for name, level in chosen.links().items():
        SettledSlider(
            say(name, language, table="links"),
            level,
            lambda value, name=name: choices.set(
                choices.value.with_setting(f"cooperation.links.{name}", value)
            ),
            disabled=ignored,
            colon=phrase("colon", language),
            note=in_force_note(level, in_force[name], language),
        )


@solara.component
def LiveEvents(simulation: Simulation | None, disabled: bool, language: str) -> None:
    """A button for each event a trainer can set off while the run goes on.

    Disabled at the run's end and while a model is built; a click already on its way then
    adds nothing to a model about to be replaced.
    """

    def launch(kind: str) -> None:
        if not disabled and simulation is not None:
            simulation.inject(kind)

    for kind in LIVE_EVENTS:
        solara.Button(
            say(f"live_{kind}", language),
            on_click=lambda kind=kind: launch(kind),
            disabled=disabled,
            block=True,
            classes=[f"govsim-live-{kind}"],
        )
    solara.Text(say("caption_live", language), style={"font-size": "0.85em"})
