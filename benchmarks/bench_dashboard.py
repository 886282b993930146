"""Benchmark: the dashboard's first page and its step-plus-redraw time. Asserts nothing.

1. First page interactive: a real ``govsim dashboard`` on a free port, Debian's Chromium
   launched headless by Playwright as the browser tests launch it; the time from asking for
   the page to its day counter and first chart drawn (the session's city, 20,000 residents,
   built and warmed up meanwhile). Several fresh browser contexts; the first is the server's
   first session.
2. One step plus redraw with 100,000 residents, median over N steps: in the server's process
   (a day stepped, the snapshot copied, every chart's figure built and written as the JSON
   its chart is sent), and in the browser (Step
   clicked until the day counter, then every chart drawn over days, shows the new day).
3. The same late in a run: the charts over days grow with the days run, so the server's
   figures and the browser's step plus redraw are timed again from about day ``--late-day``
   (300 by default), the run played there at top speed (30 days an update) first.

Targets: first page within 5 s; step plus redraw within 250 ms. The machine's load
is printed with each figure (``os.getloadavg``): on shared cores the times say as much about
the neighbours as about the dashboard.

Usage: PYTHONPATH=. python benchmarks/bench_dashboard.py [--loads 3] [--steps 15] [--late-day 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from govsim.dashboard import figures
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.plot import figure_json
from govsim.dashboard.server import scenario_folders
from govsim.dashboard.simulation import Choices, Simulation
from govsim.dashboard.views import CHARTS
from tests.dashboard.serving import CHROMIUM_ARGS, served

LARGE = 100_000
SCENARIO = "multi_party_hub"
FIRST_CHART_DRAWN = (
    "() => { const p = document.querySelector('.govsim-view-victims .js-plotly-plot');"
    " return !!(p && p.data); }"
)


def load() -> str:
    """The machine's load averages over 1, 5 and 15 minutes."""
    return "load " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def first_page(browser, url: str) -> float:
    """Seconds from asking for the page to its day counter and first chart, in a new context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    start = time.perf_counter()
    page.goto(url)
    page.locator(".govsim-day").wait_for()
    page.wait_for_function(FIRST_CHART_DRAWN)
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def large_city(browser, url: str):
    """A new page whose city has :data:`LARGE` residents, at day 0 with its first chart drawn."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(300_000)
    page.goto(url)
    page.locator(".govsim-day").wait_for()
    residents = page.get_by_label("Residents")
    residents.fill(str(LARGE))
    residents.press("Enter")
    page.wait_for_function(
        f"() => document.querySelector('.govsim-day').innerText.startsWith('Day 0 of')"
        f" && [...document.querySelectorAll('input')].some(i => i.value === '{LARGE}')"
    )
    page.wait_for_function(FIRST_CHART_DRAWN)
    return page


def shown_day(page) -> int:
    """The day the page's counter shows."""
    return int(page.locator(".govsim-day").inner_text().split()[1])


def play_to(page, day: int) -> int:
    """Play at top speed (the speed slider at its right end) until ``day`` or later; the day."""
    slider = page.locator(".v-input", has_text="Speed").locator(".v-slider")
    box = slider.bounding_box()
    slider.click(position={"x": box["width"] - 1, "y": box["height"] / 2})
    page.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function(
        "(day) => parseInt(document.querySelector('.govsim-day').innerText.split(' ')[1]) >= day",
        arg=day,
    )
    page.get_by_role("button", name="Pause", exact=True).click()
    page.get_by_role("button", name="Play", exact=True).wait_for()
    page.wait_for_timeout(2_000)  # the update under way when pausing lands
    return shown_day(page)


