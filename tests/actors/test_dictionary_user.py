"""User dictionaries in TSV and YAML, and their error messages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diplograph.actors.dictionary import ActorEntry, load_user_actors
from diplograph.errors import DictionaryError

HEADER = "name\tcode\tkind\trole\tsector\tstart\tend\n"


def test_dictionary_user_tsv(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text(
        HEADER
        + "Ann Example\tfrd\tperson\tMayor\tGOV\t2020-01-01\t\n# skipped\nFreedonia\tFRD\tstate\t\t\t\t\n"
    )
    assert load_user_actors(path) == [
        ActorEntry("Ann Example", "FRD", "person", "Mayor", "GOV", date(2020, 1, 1), None),
        ActorEntry("Freedonia", "FRD", "state"),
    ]


def test_dictionary_user_yaml(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "actors:\n  - name: Ann Example\n    code: FRD\n    role: Mayor\n    aliases: [Mayor Ann]\n    start: 20200101\n"
    )
    (entry,) = load_user_actors(path)
    assert entry.aliases == ("Mayor Ann",) and entry.start == date(2020, 1, 1) and entry.kind == "person"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (HEADER + "Ann\tFRD\trobot\t\t\t\t\n", 2, "kind"),
        (HEADER + "Ann\t\tperson\t\t\t\t\n", 2, "name and a code"),
        (HEADER + "Ok\tFRD\tstate\t\t\t\t\nAnn\tFRD\tperson\t\t\t2020-13-01\t\n", 3, "date"),
        ("Ann\n", 1, "columns"),
    ],
)
def test_dictionary_user_tsv_errors(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text)
    with pytest.raises(DictionaryError, match=problem) as info:
        load_user_actors(path)
    assert info.value.line == line


def test_dictionary_user_yaml_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("- name: Ann\n  code: FRD\n- just a string\n")
    with pytest.raises(DictionaryError, match="mapping") as info:
        load_user_actors(path)
    assert info.value.line == 2
    path.write_text("- name: [unclosed\n")
    with pytest.raises(DictionaryError, match="YAML"):
        load_user_actors(path)
