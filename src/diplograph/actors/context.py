"""Which country a bare agent noun ("the police", "troops", "rebels") belongs to.

Better missing than wrong: a bare agent takes a country only from something that
plausibly governs it, tried in this order:

1. a place right after it: "police in Hebron", "rebels from Darfur", "the army of Mali"
   (for the military only "of": troops "in" or "from" a country are often foreign);
2. an earlier agent of the same sector: "Israeli troops ... the soldiers";
3. a state of the same sentence, then paragraph, that can own it: for state-run
   sectors (GOV, MIL, COP, LEG, JUD, SPY) a state named as an actor, its institutions
   or officials; for rebels, protesters and armed groups only a place they can be in
   (a city, a capital, "in Syria"): "Israeli troops fired on protesters" or "the US
   said insurgents attacked" give them no country;
4. a place named later in the same sentence ("Government forces shelled rebel positions
   in Aleppo", "insurgents bombarded Syria's second city"); for a legislature also a head
   of state or government named later ("Congress is asking Obama");
5. the dateline's country.

"pro-Russia rebels" are rebels whatever they are for: the state in the hyphenated
modifier gives them no country.

Plain people ("children", "women", "victims", "refugees") are left out unless a
nationality sits on the noun itself: they carry no country of their own. Civilians
organised where they live ("war veterans", "villagers", "mourners"; kind `local` in
not_people.tsv) are placed like protesters: the place of the event, else the dateline
("war veterans staged a sit-in in front of the German embassy here" -> the dateline's
country; an embassy stands in its host country). Settlers are `foreign`: they are not of
the place they settle.
"""

from __future__ import annotations

from dataclasses import replace

from diplograph.actors.matcher import Hit
from diplograph.actors.pronouns import last_person, state_antecedent
from diplograph.actors.resolve import PERSON_NOUNS, ArticleResolver, Found

STATE_RUN = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
NON_STATE = frozenset({"OPP", "REB", "UAF"})
CONTEXT_SECTORS = STATE_RUN | NON_STATE
COLLECTIVE = frozenset(
    {
        "police",
        "government",
        "military",
        "army",
        "authorities",
        "parliament",
        "court",
        "navy",
        "cabinet",
        "opposition",
        "junta",
        "regime",
        "administration",
        "congress",
        "senate",
        "legislature",
        "air force",
    }
)
# Mentions that name a state as an actor or a place (not a person, group or agent).
STATE_HOWS = frozenset({"name", "seat", "capital", "place", "pronoun"})
ACTOR_HOWS = frozenset({"name", "title", "learned", "surname", "agent", "context", "pronoun", "quote"})
SECTOR_PARAGRAPHS = 5  # how far back "the soldiers" looks for "Israeli troops"
OWNERS = frozenset({"its", "his", "her"})
STANCES = frozenset({"pro", "anti"})
WHERE_WORDS = frozenset({"in", "over", "across", "inside", "throughout"})
REGION_WORDS = frozenset(
    {"eastern", "western", "northern", "southern", "central", "east", "west", "north", "south"}
)
MEETING_NOUNS = frozenset(
    {"meeting", "summit", "conference", "talks", "forum", "session", "gathering", "assembly", "congress", "ceremony"}
)
LEADER_ROLES = frozenset({"President", "Prime Minister", "Chancellor", "King"})


def is_bare_agent(r: ArticleResolver, hit: Hit) -> bool:
    """A plural or collective agent noun standing alone as a noun phrase."""
    text = r.doc[hit.start : hit.end].text.lower()
    head = r.doc[hit.end - 1]
    local = r.gaz.not_people.get(text) == "local"
    if (hit.agent not in CONTEXT_SECTORS and not local) or head.pos_ not in ("NOUN", "PROPN", ""):
        return False
    if r.gaz.not_people.get(text) == "foreign":
        return False  # peacekeepers, mercenaries: seldom of the country they are in
    plural = head.tag_ in ("NNS", "NNPS") or (not head.tag_ and head.lower_.endswith("s"))
    if not (plural or text in COLLECTIVE or head.lower_ in PERSON_NOUNS):
        return False
    if _hyphenated(r, hit.start, hit.end) or _noun_modifier(r, hit):
        return False
    before = r.doc[hit.start - 1] if hit.start else None
    if _pro_modifier(r, hit.start):
        return True
    return before is None or before.pos_ not in ("ADJ", "NOUN", "PROPN") or before.lower_ == "the"


def _pro_modifier(r: ArticleResolver, start: int) -> bool:
    """ "pro-Russia rebels", "anti-government protesters": a stance, not an owner."""
    return start >= 3 and r.low[start - 3] in STANCES and r.low[start - 2] == "-"


def _hyphenated(r: ArticleResolver, start: int, end: int) -> bool:
    """ "military-ruled", "army-backed": part of a hyphenated modifier."""
    return (start > 0 and r.low[start - 1] == "-") or (end < len(r.low) and r.low[end] == "-")


