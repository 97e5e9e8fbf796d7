"""Find dictionary phrases in a Doc: one greedy longest-match pass over its tokens."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from diplograph.actors.dictionary import ActorEntry
from diplograph.actors.gazetteer import Gazetteer, Title
from diplograph.models import Actor

# Lower-case words that may start a matched name ("the Kremlin", "the United States").
_NAME_STARTS = {"the"}
# Arabic articles news writes in lower case before a hyphen ("al-Shabab", "el-Sisi").
_ARTICLES = {"al", "el", "ad", "an", "as", "ash", "at", "ar", "az"}


@dataclass(slots=True)
class Hit:
    """A token span that matched one or more tables."""

    start: int
    end: int
    user: list[ActorEntry] = field(default_factory=list)
    persons: list[int] = field(default_factory=list)
    org: Actor | None = None
    state: tuple[str, str] | None = None  # (code, how)
    title: Title | None = None
    plural: str = ""
    agent: str = ""  # sector

    @property
    def named(self) -> bool:
        return bool(self.user or self.persons or self.org or self.state)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or text.lower() in _NAME_STARTS


def _article(texts: list[str], i: int) -> bool:
    """ "al-Shabab": a lower-case article hyphenated to a capitalised name."""
    return texts[i] in _ARTICLES and texts[i + 1 : i + 2] == ["-"] and texts[i + 2 : i + 3] != [] and texts[i + 2][:1].isupper()


def _lookup(gaz: Gazetteer, key: tuple[str, ...], cap: bool) -> Hit | None:
    hit = Hit(0, 0)
    if cap:
        hit.user = gaz.user.get(key, [])
        hit.persons = gaz.person_keys.get(key, [])
        hit.org = gaz.orgs.get(key)
        hit.state = gaz.states.get(key)
    hit.title = gaz.titles.get(key)
    hit.plural = gaz.plurals.get(key, "")
    hit.agent = gaz.agents.get(key, "")
    if hit.named or hit.title or hit.plural or hit.agent:
        return hit
    return None


def find_hits(
    doc: Doc, gaz: Gazetteer, lower: list[str] | None = None, orth: list[str] | None = None
) -> list[Hit]:
    """Greedy longest matches, left to right, non-overlapping."""
    low = lower if lower is not None else [t.lower_ for t in doc]
    texts = orth if orth is not None else [t.text for t in doc]
    hits: list[Hit] = []
    n, i = len(low), 0
    first = gaz.first
    while i < n:
        longest = first.get(low[i], 0)
        found = None
        for length in range(min(longest, n - i), 0, -1):
            found = _lookup(gaz, tuple(low[i : i + length]), _capitalised(texts[i]) or _article(texts, i))
            if found is not None:
                found.start, found.end = i, i + length
                break
        if found is None or (found.start + 1 == found.end and _weak_single(found, texts[i])):
            i += 1
            continue
        hits.append(found)
        i = found.end
    return hits


def _weak_single(hit: Hit, text: str) -> bool:
    """A one-token name that is too short or lower-case to trust on its own."""
    if hit.title or hit.agent or hit.plural or hit.user or hit.org:
        return False
    return len(text) < 2 or not text[:1].isupper()
