"""The attribution's own words, in English and Simplified Chinese, as pairs like ``govsim.labels``.

What a reader needs to read the report without knowing Shapley values: what a player's part
means, the unit and level of each outcome, what each of the one-stop centre's mechanisms does,
and what a pair's negative interaction says. The words the attribution shares with the
comparison (its verdict nouns, headings, the players' names) stay in
:mod:`govsim.comparison.wording`; :func:`word` looks here first, then there (no key is in both:
``tests/attribution/test_wording.py`` checks).
"""

from __future__ import annotations

from govsim.attribution.players import CAPACITY_OFF
from govsim.comparison.wording import WORDS as SHARED_WORDS
from govsim.labels import label
from govsim.scenario.schema import Scenario

UNITS: dict[str, tuple[str, str]] = {
    "net_loss": ("yuan", "元"),
    "victims": ("victims", "人"),
    "collateral": ("legitimate calls, transfers and items", "次"),
    "governance_cost": ("yuan", "元"),
}
"""The unit of each attributed outcome (docs/outputs.md), as a note or an axis names it."""
MONEY: frozenset[str] = frozenset({"net_loss", "governance_cost"})
"""Attributed outcomes in yuan: their amounts in sentences carry the unit."""

MECHANISMS: dict[str, tuple[str, str]] = {
    "one_intake": (
        "every victim's report reaches one intake where the bank staff seated at the centre "
        "issue the stop-payment themselves, {hours} hours after the report, instead of the "
        "route through a police station and the police-bank link. Off: reports take that route.",
        "受害人报案统一进入中心的受理窗口，由派驻中心的银行人员直接止付，报案后 {hours} 小时"
        "即可完成，不再经派出所流转和公安 - 银行协作链路。关闭时：报案按上述常规流程办理。",
    ),
    "data_desk": (
        "analysts of the banks, telecoms and platforms seated at the centre look at each "
        "other's data for traces of scam contacts too weak for one company to act on alone "
        "(here {share} of such traces are examined). A trace the others' data corroborate "
        "becomes a risk lead for the centre's callers and a signal to the victim's bank, and "
        "leads that show a scam in progress are called first. It also tells each company "
        "more, so that its own blocks hit fewer legitimate users. Off: no desk.",
        "银行、通信运营商和互联网平台派驻中心的分析人员相互比对数据，查找单靠一家不足以处置的"
        "诈骗联络痕迹（本情景研判其中 {share}）。经他方数据印证的痕迹成为推送给中心劝阻人员的"
        "预警线索，并提示受害人开户银行；显示诈骗正在进行的线索优先劝阻。各公司也因此掌握更多"
        "信息，自身拦截时误伤更少。关闭时：不设专席。",
    ),
    "joint_operations": (
        "the centre's joint team links more cases across regions and divisions (it closes "
        "{share} of the gap to certain linking), and when an operation arrests a ring's "
        "members it also takes down {share} of the ring's phone numbers, accounts and mule "
        "accounts. Off: no joint operations.",
        "中心合成作战团队串并更多跨地区、跨警种案件（补上与全部串并之间差距的 {share}）；"
        "收网抓获团伙成员时，同时封停该团伙 {share} 的电话号码、网络账号和涉诈资金账户。"
        "关闭时：不开展合成作战。",
    ),
    "colocation": (
        "police, banks, telecoms and platforms seat staff together, which closes {share} of "
        "the gap to full cooperation on every link among them. Off: those links at the "
        "levels the scenario writes for them.",
        "公安、银行、通信运营商和互联网平台集中办公，使它们之间每条协作链路与完全协作的差距"
        "缩小 {share}。关闭时：这些链路按情景中写明的水平协作。",
    ),
    "capacity": (
        "the centre's callers make {calls} dissuasion calls a day per 100,000 residents, "
        "against {default} without the centre's own call team (the model's default); risk "
        "leads beyond what they can call wait, and are dropped after {expiry} days. Off: "
        "{default} calls a day per 100,000 residents.",
        "中心劝阻人员每天每十万人可拨打 {calls} 个劝阻电话，没有中心专门劝阻团队时为 "
        "{default} 个（模型默认值）；超出劝阻能力的预警线索排队等待，{expiry} 天后作废。"
        "关闭时：每天每十万人 {default} 个。",
    ),
}
"""What each of the centre's own mechanisms does (docs/ODD.md 7.20) and what switching it off
leaves, filled with the scenario's own settings."""

