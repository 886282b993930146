"""The page Solara serves (``solara run govsim.dashboard.app``); all of it is in :mod:`.page`."""

from govsim.dashboard.page import Page

__all__ = ["Page"]
