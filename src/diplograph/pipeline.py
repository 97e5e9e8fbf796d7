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
from diplograph.coding.learned.component import EventModelComponent
from diplograph.coding.learned.model import EventModel, configured_model_version
from diplograph.coding.learned.rescore import rescore
from diplograph.coding.ontology import describe
from diplograph.config import Settings
from diplograph.dates import DateResolver
from diplograph.dates.expressions import Resolved
from diplograph.dates.resolver import RECENT_DAYS
from diplograph.dedupe import adopt_stated_dates, merge_article
from diplograph.errors import DiplographError, InputError, unexpected_error
from diplograph.geo import Locator
from diplograph.ingest.decode import clean_text
from diplograph.ingest.options import DateWindow
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

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None,
                 today: date | None = None) -> None:
        from diplograph.nlp.build import build_nlp

        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else build_nlp(self.settings)
        self.locator: Locator = Locator()
        # Publication and dateline dates outside this window are input errors (the clock is injectable).
        self.window = DateWindow.around(today or date.today(), self.settings.earliest_date,
                                        self.settings.latest_date)

    def run(self, articles: Iterable[Article], on_error: ErrorHandler = _log_error) -> Iterator[ArticleResult]:
        """Yield one ArticleResult per article, in input order.

        Whatever one article does (bad text, a parser or coder exception) becomes one
        InputError for it through `on_error`; every other article is still processed.
        """
        batch: list[Article] = []
        for article in articles:
            if self._parseable(article, on_error):
                batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._results(batch, on_error)
                batch = []
        yield from self._results(batch, on_error)

    def _parseable(self, article: Article, on_error: ErrorHandler) -> bool:
        """Check an article before spaCy sees it (readers check too; the API and Python callers may not)."""
        origin = article.origin or article.id
        try:
            if len(article.text) >= self.nlp.max_length:
                raise InputError(origin, "article text is too long to parse", "split it into several articles")
            clean_text(article.text, origin)  # raises on lone surrogates, which spaCy cannot encode
            self.window.check(article.dateline_date, origin, "dateline date")
            self.window.check(article.date, origin, "publication date")
        except InputError as err:
            on_error(err)
            return False
        return True

    def _results(self, batch: list[Article], on_error: ErrorHandler) -> Iterator[ArticleResult]:
        for doc in self._parsed(batch, on_error):
            result = self._guarded_result(doc, on_error)
            if result is not None:
                yield result

    def _guarded_result(self, doc: Doc, on_error: ErrorHandler) -> ArticleResult | None:
        """`result_of`, or None once its failure is reported: one article's failure must not end the run."""
        try:
            return self.result_of(doc)
        except InputError as err:
            on_error(err)
        except Exception as err:
            article: Article = doc._.article
            on_error(unexpected_error(article.origin or article.id, "dating and coding", err))
        return None

    def _parsed(self, batch: list[Article], on_error: ErrorHandler) -> list[Doc]:
        """The batch through nlp.pipe; when that fails, each article alone so only the culprit is lost.

        Docs are made afresh for the second try: the failed pass may have half-annotated them.
        """
        if not batch:
            return []
        try:
            return list(self.nlp.pipe((self._doc(a) for a in batch), batch_size=len(batch)))
        except Exception:
            log.debug("a batch of %d articles failed in spaCy; parsing them one by one", len(batch),
                      exc_info=True)
        docs = []
        for article in batch:
            try:
                docs.append(self.nlp(self._doc(article)))
            except Exception as err:
                on_error(unexpected_error(article.origin or article.id, "parsing", err))
        return docs

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        return doc

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
        model = self._model
        if model is not None and model.stage is not None:
            events = tuple(rescore(model.stage, events, resolver.anchor))
        if not self.settings.include_targetless:
            events = tuple(e for e in events if e.target is not None)
        return ArticleResult(article=article, events=events, actors=tuple(count_actors(doc)),
                             model_version=self.model_version)

    @property
    def model_version(self) -> str:
        """The event model's version, stored per article so a newer model re-codes it."""
        return self._model.version if self._model is not None else ""

    @property
    def threshold(self) -> float:
        """The minimum confidence shown: the user's, else the one cross-validation chose."""
        if self.settings.min_confidence is not None:
            return self.settings.min_confidence
        return self._model.threshold if self._model is not None else 0.0

    @property
    def _model(self) -> EventModel | None:
        if "diplograph_event_model" not in self.nlp.pipe_names:
            return None
        component: EventModelComponent = self.nlp.get_pipe("diplograph_event_model")  # type: ignore[assignment]
        return component.model

    def shown(self, result: ArticleResult) -> ArticleResult:
        """The result with events under the minimum confidence left out (rule-only events,
        with no confidence, are kept)."""
        keep = tuple(e for e in result.events if e.confidence is None or e.confidence >= self.threshold)
        return replace(result, events=keep)

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
            ruled=cand.ruled,
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
    workers: int = 1,
) -> Iterator[ArticleResult]:
    """Read articles from files, folders or "-" and yield their events; no database needed.

    Reading limits, the date window and `id_from_path` come from the settings. With
    `workers` > 1 (and no `pipeline`), articles are parsed in that many processes
    (diplograph.parallel); the results are the same, in the same order.

    Example:
        for result in extract(["article.txt"]):
            for event in result.events:
                print(event.to_json())
    """
    from diplograph.ingest import iter_articles
    from diplograph.ingest.options import read_options
    from diplograph.parallel import runner

    if workers <= 1 or pipeline is not None:
        pipeline = pipeline or Pipeline(settings)
    options = read_options(settings or (pipeline.settings if pipeline else None))
    articles = iter_articles(inputs, default_date=default_date, on_error=on_error, options=options)
    with runner(workers, settings, pipeline, shown=True) as run:
        yield from run(articles, on_error)


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

    def fail(self, error: InputError) -> None:
        """Count one input error; the one place `failed` grows, so nothing is counted twice."""
        self.failed += 1
        self.errors.append(str(error))


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    summary: IngestSummary | None = None,
    on_error: ErrorHandler = _log_error,
    workers: int = 1,
    on_written: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Extract events from articles and write them; unchanged articles are not even parsed.

    Each article's errors, including a failed write, are counted in the summary
    and passed to `on_error` once; the other articles are still written. With
    `workers` > 1 (and no `pipeline`) articles are parsed in that many processes and
    written here, in input order (diplograph.parallel). `on_written` is called after
    each article is written (progress displays).
    """
    from diplograph.parallel import runner

    summary = summary or IngestSummary()
    if workers <= 1 and pipeline is None:
        pipeline = Pipeline(settings)

    def failed(error: InputError) -> None:
        summary.fail(error)
        on_error(error)

    version = pipeline.model_version if pipeline is not None else configured_model_version(settings or Settings())
    with runner(workers, settings, pipeline) as run:
        for result in run(_fresh(articles, store, summary, failed, version), failed):
            try:
                summary.record(store.write_result(result))
            except Exception as err:  # a write that fails loses this article only
                failed(_write_error(result.article, err))
            if on_written is not None:
                on_written(summary)
    return summary


def _fresh(articles: Iterable[Article], store: Store, summary: IngestSummary,
           failed: ErrorHandler, model_version: str = "") -> Iterator[Article]:
    """The articles not stored yet with this very text; a repeated id in one call is named."""
    seen: dict[str, str] = {}
    for article in articles:
        summary.read += 1
        origin = article.origin or article.id
        if article.id in seen:
            failed(InputError(origin, f"id '{article.id}' was given already ({seen[article.id]})",
                              "give every article its own id"))
            continue
        seen[article.id] = origin
        try:
            stored = store.has_article(article.id, article.content_hash, model_version)
        except Exception:  # the write will say what is wrong with the store
            log.debug("could not look up article %s", article.id, exc_info=True)
            stored = False
        if stored:
            summary.unchanged += 1
            continue
        yield article


def store_once(store: Store, result: ArticleResult, seen: dict[str, str], summary: IngestSummary,
               failed: ErrorHandler) -> None:
    """Write one result unless an article of its id came from another origin earlier in the run
    (`seen`: id -> origin); a failed write loses this article only."""
    article = result.article
    first = seen.setdefault(article.id, article.origin)
    if first != article.origin:
        failed(InputError(article.origin, f"id '{article.id}' was read already from {first}; "
                          "this article is skipped", "give every article its own id"))
        return
    try:
        summary.record(store.write_result(result))
    except Exception as err:  # a write that fails loses this article only
        failed(_write_error(article, err))


def _write_error(article: Article, err: Exception) -> InputError:
    """One article's failed write as a named error: its own message for a StoreError."""
    origin = article.origin or article.id
    if isinstance(err, DiplographError):
        log.debug("writing %s failed", origin, exc_info=err)
        return InputError(origin, f"not stored: {err.message}", err.hint)
    return unexpected_error(origin, "storing", err)
