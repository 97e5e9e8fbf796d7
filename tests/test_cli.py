"""The command line: every command documented, contract behaviour end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def test_cli_every_command_has_help_and_is_in_readme() -> None:
    readme = (REPO / "README.md").read_text()
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"diplograph {name}" in readme, f"{name} is not in the README"
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0


def test_cli_bad_date_option_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--date", "yesterday"])
    assert result.exit_code != 0
    assert "not a date" in result.output


@pytest.mark.slow
def test_cli_extract_seed_gives_contract_events(shared: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(shared / "corpus/seed/xinhua-2024-07-05.txt"),
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events
    for e in events:
        assert e["article_id"] == "xinhua-2024-07-05"
        assert e["cameo"].isdigit() and len(e["cameo"]) in (3, 4)
        assert e["date_precision"] in ("day", "month", "year")
        assert e["source"]["code"] and e["evidence"]
    dyads = {(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"][:2]) for e in events}
    assert ("CHN", "KAZ", "04") in dyads or ("KAZ", "CHN", "04") in dyads
    meeting = [e for e in events if {e["source"]["code"], (e["target"] or {}).get("code")} == {"CHN", "KAZ"}
               and e["cameo"].startswith("04")]
    assert any(e["date"] == "2024-07-03" for e in meeting)


@pytest.mark.slow
def test_cli_ingest_twice_changes_nothing_and_names_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in EXAMPLES.glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.jsonl").write_text('{"id": "x", "date": "2024-01-01", "text": "trunc\n')
    db = tmp_path / "events.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1
    assert "broken.jsonl" in first.output
    second = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    from diplograph.store import open_store

    with open_store(str(db)) as store:
        counts = store.counts()
    assert counts["articles"] == len(list(EXAMPLES.glob("*.txt")))
    third = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    with open_store(str(db)) as store:
        assert store.counts() == counts
    assert second.exit_code == third.exit_code == 1
