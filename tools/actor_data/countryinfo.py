"""Read CountryInfo.120116.txt: leaders, government members and their role labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from actor_data.common import WL_START, norm, ymd


@dataclass
class CountryInfo:
    code: str
    name: str
    cow_alpha: str = ""
    cow_num: str = ""
    nationality: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    leaders: list[tuple[str, list[str], date | None, date | None]] = field(
        default_factory=list
    )  # office, names
    government: list[tuple[list[str], str, str, date | None, date | None]] = field(default_factory=list)


def leader_role(office: str) -> str:
    low = office.lower().replace("_", " ")
    table = [
        ("prime minister", "Prime Minister"),
        ("premier", "Prime Minister"),  # a premier heads the government: one label for both
        ("chancellor", "Chancellor"),
        ("vice-president", "Vice President"),
        ("president", "President"),
        ("king", "King"),
        ("queen", "Queen"),
        ("emperor", "Emperor"),
        ("emir", "Emir"),
        ("sultan", "Sultan"),
        ("general secretar", "General Secretary"),
        ("shah", "Shah"),
        ("governor", "Governor"),
        ("head of state", "Head of State"),
        ("heads of state", "Head of State"),
    ]
    for needle, role in table:
        if low.startswith(needle) or (needle == "prime minister" and "prime minister" in low):
            return role
    words = office.replace("_", " ").split("(")[0].split()
    small = {"of", "the", "and", "for", "to"}
    return singular_role(" ".join(w if w in small else w[:1].upper() + w[1:] for w in words))


def singular_role(role: str) -> str:
    """ "Speakers of the House" -> "Speaker of the House": CountryInfo headers are plural."""
    head, sep, rest = (re.split(r"( of | to | for )", role, maxsplit=1) + ["", ""])[:3]
    words = head.split()
    if words and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "Affairs")):
        words[-1] = words[-1][:-1]
    return " ".join(words) + sep + rest


def government_role(title: str) -> str:
    """Shorten a CIA World Leaders title to the form news uses."""
    t = title.strip().strip('"')
    rules = [
        (r"^(Minister|Secretary) (of|for) (State for )?Foreign (Affairs|Relations)", "Foreign Minister"),
        (r"^Minister of (National |State for )?Defen[cs]e", "Defense Minister"),
        (r"^Secretary of Defense", "Defense Secretary"),
        (
            r"^Minister of (the )?Interior|^Minister of Internal Affairs|^Minister of Home Affairs",
            "Interior Minister",
        ),
        (r"^Minister of Finance", "Finance Minister"),
        (r"^(Prime Minister|Premier)(,.*)?$", "Prime Minister"),
        (r"^President$", "President"),
    ]
    for pattern, role in rules:
        if re.search(pattern, t):
            return role
    return singular_role(t.split(",")[0].strip() if t.startswith("Chairman,") is False else t)


DATE_SPAN = re.compile(r"\[\s*(>|<)?\s*(\d{8})\s*(?:-\s*(\d{8}))?\s*\]")
GOV_SPAN = re.compile(r"\[([A-Z]{3,})\s*(<|>)?\s*(\d{8})?\s*(?:-\s*(\d{8}))?\s*\]")


def names_of(head: str) -> list[str]:
    if "{" in head:
        return [norm(n) for n in re.findall(r"\{([^}]*)\}", head)]
    return [norm(head)]


def parse_countryinfo(path: Path) -> list[CountryInfo]:
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    countries = []
    for block in re.findall(r"<Country>(.*?)</Country>", text, flags=re.S):
        countries.append(_country(block))
    return countries


def _field(block: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", block, flags=re.S)
    return match.group(1) if match else ""


def _lines(body: str) -> list[str]:
    return [norm(line.split("#")[0]) for line in body.splitlines() if norm(line.split("#")[0])]


def _country(block: str) -> CountryInfo:
    info = CountryInfo(_field(block, "CountryCode").strip(), norm(_field(block, "CountryName")).title())
    info.cow_alpha, info.cow_num = _field(block, "COW-Alpha").strip(), _field(block, "COW-Numeric").strip()
    info.nationality = _lines(_field(block, "Nationality"))
    info.capitals = _lines(_field(block, "Capital"))
    info.cities = _lines(_field(block, "MajorCities"))
    office = ""
    for raw in _field(block, "Leaders").splitlines():
        line = raw.split("#")[0].strip()
        tag = re.match(r"^<([^/][^>]*)>$", line)
        if tag:
            office = tag.group(1)
            continue
        span = DATE_SPAN.search(line)
        if not line or line.startswith("</") or not span:
            continue
        head = line[: line.index("[")]
        start, end = _span_dates(span)
        info.leaders.append((office, names_of(head), start, end))
    _government(block, info)
    return info


def _span_dates(span: re.Match[str]) -> tuple[date | None, date | None]:
    mark, first, last = span.group(1), span.group(2), span.group(3)
    if mark == ">":
        return ymd(first), None
    if mark == "<":
        return None, ymd(first)
    return ymd(first), ymd(last) if last else ymd(first)


def _government(block: str, info: CountryInfo) -> None:
    header = ""
    for raw in _field(block, "Government").splitlines():
        head_match = re.match(r"^\s*#\s*<([^>]+)>", raw)
        if head_match:
            header = head_match.group(1)
            continue
        body, _, comment = raw.partition("#")
        if "[" not in body:
            continue
        titles = [t.strip() for t in comment.split("&")] if comment.strip() else [header]
        names = names_of(body[: body.index("[")])
        for index, span in enumerate(GOV_SPAN.finditer(body)):
            code, mark, first, last = span.groups()
            if code in ("B", "D") or not code.startswith(info.code[:3]):
                continue
            # "<date": in office when the World Leaders coding began (Jan 2003) until date
            start, end = (
                (ymd(first), None)
                if mark == ">"
                else (WL_START, ymd(first))
                if mark == "<"
                else (ymd(first or ""), ymd(last or ""))
            )
            title = titles[index] if index < len(titles) else titles[-1]
            info.government.append((names, government_role(title) if title else "", code[3:6], start, end))
