"""report.html in headless Chromium: it renders its figures offline and shows the verdicts.

Uses the system's Chromium (``/usr/bin/chromium``), never a downloaded browser; skipped where
there is none, except in CI, where the browser tests must run. Screenshots are saved under the
test's temporary folder.
"""

from __future__ import annotations

import pytest
from playwright import sync_api

from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.report import report_html
from govsim.comparison.running import compare
from govsim.comparison.verdicts import verdicts
from tests.helpers import shipped, system_chromium

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> str:
    return system_chromium()


@pytest.fixture(scope="module")
def comparison():
    scenarios = [
        shipped(name, residents=2000, days=20, warmup=5)
        for name in ("police_only", "multi_party_hub")
    ]
    return compare(scenarios, replications=3, seed=3)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_report_renders_offline_and_shows_the_verdicts(
    comparison, language, tmp_path, chromium
):
    page_file = tmp_path / f"report_{language}.html"
    page_file.write_text(report_html(comparison, language), encoding="utf-8")
    remote: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.on("request", lambda request: _note_remote(request.url, remote))
            page.goto(page_file.as_uri())
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            figures = page.locator(".js-plotly-plot").count()
            shown = page.inner_text("ul.verdicts")
            page.screenshot(path=str(tmp_path / f"report_{language}.png"), full_page=True)
        finally:
            browser.close()
    assert not remote, remote
    assert figures >= 8
    for line in verdicts(comparison.differences, KEY_OUTCOMES, language):
        assert line in shown
    assert (tmp_path / f"report_{language}.png").stat().st_size > 10_000


def _note_remote(url: str, remote: list[str]) -> None:
    if not url.startswith(("file:", "data:", "about:", "blob:")):
        remote.append(url)
