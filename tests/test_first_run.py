"""The first run as the README tells it: `.env.example` copied to `.env` as compose reads it, every
setting left empty, one platform filled in, nothing set at all; and the failures a newcomer meets
at start-up, each one sentence naming what is wrong."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from dotenv import dotenv_values

from config.settings import Settings, SettingsError, default_database_url, load_settings
from tests.fakes.slack import FakeSlack
from tests.run_harness import EXE, BriefbotRun, run_env

ROOT = Path(__file__).resolve().parents[1]


def env_example() -> dict[str, str]:
    """`.env.example` as compose's `env_file:` reads it (python-dotenv follows the same rules: KEY=VALUE
    lines, `#` comments, `KEY=` is an empty string, not an absent variable)."""
    values = dotenv_values(ROOT / ".env.example")
    return {key: value or "" for key, value in values.items()}


def env_names() -> list[str]:
    names = []
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.append(alias if isinstance(alias, str) else f"BRIEFBOT_{name.upper()}")
    return names


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for name in [*env_names(), "BRIEFBOT_CONFIG_FILE"]:
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch


def test_env_example_lists_the_platform_settings_empty() -> None:
    values = env_example()
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_TOKEN", "DISCORD_GUILD_ID",
                 "BRIEFBOT_ADMINS"):
        assert values[name] == "", name
    assert set(values) - {"POSTGRES_PASSWORD"} <= set(env_names())


def test_env_example_unchanged_loads_with_no_platform_on(clean_env: pytest.MonkeyPatch) -> None:
    for key, value in env_example().items():
        clean_env.setenv(key, value)
    settings = load_settings()
    assert not settings.slack_enabled and not settings.discord_enabled
    assert settings.discord_guild_id is None and settings.admins == ()
    assert settings.incomplete_platforms() == []


@pytest.mark.parametrize("name", env_names())
def test_every_setting_set_empty_is_the_same_as_unset(clean_env: pytest.MonkeyPatch, name: str) -> None:
    unset = load_settings().model_dump(exclude={"replica"})
    clean_env.setenv(name, "")
    assert load_settings().model_dump(exclude={"replica"}) == unset


def test_an_empty_value_in_the_config_file_is_unset_too(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    unset = load_settings().model_dump(exclude={"replica"})
    path = tmp_path / "briefbot.yaml"
    path.write_text('timezone:\ndiscord_guild_id: ""\ncatchup_grace:\nadmins: ""\n')
    clean_env.setenv("BRIEFBOT_CONFIG_FILE", str(path))
    assert load_settings().model_dump(exclude={"replica"}) == unset


def test_a_bare_number_is_no_duration_in_the_config_file(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "briefbot.yaml"
    path.write_text("catchup_grace: 120\n")
    clean_env.setenv("BRIEFBOT_CONFIG_FILE", str(path))
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value) == "BRIEFBOT_CATCHUP_GRACE: 120 needs a unit: write e.g. 2h, 90m, 1h30m or 45s"
    path.write_text("catchup_grace: 90m\n")
    assert load_settings().catchup_grace == timedelta(minutes=90)


@pytest.mark.parametrize(("given", "read"), [("utc", "UTC"), ("asia/seoul", "Asia/Seoul"),
                                             ("AMERICA/NEW_YORK", "America/New_York")])
def test_timezone_names_are_case_insensitive(clean_env: pytest.MonkeyPatch, given: str, read: str) -> None:
    clean_env.setenv("BRIEFBOT_TIMEZONE", given)
    assert load_settings().timezone == read


@pytest.mark.parametrize("abbreviation", ["EST", "CET", "est", "MST7MDT", "GMT"])
def test_timezone_abbreviations_are_refused(clean_env: pytest.MonkeyPatch, abbreviation: str) -> None:
    clean_env.setenv("BRIEFBOT_TIMEZONE", abbreviation)
    with pytest.raises(SettingsError, match=r"^BRIEFBOT_TIMEZONE: .* \(abbreviations such as EST are refused"):
        load_settings()


@pytest.mark.parametrize(("given", "sentence"), [
    ({"SLACK_BOT_TOKEN": "xoxb-1"},
     "Slack stays off: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN "
     "(Socket Mode) is not"),
    ({"SLACK_SIGNING_SECRET": "s", "SLACK_APP_TOKEN": "xapp-1"},
     "Slack stays off: SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are set but SLACK_BOT_TOKEN is not"),
    ({"DISCORD_GUILD_ID": "123"}, "Discord stays off: DISCORD_GUILD_ID is set but DISCORD_TOKEN is not"),
])
def test_a_partly_configured_platform_stays_off_with_one_sentence(
        clean_env: pytest.MonkeyPatch, given: dict[str, str], sentence: str) -> None:
    for key, value in given.items():
        clean_env.setenv(key, value)
    settings = load_settings()
    assert not settings.slack_enabled and not settings.discord_enabled
    assert settings.incomplete_platforms() == [sentence]


def test_the_default_store_is_the_checkouts_data_or_the_users_data_dir(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "pyproject.toml").write_text("")
    assert default_database_url(checkout, {}) == f"sqlite+aiosqlite:///{checkout}/data/briefbot.db"
    installed = tmp_path / "site-packages"
    installed.mkdir()
    assert default_database_url(installed, {"HOME": "/home/ana"}) == \
        "sqlite+aiosqlite:////home/ana/.local/share/briefbot/briefbot.db"
    assert default_database_url(installed, {"HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana"}) == \
        "sqlite+aiosqlite:////data/ana/briefbot/briefbot.db"
    # this checkout: wherever briefbot starts from, the same file
    assert Settings().database_url == f"sqlite+aiosqlite:///{ROOT}/data/briefbot.db"


# --- briefbot run, as compose starts it -----------------------------------------------------------


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


def _compose_env(tmp_path: Path, **filled: str) -> dict[str, str]:
    """The bot's environment under compose: `.env` (a copy of `.env.example`, `filled` in), then the
    service's own settings (its database, HTTP and console settings; SQLite here)."""
    return run_env(**env_example()) | filled | {
        "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/bot.db",
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_HTTP_PORT": "0",
        "BRIEFBOT_CONSOLE": "off",
    }


