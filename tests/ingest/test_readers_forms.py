"""Every input form reads into the right Articles: header and dateline .txt, JSONL, HTML, folders, stdin."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.ingest import iter_articles
from diplograph.models import Article

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

DATELINE_BODY = "BERLIN, March 3 (AP) -- Germany's chancellor met the French president on Friday.\n"
HTML_PAGE = """<!DOCTYPE html><html><head><title>Leaders meet in Berlin | Some Site</title>
<meta property="article:published_time" content="2023-03-03T12:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Leaders meet in Berlin</h1>
<p>BERLIN, March 3 (AP) -- The German chancellor met the French president on Friday to discuss support
for Ukraine, energy prices and the European Union's budget rules in a long meeting.</p>
<p>The two leaders said they would meet again in Paris next month, officials from both governments said.</p>
</article></body></html>"""


def read(
    inputs: list[str | Path], default_date: date | None = None
) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    articles = list(iter_articles(inputs, default_date=default_date, on_error=errors.append))
    return articles, errors


def test_readers_header_txt_with_leading_space(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(
        "\n date 2024-07-05 Leaders meet in Astana\n\nASTANA, July 4 (Xinhua) -- They met on Thursday.\n"
    )
    (article,), errors = read([path], default_date=date(1999, 1, 1))
    assert errors == []
    assert article.id == "talks"
    assert article.date == date(2024, 7, 5)  # the header wins over --date
    assert article.title == "Leaders meet in Astana"
    assert article.text == "ASTANA, July 4 (Xinhua) -- They met on Thursday."
    assert (article.dateline, article.dateline_date) == ("ASTANA, July 4 (Xinhua)", date(2024, 7, 4))
    assert article.source == "Xinhua"
    assert article.origin == str(path)


def test_readers_dateline_txt_dates_from_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Leaders meet in Paris\n\nPARIS, Jan. 5, 2024 (AFP) - The leaders met on Friday.\n")
    (article,), errors = read([path])
    assert errors == []
    assert article.date == article.dateline_date == date(2024, 1, 5)
    assert article.title == "Leaders meet in Paris"  # a headline paragraph above the dateline
    assert article.text.startswith("PARIS, Jan. 5, 2024 (AFP)")


def test_readers_plain_txt_uses_default_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DATELINE_BODY)
    (article,), errors = read([tmp_path / "a.txt"], default_date=date(2023, 3, 4))
    assert errors == []
    assert article.date == date(2023, 3, 4)
    assert article.dateline_date == date(2023, 3, 3)  # year taken from the default date


def test_readers_plain_txt_takes_year_from_file_name(tmp_path: Path) -> None:
    (tmp_path / "ap-2023-03-04.txt").write_text(DATELINE_BODY)
    (article,), errors = read([tmp_path / "ap-2023-03-04.txt"])
    assert errors == []
    assert (article.date, article.dateline_date) == (date(2023, 3, 4), date(2023, 3, 3))


def test_readers_jsonl_fields_and_ids(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a1",
            "date": "2024-07-05",
            "text": "Body one.",
            "title": "T",
            "source": "S",
            "url": "http://x",
        },
        {"id": 42, "date": "20240706", "text": "Body two.", "dateline": "ASTANA, July 5 (Xinhua)"},
        {"date": "2024-07-07", "text": "ROME, July 6 (AP) -- Body three."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    articles, errors = read([path])
    assert errors == []
    assert [a.id for a in articles] == ["a1", "42", "batch-3"]
    assert [a.date for a in articles] == [date(2024, 7, 5), date(2024, 7, 6), date(2024, 7, 7)]
    assert (articles[0].title, articles[0].source, articles[0].url) == ("T", "S", "http://x")
    assert (articles[1].dateline, articles[1].dateline_date, articles[1].source) == (
        "ASTANA, July 5 (Xinhua)",
        date(2024, 7, 5),
        "Xinhua",
    )
    assert articles[2].dateline == "ROME, July 6 (AP)"
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_readers_jsonl_without_date_uses_default_or_dateline(tmp_path: Path) -> None:
    path = tmp_path / "nodate.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "plain body"})
        + "\n"
        + json.dumps({"id": "b", "text": DATELINE_BODY})
        + "\n"
    )
    articles, _ = read([path], default_date=date(2023, 3, 4))
    assert [a.date for a in articles] == [date(2023, 3, 4), date(2023, 3, 4)]
    assert articles[1].dateline_date == date(2023, 3, 3)


def test_readers_html_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(HTML_PAGE)
    (article,), errors = read([path])
    assert errors == []
    assert article.id == "page"
    assert article.date == date(2023, 3, 3)
    assert article.title == "Leaders meet in Berlin"
    assert article.text.startswith("BERLIN, March 3 (AP)")
    assert "Home | World" not in article.text
    assert article.dateline_date == date(2023, 3, 3)


def test_readers_html_date_falls_back_to_time_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(
        trafilatura,
        "bare_extraction",
        lambda *a, **k: {"text": "Some text about the two ministers meeting.", "title": "T"},
    )
    page = '<html><body><time datetime="2021-05-06T08:00">May 6</time><p>Some text.</p></body></html>'
    (tmp_path / "p.html").write_text(page)
    (article,), errors = read([tmp_path / "p.html"])
    assert errors == []
    assert article.date == date(2021, 5, 6)


def test_readers_folder_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "deeper" / "z.TXT").write_text(" date 2024-01-03 Z\nbody z")
    (tmp_path / "b" / "y.txt").write_text("date 2024-01-02 Y\nbody y")
    (tmp_path / "a.txt").write_text("date 2024-01-01 A\nbody a")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / ".hidden" / "h.txt").write_text("date 2024-01-04 H\nbody h")
    articles, errors = read([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a", "y", "z"]


def test_readers_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"\n\ndate 2024-07-05 Title\nBody text."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (article,), errors = read(["-"])
    assert errors == []
    assert (article.id, article.date, article.title, article.origin) == (
        "stdin",
        date(2024, 7, 5),
        "Title",
        "<stdin>",
    )


def test_readers_stdin_jsonl_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n" + json.dumps({"id": "x", "date": "2024-07-05", "text": "One."}) + "\nnot json\n"
    data += json.dumps({"date": "2024-07-06", "text": "Two."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))  # a text-only stream, no .buffer
    articles, errors = read(["-"])
    assert [a.id for a in articles] == ["x", "stdin-4"]
    assert [e.origin for e in errors] == ["<stdin>:3"]


def test_readers_stdin_empty_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n  \n"))
    articles, errors = read(["-"])
    assert articles == []
    assert len(errors) == 1 and "empty" in errors[0].problem


def test_readers_examples_cover_every_form() -> None:
    articles, errors = read([EXAMPLES])
    assert errors == []
    assert len(articles) == 8
    forms = {Path(a.origin.split(":")[0]).suffix for a in articles}
    assert forms == {".txt", ".jsonl", ".html"}
    headers = [p for p in EXAMPLES.glob("*.txt") if p.read_text().lstrip().startswith("date ")]
    assert len(headers) >= 2 and len(list(EXAMPLES.glob("*.txt"))) - len(headers) >= 2
    for article in articles:
        assert 120 <= len(article.text.split()) <= 300, article.id
        assert article.date is not None and article.dateline_date is not None, article.id
    assert sum(1 for a in articles if a.title) == 7  # all but the dateline-only .txt
    assert len({a.id for a in articles}) == 8
