"""Building a session's model in the background, and saying so on the page until it is ready.

A new city and its warm-up take seconds (5 to 18 on a loaded machine). Built during the
page's render, they left the old model on screen with no sign of work, and clicks made
meanwhile went to the new model. Here the build runs as Solara's ``use_task`` (a thread per
call): the page keeps the newest finished build, shows a progress bar while another is under
way, and holds back what would act on a model until it is ready (:mod:`.playing`).

A newer choice supersedes an older build. Solara keeps only the latest call's result (an older
one finishing late is dropped, so it cannot overwrite the newer choice), and the older build
stops at its next warm-up day instead of taking the cores from the newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import solara
import solara.lab

from govsim.dashboard.labels import say
from govsim.dashboard.simulation import Progress

STICKY = {"position": "sticky", "top": "8px", "z-index": "4", "margin-bottom": "12px"}
"""The notice stays in view while the trainer scrolls down the charts (the page's scrolling
area starts under the app bar)."""
DIMMED = {"opacity": "0.35", "pointer-events": "none"}
"""The last run's views while the next is built: in view, plainly not the new run's."""


class Superseded(Exception):  # noqa: N818 (a build no longer wanted: not an error)
    """Raised from a build's progress report once a newer choice has started another build."""


@dataclass(frozen=True)
class Build[Built]:
    """What the page shows of its builds: the newest finished one and whether another runs.

    ``shown`` is older than the choices while ``busy``; None before the first build ends.
    """

    shown: Built | None
    busy: bool
    task: solara.lab.Task
    """The build under way, read by :func:`BuildingNotice` alone for its progress, so that a
    progress step redraws the notice and not the page."""

    @property
    def percent(self) -> float | None:
        """How much of the warm-up is done, 0 to 100; None before it starts."""
        return self.task.progress


def use_build[Built](make: Callable[[Progress], Built], dependencies: list[object]) -> Build[Built]:
    """Build with ``make`` in a thread, anew whenever ``dependencies`` change.

    ``make`` is given the progress report to pass to the build; the report raises
    :class:`Superseded` in a build that a newer one has replaced.
    """
    latest: solara.Ref[Built | None] = solara.use_ref(None)  # type: ignore[assignment]

    def run() -> Built | None:
        reported: list[int] = []

        def report(share: float) -> None:
            if not task.is_current():
                raise Superseded
            percent = round(100 * share)
            if not reported or percent != reported[-1]:  # a hundred updates, not one a day
                reported.append(percent)
                task.progress = percent

        try:
            return make(report)
        except Superseded:
            return None  # Solara drops the result of a call that is no longer the latest

    task = solara.lab.use_task(run, dependencies=dependencies, prefer_threaded=True)
    if task.finished:
        latest.current = task.value
    return Build(latest.current, not task.finished, task)


@solara.component
def BuildingNotice(build: Build, language: str) -> None:
    """A bar and a sentence while a build runs: what it does, and that the run waits for it."""
    percent = build.percent
    headline = say("building", language)
    if percent is not None:
        headline = f"{headline} {percent:.0f}%"
    with solara.Card(margin=0, classes=["govsim-building"], style=STICKY):
        solara.Text(headline, style={"display": "block", "font-weight": "bold"})
        solara.ProgressLinear(True if percent is None else percent)
        wait = say("building_wait", language)
        if build.shown is not None:
            wait += say("building_old_views", language)
        solara.Text(wait, style={"display": "block", "font-size": "0.85em"})


def past_views(busy: bool) -> solara.Element:
    """A frame for the views, dimmed and deaf to the mouse while a newer model is built.

    Always there, dimmed or not, so that the views inside are not built afresh when it dims.
    """
    classes = ["govsim-views", "govsim-past"] if busy else ["govsim-views"]
    return solara.Div(classes=classes, style=DIMMED if busy else {})
