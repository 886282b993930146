"""Every word the dashboard shows, in English and Simplified Chinese.

A trainer switches language in front of an audience: a single English leftover on a Chinese
screen is a visible fault, so every label lives here as a pair (``tests/test_dashboard_labels.py``
checks that none lacks its Chinese). Measures the command line already names come from
:mod:`govsim.labels`, so a measure reads the same in a table and on the screen.
"""

from __future__ import annotations

from govsim.labels import AGENCIES, LANGUAGES, MEASURES
from govsim.labels import LINKS as ALL_LINKS

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "zh": "简体中文"}
"""Each language in its own words, as the switch shows it."""

PARTIES: dict[str, tuple[str, str]] = AGENCIES
"""The parties a trainer can switch on and off, by their key under ``agencies``."""

LINKS: dict[str, tuple[str, str]] = {
    link: ALL_LINKS[link]
    for link in (
        "police-bank",
        "police-telecom",
        "police-platform",
        "police-police",
        "police-judiciary",
        "bank-telecom",
    )
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

TRAFFIC: dict[str, tuple[str, str]] = {
    "freeze": ("stop-payment orders", "止付指令"),
    "blacklist": ("numbers and accounts to block", "待封停号码与账户"),
    "lead": ("risk leads and signals", "预警线索与信号"),
    "case": ("cases linked across regions", "跨地区串并案件"),
    "suspect": (
        "suspects handed to prosecution, joined early (whole market)",
        "提前介入、移送起诉的嫌疑人（整个市场）",
    ),
    "arrest": ("ring members arrested abroad (whole market)", "境外抓获的团伙成员（整个市场）"),
}
"""What a cooperation link carries (``govsim.metrics.LINK_TRAFFIC``), as its hover names it."""

STRUCTURES: dict[str, tuple[str, str]] = {
    "none": ("None: each party acts alone", "无：各方各自为战"),
    "bilateral": ("Bilateral agreements", "双边协作"),
    "hub": ("One-stop centre (hub)", "合成中心（一站式）"),
}
"""The cooperation structures ``cooperation.structure`` allows, as the picker offers them."""

CHAIN_ROLES: dict[str, tuple[str, str]] = {
    "leader": ("Leader", "头目"),
    "core": ("Core members", "骨干"),
    "data_buyers": ("Data buyers", "信息购买人员"),
    "technicians": ("Technicians", "技术人员"),
    "script_designers": ("Script designers", "话术编写人员"),
    "operators": ("Operators", "话务员"),
    "money_movers": ("Money movers", "洗钱人员"),
}
"""A ring's roles along its chain (``govsim.scenario.fraud.ROLES``)."""

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
    "scenario_named": ("{file} ({name})", "{file}（{name}）"),
    "residents": ("Residents", "居民人数"),
    "seed": ("Seed", "随机种子"),
    "controls": ("Run", "运行控制"),
    "parties": ("Parties", "治理主体"),
    "enabled": ("acts", "参与"),
    "capability": ("capability", "能力"),
    "links": ("Cooperation links", "协作链路"),
    "in_force": (" → {level} in force", " → 实际生效 {level}"),
    "links_ignored": (
        'Under the structure "None" each party acts alone: every link is 0 in force, whatever '
        "its level below. Pick bilateral agreements or the one-stop centre to use them.",
        "在“无”协作结构下各方各自为战：无论下列水平如何，每条链路的实际水平均为 0。"
        "选择双边协作或合成中心后方可生效。",
    ),
    "building": (
        "Building the city and running the warm-up…",
        "正在构建城市并运行预热期……",
    ),
    "building_wait": (
        "Play, step, reset and the live events wait until it is ready; a newer choice replaces "
        "this build.",
        "就绪之前暂不能播放、单步、重置或触发实时事件；再次更改选择将取代本次构建。",
    ),
    "building_old_views": (
        " Until then the charts below are the last run's.",
        "在此之前，下方图表仍为上一次运行的结果。",
    ),
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
    "centre_seats": (
        "{staff} staff seated per 100,000 residents",
        "每10万居民集中办公 {staff} 人",
    ),
    "no_centre_title": ("No one-stop centre", "无反诈中心"),
    "call_capacity": ("Calls a day its callers can make", "每日劝阻能力"),
    "no_centre": (
        "No one-stop centre in this city (cooperation structure: {structure}): reports go to "
        "police stations, leads through each pairwise link; pick the hub structure to see one.",
        "本市没有反诈中心（协作结构：{structure}）：报案由派出所受理，线索经各双边链路传递；"
        "选择合成中心结构即可查看。",
    ),
    "no_centre_none": (
        "No one-stop centre in this city, and no agreements ({structure}): reports go to police "
        "stations, and no lead passes from one party to another; pick the hub structure to see "
        "a centre.",
        "本市没有反诈中心，也没有协作协议（{structure}）：报案由派出所受理，各方之间不传递线索；"
        "选择合成中心结构即可查看反诈中心。",
    ),
    "structure": ("Cooperation structure", "协作结构"),
    "mode_single": ("One scenario", "单个情景"),
    "mode_pair": ("Side by side", "并排对比"),
    "scenario_a": ("Scenario A (reference)", "情景 A（参照）"),
    "scenario_b": ("Scenario B", "情景 B"),
    "pair_note": (
        "Both run the same city with the same seed, day by day together, and share their luck "
        "where they coincide: a scenario set against itself never differs, so what differs "
        "here starts from the governance.",
        "两个情景使用同一城市、同一随机种子，逐日同步推进，相同之处运气也相同：同一情景与自身"
        "对比毫无差别，因此这里的差别源于治理方式的不同。",
    ),
    "view_pair_victims": ("Victims each day: A, B and B - A", "每日受害人数：A、B 与 B - A"),
    "view_pair_loss": ("Net loss so far: A, B and B - A", "累计净损失：A、B 与 B - A"),
    "view_pair_table": ("Key outcomes so far", "主要结果（截至目前）"),
    "difference": ("Difference B - A", "差值 B - A"),
    "relative": ("Change", "变化率"),
    "outcome": ("Outcome", "指标"),
    "caption_pair_victims": (
        "Victims each day in A and B (lines) and B minus A (shaded): below zero, B had fewer.",
        "A 与 B 每日受害人数（线）及 B 减 A（阴影）：低于零表示 B 更少。",
    ),
    "caption_pair_loss": (
        "Net loss so far in A and B (lines) and the gap B minus A (shaded): the money B saved, "
        "or lost, day by day.",
        "A 与 B 的累计净损失（线）及差值 B 减 A（阴影）：B 逐日多挽回或多损失的金额。",
    ),
    "caption_pair_table": (
        "Totals so far of the outcomes govsim compare judges, and B against A (one run each: "
        "no interval; run govsim compare for replications).",
        "govsim compare 所评判的主要结果的累计值，以及 B 相对 A 的差异（各仅一次运行，无置信"
        "区间；多次重复请运行 govsim compare）。",
    ),
    "view_chain": ("One ring's chain", "单个团伙的产业链"),
    "ring": ("Ring", "团伙"),
    "ring_choice": (
        "Ring {ring}{abroad}: {members} members",
        "团伙 {ring}{abroad}：{members} 人",
    ),
    "ring_abroad": (" (abroad)", "（境外）"),
    "at_home": ("in the country", "境内"),
    "abroad": ("abroad", "境外"),
    "full_strength": ("full strength", "满编人数"),
    "no_rings": ("No ring is operating.", "当前没有活动的团伙。"),
    "caption_chain": (
        "The members of one ring by role along its chain, in the country and abroad, against "
        "its full strength: arrested members are replaced after a delay; taking the leader and "
        "most of the core dissolves it.",
        "所选团伙沿产业链各环节的成员（境内、境外）与满编人数对比：被抓成员会在一段时间后被补充；"
        "抓获头目和多数骨干则团伙解散。",
    ),
    "link_level": ("link level", "协作水平"),
    "hover_day": ("Day %{x}", "第 %{x} 天"),
    "hover_victims": ("Victims", "受害人数"),
    "hover_net_loss": ("Net loss", "净损失"),
    "unit_yuan": (" yuan", " 元"),
    "hover_of": ("{measure} ({series})", "{measure}（{series}）"),
    "caption_victims": (
        "Residents who paid a scammer for the first time in an episode: the shaded steps each "
        "day, the line the running total.",
        "在一次诈骗中首次付款的居民：阴影阶梯为每日人数，线为累计人数。",
    ),
    "caption_loss": (
        "Money paid minus money frozen and returned, in yuan: the shaded steps each day, the line "
        "the running total.",
        "被骗金额减去止付冻结返还的金额（元）：阴影阶梯为每日数额，线为累计数额。",
    ),
    "caption_layers": (
        "What each layer stopped so far; not a funnel: the counts are not nested and their units "
        "differ (contacts, people, transfers).",
        "截至目前各环节的拦截数；这不是漏斗：各项互不包含，单位也不同（联络次数、人数、转账笔数）。",
    ),
    "caption_rings": (
        "Ring members arrested so far in the whole market the city belongs to, by their role in "
        "the chain (stacked areas), and the rings still operating (line, right axis).",
        "本市所在的整个诈骗市场中按产业链环节累计抓获的团伙成员（堆叠面积），以及仍在活动的团伙数"
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
        "The parties and their links, as thick as they cooperate; orange where a link carried a "
        "stop-payment order, a blacklist entry, a lead, a linked case, a suspect for prosecution "
        "or an arrest abroad in the last 3 days (the number says how many; the loop is police "
        "across regions).",
        "各治理主体及其协作链路，线越粗协作越紧密；近 3 天传递过止付指令、黑名单、线索、串并案件、"
        "移送起诉的嫌疑人或境外抓获的链路显示为橙色（数字为件数；环线表示公安跨地区协作）。",
    ),
    "caption_centre": (
        "The one-stop centre's day: risk leads reaching it and its dissuasion calls (shaded steps) "
        "against what its callers can make (dashes), and leads queueing for a call (line, "
        "right axis).",
        "反诈中心的每日工作：推送至中心的预警线索与劝阻电话（阴影阶梯）、劝阻能力上限（虚线），以及"
        "排队待劝阻的线索（线，右轴）。",
    ),
    "whole_number": ("expected a whole number, got '{got}'", "应为整数，实际为“{got}”"),
    "not_in_folders": (
        "{name} is not a scenario of the dashboard's folders",
        "{name} 不是仪表盘情景文件夹中的情景",
    ),
    "outside_folder": (
        "{path} is outside the scenario folder {folder} (a link leading out of the folder is "
        "not followed: copy the file into the folder instead)",
        "{path} 位于情景文件夹 {folder} 之外"
        "（不跟随指向文件夹之外的链接：请把文件复制到该文件夹中）",
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
    "traffic": TRAFFIC,
    "structures": STRUCTURES,
    "chain_roles": CHAIN_ROLES,
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
