"""The `diplograph train` command (registered by cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from diplograph.coding.learned.model import packaged_model_dir

SHARED = Path("../shared")


@click.command()
@click.option("--parts", "parts", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Annotated part files (default: the train parts in ../shared/gold/train).")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSONL corpora holding the annotated articles (default: ../shared's wire and Guardian).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Model folder to write (default: the shipped model in the package).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=Path(".cache/train"),
              show_default=True, help="Where parses are cached between runs.")
@click.option("--folds", type=int, default=5, show_default=True)
@click.option("--no-curve", is_flag=True, help="Skip the learning curve.")
def train(parts: tuple[Path, ...], corpora: tuple[Path, ...], out: Path | None, cache: Path, folds: int,
          no_curve: bool) -> None:
    """Rebuild the event model from sentence-level annotations, with cross-validated figures."""
    from diplograph.cli import _run
    from diplograph.training.card import write_card
    from diplograph.training.corpus import train_part_paths
    from diplograph.training.train import train as run

    def body() -> None:
        chosen = list(parts) or train_part_paths(SHARED / "gold" / "train")
        sources = list(corpora) or [SHARED / "corpus" / "wire-2452.jsonl", SHARED / "corpus" / "guardian-249.jsonl"]
        folder = out or packaged_model_dir()
        report = run(chosen, sources, folder, cache_dir=cache, folds=folds, curve=not no_curve,
                     progress=lambda text: click.echo(text, err=True))
        write_card(folder, report, [p.stem for p in chosen])
        click.echo(json.dumps({k: report[k] for k in ("version", "cv", "threshold")}))

    _run(body)
