"""Read actor dictionaries: our own TSV/YAML form and the PETRARCH/CAMEO formats.

The PETRARCH readers follow the rules of PETRARCH2's reader (primary phrase,
`+synonym` lines, tab-indented `[CODE date]` restrictions, `#`/`<!-- -->`
comments), so the Phoenix dictionaries and user files in that format load
alike. Malformed lines raise DictionaryError(path, line, problem); the build
script passes `strict=False` to skip the few broken lines of the big files.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from diplograph.errors import DictionaryError
from diplograph.models import ActorKind

log = logging.getLogger(__name__)

KINDS: tuple[ActorKind, ...] = ("state", "person", "organisation", "group")
USER_COLUMNS = ("name", "code", "kind", "role", "sector", "start", "end")


@dataclass(frozen=True, slots=True)
class CodeSpell:
    """One code of a PETRARCH actor, valid from `start` to `end` (None = open)."""

    code: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class PetrarchActor:
    """A PETRARCH actor record: its phrases and its (date-restricted) codes."""

    names: tuple[str, ...]
    spells: tuple[CodeSpell, ...]
    comment: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agent phrase ("police", "troops") and its CAMEO agent code."""

    phrase: str
    code: str
    line: int = 0

    @property
    def sector(self) -> str:
        """The first three-letter sector of the code ("~GOVFRM" -> "GOV")."""
        return self.code.replace("~", "")[:3].upper()


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A resolved dictionary entry: what the component matches and returns."""

    name: str
    code: str
    kind: ActorKind
    role: str = ""
    sector: str = ""
    start: date | None = None
    end: date | None = None
    aliases: tuple[str, ...] = ()


def parse_date(text: str, where: tuple[str, int] | None = None) -> date | None:
    """Read YYYYMMDD, YYMMDD (00-30 -> 20YY, as PETRARCH) or YYYY-MM-DD; '' is None."""
    raw = text.strip().replace("-", "") if len(text.strip()) == 10 else text.strip()
    if not raw:
        return None
    try:
        if len(raw) == 6 and raw.isdigit():
            year = int(raw[:2])
            return date(2000 + year if year <= 30 else 1900 + year, int(raw[2:4]), int(raw[4:6]))
        if len(raw) == 8 and raw.isdigit():
            return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        pass
    if where is None:
        raise ValueError(f"bad date {text!r}")
    raise DictionaryError(where[0], where[1], f"cannot read the date {text!r} (use YYYYMMDD)")


def _clean_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) without comments and blank lines."""
    in_comment = False
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if in_comment:
                if "-->" not in line:
                    continue
                line, in_comment = line.split("-->", 1)[1], False
            while "<!--" in line:
                head, _, tail = line.partition("<!--")
                if "-->" in tail:
                    line = head + tail.split("-->", 1)[1]
                else:
                    line, in_comment = head, True
            line = line.split("#", 1)[0].split(";", 1)[0]
            if line.strip() and line.strip() != "---STOP---":
                yield number, line


_RESTRICTION = re.compile(r"\[([^\]]*)\]")


def _parse_spell(body: str, where: tuple[str, int]) -> CodeSpell:
    """Read the inside of one `[CODE restriction]`."""
    parts = body.split(None, 1)
    if not parts:
        raise DictionaryError(*where, "empty code in []")
    code, rest = parts[0].upper(), (parts[1].replace(" ", "") if len(parts) > 1 else "")
    if not rest:
        return CodeSpell(code)
    if rest[0] in "<>":
        when = parse_date(rest[1:], where)
        return CodeSpell(code, end=when) if rest[0] == "<" else CodeSpell(code, start=when)
    if "-" in rest:
        first, _, last = rest.partition("-")
        start, end = parse_date(first, where), parse_date(last, where)
        if start and end and end < start:
            raise DictionaryError(*where, "the end date is before the start date")
        return CodeSpell(code, start, end)
    raise DictionaryError(*where, f"cannot read the date restriction {rest!r}")


