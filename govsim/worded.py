"""Errors told in the user's language: a key into a phrase book and the values it names.

The command line catches them and prints :meth:`WordedError.render` in the language chosen with
``--lang``; anything else (a log, a traceback, ``str()``) reads the English.
"""

from __future__ import annotations

from collections.abc import Callable


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