WORDS: dict[str, tuple[str, str]] = {
    "reading_title": ("How to read this report", "如何阅读本报告"),
    "reading": (
        "Each player's part (its Shapley value) answers one question: of what {kind} achieve "
        "all together against {empty}, how much is this player's doing? Imagine switching the "
        "players on one at a time, {orders}. Each time this player is switched on, the outcome "
        "changes by some amount, which can depend on who is on already; its part is the "
        "average of these changes over the orders. The parts of all players add up to the "
        "whole effect (\u201cAll together\u201d). A part above 0 lowers the outcome, one below "
        "0 raises it. The 95% interval shows how far a part may be from its estimate, given "
        "how much the replications differ: where it spans zero (its low end below 0 and its "
        "high end above 0), the runs do not show whether the player lowers or raises the "
        "outcome, and the report says it has no clear part.",
        "每个参与者的分摊值（Shapley 值）回答一个问题：相比{empty}，{kind}全部启用时取得的总效果"
        "中，有多少归功于该参与者？设想{orders}把参与者逐一启用。每启用该参与者一次，指标都会"
        "变化一定的量，变化大小可能取决于已启用的其他参与者；其分摊值就是这些变化在各种顺序上的"
        "平均值。全部参与者的分摊值相加等于总效果（“全体合计”）。分摊值大于 0 表示使指标减少，"
        "小于 0 表示使指标增加。95%置信区间表示在各次重复运行的差异下，分摊值可能偏离估计值的"
        "范围：区间跨越零（下限小于 0、上限大于 0）时，运行结果不能说明该参与者使指标减少还是"
        "增加，报告称其作用不明确。",
    ),
    "all_orders": ("in every possible order", "按所有可能的顺序"),
    "sampled_orders": (
        "in {orders} random orders (half of them the reverse of the others)",
        "按随机抽取的 {orders} 种顺序（其中一半为另一半的逆序）",
    ),
    "mechanisms_title": ("The centre's mechanisms", "合成中心各机制"),
    "measure_note": (
        "Unit: {unit}. Level: the city, its {residents:,} residents over {days} measured days. "
        "A part above 0 lowers {noun}, a part below 0 raises it.",
        "单位：{unit}。统计范围：本市 {residents:,} 名居民，{days} 个统计日。分摊值大于 0 表示"
        "使{noun}减少，小于 0 表示使其增加。",
    ),
    "with_unit": ("{name} ({unit})", "{name}（{unit}）"),
    "waterfall_axis": ("Reduction, {unit} (below 0: a rise)", "减少量（{unit}；小于 0 为增加）"),
    "overlap": (
        "Largest overlap for {noun}: {first} with {second}, {amount} (95% CI {low} to "
        "{high}): together they achieve less than the two apart",
        "{noun}方面重叠最大的一对：{first} 与 {second}，{amount}（95%置信区间 {low} 至 "
        "{high}）：两者合作的成效小于各自成效之和",
    ),
    "unclear_overlap": (
        "No clear overlap for {noun}: the most negative, {first} with {second}, is {amount} "
        "(95% CI {low} to {high})",
        "{noun}方面无明显重叠：最小的一对为 {first} 与 {second}，{amount}"
        "（95%置信区间 {low} 至 {high}）",
    ),
    "no_pair_overlap": (
        "No pair overlaps for {noun}: no index is below 0 (the smallest, {first} with "
        "{second}, is {amount}; 95% CI {low} to {high})",
        "{noun}方面没有任何一对相互重叠：没有小于 0 的指数"
        "（最小的为 {first} 与 {second}，{amount}；95%置信区间 {low} 至 {high}）",
    ),
}
"""Sentences and headings of the attribution alone, filled with ``str.format``."""


def word(key: str, language: str = "en", **values: object) -> str:
    """One of the attribution's sentences or headings (its own, else the comparison's)."""
    table = WORDS if key in WORDS else SHARED_WORDS
    return label(key, language, table).format(**values)


def unit(outcome: str, language: str = "en") -> str:
    """An attributed outcome's unit: yuan, victims, or the collateral burden's counts."""
    return label(outcome, language, UNITS)


def with_unit(text: str, outcome: str, language: str = "en") -> str:
    """A money amount with its unit ("52,612 yuan", "52,612 元"); other amounts as they are."""
    if outcome not in MONEY:
        return text
    return f"{text} {unit(outcome, language)}"


def mechanism_definition(mechanism: str, scenario: Scenario, language: str = "en") -> str:
    """What one of the centre's mechanisms does, with the scenario's own settings."""
    centre = scenario.cooperation.centre
    police = scenario.agencies.police
    values = {
        "one_intake": {"hours": f"{centre.intake_hours:g}"},
        "data_desk": {"share": f"{centre.data_desk:.0%}"},
        "joint_operations": {"share": f"{centre.joint_operations:.0%}"},
        "colocation": {"share": f"{scenario.cooperation.hub_colocation:.0%}"},
        "capacity": {
            "calls": f"{police.dissuasion_calls_per_100k:g}",
            "default": f"{CAPACITY_OFF:g}",
            "expiry": police.lead_expiry_days,
        },
    }[mechanism]
    return label(mechanism, language, MECHANISMS).format(**values)
