"""User-facing names of measures in English and Simplified Chinese (reports, tables, dashboard)."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "zh")

MEASURES: dict[str, tuple[str, str]] = {
    "victims": ("Victims", "受害人数"),
    "gross_loss": ("Gross loss (yuan)", "总损失（元）"),
    "frozen": ("Frozen and returned (yuan)", "止付冻结返还（元）"),
    "net_loss": ("Net loss (yuan)", "净损失（元）"),
    "attempts": ("Contact attempts", "诈骗接触尝试"),
    "contacts_reached": ("Contacts reached", "触达人次"),
    "blocked_telecom": ("Blocked by telecoms", "通信运营商拦截"),
    "blocked_platform": ("Removed by platforms", "互联网平台拦截"),
    "dissuaded": ("Dissuaded by warnings", "预警劝阻成功"),
    "held_by_bank": ("Stopped by bank holds", "银行风控拦截"),
    "reports": ("Reports to police", "报案数"),
    "cases_linked": ("Cases linked", "串并案件数"),
    "arrests": ("Arrests", "抓获人数"),
    "arrests_cross_border": ("Cross-border arrests", "跨境抓获人数"),
    "convictions": ("Convictions", "判决有罪人数"),
    "rings_active_end": ("Rings active at end", "期末活跃团伙"),
    "ring_members_end": ("Ring members at end", "期末团伙成员"),
    "rings_entered": ("Rings entered", "新进入团伙"),
    "rings_exited": ("Rings exited (unprofitable)", "退出团伙（无利可图）"),
    "rings_dissolved": ("Rings dissolved (by arrests)", "瓦解团伙数（抓捕）"),
    "operations": ("Arrest operations", "收网行动"),
    "legit_calls_blocked": ("Legitimate calls blocked", "误拦正常通话"),
    "legit_transfers_delayed": ("Legitimate transfers delayed", "误延正常转账"),
    "report_share": ("Share of victims reporting", "报案率"),
    "recovered_share": ("Share of loss recovered", "挽损比例"),
    "cross_border_loss_share": ("Share of proceeds sent abroad", "资金出境比例"),
    "median_hours_to_freeze": ("Median hours to freeze", "冻结用时中位数（小时）"),
    "governance_cost": ("Governance cost (yuan)", "治理成本（元）"),
    "cost_police": ("  of which police (yuan)", "  其中公安（元）"),
    "cost_banks": ("  of which banks and payments (yuan)", "  其中银行与支付（元）"),
    "cost_telecoms": ("  of which telecoms (yuan)", "  其中通信运营商（元）"),
    "cost_platforms": ("  of which platforms (yuan)", "  其中互联网平台（元）"),
    "cost_judiciary": ("  of which judiciary (yuan)", "  其中司法（元）"),
    "cost_education": ("  of which education (yuan)", "  其中宣传教育（元）"),
    "cost_cooperation": (
        "  of which cooperation links and centre (yuan)",
        "  其中协作与合成中心（元）",
    ),
    "dissuasion_calls": ("Dissuasion calls made", "劝阻电话拨打数"),
    "legit_content_removed": ("Legitimate posts removed", "误删正常内容"),
    "flagged": ("Contacts flagged as suspicious", "可疑接触标记数"),
    "leads": ("Risk leads reaching the centre", "推送至反诈中心的预警线索"),
    "leads_expired": ("Risk leads dropped uncalled", "未及劝阻即失效的线索"),
    "leads_waiting": ("Risk leads waiting for a call", "待劝阻线索"),
    "handles_taken_down": (
        "Numbers and accounts taken down in joint operations",
        "合成作战封停号码与账户",
    ),
}
HEADERS: dict[str, tuple[str, str]] = {
    "measure": ("Measure", "指标"),
    "mean": ("Mean", "均值"),
    "ci": ("95% CI", "95%置信区间"),
    "per_100k": ("Per 100k residents a year", "每十万人每年"),
}


def label(name: str, language: str = "en", table: dict[str, tuple[str, str]] = MEASURES) -> str:
    """The display name of a measure (or header) in ``language``; the key if unknown."""
    pair = table.get(name)
    if pair is None:
        return name
    return pair[1] if language == "zh" else pair[0]
