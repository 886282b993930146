"""What govsim prints for people, in English and Simplified Chinese (tables, command line).

Every phrase is a pair (English, Chinese), so a phrase cannot exist in one language only
(``tests/test_labels.py`` checks). The language is chosen per command with ``--lang`` or once
with the environment variable ``GOVSIM_LANG``; anything else is refused with the choices, not
silently shown in English.

Wording in Chinese follows what a police trainee reads in an anti-fraud centre's reports
(诈骗联络, 劝阻, 止付冻结), not a word-for-word translation of the English.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "zh")
"""Languages in which govsim prints for people; the first is the default."""
LANGUAGE_VARIABLE = "GOVSIM_LANG"
"""The environment variable that sets the language once for every command."""

MEASURES: dict[str, tuple[str, str]] = {
    "victims": ("Victims", "受害人数"),
    "gross_loss": ("Gross loss (yuan)", "被骗总金额（元）"),
    "frozen": ("Frozen and returned (yuan)", "止付冻结返还（元）"),
    "net_loss": ("Net loss (yuan)", "净损失（元）"),
    "attempts": ("Contact attempts", "诈骗联络次数"),
    "contacts_reached": ("Contacts reached", "诈骗触达人次"),
    "blocked_telecom": ("Blocked by telecoms", "通信运营商拦截次数"),
    "blocked_platform": ("Removed by platforms", "互联网平台拦截次数"),
    "dissuaded": ("Dissuaded before paying (calls, warnings)", "预警劝阻成功人数"),
    "held_by_bank": ("Transfers stopped by bank holds", "银行风控止付笔数"),
    "reports": ("Reports to police", "报案数"),
    "cases_linked": ("Cases linked", "串并案件数"),
    "arrests": ("Arrests", "抓获人数"),
    "arrests_cross_border": ("Cross-border arrests", "跨境抓获人数"),
    "convictions": ("Convictions", "判决有罪人数"),
    "rings_active_end": ("Rings active at end", "期末活跃团伙数"),
    "ring_members_end": ("Ring members at end", "期末团伙成员数"),
    "rings_entered": ("Rings entered", "新进入团伙数"),
    "rings_exited": ("Rings exited (unprofitable)", "退出团伙数（无利可图）"),
    "rings_dissolved": ("Rings dissolved (by arrests)", "瓦解团伙数（抓捕）"),
    "operations": ("Arrest operations", "收网行动次数"),
    "legit_calls_blocked": ("Legitimate calls blocked", "正常通话被误拦次数"),
    "legit_transfers_delayed": ("Legitimate transfers delayed", "正常转账被误延笔数"),
    "legit_content_removed": ("Legitimate content removed", "正常内容被误删条数"),
    "report_share": ("Share of victims reporting", "受害人报案率"),
    "recovered_share": ("Share of loss recovered", "挽损比例"),
    "reported_recovered_share": ("Share of reported loss recovered", "报案损失挽损比例"),
    "reported_loss": ("Loss of victims who report (yuan)", "报案受害人被骗金额（元）"),
    "frozen_reported": (
        "Frozen and returned to victims who report (yuan)",
        "报案受害人止付冻结返还（元）",
    ),
    "cross_border_loss_share": ("Share of proceeds sent abroad", "资金出境比例"),
    "median_hours_to_freeze": ("Median hours to freeze", "冻结用时中位数（小时）"),
    "governance_cost": ("Governance cost (yuan)", "治理成本（元）"),
    "cost_police": ("  of which police (yuan)", "  其中公安（元）"),
    "cost_banks": ("  of which banks and payments (yuan)", "  其中银行与支付机构（元）"),
    "cost_telecoms": ("  of which telecoms (yuan)", "  其中通信运营商（元）"),
    "cost_platforms": ("  of which platforms (yuan)", "  其中互联网平台（元）"),
    "cost_judiciary": ("  of which judiciary (yuan)", "  其中司法机关（元）"),
    "cost_education": ("  of which education (yuan)", "  其中宣传教育（元）"),
    "cost_cooperation": (
        "  of which cooperation links and centre (yuan)",
        "  其中协作与合成中心（元）",
    ),
    "dissuasion_calls": ("Dissuasion calls made", "劝阻电话拨打数"),
    "flagged": ("Contacts flagged as suspicious", "可疑联络标记数"),
    "leads": ("Risk leads reaching the centre", "推送至反诈中心的预警线索"),
    "leads_expired": ("Risk leads dropped uncalled", "未及劝阻即失效的线索"),
    "leads_waiting": ("Risk leads waiting for a call", "待劝阻线索"),
    "handles_taken_down": (
        "Numbers and accounts taken down in joint operations",
        "合成作战封停号码与账户",
    ),
}
"""Display names of measures, by the column name they are written under."""

SHARES: frozenset[str] = frozenset(
    {"report_share", "recovered_share", "reported_recovered_share", "cross_border_loss_share"}
)
"""Measures that are shares of a whole (0 to 1): shown as percentages, never per resident."""

AGENCIES: dict[str, tuple[str, str]] = {
    "police": ("Police", "公安"),
    "banks": ("Banks and payments", "银行与支付机构"),
    "telecoms": ("Telecoms", "通信运营商"),
    "platforms": ("Platforms", "互联网平台"),
    "judiciary": ("Judiciary", "司法机关"),
    "education": ("Education", "宣传教育"),
}
"""The six parties, by their key under ``agencies``: one name for each, so that a party reads the
same in a report's chart, an attribution's verdict and a dashboard's switch."""

