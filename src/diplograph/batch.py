"""A corpus too large for one machine: the same pipeline on a Dask cluster.

- Partitions are articles, not files: a JSONL file is split into line ranges (byte
  offsets, so a worker reads only its part), and small .txt/.html files are grouped.
  Articles keep the ids `ingest` gives them, `<stem>-<line>` included, and the same
  origins (`file:line`) in messages.
- Every partition is submitted at once and collected as it finishes (`as_completed`);
  results stream to the single writer here, which stores them exactly as `ingest`
  does (each article in its own transaction; the store's rows do not depend on the
  order articles arrive in).
- The pipeline is built once per worker process (a per-process cache that survives
  tasks); workers are best started with one thread each (`dask worker --nthreads 1`;
  the nanny already gives them one BLAS/OpenMP thread).
- Unchanged articles are skipped before parsing: the content hashes stored already
  (the hash covers the id) are sent to every worker once.
- An error in one article is that article's error: it never loses its partition.
  A partition that fails as a whole (a worker lost twice) is named with its line range.
- With `out=DIR`, workers write their results as Parquet files instead (see
  diplograph.results), and `diplograph load DIR` stores them, idempotently.

Workers read the input files themselves: on a cluster, the paths must be visible to
every worker (a shared file system), as must the output folder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from diplograph.config import Settings
from diplograph.errors import InputError, MissingExtraError
from diplograph.models import Article, ArticleResult

if TYPE_CHECKING:
    from diplograph.pipeline import IngestSummary, Pipeline
    from diplograph.store import Store

log = logging.getLogger(__name__)
SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
PART_ARTICLES = 32  # articles per partition: a few seconds of work, so many partitions balance
_ErrorTuple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Part:
    """One partition: lines `first_line`.. of a JSONL file between byte offsets `start` and
    `end`, or (when `files` is set) a few whole .txt/.html files as (path, article id)."""

    number: int
    path: str = ""
    stem: str = ""
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        if self.files:
            return f"{self.files[0][0]} and {len(self.files) - 1} more file(s)"
        return f"{self.path} from line {self.first_line}"


@dataclass
class PartResult:
    """What a worker sends back for one partition."""

    part: Part
    results: list[ArticleResult] = field(default_factory=list)
    errors: list[_ErrorTuple] = field(default_factory=list)
    read: int = 0
    unchanged: int = 0
    written: str = ""  # with out=DIR: the Parquet file written


def list_files(inputs: Iterable[str | Path]) -> list[str]:
    """Expand folders into article files (sorted) so they can be spread over workers."""
    files: list[str] = []
    for item in map(Path, inputs):
        if item.is_dir():
            files.extend(str(p) for p in sorted(item.rglob("*")) if p.suffix.lower() in SUFFIXES)
        else:
            files.append(str(item))
    return files


def plan_parts(inputs: Iterable[str | Path], settings: Settings, size: int = PART_ARTICLES,
               on_error: Any = None) -> list[Part]:
    """Partitions of about `size` articles each, in input order, with the ids `ingest` gives.

    Unreadable inputs (a missing file, standard input, which workers cannot read) are
    passed to `on_error`.
    """
    from diplograph.ingest.readers import _article_id, _walk

    report = on_error or (lambda err: log.error("%s", err))
    parts: list[Part] = []
    loose: list[tuple[str, str]] = []

    def flush() -> None:
        if loose:
            parts.append(Part(len(parts), files=tuple(loose)))
            loose.clear()

    for item in inputs:
        path = Path(item)
        if str(item) == "-":
            report(InputError("<stdin>", "batch cannot read standard input (its workers read files)",
                              "save it to a file, or use `diplograph ingest -`"))
            continue
        if not path.exists():
            report(InputError(str(path), "no such file or folder", "check the path"))
            continue
        found = ([(p, _article_id(p, path, settings.id_from_path)) for p in _walk(path, report)]
                 if path.is_dir() else [(path, path.stem)])
        for file, article_id in found:
            if file.suffix.lower() == ".jsonl":
                flush()
                for start, end, first in line_ranges(file, size):
                    parts.append(Part(len(parts), str(file), article_id, start, end, first))
            else:
                loose.append((str(file), article_id))
                if len(loose) >= size:
                    flush()
    flush()
    return parts


def line_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(start offset, end offset, first line number) of runs of `size` lines, read in blocks
    (a file of any size, a line of any length)."""
    start, first, line, in_part, offset = 0, 1, 0, 0, 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 22):
            pos = 0
            while (found := block.find(b"\n", pos)) >= 0:
                pos = found + 1
                line += 1
                in_part += 1
                if in_part == size:
                    yield start, offset + pos, first
                    start, first, in_part = offset + pos, line + 1, 0
            offset += len(block)
    if offset > start:
        yield start, offset, first


# ---- on a worker ------------------------------------------------------------------------

@lru_cache(maxsize=2)
def _worker_pipeline(settings_json: str) -> Pipeline:
    """One Pipeline per worker process (the model loads once, not per partition)."""
    from diplograph.pipeline import Pipeline

    return Pipeline(Settings.model_validate_json(settings_json))


def pipelines_built() -> int:
    """How many pipelines this process has built (one per worker: `client.run(pipelines_built)`)."""
    return _worker_pipeline.cache_info().misses


