"""Every word the dashboard shows, in English and Simplified Chinese.

A trainer switches language in front of an audience: a single English leftover on a Chinese
screen is a visible fault, so every label lives here as a pair (``tests/test_dashboard_labels.py``
checks that none lacks its Chinese). Measures the command line already names come from
:mod:`govsim.labels`, so a measure reads the same in a table and on the screen.
"""

from __future__ import annotations

from govsim.labels import LANGUAGES, MEASURES

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "zh": "简体中文"}
"""Each language in its own words, as the switch shows it."""

PARTIES: dict[str, tuple[str, str]] = {
    "police": ("Police", "公安"),
    "banks": ("Banks and payments", "银行与支付机构"),
    "telecoms": ("Telecom operators", "通信运营商"),
    "platforms": ("Internet platforms", "互联网平台"),
    "judiciary": ("Judiciary", "司法机关"),
    "education": ("Public education", "宣传教育"),
}
"""The parties a trainer can switch on and off, by their key under ``agencies``."""

LINKS: dict[str, tuple[str, str]] = {
    "police-bank": ("Police - banks", "公安 - 银行"),
    "police-telecom": ("Police - telecoms", "公安 - 通信运营商"),
    "police-platform": ("Police - platforms", "公安 - 互联网平台"),
    "police-police": ("Police across regions and divisions", "公安跨地区跨警种"),
    "police-judiciary": ("Police - judiciary", "公安 - 司法机关"),
    "bank-telecom": ("Banks - telecoms", "银行 - 通信运营商"),
}
"""The cooperation links the page offers, by their key under ``cooperation.links``."""

ROLES: dict[str, tuple[str, str]] = {
    "arrests_leader": ("Leaders arrested", "抓获头目"),
    "arrests_core": ("Core members arrested", "抓获骨干"),
    "arrests_operators": ("Operators arrested", "抓获话务员"),
    "arrests_money_movers": ("Money movers arrested", "抓获洗钱人员"),
    "arrests_other_roles": ("Others in the chain arrested", "抓获其他环节人员"),
}
"""Arrests so far by the role in the ring's chain, by their column in the market table."""

NODES: dict[str, tuple[str, str]] = {
    "police": ("Police", "公安"),
    "bank": ("Banks", "银行"),
    "telecom": ("Telecoms", "通信运营商"),
    "platform": ("Platforms", "互联网平台"),
    "judiciary": ("Judiciary", "司法机关"),
    "government": ("Government", "政府"),
    "public": ("Public", "公众"),
    "international": ("Police abroad", "境外警方"),
}
"""The parties of the cooperation network, by their name in a link's key (``police-bank``)."""

EVENTS: dict[str, tuple[str, str]] = {
    "data_breach": ("Data breach", "个人信息泄露"),
    "card_crackdown": ("Card crackdown (断卡)", "“断卡”行动"),
    "campaign": ("Awareness campaign", "反诈宣传活动"),
    "epidemic": ("Epidemic", "疫情"),
}
"""Names of the scenario events the log shows."""

