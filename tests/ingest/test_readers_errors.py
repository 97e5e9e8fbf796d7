"""Bad inputs: each is reported once, naming the file (and line), and the rest is still read."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from diplograph.errors import InputError, MissingDateError, MissingExtraError
from diplograph.ingest import iter_articles
from diplograph.ingest.jsonl import iter_raw_lines
from diplograph.models import Article

GOOD = "date 2024-07-05 A title\nA body that is fine."


def read(
    inputs: list[str | Path], default_date: date | None = None
) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    articles = list(iter_articles(inputs, default_date=default_date, on_error=errors.append))
    return articles, errors


def line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("binary.txt", b"date 2024-07-05 T\n\x00\x01\x02", "NUL byte at byte offset 18"),
        (
            "latin1.txt",
            "date 2024-07-05 T\nSão Tomé".encode("latin-1"),
            "not UTF-8 text (byte 0xe3 at byte offset 19)",
        ),
        ("baddate.txt", b"date 2024-02-30 Title\nbody", "header date '2024-02-30' is not a date"),
        ("headonly.txt", b" date 2024-02-03 Title only\n", "not followed by any article text"),
        ("empty.html", b"", "empty"),
        ("nav.html", b"<html><body><nav>Home | World</nav></body></html>", "no article text found"),
        (
            "app.htm",
            b'<html><head><script>x=1</script></head><body><div id="app"></div></body></html>',
            "no article",
        ),
        ("empty.jsonl", b"\n\n", "empty"),
        ("binary.jsonl", b'{"id": 1}\x00\x00\n', "binary data"),
    ],
)
def test_readers_bad_file_is_reported_once(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD)
    articles, errors = read([bad, tmp_path / "good.txt"])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1
    assert errors[0].origin == str(bad)
    assert problem in errors[0].problem
    assert errors[0].hint  # says what to do


def test_readers_not_utf8_hint_names_iconv(tmp_path: Path) -> None:
    (tmp_path / "cp.txt").write_bytes(b"date 2024-07-05 T\n\x93quoted\x94")
    _, (error,) = read([tmp_path / "cp.txt"])
    assert "iconv" in error.hint
    assert str(tmp_path / "cp.txt") in str(error)


def test_readers_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "good.txt").write_text(GOOD)
    articles, errors = read([tmp_path / "nope.txt", tmp_path / "notes.pdf", tmp_path / "good.txt"])
    assert [a.id for a in articles] == ["good"]
    assert [(e.origin, e.problem) for e in errors] == [
        (str(tmp_path / "nope.txt"), "no such file or folder"),
        (str(tmp_path / "notes.pdf"), "unknown kind of file '.pdf'"),
    ]


@pytest.mark.parametrize("files", [{}, {"readme.md": "text", "sub/data.csv": "a,b"}])
def test_readers_folder_without_articles(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    articles, errors = read([tmp_path])
    assert articles == []
    assert len(errors) == 1 and errors[0].origin == str(tmp_path)
    assert "no articles" in errors[0].problem


def test_readers_plain_txt_without_date_is_missing_date(tmp_path: Path) -> None:
    (tmp_path / "nodate.txt").write_text("The ministers met on Tuesday.")
    (tmp_path / "noyear.txt").write_text("ASTANA, July 4 (Xinhua) -- The ministers met on Tuesday.")
    (tmp_path / "noday.txt").write_text("ASTANA, June 31, 2024 (Xinhua) -- The ministers met on Tuesday.")
    articles, errors = read([tmp_path / "nodate.txt", tmp_path / "noyear.txt", tmp_path / "noday.txt"])
    assert articles == []
    assert all(isinstance(e, MissingDateError) for e in errors)
    assert "no publication date" in errors[0].problem
    assert "'ASTANA, July 4 (Xinhua)' names no year" in errors[1].problem
    assert "does not name a real day" in errors[2].problem
    assert "--date" in errors[0].hint


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"id": "a", "date": "2024-07-05", "text": "cut', "truncated JSON"),
        ('{"id": "a" "date": "2024-07-05"}', "invalid JSON: Expecting ',' delimiter at column 12"),
        ('["a", "b"]', "a JSON array where an object was expected"),
        ('"just a string"', "a JSON string where an object was expected"),
        ('{"id": "a", "date": "2024-07-05"}', "no 'text' field"),
        ('{"id": "a", "date": "2024-07-05", "text": "  "}', "'text' is empty"),
        ('{"id": "a", "date": "2024-07-05", "text": 5}', "'text' is a JSON number, not a string"),
        ('{"id": "a", "date": "5 July", "text": "x"}', "'date' is not a date: \"5 July\""),
        ('{"id": "a", "date": "2024-02-30", "text": "x"}', "'date' is not a date"),
        ('{"id": ["a"], "date": "2024-07-05", "text": "x"}', "'id' is a JSON array"),
        ('{"id": "a", "date": "2024-07-05", "text": "x", "title": 3}', "'title' is a JSON number"),
        ('{"id": "a", "text": "no date anywhere"}', "no 'date' field"),
        ('{"id": "a", "text": "caf\xe9"}', "not UTF-8 text (byte 0xe9 at byte offset"),
    ],
)
def test_readers_jsonl_bad_line_reported_and_others_read(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "mixed.jsonl"
    good = line(id="g1", date="2024-07-05", text="Fine.")
    path.write_bytes(good.encode() + text.encode("latin-1") + b"\n" + good.replace("g1", "g2").encode())
    articles, errors = read([path])
    assert [a.id for a in articles] == ["g1", "g2"]
    assert len(errors) == 1
    assert errors[0].origin == f"{path}:2"
    assert problem in errors[0].problem


def test_readers_jsonl_huge_line_skipped_and_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as out:
        out.write(line(id="before", date="2024-07-05", text="Fine.").encode())
        out.write(b'{"id": "big", "date": "2024-07-05", "text": "' + b"a" * 50_000_000 + b'"}\n')
        out.write(line(id="after", date="2024-07-05", text="Fine.").encode())
    started = time.perf_counter()
    articles, errors = read([path])
    assert time.perf_counter() - started < 10
    assert [a.id for a in articles] == ["before", "after"]
    assert len(errors) == 1 and errors[0].origin == f"{path}:2"
    assert "line of 48 MB skipped" in errors[0].problem


def test_readers_jsonl_raw_lines_never_hold_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"short\n" + b"x" * 1000 + b"\n" + b"y" * 50 + b"\nlast-no-newline")
    with path.open("rb") as stream:
        lines = list(iter_raw_lines(stream, limit=100))
    assert [(n.number, n.offset, n.size) for n in lines] == [
        (1, 0, 6),
        (2, 6, 1001),
        (3, 1007, 51),
        (4, 1058, 15),
    ]
    assert [n.data for n in lines] == [b"short\n", None, b"y" * 50 + b"\n", b"last-no-newline"]


def test_readers_html_without_trafilatura_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    (tmp_path / "page.html").write_text("<html><body><p>text</p></body></html>")
    with pytest.raises(MissingExtraError, match=r"diplograph\[html\]"):
        read([tmp_path / "page.html"])


def test_readers_html_without_date_is_missing_date(tmp_path: Path) -> None:
    body = "<p>" + "The ministers met and agreed to keep talking about trade and security. " * 5 + "</p>"
    (tmp_path / "page.html").write_text(
        f"<html><head><title>T</title></head><body><article>{body}</article></body></html>"
    )
    articles, errors = read([tmp_path / "page.html"])
    assert articles == [] and isinstance(errors[0], MissingDateError)
    articles, errors = read([tmp_path / "page.html"], default_date=date(2020, 1, 2))
    assert errors == [] and articles[0].date == date(2020, 1, 2)


def test_readers_oversized_txt_is_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as out:
        out.truncate(25 * 1024 * 1024)  # sparse: costs no disk, and must not be read
    articles, errors = read([path])
    assert articles == []
    assert [e.problem for e in errors] == ["file is 25 MB, too large for one article"]
