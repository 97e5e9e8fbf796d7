"""Attach actors to coded frames and turn them into event candidates.

Kept apart from the verb logic (clauses.py) and the noun logic (nominal.py):
this is where coordination, reverse acts ("visit" -> "host"), reported fights and self-directed
events are decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from diplograph.actors.context import STATE_RUN
from diplograph.coding import arguments as args
from diplograph.coding import targets
from diplograph.coding.clauses import Frame, SentenceCoder
from diplograph.coding.nominal import nominal_frames
from diplograph.coding.ontology import is_known, is_symmetric
from diplograph.coding.patterns import Coding
from diplograph.coding.sport import blocked_in_sport, is_sport
from diplograph.models import Actor, ActorMention, EventCandidate

# A city or region names where something happened, not who hosted it.
PLACE_HOWS = args.PLACE_HOWS
# Roots whose events fall on the place they happen in ("shelling in Gaza"), and visits,
# which go to the place visited ("arrived in Beijing").
PLACE_TARGET_ROOTS = frozenset({"07", "14", "15", "16", "17", "18", "19", "20"})
# A meeting with no other party named takes its host, as PETRARCH does ("will meet in
# Zurich"), but only a place right on the verb: "discuss it at a meeting in Kuala Lumpur"
# is no consultation with Malaysia (see targets.venue_of).
# Sympathy goes to the place struck ("condolences over the earthquake in Turkey"), a claimed
# attack to the place attacked ("claimed responsibility for a bombing in Kabul"), a military
# withdrawal to the place left ("withdrew its soldiers from Gaza").
PLACE_TARGET_CODES = frozenset({"015", "018", "042", "043", "087", "0871", "0872", "0873", "0874"})
# Objects that coordinated subjects share ("X and Y signed an accord"): they act on each other.
JOINT_NOUNS = frozenset(
    {
        "agreement",
        "accord",
        "deal",
        "treaty",
        "pact",
        "memorandum",
        "mou",
        "contract",
        "declaration",
        "statement",
        "communique",
        "talks",
        "negotiations",
        "consultations",
        "meeting",
        "summit",
        "tie",
        "ties",
        "relation",
        "relations",
        "cooperation",
        "partnership",
        "alliance",
        "exercise",
        "exercises",
        "drill",
        "drills",
        "ceasefire",
        "truce",
        "views",
        "consensus",
        "document",
        "documents",
        "protocol",
        "friendship",
        "exchange",
        "exchanges",
    }
)
# Verbs whose clause names the accused ("alleged that X ..."), unlike "argued that X ...".
ACCUSING = frozenset({"allege", "claim", "charge", "accuse", "blame"})
# Roots whose unattributed passive takes its doer from "from"/"in" (see args.sources_of).
ORIGIN_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# Coordinated subjects with no object act on each other only when cooperating (03-08)
# or when the act is mutual (clashes); "China and Russia oppose X" is not China opposing Russia.
PAIRED_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Protesters who seize, wreck or attack riot (145, "protest violently"): the codebook puts
# a crowd's violence under protest, not under the coercion or assault of an armed body.
# Weapons (bombs, missiles, guns: 183, 19[1-5]) stay what they are.
RIOT_PREFIXES = ("17", "180", "182", "190")
PROTESTER_ROLES = frozenset({"protesters", "protester", "demonstrators", "rioters"})
# Consultations whose object may be a topic ("discussed Iran's nuclear programme"), unlike
# visits, which go to the place that owns the object ("attend the Beijing Olympics").
TALK_CODES = frozenset({"040", "041", "045", "046"})
VISIT_CODES = frozenset({"042", "043", "044"})
WANTING = frozenset({"want", "wish", "hope", "seek", "need", "demand", "request", "expect", "prefer", "like"})
# Beyond this many parties on a side, an act is multilateral: its dyads would swamp the counts.
MAX_SIDE = 3
ALLY_PREPS = frozenset({"alongside", "beside"})
ARMED_NON_STATE = frozenset({"REB", "UAF", "IMG", "INS"})
# Acts that are news when a state's own officials or forces do them to its own territory.
DOMESTIC_ROOTS = frozenset({"18", "19", "20"})
DOMESTIC_CODES = frozenset({"015", "018"})
WEAPON_VERBS = frozenset({"shell", "bomb", "bombard", "shoot", "fire", "explode", "launch", "strafe", "gun"})


def code_sentence(
    coder: SentenceCoder,
    nouns: dict[str, Coding],
    sent: Span,
    sentence: int,
    mentions: Sequence[ActorMention],
) -> list[EventCandidate]:
    """Return the event candidates of one sentence."""
    index = {i: m for m in mentions for i in range(m.start, m.end)}
    named = {a for m in mentions if m.how not in PLACE_HOWS for a in m.actors}
    places = {a for m in mentions if m.how in PLACE_HOWS for a in m.actors} - named
    frames = coder.frames(sent) + nominal_frames(sent, nouns, set(index))
    reported = {_reporting_verb(f.trigger) for f in frames}
    events: list[EventCandidate] = []
    for frame in frames:
        if frame.code.startswith("01") and frame.verb.i in reported:
            continue
        found = attach(_claimed_fight(coder, frame), sentence, index, places)
        claims = reported_attacks(coder, frame, found, index)
        events.extend(claims)
        events.extend(e for e in found if not _replaced_by_claim(e, claims, sent.doc))
    if any(blocked_in_sport(e) for e in events) and is_sport(sent):
        events = [e for e in events if not blocked_in_sport(e)]
    return _unique(events)


def _claimed_fight(coder: SentenceCoder, frame: Frame) -> Frame:
    """ "Claimed that ISIL attacked Iraq" accuses ISIL (112), CAMEO.2.0's "a (b . ATTACK) CLAIM"."""
    if not frame.code.startswith("11") or frame.code == "112":
        return frame
    clause = next((c for c in frame.verb.children if c.dep_ == "ccomp"), None)
    if clause is None or not coder.own_code(clause).startswith("19"):
        return frame
    return replace(frame, code="112")


