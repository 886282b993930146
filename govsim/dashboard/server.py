"""Serving the dashboard: Solara's server on a chosen host and port, with govsim's folders.

Solara reads some settings when it is first imported (telemetry among them), so the
environment is set before any Solara import: nothing leaves a closed intranet.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from govsim.dashboard.catalogue import FOLDERS_VARIABLE, SHIPPED_FOLDER
from govsim.labels import LANGUAGE_VARIABLE

DEFAULT_HOST = "127.0.0.1"
"""Only this machine can open the page unless the trainer says otherwise (``--host``)."""
DEFAULT_PORT = 8765
QUIET_ENVIRONMENT: dict[str, str] = {"SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False"}
"""Solara settings that would otherwise reach out to the internet (with ``--no-check-version``)."""


def scenario_folders(extra: Sequence[Path] = ()) -> list[Path]:
    """The shipped scenarios (when present) followed by the trainer's folders."""
    shipped = [SHIPPED_FOLDER] if SHIPPED_FOLDER.is_dir() else []
    return [*shipped, *(Path(folder).resolve() for folder in extra)]


def prepare_environment(folders: Sequence[Path], language: str = "en") -> None:
    """Hand the folders and the first language to the page's sessions; no calls home."""
    os.environ[FOLDERS_VARIABLE] = os.pathsep.join(str(folder) for folder in folders)
    os.environ[LANGUAGE_VARIABLE] = language
    for name, value in QUIET_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def serve(
    folders: Sequence[Path],
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    language: str = "en",
) -> None:
    """Run the dashboard's server until interrupted (Solara in production mode, no browser)."""
    prepare_environment(folders, language)
    from solara.__main__ import run  # after the environment: Solara reads it on import

    from govsim.dashboard.catalogue import configured_catalogue
    from govsim.dashboard.chosen import first_choice
    from govsim.dashboard.warmed_up import warm_up_in_background

    # The first session's city warms up while the server starts (the page then waits for it).
    warm_up_in_background(first_choice(configured_catalogue()))

    from govsim.dashboard.offline import default_cache
    from govsim.dashboard.plot import install_bundle

    install_bundle(default_cache())

    arguments = [
        "govsim.dashboard.app",
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-open",
        "--no-check-version",
    ]
    run.main(arguments, standalone_mode=False)
