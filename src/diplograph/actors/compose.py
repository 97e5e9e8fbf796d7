"""Read the hit sequence: modifiers + title + name, agents, plurals, surnames, pronouns."""

from __future__ import annotations

from dataclasses import replace

from diplograph.actors.context import context_agent, group_place
from diplograph.actors.filters import inside_unknown_name, not_an_actor
from diplograph.actors.matcher import Hit
from diplograph.actors.nouns import one_national, thing_name
from diplograph.actors.resolve import DETERMINERS, IGNORED_TITLES, NAME_STOP, ArticleResolver
from diplograph.actors.singles import mentioned
from diplograph.actors.title_names import apposition_name, title_phrase_name
from diplograph.models import Actor

QUALIFIERS = frozenset(
    {
        "former",
        "ex",
        "late",
        "then",
        "provincial",
        "regional",
        "state",
        "deputy",
        "acting",
        "interim",
        "opposition",
    }
)
PERSON_ENDINGS = ("ers", "ors", "ists", "ians", "ees", "men")
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
        if not gap and hits[k].state[1] in ("capital", "seat", "place"):  # type: ignore[index]
            return codes, k + 1  # "in Brussels Syrian groups": a place, then a nationality
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
        if _first_name(hits, j):
            hits[j + 1].start = hit.start  # the surname decides; the span keeps the given name
            j += 1
            continue
        if inside_unknown_name(r, hit) or (hit.state and not_an_actor(r, hit)):
            j += 1
            continue
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
            context_agent(r, hits, j)
            j += 1
    for found in r.found:
        covered.update(range(found.start, found.end))
    for hit in plurals:
        covered.update(range(hit.start, hit.end))
    return covered, plurals


def _first_name(hits: list[Hit], j: int) -> bool:
    """ "Scott Morrison" with only "Scott" and "Morrison" known apart: the first is a given name."""
    hit = hits[j]
    if not hit.persons or hit.state or hit.org or hit.end - hit.start != 1 or j + 1 >= len(hits):
        return False
    nxt = hits[j + 1]
    return nxt.start == hit.end and bool(nxt.persons) and nxt.end - nxt.start == 1 and not nxt.state


def named(r: ArticleResolver, hits: list[Hit], j: int) -> int:
    hit = hits[j]
    actor: Actor | None = None
    if hit.user:
        actor = r.user_actor(hit.user)
    if actor is None and hit.persons:
        actor = r.resolve_person(hit.persons, [], None)
        if actor is not None and hit.end - hit.start == 1 and " " not in actor.name:
            if not mentioned(r, actor.code) or r.doc[hit.start].pos_ not in ("PROPN", ""):
                actor = None  # a one-word name ("Christian", "Morrison") needs its country nearby
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
        if not actor.code:  # "Islamic State": only with the country of a place it acts in
            # "Al Qaeda-linked militants": a label of another group, not Al Qaeda acting there
            code = group_place(r, hits, j) if r.low[hit.end : hit.end + 1] != ["-"] else ""
            if not code:
                return j + 1
            actor = replace(actor, code=code, actor_id=f"group:{code}:{actor.actor_id.rsplit(':', 1)[-1]}")
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
    head = _head(r, hits, k)
    if head is not None and head.persons and not head.state:
        actor = r.resolve_person(head.persons, codes, None) or r.learn(
            r.doc[head.start : head.end].text, codes[0], None
        )
        r.emit(start, head.end, (actor,), "name")
        return k + 1
    if head is not None and head.title and not head.state:
        return titled(r, hits, k, codes, start)
    hyphen = hits[j].start > 0 and r.doc[hits[j].start - 1].text == "-"
    describing = head is not None and r.doc[head.end - 1].pos_ == "ADJ"  # "Hebron's Jewish enclave"
    if head is not None and head.agent and not head.state and not hyphen and not describing:
        text = r.doc[head.start : head.end].text
        r.emit(
            start, head.end, tuple(r.agent_actor(c, head.agent, text) for c in dict.fromkeys(codes)), "agent"
        )
        return k + 1
    end = hits[k - 1].end
    if head is None and not hyphen and person_noun(r, end):
        text = r.doc[end].text
        r.emit(start, end + 1, tuple(r.agent_actor(c, "CVL", text) for c in dict.fromkeys(codes)), "agent")
        return k
    for m in range(j, k):
        state_alone(r, hits[m])
    return k


