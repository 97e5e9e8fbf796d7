"""ArticleResults as Parquet files: what `batch --out DIR` workers write and `load` stores.

One file per partition (`part-000042.parquet`), written under a temporary name and
renamed, so a killed worker never leaves half a file and a retried partition simply
replaces its file. Each row is one article: its id, content hash and origin, and the
whole ArticleResult as JSON (plain data, no pickle: loading a folder runs no code).
`load_results` stores them as `ingest` would, idempotently (an unchanged article is
skipped), into SQLite or PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError, MissingExtraError
from diplograph.models import Actor, Article, ArticleResult, Event, Location, Mention

if TYPE_CHECKING:
    from diplograph.pipeline import IngestSummary
    from diplograph.store import Store

FORMAT = "diplograph-results/1"


def encode(result: ArticleResult) -> str:
    """One ArticleResult as JSON."""
    article = asdict(result.article)
    for name in ("date", "dateline_date"):
        article[name] = article[name].isoformat() if article[name] else None
    return json.dumps({
        "article": article,
        "events": [asdict(e) for e in result.events],
        "actors": [[asdict(a), n] for a, n in result.actors],
        "model_version": result.model_version,
    }, ensure_ascii=False)


def decode(text: str) -> ArticleResult:
    """The ArticleResult `encode` wrote."""
    data = json.loads(text)
    article = dict(data["article"])
    for name in ("date", "dateline_date"):
        article[name] = dt.date.fromisoformat(article[name]) if article[name] else None
    return ArticleResult(
        article=Article(**article),
        events=tuple(_event(e) for e in data["events"]),
        actors=tuple((Actor(**a), int(n)) for a, n in data["actors"]),
        model_version=data.get("model_version", ""),
    )


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return Actor(**data) if data else None


def _event(data: dict[str, Any]) -> Event:
    fields = dict(data)
    fields["source"], fields["target"] = _actor(data["source"]), _actor(data["target"])
    fields["location"] = Location(**data["location"]) if data["location"] else None
    fields["evidence_list"] = tuple(Mention(**m) for m in data["evidence_list"])
    return Event(**fields)


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "parquet") from exc
    return pa, pq


def write_part(folder: Path, number: int, results: list[ArticleResult]) -> str:
    """Write one partition's results; returns the file's path."""
    pa, pq = _pyarrow()
    table = pa.table({
        "article_id": pa.array([r.article.id for r in results], pa.string()),
        "content_hash": pa.array([r.article.content_hash for r in results], pa.string()),
        "origin": pa.array([r.article.origin for r in results], pa.string()),
        "result": pa.array([encode(r) for r in results], pa.string()),
    }).replace_schema_metadata({"format": FORMAT})
    final = folder / f"part-{number:06d}.parquet"
    temporary = folder / f".part-{number:06d}.{os.getpid()}.tmp"
    pq.write_table(table, temporary)
    os.replace(temporary, final)
    return str(final)


def iter_results(folder: Path, on_error: Callable[[InputError], None]) -> Iterator[ArticleResult]:
    """The results of every part file of `folder`, in partition order."""
    _pa, pq = _pyarrow()
    files = sorted(folder.glob("part-*.parquet"))
    if not files:
        on_error(InputError(str(folder), "no part-*.parquet files in it", "give the folder `batch --out` wrote"))
    for path in files:
        try:
            table = pq.read_table(path)
            meta = table.schema.metadata or {}
            if meta.get(b"format") != FORMAT.encode():
                raise ValueError(f"not a {FORMAT} file")
            texts = table.column("result").to_pylist()
        except Exception as err:  # one bad file is named; the others are still loaded
            on_error(InputError(str(path), f"cannot read: {type(err).__name__}: {str(err)[:200]}",
                                "run `batch --out` again for its partition"))
            continue
        for row, text in enumerate(texts):
            try:
                yield decode(text)
            except Exception as err:
                on_error(InputError(f"{path}:{row + 1}", f"bad result: {type(err).__name__}: {str(err)[:200]}",
                                    "run `batch --out` again for this partition"))


def load_results(folder: Path, store: Store, on_error: Callable[[InputError], None] | None = None,
                 summary: IngestSummary | None = None) -> IngestSummary:
    """Store every result of a `batch --out` folder; loading it twice changes nothing."""
    from diplograph.pipeline import IngestSummary, store_once

    summary = summary or IngestSummary()

    def failed(error: InputError) -> None:
        summary.fail(error)
        if on_error is not None:
            on_error(error)

    seen: dict[str, str] = {}
    for result in iter_results(folder, failed):
        summary.read += 1
        store_once(store, result, seen, summary, failed)
    return summary
