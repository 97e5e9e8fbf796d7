"""Plural "they": the subject it continues, never a guess.

"Obama and Putin said they will attack Iraq" and "The US claimed that they had
attacked Iraq": "they" is the subject of a clause whose governing verb has an actor
subject before it, and means that subject (all its conjuncts). "The two leaders met.
They agreed ...": a sentence-initial "they" means the plural subject (coordinated
actors, "the two sides", a plural agent such as "Israeli troops") of the previous
sentence of the same or the previous paragraph. A single person is never "they".
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.resolve import ArticleResolver, Found
from diplograph.models import Actor

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_UP = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl"})


def resolve_they(r: ArticleResolver, covered: set[int]) -> None:
    """Emit an actor group for every subject "they" the rules can support."""
    for i, word in enumerate(r.low):
        if word != "they" or i in covered or r.doc[i].dep_ not in SUBJECTS:
            continue
        actors = _governing_subject(r, r.doc[i]) or _previous_subject(r, i)
        if actors:
            r.emit(i, i + 1, actors, "pronoun")


def _governing_subject(r: ArticleResolver, pronoun: Token) -> tuple[Actor, ...]:
    """The actor subject of a verb that governs the pronoun's clause, in the same sentence."""
    verb = pronoun.head
    for _ in range(4):
        if verb.dep_ not in CLAUSE_UP or verb.head is verb:
            return ()
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < pronoun.i]
        if subjects:
            if _plural_between(r, subjects[0], pronoun):
                return ()  # "officials said investigators heard the settlers ... they": unclear
            return _plural_actors(r, subjects[0], allow_single_state=True)
    return ()


def _plural_between(r: ArticleResolver, subject: Token, pronoun: Token) -> bool:
    """Whether a plural noun outside the subject phrase stands between it and "they"."""
    end = max(t.i for t in subject.subtree) + 1
    return any(t.tag_ in ("NNS", "NNPS") for t in r.doc[end : pronoun.i])


def _previous_subject(r: ArticleResolver, i: int) -> tuple[Actor, ...]:
    """A sentence-initial "they": the plural subject of the previous sentence."""
    if i and r.sent_of[i - 1] == r.sent_of[i] and r.low[i - 1] not in ('"', "\u201c", "but", "and"):
        return ()
    previous = r.sent_of[i] - 1
    if previous < 0 or r.para_of[i] - _para_of_sentence(r, previous) > 1:
        return ()
    for found in sorted(r.found, key=lambda f: f.start):
        if found.sentence != previous:
            continue
        head = r.doc[found.end - 1]
        if head.dep_ in SUBJECTS and head.head.dep_ == "ROOT":
            return _plural_actors(r, head, allow_single_state=False)
    return ()


def _para_of_sentence(r: ArticleResolver, sentence: int) -> int:
    for found in r.found:
        if found.sentence == sentence:
            return found.paragraph
    return -99


def _plural_actors(r: ArticleResolver, subject: Token, allow_single_state: bool) -> tuple[Actor, ...]:
    """Actors of a subject and its conjuncts; one actor only if it is plural or a state."""
    tokens = [subject, *subject.conjuncts]
    chosen: dict[str, Actor] = {}
    single: Found | None = None
    for found in r.found:
        if any(found.start <= t.i < found.end for t in tokens):
            for actor in found.actors:
                chosen.setdefault(actor.actor_id, actor)
            single = found
    if len(chosen) >= 2 or single is None or not chosen:
        return tuple(chosen.values())
    actor = next(iter(chosen.values()))
    head = r.doc[single.end - 1]
    if head.tag_ in ("NNS", "NNPS") and actor.kind != "person":
        return (actor,)  # "Israeli troops ... they"
    if allow_single_state and actor.kind in ("state", "organisation") and single.how != "people":
        return (actor,)  # "The US claimed that they had attacked Iraq"
    return ()