def reported_attacks(
    coder: SentenceCoder, frame: Frame, found: list[EventCandidate], index: args.MentionIndex
) -> list[EventCandidate]:
    """CAMEO.2.0's transformations of a reported fight (19x): saying one fought X claims
    responsibility (015); saying another fought accuses them (112)."""
    at = _reporting_verb(frame.trigger) if frame.code.startswith("19") and found else -1
    if at < 0 or frame.modality != "asserted":
        return []
    verb = frame.trigger.doc[at]
    if coder.own_code(verb)[:2] not in ("01", "11"):
        return []
    subject = args.subject_of(verb, index)[0]
    mention = index.get(subject.i) if subject is not None else None
    if mention is None or mention.how == "context":  # "officials said": attribution, not a claim
        return []
    out = []
    for sayer in args.sources_of(verb, index)[0]:
        for event in found:
            if event.source is None:
                continue
            own = (sayer.code, sayer.sector) == (event.source.code, event.source.sector)
            target = event.target if own else event.source
            if target is not None and target.code != sayer.code:
                code = "015" if own else "112"
                out.append(
                    replace(
                        event,
                        source=sayer,
                        target=target,
                        cameo=code,
                        trigger=verb.text,
                        trigger_index=verb.i,
                    )
                )
    return out


def _replaced_by_claim(event: EventCandidate, claims: list[EventCandidate], doc: Doc) -> bool:
    """Whether a reported fight gives way to its claim, as CAMEO.2.0's transformations do:
    when the one attacked says it ("Israel said a mortar was fired at it") or the report is
    an allegation ("the US claimed that ISIL had attacked Iraq"). The attacker's own plain
    report ("Israel said its troops killed three militants") and a third party's ("the UN
    said X shelled Y") keep the fight beside the claim or accusation."""
    return any(
        claim.source == event.target
        or (claim.trigger_index is not None and doc[claim.trigger_index].lemma_.lower() in ACCUSING)
        for claim in claims
    )


def _reporting_verb(token: Token) -> int:
    """Index of the verb whose clausal complement holds `token` (-1 if none)."""
    current = token
    for _ in range(6):
        if current.dep_ == "ccomp":
            return current.head.i
        if current.head is current:
            break
        current = current.head
    return -1


def _sources(frame: Frame, index: args.MentionIndex) -> tuple[list[Actor], list[Actor]]:
    if frame.source_token is not None:
        return args.with_conjuncts(frame.source_token, index), []
    return args.sources_of(frame.source_verb or frame.verb, index, origin=frame.code[:2] in ORIGIN_ROOTS)


