"""The default scam catalogue (docs/ODD.md section 2); a scenario may override or extend it.

Loss medians keep the ratios between types seen in UK Finance's APP fraud figures
(investment >> impersonation > purchase), converted to yuan. Conversions are the chance a naive,
average resident engages (assumptions): set, all in the same proportion, so that victims' reports
in baseline reach the national figure of filed cases (docs/ODD.md 9). What a broadcast attempt
yields in a run is set by the ring market as well (rings enter until the residents they wear
down stop paying for more), and lands within the seed paper's "once in 1,000 to 10,000"
(tests/test_stylized_facts.py).
"""

from __future__ import annotations

from govsim.scenario.fields import ByGroup, LocalizedText
from govsim.scenario.fraud import ScamType


def _type(en: str, zh: str, channel: str, profile: tuple[float, float, float], **kw) -> ScamType:
    student, working, elderly = profile
    return ScamType(
        label=LocalizedText(en=en, zh=zh),
        channel=channel,
        profile=ByGroup(student=student, working=working, elderly=elderly),
        **kw,
    )


def default_catalogue() -> dict[str, ScamType]:
    """Return the built-in scam types, keyed by their scenario names."""
    return {
        "impersonate_official": _type(
            "Impersonating officials",
            "冒充公检法",
            "call",
            (0.6, 0.8, 1.6),
            conversion=0.002,
            record_lift=6.0,
            loss_median=30_000,
            loss_sigma=1.0,
            weight=0.14,
        ),
        "student_aid": _type(
            "Student aid / tuition",
            "助学金诈骗",
            "call",
            (2.5, 0.1, 0.1),
            conversion=0.003,
            record_lift=12.0,
            loss_median=6_000,
            loss_sigma=0.8,
            weight=0.05,
        ),
        "fake_prize": _type(
            "Fake prize",
            "虚假中奖",
            "sms",
            (0.8, 0.8, 1.4),
            conversion=0.0015,
            record_lift=3.0,
            loss_median=2_000,
            loss_sigma=0.9,
            weight=0.08,
        ),
        "order_brushing": _type(
            "Order brushing (part-time job)",
            "刷单返利",
            "im",
            (1.8, 1.0, 0.3),
            conversion=0.002,
            record_lift=3.0,
            grooming_days=2,
            transfers=2,
            transfer_spacing_days=2,
            loss_median=8_000,
            loss_sigma=1.0,
            weight=0.16,
        ),
        "impersonate_friend": _type(
            "Impersonating friends or bosses",
            "冒充熟人领导",
            "im",
            (1.0, 1.0, 1.3),
            conversion=0.003,
            record_lift=4.0,
            loss_median=5_000,
            loss_sigma=0.9,
            weight=0.10,
            via_social_ties=True,
        ),
        "shopping_refund": _type(
            "Online shopping refund",
            "网购退款",
            "call",
            (1.0, 1.2, 0.7),
            conversion=0.002,
            record_lift=8.0,
            loss_median=6_000,
            loss_sigma=1.0,
            weight=0.12,
        ),
        "phishing": _type(
            "Phishing sites",
            "钓鱼网站",
            "web",
            (1.0, 1.0, 1.0),
            conversion=0.0015,
            record_lift=3.0,
            loss_median=4_000,
            loss_sigma=1.1,
            weight=0.10,
            compromises_account=True,
        ),
        "investment_group": _type(
            "Investment and stock-tip groups",
            "投资理财荐股",
            "im",
            (0.3, 1.2, 1.0),
            conversion=0.001,
            record_lift=4.0,
            grooming_days=21,
            transfers=3,
            transfer_spacing_days=7,
            loss_median=40_000,
            loss_sigma=1.2,
            weight=0.12,
        ),
        "loan": _type(
            "Loan scams",
            "虚假贷款",
            "sms",
            (1.2, 1.3, 0.4),
            conversion=0.002,
            record_lift=4.0,
            grooming_days=1,
            loss_median=4_000,
            loss_sigma=0.8,
            weight=0.08,
        ),
        "epidemic": _type(
            "Epidemic-related",
            "涉疫诈骗",
            "sms",
            (1.0, 1.0, 1.3),
            conversion=0.0025,
            record_lift=3.0,
            loss_median=3_000,
            loss_sigma=0.9,
            weight=0.05,
            event="epidemic",
        ),
    }
