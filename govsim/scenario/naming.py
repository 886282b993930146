"""Suggestions for misspelt names that are not keys of the schema: links and scam types.

Spelling alone suggests the wrong thing for a link: ``police-education`` is closest in letters
to ``police-international``, but its writer meant education's own link. A link is matched by
its two parties instead, each recognised by its name, its name in ``agencies`` (``banks``,
``education``) or a close spelling. A scam type is a free name (a new one may be added), so a
name close to a built-in one that lacks what a new type needs is most likely that built-in
one misspelt.
"""

from __future__ import annotations

import difflib

from govsim.scenario.catalogue import default_catalogue
from govsim.scenario.cooperation import KNOWN_LINKS, PARTIES
from govsim.scenario.messages import Message

PARTY_ALIASES: dict[str, str] = {
    "banks": "bank",
    "telecoms": "telecom",
    "platforms": "platform",
    "courts": "judiciary",
    "court": "judiciary",
    "education": "government",
    "abroad": "international",
}
"""Names of parties as written elsewhere (mostly ``agencies``) and the link party they act as.

Public education is the government's: it reaches residents through ``government-public``.
"""
CUTOFF = 0.6


def party(word: str) -> str | None:
    """Return the link party a word names, by name, alias or close spelling; None if none."""
    word = word.strip().lower()
    if word in PARTIES:
        return word
    if word in PARTY_ALIASES:
        return PARTY_ALIASES[word]
    close = difflib.get_close_matches(word, [*PARTIES, *PARTY_ALIASES], n=1, cutoff=CUTOFF)
    return (PARTY_ALIASES.get(close[0], close[0])) if close else None


def link_hint(name: object) -> str | None:
    """Return how to fix an unknown link, judged by its two parties; None if they are unclear.

    ``bnak-police`` gives ``did you mean 'bank-police'?``; ``police-education`` says that no
    link joins them and names education's link, ``government-public``.
    """
    words = str(name).split("-")
    if len(words) != 2:
        return None
    parties = [party(word) for word in words]
    if parties[0] and parties[1]:
        for first, second in (parties, parties[::-1]):
            if f"{first}-{second}" in KNOWN_LINKS:
                return Message("did_you_mean", word=f"{parties[0]}-{parties[1]}")
    known = [(word, found) for word, found in zip(words, parties, strict=True) if found]
    if not known:
        return None
    word, found = min(known, key=lambda pair: len(_links_of(pair[1])))
    links = _links_of(found)
    named = word if word == found else Message("party_as", word=word, party=found)
    hint = Message("links_of" if len(links) > 1 else "link_of", party=named, links=tuple(links))
    if len(known) == 2:
        return Message("no_link_joins", first=words[0], second=words[1], links=hint)
    stranger = words[1] if word == words[0] else words[0]
    return Message("not_a_party", word=stranger, parties=PARTIES, links=hint)


def _links_of(found: str) -> list[str]:
    return [link for link in KNOWN_LINKS if found in link.split("-")]


def scam_type_hint(name: object) -> str | None:
    """Return ``did you mean 'x'?`` when a new scam type's name is close to a built-in one."""
    builtin = list(default_catalogue())
    if name in builtin:
        return None
    close = difflib.get_close_matches(str(name), builtin, n=1, cutoff=CUTOFF)
    return Message("did_you_mean_builtin", word=close[0]) if close else None
