"""Every core of one machine: articles parsed and coded in N worker processes.

The parent reads the input (a stream), sends chunks of articles to the workers and
gets their ArticleResults back; it stays the only writer, so SQLite works as well as
PostgreSQL. Results come out in input order, whatever order the workers finish in, so
`--workers N` prints and stores exactly what `--workers 1` does.

- Start method: "spawn", always (not the platform default): a worker is a fresh
  interpreter that imports nothing of the parent's state (no forked database
  connections, no half-initialised BLAS thread pools), and it behaves the same on
  Linux, macOS and Windows.
- Each worker builds its Pipeline (loads the model) once, and runs with one
  BLAS/OpenMP thread: the *_NUM_THREADS variables are set in its environment before
  it starts, so before numpy is imported.
- Memory is bounded: the input is read as the workers need it, and at most
  `window` chunks are in flight or waiting for an earlier one.
- A worker that dies (killed, out of memory) is named with the articles it held;
  they are retried one by one in a new worker, and an article that kills a worker
  again is reported as an input error. Every other article is still processed.
- Ctrl-C: workers ignore SIGINT; the parent stops them and the caller's store has
  only whole articles (each is written in one transaction), so a re-run finishes
  the job and stores what an uninterrupted run stores.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from diplograph.config import Settings
from diplograph.errors import DiplographError, InputError
from diplograph.models import Article, ArticleResult

log = logging.getLogger(__name__)

START_METHOD = "spawn"
#: One BLAS/OpenMP thread per worker: N workers on N cores, not N x cores threads fighting.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")
#: Articles per task: enough to hide the round trip, few enough to balance the workers and
#: to write steadily (the environment variable DIPLOGRAPH_WORKER_CHUNK overrides it).
CHUNK = 16
#: Below this many articles, workers cost more (a model load each, ~10 s) than they save.
WORTH_WORKERS = 100

#: Tests only: a worker that is given the article with this id kills itself (SIGKILL).
CRASH_VARIABLE = "DIPLOGRAPH_TEST_WORKER_CRASH_ON"

ErrorHandler = Callable[[InputError], None]
_ErrorTuple = tuple[str, str, str]  # InputError's (origin, problem, hint): exceptions pickle badly


class WorkerError(DiplographError):
    """The worker processes could not be started (the model does not load, workers keep dying)."""

    code = "E060"
    default_hint = "run with --workers 1 to see the cause"


def machine_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def choose_workers(requested: int | None, inputs: Iterable[str | Path]) -> int:
    """`requested`, or by default the machine's cores when the input is worth it (at least
    WORTH_WORKERS articles in files; standard input cannot be counted ahead, so one)."""
    if requested is not None:
        return max(1, requested)
    cores = machine_cores()
    if cores == 1:
        return 1
    return cores if count_articles(inputs, cap=WORTH_WORKERS) >= WORTH_WORKERS else 1


def count_articles(inputs: Iterable[str | Path], cap: int | None = None) -> int:
    """How many articles the inputs hold, cheaply: non-blank JSONL lines, one per other file
    (bad ones included: a progress total, not a promise). Standard input counts nothing."""
    from diplograph.ingest import SUFFIXES

    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-" or not path.exists():
            continue
        files = (p for p in sorted(path.rglob("*")) if p.suffix.lower() in SUFFIXES
                 and not any(part.startswith(".") for part in p.relative_to(path).parts)) if path.is_dir() else [path]
        for file in files:
            total += _count_lines(file) if file.suffix.lower() == ".jsonl" else 1
            if cap is not None and total >= cap:
                return total
    return total


def _count_lines(path: Path) -> int:
    """Lines of a file (a blank line counts too: close enough for a total)."""
    count, last = 0, b"\n"
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 22):
                count += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return count + (last != b"\n")


# ---- the worker process ----------------------------------------------------------------

def _worker_main(conn: Connection, settings_json: str, shown: bool) -> None:
    """One worker: build the pipeline once, then answer ("done", seq, part, results, errors) per task."""
    for name in THREAD_VARIABLES:  # already in the environment it started with; kept for safety
        os.environ[name] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        from diplograph.pipeline import Pipeline

        pipe = Pipeline(Settings.model_validate_json(settings_json))
    except BaseException as err:  # noqa: BLE001 - sent to the parent, which reports it
        conn.send(("failed", f"{type(err).__name__}: {err}"))
        return
    conn.send(("ready", os.getpid()))
    crash_on = os.environ.get(CRASH_VARIABLE, "")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        seq, part, articles = task
        if crash_on and any(a.id == crash_on for a in articles):
            os.kill(os.getpid(), signal.SIGKILL)  # tests: a worker killed in mid-task
        errors: list[_ErrorTuple] = []

        def on_error(error: InputError, errors: list[_ErrorTuple] = errors) -> None:
            errors.append((error.origin, error.problem, error.hint))

        results = [pipe.shown(r) if shown else r for r in pipe.run(articles, on_error)]
        conn.send(("done", seq, part, results, errors))


# ---- the parent ------------------------------------------------------------------------

@dataclass
class _Worker:
    number: int
    process: Any
    conn: Connection
    ready: bool = False
    task: tuple[int, int, list[Article], int] | None = None  # seq, part, articles, attempt

    @property
    def name(self) -> str:
        return f"worker {self.number} (pid {self.process.pid})"


@dataclass
class _Chunk:
    """One chunk's results, in parts (a chunk whose worker died is retried article by article)."""

    parts: list[tuple[list[ArticleResult], list[_ErrorTuple]] | None] = field(default_factory=lambda: [None])

    @property
    def complete(self) -> bool:
        return all(p is not None for p in self.parts)


