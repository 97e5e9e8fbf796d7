"""Turn the bytes of one input into text, or say precisely why not.

Every check names what is wrong and what to do, because the user sees the
message and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

from diplograph.errors import InputError
from diplograph.ingest.files import read_bounded

__all__ = ["CONVERT_HINT", "MAX_ARTICLE_BYTES", "clean_text", "decode_bytes", "read_bytes"]

#: Larger than any real article; a bigger .txt/.html file or JSONL line is
#: almost surely not one article, and holding it would cost memory.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BREAK = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\r\n?")
CONVERT_HINT = "convert it to UTF-8, e.g. iconv -f LATIN1 -t UTF-8 OLD > NEW (if it was Latin-1)"


def read_bytes(path: Path, origin: str, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """Read a whole (article-sized) regular file, turning OS errors into InputError.

    The limit is checked on the bytes read, not on st_size, which is 0 for /dev/zero.
    """
    return read_bounded(path, origin, limit)


def decode_bytes(data: bytes, origin: str, *, html: bool = False, offset: int = 0) -> str:
    """Decode UTF-8 text (a BOM is dropped), normalising line ends.

    `offset` is where `data` starts in its file, so byte positions in
    messages point into the file. HTML may instead use the charset its
    <meta> tag declares.
    """
    if not data.strip():
        raise InputError(origin, "empty", "remove it or put an article in it")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            origin,
            f"binary data, not text (NUL byte at byte offset {offset + nul})",
            "give a .txt, .jsonl or .html file; remove this one from the input",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        declared = _declared_charset(data) if html else None
        text = declared if declared is not None else _raise_not_utf8(err, origin, offset)
    return clean_text(text, origin)


def clean_text(text: str, origin: str, what: str = "the text") -> str:
    """`text` made safe to parse: line breaks normalised, other control characters
    turned into spaces (so character offsets stay meaningful).

    Raises:
        InputError: `text` holds a lone UTF-16 surrogate (a JSON "\\ud800" escape),
            which is not a character and cannot be encoded, stored or parsed.
    """
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise InputError(
            origin,
            f"{what} holds a lone UTF-16 surrogate \\u{ord(surrogate.group()):04x} at character {surrogate.start()}",
            "the source split a character (often an emoji) in two; export the text again as UTF-8",
        )
    text = _BREAK.sub("\n", text)
    return _CONTROL.sub(" ", text)


def _declared_charset(data: bytes) -> str | None:
    """Decode with the charset an HTML page declares, if it names a real one."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _raise_not_utf8(err: UnicodeDecodeError, origin: str, offset: int) -> str:
    bad = err.object[err.start : err.start + 1].hex()
    where = f"byte 0x{bad} at byte offset {offset + err.start}"
    raise InputError(origin, f"not UTF-8 text ({where})", CONVERT_HINT)
