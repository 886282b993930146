"""The scenarios a dashboard may open: the shipped ones and the folders its trainer names.

The page picks a scenario by a key from this catalogue, never by a path a browser sends, and
every file is checked to lie inside its folder after symbolic links are resolved: a dashboard
reachable from a classroom network must not become a way to read the server's other files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from govsim.dashboard.about import ScenarioAbout, read_about
from govsim.dashboard.labels import say
from govsim.scenario.loading import SHIPPED_SCENARIOS

SHIPPED_FOLDER = SHIPPED_SCENARIOS
"""The scenarios that come with govsim (present in a checkout and an editable install)."""
FOLDERS_VARIABLE = "GOVSIM_DASHBOARD_SCENARIOS"
"""How ``govsim dashboard`` hands its folders to the server's sessions (``os.pathsep``-joined)."""


class OutsideFoldersError(ValueError):
    """A scenario was asked for that is not a file of the configured folders.

    Said in the page's language (:meth:`render`): ``text`` names a text of the dashboard's
    labels, ``values`` fill it.
    """

    def __init__(self, text: str, /, **values: object) -> None:
        self.text, self.values = text, values
        super().__init__(self.render("en"))

    def render(self, language: str) -> str:
        """The error in ``language``."""
        return say(self.text, language, **self.values)


@dataclass(frozen=True, slots=True)
class ScenarioEntry:
    """One scenario file the page can offer: its key, its file and the folder it is in."""

    key: str
    path: Path
    folder: Path


class ScenarioCatalogue:
    """The ``*.yaml`` files directly inside a list of folders, keyed ``stem`` or ``folder/stem``.

    The first folder's files are keyed by their stem (``police_only``); later folders' by
    ``folder name/stem``, so a user's ``police_only.yaml`` does not hide the shipped one. Two
    later folders of the same name are told apart by the folders above them
    (``dupA/lessons/demo``, ``dupB/lessons/demo``): a key that two files shared would open
    only the first. A folder named twice is listed once.
    """

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = list(dict.fromkeys(Path(folder).resolve() for folder in folders))

    def entries(self) -> list[ScenarioEntry]:
        """The scenarios offered, read afresh so that a file saved during a lesson appears."""
        found = []
        prefixes = ["", *(f"{name}/" for name in distinct_names(self.folders[1:]))]
        for folder, prefix in zip(self.folders, prefixes, strict=True):
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")):
                found.append(ScenarioEntry(f"{prefix}{path.stem}", path, folder))
        return found

    def keys(self) -> list[str]:
        """The keys of the scenarios offered, in folder then name order."""
        return [entry.key for entry in self.entries()]

    def path_of(self, key: str) -> Path:
        """The file of a listed scenario; :class:`OutsideFoldersError` for anything else."""
        for entry in self.entries():
            if entry.key == key:
                return inside(entry.folder, entry.path)
        raise OutsideFoldersError("not_in_folders", name=repr(key))

    def abouts(self) -> dict[str, ScenarioAbout | None]:
        """What each listed scenario says of itself, by key (None where that cannot be read).

        A file leading outside its folder is not read at all: its name and description would
        show a file of the server's that the page must not reach.
        """
        found: dict[str, ScenarioAbout | None] = {}
        for entry in self.entries():
            try:
                found[entry.key] = read_about(inside(entry.folder, entry.path))
            except OutsideFoldersError:
                found[entry.key] = None
        return found


def distinct_names(folders: Sequence[Path]) -> list[str]:
    """Each folder's name, with as many of the folders above it as tell it from the others.

    ``[a/lessons, b/lessons, c/extra]`` gives ``[a/lessons, b/lessons, extra]``: a name is
    lengthened only where it clashes, so a trainer's keys stay short. The folders must differ.
    """
    depths = [1] * len(folders)
    while True:
        names = [
            "/".join(folder.parts[-depth:]) for folder, depth in zip(folders, depths, strict=True)
        ]
        clashing = [i for i, name in enumerate(names) if names.count(name) > 1]
        if not clashing:
            return names
        for i in clashing:
            depths[i] += 1


def inside(folder: Path, path: Path) -> Path:
    """``path`` resolved, if it lies inside ``folder``; :class:`OutsideFoldersError` if not.

    Resolving first means neither ``..`` nor a symbolic link can lead outside.
    """
    resolved = (folder / path).resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise OutsideFoldersError("outside_folder", path=path, folder=folder)
    return resolved


def configured_catalogue() -> ScenarioCatalogue:
    """The catalogue ``govsim dashboard`` set up: its folders, or the shipped scenarios alone."""
    named = os.environ.get(FOLDERS_VARIABLE, "")
    folders = [Path(text) for text in named.split(os.pathsep) if text]
    return ScenarioCatalogue(folders or [SHIPPED_FOLDER])
