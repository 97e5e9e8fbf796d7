"""PETRARCH/CAMEO actor and agent dictionaries: records, dates, plurals, errors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplograph.actors.dictionary import (
    CodeSpell,
    load_actor_file,
    load_petrarch_actors,
    load_petrarch_agents,
    parse_date,
    petrarch_entries,
)
from diplograph.errors import DictionaryError

ACTORS = """# comment line
<!-- a block
comment -->
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_FIREFLY_  # a leader
+PRESIDENT_FIREFLY
\t[FRDGOV 330101-331231]
\t[FRDELI >340101]
ALPHA_BETA
GAMMA_DELTA
\t[SYLGOV <20000101]
"""


def write(tmp_path: Path, text: str, name: str = "x.actors.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dictionary_petrarch_actor_records(tmp_path: Path) -> None:
    actors = load_petrarch_actors(write(tmp_path, ACTORS))
    assert [a.names for a in actors] == [
        ("FREEDONIA", "FREEDONIAN"),
        ("RUFUS FIREFLY", "PRESIDENT FIREFLY"),
        ("ALPHA BETA", "GAMMA DELTA"),
    ]
    assert actors[0].spells == (CodeSpell("FRD"),)
    assert actors[1].spells == (
        CodeSpell("FRDGOV", date(1933, 1, 1), date(1933, 12, 31)),
        CodeSpell("FRDELI", date(1934, 1, 1), None),
    )
    assert actors[2].spells == (CodeSpell("SYLGOV", None, date(2000, 1, 1)),)


def test_dictionary_petrarch_entries_split_code(tmp_path: Path) -> None:
    entries = petrarch_entries(load_petrarch_actors(write(tmp_path, ACTORS)))
    firefly = [e for e in entries if e.name == "Rufus Firefly"]
    assert [(e.code, e.sector, e.kind) for e in firefly] == [
        ("FRD", "GOV", "person"),
        ("FRD", "ELI", "person"),
    ]
    assert entries[0].kind == "state"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("+SYNONYM_FIRST\n", 1, "synonym"),
        ("NAME_\n\t[ABCGOV 20001301-20010101]\n", 2, "date"),
        ("NAME_\n\t[ABCGOV 20010101-20000101]\n", 2, "before the start"),
        ("NAME_\n\tno bracket here\n", 2, "restriction"),
        ("NAME_ [ABC\n", 1, "unbalanced"),
    ],
)
def test_dictionary_petrarch_malformed_lines(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DictionaryError) as info:
        load_petrarch_actors(path)
    assert info.value.line == line
    assert problem in str(info.value)
    assert str(path) in str(info.value)


def test_dictionary_petrarch_not_strict_skips_bad_codes(tmp_path: Path) -> None:
    path = write(tmp_path, "NAME_\n\t[ABCGOV 20001301-20010101]\n\t[ABCMIL]\n")
    (actor,) = load_petrarch_actors(path, strict=False)
    assert actor.spells == (CodeSpell("ABCMIL"),)


def test_dictionary_petrarch_agents_plurals_and_markers(tmp_path: Path) -> None:
    text = "!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nARMY [~MIL]\nPARTY [~PTY]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nCONGRESS!PERSON! [~LEG]\nNGO_GROUP [NGO~]\n"
    agents = load_petrarch_agents(write(tmp_path, text, "x.agents.txt"))
    phrases = {a.phrase: a.sector for a in agents}
    assert phrases == {
        "POLICE": "COP",
        "ARMY": "MIL",
        "ARMIES": "MIL",
        "PARTY": "PTY",
        "PARTIES": "PTY",
        "ATTORNEY GENERAL": "GOV",
        "ATTORNEYS GENERAL": "GOV",
        "CONGRESSMAN": "LEG",
        "CONGRESSWOMAN": "LEG",
        "NGO GROUP": "NGO",
        "NGO GROUPS": "NGO",
    }


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("POLICE {}\n", "needs a [~CODE]"),
        ("POLICE [COP]\n", "must contain '~'"),
        ("POLICE {X [~COP]\n", "missing '}'"),
        ("!X!_MAN [~GOV]\n", "not defined"),
    ],
)
def test_dictionary_petrarch_agents_malformed(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(DictionaryError, match=re.escape(problem)) as info:
        load_petrarch_agents(write(tmp_path, "# header\n" + text))
    assert info.value.line == 2


def test_dictionary_petrarch_dates() -> None:
    assert parse_date("300101") == date(2030, 1, 1)
    assert parse_date("310101") == date(1931, 1, 1)
    assert parse_date("2024-07-03") == date(2024, 7, 3)
    assert parse_date("") is None


def test_dictionary_petrarch_load_actor_file_sniffs_agents(tmp_path: Path) -> None:
    entries, agents = load_actor_file(write(tmp_path, "POLICE {} [~COP]\nTROOP [~MIL]\n", "mine.txt"))
    assert entries == [] and {a.phrase for a in agents} == {"POLICE", "TROOP", "TROOPS"}
    entries, agents = load_actor_file(write(tmp_path, ACTORS, "mine2.txt"))
    assert agents == [] and entries


def test_dictionary_petrarch_shared_files_load(shared: Path) -> None:
    folder = shared / "data/petrarch/dictionaries"
    countries = load_petrarch_actors(folder / "Phoenix.Countries.actors.txt", strict=False)
    assert len(countries) > 10000
    xi = [a for a in countries if "XI JINPING" in a.names]
    assert any(s.code == "CHNGOV" and s.start == date(2012, 11, 15) for a in xi for s in a.spells)
    assert len(load_petrarch_agents(folder / "Phoenix.agents.txt", strict=False)) > 2000
    assert load_petrarch_actors(folder / "PETR.Validate.actors.txt", strict=False)
    assert load_petrarch_agents(folder / "PETR.Validate.agents.txt", strict=False)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_dictionary_petrarch_date_round_trip(day: date) -> None:
    assert parse_date(day.strftime("%Y%m%d")) == day
    assert parse_date(day.isoformat()) == day
    if 1931 <= day.year <= 2030:
        assert parse_date(day.strftime("%y%m%d")) == day
