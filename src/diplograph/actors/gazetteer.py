"""The packaged actor tables, loaded once into phrase indexes keyed by token tuples.

Every surface form (state name, demonym, person variant, title, agent noun,
organisation alias) becomes a lower-cased token tuple; matching a Doc is then
one dict lookup per token and candidate length, cheap at any dictionary size.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources

from diplograph.actors.dictionary import ActorEntry, AgentEntry
from diplograph.models import Actor, ActorKind

MAX_PHRASE = 8
_SPLIT = re.compile(r"[\w.&]+(?:'(?!s\b)\w+)?|'s\b|[^\w\s]")


def phrase_key(text: str) -> tuple[str, ...]:
    """Tokenise like spaCy's English tokenizer closely enough for matching."""
    tokens = []
    for chunk in text.lower().replace("_", " ").split():
        tokens.extend(_SPLIT.findall(chunk))
    return tuple(tokens)


def name_key(text: str) -> tuple[str, ...]:
    """phrase_key without a leading "the" (the matcher adds it back to the span)."""
    key = phrase_key(text)
    return key[1:] if len(key) > 1 and key[0] == "the" else key


def _hyphen_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """ "Ban Ki Moon" and "Ban Ki-moon" are one name: index both spellings."""
    if "-" in key:
        return [key, tuple(t for t in key if t != "-")]
    if len(key) == 3:
        return [key, (key[0], key[1], "-", key[2])]
    return [key]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Spell:
    """One role of a person, valid from start to end (None = open)."""

    role: str
    sector: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Person:
    name: str
    code: str
    spells: list[Spell] = field(default_factory=list)

    @property
    def actor_id(self) -> str:
        return f"person:{self.code}:{slug(self.name)}"


@dataclass(frozen=True, slots=True)
class Title:
    role: str
    matches: tuple[str, ...]
    lead: bool