def _targets(
    frame: Frame, index: args.MentionIndex, passive_targets: list[Actor], sources: list[Actor]
) -> list[Actor]:
    if frame.appeal_to is not None:
        return targets.appeal_targets(frame.appeal_to, frame.verb, index)
    if frame.verb.pos_ == "NOUN":  # "talks with X", not "talks on Iraq" or "the meeting in Hong Kong"
        return targets.noun_targets(frame.verb, index, hostile=frame.code[:2] >= "09")
    place = frame.code[:2] in PLACE_TARGET_ROOTS or frame.code in PLACE_TARGET_CODES
    weak: args.WeakTargets = "any" if place else "named"
    talks = frame.code[:3] in TALK_CODES  # one talks with people; what is discussed is a topic
    # "attend the Beijing Olympics" visits China, "shelled Aleppo suburbs" strikes Syria; but
    # "adopted the Arusha Declaration" is no act on Tanzania
    venues = frame.code[:3] in VISIT_CODES or frame.code[:2] in PLACE_TARGET_ROOTS
    found = passive_targets or args.targets_of(
        frame.verb, index, weak=weak, own=frozenset(sources), topics=talks, venues=venues
    )
    if not found and frame.code[:2] == "04":
        found = targets.venue_of(frame.verb, index)
    bare = not any(c.dep_ in args.OBJECT_DEPS for c in frame.verb.children)
    for conj in frame.verb.conjuncts if not found and bare and frame.verb.pos_ == "VERB" else ():
        found = args.targets_of(conj, index, weak=weak)
        if found:
            break
    if not found and frame.code.startswith("11") and frame.verb.lemma_.lower() in ACCUSING:
        found = _accused(frame.verb, index)
    if not found and frame.code == "015":
        found = _claimed_targets(frame.verb, index)
    return found


def _claimed_targets(verb: Token, index: args.MentionIndex) -> list[Actor]:
    """ "Claimed responsibility for an attack targeting X at a mall in Kenya's capital":
    the claim is about the act, so its target is the act's target or place."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"):
            act = next((g for g in prep.children if g.dep_ == "pobj"), None)
            heads = [act, *(c for c in act.children if c.dep_ in ("acl", "relcl"))] if act is not None else []
            for head in heads:
                found = args.targets_of(head, index, weak="any")
                if found:
                    return found
    return []


def _accused(verb: Token, index: args.MentionIndex) -> list[Actor]:
    """ "Alleged that France was aware", "charged that Iran armed them": who the claim is about."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return args.with_conjuncts(subject, index) if subject is not None else []


def attach(frame: Frame, sentence: int, index: args.MentionIndex, places: set[Actor]) -> list[EventCandidate]:
    """Give a frame its sources and targets; one candidate per (source, target)."""
    sources, passive_targets = _sources(frame, index)
    targets = _targets(frame, index, passive_targets, sources)
    if frame.swap and targets:
        sources, targets = targets, sources
    visiting = _visiting_guest(frame.verb, index)
    if visiting is not None:
        sources, targets = visiting
    # "X and Y discussed the crisis" talk with each other; "X and Y supported the plan" do not
    mutual = bool(targets) or _joint_object(frame.verb) or frame.code[:3] in TALK_CODES
    alone = not targets and not _together(frame.verb)
    coded = [(s, t, _riot(frame, s)) for s, t in pairs(sources, targets, frame.code, mutual, alone)]
    if frame.reverse and is_known(frame.reverse) and targets:
        coded += [(t, s, frame.reverse) for s, t, _ in coded if t is not None and _hosts(t, places)]
    explicit = bool(targets)
    if frame.code == "010":  # "said", "told": the reported content is the event, not the saying
        return []
    quiet = frame.code.startswith("01")
    return [
        EventCandidate(s, t, code, sentence, frame.trigger.text, frame.modality, frame.trigger.i)
        for s, t, code in coded
        if (not quiet or (t is not None and explicit)) and (t is None or not same_actor(s, t, code))
        and s.code and (t is None or t.code)  # an actor with no code cannot be coded
    ]


def _visiting_guest(verb: Token, index: args.MentionIndex) -> tuple[list[Actor], list[Actor]] | None:
    """ "Li told visiting French Defence Minister Millon", "Xi met the visiting Kazakh
    president": the person described as visiting is the guest, and the one meeting them the
    host, whether the parser makes "visiting" an adjective or a verb taking them as object."""
    if verb.lower_ != "visiting" or any(c.dep_ in args.SUBJECT_DEPS for c in verb.children):
        return None
    guest = verb.head if verb.dep_ == "amod" else next((c for c in verb.children if c.dep_ == "dobj"), None)
    guests = args.with_conjuncts(guest, index) if guest is not None else []
    if not guests or any(a.kind == "state" for a in guests):
        return None  # "visiting France": the verb's own use
    governor = guest.head if guest is not None else None
    while governor is not None and governor.pos_ not in ("VERB", "AUX") and governor.head is not governor:
        governor = governor.head
    if governor is None or governor is verb:
        governor = verb.head
    subject = args.subject_of(governor, index)[0] if governor.pos_ in ("VERB", "AUX") else None
    hosts = args.with_conjuncts(subject, index) if subject is not None else []
    return guests, [h for h in hosts if h not in guests]


