"""Training code for the learned event model (kept apart from runtime code, as spaCy keeps `training/`).

Nothing here runs when events are extracted: `diplograph train` rebuilds the
shipped model in `diplograph/coding/data/event_model/` from annotated parts.
"""
