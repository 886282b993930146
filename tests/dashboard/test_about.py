"""The picker names each scenario as its file does, and a file it cannot read stays listed."""

from __future__ import annotations

import os

import ipyvuetify as v
import pytest
import solara

from govsim.dashboard import about
from govsim.dashboard.about import ScenarioAbout, picker_text, read_about
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.controls import ScenarioPicker
from tests.dashboard.conftest import CLASS_DESCRIPTION, CLASS_NAME, write_class


@pytest.fixture
def classroom(lesson):
    """The class folder beside the lesson folder."""
    return write_class(lesson.parent / "class", lesson)


def test_a_name_that_adds_something_follows_the_key_in_the_pages_language():
    named = ScenarioAbout("Shenzhen hub")
    assert picker_text("class/demo", named, "en") == "class/demo (Shenzhen hub)"
    assert picker_text("class/demo", named, "zh") == "class/demo（Shenzhen hub）"
    assert picker_text("lesson/tiny", ScenarioAbout("tiny"), "zh") == "lesson/tiny"
    assert picker_text("police_only", ScenarioAbout("police_only"), "en") == "police_only"
    assert picker_text("class/garbled", None, "en") == "class/garbled"


def test_the_name_and_description_come_from_the_file_and_its_parents(lesson, classroom):
    demo = read_about(classroom / "demo.yaml")
    assert demo.name == CLASS_NAME
    assert demo.describe("en") == CLASS_DESCRIPTION["en"]
    assert demo.describe("zh") == CLASS_DESCRIPTION["zh"]
    # broken.yaml has a value out of range: it still says what it is, its own name and the
    # description it inherits from tiny.yaml.
    broken = read_about(lesson / "broken.yaml")
    assert broken.name == "broken"
    assert broken.describe("en") == read_about(lesson / "tiny.yaml").describe("en") != ""


def test_a_file_that_cannot_be_read_says_nothing(lesson, classroom, tmp_path):
    assert read_about(classroom / "garbled.yaml") is None
    assert read_about(tmp_path / "gone.yaml") is None
    (tmp_path / "folder.yaml").mkdir()
    assert read_about(tmp_path / "folder.yaml") is None
    (tmp_path / "nameless.yaml").write_text("days: 3\n")
    assert read_about(tmp_path / "nameless.yaml") == ScenarioAbout("nameless")
    (tmp_path / "odd.yaml").write_text("name: odd\ndescription: [1, 2]\n")
    assert read_about(tmp_path / "odd.yaml") == ScenarioAbout("odd")


def test_a_pipe_named_like_a_scenario_is_not_opened(tmp_path):
    """Opening a pipe would wait for a writer that never comes, and hold the page up."""
    os.mkfifo(tmp_path / "pipe.yaml")
    assert read_about(tmp_path / "pipe.yaml") is None


def test_every_file_is_listed_and_a_link_out_of_its_folder_is_not_read(lesson, classroom, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: the server's secret\n")
    (classroom / "sneaky.yaml").symlink_to(secret)
    abouts = ScenarioCatalogue([lesson, classroom]).abouts()
    assert list(abouts) == ["broken", "tiny", "class/demo", "class/garbled", "class/sneaky"]
    assert abouts["class/demo"].name == CLASS_NAME
    assert abouts["class/garbled"] is None
    assert abouts["class/sneaky"] is None
    assert read_about(secret).name == "the server's secret"  # readable, but not through the page


def test_a_file_is_read_once_per_version(lesson, monkeypatch):
    read = []
    original = about.load_scenario_data
    monkeypatch.setattr(
        about, "load_scenario_data", lambda path: read.append(path) or original(path)
    )
    about._read_version.cache_clear()
    path = lesson / "tiny.yaml"
    read_about(path)
    read_about(path)
    assert read == [path]
    text = path.read_text(encoding="utf-8").replace("name: tiny", "name: tinier", 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert read_about(path).name == "tinier"
    assert read == [path, path]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_picker_offers_names_and_describes_the_chosen_one(lesson, classroom, language):
    abouts = ScenarioCatalogue([lesson, classroom]).abouts()
    chosen = []
    _, rc = solara.render(
        ScenarioPicker("Scenario", "class/demo", chosen.append, abouts, language),
        handle_error=False,
    )
    picker = rc.find(v.Select).widget
    texts = {item["value"]: item["text"] for item in picker.items}
    assert texts["class/demo"] == picker_text("class/demo", ScenarioAbout(CLASS_NAME), language)
    assert texts["class/garbled"] == "class/garbled"
    assert texts["tiny"] == "tiny"
    description = rc.find(v.Html, class_="govsim-description").widget
    assert description.children[0] == CLASS_DESCRIPTION[language]
    picker.v_model = "class/garbled"
    assert chosen == ["class/garbled"]


def test_a_scenario_that_says_nothing_has_no_description(lesson, classroom):
    abouts = ScenarioCatalogue([classroom]).abouts()
    _, rc = solara.render(
        ScenarioPicker("Scenario", "garbled", print, abouts, "en"), handle_error=False
    )
    assert not rc.find(v.Html, class_="govsim-description").widgets