def read_part(part: Part, settings: Settings, default_date: date | None,
              on_error: Any) -> Iterator[Article]:
    """The articles of one partition, read as `ingest` reads them."""
    from diplograph.ingest.jsonl import RawLine, iter_jsonl, iter_raw_lines
    from diplograph.ingest.options import read_options
    from diplograph.ingest.readers import _iter_file, _Run

    options = read_options(settings)
    run = _Run(default_date, on_error, options)

    def found() -> Iterator[Article]:
        if part.files:
            for path, article_id in part.files:
                yield from _iter_file(Path(path), article_id, run)
            return
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            raw = iter_raw_lines(cast("IO[bytes]", _Bounded(fh, part.end - part.start)), options.max_article_bytes,
                                 total=options.max_file_bytes, origin=part.path)
            lines = (RawLine(r.number + part.first_line - 1, r.offset + part.start, r.data, r.size, r.head)
                     for r in raw)
            yield from iter_jsonl(lines, origin=part.path, stem=part.stem, default_date=default_date,
                                  on_error=on_error, options=options)

    for article in found():  # the date window and repeated ids, checked as `ingest` checks them
        try:
            yield run.vetted(article)
        except InputError as err:
            on_error(err)


class _Bounded:
    """A binary stream that ends after `left` bytes (a partition's line range)."""

    def __init__(self, stream: Any, left: int) -> None:
        self.stream, self.left = stream, left

    def readline(self, limit: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if limit < 0 else min(limit, self.left)
        data: bytes = self.stream.readline(size)
        self.left -= len(data)
        return data


def process_part(part: Part, settings_json: str, known: frozenset[bytes] = frozenset(),
                 default_date: str | None = None, out: str | None = None) -> PartResult:
    """Read, skip the unchanged, parse and code one partition; errors travel back named."""
    pipe = _worker_pipeline(settings_json)
    done = PartResult(part)

    def on_error(error: InputError) -> None:
        done.errors.append((error.origin, error.problem, error.hint))

    def fresh() -> Iterator[Article]:
        when = date.fromisoformat(default_date) if default_date else None
        for article in read_part(part, pipe.settings, when, on_error):
            done.read += 1
            if hash_key(article.content_hash) in known:
                done.unchanged += 1
                continue
            yield article

    done.results = list(pipe.run(fresh(), on_error))
    if out:
        from diplograph.results import write_part

        done.written = write_part(Path(out), part.number, done.results)
        done.results = []
    return done


def hash_key(content_hash: str) -> bytes:
    """The short form of a content hash sent to workers (16 bytes: collisions are negligible)."""
    return bytes.fromhex(content_hash[:32])


# ---- on the driver ----------------------------------------------------------------------

def stored_hashes(store: Store) -> frozenset[bytes]:
    """The content hashes in the store (each covers its article's id)."""
    from sqlalchemy import select

    from diplograph.store.schema import articles

    with store.engine.connect() as conn:
        return frozenset(hash_key(h) for (h,) in conn.execute(select(articles.c.content_hash)) if h)


def iter_part_results(parts: list[Part], settings: Settings, scheduler: Any = None, *,
                      known: frozenset[bytes] = frozenset(), default_date: date | None = None,
                      out: str | None = None) -> Iterator[PartResult]:
    """Run every partition and yield their results as they finish.

    `scheduler`: a distributed Client, a scheduler address (tcp://host:8786), None for a
    LocalCluster of one single-threaded worker process per core, or "synchronous" /
    "threads" to run in this process (tests, debugging).
    """
    if not parts:
        return
    args = (settings.model_dump_json(), known, default_date.isoformat() if default_date else None, out)
    if scheduler in ("synchronous", "threads"):
        for part in parts:
            yield process_part(part, *args)
        return
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise MissingExtraError("distributed", "dask") from exc
    cluster = client = None
    try:
        if isinstance(scheduler, Client):
            client = scheduler
        elif scheduler:
            client = Client(scheduler)
        else:
            from diplograph.parallel import machine_cores

            cluster = LocalCluster(n_workers=machine_cores(), threads_per_worker=1, processes=True)
            client = Client(cluster)
        shared = client.scatter(known, broadcast=True) if known else known
        futures = [client.submit(process_part, part, args[0], shared, args[2], out, pure=False,
                                 key=f"diplograph-part-{part.number}-{id(parts)}") for part in parts]
        lost = {f.key: p for f, p in zip(futures, parts, strict=True)}
        for future in as_completed(futures):
            part = lost.pop(future.key)
            try:
                yield future.result()
            except Exception as err:  # the whole partition (a worker lost): named, the others go on
                yield PartResult(part, errors=[(str(part), f"this partition failed: {type(err).__name__}: "
                                                f"{str(err)[:200]}", "run it again; unchanged articles are "
                                                "skipped")])
            future.release()
    finally:
        if client is not None and client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


def run_batch(inputs: Iterable[str | Path], store: Store | None, settings: Settings,
              scheduler: Any = None, part_size: int = PART_ARTICLES, *, default_date: date | None = None,
              out: str | Path | None = None, on_error: Any = None) -> IngestSummary:
    """Ingest a corpus with Dask workers; this process is the only writer (or, with `out`,
    the workers write Parquet files for `load_results`)."""
    from diplograph.pipeline import IngestSummary, store_once

    summary = IngestSummary()

    def failed(error: InputError) -> None:
        summary.fail(error)
        if on_error is not None:
            on_error(error)
        else:
            log.error("%s", error)

    parts = plan_parts(inputs, settings, part_size, failed)
    known = stored_hashes(store) if store is not None else frozenset()
    seen: dict[str, str] = {}
    for done in iter_part_results(parts, settings, scheduler, known=known, default_date=default_date,
                                  out=str(out) if out else None):
        summary.read += done.read
        summary.unchanged += done.unchanged
        for origin, problem, hint in done.errors:
            failed(InputError(origin, problem, hint))
        for result in done.results:
            assert store is not None  # results come back only when they are to be stored
            store_once(store, result, seen, summary, failed)
    return summary


__all__ = ["Part", "PartResult", "iter_part_results", "list_files", "plan_parts", "process_part", "run_batch"]
