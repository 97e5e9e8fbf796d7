"""Attach actors to coded frames and turn them into event candidates.

Kept apart from the verb logic (clauses.py) and the noun logic (nominal.py):
this is where coordination, reverse acts ("visit" -> "host") and self-directed
events are decided.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from diplograph.coding import arguments as args
from diplograph.coding.clauses import Frame, SentenceCoder
from diplograph.coding.nominal import nominal_frames
from diplograph.coding.ontology import is_known, is_symmetric
from diplograph.coding.patterns import Coding
from diplograph.models import Actor, ActorMention, EventCandidate

# A city or region names where something happened, not who hosted it.
PLACE_HOWS = frozenset({"place", "seat", "capital"})
# Coordinated subjects with no object act on each other only when cooperating (03-08)
# or when the act is mutual (clashes); "China and Russia oppose X" is not China opposing Russia.
PAIRED_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


def code_sentence(
    coder: SentenceCoder,
    nouns: dict[str, Coding],
    sent: Span,
    sentence: int,
    mentions: Sequence[ActorMention],
) -> list[EventCandidate]:
    """Return the event candidates of one sentence."""
    index = {i: m for m in mentions for i in range(m.start, m.end)}
    named = {a for m in mentions if m.how not in PLACE_HOWS for a in m.actors}
    places = {a for m in mentions if m.how in PLACE_HOWS for a in m.actors} - named
    frames = coder.frames(sent) + nominal_frames(sent, nouns, set(index))
    reported = {_reporting_verb(f.trigger) for f in frames}
    events: list[EventCandidate] = []
    for frame in frames:
        if frame.code.startswith("01") and frame.verb.i in reported:
            continue
        events.extend(attach(frame, sentence, index, places))
    return _unique(events)


def _reporting_verb(token: Token) -> int:
    """Index of the verb whose clausal complement holds `token` (-1 if none)."""
    current = token
    for _ in range(6):
        if current.dep_ == "ccomp":
            return current.head.i
        if current.head is current:
            break
        current = current.head
    return -1


def _sources(frame: Frame, index: args.MentionIndex) -> tuple[list[Actor], list[Actor]]:
    if frame.source_token is not None:
        return args.with_conjuncts(frame.source_token, index), []
    return args.sources_of(frame.source_verb or frame.verb, index)


def _targets(frame: Frame, index: args.MentionIndex, passive_targets: list[Actor]) -> list[Actor]:
    if frame.appeal_to is not None:
        return args.appeal_targets(frame.appeal_to, frame.verb, index)
    if frame.verb.pos_ == "NOUN":  # "talks with X", not "talks on Iraq" or "the meeting in Hong Kong"
        return args.noun_targets(frame.verb, index, hostile=frame.code[:2] >= "09")
    found = passive_targets or args.targets_of(frame.verb, index)
    bare = not any(c.dep_ in args.OBJECT_DEPS for c in frame.verb.children)
    for conj in frame.verb.conjuncts if not found and bare and frame.verb.pos_ == "VERB" else ():
        found = args.targets_of(conj, index)
        if found:
            break
    return found


def attach(frame: Frame, sentence: int, index: args.MentionIndex, places: set[Actor]) -> list[EventCandidate]:
    """Give a frame its sources and targets; one candidate per (source, target)."""
    sources, passive_targets = _sources(frame, index)
    targets = _targets(frame, index, passive_targets)
    if frame.swap and targets:
        sources, targets = targets, sources
    coded = [(s, t, frame.code) for s, t in pairs(sources, targets, frame.code)]
    if frame.reverse and is_known(frame.reverse) and targets:
        coded += [(t, s, frame.reverse) for s, t, _ in coded if t is not None and _hosts(t, places)]
    explicit = bool(targets)
    if frame.code == "010":  # "said", "told": the reported content is the event, not the saying
        return []
    quiet = frame.code.startswith("01")
    return [
        EventCandidate(s, t, code, sentence, frame.trigger.text, frame.modality, frame.trigger.i)
        for s, t, code in coded
        if (not quiet or (t is not None and explicit)) and (t is None or not same_actor(s, t))
    ]


def _hosts(actor: Actor, places: set[Actor]) -> bool:
    """Whether a target can do the reverse act: not a mere place, not an IGO (whose summit is an event, not a visit)."""
    return actor not in places and actor.role != "IGO"


def same_actor(source: Actor, target: Actor) -> bool:
    """One actor acting on itself: same code and no distinct sectors (GOV vs OPP stay apart)."""
    if source.code != target.code:
        return False
    return not (source.sector and target.sector and source.sector != target.sector)


def pairs(sources: list[Actor], targets: list[Actor], code: str) -> list[tuple[Actor, Actor | None]]:
    """Source-target pairs; coordinated sources with no target may act on each other."""
    if targets:
        return [(s, t) for s in sources for t in targets]
    if len(sources) >= 2 and is_symmetric(code):
        return [(s, t) for s in sources for t in sources if s is not t]
    if len(sources) >= 2 and code[:2] in PAIRED_ROOTS:
        return [(sources[0], t) for t in sources[1:]]
    return [(s, None) for s in sources]


def _unique(events: list[EventCandidate]) -> list[EventCandidate]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for event in events:
        key = (
            event.source.code if event.source else "",
            event.target.code if event.target else "",
            event.cameo,
        )
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
