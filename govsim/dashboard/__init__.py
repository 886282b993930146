"""The trainers' dashboard: a bilingual Solara page that runs one scenario live per session.

Controls and views only: the model, the scenario and its validation are govsim's own
(:class:`govsim.GovernanceModel`, :func:`govsim.with_overrides`). Needs the ``dashboard`` extra
(Solara, Plotly); ``govsim dashboard`` serves it.
"""
