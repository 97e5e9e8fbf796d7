"""Who did it and to whom: sources and targets of a verb from the dependency parse.

Sources are subjects (or the `by` agent of a passive); verbs without a subject
(xcomp, advcl and conj verbs, participles) inherit their governor's. Targets are
the direct object, else a prepositional object of a target preposition,
searched in the verb's own phrase (never in its clausal complements).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from spacy.tokens import Token

from diplograph.models import Actor, ActorMention

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_DEPS = frozenset({"nsubjpass", "csubjpass"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "pcomp"})
INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "acomp", "ccomp", "pcomp", "dep", "oprd"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "oprd", "attr"})
# Prepositions whose object is the target, best first; "in"/"from" only as a last resort.
TARGET_PREPS = (
    "with",
    "to",
    "against",
    "on",
    "at",
    "toward",
    "towards",
    "into",
    "upon",
    "for",
    "over",
    "between",
)
WEAK_PREPS = ("in", "from", "across", "inside", "outside")
# "Shot two militants following an attack on a police officer": another act, whose target
# is not this verb's.
OTHER_ACT_PREPS = frozenset({"after", "following", "before", "since", "despite", "amid", "ahead"})
WEAK_RANK = 20
# Mentions that name a place ("in Geneva"), not a party; see `targets_of`.
PLACE_HOWS = frozenset({"place", "seat", "capital"})
WeakTargets = Literal["any", "named"]
# "on the sidelines of the APEC forum", "on the eve of": the setting, not a party.
SETTING_NOUNS = frozenset(
    {"sideline", "sidelines", "margin", "margins", "eve", "occasion", "framework", "outskirts"}
)
NOUN_PREPS = frozenset({"with", "to", "between", "against", "on", "toward", "towards", "into", "upon"})
HOLDER_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod", "npadvmod"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Verbs whose subject undergoes the violence, like a passive's: "civilians died in X's shelling".
UNDERGOERS = frozenset({"die", "perish"})
# Happenings nobody does: the actor modifying them ("the Air France crash") is no doer.
MISHAP_NOUNS = frozenset(
    {"crash", "accident", "collision", "derailment", "earthquake", "quake", "flood", "storm", "disaster"}
)
# State bodies a state or its government acts through: "deployed troops", "sent diplomats".
OWN_BODIES = frozenset({"MIL", "COP", "SPY"})
# Texts that say things for whoever issues them.
TEXT_NOUNS = frozenset(
    {"resolution", "statement", "declaration", "communique", "letter", "message", "report", "decree", "note"}
)
# Feelings: their passive subject is who has them ("was disappointed by X"), not who is acted on.
EXPERIENCER_VERBS = frozenset(
    {
        "concern",
        "worry",
        "disappoint",
        "alarm",
        "trouble",
        "shock",
        "dismay",
        "anger",
        "outrage",
        "disturb",
        "upset",
        "frustrate",
        "please",
        "encourage",
        "satisfy",
        "delight",
        "hearten",
        "surprise",
        "sadden",
        "offend",
        "irritate",
        "annoy",
    }
)
# "A report released in Kigali": a text is from where it was issued (see `_located`).
ISSUING = frozenset({"release", "issue", "publish", "broadcast", "air", "post", "circulate", "distribute"})

MentionIndex = Mapping[int, ActorMention]


def actors_at(token: Token, index: MentionIndex, depth: int = 0, strict: bool = False) -> tuple[Actor, ...]:
    """Return the actors a noun phrase headed by `token` refers to.

    Its own mention wins, unless that is only a guess from context ("the mayor")
    and the phrase names its holder ("the mayor of Nablus"). `strict` (for targets)
    does not let an IGO in a compound own the thing ("UN resolutions", "SCO summit");
    for sources it does ("UN inspectors").
    """
    mention = index.get(token.i)
    if mention is not None and mention.how != "context":
        return mention.actors
    if token.lemma_.lower() in MISHAP_NOUNS:
        return ()  # "killed by the Malaysia Airlines crash": the airline did not kill them
    if depth < 3:
        for child in token.children:
            inner = _holder(child, index, strict)
            if inner is not None and inner.i not in _span(mention):
                found = actors_at(inner, index, depth + 1, strict)
                # "Chinese and Russian leaders" are both, as source or target; "the record
                # of X and Y" lists its holders only as a source ("envoys of X and Y").
                if found and (not strict or inner is child):
                    return _with_holder_conjuncts(found, inner, index, depth)
                if found:
                    return found
    if mention is not None:
        return mention.actors
    if depth == 0 and token.pos_ == "NOUN" and not strict:
        return _located(token, index)
    return ()


def _located(noun: Token, index: MentionIndex) -> tuple[Actor, ...]:
    """ "A court in Guyana", "police in Hebron", "a report released in Kigali": the place
    names whose institution or document it is. Not for targets: "a resolution in Geneva"
    is no Swiss thing (targets_of weighs "in" itself).
    """
    issued = (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING)
    heads = [noun, *issued]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                inner = next((g for g in child.children if g.dep_ == "pobj"), None)
                found = actors_at(inner, index, 1) if inner is not None else ()
                if found:
                    return found
    return ()


def _with_holder_conjuncts(
    found: tuple[Actor, ...], holder: Token, index: MentionIndex, depth: int
) -> tuple[Actor, ...]:
    """ "The ambassadors of X, Y and Z", "Chinese and Russian leaders": every holder acts."""
    out = list(found)
    for conj in holder.conjuncts:
        for actor in actors_at(conj, index, depth + 1):
            if actor not in out:
                out.append(actor)
    return tuple(out)


def _span(mention: ActorMention | None) -> range:
    return range(mention.start, mention.end) if mention is not None else range(0)


def _holder(child: Token, index: MentionIndex, strict: bool) -> Token | None:
    """The noun of a modifier that may name who a phrase belongs to.

    A modifier counts only when it is itself a mention ("Chinese", "Gondor's").
    """
    if child.dep_ in HOLDER_DEPS:
        mention = index.get(child.i)
        igo = child.dep_ == "compound" and any(a.role == "IGO" for a in mention.actors) if mention else False
        if mention is None or (strict and igo):
            return None
        return child
    if child.dep_ == "prep" and child.lower_ in ("of", "from"):
        return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _companions(token: Token) -> list[Token]:
    """ "Xi, together with Aliyev, ...": the companion acts too."""
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            if any(g.lower_ in ("together", "along", "jointly") for g in child.children):
                arg = pobj(child)
                if arg is not None:
                    out.append(arg)
    return out


def with_conjuncts(token: Token, index: MentionIndex, strict: bool = False) -> list[Actor]:
    """Actors of `token` and of the phrases coordinated with it ("Xi and Tokayev")."""
    mention = index.get(token.i)
    heads = (
        [token, *(t for t in token.doc[mention.start : mention.end] if t is not token)]
        if mention
        else [token]
    )
    tokens = [token]
    for head in heads:
        tokens.extend(head.conjuncts)
        # "A, the B, and C": a list item the parser took for an apposition.
        listed = [a for a in head.children if a.dep_ == "appos" and (a.conjuncts or head.conjuncts)]
        tokens.extend(_companions(head))
        tokens.extend(listed)
        tokens.extend(c for a in listed for c in a.conjuncts)
    out: list[Actor] = []
    for tok in tokens:
        for actor in actors_at(tok, index, strict=strict):
            if actor not in out:
                out.append(actor)
    return out


def _governing_noun(verb: Token) -> Token | None:
    """The noun a participle or relative clause modifies (`troops firing`, `troops who fired`)."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def subject_of(verb: Token, index: MentionIndex | None = None) -> tuple[Token | None, bool]:
    """Return (subject token, passive?) for `verb`, climbing to governors when it has none.

    A passive participle ("soldiers killed") has its noun as patient; an
    infinitive after an object ("helped militants join") has that object as subject.
    """
    current = verb
    for _ in range(5):
        child = next(iter(_subjects(current, index)), None)
        if child is not None:
            relative = child.tag_ in RELATIVE_TAGS and current.dep_ == "relcl"
            if relative and _issued_text(current.head, index):
                current = current.head.head  # "issued a statement which criticised X"
                continue
            if current is not verb and child.dep_ in PASSIVE_DEPS and verb.tag_ == "VBD":
                return None, False  # "Israelis were killed and called on ...": a patient is no doer
            shared = current is verb or (verb.dep_ == "conj" and verb.tag_ == "VBN")
            # "X fled and were arrested by Y": the verb's own auxiliary makes it passive.
            own = current is not verb and any(c.dep_ == "auxpass" for c in verb.children)
            return (current.head if relative else child), shared and (child.dep_ in PASSIVE_DEPS or own)
        noun = _governing_noun(current)
        if noun is not None and _issued_text(noun, index):
            current = noun.head  # "adopted a resolution condemning Iran": the adopter condemns
            continue
        if noun is not None:
            return noun, current is verb and current.tag_ == "VBN" and current.dep_ == "acl"
        if current.dep_ in ("xcomp", "ccomp") and index is not None:
            obj = next(
                (c for c in current.head.children if c.dep_ in ("dobj", "obj") and c.i < current.i), None
            )
            # Object control: "helped militants join", "urged Japan to talk" (xcomp always).
            if obj is not None and (current.dep_ == "xcomp" or actors_at(obj, index)):
                return obj, False
        if current.dep_ not in INHERIT_DEPS or current.head is current or not _coordinated(current):
            return None, False
        current = current.head
    return None, False


