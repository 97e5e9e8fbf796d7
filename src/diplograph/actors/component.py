"""The `diplograph_actors` spaCy component: sets `doc._.actor_mentions`.

The tables load once per process (shared by every component built without user
files); each Doc then costs one matching pass plus a walk over the hits.

`ActorMention.how` says which rule found the mention: name (dictionary name,
possibly with nationality and title), title (a title resolved to its holder on
the article's date), learned (a person missing from the data, introduced with
nationality or title), surname, pronoun ("he" -> a person; "it"/"its" -> a state or
organisation; "they" -> the plural subject it continues), group ("the two sides": two actors),
agent (nationality + agent noun), context (agent noun, country from the
paragraph or dateline), people ("Palestinians"), quote ("we" inside a quote),
and for bare states: seat, capital, place, adjective.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from diplograph.actors.compose import compose
from diplograph.actors.dictionary import ActorEntry, AgentEntry, load_actor_file
from diplograph.actors.gazetteer import Gazetteer, load_default, phrase_key
from diplograph.actors.matcher import find_hits
from diplograph.actors.quotes import first_person
from diplograph.actors.resolve import ArticleResolver
from diplograph.actors.singles import plural, single_tokens
from diplograph.actors.they import resolve_they
from diplograph.ingest.dateline import dateline_span
from diplograph.models import ActorMention, Article
from diplograph.nlp.extensions import register_extensions

log = logging.getLogger(__name__)
_NEWLINES = re.compile(r"\n+")


class ActorRecognizer:
    """Find and resolve actor mentions in a Doc (see the package docs for the rules)."""

    def __init__(
        self, nlp: Language, name: str = "diplograph_actors", actor_files: Iterable[str] = ()
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        entries: list[ActorEntry] = []
        agents: list[AgentEntry] = []
        for path in actor_files:
            more, more_agents = load_actor_file(path)
            entries += more
            agents += more_agents
            log.info("loaded %d actors and %d agents from %s", len(more), len(more_agents), path)
        base = load_default()
        self.gaz: Gazetteer = base.with_user(entries, agents) if entries or agents else base

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article if Doc.has_extension("article") else None
        doc._.actor_mentions = self.mentions(doc, article)
        return doc

    def mentions(self, doc: Doc, article: Article | None) -> list[ActorMention]:
        """The sorted, non-overlapping actor mentions of `doc`."""
        day: date | None = article.anchor_date if isinstance(article, Article) else None
        resolver = ArticleResolver(self.gaz, doc, day, self.dateline_code(article))
        strings = doc.vocab.strings
        resolver.low = [strings[h] for h in doc.to_array("LOWER").tolist()] if len(doc) else []
        texts = [strings[h] for h in doc.to_array("ORTH").tolist()] if len(doc) else []
        resolver.sent_of, resolver.para_of = _positions(doc)
        covered, plurals = compose(resolver, find_hits(doc, self.gaz, resolver.low, texts))
        single_tokens(resolver, covered)
        for hit in plurals:
            plural(resolver, hit)
        resolve_they(resolver, covered)
        first_person(resolver)
        found = [m for m in resolver.freeze() if not _inside_a_name(doc, m)]
        span = dateline_span(doc.text)
        if span is None:
            return found
        return [m for m in found if not span[0] <= doc[m.start].idx < span[1]]

    def dateline_code(self, article: Article | None) -> str:
        """The country of the dateline's place ("ASTANA, July 4 (Xinhua)" -> KAZ)."""
        if not isinstance(article, Article) or not article.dateline:
            return ""
        for part in article.dateline.split("(")[0].split(","):
            found = self.gaz.states.get(phrase_key(part.strip()))
            if found:
                return found[0]
        return ""


PLACE_HOWS = frozenset({"name", "place", "capital", "seat"})


def _inside_a_name(doc: Doc, mention: ActorMention) -> bool:
    """A country or city inside a person's name ("Michael Jordan", "Sheikh Sabah Al-Sabah",
    "Chad Smith"), as the model's named entities mark it, is no actor."""
    if mention.how not in PLACE_HOWS or any(a.kind != "state" for a in mention.actors):
        return False
    if doc[mention.start].ent_type_ != "PERSON":
        return False
    person = next((e for e in doc.ents if e.start <= mention.start < e.end and e.label_ == "PERSON"), None)
    return person is not None and person.end - person.start > mention.end - mention.start


def _positions(doc: Doc) -> tuple[list[int], list[int]]:
    """Sentence and paragraph index of every token, from arrays (no Token objects)."""
    n = len(doc)
    sent_of = [0] * n
    if n and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        starts = doc.to_array("SENT_START").tolist()
        index = -1
        for i, flag in enumerate(starts):
            index += flag == 1 or i == 0
            sent_of[i] = index
    breaks = [m.start() for m in _NEWLINES.finditer(doc.text)]
    offsets = doc.to_array("IDX").tolist() if n else []
    para_of = [bisect_right(breaks, offset) for offset in offsets]
    return sent_of, para_of


@Language.factory(
    "diplograph_actors",
    assigns=["doc._.actor_mentions"],
    default_config={"actor_files": []},
)
def make_actor_recognizer(nlp: Language, name: str, actor_files: list[str]) -> ActorRecognizer:
    """Build the component; registers the Doc extensions so it also works standalone."""
    register_extensions()
    return ActorRecognizer(nlp, name, actor_files)
