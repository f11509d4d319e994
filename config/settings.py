"""Settings: one pydantic-settings model, from the environment and an optional YAML file.

Precedence: environment variables, then the config file named by `BRIEFBOT_CONFIG_FILE`, then the
defaults. An empty value is the same as leaving the setting out (`.env.example` lists every
setting with an empty value). Every invalid value raises `SettingsError` naming the setting.
"""

from __future__ import annotations

import os
import re
import socket
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict
from typing_extensions import Annotated

from briefings.timezones import ZONE_EXAMPLES, iana_timezone

__all__ = ["CONFIG_DIR", "IDENTITY", "Settings", "SettingsError", "default_database_url", "load_settings"]

CONFIG_DIR = Path(__file__).resolve().parent
"""The directory with the curated sources, entities and fact files."""
PROJECT_DIR = CONFIG_DIR.parent
"""The checkout, when briefbot runs from one (an editable install); site-packages otherwise."""

IDENTITY = re.compile(r"^(slack|discord|console):[A-Za-z0-9_.@-]{1,64}$")
"""A platform-qualified user id: what admins are named by, in the settings and in `admins add`."""


class SettingsError(ValueError):
    """A setting with an invalid value; the message names it."""


_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def _duration(value: Any) -> Any:
    """`2h`, `90m`, `1h30m`, `45s`, `1d` as a timedelta; ISO 8601 (`PT2H`) passes on to pydantic.

    A bare number is refused wherever it comes from (the environment or the YAML file's `120`):
    it could mean minutes or seconds."""
    if isinstance(value, (int, float)):  # bool is an int too: refused as well
        raise ValueError(f"{value!r} needs a unit: write e.g. 2h, 90m, 1h30m or 45s")
    if not isinstance(value, str):
        return value
    text = value.strip().lower().replace(" ", "")
    if text.isdigit():
        raise ValueError(f"{value!r} needs a unit: write e.g. 2h, 90m, 1h30m or 45s")
    match = _DURATION.match(text)
    if match and text:
        days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    if text.startswith("p") or ":" in text:
        return value  # ISO 8601 (PT2H) or HH:MM:SS: pydantic reads those
    raise ValueError(f"{value!r} is not a duration: write e.g. 2h, 90m, 1h30m or 45s")


def _default_replica() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:128]


