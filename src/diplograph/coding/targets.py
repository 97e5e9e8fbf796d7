"""The other party of an event named by a noun, a meeting place or an appeal.

Kept apart from arguments.py, which finds the subject and object of a verb:
these read one construction each ("talks with X", "met in Zurich", "urged X to").
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.coding.arguments import (
    NOUN_PREPS,
    OBJECT_DEPS,
    WEAK_PREPS,
    MentionIndex,
    pobj,
    with_conjuncts,
)
from diplograph.models import Actor


def venue_of(verb: Token, index: MentionIndex) -> list[Actor]:
    """The place named right on the verb ("will meet in Zurich"), not inside its phrases."""
    for child in verb.children:
        arg = pobj(child) if child.dep_ == "prep" and child.lower_ in WEAK_PREPS else None
        found = with_conjuncts(arg, index, strict=True) if arg is not None else []
        if found:
            return found
    return []


def noun_targets(noun: Token, index: MentionIndex, hostile: bool) -> list[Actor]:
    """The other party of an event noun: "talks with X", "visit to X", "attack on X".

    "On" names a target only for hostile acts: "sanctions on X", but "talks on Iraq".
    """
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPS and (hostile or child.lower_ != "on"):
            arg = pobj(child)
            found = with_conjuncts(arg, index, strict=True) if arg is not None else []
            if found:
                return found
    return []


def appeal_targets(verb: Token, inner: Token, index: MentionIndex) -> list[Actor]:
    """The party appealed to: "urged Japan (to)", "called on Japan", "appealed to Japan"."""
    for child in inner.children:
        if child.dep_ == "nsubj" and inner.dep_ == "ccomp":
            return with_conjuncts(child, index)
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            return with_conjuncts(child, index)
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to"):
            arg = pobj(child)
            if arg is not None:
                return with_conjuncts(arg, index)
    return []
