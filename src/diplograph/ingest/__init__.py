"""Read articles from files, folders and standard input.

`iter_articles` is the one entry point: it yields `Article`s and reports each
unreadable input through a callback instead of stopping.
"""

from diplograph.ingest.dateline import dateline_parse
from diplograph.ingest.readers import SUFFIXES, iter_articles

__all__ = ["SUFFIXES", "dateline_parse", "iter_articles"]
