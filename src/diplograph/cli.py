"""The `diplograph` command: a thin click layer over the library.

Each command parses options, calls one library function and formats the output.
Named exceptions become one-line messages; bad inputs are reported and skipped,
and the exit status is non-zero when any input could not be read.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from diplograph.config import Settings
from diplograph.errors import DiplographError, InputError, MissingExtraError, printable
from diplograph.output import print_summary, stderr_console, write_events, write_rows


class ErrorLog:
    """Collects input errors: each is printed once to stderr, the count sets the exit status."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        click.echo(f"error: {error}", err=True)

    def exit(self) -> None:
        if self.count:
            click.echo(f"{self.count} input(s) could not be read", err=True)
            sys.exit(1)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD") from exc


def _settings(db: str | None = None, actors: tuple[str, ...] = (), id_from_path: bool = False,
              **more: Any) -> Settings:
    values: dict[str, Any] = {"actor_files": tuple(Path(a) for a in actors)}
    values.update({k: v for k, v in more.items() if v is not None})
    if id_from_path:
        values["id_from_path"] = True
    if db:
        values["db"] = db
    return Settings(**values)


def _run(action: Callable[[], None]) -> None:
    """Run a command body, turning library errors into a clean message.

    An unforeseen exception is one line too; its traceback is logged with -v.
    """
    try:
        action()
    except DiplographError as exc:
        raise click.ClickException(str(exc)) from exc
    except (click.ClickException, click.exceptions.Exit, click.Abort):
        raise
    except Exception as exc:
        logging.getLogger("diplograph").debug("unexpected error", exc_info=exc)
        raise click.ClickException(
            f"[E099] unexpected error: {type(exc).__name__}: {printable(str(exc))[:300]} "
            "(run with -v for the traceback, and report it)"
        ) from exc


date_option = click.option("--date", "default_date", callback=_parse_date,
                           help="Date (YYYY-MM-DD) for articles that carry none.")
actors_option = click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
                             help="Extra actor dictionary (YAML, TSV or PETRARCH format); repeatable.")
id_option = click.option("--id-from-path", "id_from_path", is_flag=True,
                         help="Article id = path below the INPUT folder without suffix (d1/story), "
                              "not the file name; keeps same-named files apart.")
db_option = click.option("--db", default=None, help="Database URL or SQLite file [default: ./diplograph.db].")
confidence_option = click.option(
    "--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=None,
    help="Leave out events less likely than this to be right [default: the model's, chosen by "
         "cross-validation].")
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Processes that parse articles, each loading the model once [default: the machine's cores "
         "when the input files hold 100 articles or more, else 1; 1 for standard input].")
targetless_option = click.option("--include-targetless", "include_targetless", is_flag=True, default=None,
                                 help="Keep events with no target (the model does not score them).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log progress details, and tracebacks of errors, to stderr.")
