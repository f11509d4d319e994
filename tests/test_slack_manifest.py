"""config/slack-manifest.yaml asks Slack for exactly what the adapter uses."""

from __future__ import annotations

import yaml

from bot.adapters.slack import BOT_EVENTS, BOT_SCOPES, EVENTS_PATH
from config.settings import CONFIG_DIR


def test_the_manifest_matches_the_adapter() -> None:
    manifest = yaml.safe_load((CONFIG_DIR / "slack-manifest.yaml").read_text(encoding="utf-8"))
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert "user" not in manifest["oauth_config"]["scopes"]
    settings = manifest["settings"]
    assert sorted(settings["event_subscriptions"]["bot_events"]) == sorted(BOT_EVENTS)
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == "/brief" and command["should_escape"] is False
    urls = [command["url"], settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"]]
    assert all(url.endswith(EVENTS_PATH) for url in urls)
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is False
    home = manifest["features"]["app_home"]
    assert home["home_tab_enabled"] is True and home["messages_tab_enabled"] is True
    assert home["messages_tab_read_only_enabled"] is False
