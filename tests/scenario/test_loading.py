"""Loading scenario files: extends chains, provenance of lines, UTF-8, round trips, merging."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from govsim.scenario import (
    Scenario,
    ScenarioError,
    dump_scenario,
    load_scenario,
    load_scenario_data,
    scenario_from_dict,
)
from govsim.scenario.catalogue import default_catalogue
from govsim.scenario.resources import check_memory, estimate_bytes

Write = Callable[[str, str], Path]

BASE = """\
    name: base
    description: {en: The base city, zh: 基准城市}
    days: 200
    population:
      size: 5000
      regions: 3
    agencies:
      police:
        capability: 0.5
        data_weight: 0.3
      banks:
        capability: 0.4
    cooperation:
      structure: bilateral
      links:
        police-bank: 0.5
        police-telecom: 0.2
    events:
      - {type: campaign, day: 10}
      - {type: epidemic, day: 50}
"""


def problem_text(error: pytest.ExceptionInfo[ScenarioError]) -> str:
    return str(error.value)


# --- extends ----------------------------------------------------------------------------------


def test_extends_deep_merges_mappings_and_replaces_lists(write: Write) -> None:
    write("base.yaml", BASE)
    child = write(
        "child.yaml",
        """\
        name: child
        extends: base.yaml
        agencies:
          police:
            capability: 0.9
        events:
          - {type: data_breach, day: 30}
        """,
    )
    scenario = load_scenario(child)
    police = scenario.agencies.police
    assert (police.capability, police.data_weight) == (0.9, 0.3)  # merged key by key
    assert scenario.agencies.banks.capability == 0.4  # untouched sibling kept
    assert [event.type for event in scenario.events] == ["data_breach"]  # list replaced
    assert (scenario.days, scenario.population.size) == (200, 5000)  # inherited
    assert scenario.name == "child"


def test_child_description_replaces_the_parents_whole(write: Write) -> None:
    write("base.yaml", BASE)
    child = write("child.yaml", "name: c\nextends: base.yaml\ndescription: {en: Only English}\n")
    scenario = load_scenario(child)
    assert scenario.describe("zh") == "Only English"  # no stale Chinese from the parent


@pytest.mark.filterwarnings("ignore::govsim.scenario.cautions.ScenarioWarning")  # base day 50 > 20
def test_a_file_without_a_name_takes_its_stem_not_its_parents_name(write: Write) -> None:
    write("base.yaml", BASE)
    scenario = load_scenario(write("weak_banks.yaml", "extends: base.yaml\ndays: 20\n"))
    assert (scenario.name, scenario.describe("zh")) == ("weak_banks", "基准城市")
    assert load_scenario(write("plain.yaml", "days: 20\n")).name == "plain"


def test_extends_is_removed_from_the_merged_data(write: Write) -> None:
    write("base.yaml", BASE)
    child = write("child.yaml", "name: child\nextends: base.yaml\n")
    assert "extends" not in load_scenario_data(child)
    assert load_scenario(child).extends is None


def test_chained_extends_across_folders(write: Write) -> None:
    write("library/base.yaml", BASE)
    write("library/mid.yaml", "name: mid\nextends: base.yaml\ndays: 100\nseed: 7\n")
    top = write("studies/top.yaml", "name: top\nextends: ../library/mid.yaml\ndays: 50\n")
    scenario = load_scenario(top)
    assert (scenario.name, scenario.days, scenario.seed) == ("top", 50, 7)
    assert scenario.population.size == 5000


def test_extends_is_relative_to_the_file_not_the_working_directory(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("scenarios/base.yaml", BASE)
    child = write("scenarios/child.yaml", "name: child\nextends: base.yaml\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert load_scenario(child).population.size == 5000


def test_extends_cycle_lists_the_chain(write: Write) -> None:
    write("a.yaml", "name: a\nextends: b.yaml\n")
    write("b.yaml", "name: b\nextends: c.yaml\n")
    write("c.yaml", "name: c\nextends: a.yaml\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write("start.yaml", "name: s\nextends: a.yaml\n"))
    assert re.search(r"a\.yaml -> \S*b\.yaml -> \S*c\.yaml -> \S*a\.yaml;", problem_text(caught))
    (problem,) = caught.value.problems
    assert problem.file is not None
    assert problem.file.endswith("c.yaml")
    assert (problem.line, problem.key_path) == (2, "extends")


def test_a_file_extending_itself_is_a_cycle(write: Write) -> None:
    path = write("self.yaml", "name: me\nextends: self.yaml\n")
    with pytest.raises(ScenarioError, match=r"self\.yaml -> .*self\.yaml"):
        load_scenario(path)


def test_missing_parent_names_the_file_and_line(write: Write) -> None:
    path = write("child.yaml", "name: child\ndays: 5\nextends: nowhere/base.yaml\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert f"{path}:3: extends: parent scenario 'nowhere/base.yaml' not found" in str(caught.value)


def test_extends_must_be_a_path(write: Write) -> None:
    with pytest.raises(ScenarioError, match=r":2: extends: expected the path of a scenario file"):
        load_scenario(write("child.yaml", "name: child\nextends: [a.yaml]\n"))


def test_problems_point_at_the_file_that_supplied_the_key(write: Write) -> None:
    write("base.yaml", "name: base\ndays: 30\nagencies:\n  police:\n    capability: 7\n")
    child = write("child.yaml", "name: child\nextends: base.yaml\ndays: -1\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child)
    rendered = str(caught.value)
    assert f"{child.parent / 'base.yaml'}:5: agencies.police.capability:" in rendered
    assert f"{child}:3: days: expected a whole number in [1, 36_500], got -1" in rendered


def test_child_override_takes_the_childs_line(write: Write) -> None:
    write("base.yaml", "name: base\nagencies:\n  police:\n    capability: 0.5\n")
    child = write("child.yaml", "extends: base.yaml\n\n\nagencies: {police: {capability: 3}}\n")
    with pytest.raises(ScenarioError, match=rf"{child}:4: agencies\.police\.capability"):
        load_scenario(child)


# --- links and the catalogue ------------------------------------------------------------------


def test_links_in_either_order_are_the_same_link(write: Write) -> None:
    path = write(
        "x.yaml", "name: x\ncooperation:\n  links: {bank-police: 0.9, telecom-bank: 0.3}\n"
    )
    links = load_scenario(path).cooperation.links
    assert links == {"police-bank": 0.9, "bank-telecom": 0.3}


def test_child_link_overrides_parent_link_given_in_the_other_order(write: Write) -> None:
    write("base.yaml", BASE)
    child = write("child.yaml", "extends: base.yaml\ncooperation:\n  links: {bank-police: 0.8}\n")
    links = load_scenario(child).cooperation.links
    assert links == {"police-bank": 0.8, "police-telecom": 0.2}


def test_scam_types_merge_over_the_catalogue(write: Write) -> None:
    path = write(
        "x.yaml",
        """\
        name: x
        scam_types:
          loan: {weight: 0.5}
          sextortion: {channel: im, weight: 0.1, label: {en: Sextortion, zh: 裸聊敲诈}}
        """,
    )
    types = load_scenario(path).scam_types
    catalogue = default_catalogue()
    assert types["loan"].weight == 0.5
    assert types["loan"].channel == catalogue["loan"].channel  # the rest of the entry is kept
    assert types["loan"].label == catalogue["loan"].label
    assert types["sextortion"].channel == "im"
    assert set(catalogue) < set(types)


def test_catalogue_overrides_merge_through_extends(write: Write) -> None:
    write("base.yaml", "name: base\nscam_types:\n  loan: {weight: 0.5}\n")
    child = write("child.yaml", "extends: base.yaml\nscam_types:\n  loan: {conversion: 0.01}\n")
    loan = load_scenario(child).scam_types["loan"]
    assert (loan.weight, loan.conversion, loan.channel) == (0.5, 0.01, "sms")


# --- text, UTF-8 and round trips --------------------------------------------------------------


CHINESE = """\
name: 深圳反诈
description:
  en: Shenzhen with a one-stop anti-fraud centre
  zh: 深圳反诈中心一站式止付
