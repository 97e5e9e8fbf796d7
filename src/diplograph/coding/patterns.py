"""Verb lexicon and PETRARCH-style pattern matching over a verb's phrase.

A pattern such as `* TALKS ( WITH + )` says: after the verb, the words TALKS
and WITH occur in this order. Words match a token's text or lemma; words of
four letters or more also match as prefixes (TABARI's stemming: TALK matches
TALKS), unless they end in `_`. `{A B}` is a contiguous phrase and `&NAME` a
synonym set. `$`, `+` and `^` only mark roles in PETRARCH and are skipped here:
the roles come from the dependency parse (see clauses.py). As in PETRARCH, a
word inside a prepositional phrase matches only after its preposition (`gates`),
`( TO` asks for the preposition, not the infinitive marker, and a repeated
pattern keeps its last code.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from diplograph.coding.petrarch import PHRASAL_WORDS, VerbDictionary, read_verb_dictionary

Phrase = tuple[str, ...]  # contiguous words
Unit = tuple[Phrase, ...]  # alternatives
_SKIP = {"$", "+", "^", "(", ")", "%", "|"}
_MAX_ALTERNATIVES = 400
_PREP_TO = "TO@"
# Endings a pattern stem may take in the text: inflections and agent nouns.
STEM_ENDINGS = frozenset(
    {"S", "ES", "ED", "D", "ING", "ER", "ERS", "OR", "ORS", "ION", "IONS", "AL", "ALS", "MENT", "MENTS", "'S", "E"}
)
# Particles and prepositions: a pattern of nothing else ("* OFF", "* ( WITH )") ranks after an
# equal-weight one naming a thing ("* RELATIONS"): "broke off relations with X" cuts ties.
FUNCTION_WORDS = PHRASAL_WORDS | {_PREP_TO}


@dataclass(frozen=True, slots=True)
class Coding:
    """What a verb phrase means: its code, the code of the reverse act, and whether
    the phrase names the source after the verb ("received assurances from $")."""

    code: str
    reverse: str = ""
    swap: bool = False

    @classmethod
    def parse(cls, text: str, swap: bool = False) -> Coding:
        code, _, reverse = text.partition(":")
        return cls(code, reverse, swap)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern: units before and after the verb, and its coding."""

    pre: tuple[Unit, ...]
    post: tuple[Unit, ...]
    coding: Coding
    weight: int
    anchors: tuple[frozenset[str], ...] = ()  # per unit, the keys one of its first words needs
    phrasal: bool = False  # names a prepositional phrase, "( TO )": beats a bare "TO" of equal weight
    particle: bool = False  # only function words ("* OFF"): an equal-weight "* RELATIONS" beats it
    verbs: frozenset[str] = frozenset()  # a phrasal verb's pattern keeps to its verb ("@PRESS")


@dataclass(slots=True)
class Lexicon:
    """Verb forms -> (block, default code) and block -> compiled patterns."""

    verbs: dict[str, tuple[str, str]]
    patterns: dict[str, list[Pattern]]

    def lookup(self, token: Token) -> tuple[str, str] | None:
        """Return (block, default code) for a verb token, trying particle verbs first."""
        lemma, text = token.lemma_.upper(), token.text.upper()
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
                for base in (lemma, text):
                    hit = self.verbs.get(f"{base}_{child.text.upper()}")
                    if hit:
                        return hit
        for form in (lemma, text, *_stems(text)):
            hit = self.verbs.get(form)
            if hit:
                return hit
        return None

    def code_for(
        self, block: str, default: str, pre: Sequence[Token], post: Sequence[Token], forms: frozenset[str] = frozenset()
    ) -> Coding:
        """Return the coding of the heaviest pattern of `block` that matches, else `default`'s."""
        candidates = self.patterns.get(block)
        if not candidates:
            return Coding.parse(default)
        pre_words = [_words(t) for t in pre]
        post_words = [_words(t) for t in post]
        pre_gates, post_gates = gates(pre), gates(post)
        keys = _keys(pre_words) | _keys(post_words)
        # Patterns are sorted heaviest first, so the first full match is the answer.
        particles = {t.text.upper() for t in post if t.dep_ == "prt"}
        for pattern in candidates:
            if pattern.verbs and forms and not pattern.verbs & forms:
                continue  # "* ON" written for "press on" does not code "campaigning on"
            if pattern.particle and not pattern.phrasal and not _words_of(pattern) & particles:
                continue  # "* OFF" is "fired off", not "fired missiles off its coast"
            if all(anchor & keys for anchor in pattern.anchors) and (
                _match_units(pattern.post, post_words, post_gates)
                and _match_units(pattern.pre, pre_words, pre_gates)
            ):
                return pattern.coding
        return Coding.parse(default)


