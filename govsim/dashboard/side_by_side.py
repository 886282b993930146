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
from govsim.dashboard.building import BuildingNotice, past_views, use_build
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.controls import ResidentsAndSeed, RunControls, ScenarioPicker
from govsim.dashboard.labels import say
from govsim.dashboard.lockstep import Pair, PairChoices, chosen_pair, first_pair, pair_error_text
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
    """The whole side by side for one browser session.

    Both scenarios are read at once (the residents field and any error show straight away);
    both models are built in the background, the last pair's views dimmed meanwhile.
    """
    a, b = first_pair(list(abouts))
    choices = solara.use_reactive(PairChoices(a, b))
    generation = solara.use_reactive(0)
    speed = solara.use_reactive(1)
    chosen = solara.use_memo(lambda: chosen_pair(catalogue, choices.value), [choices.value])
    build = use_build(lambda report: Pair(*chosen, report), [chosen, generation.value])
    pair = build.shown
    player = use_player(pair, speed, lambda: generation.set(generation.value + 1), build.busy)
    snapshot = solara.use_memo(
        lambda: pair.snapshot() if pair is not None else None, [pair, player.tick]
    )
    with solara.Sidebar(), solara.Card(say("controls", language), margin=0):
        PairControls(choices, abouts, chosen[0].residents, language)
        RunControls(player, speed, snapshot is not None and snapshot.finished, language)
    if not all(side.valid for side in chosen):
        solara.Error(
            say("invalid", language)
            + phrase("colon", language)
            + pair_error_text(chosen, language),
            classes=["govsim-error"],
        )
        return
    if build.busy:
        BuildingNotice(build, language)
    if snapshot is not None and pair.ready:
        with past_views(build.busy):
            PairViews(snapshot, language)
