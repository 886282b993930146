"""A real ``govsim dashboard`` server on a free local port, for the browser tests and benchmark.

The server runs in its own process, as a trainer starts it, with the checkout on its path and
Solara's telemetry off; it is stopped when the block ends.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from tests.helpers import ROOT

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
"""Chromium without the background traffic and the sandbox a root container cannot offer."""
START_SECONDS = 60.0
"""Longest wait for the server to answer (a loaded machine shares two cores)."""


def govsim_dashboard(*arguments: str) -> list[str]:
    """The command line of ``govsim dashboard`` with ``arguments``."""
    return [sys.executable, "-m", "govsim.cli", "dashboard", *arguments]


def environment() -> dict[str, str]:
    """This environment, with the checkout importable and Solara's telemetry off."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False"}


@contextmanager
def served(*arguments: str) -> Iterator[str]:
    """``govsim dashboard ARGUMENTS`` on a free port of 127.0.0.1; yields its address."""
    port = _free_port()
    # Its messages go to a file, not a pipe: a pipe nobody reads would stall a chatty server.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as messages:
        server = subprocess.Popen(
            govsim_dashboard(*arguments, "--port", str(port)),
            env=environment(),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=messages,
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            _wait_until_serving(url, server, messages)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, messages: IO[str]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            messages.seek(0)
            raise RuntimeError(f"govsim dashboard exited: {messages.read()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"govsim dashboard did not answer at {url}")
