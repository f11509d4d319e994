"""The `briefbot` command as a user runs it: a real process on a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("briefbot")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/cli.db", "BRIEFBOT_ADMINS": ""}


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


def test_ask_stdin_json_answers_in_order(env: dict[str, str]) -> None:
    out = run(env, "ask", "--stdin", "--json", stdin="who is the south korean president\nwho led the chinese delegation\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["question"] for r in rows] == ["who is the south korean president", "who led the chinese delegation"]
    assert rows[0]["found"] and "Moon" in rows[0]["answer"] and rows[0]["facts"] and rows[0]["sources"]
    assert not rows[1]["found"] and rows[1]["facts"] == []
    assert {"question", "found", "answer", "facts", "confidence", "sources"} <= rows[0].keys()


def test_ask_prints_the_answer_with_its_source(env: dict[str, str]) -> None:
    out = run(env, "ask", "who is Choe Son Hui?")
    assert out.returncode == 0, out.stderr
    assert "Choe Son Hui" in out.stdout and "(Source: The Wall Street Journal" in out.stdout


def test_chat_reads_stdin_line_by_line(env: dict[str, str]) -> None:
    out = run(env, "chat", stdin="help\nwhere is the summit\n")
    assert out.returncode == 0, out.stderr
    assert "Commands:" in out.stdout and "Singapore" in out.stdout
    assert "Traceback" not in out.stderr


def test_facts_list_show_and_export(env: dict[str, str], tmp_path: Path) -> None:
    listing = run(env, "facts", "list")
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) >= 60
    first = listing.stdout.split("\t", 1)[0]
    assert first in run(env, "facts", "show", first).stdout
    missing = run(env, "facts", "show", "no-such-fact")
    assert missing.returncode == 1 and "no fact with id 'no-such-fact'" in missing.stderr
    assert run(env, "facts", "export", str(tmp_path / "out.yaml")).returncode == 0
    assert (tmp_path / "out.yaml").read_text().startswith("topics:")


def test_a_bad_setting_is_one_clear_line(env: dict[str, str]) -> None:
    out = run({**env, "BRIEFBOT_TIMEZONE": "Mars/Olympus"}, "ask", "hello")
    assert out.returncode == 2
    assert out.stderr.strip() == ("briefbot: invalid setting: BRIEFBOT_TIMEZONE: 'Mars/Olympus' is not a timezone: "
                                  "use an IANA name such as Asia/Seoul, Europe/London or America/New_York "
                                  "(abbreviations such as EST are refused: they do not follow daylight saving)")
