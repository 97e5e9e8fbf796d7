"""Turn matched phrases into actors: dated roles, title holders, modifiers, agents.

One `ArticleResolver` lives for one Doc: it remembers who was named so far
(for surnames, pronouns and "the two sides") and what it learnt about people
missing from the dictionaries ("Kyrgyz President Sadyr Japarov").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from diplograph.actors.dictionary import ActorEntry
from diplograph.actors.gazetteer import Gazetteer, Person, Spell, Title, phrase_key, slug
from diplograph.actors.matcher import Hit
from diplograph.models import Actor, ActorMention

GENERIC_ROLES = {"", "Government"}
# CountryInfo lists ministers as of January 2012 and later sources only leaders: an open
# minister's spell is trusted for a while after that, then "the German foreign minister"
# stays a title (generic holder) rather than a possibly stale name.
MINISTERS_AS_OF = date(2013, 6, 30)
JOINERS = {"and", ",", "'s", "&"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
NAME_STOP = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "said", "on"}
PARTICLES = {
    "al",
    "bin",
    "de",
    "la",
    "van",
    "von",
    "da",
    "del",
    "el",
    "ibn",
    "le",
    "jr.",
    "-",
    "sheikh",
    "king",
}
PARTICLES |= {
    "prince",
    "emir",
    "sultan",
    "mr",
    "mrs",
    "dr",
    "gen",
    "general",
    "north",
    "south",
    "east",
    "west",
}
PERSON_NOUNS = {
    "official",
    "spokesman",
    "spokeswoman",
    "diplomat",
    "envoy",
    "ambassador",
    "officer",
    "commander",
}
IGNORED_TITLES = {
    "Leader",
    "Minister",
    "Ambassador",
    "Envoy",
    "General",
    "Counterpart",
    "Spokesman",
    "Spokeswoman",
}


@dataclass(slots=True)
class Found:
    """A mention before it is frozen, with what later rules need."""

    start: int
    end: int
    actors: tuple[Actor, ...]
    how: str
    sentence: int = 0
    paragraph: int = 0


@dataclass(slots=True)
class ArticleResolver:
    gaz: Gazetteer
    doc: Doc
    day: date | None
    dateline_code: str = ""
    low: list[str] = field(default_factory=list)  # lower-cased token texts, computed once
    sent_of: list[int] = field(default_factory=list)
    para_of: list[int] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    known: dict[str, Actor] = field(default_factory=dict)  # name token -> person
    learned: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    genders: dict[Actor, str] = field(default_factory=dict)  # set by "he"/"she" once resolved
    capitalised: Counter[str] | None = None  # capitalised words of the Doc, counted on first use

    # ------------------------------------------------------------ emitting

    def emit(self, start: int, end: int, actors: tuple[Actor, ...], how: str) -> None:
        if not actors:
            return
        self.found.append(Found(start, end, actors, how, self.sent_of[start], self.para_of[start]))
        for actor in actors:
            if actor.kind == "person":
                self.remember(actor, self.doc[start:end].text)

    def remember(self, actor: Actor, text: str) -> None:
        words = text.split()
        for token in {*actor.name.split(), *words[-1:]}:
            low = token.lower().strip(",.'")
            if len(low) > 1 and low not in PARTICLES and phrase_key(low) not in self.gaz.titles:
                if phrase_key(low) not in self.gaz.states and token[:1].isupper():
                    self.known[low] = actor

    # ------------------------------------------------------------ people

    def person_actor(self, person: Person, spell: Spell | None, title: Title | None) -> Actor:
        role = spell.role if spell and spell.role not in GENERIC_ROLES else ""
        if not role and title:
            role = title.role
        if not role and spell:
            role = spell.role
        sector = spell.sector if spell and spell.sector != "ELI" else "GOV" if role else ""
        return Actor(person.code, person.name, "person", role, sector, person.actor_id)

    def best_spell(self, person: Person, title: Title | None) -> tuple[tuple[int, ...], Spell | None]:
        best: tuple[tuple[int, ...], Spell | None] = ((0,), None)
        for spell in person.spells:
            covers = self.day is None or spell.covers(self.day)
            matches = bool(title and spell.role in title.matches)
            lead = spell.role in ("President", "Prime Minister", "Premier", "Chancellor", "King")
            start = (spell.start or date.min).toordinal()
            score = (int(covers), int(matches), int(spell.role not in GENERIC_ROLES), int(lead), start)
            if score > best[0]:
                best = (score, spell)
        return best

    def resolve_person(self, pids: list[int], codes: list[str], title: Title | None) -> Actor | None:
        persons = [self.gaz.persons[p] for p in pids]
        # a source listed a few people under a territory with no code (Northern Cyprus)
        persons = [p for p in persons if p.code] or persons
        if codes:
            persons = [p for p in persons if p.code in codes]
        if not persons:
            return None
        scored = [(self.best_spell(p, title), p) for p in persons]
        (score, spell), person = max(scored, key=lambda item: item[0][0])
        actor = self.person_actor(person, spell if score[0] else None, title)
        if title and title.role not in IGNORED_TITLES and actor.role not in (title.role, *title.matches):
            # "Foreign Minister Taro Aso" weeks after a reshuffle: the text is fresher than the data
            return replace(actor, role=title.role, sector="GOV")
        return actor

    def learn(self, name: str, code: str, title: Title | None) -> Actor:
        """A person missing from the data, named with a nationality or title."""
        key = phrase_key(name)
        if key in self.learned:
            return self.learned[key]
        name = self.usual_spelling(name)
        role = title.role if title else ""
        actor = Actor(code, name, "person", role, "GOV" if role else "", f"person:{code}:{slug(name)}")
        self.learned[key] = actor
        return actor

    def usual_spelling(self, name: str) -> str:
        """A learnt name with its surname as the article mostly spells it: a wire story that
        introduces "Charles Million" and then writes "Millon" three times misspelt the first."""
        words = name.split()
        last = words[-1] if words else ""
        if len(last) < 6 or not last.isalpha():
            return name
        if self.capitalised is None:
            self.capitalised = Counter(t.text for t in self.doc if _lone_name(t))
        best, count = last, self.capitalised.get(last, 0)
        for word, seen in self.capitalised.items():
            if seen > count and word[0] == last[0] and one_edit(word, last):
                best, count = word, seen
        return " ".join([*words[:-1], best])

    def holder(self, code: str, title: Title) -> Actor | None:
        """Who held `title` in state `code` on the article's date."""
        best: tuple[int, int] | None = None
        for role in title.matches:
            for spell, pid in self.gaz.holders.get((code, role), []):
                if spell.end is None and not title.lead and self.day and self.day > MINISTERS_AS_OF:
                    continue  # an open minister's spell from 2012 data may be stale by then
                if (self.day and spell.covers(self.day)) or (self.day is None and spell.end is None):
                    start = (spell.start or date.min).toordinal()
                    if best is None or start > best[0]:
                        best = (start, pid)
        if best is None:
            return None
        person = self.gaz.persons[best[1]]
        _, chosen = self.best_spell(person, title)
        return self.person_actor(person, chosen, title)

    def generic_holder(self, code: str, title: Title) -> Actor:
        adjective = self.gaz.adjectives.get(code, self.gaz.state_names.get(code, code))
        name = f"{adjective} {title.role}"
        return Actor(code, name, "person", title.role, "GOV", f"person:{code}:{slug(name)}")

    # ------------------------------------------------------------ users, agents

    def user_actor(self, entries: list[ActorEntry]) -> Actor | None:
        valid = [
            e
            for e in entries
            if self.day is None or ((e.start or date.min) <= self.day <= (e.end or date.max))
        ]
        if not valid:
            return None
        entry = max(valid, key=lambda e: e.start or date.min)
        prefix = {"state": "state", "person": "person", "organisation": "org", "group": "group"}[entry.kind]
        actor_id = (
            f"state:{entry.code}" if entry.kind == "state" else f"{prefix}:{entry.code}:{slug(entry.name)}"
        )
        return Actor(entry.code, entry.name, entry.kind, entry.role, entry.sector, actor_id)

    def agent_actor(self, code: str, sector: str, text: str) -> Actor:
        role, kind = self.gaz.sectors.get(sector, (sector.title(), "group"))
        role = self.gaz.agent_roles.get(text.lower().split()[-1], role) if text else role
        if text.lower() in ("side", "sides"):
            return self.gaz.state(code)
        if text.lower().split()[-1] in self.gaz.person_nouns:
            kind = "person"  # "a Burmese official" is one person: pronouns and quotes may refer to it
        adjective = self.gaz.adjectives.get(code, self.gaz.state_names.get(code, code))
        words = [self.gaz.spellings.get(w, w) for w in text.lower().split()]
        name = f"{adjective} {' '.join(words)}"
        return Actor(code, name, kind, role, sector, f"agent:{code}:{sector}")

    def context_code(self, start: int) -> str:
        """The last state named earlier in this paragraph, else the dateline's."""
        paragraph = self.para_of[start]
        for found in reversed(self.found):
            if found.paragraph != paragraph:
                break
            codes = [a.code for a in found.actors if a.code in self.gaz.state_names]
            if len(codes) == 1:
                return codes[0]
        return self.dateline_code

    def freeze(self) -> list[ActorMention]:
        self.found.sort(key=lambda f: f.start)
        out: list[ActorMention] = []
        last_end = -1
        for f in self.found:
            if f.start >= last_end:
                out.append(
                    ActorMention(f.actors, f.start, f.end, f.sentence, self.doc[f.start : f.end].text, f.how)
                )
                last_end = f.end
        return out


def _lone_name(token: Token) -> bool:
    """A capitalised word standing alone as a surname ("Millon said", "Millon's visit"),
    not part of a longer name ("Kang Song-san")."""
    if not (token.is_alpha and token.text[:1].isupper()):
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return not any(t is not None and t.is_alpha and t.text[:1].isupper() for t in (before, after))


def one_edit(a: str, b: str) -> bool:
    """Whether two different words differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def hit_codes(hit: Hit) -> list[str]:
    return [hit.state[0]] if hit.state else []
