"""The organisations and agents tables: IGOs, armed groups, national institutions, agent nouns."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

from actor_data.common import INSTITUTION_WORDS, OUT, SECTOR_ROLES, read_tsv, title_name
from actor_data.countryinfo import CountryInfo
from actor_data.states import VALID_CODES
from diplograph.actors.dictionary import load_petrarch_actors, load_petrarch_agents


def build_orgs(shared: Path, infos: list[CountryInfo]) -> list[tuple[str, str, str, str, str, str]]:
    """Rows (aliases, name, code, kind, role, sector) for IGOs, armed groups, institutions."""
    gold_rows = []
    igo_alias: dict[str, str] = {}
    igo_names: dict[str, str] = {}
    with (shared / "gold/igo_codes.tsv").open(encoding="utf-8") as handle:
        for row in list(csv.reader(handle, delimiter="\t"))[1:]:
            code, name, aliases = row[0], row[1], [a.strip() for a in row[2].split(";") if a.strip()]
            gold_rows.append(("|".join([name, *aliases]), name, code, "organisation", "IGO", ""))
            igo_names.setdefault(code, name)
            for alias in [name, *aliases]:
                igo_alias[alias.lower()] = code
    rows = []
    intl = load_petrarch_actors(
        shared / "data/petrarch/dictionaries/Phoenix.International.actors.txt", strict=False
    )
    for actor in intl:
        if any(s.start or s.end for s in actor.spells):
            continue
        code = next((igo_alias[a.lower()] for a in actor.names if a.lower() in igo_alias), "")
        if code:
            rows.append(("|".join(actor.names), igo_names[code], code, "organisation", "IGO", ""))
    rows += _armed_groups(shared, infos)
    rows += _stateless_groups(shared)
    return [_plain_aliases(row, shared) for row in _institutions(shared) + rows] + gold_rows


def _armed_groups(shared: Path, infos: list[CountryInfo]) -> list[tuple[str, str, str, str, str, str]]:
    """Phoenix.MilNonState groups, coded to the state they act in (or stateless IMG groups)."""
    rows = []
    adjectives = {a.lower(): info.code[:3] for info in infos for a in info.nationality + [info.name]}
    path = shared / "data/petrarch/dictionaries/Phoenix.MilNonState.actors.txt"
    for actor in load_petrarch_actors(path, strict=False):
        code = actor.spells[-1].code
        state = code[:3] if code[:3] in adjectives.values() else ""
        if not state:
            words = actor.names[0].lower().split()
            state = next((adjectives[w] for w in words if w in adjectives), "")
        if not state and code.startswith("IMG") and _group_name(actor.names):
            rows.append(
                ("|".join(actor.names), title_name(actor.names[0]), "", "group", "Militant group", "REB")
            )
        if state:
            sector = code[3:6] if code[:3] == state else "REB"
            rows.append(
                (
                    "|".join(actor.names),
                    title_name(actor.names[0]),
                    state,
                    "group",
                    "Militant group",
                    sector or "REB",
                )
            )
    return rows


def _stateless_groups(shared: Path) -> list[tuple[str, str, str, str, str, str]]:
    """Transnational armed groups (Phoenix IMG codes, e.g. Islamic State): no code of their own.

    The component gives them the country of the place they act in, or leaves them out.
    """
    path = shared / "data/petrarch/dictionaries/Phoenix.Countries.actors.txt"
    return [
        ("|".join(actor.names), title_name(actor.names[0]), "", "group", "Militant group", "REB")
        for actor in load_petrarch_actors(path, strict=False)
        if actor.spells and all(s.code.startswith("IMG") for s in actor.spells) and _group_name(actor.names)
    ]


GROUP_WORDS = INSTITUTION_WORDS | {
    "QAEDA",
    "QAIDA",
    "QA'IDA",
    "JIHAD",
    "STATE",
    "SHARIA",
    "SHARIAH",
    "SHABAAB",
    "HARAM",
    "GROUP",
    "NETWORK",
    "ANSAR",
    "MUJAHIDEEN",
    "LEVANT",
    "ISLAMIYAH",
}


def _group_name(names: tuple[str, ...]) -> bool:
    """A group, not one of its members: a group word in the primary name ("AL-QAEDA", "ISLAMIC STATE")."""
    words = {w for part in names[0].upper().replace("-", " ").split() for w in (part, part.strip("'"))}
    return bool(words & GROUP_WORDS)


def _plain_aliases(
    row: tuple[str, str, str, str, str, str], shared: Path
) -> tuple[str, str, str, str, str, str]:
    """Drop one-word aliases that are common words ("FOUNDATION", "YOUTH", "SENATE").

    They would turn every "the Senate" or "a foundation" into one group of one
    country. A word is common when it is an agent noun, or, for a secondary alias,
    when news writes it in lower case (the shared corpora: "youth", not "hamas").
    """
    aliases = row[0].split("|")
    agents, lower = agent_words(), lower_case_words(shared)
    words = [re.sub(r"^the ", "", a.strip().lower()) for a in aliases]
    kept = [
        a
        for index, (a, w) in enumerate(zip(aliases, words, strict=True))
        if " " in w or not (w in agents or (index and w in lower))
    ]
    return ("|".join(kept or aliases[:1]), *row[1:])  # type: ignore[return-value]


_LOWER: set[str] = set()
CORPORA = ("wire-2452.jsonl", "guardian-249.jsonl")


def lower_case_words(shared: Path) -> set[str]:
    """Words the shared news corpora write in lower case mid-sentence at least 3 times in 5."""
    if not _LOWER:
        cap: Counter[str] = Counter()
        low: Counter[str] = Counter()
        for name in CORPORA:
            with (shared / "corpus" / name).open(encoding="utf-8") as handle:
                for line in handle:
                    for match in re.finditer(r"(?<=[a-z,;] )([A-Za-z]+)", json.loads(line)["text"]):
                        word = match.group(1)
                        (low if word[0].islower() else cap)[word.lower()] += 1
        _LOWER.update(w for w, n in low.items() if n >= 3 and n * 5 >= (n + cap[w]))
    return _LOWER


def agent_words() -> set[str]:
    return {row[0].lower() for name in ("agents.tsv", "agents_extra.tsv") for row in read_tsv(OUT / name)}


def _institutions(shared: Path) -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    path = shared / "data/petrarch/dictionaries/Phoenix.Countries.actors.txt"
    for actor in load_petrarch_actors(path, strict=False):
        institution = INSTITUTION_WORDS.intersection(actor.names[0].split())
        if not institution and (len(actor.spells) != 1 or actor.spells[0].start or actor.spells[0].end):
            continue
        code = actor.spells[-1].code
        if len(code) >= 6 and code[3:6] in SECTOR_ROLES and code[:3] in VALID_CODES:
            kind = "group" if code[3:6] in ("OPP", "REB", "CVL", "IMG") else "organisation"
            rows.append(
                (
                    "|".join(actor.names),
                    title_name(actor.names[0]),
                    code[:3],
                    kind,
                    SECTOR_ROLES[code[3:6]],
                    code[3:6],
                )
            )
    return rows


def build_agents(shared: Path) -> list[tuple[str, str]]:
    entries = load_petrarch_agents(shared / "data/petrarch/dictionaries/Phoenix.agents.txt", strict=False)
    seen: dict[str, str] = {}
    for entry in entries:
        seen.setdefault(entry.phrase.lower(), entry.sector)
    return sorted(seen.items())
