"""The people table: CountryInfo offices, Phoenix variants, REIGN/Archigos leaders, IGO officials."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from actor_data.common import (
    HORIZON,
    INSTITUTION_WORDS,
    LEAD_ROLES,
    OUT,
    Person,
    fmt,
    overlap,
    read_tsv,
    read_tsv_path,
    title_name,
)
from actor_data.countryinfo import CountryInfo, leader_role
from actor_data.states import VALID_CODES
from diplograph.actors.dictionary import load_petrarch_actors


def cow_map(infos: list[CountryInfo]) -> dict[str, str]:
    return {info.cow_num.lstrip("0"): info.code[:3] for info in infos if info.cow_num.strip("0")}


def collect_people(infos: list[CountryInfo], shared: Path) -> dict[tuple[str, str], Person]:
    people: dict[tuple[str, str], Person] = {}
    index: dict[tuple[str, str], Person] = {}  # (code, variant lower) -> person

    def person(code: str, names: list[str]) -> Person:
        names = [n for n in names if n.strip()] or ["Unknown"]
        for name in names:
            found = index.get((code, name.lower()))
            if found:
                break
        else:
            found = Person(title_name(names[0]), code)
            people[(code, found.name.lower())] = found
        for name in names:
            found.variants.add(title_name(name))
            index[(code, name.lower())] = found
        return found

    for info in infos:
        code = info.code[:3]
        for office, names, start, end in info.leaders:
            person(code, names).spells.append((leader_role(office), "GOV", start, end))
        for names, role, sector, start, end in info.government:
            person(code, names).spells.append((role or "Government", sector or "GOV", start, end))
    _phoenix_people(shared, person)
    return people


def _phoenix_people(shared: Path, person) -> None:  # type: ignore[no-untyped-def]
    path = shared / "data/petrarch/dictionaries/Phoenix.Countries.actors.txt"
    for actor in load_petrarch_actors(path, strict=False):
        dated = [s for s in actor.spells if s.start or s.end]
        if not dated or len(actor.spells[-1].code) == 3:
            continue
        code = dated[-1].code[:3]
        if INSTITUTION_WORDS.intersection(actor.names[0].split()) or code not in VALID_CODES:
            continue
        names = [n for n in actor.names if not re.match(r"^(PRESIDENT|PRIME MINISTER|PREMIER) ", n)]
        found = person(code, names or list(actor.names))
        for extra in actor.names:
            found.variants.add(title_name(extra))
        titled = [(s, e) for _, sec, s, e in found.spells]
        for spell in dated:
            sector = spell.code[3:6] or "GOV"
            if sector == "ELI" or spell.code[:3] != code:
                continue
            if any(overlap((spell.start, spell.end), t) for t in titled):
                continue
            found.spells.append(("Government" if sector == "GOV" else "", sector, spell.start, spell.end))


def archigos_names(shared: Path, cows: dict[str, str]) -> dict[tuple[str, str], str]:
    """(ISO3, surname lower) -> full name, read from Archigos' DBpedia links."""
    full: dict[tuple[str, str], str] = {}
    with (shared / "data/leaders/DERIVED_Archigos_4.1.csv").open(
        encoding="utf-8", errors="replace"
    ) as handle:
        for row in csv.DictReader(handle):
            match = re.search(r"resource_([^&]+)&", row.get("dbpediauri", ""))
            code = cows.get(row["ccode"].lstrip("0"))
            if not match or not code:
                continue
            name = re.sub(r"_\(.*", "", match.group(1)).replace("-5F", "_").replace("_", " ")
            name = re.sub(r"-[0-9A-F]{2}", "", name).strip()
            full[(code, row["leader"].split()[-1].lower())] = name
    return full


