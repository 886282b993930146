"""A model is built in the background: the newest choice wins and the run waits for it."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import ipyvuetify as v
import pytest
import solara

from govsim.dashboard.building import Build, BuildingNotice, Superseded, use_build
from govsim.dashboard.controls import LiveEvents, RunControls
from govsim.dashboard.labels import say
from govsim.dashboard.playing import use_player

WAIT = 20
"""Seconds to wait for a thread's work to reach the page (a loaded machine shares two cores)."""


def _build_page(choice: solara.Reactive[str], make):
    """A page that builds ``make(name, report)`` for the chosen name and says what it shows."""

    @solara.component
    def shown_page() -> None:
        name = choice.value
        build = use_build(lambda report: make(name, report), [name])
        solara.Text(f"shown={build.shown} busy={build.busy}")

    _, rc = solara.render(shown_page(), handle_error=False)
    return rc


def test_a_slow_build_never_overwrites_a_newer_choice():
    release = threading.Event()
    threads: dict[str, threading.Thread] = {}
    stopped = []

    def make(name, report):
        threads[name] = threading.current_thread()
        if name == "slow":
            release.wait(WAIT)
            try:
                report(0.5)
            except Superseded:
                stopped.append(name)
                raise
        report(1.0)
        return name

    choice = solara.reactive("slow")
    rc = _build_page(choice, make)
    rc.find(children=["shown=None busy=True"]).wait_for(timeout=WAIT)
    choice.set("fast")
    rc.find(children=["shown=fast busy=False"]).wait_for(timeout=WAIT)
    release.set()  # the slow build goes on, finds itself superseded and stops
    threads["slow"].join(WAIT)
    assert stopped == ["slow"]
    rc.find(children=["shown=fast busy=False"]).assert_single()


def test_a_late_result_of_an_older_build_is_dropped():
    """A build that ends without a report after it was superseded: Solara drops its result."""
    release = threading.Event()
    threads: dict[str, threading.Thread] = {}

    def make(name, _report):
        threads[name] = threading.current_thread()
        if name == "slow":
            release.wait(WAIT)
        return name

    choice = solara.reactive("slow")
    rc = _build_page(choice, make)
    choice.set("fast")
    rc.find(children=["shown=fast busy=False"]).wait_for(timeout=WAIT)
    release.set()
    threads["slow"].join(WAIT)
    rc.find(children=["shown=fast busy=False"]).assert_single()


def test_while_a_new_build_runs_the_last_one_stays_shown():
    release = threading.Event()

    def make(name, _report):
        if name == "second":
            release.wait(WAIT)
        return name

    choice = solara.reactive("first")
    rc = _build_page(choice, make)
    rc.find(children=["shown=first busy=False"]).wait_for(timeout=WAIT)
    choice.set("second")
    rc.find(children=["shown=first busy=True"]).wait_for(timeout=WAIT)
    release.set()
    rc.find(children=["shown=second busy=False"]).wait_for(timeout=WAIT)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_notice_says_what_is_built_and_how_far_in_the_pages_language(language):
    first = Build(shown=None, busy=True, task=SimpleNamespace(progress=None))
    _, rc = solara.render(BuildingNotice(first, language), handle_error=False)
    rc.find(children=[say("building", language)]).assert_single()
    assert rc.find(v.ProgressLinear).widget.indeterminate
    rc.find(children=[say("building_wait", language)]).assert_single()
    again = Build(shown=object(), busy=True, task=SimpleNamespace(progress=40))
    _, rc = solara.render(BuildingNotice(again, language), handle_error=False)
    rc.find(children=[f"{say('building', language)} 40%"]).assert_single()
    assert rc.find(v.ProgressLinear).widget.value == 40
    wait = say("building_wait", language) + say("building_old_views", language)
    rc.find(children=[wait]).assert_single()


class Counted:
    """A target that counts the days it is stepped."""

    ready = True

    def __init__(self) -> None:
        self.days = 0
        self.events: list[str] = []

    def step(self, days: int = 1) -> None:
        self.days += days

    def snapshot(self) -> SimpleNamespace:
        return SimpleNamespace(finished=False)

    def inject(self, kind: str) -> None:
        self.events.append(kind)


def test_while_building_the_run_waits_and_a_click_on_its_way_acts_on_nothing():
    target, rebuilt = Counted(), []
    building = solara.reactive(True)

    @solara.component
    def run_page() -> None:
        speed = solara.use_reactive(1)
        player = use_player(target, speed, lambda: rebuilt.append(1), building.value)
        RunControls(player, speed, False, "en")
        LiveEvents(target, not player.ready, "en")

    _, rc = solara.render(run_page(), handle_error=False)
    buttons = {name: rc.find(v.Btn, children=[name]).widget for name in ("Play", "Step", "Reset")}
    assert all(button.disabled for button in buttons.values())
    live = rc.find(v.Btn, children=[say("live_campaign", "en")]).widget
    assert live.disabled
    for button in (*buttons.values(), live):
        button.click()  # as a click sent before the page knew: the server ignores it
    assert (target.days, rebuilt, target.events) == (0, [], [])
    building.set(False)
    buttons = {name: rc.find(v.Btn, children=[name]).widget for name in ("Play", "Step", "Reset")}
    assert not any(button.disabled for button in buttons.values())
    buttons["Step"].click()
    rc.find(v.Btn, children=[say("live_campaign", "en")]).widget.click()
    assert (target.days, target.events) == (1, ["campaign"])
    buttons["Reset"].click()
    assert rebuilt == [1]


def test_a_build_starting_pauses_the_run():
    target = Counted()
    building = solara.reactive(False)
    seen = {}

    @solara.component
    def run_page() -> None:
        speed = solara.use_reactive(1)
        player = use_player(target, speed, print, building.value)
        seen["player"] = player
        solara.Text(f"playing={player.playing}")

    _, rc = solara.render(run_page(), handle_error=False)
    seen["player"].start()
    rc.find(children=["playing=True"]).wait_for(timeout=WAIT)
    building.set(True)
    rc.find(children=["playing=False"]).wait_for(timeout=WAIT)
    days = target.days
    seen["player"].start()  # refused while building
    assert not seen["player"].playing
    assert target.days == days
