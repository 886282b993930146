"""The play loop a view steps its simulation with: play, pause, step and reset, per session.

One hook for the single run and the side by side, so that both pause, stop at the last day,
drop a loop stepping an older simulation and wait for a build under way alike.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import solara
import solara.lab

UPDATE_SECONDS = 0.25
"""Pause between screen updates while playing, so that the audience can follow."""
DRAWN_SECONDS = 10.0
"""Longest wait for an update to be drawn before the loop goes on regardless (a page closed
mid-play draws nothing)."""


class Steppable(Protocol):
    """What the loop steps: a :class:`.Simulation` or a :class:`.Pair`."""

    @property
    def ready(self) -> bool:
        """Whether there is a model to step."""

    def step(self, days: int = 1) -> None:
        """Simulate up to ``days`` more days."""

    def snapshot(self) -> object:
        """The state to show; has ``finished``."""


@dataclass(frozen=True)
class Player:
    """The run state a page shows and the handlers of its buttons."""

    playing: bool
    tick: int
    ready: bool
    """Whether there is a model to act on: none while a build is under way (:mod:`.building`)."""
    start: Callable[[], None]
    pause: Callable[[], None]
    step: Callable[[], None]
    reset: Callable[[], None]


def use_player(
    target: Steppable | None,
    speed: solara.Reactive[int],
    rebuild: Callable[[], None],
    building: bool = False,
) -> Player:
    """Play, pause, step and reset ``target``; ``rebuild`` makes a fresh one (reset).

    Each update re-renders this session's page only. Pausing sets an event the loop waits
    on, so a pause takes effect at once and does not rest on the loop's thread reading the
    page's state; a loop stepping an older target stops.

    While ``building`` (or with no ``target`` yet) the run pauses and its handlers do nothing:
    the buttons are disabled then, and a click already on its way would act on a model about
    to be replaced. The handlers are made once per session and read the latest render's
    target when they run: a handler that stays the same object is not rebound on every
    re-render, when a click arriving during a play update or a build's end could be lost.
    """
    playing = solara.use_reactive(False)
    tick = solara.use_reactive(0)
    paused = solara.use_memo(threading.Event, [])
    drawn = solara.use_memo(threading.Event, [])
    current = solara.use_memo(dict, [])
    ready = target is not None and target.ready and not building
    current.update(target=target, ready=ready, rebuild=rebuild)
    solara.use_effect(drawn.set, [tick.value])

    def play() -> None:
        if not playing.value:
            return
        while (
            not paused.is_set()
            and current["ready"]
            and current["target"] is target
            and not target.snapshot().finished
        ):
            target.step(speed.value)
            drawn.clear()
            tick.set(tick.value + 1)
            # The pause between updates starts once this one is drawn. Drawn by the thread
            # that handles the browser's messages, a next update asked for while it draws
            # kept it drawing: on a loaded machine a click on Pause then waited for the end.
            drawn.wait(DRAWN_SECONDS)
            paused.wait(UPDATE_SECONDS)
        playing.set(False)

    solara.lab.use_task(play, dependencies=[playing.value, target], prefer_threaded=True)
    start, pause, step, reset = solara.use_memo(
        lambda: _handlers(current, playing, tick, paused), []
    )

    def pause_until_ready() -> None:
        if not ready:
            pause()

    solara.use_effect(pause_until_ready, [ready])
    return Player(playing.value, tick.value, ready, start, pause, step, reset)


def _handlers(
    current: dict,
    playing: solara.Reactive[bool],
    tick: solara.Reactive[int],
    paused: threading.Event,
) -> tuple[Callable[[], None], ...]:
    """Start, pause, step and reset, acting on ``current["target"]`` only when it is ready."""

    def start() -> None:
        if current["ready"]:
            paused.clear()
            playing.set(True)

    def pause() -> None:
        paused.set()
        playing.set(False)

    def step() -> None:
        if current["ready"]:
            current["target"].step(1)
            tick.set(tick.value + 1)

    def reset() -> None:
        if current["ready"]:
            pause()
            current["rebuild"]()

    return start, pause, step, reset
