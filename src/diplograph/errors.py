"""Named exceptions. Each carries a hint that tells the user what to do.

The CLI turns them into one-line messages, the API into JSON errors.
"""

from __future__ import annotations

import logging
import unicodedata

log = logging.getLogger(__name__)

#: Unicode categories a terminal would act on instead of showing: controls (newline,
#: escape), format characters (RLO U+202E reorders the rest of the line), separators.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def printable(text: str) -> str:
    """`text` with control, bidi and other invisible characters escaped (\\n, \\u202e).

    File names and JSON values reach messages verbatim otherwise: a newline in a
    name would forge a second message line, an RLO would reverse what follows.
    """
    if text.isprintable():
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _HIDDEN else char for char in text)


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class DiplographError(Exception):
    """Base class: `message` says what went wrong, `hint` what to do about it."""

    code = "E000"
    default_hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        message = printable(message)
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(DiplographError):
    """An input file (or one line of it) cannot be read as an article."""

    code = "E001"
    default_hint = "fix or remove this input; the others are still processed"

    def __init__(self, origin: str, problem: str, hint: str | None = None) -> None:
        super().__init__(f"{origin}: {problem}", hint)
        self.origin = origin
        self.problem = problem


def unexpected_error(origin: str, stage: str, err: BaseException) -> InputError:
    """An InputError for an exception no check foresaw; its traceback goes to the debug log (-v).

    Call it inside the `except` block, so the traceback is still there to log.
    """
    log.debug("%s: unexpected error while %s", printable(origin), stage, exc_info=err)
    detail = printable(str(err))[:200] or "no detail"
    return InputError(
        origin,
        f"{stage} failed: {type(err).__name__}: {detail}",
        "run with -v for the traceback and report it; the other inputs are still processed",
    )


class MissingDateError(InputError):
    code = "E002"
    default_hint = "give the date with --date YYYY-MM-DD, a 'date YYYY-MM-DD Title' header or a dateline"


class DictionaryError(DiplographError):
    """A user or PETRARCH dictionary has a malformed line."""

    code = "E010"
    default_hint = "see the README section on dictionaries for the accepted formats"

    def __init__(self, path: str, line: int, problem: str, hint: str | None = None) -> None:
        super().__init__(f"{path}:{line}: {problem}", hint)
        self.path = path
        self.line = line


class StoreError(DiplographError):
    code = "E020"
    default_hint = "check the --db URL (sqlite:///file.db, postgresql://user@host/db or a file path)"


class MissingExtraError(DiplographError):
    """An optional dependency is not installed."""

    code = "E030"

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the '{module}' package",
            f"install it with: pip install 'diplograph[{extra}]'",
        )


class ModelError(DiplographError):
    code = "E040"
    default_hint = "install the pinned spaCy model: pip install -r requirements/model.txt"


class DatabaseLockedError(StoreError):
    """Another writer held the database past every retry (SQLite's lock, a PostgreSQL deadlock)."""

    code = "E021"
    default_hint = "another process is writing to this database; wait for it to finish, then run again"


class DatabaseFullError(StoreError):
    """The disk (or the server's storage) is full: retrying cannot help."""

    code = "E022"
    default_hint = "the disk holding the database is full; free space, then run again"


class ConnectionLostError(StoreError):
    """The database server went away and did not come back within the retries."""

    code = "E023"
    default_hint = "the connection to the database was lost; check that the server runs, then run again"


class ConstraintError(StoreError):
    """A row broke a uniqueness or reference rule of the schema."""

    code = "E024"
    default_hint = "a row broke a database constraint; check event ids are unique across articles"
