"""Shared fixtures: paths to ../shared and a session-wide spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The full diplograph pipeline with the real model (slow to build, so built once)."""
    from diplograph.config import Settings
    from diplograph.pipeline import Pipeline

    return Pipeline(Settings())
