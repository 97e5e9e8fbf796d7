"""Bounded reading: special files, endless streams, binary data, JSON limits, dates and ids."""

from __future__ import annotations

import io
import json
import os
import random
import time
from datetime import date
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.ingest import iter_articles
from diplograph.ingest.jsonl import iter_raw_lines
from diplograph.ingest.options import DateWindow, ReadOptions
from diplograph.models import Article

GOOD = "date 2024-07-05 A title\nA body that is fine."
TODAY = date(2026, 1, 15)


def read(inputs: list[str | Path], **options: object) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    opts = ReadOptions(window=DateWindow.around(TODAY), **options)  # type: ignore[arg-type]
    articles = list(iter_articles(inputs, on_error=errors.append, options=opts))
    return articles, errors


def line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


@pytest.mark.parametrize("name", ["pipe.txt", "pipe.jsonl", "pipe.html"])
def test_readers_fifo_is_named_and_never_blocks(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    (tmp_path / "good.txt").write_text(GOOD)
    started = time.perf_counter()
    articles, errors = read([tmp_path])
    assert time.perf_counter() - started < 5
    assert [a.id for a in articles] == ["good"]
    assert [(e.origin, e.problem) for e in errors] == [
        (str(tmp_path / name), "a named pipe (FIFO), not a regular file; skipped")
    ]


@pytest.mark.parametrize("name", ["zero.jsonl", "zero.txt"])
def test_readers_link_to_dev_zero_is_not_read(tmp_path: Path, name: str) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    started = time.perf_counter()
    articles, errors = read([tmp_path / name])
    assert time.perf_counter() - started < 5
    assert articles == []
    assert [e.problem for e in errors] == ["a character device, not a regular file; skipped"]


def test_readers_endless_stream_stops_at_the_total_bound() -> None:
    stream = io.BytesIO(b'{"a": 1}\n' * 10_000)
    lines = iter_raw_lines(stream, 100, total=1_000, origin="s")
    with pytest.raises(InputError, match="stopped after"):
        for _ in lines:
            pass


def test_readers_folder_link_loop_is_named_once_and_files_still_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(GOOD)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    articles, errors = read([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert sorted(e.origin for e in errors) == [str(tmp_path / "self.txt"), str(tmp_path / "sub" / "loop")]


def test_readers_binary_jsonl_is_one_message(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(1_000_000)
    (tmp_path / "noise.jsonl").write_bytes(noise.replace(b"\x00", b"\x01"))
    articles, errors = read([tmp_path / "noise.jsonl"])
    assert articles == []
    assert [e.problem for e in errors] == ["binary data, not JSON lines"]


def test_readers_many_bad_lines_are_capped_with_a_count(tmp_path: Path) -> None:
    bad = "".join(f'{{"id": "x{n}", "text": 5}}\n' for n in range(50))
    (tmp_path / "bad.jsonl").write_text(line(id="g", date="2024-07-05", text="Fine.") + bad)
    articles, errors = read([tmp_path / "bad.jsonl"], max_errors_per_file=20)
    assert [a.id for a in articles] == ["g"]
    assert len(errors) == 21
    assert errors[-1].problem == "and 30 more bad lines not listed"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "JSON nested 100000 levels deep"),
        ('{"id": "a", "date": "2024-07-05", "text": "x", "n": ' + "9" * 5000 + "}", "a number of 5000 characters"),
        ('{"id": "a", "date": "2024-07-05", "text": "x", "n": 1' + "0" * 400 + ".5}", "a number of 403 characters"),
        ('{"id": "a", "date": "2024-07-05", "text": "x", "n": NaN}', "NaN is not a JSON number"),
        ('{"id": "a", "date": "2024-07-05", "text": "bad \\ud800 half"}', "lone UTF-16 surrogate \\ud800"),
        ('{"id": "a", "date": "2024-07-05", "text": "x", "title": "\\udfff"}', "'title' holds a lone"),
        ('{"id": "a", "date": 0, "text": "x"}', "'date' is a JSON number, not a string"),
        ('{"id": "a", "date": 20240705, "text": "x"}', "'date' is a JSON number"),
        ('{"id": "a", "date": "0001-01-01T00:00:00Z", "text": "x"}', "'date' 0001-01-01 is before 1800-01-01"),
        ('{"id": "a", "date": "9999-12-31", "text": "x"}', "'date' 9999-12-31 is after 2027-01-15"),
        ('{"id": "a", "date": "1799-12-31", "text": "x"}', "is before 1800-01-01"),
        ('{"id": "' + "i" * 2000 + '", "date": "2024-07-05", "text": "x"}', "'id' is 2000 characters"),
    ],
)
def test_readers_jsonl_limits_are_named_line_errors(tmp_path: Path, raw: str, problem: str) -> None:
    path = tmp_path / "mixed.jsonl"
    good = line(id="g1", date="2024-07-05", text="Fine.")
    path.write_text(good + raw + "\n" + good.replace("g1", "g2"))
    articles, errors = read([path])
    assert [a.id for a in articles] == ["g1", "g2"]
    assert [e.origin for e in errors] == [f"{path}:2"]
    assert problem in errors[0].problem
    assert errors[0].hint


def test_readers_control_characters_in_text_become_spaces(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(line(id="c", date="2024-07-05", text="A\u0007B\u001bC\u2028D\r\nE"))
    [article], errors = read([tmp_path / "c.jsonl"])
    assert errors == []
    assert article.text == "A B C\nD\nE"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (" date 0001-01-01 Zero time\nThe ministers met.", "publication date 0001-01-01 is before 1800-01-01"),
        ("date 9999-12-31 Far\nThe ministers met.", "publication date 9999-12-31 is after 2027-01-15"),
        ("date 9999-12-31 Far\nLONDON, Dec 30 (Reuters) -- The ministers met.", "9999-12-30 is after 2027-01-15"),
        ("LONDON, Jan 5, 2098 (Reuters) -- The ministers met.", "dateline date 2098-01-05 is after"),
    ],
)
def test_readers_dates_outside_the_window_are_named(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / "edge.txt").write_text(content)
    (tmp_path / "good.txt").write_text(GOOD)
    articles, errors = read([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert [e.origin for e in errors] == [str(tmp_path / "edge.txt")]
    assert problem in errors[0].problem


def test_readers_window_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("date 1750-03-01 Old\nThe king met the envoy.")
    errors: list[InputError] = []
    window = DateWindow.around(TODAY, earliest=date(1700, 1, 1))
    articles = list(iter_articles([tmp_path], on_error=errors.append, options=ReadOptions(window=window)))
    assert [a.date for a in articles] == [date(1750, 3, 1)] and errors == []


def test_readers_duplicate_ids_second_is_named_first_wins(tmp_path: Path) -> None:
    for folder, title in (("d1", "One"), ("d2", "Two"), ("d3", "Three")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"date 2024-07-05 {title}\nBody {title}.")
    (tmp_path / "lines.jsonl").write_text(
        line(id="j", date="2024-07-05", text="First.") + line(id="j", date="2024-07-05", text="Again.")
        + line(id="story", date="2024-07-05", text="Clash with a file stem.")
    )
    articles, errors = read([tmp_path])
    # a folder's own files come before its subfolders
    assert [(a.id, a.title or a.text) for a in articles] == [("j", "First."), ("story", "Clash with a file stem.")]
    assert [e.origin for e in errors] == [
        f"{tmp_path / 'lines.jsonl'}:2", *(str(tmp_path / d / "story.txt") for d in ("d1", "d2", "d3"))
    ]
    assert f"id 'story' was read already from {tmp_path / 'lines.jsonl'}:3" in errors[1].problem


def test_readers_id_from_path_keeps_same_named_files_apart(tmp_path: Path) -> None:
    for folder in ("d1", "d2/deeper"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "story.txt").write_text(GOOD)
    (tmp_path / "d1" / "lines.jsonl").write_text(
        line(date="2024-07-05", text="No id.") + line(id="given", date="2024-07-05", text="Id.")
    )
    articles, errors = read([tmp_path], id_from_path=True)
    assert errors == []
    assert [a.id for a in articles] == ["d1/lines-1", "given", "d1/story", "d2/deeper/story"]


def test_readers_unexpected_exception_is_one_named_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diplograph.ingest.readers as readers

    real = readers.parse_text

    def explode(text: str, **kwargs: object) -> Article:
        if "BOOM" in text:
            raise RuntimeError("kaboom")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readers, "parse_text", explode)
    (tmp_path / "a.txt").write_text("date 2024-07-05 T\nBOOM")
    (tmp_path / "b.txt").write_text(GOOD)
    articles, errors = read([tmp_path])
    assert [a.id for a in articles] == ["b"]
    assert [e.origin for e in errors] == [str(tmp_path / "a.txt")]
    assert "reading this file failed: RuntimeError: kaboom" in errors[0].problem
    assert "-v" in errors[0].hint


@pytest.mark.parametrize("name", ["new\nline.txt", "rlo\u202etxt.txt", "esc\x1b[31m.txt", "bell\x07.txt"])
def test_readers_names_with_control_characters_are_escaped(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("")
    _, [error] = read([tmp_path / name])
    assert error.origin == str(tmp_path / name)
    shown = str(error)
    assert shown.isprintable()
    assert repr(name)[1:-1] in shown


class _Endless(io.RawIOBase):
    """A stream that never ends, like /dev/zero piped into standard input."""

    def __init__(self, byte: bytes) -> None:
        self.byte = byte

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        buffer[:] = self.byte * len(buffer)
        return len(buffer)


@pytest.mark.parametrize("byte", [b"\x00", b"a", b"\n"])
def test_readers_endless_stdin_ends_with_one_message(monkeypatch: pytest.MonkeyPatch, byte: bytes) -> None:
    import sys

    stream = io.BufferedReader(_Endless(byte))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    started = time.perf_counter()
    articles, errors = read(["-"], max_article_bytes=10_000, max_file_bytes=1_000_000)
    assert time.perf_counter() - started < 10
    assert articles == []
    assert [e.origin for e in errors] == ["<stdin>"] and "stopped after" in errors[0].problem


def test_readers_jsonl_in_another_encoding_is_one_message(tmp_path: Path) -> None:
    text = "Αθήνα, η κυβέρνηση συνεδρίασε σήμερα."
    greek = "".join(json.dumps({"id": f"g{n}", "date": "2024-07-05", "text": text}, ensure_ascii=False) + "\n"
                    for n in range(200))
    (tmp_path / "greek.jsonl").write_bytes(greek.encode("iso-8859-7"))
    articles, errors = read([tmp_path / "greek.jsonl"])
    assert articles == []
    assert [e.problem for e in errors] == ["not UTF-8 text (most of its first line cannot be decoded)"]
    assert "iconv" in errors[0].hint
