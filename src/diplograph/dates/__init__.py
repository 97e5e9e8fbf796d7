"""Event dates: when each event happened, resolved against the article's anchor date."""

from diplograph.dates.expressions import DateMatch, find_dates, resolve
from diplograph.dates.paragraphs import sentence_paragraphs, sentences_of
from diplograph.dates.resolver import DateResolver

__all__ = ["DateMatch", "DateResolver", "find_dates", "resolve", "sentence_paragraphs", "sentences_of"]
