"""Civilian groups placed where they act; settlers and religious descriptors; noun roles."""

from __future__ import annotations


def found(doc) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, a.code, a.role) for m in doc._.actor_mentions for a in m.actors]


def test_context_veterans_take_the_datelines_country_not_the_embassys(run) -> None:
    text = "Dozens of war veterans held a rally in front of the Italian embassy here on Monday ."
    doc = run(text, "2001-05-14", dateline="CAIRO, May 14 (AFP)")
    assert [(t, c) for t, c, _ in found(doc) if t == "war veterans"] == [("war veterans", "EGY")]
    assert not any(code == "ITA" and text.endswith("veterans") for text, code, _ in found(doc))


def test_context_villagers_take_a_place_named_after_them(run) -> None:
    doc = run("Villagers in Darfur fled the fighting .", "2004-03-01")
    assert ("Villagers", "SDN", "Civilians") in found(doc)


def test_context_veterans_stay_unresolved_without_support(run) -> None:
    assert found(run("Veterans marched on Monday .", "2001-05-14")) == []


def test_context_settlers_never_take_the_place(run) -> None:
    doc = run("Some 300 settlers live in Hebron .", "1997-04-09", dateline="HEBRON, April 9 (AFP)")
    assert [f for f in found(doc) if f[0].endswith("settlers")] == []


def test_context_jewish_settlers_are_israels(run) -> None:
    doc = run("Two Jewish settlers opened fire near the market .", "1997-04-09")
    assert ("Jewish settlers", "ISR", "Settlers") in found(doc)


def test_context_noun_gives_a_specific_role(run) -> None:
    doc = run("Egyptian troops and an Egyptian court acted .", "2001-05-14")
    roles = {text: role for text, _, role in found(doc)}
    assert roles["Egyptian troops"] == "Army"
    assert roles["an Egyptian court"] == "Court"


def test_context_nationality_title_is_a_person_not_an_office(run) -> None:
    doc = run("The German chancellor spoke on Monday .", "2015-06-09")
    actors = [a for m in doc._.actor_mentions for a in m.actors]
    assert [(a.kind, a.name) for a in actors] == [("person", "Angela Merkel")]



CAIRO = "CAIRO, May 14 (AFP)"


def test_context_local_group_not_protesting_keeps_its_noun_role(parsed) -> None:
    rows = [
        ("War", 1, "compound", "NOUN", "NN"),
        ("veterans", 2, "nsubj", "NOUN", "NNS"),
        ("received", 2, "ROOT", "VERB", "VBD"),
        ("pensions", 2, "dobj", "NOUN", "NNS"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    assert ("War veterans", "EGY", "Veterans") in found(parsed(rows, "2001-05-14", CAIRO))


def test_context_local_group_staging_a_sit_in_is_protesters(parsed) -> None:
    rows = [
        ("Dozens", 4, "nsubj", "NOUN", "NNS"),
        ("of", 0, "prep", "ADP", "IN"),
        ("war", 3, "compound", "NOUN", "NN"),
        ("veterans", 1, "pobj", "NOUN", "NNS"),
        ("staged", 4, "ROOT", "VERB", "VBD"),
        ("a", 8, "det", "DET", "DT"),
        ("sit", 8, "compound", "NOUN", "NN"),
        ("-", 8, "punct", "PUNCT", "HYPH"),
        ("in", 4, "dobj", "NOUN", "NN"),
        (".", 4, "punct", "PUNCT", "."),
    ]
    assert ("war veterans", "EGY", "Protesters") in found(parsed(rows, "2001-05-14", CAIRO))
