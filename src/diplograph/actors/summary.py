"""Who an article is about: distinct actors and how often each is mentioned."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from diplograph.models import Actor


def count_actors(doc: Doc) -> list[tuple[Actor, int]]:
    """Distinct actors of `doc._.actor_mentions` with their mention counts, most mentioned first.

    Actors are merged by `actor_id` (the first-seen Actor stands for all), so a
    leader named with different roles in one article is still one actor.
    """
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in doc._.actor_mentions or []:
        for actor in mention.actors:
            key = actor.actor_id or f"{actor.kind}:{actor.code}:{actor.name}"
            first.setdefault(key, actor)
            counts[key] += 1
    order = {key: index for index, key in enumerate(first)}
    ranked = sorted(counts, key=lambda key: (-counts[key], order[key]))
    return [(first[key], counts[key]) for key in ranked]