def _head(r: ArticleResolver, hits: list[Hit], k: int) -> Hit | None:
    """The hit a modifier run (ending before hits[k]) modifies: the next one, if adjacent,
    or an agent the parse attaches the run to ("Palestinian stone-throwing protesters")."""
    if k >= len(hits):
        return None
    last, nxt = hits[k - 1], hits[k]
    if nxt.start == last.end + _gap(r, last.end, nxt.start):
        return nxt
    modifier = r.doc[last.end - 1]
    between = r.doc[last.end : nxt.start]
    if (
        nxt.agent
        and not nxt.state
        and len(between) <= 3
        and all(t.is_alpha or t.text == "-" for t in between)
        and modifier.dep_ in ("amod", "compound", "nmod")
        and modifier.head.i == nxt.end - 1
    ):
        return nxt
    return None


def person_noun(r: ArticleResolver, i: int) -> bool:
    """ "Filipino peacekeepers": a plural noun with a person ending right after a nationality."""
    if i >= len(r.low):
        return False
    token, word = r.doc[i], r.low[i]
    if not token.is_alpha or not token.text.islower() or r.gaz.not_people.get(word) in ("currency", "thing"):
        return False
    if token.tag_ not in ("NNS", "") or (not token.tag_ and not word.endswith("s")):
        return False
    return word.endswith(PERSON_ENDINGS)


def _gap(r: ArticleResolver, end: int, start: int) -> int:
    gap = [t.lower_ for t in r.doc[end:start]]
    return len(gap) if gap == ["'s"] else 0


def state_alone(r: ArticleResolver, hit: Hit) -> None:
    """A state on its own; a nationality on a thing stands for the state ("a Russian building",
    as CAMEO codes it), on a person or group noun it was read as an agent before."""
    code, how = hit.state  # type: ignore[misc]
    token = r.doc[hit.start]
    one = one_national(r, hit)
    if (
        how == "people"
        or one
        or (hit.end - hit.start == 1 and token.lower_.endswith(("ans", "is")) and token.tag_ == "NNPS")
    ):
        adjective = r.gaz.adjectives.get(code, token.text)
        name = token.text if how == "people" else f"{adjective}s"
        r.emit(hit.start - int(one), hit.end, (_people(code, name),), "people")
        return
    r.emit(
        span_start(r, hit.start) if token.lower_ != "the" else hit.start, hit.end, (r.gaz.state(code),), how
    )


def _people(code: str, name: str) -> Actor:
    return Actor(code, name, "group", "Civilians", "CVL", f"agent:{code}:CVL")


def titled(r: ArticleResolver, hits: list[Hit], k: int, codes: list[str], start: int) -> int:
    """A title, after optional nationality modifiers: name follows, or resolve the holder."""
    head = hits[k]
    assert head.title is not None
    nxt = hits[k + 1] if k + 1 < len(hits) else None
    gap = nxt.start - head.end if nxt else 99
    if nxt is not None and gap == 0 and (nxt.agent or nxt.org) and r.doc[nxt.start].text[:1].isupper():
        return k + 1  # "General Administration of Customs": a title word inside a name
    if nxt is not None and nxt.persons and (gap == 0 or (gap == 1 and r.doc[head.end].text == ",")):
        _title_and_person(r, head, nxt, codes, start)
        return k + 2
    long = title_phrase_name(r, hits, k, codes, start)
    if long >= 0:
        return long
    limit = nxt.start if nxt else len(r.doc)
    if not _title_and_new_name(r, head, codes, start, limit):
        _title_holder(r, head, codes, start)
    return k + 1


