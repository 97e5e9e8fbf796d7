"""The `diplograph_coder` spaCy component: actor mentions in, event candidates out.

Only sentences with at least one actor mention are looked at, and verbs are
found by dictionary lookup, so the component costs little next to the parser.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from diplograph.coding.clauses import SentenceCoder, load_control
from diplograph.coding.events import code_sentence
from diplograph.coding.nominal import load_nouns
from diplograph.coding.patterns import Lexicon, load_lexicon
from diplograph.models import ActorMention, EventCandidate
from diplograph.nlp.extensions import register_extensions

log = logging.getLogger(__name__)


@cache
def _packaged_lexicon() -> Lexicon:
    """The packaged lexicon, compiled once per process (it takes about a second)."""
    return load_lexicon()


class EventCoder:
    """Sets `doc._.event_candidates` from `doc._.actor_mentions` and the parse."""

    def __init__(self, name: str = "diplograph_coder", verb_files: Sequence[str] = ()) -> None:
        self.name = name
        lexicon = load_lexicon(verb_files) if verb_files else _packaged_lexicon()
        self.coder = SentenceCoder(lexicon, load_control())
        self.nouns = load_nouns()

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ActorMention] = doc._.actor_mentions or []
        doc._.event_candidates = self.code_doc(doc, mentions)
        return doc

    def code_doc(self, doc: Doc, mentions: Sequence[ActorMention]) -> list[EventCandidate]:
        """Code every sentence of `doc` that mentions an actor."""
        if not mentions:
            return []
        by_sentence: dict[int, list[ActorMention]] = {}
        for mention in mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        events: list[EventCandidate] = []
        for number, sent in enumerate(doc.sents):
            found = by_sentence.get(number)
            if found:
                events.extend(code_sentence(self.coder, self.nouns, sent, number, found))
        return events


@Language.factory(
    "diplograph_coder",
    assigns=["doc._.event_candidates"],
    requires=["doc._.actor_mentions"],
    default_config={"verb_files": []},
)
def make_coder(nlp: Language, name: str, verb_files: list[str]) -> EventCoder:  # noqa: ARG001
    """Build the coder; `verb_files` replaces the packaged CAMEO verbs with PETRARCH files."""
    register_extensions()
    return EventCoder(name, verb_files)
