"""The date each event of one article happened, from its sentence and its neighbours."""

from __future__ import annotations

import logging
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Span, Token

from diplograph.dates.expressions import DateMatch, Direction, Resolved, find_dates, resolve, shift_days
from diplograph.dates.paragraphs import sentence_paragraphs, sentences_of
from diplograph.ingest.dateline import dateline_span
from diplograph.models import Article

log = logging.getLogger(__name__)

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_HEADS = frozenset({"expect", "schedule", "plan", "due", "set", "slate", "go", "intend", "be"})
# words on the way from a date to its verb that put it ahead: "the planned visit in May"
FUTURE_PATH = frozenset(
    {"planned", "upcoming", "forthcoming", "scheduled", "proposed", "expected", "forward"}
)
# Verbs of a clause on an event noun that say when it happened ("the visit, which began Sunday").
OCCURRING = frozenset({"start", "begin", "end", "conclude", "open", "close", "occur", "happen", "finish", "take"})
RECENT_DAYS = 7  # how far back a stated day still sets the story's reference time
SHIFT = {"day before": -1, "previous day": -1, "next day": 1, "following day": 1}


class DateResolver:
    """Dates the events of one parsed article; build one per Doc.

    Every date expression of the article is found once (a regex over the whole
    text) and assigned to its sentence; `date_for` then only ranks a handful.
    """

    def __init__(self, doc: Doc, article: Article) -> None:
        self._doc = doc
        self._sents = sentences_of(doc)
        self._paragraph = sentence_paragraphs(doc, self._sents)
        dateline = dateline_span(doc.text) or (0, 0)
        self._found = self._index(doc, dateline)
        self._anchor = article.anchor_date or self._fallback_anchor(article)
        self._sentence_dates: dict[int, Resolved | None] = {}
        starts = [s.start_char for s in self._sents]
        # Sentences before a dateline (captions, highlights) neither set nor take the story's day.
        self._body = max(bisect_right(starts, dateline[0]) - 1, 0) if dateline[0] > 0 else 0

    @property
    def anchor(self) -> date:
        return self._anchor

    def date_for(self, sentence: int, trigger_token: int | None = None) -> Resolved:
        """When the event of `sentence` (whose verb is token `trigger_token`) happened.

        In order: an expression attached to the event's verb or to a clause
        above it; else the nearest earlier sentence of the same paragraph that
        has one; else the anchor date (dateline or publication), day precision.
        """
        return self.stated_date(sentence, trigger_token) or (self._anchor.isoformat(), "day")

    def stated_date(self, sentence: int, trigger_token: int | None = None) -> Resolved | None:
        """Like `date_for`, but None when the text gives no date and only the anchor applies."""
        if not 0 <= sentence < len(self._sents):
            return None
        sent = self._sents[sentence]
        if trigger_token is None or not sent.start <= trigger_token < sent.end:
            found = self._sentence_date(sentence, max_rank=1)
        else:
            found = self._best(sentence, self._doc[trigger_token], max_rank=1)
        if found is None:
            present = trigger_token is not None and sent.start <= trigger_token < sent.end and _present(
                self._doc[trigger_token]
            )
            found = (None if present else self._carried(sentence)) or self._reference_day(sentence)
        return found

    def statement_date(self, sentence: int) -> Resolved | None:
        """When a sentence was said, leaving out its own dates: "He will attend the summit on
        Saturday" was announced on the story's day, not on Saturday."""
        if not 0 <= sentence < len(self._sents):
            return None
        return self._carried(sentence) or self._reference_day(sentence)

    def _index(self, doc: Doc, dateline: tuple[int, int]) -> dict[int, list[tuple[DateMatch, Span]]]:
        starts = [s.start_char for s in self._sents]
        found: dict[int, list[tuple[DateMatch, Span]]] = {}
        for match in find_dates(doc.text):
            if dateline[0] <= match.start < dateline[1]:
                continue  # the filing date anchors the story; it is no event's date
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is not None:
                found.setdefault(bisect_right(starts, match.start) - 1, []).append((match, span))
        return found

    def _fallback_anchor(self, article: Article) -> date:
        """Without a publication date: the latest full date the text names, else today."""
        days = [resolve(m, date.today()) for m in find_dates(self._doc.text) if m.get(m.kind + "_year")]
        full = sorted(d[0] for d in days if d and d[1] == "day")
        log.warning(
            "article %s has no date; relative dates are resolved against %s",
            article.id,
            full[-1] if full else "today",
        )
        return date.fromisoformat(full[-1]) if full else date.today()

    def _best(self, sentence: int, trigger: Token | None, max_rank: int) -> Resolved | None:
        """The resolved date of the best-ranked expression of the sentence, if any ranks."""
        sent = self._sents[sentence]
        ranked = []
        for order, (match, span) in enumerate(self._found.get(sentence, [])):
            rank = attachment_rank(span, sent, trigger)
            if rank is not None and rank <= max_rank:
                ranked.append((rank, order, match, span))
        for _, _, match, span in sorted(ranked, key=lambda r: (r[0], r[1])):
            result = self._resolve(sentence, match, span, trigger)
            if result is not None:
                return result
        return None

    def _resolve(self, sentence: int, match: DateMatch, span: Span, trigger: Token | None) -> Resolved | None:
        if match.anaphoric:
            base = self._previous_day(sentence)
            return shift_days(base, SHIFT.get(match.get("same_rel"), 0)).isoformat(), "day"
        owner = owner_of(span, trigger)
        return resolve(match, self._anchor, clause_direction(span, owner or self._sents[sentence].root))

    def _sentence_date(self, sentence: int, max_rank: int) -> Resolved | None:
        if max_rank != 0:
            return self._best(sentence, None, max_rank)
        if sentence not in self._sentence_dates:
            self._sentence_dates[sentence] = self._best(sentence, None, 0)
        return self._sentence_dates[sentence]

    def _carried(self, sentence: int) -> Resolved | None:
        """A date stated by an earlier sentence of the same paragraph ("On Wednesday, ... The two also ...")."""
        paragraph = self._paragraph[sentence]
        for earlier in range(sentence - 1, -1, -1):
            if self._paragraph[earlier] != paragraph:
                return None
            found = self._sentence_date(earlier, max_rank=0)
            if found is not None:
                return found
        return None

    def _reference_day(self, sentence: int) -> Resolved | None:
        """The story's reference time: the last recent day an earlier sentence named.

        Wire copy states the day once ("Xi held talks on Wednesday ...") and
        then reports that day's meetings without repeating it. Only a day in the
        week up to the anchor carries; older background dates do not.
        """
        if sentence < self._body:
            return None
        for earlier in range(sentence - 1, self._body - 1, -1):
            found = self._sentence_date(earlier, max_rank=0)
            if found is None or found[1] != "day":
                continue
            day = date.fromisoformat(found[0])
            if shift_days(self._anchor, -RECENT_DAYS) <= day <= self._anchor:
                return found
        return None

    def _previous_day(self, sentence: int) -> date:
        """The day an anaphoric "the same day" points to: the last day named before, else the anchor."""
        for earlier in range(sentence - 1, -1, -1):
            found = self._sentence_date(earlier, max_rank=0)
            if found is not None and found[1] == "day":
                return date.fromisoformat(found[0])
        return self._anchor


