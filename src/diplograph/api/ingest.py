"""POST /articles, one article at a time: whatever one article does (a missing date, a text
spaCy chokes on, a date that overflows, a refused write) becomes that article's error,
and every other article is still extracted and stored.

Each article goes through the pipeline on its own and is written in its own transaction,
so the response can say exactly what was stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from diplograph.errors import DiplographError, InputError, MissingDateError
from diplograph.ingest.dateline import article_dateline, dateline_agency
from diplograph.models import Article, ArticleResult

if TYPE_CHECKING:
    from diplograph.api.schemas import ArticleIn
    from diplograph.pipeline import Pipeline
    from diplograph.store import Store

log = logging.getLogger(__name__)
API_ORIGIN = "POST /api/v1/articles"
Status = Literal["stored", "unchanged", "error"]


@dataclass(frozen=True, slots=True)
class PostedStatus:
    """What became of one posted article."""

    id: str
    status: Status
    write: Literal["new", "replaced"] | None = None
    events_written: int = 0
    error: str | None = None
    warning: str | None = None


@dataclass
class PostedReport:
    """The statuses in posting order, and the CLI's counts derived from them."""

    statuses: list[PostedStatus] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        done = self.statuses
        return {
            "read": len(done),
            "new": sum(s.write == "new" for s in done),
            "replaced": sum(s.write == "replaced" for s in done),
            "unchanged": sum(s.status == "unchanged" for s in done),
            "failed": sum(s.status == "error" for s in done),
            "events_written": sum(s.events_written for s in done),
            "errors": [s.error for s in done if s.error],
            "articles": [asdict(s) for s in done],
        }


def ingest_posted(items: Sequence[ArticleIn], store: Store, pipeline: Callable[[], Pipeline]) -> PostedReport:
    """Extract and store each posted article on its own; `pipeline` builds the model when first needed."""
    report = PostedReport()
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"articles[{index}] ({item.id!r})"
        try:
            if item.id in seen:
                raise InputError(where, "this id was given earlier in the request",
                                 "give each article its own id; only the first one is processed")  # fmt: skip
            seen.add(item.id)
            status = _one(to_article(item, where), store, pipeline, where)
        except DiplographError as err:
            status = PostedStatus(item.id, "error", error=str(err))
        except Exception as exc:  # noqa: BLE001 (a bug for one article must not cost the others)
            log.exception("%s: unexpected error", where)
            reason = f"{type(exc).__name__}: {exc}"[:200]
            status = PostedStatus(item.id, "error", error=f"{where}: could not process it ({reason})")
        report.statuses.append(status)
    return report


def to_article(item: ArticleIn, where: str) -> Article:
    """The Article a JSONL line with these fields would give; no date from the server's clock."""
    text = item.text.strip()
    if not text:
        raise InputError(where, "'text' is empty", "give the article body")
    dateline, dateline_date = article_dateline(item.dateline, text, item.date)
    published = item.date or dateline_date
    if published is None:
        raise MissingDateError(where, "no 'date' and no dated dateline",
                               "give \"date\": \"YYYY-MM-DD\" or a dateline such as 'ASTANA, July 4 (Xinhua) --'")  # fmt: skip
    return Article(
        id=item.id, text=text, date=published, title=item.title.strip(), dateline=dateline,
        dateline_date=dateline_date, source=item.source.strip() or dateline_agency(dateline),
        url=item.url.strip(), origin=API_ORIGIN,
    )  # fmt: skip


def _one(article: Article, store: Store, pipeline: Callable[[], Pipeline], where: str) -> PostedStatus:
    pipe = pipeline()
    if store.has_article(article.id, article.content_hash, pipe.model_version):
        return PostedStatus(article.id, "unchanged")
    result = _extract(pipe, article, where)
    outcome = store.write_result(result)
    warning = None
    if outcome.previous_origin:
        warning = f"id {article.id!r} was stored before from {outcome.previous_origin}; this replaced it"
    if outcome.status == "unchanged":  # another writer stored the same text meanwhile
        return PostedStatus(article.id, "unchanged", warning=warning)
    return PostedStatus(article.id, "stored", outcome.status, outcome.events_written, warning=warning)


def _extract(pipeline: Pipeline, article: Article, where: str) -> ArticleResult:
    problems: list[InputError] = []
    results = list(pipeline.run([article], problems.append))
    if problems:
        raise problems[0]
    if len(results) != 1:
        raise InputError(where, "no result from the pipeline", "report this as a bug")
    return results[0]