GROUPS: dict[str, tuple[str, str]] = {
    "student": ("Students", "学生"),
    "working": ("Working age", "在职人员"),
    "elderly": ("Elderly", "老年人"),
}
"""Age groups of residents."""

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("govsim: governing telecom fraud", "govsim：电信网络诈骗治理仿真"),
    "language": ("Language", "语言"),
    "scenario": ("Scenario", "情景"),
    "residents": ("Residents", "居民人数"),
    "seed": ("Seed", "随机种子"),
    "controls": ("Run", "运行控制"),
    "parties": ("Parties", "治理主体"),
    "enabled": ("acts", "参与"),
    "capability": ("capability", "能力"),
    "links": ("Cooperation links", "协作链路"),
    "play": ("Play", "播放"),
    "pause": ("Pause", "暂停"),
    "step": ("Step", "单步"),
    "reset": ("Reset", "重置"),
    "speed": ("Speed (days per update)", "速度（每次刷新推进天数）"),
    "day": ("Day {day} of {days}", "第 {day} 天 / 共 {days} 天"),
    "finished": ("The scenario's last day is reached.", "已到达情景的最后一天。"),
    "no_scenarios": (
        "No scenario files (*.yaml) in the configured folders.",
        "所配置的文件夹中没有情景文件（*.yaml）。",
    ),
    "invalid": ("This scenario cannot run", "该情景无法运行"),
    "warnings": ("Warnings", "警告"),
    "so_far": ("So far", "累计"),
    "daily": ("daily", "每日"),
    "cumulative": ("cumulative", "累计"),
    "rings_active": ("Rings active (market)", "活跃团伙数（全市场）"),
    "awareness": ("Mean awareness", "平均防骗意识"),
    "district": ("District", "辖区"),
    "event_log": ("Event log", "事件记录"),
    "live_events": ("Live events", "实时事件"),
    "live_data_breach": ("Leak student records", "学生信息泄露"),
    "live_card_crackdown": ("Launch a card crackdown", "发起“断卡”行动"),
    "live_campaign": ("Start a campaign", "开展反诈宣传"),
    "caption_live": (
        "Each takes effect on the next day and then appears in the event log.",
        "次日起生效，生效后记入事件记录。",
    ),
    "no_events": ("No event yet.", "尚无事件。"),
    "event_line": ("day {day}: {event}", "第 {day} 天：{event}"),
    "event_of_group": ("{event} ({group})", "{event}（{group}）"),
    "view_victims": ("Victims", "受害人数"),
    "view_loss": ("Net loss (yuan)", "净损失（元）"),
    "view_layers": ("Interceptions by layer", "各环节拦截情况"),
    "view_rings": ("Rings and arrests by role", "诈骗团伙与各环节抓捕"),
    "view_awareness": ("Awareness by group", "各人群防骗意识"),
    "view_districts": ("Victims and losses by district", "各辖区受害人数与损失"),
    "view_cooperation": ("Cooperation network", "协作网络"),
    "view_centre": ("The one-stop centre", "反诈中心"),
    "link_level": ("link level", "协作水平"),
    "caption_victims": (
        "Residents who paid a scammer for the first time in an episode: bars each day, the line "
        "the running total.",
        "在一次诈骗中首次付款的居民：柱为每日人数，线为累计人数。",
    ),
    "caption_loss": (
        "Money paid minus money frozen and returned, in yuan: bars each day, the line the running "
        "total.",
        "被骗金额减去止付冻结返还的金额（元）：柱为每日数额，线为累计数额。",
    ),
    "caption_layers": (
        "What each layer stopped so far; not a funnel: the counts are not nested and their units "
        "differ (contacts, people, transfers).",
        "截至目前各环节的拦截数；这不是漏斗：各项互不包含，单位也不同（联络次数、人数、转账笔数）。",
    ),
    "caption_rings": (
        "Ring members arrested so far in the whole market the city belongs to, by their role in "
        "the chain (stacked bars), and the rings still operating (line, right axis).",
        "本市所在的整个诈骗市场中按产业链环节累计抓获的团伙成员（堆叠柱），以及仍在活动的团伙数"
        "（线，右轴）。",
    ),
    "caption_awareness": (
        "How well each age group recognises scams, from 0 (not at all) to 1 (always).",
        "各年龄人群识别诈骗的能力，从 0（完全不能）到 1（总能识别）。",
    ),
    "caption_districts": (
        "Victims and net loss so far by the district where the victim lives.",
        "按受害人居住辖区统计的累计受害人数与净损失。",
    ),
    "caption_cooperation": (
        "The parties and their cooperation links: the thicker the line, the closer they work "
        "(the effective level, a one-stop centre's co-location included; the loop is police "
        "across regions).",
        "各治理主体及其协作链路：线越粗，协作越紧密（为实际协作水平，含合成中心集中办公的加成；"
        "环线表示公安跨地区协作）。",
    ),
    "caption_centre": (
        "The one-stop centre's day: risk leads reaching it and its dissuasion calls (bars), and "
        "leads waiting in its queue for a call (line, right axis).",
        "反诈中心的每日工作：推送至中心的预警线索与劝阻电话（柱），以及排队待劝阻的线索（线，右轴）。",
    ),
    "caption_events": (
        "Events of the scenario as they happen.",
        "情景中的事件，按发生顺序列出。",
    ),
}
"""The page's own words: controls, titles, captions and messages."""

TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "texts": TEXTS,
    "parties": PARTIES,
    "links": LINKS,
    "events": EVENTS,
    "nodes": NODES,
    "roles": ROLES,
    "groups": GROUPS,
}
"""Every table of dashboard words, for the test that each has both languages."""


def say(key: str, language: str = "en", table: str = "texts", **values: object) -> str:
    """The dashboard's word for ``key`` in ``language``, filled with ``values``.

    An unknown language shows English rather than failing mid-demonstration; the language
    switch offers only :data:`LANGUAGES`, so this happens only through a programming error.
    """
    pair = TABLES[table][key]
    text = pair[LANGUAGES.index(language)] if language in LANGUAGES else pair[0]
    return text.format(**values) if values else text


def measure(name: str, language: str = "en") -> str:
    """The name of a measure (a results column), as the command line's tables print it."""
    pair = MEASURES[name]
    return pair[LANGUAGES.index(language)] if language in LANGUAGES else pair[0]
