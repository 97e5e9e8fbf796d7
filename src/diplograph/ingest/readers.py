"""Walk the command line's INPUTs (files, folders, "-") and yield Articles.

An input that cannot be read is reported through `on_error` and skipped, so
one bad file never stops a batch; the caller decides the exit status.
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

from diplograph.errors import InputError
from diplograph.ingest.decode import MAX_ARTICLE_BYTES, decode_bytes, read_bytes
from diplograph.ingest.html import parse_html
from diplograph.ingest.jsonl import RawLine, iter_jsonl, iter_raw_lines
from diplograph.ingest.text import date_in_name, parse_text
from diplograph.models import Article

__all__ = ["SUFFIXES", "iter_articles"]

#: File suffix (lower case) to input form.
SUFFIXES = {".txt": "text", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
STDIN = "<stdin>"

OnError = Callable[[InputError], None]


def iter_articles(
    inputs: Iterable[str | Path],
    *,
    default_date: date | None = None,
    on_error: OnError,
) -> Iterator[Article]:
    """Yield the articles of every INPUT: a file, a folder (read recursively) or "-".

    Args:
        inputs: paths as given on the command line; "-" reads standard input.
        default_date: publication date for articles that carry none.
        on_error: called once for each input (or JSONL line) that cannot be read.

    Raises:
        MissingExtraError: an HTML page is read and trafilatura is not installed.
    """
    for item in inputs:
        if str(item) == "-":
            yield from _iter_stdin(default_date, on_error)
        else:
            yield from _iter_path(Path(item), default_date, on_error)


def _iter_path(path: Path, default_date: date | None, on_error: OnError) -> Iterator[Article]:
    if path.is_dir():
        yield from _iter_folder(path, default_date, on_error)
    elif not path.exists():
        on_error(InputError(str(path), "no such file or folder", "check the path"))
    elif path.suffix.lower() not in SUFFIXES:
        on_error(
            InputError(
                str(path),
                f"unknown kind of file '{path.suffix or path.name}'",
                "give .txt, .jsonl, .html or .htm files (rename the file if it is one of these)",
            )
        )
    else:
        yield from _iter_file(path, default_date, on_error)


def _iter_folder(folder: Path, default_date: date | None, on_error: OnError) -> Iterator[Article]:
    found = False
    for path in _walk(folder, on_error):
        found = True
        yield from _iter_file(path, default_date, on_error)
    if not found:
        on_error(
            InputError(
                str(folder),
                "no articles in this folder (no .txt, .jsonl, .html or .htm file in it or below it)",
                "check the folder, or name the files directly",
            )
        )


def _walk(folder: Path, on_error: OnError) -> Iterator[Path]:
    """Article files under `folder` in sorted order; hidden files and folders are skipped."""

    def report(err: OSError) -> None:
        on_error(InputError(str(err.filename or folder), f"cannot list: {err.strerror or err}", "check it"))

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(root, name)


def _iter_file(path: Path, default_date: date | None, on_error: OnError) -> Iterator[Article]:
    origin = str(path)
    form = SUFFIXES[path.suffix.lower()]
    try:
        if form == "jsonl":
            with path.open("rb") as stream:
                lines = iter_raw_lines(stream)
                yield from iter_jsonl(
                    lines, origin=origin, stem=path.stem, default_date=default_date, on_error=on_error
                )
            return
        data = read_bytes(path, origin)
        if form == "html":
            yield parse_html(data, article_id=path.stem, origin=origin, default_date=default_date)
        else:
            text = decode_bytes(data, origin)
            name_date = date_in_name(path.stem)
            yield parse_text(
                text, article_id=path.stem, origin=origin, default_date=default_date, name_date=name_date
            )
    except InputError as err:
        on_error(err)
    except OSError as err:
        on_error(InputError(origin, f"cannot read: {err.strerror or err}", "check the file"))


def _iter_stdin(default_date: date | None, on_error: OnError) -> Iterator[Article]:
    """Standard input holds JSON lines if its first non-blank character is "{", else one text article."""
    stream = _stdin_bytes()
    lines = iter_raw_lines(stream)
    head: list[RawLine] = []
    for line in lines:
        head.append(line)
        if line.data is None or line.data.strip():
            break
    first = head[-1].data if head else b""
    if first is not None and not first.strip():
        on_error(InputError(STDIN, "empty: nothing was read from standard input", "pipe articles into it"))
    elif first is None or first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from iter_jsonl(
            chain(head, lines), origin=STDIN, stem="stdin", default_date=default_date, on_error=on_error
        )
    else:
        yield from _stdin_text(b"".join(line.data or b"" for line in head), stream, default_date, on_error)


def _stdin_text(
    head: bytes, stream: IO[bytes], default_date: date | None, on_error: OnError
) -> Iterator[Article]:
    rest = stream.read(MAX_ARTICLE_BYTES + 1 - len(head))
    try:
        if len(head) + len(rest) > MAX_ARTICLE_BYTES:
            raise InputError(STDIN, "more than 20 MB of text, too large for one article", "use JSON lines")
        text = decode_bytes(head + rest, STDIN)
        yield parse_text(text, article_id="stdin", origin=STDIN, default_date=default_date)
    except InputError as err:
        on_error(err)


def _stdin_bytes() -> IO[bytes]:
    """sys.stdin as bytes; a replaced text-only stdin (tests, notebooks) is encoded."""
    stdin = sys.stdin
    if stdin is None:
        return io.BytesIO(b"")
    buffer: IO[bytes] | None = getattr(stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(stdin.read().encode("utf-8"))
