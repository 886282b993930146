"""report.html in headless Chromium: it renders its figures offline and shows the verdicts.

Uses the system's Chromium (``/usr/bin/chromium``), never a downloaded browser; skipped where
there is none, except in CI, where the browser tests must run. Screenshots are saved under the
test's temporary folder.
"""

from __future__ import annotations

import re

import pytest

from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.report import report_html
from govsim.comparison.running import compare
from govsim.comparison.verdicts import verdicts
from tests.helpers import shipped, system_chromium
from tests.offline_page import PAPER_WIDTH_PX, open_offline

pytestmark = pytest.mark.browser

A4_POINTS = (595.28, 841.89)
"""210 x 297 mm in PDF points."""


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
    html = report_html(comparison, language)
    shown = open_offline(html, tmp_path / f"report_{language}.html", chromium, "ul.verdicts")
    assert not shown.remote, shown.remote
    assert shown.figures >= 8
    for line in verdicts(comparison.differences, KEY_OUTCOMES, language):
        assert line in shown.text
    assert shown.screenshot.stat().st_size > 10_000
    assert shown.printed == {"figure_break_inside": "avoid", "buttons_display": "none"}, (
        "printed, no chart is cut across two pages and Plotly's buttons are left out"
    )
    assert shown.fits_the_paper(), (
        f"printed, a chart or table is wider than A4 ({shown.paper}): its right side is lost"
    )
    assert shown.paper.window_chart > PAPER_WIDTH_PX, "the window is wider than the paper"
    assert shown.paper.chart_after > PAPER_WIDTH_PX, (
        "after printing, the charts fill the window again"
    )
    printed = shown.pdf.read_bytes()
    assert printed.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", printed)
    assert box is not None
    assert [float(side) for side in box.groups()] == pytest.approx(A4_POINTS, abs=1), "A4"
