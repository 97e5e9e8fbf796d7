"""Read the hit sequence: modifiers + title + name, agents, plurals, surnames, pronouns."""

from __future__ import annotations

from diplograph.actors.matcher import Hit
from diplograph.actors.resolve import DETERMINERS, IGNORED_TITLES, NAME_STOP, PERSON_NOUNS, ArticleResolver
from diplograph.models import Actor

PRONOUNS = {"he", "she", "him", "his", "her"}
MEMBER_WORDS = (("member", "states"), ("member", "countries"), ("members",), ("member", "nations"))


def modifiers(r: ArticleResolver, hits: list[Hit], j: int) -> tuple[list[str], int]:
    """State codes of the modifier run starting at hit j, and the index of its head hit."""
    codes: list[str] = []
    low = r.low
    k = j
    while k < len(hits) and hits[k].state and not hits[k].persons and not hits[k].org:
        codes.append(hits[k].state[0])  # type: ignore[index]
        if k + 1 >= len(hits):
            return codes, k + 1
        gap = tuple(low[hits[k].end : hits[k + 1].start])
        if gap not in ((), ("and",), ("&",), (",", "and"), ("'s",)):
            return codes, k + 1
        if gap and gap != ("'s",) and not hits[k + 1].state:
            return codes, k + 1
        k += 1
    return codes, k


def span_start(r: ArticleResolver, start: int) -> int:
    return start - 1 if start > 0 and r.doc[start - 1].lower_ in DETERMINERS else start


def unknown_name(r: ArticleResolver, start: int, limit: int) -> int:
    """End of a run of capitalised proper-noun tokens from `start` (start if none)."""
    end = start
    doc = r.doc
    while end < min(limit, start + 5):
        token = doc[end]
        if token.text == "-" and end > start and end + 1 < len(doc) and doc[end + 1].is_alpha:
            end += 1
            continue
        after_hyphen = end > start and doc[end - 1].text == "-"
        if not ((token.text[:1].isupper() or after_hyphen) and token.is_alpha) or token.lower_ in NAME_STOP:
            break
        if (token.pos_ not in ("PROPN", "") and not after_hyphen) or token.ent_type_ in (
            "DATE",
            "TIME",
            "GPE",
            "NORP",
        ):
            break
        end += 1
    return end


COLLECTIVE = {
    "police",
    "government",
    "military",
    "army",
    "authorities",
    "parliament",
    "court",
    "navy",
    "cabinet",
}
COLLECTIVE |= {
    "opposition",
    "junta",
    "regime",
    "administration",
    "congress",
    "senate",
    "legislature",
    "air force",
}
CONTEXT_SECTORS = {"GOV", "MIL", "COP", "OPP", "REB", "LEG", "JUD", "SPY", "UAF", "CVL", "REF", "CRM", "LAB"}


def context_agent(r: ArticleResolver, hit: Hit) -> None:
    """A bare agent ("troops", "the government") takes the country of its context."""
    text = r.doc[hit.start : hit.end].text
    head = r.doc[hit.end - 1]
    if hit.agent not in CONTEXT_SECTORS or head.pos_ not in ("NOUN", "PROPN", ""):
        return
    if (
        head.tag_ not in ("NNS", "NNPS")
        and not (not head.tag_ and head.lower_.endswith("s"))
        and text.lower() not in COLLECTIVE
        and head.lower_ not in PERSON_NOUNS
    ):
        return
    before = r.doc[hit.start - 1] if hit.start else None
    if before is not None and before.pos_ in ("ADJ", "NOUN", "PROPN") and before.lower_ not in ("the",):
        return
    if hit.start and r.doc[hit.start - 1].lower_ == "the":
        for found in reversed(r.found):
            same = [a for a in found.actors if a.name.lower().endswith(" " + text.lower())]
            if same and found.start < hit.start:
                r.emit(hit.start - 1, hit.end, (same[0],), "context")
                return
    code = r.context_code(hit.start)
    if code:
        r.emit(span_start(r, hit.start), hit.end, (r.agent_actor(code, hit.agent, text),), "context")


