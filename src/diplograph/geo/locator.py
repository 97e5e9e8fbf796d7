"""Where an event took place: a place named in its clause, its paragraph, or the dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from diplograph.dates.paragraphs import sentence_paragraphs, sentences_of
from diplograph.geo.gazetteer import Gazetteer, Place
from diplograph.models import Article, Location

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# prepositions that make a place the scene of what the clause reports
SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "within"})
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'\-]+?)\s*,\s*(?:[A-Z][a-z]{2,}\.?\s+\d|\()", re.MULTILINE)
IN_TEXT_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'\-]{2,}?)\s*,\s+[A-Z][a-z]{2,}\.?\s+\d{1,2}.{0,20}?\(", re.MULTILINE
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place the text gives as a scene ("in Astana"), with the clause it belongs to."""

    place: Place
    span: Span
    owner: Token | None  # the verb (or event noun) the place phrase hangs from


@dataclass(slots=True)
class _DocPlaces:
    sentences: list[Span]
    paragraphs: list[int]
    scenes: dict[int, list[PlaceMention]]
    here: dict[int, Token]  # sentences that say "here": the dateline city


class Locator:
    """Finds event locations; build once (it loads the gazetteer), then call `locate` per event."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        self._doc: Doc | None = None
        self._places: _DocPlaces | None = None
        self._datelines: dict[tuple[str, str], Place | None] = {}

    def locate(
        self, doc: Doc, sentence: int, article: Article, trigger_token: int | None = None, *, recent: bool = True
    ) -> Location | None:
        """The place of the event of `sentence` (verb at token `trigger_token`), or None.

        In order: a place attached by "in"/"at" to the event's clause (a city
        before a country); the last such place earlier in the same paragraph;
        the dateline city, only for a `recent` event (a visit last January did
        not happen where the story was filed).
        """
        places = self._analyse(doc)
        if not 0 <= sentence < len(places.sentences):
            return None
        sent = places.sentences[sentence]
        inside = trigger_token is not None and sent.start <= trigger_token < sent.end
        trigger = doc[trigger_token] if inside and trigger_token is not None else None
        found = self._in_sentence(places, sentence, trigger, article)
        if found is None:
            found = self._in_paragraph(places, sentence)
        if found is None and recent:
            found = self.dateline_place(article, doc)
        return to_location(found) if found else None

    def dateline_place(self, article: Article, doc: Doc | None = None) -> Place | None:
        """The city of the dateline ("ASTANA, July 4 (Xinhua)" -> Astana), cities before countries.

        Without `Article.dateline`, a dateline line near the top of the text counts.
        """
        key = (article.dateline, article.id)
        if key not in self._datelines:
            if article.dateline:
                match = DATELINE.match(article.dateline)
            else:
                head = doc[:400].text if doc is not None else article.text[:3000]
                match = IN_TEXT_DATELINE.search(head)
            name = match.group(1).strip().title() if match else ""
            place = (self.gazetteer.city(name) or self.gazetteer.country(name)) if name else None
            self._datelines = {key: place}  # one article at a time
        return self._datelines[key]

    def _analyse(self, doc: Doc) -> _DocPlaces:
        """Find the scenes of a Doc once; later calls for the same Doc reuse them."""
        if self._doc is doc and self._places is not None:
            return self._places
        sentences = sentences_of(doc)
        starts = [s.start for s in sentences]
        countries: dict[int, list[str]] = {}
        places = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        for ent in places:
            country = self.gazetteer.country(ent.text)
            if country is not None:
                countries.setdefault(_sentence_of(starts, ent.start), []).append(country.country)
        scenes: dict[int, list[PlaceMention]] = {}
        for ent in places:
            index = _sentence_of(starts, ent.start)
            mention = self._scene(ent, countries.get(index, []))
            if mention is not None:
                scenes.setdefault(index, []).append(mention)
        here = {_sentence_of(starts, t.i): t for t in doc if t.lower_ == "here" and t.dep_ == "advmod"}
        self._doc, self._places = (
            doc,
            _DocPlaces(sentences, sentence_paragraphs(doc, sentences), scenes, here),
        )
        return self._places

    def _scene(self, ent: Span, near: list[str]) -> PlaceMention | None:
        """The place if the entity is a scene ("met in Astana"), not an actor ("Kazakhstan joined")."""
        head = ent.root
        while head.dep_ in ("appos", "conj", "compound") and head.head.i != head.i:
            head = head.head  # "in Astana, Kazakhstan" / "in Xi'an and Beijing"
        if not (head.dep_ == "pobj" and head.head.text.lower() in SCENE_PREPS):
            return None
        place = self._resolve(ent, near)
        if place is None:
            return None
        return PlaceMention(place, ent, _owner(head.head))

    def _resolve(self, ent: Span, near: list[str]) -> Place | None:
        """Look the entity up, preferring a city in the country named right after it
        ("in Astana, Kazakhstan"), then in a country the sentence names.

        A place the gazetteer lacks but that is given with its country
        ("in Shandong, China") is placed in that country.
        """
        appos = [self.gazetteer.country(_entity_text(c)) for c in ent.root.children if c.dep_ == "appos"]
        stated = next((c for c in appos if c is not None), None)
        name = ent.text.strip()
        if stated is not None:
            return self.gazetteer.city(name, [stated.country, *near]) or stated
        return self.gazetteer.lookup(name, near)

    def _in_sentence(
        self, places: _DocPlaces, sentence: int, trigger: Token | None, article: Article
    ) -> Place | None:
        ranked = []
        for order, mention in enumerate(places.scenes.get(sentence, [])):
            rank = _rank(mention.owner, trigger)
            if rank is not None:
                ranked.append((rank, mention.place.kind != "city", order, mention.place))
        here = places.here.get(sentence)
        if here is not None:
            rank = _rank(_owner(here), trigger)
            dateline = self.dateline_place(article, here.doc)
            if rank is not None and dateline is not None:
                ranked.append((rank, False, -1, dateline))
        return min(ranked, key=lambda r: r[:3])[3] if ranked else None

    def _in_paragraph(self, places: _DocPlaces, sentence: int) -> Place | None:
        """The last scene stated earlier in the paragraph (a city if that sentence gives one)."""
        paragraph = places.paragraphs[sentence]
        for earlier in range(sentence - 1, -1, -1):
            if places.paragraphs[earlier] != paragraph:
                return None
            mentions = places.scenes.get(earlier, [])
            if mentions:
                cities = [m for m in mentions if m.place.kind == "city"]
                return (cities or mentions)[-1].place
        return None


def _sentence_of(starts: list[int], token_index: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, token_index) - 1


def _owner(token: Token) -> Token | None:
    """The verb or noun a place phrase hangs from: the preposition's head."""
    return token.head if token.head.i != token.i else None


def _rank(owner: Token | None, trigger: Token | None) -> int | None:
    """0: the place phrase hangs from the event word or its clause; 1: from a clause above it.

    None: it belongs to another clause ("Xi noted that they met in Xi'an": not where Xi noted).
    """
    if trigger is None or owner is None:
        return 0
    if owner.i == trigger.i or (trigger.is_ancestor(owner) and not _crosses_clause(trigger, owner)):
        return 0
    if owner.is_ancestor(trigger) or _verb_of(owner).is_ancestor(trigger):
        return 1
    return None


def _crosses_clause(top: Token, token: Token) -> bool:
    """Whether the path from `token` up to `top` passes another verb (a nested clause)."""
    while token.i != top.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":
            return True
        token = token.head
    return False


def _verb_of(token: Token) -> Token:
    """The nearest verb at or above a token (or the sentence root)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _entity_text(token: Token) -> str:
    if token.ent_iob_ in ("B", "I"):
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.text
    return token.text


def to_location(place: Place) -> Location:
    return Location(place.name, place.country, place.lat, place.lon)
