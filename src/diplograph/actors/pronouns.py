"""Pronouns: "he"/"him"/"his" name a person, "it"/"its" a state or organisation.

A personal pronoun resolves to the last-named single person within a few
sentences of the same or the previous paragraph, never to a state, and never past a
person's name the tables do not know ("Ruaa ... her sister"); "it" resolves to the last state or organisation that
was the subject of this or the previous sentence ("Israel said a shell was fired
at it"), never to a person. Binding: an object pronoun does not refer to the
subject of its own clause ("Xi praised him"), nor does a pronoun refer to a
phrase it is coordinated with ("Tokayev and him met"); once "he" or "she" has
named a person, the other gender skips that person.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.parties import owned_party
from diplograph.actors.resolve import ArticleResolver, Found
from diplograph.models import Actor

PERSONAL = frozenset({"he", "she", "him", "his", "her"})
GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
OBJECT = frozenset({"him", "her"})
OWNERS = frozenset({"his", "her", "its"})
NEUTER = frozenset({"it", "its"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", ""})
OBJECT_DEPS = frozenset({"dobj", "obj", "pobj", "dative", "iobj"})
# "it is clear that", "it seems": "it" stands for nothing.
PLEONASTIC_NEXT = frozenset(
    {"is", "was", "'s", "seems", "seemed", "appears", "appeared", "takes", "took", "remains", "looks"}
)
MAX_DISTANCE = 3  # sentences between a person and "he"
MAX_PARAGRAPHS = 1  # paragraphs between them (wire paragraphs are often one sentence)


def resolve_pronoun(r: ArticleResolver, i: int) -> None:
    """Emit the actor the pronoun at token i stands for, if any."""
    word = r.low[i]
    if r.doc[i].pos_ not in ("PRON", "DET", ""):
        return
    actor: Actor | None = None
    if word in PERSONAL:
        actor = last_person(r, i)
        if actor is not None:
            r.genders.setdefault(actor, GENDER[word])
    elif word in NEUTER and not _pleonastic(r, i) and _acting(r.doc[i]):
        actor = state_antecedent(r, i)
    if actor is not None:
        r.emit(i, i + 1, (actor,), "pronoun")
        if word in OWNERS:
            owned_party(r, i, actor)


def last_person(r: ArticleResolver, i: int) -> Actor | None:
    """The person a personal pronoun at token i refers to: the nearest single person
    within a few sentences, preferring subjects and earlier pronouns (the topic)."""
    sentence = r.sent_of[i]
    pronoun = r.doc[i]
    conjunct = _possessed_conjunct(r, pronoun)
    if conjunct is not None:
        return conjunct
    nearest: Actor | None = None
    paragraph = r.para_of[i]
    blocker = unknown_person_before(r, i)
    for found in earlier(r, i):
        if sentence - found.sentence > MAX_DISTANCE or paragraph - found.paragraph > MAX_PARAGRAPHS:
            break
        if found.end <= blocker:
            break  # "... Ruaa herself ... her sister": a closer person the tables lack
        if len(found.actors) != 1 or found.actors[0].kind != "person":
            continue
        if found.sentence == sentence and bound(r.doc[found.end - 1], pronoun):
            continue
        if r.genders.get(found.actors[0], GENDER[pronoun.lower_]) != GENDER[pronoun.lower_]:
            continue  # "she" after "he" named this person
        if found.how == "pronoun" or r.doc[found.end - 1].dep_ in SUBJECT_DEPS:
            return found.actors[0]
        nearest = nearest or found.actors[0]
    return nearest


def _possessed_conjunct(r: ArticleResolver, pronoun: Token) -> Actor | None:
    """ "Aung San Suu Kyi and her party": a possessive on a conjunct refers to the person
    it is coordinated with."""
    head = pronoun.head
    if pronoun.dep_ != "poss" or head.dep_ != "conj" or head.head.i > pronoun.i:
        return None
    target = head.head.i
    for found in r.found:
        if found.start <= target < found.end and len(found.actors) == 1:
            actor = found.actors[0]
            return actor if actor.kind == "person" else None
    return None


def unknown_person_before(r: ArticleResolver, i: int) -> int:
    """Position of the last name before token i (within the window) that no mention covers
    and that names a person: a PERSON entity, or a proper-noun subject the parser gives no
    place or organisation type; -1 if none."""
    window = r.sent_of[i] - MAX_DISTANCE
    j = i - 1
    while j >= 0 and r.sent_of[j] >= window:
        token = r.doc[j]
        if (
            token.text[:1].isupper()
            and token.is_alpha
            and _names_person(token)
            and not bound(token, r.doc[i])
        ):
            if not any(f.start <= j < f.end for f in r.found):
                return j
        j -= 1
    return -1


def _names_person(token: Token) -> bool:
    if token.ent_type_ == "PERSON":
        return True
    return token.ent_type_ == "" and token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass")


def bound(candidate: Token, pronoun: Token) -> bool:
    """Whether binding rules forbid the pronoun to refer to `candidate`."""
    if candidate in pronoun.conjuncts:
        return True
    if pronoun.lower_ not in OBJECT or pronoun.dep_ not in OBJECT_DEPS:
        return False
    return candidate.dep_ in ("nsubj", "nsubjpass") and _clause(candidate) == _clause(pronoun)


def _clause(token: Token) -> int:
    """Index of the verb that governs `token`'s clause."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token.i


def _acting(token: Token) -> bool:
    """ "it said", "fired at it", "its troops": not "we must do it" (mostly a thing)."""
    if token.lower_ == "its" or token.dep_ in SUBJECT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("at", "against")


def _pleonastic(r: ArticleResolver, i: int) -> bool:
    return r.low[i] == "it" and i + 1 < len(r.low) and r.low[i + 1] in PLEONASTIC_NEXT


def state_antecedent(r: ArticleResolver, i: int) -> Actor | None:
    """The state or organisation "it"/"its" at token i refers to, or None."""
    sentence = r.sent_of[i]
    for found in earlier(r, i):
        if sentence - found.sentence > 1:
            return None
        if len(found.actors) != 1 or found.how in ("people", "group"):
            continue
        actor = found.actors[0]
        if actor.kind == "group" or found.how == "place":
            return None  # "Islamic Jihad, which has its offices", "Irbil and its people"
        if actor.kind != "state" and actor.kind != "organisation":
            continue
        head = r.doc[found.end - 1]
        if head.dep_ in SUBJECT_DEPS and head.tag_ not in ("NNS", "NNPS"):
            return actor
    return None


def earlier(r: ArticleResolver, i: int) -> list[Found]:
    """Mentions that start before token i, nearest first (r.found is not kept sorted)."""
    return sorted((f for f in r.found if f.start < i), key=lambda f: f.start, reverse=True)
