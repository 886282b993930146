"""The side by side page: two scenarios, one city and one seed, played in lockstep.

The session's own :class:`.Pair`, its controls in the sidebar and its views beside them. A
scenario's parties and links are changed in the single view; here the scenarios are compared
as written, as ``govsim compare`` compares them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import solara

from govsim.dashboard.about import ScenarioAbout
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.controls import ResidentsAndSeed, RunControls, ScenarioPicker
from govsim.dashboard.labels import say
from govsim.dashboard.lockstep import Pair, PairChoices, first_pair
from govsim.dashboard.pair_views import PairViews
from govsim.dashboard.playing import use_player
from govsim.labels import phrase


@solara.component
def PairControls(
    choices: solara.Reactive[PairChoices],
    abouts: Mapping[str, ScenarioAbout | None],
    residents: int,
    language: str,
) -> None:
    """Scenario A, scenario B, and the city both run: its residents and seed."""
    current = choices.value
    ScenarioPicker(
        say("scenario_a", language),
        current.a,
        lambda key: choices.set(replace(current, a=key)),
        abouts,
        language,
        classes=["govsim-scenario-a"],
    )
    ScenarioPicker(
        say("scenario_b", language),
        current.b,
        lambda key: choices.set(replace(current, b=key)),
        abouts,
        language,
        classes=["govsim-scenario-b"],
    )
    ResidentsAndSeed(choices, residents, language)


@solara.component
def SideBySide(
    catalogue: ScenarioCatalogue, abouts: Mapping[str, ScenarioAbout | None], language: str
) -> None:
    """The whole side by side for one browser session."""
    a, b = first_pair(list(abouts))
    choices = solara.use_reactive(PairChoices(a, b))
    generation = solara.use_reactive(0)
    speed = solara.use_reactive(1)
    pair = solara.use_memo(
        lambda: Pair.of(catalogue, choices.value), [choices.value, generation.value]
    )
    player = use_player(pair, speed, lambda: generation.set(generation.value + 1))
    snapshot = solara.use_memo(pair.snapshot, [pair, player.tick])
    with solara.Sidebar(), solara.Card(say("controls", language), margin=0):
        PairControls(choices, abouts, pair.residents, language)
        RunControls(player, speed, snapshot.finished, language)
    if not pair.ready:
        solara.Error(
            say("invalid", language) + phrase("colon", language) + pair.error_text(language),
            classes=["govsim-error"],
        )
        return
    PairViews(snapshot, language)