def browser_steps(page, steps: int) -> tuple[list[float], list[float]]:
    """Seconds per Step click until the page shows the new day, in two figures each.

    Until its day counter shows it, and until every chart drawn over days has it too (the
    others, drawn over layers, districts or parties, have no day to check).
    """
    counter, redrawn = [], []
    first = shown_day(page) + 1
    for day in range(first, first + steps):
        start = time.perf_counter()
        page.get_by_role("button", name="Step", exact=True).click()
        page.wait_for_function(
            "(day) => document.querySelector('.govsim-day').innerText.startsWith(`Day ${day} of`)",
            arg=day,
            polling="raf",
        )
        counter.append(time.perf_counter() - start)
        page.wait_for_function(
            "(day) => [...document.querySelectorAll('.js-plotly-plot')].every("
            "p => !p.data || !p.data.length || !p.data[0].x || p.data[0].x.length === day"
            " || p.closest('.govsim-view-layers, .govsim-view-districts, .govsim-view-cooperation,"
            " .govsim-view-chain'))",
            arg=day,
            polling="raf",
        )
        redrawn.append(time.perf_counter() - start)
    return counter, redrawn


def server_steps(steps: int, late_day: int) -> tuple[float, list[float], list[float]]:
    """A 100,000-resident city; seconds per step, snapshot and every figure, early and late.

    Early: the first ``steps`` days; late: ``steps`` days from ``late_day``.
    """
    catalogue = ScenarioCatalogue(scenario_folders())
    start = time.perf_counter()
    simulation = Simulation.of(catalogue, Choices(SCENARIO, residents=LARGE))
    built = time.perf_counter() - start
    early = timed_steps(simulation, steps)
    simulation.step(late_day - simulation.snapshot().day)
    return built, early, timed_steps(simulation, steps)


def timed_steps(simulation: Simulation, steps: int) -> list[float]:
    """Seconds per step, snapshot and every chart's figure as its JSON, one entry a step."""
    draws: list[Callable] = [draw for _, draw in CHARTS]
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        simulation.step(1)
        snapshot = simulation.snapshot()
        for draw in draws:
            figure_json(draw(snapshot, "en"))
        figure_json(figures.chain(snapshot.rings[0] if snapshot.rings else None, "en"))
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> str:
    """Median, fastest and slowest in milliseconds."""
    ms = [t * 1000 for t in times]
    return (
        f"median {statistics.median(ms):.0f} ms (min {min(ms):.0f}, max {max(ms):.0f}, n={len(ms)})"
    )


def main() -> None:
    """Measure and print; asserts nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=3, help="first pages, each a new context")
    parser.add_argument("--steps", type=int, default=15, help="steps timed at 100,000 residents")
    parser.add_argument("--late-day", type=int, default=300, help="the late steps start here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.helpers import system_chromium

    print(f"cores: {os.cpu_count()}, {load()}")
    built, early, late = server_steps(args.steps, args.late_day)
    print(f"server, {LARGE:,} residents: built and warmed up in {built:.1f} s; {load()}")
    print(f"server, step + snapshot + every figure's JSON, from day 1: {summary(early)}; {load()}")
    print(f"server, the same from day {args.late_day}: {summary(late)}; {load()}")
    with served() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=system_chromium(), args=CHROMIUM_ARGS)
        for n in range(args.loads):
            seconds = first_page(browser, url)
            which = "first session" if n == 0 else "another session"
            print(f"browser, first page interactive ({which}): {seconds:.2f} s; {load()}")
        page = large_city(browser, url)
        counter, redrawn = browser_steps(page, args.steps)
        city = f"browser, {LARGE:,} residents"
        print(f"{city}, from day 1, Step to day counter: {summary(counter)}; {load()}")
        print(f"{city}, from day 1, Step to charts redrawn: {summary(redrawn)}; {load()}")
        day = play_to(page, args.late_day)
        counter, redrawn = browser_steps(page, args.steps)
        print(f"{city}, from day {day}, Step to day counter: {summary(counter)}; {load()}")
        print(f"{city}, from day {day}, Step to charts redrawn: {summary(redrawn)}; {load()}")
        page.context.close()
        browser.close()


if __name__ == "__main__":
    main()