async def test_env_example_with_only_slacks_two_values_starts_ready(slack: FakeSlack, tmp_path: Path) -> None:
    env = _compose_env(tmp_path, SLACK_BOT_TOKEN=slack.bot_token, SLACK_SIGNING_SECRET="a-signing-secret",
                       SLACK_API_URL=slack.api_url)
    async with BriefbotRun(env) as bot:
        await bot.wait_ready(surfaces=("slack",))
        await bot.wait_for_line("store: sqlite")
        bot.terminate()
        assert await bot.wait_exit() == 0, bot.text
    assert bot.problems() == [], bot.text


async def test_nothing_set_runs_headless_and_ready(tmp_path: Path) -> None:
    env = run_env(**env_example()) | {"BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/bot.db",
                                       "BRIEFBOT_HTTP_HOST": "127.0.0.1", "BRIEFBOT_HTTP_PORT": "0"}
    async with BriefbotRun(env) as bot:  # stdin is /dev/null, as in a container started without -i
        await bot.wait_ready(surfaces=())
        await bot.wait_for_line("running headless")
        status, body = await bot.get("/readyz")
        assert status == 200 and '"database": true' in body
        bot.terminate()
        assert await bot.wait_exit() == 0, bot.text
    assert bot.problems() == [], bot.text


async def test_a_partly_configured_platform_is_one_log_line_not_a_crash(tmp_path: Path) -> None:
    env = _compose_env(tmp_path, SLACK_BOT_TOKEN="xoxb-only-this")
    async with BriefbotRun(env) as bot:
        await bot.wait_ready(surfaces=())
        bot.terminate()
        assert await bot.wait_exit() == 0, bot.text
    warnings = bot.problems()
    assert len(warnings) == 1 and "Slack stays off: SLACK_BOT_TOKEN is set but" in warnings[0], bot.text


# --- start-up failures: one sentence each -----------------------------------------------------------


def _briefbot(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], env=env, capture_output=True, text=True, timeout=120, cwd=cwd)


def _one_line(out: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in out.stderr.splitlines() if not line.startswith("{")]  # JSON log lines aside
    assert out.returncode != 0 and len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    return lines[0]