def cli(verbose: bool) -> None:
    """Turn dated news articles into political event data (CAMEO/PLOVER)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose:  # our debug records carry the tracebacks behind one-line error messages
        logging.getLogger("diplograph").setLevel(logging.DEBUG)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "csv"]), default="jsonl")
@date_option
@actors_option
@id_option
@confidence_option
@targetless_option
@workers_option
def extract(inputs: tuple[str, ...], fmt: str, default_date: date | None, actor_files: tuple[str, ...],
            id_from_path: bool, min_confidence: float | None, include_targetless: bool | None,
            workers: int | None) -> None:
    """Print the events found in articles (no database).

    Example:
        diplograph extract article.txt --format jsonl > events.jsonl
    """
    from diplograph.pipeline import extract as run_extract

    errors = ErrorLog()

    def body() -> None:
        settings = _settings(actors=actor_files, id_from_path=id_from_path, min_confidence=min_confidence,
                             include_targetless=include_targetless)
        from diplograph.parallel import choose_workers

        results = run_extract(inputs, settings=settings, default_date=default_date, on_error=errors,
                              workers=choose_workers(workers, inputs))
        write_events((e.to_json() for r in results for e in r.events), fmt)

    _run(body)
    errors.exit()


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@date_option
@actors_option
def actors(inputs: tuple[str, ...], fmt: str, default_date: date | None, actor_files: tuple[str, ...]) -> None:
    """List the actors found in each article with codes, roles and mention counts.

    Example:
        diplograph actors article.txt
    """
    from diplograph.pipeline import extract as run_extract

    errors = ErrorLog()

    def rows() -> Iterator[dict[str, Any]]:
        for result in run_extract(inputs, settings=_settings(actors=actor_files), default_date=default_date,
                                  on_error=errors):
            for actor, count in result.actors:
                yield {"article_id": result.article.id, "name": actor.name, "code": actor.code,
                       "kind": actor.kind, "role": actor.role, "sector": actor.sector, "mentions": count}

    _run(lambda: write_rows(rows(), fmt, ["article_id", "name", "code", "kind", "role", "sector", "mentions"]))
    errors.exit()


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@date_option
@actors_option
@id_option
@targetless_option
@workers_option
def ingest(inputs: tuple[str, ...], db: str | None, default_date: date | None,
           actor_files: tuple[str, ...], id_from_path: bool, include_targetless: bool | None,
           workers: int | None) -> None:
    """Extract events from articles and store them; re-ingesting changes nothing.

    Articles are parsed in --workers processes and written by this one, in input order:
    the stored rows are the same for any number of workers. An interrupted run (Ctrl-C)
    keeps every article written so far; running it again finishes the job.

    Example:
        diplograph ingest examples/ --db events.db --workers 4
    """
    from diplograph.ingest import iter_articles
    from diplograph.ingest.options import read_options
    from diplograph.parallel import choose_workers
    from diplograph.pipeline import IngestSummary, ingest_articles
    from diplograph.store import open_store

    errors = ErrorLog()
    summary = IngestSummary()

    def on_read_error(error: InputError) -> None:
        summary.fail(error)  # ingest_articles counts the errors it finds itself
        errors(error)

    def body() -> None:
        settings = _settings(db, actor_files, id_from_path, include_targetless=include_targetless)
        processes = choose_workers(workers, inputs)
        with open_store(settings.db) as store:
            with _Progress(inputs, summary, processes) as progress:
                found = iter_articles(inputs, default_date=default_date, on_error=on_read_error,
                                      options=read_options(settings))
                ingest_articles(progress.wrap(found), store, settings=settings, summary=summary,
                                on_error=errors, workers=processes, on_written=progress.update)
            print_summary(summary, store.counts())

    _run(body)
    errors.exit()


class _Progress:
    """On a terminal, a bar with the total, articles/s and the time left; otherwise one
    summary line at the end (articles done, seconds, articles/s, workers)."""

    def __init__(self, inputs: tuple[str, ...], summary: Any, workers: int) -> None:
        import time

        self.summary, self.workers, self.started = summary, workers, time.monotonic()
        self.bar: Any = None
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            from diplograph.parallel import count_articles

            total = count_articles(inputs) or None
            self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                                TextColumn("left"), TimeRemainingColumn(), console=stderr_console())
            self.task = self.bar.add_task("ingesting", total=total, rate="-")

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def done(self) -> int:
        s = self.summary
        return int(s.new + s.replaced + s.unchanged + s.failed)

    def update(self, _summary: Any = None) -> None:
        if self.bar is not None:
            import time

            rate = self.done() / max(time.monotonic() - self.started, 1e-9)
            self.bar.update(self.task, completed=self.done(), rate=f"{rate:.1f}")

    def wrap(self, articles: Iterable[Any]) -> Iterator[Any]:
        for article in articles:
            self.update()
            yield article

    def __exit__(self, *exc: object) -> None:
        import time

        if self.bar is not None:
            self.update()
            self.bar.stop()
            return
        seconds = time.monotonic() - self.started
        click.echo(f"ingest: {self.done()} articles in {seconds:.1f} s ({self.done() / max(seconds, 1e-9):.1f} "
                   f"articles/s, {self.workers} worker process{'es' if self.workers > 1 else ''})", err=True)




@cli.command()
@db_option
@click.option("--actor", help="Actor code (source or target), e.g. CHN.")
@click.option("--since", callback=_parse_date, help="First date (YYYY-MM-DD).")
@click.option("--until", callback=_parse_date, help="Last date (YYYY-MM-DD).")
@click.option("--cameo", help="CAMEO code or prefix, e.g. 04 or 042.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@confidence_option
def events(db: str | None, actor: str | None, since: date | None, until: date | None, cameo: str | None,
           limit: int | None, fmt: str, min_confidence: float | None) -> None:
    """Query stored events.

    Example:
        diplograph events --actor CHN --since 2024-07-01 --cameo 04
    """
    from diplograph.store import open_store

    def body() -> None:
        from diplograph.coding.learned.model import min_confidence_of

        settings = _settings(db, min_confidence=min_confidence)
        with open_store(settings.db) as store:
            rows = store.query_events(actor=actor, since=since.isoformat() if since else None,
                                      until=until.isoformat() if until else None, cameo=cameo, limit=limit,
                                      min_confidence=min_confidence_of(settings))
            write_events(rows, fmt)

    _run(body)


@cli.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "quads", "graphml"]))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@confidence_option
def export(db: str | None, fmt: str, output: Path, min_confidence: float | None) -> None:
    """Export all stored events to a file.

    Example:
        diplograph export --format quads -o events.tsv
    """
    from diplograph.export import export_events
    from diplograph.store import open_store

    def body() -> None:
        from diplograph.coding.learned.model import min_confidence_of

        settings = _settings(db, min_confidence=min_confidence)
        with open_store(settings.db) as store:
            n = export_events(store, fmt, output, min_confidence=min_confidence_of(settings))
        click.echo(f"wrote {n} rows to {output}", err=True)

    _run(body)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="DIPLOGRAPH_API_TOKEN", default=None,
              help="Enable POST /api/v1/articles for requests bearing this token.")
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the REST API and the web page over a database.

    Example:
        diplograph serve --db events.db --port 8000
    """
    def body() -> None:
        from diplograph.api.app import create_app

        try:
            import uvicorn
        except ImportError as exc:
            raise MissingExtraError("uvicorn", "api") from exc
        settings = _settings(db).model_copy(update={"api_token": token})
        uvicorn.run(create_app(settings), host=host, port=port)

    _run(body)