def _coordinated(token: Token) -> bool:
    """A conjunct with a coordinator or comma before it: "jailed a student for helping
    militants join a group" parsed with "join" as a conjunct of "jailed" shares no subject."""
    if token.dep_ != "conj":
        return True
    low, high = sorted((token.head.i, token.i))
    return any(t.dep_ == "cc" or t.lower_ in (",", ";") for t in token.doc[low + 1 : high])


def _issued_text(noun: Token, index: MentionIndex | None) -> bool:
    """A text nobody is named as owning, object of the verb that issues it ("adopted a
    resolution condemning X", "issued a statement which criticised X")."""
    if noun.lemma_.lower() not in TEXT_NOUNS or noun.dep_ not in ("dobj", "obj"):
        return False
    return index is None or not actors_at(noun, index)


def _subjects(verb: Token, index: MentionIndex | None) -> list[Token]:
    """The subject children of `verb`, one naming an actor first: the parser may take
    "Old foes X and Y" or "Lions, tigers and X" for two subjects."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_DEPS]
    if len(found) > 1 and index is not None:
        found.sort(key=lambda c: not with_conjuncts(c, index))
    return found


def agent_of(verb: Token) -> Token | None:
    """The `by` phrase object of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def sources_of(verb: Token, index: MentionIndex, origin: bool = False) -> tuple[list[Actor], list[Actor]]:
    """Return (sources, passive targets): the subject's actors, or the agent's for a passive.

    With `origin` (violent acts), a passive with no agent takes its source, as PETRARCH
    does, from a `from` or `in` phrase: "rockets were fired from Gaza", "soldiers were
    killed in Ukraine", "three were killed in Israeli shelling".
    """
    subject, passive = subject_of(verb, index)
    if subject is None:
        return [], []
    if passive and verb.lemma_.lower() in EXPERIENCER_VERBS:
        # "Japan was disappointed by China's decision": Japan voices it, about China.
        agent = agent_of(verb)
        return with_conjuncts(subject, index), with_conjuncts(agent, index) if agent is not None else []
    if passive or (origin and verb.lemma_.lower() in UNDERGOERS):
        agent = agent_of(verb)
        sources = with_conjuncts(agent, index) if agent is not None else []
        if not sources and agent is not None:
            sources = _instrument_user(agent, index)
        if not sources and origin:
            sources = _origin(verb, index)
        return sources, with_conjuncts(subject, index) or targets_of(subject, index)
    return with_conjuncts(subject, index), []


