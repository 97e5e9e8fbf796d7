"""A sentence never crosses a paragraph break.

The parser sometimes runs a caption or a heading into the next paragraph
("... cooperation.\\n\\nASTANA, July 4 (Xinhua) -- ..."), which glues two events'
evidence together. Marking the token after a blank line as a sentence start
before the parser runs fixes that; the parser respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("diplograph_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after a blank line (hard-wrapped lines inside a paragraph stay joined)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
