"""The play loop a view steps its simulation with: play, pause, step and reset, per session.

One hook for the single run and the side by side, so that both pause, stop at the last day and
drop a loop stepping an older simulation alike.
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
    start: Callable[[], None]
    pause: Callable[[], None]
    step: Callable[[], None]
    reset: Callable[[], None]


def use_player(
    target: Steppable, speed: solara.Reactive[int], rebuild: Callable[[], None]
) -> Player:
    """Play, pause, step and reset ``target``; ``rebuild`` makes a fresh one (reset).

    Each update re-renders this session's page only. Pausing sets an event the loop waits
    on, so a pause takes effect at once and does not rest on the loop's thread reading the
    page's state; a loop stepping an older target stops.
    """
    playing = solara.use_reactive(False)
    tick = solara.use_reactive(0)
    paused = solara.use_memo(threading.Event, [])
    drawn = solara.use_memo(threading.Event, [])
    current = solara.use_memo(dict, [])
    current["target"] = target
    solara.use_effect(drawn.set, [tick.value])

    def play() -> None:
        if not playing.value:
            return
        while (
            not paused.is_set()
            and current["target"] is target
            and target.ready
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
        target.step(1)
        tick.set(tick.value + 1)

    def reset() -> None:
        pause()
        rebuild()

    return Player(playing.value, tick.value, start, pause, step, reset)