LINKS: dict[str, tuple[str, str]] = {
    "police-bank": ("Police - banks", "公安 - 银行"),
    "police-telecom": ("Police - telecoms", "公安 - 通信运营商"),
    "police-platform": ("Police - platforms", "公安 - 互联网平台"),
    "police-police": ("Police across regions and divisions", "公安跨地区跨警种"),
    "police-judiciary": ("Police - judiciary", "公安 - 司法机关"),
    "police-international": ("Police - police abroad", "公安 - 境外警方"),
    "bank-telecom": ("Banks - telecoms", "银行 - 通信运营商"),
    "bank-platform": ("Banks - platforms", "银行 - 互联网平台"),
    "telecom-platform": ("Telecoms - platforms", "通信运营商 - 互联网平台"),
    "government-public": ("Government - public", "政府 - 公众"),
}
"""Every cooperation link, by its key under ``cooperation.links``."""

HEADERS: dict[str, tuple[str, str]] = {
    "measure": ("Measure", "指标"),
    "mean": ("Mean", "均值"),
    "ci": ("95% CI", "95%置信区间"),
    "per_100k": ("Per 100k residents a year", "每十万人每年"),
}
"""Column headers of the result tables."""

PHRASES: dict[str, tuple[str, str]] = {
    "market_title": (
        "Market ({residents:,} residents the rings serve)",
        "全市场（团伙所服务的 {residents:,} 名居民）",
    ),
    "city_title": (
        "{name}: a city of {residents:,} residents, {days} measured days",
        "{name}：{residents:,} 名居民的城市，测量 {days} 天",
    ),
    "table_note": (
        "Mean and 95% confidence interval over {replications} replication(s); "
        "intervals are cut at zero. City's share: the market's count attributed to the city by "
        "its share of the market's residents (the market table gives the whole market's).",
        "{replications} 次重复运行的均值与95%置信区间；区间下限最低为零。"
        "本市份额：全市场计数按本市居民占市场居民的比例计入本市（市场表给出全市场的数字）。",
    ),
    "attributed_mark": (" (city's share)", "（本市份额）"),
    "progress": ("Replications", "重复运行"),
    "run_file_missing": (
        "{file} is missing: this folder does not hold a whole run as govsim writes one",
        "缺少 {file}：此文件夹中没有 govsim 写出的完整运行结果",
    ),
    "run_file_unreadable": (
        "the results in {folder}/ cannot be read ({error}): run the command that made them again",
        "无法读取 {folder}/ 中的结果（{error}）：请重新运行生成这些结果的命令",
    ),
    "out_is_a_folder": (
        "{file} is a folder: give --output the path of the file to write",
        "{file} 是文件夹：请用 --output 指定要写出的文件路径",
    ),
    "out_is_a_file": (
        "{folder} is a file, not a folder: give --out a folder for the results",
        "{folder} 是文件而不是文件夹：请用 --out 指定一个保存结果的文件夹",
    ),
    "out_holds_results": (
        "{folder}/ already holds results: choose another folder with --out, "
        "or add --force to replace them",
        "{folder}/ 中已有结果：请用 --out 另选文件夹，或加上 --force 覆盖原有结果",
    ),
    "out_under_a_file": (
        "cannot create {folder}/: {existing} is a file, not a folder",
        "无法创建 {folder}/：{existing} 是文件而不是文件夹",
    ),
    "out_read_only": (
        "cannot write results into {folder}/: {existing} is read-only",
        "无法把结果写入 {folder}/：{existing} 只读",
    ),
    "finished": (
        "{replications} replication(s) in {seconds:.1f} s; results in {folder}/",
        "已完成 {replications} 次重复运行，用时 {seconds:.1f} 秒；结果保存在 {folder}/",
    ),
    "valid": (
        "{file}  (name: {name}, {residents:,} residents, {days} days)",
        "{file}  （名称：{name}，{residents:,} 名居民，{days} 天）",
    ),
    "valid_experiment": (
        "{file}  (experiment: {name}, on {scenario}; {points} points x {replications} "
        "replication(s) = {runs} runs, {design} design)",
        "{file}  （实验：{name}，基于 {scenario}；{points} 个参数点，每点重复 {replications} 次，"
        "共 {runs} 次运行，{design} 设计）",
    ),
    "ok": ("OK", "通过"),
    "validated": (
        "{files} files checked: {failed} with problems",
        "共检查 {files} 个文件：{failed} 个有问题",
    ),
    "error": ("Error", "错误"),
    "warning": ("Warning", "警告"),
    "colon": (": ", "："),
    "problems": (
        "{count} problem(s) found (each names its file, or the command line):",
        "发现 {count} 处问题（每处都注明所在文件或命令行）：",
    ),
    "wrote_schema": ("Wrote the scenario schema to {file}", "情景 JSON Schema 已写入 {file}"),
    # govsim sweep
    "sweep_plan": (
        "{name}: {points} points x {replications} replication(s) = {runs} runs "
        "({design} design) into {folder}/",
        "{name}：{points} 个参数点，每点重复 {replications} 次，共 {runs} 次运行（{design} 设计），"
        "结果写入 {folder}/",
    ),
    "sweep_progress": ("Runs", "运行"),
    "sweep_skipped": (
        "{count} runs were already done and were skipped",
        "已有 {count} 次运行完成，本次跳过",
    ),
    "backend_choices": ("choose one of {choices}", "请从 {choices} 中选一个"),
    "scheduler_needs_dask": ("needs --backend dask", "需要同时给出 --backend dask"),
    "sweep_kept_failed": (
        "{count} run(s) recorded as failed were kept failed and not run (--keep-failed)",
        "{count} 次记录为失败的运行保留失败记录，本次未运行（--keep-failed）",
    ),
    "sweep_retrying": (
        "running again the {count} run(s) recorded as failed (--keep-failed keeps them failed)",
        "重新运行此前记录为失败的 {count} 次运行（加上 --keep-failed 则保留失败记录）",
    ),
    "sweep_keeping_failed": (
        "keeping the {count} run(s) recorded as failed (--keep-failed): the sweep is unfinished "
        "until they are run again",
        "保留此前记录为失败的 {count} 次运行（--keep-failed）：这些运行重新运行之前，扫描尚未完成",
    ),
    "sweep_finished": (
        "{runs} runs in {seconds:.1f} s: {ok} ok, {failed} failed; {done} of {total} recorded "
        "in {folder}/ (read them with govsim.read_results)",
        "本次完成 {runs} 次运行，用时 {seconds:.1f} 秒：成功 {ok}，失败 {failed}；"
        "共 {total} 次中已记录 {done} 次，保存在 {folder}/（用 govsim.read_results 读取）",
    ),
    "sweep_first_failure": ("first failure: {error}", "首个失败：{error}"),
    "sweep_stopped": (
        "stopped at the first failure (--fail-fast); run the same command again to resume",
        "因 --fail-fast 在首个失败处停止；再次运行同一命令即可续跑",
    ),
    "sweep_interrupted": (
        "interrupted: run the same command again to resume",
        "已中断：再次运行同一命令即可续跑",
    ),
    "sweep_waiting_for_scheduler": (
        "waiting up to {seconds:.0f} s for the scheduler file {file} (dask scheduler "
        "--scheduler-file {file} writes it)",
        "最多等待 {seconds:.0f} 秒，直到调度器文件 {file} 出现（由 dask scheduler "
        "--scheduler-file {file} 写入）",
    ),
}
"""The command line's own words: titles, notes, progress and framing (``Error``, ``OK``)."""


def label(name: str, language: str = "en", table: dict[str, tuple[str, str]] = MEASURES) -> str:
    """The display name of a measure (or header) in ``language``; the key if unknown."""
    pair = table.get(name)
    if pair is None:
        return name
    return pair[LANGUAGES.index(language)] if language in LANGUAGES else pair[0]


def sentence_gap(language: str = "en") -> str:
    """What goes between two sentences: a space in English, nothing in Chinese (。 ends one)."""
    return "" if language == "zh" else " "


def phrase(key: str, language: str = "en", **values: object) -> str:
    """One of the command line's phrases in ``language``, filled with ``values``."""
    return label(key, language, PHRASES).format(**values)


def is_share(name: str) -> bool:
    """Whether a measure is a share of a whole, shown as a percentage."""
    return name in SHARES


def checked_language(value: str | None) -> str:
    """The language asked for (the default if none), or ValueError naming the choices.

    A typo must not fall back to English silently: a trainee who asked for Chinese would read
    English and not know why.
    """
    if value is None or value == "":
        return LANGUAGES[0]
    language = value.strip().lower()
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; choose one of: {', '.join(LANGUAGES)}")
    return language
