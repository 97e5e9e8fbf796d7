"""Words that look like actors but are something else: a nationality used as a noun for one
person ("the Rwandan said", "a Briton") and title words inside a law's or body's name
("the General Agreement on Tariffs and Trade")."""

from __future__ import annotations

from diplograph.actors.matcher import Hit
from diplograph.actors.resolve import ArticleResolver

THING_ENTITIES = frozenset({"LAW", "ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"})
NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT"})
DEMONYM_ENDINGS = ("an", "ese", "i", "ish", "on", "man", "woman", "ch", "er")


def one_national(r: ArticleResolver, hit: Hit) -> bool:
    """ "the Rwandan said", "a Briton was arrested": a nationality used as a noun is one of
    that country's people, not the state."""
    code, how = hit.state  # type: ignore[misc]
    token = r.doc[hit.start]
    if hit.end - hit.start != 1 or how not in ("adjective", "name") or token.dep_ not in NOMINAL:
        return False
    if not hit.start or r.low[hit.start - 1] not in ("the", "a", "an", "one"):
        return False
    word = token.lower_
    return word != r.gaz.state_names.get(code, "").lower() and word.endswith(DEMONYM_ENDINGS)


def thing_name(r: ArticleResolver, i: int) -> bool:
    """Whether token i and the next lie inside one entity the parser takes for a law, body or
    event: then the capitalised words after a title word are no person's name."""
    doc = r.doc
    if i + 1 >= len(doc):
        return False
    this, nxt = doc[i], doc[i + 1]
    return this.ent_type_ in THING_ENTITIES and nxt.ent_iob_ == "I" and nxt.ent_type_ == this.ent_type_