def default_database_url(project_dir: Path = PROJECT_DIR, environ: dict[str, str] | None = None) -> str:
    """One store wherever briefbot is started from: the checkout's `data/briefbot.db` when it runs
    from a checkout, otherwise `$XDG_DATA_HOME/briefbot/briefbot.db` (`~/.local/share/briefbot`)."""
    environ = os.environ if environ is None else environ
    if (project_dir / "pyproject.toml").is_file():
        directory = project_dir / "data"
    else:
        data_home = environ.get("XDG_DATA_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".local" / "share")
        directory = Path(data_home) / "briefbot"
    return f"sqlite+aiosqlite:///{directory / 'briefbot.db'}"


class _YamlFileSource(PydanticBaseSettingsSource):
    """Values from the YAML file named by BRIEFBOT_CONFIG_FILE (keys are the field names)."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self._data: dict[str, Any] = {}
        if path is None:
            return
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise SettingsError(f"BRIEFBOT_CONFIG_FILE: {path} cannot be read ({exc.strerror})") from None
        except yaml.YAMLError:
            raise SettingsError(f"BRIEFBOT_CONFIG_FILE: {path} is not valid YAML") from None
        if not isinstance(data, dict):
            raise SettingsError(f"BRIEFBOT_CONFIG_FILE: {path} must hold a mapping of setting: value")
        known = set(settings_cls.model_fields)
        unknown = sorted(str(key) for key in set(data) - known)
        if unknown:
            raise SettingsError(f"BRIEFBOT_CONFIG_FILE: unknown setting(s) {', '.join(unknown)}")
        # As in the environment, an empty value (`timezone:` or `timezone: ""`) leaves the setting unset.
        self._data = {key: value for key, value in data.items() if value is not None and value != ""}

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self._data)


class Settings(BaseSettings):
    """Everything briefbot can be configured with. Environment names are BRIEFBOT_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", extra="ignore", frozen=True, populate_by_name=True,
                                      env_ignore_empty=True)

    database_url: str = Field(default_factory=default_database_url)
    """SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://user@host/db."""
    timezone: str = "Asia/Seoul"
    """Default IANA timezone for briefings, subscriptions and for reading dates."""
    admins: Annotated[tuple[str, ...], NoDecode] = ()
    """Platform-qualified admin ids, comma-separated: slack:U0123ABC,discord:1234,console:ana."""
    facts_dir: Path = CONFIG_DIR
    """Directory with sources.yaml, entities.yaml and facts/*.yaml, seeded on first start."""
    log_level: str = "INFO"
    answer_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    """None: the answerer's own threshold (briefings/answering/decide.py, chosen on the tune sets)."""
    """Least confidence an answer needs; below it the bot says it has no fact on that."""
    context_minutes: int = Field(default=10, ge=0, le=24 * 60)
    """How long a conversation's last question is kept for follow-ups ("where?"); 0 turns them off."""
    http_host: str = "0.0.0.0"
    """Where the HTTP server listens (Slack's HTTP mode, /healthz, /readyz, /metrics)."""
    http_port: int = Field(default=3000, ge=0, le=65535)
    """0 picks a free port (tests)."""
    console: Literal["auto", "on", "off"] = "auto"
    """The terminal chat in `briefbot run`: auto = when no platform token is set; off in containers."""
    shutdown_timeout: timedelta = timedelta(seconds=20)
    """On SIGTERM, how long answers and deliveries in flight may take to finish before the bot exits."""
    facts_refresh: timedelta = timedelta(seconds=5)
    """How often `briefbot run` looks for facts changed by other replicas (one cheap query)."""

    # Scheduled briefings (bot/scheduler.py). Durations are written 2h, 90m, 1h30m or 45s.
    catchup_grace: timedelta = timedelta(hours=2)
    """A briefing missed by less than this (the bot was down) is sent late, once; older ones are skipped."""
    delivery_attempts: int = Field(default=5, ge=1, le=20)
    """Sends tried per briefing when the platform fails in a way worth retrying."""
    delivery_backoff: timedelta = timedelta(seconds=2)
    """Wait before the first retry; each further retry waits twice as long."""
    delivery_claim_timeout: timedelta = timedelta(minutes=10)
    """A claim this old and still unrecorded means its replica died: another replica takes it over, once."""
    schedule_resync: timedelta = timedelta(seconds=30)
    """How often each replica re-reads the subscriptions (to see changes made on other replicas) and catches up."""
    follow_up: bool = True
    """Tell each asker of a question the bot could not answer, once, when an admin's change answers it."""
    unanswered_days: int = Field(default=90, ge=1, le=3650)
    """Days a closed or dismissed group of unanswered questions is kept before it is deleted."""
    replica: str = Field(default_factory=_default_replica, min_length=1, max_length=128)
    """This process's name in the delivery ledger (claimed_by); default HOSTNAME:PID."""

    # The platforms' own variables keep their usual names (no BRIEFBOT_ prefix).
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    """Set: Socket Mode. Unset: HTTP mode on http_host:http_port."""
    slack_api_url: str | None = Field(default=None, validation_alias="SLACK_API_URL")
    """The Web API base URL, e.g. http://127.0.0.1:PORT/api/ for a local fake; default Slack's own."""
    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    discord_guild_id: int | None = Field(default=None, validation_alias="DISCORD_GUILD_ID")
    """Sync slash commands to this guild only (instant, for development); global otherwise."""
    discord_api_url: str | None = Field(default=None, validation_alias="DISCORD_API_URL")
    discord_gateway_url: str | None = Field(default=None, validation_alias="DISCORD_GATEWAY_URL")
    """The REST base (with the version, e.g. http://127.0.0.1:PORT/api/v10) and the gateway websocket
    URL (ws://...): for a local fake or a proxy; default Discord's own."""
    discord_message_content: bool = False
    """Ask for the privileged message content intent (enable it in the Developer Portal first): the
    bot then also answers replies to its messages that do not ping it. Off: slash commands, @mentions
    and DMs only."""

    @property
    def slack_enabled(self) -> bool:
        """Slack is on when its required values are all set: the bot token, and the signing secret
        (HTTP mode) or the app token (Socket Mode)."""
        return self.slack_bot_token is not None and (
            self.slack_signing_secret is not None or self.slack_app_token is not None)

    @property
    def discord_enabled(self) -> bool:
        return self.discord_token is not None

    def incomplete_platforms(self) -> list[str]:
        """One sentence per platform that is partly configured (and so stays off), naming what is missing."""
        problems = []
        slack_set = [name for name, value in (("SLACK_BOT_TOKEN", self.slack_bot_token),
                                              ("SLACK_SIGNING_SECRET", self.slack_signing_secret),
                                              ("SLACK_APP_TOKEN", self.slack_app_token)) if value is not None]
        if slack_set and not self.slack_enabled:
            if self.slack_bot_token is None:
                missing = "SLACK_BOT_TOKEN"
            else:
                missing = "SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)"
            problems.append(f"Slack stays off: {' and '.join(slack_set)} {'is' if len(slack_set) == 1 else 'are'} "
                            f"set but {missing} is not")
        if self.discord_guild_id is not None and not self.discord_enabled:
            problems.append("Discord stays off: DISCORD_GUILD_ID is set but DISCORD_TOKEN is not")
        return problems

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("admins")
    @classmethod
    def _check_admins(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for admin in value:
            if not IDENTITY.match(admin):
                raise ValueError(f"{admin!r} is not PLATFORM:USER_ID with platform slack, discord or console")
        return value

    @field_validator("catchup_grace", "delivery_backoff", "delivery_claim_timeout", "schedule_resync",
                     "shutdown_timeout", "facts_refresh", mode="before")
    @classmethod
    def _read_duration(cls, value: Any) -> Any:
        return _duration(value)

    @model_validator(mode="after")
    def _check_schedule(self) -> "Settings":
        if self.catchup_grace <= timedelta(0):
            raise ValueError("BRIEFBOT_CATCHUP_GRACE must be longer than 0 (e.g. 2h)")
        if self.schedule_resync < timedelta(seconds=1):
            raise ValueError("BRIEFBOT_SCHEDULE_RESYNC must be at least 1s (e.g. 30s)")
        retrying = self.delivery_backoff * (2 ** (self.delivery_attempts - 1) - 1)
        if self.delivery_claim_timeout <= retrying:
            raise ValueError(
                f"BRIEFBOT_DELIVERY_CLAIM_TIMEOUT must be longer than the retries can take ({retrying}), "
                "or a replica still retrying would be taken for dead"
            )
        return self

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        """The same rule as `subscribe`: any case, abbreviations (EST) refused."""
        found = iana_timezone(value)
        if found is None:
            raise ValueError(f"{value!r} is not a timezone: use {ZONE_EXAMPLES} (abbreviations such as EST "
                             "are refused: they do not follow daylight saving)")
        return found

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        path = os.environ.get("BRIEFBOT_CONFIG_FILE")
        return (init_settings, env_settings, _YamlFileSource(settings_cls, Path(path) if path else None))


def _env_name(field: str) -> str:
    if field not in Settings.model_fields:
        return field  # already the variable's own name (an alias such as DISCORD_TOKEN)
    alias = Settings.model_fields[field].validation_alias
    return alias if isinstance(alias, str) else f"BRIEFBOT_{field.upper()}"


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning any validation error into one SettingsError naming the setting."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for e in exc.errors(include_url=False):
            message = e["msg"].removeprefix("Value error, ")
            problems.append(f"{_env_name(str(e['loc'][0]))}: {message}" if e["loc"] else message)
        raise SettingsError("; ".join(problems)) from None
