"""A sweep's analysis.html in headless Chromium: offline, its figures drawn, in both languages.

Uses the system's Chromium, as the comparison's report test does; the screenshots are saved
under the test's temporary folder.
"""

from __future__ import annotations

import pytest

from govsim.experiments.analysis import analyze
from govsim.experiments.analysis.report import report_html
from govsim.experiments.analysis.wording import word
from tests.experiments.analytic import analytic_sweep
from tests.helpers import system_chromium
from tests.offline_page import open_offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    folder = analytic_sweep(tmp_path_factory.mktemp("sweep"), "sobol", 16)
    return analyze(folder, outcomes=["net_loss", "victims"])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_analysis_renders_offline_in_the_language(analysis, language, tmp_path):
    html = report_html(analysis, language)
    shown = open_offline(html, tmp_path / f"analysis_{language}.html", system_chromium())
    assert not shown.remote, shown.remote
    assert shown.figures >= 2, "main effects and indices are drawn"
    for key in ("indices_title", "effects_title"):
        assert word(key, language) in shown.text
    assert word("title", language, name=analysis.swept.name) in shown.text
    assert shown.screenshot.stat().st_size > 10_000
    assert shown.fits_the_paper(), f"printed on A4, a chart or table is cut: {shown.paper}"