def _title_and_person(r: ArticleResolver, head: Hit, nxt: Hit, codes: list[str], start: int) -> None:
    """ "President Xi Jinping", "Kyrgyz President Sadyr Japarov" (learnt when not in the data)."""
    title = head.title
    actor = r.resolve_person(nxt.persons, codes, title) if codes else r.resolve_person(nxt.persons, [], title)
    code = codes[0] if codes else r.context_code(head.start)
    if actor is None and code:
        actor = r.learn(r.doc[nxt.start : nxt.end].text, code, title)
    if actor is not None:
        r.emit(start, nxt.end, (actor,), "name")


def _title_and_new_name(r: ArticleResolver, head: Hit, codes: list[str], start: int, limit: int) -> bool:
    """A title with a name the data lacks, in apposition or right after it; True when handled."""
    title = head.title
    appos = apposition_name(r, head)
    if appos is not None and (codes or r.context_code(head.start)):
        name = r.doc[appos[0] : appos[1]].text
        r.emit(
            start, appos[1], (r.learn(name, (codes or [r.context_code(head.start)])[0], title),), "learned"
        )
        return True
    end = unknown_name(r, head.end, limit)
    if end <= head.end:
        return False
    if thing_name(r, head.end - 1):
        return True  # "the General Agreement on Tariffs and Trade": a title word in a name
    name = r.doc[head.end : end].text.replace(" - ", "-")
    known = r.known.get(name.lower()) if end - head.end == 1 else None
    if known is not None and (not codes or known.code in codes):
        r.emit(start, end, (known,), "surname")
        return True
    code = codes[0] if codes else r.context_code(head.start)
    if code:
        r.emit(start, end, (r.learn(name, code, title),), "learned")
    return True


def _title_holder(r: ArticleResolver, head: Hit, codes: list[str], start: int) -> None:
    """A title alone: the holder on the article's day ("the Russian president"), or the last
    person named with that role ("the president")."""
    title = head.title
    assert title is not None
    past = _not_the_holder(r, start, head.end)
    if codes:
        actors = tuple(
            (None if past else r.holder(c, title)) or r.generic_holder(c, title) for c in dict.fromkeys(codes)
        )
        r.emit(start, head.end, actors, "title")
        return
    if title.role in IGNORED_TITLES or not title.matches or _plural_or_modifier(r, head) or past:
        return
    actor = last_with_role(r, title.matches) or (
        r.holder(r.dateline_code, title) if title.lead and r.dateline_code else None
    )
    if actor is not None:
        r.emit(span_start(r, head.start), head.end, (actor,), "title")


def _not_the_holder(r: ArticleResolver, start: int, end: int) -> bool:
    """ "former president", "the provincial premier", "premier, Ralph Klein": not today's holder."""
    before = r.low[start - 1] if start else ""
    if before in QUALIFIERS or (start and r.low[start] in QUALIFIERS):
        return True
    return (
        end + 1 < len(r.low)
        and r.low[end] == ","
        and r.doc[end + 1].text[:1].isupper()
        and r.doc[end + 1].is_alpha
        and r.doc[end + 1].pos_ in ("PROPN", "")
    )


def _plural_or_modifier(r: ArticleResolver, head: Hit) -> bool:
    """ "foreign ministers", "a presidents' meeting", "prime minister post": not one holder."""
    token = r.doc[head.end - 1]
    if token.tag_ in ("NNS", "NNPS") or (not token.tag_ and r.low[head.end - 1].endswith("s")):
        return True
    return token.dep_ == "compound" and token.head.i > token.i


def last_with_role(r: ArticleResolver, roles: tuple[str, ...]) -> Actor | None:
    for found in reversed(r.found):
        for actor in found.actors:
            if actor.kind == "person" and actor.role in roles:
                return actor
    return None