def _noun_modifier(r: ArticleResolver, hit: Hit) -> bool:
    """ "an army hospital", "a parliament committee": the noun only modifies another noun."""
    head = r.doc[hit.end - 1]
    return head.dep_ == "compound" and head.head.i > head.i


def context_agent(r: ArticleResolver, hits: list[Hit], j: int) -> None:
    """Emit a bare agent ("troops", "the government") with the country that governs it."""
    hit = hits[j]
    if not is_bare_agent(r, hit):
        return
    text = r.doc[hit.start : hit.end].text
    if hit.start and r.low[hit.start - 1] == "the":
        for found in reversed(r.found):
            same = [a for a in found.actors if a.name.lower().endswith(" " + text.lower())]
            if same and found.start < hit.start:
                r.emit(hit.start - 1, hit.end, (same[0],), "context")
                return
    # "veterans", "villagers": civilians organised where they live, placed like protesters
    sector = "OPP" if r.gaz.not_people.get(text.lower()) == "local" else hit.agent
    owned = owner_after(r, hits, j)
    if owned == "":
        return  # "officials from an unknown man's party": not the country of earlier officials
    armed = hit.agent in ("MIL", "COP")  # "Israeli troops ... a Palestinian policeman ... soldiers"
    code = (
        owner_code(r, hit.start)
        or (owned or "")
        or place_after(r, hits, j)
        or (same_sector(r, hit) if armed else "")
        or paragraph_state(r, hit.start, sector, same_sentence=True)
        or same_sector(r, hit)
        or paragraph_state(r, hit.start, sector)
        or (later_place(r, hits, j, sector) if sector == hit.agent else "")
        or r.dateline_code
    )
    if code:
        start = hit.start - 1 if hit.start and r.low[hit.start - 1] in ("the", "a", "an") else hit.start
        actor = r.agent_actor(code, hit.agent, text)
        if sector != hit.agent and protesting(r, hit):
            actor = replace(actor, role="Protesters")
        r.emit(start, hit.end, (actor,), "context")


def protesting(r: ArticleResolver, hit: Hit) -> bool:
    """Whether the noun is the subject of a protest ("war veterans staged a sit-in", "villagers
    marched to protest"): a civilian group is named by what it does there."""
    token = r.doc[hit.end - 1]
    while token.dep_ in ("pobj", "prep", "conj", "appos") and token.head is not token:
        token = token.head  # "dozens of war veterans" -> "dozens"
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    words = r.gaz.protest_words
    acts = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "xcomp", "advcl", "conj"))]
    # "a sit-in" is parsed as "in" with the compound "sit"
    named = [*acts, *(c for t in acts[1:] for c in t.children if c.dep_ == "compound")]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in named)


def owner_code(r: ArticleResolver, start: int) -> str:
    """ "its forces", "his government": the country of the owner the pronoun refers to."""
    if not start or r.low[start - 1] not in OWNERS:
        return ""
    owner = r.low[start - 1]
    found = state_antecedent(r, start - 1) if owner == "its" else last_person(r, start - 1)
    return found.code if found is not None and found.code in r.gaz.state_names else ""


def owner_after(r: ArticleResolver, hits: list[Hit], j: int) -> str | None:
    """ "officials from Tshisekedi's party", "members of Russia's parliament": the owner
    named with "'s" decides, whatever an earlier sentence said ("" when the owner is
    unknown: then nothing else may; None when there is no such owner)."""
    hit = hits[j]
    i = hit.end + 1 + int(r.low[hit.end + 1 : hit.end + 2] == ["the"])
    if hit.end >= len(r.low) or r.low[hit.end] not in ("from", "of"):
        return None
    end = i
    while end < len(r.doc) and r.doc[end].text[:1].isupper() and end - i < 4:
        end += 1
    if end == i or r.low[end : end + 1] != ["'s"]:
        return None
    nxt = next((h for h in hits[j + 1 :] if h.start == i and h.end == end), None)
    if nxt is None:
        return ""
    if nxt.persons:
        person = r.resolve_person(nxt.persons, [], None)
        return person.code if person is not None else ""
    if nxt.org is not None:
        return nxt.org.code if nxt.org.code in r.gaz.state_names else ""
    return nxt.state[0] if nxt.state else ""


def place_after(r: ArticleResolver, hits: list[Hit], j: int) -> str:
    """ "police in Hebron", "troops from Chad", "the army of Mali"."""
    hit = hits[j]
    if j + 1 >= len(hits) or hit.end >= len(r.low):
        return ""
    word = r.low[hit.end]
    if word not in ("in", "from", "of") or (word != "of" and hit.agent == "MIL"):
        return ""  # "troops in Iraq", "withdraw troops from Syria": often foreign troops
    nxt = hits[j + 1]
    gap = nxt.start - hit.end
    if nxt.state and not nxt.persons and (gap == 1 or (gap == 2 and r.low[hit.end + 1] == "the")):
        return nxt.state[0] if nxt.state[1] != "adjective" or gap == 1 else ""
    return ""


