"""Event storage on SQLite or PostgreSQL (SQLAlchemy Core)."""

from diplograph.store.store import Store, open_store
from diplograph.store.write import WriteOutcome

__all__ = ["Store", "WriteOutcome", "open_store"]