def _instrument_user(agent: Token, index: MentionIndex) -> list[Actor]:
    """ "Wounded by rubber bullets fired by soldiers": whoever fired the weapon."""
    for clause in (c for c in agent.children if c.dep_ == "acl"):
        inner = agent_of(clause)
        found = with_conjuncts(inner, index) if inner is not None else []
        if found:
            return found
    return []


def _origin(verb: Token, index: MentionIndex) -> list[Actor]:
    for child in verb.children:
        arg = pobj(child) if child.dep_ == "prep" and child.lower_ in ("from", "in") else None
        if arg is not None and arg.pos_ in ("NOUN", "PROPN"):
            found = with_conjuncts(_by_agent(arg) or arg, index)
            if found:
                return found
    return []


def pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _slots(
    head: Token,
    index: MentionIndex,
    depth: int,
    out: dict[int, list[Actor]],
    weak: WeakTargets = "any",
    own: frozenset[Actor] = frozenset(),
    topics: bool = False,
    venues: bool = True,
) -> None:
    """Fill rank -> actors for the object and prepositional phrases under `head`; the
    source's `own` things ("recalled its ambassador from Israel") are no target, nor, with
    `topics`, an object that only belongs to someone ("discussed Iran's nuclear programme")."""
    for child in head.children:
        rank = -1
        arg: Token | None = None
        if child.dep_ in OBJECT_DEPS and child.pos_ != "ADP":
            # "condemned the attack by X": the doer of the act named by the object is the target.
            rank, arg = 0, _by_agent(child) or child
        elif child.dep_ in ("prep", "dative"):
            word = child.lower_
            arg = pobj(child)
            if word in TARGET_PREPS:
                rank = 1 + TARGET_PREPS.index(word)
            elif word in WEAK_PREPS:
                rank = WEAK_RANK + WEAK_PREPS.index(word)
        if arg is not None and arg.lower_ == "front":  # "in front of the German embassy"
            arg = next((pobj(g) for g in arg.children if g.dep_ == "prep" and g.lower_ == "of"), arg)
        if arg is None or arg.lemma_.lower() in SETTING_NOUNS:
            continue
        if arg.pos_ in ("VERB", "AUX"):
            continue  # "after leaving X", "hinted at cancelling X": another act, with its own target
        found = with_conjuncts(arg, index, strict=True) if rank >= 0 else []
        if own and _pronoun_owned(arg):  # "its ambassador": the source's own, not its target
            found = [a for a in found if a not in own]
        if own and rank == 0:  # "Russia deployed troops to Belarus": its own forces, sent there
            found = [a for a in found if not _own_forces(a, own)]
        if topics and rank == 0 and _owned_thing(arg, index):
            found = []
        if not venues and _place_named(arg, index):
            found = []  # "adopted the Arusha Declaration": a place in a name is no party
        if rank >= WEAK_RANK and not _weak_ok(weak, arg, index):
            found = []
        if found and rank not in out:
            out[rank] = found
        if depth < 3 and not (found and rank == 0) and child.lower_ not in OTHER_ACT_PREPS:
            _slots(arg, index, depth + 1, out, weak, own, topics, venues)


