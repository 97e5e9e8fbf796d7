"""Matches that look like actors but are not: currencies, hyphenated modifiers, name parts.

"US dollars" is money, "a UK-based group" and "pro-Russia rebels" are not the state
acting, and "Brown" in "Asea Brown Boveri" or "Foundation" in "the Cardinal Kung
Foundation" are pieces of a longer name the tables do not know.
"""

from __future__ import annotations

from diplograph.actors.matcher import Hit
from diplograph.actors.resolve import NAME_STOP, PARTICLES, ArticleResolver

# "UK-based", "Israeli-occupied", "Qaeda-linked": the state only describes the noun ("-led" acts).
HYPHEN_MODIFIERS = frozenset(
    {
        "based",
        "born",
        "made",
        "linked",
        "occupied",
        "registered",
        "flagged",
        "owned",
        "bound",
        "held",
        "controlled",
        "backed",
        "sponsored",
        "funded",
        "trained",
        "allied",
        "aligned",
        "educated",
        "listed",
        "style",
        "era",
        "ruled",
        "administered",
    }
)
STANCES = frozenset({"pro", "anti", "non", "ex"})
MONTH_BEFORE = frozenset(
    {"in", "that", "this", "last", "next", "since", "until", "by", "of", "early", "late", "mid", "-", "on"}
)
BREAKS = frozenset({".", "!", "?", '"', "``", "''", ":", ";", "\u201c", "\u201d", "(", "-", "--"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december"}
)


def not_an_actor(r: ArticleResolver, hit: Hit) -> bool:
    """A state name that is money, a stance or a hyphenated modifier of a noun."""
    low, end = r.low, hit.end
    if end < len(low) and r.gaz.not_people.get(low[end]) in ("currency", "relation"):
        return True  # "US dollars", "US allies"
    if end + 1 < len(low) and low[end] == "-" and low[end + 1] in HYPHEN_MODIFIERS:
        return True
    return hit.start >= 2 and low[hit.start - 1] == "-" and low[hit.start - 2] in STANCES


def inside_unknown_name(r: ArticleResolver, hit: Hit) -> bool:
    """A one-word person or organisation next to capitalised words no table knows."""
    if hit.end - hit.start != 1 or hit.title or hit.agent or hit.user:
        return False
    before = (
        hit.start > 0
        and unknown_word(r, hit.start - 1)
        and (r.doc[hit.start - 1].pos_ == "PROPN" or not sentence_start(r, hit.start - 1))
    )
    if hit.persons:
        return before or unknown_word(r, hit.end)
    if hit.org:  # "UN Human Rights Commission" is still the UN's
        return before and not r.doc[hit.start].is_upper
    return False  # "the Beijing Olympics" still points at the state


def month_word(r: ArticleResolver, i: int) -> bool:
    """ "in May", "that May", "May 3": a month, not Theresa May."""
    if r.low[i] not in MONTHS:
        return False
    before = r.low[i - 1] if i else ""
    after = r.doc[i + 1] if i + 1 < len(r.low) else None
    return before in MONTH_BEFORE or (after is not None and (after.like_num or after.is_punct))


def unknown_word(r: ArticleResolver, i: int) -> bool:
    """A capitalised word that is not in any table (part of some unknown name)."""
    if i < 0 or i >= len(r.low):
        return False
    token = r.doc[i]
    word = r.low[i]
    if not (token.text[:1].isupper() and token.is_alpha) or word in NAME_STOP or word in MONTHS:
        return False
    if word in PARTICLES or token.text.isupper() and len(word) > 1 and i > 0 and r.doc[i - 1].is_upper:
        return False
    key = (word,)
    gaz = r.gaz
    return word not in r.known and not (
        key in gaz.titles
        or key in gaz.states
        or key in gaz.agents
        or key in gaz.orgs
        or key in gaz.person_keys
    )


def sentence_start(r: ArticleResolver, i: int) -> bool:
    """Whether token i opens a sentence, a quote or a line (its capital says nothing)."""
    if i == 0:
        return True
    before = r.doc[i - 1]
    return (
        r.low[i - 1] in BREAKS or before.is_space or "\n" in before.text or r.sent_of[i] != r.sent_of[i - 1]
    )