@cli.command()
@click.option("--gold", required=True, type=click.Path(exists=True, path_type=Path))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--details", is_flag=True, help="List misses and false alarms.")
@date_option
@actors_option
def evaluate(gold: Path, inputs: tuple[str, ...], details: bool, default_date: date | None,
             actor_files: tuple[str, ...]) -> None:
    """Extract events from INPUT and score them against GOLD (strict and relaxed P/R/F1).

    INPUT may be articles or a JSONL file of already extracted events.

    Example:
        diplograph evaluate --gold dev.jsonl dev-articles.jsonl --details
    """
    from diplograph.evaluate import load_gold, predicted_tuples, score

    errors = ErrorLog()

    def body() -> None:
        events = list(_events_for_scoring(inputs, default_date, actor_files, errors))
        truth = load_gold(gold)
        pred = predicted_tuples(events)
        for relaxed in (False, True):
            s = score(truth, pred, relaxed)
            if details and not relaxed:
                _print_details(s)
            mode = "relaxed (dates ignored)" if relaxed else "strict"
            click.echo(f"{mode}: precision {s.precision:.3f} recall {s.recall:.3f} f1 {s.f1:.3f} "
                       f"(tp {s.tp}, fp {s.fp}, fn {s.fn})")

    _run(body)
    errors.exit()