class WorkerPool(AbstractContextManager["WorkerPool"]):
    """N spawned worker processes, each with its own Pipeline.

    Example:
        with WorkerPool(2, Settings()) as pool:
            for result in pool.run(articles, on_error):
                store.write_result(result)
    """

    def __init__(self, workers: int, settings: Settings, *, shown: bool = False, chunk: int | None = None,
                 window: int | None = None) -> None:
        self.size, self.settings, self.shown = workers, settings, shown
        self.chunk = chunk or int(os.environ.get("DIPLOGRAPH_WORKER_CHUNK", "") or CHUNK)
        self.window = window or 4 * workers
        self.workers: list[_Worker] = []
        self.deaths = 0
        self._numbers = 0
        self._context = get_context("spawn")  # START_METHOD
        for _ in range(workers):
            self._start()

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        self._numbers += 1
        process = self._context.Process(
            target=_worker_main, args=(child_end, self.settings.model_dump_json(), self.shown),
            name=f"diplograph-worker-{self._numbers}", daemon=True,
        )
        saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
        os.environ.update(dict.fromkeys(THREAD_VARIABLES, "1"))  # inherited by the spawned interpreter
        try:
            process.start()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        child_end.close()
        worker = _Worker(self._numbers, process, parent_end)
        self.workers.append(worker)
        return worker

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker: idle ones are told to, busy ones (Ctrl-C) are terminated."""
        for worker in self.workers:
            if worker.task is None and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 5
        for worker in self.workers:
            if worker.task is None:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(5)
            worker.conn.close()
        self.workers = []

    def run(self, articles: Iterable[Article], on_error: ErrorHandler) -> Iterator[ArticleResult]:
        """Yield one ArticleResult per article in input order; errors go to `on_error` in order too."""
        source = iter(articles)
        retry: deque[tuple[int, int, list[Article], int]] = deque()
        chunks: dict[int, _Chunk] = {}
        sent = emitted = 0
        exhausted = False
        while True:
            for worker in [w for w in self.workers if w.ready and w.task is None]:
                if retry:
                    task = retry.popleft()
                elif not exhausted and sent - emitted < self.window:
                    batch = list(islice(source, self.chunk))
                    if not batch:
                        exhausted = True
                        break
                    task = (sent, 0, batch, 0)
                    chunks[sent] = _Chunk()
                    sent += 1
                else:
                    break
                worker.task = task
                worker.conn.send(task[:3])
            while emitted in chunks and chunks[emitted].complete:
                for part in chunks.pop(emitted).parts:
                    assert part is not None
                    results, errors = part
                    for origin, problem, hint in errors:
                        on_error(InputError(origin, problem, hint))
                    yield from results
                emitted += 1
            if exhausted and emitted == sent:
                return
            self._wait(chunks, retry)

    def _wait(self, chunks: dict[int, _Chunk], retry: deque[tuple[int, int, list[Article], int]]) -> None:
        """Take in whatever the workers have sent, and replace the ones that died."""
        by_handle: dict[Any, _Worker] = {}
        for worker in self.workers:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        for handle in wait(list(by_handle)):
            worker = by_handle[handle]
            if worker not in self.workers:
                continue
            message = None
            if worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
            if message is None:
                if not worker.process.is_alive():
                    self._died(worker, chunks, retry)
                continue
            if message[0] == "ready":
                worker.ready = True
            elif message[0] == "failed":
                raise WorkerError(f"a worker could not build the pipeline: {message[1]}")
            else:
                _kind, seq, part, results, errors = message
                chunks[seq].parts[part] = (results, errors)
                worker.task = None

    def _died(self, worker: _Worker, chunks: dict[int, _Chunk],
              retry: deque[tuple[int, int, list[Article], int]]) -> None:
        worker.process.join()
        self.workers.remove(worker)
        worker.conn.close()
        self.deaths += 1
        how = _exit_reason(worker.process.exitcode)
        task, worker.task = worker.task, None
        if task is None:
            log.warning("%s died (%s) before it had any articles", worker.name, how)
            if self.deaths > 2 * self.size and not any(w.ready for w in self.workers):
                raise WorkerError(f"workers keep dying before they start ({how})")
        else:
            seq, part, articles, attempt = task
            names = ", ".join(a.origin or a.id for a in articles[:5]) + (" ..." if len(articles) > 5 else "")
            if attempt == 0:
                log.warning("%s died (%s) while processing %d article(s): %s; retrying each alone",
                            worker.name, how, len(articles), names)
                chunks[seq].parts = [None] * len(articles)
                retry.extend((seq, i, [a], 1) for i, a in enumerate(articles))
            else:
                log.warning("%s died (%s) again on %s; reported, not retried", worker.name, how, names)
                errors = [(a.origin or a.id, f"a worker process died ({how}) twice while processing this "
                           "article; it was not stored", "it may need more memory than a worker has; "
                           "try it alone with --workers 1") for a in articles]
                chunks[seq].parts[part] = ([], errors)
        self._start()


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


@contextmanager
def runner(workers: int, settings: Settings | None = None, pipeline: Any = None,
           *, shown: bool = False) -> Iterator[Callable[[Iterable[Article], ErrorHandler], Iterator[ArticleResult]]]:
    """A function (articles, on_error) -> results: the given or a new Pipeline in this process
    when `workers` is 1 (or a pipeline is given), else a WorkerPool of `workers` processes."""
    if workers <= 1 or pipeline is not None:
        from diplograph.pipeline import Pipeline

        pipe = pipeline or Pipeline(settings)

        def here(articles: Iterable[Article], on_error: ErrorHandler) -> Iterator[ArticleResult]:
            for result in pipe.run(articles, on_error):
                yield pipe.shown(result) if shown else result

        yield here
        return
    with WorkerPool(workers, settings or Settings(), shown=shown) as pool:
        yield pool.run


def stored_rows(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row but timestamps and serial numbers (mention_id), sorted: what two runs
    compare to be "the same".

    Example:
        assert stored_rows(one_worker_store) == stored_rows(two_worker_store)
    """
    from sqlalchemy import select

    from diplograph.store.schema import actors, article_actors, articles, clusters, event_mentions, events

    found: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table in (articles, actors, article_actors, events, event_mentions, clusters):
            columns = [c for c in table.columns if c.name not in ("ingested_at", "mention_id")]
            rows = conn.execute(select(*columns)).all()
            found[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return found
