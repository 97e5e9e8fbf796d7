"""Fixtures of the reliability suite: a bad-input folder mixed with good articles.

Everything is written here (no third-party text). `bad_corpus` gives the
folder, the ids of the good articles and, for every bad input, the path its
one message must name and a word of that message.
"""

from __future__ import annotations

import json
import os
import random
import socket
from dataclasses import dataclass, field
from pathlib import Path

import pytest

GOOD_TEXT = ("President Anna Berg of Norway met Prime Minister Lars Holm of Denmark in Oslo on Tuesday. "
             "The two leaders agreed to expand trade.")
PAGE = ("<html><head><title>{title}</title><meta property='article:published_time' content='{when}'></head>"
        "<body><article><h1>{title}</h1><p>" + GOOD_TEXT + " They also discussed fishing rights and the "
        "shared border, officials said after the meeting.</p></article></body></html>")
#: The limit the CLI runs with (DIPLOGRAPH_MAX_ARTICLE_BYTES), so a "huge" line stays small on disk.
ARTICLE_LIMIT = 100_000


@dataclass
class Corpus:
    folder: Path
    good: list[str] = field(default_factory=list)  # article ids that must be stored
    bad: dict[str, str] = field(default_factory=dict)  # path named in the message -> word of the message
    article_limit: int = ARTICLE_LIMIT


