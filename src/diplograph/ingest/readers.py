"""Walk the command line's INPUTs (files, folders, "-") and yield Articles.

An input that cannot be read is reported through `on_error` and skipped, so
one bad file never stops a batch; the caller decides the exit status. Every
article is vetted once more before it is yielded: its dates must lie in the
run's window, and its id must not have been read before in this run (the
first wins; a second would silently overwrite it in the store).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import IO

from diplograph.errors import InputError, MissingExtraError, unexpected_error
from diplograph.ingest.decode import decode_bytes, read_bytes
from diplograph.ingest.files import open_regular
from diplograph.ingest.html import parse_html
from diplograph.ingest.jsonl import RawLine, iter_jsonl, iter_raw_lines
from diplograph.ingest.options import ReadOptions, read_options
from diplograph.ingest.text import date_in_name, parse_text
from diplograph.models import Article

__all__ = ["SUFFIXES", "iter_articles"]

#: File suffix (lower case) to input form.
SUFFIXES = {".txt": "text", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
STDIN = "<stdin>"

OnError = Callable[[InputError], None]


class _Run:
    """What one call of iter_articles shares across its inputs."""

    def __init__(self, default_date: date | None, on_error: OnError, options: ReadOptions) -> None:
        self.default_date, self.on_error, self.options = default_date, on_error, options
        self.ids: dict[str, str] = {}  # article id -> origin of the article that has it

    def vetted(self, article: Article) -> Article:
        """`article` if its dates are in the window and its id is new in this run."""
        window = self.options.window
        window.check(article.dateline_date, article.origin, "dateline date")
        window.check(article.date, article.origin, "publication date")
        first = self.ids.setdefault(article.id, article.origin)
        if first != article.origin:
            raise InputError(
                article.origin,
                f"id '{article.id}' was read already from {first}; this article is skipped",
                "give every article its own id (or read folders with --id-from-path)",
            )
        return article


def iter_articles(
    inputs: Iterable[str | Path],
    *,
    default_date: date | None = None,
    on_error: OnError,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Yield the articles of every INPUT: a file, a folder (read recursively) or "-".

    Args:
        inputs: paths as given on the command line; "-" reads standard input.
        default_date: publication date for articles that carry none.
        on_error: called once for each input (or JSONL line) that cannot be read.
        options: limits, date window and id choice; by default those of `Settings()`.

    Raises:
        MissingExtraError: an HTML page is read and trafilatura is not installed.
    """
    run = _Run(default_date, on_error, options or read_options())
    for item in inputs:
        found = _iter_stdin(run) if str(item) == "-" else _iter_path(Path(item), run)
        for article in found:
            try:
                yield run.vetted(article)
            except InputError as err:
                on_error(err)


def _iter_path(path: Path, run: _Run) -> Iterator[Article]:
    if path.is_dir():
        yield from _iter_folder(path, run)
    elif not path.exists():
        problem = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        run.on_error(InputError(str(path), problem, "check the path"))
    elif path.suffix.lower() not in SUFFIXES:
        run.on_error(
            InputError(
                str(path),
                f"unknown kind of file '{path.suffix or path.name}'",
                "give .txt, .jsonl, .html or .htm files (rename the file if it is one of these)",
            )
        )
    else:
        yield from _iter_file(path, path.stem, run)


def _iter_folder(folder: Path, run: _Run) -> Iterator[Article]:
    found = False
    for path in _walk(folder, run.on_error):
        found = True
        yield from _iter_file(path, _article_id(path, folder, run.options.id_from_path), run)
    if not found:
        run.on_error(
            InputError(
                str(folder),
                "no articles in this folder (no .txt, .jsonl, .html or .htm file in it or below it)",
                "check the folder, or name the files directly",
            )
        )


def _article_id(path: Path, folder: Path, from_path: bool) -> str:
    """The file stem (the contract), or with --id-from-path its path below `folder` sans suffix."""
    if not from_path:
        return path.stem
    return path.relative_to(folder).with_suffix("").as_posix()


def _walk(folder: Path, on_error: OnError) -> Iterator[Path]:
    """Article files under `folder` in sorted order; hidden files and folders are skipped.

    Links to folders are followed, but a folder is entered once: a link back to
    an ancestor (a loop) or a second link to one folder is named and skipped.
    """

    def report(err: OSError) -> None:
        on_error(InputError(str(err.filename or folder), f"cannot list: {err.strerror or err}", "check it"))

    entered = {_identity(folder)}
    for root, dirs, files in os.walk(folder, onerror=report, followlinks=True):
        dirs[:] = [name for name in sorted(dirs) if not name.startswith(".")
                   and _first_visit(Path(root, name), entered, on_error)]
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(root, name)


