"""Annotated training articles: the parts, their articles, and each gold event's sentence.

The held-out parts (06, 12, 22 and their `b` second annotations) are refused by
name, so no code path can read a test article by accident.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplograph.errors import InputError
from diplograph.models import Article

HELD_OUT_PARTS = frozenset({"part-06", "part-12", "part-22", "part-06b", "part-12b", "part-22b"})
TRAIN_PARTS = tuple(
    f"part-{n:02d}" for n in [*range(1, 6), *range(7, 11), *range(13, 22), *range(23, 29)]
)


@dataclass(frozen=True, slots=True)
class GoldSentenceEvent:
    """One annotated event, placed at a character offset of its article's text."""

    start: int  # offset of the quote in the article text
    end: int
    trigger: str
    source: str
    target: str
    cameo: str
    roots: tuple[str, ...]
    date: str
    symmetric: bool
    optional: bool


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    part: str
    events: tuple[GoldSentenceEvent, ...]
    raw: dict[str, Any]  # the part's line, for folding into article-level gold


def check_parts(paths: Iterable[Path]) -> list[Path]:
    """Refuse held-out parts: they are the test set and must never be trained on."""
    out = []
    for path in paths:
        if path.stem in HELD_OUT_PARTS:
            raise InputError(str(path), "is a held-out part", "train only on the train parts")
        out.append(path)
    return out


def train_part_paths(folder: Path) -> list[Path]:
    """The train parts of `folder` (the README's split)."""
    return [folder / f"{name}.jsonl" for name in TRAIN_PARTS if (folder / f"{name}.jsonl").exists()]


def load_annotations(paths: Iterable[Path]) -> list[tuple[str, dict[str, Any]]]:
    """(part name, annotated line) for every article of the given parts, in order."""
    out: list[tuple[str, dict[str, Any]]] = []
    for path in check_parts(paths):
        with path.open(encoding="utf-8") as fh:
            out.extend((path.stem, json.loads(line)) for line in fh if line.strip())
    return out


def load_articles(corpora: Iterable[Path], wanted: set[str]) -> dict[str, Article]:
    """The wanted articles of the corpus files, read as `diplograph extract` reads them.

    Other lines are skipped on their id alone, so no held-out article becomes an Article.
    """
    from diplograph.ingest import iter_articles

    def refuse(error: InputError) -> None:
        raise error

    with tempfile.TemporaryDirectory() as tmp:
        kept = Path(tmp) / "train-articles.jsonl"
        with kept.open("w", encoding="utf-8") as out:
            for path in corpora:
                with path.open(encoding="utf-8") as fh:
                    out.writelines(line for line in fh if line.strip() and json.loads(line)["id"] in wanted)
        return {a.id: a for a in iter_articles([str(kept)], on_error=refuse)}


def annotated_articles(parts: Iterable[Path], corpora: Iterable[Path]) -> list[AnnotatedArticle]:
    """The annotated articles of `parts`, each event placed in its article's text."""
    lines = load_annotations(parts)
    articles = load_articles(corpora, {line["article_id"] for _, line in lines})
    out = []
    for part, line in lines:
        article = articles.get(line["article_id"])
        if article is None:
            raise InputError(line["article_id"], "annotated article not found in the corpora")
        events = tuple(_placed(article.text, e) for e in line.get("events", []))
        out.append(AnnotatedArticle(article, part, tuple(e for e in events if e), line))
    return out


def _placed(text: str, e: dict[str, Any]) -> GoldSentenceEvent | None:
    start = text.find(e["quote"])
    if start < 0:  # a quote with normalised spacing
        pattern = r"\s+".join(re.escape(w) for w in e["quote"].split())
        hit = re.search(pattern, text)
        if hit is None:
            return None
        start = hit.start()
        end = hit.end()
    else:
        end = start + len(e["quote"])
    return GoldSentenceEvent(
        start=start, end=end, trigger=e.get("trigger", ""), source=e["source"], target=e["target"],
        cameo=e["cameo"], roots=tuple(e["roots"]), date=e["date"], symmetric=bool(e["symmetric"]),
        optional=bool(e["optional"]),
    )


def folded_gold(items: Iterable[AnnotatedArticle]) -> Iterator[dict[str, Any]]:
    """Article-level gold as the shared `to_gold.py` folds it (for the scorer)."""
    for item in items:
        merged: dict[tuple[Any, ...], dict[str, Any]] = {}
        for ev in item.raw.get("events", []):
            roots = list(ev["roots"])
            pair = (ev["source"], ev["target"])
            key = (ev["date"], tuple(sorted(pair)) if ev["symmetric"] else pair, roots[0])
            g = merged.get(key)
            if g is None:
                merged[key] = {"date": ev["date"], "source": ev["source"], "target": ev["target"],
                               "root": roots, "symmetric": ev["symmetric"] or "04" in roots,
                               "optional": ev["optional"]}
                continue
            g["root"] += [r for r in roots if r not in g["root"]]
            g["symmetric"] = g["symmetric"] or "04" in g["root"]
            g["optional"] = g["optional"] and ev["optional"]
        yield {"article_id": item.article.id, "events": list(merged.values())}