def gates(tokens: Sequence[Token]) -> list[int]:
    """Per token, the position in `tokens` of the preposition that governs it (-1: none).

    PETRARCH matches a pattern word inside a prepositional phrase only after the
    preposition itself: "* TRIP" codes "made a trip", not "made remarks at the start of a trip".
    "Of" is let through: "a round of talks", "a series of attacks" name the talks and attacks.
    """
    where = {t.i: n for n, t in enumerate(tokens)}
    out = []
    for tok in tokens:
        gate, current = -1, tok
        for _ in range(8):
            head = current.head
            if head is current or head.i not in where:
                break
            if head.dep_ in ("prep", "agent", "dative") and head.pos_ == "ADP" and head.lower_ != "of":
                gate = where[head.i]
                break
            if head.dep_ in ("acl", "relcl") and head.pos_ in ("VERB", "AUX"):
                gate = where[head.i]  # "a force being sent to Albania": the clause is its own
                break
            current = head
        out.append(gate)
    return out


def _keys(words: Sequence[tuple[str, str]]) -> set[str]:
    """Every string a pattern word could equal to match one of `words` (forms and long prefixes)."""
    keys: set[str] = set()
    for text, lemma in words:
        keys.add(lemma)
        keys.update(text[:n] for n in range(4, len(text) + 1))
        keys.add(text)
    return keys


def _anchors(units: Sequence[Unit]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(phrase[0].rstrip("_") for phrase in unit) for unit in units)


def verb_forms(token: Token) -> frozenset[str]:
    """The forms a pattern's verb restriction may name: lemma, text and stems, upper-cased."""
    text = token.text.upper()
    return frozenset({token.lemma_.upper(), text, *_stems(text)})