def _spells(text: str, where: tuple[str, int], strict: bool) -> list[CodeSpell]:
    if text.count("[") != text.count("]"):
        if strict:
            raise DictionaryError(*where, "unbalanced [ ] in code")
        return []
    found: list[CodeSpell] = []
    for body in _RESTRICTION.findall(text):
        try:
            found.append(_parse_spell(body, where))
        except DictionaryError:
            if strict:
                raise
            log.warning("%s:%d: skipped a malformed code [%s]", where[0], where[1], body)
    return found


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def load_petrarch_actors(path: str | Path, strict: bool = True) -> list[PetrarchActor]:
    """Read a PETRARCH/TABARI actor dictionary (e.g. Phoenix.Countries.actors.txt).

    Consecutive name lines without codes share the codes that follow them, as in
    PETRARCH's own reader.
    """
    path = Path(path)
    actors: list[PetrarchActor] = []
    names: list[str] = []
    spells: list[CodeSpell] = []
    first_line = 0

    def flush() -> None:
        if names and spells:
            actors.append(PetrarchActor(tuple(names), tuple(spells), line=first_line))

    for number, line in _clean_lines(path):
        where = (str(path), number)
        if line[0] in " \t":
            if "[" not in line:
                if strict:
                    raise DictionaryError(*where, "an indented line must hold a [CODE date] restriction")
                continue
            if not names:
                raise DictionaryError(*where, "a code restriction comes before any actor name")
            spells.extend(_spells(line, where, strict))
            continue
        text = line.strip()
        if text.startswith("+"):
            if not names:
                raise DictionaryError(*where, "a '+' synonym comes before any actor name")
            names.append(_phrase(text[1:].split("[", 1)[0]))
            spells.extend(_spells(text, where, strict))
            continue
        if spells:
            flush()
            names, spells = [], []
        if not names:
            first_line = number
        name = _phrase(text.split("[", 1)[0])
        if not name:
            raise DictionaryError(*where, "a code without an actor name")
        names.append(name)
        spells.extend(_spells(text, where, strict))
    flush()
    return actors


def _agent_forms(phrase: str, plural: str | None) -> list[str]:
    """The singular and plural phrases, with PETRARCH's regular plural rule."""
    if plural is not None:
        return [phrase] + ([plural] if plural else [])
    if phrase.endswith("Y") and not phrase.endswith(("AY", "EY", "OY")):
        return [phrase, phrase[:-1] + "IES"]
    if phrase.endswith("S"):
        return [phrase, phrase + "ES"]
    return [phrase, phrase + "S"]


def load_petrarch_agents(path: str | Path, strict: bool = True) -> list[AgentEntry]:
    """Read a PETRARCH agents dictionary (`PHRASE {PLURAL} [~CODE]`, `!X! = a, b`)."""
    path = Path(path)
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in _clean_lines(path):
        where = (str(path), number)
        text = line.strip()
        if "=" in text and text.startswith("!"):
            name, _, values = text.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        try:
            entries.extend(_agent_line(text, where, markers))
        except DictionaryError:
            if strict:
                raise
            log.warning("%s:%d: skipped a malformed agent line", *where)
    return entries


def _agent_line(text: str, where: tuple[str, int], markers: dict[str, list[str]]) -> list[AgentEntry]:
    if "[" not in text or "]" not in text.split("[", 1)[1]:
        raise DictionaryError(*where, "an agent needs a [~CODE]")
    head, _, rest = text.partition("[")
    code = rest.split("]", 1)[0].strip()
    if not code or "~" not in code:
        raise DictionaryError(*where, f"agent code {code!r} must contain '~' (e.g. [~GOV])")
    plural: str | None = None
    if "{" in head:
        if "}" not in head:
            raise DictionaryError(*where, "missing '}' after the plural")
        plural = _phrase(head[head.index("{") + 1 : head.index("}")])
        head = head[: head.index("{")]
    phrase = _phrase(head)
    forms = [phrase]
    match = re.search(r"!(\w+)!", phrase)
    if match:
        if match.group(1) not in markers:
            raise DictionaryError(*where, f"substitution marker !{match.group(1)}! is not defined")
        forms = [phrase.replace(match.group(0), sub) for sub in markers[match.group(1)]]
        return [AgentEntry(_phrase(form), code, where[1]) for form in forms]
    return [AgentEntry(form, code, where[1]) for form in _agent_forms(phrase, plural)]


