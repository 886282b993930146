"""Victims' reports: the report-time distribution behind escalation and freezing chances."""

from __future__ import annotations

import warnings

import numpy as np

from govsim.model import GovernanceModel
from govsim.scenario.overrides import with_overrides
from govsim.transfers import _reported_by
from tests.helpers import shipped


def _model(sigma: float) -> GovernanceModel:
    scenario = shipped("no_governance", residents=20_000, days=60, warmup=10)
    scenario = with_overrides(scenario, settings={"population.report_delay_sigma": sigma})
    return GovernanceModel(scenario, rng=3)


def test_a_fixed_report_delay_runs_without_numeric_warnings():
    # With no spread the delay equals the median exactly for some victims: log(1)/0 was 0/0.
    model = _model(0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for _ in range(model.total_days):
            model.step()
    assert model.metrics.summary()["victims"] > 0


def test_a_fixed_report_delay_reports_exactly_at_the_median():
    model = _model(0.0)
    for _ in range(model.warmup_days + 20):
        model.step()
    paid = model.pending
    assert len(paid) > 0
    median = model.config.population.report_delay_median_hours
    first = np.zeros(len(paid))
    share = model.residents.report_share[model.residents.group[paid.resident]]
    before = _reported_by(model, paid, first, np.full(len(paid), median * 0.999))
    after = _reported_by(model, paid, first, np.full(len(paid), median))
    np.testing.assert_array_equal(before, 0.0)
    np.testing.assert_allclose(after, share)


_GROUPS = ("student", "working", "elderly")


def _summary_with_report_share(share: float) -> dict[str, float]:
    """baseline's city (banks detect mule paths, police stop after reports) at one report share."""
    scenario = shipped("baseline", residents=30_000, days=120, warmup=30)
    shares = {f"population.report_share.{group}": share for group in _GROUPS}
    model = GovernanceModel(with_overrides(scenario, settings=shares), rng=5)
    for _ in range(model.total_days):
        model.step()
    return model.metrics.summary()


def test_reported_loss_and_its_freezes_are_those_of_the_victims_who_report():
    # Police statistics know only reported losses: with no one reporting they are zero while
    # banks still freeze what they detect; with everyone reporting they are the whole.
    silent = _summary_with_report_share(0.0)
    assert silent["gross_loss"] > 0
    assert silent["frozen"] > 0
    assert silent["reported_loss"] == 0
    assert silent["frozen_reported"] == 0
    assert np.isnan(silent["reported_recovered_share"])
    everyone = _summary_with_report_share(1.0)
    assert everyone["reported_loss"] == everyone["gross_loss"] > 0
    assert everyone["frozen_reported"] == everyone["frozen"] > 0
    assert everyone["reported_recovered_share"] == everyone["recovered_share"]
