"""The dashboard in a real browser: Debian's Chromium driven by Playwright against a real server.

Never a browser download: the test uses ``/usr/bin/chromium`` (``.ci/run`` installs it). In CI
(CI=true) a missing Chromium fails the test; elsewhere it skips. The page's assets come from
Solara's cache, filled from the npm registry by ``govsim dashboard --prepare-offline``, so
the test needs no internet. Assertions read text such as the day counter, not button labels.
"""

from __future__ import annotations

import itertools
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.dashboard.conftest import CLASS_DESCRIPTION, CLASS_NAME, write_class, write_lesson
from tests.dashboard.serving import CHROMIUM_ARGS, environment, govsim_dashboard, served
from tests.helpers import system_chromium

pytestmark = pytest.mark.browser

WAIT_MS = 60_000
"""Longest wait for the page to react (a loaded CI machine shares two cores)."""


@pytest.fixture(scope="module")
def chromium() -> str:
    return system_chromium()


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory) -> Iterator[str]:
    """A real ``govsim dashboard`` with the lesson and class folders, on a free local port."""
    prepared = subprocess.run(
        govsim_dashboard("--prepare-offline"), env=environment(), capture_output=True, text=True
    )
    assert prepared.returncode == 0, prepared.stderr
    lesson = write_lesson(tmp_path_factory.mktemp("browser") / "lesson")
    classroom = write_class(lesson.parent / "class", lesson)
    with served("--scenarios", str(lesson), "--scenarios", str(classroom)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _open(browser, url: str):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.locator(".govsim-day").wait_for()
    return page


def _pick(page, key: str, label: str = "Scenario") -> None:
    """Choose a scenario in the picker (a Vuetify select)."""
    page.get_by_label(label).click(force=True)
    page.locator(".v-menu__content .v-list-item", has_text=key).first.click()


def _offered(page, label: str) -> list[str]:
    """The texts of the picker's items, as the menu shows them (the menu is left closed)."""
    page.get_by_label(label).click(force=True)
    items = page.locator(".v-menu__content.menuable__content__active .v-list-item")
    items.first.wait_for()
    texts = [text.strip() for text in items.all_inner_texts()]
    page.keyboard.press("Escape")
    return texts


def _boxes(locator) -> list[dict]:
    """The bounding boxes of every element the locator finds, in page order."""
    return [locator.nth(i).bounding_box() for i in range(locator.count())]


UNUSED_SEEDS = itertools.count(1_001)
"""Seeds no other test of this server has asked for: the server keeps the cities it has warmed
up (govsim/dashboard/warmed_up.py), so a test that must watch a build uses a city of its own."""
SEED_LABEL = {"en": "Seed", "zh": "随机种子"}
STEP_LABEL = {"en": "Step", "zh": "单步"}
DAY_IS_NOT = "day => document.querySelector('.govsim-day').innerText !== day"
REBUILT_AT = """day => document.querySelector('.govsim-building') === null
    && document.querySelector('.govsim-day').innerText === day"""


def _rebuild_at_an_unused_seed(page, language: str = "en") -> None:
    """Rebuild the city shown, at day 0, at a seed no test has used, and wait for it.

    The run is stepped first, so that its day 0 shows only once the rebuild is done.
    """
    at_day_0 = _day(page)
    page.get_by_role("button", name=STEP_LABEL[language], exact=True).click()
    page.wait_for_function(DAY_IS_NOT, arg=at_day_0)
    field = page.get_by_label(SEED_LABEL[language], exact=True)
    field.fill(str(next(UNUSED_SEEDS)))
    field.press("Enter")
    page.wait_for_function(REBUILT_AT, arg=at_day_0)


def _day(page) -> str:
    return page.locator(".govsim-day").inner_text()


def _settled_day(page, seconds: float = 15) -> str:
    """The day counter once it has stopped moving (a step under way when pausing finishes)."""
    deadline = time.monotonic() + seconds
    last = _day(page)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = _day(page)
        if now == last:
            return now
        last = now
    raise AssertionError(f"the day kept moving after pause: {last}")


def _points(page) -> int:
    """Points of the first chart's first trace, as Plotly holds them in the page."""
    return page.evaluate(
        "() => { const plot = document.querySelector('.govsim-view-victims .js-plotly-plot');"
        " return plot && plot.data && plot.data[0] ? plot.data[0].x.length : 0; }"
    )


def test_step_play_pause_and_the_charts_follow(browser, dashboard_url, tmp_path):
    page = _open(browser, dashboard_url)
    assert "multi_party_hub" in page.locator(".v-select").first.inner_text()
    _pick(page, "lesson/tiny")
    page.get_by_text("Day 0 of 30").wait_for()
    page.get_by_role("button", name="Step", exact=True).click()
    page.get_by_text("Day 1 of 30").wait_for()
    page.wait_for_function(
        "() => { const p = document.querySelector('.govsim-view-victims .js-plotly-plot');"
        " return p && p.data && p.data[0] && p.data[0].x.length === 1; }"
    )
    page.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function(
        "() => /Day ([3-9]|[12][0-9]|30) of 30/.test("
        "document.querySelector('.govsim-day').innerText)"
    )
    page.get_by_role("button", name="Pause", exact=True).click()
    # On a loaded machine the server takes the pause after the updates already under way; the
    # Play button coming back says it has (a pause never taken would time out here).
    page.get_by_role("button", name="Play", exact=True).wait_for()
    page.get_by_text("day 2: Awareness campaign").wait_for()
    paused = _settled_day(page)
    time.sleep(1.5)
    assert _day(page) == paused
    day = int(paused.split()[1])
    assert day < 30, "the run went on to the end: the pause was not taken"
    page.wait_for_function(
        f"() => document.querySelector('.govsim-view-victims .js-plotly-plot').data[0].x.length"
        f" === {day}"
    )
    assert _points(page) == day
    # The daily victims are one filled path of steps, not a bar a day.
    shapes = page.evaluate(
        "() => { const p = document.querySelector('.govsim-view-victims .js-plotly-plot');"
        " return [p.querySelectorAll('.barlayer .point').length,"
        " p.querySelectorAll('.scatterlayer .fills path').length]; }"
    )
    assert shapes == [0, 1]
    # A trainer's legend click survives the redraws that follow (the layout's uirevision).
    plot = "document.querySelector('.govsim-view-victims .js-plotly-plot')"
    page.locator(".govsim-view-victims .legend .traces").nth(1).click()
    page.wait_for_function(f"() => {plot}.data[1].visible === 'legendonly'")
    page.get_by_role("button", name="Step", exact=True).click()
    page.wait_for_function(f"() => {plot}.data[0].x.length === {day + 1}")
    assert page.evaluate(f"() => {plot}.data[1].visible") == "legendonly"
    page.screenshot(path=tmp_path / "dashboard-en.png", full_page=True)
    link = page.locator(".v-input", has_text="Police - banks").locator(".v-slider")
    link.click(position={"x": 3, "y": 10})
    page.get_by_text("Day 0 of 30").wait_for()  # a link's new level rebuilds the model
    page.context.close()


def test_a_zoom_lasts_through_steps_but_not_through_a_reset(browser, dashboard_url):
    page = _open(browser, dashboard_url)
    _pick(page, "lesson/tiny")
    page.get_by_text("Day 0 of 30").wait_for()
    for day in (1, 2, 3):
        page.get_by_role("button", name="Step", exact=True).click()
        page.get_by_text(f"Day {day} of 30").wait_for()
    plot = "document.querySelector('.govsim-view-victims .js-plotly-plot')"
    page.wait_for_function(f"() => {plot}.data[0].x.length === 3")
    zoomed = [1.5, 2.5]
    page.evaluate(f"() => Plotly.relayout({plot}, {{'xaxis.range': {zoomed}}})")
    page.get_by_role("button", name="Step", exact=True).click()
    page.wait_for_function(f"() => {plot}.data[0].x.length === 4")
    assert page.evaluate(f"() => {plot}.layout.xaxis.range") == zoomed, "a step keeps the zoom"
    page.get_by_role("button", name="Reset", exact=True).click()
    page.get_by_text("Day 0 of 30").wait_for()
    page.get_by_role("button", name="Step", exact=True).click()
    page.get_by_text("Day 1 of 30").wait_for()
    page.wait_for_function(f"() => {plot}.data[0] && {plot}.data[0].x.length === 1")
    assert page.evaluate(f"() => {plot}.layout.xaxis.range") != zoomed, "a reset drops it"
    page.context.close()


def test_the_page_asks_nothing_of_any_other_host(browser, dashboard_url):
    """A closed intranet is enough: every request the page makes goes to the dashboard's server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(dashboard_url)
    page.locator(".govsim-day").wait_for()
    page.get_by_role("button", name="Step", exact=True).click()
    page.get_by_text("Day 1 of").wait_for()
    origin = dashboard_url.rstrip("/").split("/", 3)[:3]
    elsewhere = [
        url
        for url in asked
        if not url.startswith(("data:", "blob:")) and url.split("/", 3)[:3] != origin
    ]
    assert asked
    assert elsewhere == []
    context.close()


@pytest.mark.parametrize("width", [1024, 1920])
def test_every_chart_fits_its_card_on_a_projector_and_a_wide_screen(
    browser, dashboard_url, tmp_path, width
):
    page = browser.new_context(viewport={"width": width, "height": 768}).new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(dashboard_url)
    _pick(page, "lesson/tiny")
    page.get_by_text("Day 0 of 30").wait_for()
    page.get_by_role("button", name="Step", exact=True).click()
    page.get_by_text("Day 1 of 30").wait_for()
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length")
    time.sleep(1.0)  # the resize observer redraws a chart once its card has its width
    fits = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {"
        " const card = plot.closest('.v-card').getBoundingClientRect();"
        " const svg = plot.querySelector('.main-svg').getBoundingClientRect();"
        " return [svg.left >= card.left - 1, svg.right <= card.right + 1,"
        " svg.width > 0.8 * card.width]; })"
    )
    page.screenshot(path=tmp_path / f"dashboard-{width}.png", full_page=True)
    assert len(fits) >= 8
    assert all(inside and right for inside, right, _ in fits), fits
    assert all(wide for _, _, wide in fits), "a chart spans most of its card"
    assert _titles_too_wide(page) == []
    page.get_by_text("简体中文").click()
    page.get_by_text("第 1 天").wait_for()
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot .gtitle').textContent === '受害人数'"
    )
    time.sleep(1.0)
    page.screenshot(path=tmp_path / f"dashboard-{width}-zh.png", full_page=True)
    assert _titles_too_wide(page) == []
    page.context.close()


def _titles_too_wide(page) -> list[str]:
    """The charts' titles and subtitles that run past their chart's edges (Plotly cuts them)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {"
        " const svg = plot.querySelector('.main-svg').getBoundingClientRect();"
        " return [...plot.querySelectorAll('.gtitle, .gtitle-subtitle')].filter(title => {"
        " const box = title.getBoundingClientRect();"
        " return box.left < svg.left - 1 || box.right > svg.right + 1; })"
        ".map(title => title.textContent); })"
    )


def test_the_language_switch_changes_every_label(browser, dashboard_url, tmp_path):
    page = _open(browser, dashboard_url)
    page.get_by_text("简体中文").click()
    page.get_by_text("第 0 天").wait_for()
    page.get_by_role("button", name="单步", exact=True).click()
    page.get_by_text("第 1 天").wait_for()
    body = page.locator("body").inner_text()
    for english in ("Scenario", "Victims", "Step", "Event log", "Police"):
        assert english not in body.replace("ENGLISH", ""), english
    for chinese in ("情景", "受害人数", "事件记录", "公安", "协作结构", "单个团伙的产业链", "团伙"):
        assert chinese in body, chinese
    page.screenshot(path=tmp_path / "dashboard-zh.png", full_page=True)
    page.get_by_role("button", name="并排对比", exact=True).click()
    page.locator(".govsim-pair-b .govsim-day").get_by_text("第 0 天").wait_for()
    # The sidebar is a portal that Solara may redraw a moment after the main area.
    page.get_by_text("情景 A（参照）").wait_for()
    body = page.locator("body").inner_text()
    for english in ("Scenario", "Victims", "Step", "Key outcomes", "Difference", "Side by side"):
        assert english not in body.replace("ENGLISH", ""), english
    for chinese in ("情景 A（参照）", "情景 B", "主要结果（截至目前）", "差值 B - A", "单个情景"):
        assert chinese in body, chinese
    page.screenshot(path=tmp_path / "dashboard-zh-side-by-side.png", full_page=True)
    page.context.close()


def _pair_day(page, side: str) -> str:
    return page.locator(f".govsim-pair-{side} .govsim-day").inner_text()


def test_side_by_side_steps_both_and_shows_the_difference(browser, dashboard_url, tmp_path):
    page = _open(browser, dashboard_url)
    page.get_by_role("button", name="Side by side", exact=True).click()
    # Two cities of 20,000 warming up take seconds, or none if another test built them first.
    a, b = page.locator(".govsim-pair-a"), page.locator(".govsim-pair-b")
    b.get_by_text("Day 0 of").wait_for()
    assert "police_only" in a.inner_text()
    assert "multi_party_hub" in b.inner_text()
    for day in (1, 2):
        page.get_by_role("button", name="Step", exact=True).click()
        b.get_by_text(f"Day {day} of").wait_for()
    assert _pair_day(page, "a") == _pair_day(page, "b")
    page.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function(
        "() => /Day ([4-9]|[1-9][0-9]+) of/.test("
        "document.querySelector('.govsim-pair-b .govsim-day').innerText)"
    )
    page.get_by_role("button", name="Pause", exact=True).click()
    page.get_by_role("button", name="Play", exact=True).wait_for()
    time.sleep(1.5)
    day = _pair_day(page, "b")
    assert _pair_day(page, "a") == day
    days = int(day.split()[1])
    # The difference line has a point per day both ran, and the table a row per key outcome.
    page.wait_for_function(
        "() => { const p = document.querySelector('.govsim-view-pair_loss .js-plotly-plot');"
        f" return p && p.data && p.data[0].x.length === {days}; }}"
    )
    names = page.evaluate(
        "() => document.querySelector('.govsim-view-pair_loss .js-plotly-plot')"
        ".data.map(t => t.name)"
    )
    assert names == ["Difference B - A", "A: police_only", "B: multi_party_hub"]
    rows = page.locator(".govsim-outcome")
    assert rows.count() == 5
    assert rows.first.inner_text().split("\t")[0].strip() == "Victims"
    page.screenshot(path=tmp_path / "dashboard-side-by-side.png", full_page=True)
    page.context.close()


def test_a_broken_scenario_shows_its_error_and_the_server_keeps_serving(
    browser, dashboard_url, tmp_path
):
    page = _open(browser, dashboard_url)
    _pick(page, "lesson/broken")
    error = page.locator(".govsim-error")
    error.wait_for()
    assert "agencies.police.capability" in error.inner_text()
    page.screenshot(path=tmp_path / "dashboard-error.png", full_page=True)
    _pick(page, "lesson/tiny")
    page.get_by_text("Day 0 of 30").wait_for()
    other = _open(browser, dashboard_url)
    assert "Day 0 of" in _day(other)
    other.context.close()
    page.context.close()


def test_a_live_event_and_two_sessions_that_do_not_interfere(browser, dashboard_url):
    first, second = _open(browser, dashboard_url), _open(browser, dashboard_url)
    for page in (first, second):
        _pick(page, "lesson/tiny")
        page.get_by_text("Day 0 of 30").wait_for()
    for _ in range(3):
        first.get_by_role("button", name="Step", exact=True).click()
    first.get_by_text("Day 3 of 30").wait_for()
    first.get_by_role("button", name="Launch a card crackdown", exact=True).click()
    first.get_by_role("button", name="Step", exact=True).click()
    first.get_by_text("day 4: Card crackdown (断卡)").wait_for()
    assert second.locator(".govsim-event", has_text="Card crackdown").count() == 0
    first.get_by_role("button", name="Start a campaign", exact=True).click()
    first.get_by_role("button", name="Step", exact=True).click()
    first.get_by_text("Day 5 of 30").wait_for()
    # The log renders after the day counter: wait for the lesson's campaign on day 2 and the
    # two events launched here.
    first.wait_for_function(
        "() => document.querySelectorAll('.govsim-view-events .govsim-event').length === 3"
    )
    # Each event on a line of its own, below the log's caption (they once ran together).
    tops = [box["y"] for box in _boxes(first.locator(".govsim-view-events .govsim-event"))]
    caption = first.locator(".govsim-view-events", has_text="as they happen")
    assert len(tops) == 3  # the lesson's campaign on day 2, then the two launched here
    assert tops == sorted(set(tops)), "each below the one before"
    assert tops[0] > caption.get_by_text("as they happen").bounding_box()["y"]
    second.get_by_role("button", name="Reset", exact=True).click()
    time.sleep(1)
    assert _day(first) == "Day 5 of 30"
    assert _day(second) == "Day 0 of 30"
    for page in (first, second):
        page.context.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_picker_names_each_scenario_and_describes_the_chosen_one(
    browser, dashboard_url, tmp_path, language
):
    page = _open(browser, dashboard_url)
    label = "Scenario"
    if language == "zh":
        page.get_by_text("简体中文").click()
        page.get_by_text("第 0 天").wait_for()
        label = "情景"
    named = (
        "class/demo (Shenzhen-style hub)"
        if language == "en"
        else "class/demo（Shenzhen-style hub）"
    )
    assert CLASS_NAME in named
    offered = _offered(page, label)
    assert named in offered
    assert "class/garbled" in offered, "a file that cannot be read is listed by its key"
    assert "multi_party_hub" in offered, "a name that repeats its key is not said twice"
    _pick(page, "class/demo", label)
    description = page.locator(".govsim-description", has_text=CLASS_DESCRIPTION[language])
    description.wait_for()
    page.screenshot(path=tmp_path / f"dashboard-picker-{language}.png", full_page=True)
    _pick(page, "class/garbled", label)
    page.locator(".govsim-error").wait_for()
    assert page.locator(".govsim-description").count() == 0
    page.context.close()


BUILDING_WORDS = {
    "en": ("Scenario", "Building the city and running the warm-up", ("Play", "Step", "Reset")),
    "zh": ("情景", "正在构建城市并运行预热期", ("播放", "单步", "重置")),
}
"""The picker's label, the start of the notice and the run's buttons, in each language."""
HELD_WHILE_BUILDING = """([notice, buttons]) => {
    const shown = document.querySelector('.govsim-building');
    if (!shown || !shown.innerText.includes(notice)) return false;
    const found = [...document.querySelectorAll('button')]
        .filter(b => buttons.includes(b.textContent.trim()));
    return found.length === buttons.length && found.every(b => b.disabled)
        && document.querySelector('.govsim-past .govsim-day') !== null;
}"""
"""While a model is built: the notice says so, every run button is disabled, and the last
run's views are dimmed; checked in one go, as one render shows them."""


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_rebuild_says_so_and_holds_the_run_until_the_new_model_is_ready(
    browser, dashboard_url, tmp_path, language
):
    label, notice, buttons = BUILDING_WORDS[language]
    page = _open(browser, dashboard_url)
    if language == "zh":
        page.get_by_text("简体中文").click()
        page.get_by_text("第 0 天").wait_for()
    _pick(page, "lesson/tiny", label)
    page.locator(".govsim-day", has_text="30").wait_for()
    _rebuild_at_an_unused_seed(page, language)  # tiny's city again, in a blink
    # multi_party_hub's city of 20,000 residents and its two-year warm-up take seconds; at a
    # seed of its own the server has not kept it from another test.
    _pick(page, "multi_party_hub", label)
    page.wait_for_function(HELD_WHILE_BUILDING, arg=[notice, list(buttons)])
    page.screenshot(path=tmp_path / f"dashboard-building-{language}.png", full_page=True)
    page.locator(".govsim-building").wait_for(state="detached")
    assert page.locator(".govsim-past").count() == 0
    assert "365" in _day(page), "the new run is shown"
    step = page.get_by_role("button", name=buttons[1], exact=True)
    assert step.is_enabled()
    step.click()
    page.locator(".govsim-day", has_text="1").wait_for()
    page.context.close()


def test_the_newest_choice_wins_over_a_build_still_running(browser, dashboard_url):
    page = _open(browser, dashboard_url)
    _pick(page, "lesson/tiny")
    page.get_by_text("Day 0 of 30").wait_for()
    _rebuild_at_an_unused_seed(page)  # so that no other test has had baseline's city kept
    _pick(page, "baseline")  # a city of 20,000 warming up for two years: seconds
    page.locator(".govsim-building").wait_for()
    _pick(page, "lesson/tiny")  # chosen while baseline is still being built
    page.locator(".govsim-building").wait_for(state="detached")
    assert _day(page) == "Day 0 of 30"
    assert "lesson/tiny" in page.locator(".v-select").first.inner_text()
    page.get_by_role("button", name="Step", exact=True).click()
    page.get_by_text("Day 1 of 30").wait_for()
    page.context.close()
