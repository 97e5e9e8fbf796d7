"""People learnt from the text: the article's usual spelling, and fresher titles."""

from __future__ import annotations

from diplograph.actors.resolve import one_edit


def people(doc) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (m.text, a.name, a.code, a.role) for m in doc._.actor_mentions for a in m.actors if a.kind == "person"
    ]


def test_resolve_one_edit() -> None:
    assert one_edit("Million", "Millon")
    assert one_edit("Smith", "Smyth")
    assert not one_edit("Smith", "Smith")
    assert not one_edit("Smith", "Smithers")


def test_resolve_learnt_name_takes_the_usual_spelling(run) -> None:
    text = (
        "Peru's Foreign Minister Carlos Pardon met aides . Pardo said talks went well . "
        "Pardo left on Monday . Pardo's aides stayed ."
    )
    doc = run(text, "2010-03-03")
    names = {name for _, name, _, _ in people(doc)}
    assert names == {"Carlos Pardo"}
    assert ("Pardo", "Carlos Pardo", "PER", "Foreign Minister") in people(doc)


def test_resolve_learnt_name_kept_when_the_variant_is_rarer(run) -> None:
    doc = run("Peru's Foreign Minister Carlos Pardon met aides . Pardon said talks went well .", "2010-03-03")
    assert {name for _, name, _, _ in people(doc)} == {"Carlos Pardon"}


def test_resolve_title_in_the_text_beats_a_stale_office(run) -> None:
    doc = run("Chinese Foreign Minister Wen Jiabao spoke .", "2006-11-21")
    assert people(doc)[0][3] == "Foreign Minister"
