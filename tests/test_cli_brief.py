"""`briefbot brief` as a user runs it: a real process on a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from slack_sdk.models.blocks import Block

from briefings.compose import Briefing, Section

EXE = Path(sys.executable).with_name("briefbot")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/cli.db", "BRIEFBOT_ADMINS": "",
            "BRIEFBOT_LOG_LEVEL": "WARNING"}


def brief(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, "brief", *args], env=env, capture_output=True, text=True, timeout=60)


def test_brief_prints_the_text_briefing_for_a_date(env: dict[str, str]) -> None:
    out = brief(env, "--date", "2018-05-29")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Briefing for Tuesday, May 29, 2018\n")
    assert "(14 days to go)" in out.stdout and "WHAT CHANGED" in out.stdout and "SOURCES" in out.stdout


def test_brief_json_is_the_briefing_model(env: dict[str, str]) -> None:
    out = brief(env, "--date", "2018-05-29", "--format", "json")
    assert out.returncode == 0, out.stderr
    briefing = Briefing.model_validate_json(out.stdout)
    assert briefing.as_of.isoformat() == "2018-05-29" and briefing.headline is not None
    assert briefing.since is not None  # the CLI compares with 24 hours ago


def test_brief_slack_and_discord_print_message_payloads(env: dict[str, str]) -> None:
    slack = brief(env, "--date", "2018-05-29", "--format", "slack")
    assert slack.returncode == 0, slack.stderr
    for message in json.loads(slack.stdout):
        assert 0 < len(message["blocks"]) <= 50
        assert all(Block.parse(b).to_dict() == b for b in message["blocks"])
    discord = brief(env, "--date", "2018-05-29", "--format", "discord")
    assert discord.returncode == 0, discord.stderr
    for message in json.loads(discord.stdout):
        assert 0 < len(message["embeds"]) <= 10 and message["allowed_mentions"] == {"parse": []}


def test_brief_one_section_in_markdown(env: dict[str, str]) -> None:
    out = brief(env, "--date", "2018-05-29", "--section", "Inter-Korean", "--format", "markdown")
    assert out.returncode == 0, out.stderr
    assert [line for line in out.stdout.splitlines() if line.startswith("## ")] == [f"## {Section.inter_korean.label}"]


def test_brief_refuses_an_unknown_section_and_a_bad_date_in_one_line(env: dict[str, str]) -> None:
    out = brief(env, "--section", "weather")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("briefbot: 'weather' is not a briefing section: choose one of headline,")
    bad = brief(env, "--date", "29/05/2018")
    assert bad.returncode == 2 and "use YYYY-MM-DD" in bad.stderr
