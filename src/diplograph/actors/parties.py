"""A party named after a possessive: "opposition leader Aung San Suu Kyi and her National
League for Democracy (NLD)". A capitalised name with a party word, owned by a person or
state the pronoun resolves to, is that owner's country's party, even when no table has it.
"""

from __future__ import annotations

from diplograph.actors.resolve import ArticleResolver, slug
from diplograph.models import Actor

PARTY_WORDS = frozenset({"party", "league", "front", "movement", "alliance", "congress", "union"})
LINKS = frozenset({"for", "of", "the", "and", "-"})
MAX_NAME = 8


def owned_party(r: ArticleResolver, i: int, owner: Actor) -> None:
    """Emit the party named right after the possessive at token i, owned by `owner`."""
    doc = r.doc
    end = i + 1
    while end < min(len(doc), i + 1 + MAX_NAME):
        token = doc[end]
        if not ((token.text[:1].isupper() and token.is_alpha) or (r.low[end] in LINKS and end > i + 1)):
            break
        end += 1
    while end > i + 1 and r.low[end - 1] in LINKS:
        end -= 1
    words = set(r.low[i + 1 : end])
    if end - i - 1 < 2 or not words & PARTY_WORDS or owner.code not in r.gaz.state_names:
        return
    name = doc[i + 1 : end].text
    opposition = "opposition" in owner.role.lower() or owner.sector == "OPP"
    role, sector = ("Opposition party", "OPP") if opposition else ("Political party", "PTY")
    actor = Actor(owner.code, name, "organisation", role, sector, f"org:{owner.code}:{slug(name)}")
    r.emit(i + 1, end, (actor,), "learned")
