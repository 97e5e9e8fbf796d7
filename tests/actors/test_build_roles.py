"""The build script's role labels: one label for heads of government, singular offices."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    sys.path.insert(0, str(TOOLS))
    try:
        return importlib.import_module("build_actor_data")
    finally:
        sys.path.remove(str(TOOLS))


@pytest.mark.parametrize(
    ("office", "role"),
    [
        ("Premiers", "Prime Minister"),
        ("Prime Ministers", "Prime Minister"),
        ("Speakers of the House of Representatives", "Speaker of the House of Representatives"),
        ("Directors of Central Intelligence", "Director of Central Intelligence"),
    ],
)
def test_build_roles_leader_offices(build: ModuleType, office: str, role: str) -> None:
    assert build.leader_role(office) == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Premier, State Council", "Prime Minister"),
        ("Minister of Foreign Affairs", "Foreign Minister"),
        ("Minister for Foreign Affairs", "Foreign Minister"),
        ("National Security Advisors", "National Security Advisor"),
        ("Minister of Communications", "Minister of Communications"),
    ],
)
def test_build_roles_government_titles(build: ModuleType, title: str, role: str) -> None:
    assert build.government_role(title) == role


def test_build_roles_packaged_people_use_prime_minister() -> None:
    import gzip
    from importlib import resources

    raw = resources.files("diplograph.actors").joinpath("data/people.tsv.gz").read_bytes()
    roles = {line.split("\t")[3] for line in gzip.decompress(raw).decode().splitlines()[6:] if "\t" in line}
    assert "Prime Minister" in roles and "Premier" not in roles
