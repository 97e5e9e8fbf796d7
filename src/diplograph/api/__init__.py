"""REST API and web page over an event database (needs the `api` extra)."""