def _identity(path: Path) -> tuple[int, int]:
    found = os.stat(path)
    return found.st_dev, found.st_ino


def _first_visit(path: Path, entered: set[tuple[int, int]], on_error: OnError) -> bool:
    try:
        key = _identity(path)
    except OSError as err:
        on_error(InputError(str(path), f"cannot list: {err.strerror or err}", "check it"))
        return False
    if key in entered:
        on_error(InputError(str(path), "a link to a folder that is read already (a loop?); skipped",
                            "remove the link, or name the folder it points to"))
        return False
    entered.add(key)
    return True


def _iter_file(path: Path, article_id: str, run: _Run) -> Iterator[Article]:
    origin = str(path)
    try:
        if SUFFIXES[path.suffix.lower()] == "jsonl":
            with open_regular(path, origin) as stream:
                yield from _jsonl(stream, origin, article_id, run)
        else:
            yield _document(path, article_id, run)
    except MissingExtraError:
        raise
    except InputError as err:
        run.on_error(err)
    except Exception as err:  # one odd file must not end the run
        run.on_error(unexpected_error(origin, "reading this file", err))


def _jsonl(stream: IO[bytes], origin: str, stem: str, run: _Run) -> Iterator[Article]:
    limits = run.options
    lines = iter_raw_lines(stream, limits.max_article_bytes, total=limits.max_file_bytes, origin=origin)
    return iter_jsonl(lines, origin=origin, stem=stem, default_date=run.default_date, on_error=run.on_error,
                      options=limits)


def _document(path: Path, article_id: str, run: _Run) -> Article:
    """One .txt or .html file: one article."""
    origin = str(path)
    data = read_bytes(path, origin, run.options.max_article_bytes)
    if SUFFIXES[path.suffix.lower()] == "html":
        return parse_html(data, article_id=article_id, origin=origin, default_date=run.default_date)
    text = decode_bytes(data, origin)
    name_date = date_in_name(path.stem)
    return parse_text(text, article_id=article_id, origin=origin, default_date=run.default_date,
                      name_date=name_date)


def _iter_stdin(run: _Run) -> Iterator[Article]:
    """Standard input holds JSON lines if its first non-blank character is "{", else one text article."""
    stream = _stdin_bytes()
    options = run.options
    lines = iter_raw_lines(stream, options.max_article_bytes, total=options.max_file_bytes, origin=STDIN)
    head: list[RawLine] = []
    try:
        for line in lines:
            head.append(line)
            if line.data is None or line.data.strip():
                break
    except InputError as err:
        run.on_error(err)
        return
    first = head[-1].data if head else b""
    if first is not None and not first.strip():
        run.on_error(InputError(STDIN, "empty: nothing was read from standard input", "pipe articles into it"))
    elif first is None or first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from iter_jsonl(chain(head, lines), origin=STDIN, stem="stdin", default_date=run.default_date,
                              on_error=run.on_error, options=options)
    else:
        yield from _stdin_text(b"".join(line.data or b"" for line in head), stream, run)


def _stdin_text(head: bytes, stream: IO[bytes], run: _Run) -> Iterator[Article]:
    limit = run.options.max_article_bytes
    try:
        rest = stream.read(max(limit + 1 - len(head), 0))
        if len(head) + len(rest) > limit:
            raise InputError(STDIN, f"more than {limit / 1_048_576:.0f} MB of text, too large for one article",
                             "use JSON lines")
        text = decode_bytes(head + rest, STDIN)
        yield parse_text(text, article_id="stdin", origin=STDIN, default_date=run.default_date)
    except InputError as err:
        run.on_error(err)
    except Exception as err:  # reported, never a traceback
        run.on_error(unexpected_error(STDIN, "reading standard input", err))


def _stdin_bytes() -> IO[bytes]:
    """sys.stdin as bytes; a replaced text-only stdin (tests, notebooks) is encoded."""
    stdin = sys.stdin
    if stdin is None:
        return io.BytesIO(b"")
    buffer: IO[bytes] | None = getattr(stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(stdin.read().encode("utf-8"))
