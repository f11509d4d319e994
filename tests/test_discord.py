"""Scenario tests of the Discord surface: the real discord.py client, through `DiscordSurface(runner)`
over a real SQLite store, against the fake Discord on loopback (REST and gateway). Every assertion
is on what the bot sent Discord, or on the store."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, timezone
import os
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest

from bot.adapters.discord import DiscordStartError, DiscordSurface
from bot.app import open_core, wire
from bot.commands.brief import CHANGES_WINDOW
from bot.render.discord import render_briefing_embeds
from bot.surface import PublishError
from briefings.briefing import Section
from briefings.compose import compose_briefing
from briefings.deliveries import Posted
from briefings.digest import ChangeWindow, Edition, compose_edition
from tests.discord_harness import (
    ADMIN_ID,
    EPHEMERAL,
    USER_ID,
    DiscordBot,
    LogWaiter,
    assert_no_mentions_allowed,
    check_message_limits,
    discord_settings,
    message_data,
    running_bot,
)
from tests.fakes.discord import MANAGE_GUILD, MESSAGE_CONTENT, MODERATOR_ROLE, FakeDiscord

QUESTION = "who led the U.S. delegation to Singapore?"
FACT = "us-delegation-leader"
EXE = Path(sys.executable).with_name("briefbot")


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the curated facts seeded once; each test starts from a copy."""
    path = tmp_path_factory.mktemp("discord-seeded") / "briefbot.db"

    async def seed() -> None:
        from config.settings import Settings

        core = await open_core(Settings(database_url=f"sqlite+aiosqlite:///{path}"))
        await core.close()

    asyncio.run(seed())
    return path


@pytest.fixture
def database_url(tmp_path: Path, seeded: Path) -> str:
    target = tmp_path / "briefbot.db"
    shutil.copyfile(seeded, target)
    return f"sqlite+aiosqlite:///{target}"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as running:
        yield running


@pytest.fixture
async def bot(fake: FakeDiscord, database_url: str) -> AsyncIterator[DiscordBot]:
    async with running_bot(fake, database_url) as running:
        yield running


async def statement(bot: DiscordBot, fact_id: str = FACT) -> tuple[str, int]:
    stored = await bot.runner.core.store.get(fact_id)
    assert stored is not None
    return stored.fact.statement, stored.version


# --- connecting -----------------------------------------------------------------------------------


async def test_start_logs_in_identifies_and_heartbeats(bot: DiscordBot, fake: FakeDiscord) -> None:
    assert [c.kind for c in fake.calls()][:2] == ["me", "application"]
    assert fake.identifies == 1 and fake.heartbeats >= 1
    assert fake.intents is not None and not fake.intents & MESSAGE_CONTENT  # not asked for by default
    assert bot.surface.client.user is not None and bot.surface.client.user.id == fake.bot_user_id
    assert not fake.calls("sync")  # commands are synced by `briefbot discord sync`, not at start


async def test_run_builds_the_discord_surface_when_the_token_is_set(fake: FakeDiscord, database_url: str) -> None:
    core = await open_core(discord_settings(fake, database_url))
    try:
        runner = wire(core)
        assert isinstance(runner.surface("discord"), DiscordSurface) and runner.console is None
    finally:
        await core.close()


async def test_a_refused_token_is_one_clear_error(fake: FakeDiscord, database_url: str) -> None:
    with pytest.raises(DiscordStartError, match="refused DISCORD_TOKEN"):
        async with running_bot(fake, database_url, discord_token="not-the-token"):
            pass


async def test_an_intent_not_enabled_in_the_portal_is_one_clear_error(database_url: str) -> None:
    async with FakeDiscord(allowed_intents=0) as strict:
        with pytest.raises(DiscordStartError, match="4014.*BRIEFBOT_DISCORD_MESSAGE_CONTENT=false"):
            async with running_bot(strict, database_url, discord_message_content=True):
                pass
        assert strict.intents is not None and strict.intents & MESSAGE_CONTENT


