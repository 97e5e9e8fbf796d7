"""Features of a candidate event, as strings (the model hashes them).

They describe what the annotations show decides an event: the words of the
sentence, the dependency path between the two actors, their grammatical roles,
voice, negation and modal cues, the actors' kinds and sectors, whether an actor
was carried from an earlier sentence, and the rule coder's own codes.
No article text is stored: a string is hashed before it reaches the weights.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from diplograph.coding.learned.candidates import MAX_PAIRS, Candidate, Slot, head, lowest_common_ancestor

FEATURE_SCHEMA = 1
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV"})
MODALS = frozenset({"will", "would", "may", "might", "could", "should", "can", "must", "shall"})


def candidate_features(sent: Span, cand: Candidate, frames: list[tuple[int, str]],
                       words: list[str]) -> list[str]:
    """All features of one candidate; `frames` are the rule coder's (token, code) in the sentence,
    `words` the sentence's word features (shared by its candidates)."""
    src, tgt = cand.codes
    out = ["bias", *words, *_pair(cand.source[0], cand.target[0], src == tgt)]
    out += _rules(cand)
    for s_slot, t_slot in _mention_pairs(cand):
        out += _path(sent, s_slot, t_slot)
    trigger_frames = [code for _, code in frames]
    out += [f"frame={code[:2]}" for code in trigger_frames]
    out += [f"frame3={code[:3]}" for code in trigger_frames]
    out += _path_frames(sent, cand, frames)
    return sorted(set(out + _conjoined(cand, out)))


def _conjoined(cand: Candidate, features: list[str]) -> list[str]:
    """Every feature again, joined with the kind of candidate (both actors here, one carried from an
    earlier sentence, one code on both sides) and with whether the rules coded the pair: a linear
    model can then weigh the same word differently in each."""
    source, target = cand.source[0], cand.target[0]
    kind = "carried" if source.back or target.back else "same" if cand.codes[0] == cand.codes[1] else "here"
    ruled = "ruled" if cand.rules else "unruled"
    return [f"{kind}|{f}" for f in features] + [f"{ruled}|{f}" for f in features if not f.startswith("w=")]


def _path_frames(sent: Span, cand: Candidate, frames: list[tuple[int, str]]) -> list[str]:
    """Codes of the verb patterns that govern an actor of the pair: the likeliest event type."""
    doc = sent.doc
    above: set[int] = set()
    for slot in (cand.source[0], cand.target[0]):
        if slot.back == 0:
            tok = head(doc, slot.mention)
            above.update(t.i for t in (tok, *tok.ancestors))
    out = [f"gov_verb={doc[i].lemma_.lower()}" for i in above if doc[i].pos_ == "VERB"]
    for index, code in frames:
        if index in above:
            out += [f"gov_frame={code[:2]}", f"gov_frame3={code[:3]}",
                    f"gov_frame_lemma={doc[index].lemma_.lower()}_{code[:2]}"]
    return out or ["gov_frame=none"]


def sentence_words(sent: Span, number: int) -> list[str]:
    """Word features of a sentence: content lemmas, verb-object bigrams, cues, position."""
    out = [f"pos_in_article={min(number, 6)}"]
    for tok in sent:
        if tok.pos_ in CONTENT_POS and tok.is_alpha:
            out.append(f"w={tok.lemma_.lower()}")
            if tok.pos_ == "VERB":
                out.append(f"v={tok.lemma_.lower()}")
                out += [f"vo={tok.lemma_.lower()}_{c.lemma_.lower()}" for c in tok.children
                        if c.dep_ in ("dobj", "prt", "attr")]
        if tok.dep_ == "neg":
            out.append("negated")
        if tok.lower_ in MODALS:
            out.append(f"modal={tok.lower_}")
        if tok.lower_ in ("if", "unless"):
            out.append("conditional")
        if tok.is_quote:
            out.append("quote")
    out.append(f"root={sent.root.lemma_.lower()}")
    out.append(f"len={min(len(sent) // 10, 5)}")
    return out