def compose(r: ArticleResolver, hits: list[Hit]) -> tuple[set[int], list[Hit]]:
    """Emit mentions for the hits; return the covered token positions and the plural hits."""
    covered: set[int] = set()
    plurals: list[Hit] = []
    j = 0
    while j < len(hits):
        hit = hits[j]
        if hit.persons and (hit.state or hit.org) and hit.end - hit.start == 1:
            hit.persons = []  # "Paris", "Jordan": a one-word place beats a one-word person
        if hit.org and hit.org.role != "IGO" and hit.state and hit.state[1] in ("seat", "name", "capital"):
            hit.org = None  # "the Kremlin", "the White House" stand for the state
        if hit.user or hit.org or hit.persons:
            j = named(r, hits, j)
        elif hit.state:
            j = modified(r, hits, j)
        elif hit.title:
            j = titled(r, hits, j, [], hit.start)
        elif hit.plural:
            plurals.append(hit)
            j += 1
        else:
            context_agent(r, hit)
            j += 1
    for found in r.found:
        covered.update(range(found.start, found.end))
    for hit in plurals:
        covered.update(range(hit.start, hit.end))
    return covered, plurals


def named(r: ArticleResolver, hits: list[Hit], j: int) -> int:
    hit = hits[j]
    actor: Actor | None = None
    if hit.user:
        actor = r.user_actor(hit.user)
    if actor is None and hit.persons:
        actor = r.resolve_person(hit.persons, [], None)
    nxt = hits[j + 1] if j + 1 < len(hits) else None
    if (
        actor is None
        and hit.org
        and hit.org.role != "IGO"
        and nxt is not None
        and nxt.persons
        and nxt.start == hit.end
    ):
        person = r.resolve_person(nxt.persons, [hit.org.code], None)
        if person is not None:
            r.emit(span_start(r, hit.start), nxt.end, (person,), "name")
            return j + 2
    if actor is None and hit.org:
        actor = hit.org
        end = hit.end
        low = tuple(t.lower_ for t in r.doc[end : end + 2])
        for words in MEMBER_WORDS:
            if low[: len(words)] == words:
                end += len(words)
        r.emit(span_start(r, hit.start), end, (actor,), "name")
        return j + 1
    if actor is None and hit.state:
        return modified(r, hits, j)
    if actor is not None:
        r.emit(hit.start, hit.end, (actor,), "name")
    return j + 1


def modified(r: ArticleResolver, hits: list[Hit], j: int) -> int:
    """States, possibly modifying a following title, person or agent."""
    codes, k = modifiers(r, hits, j)
    start = span_start(r, hits[j].start)
    head = (
        hits[k]
        if k < len(hits) and hits[k].start == hits[k - 1].end + _gap(r, hits[k - 1].end, hits[k].start)
        else None
    )
    if head is not None and head.persons and not head.state:
        actor = r.resolve_person(head.persons, codes, None) or r.learn(
            r.doc[head.start : head.end].text, codes[0], None
        )
        r.emit(start, head.end, (actor,), "name")
        return k + 1
    if head is not None and head.title and not head.state:
        return titled(r, hits, k, codes, start)
    hyphen = hits[j].start > 0 and r.doc[hits[j].start - 1].text == "-"
    if head is not None and head.agent and not head.state and not hyphen:
        text = r.doc[head.start : head.end].text
        r.emit(
            start, head.end, tuple(r.agent_actor(c, head.agent, text) for c in dict.fromkeys(codes)), "agent"
        )
        return k + 1
    for m in range(j, k):
        state_alone(r, hits[m])
    return k


def _gap(r: ArticleResolver, end: int, start: int) -> int:
    gap = [t.lower_ for t in r.doc[end:start]]
    return len(gap) if gap == ["'s"] else 0


