"""Doc extensions our components read and assign.

Registration is idempotent and happens in `build_nlp`, never at import time.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "article": None,  # models.Article, set before the Doc enters the pipeline
    "actor_mentions": None,  # list[models.ActorMention], by diplograph_actors
    "event_candidates": None,  # list[models.EventCandidate], by diplograph_coder
}


def register_extensions() -> None:
    """Register the Doc extensions once (safe to call repeatedly)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
