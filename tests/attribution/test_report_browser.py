"""The attribution's report.html in headless Chromium: offline, its figures drawn, sentences shown.

Uses the system's Chromium, as the comparison's browser test does; screenshots are saved under
the test's temporary folder.
"""

from __future__ import annotations

import pytest
from playwright import sync_api

from govsim.attribution.players import game
from govsim.attribution.report import report_html
from govsim.attribution.running import ATTRIBUTED, attribute
from govsim.attribution.sentences import outcome_sentences
from tests.helpers import shipped, system_chromium

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> str:
    return system_chromium()


@pytest.fixture(scope="module")
def attribution():
    hub = shipped("multi_party_hub", residents=1000, days=20, warmup=5)
    return attribute(game(hub, "hub"), replications=2, seed=3)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_report_renders_offline_and_shows_the_sentences(
    attribution, language, tmp_path, chromium
):
    page_file = tmp_path / f"attribution_{language}.html"
    page_file.write_text(report_html(attribution, language), encoding="utf-8")
    remote: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.on("request", lambda request: _note_remote(request.url, remote))
            page.goto(page_file.as_uri())
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            figures = page.locator(".js-plotly-plot").count()
            shown = page.inner_text("body")
            page.screenshot(path=str(tmp_path / f"attribution_{language}.png"), full_page=True)
        finally:
            browser.close()
    assert not remote, remote
    assert figures == len(ATTRIBUTED) + 2  # a waterfall per outcome, two synergy matrices
    for outcome in ATTRIBUTED:
        for line in outcome_sentences(attribution, outcome, language):
            assert line in shown
    assert (tmp_path / f"attribution_{language}.png").stat().st_size > 10_000


def _note_remote(url: str, remote: list[str]) -> None:
    if not url.startswith(("file:", "data:", "about:", "blob:")):
        remote.append(url)