@dataclass(slots=True)
class Gazetteer:
    """All lookups the resolver needs; build with `load_default()` + `add_user()`."""

    state_names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    adjectives: dict[str, str] = field(default_factory=dict)  # code -> display adjective
    states: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # -> (code, how)
    persons: list[Person] = field(default_factory=list)
    person_keys: dict[tuple[str, ...], list[int]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    holders: dict[tuple[str, str], list[tuple[Spell, int]]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[tuple[str, ...], Title] = field(default_factory=dict)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> sector
    orgs: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    user: dict[tuple[str, ...], list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    sectors: dict[str, tuple[str, ActorKind]] = field(default_factory=dict)  # sector -> (role, kind)
    plurals: dict[tuple[str, ...], str] = field(default_factory=dict)  # "the two sides" -> states|people
    first: dict[str, int] = field(default_factory=dict)  # first token -> longest phrase length
    not_people: dict[str, str] = field(default_factory=dict)  # "dollars" -> currency
    spellings: dict[str, str] = field(default_factory=dict)  # "protestors" -> "protesters"
    person_nouns: set[str] = field(default_factory=set)  # "monarch": one person, not a body
    agent_roles: dict[str, str] = field(default_factory=dict)  # "troops" -> "Army"
    protest_words: set[str] = field(default_factory=set)  # "rally", "sit-in"

    def index(self, key: tuple[str, ...]) -> None:
        if key and len(key) <= MAX_PHRASE:
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))

    def state(self, code: str) -> Actor:
        return Actor(code, self.state_names.get(code, code), "state", "", "", f"state:{code}")

    def add_person(self, name: str, code: str, variants: Iterable[str], spells: list[Spell]) -> int:
        pid = len(self.persons)
        self.persons.append(Person(name, code, spells))
        for variant in {name, *variants}:
            for key in _hyphen_forms(phrase_key(variant)):
                if key and pid not in self.person_keys[key]:
                    self.person_keys[key].append(pid)
                    self.index(key)
        if any(s.sector != "ELI" for s in spells):
            tokens = name.split()
            if tokens and len(tokens[-1]) > 2:
                self.surnames[tokens[-1].lower()].append(pid)
        for spell in spells:
            self.holders[(code, spell.role)].append((spell, pid))
        return pid

    def with_user(self, entries: list[ActorEntry], agents: list[AgentEntry]) -> Gazetteer:
        """A copy with user entries added; they win over packaged ones for the same phrase."""
        copy = replace(self, user=defaultdict(list), agents=dict(self.agents), first=dict(self.first))
        for key, found in self.user.items():
            copy.user[key] = list(found)
        copy.add_user(entries, agents)
        return copy

    def add_user(self, entries: list[ActorEntry], agents: list[AgentEntry]) -> None:
        for entry in entries:
            for alias in {entry.name, *entry.aliases}:
                key = phrase_key(alias)
                self.user[key].append(entry)
                self.index(key)
        for agent in agents:
            key = phrase_key(agent.phrase)
            self.agents[key] = agent.sector
            self.index(key)


def _rows(name: str) -> Iterator[list[str]]:
    """Rows of a packaged TSV (gzip by suffix), without comments and header."""
    raw = resources.files("diplograph.actors").joinpath("data").joinpath(name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
    next(reader, None)
    yield from (row for row in reader if row)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _load_states(gaz: Gazetteer) -> None:
    rank = {"name": 0, "seat": 0, "adjective": 1, "capital": 2, "place": 3}
    for code, how, alias in _rows("states.tsv"):
        if how == "canonical":
            gaz.state_names[code] = alias
            continue
        key = name_key(alias)
        old = gaz.states.get(key)
        if old is None or rank[how] < rank[old[1]]:
            gaz.states[key] = (code, how)
            gaz.index(key)
    for code, how, aliases in _rows("states_extra.tsv"):
        if how == "canonical":
            gaz.state_names[code] = aliases
            continue
        for alias in aliases.split("|"):
            key = name_key(alias)
            gaz.states[key] = (code, how)
            gaz.index(key)
            if how == "adjective":
                gaz.adjectives.setdefault(code, alias)
    _default_adjectives(gaz)
    for key, (code, how) in list(gaz.states.items()):
        if how == "adjective" and len(key) == 1 and key[0][-1] in "ni":
            plural = (key[0] + "s",)
            gaz.states.setdefault(plural, (code, "people"))
            gaz.index(plural)


_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:an|ese|ish|i|ic|ch|ean)$")


def _default_adjectives(gaz: Gazetteer) -> None:
    """A display adjective for every state ("Albanian rebels", not "Albania rebels")."""
    for key, (code, how) in gaz.states.items():
        if how not in ("adjective", "name") or code in gaz.adjectives:
            continue
        text = " ".join(word.capitalize() for word in key)
        name = gaz.state_names.get(code, "")
        if _ADJECTIVE.match(text) and name[:3] == text[:3] and text != name and "Republic" not in text:
            gaz.adjectives[code] = text


def _load_people(gaz: Gazetteer) -> None:
    grouped: dict[tuple[str, str], tuple[set[str], list[Spell]]] = {}
    for variants, name, code, role, sector, start, end in _rows("people.tsv.gz"):
        entry = grouped.setdefault((code, name), (set(), []))
        entry[0].update(variants.split("|"))
        if role or sector:
            entry[1].append(Spell(role, sector, _day(start), _day(end)))
    for (code, name), (forms, spells) in grouped.items():
        if spells or " " in name:  # a lone word with no office ("Brown") is noise
            gaz.add_person(name, code, forms, spells)


def _load_small(gaz: Gazetteer) -> None:
    for phrase, role, matches, lead in _rows("titles.tsv"):
        key = phrase_key(phrase)
        gaz.titles[key] = Title(role, tuple(m for m in matches.split("|") if m), lead == "1")
        gaz.index(key)
    for sector, role, kind in _rows("sectors.tsv"):
        gaz.sectors[sector] = (role, kind)  # type: ignore[assignment]
    for name in ("agents.tsv", "agents_extra.tsv"):
        for phrase, sector in _rows(name):
            key = phrase_key(phrase)
            gaz.agents[key] = sector
            gaz.index(key)
    for word, kind in _rows("not_people.tsv"):
        gaz.not_people[word] = kind
    gaz.person_nouns.update(row[0] for row in _rows("person_nouns.tsv"))
    gaz.agent_roles.update((word, role) for word, role in _rows("agent_roles.tsv"))
    gaz.protest_words.update(row[0] for row in _rows("protest_words.tsv"))
    for variant, standard in _rows("spellings.tsv"):
        gaz.spellings[variant] = standard
    for phrase, what in _rows("plurals.tsv"):
        key = phrase_key(phrase)
        gaz.plurals[key] = what
        gaz.index(key)


def _load_orgs(gaz: Gazetteer) -> None:
    rows = [*_rows("orgs.tsv"), *_rows("groups_extra.tsv")]
    for aliases, name, code, kind, role, sector in rows:
        actor_id = f"org:{code}" if role == "IGO" else f"{kind}:{code}:{slug(name)}"
        actor = Actor(code, name, kind, role, sector, actor_id)  # type: ignore[arg-type]
        for alias in aliases.split("|"):
            key = name_key(alias)
            if key[-1:] in gaz.titles and key[:-1] in gaz.states:
                continue  # "German chancellor" is a person (a title), not the chancellery
            if key and (key not in gaz.orgs or role == "IGO"):
                gaz.orgs[key] = actor
                gaz.index(key)


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    gaz = Gazetteer()
    _load_states(gaz)
    _load_small(gaz)
    _load_orgs(gaz)
    _load_people(gaz)
    return gaz


def load_default() -> Gazetteer:
    """The packaged tables (read once per process, then shared read-only)."""
    return _default()
