"""The Python API: articles in, dated and deduplicated events out.

Flow: ingest (Article) -> spaCy (parse + diplograph_actors + diplograph_coder)
-> dates -> places -> ontology -> dedupe -> store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from diplograph.actors.summary import count_actors
from diplograph.coding.ontology import describe
from diplograph.config import Settings
from diplograph.dates import DateResolver
from diplograph.dates.expressions import Resolved
from diplograph.dates.resolver import RECENT_DAYS
from diplograph.dedupe import adopt_stated_dates, merge_article
from diplograph.errors import InputError
from diplograph.geo import Locator
from diplograph.models import Article, ArticleResult, Event, EventCandidate, Mention

if TYPE_CHECKING:
    from spacy.language import Language

    from diplograph.store import Store, WriteOutcome

log = logging.getLogger(__name__)

ErrorHandler = Callable[[InputError], None]


def _log_error(error: InputError) -> None:
    log.error("%s", error)


class Pipeline:
    """Builds the spaCy pipeline and the gazetteer once; runs articles through them."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        from diplograph.nlp.build import build_nlp

        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else build_nlp(self.settings)
        self.locator: Locator = Locator()

    def run(self, articles: Iterable[Article], on_error: ErrorHandler = _log_error) -> Iterator[ArticleResult]:
        """Yield one ArticleResult per article, in input order."""
        docs = self._docs(articles, on_error)
        for doc in self.nlp.pipe(docs, batch_size=self.settings.batch_size):
            yield self.result_of(doc)

    def _docs(self, articles: Iterable[Article], on_error: ErrorHandler) -> Iterator[Doc]:
        for article in articles:
            if len(article.text) >= self.nlp.max_length:
                on_error(InputError(article.origin or article.id, "article text is too long to parse",
                                    "split it into several articles"))
                continue
            doc = self.nlp.make_doc(article.text)
            doc._.article = article
            yield doc

    def result_of(self, doc: Doc) -> ArticleResult:
        """Turn a processed Doc into dated, located, deduplicated events."""
        article: Article = doc._.article
        resolver = DateResolver(doc, article)
        sentences = list(doc.sents)
        candidates = doc._.event_candidates or []
        stated = [_when(resolver, c, sentences[c.sentence]) for c in candidates]
        fallback: Resolved = (resolver.anchor.isoformat(), "day")
        drafts = [self._draft(doc, article, _not_yet(cand, when, resolver.anchor), when or fallback, sentences,
                              recent=_recent(when, resolver.anchor))
                  for cand, when in zip(candidates, stated, strict=True)]
        undated = [when is None for when in stated]
        events = tuple(merge_article(adopt_stated_dates(drafts, undated, resolver.anchor)))
        return ArticleResult(article=article, events=events, actors=tuple(count_actors(doc)))

    def _draft(self, doc: Doc, article: Article, cand: EventCandidate, dated: Resolved,
               sentences: list[Span], *, recent: bool = True) -> Event:
        info = describe(cand.cameo)
        sent = sentences[cand.sentence]
        when, precision = dated
        evidence = sent.text.strip()
        mention = Mention(article.id, cand.sentence, sent.start_char, sent.end_char, evidence)
        return Event(
            event_id="", article_id=article.id, date=when, date_precision=precision,
            source=cand.source, target=cand.target, cameo=info.code, plover=info.plover,
            quad_class=info.quad_class, goldstein=info.goldstein,
            location=self.locator.locate(doc, cand.sentence, article, cand.trigger_index, recent=recent),
            evidence=evidence, sentence=cand.sentence, mentions=1, modality=cand.modality,
            trigger=cand.trigger, evidence_list=(mention,), confidence=cand.confidence,
        )


def _when(resolver: DateResolver, cand: EventCandidate, sent: Span) -> Resolved | None:
    """The stated date of an event; an announcement with no reporting verb ("He will attend
    the summit on Saturday") dates from the story, its own date being the plan's."""
    token = _dating_token(cand, sent)
    announced = cand.cameo.startswith("03") or cand.modality != "asserted"
    if announced and token == sent.root.i == cand.trigger_index:
        return resolver.statement_date(cand.sentence)
    return resolver.stated_date(cand.sentence, token)


def _not_yet(cand: EventCandidate, when: Resolved | None, anchor: date) -> EventCandidate:
    """An event the text dates after the story's day has not happened yet ("before he leaves
    for Washington on April 24"): it is future, whatever the verb's tense."""
    if cand.modality != "asserted" or when is None or len(when[0]) != 10:
        return cand
    return replace(cand, modality="future") if date.fromisoformat(when[0]) > anchor else cand


def _recent(when: Resolved | None, anchor: date) -> bool:
    """Whether an event falls in the story's week (undated ones do): only those may take
    the dateline city as their place."""
    if when is None:
        return True
    if len(when[0]) != 10:
        return False
    return abs((date.fromisoformat(when[0]) - anchor).days) <= RECENT_DAYS


def _dating_token(cand: EventCandidate, sent: Span) -> int | None:
    """The token whose date is the event's date.

    An intent (CAMEO 03) or a future or conditional event happens when it is
    announced: "the spokesman said Thursday the president will visit Tokyo on
    Nov. 26" is dated Thursday, and `modality` says the visit is not yet real.
    An intent stated in the past tense is dated by its own verb: "during his visit in
    January, the two sides agreed to ..., Xi said" agreed in January.
    """
    if cand.modality != "asserted":
        return sent.root.i
    if cand.cameo.startswith("03"):
        trigger = sent.doc[cand.trigger_index] if cand.trigger_index is not None else None
        past = trigger is not None and trigger.tag_ in ("VBD", "VBN") and sent.start <= trigger.i < sent.end
        return trigger.i if past and trigger is not None else sent.root.i
    return cand.trigger_index


def extract(
    inputs: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    default_date: date | None = None,
    on_error: ErrorHandler = _log_error,
    pipeline: Pipeline | None = None,
) -> Iterator[ArticleResult]:
    """Read articles from files, folders or "-" and yield their events; no database needed.

    Example:
        for result in extract(["article.txt"]):
            for event in result.events:
                print(event.to_json())
    """
    from diplograph.ingest import iter_articles

    pipe = pipeline or Pipeline(settings)
    articles = iter_articles(inputs, default_date=default_date, on_error=on_error)
    yield from pipe.run(articles, on_error)


@dataclass
class IngestSummary:
    """Counts shown at the end of `diplograph ingest`."""

    read: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    events_written: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.unchanged

    def record(self, outcome: WriteOutcome) -> None:
        """Count one article's write."""
        if outcome.status == "unchanged":
            self.unchanged += 1
        elif outcome.status == "replaced":
            self.replaced += 1
        else:
            self.new += 1
        self.events_written += outcome.events_written


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    summary: IngestSummary | None = None,
    on_error: ErrorHandler = _log_error,
) -> IngestSummary:
    """Extract events from articles and write them; unchanged articles are not even parsed."""
    summary = summary or IngestSummary()
    pipe = pipeline or Pipeline(settings)

    def fresh(items: Iterable[Article]) -> Iterator[Article]:
        for article in items:
            summary.read += 1
            if store.has_article(article.id, article.content_hash):
                summary.unchanged += 1
                continue
            yield article

    def failed(error: InputError) -> None:
        summary.failed += 1
        summary.errors.append(str(error))
        on_error(error)

    for result in pipe.run(fresh(articles), failed):
        summary.record(store.write_result(result))
    return summary
