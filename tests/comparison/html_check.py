"""Checks that an HTML page is well formed and loads nothing from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
LOADING = {"src", "href", "data", "poster", "srcset", "action"}
REMOTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_REMOTE = re.compile(r"(@import|url\()\s*['\"]?\s*(https?:)?//", re.IGNORECASE)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in LOADING and value and REMOTE.match(value):
                self.problems.append(f"<{tag} {name}={value!r}> loads from the network")
        if tag not in VOID:
            self.open.append(tag)
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style and CSS_REMOTE.search(data):
            self.problems.append("a style sheet imports from the network")


def check_offline_html(text: str) -> None:
    """Fail unless the page is a whole, balanced HTML page that loads nothing remote."""
    assert text.lstrip().lower().startswith("<!doctype html>")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert not checker.open, f"unclosed: {checker.open}"
    assert {"html", "head", "body", "title", "meta"} <= set(checker.tags)
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", text, flags=re.DOTALL)
    assert any(len(script) > 1_000_000 for script in scripts), "plotly.js is not embedded"