async def test_the_token_is_never_logged(fake: FakeDiscord, database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_bot(fake, database_url):
        await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
        await fake.wait_for("callback")
    assert caplog.records and not any(fake.token in r.getMessage() for r in caplog.records)


# --- slash commands -------------------------------------------------------------------------------


async def test_ask_answers_in_the_interaction_callback(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
    [callback] = await fake.wait_for("callback")
    assert callback.payload["type"] == 4  # a message at once: the answer was ready within DEFER_AFTER
    data = message_data(callback)
    assert "Hagin" in data["content"] and "(Source:" in data["content"]
    assert not data.get("flags", 0) & EPHEMERAL
    assert_no_mentions_allowed(callback)
    check_message_limits(data)


async def test_brief_delegations_is_embeds_within_discords_limits(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("brief", section="delegations"))
    [callback] = await fake.wait_for("callback")
    data = message_data(callback)
    assert callback.payload["type"] == 4 and not data.get("content")
    assert data["embeds"] and data["embeds"][0]["title"].startswith(Section.delegations.label)
    sent = [callback] + fake.calls("followup")
    for call in sent:
        check_message_limits(message_data(call))
        assert_no_mentions_allowed(call)


async def test_brief_is_the_digest_in_one_embed(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("brief"))
    [callback] = await fake.wait_for("callback")
    [embed] = message_data(callback)["embeds"]
    assert embed["title"].startswith("Briefing for") and len(discord.Embed.from_dict(embed)) <= 2000
    assert "/brief section:full" in embed["footer"]["text"]
    assert_no_mentions_allowed(callback)


async def test_the_whole_briefing_takes_as_many_messages_as_it_needs(bot: DiscordBot, fake: FakeDiscord) -> None:
    now = datetime.now(timezone.utc)
    briefing = await compose_briefing(bot.runner.core.store, as_of=now.date(), since=now - CHANGES_WINDOW)
    expected = len(render_briefing_embeds(briefing))  # as `brief full` composes it
    await fake.dispatch("INTERACTION_CREATE", fake.slash("brief", section="full"))
    await fake.wait_for("callback")
    if expected > 1:
        await fake.wait_for("followup", count=min(expected, 5) - 1)
    for call in fake.calls("callback") + fake.calls("followup"):
        check_message_limits(message_data(call))
        assert_no_mentions_allowed(call)


async def test_a_slow_answer_is_deferred_then_edited_in(fake: FakeDiscord, database_url: str) -> None:
    async with running_bot(fake, database_url, defer_after=0):
        await fake.dispatch("INTERACTION_CREATE", fake.slash("brief", section="delegations"))
        [callback] = await fake.wait_for("callback")
        assert callback.payload["type"] == 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "thinking..."
        [edit] = await fake.wait_for("edit-original")
        assert edit.token == callback.token and edit.payload["embeds"]
        check_message_limits(edit.payload)
        assert_no_mentions_allowed(edit)


async def test_a_deferred_error_is_shown_to_the_caller_only(fake: FakeDiscord, database_url: str) -> None:
    async with running_bot(fake, database_url, defer_after=0):
        await fake.dispatch("INTERACTION_CREATE", fake.slash("fact", "show", id="no-such-fact"))
        [callback] = await fake.wait_for("callback")
        assert callback.payload["type"] == 5 and not callback.payload.get("data", {}).get("flags", 0) & EPHEMERAL
        await fake.wait_for("delete-original")  # the public "thinking" message goes
        [followup] = await fake.wait_for("followup")
        assert followup.payload["flags"] & EPHEMERAL and "no-such-fact" in followup.payload["content"]


async def test_fact_show_and_search_are_for_everyone(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("fact", "show", id=FACT))
    await fake.dispatch("INTERACTION_CREATE", fake.slash("fact", "search", text="Hagin"))
    shown, found = await fake.wait_for("callback", count=2)
    assert FACT in message_data(shown)["content"] and "Hagin" in message_data(shown)["content"]
    assert FACT in message_data(found)["content"]


# --- rights ---------------------------------------------------------------------------------------


async def test_a_member_without_manage_server_is_refused_fact_edit(bot: DiscordBot, fake: FakeDiscord) -> None:
    before = await statement(bot)
    await fake.dispatch("INTERACTION_CREATE", fake.slash(
        "fact", "edit", user_id=USER_ID, permissions=1 << 11, id=FACT, statement="Nobody led it.", reason="vandal"))
    [callback] = await fake.wait_for("callback")
    data = message_data(callback)
    assert data["flags"] & EPHEMERAL and data["content"].startswith("Only admins can change facts")
    assert await statement(bot) == before
    history = await bot.runner.core.store.history(FACT)
    assert all(h.actor != f"discord:{USER_ID}" for h in history)


async def test_a_member_with_manage_server_may_edit(bot: DiscordBot, fake: FakeDiscord) -> None:
    _, version = await statement(bot)
    new = "Joe Hagin, a White House deputy chief of staff, led the U.S. advance team in Singapore."
    await fake.dispatch("INTERACTION_CREATE", fake.slash(
        "fact", "edit", user_id=USER_ID, permissions=MANAGE_GUILD, id=FACT, statement=new, reason="tense"))
    [callback] = await fake.wait_for("callback")
    data = message_data(callback)
    assert f"now at version {version + 1}" in data["content"]
    assert data["flags"] & EPHEMERAL  # replies to admin commands are for the caller
    assert await statement(bot) == (new, version + 1)
    history = await bot.runner.core.store.history(FACT)
    assert history[-1].actor == f"discord:{USER_ID}" and history[-1].platform == "discord"
    assert history[-1].channel == str(fake.channel_id)


async def test_manage_server_counts_only_in_discord_guild_id_when_set(fake: FakeDiscord, database_url: str) -> None:
    async with running_bot(fake, database_url, discord_guild_id=fake.guild_id + 1) as bot:
        before = await statement(bot)
        await fake.dispatch("INTERACTION_CREATE", fake.slash(
            "fact", "edit", permissions=MANAGE_GUILD, id=FACT, statement="Somebody else led it."))
        [callback] = await fake.wait_for("callback")
        assert message_data(callback)["content"].startswith("Only admins")
        assert await statement(bot) == before


async def test_an_admin_named_in_the_settings_may_edit_from_a_dm(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash(
        "fact", "retire", user_id=ADMIN_ID, dm=True, id=FACT, reason="test"))
    [callback] = await fake.wait_for("callback")
    assert message_data(callback)["content"].startswith(f"Retired fact {FACT}")
    stored = await bot.runner.core.store.get(FACT)
    assert stored is not None and stored.retired


async def test_fact_edit_clear_empties_optional_fields(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash(
        "fact", "edit", user_id=ADMIN_ID, id=FACT, clear="keywords", reason="tidy"))
    [callback] = await fake.wait_for("callback")
    assert "now at version" in message_data(callback)["content"], message_data(callback)["content"]
    stored = await bot.runner.core.store.get(FACT)
    assert stored is not None and stored.fact.keywords == []


# --- the fact add form ----------------------------------------------------------------------------


async def test_fact_add_without_options_opens_a_form_and_checks_its_submission(bot: DiscordBot,
                                                                            fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("fact", "add", permissions=MANAGE_GUILD))
    [opened] = await fake.wait_for("callback")
    assert opened.payload["type"] == 9  # MODAL
    form = opened.payload["data"]
    inputs = [c["custom_id"] for row in form["components"] for c in row["components"]]
    assert inputs == ["id", "statement", "subject", "topic", "more"]

    bad = {"id": "summit-mascot", "statement": "The summit mascot is a blue heron.", "subject": "Singapore summit",
           "topic": "weather", "more": ""}
    await fake.dispatch("INTERACTION_CREATE", fake.modal_submit(form["custom_id"], bad, permissions=MANAGE_GUILD))
    [_, refused] = await fake.wait_for("callback", count=2)
    data = message_data(refused)
    assert refused.payload["type"] == 4 and data["flags"] & EPHEMERAL
    assert data["content"].startswith("Topic 'weather' is not one of")
    assert await bot.runner.core.store.get("summit-mascot") is None

    # the same form, opened again, with good values and an optional key in the last box
    await fake.dispatch("INTERACTION_CREATE", fake.slash("fact", "add", permissions=MANAGE_GUILD))
    [*_, reopened] = await fake.wait_for("callback", count=3)
    good = bad | {"topic": "summit", "more": "date=2018-06-12"}
    await fake.dispatch("INTERACTION_CREATE", fake.modal_submit(reopened.payload["data"]["custom_id"], good,
                                                                permissions=MANAGE_GUILD))
    [*_, added] = await fake.wait_for("callback", count=4)
    assert message_data(added)["content"].startswith("Added fact summit-mascot (version 1)")
    stored = await bot.runner.core.store.get("summit-mascot")
    assert stored is not None and str(stored.fact.dates[0].day) == "2018-06-12"


async def test_fact_add_without_options_refuses_a_non_admin_without_a_form(bot: DiscordBot,
                                                                         fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("fact", "add"))
    [callback] = await fake.wait_for("callback")
    assert callback.payload["type"] == 4 and message_data(callback)["content"].startswith("Only admins")


async def test_fact_add_with_options_is_the_typed_command(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash(
        "fact", "add", user_id=ADMIN_ID, id="summit-mascot", statement='The "summit" mascot is a heron\\crane.',
        subject="Singapore summit", topic="summit"))
    [callback] = await fake.wait_for("callback")
    assert message_data(callback)["content"].startswith("Added fact summit-mascot")
    stored = await bot.runner.core.store.get("summit-mascot")
    assert stored is not None and stored.fact.statement == 'The "summit" mascot is a heron\\crane.'


async def test_the_entity_group_adds_edits_and_shows_and_refuses_a_non_admin(bot: DiscordBot,
                                                                            fake: FakeDiscord) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash(
        "entity", "add", user_id=USER_ID, permissions=1 << 11, id="mike-pompeo", name="Mike Pompeo", kind="person"))
    [refused] = await fake.wait_for("callback")
    assert message_data(refused)["content"].startswith("Only admins can change entities")
    assert await bot.runner.core.store.get_record("entity", "mike-pompeo") is None
    replies = []
    for interaction in (
        fake.slash("entity", "add", user_id=ADMIN_ID, id="mike-pompeo", name="Mike Pompeo", kind="person",
                   aliases="Pompeo; Secretary Pompeo", description="The U.S. secretary of state."),
        fake.slash("entity", "edit", user_id=ADMIN_ID, id="mike-pompeo", clear="aliases", reason="too many"),
        fake.slash("entity", "history", user_id=USER_ID, id="mike-pompeo"),
    ):
        await fake.dispatch("INTERACTION_CREATE", interaction)
        replies.append((await fake.wait_for("callback", len(replies) + 2))[-1])
    added, edited, history = replies
    assert message_data(added)["content"].startswith("Added entity mike-pompeo (version 1)")
    assert message_data(edited)["content"].startswith("Entity mike-pompeo is now at version 2")
    assert "History of entity mike-pompeo (2 versions)" in message_data(history)["content"]
    [v1, v2] = await bot.runner.core.store.record_history("entity", "mike-pompeo")
    assert (v2.actor, v2.platform, v2.reason, v2.record.aliases) == (f"discord:{ADMIN_ID}", "discord", "too many", [])


# --- mentions and DMs -----------------------------------------------------------------------------


async def test_a_mention_gets_a_reply(bot: DiscordBot, fake: FakeDiscord) -> None:
    message = fake.message(QUESTION, mention_bot=True)
    await fake.dispatch("MESSAGE_CREATE", message)
    [reply] = await fake.wait_for("message")
    assert reply.channel_id == str(fake.channel_id)
    assert "Hagin" in reply.payload["content"]
    assert str(reply.payload["message_reference"]["message_id"]) == message["id"]
    assert_no_mentions_allowed(reply)
    assert not reply.payload["allowed_mentions"].get("replied_user")


async def test_a_dm_gets_a_reply(bot: DiscordBot, fake: FakeDiscord) -> None:
    message = fake.message(QUESTION, dm=True)
    await fake.dispatch("MESSAGE_CREATE", message)
    [reply] = await fake.wait_for("message")
    assert reply.channel_id == message["channel_id"] and "Hagin" in reply.payload["content"]
    assert_no_mentions_allowed(reply)


async def test_an_attached_txt_file_is_the_source_text(bot: DiscordBot, fake: FakeDiscord) -> None:
    article = "Secretary of State Mike Pompeo had dinner with Kim Yong Chol in New York.\nThey met again."
    command = 'source add nyt-2018-05-30 title="Pompeo meets Kim Yong Chol" publisher="NYT" date=2018-05-30'
    big = fake.attachment("huge.txt", b"x", size=10_000_000)
    await fake.dispatch("MESSAGE_CREATE", fake.message(command, dm=True, user_id=ADMIN_ID, attachments=[big]))
    [refused] = await fake.wait_for("message")
    assert refused.payload["content"].startswith("huge.txt is too long") and fake.attachment_downloads == []
    good = fake.attachment("pompeo.txt", article.encode())
    await fake.dispatch("MESSAGE_CREATE", fake.message(command, dm=True, user_id=ADMIN_ID, attachments=[good]))
    [_, added] = await fake.wait_for("message", 2)
    assert added.payload["content"].startswith("Added source nyt-2018-05-30"), added.payload["content"]
    assert (await bot.runner.core.store.sources())["nyt-2018-05-30"].text == article
    assert fake.attachment_downloads == [good["id"]]


async def test_chatter_bots_and_its_own_messages_are_ignored(bot: DiscordBot, fake: FakeDiscord) -> None:
    await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION))  # no mention
    await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION, mention_bot=True, bot=True))
    await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION, user_id=fake.bot_user_id, bot=True, dm=True))
    await fake.dispatch("MESSAGE_CREATE", fake.message("brief headline", mention_bot=True))
    [reply] = await fake.wait_for("message")
    assert reply.payload["embeds"]  # only the last one was answered, with the briefing's embeds
    assert len(fake.calls("message")) == 1


