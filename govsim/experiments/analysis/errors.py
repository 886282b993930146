"""What cannot be analysed, said in the user's language with the file, the key and the fix."""

from __future__ import annotations

from govsim.experiments.analysis.wording import word


class AnalysisError(ValueError):
    """A folder, an option or a sweep that cannot be analysed; the message says what to do.

    ``str()`` is English; :meth:`render` gives the command line's language.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(self.render("en"))

    def render(self, language: str = "en") -> str:
        """The message in ``language`` (``en`` or ``zh``)."""
        return word(self.key, language, **self.values)
