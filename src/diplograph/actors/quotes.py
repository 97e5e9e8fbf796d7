"""First person inside quotes ("we", "our country") stands for the speaker's state."""

from __future__ import annotations

from diplograph.actors.resolve import ArticleResolver, Found
from diplograph.models import Actor

QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}
FIRST_PERSON = {"we", "our", "us"}


def quoted(r: ArticleResolver) -> list[bool]:
    """Whether each token lies inside a quotation (quotes reset at paragraph breaks)."""
    inside = [False] * len(r.doc)
    state, paragraph = False, -1
    for i, word in enumerate(r.low):
        if r.para_of[i] != paragraph:
            state, paragraph = False, r.para_of[i]
        if word in QUOTE_MARKS:
            state = not state
            continue
        inside[i] = state
    return inside


def speaker(r: ArticleResolver, i: int, inside: list[bool]) -> Actor | None:
    """Who speaks the quote around token i: a named actor of the sentence outside the quote."""
    sentence = r.sent_of[i]
    outside = [f for f in r.found if f.sentence == sentence and not inside[f.start]]
    people = [f for f in outside if f.actors[0].kind == "person"]
    candidates = people or outside
    pick: Found | None = candidates[0] if candidates else None
    if pick is None:
        earlier = [f for f in r.found if f.start < i and f.actors[0].kind == "person" and len(f.actors) == 1]
        pick = earlier[-1] if earlier else None
    if pick is None or len(pick.actors) != 1:
        return None
    actor = pick.actors[0]
    return r.gaz.state(actor.code) if actor.code in r.gaz.state_names else actor


def first_person(r: ArticleResolver) -> None:
    """Emit the speaker's state for "we"/"our"/"us" inside quotes."""
    low = r.low
    if not FIRST_PERSON.intersection(low):
        return
    inside = quoted(r)
    taken = {i for f in r.found for i in range(f.start, f.end)}
    for i, word in enumerate(low):
        if word in FIRST_PERSON and inside[i] and i not in taken:
            actor = speaker(r, i, inside)
            if actor is not None:
                end = (
                    i + 2
                    if word == "our"
                    and i + 1 < len(low)
                    and low[i + 1] in ("country", "nation", "government")
                    else i + 1
                )
                r.emit(i, end, (actor,), "quote")
