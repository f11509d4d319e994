"""Every command example in the README, run as a reader would run it, its output compared where the
README shows one.

The README's fenced blocks are read in order:
- a ```console block is `$ COMMAND` lines, each followed by the output it prints (compared exactly; a
  last line `...` means "the output starts with these lines");
- a block of `> QUESTION` lines with replies under them is a console chat: the questions go to
  `briefbot chat`, and its replies must be the lines shown;
- every other command line (```sh blocks) is run, or is named in NOT_RUN with the test that covers it
  instead (a long-running server, Docker, real platform tokens). An example that is neither fails
  this test, so a new example cannot go unchecked.
(The answering scores are reproduced by tests/test_qa_sets.py, the question sets' regression gate.)

Each command runs in a shell from a fresh folder that sees the checkout's `tools/`, `tests/` and
`.venv/`, with `.venv/bin` on PATH (as the README says to set it) and a fresh SQLite store.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest

from tests.run_harness import run_env

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = ROOT / ".venv" / "bin"

NOT_RUN: dict[str, str] = {
    "make run": "runs until stopped: tests/test_first_run.py and tests/test_console_tty.py run `briefbot run`",
    "make test": "is this test suite",
    "make base-image": "needs root and debootstrap: tools/local-base-image.sh, used by `make image-test`",
    "make image-test": "needs a Docker daemon: tests/test_image.py (`.ci/run` runs it when one answers)",
    "docker build": "needs a Docker daemon: tests/test_image.py builds the image",
    "docker run": "needs a Docker daemon: tests/test_image.py runs the image (host networking, --stop-timeout)",
    "docker compose": "needs a Docker daemon and Compose v2: tests/test_first_run.py starts the bot with "
                      "compose's environment; tests/test_replicas_ready.py runs two replicas on PostgreSQL",
    "cp .env.example .env": "would write .env into the checkout: tests/test_first_run.py reads .env.example as "
                            "compose does",
    "SLACK_BOT_TOKEN=xoxb-...": "placeholder tokens: tests/test_slack_run.py runs `briefbot run` against the fake "
                                "Slack",
    "DISCORD_TOKEN=...": "placeholder token: tests/test_discord.py runs the client against the fake Discord",
    "python3 -m venv /tmp/lock": "reinstalls every dependency from the network: tests/test_deploy.py checks the lock",
    "export PATH=": "sets up the shell; every command here runs with .venv/bin on PATH",
}
"""Examples not run here, by how they start, with what covers them."""


@dataclass
class Example:
    line: int
    command: str
    output: list[str] | None = None
    """The output the README shows; None when it shows none."""
    prefix: bool = False
    """The README shows only the start of the output (its last line is `...`)."""
    chat: list[str] = field(default_factory=list)
    """For a console chat transcript: the questions typed."""


_FENCE = re.compile(r"^```[\w-]*\s*$")
"""A fence line: ``` and a language at most (a line of prose may start with inline ```` ``` ````)."""


def _blocks() -> list[tuple[int, str, list[str]]]:
    """(line number, language, lines) of each fenced block."""
    blocks, lines = [], README.splitlines()
    i = 0
    while i < len(lines):
        if _FENCE.match(lines[i]):
            lang, start, body = lines[i][3:].strip(), i + 1, []
            i += 1
            while not _FENCE.match(lines[i]):
                body.append(lines[i])
                i += 1
            blocks.append((start, lang, body))
        i += 1
    return blocks


def _shell_lines(body: list[str]) -> list[str]:
    """Command lines of an sh block: continuations joined, comments dropped."""
    commands, pending = [], ""
    for raw in body:
        line = pending + raw.strip() if pending else raw.strip()
        if line.endswith("\\"):
            pending = line[:-1].rstrip() + " "
            continue
        pending = ""
        if not line or line.startswith("#"):
            continue
        commands.append(re.sub(r"\s+#\s.*$", "", line).strip())
    return commands


def examples() -> list[Example]:
    found = []
    for start, lang, body in _blocks():
        if lang == "console":
            for offset, line in enumerate(body):
                if line.startswith("$ "):
                    found.append(Example(start + offset + 1, line[2:], output=[]))
                else:
                    found[-1].output.append(line)  # type: ignore[union-attr]
        elif lang == "" and body and body[0].startswith("> "):
            chat = Example(start + 1, "briefbot chat", output=[])
            for line in body:
                if line.startswith("> "):
                    chat.chat.append(line[2:])
                else:
                    chat.output.append(line)  # type: ignore[union-attr]
            found.append(chat)
        elif lang == "sh":
            found.extend(Example(start + 1, command) for command in _shell_lines(body))
    for example in found:
        if example.output and example.output[-1] == "...":
            example.output, example.prefix = example.output[:-1], True
    return found


def _not_run(example: Example) -> str | None:
    return next((why for start, why in NOT_RUN.items() if example.command.startswith(start)), None)


def test_every_fenced_command_is_run_or_covered_elsewhere() -> None:
    found = examples()
    assert len(found) >= 20, [e.command for e in found]
    runnable = [e for e in found if _not_run(e) is None]
    for example in runnable:
        assert re.match(r"^(briefbot|printf|sqlite3|BRIEFBOT_\w+=\S+ briefbot)\b",
                        example.command), f"README line {example.line}: {example.command!r} is neither run " \
                                          "here nor in NOT_RUN"


def _workdir(tmp_path: Path) -> dict[str, str]:
    for name in ("tools", "tests", ".venv"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = run_env(BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/data/briefbot.db")
    env["PATH"] = f"{BIN}:{env.get('PATH', '')}"
    return env


def _seed_ledger(env: dict[str, str]) -> None:
    """The rows the README's `briefbot deliveries` example shows."""
    from bot.app import open_core
    from briefings.deliveries import Posted
    from briefings.subscriptions import Schedule
    from config.settings import Settings

    async def seed() -> None:
        core = await open_core(Settings(database_url=env["BRIEFBOT_DATABASE_URL"]))
        try:
            at = datetime(2026, 11, 20, tzinfo=timezone.utc)
            console, _ = await core.subscriptions.subscribe("console", "console", Schedule(
                at_time=time(6, 36), timezone="UTC"), by="console:ana", now=at)
            slack, _ = await core.subscriptions.subscribe("slack", "C0NEWS", Schedule(
                at_time=time(8, 0), timezone="Asia/Seoul"), by="slack:U0BEN", now=at)
            late = datetime(2026, 12, 1, 7, 36, 14, tzinfo=timezone.utc)
            row = await core.deliveries.claim(console.id, date(2026, 12, 1), by="laptop:17679", now=late,
                                              due_at=datetime(2026, 12, 1, 6, 36, tzinfo=timezone.utc))
            await core.deliveries.finish(row, status="sent", attempts=1, sent_at=late,
                                         posted=Posted(post="brief-1-20261201"))
            await core.deliveries.skip(slack.id, date(2026, 12, 1), by="bot-7f9c:1",
                                       due_at=datetime(2026, 11, 30, 23, 0, tzinfo=timezone.utc),
                                       reason="missed by 2 h 30 min, more than BRIEFBOT_CATCHUP_GRACE (2 h 0 min)")
            due = datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc)
            row = await core.deliveries.claim(slack.id, date(2026, 12, 2), due_at=due, by="bot-7f9c:1", now=due)
            await core.deliveries.finish(row, status="sent", attempts=3, sent_at=due.replace(second=8),
                                         posted=Posted(post="1764630006.000100",
                                                       replies=["1764630007.000200", "1764630008.000300"]))
        finally:
            await core.close()

    asyncio.run(seed())