def _pair(source: Slot, target: Slot, same: bool) -> list[str]:
    s, t = source.actor, target.actor
    return [
        f"same={same}",
        f"s_kind={s.kind}", f"t_kind={t.kind}", f"kinds={s.kind}_{t.kind}",
        f"s_sector={s.sector}", f"t_sector={t.sector}",
        f"s_how={source.mention.how}", f"t_how={target.mention.how}",
        f"s_back={source.back}", f"t_back={target.back}",
        f"s_igo={len(s.code) != 3}", f"t_igo={len(t.code) != 3}",
    ]


def _rules(cand: Candidate) -> Iterator[str]:
    src, _ = cand.codes
    if not cand.rules:
        yield "rule=none"
    for rule in cand.rules:
        forward = rule.source is not None and rule.source.code == src
        way = "fwd" if forward else "rev"
        yield f"rule_{way}={rule.cameo[:2]}"
        yield f"rule_{way}3={rule.cameo[:3]}"
        yield f"rule_mod={rule.modality}"


def _mention_pairs(cand: Candidate) -> Iterator[tuple[Slot, Slot]]:
    count = 0
    for s_slot in cand.source:
        for t_slot in cand.target:
            if s_slot.mention == t_slot.mention or (s_slot.back and t_slot.back):
                continue
            yield s_slot, t_slot
            count += 1
            if count >= MAX_PAIRS:
                return


def _role(tok: Token, top: Token) -> str:
    """How a mention hangs from the word above it: nsubj, dobj, pobj:with, poss ..."""
    for t in (tok, *tok.ancestors):
        if t.head == top or t == top or t.head == t:
            if t.dep_ == "pobj":
                return f"pobj:{t.head.lower_}"
            return t.dep_
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head == top:
            return f"pobj:{t.head.lower_}"
    return "far"


def _path(sent: Span, s_slot: Slot, t_slot: Slot) -> list[str]:
    doc = sent.doc
    if s_slot.back or t_slot.back:
        here, side = (t_slot, "t") if s_slot.back else (s_slot, "s")
        tok = head(doc, here.mention)
        verb = next((t for t in (tok, *tok.ancestors) if t.pos_ in ("VERB", "AUX")), sent.root)
        role = _role(tok, verb)
        return [f"carried_{side}_role={role}", f"carried_{side}_verb={verb.lemma_.lower()}",
                f"carried_{side}={role}_{verb.lemma_.lower()}"]
    s_head, t_head = head(doc, s_slot.mention), head(doc, t_slot.mention)
    top = lowest_common_ancestor(s_head, t_head)
    lemma = top.lemma_.lower()
    s_role, t_role = _role(s_head, top), _role(t_head, top)
    steps = _depth(s_head, top) + _depth(t_head, top)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in top.children)
    lo, hi = sorted((s_head.i, t_head.i))
    between = [f"btw={t.lemma_.lower()}" for t in doc[lo + 1:hi] if t.pos_ in ("VERB", "NOUN", "ADP")][:12]
    return [*between, *_mood(top), f"gap={min((hi - lo) // 4, 6)}",
        f"lca={lemma}", f"lca_pos={top.pos_}", f"roles={s_role}_{t_role}",
        f"s_role={s_role}", f"t_role={t_role}", f"lca_roles={lemma}_{s_role}_{t_role}",
        f"steps={min(steps, 8)}", f"order={'st' if s_head.i < t_head.i else 'ts'}",
        f"passive={passive}", f"lca_tag={top.tag_}", f"lca_is_root={top == sent.root}",
        f"s_role_lca={s_role}_{lemma}", f"t_role_lca={t_role}_{lemma}",
    ]


def _mood(verb: Token) -> list[str]:
    """Whether the act is done or only meant: auxiliaries ("will meet"), a governing verb
    ("agreed to meet", "said it would meet"), and negation on the verb itself."""
    out = [f"aux={c.lower_}" for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS]
    out += [f"aux_neg={c.dep_ == 'neg'}" for c in verb.children if c.dep_ == "neg"]
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head != verb:
        out.append(f"governed_by={verb.head.lemma_.lower()}")
        out.append(f"governed={verb.head.lemma_.lower()}_{verb.lemma_.lower()}")
    return out


def _depth(tok: Token, top: Token) -> int:
    steps = 0
    while tok != top and tok.head != tok:
        tok = tok.head
        steps += 1
    return steps
