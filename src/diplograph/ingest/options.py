"""The bounds and choices of one reading run, fixed when the run starts.

Readers take a `ReadOptions` instead of `Settings` so that tests can give
small limits and a fixed clock without building a whole configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diplograph.config import Settings
from diplograph.errors import InputError

__all__ = ["DateWindow", "ReadOptions", "read_options"]

_WINDOW_HINT = "check the date; a year such as 0001 or 9999 is a placeholder for 'no date', not a date"


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The publication and dateline dates accepted; anything outside is a data error."""

    earliest: date
    latest: date

    @classmethod
    def around(cls, today: date, earliest: date = date(1800, 1, 1), latest: date | None = None) -> DateWindow:
        """From `earliest` to `latest`, by default to a year after `today` (the run's clock)."""
        if latest is None:
            day = 28 if (today.month, today.day) == (2, 29) else today.day
            latest = date(min(today.year + 1, date.max.year), today.month, day)
        return cls(earliest, latest)

    def check(self, when: date | None, origin: str, what: str) -> None:
        """Raise a named InputError when `when` lies outside the window."""
        if when is None or self.earliest <= when <= self.latest:
            return
        side = "before" if when < self.earliest else "after"
        bound = self.earliest if when < self.earliest else self.latest
        raise InputError(origin, f"{what} {when.isoformat()} is {side} {bound.isoformat()}", _WINDOW_HINT)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Limits and choices for reading inputs (defaults are those of `Settings`)."""

    window: DateWindow
    max_article_bytes: int = 20 * 1024 * 1024
    max_file_bytes: int = 64 * 1024**3
    max_json_depth: int = 20
    max_json_digits: int = 50
    max_errors_per_file: int = 20
    id_from_path: bool = False


def read_options(settings: Settings | None = None, today: date | None = None) -> ReadOptions:
    """The ReadOptions of `settings`, with the date window ending a year after `today`."""
    settings = settings or Settings()
    window = DateWindow.around(today or date.today(), settings.earliest_date, settings.latest_date)
    return ReadOptions(
        window=window,
        max_article_bytes=settings.max_article_bytes,
        max_file_bytes=settings.max_file_bytes,
        max_json_depth=settings.max_json_depth,
        max_json_digits=settings.max_json_digits,
        max_errors_per_file=settings.max_errors_per_file,
        id_from_path=settings.id_from_path,
    )