def add_reign(people: dict[tuple[str, str], Person], infos: list[CountryInfo], shared: Path) -> None:
    """Extend leader spells past CountryInfo with REIGN (effective leaders to 2021)."""
    cows = cow_map(infos)
    full = archigos_names(shared, cows)
    spells_by_country: dict[str, list[tuple[date, date | None, str]]] = defaultdict(list)
    with (shared / "data/leaders/leaderlist_3_21.csv").open(encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            code = cows.get(row["ccode"].lstrip("0"))
            if not code or not row["syear"]:
                continue
            start = date(int(row["syear"]), int(row["smonth"] or 1), min(int(row["sdate"] or 1), 28))
            end = date(int(row["eyear"]), int(row["emonth"] or 1), 1) if row["eyear"] else None
            spells_by_country[code].append((start, end, row["leader"].strip()))
    for code, spells in spells_by_country.items():
        spells.sort()
        lead = ""
        for start, end, name in spells:
            found = _match_person(people, code, name, full)
            offices = [r for r, _, s, e in found.spells if r in LEAD_ROLES and overlap((s, e), (start, end))]
            if offices and start < HORIZON:
                lead = min(offices, key=LEAD_ROLES.index)
            if (end is None or end > HORIZON) and lead:
                _extend(found, lead, start, end)


def _match_person(
    people: dict[tuple[str, str], Person],
    code: str,
    name: str,
    full: dict[tuple[str, str], str],
    by_surname: bool = False,
) -> Person:
    surname = name.split()[-1].lower()
    single = len(name.split()) == 1
    if single:
        name = full.get((code, surname), name)
    exact = people.get((code, title_name(name).lower()))
    if exact:
        return exact
    same = (
        []
        if not (single or by_surname)
        else [p for (c, _), p in people.items() if c == code and p.name.lower().endswith(" " + surname)]
    )
    if len(same) == 1:
        return same[0]
    new = Person(title_name(name), code, {title_name(name)})
    people[(code, new.name.lower())] = new
    return new


def _extend(person: Person, role: str, start: date, end: date | None) -> None:
    """Close an open lead spell at the REIGN end, or add a spell after the horizon."""
    for index, (r, sector, s, e) in enumerate(person.spells):
        if r == role and e is None:
            person.spells[index] = (r, sector, s, end)
            return
    if start > HORIZON or not any(r == role for r, *_ in person.spells):
        person.spells.append((role, "GOV", max(start, HORIZON) if start < HORIZON else start, end))


def add_extra_leaders(people: dict[tuple[str, str], Person]) -> None:
    """Apply the hand-written leaders_extra.tsv (facts after the sources end)."""
    for row in read_tsv(OUT / "leaders_extra.tsv"):
        name, code, role, start, end = row[:5]
        person = (
            people.get((code, name.lower()))
            or next(
                (
                    p
                    for (c, _), p in people.items()
                    if c == code and name.lower() in {v.lower() for v in p.variants}
                ),
                None,
            )
            or _match_person(people, code, name, {}, by_surname=True)
        )
        person.variants.add(name)
        person.name = name
        span = (date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None)
        person.spells = [sp for sp in person.spells if not (sp[0] == role and overlap((sp[2], sp[3]), span))]
        person.spells.append((role, "GOV", *span))


def close_open_offices(people: dict[tuple[str, str], Person]) -> None:
    """An open-ended lead office ends when the next holder of that office starts."""
    holders: dict[tuple[str, str], list[tuple[date, Person, int]]] = defaultdict(list)
    for person in people.values():
        for index, (role, _, start, _) in enumerate(person.spells):
            if role in LEAD_ROLES and start:
                holders[(person.code, role)].append((start, person, index))
    for spells in holders.values():
        spells.sort(key=lambda item: item[0])
        for (start, person, index), (nxt, other, _) in zip(spells, spells[1:], strict=False):
            role, sector, s, e = person.spells[index]
            if other is not person and (e is None or e > nxt) and nxt > start:
                person.spells[index] = (role, sector, s, nxt)


TITLE_WORDS = {
    "SECRETARY",
    "GENERAL",
    "SECRETARY-GENERAL",
    "UN",
    "U.N.",
    "UNITED",
    "NATIONS",
    "CHIEF",
    "PRESIDENT",
}


def add_igo_people(people: dict[tuple[str, str], Person], shared: Path) -> None:
    """People acting for an IGO (UN secretaries-general ...) from Phoenix.International."""
    igo_alias = {
        a.lower(): row[0]
        for row in read_tsv_path(shared / "gold/igo_codes.tsv")
        for a in [row[1], *row[2].split("; ")]
    }
    intl = load_petrarch_actors(
        shared / "data/petrarch/dictionaries/Phoenix.International.actors.txt", strict=False
    )
    codes: dict[str, str] = {}
    for actor in intl:
        for alias in actor.names:
            if alias.lower() in igo_alias and len(actor.spells) == 1 and not actor.spells[0].start:
                codes.setdefault(actor.spells[0].code, igo_alias[alias.lower()])
    for actor in intl:
        spells = [sp for sp in actor.spells if (sp.start or sp.end) and sp.code in codes]
        if not spells:
            continue
        plain = [
            n
            for n in actor.names
            if not TITLE_WORDS.intersection(n.split())
            and len(n.split()) > 1
            and all(len(w) > 2 for w in n.split())
        ]
        name = title_name(min(plain or list(actor.names), key=len))
        code = codes[spells[0].code]
        person = people.setdefault((code, name.lower()), Person(name, code))
        person.variants.update(title_name(n) for n in actor.names)
        secretary = any("SECRETARY" in n for n in actor.names)
        person.spells += [
            ("Secretary-General" if secretary else "Official", "IGO", sp.start, sp.end) for sp in spells
        ]


def people_rows(people: dict[tuple[str, str], Person]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for person in sorted(people.values(), key=lambda p: (p.code, p.name)):
        variants = sorted(v for v in person.variants | {person.name} if v)
        hyphened = [v for v in variants if "-" in v and v.replace("-", " ").lower() == person.name.lower()]
        if hyphened:
            person.name = hyphened[0]
        seen = set()
        for role, sector, start, end in person.spells:
            key = (role, sector, start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append(("|".join(variants), person.name, person.code, role, sector, fmt(start), fmt(end)))
        if not person.spells:
            rows.append(("|".join(variants), person.name, person.code, "", "", "", ""))
    return rows
