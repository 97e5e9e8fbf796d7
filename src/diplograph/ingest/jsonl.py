"""JSON-lines articles, read as a stream: one line in memory at a time.

A corpus file may be many gigabytes, so lines are read with a size limit and
an over-long line is skipped in chunks without ever being held whole; the
total read from one stream is bounded too (a link to /dev/zero never ends).
A bad line is reported and the next line is read; a binary file is reported
once, and a file with many bad lines reports the first few and a count.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import IO, Any, NamedTuple

from diplograph.errors import InputError, MissingDateError, MissingExtraError, unexpected_error
from diplograph.ingest.dateline import article_dateline, dateline_agency, parse_date_field
from diplograph.ingest.decode import CONVERT_HINT, MAX_ARTICLE_BYTES, clean_text, decode_bytes
from diplograph.ingest.files import sniff
from diplograph.ingest.jsonload import json_type, load_object
from diplograph.ingest.options import DateWindow, ReadOptions
from diplograph.models import Article

__all__ = ["RawLine", "iter_jsonl", "iter_raw_lines"]

_SKIP_CHUNK = 1024 * 1024
_HEAD_BYTES = 8192
_OPTIONAL = ("title", "dateline", "source", "url")
_MAX_ID_CHARS = 1000


class RawLine(NamedTuple):
    """One line of a byte stream; `data` is None when the line was too long to keep."""

    number: int
    offset: int
    data: bytes | None
    size: int
    head: bytes = b""  # the first bytes of a line too long to keep, to tell binary data


def iter_raw_lines(
    stream: IO[bytes], limit: int = MAX_ARTICLE_BYTES, *, total: int | None = None, origin: str = "<stream>"
) -> Iterator[RawLine]:
    """Yield the lines of `stream`, never holding more than `limit` bytes of one.

    Raises:
        InputError: more than `total` bytes were read (the stream may never end).
    """
    number, offset = 0, 0
    while True:
        data = stream.readline(limit + 1)
        if not data:
            return
        number += 1
        size = len(data)
        if size > limit and not data.endswith(b"\n"):
            head = data[:_HEAD_BYTES]
            del data  # drop the 20 MB before reading on
            size += _skip_rest_of_line(stream, None if total is None else total - offset - size)
            _check_total(offset + size, total, origin)
            yield RawLine(number, offset, None, size, head)
        else:
            _check_total(offset + size, total, origin)
            yield RawLine(number, offset, data, size)
        offset += size


def _check_total(read: int, total: int | None, origin: str) -> None:
    if total is not None and read > total:
        raise InputError(origin, f"stopped after {read:,} bytes (the limit is {total:,})",
                         "split the input, or raise DIPLOGRAPH_MAX_FILE_BYTES")


def _skip_rest_of_line(stream: IO[bytes], budget: int | None) -> int:
    skipped = 0
    while budget is None or skipped <= budget:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            break
    return skipped


class _Reporter:
    """Passes a file's first `cap` errors on and counts the rest, reported once at the end."""

    def __init__(self, origin: str, cap: int, on_error: Callable[[InputError], None]) -> None:
        self.origin, self.cap, self.on_error = origin, cap, on_error
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        if self.count <= self.cap:
            self.on_error(error)

    def close(self) -> None:
        if self.count > self.cap:
            self.on_error(InputError(self.origin, f"and {self.count - self.cap} more bad lines not listed",
                                     "fix the lines listed first; then run again to see the rest"))


