"""Build the spaCy Language with diplograph's components in order."""

from __future__ import annotations

import importlib

from spacy.language import Language

from diplograph.config import Settings
from diplograph.errors import ModelError
from diplograph.nlp.extensions import register_extensions


def load_model(name: str) -> Language:
    """Load the installed spaCy package `name` (never downloads)."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(f"spaCy model package '{name}' is not installed") from exc
    nlp: Language = module.load()
    return nlp


def build_nlp(settings: Settings, *, event_model: bool = True) -> Language:
    """Return the model with paragraph breaks as sentence starts, then diplograph_actors, _coder
    and the learned diplograph_event_model (left out while training it)."""
    register_extensions()
    # Importing the modules registers the factories with spaCy.
    importlib.import_module("diplograph.actors.component")
    importlib.import_module("diplograph.coding.component")
    importlib.import_module("diplograph.nlp.paragraphs")
    importlib.import_module("diplograph.coding.learned.component")
    nlp = load_model(settings.spacy_model)
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    nlp.add_pipe(
        "diplograph_actors",
        config={"actor_files": [str(p) for p in settings.actor_files]},
    )
    nlp.add_pipe("diplograph_coder")
    if event_model:
        nlp.add_pipe("diplograph_event_model", config={"model_dir": settings.event_model_dir})
    return nlp