SETUP = {"briefbot deliveries": _seed_ledger}
"""Commands whose example output needs state first."""


def _run(command: str, env: dict[str, str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, env=env, cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=600, executable=shutil.which("bash"))


@pytest.mark.parametrize("example", [e for e in examples() if _not_run(e) is None],
                         ids=lambda e: f"line{e.line}")
def test_the_readme_example_runs_and_prints_what_the_readme_shows(example: Example, tmp_path: Path) -> None:
    env = _workdir(tmp_path)
    if example.command in SETUP:
        SETUP[example.command](env)
    stdin = "".join(q + "\n" for q in example.chat)
    if example.command.startswith("briefbot facts import"):  # restores what the export example wrote
        _run("briefbot facts export facts-backup.yaml", env, tmp_path)
    if example.command.startswith("sqlite3"):
        _run("briefbot facts list > /dev/null", env, tmp_path)  # a store to back up
    out = _run(example.command, env, tmp_path, stdin)
    shown = example.output
    expects_failure = bool(shown) and shown[0].startswith("briefbot: ")
    assert (out.returncode != 0) == expects_failure, f"README line {example.line}: {out.stdout}{out.stderr}"
    assert "Traceback" not in out.stderr, out.stderr
    if shown is None:
        return
    printed = (out.stderr if expects_failure else out.stdout).splitlines()
    if expects_failure:
        printed = [line for line in printed if not line.startswith("{")]  # JSON log lines aside
    if example.prefix:
        printed = printed[: len(shown)]
    assert printed == shown, f"README line {example.line}: {example.command}"