def iter_jsonl(
    lines: Iterable[RawLine],
    *,
    origin: str,
    stem: str,
    default_date: date | None,
    on_error: Callable[[InputError], None],
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Yield one Article per good line; call `on_error` once per bad line.

    `stem` names articles whose line has no `id` ("<stem>-<line number>").
    A file that is binary or has no non-blank line is reported once.
    """
    options = options or ReadOptions(window=DateWindow.around(date.today()))
    report = _Reporter(origin, options.max_errors_per_file, on_error)
    seen_content = False
    try:
        for line in lines:
            if line.data is not None and not line.data.strip():
                continue
            if not seen_content and _whole_file_bad(line, origin, report):
                return
            seen_content = True
            article = _guarded_line(line, stem, default_date, options, report, origin)
            if article is not None:
                yield article
        if not seen_content:
            report(InputError(origin, "empty: no JSON lines in it", "remove it or put articles in it"))
    except InputError as err:  # the stream itself failed: too long, unreadable
        report(err)
    finally:
        report.close()


def _whole_file_bad(line: RawLine, origin: str, report: _Reporter) -> bool:
    """Report a binary or wrongly encoded file once, by its first line; True if it is one."""
    kind = sniff(line.head if line.data is None else line.data)
    if kind == "binary":
        report(InputError(origin, "binary data, not JSON lines", "give one JSON object per line; remove this file"))
    elif kind == "encoding":
        report(InputError(origin, "not UTF-8 text (most of its first line cannot be decoded)", CONVERT_HINT))
    return kind is not None


def _guarded_line(line: RawLine, stem: str, default_date: date | None, options: ReadOptions,
                  report: _Reporter, origin: str) -> Article | None:
    """The line's article, or None once its error is reported; no exception escapes."""
    where = f"{origin}:{line.number}"
    try:
        return _parse_line(line, where=where, stem=stem, default_date=default_date, options=options)
    except MissingExtraError:
        raise
    except InputError as err:
        report(err)
    except Exception as err:  # one odd line must not end the file
        report(unexpected_error(where, "reading this line", err))
    return None


def _parse_line(
    line: RawLine, *, where: str, stem: str, default_date: date | None, options: ReadOptions
) -> Article:
    if line.data is None:
        limit = options.max_article_bytes
        raise InputError(
            where,
            f"line of {line.size / 1_048_576:.0f} MB skipped (the limit is {limit / 1_048_576:.0f} MB)",
            "one line must hold one article; check that the file has a newline after each object",
        )
    text = decode_bytes(line.data, where, offset=line.offset)
    record = load_object(text, where, max_depth=options.max_json_depth, max_digits=options.max_json_digits)
    return _article(record, where=where, stem=f"{stem}-{line.number}", default_date=default_date,
                    window=options.window)


def _article(record: dict[str, Any], *, where: str, stem: str, default_date: date | None,
             window: DateWindow) -> Article:
    text = _text_field(record, where)
    published = _date_field(record, where, window) or default_date
    fields = {name: _string_field(record, name, where) for name in _OPTIONAL}
    dateline, dateline_date = article_dateline(fields["dateline"], text, published)
    published = published or dateline_date
    if published is None:
        raise MissingDateError(where, "no 'date' field, no dated dateline and no --date")
    return Article(
        id=_id_field(record, where) or stem,
        text=text,
        date=published,
        title=fields["title"],
        dateline=dateline,
        dateline_date=dateline_date,
        source=fields["source"] or dateline_agency(dateline),
        url=fields["url"],
        origin=where,
    )


def _text_field(record: dict[str, Any], where: str) -> str:
    text = record.get("text")
    if text is None:
        raise InputError(where, "no 'text' field", 'give the article body as "text"')
    if not isinstance(text, str):
        raise InputError(where, f"'text' is a JSON {json_type(text)}, not a string", "give the body as a string")
    text = clean_text(text, where, "'text'").strip()
    if not text:
        raise InputError(where, "'text' is empty", "remove the line or give the article body")
    return text


def _date_field(record: dict[str, Any], where: str, window: DateWindow) -> date | None:
    """The `date` field: a string, never a number (0 is no Unix timestamp), inside `window`."""
    value = record.get("date")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(where, f"'date' is a JSON {json_type(value)}, not a string",
                         'write it as "YYYY-MM-DD" (numbers are not taken for timestamps)')
    parsed = parse_date_field(value)
    if parsed is None:
        raise InputError(where, f"'date' is not a date: {json.dumps(value)[:40]}", "write it as YYYY-MM-DD")
    window.check(parsed, where, "'date'")
    return parsed


def _id_field(record: dict[str, Any], where: str) -> str:
    value = record.get("id")
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(where, f"'id' is a JSON {json_type(value)}", "give the id as a string")
    found = clean_text(str(value), where, "'id'").strip()
    if len(found) > _MAX_ID_CHARS:
        raise InputError(where, f"'id' is {len(found)} characters long (the limit is {_MAX_ID_CHARS})",
                         "give a shorter id")
    return found


def _string_field(record: dict[str, Any], name: str, where: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(where, f"'{name}' is a JSON {json_type(value)}, not a string", "give it as a string")
    return clean_text(value, where, f"'{name}'").strip()
