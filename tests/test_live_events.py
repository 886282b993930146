"""Events added to a running model (a trainer's live events) act from the next day."""

from __future__ import annotations

import pytest

from govsim import GovernanceModel
from govsim.events import LIVE_EVENTS, inject_event
from tests.helpers import shipped


def _model(days: int = 3) -> GovernanceModel:
    model = GovernanceModel(shipped("multi_party_hub", residents=2_000, days=30, warmup=5), rng=4)
    for _ in range(5 + days):
        model.step()
    return model


def test_a_live_campaign_reaches_residents_on_the_next_day_only():
    model = _model()
    event = inject_event(model, {"type": "campaign", "reach": 0.9})
    assert event.config.day == 4
    assert event in model.events
    assert model.metrics.days[-1]["campaign_reached"] == 0
    model.step()
    assert model.metrics.days[-1]["campaign_reached"] > 1_000


def test_a_live_crackdown_runs_for_its_duration():
    model = _model()
    event = inject_event(model, {"type": "card_crackdown", "duration_days": 2, "intensity": 0.5})
    model.step()
    assert event.active
    assert model.market.crackdown_intensity == pytest.approx(0.5)
    model.step()
    model.step()
    assert not event.active
    assert model.market.crackdown_intensity == 0.0


def test_a_live_breach_leaks_its_groups_records():
    model = _model()
    inject_event(model, {"type": "data_breach", "group": "elderly", "share": 1.0})
    model.step()
    elderly = model.residents.group == 2
    assert (model.residents.record_detail[elderly] > 1).all()
    assert (model.residents.record_detail[~elderly] == 1).all()


@pytest.mark.parametrize(
    "data",
    [{"type": "epidemic"}, {"type": "meteor"}, {}, {"type": "campaign", "reach": 2.0}],
)
def test_other_types_and_bad_values_are_refused(data):
    model = _model()
    with pytest.raises(ValueError):  # noqa: PT011 - the message names the cause; any is fine
        inject_event(model, data)
    assert len(model.events) == 0


def test_the_same_injections_give_the_same_days():
    runs = [_model(), _model()]
    for model in runs:
        for kind in LIVE_EVENTS:
            inject_event(model, {"type": kind})
        model.step()
        model.step()
    assert runs[0].metrics.days == runs[1].metrics.days
