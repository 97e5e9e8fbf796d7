"""Mentions that lean on what came before: surnames, pronouns and plural groups.

They run after `compose` has emitted the names, titles and agents of the whole
article, so "Xi", "he" and "the two sides" find the people and states named earlier.
"""

from __future__ import annotations

from diplograph.actors.filters import inside_unknown_name, month_word, sentence_start
from diplograph.actors.matcher import Hit
from diplograph.actors.pronouns import NEUTER, PERSONAL, resolve_pronoun
from diplograph.actors.resolve import ArticleResolver
from diplograph.models import Actor


def plural(r: ArticleResolver, hit: Hit) -> None:
    """ "the two sides" -> the last two distinct states; "the two leaders" -> people."""
    people = hit.plural == "people"
    chosen: dict[str, Actor] = {}
    earlier = sorted((f for f in r.found if f.end <= hit.start), key=lambda f: f.start)
    for found in reversed(earlier):
        if len(found.actors) > 1:
            continue
        for actor in found.actors:
            if actor.code not in r.gaz.state_names or actor.code in chosen:
                continue
            if people and actor.kind != "person":
                continue
            chosen[actor.code] = actor if people else r.gaz.state(actor.code)
        if len(chosen) >= 2:
            break
    if len(chosen) >= 2:
        pair = tuple(list(chosen.values())[:2])
        r.emit(hit.start, hit.end, pair[::-1], "group")


def single_tokens(r: ArticleResolver, covered: set[int]) -> None:
    """Surnames of people named before (or unique in the data) and pronouns."""
    doc = r.doc
    for i, token in enumerate(doc):
        if i in covered:
            continue
        low = r.low[i]
        if low in PERSONAL or low in NEUTER:
            resolve_pronoun(r, i)
        elif token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", ""):
            if _part_of_longer_name(r, i) or month_word(r, i):
                continue
            actor = r.known.get(low)
            if actor is None and (token.pos_ == "PROPN" or not sentence_start(r, i)):
                actor = data_surname(r, low)
            if actor is not None:
                r.emit(i, i + 1, (actor,), "surname")


def _part_of_longer_name(r: ArticleResolver, i: int) -> bool:
    """ "Asea Brown Boveri": a known surname inside an unknown capitalised name."""
    probe = Hit(i, i + 1, persons=[0])
    return inside_unknown_name(r, probe)


def data_surname(r: ArticleResolver, low: str) -> Actor | None:
    """A bare surname resolves from the data only when one person holds an office that day."""
    if r.day is None:
        return None
    pids = r.gaz.surnames.get(low, [])
    active = []
    for pid in pids:
        person = r.gaz.persons[pid]
        if any(s.covers(r.day) and s.role not in ("", "Government") for s in person.spells):
            active.append(pid)
    if len(active) != 1:
        return None
    if not mentioned(r, r.gaz.persons[active[0]].code):
        return None
    return r.resolve_person(active, [], None)


def mentioned(r: ArticleResolver, code: str) -> bool:
    """Whether the article's dateline or an earlier mention names the country `code`."""
    return code == r.dateline_code or any(a.code == code for f in r.found for a in f.actors)
