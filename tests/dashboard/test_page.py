"""The page as Solara components, rendered without a browser (``solara.render``)."""

from __future__ import annotations

import ipyvuetify as v
import pytest
import solara

from govsim.dashboard.catalogue import FOLDERS_VARIABLE, ScenarioCatalogue
from govsim.dashboard.chosen import first_scenario
from govsim.dashboard.controls import LanguageSwitch, SettledSlider, WholeNumber, whole_number
from govsim.dashboard.labels import say
from govsim.dashboard.page import Page
from govsim.dashboard.simulation import Choices, Simulation
from govsim.dashboard.views import Views


@pytest.fixture
def page(lesson, monkeypatch):
    monkeypatch.setenv(FOLDERS_VARIABLE, str(lesson))
    # As Solara serves it: the page inside the app layout, which holds the sidebar and app bar.
    _, rc = solara.render(solara.AppLayout(children=[Page()]), handle_error=False)
    return rc


def test_the_first_scenario_is_the_hub_when_offered():
    assert first_scenario(["a", "multi_party_hub"]) == "multi_party_hub"
    assert first_scenario(["b", "a"]) == "b"
    assert first_scenario([]) == ""


def test_a_broken_first_scenario_shows_its_error_then_another_runs(page):
    error = page.find(v.Alert, class_="govsim-error").widget
    assert "agencies.police.capability" in error.children[0]
    page.find(v.Select).widget.v_model = "tiny"
    page.find(children=["Day 0 of 30"]).wait_for(timeout=10)
    page.find(v.Btn, children=["Step"]).widget.click()
    page.find(children=["Day 1 of 30"]).wait_for(timeout=10)


def test_the_language_switch_sets_the_sessions_language():
    language = solara.Reactive("en")
    _, rc = solara.render(LanguageSwitch(language), handle_error=False)
    toggle = rc.find(v.BtnToggle).widget
    toggle.v_model = 1  # the second button: 简体中文
    assert language.value == "zh"
    rc.find(v.Btn, children=["English"]).assert_single()


def test_the_views_speak_chinese(lesson):
    simulation = Simulation.of(ScenarioCatalogue([lesson]), Choices("tiny"))
    simulation.step(2)
    _, rc = solara.render(Views(simulation.snapshot(), "zh"), handle_error=False)
    rc.find(children=["第 2 天 / 共 30 天"]).assert_single()
    rc.find(children=["第 2 天：反诈宣传活动"]).assert_single()
    assert not rc.find(children=["Day 2 of 30"]).widgets


def test_the_centres_view_only_for_a_hub(lesson):
    from govsim.dashboard.server import scenario_folders

    catalogue = ScenarioCatalogue(scenario_folders([lesson]))
    for name, shown in (("lesson/tiny", True), ("police_only", False)):
        simulation = Simulation.of(catalogue, Choices(name, residents=2_000))
        _, rc = solara.render(Views(simulation.snapshot(), "en"), handle_error=False)
        caption = rc.find(children=[say("caption_centre", "en")])
        assert bool(caption.widgets) is shown, name


def test_a_level_is_reported_once_let_go_not_while_dragged():
    reported = []
    _, rc = solara.render(SettledSlider("capability", 0.5, reported.append), handle_error=False)
    slider = rc.find(v.Slider).widget
    slider.v_model = 0.3  # dragging: the browser updates the value as the thumb moves
    slider.v_model = 0.25
    assert reported == []
    slider.fire_event("change", 0.25)  # let go
    assert reported == [0.25]


def test_a_number_field_complains_in_the_pages_language():
    reported = []
    _, rc = solara.render(
        WholeNumber("居民人数", 20_000, reported.append, "zh"), handle_error=False
    )
    field = rc.find(v.TextField).widget
    field.v_model = "abc"
    field.fire_event("focusout")
    field = rc.find(v.TextField).widget
    assert field.error
    assert field.label == "居民人数 (应为整数，实际为“abc”)"
    assert reported == []
    field.v_model = "50,000"
    field.fire_event("focusout")
    assert reported == [50_000]
    assert not rc.find(v.TextField).widget.error


def test_whole_numbers_are_read_as_people_write_them():
    assert whole_number(" 20_000 ") == 20_000
    assert whole_number("-3") == -3  # passed on: the scenario's checks say what is wrong
    assert whole_number("2e4") is None
    assert whole_number("") is None


def test_without_a_centre_its_place_says_why(lesson):
    from govsim.dashboard.server import scenario_folders

    simulation = Simulation.of(ScenarioCatalogue(scenario_folders()), Choices("police_only", 2_000))
    _, rc = solara.render(Views(simulation.snapshot(), "zh"), handle_error=False)
    rc.find(v.Card, class_="ma-0 govsim-no-centre").assert_single()
    structure = say("bilateral", "zh", table="structures")
    rc.find(children=[say("no_centre", "zh", structure=structure)]).assert_single()


def test_the_chain_view_picks_a_ring(lesson):
    simulation = Simulation.of(ScenarioCatalogue([lesson]), Choices("tiny"))
    simulation.step(2)
    snapshot = simulation.snapshot()
    _, rc = solara.render(Views(snapshot, "en"), handle_error=False)
    rc.find(children=[say("caption_chain", "en")]).assert_single()
    picker = rc.find(v.Select, label="Ring").widget
    assert picker.v_model.startswith(f"Ring {snapshot.rings[0].ring}")
    picker.v_model = picker.items[-1]
    assert rc.find(v.Select, label="Ring").widget.v_model == picker.items[-1]