def test_a_missing_facts_dir_on_a_fresh_database(tmp_path: Path) -> None:
    env = run_env(BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/a.db", BRIEFBOT_FACTS_DIR="/nonexistent")
    assert _one_line(_briefbot(env, "run")) == (
        "briefbot: BRIEFBOT_FACTS_DIR (/nonexistent): /nonexistent/sources.yaml: cannot be read "
        "(No such file or directory)")


def test_a_curated_fact_with_a_wrong_quote_names_the_file_and_fact(tmp_path: Path) -> None:
    facts_dir = tmp_path / "config"
    shutil.copytree(ROOT / "config", facts_dir, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    summit = facts_dir / "facts" / "summit.yaml"
    text = summit.read_text()
    quote_line = next(line for line in text.splitlines() if line.strip().startswith("quote:"))
    summit.write_text(text.replace(quote_line, quote_line.split("quote:")[0] + "quote: words nobody wrote", 1))
    env = run_env(BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/b.db", BRIEFBOT_FACTS_DIR=str(facts_dir))
    line = _one_line(_briefbot(env, "ask", "who led the delegation"))
    assert line.startswith(f"briefbot: BRIEFBOT_FACTS_DIR ({facts_dir}): summit.yaml: fact ")
    assert line.endswith("its quote does not occur in source 'wsj-2018-05-28'"), line


@pytest.mark.parametrize(("url", "why"), [
    ("postgresql+asyncpg://briefbot:secret@127.0.0.1:1/briefbot",
     "the connection was refused (is the server running on that host and port?)"),
    ("postgresql+asyncpg://briefbot:secret@db.invalid/briefbot", "the host name is unknown"),
])
def test_an_unreachable_database_names_the_host_not_the_password(url: str, why: str) -> None:
    line = _one_line(_briefbot(run_env(BRIEFBOT_DATABASE_URL=url), "facts", "list"))
    shown = url.replace(":secret@", ":***@")
    assert line == f"briefbot: BRIEFBOT_DATABASE_URL: cannot open the database {shown}: {why}"


def test_an_export_to_a_missing_folder(tmp_path: Path) -> None:
    env = run_env(BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/c.db")
    assert _one_line(_briefbot(env, "facts", "export", "/nonexistdir/x.yaml")) == (
        "briefbot: /nonexistdir/x.yaml cannot be written (No such file or directory)")


async def test_the_first_refresh_does_not_reapply_what_start_up_indexed(tmp_path: Path) -> None:
    from bot.app import open_core
    from briefings.store import ChangeInfo

    core = await open_core(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/fresh.db"))  # seeds 105 facts
    try:
        assert await core.facts.refresh() == 0
        other = await open_core(core.settings)  # another replica retires a fact: that one is applied
        try:
            stored = await other.store.get("summit-place")
            assert stored is not None
            await other.facts.retire("summit-place", expected_version=stored.version, reason=None,
                                     change=ChangeInfo(actor="console:ana", platform="console", action="retire"))
        finally:
            await other.close()
        assert await core.facts.refresh() == 1
        assert "summit-place" not in core.ask("where will the summit be held").facts
    finally:
        await core.close()


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_build_context() -> None:
    patterns = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")}
    assert {".env", ".env.*", "data", ".venv", ".git", "*.db"} <= patterns


def test_make_clean_never_touches_the_store_and_clean_data_says_what_it_deletes(tmp_path: Path) -> None:
    make = ["make", "--no-print-directory"]  # the same output under `make test` (a sub-make) as alone
    clean = subprocess.run([*make, "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "rm -rf .venv" in clean and not any(" data" in line or line.endswith("data") for line in clean.splitlines())
    project = tmp_path / "checkout"
    (project / "data").mkdir(parents=True)
    (project / "data" / "briefbot.db").write_text("")
    shutil.copy(ROOT / "Makefile", project)
    wiped = subprocess.run([*make, "clean-data"], cwd=project, capture_output=True, text=True, check=True)
    assert wiped.stdout.startswith("clean-data: deleting data/ (the local store: briefbot.db )")
    assert not (project / "data").exists()
