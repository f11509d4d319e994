"""`briefbot brief` as a user runs it: a real process on a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from discord import Embed as discord_embed
from slack_sdk.models.blocks import Block

from bot.render.slack import text_size
from briefings.compose import Briefing, Section
from briefings.digest import Digest

EXE = Path(sys.executable).with_name("briefbot")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/cli.db", "BRIEFBOT_ADMINS": "",
            "BRIEFBOT_LOG_LEVEL": "WARNING"}


def brief(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, "brief", *args], env=env, capture_output=True, text=True, timeout=60)


def test_brief_prints_the_digest_in_one_screen_with_the_status_and_the_place(env: dict[str, str]) -> None:
    out = brief(env, "--date", "2018-05-29")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) <= 25 and max(len(line) for line in lines) <= 88
    assert lines[0] == "Briefing for Tuesday, May 29, 2018"
    assert lines[1] == "Trump-Kim summit in Singapore: back on, since Saturday, May 26, 2018"
    assert "When: Tuesday, June 12, 2018 (14 days to go) \u00b7 Where: Singapore" in out.stdout
    assert "COMING UP" in out.stdout and "TOP DEVELOPMENTS" in out.stdout and "SOURCES" not in out.stdout


def test_brief_full_prints_the_whole_briefing(env: dict[str, str]) -> None:
    out = brief(env, "--date", "2018-05-29", "--full")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Briefing for Tuesday, May 29, 2018\n")
    assert "(14 days to go)" in out.stdout and "WHAT CHANGED" in out.stdout and "SOURCES" in out.stdout


def test_brief_json_is_the_digest_model_and_with_full_the_briefing(env: dict[str, str]) -> None:
    out = brief(env, "--date", "2018-05-29", "--format", "json")
    assert out.returncode == 0, out.stderr
    digest = Digest.model_validate_json(out.stdout)
    assert digest.as_of.isoformat() == "2018-05-29" and digest.headline.place == "Singapore"
    assert digest.since is not None  # the CLI compares with 24 hours ago
    full = brief(env, "--date", "2018-05-29", "--format", "json", "--full")
    briefing = Briefing.model_validate_json(full.stdout)
    assert briefing.as_of.isoformat() == "2018-05-29" and briefing.headline is not None


def test_brief_slack_prints_the_post_then_its_thread_replies(env: dict[str, str]) -> None:
    slack = brief(env, "--date", "2018-05-29", "--format", "slack")
    assert slack.returncode == 0, slack.stderr
    post, *replies = json.loads(slack.stdout)
    assert "thread" not in post and replies and all(r["thread"] is True for r in replies)
    assert 0 < len(post["blocks"]) <= 20 and text_size(post["blocks"]) <= 3000
    for message in (post, *replies):
        assert 0 < len(message["blocks"]) <= 50
        assert all(Block.parse(b).to_dict() == b for b in message["blocks"])
    # the replies are the full briefing, as `--full` prints it (its "since" note aside: a minute may pass)
    full = json.loads(brief(env, "--date", "2018-05-29", "--format", "slack", "--full").stdout)

    def headers(messages: list[dict]) -> list[str]:
        return [b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "header"]

    assert len(replies) == len(full) and headers(replies) == headers(full)


def test_brief_discord_prints_one_embed_then_its_thread_replies(env: dict[str, str]) -> None:
    discord = brief(env, "--date", "2018-05-29", "--format", "discord")
    assert discord.returncode == 0, discord.stderr
    post, *replies = json.loads(discord.stdout)
    [embed] = post["embeds"]
    assert len(discord_embed.from_dict(embed)) <= 2000 and "thread" not in post
    assert replies and all(r["thread"] is True for r in replies)
    for message in (post, *replies):
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
