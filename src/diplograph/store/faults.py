"""Database failures: which ones pass (retried with backoff) and which hint fits each.

A locked SQLite file, a dropped PostgreSQL connection or a deadlock usually
clears within seconds, so a write is tried again rather than ending a long
ingest. A full disk or a broken constraint does not clear by waiting: it is
named at once, with a hint that fits it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, DisconnectionError, IntegrityError, SQLAlchemyError

from diplograph.errors import (
    ConnectionLostError,
    ConstraintError,
    DatabaseFullError,
    DatabaseLockedError,
    StoreError,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

_LOCKED = ("database is locked", "database table is locked", "database is busy")
_FULL = ("database or disk is full", "no space left on device", "disk full")
_PG_FULL = ("53100", "53200")  # disk_full, out_of_memory
_PG_BUSY = ("40001", "40P01", "55P03", "53300")  # serialization, deadlock, lock wait, too many connections
_PG_GONE = ("57P01", "57P02", "57P03")  # admin shutdown, crash shutdown, cannot connect now


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long a transient failure is retried: delays double up to `max_delay`."""

    attempts: int = 6
    first_delay: float = 0.2
    max_delay: float = 5.0
    sleep: Callable[[float], None] = time.sleep

    def delays(self) -> list[float]:
        """The waits between attempts (one fewer than the attempts)."""
        return [min(self.first_delay * 2**n, self.max_delay) for n in range(max(self.attempts - 1, 0))]


NO_RETRY = RetryPolicy(attempts=1)


def _sqlstate(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


def _text(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).lower()


def _is_postgres(exc: SQLAlchemyError) -> bool:
    orig = getattr(exc, "orig", None)
    return type(orig).__module__.startswith("psycopg")


def fault_kind(exc: SQLAlchemyError) -> type[StoreError]:
    """The named error for a database failure (StoreError itself when none fits better)."""
    state = _sqlstate(exc)
    if isinstance(exc, IntegrityError) or state.startswith("23"):
        return ConstraintError
    if state in _PG_FULL or any(words in _text(exc) for words in _FULL):
        return DatabaseFullError
    if state in _PG_BUSY or any(words in _text(exc) for words in _LOCKED):
        return DatabaseLockedError
    if _lost(exc, state):
        return ConnectionLostError
    return StoreError


def _lost(exc: SQLAlchemyError, state: str) -> bool:
    if isinstance(exc, DisconnectionError) or state.startswith("08") or state in _PG_GONE:
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    # psycopg raises a bare OperationalError (no SQLSTATE) when the socket closes under it.
    return _is_postgres(exc) and type(exc).__name__ == "OperationalError" and not state


TRANSIENT: tuple[type[StoreError], ...] = (DatabaseLockedError, ConnectionLostError)


def is_transient(exc: SQLAlchemyError) -> bool:
    """Whether waiting and trying again may succeed."""
    return fault_kind(exc) in TRANSIENT


def with_retry(
    action: Callable[[], T],
    policy: RetryPolicy,
    what: str,
    retry_on: tuple[type[StoreError], ...] = TRANSIENT,
) -> T:
    """Run `action`; on a transient database failure (one of `retry_on`) wait and run it again, at
    most policy.attempts times in all. `action` must be a whole transaction, so a retry never
    repeats half of one; a commit whose answer was lost may have landed, so it must be idempotent
    (write_result is: the same article again is "unchanged")."""
    for wait in [*policy.delays(), None]:
        try:
            return action()
        except SQLAlchemyError as exc:
            if wait is None or fault_kind(exc) not in retry_on:
                raise
            log.warning("%s: %s; trying again in %.1f s", what, _brief(exc), wait)
            policy.sleep(wait)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _brief(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]


def store_error(exc: SQLAlchemyError, message: str, prefix: str = "") -> StoreError:
    """The named error for `exc`, its message ending with the database's own words."""
    kind = fault_kind(exc)
    hint = (
        kind.default_hint if kind is not StoreError else "check that the database is reachable and writable"
    )
    return kind(f"{message}: {_brief(exc)}", prefix + hint)
