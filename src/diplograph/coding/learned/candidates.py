"""Candidate events: every directed pair of actor codes that one sentence may report.

Actors come from the sentence's own mentions, and from the two sentences before
it ("He met Lavrov on Monday" after a sentence naming the minister): most
annotated events have both codes within that window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from diplograph.models import Actor, ActorMention, EventCandidate

CARRY_SENTENCES = 2
MAX_PAIRS = 6  # mention pairs described per candidate


@dataclass(frozen=True, slots=True)
class Slot:
    """An actor as mentioned: the mention and how far back it was (0: this sentence)."""

    actor: Actor
    mention: ActorMention
    back: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A directed (source, target) pair of codes in one sentence, with the rules' events for it."""

    sentence: int
    source: tuple[Slot, ...]  # every mention of the source code
    target: tuple[Slot, ...]
    rules: tuple[EventCandidate, ...]  # the rule coder's events for this pair (either direction)

    @property
    def codes(self) -> tuple[str, str]:
        return self.source[0].actor.code, self.target[0].actor.code


def _slots(mentions: Sequence[ActorMention], sentence: int) -> dict[str, list[Slot]]:
    by_code: dict[str, list[Slot]] = {}
    for mention in mentions:
        back = sentence - mention.sentence
        if not 0 <= back <= CARRY_SENTENCES:
            continue
        for actor in mention.actors:
            if actor.code:
                by_code.setdefault(actor.code, []).append(Slot(actor, mention, back))
    return by_code


def sentence_candidates(sentence: int, mentions: Sequence[ActorMention],
                        rules: Sequence[EventCandidate]) -> list[Candidate]:
    """Directed pairs with at least one side in the sentence; a code paired with itself when
    two mentions name it (police arresting their own citizens)."""
    by_code = _slots(mentions, sentence)
    here = {code for code, slots in by_code.items() if any(s.back == 0 for s in slots)}
    out = []
    for src in sorted(by_code):
        for tgt in sorted(by_code):
            if src not in here and tgt not in here:
                continue
            if src == tgt and len({s.mention for s in by_code[src]}) < 2:
                continue  # one mention is no pair: "Afghan prison" does not act on itself
            pair_rules = tuple(r for r in rules if _codes(r) in ((src, tgt), (tgt, src)))
            out.append(Candidate(sentence, _ordered(by_code[src]), _ordered(by_code[tgt]), pair_rules))
    return out


def _ordered(slots: list[Slot]) -> tuple[Slot, ...]:
    return tuple(sorted(slots, key=lambda s: (s.back, s.mention.start)))


def _codes(event: EventCandidate) -> tuple[str, str]:
    return (event.source.code if event.source else "", event.target.code if event.target else "")


def head(doc: Doc, mention: ActorMention) -> Token:
    return doc[mention.start:mention.end].root


def trigger_of(sent: Span, cand: Candidate) -> Token:
    """The word the event hangs on: a rule's trigger for the pair, else the verb governing
    both mentions, else the verb governing the source (or target) mention, else the root."""
    doc = sent.doc
    for rule in cand.rules:
        if rule.trigger_index is not None and rule.sentence == cand.sentence:
            return doc[rule.trigger_index]
    heads = [head(doc, s.mention) for s in (cand.source[0], cand.target[0]) if s.back == 0]
    if len(heads) == 2:
        return governing_verb(lowest_common_ancestor(heads[0], heads[1]))
    if heads:
        return governing_verb(heads[0])
    return sent.root


def lowest_common_ancestor(a: Token, b: Token) -> Token:
    above = {a.i, *(t.i for t in a.ancestors)}
    for tok in (b, *b.ancestors):
        if tok.i in above:
            return tok
    return a.sent.root


def governing_verb(tok: Token) -> Token:
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return tok.sent.root
