"""Events named by nouns: "during his visit to China", "talks with Tokayev".

The source is the noun's possessor or actor adjective ("Millon's visit",
"Israeli shelling"), the `by` phrase, or else the subject of the verb the noun
phrase hangs from ("During talks with Tokayev, Xi said ..."). A noun that is
the object of a verb ("held talks") is left to that verb's patterns.
"""

from __future__ import annotations

from importlib import resources

from spacy.tokens import Span, Token

from diplograph.coding.clauses import Frame
from diplograph.coding.patterns import Coding
from diplograph.models import Modality

FRAME_PREPS = frozenset({"during", "at", "after", "before", "on", "in", "for", "following", "ahead"})
SEQUENCE_PREPS = frozenset({"after", "before", "following", "ahead"})
HOSTILE_ROOT = "10"  # demands, disapproval, threats, protests, force: 10 to 20
# Verbs under which an event noun is only planned or expected.
PLANNING_VERBS = frozenset(
    {"expect", "plan", "hope", "want", "schedule", "prepare", "propose", "intend", "seek", "await", "aim", "wish"}
)
FUTURE_AUX = frozenset({"will", "shall", "would", "'ll"})
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Verbs whose object noun is the event itself ("held talks", "launched an attack"):
# their patterns code it. Other verbs ("condemned the attack by X") leave it to us.
SUPPORT_VERBS = frozenset(
    {
        "hold",
        "have",
        "pay",
        "make",
        "conduct",
        "launch",
        "carry",
        "stage",
        "begin",
        "start",
        "continue",
        "resume",
        "take",
        "open",
        "end",
        "impose",
        "lift",
        "mount",
        "wage",
        "call",
        "attend",
        "host",
        "plan",
    }
)


# Nouns under which an event is only talked of, not reported: "a halt to Israeli attacks",
# "the threat of a Russian invasion", "hopes for talks with X".
UNREAL_HEADS = frozenset(
    {
        "cessation",
        "halt",
        "suspension",
        "threat",
        "risk",
        "danger",
        "fear",
        "possibility",
        "prospect",
        "chance",
        "hope",
        "idea",
        "rumour",
        "rumor",
        "proposal",
        "absence",
        "lack",
    }
)


def _unreal(noun: Token) -> bool:
    """Whether the event noun hangs from a noun that makes it no reported fact."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "to"):
        return False
    return prep.head.lemma_.lower() in UNREAL_HEADS


def _modality(noun: Token) -> Modality:
    """ "Ahead of his visit to X", "expected the talks to start", "will hold talks": an event
    noun under a plan, an expectation or a future verb has not happened yet."""
    token = noun
    for _ in range(6):
        head = token.head
        if head is token:
            return "asserted"
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
            planned = head.lemma_.lower() in PLANNING_VERBS or bool(auxes & FUTURE_AUX)
            return "future" if planned else "asserted"
        token = head
    return "asserted"


def load_nouns() -> dict[str, Coding]:
    """Read data/nominal_events.tsv: noun lemma -> coding."""
    text = (
        resources.files("diplograph.coding")
        .joinpath("data")
        .joinpath("nominal_events.tsv")
        .read_text("utf-8")
    )
    rows = [r.split("\t") for r in text.splitlines() if r and not r.startswith("#")][1:]
    return {noun: Coding.parse(code) for noun, code in rows}


def _owner(noun: Token, has_actor: set[int]) -> Token | None:
    """The possessor, actor adjective or `by` agent of an event noun.

    "A meeting between X and Y" has both as owners: they meet each other.
    """
    for child in noun.children:
        if child.dep_ in OWNER_DEPS and child.i in has_actor:
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "between"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _frame_verb(noun: Token, code: str) -> Token | None:
    """The verb a `during ... talks` phrase hangs from, if any. A hostile act before or after
    the clause's own is seldom by its subject ("guards shot two militants following an
    attack on a police officer"): such nouns keep no source."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
        head = head.head  # "ahead of talks with X"
    elif noun.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in FRAME_PREPS:
        return None
    if head.lower_ in SEQUENCE_PREPS and code[:2] >= HOSTILE_ROOT:
        return None
    verb = head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def nominal_frames(sent: Span, nouns: dict[str, Coding], has_actor: set[int]) -> list[Frame]:
    """Frames for the event nouns of a sentence that no verb takes as its object."""
    out: list[Frame] = []
    for tok in sent:
        if tok.pos_ != "NOUN":
            continue
        coding = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)
        if coding is None or _unreal(tok):
            continue
        owner = _owner(tok, has_actor)
        if tok.dep_ in ("dobj", "obj", "attr") and (
            owner is None or tok.head.lemma_.lower() in SUPPORT_VERBS
        ):
            continue
        verb = None if owner is not None else _frame_verb(tok, coding.code)
        if owner is None and verb is None:
            continue
        out.append(
            Frame(
                tok,
                tok,
                coding.code,
                _modality(tok),
                source_verb=verb,
                source_token=owner,
                reverse=coding.reverse,
            )
        )
    return out
