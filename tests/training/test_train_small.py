"""`diplograph train` end to end on 20 annotated articles taken from ../shared (no text in the repo)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fixture_parts(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two 'parts' of 10 articles each from train part 01 (folds are whole parts)."""
    folder = tmp_path_factory.mktemp("parts")
    lines = (shared / "gold" / "train" / "part-01.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    out = []
    for k in range(2):
        path = folder / f"part-9{k}.jsonl"
        path.write_text("\n".join(lines[k * 10:(k + 1) * 10]) + "\n", encoding="utf-8")
        out.append(path)
    return out


def _train(shared: Path, parts: list[Path], out: Path, cache: Path) -> str:
    args = ["train", "--out", str(out), "--cache", str(cache), "--folds", "2", "--no-curve",
            "--corpus", str(shared / "corpus" / "wire-2452.jsonl"),
            "--corpus", str(shared / "corpus" / "guardian-249.jsonl")]
    for part in parts:
        args += ["--parts", str(part)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return hashlib.sha256((out / "weights.npz").read_bytes()).hexdigest()


def test_training_is_reproducible_and_its_model_is_used(shared: Path, fixture_parts: list[Path],
                                                       tmp_path: Path) -> None:
    first = _train(shared, fixture_parts, tmp_path / "m1", tmp_path / "cache")
    second = _train(shared, fixture_parts, tmp_path / "m2", tmp_path / "cache")
    assert first == second
    card = (tmp_path / "m1" / "MODEL_CARD.md").read_text()
    assert "part-90, part-91" in card and "Strict F1" in card
    article = tmp_path / "story.txt"
    article.write_text("date 2024-07-05 Talks\n\nBEIJING, July 5 -- Chinese President Xi Jinping held talks "
                       "with Russian President Vladimir Putin in Beijing on Thursday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--min-confidence", "0"],
                                env={"DIPLOGRAPH_EVENT_MODEL_DIR": str(tmp_path / "m1")})
    assert result.exit_code == 0, result.output
    assert '"confidence": ' in result.output


def test_training_refuses_a_held_out_part(shared: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["train", "--out", str(tmp_path / "m"), "--parts",
                                      str(shared / "gold" / "train" / "part-06.jsonl")])
    assert result.exit_code != 0
    assert "held-out" in result.output + str(result.exception)