def _events_for_scoring(inputs: tuple[str, ...], default_date: date | None, actor_files: tuple[str, ...],
                        errors: ErrorLog) -> Iterator[dict[str, Any]]:
    from diplograph.pipeline import extract as run_extract

    articles = []
    for item in inputs:
        if _is_event_file(Path(item)):
            with open(item, encoding="utf-8") as fh:
                yield from (json.loads(line) for line in fh if line.strip())
        else:
            articles.append(item)
    if articles:
        for result in run_extract(articles, settings=_settings(actors=actor_files), default_date=default_date,
                                  on_error=errors):
            yield from (e.to_json() for e in result.events)


def _is_event_file(path: Path) -> bool:
    """An events JSONL (what `extract` prints) rather than an articles JSONL."""
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with open(path, encoding="utf-8", errors="replace") as fh:
        first = fh.readline(1_000_000)
    try:
        return "event_id" in json.loads(first)
    except ValueError:
        return False


def _print_details(s: Any) -> None:
    for aid in s.missed:
        click.echo(f"== {aid}")
        for g in s.missed[aid]:
            arrow = "<->" if g.symmetric else "->"
            click.echo(f"  missed {g.date} {g.source}{arrow}{g.target} root {'|'.join(g.roots)}  {g.note}")
        for d, src, tgt, root in s.false[aid]:
            click.echo(f"  false  {d} {src}->{tgt} root {root}")






@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--scheduler", default=None,
              help="Dask scheduler address (tcp://host:8786) [default: a local cluster of one worker "
                   "process per core]; 'synchronous' runs in this process.")
@click.option("--partition-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Articles per Dask partition (a JSONL file is split into line ranges of this many).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Workers write Parquet files into this folder (shared by all workers) instead of "
                   "sending results here; store them with `diplograph load`.")
@date_option
@id_option
def batch(inputs: tuple[str, ...], db: str | None, scheduler: str | None, partition_size: int,
          out: Path | None, default_date: date | None, id_from_path: bool) -> None:
    """Ingest a large corpus on a Dask cluster (same results as `ingest`).

    Workers read the INPUT files themselves (on a cluster, from a shared file system).

    Example:
        diplograph batch corpus/ --db postgresql://me@dbhost/events --scheduler tcp://10.0.0.5:8786
    """
    from diplograph.batch import run_batch
    from diplograph.pipeline import IngestSummary
    from diplograph.store import open_store

    errors = ErrorLog()

    def body() -> None:
        settings = _settings(db, id_from_path=id_from_path)
        chosen = None if scheduler in (None, "", "processes") else scheduler
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            summary: IngestSummary = run_batch(inputs, None, settings, chosen, partition_size,
                                               default_date=default_date, out=out, on_error=errors)
            click.echo(f"batch: {summary.read} articles read, {summary.failed} failed; results in {out} "
                       f"(store them with `diplograph load {out} --db URL`)", err=True)
            return
        with open_store(settings.db) as store:
            summary = run_batch(inputs, store, settings, chosen, partition_size, default_date=default_date,
                                on_error=errors)
            print_summary(summary, store.counts())

    _run(body)
    errors.exit()


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load(folder: Path, db: str | None) -> None:
    """Store the Parquet results `batch --out FOLDER` wrote; loading twice changes nothing.

    Example:
        diplograph load results/ --db postgresql://me@dbhost/events
    """
    from diplograph.results import load_results
    from diplograph.store import open_store

    errors = ErrorLog()

    def body() -> None:
        with open_store(_settings(db).db) as store:
            summary = load_results(folder, store, on_error=errors)
            print_summary(summary, store.counts())

    _run(body)
    errors.exit()


def _add_train() -> None:
    from diplograph.training.command import train

    cli.add_command(train)


_add_train()