def group_place(r: ArticleResolver, hits: list[Hit], j: int) -> str:
    """The country a transnational group (no code of its own) acts in: a place named in the
    same sentence ("Islamic State fighters seized Mosul", "in Yemen"), else nothing."""
    sentence = r.sent_of[hits[j].start]
    for found in reversed(r.found):
        if found.sentence != sentence:
            break
        if len(found.actors) == 1 and _where_how(r, found.how, found.start):
            return found.actors[0].code
    for nxt in hits[j + 1 :]:
        if r.sent_of[nxt.start] != sentence:
            break
        if nxt.state and not nxt.persons and _where_how(r, nxt.state[1], nxt.start):
            return nxt.state[0]
    return ""


def _where(r: ArticleResolver, found: Found) -> bool:
    return _where_how(r, found.how, found.start) or found.how == "people"


def _where_how(r: ArticleResolver, how: str, start: int) -> bool:
    """A place, a capital, or a country after "in" ("the bombing in Yemen")."""
    if start > 1 and r.low[start - 1] in REGION_WORDS:
        start -= 1  # "in eastern Ukraine"
    return how in ("place", "capital") or (how == "name" and start > 0 and r.low[start - 1] in WHERE_WORDS)


def later_place(r: ArticleResolver, hits: list[Hit], j: int, sector: str) -> str:
    """The country of a place named later in the sentence ("... rebel positions in Aleppo",
    "Syria's second city"); a legislature also takes a head of state named later."""
    sentence = r.sent_of[hits[j].start]
    for nxt in hits[j + 1 :]:
        if r.sent_of[nxt.start] != sentence:
            break
        if nxt.state and not nxt.persons and not nxt.agent and not _venue_of_a_meeting(r, nxt):
            where = _after_where_word(r, nxt.start) or _possessive_place(r, nxt)
            if where:
                return nxt.state[0]
        if sector == "LEG" and nxt.persons:
            leader = r.resolve_person(nxt.persons, [], None)
            if leader is not None and leader.role in LEADER_ROLES:
                return leader.code
    return ""


def _venue_of_a_meeting(r: ArticleResolver, hit: Hit) -> bool:
    """ "Officials at the summit in Hanoi": a meeting's venue says nothing of who attends."""
    prep = r.doc[hit.end - 1].head
    return prep.dep_ == "prep" and (prep.head.lemma_ or prep.head.lower_).lower() in MEETING_NOUNS


def _after_where_word(r: ArticleResolver, start: int) -> bool:
    """ "in Aleppo", "in eastern Ukraine", "across Syria"."""
    if start > 1 and r.low[start - 1] in REGION_WORDS:
        start -= 1
    return start > 0 and r.low[start - 1] in WHERE_WORDS


def _possessive_place(r: ArticleResolver, hit: Hit) -> bool:
    """ "Syria's second city": a country named as the owner of a place."""
    return hit.state is not None and hit.state[1] == "name" and r.low[hit.end : hit.end + 1] == ["'s"]


def same_sector(r: ArticleResolver, hit: Hit) -> str:
    """The country of the last agent of the same sector in the last few paragraphs
    ("Israeli troops ... the soldiers")."""
    paragraph = r.para_of[hit.start]
    for found in reversed(r.found):
        if found.paragraph < paragraph - SECTOR_PARAGRAPHS:
            break
        if found.start >= hit.start or len(found.actors) != 1:
            continue
        actor = found.actors[0]
        if found.how in ("agent", "context") and actor.sector == hit.agent:
            return actor.code if actor.code in r.gaz.state_names else ""
    return ""


def paragraph_state(r: ArticleResolver, start: int, sector: str, same_sentence: bool = False) -> str:
    """The last state of the paragraph (or sentence) that can own an agent of `sector`."""
    paragraph, sentence = r.para_of[start], r.sent_of[start]
    for found in reversed(r.found):
        if found.start >= start:
            continue
        if found.paragraph != paragraph or (same_sentence and found.sentence != sentence):
            break
        codes = {a.code for a in found.actors if a.code in r.gaz.state_names}
        if len(codes) == 1 and can_own(found, sector) and (sector not in NON_STATE or _where(r, found)):
            return codes.pop()
    return ""


def can_own(found: Found, sector: str) -> bool:
    """Whether a mention can give its country to a bare agent of `sector`."""
    actor = found.actors[0]
    if found.how == "people":
        return sector in NON_STATE
    if actor.kind == "state":
        return found.how in STATE_HOWS and not (sector == "MIL" and found.how == "place")
    if sector in NON_STATE or found.how not in ACTOR_HOWS:
        return False
    return actor.sector in STATE_RUN or (actor.kind == "person" and actor.role != "")