async def test_a_reply_to_the_bot_without_a_ping_needs_message_content(fake: FakeDiscord, database_url: str) -> None:
    async with running_bot(fake, database_url, discord_message_content=True) as bot:
        assert fake.intents is not None and fake.intents & MESSAGE_CONTENT
        await fake.dispatch("MESSAGE_CREATE", fake.message("hello", mention_bot=True))
        [first] = await fake.wait_for("message")
        ours = fake.messages(fake.channel_id)[0]
        await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION, reply_to=ours))
        [_, second] = await fake.wait_for("message", count=2)
        assert "Hagin" in second.payload["content"]
    assert bot.surface.client.is_closed()


async def test_a_moderator_may_change_facts_by_mention(bot: DiscordBot, fake: FakeDiscord) -> None:
    text = f'fact retire {FACT} reason="moderated"'
    by_moderator = fake.message(text, mention_bot=True, roles=(MODERATOR_ROLE,))
    await fake.dispatch("MESSAGE_CREATE", by_moderator)
    await fake.dispatch("MESSAGE_CREATE", fake.message(f"fact undo {FACT}", mention_bot=True, user_id=USER_ID + 1))
    replies = await fake.wait_for("message", count=2)  # in either order: each is answered in its own task
    [retired] = [r for r in replies if str(r.payload["message_reference"]["message_id"]) == by_moderator["id"]]
    [refused] = [r for r in replies if r is not retired]
    assert retired.payload["content"].startswith(f"Retired fact {FACT}")
    assert refused.payload["content"].startswith("Only admins")
    stored = await bot.runner.core.store.get(FACT)
    assert stored is not None and stored.retired


