"""JSON-lines articles, read as a stream: one line in memory at a time.

A corpus file may be many gigabytes, so lines are read with a size limit and
an over-long line is skipped in chunks without ever being held whole. A bad
line is reported and the next line is read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import IO, Any, NamedTuple

from diplograph.errors import InputError, MissingDateError
from diplograph.ingest.dateline import article_dateline, dateline_agency, parse_date_field
from diplograph.ingest.decode import MAX_ARTICLE_BYTES, decode_bytes
from diplograph.models import Article

__all__ = ["RawLine", "iter_jsonl", "iter_raw_lines"]

_SKIP_CHUNK = 1024 * 1024
_OPTIONAL = ("title", "dateline", "source", "url")
_LINE_HINT = 'each line must be one complete JSON object: {"id": ..., "date": "YYYY-MM-DD", "text": ...}'


class RawLine(NamedTuple):
    """One line of a byte stream; `data` is None when the line was too long to keep."""

    number: int
    offset: int
    data: bytes | None
    size: int


def iter_raw_lines(stream: IO[bytes], limit: int = MAX_ARTICLE_BYTES) -> Iterator[RawLine]:
    """Yield the lines of `stream`, never holding more than `limit` bytes of one."""
    number, offset = 0, 0
    while True:
        data = stream.readline(limit + 1)
        if not data:
            return
        number += 1
        size = len(data)
        if size > limit and not data.endswith(b"\n"):
            del data  # drop the 20 MB before reading on
            size += _skip_rest_of_line(stream)
            yield RawLine(number, offset, None, size)
        else:
            yield RawLine(number, offset, data, size)
        offset += size


def iter_jsonl(
    lines: Iterable[RawLine],
    *,
    origin: str,
    stem: str,
    default_date: date | None,
    on_error: Callable[[InputError], None],
) -> Iterator[Article]:
    """Yield one Article per good line; call `on_error` once per bad line.

    `stem` names articles whose line has no `id` ("<stem>-<line number>").
    A file that is binary or has no non-blank line is reported once.
    """
    seen_content = False
    for line in lines:
        if line.data is not None and not line.data.strip():
            continue
        where = f"{origin}:{line.number}"
        if not seen_content and line.data is not None and b"\x00" in line.data:
            on_error(InputError(origin, "binary data, not JSON lines (NUL byte)", "remove it from the input"))
            return
        seen_content = True
        try:
            yield _parse_line(line, where=where, stem=stem, default_date=default_date)
        except InputError as err:
            on_error(err)
    if not seen_content:
        on_error(InputError(origin, "empty: no JSON lines in it", "remove it or put articles in it"))


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _parse_line(line: RawLine, *, where: str, stem: str, default_date: date | None) -> Article:
    if line.data is None:
        raise InputError(
            where,
            f"line of {line.size / 1_048_576:.0f} MB skipped (the limit is {MAX_ARTICLE_BYTES // 1_048_576} MB)",
            "one line must hold one article; check that the file has a newline after each object",
        )
    record = _load_object(decode_bytes(line.data, where, offset=line.offset), where)
    text = _text_field(record, where)
    published = _date_field(record, where) or default_date
    fields = {name: _string_field(record, name, where) for name in _OPTIONAL}
    dateline, dateline_date = article_dateline(fields["dateline"], text, published)
    published = published or dateline_date
    if published is None:
        raise MissingDateError(where, "no 'date' field, no dated dateline and no --date")
    return Article(
        id=_id_field(record, where) or f"{stem}-{line.number}",
        text=text,
        date=published,
        title=fields["title"],
        dateline=dateline,
        dateline_date=dateline_date,
        source=fields["source"] or dateline_agency(dateline),
        url=fields["url"],
        origin=where,
    )


def _load_object(text: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        if err.pos >= len(text.rstrip()):
            problem = "truncated JSON: the line ends before the object does"
        else:
            problem = f"invalid JSON: {err.msg} at column {err.colno}"
        raise InputError(where, problem, _LINE_HINT) from err
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON {_json_type(record)} where an object was expected", _LINE_HINT)
    return record


def _text_field(record: dict[str, Any], where: str) -> str:
    text = record.get("text")
    if text is None:
        raise InputError(where, "no 'text' field", 'give the article body as "text"')
    if not isinstance(text, str):
        raise InputError(
            where, f"'text' is a JSON {_json_type(text)}, not a string", "give the body as a string"
        )
    if not text.strip():
        raise InputError(where, "'text' is empty", "remove the line or give the article body")
    return text.strip()


def _date_field(record: dict[str, Any], where: str) -> date | None:
    value = record.get("date")
    if value is None or value == "":
        return None
    parsed = (
        parse_date_field(str(value)) if isinstance(value, str | int) and not isinstance(value, bool) else None
    )
    if parsed is None:
        raise InputError(where, f"'date' is not a date: {json.dumps(value)[:40]}", "write it as YYYY-MM-DD")
    return parsed


def _id_field(record: dict[str, Any], where: str) -> str:
    value = record.get("id")
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(where, f"'id' is a JSON {_json_type(value)}", "give the id as a string")
    return str(value).strip()


def _string_field(record: dict[str, Any], name: str, where: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(
            where, f"'{name}' is a JSON {_json_type(value)}, not a string", "give it as a string"
        )
    return value.strip()


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