def _owned_thing(noun: Token, index: MentionIndex) -> bool:
    """ "Iran's nuclear programme", "the Taiwan issue": a thing someone owns, not a person
    of that country ("Chinese leaders")."""
    if noun.i in index:
        return False
    return any(c.dep_ in ("poss", "compound") and c.i in index for c in noun.children)


def _place_named(noun: Token, index: MentionIndex) -> bool:
    """ "The Arusha Declaration", "the Beijing Olympics": a thing named after a city."""
    if noun.i in index:
        return False
    owners = [index[c.i] for c in noun.children if c.dep_ == "compound" and c.i in index]
    return bool(owners) and all(m.how in PLACE_HOWS for m in owners)


def _own_forces(actor: Actor, own: frozenset[Actor]) -> bool:
    """A state body (army, police, officials) of the source's own state."""
    return actor.kind != "state" and actor.sector in OWN_BODIES and any(
        o.code == actor.code and (o.kind == "state" or o.sector == "GOV") for o in own
    )


def _pronoun_owned(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)


def _weak_ok(weak: WeakTargets, arg: Token, index: MentionIndex) -> bool:
    if weak == "named":
        mention = index.get(arg.i)
        return mention is None or mention.how not in PLACE_HOWS
    return True


def _by_agent(noun: Token) -> Token | None:
    if noun.pos_ != "NOUN":
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return pobj(prep) if prep is not None else None


def targets_of(
    verb: Token,
    index: MentionIndex,
    strong_only: bool = False,
    weak: WeakTargets = "any",
    own: frozenset[Actor] = frozenset(),
    topics: bool = False,
    venues: bool = True,
) -> list[Actor]:
    """Return the best-ranked group of target actors in the verb's own phrase.

    `strong_only` leaves out the last-resort prepositions ("in", "from"). `weak` says
    which of those count: "any", or "named": no cities or regions (where it happened, not to whom).
    """
    slots: dict[int, list[Actor]] = {}
    _slots(verb, index, 0, slots, weak, own, topics, venues)
    ranks = [r for r in slots if not strong_only or r < WEAK_RANK]
    return slots[min(ranks)] if ranks else []


def phrase_tokens(verb: Token, limit: int = 16) -> tuple[list[Token], list[Token]]:
    """Tokens of the verb's own phrase before and after it (clausal complements cut off).

    The subject of a passive comes after the verb, where the object of the active is.
    """
    keep: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in CLAUSE_DEPS and c.dep_ != "punct"]
    passive = [c for c in stack if c.dep_ in PASSIVE_DEPS]
    after: list[Token] = [verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" else []
    if passive:
        stack = [c for c in stack if c.dep_ not in PASSIVE_DEPS]
        after = sorted(passive[0].subtree, key=lambda t: t.i)[:limit]
    while stack and len(keep) < 3 * limit:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "ccomp", "advcl", "punct"))
    keep.sort(key=lambda t: t.i)
    pre = [t for t in keep if t.i < verb.i][-limit:]
    post = [t for t in keep if t.i > verb.i][:limit]
    return pre, (after + post)[:limit]