@pytest.fixture
def bad_corpus(tmp_path: Path) -> Corpus:
    """A folder of more than 50 kinds of bad input and about 40 good articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    return write_corpus(folder)


def _line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


def _good_line(article_id: str) -> str:
    return _line(id=article_id, date="2024-07-05", text=GOOD_TEXT)


def write_corpus(folder: Path) -> Corpus:
    corpus = Corpus(folder)
    for writer in (_good, _bad_txt, _bad_jsonl, _bad_html, _bad_special, _bad_names, _duplicates):
        writer(folder, corpus)
    return corpus


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _good(folder: Path, corpus: Corpus) -> None:
    _write(folder, "good/header.txt", f" date 2024-07-05 Leaders meet\n{GOOD_TEXT}")
    _write(folder, "good/dateline.txt", f"OSLO, July 2, 2024 (Wire) -- {GOOD_TEXT}")
    _write(folder, "good/named-2024-07-03.txt", GOOD_TEXT)
    _write(folder, "good/page.html", PAGE.format(title="Leaders meet", when="2024-07-05"))
    _write(folder, "good/lines.jsonl", _good_line("line-a") + "\n" + _good_line("line-b"))
    _write(folder, "good/controls.jsonl", _line(id="controls", date="2024-07-05", text="\x07" + GOOD_TEXT + "\x1b"))
    _write(folder, "good/dateline-field.jsonl", _line(id="dl", dateline="OSLO, July 4, 2024", text=GOOD_TEXT))
    _write(folder, "good/old-1963.jsonl", _line(id="in-1963", date="1963-11-22", text=GOOD_TEXT))
    _write(folder, "good/crlf.txt", f"date 2024-07-05 CRLF\r\n{GOOD_TEXT}\r\n".encode())
    _write(folder, "good/emoji.jsonl", _line(id="emoji", date="2024-07-05", text=GOOD_TEXT + " \U0001f600"))
    corpus.good += ["header", "dateline", "named-2024-07-03", "page", "line-a", "line-b", "controls", "dl",
                    "in-1963", "crlf", "emoji"]


def _bad_txt(folder: Path, corpus: Corpus) -> None:
    cases = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b" \n\t\n", "empty"),
        "nul.txt": (b"date 2024-07-05 T\n\x00\x01", "binary data"),
        "latin1.txt": ("date 2024-07-05 T\nS\u00e3o Tom\u00e9".encode("latin-1"), "not UTF-8"),
        "cesu-surrogate.txt": (b"date 2024-07-05 T\nhalf \xed\xa0\x80 pair", "not UTF-8"),
        "random.txt": (b"\x00" + random.Random(1).randbytes(4096), "binary data"),
        "feb30.txt": (b"date 2024-02-30 T\nbody", "is not a date"),
        "header-only.txt": (b"date 2024-07-05 Title only\n", "not followed by any article text"),
        "no-date.txt": (b"The ministers met on Tuesday.", "no publication date"),
        "year0001.txt": (b"date 0001-01-01 Zero\nThe ministers met.", "before 1800-01-01"),
        "year9999.txt": (b"date 9999-12-31 Far\nOSLO, Dec 30 (Wire) -- The ministers met.", "is after"),
        "year1799.txt": (b"date 1799-12-31 Old\nThe ministers met.", "before 1800-01-01"),
        "go-zero.txt": (b"date 0001-01-01T00:00:00Z Zero\nThe ministers met.", "no publication date"),
        "dateline-2098.txt": (b"OSLO, Jan 5, 2098 (Wire) -- The ministers met.", "dateline date 2098-01-05"),
    }
    for name, (content, word) in cases.items():
        corpus.bad[str(_write(folder, f"bad-txt/{name}", content))] = word
    huge = folder / "bad-txt" / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(ARTICLE_LIMIT * 3)  # sparse
    corpus.bad[str(huge)] = "too large"


def _bad_jsonl(folder: Path, corpus: Corpus) -> None:
    ok = '"id": "x", "date": "2024-07-05", "text": "Fine."'
    lines = {
        "truncated.jsonl": '{"id": "x", "date": "2024-07-05", "text": "cut',
        "invalid.jsonl": '{"id": "x" "date": "2024-07-05"}',
        "array.jsonl": '["a", "b"]',
        "string.jsonl": '"just a string"',
        "deep.jsonl": "[" * 100_000 + "]" * 100_000,
        "deep-object.jsonl": '{"a":' * 50_000 + "1" + "}" * 50_000,
        "big-int.jsonl": "{" + ok + ', "n": ' + "9" * 5000 + "}",
        "long-float.jsonl": "{" + ok + ', "n": 1' + "0" * 400 + ".5}",
        "nan.jsonl": "{" + ok + ', "n": NaN}',
        "surrogate.jsonl": '{"id": "x", "date": "2024-07-05", "text": "half \\ud800 pair"}',
        "surrogate-title.jsonl": "{" + ok + ', "title": "\\udc00"}',
        "date-zero.jsonl": '{"id": "x", "date": 0, "text": "Fine."}',
        "date-number.jsonl": '{"id": "x", "date": 20240705, "text": "Fine."}',
        "date-list.jsonl": '{"id": "x", "date": ["2024-07-05"], "text": "Fine."}',
        "year0001.jsonl": '{"id": "x", "date": "0001-01-01", "text": "Fine."}',
        "year9999.jsonl": '{"id": "x", "date": "9999-12-31", "text": "Fine."}',
        "go-zero.jsonl": '{"id": "x", "date": "0001-01-01T00:00:00Z", "text": "Fine."}',
        "month13.jsonl": '{"id": "x", "date": "2024-13-45", "text": "Fine."}',
        "dateline-2098.jsonl": '{"id": "x", "dateline": "OSLO, Jan 5, 2098", "text": "Fine."}',
        "no-text.jsonl": '{"id": "x", "date": "2024-07-05"}',
        "text-number.jsonl": '{"id": "x", "date": "2024-07-05", "text": 5}',
        "empty-text.jsonl": '{"id": "x", "date": "2024-07-05", "text": "  "}',
        "id-object.jsonl": '{"id": {"a": 1}, "date": "2024-07-05", "text": "Fine."}',
        "id-too-long.jsonl": '{"id": "' + "i" * 5000 + '", "date": "2024-07-05", "text": "Fine."}',
        "title-number.jsonl": "{" + ok + ', "title": 3}',
        "no-date.jsonl": '{"id": "x", "text": "no date anywhere"}',
        "huge-line.jsonl": '{"id": "x", "date": "2024-07-05", "text": "' + "a" * ARTICLE_LIMIT * 2 + '"}',
    }
    for n, (name, raw) in enumerate(lines.items()):
        path = _write(folder, f"bad-jsonl/{name}", _good_line(f"ok-{n}") + raw + "\n")
        corpus.good.append(f"ok-{n}")
        corpus.bad[f"{path}:2"] = ""
    files = {
        "empty.jsonl": b"\n\n",
        "binary.jsonl": random.Random(2).randbytes(1_000_000),
        "nul.jsonl": b'{"id": 1}\x00\x00\n',
        "latin1.jsonl": '{"id": "x", "date": "2024-07-05", "text": "caf\u00e9"}\n'.encode("latin-1"),
        "greek.jsonl": ('{"id": "x", "date": "2024-07-05", "text": "\u0391\u03b8\u03ae\u03bd\u03b1 \u03c3\u03ae\u03bc\u03b5\u03c1\u03b1"}\n'
                        * 50).encode("iso-8859-7"),
    }
    for name, content in files.items():
        corpus.bad[str(_write(folder, f"bad-jsonl/{name}", content))] = ""


def _bad_html(folder: Path, corpus: Corpus) -> None:
    pages = {
        "empty.html": (b"", "empty"),
        "nav.html": (b"<html><body><nav>Home | World</nav></body></html>", "no article text"),
        "nul.htm": (b"<html>\x00</html>", "binary data"),
        "no-date.html": (PAGE.format(title="T", when="").encode(), "no publication date"),
        "year0001.html": (PAGE.format(title="T", when="0001-01-01T00:00:00Z").encode(), "before 1800-01-01"),
        "year9999.html": (PAGE.format(title="T", when="9999-12-31").encode(), "is after"),
    }
    for name, (content, word) in pages.items():
        corpus.bad[str(_write(folder, f"bad-html/{name}", content))] = word


def _bad_special(folder: Path, corpus: Corpus) -> None:
    special = folder / "special"
    special.mkdir()
    os.mkfifo(special / "fifo.txt")
    os.mkfifo(special / "fifo.jsonl")
    (special / "link-to-fifo.html").symlink_to(special / "fifo.txt")
    (special / "zero.jsonl").symlink_to("/dev/zero")
    (special / "urandom.txt").symlink_to("/dev/urandom")
    (special / "null.jsonl").symlink_to("/dev/null")
    (special / "broken.txt").symlink_to(special / "nowhere.txt")
    (special / "self.txt").symlink_to(special / "self.txt")
    (special / "loop").symlink_to(folder)
    words = {"fifo.txt": "named pipe", "fifo.jsonl": "named pipe", "link-to-fifo.html": "named pipe",
             "zero.jsonl": "character device", "urandom.txt": "character device",
             "null.jsonl": "character device", "broken.txt": "broken symbolic link",
             "self.txt": "symbolic links", "loop": "read already"}
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(special / "socket.txt"))
        words["socket.txt"] = "a socket"
    except OSError:  # a path too long for AF_UNIX
        pass
    finally:
        sock.close()
    corpus.bad.update({str(special / name): word for name, word in words.items()})


def _bad_names(folder: Path, corpus: Corpus) -> None:
    for name in ("new\nline.txt", "rlo\u202etxt.txt", "esc\x1b[31mred.jsonl", "tab\tbell\x07.html"):
        corpus.bad[str(_write(folder, f"names/{name}", b""))] = "empty"


def _duplicates(folder: Path, corpus: Corpus) -> None:
    for sub in ("d1", "d2", "d3"):
        _write(folder, f"dups/{sub}/story.txt", f"date 2024-07-05 Story {sub}\n{GOOD_TEXT}")
    _write(folder, "dups/lines.jsonl", _good_line("twice") + _good_line("twice"))
    _write(folder, "dups/zz/clash.jsonl", _good_line("story"))
    corpus.good += ["story", "twice"]
    for path in ("d2/story.txt", "d3/story.txt", "lines.jsonl:2", "zz/clash.jsonl:1"):
        corpus.bad[str(folder / "dups" / path)] = "read already"


@pytest.fixture(scope="session")
def blank_nlp():  # type: ignore[no-untyped-def]
    """A spaCy pipeline without the model: tokenizer and sentences only (fast; finds no events)."""
    import spacy

    from diplograph.nlp.extensions import register_extensions

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
