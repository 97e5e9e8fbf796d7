"""spaCy pipeline: the parser plus diplograph's own named components."""