population:
  size: 2000
  regions: [福田, 罗湖, 南山]
events:
  - {type: campaign, day: 30, label: {en: Campaign, zh: 全民反诈宣传月}}
"""


def test_chinese_names_and_descriptions_load(write: Write) -> None:
    scenario = load_scenario(write("zh.yaml", CHINESE))
    assert scenario.name == "深圳反诈"
    assert scenario.describe("zh") == "深圳反诈中心一站式止付"
    assert scenario.population.region_names == ["福田", "罗湖", "南山"]


@pytest.mark.parametrize(
    ("description", "english", "chinese"),
    [
        ("{zh: 只有中文}", "只有中文", "只有中文"),
        ("{en: English only}", "English only", "English only"),
        ("{en: Both, zh: 两者}", "Both", "两者"),
    ],
)
def test_a_description_in_one_language_stands_in_for_the_other(
    write: Write, description: str, english: str, chinese: str
) -> None:
    path = write("one.yaml", f"name: one\ndescription: {description}\n")
    scenario = load_scenario(path)
    assert (scenario.describe("en"), scenario.describe("zh")) == (english, chinese)
    assert load_scenario(write("again.yaml", dump_scenario(scenario))) == scenario


def test_institutions_may_be_named_in_chinese_only(write: Write) -> None:
    path = write(
        "banks.yaml",
        """\
        name: banks
        agencies:
          banks:
            institutions:
              - {name: {zh: 大银行}, market_share: 0.7}
              - {name: {zh: 小银行}, market_share: 0.3}
        """,
    )
    names = [i.name for i in load_scenario(path).agencies.banks.institutions]
    assert [name.get("en") for name in names] == ["大银行", "小银行"]


def test_dump_keeps_chinese_readable_and_round_trips(write: Write) -> None:
    scenario = load_scenario(write("zh.yaml", CHINESE))
    text = dump_scenario(scenario)
    assert "深圳反诈中心一站式止付" in text
    assert "\\u" not in text
    assert load_scenario(write("again.yaml", text)) == scenario


def test_a_text_in_one_language_is_dumped_in_that_language_only(write: Write) -> None:
    path = write("one.yaml", "name: one\ndescription: {zh: 只有中文说明}\n")
    text = dump_scenario(load_scenario(path))
    assert "zh: 只有中文说明" in text
    assert "en: null" not in text
    assert load_scenario(write("again.yaml", text)) == load_scenario(path)


def test_dump_of_a_merged_scenario_round_trips(write: Write) -> None:
    write("base.yaml", BASE)
    child = write(
        "child.yaml",
        """\
        name: child
        extends: base.yaml
        cooperation: {structure: hub, links: {bank-police: 0.7}}
        scam_types: {loan: {weight: 0.5}, sextortion: {channel: im}}
        events:
          - {type: data_breach, day: 3, group: null}
          - {type: card_crackdown, day: 90, intensity: 0.5}
        """,
    )
    scenario = load_scenario(child)
    text = dump_scenario(scenario)
    assert "extends" not in text
    again = load_scenario(write("resolved.yaml", text))
    assert again == scenario
    assert again.events[0].group is None  # null kept: it means everyone, not the default


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffname: 有BOM\n".encode())
    assert load_scenario(path).name == "有BOM"


def test_text_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("name: x\ndescription: 反诈\n".encode("gbk"))
    with pytest.raises(ScenarioError, match=r"gbk\.yaml:2: not UTF-8 text"):
        load_scenario(path)


# --- other input ------------------------------------------------------------------------------


def test_anchors_and_merge_keys_work(write: Write) -> None:
    path = write(
        "anchors.yaml",
        """\
        name: anchors
        defaults: &strong {enabled: true, capability: 0.9}
        """,
    )
    with pytest.raises(ScenarioError, match="defaults: unknown key"):
        load_scenario(path)  # anchors need a home; an unknown top-level key is still reported
    path = write(
        "anchors.yaml",
        """\
        name: anchors
        agencies:
          police: &strong {capability: 0.9}
          banks: {<<: *strong, risk_detection: 0.7}
        """,
    )
    banks = load_scenario(path).agencies.banks
    assert (banks.capability, banks.risk_detection) == (0.9, 0.7)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"nothing\.yaml: file not found"):
        load_scenario(tmp_path / "nothing.yaml")


def test_a_directory_is_not_a_scenario(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="is a directory"):
        load_scenario(tmp_path)


def test_multiple_documents_are_a_syntax_error(write: Write) -> None:
    with pytest.raises(ScenarioError, match=r":2: invalid YAML: expected a single document"):
        load_scenario(write("two.yaml", "name: a\n---\nname: b\n"))


# --- programmatic use -------------------------------------------------------------------------


def test_scenario_from_dict_validates_and_names_its_source() -> None:
    scenario = scenario_from_dict({"name": "coded", "days": 10})
    assert isinstance(scenario, Scenario)
    assert scenario.days == 10
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict({"name": "coded", "agencies": {"polise": {}}}, source="dashboard")
    assert str(caught.value) == "dashboard: agencies.polise: unknown key; did you mean 'police'?"


def test_scenario_from_dict_rejects_a_non_mapping() -> None:
    with pytest.raises(ScenarioError, match="expected a mapping, got a list"):
        scenario_from_dict(["name", "x"])  # type: ignore[arg-type]


# --- memory -----------------------------------------------------------------------------------


def test_estimate_grows_with_residents_and_ties() -> None:
    small = scenario_from_dict({"name": "s", "population": {"size": 1000, "ties_per_resident": 0}})
    assert estimate_bytes(small) == pytest.approx(1000 * 72 * 1.2, abs=1)
    tied = scenario_from_dict({"name": "t", "population": {"size": 1000, "ties_per_resident": 10}})
    assert estimate_bytes(tied) == pytest.approx(1000 * (72 + 4 * 10 * 2) * 1.2, abs=1)


def test_check_memory_says_what_fits() -> None:
    scenario = scenario_from_dict({"name": "m", "population": {"size": 1_000_000}})
    check_memory(scenario, available=10 * estimate_bytes(scenario))
    with pytest.raises(ScenarioError) as caught:
        check_memory(scenario, available=estimate_bytes(scenario) // 4)
    (problem,) = caught.value.problems
    assert problem.key_path == "population.size"
    assert "is available" in problem.message
    assert problem.hint is not None
    assert "at most 250_000" in problem.hint


def test_load_reports_memory_at_the_size_line(write: Write, fixed_memory: int) -> None:
    path = write(
        "big.yaml",
        """\
        name: big
        fraud: {market_population: 10_000_000}
        population:
          ties_per_resident: 100
          size: 10_000_000
        """,
    )
    with pytest.raises(ScenarioError, match=rf"{path}:5: population\.size: 10_000_000 residents"):
        load_scenario(path)
    assert load_scenario(path, check_resources=False).population.size == 10_000_000


def test_a_copied_shipped_scenario_is_told_where_its_parent_is(tmp_path):
    from govsim.scenario.loading import SHIPPED_SCENARIOS

    copy = tmp_path / "lesson.yaml"
    copy.write_text((SHIPPED_SCENARIOS / "police_only.yaml").read_text(encoding="utf-8"))
    with pytest.raises(ScenarioError) as raised:
        load_scenario(copy)
    text = raised.value.render("en")
    assert "parent scenario 'baseline.yaml' not found" in text
    assert f"extends: {SHIPPED_SCENARIOS / 'baseline.yaml'}" in text


def test_a_shipped_scenario_named_without_its_suffix_is_found_for_the_fix(tmp_path):
    from govsim.scenario.loading import SHIPPED_SCENARIOS

    child = tmp_path / "more_campaigns.yaml"
    child.write_text("extends: baseline\nname: 加强宣传\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(child)
    text = raised.value.render("en")
    assert "parent scenario 'baseline' not found" in text
    assert f"extends: {SHIPPED_SCENARIOS / 'baseline.yaml'}" in text


def test_a_parent_named_without_its_suffix_beside_the_file_gets_the_full_name(write: Write):
    write("base.yaml", "name: base\n")
    child = write("child.yaml", "extends: base\n")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(child)
    assert "names the file in full: extends: base.yaml" in raised.value.render("en")
    assert "须写出完整文件名：extends: base.yaml" in raised.value.render("zh")


def test_a_missing_parent_with_no_likely_file_keeps_the_plain_fix(write: Write):
    child = write("child.yaml", "extends: no_such_parent\n")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(child)
    assert "the path is relative to this file; check its spelling" in raised.value.render("en")


def test_a_partial_by_group_mapping_keeps_the_default_for_the_other_groups(write: Write) -> None:
    """`extends` merges onto the resolved parent, defaults included, not only its file."""
    base = write("base.yaml", "name: base\n")
    child = write(
        "child.yaml",
        f"extends: {base.name}\nagencies:\n  education:\n    campaign_reach:\n      elderly: 0.9\n",
    )
    default = load_scenario(base).agencies.education.campaign_reach
    reach = load_scenario(child).agencies.education.campaign_reach
    assert reach.elderly == 0.9
    assert (reach.student, reach.working) == (default.student, default.working)
    assert default.elderly != 0.9


def test_a_partial_profile_of_a_built_in_scam_type_keeps_its_catalogue_values(write):
    from govsim.scenario.catalogue import default_catalogue

    path = write("child.yaml", "scam_types:\n  fake_prize:\n    profile:\n      elderly: 3\n")
    catalogue = default_catalogue()["fake_prize"].profile
    profile = load_scenario(path).scam_types["fake_prize"].profile
    assert profile.elderly == 3.0
    assert (profile.student, profile.working) == (catalogue.student, catalogue.working)


def test_a_label_of_a_built_in_scam_type_is_replaced_whole(write: Write) -> None:
    """A text and its translation belong together: an English label alone drops the Chinese."""
    path = write("child.yaml", "scam_types:\n  fake_prize:\n    label:\n      en: Lottery win\n")
    label = load_scenario(path).scam_types["fake_prize"].label
    assert (label.en, label.zh) == ("Lottery win", None)


def test_a_partial_mapping_is_still_checked(write: Write) -> None:
    path = write("child.yaml", "agencies:\n  education:\n    campaign_reach:\n      elderly: 1.5\n")
    with pytest.raises(ScenarioError, match=r"campaign_reach\.elderly"):
        load_scenario(path)