def owner_of(span: Span, trigger: Token | None) -> Token | None:
    """The verb (or the trigger) that the expression modifies: the first one above it."""
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if trigger is not None and token.i == trigger.i:
            return token
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":  # "following", "during"
            return token
    return None


def attachment_rank(span: Span, sent: Span, trigger: Token | None) -> int | None:
    """0: attached to the event itself; 1: to a clause above it; None: to another clause.

    A sentence-initial expression ("On Wednesday, ...") scopes over the whole
    sentence in news style, whatever the parser attached it to.
    """
    doc = sent.doc
    initial = all(
        t.is_punct or t.is_space or t.pos_ in ("PUNCT", "SPACE") for t in doc[sent.start : span.start]
    )
    owner = owner_of(span, trigger)
    if trigger is None:
        return 0 if initial or owner is None or owner.i == sent.root.i else 1
    if owner is not None and owner.i == trigger.i:
        return 0
    if owner is not None and _occurrence_of(owner, trigger):
        return 0
    if initial or owner is None or owner.is_ancestor(trigger):
        return 1
    if owner.dep_ == "conj" and owner.head.i == trigger.i:  # "hinted ... but later went in October"
        return 1
    return None


def _present(verb: Token) -> bool:
    """ "The US is also in talks with Romania", "has been discussing": the present state, which
    an earlier sentence's date ("last year") does not carry into."""
    tags = [verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(tag in ("VBZ", "VBP") for tag in tags)


def _occurrence_of(owner: Token, trigger: Token) -> bool:
    """ "Millon's visit, which started Sunday", "talks that ended on Friday": a clause on the
    event noun saying when it happened dates the event."""
    return owner.dep_ in ("relcl", "acl") and owner.head.i == trigger.i and owner.lemma_.lower() in OCCURRING


def clause_direction(span: Span, owner: Token) -> Direction:
    """Future when the clause says so.

    "will visit", "is expected to visit", "the talks, to be held", "the planned
    visit", "ahead of the summit on Friday", "looking forward to the visit in
    May", and a present-tense verb with a date ("the talks open on Friday"),
    unless the date comes after "after"/"since" ("are tenth after Saturday's
    defeat"): wire copy reports past events in the past tense.
    """
    token, after = span.root, False
    while token.i != owner.i and token.head.i != token.i:
        token = token.head
        after = after or token.text.lower() in ("after", "since")
        ahead_of = token.text.lower() == "of" and token.head.text.lower() == "ahead"
        if (
            ahead_of
            or token.text.lower() in FUTURE_PATH
            or any(c.dep_ in ("amod", "advmod") and c.text.lower() in FUTURE_PATH for c in token.children)
        ):
            return "future"
    verbs = _clause_verbs(owner)
    if any(_verb_is_future(v) for v in verbs) or (not after and any(_is_present(v) for v in verbs)):
        return "future"
    return "past"


def _clause_verbs(owner: Token) -> tuple[Token, ...]:
    """The owner, and the verb it is conjoined to (which carries any shared "will")."""
    return (owner, owner.head) if owner.dep_ == "conj" else (owner,)


def _verb_is_future(verb: Token) -> bool:
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.text.lower() in FUTURE_AUX for c in children):
        return True
    if verb.dep_ == "xcomp" and (verb.head.lemma_ or verb.head.text.lower()) in FUTURE_HEADS:
        return True
    return verb.dep_ in ("acl", "relcl") and any(c.text.lower() == "to" for c in children)


def _is_present(verb: Token) -> bool:
    """A simple present verb ("the talks open on Friday") or a present progressive ("is
    travelling to Somalia on Tuesday"): with a date, news means a schedule."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":
        return len(auxes) == 1 and auxes[0].tag_ in ("VBZ", "VBP") and auxes[0].lemma_.lower() == "be"
    return verb.tag_ in ("VBZ", "VBP") and not auxes