def state_alone(r: ArticleResolver, hit: Hit) -> None:
    code, how = hit.state  # type: ignore[misc]
    token = r.doc[hit.start]
    if how == "adjective" and token.pos_ == "ADJ" and token.dep_ == "amod":
        return
    if how == "people" or (
        hit.end - hit.start == 1 and token.lower_.endswith(("ans", "is")) and token.tag_ == "NNPS"
    ):
        adjective = r.gaz.adjectives.get(code, token.text)
        name = token.text if how == "people" else f"{adjective}s"
        r.emit(hit.start, hit.end, (_people(code, name),), "people")
        return
    r.emit(
        span_start(r, hit.start) if token.lower_ != "the" else hit.start, hit.end, (r.gaz.state(code),), how
    )


def _people(code: str, name: str) -> Actor:
    return Actor(code, name, "group", "Civilians", "CVL", f"agent:{code}:CVL")


def titled(r: ArticleResolver, hits: list[Hit], k: int, codes: list[str], start: int) -> int:
    """A title, after optional nationality modifiers: name follows, or resolve the holder."""
    head = hits[k]
    title = head.title
    assert title is not None
    nxt = hits[k + 1] if k + 1 < len(hits) else None
    gap = nxt.start - head.end if nxt else 99
    if nxt is not None and nxt.persons and (gap == 0 or (gap == 1 and r.doc[head.end].text == ",")):
        actor = (
            r.resolve_person(nxt.persons, codes, title) if codes else r.resolve_person(nxt.persons, [], title)
        )
        if actor is None:
            actor = r.learn(r.doc[nxt.start : nxt.end].text, codes[0], title)
        r.emit(start, nxt.end, (actor,), "name")
        return k + 2
    limit = nxt.start if nxt else len(r.doc)
    end = unknown_name(r, head.end, limit)
    if end > head.end:
        name = r.doc[head.end : end].text.replace(" - ", "-")
        known = r.known.get(name.lower()) if end - head.end == 1 else None
        if known is not None and (not codes or known.code in codes):
            r.emit(start, end, (known,), "surname")
            return k + 1
        code = codes[0] if codes else r.context_code(head.start)
        if code:
            r.emit(start, end, (r.learn(name, code, title),), "learned")
        return k + 1
    if codes:
        actors = tuple(r.holder(c, title) or r.generic_holder(c, title) for c in dict.fromkeys(codes))
        r.emit(start, head.end, actors, "title")
        return k + 1
    if title.role in IGNORED_TITLES or not title.matches:
        return k + 1
    actor = last_with_role(r, title.matches) or (
        r.holder(r.dateline_code, title) if title.lead and r.dateline_code else None
    )
    if actor is not None:
        r.emit(span_start(r, head.start), head.end, (actor,), "title")
    return k + 1


def last_with_role(r: ArticleResolver, roles: tuple[str, ...]) -> Actor | None:
    for found in reversed(r.found):
        for actor in found.actors:
            if actor.kind == "person" and actor.role in roles:
                return actor
    return None


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
    """Surnames of people named before (or unique in the data) and subject pronouns."""
    doc = r.doc
    for i, token in enumerate(doc):
        if i in covered:
            continue
        low = token.lower_
        if low in PRONOUNS and token.pos_ in ("PRON", ""):
            actor = last_person(r, i)
            if actor is not None:
                r.emit(i, i + 1, (actor,), "pronoun")
        elif token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", ""):
            actor = r.known.get(low) or data_surname(r, low)
            if actor is not None:
                r.emit(i, i + 1, (actor,), "surname")


def last_person(r: ArticleResolver, i: int) -> Actor | None:
    sentence = r.sent_of[i]
    for found in reversed(r.found):
        if found.start >= i:
            continue
        if sentence - found.sentence > 4:
            return None
        people = [a for a in found.actors if a.kind == "person"]
        if len(found.actors) == 1 and people:
            return people[0]
    return None


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
    code = r.gaz.persons[active[0]].code
    if code != r.dateline_code and not any(a.code == code for f in r.found for a in f.actors):
        return None
    return r.resolve_person(active, [], None)