def _stems(word: str) -> list[str]:
    """Base-form guesses for an inflected verb, for when the lemmatizer is wrong (staged -> stag)."""
    out = []
    for suffix, repl in (
        ("IED", "Y"),
        ("IES", "Y"),
        ("ED", "E"),
        ("ED", ""),
        ("ING", "E"),
        ("ING", ""),
        ("ES", ""),
        ("S", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + repl
            out.append(base)
            if not repl and len(base) > 3 and base[-1] == base[-2]:
                out.append(base[:-1])
    return out


def _words(token: Token) -> tuple[str, str]:
    """(text, lemma) upper-cased; a prepositional "to" has the lemma TO@, which a pattern's
    "( TO" asks for: "heads to Beijing" is a phrase, "efforts to build" is not."""
    if token.lower_ == "to" and token.pos_ == "ADP":
        return "TO", _PREP_TO
    return token.text.upper(), token.lemma_.upper()


def _word_ok(word: str, forms: tuple[str, str]) -> bool:
    if word.endswith("_"):
        return word[:-1] in forms
    if word in forms:
        return True
    # PETRARCH matches stems: "PROTEST" matches "protesters"; but only with a word ending
    # after it, so "PART" (take part) does not match "Party" nor "MEMBER" "membership".
    return len(word) >= 4 and forms[0].startswith(word) and forms[0][len(word) :] in STEM_ENDINGS


def _match_units(
    units: Sequence[Unit], words: Sequence[tuple[str, str]], gates: Sequence[int] | None = None
) -> bool:
    """True when every unit matches, in order, a contiguous stretch of `words`.

    With `gates`, a word inside a prepositional phrase matches only once the
    phrase's preposition has been matched (see `gates`).
    """
    pos = 0
    matched: set[int] = set()
    for unit in units:
        found = -1
        for start in range(pos, len(words)):
            for phrase in unit:
                end = start + len(phrase)
                if (
                    end <= len(words)
                    and all(_word_ok(w, words[start + k]) for k, w in enumerate(phrase))
                    and _open(gates, start, end, matched)
                ):
                    found = end
                    break
            if found >= 0:
                matched.update(range(start, found))
                break
        if found < 0:
            return False
        pos = found
    return True


def _open(gates: Sequence[int] | None, start: int, end: int, matched: set[int]) -> bool:
    if gates is None:
        return True
    return all(gates[k] < 0 or gates[k] in matched or start <= gates[k] < end for k in range(start, end))


def _expand(word: str, synsets: dict[str, list[str]], depth: int = 0) -> list[Phrase]:
    """Expand one pattern word (maybe `&SYN` or `A_B`) into its alternative phrases."""
    if word.startswith("&") and depth < 3:
        name = word if word in synsets else word.rstrip("_")
        members = synsets.get(name) or synsets.get(name + "_") or []
        out: list[Phrase] = []
        for member in members:
            parts = [_expand(p, synsets, depth + 1) for p in member.split()]
            out.extend(tuple(itertools.chain.from_iterable(c)) for c in itertools.product(*parts))
        return out[:_MAX_ALTERNATIVES] or [(word,)]
    if "_" in word.strip("_"):
        parts = [_expand(p, synsets, depth) for p in word.strip("_").split("_") if p]
        return [tuple(itertools.chain.from_iterable(c)) for c in itertools.product(*parts)][
            :_MAX_ALTERNATIVES
        ]
    if "-" in word.strip("-_") and not word.startswith("&"):
        # spaCy splits "sit-in" and "counter-attack" at the hyphen, a punctuation token the
        # verb's phrase leaves out (args.phrase_tokens): match the pieces
        return [tuple(p for p in word.split("-") if p)]
    return [(word,)]


def _units(tokens: Iterable[str], synsets: dict[str, list[str]]) -> list[Unit]:
    units: list[Unit] = []
    phrase: list[list[Phrase]] | None = None
    opened = False  # the word after "(" heads a prepositional phrase
    for tok in tokens:
        if tok.startswith("{"):
            phrase, tok = [], tok[1:]
        closing = tok.endswith("}")
        tok = tok.rstrip("}")
        if tok == "(":
            opened = True
        elif tok and tok not in _SKIP:
            alts = _expand(_PREP_TO if opened and tok == "TO" else tok, synsets)
            opened = False
            if phrase is None:
                units.append(tuple(alts))
            else:
                phrase.append(alts)
        if closing and phrase is not None:
            combos = itertools.islice(itertools.product(*phrase), _MAX_ALTERNATIVES)
            units.append(tuple(tuple(itertools.chain.from_iterable(c)) for c in combos))
            phrase = None
    return [u for u in units if u]


def compile_pattern(text: str, code: str, synsets: dict[str, list[str]]) -> Pattern | None:
    """Compile one PETRARCH pattern body (`pre * post`); None if it has no `*`."""
    tokens = text.replace("{", " {").replace("}", "} ").split()
    verbs = frozenset(t[1:] for t in tokens if t.startswith("@"))
    tokens = [t for t in tokens if not t.startswith("@")]
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    pre, post = _units(tokens[:star], synsets), _units(tokens[star + 1 :], synsets)
    weight = sum(max(len(p) for p in u) for u in pre + post)
    swap = "$" in tokens[star + 1 :] and "$" not in tokens[:star]
    if not weight:
        return None
    phrasal = "(" in tokens
    particle = bool(pre + post) and _words_of_units(pre + post) <= FUNCTION_WORDS
    return Pattern(
        tuple(pre), tuple(post), Coding.parse(code, swap), weight, _anchors(pre + post), phrasal, particle, verbs
    )


def _words_of_units(units: Sequence[Unit]) -> set[str]:
    return {w for unit in units for phrase in unit for w in phrase}


def _words_of(pattern: Pattern) -> set[str]:
    return _words_of_units(pattern.pre + pattern.post)


def build_lexicon(vd: VerbDictionary) -> Lexicon:
    """Compile a parsed verb dictionary into a Lexicon."""
    patterns: dict[str, list[Pattern]] = {}
    for block, rows in vd.patterns.items():
        default = vd.verbs.get(block, ("", ""))[1]
        compiled = (compile_pattern(text, code, vd.synsets) for text, code in _last_wins(rows, default))
        patterns[block] = sorted(
            (p for p in compiled if p is not None), key=lambda p: (-p.weight, p.particle, not p.phrasal)
        )
    verbs = {form: hit for form, hit in vd.verbs.items() if form[:1].isalpha()}
    return Lexicon(verbs, patterns)


def _last_wins(rows: Sequence[tuple[str, str]], default: str = "") -> list[tuple[str, str]]:
    """One row per pattern text, in first-seen order, with the code of its last entry:
    PETRARCH stores patterns in a tree, so a repeated pattern overwrites the earlier one.
    When the repeats disagree, one of the block's own root wins ("APPREHEND * MEMBERS" is
    an arrest, 173, not the abduction, 181, a later merge left below it)."""
    codes: dict[str, str] = {}
    for text, code in rows:
        key = " ".join(text.split())
        kept = codes.get(key)
        own = bool(default) and kept is not None and kept[:2] == default[:2] != code[:2]
        codes[key] = kept if own and kept is not None else code
    return list(codes.items())


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("diplograph.coding").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]


def load_packaged_dictionary() -> VerbDictionary:
    """Read the packaged verb data (CAMEO.2.0 converted, plus our own additions)."""
    vd = VerbDictionary()
    for name in ("extra_verbs.tsv", "verbs.tsv"):
        for form, block, code in _data_rows(name):
            vd.verbs.setdefault(form, (block, code))
    for name in ("extra_patterns.tsv", "verb_patterns.tsv"):
        for block, text, code in _data_rows(name):
            vd.patterns.setdefault(block, []).append((text, code))
    for synset, word in _data_rows("synsets.tsv"):
        vd.synsets.setdefault(synset, []).append(word)
    return vd


def load_lexicon(verb_files: Sequence[str | Path] = ()) -> Lexicon:
    """Build the lexicon from the packaged data, or from PETRARCH verb files if given."""
    if not verb_files:
        return build_lexicon(load_packaged_dictionary())
    merged = VerbDictionary()
    for path in verb_files:
        vd = read_verb_dictionary(Path(path))
        for form, hit in vd.verbs.items():
            merged.verbs.setdefault(form, hit)
        for block, rows in vd.patterns.items():
            merged.patterns.setdefault(block, []).extend(rows)
        merged.synsets.update(vd.synsets)
    return build_lexicon(merged)
