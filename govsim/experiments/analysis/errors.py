"""What cannot be analysed, said in the user's language with the file, the key and the fix."""

from __future__ import annotations

from govsim.experiments.analysis.wording import word
from govsim.worded import WordedError


class AnalysisError(WordedError):
    """A folder, an option or a sweep that cannot be analysed; the message says what to do."""

    phrases = staticmethod(word)
