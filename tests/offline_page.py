"""Open a self-contained report in the system's headless Chromium, as a reader opens the file.

The comparison's and the attribution's report tests share it: the page is loaded from disk,
every request it makes is noted (a report must load nothing from the network), its Plotly
figures are awaited and counted, its text read and a screenshot saved beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright import sync_api

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
"""Requests a self-contained page may make: nothing beyond the file itself."""
FIGURE = ".js-plotly-plot"
PRINTED_STYLES = """() => {
  const style = (selector, property) => {
    const found = document.querySelector(selector);
    return found ? getComputedStyle(found).getPropertyValue(property) : "";
  };
  return {
    figure_break_inside: style(".js-plotly-plot", "break-inside"),
    buttons_display: style(".modebar-container", "display"),
  };
}"""


PAPER_WIDTH_PX = 703
"""A4's width less the reports' 12 mm margins (186 mm), in CSS pixels (96 to the inch)."""
WIDEST = """(selector) => Math.max(0, ...Array.from(document.querySelectorAll(selector),
  (element) => Math.max(element.getBoundingClientRect().width, element.scrollWidth || 0)))"""
CHARTS = ".js-plotly-plot .main-svg"


@dataclass(frozen=True)
class OnPaper:
    """Widths in CSS pixels of what is printed, against the paper's ``PAPER_WIDTH_PX``."""

    widest_chart: float
    """As Chromium prints the page from a wide window (after its ``beforeprint`` event)."""
    widest_table: float
    """Laid out at the paper's width, in the print style."""
    chart_after: float
    """The widest chart once printing is over (``afterprint``): as wide as its container again."""
    window_chart: float
    """The widest chart on screen before printing."""


@dataclass(frozen=True)
class OfflinePage:
    """What a reader's browser showed: figures drawn, text, and any request beyond the file."""

    figures: int
    text: str
    remote: list[str]
    screenshot: Path
    printed: dict[str, str]
    """As printed: a chart's ``break-inside`` and the display of Plotly's buttons."""
    pdf: Path
    paper: OnPaper

    def fits_the_paper(self) -> bool:
        """Whether every chart and table printed lies within the paper's width."""
        return max(self.paper.widest_chart, self.paper.widest_table) <= PAPER_WIDTH_PX


def open_offline(html: str, page_file: Path, chromium: str, text_of: str = "body") -> OfflinePage:
    """Write ``html`` to ``page_file``, open it, and read the text of ``text_of``.

    The screenshot is ``page_file`` with the suffix ``.png``; the page is then printed, as a
    reader saves it as PDF, to the suffix ``.pdf``.
    """
    page_file.write_text(html, encoding="utf-8")
    screenshot, pdf = page_file.with_suffix(".png"), page_file.with_suffix(".pdf")
    remote: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.on("request", lambda request: _note_remote(request.url, remote))
            page.goto(page_file.as_uri())
            page.wait_for_selector(f"{FIGURE} .main-svg", timeout=30_000)
            figures = page.locator(FIGURE).count()
            text = page.inner_text(text_of)
            page.screenshot(path=str(screenshot), full_page=True)
            page.emulate_media(media="print")
            printed = page.evaluate(PRINTED_STYLES)
            paper = _on_paper(page)
            page.pdf(path=str(pdf), prefer_css_page_size=True)
        finally:
            browser.close()
    return OfflinePage(figures, text, remote, screenshot, printed, pdf, paper)


def _on_paper(page: sync_api.Page) -> OnPaper:
    """Measure the page as printed: charts as redrawn for print, tables at the paper's width.

    Chromium sends ``beforeprint`` before it lays a page out on paper and ``afterprint`` after;
    they are sent here by hand, since a measurement cannot be taken from inside the print.
    """
    window_chart = page.evaluate(WIDEST, CHARTS)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    widest_chart = page.evaluate(WIDEST, CHARTS)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    chart_after = page.evaluate(WIDEST, CHARTS)
    size = page.viewport_size
    page.set_viewport_size({"width": PAPER_WIDTH_PX, "height": size["height"] if size else 900})
    widest_table = page.evaluate(WIDEST, "table")
    if size:
        page.set_viewport_size(size)
    return OnPaper(widest_chart, widest_table, chart_after, window_chart)


def _note_remote(url: str, remote: list[str]) -> None:
    if not url.startswith(LOCAL_SCHEMES):
        remote.append(url)
