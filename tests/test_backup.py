"""Export is a backup of the facts: `briefbot facts export` from a store that has been changed
(a fact retired, one corrected, one added), `briefbot facts import` into a fresh database (which
seeds the curated facts first), and the two stores answer every question exactly alike."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import yaml

from tests.run_harness import EXE

ROOT = Path(__file__).resolve().parents[1]
CHANGES = "\n".join([
    'fact retire nk-delegation-leader reason="superseded"',
    'fact edit summit-place statement="The planned Trump-Kim summit is to be held at a hotel in Singapore."',
    'fact add test-map statement="The article shows a map of the Joint Security Area." subject=joint-security-area '
    'topic=places source=wsj-2018-05-28 quote="Where North and South Korea Meet"',
]) + "\n"


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))}
    return env | {"BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}


def _briefbot(db: Path, *args: str, stdin: str = "") -> str:
    out = subprocess.run([EXE, *args], env=_env(db), input=stdin, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _questions() -> list[str]:
    questions = ["who led the singapore delegation", "who led the north korean delegation",
                 "where will the summit be held"]
    for path in sorted((ROOT / "tests" / "qa" / "sets").rglob("*.jsonl")):
        questions += [json.loads(line)["q"].replace("\n", " ") for line in path.read_text().splitlines() if line.strip()]
    return questions


ANSWER = ("question", "found", "answer", "facts", "confidence", "sources", "hint")
"""What an answer says; `--json` also carries the answerer's diagnostics (`needs`, `nearest`), and
those vary from one process to the next even on the same store, so they are not compared."""


def _answers(jsonl: str) -> list[dict[str, object]]:
    return [{key: json.loads(line)[key] for key in ANSWER} for line in jsonl.splitlines()]


def test_export_then_import_into_a_fresh_database_answers_exactly_alike(tmp_path: Path) -> None:
    original, restored = tmp_path / "original.db", tmp_path / "restored.db"
    replies = _briefbot(original, "chat", "--user", "ana", "--admin", stdin=CHANGES)
    assert "Retired fact nk-delegation-leader" in replies and "Added fact test-map" in replies, replies

    backup = tmp_path / "facts-backup.yaml"
    _briefbot(original, "facts", "export", str(backup))
    exported = yaml.safe_load(backup.read_text())
    records = {r["id"]: r for r in exported["facts"]}
    everything = sum(len(exported[kind]) for kind in ("topics", "sources", "entities", "facts"))
    assert records["nk-delegation-leader"]["status"] == "retired"
    assert records["nk-delegation-leader"]["retired_reason"] == "superseded"
    assert "status" not in records["summit-place"]

    imported = _briefbot(restored, "facts", "import", str(backup))
    assert imported.strip().splitlines()[-1] == (
        f"imported facts-backup.yaml: 1 fact added, 1 fact updated, 1 fact retired, {everything - 3} unchanged")
    assert "status: retired" in _briefbot(restored, "facts", "show", "nk-delegation-leader")
    assert "Joint Security Area" in _briefbot(restored, "facts", "show", "test-map")
    assert _briefbot(restored, "facts", "list") == _briefbot(original, "facts", "list")

    stdin = "".join(q + "\n" for q in _questions())
    before = _answers(_briefbot(original, "ask", "--stdin", "--json", stdin=stdin))
    after = _answers(_briefbot(restored, "ask", "--stdin", "--json", stdin=stdin))
    assert len(before) == len(after) == len(_questions())
    assert before == after
    answers = {a["question"]: a for a in before}
    assert "nk-delegation-leader" not in answers["who led the north korean delegation"]["facts"]
    assert "hotel" in answers["where will the summit be held"]["answer"]

    again = _briefbot(restored, "facts", "import", str(backup))
    assert again.strip() == f"imported facts-backup.yaml: nothing added, nothing updated, {everything} unchanged"


def test_export_current_leaves_retired_facts_out(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    _briefbot(db, "chat", "--admin", stdin='fact retire nk-delegation-leader reason="superseded"\n')
    every = yaml.safe_load(_briefbot(db, "facts", "export"))["facts"]
    current = yaml.safe_load(_briefbot(db, "facts", "export", "--current"))["facts"]
    assert {r["id"] for r in every} - {r["id"] for r in current} == {"nk-delegation-leader"}
    assert all("status" not in r for r in current)
