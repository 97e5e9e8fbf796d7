"""States: names, official forms, demonyms, capitals and seats, 'the Chinese side'."""

from __future__ import annotations

import pytest


def codes(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.code for m in doc._.actor_mentions for a in m.actors]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The People's Republic of China signed it .", "CHN"),
        ("The Republic of Kazakhstan signed it .", "KAZ"),
        ("The U.S. signed it .", "USA"),
        ("The US signed it .", "USA"),
        ("Britain signed it .", "GBR"),
        ("The UK signed it .", "GBR"),
        ("Beijing said no .", "CHN"),
        ("Moscow said no .", "RUS"),
        ("The Kremlin said no .", "RUS"),
        ("Washington said no .", "USA"),
        ("The White House said no .", "USA"),
        ("Later the Chinese side agreed .", "CHN"),
    ],
)
def test_component_states_resolve(run, text: str, code: str) -> None:
    doc = run(text, "2010-01-01")
    assert code in codes(doc)
    state = next(a for m in doc._.actor_mentions for a in m.actors if a.code == code)
    assert state.kind == "state"
    assert state.actor_id == f"state:{code}"


def test_component_states_no_mentions_in_plain_text(run) -> None:
    assert run("The weather was fine and the market was busy .", "2010-01-01")._.actor_mentions == []


def test_component_states_mentions_sorted_and_disjoint(run) -> None:
    doc = run("China and Russia met . Beijing and Moscow agreed . The Kremlin said yes .", "2015-01-01")
    spans = [(m.start, m.end) for m in doc._.actor_mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert codes(doc) == ["CHN", "RUS", "CHN", "RUS", "RUS"]


def test_component_states_standalone_without_article(blank_nlp) -> None:
    doc = blank_nlp("Kazakhstan and China agreed .")
    assert [a.code for m in doc._.actor_mentions for a in m.actors] == ["KAZ", "CHN"]


def test_component_states_dateline_place_is_no_actor(run) -> None:
    text = "PRAGUE, April 8 (AFP) -- Obama and Medvedev signed a treaty on Thursday ."
    doc = run(text, "2010-04-08", dateline="PRAGUE, April 8 (AFP)")
    assert "CZE" not in [a.code for m in doc._.actor_mentions for a in m.actors]
    assert "RUS" in [a.code for m in doc._.actor_mentions for a in m.actors]


def test_component_states_country_inside_a_persons_name_is_no_actor(blank_nlp) -> None:
    from datetime import date

    from spacy.tokens import Doc, Span

    from diplograph.models import Article

    doc = Doc(blank_nlp.vocab, words=["Michael", "Jordan", "met", "Chad", "officials", "in", "Jordan", "."])
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 6, 7, "GPE")]
    doc._.article = Article("t", doc.text, date(2015, 6, 9))
    doc = blank_nlp.get_pipe("diplograph_actors")(doc)
    found = [(m.start, a.code) for m in doc._.actor_mentions for a in m.actors]
    assert (1, "JOR") not in found
    assert (6, "JOR") in found
