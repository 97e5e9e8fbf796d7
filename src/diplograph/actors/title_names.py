"""Names a title introduces at a distance: "Chairman of the National Committee of the
Chinese People's Political Consultative Conference Jia Qinglin" (a title with an "of"
complement, then the holder) and "the Turkish foreign minister, Mevlut Cavusoglu, will"
(an apposition). Both name the person; neither means the title's holder in the data.
"""

from __future__ import annotations

from dataclasses import replace

from diplograph.actors.matcher import Hit
from diplograph.actors.resolve import NAME_STOP, ArticleResolver
from diplograph.models import Actor

COMPLEMENT_WORDS = frozenset({"of", "the", "'s", "for", "and", "-", "on"})
MAX_COMPLEMENT = 16  # tokens between the title and the name


def title_phrase_name(r: ArticleResolver, hits: list[Hit], k: int, codes: list[str], start: int) -> int:
    """Emit the person a title phrase with an "of" complement introduces; return the index
    of the next unread hit, or -1 when the title is not followed by such a name."""
    head = hits[k]
    title = head.title
    if title is None or head.end >= len(r.low) or r.low[head.end] != "of":
        return -1
    name = _name_after(r, hits, k)
    if name is None:
        return -1
    name_start, name_end, m = name
    phrase = r.doc[head.start : name_start].text
    phrase_title = replace(title, role=phrase)
    code = _phrase_code(hits, k, name_start) or (codes[0] if codes else r.context_code(head.start))
    actor: Actor | None = None
    if m is not None:
        actor = r.resolve_person(hits[m].persons, [code] if code else [], phrase_title)
    if actor is None and code:
        actor = r.learn(r.doc[name_start:name_end].text, code, phrase_title)
    if actor is None:
        return -1
    if actor.role in ("", "Government"):
        actor = replace(actor, role=phrase, sector="GOV")
    r.emit(start, name_end, (actor,), "learned" if m is None else "name")
    nxt = k + 1
    while nxt < len(hits) and hits[nxt].start < name_end:
        nxt += 1
    return nxt


def _name_after(r: ArticleResolver, hits: list[Hit], k: int) -> tuple[int, int, int | None] | None:
    """(start, end, person hit index or None) of the name closing the title's complement."""
    doc = r.doc
    first = hits[k].end
    persons = {h.start: m for m, h in enumerate(hits) if m > k and h.persons and h.start > first + 1}
    i = first
    while i < min(len(doc), first + MAX_COMPLEMENT):
        token = doc[i]
        if i in persons:
            return i, hits[persons[i]].end, persons[i]
        if i > first + 1 and token.ent_type_ == "PERSON" and token.text[:1].isupper():
            end = i
            while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].text[:1].isupper():
                end += 1
            return (i, end, None) if end - i >= 2 else None
        if not (r.low[i] in COMPLEMENT_WORDS or (token.text[:1].isupper() and token.is_alpha)):
            return None
        i += 1
    return None


def _phrase_code(hits: list[Hit], k: int, name_start: int) -> str:
    """A nationality or national body inside the title phrase ("of the Chinese People's ...")."""
    for hit in hits[k + 1 :]:
        if hit.start >= name_start:
            break
        if hit.state:
            return hit.state[0]
        if hit.org and hit.org.code and hit.org.role != "IGO":
            return hit.org.code
    return ""


def apposition_name(r: ArticleResolver, head: Hit) -> tuple[int, int] | None:
    """ "the Turkish foreign minister, Mevlut Cavusoglu, ...": the (start, end) of a name set
    off by commas right after the title, which the parse attaches to the title."""
    doc, i = r.doc, head.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return None
    end = i + 1
    while end < min(len(doc), i + 6) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        if doc[end].pos_ not in ("PROPN", "") or r.low[end] in NAME_STOP:
            return None
        end += 1
    if end - (i + 1) < 2 or (end < len(doc) and doc[end].text not in (",", ".")):
        return None
    last, title_token = doc[end - 1], doc[head.end - 1]
    if last.dep_ != "appos" or last.head.i != title_token.i:
        return None
    return i + 1, end
