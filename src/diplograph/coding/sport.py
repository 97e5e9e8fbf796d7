"""Sport is not politics: "Spain beat France 2-1", "upset the top seed in the semi-final".

Wire services carry results among the news, and a results sentence reads to the coder like
two countries fighting or meeting. A sentence with sports cues keeps its other events but
loses its conflict codes (13-20) and its meetings (04), unless an official body
(government, military, police) takes part. The cues are a packaged table
(`data/sport_words.tsv`). One strong cue is enough: a competition word ("World Cup",
"semi-final", "medal"), a score ("15-9"), a counted unit ("31 points", "by nine wickets") or
a player noun as plain subject ("our players crushed them"). Weak cues ("beat", "final",
"team") need a second. A politics cue ("war", "election", "boycott") asks for two cues, one
of them strong; a tally word ("voted 13-2", "the index fell 31 points") voids scores and
units and asks the same. In a sports report (a third of its sentences sport by their own
cues) a sentence without a politics cue is sport too: "Japan have changed a lot," he said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

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
STRENGTHS = frozenset({"strong", "weak", "unit", "politics", "tally", "result", "range", "not"})
# Strengths that make a single strong cue too little: the sentence is about something else.
OTHER_NEWS = frozenset({"politics", "tally"})
FLAGS = frozenset({"noun", "lower", "subject"})
NOMINAL = frozenset({"NOUN", "PROPN", ""})
# A sports report: this many sentences with cues of their own, and this share of all.
ARTICLE_MIN = 3
ARTICLE_SHARE = 1 / 3


@dataclass(frozen=True)
class Cue:
    """One row of the cue table.

    strength: strong (one is enough), weak (needs a second), unit (strong right after a
    number: "31 points"), politics (a single strong cue is not enough), tally (scores and
    units are counts of something else: votes, shares), result (may follow a score: "a 2-1
    defeat"), range (before "10-15": no score), not (a phrase whose cue word means no sport:
    "no match for").
    Flags: noun (only as a noun), lower (only in lower case: "the league", not "Arab
    League"), subject (strong as the plain subject of a verb: "the players won").
    """

    text: str
    strength: str
    noun: bool = False
    lower: bool = False
    subject: bool = False


@dataclass(frozen=True)
class SportWords:
    """The cue table: single words by their lower form, and phrases matched in the text."""

    words: dict[str, Cue]
    phrases: tuple[tuple[re.Pattern[str], Cue], ...]

    def of(self, strength: str) -> frozenset[str]:
        """The cues (words and phrases) of one strength."""
        cues = [*self.words.values(), *(cue for _, cue in self.phrases)]
        return frozenset(c.text for c in cues if c.strength == strength)


@cache
def load_sport_words() -> SportWords:
    """Read the packaged `data/sport_words.tsv`."""
    text = resources.files("diplograph.coding").joinpath("data/sport_words.tsv").read_text("utf-8")
    return parse_sport_words(text)


def parse_sport_words(text: str) -> SportWords:
    """Parse a cue table: cue, strength, comma-separated flags; '#' starts a comment line."""
    words: dict[str, Cue] = {}
    phrases: list[tuple[re.Pattern[str], Cue]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cue_text, strength, *rest = line.split("\t") + [""]
        flags = set(rest[0].split(",")) - {""}
        if strength not in STRENGTHS or not flags <= FLAGS:
            raise ValueError(f"sport words line {number}: bad strength or flag in {line!r}")
        cue = Cue(cue_text.lower(), strength, "noun" in flags, "lower" in flags, "subject" in flags)
        if cue.text.isalpha():
            words[cue.text] = cue
        else:  # "world cup", "semi-final", "world no.": spaCy splits these into tokens
            end = r"(?![\w-])" if cue.text[-1].isalnum() else ""
            phrases.append((re.compile(r"(?<![\w-])" + re.escape(cue.text) + end, re.IGNORECASE), cue))
    return SportWords(words, tuple(phrases))


def is_sport(sent: Span, words: SportWords | None = None) -> bool:
    """Whether `sent` reports sport: a strong cue, or two weak ones; with a politics cue,
    two cues of which one is strong. In a sports report (see `sport_article`) any sentence
    without a politics cue is sport: "Japan have changed a lot since 2002," he said."""
    cues = sport_cues(sent, words)
    if _sport_by_cues(cues):
        return True
    if any(s in OTHER_NEWS for _, s in cues):
        return False
    return sport_article(sent.doc, words)


def _sport_by_cues(cues: list[tuple[str, str]]) -> bool:
    strong = sum(1 for _, s in cues if s == "strong")
    weak = len({c for c, s in cues if s == "weak"})
    if any(s in OTHER_NEWS for _, s in cues):
        return strong >= 1 and strong + weak >= 2
    return strong >= 1 or weak >= 2


def sport_article(doc: Doc, words: SportWords | None = None) -> bool:
    """Whether `doc` is a sports report: at least ARTICLE_MIN sentences and ARTICLE_SHARE of
    all its sentences are sport by their own cues. Kept in `doc.user_data` once worked out."""
    key = "diplograph.sport_article"
    if not doc.has_annotation("SENT_START"):  # an unparsed text: one sentence, no report
        return False
    if key not in doc.user_data:
        sents = list(doc.sents)
        found = sum(1 for s in sents if _sport_by_cues(sport_cues(s, words)))
        doc.user_data[key] = found >= ARTICLE_MIN and found >= ARTICLE_SHARE * len(sents)
    return bool(doc.user_data[key])


def sport_cues(sent: Span, words: SportWords | None = None) -> list[tuple[str, str]]:
    """The cues found in `sent` as (cue, strength in context); "<score>" for a score."""
    words = words or load_sport_words()
    found: list[tuple[str, str]] = []
    counts = False  # scores and units, which a tally word voids
    for token in sent:
        cue = words.words.get(token.lower_)
        strength = _strength(token, cue, sent.start) if cue is not None else None
        if strength is not None:
            found.append((token.lower_, strength))
            counts = counts or (cue is not None and cue.strength == "unit")
    cancelled: set[str] = set()
    for pattern, cue in words.phrases:
        if not pattern.search(sent.text) or cue.strength in ("unit", "result", "range"):
            continue
        if cue.strength == "not":
            cancelled.update(re.split(r"[\s-]+", cue.text.lower()))
        else:
            found.append((cue.text.lower(), cue.strength))
    found = [(c, s) for c, s in found if c not in cancelled]
    if _has_span_score(sent, words):
        found.append(("<score>", "strong"))
        counts = True
    if counts and any(s == "tally" for _, s in found):
        units = {c for c, cue in words.words.items() if cue.strength == "unit"}
        found = [(c, s) for c, s in found if c != "<score>" and c not in units]
    return found


def _strength(token: Token, cue: Cue, start: int) -> str | None:
    """What `cue` counts as at `token` (in a sentence from `start`), or None where it does not count."""
    if cue.noun and token.pos_ not in NOMINAL:
        return None
    if cue.lower and token.text != token.lower_:
        return None
    if cue.strength == "unit":
        prev = token.nbor(-1) if token.i > start else None
        return "strong" if prev is not None and prev.like_num else None
    if cue.strength in ("range", "result", "not"):
        return None
    if cue.subject and _plain_subject(token):
        return "strong"
    return cue.strength


def _plain_subject(token: Token) -> bool:
    """ "The players won", not "players of the region met", "the UN squad" or "players are"."""
    if token.dep_ != "nsubj" or token.head.lemma_ == "be":
        return False
    for child in token.children:
        if child.dep_ == "compound" or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            return False
    return True


def _has_span_score(sent: Span, words: SportWords) -> bool:
    """A score in `sent`, not a range of counts ("between 10-15 people", "20-30 soldiers")."""
    doc = sent.doc
    for match in SCORE.finditer(sent.text):
        span = doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
        )
        if span is None or not has_score(match.group(0), _word_before(span)):
            continue
        before = doc[span.start - 1] if span.start > sent.start else None
        after = doc[span.end] if span.end < sent.end else None
        if before is not None and words.words.get(before.lower_, Cue("", "")).strength == "range":
            continue
        if after is not None and after.pos_ in ("NOUN", "PROPN") and not _is_cue(after, words):
            continue
        return True
    return False


def _is_cue(token: Token, words: SportWords) -> bool:
    """ "a 2-1 win", "a 3-0 victory": a result after a score, not the things counted."""
    cue = words.words.get(token.lower_)
    return cue is not None and cue.strength in ("strong", "weak", "result")


def _word_before(span: Span) -> str:
    return span.doc[span.start - 1].text if span.start > 0 else ""


def has_score(text: str, before: str = "") -> bool:
    """Whether `text` holds a score such as "beat Japan 89-78" (not "on Nov. 18-19")."""
    for match in SCORE.finditer(text):
        words = (before + " " + text[: match.start()]).split()[-1:]
        if not words or words[0].rstrip(".").lower() not in MONTHS:
            return True
    return False


def blocked_in_sport(event: EventCandidate) -> bool:
    """Whether an event cannot stand in a sports sentence: a meeting or conflict code
    between actors none of whom is an official body."""
    if event.cameo[:2] not in SPORT_BLOCKED_ROOTS:
        return False
    actors = (event.source, event.target)
    return not any(a is not None and a.sector in OFFICIAL_SECTORS for a in actors)