def _riot(frame: Frame, source: Actor) -> str:
    """ "Protesters torched the embassy": violence by a crowd of protesters is 145."""
    if not frame.code.startswith(RIOT_PREFIXES) or source.role.lower() not in PROTESTER_ROLES:
        return frame.code
    return frame.code if frame.trigger.lemma_.lower() in WEAPON_VERBS else "145"


def _hosts(actor: Actor, places: set[Actor]) -> bool:
    """Whether a target can do the reverse act: not a mere place, not an IGO (whose summit is an event, not a visit)."""
    return actor not in places and actor.role != "IGO"


def same_actor(source: Actor, target: Actor, code: str = "") -> bool:
    """One actor acting on itself: same code and no distinct sectors (GOV vs OPP stay apart).
    Armed groups attacking their own country ("insurgents bombarded Syria's second city")
    act against it, so a rebel or militant source is never the state it fights; nor is a
    government or army that strikes, or grieves for, a place of its own country
    ("troops shelled Aleppo", "Obama expressed sorrow for the shootings in South Carolina")."""
    if source.code != target.code or source.sector in ARMED_NON_STATE:
        return False
    official = source.sector in STATE_RUN or (source.kind == "person" and bool(source.role))
    if official and target.kind == "state" and (code in DOMESTIC_CODES or code[:2] in DOMESTIC_ROOTS):
        return False
    return not (source.sector and target.sector and source.sector != target.sector)


def _joint_object(verb: Token) -> bool:
    """Whether coordinated subjects may act on each other: no object, or an object that
    is a joint thing ("signed an accord", "renewed ties"), not "supported the plan"."""
    if verb.lemma_.lower() in WANTING:
        return False  # "X and Y wanted a statement": each wants it, neither acts on the other
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return all(_joint(o) or any(_joint(g) for g in _of_objects(o)) for o in objects)


def _joint(noun: Token) -> bool:
    return noun.lemma_.lower() in JOINT_NOUNS or noun.lower_ in JOINT_NOUNS


def _of_objects(noun: Token) -> list[Token]:
    """ "the upgrade of relations", "the signing of an accord": what the act is about."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _together(verb: Token) -> bool:
    """Whether coordinated subjects can be doing the act with each other: not when they only
    consider or plan it ("X, Y and Z are considering doing so": a clausal complement), when
    they are the agents of a passive ("contingents will be supplied by X, Y and Z") or when
    they act side by side ("fought alongside")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ALLY_PREPS for c in verb.children):
        return False  # "US troops and UK special forces fought alongside the SDF": allies
    return not any(c.dep_ in ("xcomp", "ccomp", "nsubjpass", "auxpass") for c in verb.children)


def pairs(
    sources: list[Actor], targets: list[Actor], code: str, mutual: bool = True, alone: bool = False
) -> list[tuple[Actor, Actor | None]]:
    """Source-target pairs; coordinated sources with no target may act on each other
    (cooperation only when `mutual`: nothing but a joint thing is their object), unless
    they act `alone` (each on its own, see `_together`)."""
    if targets and (len(sources) > MAX_SIDE and len(targets) > MAX_SIDE):
        return []  # leaders of ten states "joined by" six others: a summit, not 60 dyads
    if targets or alone:
        return [(s, t) for s in sources for t in targets] if targets else [(s, None) for s in sources]
    if len(sources) > MAX_SIDE:
        return [(s, None) for s in sources]  # six states signed an accord: a multilateral act
    if len(sources) >= 2 and is_symmetric(code) and mutual:
        # "X and Y clashed", "signed an accord"; not "X and Y launched an offensive" (allies)
        return [(s, t) for s in sources for t in sources if s is not t]
    if len(sources) >= 2 and code[:2] in PAIRED_ROOTS and mutual:
        return [(sources[0], t) for t in sources[1:]]
    return [(s, None) for s in sources]


def _unique(events: list[EventCandidate]) -> list[EventCandidate]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for event in events:
        key = (
            event.source.code if event.source else "",
            event.target.code if event.target else "",
            event.cameo,
        )
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
