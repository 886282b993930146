"""The attribution's report.html in headless Chromium: offline, its figures drawn, sentences shown.

Uses the system's Chromium, as the comparison's browser test does; screenshots are saved under
the test's temporary folder.
"""

from __future__ import annotations

import pytest

from govsim.attribution.players import game
from govsim.attribution.report import report_html
from govsim.attribution.running import ATTRIBUTED, attribute
from govsim.attribution.sentences import outcome_sentences
from tests.helpers import shipped, system_chromium
from tests.offline_page import open_offline

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
    html = report_html(attribution, language)
    shown = open_offline(html, tmp_path / f"attribution_{language}.html", chromium)
    assert not shown.remote, shown.remote
    assert shown.figures == len(ATTRIBUTED) + 2  # a waterfall per outcome, two synergy matrices
    for outcome in ATTRIBUTED:
        for line in outcome_sentences(attribution, outcome, language):
            assert line in shown.text
    assert shown.screenshot.stat().st_size > 10_000
    assert shown.fits_the_paper(), f"printed on A4, a chart or table is cut: {shown.paper}"
