"""Open and read input files within fixed bounds.

Only regular files are read: a FIFO would block forever, a device such as
/dev/zero never ends, and the size `stat` gives for them (0) says nothing.
Limits are therefore enforced on the bytes actually read, not on st_size.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from diplograph.errors import InputError

__all__ = ["open_regular", "read_bounded", "sniff"]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_SNIFF_BYTES = 8192
_BINARY_SHARE = 0.10  # of control (or undecodable) characters in a file's first 8 KB


def open_regular(path: Path, origin: str) -> BinaryIO:
    """Open `path` for reading if it is (or links to) a regular file, else raise InputError.

    The file is opened non-blocking and checked again through its descriptor,
    so a FIFO swapped in after the first check still never blocks the run.
    """
    try:
        _check_kind(os.stat(path).st_mode, origin)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as err:
        problem = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        raise InputError(origin, problem, "check the path") from err
    except PermissionError as err:
        raise InputError(origin, "permission denied", "make the file readable") from err
    except OSError as err:
        raise InputError(origin, f"cannot read: {err.strerror or err}", "check the file") from err
    try:
        _check_kind(os.fstat(fd).st_mode, origin)
    except InputError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check_kind(mode: int, origin: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise InputError(origin, f"{kind}, not a regular file; skipped", "give regular files or folders of them")


def read_bounded(path: Path, origin: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; never reads more than limit + 1."""
    with open_regular(path, origin) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            data = stream.read(limit + 1) if size <= limit else b""
        except OSError as err:
            raise InputError(origin, f"cannot read: {err.strerror or err}", "check the file") from err
    if size > limit or len(data) > limit:
        shown = f"{size / 1_048_576:.0f} MB" if size > limit else f"larger than {limit / 1_048_576:.0f} MB"
        raise InputError(
            origin,
            f"file is {shown}, too large for one article",
            "split it into one file per article, or into JSON lines (.jsonl)",
        )
    return data


def sniff(head: bytes) -> str | None:
    """What is wrong with a whole file, judged by its opening bytes: "binary", "encoding" or None.

    A NUL byte or many control characters mean binary data; many undecodable
    bytes without them mean text in another encoding (Latin-1, Windows-1251).
    Either way the file gets one message, not one per line.
    """
    head = head[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "binary"
    text = head.decode("utf-8", errors="replace")
    if not text:
        return None
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    if controls / len(text) > _BINARY_SHARE:
        return "binary"
    return "encoding" if text.count("\ufffd") / len(text) > _BINARY_SHARE else None