# --- rate limits, reconnects, replicas ------------------------------------------------------------


async def test_a_429_on_the_interaction_callback_is_waited_out_and_answered_once(bot: DiscordBot,
                                                                                 fake: FakeDiscord) -> None:
    fake.fail("callback", times=1, retry_after=0.05)
    await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
    [callback] = await fake.wait_for("callback")
    [limited] = fake.rejected("callback")
    assert callback.at - limited.at >= 0.05 and "Hagin" in message_data(callback)["content"]
    assert len(fake.calls("callback")) == 1
    assert bot.runner.core.metrics.rate_limit_waits.labels("discord")._value.get() == 1


async def test_a_429_on_a_channel_message_is_waited_out_and_sent_once(bot: DiscordBot, fake: FakeDiscord) -> None:
    fake.fail("message", times=2, retry_after=0.05)
    await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION, mention_bot=True))
    [reply] = await fake.wait_for("message")
    first, second = fake.rejected("message")
    assert reply.at - second.at >= 0.05 and second.at - first.at >= 0.05
    assert len(fake.calls("message")) == 1 and len(fake.messages(fake.channel_id)) == 1


@pytest.mark.parametrize("code", [4000, None], ids=["close-4000", "abrupt"])
async def test_after_a_gateway_disconnect_the_bot_resumes_and_keeps_answering(bot: DiscordBot, fake: FakeDiscord,
                                                                              code: int | None) -> None:
    await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
    await fake.wait_for("callback")
    await fake.drop(code=code)
    await fake.wait_connected()
    assert fake.resumes == 1 and fake.identifies == 1
    await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question="when is the summit?"))
    await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION, mention_bot=True))
    await fake.wait_for("callback", count=2)
    await fake.wait_for("message")


