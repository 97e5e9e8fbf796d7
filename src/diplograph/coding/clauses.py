"""Code one sentence: find event verbs, recode governed events, attach actors.

A verb in the lexicon gives a code from its phrase (patterns.py). A governing
word ("vowed to", "refused to", "urged ... to", "will") recodes the event of
the verb it governs by family (data/control_*.tsv). Negated and merely possible
events give nothing; a reporting verb gives way to the event it reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Span, Token

from diplograph.coding import arguments as args
from diplograph.coding.ontology import is_known
from diplograph.coding.patterns import Coding, Lexicon, verb_forms
from diplograph.models import Modality

VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
DROP_FAMILIES = frozenset({"possible", "negate"})
SAME = ("same", "scheduled")  # families that keep the governed code
# "Is scheduled to visit", "is due to", "is expected to": the governed event, not yet real.
MODAL_OF: dict[str, Modality] = {
    "future": "future",
    "conditional": "conditional",
    "imminent": "future",
    "scheduled": "future",
}
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
HABITUAL = frozenset(
    {"frequently", "usually", "often", "regularly", "routinely", "generally", "typically", "normally", "habitually"}
)
DENIAL_VERBS = frozenset({"deny", "refute", "dispute"})
# Nouns whose "that" clause is someone's claim, not the reporter's fact.
CLAIM_NOUNS = frozenset(
    {"claim", "report", "allegation", "accusation", "rumour", "rumor", "speculation", "suggestion", "charge"}
)
# Intent verbs whose infinitive may have another subject: "wants Japan to talk".
DESIRE_VERBS = frozenset({"want", "wish", "like", "prefer", "hope"})
EMBEDDED_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "dative"})


@dataclass(frozen=True, slots=True)
class Control:
    """Governing words by family and the family recoding tables."""

    families: dict[str, str]
    codes: dict[str, dict[str, str]]

    def recode(self, family: str, governed: str) -> str:
        """Recode `governed` under `family`; '' means no event."""
        table = self.codes.get(family)
        if table is None:
            return governed
        hit = next((table[governed[:n]] for n in (4, 3, 2) if governed and governed[:n] in table), None)
        hit = table.get("*", "") if hit is None else hit
        return governed if hit == "=" else "" if hit == "-" else hit


def load_control() -> Control:
    """Read data/control_verbs.tsv and data/control_codes.tsv."""
    folder = resources.files("diplograph.coding").joinpath("data")

    def rows(name: str) -> list[list[str]]:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        return [r.split("\t") for r in text.splitlines() if r and not r.startswith("#")][1:]

    families = {row[0]: row[1] for row in rows("control_verbs.tsv")}
    codes: dict[str, dict[str, str]] = {}
    for family, governed, code in rows("control_codes.tsv"):
        codes.setdefault(family, {})[governed] = code
    for alias in ("future", "conditional"):
        codes[alias] = codes["intent"]
    codes["desire"] = {**codes["appeal"], **codes.get("desire", {})}
    return Control(families, codes)


@dataclass(frozen=True, slots=True)
class Frame:
    """A coded verb before actors are attached."""

    verb: Token  # whose arguments give the (default) target
    trigger: Token
    code: str
    modality: Modality
    appeal_to: Token | None = None  # the governing verb whose object is the target
    source_verb: Token | None = None  # whose subject is the source, when not `verb`'s
    source_token: Token | None = None  # a noun phrase naming the source ("his visit")
    reverse: str = ""  # the target's act on the source ("visit" -> "host")
    swap: bool = False  # the phrase names the source after the verb


class SentenceCoder:
    """Codes the sentences of a Doc with a lexicon and the control tables."""

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.lexicon = lexicon
        self.control = control

    def own_coding(self, verb: Token) -> Coding | None:
        """The coding the verb's own phrase gives, None when the verb is not in the lexicon."""
        hit = self.lexicon.lookup(verb)
        if hit is None:
            return None
        pre, post = args.phrase_tokens(verb)
        coding = self.lexicon.code_for(hit[0], hit[1], pre, post, verb_forms(verb))
        return coding if coding.code and is_known(coding.code) else None

    def own_code(self, verb: Token) -> str:
        """The code the verb's own phrase gives, '' when the verb is not in the lexicon."""
        coding = self.own_coding(verb)
        return coding.code if coding else ""

    def _negated(self, verb: Token) -> bool:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        mark = next((c for c in verb.children if c.dep_ == "mark"), None)
        # "if X attacks", and the embedded question "asked whether X would attack"
        return verb.dep_ in ("advcl", "ccomp") and mark is not None and mark.lower_ in HYPOTHETICAL_MARKS

    def _negated_above(self, verb: Token) -> bool:
        """True when a verb governing `verb` within its clause chain is negated."""
        current = verb
        while current.dep_ in EMBEDDED_DEPS and current.head is not current:
            current = current.head
            if current.pos_ in ("VERB", "AUX") and self._negated(current):
                return True
        return False

    def _aux_families(self, verb: Token) -> list[str]:
        """Families of the auxiliaries of `verb` and of the verbs it is coordinated under
        ("should continue to strengthen ... and safeguard": `should` covers both)."""
        out: list[str] = []
        current = verb
        for _ in range(4):
            # "is claiming": a progressive, not "is to" (future, which `_governed` reads).
            out.extend(self._family(c) for c in current.children if c.dep_ == "aux" and c.lemma_ != "be")
            if current.dep_ not in ("conj", "xcomp") or current.head is current:
                break
            current = current.head
        return out

    def _family(self, token: Token) -> str:
        return self.control.families.get(self._base(token), "")

    def _base(self, token: Token) -> str:
        """A word's base form as the control table has it; from its stem when the lemmatizer
        errs ("hopes" -> "hop")."""
        lemma = token.lemma_.lower()
        if lemma in self.control.families:
            return lemma
        forms = (form.lower() for form in verb_forms(token))
        return next((form for form in forms if form in self.control.families), lemma)

    def _governing_family(self, word: Token, inner: Token) -> str:
        """The family of `word` governing `inner`: wanting someone else to act is an appeal
        to them ("wants Japan to talk", "hopes for Iran to ..."), not one's own intent."""
        family = self._family(word)
        if family != "intent" or self._base(word) not in DESIRE_VERBS:
            return family  # "committed China to sign", "offered Iraq to mediate": one's own act
        if inner.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in inner.children):
            return "desire"
        if any(c.dep_ in ("dobj", "obj") and c.i < inner.i for c in word.children):
            return "desire"
        return family

    def _governed(self, word: Token) -> Token | None:
        """The verb a governing word controls: its xcomp (or that of its acomp)."""
        appeal = self._family(word) in ("appeal", "demand", "intent")
        if word.lemma_ == "be" and any(c.dep_ == "aux" for c in word.children):
            return None  # "policy has been to support": a copula, not "is to" (future)
        for child in word.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return child
            if appeal and child.dep_ == "ccomp" and any(g.lower_ == "to" for g in child.children):
                return child
            wishing = self._base(word) in DESIRE_VERBS or self._family(word) == "appeal"
            if child.dep_ == "ccomp" and wishing and _other_subject(child):
                return child  # "Mongolia hopes that China will invest", "urged that Iran stop": appeals
            if child.dep_ == "acomp" and self._family(child):
                return None
        return None

    def frame(self, verb: Token) -> list[Frame]:
        """Code `verb` with its auxiliaries; [] when it yields no event.

        "Will visit" is coded twice: as the visit (modality "future"), as PETRARCH
        does, and as the intent it expresses (036), as the CAMEO codebook does;
        "will attack" only as the threat it is (138).
        """
        coding = self.own_coding(verb)
        if coding is None:
            return []
        families = self._aux_families(verb)
        if any(f in DROP_FAMILIES for f in families):
            return []
        modal = next((f for f in families if f in MODAL_OF), "")
        if not modal:
            return [Frame(verb, verb, coding.code, "asserted", reverse=coding.reverse, swap=coding.swap)]
        frames = [Frame(verb, verb, coding.code, MODAL_OF[modal], swap=coding.swap)]
        intent = self.control.recode(modal, coding.code)
        if intent and intent != coding.code:
            # "Will attack" is a threat (13x), not an attack yet: the threat alone stands.
            threat = intent.startswith("13")
            frames = [
                *([] if threat else frames),
                Frame(verb, verb, intent, MODAL_OF[modal], swap=coding.swap),
            ]
        return frames

    def negated_frame(self, verb: Token) -> Frame | None:
        """ "Would not provide support" declines cooperation (12x); "did not meet" is nothing."""
        auxes = {self._family(c) for c in verb.children if c.dep_ == "aux"}
        if not auxes & {"future", "conditional"}:
            return None
        code = self.own_code(verb)
        if not code or not "03" <= code[:2] <= "08":
            return None
        return Frame(verb, verb, self.control.recode("reject", code), "asserted")

    def governed_frames(self, word: Token, inner: Token) -> list[Frame]:
        """Recode the event of `inner` as governed by `word` ("vowed to support").

        A future governor ("are to hold talks") keeps the plain event too, as
        `frame` does for "will".
        """
        family = self._governing_family(word, inner)
        if family in DROP_FAMILIES or self._negated(word) or self._negated(inner):
            return []
        auxes = self._aux_families(word)
        if any(f in DROP_FAMILIES for f in auxes):
            return []
        modal = family if family in MODAL_OF else next((f for f in auxes if f in MODAL_OF), "")
        modality: Modality = MODAL_OF[modal] if modal else "asserted"
        governed = self.own_code(inner)
        code = self.control.recode(family, governed) if governed or family not in SAME else ""
        if not code:
            code = (
                self.own_code(word)
                if family not in ("intent", "future", "imminent", "attempt", *SAME)
                else ""
            )
        if not code or not is_known(code):
            return []
        if family in ("appeal", "demand", "desire"):
            return [Frame(inner, word, code, modality, appeal_to=word, source_verb=word)]
        frames = [Frame(inner, word, code, modality)]
        if family == "future" and governed and governed != code and not code.startswith("13"):
            frames.append(Frame(inner, word, governed, modality))
        return frames

    def frames(self, sent: Span) -> list[Frame]:
        """All coded frames of a sentence; governed verbs are coded once, by their governor."""
        out: list[Frame] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ not in VERBAL_POS or not self._family(tok):
                continue
            inner = self._governed(tok)
            if inner is not None:
                consumed.update((tok.i, inner.i))
                out.extend(self.governed_frames(tok, inner))
        for tok in sent:
            if tok.i in consumed or tok.pos_ not in ("VERB", "AUX") or _infinitive(tok):
                continue
            if tok.dep_ != "ROOT" and (self._negated_above(tok) or _unasserted(tok)):
                continue
            if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in tok.children):
                continue  # "rebels frequently target convoys": a habit, not an event on a day
            if self._negated(tok):
                negated = self.negated_frame(tok) if any(c.dep_ == "neg" for c in tok.children) else None
                out.extend([negated] if negated else [])
            else:
                out.extend(self.frame(tok))
        return out


def _infinitive(verb: Token) -> bool:
    """A `to` infinitive not taken up by a governing verb: a purpose or plan, not an act."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _unasserted(verb: Token) -> bool:
    """A clause its sentence does not assert: denied ("Russia denied that its troops attacked
    Georgia") or held as a claim, report or fear ("rejected claims that it supplied arms")."""
    current = verb
    for _ in range(4):
        if current.dep_ not in ("ccomp", "acl", "relcl", "conj") or current.head is current:
            return False
        head = current.head
        lemma = head.lemma_.lower()
        if current.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and lemma in DENIAL_VERBS:
            return True
        if current.dep_ in ("ccomp", "acl") and head.pos_ == "NOUN" and lemma in CLAIM_NOUNS:
            return True
        current = head
    return False


def _other_subject(clause: Token) -> bool:
    """Whether a finite clause has a subject of its own, other than a pronoun for the wisher."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ in ("PROPN", "NOUN")
