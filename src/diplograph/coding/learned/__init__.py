"""The learned event model: candidates (sentence, source, target), their features, and the scorer.

`candidates.py` proposes every directed pair of actor codes a sentence can
report, `features.py` describes each as hashed strings, `model.py` turns the
features into a CAMEO root and a calibrated confidence, and `component.py`
is the `diplograph_event_model` spaCy component that picks the events.
"""
