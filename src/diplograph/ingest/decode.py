"""Turn the bytes of one input into text, or say precisely why not.

Every check names what is wrong and what to do, because the user sees the
message and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

from diplograph.errors import InputError

__all__ = ["MAX_ARTICLE_BYTES", "decode_bytes", "read_bytes"]

#: Larger than any real article; a bigger .txt/.html file or JSONL line is
#: almost surely not one article, and holding it would cost memory.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONVERT_HINT = "convert it to UTF-8, e.g. iconv -f LATIN1 -t UTF-8 OLD > NEW (if it was Latin-1)"


def read_bytes(path: Path, origin: str) -> bytes:
    """Read a whole (article-sized) file, turning OS errors into InputError."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(
                origin,
                f"file is {size / 1_048_576:.0f} MB, too large for one article",
                "split it into one file per article, or into JSON lines (.jsonl)",
            )
        return path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(origin, "no such file or folder", "check the path") from err
    except PermissionError as err:
        raise InputError(origin, "permission denied", "make the file readable") from err
    except OSError as err:
        raise InputError(origin, f"cannot read: {err.strerror or err}", "check the file") from err


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
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
    raise InputError(origin, f"not UTF-8 text ({where})", _CONVERT_HINT)
