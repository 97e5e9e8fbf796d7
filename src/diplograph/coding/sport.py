"""Sport is not politics: "Spain beat France 2-1", "upset the top seed in the semi-final".

Wire services carry results among the news, and a results sentence reads to the coder like
two countries fighting or meeting. A sentence with a sports cue keeps its other events but
loses its conflict codes (13-20) and its meetings (04), unless an official body
(government, military, police) takes part. The cues are a packaged word list
(`data/sport_words.tsv`): one strong cue ("tournament", "quarter-final") is enough; weak ones
("match", "final", "beat") need a second cue or a score such as "15-9".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span

from diplograph.models import EventCandidate

# Roots a sports sentence cannot carry: meetings and everything from threats to fights.
SPORT_BLOCKED_ROOTS = frozenset({"04", "13", "14", "15", "16", "17", "18", "19", "20"})
# Sectors that act politically even in a sports sentence ("officials met on the sidelines of
# the Games", "police clashed with fans at the stadium").
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# "15-9", "2-1", "6-4": a score, not a year range ("1990-91"), a code ("F-16"), an age band
# ("18-25-year-olds"), a share ("41-of-95") or, after a month, a span of days ("Nov. 18-19").
SCORE = re.compile(r"(?<![\w.,/-])\d{1,3} ?- ?\d{1,3}(?![\w%/-])")
MONTHS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept"
    " september oct october nov november dec december".split()
)


@dataclass(frozen=True)
class SportWords:
    """The cue table: single words by strength, noun-only words, and multi-word phrases."""

    strong: frozenset[str]
    weak: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, bool], ...]  # (phrase, strong)


@cache
def load_sport_words() -> SportWords:
    """Read `data/sport_words.tsv` (cue, strength, noun flag)."""
    strong: set[str] = set()
    weak: set[str] = set()
    nouns: set[str] = set()
    phrases: list[tuple[str, bool]] = []
    text = resources.files("diplograph.coding").joinpath("data/sport_words.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, strength, *rest = line.split("\t")
        is_strong = strength == "strong"
        if " " in cue:
            phrases.append((cue, is_strong))
            continue
        (strong if is_strong else weak).add(cue)
        if rest and rest[0] == "noun":
            nouns.add(cue)
    return SportWords(frozenset(strong), frozenset(weak), frozenset(nouns), tuple(phrases))


def is_sport(sent: Span, words: SportWords | None = None) -> bool:
    """Whether `sent` reports sport: a strong cue, or two weak cues (a score counts as one)."""
    words = words or load_sport_words()
    weak: set[str] = {"<score>"} if has_score(sent.text) else set()
    for token in sent:
        lower = token.lower_
        if lower in words.strong:
            return True
        if lower in words.weak and (lower not in words.nouns or token.pos_ in ("NOUN", "PROPN", "")):
            weak.add(lower)
    text = sent.text.lower()
    for phrase, strong in words.phrases:
        if phrase in text:
            if strong:
                return True
            weak.add(phrase)
    return len(weak) >= 2


def has_score(text: str) -> bool:
    """Whether `text` holds a score such as "beat Japan 89-78" (not "on Nov. 18-19")."""
    for match in SCORE.finditer(text):
        before = text[: match.start()].split()[-1:]
        if not before or before[0].rstrip(".").lower() not in MONTHS:
            return True
    return False


def blocked_in_sport(event: EventCandidate) -> bool:
    """Whether an event cannot stand in a sports sentence: a meeting or conflict code
    between actors none of whom is an official body."""
    if event.cameo[:2] not in SPORT_BLOCKED_ROOTS:
        return False
    actors = (event.source, event.target)
    return not any(a is not None and a.sector in OFFICIAL_SECTORS for a in actors)


def sport_cues(sent: Span) -> list[str]:
    """TEMP: cues found (old semantics)."""
    words = load_sport_words()
    found = ["<score>"] if has_score(sent.text) else []
    found += [t.lower_ for t in sent if t.lower_ in words.strong or t.lower_ in words.weak]
    found += [p for p, _ in words.phrases if p in sent.text.lower()]
    return found
