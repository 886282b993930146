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
            page.pdf(path=str(pdf), prefer_css_page_size=True)
        finally:
            browser.close()
    return OfflinePage(figures, text, remote, screenshot, printed, pdf)


def _note_remote(url: str, remote: list[str]) -> None:
    if not url.startswith(LOCAL_SCHEMES):
        remote.append(url)
