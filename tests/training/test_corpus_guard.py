"""The held-out parts are never read for training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.training.corpus import (
    HELD_OUT_PARTS,
    TRAIN_PARTS,
    check_parts,
    load_annotations,
    train_part_paths,
)


def test_train_parts_leave_out_every_held_out_part() -> None:
    assert not set(TRAIN_PARTS) & HELD_OUT_PARTS
    assert {"part-06", "part-12", "part-22"} <= HELD_OUT_PARTS
    assert len(TRAIN_PARTS) == 24


@pytest.mark.parametrize("name", sorted(HELD_OUT_PARTS))
def test_a_held_out_part_is_refused_by_name(name: str) -> None:
    with pytest.raises(InputError, match="held-out"):
        check_parts([Path(f"/anywhere/{name}.jsonl")])


def test_no_held_out_article_is_read_for_training(shared: Path) -> None:
    held_out = {json.loads(line)["article_id"] for line in (shared / "gold" / "heldout.jsonl").open() if line.strip()}
    paths = train_part_paths(shared / "gold" / "train")
    assert {p.stem for p in paths} == set(TRAIN_PARTS)
    read = {line["article_id"] for _, line in load_annotations(paths)}
    assert len(read) == 888
    assert not read & held_out
