"""Run the same pipeline over a corpus too large for one process, with Dask.

Files are spread over Dask partitions; each worker builds its Pipeline once
and returns ArticleResults (frozen dataclasses pickle cleanly). The driver is
the only writer, so SQLite works as well as PostgreSQL, and re-running a batch
is as idempotent as `ingest`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.config import Settings
from diplograph.errors import InputError, MissingExtraError
from diplograph.models import ArticleResult

if TYPE_CHECKING:
    from diplograph.pipeline import IngestSummary, Pipeline
    from diplograph.store import Store

log = logging.getLogger(__name__)
SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}


def list_files(inputs: Iterable[str | Path]) -> list[str]:
    """Expand folders into article files (sorted) so they can be spread over workers."""
    files: list[str] = []
    for item in map(Path, inputs):
        if item.is_dir():
            files.extend(str(p) for p in sorted(item.rglob("*")) if p.suffix.lower() in SUFFIXES)
        else:
            files.append(str(item))
    return files


@lru_cache(maxsize=2)
def _worker_pipeline(settings_json: str) -> Pipeline:
    """One Pipeline per worker process (the model loads once, not per partition)."""
    from diplograph.pipeline import Pipeline

    return Pipeline(Settings.model_validate_json(settings_json))


def process_partition(paths: list[str], settings_json: str) -> list[tuple[str, Any]]:
    """Extract one partition; errors travel back as ("error", message) items."""
    from diplograph.pipeline import extract

    out: list[tuple[str, Any]] = []
    pipe = _worker_pipeline(settings_json)
    for result in extract(paths, pipeline=pipe, on_error=lambda e: out.append(("error", str(e)))):
        out.append(("result", result))
    return out


def iter_batch_results(files: list[str], settings: Settings, scheduler: Any = "processes",
                       partitions: int | None = None) -> Iterator[tuple[str, Any]]:
    """Yield ("result", ArticleResult) and ("error", message) items, partition by partition."""
    try:
        import dask
        import dask.bag as db
    except ImportError as exc:
        raise MissingExtraError("dask", "dask") from exc
    if not files:
        return
    npart = partitions or min(len(files), 64)
    bag = db.from_sequence(files, npartitions=npart)
    settings_json = settings.model_dump_json()
    for part in bag.map_partitions(process_partition, settings_json).to_delayed():
        yield from dask.compute(part, scheduler=scheduler)[0]


def run_batch(inputs: Iterable[str | Path], store: Store, settings: Settings,
              scheduler: Any = "processes", partitions: int | None = None) -> IngestSummary:
    """Ingest a corpus with Dask workers; the caller's process writes to the store."""
    from diplograph.pipeline import IngestSummary

    summary = IngestSummary()
    for kind, item in iter_batch_results(list_files(inputs), settings, scheduler, partitions):
        if kind == "error":
            summary.failed += 1
            summary.errors.append(item)
            log.error("%s", item)
            continue
        _write(store, item, summary)
    return summary


def _write(store: Store, result: ArticleResult, summary: IngestSummary) -> None:
    summary.read += 1
    summary.record(store.write_result(result))


__all__ = ["InputError", "iter_batch_results", "list_files", "process_partition", "run_batch"]