def _entry_from_mapping(row: dict[str, Any], where: tuple[str, int]) -> ActorEntry:
    name = str(row.get("name") or "").strip()
    code = str(row.get("code") or "").strip().upper()
    kind = str(row.get("kind") or "person").strip()
    if not name or not code:
        raise DictionaryError(*where, "every actor needs a name and a code")
    if kind not in KINDS:
        raise DictionaryError(*where, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|") if a.strip()]
    return ActorEntry(
        name=name,
        code=code,
        kind=kind,  # type: ignore[arg-type]
        role=str(row.get("role") or "").strip(),
        sector=str(row.get("sector") or "").strip().upper(),
        start=parse_date(str(row.get("start") or ""), where),
        end=parse_date(str(row.get("end") or ""), where),
        aliases=tuple(str(a).strip() for a in aliases),
    )


def load_user_actors(path: str | Path) -> list[ActorEntry]:
    """Read a user dictionary: YAML (a list of mappings) or TSV (USER_COLUMNS)."""
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return _load_yaml(path)
    entries: list[ActorEntry] = []
    with path.open(encoding="utf-8") as handle:
        for number, cells in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            if number == 1 and cells[0].strip().lower() == "name":
                continue
            if len(cells) < 2 or len(cells) > len(USER_COLUMNS) + 1:
                raise DictionaryError(str(path), number, f"expected the columns {', '.join(USER_COLUMNS)}")
            row = dict(zip(USER_COLUMNS + ("aliases",), cells, strict=False))
            entries.append(_entry_from_mapping(row, (str(path), number)))
    return entries


def _load_yaml(path: Path) -> list[ActorEntry]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DictionaryError(str(path), (mark.line + 1) if mark else 0, "not valid YAML") from exc
    if isinstance(data, dict):
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise DictionaryError(str(path), 1, "expected a list of actors (or 'actors:' with a list)")
    entries = []
    for index, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            raise DictionaryError(str(path), index, "each actor must be a mapping with name and code")
        entries.append(_entry_from_mapping(row, (str(path), index)))
    return entries


def petrarch_entries(actors: list[PetrarchActor]) -> list[ActorEntry]:
    """Turn PETRARCH records into entries: code = first three letters, sector the next three."""
    entries: list[ActorEntry] = []
    for actor in actors:
        name = actor.names[0].title()
        dated = any(s.start or s.end for s in actor.spells)
        for spell in actor.spells:
            code, sector = spell.code[:3], spell.code[3:6]
            kind: ActorKind = "person" if dated else ("organisation" if sector else "state")
            if code in ("---", ""):
                continue
            entries.append(ActorEntry(name, code, kind, "", sector, spell.start, spell.end, actor.names))
    return entries


def is_agent_file(path: Path) -> bool:
    """Guess whether a PETRARCH .txt file is an agents dictionary ("[~GOV]")."""
    text = path.read_text(encoding="utf-8", errors="replace")[:20000]
    return text.count("[~") + text.count("~]") > text.count("\n+") // 2 + 1


def load_actor_file(path: str | Path) -> tuple[list[ActorEntry], list[AgentEntry]]:
    """Load any supported user file, choosing the reader by suffix and content."""
    path = Path(path)
    if not path.is_file():
        raise DictionaryError(str(path), 0, "no such file")
    if path.suffix.lower() in (".yaml", ".yml", ".tsv"):
        return load_user_actors(path), []
    if is_agent_file(path):
        return [], load_petrarch_agents(path)
    return petrarch_entries(load_petrarch_actors(path)), []