async def test_an_invalidated_session_identifies_afresh(bot: DiscordBot, fake: FakeDiscord,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_wait(shard_id: int | None, *, initial: bool) -> None:  # discord.py waits 5 s between IDENTIFYs
        return None

    monkeypatch.setattr(bot.surface.client, "before_identify_hook", no_wait)
    fake.forget_sessions()
    await fake.drop(code=4000)
    await fake.wait_connected()
    assert fake.identifies == 2
    await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
    await fake.wait_for("callback")


async def test_two_replicas_answer_each_interaction_and_message_once(fake: FakeDiscord, database_url: str,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="briefbot.discord")
    waiters = [LogWaiter(r"interaction \d+ already handled elsewhere"), LogWaiter(r"message \d+ already handled")]
    for waiter in waiters:
        logging.getLogger("briefbot.discord").addHandler(waiter)
    try:
        async with running_bot(fake, database_url), running_bot(fake, database_url):
            await fake.wait_connected(count=2)  # each replica has its own session; Discord sends both everything
            await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
            await fake.dispatch("MESSAGE_CREATE", fake.message(QUESTION, mention_bot=True))
            await fake.wait_for("callback")
            await fake.wait_for("message")
            for waiter in waiters:
                await waiter.wait()  # the other replica saw it too, and stood back
            assert len(fake.calls("callback")) == 1 and len(fake.calls("message")) == 1
    finally:
        for waiter in waiters:
            logging.getLogger("briefbot.discord").removeHandler(waiter)


# --- publishing (the scheduler's side) ------------------------------------------------------------


async def _edition(bot: DiscordBot) -> Edition:
    return await compose_edition(bot.runner.core.store, as_of=date(2018, 6, 1), window=ChangeWindow())


async def test_publish_posts_the_digest_then_the_briefing_in_a_thread_from_it(bot: DiscordBot,
                                                                              fake: FakeDiscord) -> None:
    edition = await _edition(bot)
    channel = str(fake.channel_id)
    seen: list[Posted] = []

    async def record(posted: Posted) -> None:
        seen.append(posted)

    posted = await bot.surface.publish(channel, edition, key="sub-7:2018-06-01", posted=Posted(), record=record)
    [post] = fake.messages(channel)  # one message in the channel: the digest
    assert posted.post == post["id"] and len(post["embeds"]) == 1
    assert len(discord.Embed.from_dict(post["embeds"][0])) <= 2000
    [started] = fake.calls("thread")
    assert started.path.endswith(f"/messages/{post['id']}/threads")
    assert started.payload["name"] == edition.briefing.title
    replies = fake.messages(post["id"])  # a thread started from a message has the message's id
    assert len(replies) == len(render_briefing_embeds(edition.briefing)) and posted.replies == [r["id"] for r in replies]
    sent = fake.calls("message")
    nonces = [c.payload["nonce"] for c in sent]
    assert all(c.payload["enforce_nonce"] is True and c.payload["embeds"] for c in sent)
    assert len(set(nonces)) == len(nonces) and all(len(n) <= 25 for n in nonces)
    for call in sent:
        check_message_limits(call.payload)
        assert_no_mentions_allowed(call)
    assert [len(p.replies) for p in seen] == list(range(len(replies) + 1))
    # a retry of the same delivery from nothing recorded: the same nonces, so Discord creates nothing
    # new, and the thread it already has is reused
    again = await bot.surface.publish(channel, edition, key="sub-7:2018-06-01", posted=Posted(), record=record)
    assert again == posted and len(fake.messages(channel)) == 1 and len(fake.messages(post["id"])) == len(replies)
    assert [c.payload["nonce"] for c in fake.calls("message")[len(sent):]] == nonces
    assert len(fake.calls("thread")) == 2  # the second was told "a thread has already been created": that one


async def test_a_retry_from_what_was_recorded_sends_only_the_rest(bot: DiscordBot, fake: FakeDiscord) -> None:
    edition = await _edition(bot)
    channel = str(fake.channel_id)
    seen: list[Posted] = []

    async def record(posted: Posted) -> None:
        seen.append(posted)
        if posted.post is not None and not posted.replies:
            fake.fail("message", status=400)  # the first reply in the thread fails (discord.py retries a 5xx)

    with pytest.raises(PublishError, match="HTTP 400"):
        await bot.surface.publish(channel, edition, key="sub-9:2018-06-01", posted=Posted(), record=record)
    so_far = seen[-1]
    assert so_far.post is not None and not so_far.replies
    calls = len(fake.calls("message"))
    done = await bot.surface.publish(channel, edition, key="sub-9:2018-06-01", posted=so_far, record=record)
    assert done.post == so_far.post and len(done.replies) == len(render_briefing_embeds(edition.briefing))
    again = fake.calls("message")[calls:]
    assert all(c.channel_id == so_far.post for c in again)  # only replies, in the thread: the post once


@pytest.mark.parametrize("status", [403, 404])
async def test_publish_to_a_channel_it_cannot_post_in_is_not_retryable(bot: DiscordBot, fake: FakeDiscord,
                                                                       status: int) -> None:
    edition = await _edition(bot)
    fake.fail("message", status=status)
    with pytest.raises(PublishError, match=f"HTTP {status}") as raised:
        await bot.surface.publish(str(fake.channel_id), edition, key="sub-8:2018-06-01", posted=Posted(),
                                  record=_ignore)
    assert raised.value.retryable is False


async def _ignore(posted: Posted) -> None:
    pass


async def test_publish_to_a_bad_channel_id_or_when_stopped_says_so(fake: FakeDiscord, database_url: str) -> None:
    async with running_bot(fake, database_url) as bot:
        edition = await _edition(bot)
        with pytest.raises(PublishError, match="not a Discord channel id") as bad:
            await bot.surface.publish("C0SLACKISH", edition, key="k", posted=Posted(), record=_ignore)
        assert bad.value.retryable is False
    with pytest.raises(PublishError, match="not connected") as stopped:
        await bot.surface.publish(str(fake.channel_id), edition, key="k", posted=Posted(), record=_ignore)
    assert stopped.value.retryable is True


# --- subscriptions (issue 7's commands, when present) ---------------------------------------------


async def test_subscribe_and_subscriptions_map_onto_the_commands(bot: DiscordBot, fake: FakeDiscord) -> None:
    if "subscribe" not in bot.runner.commands.commands:
        pytest.skip("the command layer has no `subscribe` command yet (issue 7)")
    await fake.dispatch("INTERACTION_CREATE", fake.slash("subscribe", user_id=ADMIN_ID, time="09:30",
                                                         timezone="Asia/Seoul", days="weekdays", quiet=True))
    [subscribed] = await fake.wait_for("callback")
    assert not message_data(subscribed).get("content", "").startswith(("Only admins", "Sorry")), subscribed.payload
    await fake.dispatch("INTERACTION_CREATE", fake.slash("subscriptions"))
    [_, listed] = await fake.wait_for("callback", count=2)
    assert "09:30 Asia/Seoul on weekdays, except quiet days" in message_data(listed)["content"]
    await fake.dispatch("INTERACTION_CREATE", fake.slash("unsubscribe", user_id=USER_ID))
    [*_, refused] = await fake.wait_for("callback", count=3)
    assert message_data(refused)["content"].startswith("Only admins")


# --- briefbot discord sync ------------------------------------------------------------------------


@pytest.mark.parametrize("guild", [True, False], ids=["guild", "global"])
async def test_briefbot_discord_sync_registers_the_commands_and_exits(fake: FakeDiscord, database_url: str,
                                                                       guild: bool) -> None:
    env = {**os.environ, "DISCORD_TOKEN": fake.token, "DISCORD_API_URL": fake.api_url,
           "DISCORD_GATEWAY_URL": fake.gateway_url, "BRIEFBOT_DATABASE_URL": database_url}
    env.pop("SLACK_BOT_TOKEN", None)
    env.pop("DISCORD_GUILD_ID", None)
    if guild:
        env["DISCORD_GUILD_ID"] = str(fake.guild_id)
    process = await asyncio.create_subprocess_exec(EXE, "discord", "sync", env=env, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    [sync] = fake.calls("sync")
    assert sync.method == "PUT"
    where = f"/applications/{fake.application_id}" + (f"/guilds/{fake.guild_id}" if guild else "") + "/commands"
    assert sync.path == where
    names = {c["name"] for c in sync.payload}
    assert names == {"ask", "brief", "subscribe", "unsubscribe", "subscriptions", "fact", "entity"}
    [fact] = [c for c in sync.payload if c["name"] == "fact"]
    assert {o["name"] for o in fact["options"]} == {"show", "search", "add", "edit", "retire", "history", "undo"}
    [entity] = [c for c in sync.payload if c["name"] == "entity"]
    assert {o["name"] for o in entity["options"]} == {
        "show", "list", "search", "add", "edit", "retire", "history", "undo"}
    printed = out.decode()
    assert "/fact edit" in printed and "/ask" in printed
    assert (f"guild {fake.guild_id}" in printed) if guild else ("globally" in printed)
    assert fake.identifies == 0  # REST only: no gateway session
    assert fake.token not in printed + err.decode()