def test_the_structure_picker_rebuilds_without_a_centre(page):
    page.find(v.Select).widget.v_model = "tiny"
    page.find(children=["Day 0 of 30"]).wait_for(timeout=10)
    structure = page.find(v.Select, label="Cooperation structure").widget
    assert structure.v_model == say("hub", "en", table="structures")
    assert len(structure.items) == 3
    structure.v_model = say("bilateral", "en", table="structures")
    page.find(v.Card, class_="ma-0 govsim-no-centre").wait_for(timeout=20)


def test_side_by_side_steps_both_and_shows_the_difference(lesson):
    from govsim.dashboard.side_by_side import SideBySide

    catalogue = ScenarioCatalogue([lesson])
    page = SideBySide(catalogue, {"tiny": None}, "en")
    _, rc = solara.render(solara.AppLayout(children=[page]), handle_error=False)
    rc.find(children=["Day 0 of 30"]).wait_for(timeout=20)
    assert len(rc.find(children=["Day 0 of 30"]).widgets) == 2
    rc.find(v.Btn, children=["Step"]).widget.click()
    rc.find(children=["Day 1 of 30"]).wait_for(timeout=20)
    assert len(rc.find(children=["Day 1 of 30"]).widgets) == 2
    # The table is drawn from the pair's snapshot, which may land a render after the counters.
    rc.find(v.Html, tag="td", children=["Victims"]).wait_for(timeout=20)
    rc.find(v.Html, tag="td", children=["Victims"]).assert_single()
    rc.find(children=[say("caption_pair_victims", "en")]).assert_single()
    rc.find(children=[say("caption_pair_loss", "en")]).assert_single()


def test_the_mode_switch_offers_one_scenario_or_two():
    from govsim.dashboard.controls import ModeSwitch
    from govsim.dashboard.page import MODES

    mode = solara.Reactive(MODES[0])
    _, rc = solara.render(ModeSwitch(mode, MODES, "zh"), handle_error=False)
    rc.find(v.Btn, children=["并排对比"]).assert_single()
    rc.find(v.BtnToggle, class_="govsim-mode").widget.v_model = 1
    assert mode.value == "pair"


def test_the_scenarios_description_shows_in_the_pages_language(lesson):
    from govsim.dashboard.controls import ScenarioDescription
    from govsim.dashboard.server import scenario_folders

    abouts = ScenarioCatalogue(scenario_folders()).abouts()
    police = abouts["police_only"]
    for language in ("en", "zh"):
        _, rc = solara.render(ScenarioDescription(police, language), handle_error=False)
        text = rc.find(v.Html, class_="govsim-description").widget.children[0]
        assert text == police.describe(language)
    assert police.describe("zh") != police.describe("en")


def test_a_level_is_in_view_beside_its_name_in_the_pages_language():
    _, rc = solara.render(SettledSlider("能力", 0.35, print, colon="："), handle_error=False)
    assert rc.find(v.Slider).widget.label == "能力：0.35"


def test_without_agreements_the_no_centre_card_says_no_lead_passes(lesson):
    from dataclasses import replace

    simulation = Simulation.of(ScenarioCatalogue([lesson]), Choices("tiny"))
    snapshot = replace(simulation.snapshot(), structure="none")
    _, rc = solara.render(Views(snapshot, "en"), handle_error=False)
    structure = say("none", "en", table="structures")
    rc.find(children=[say("no_centre_none", "en", structure=structure)]).assert_single()


def test_a_link_shows_its_level_in_force_when_the_model_uses_another():
    from govsim.dashboard.controls import in_force_note

    assert in_force_note(0.9, 0.98, "en") == " → 0.98 in force"
    assert in_force_note(0.9, 0.98, "zh") == " → 实际生效 0.98"
    assert in_force_note(0.4, 0.4000001, "en") == ""


@pytest.mark.parametrize("language", ["en", "zh"])
def test_link_sliders_say_the_level_in_force_under_a_hub(lesson, language):
    from govsim.dashboard.controls import LinkControls

    simulation = Simulation.of(ScenarioCatalogue([lesson]), Choices("tiny"))
    choices = solara.Reactive(simulation.choices)
    _, rc = solara.render(LinkControls(choices, simulation, language), handle_error=False)
    sliders = rc.find(v.Slider).widgets
    police_bank = say("police-bank", language, table="links")
    label = next(s.label for s in sliders if s.label.startswith(police_bank))
    assert label.endswith("0.90" + say("in_force", language, level="0.98"))
    assert not any(s.disabled for s in sliders)
    assert not rc.find(v.Html, class_="govsim-links-ignored").widgets


@pytest.mark.parametrize("language", ["en", "zh"])
def test_link_sliders_are_disabled_and_say_why_without_a_structure(lesson, language):
    from govsim.dashboard.controls import LinkControls

    choices = Choices("tiny").with_setting("cooperation.structure", "none")
    simulation = Simulation.of(ScenarioCatalogue([lesson]), choices)
    _, rc = solara.render(
        LinkControls(solara.Reactive(choices), simulation, language), handle_error=False
    )
    sliders = rc.find(v.Slider).widgets
    assert sliders
    assert all(s.disabled for s in sliders)
    note = rc.find(v.Html, class_="govsim-links-ignored").widget
    assert note.children[0] == say("links_ignored", language)


def test_a_number_fields_complaint_follows_a_switch_of_language():
    language = solara.reactive("en")

    @solara.component
    def field_page() -> solara.Element:
        return WholeNumber(say("residents", language.value), 20_000, print, language.value)

    _, rc = solara.render(field_page(), handle_error=False)
    field = rc.find(v.TextField).widget
    field.v_model = "abc"
    field.fire_event("focusout")
    assert rc.find(v.TextField).widget.label == "Residents (expected a whole number, got 'abc')"
    language.set("zh")
    field = rc.find(v.TextField).widget
    assert field.label == "居民人数 (应为整数，实际为“abc”)"
    assert field.error
