"""`briefbot chat` as a person scripts it: a real process, one command a line on stdin, each reply
on stdout, on a SQLite file under tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("briefbot")
HERON = 'fact add test-heron statement="The summit mascot is a blue heron." subject="Singapore summit" topic=summit\n'


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/chat.db", "BRIEFBOT_ADMINS": ""}


def chat(env: dict[str, str], *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, "chat", *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


PIPELINE = (
    "printf 'fact add test-heron statement=\"The summit mascot is a blue heron.\" subject=\"Singapore summit\" "
    "topic=summit\\nwhat is the summit mascot?\\n' | \"$BRIEFBOT\" chat --user ana --admin"
)
"""The issue's own example, run by a shell."""


def test_the_scripted_pipeline_adds_a_fact_and_answers_with_it(env: dict[str, str]) -> None:
    out = subprocess.run(["bash", "-c", PIPELINE], env={**env, "BRIEFBOT": str(EXE)}, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    added, answer = out.stdout.split("\n", 2)[0], out.stdout.split("\n", 2)[2]
    assert added == "Added fact test-heron (version 1): The summit mascot is a blue heron."
    assert "blue heron" in answer and "briefbot admin console:ana" in answer
    assert "Traceback" not in out.stderr


def test_the_change_is_kept_with_who_made_it(env: dict[str, str]) -> None:
    chat(env, "--user", "ana", "--admin", stdin=HERON)
    out = chat(env, "--user", "ben", stdin="fact history test-heron\nwhat is the summit mascot?\n")
    assert "add by console:ana via console" in out.stdout and "blue heron" in out.stdout.splitlines()[-2]


def test_without_admin_the_console_user_is_refused(env: dict[str, str]) -> None:
    out = chat(env, "--user", "ana", stdin=HERON + "what is the summit mascot?\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Only admins can change facts, and none is configured yet")
    assert "heron" not in out.stdout.split("\n", 1)[1]
    assert "refused fact add for console:ana" in out.stderr


def test_a_configured_admin_needs_no_flag(env: dict[str, str]) -> None:
    out = chat({**env, "BRIEFBOT_ADMINS": "console:ana"}, "--user", "ana", stdin=HERON)
    assert out.stdout.startswith("Added fact test-heron")


def test_an_admin_added_by_command_is_an_admin_next_session(env: dict[str, str]) -> None:
    chat(env, "--user", "root", "--admin", stdin="admins add console:ben\n")
    out = chat(env, "--user", "ben", stdin=HERON)
    assert out.stdout.startswith("Added fact test-heron")


def test_a_bad_user_name_is_one_line(env: dict[str, str]) -> None:
    out = chat(env, "--user", "ana smith", stdin="")
    assert out.returncode == 1 and out.stderr.strip() == "briefbot: --user 'ana smith': use 1 to 64 letters, digits or . _ @ -"


def test_facts_import_uses_the_same_validation(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "facts:\n  - id: test-heron\n    subject: singapore-summit\n    relation: states\n    topic: summit\n"
        "    statement: 'Tell @everyone: the mascot is a heron.'\n    source: wsj-2018-05-28\n"
        "    recorded_at: 2026-06-01T09:00:00Z\n    recorded_by: ana\n"
    )
    refused = subprocess.run([EXE, "facts", "import", str(path)], env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "contains the mention" in refused.stderr
    path.write_text(path.read_text().replace("Tell @everyone: the", "The"))
    done = subprocess.run([EXE, "facts", "import", str(path)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.splitlines() == [
        "+ fact test-heron: The mascot is a heron.",  # what it does, as the chat's dry run shows it
        "imported facts.yaml: 1 fact added, nothing updated, 0 unchanged"]
    again = subprocess.run([EXE, "facts", "import", str(path)], env=env, capture_output=True, text=True, timeout=60)
    assert again.stdout.strip() == "imported facts.yaml: nothing added, nothing updated, 1 unchanged"


def test_a_message_spans_lines_after_a_backslash_or_inside_a_fence(env: dict[str, str]) -> None:
    stdin = (
        'source add ap-2018-05-30 title="Pompeo meets Kim" publisher="AP" date=2018-05-30 \\\n'
        "Mike Pompeo had dinner with Kim Yong Chol.\\\n"
        "They met in New York.\n"
        "fact import ```yaml\n"  # the fence opens on the command's line
        "entities:\n"
        "  - {id: mike-pompeo, name: Mike Pompeo, kind: person}\n"
        "```\n"
        "fact import confirm\n"
        "entity show mike-pompeo\n"
    )
    out = chat(env, "--user", "ana", "--admin", stdin=stdin)
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Added source ap-2018-05-30 (version 1)"), out.stdout
    assert lines[1:3] == ["Dry run, nothing changed yet: 1 entity to add, nothing to update, 0 unchanged.",
                          "+ entity mike-pompeo"]
    assert "Imported: 1 entity added, nothing updated, 0 unchanged." in lines
    assert "entity mike-pompeo (version 1)" in lines
    shown = chat(env, stdin="source show ap-2018-05-30\n").stdout
    assert "text (64 characters): Mike Pompeo had dinner with Kim Yong Chol. They met in New York." in shown


def test_a_question_answered_later_is_followed_up_before_the_next_prompt(env: dict[str, str]) -> None:
    out = chat(env, "--user", "ana", "--admin", stdin="what is the summit mascot?\n" + HERON + "unanswered\n")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("I have no fact on that")
    added = lines.index("Added fact test-heron (version 1): The summit mascot is a blue heron.")
    assert lines[added + 2] == ("This answers 1 waiting question group (1 asked): #1 \u201cwhat is the summit mascot?\u201d. "
                                "Its askers are told.")
    assert lines[added + 3] == ("Earlier you asked \u201cwhat is the summit mascot?\u201d. Now I know: "
                                "The summit mascot is a blue heron.")
    assert lines[-1] == "No unanswered questions are waiting."


def test_quit_ends_the_session_and_is_not_asked(env: dict[str, str]) -> None:
    out = chat(env, stdin="quit\nwho met choe son hui?\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    again = chat(env, stdin="who met choe son hui?\nExit\nwho met choe son hui?\n")
    assert again.stdout.count("(Source:") == 1 and "Sung Kim" in again.stdout
