"""What a scenario file says of itself, for the picker: its name and its description.

A key such as ``lessons/demo`` tells a class little; the scenario's own ``name`` and
``description`` do. They are read from the file and its ``extends`` chain without validating
the rest (a file with a wrong value still says what it is about), and only from a regular file
inside its folder. Reading is remembered per file version, so listing the scenarios costs a
look at each file's size and time after the first time. A file that cannot be read says
nothing here: the picker lists it by key, and its error shows when it is chosen, as before.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from govsim.dashboard.labels import say
from govsim.scenario import ScenarioError
from govsim.scenario.fields import Text, text_in
from govsim.scenario.loading import load_scenario_data

REMEMBERED_FILES = 1024
"""File versions whose name and description are kept: far more than a lesson's folders hold."""
_TEXT = TypeAdapter(Text)


@dataclass(frozen=True, slots=True)
class ScenarioAbout:
    """A scenario's ``name`` and ``description`` (plain or ``{en: ..., zh: ...}``; "" if none)."""

    name: str
    description: Text = ""

    def describe(self, language: str = "en") -> str:
        """The description in ``language`` (English where the file gives no Chinese)."""
        return text_in(self.description, language)


def read_about(path: Path) -> ScenarioAbout | None:
    """What the scenario file at ``path`` says of itself; None if it cannot be read.

    Only a regular file is opened: a pipe or a device named ``*.yaml`` would hold the page
    up. The file's size and modification time pick the remembered reading, so a file saved
    during a lesson is read again.
    """
    try:
        status = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    return _read_version(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=REMEMBERED_FILES)
def _read_version(path: Path, _mtime_ns: int, _size: int) -> ScenarioAbout | None:
    """The name and description of one version of a file (the version picks the cache entry)."""
    try:
        data = load_scenario_data(path)
    except ScenarioError:
        return None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        description = _TEXT.validate_python(data.get("description", ""))
    except ValidationError:
        description = ""  # shown with the file's other problems once chosen
    return ScenarioAbout(name, description)


def picker_text(key: str, about: ScenarioAbout | None, language: str = "en") -> str:
    """How the picker offers a scenario: its key, with its name where that adds something.

    A name that repeats the key's last part (``lesson/tiny`` named ``tiny``) adds nothing.
    """
    if about is None or about.name == key.rsplit("/", 1)[-1]:
        return key
    return say("scenario_named", language, file=key, name=about.name)
