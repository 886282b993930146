"""The dashboard reads scenarios only from its folders, whatever a browser asks for."""

from __future__ import annotations

import pytest

from govsim.dashboard.catalogue import (
    FOLDERS_VARIABLE,
    SHIPPED_FOLDER,
    OutsideFoldersError,
    ScenarioCatalogue,
    configured_catalogue,
    inside,
)
from govsim.dashboard.server import scenario_folders
from tests.helpers import SHIPPED


def test_shipped_scenarios_by_stem_then_the_trainers_by_folder(lesson):
    catalogue = ScenarioCatalogue(scenario_folders([lesson]))
    keys = catalogue.keys()
    assert keys[: len(SHIPPED)] == SHIPPED
    assert keys[len(SHIPPED) :] == ["lesson/broken", "lesson/tiny"]
    assert catalogue.path_of("lesson/tiny") == (lesson / "tiny.yaml").resolve()


@pytest.mark.parametrize(
    "asked",
    ["../etc/passwd", "lesson/../../secret", "/etc/passwd", "lesson/tiny.yaml", "", "nothing"],
)
def test_anything_but_a_listed_key_is_refused(lesson, asked):
    catalogue = ScenarioCatalogue([lesson])
    with pytest.raises(OutsideFoldersError):
        catalogue.path_of(asked)


def test_a_link_that_leads_outside_the_folder_is_refused(lesson, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: secret\n")
    (lesson / "sneaky.yaml").symlink_to(secret)
    catalogue = ScenarioCatalogue([lesson])
    offered = catalogue.keys()
    assert "sneaky" in offered
    with pytest.raises(OutsideFoldersError):
        catalogue.path_of("sneaky")
    with pytest.raises(OutsideFoldersError):
        inside(lesson, lesson / ".." / "secret.yaml")


def test_the_server_hands_its_folders_to_the_sessions(lesson, monkeypatch):
    monkeypatch.setenv(FOLDERS_VARIABLE, str(lesson))
    assert configured_catalogue().keys() == ["broken", "tiny"]
    monkeypatch.delenv(FOLDERS_VARIABLE)
    assert configured_catalogue().folders == [SHIPPED_FOLDER]


def test_two_folders_of_one_name_each_open_their_own_files(lesson, tmp_path):
    first, second = (tmp_path / side / "lessons" for side in ("dupA", "dupB"))
    for folder, text in ((first, "name: a\n"), (second, "name: b\n")):
        folder.mkdir(parents=True)
        (folder / "demo.yaml").write_text(text)
    catalogue = ScenarioCatalogue([lesson, first, second])
    keys = catalogue.keys()
    assert keys == ["broken", "tiny", "dupA/lessons/demo", "dupB/lessons/demo"]
    assert catalogue.path_of("dupA/lessons/demo") == (first / "demo.yaml").resolve()
    assert catalogue.path_of("dupB/lessons/demo") == (second / "demo.yaml").resolve()


def test_a_folder_name_is_lengthened_only_where_it_clashes(tmp_path):
    from pathlib import Path

    from govsim.dashboard.catalogue import distinct_names

    folders = [Path("/x/a/lessons"), Path("/x/b/lessons"), Path("/x/c/extra")]
    assert distinct_names(folders) == ["a/lessons", "b/lessons", "extra"]
    deep = [Path("/one/same/lessons"), Path("/two/same/lessons")]
    assert distinct_names(deep) == ["one/same/lessons", "two/same/lessons"]
    assert ScenarioCatalogue([tmp_path, tmp_path, tmp_path]).folders == [tmp_path.resolve()]
