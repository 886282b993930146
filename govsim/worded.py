"""Errors told in the user's language: a key into a phrase book and the values it names.

The command line catches them and prints :meth:`WordedError.render` (or
:meth:`MessageError.render`) in the language chosen with ``--lang``; anything else (a log, a
traceback, ``str()``) reads the English.
"""

from __future__ import annotations

from collections.abc import Callable

from govsim.scenario.messages import Message, in_language, message_of


class WordedError(ValueError):
    """An error whose message is a phrase, in English or Chinese, with the file, key and fix.

    Subclasses name their phrase book: ``phrases = staticmethod(word)``.
    """

    phrases: Callable[..., str]

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(self.render("en"))

    def render(self, language: str = "en") -> str:
        """The message in ``language`` (``en`` or ``zh``)."""
        return self.phrases(self.key, language, **self.values)


class MessageError(Exception):
    """An error raised with one :class:`~govsim.scenario.messages.Message`: its explanation and fix.

    For errors that sit beside scenario problems (a sweep's folder, its backend), whose words
    live with theirs in ``messages.py``. ``str()`` is the English, as before.
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message)

    def render(self, language: str = "en") -> str:
        """The message in ``language`` (``en`` or ``zh``)."""
        return str(in_language(message_of(self), language))
