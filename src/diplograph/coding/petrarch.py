"""Read PETRARCH/TABARI verb dictionaries (CAMEO.2.0.txt and its relatives).

The format: synonym sets (`&NAME` then `+WORD` lines), then blocks headed
`--- NAME [code] ---`, each with verb lines (`WORD {IRREGULAR FORMS} [code]`,
`+WORD_PARTICLE` for multi-word verbs) and pattern lines
(`- pre * post [code] # comment`). Both the packaged data (built by
tools/build_cameo_data.py) and user dictionaries go through this reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.errors import DictionaryError

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")


@dataclass(slots=True)
class VerbDictionary:
    """Verbs (form -> block, own code), patterns (block -> [(pattern, code)]) and synsets."""

    verbs: dict[str, tuple[str, str]] = field(default_factory=dict)
    patterns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    synsets: dict[str, list[str]] = field(default_factory=dict)


# Pattern syntax marks, and the words of phrasal-verb patterns (particles and prepositions).
PATTERN_MARKS = frozenset({"*", "(", ")", "+", "$", "^", "%", "|"})
PHRASAL_WORDS = frozenset(
    {"OFF", "UP", "OUT", "DOWN", "BACK", "AWAY", "ON", "IN", "OVER", "WITH", "TO", "AT", "FOR", "FROM",
     "AGAINST", "INTO", "ONTO", "ABOUT", "OF", "BY", "UPON", "TOWARD", "TOWARDS", "THROUGH", "AHEAD", "ALONG"}
)  # fmt: skip


def parse_code(text: str) -> str:
    """Return the code of `[042:043]`-style text as "042:043" (source->target, then
    target->source), "042", or '' when there is no source->target code."""
    match = _CODE.search(text)
    if not match:
        return ""
    parts = [p.strip() for p in match.group(1).split(":")]
    if not parts[0].isdigit():
        return ""
    if len(parts) > 1 and parts[1].isdigit():
        return f"{parts[0]}:{parts[1]}"
    return parts[0]


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _add_verb(vd: VerbDictionary, line: str, block: str, default: str) -> None:
    """Record a verb line: its base form and any irregular forms point at `block`."""
    code = parse_code(line) or default
    forms_match = _FORMS.search(line)
    head = _CODE.sub("", _FORMS.sub("", line)).strip().split()
    if not head:
        return
    base = head[0].lstrip("+").upper()
    vd.verbs.setdefault(base, (block, code))
    if forms_match:
        for form in forms_match.group(1).split():
            vd.verbs.setdefault(form.lstrip("+").upper(), (block, code))


def _add_pattern(vd: VerbDictionary, line: str, block: str, verb: str = "") -> None:
    """Record a pattern; one of function words only ("* OFF", "* ( FOR )") is a phrasal verb's
    meaning and keeps to the verb its comment names ("press on", not "campaign on"): `@PRESS`."""
    code = parse_code(line)
    body = _CODE.sub("", line[1:]).strip()
    if code and "*" in body:
        body = " ".join(body.replace("(", " ( ").replace(")", " ) ").split())
        words = {w for w in body.split() if w not in PATTERN_MARKS}
        if verb and words and words <= PHRASAL_WORDS:
            body = f"{body} @{verb}"
        vd.patterns.setdefault(block, []).append((body, code))


def _comment_verb(raw: str, members: set[str]) -> str:
    """The verb a pattern line's comment names ("# PRESS"), if it is one of the block's."""
    comment = raw.split("#", 1)[1].split() if "#" in raw else []
    word = comment[0].upper() if comment else ""
    return word if word in members else ""


def read_verb_dictionary(path: Path) -> VerbDictionary:
    """Parse a PETRARCH verb dictionary file.

    Raises:
        DictionaryError: when the file cannot be read.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read: {exc}") from exc
    return parse_verb_lines(lines)


def parse_verb_lines(lines: list[str]) -> VerbDictionary:
    """Parse the lines of a PETRARCH verb dictionary (see the module docstring)."""
    vd = VerbDictionary()
    block, default, synset = "", "", ""
    members: set[str] = set()
    for raw in lines:
        line = _strip_comment(raw)
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            synset = "" if not stripped else synset
            continue
        header = _HEADER.match(stripped)
        if header:
            block, default, synset = header.group(1).upper(), parse_code(stripped), ""
            vd.patterns.setdefault(block, [])
            members = {block}
        elif stripped.startswith("&"):
            synset = stripped.split()[0].upper()
            vd.synsets.setdefault(synset, [])
        elif synset and stripped.startswith("+"):
            vd.synsets[synset].append(stripped[1:].strip().upper())
        elif stripped.startswith("-") and block:
            _add_pattern(vd, stripped, block, _comment_verb(raw, members))
        elif block and stripped[0].isalpha() or (block and stripped.startswith("+")):
            _add_verb(vd, stripped, block, default)
            members.add(stripped.lstrip("+").split()[0].upper())
    return vd
