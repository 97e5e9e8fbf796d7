"""The `diplograph_event_model` spaCy component: the learned layer that decides the events.

It reads the actor mentions and the rule coder's events, proposes every directed
pair of codes a sentence may report (`candidates.py`), and keeps, for each pair,
one event with the root the model finds likeliest and the most specific code the
text supports: a rule event's code with that root, else a verb pattern's in the
sentence, else the root's general code. Events with no target (which the model
was not trained on) are kept from the rules with confidence None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplograph.coding.clauses import Frame, SentenceCoder
from diplograph.coding.learned.candidates import Candidate, sentence_candidates, trigger_of
from diplograph.coding.learned.features import candidate_features, sentence_words
from diplograph.coding.learned.model import EventModel, Prediction, load_model, packaged_model
from diplograph.models import Actor, ActorMention, EventCandidate
from diplograph.nlp.extensions import register_extensions


@dataclass(frozen=True, slots=True)
class Described:
    """A candidate with its features, as training and prediction see it."""

    candidate: Candidate
    features: list[str]
    frames: tuple[Frame, ...]


class EventModelComponent:
    def __init__(self, nlp: Language, name: str, model_dir: str = "") -> None:
        self.name = name
        self.nlp = nlp
        self.model: EventModel = load_model(Path(model_dir)) if model_dir else packaged_model()

    def __call__(self, doc: Doc) -> Doc:
        rules: list[EventCandidate] = doc._.event_candidates or []
        doc._.event_candidates = decide(rules, describe_doc(self.nlp, doc), self.model)
        return doc


def decide(rules: Sequence[EventCandidate], described: Sequence[tuple[Span, list[Described]]],
           model: EventModel) -> list[EventCandidate]:
    """The model's events, plus the rules' events with no target (confidence None)."""
    best: dict[tuple[int, frozenset[str], str], EventCandidate] = {}
    for sent, items in described:
        for item in items:
            for event in choose(sent, item, model.predict(item.features), model):
                # one direction per pair and root: "A met B" is one event, not two
                key = (event.sentence, frozenset(_codes(event)), event.cameo[:2])
                if key not in best or (event.confidence or 0.0) > (best[key].confidence or 0.0):
                    best[key] = event
    chosen = [e for e in rules if e.target is None] + list(best.values())
    return sorted(chosen, key=lambda e: (e.sentence, e.trigger_index or 0, e.cameo))


def _codes(event: EventCandidate) -> tuple[str, str]:
    return (event.source.code if event.source else "", event.target.code if event.target else "")


def describe_doc(nlp: Language, doc: Doc) -> list[tuple[Span, list[Described]]]:
    """Every sentence's candidates with their features (shared by training and prediction)."""
    mentions: list[ActorMention] = doc._.actor_mentions or []
    rules: list[EventCandidate] = doc._.event_candidates or []
    if not mentions:
        return []
    coder: SentenceCoder = nlp.get_pipe("diplograph_coder").coder  # type: ignore[attr-defined]
    out = []
    for number, sent in enumerate(doc.sents):
        if not any(m.sentence == number for m in mentions):
            continue
        here = [r for r in rules if r.sentence == number and r.target is not None]
        cands = sentence_candidates(number, mentions, here)
        if not cands:
            continue
        frames = tuple(coder.frames(sent))
        codes = [(f.trigger.i, f.code) for f in frames]
        words = sentence_words(sent, number)
        out.append((sent, [Described(c, candidate_features(sent, c, codes, words), frames) for c in cands]))
    return out


def choose(sent: Span, item: Described, pred: Prediction, model: EventModel) -> list[EventCandidate]:
    """The events of one candidate: the model's likeliest root, and the rules' own root for the
    pair when it differs (scored by the model as well: the second stage weighs both)."""
    cand = item.candidate
    src, tgt = cand.source[0].actor, cand.target[0].actor
    forward = [r for r in cand.rules if r.source is not None and r.source.code == src.code]
    out = []
    if pred.root is not None and pred.score >= model.floor:
        out.append(_event(sent, item, pred.root, pred.score, src, tgt))
    for rule in forward:
        score = pred.of(rule.cameo[:2])
        if rule.cameo[:2] != pred.root and score >= model.floor:
            out.append(replace(rule, source=src, target=tgt, confidence=score, ruled=True))
    return out


def _event(sent: Span, item: Described, root: str, score: float, src: Actor, tgt: Actor) -> EventCandidate:
    """One event of `root`: a rule event's code with that root, else a verb pattern's in the
    sentence, else the root's general code."""
    cand = item.candidate
    rule = next((r for r in cand.rules if r.cameo[:2] == root and r.source is not None
                 and r.source.code == src.code), None)
    rule = rule or next((r for r in cand.rules if r.cameo[:2] == root), None)
    if rule is not None:
        return replace(rule, source=src, target=tgt, confidence=score, ruled=True)
    trigger = trigger_of(sent, cand)
    frame = min((f for f in item.frames if f.code[:2] == root),
                key=lambda f: abs(f.trigger.i - trigger.i), default=None)
    if frame is not None:
        return EventCandidate(src, tgt, frame.code, cand.sentence, frame.trigger.text, frame.modality,
                              frame.trigger.i, score)
    return EventCandidate(src, tgt, root + "0", cand.sentence, trigger.text, "asserted", trigger.i, score)


@Language.factory(
    "diplograph_event_model",
    assigns=["doc._.event_candidates"],
    requires=["doc._.actor_mentions", "doc._.event_candidates"],
    default_config={"model_dir": ""},
)
def make_event_model(nlp: Language, name: str, model_dir: str) -> EventModelComponent:
    """Build the learned layer; `model_dir` overrides the shipped model (from `diplograph train`)."""
    register_extensions()
    return EventModelComponent(nlp, name, model_dir)
