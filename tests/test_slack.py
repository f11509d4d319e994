"""Slack in HTTP mode, through the real app: `briefbot run`'s Runner serving POST /slack/events on an
ephemeral loopback port, signed requests as Slack sends them, and the fake Slack Web API recording
what the bot posted. Each test asserts what reached Slack: the text, its thread, its escaping."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import pytest

from bot.adapters.slack_messages import MAX_HOME_BLOCKS
from bot.commands import Caller
from bot.render.slack import MAX_DIGEST_BLOCKS, MAX_DIGEST_TEXT, render_briefing_blocks, text_size
from bot.surface import PublishError
from briefings.deliveries import Posted
from briefings.digest import ChangeWindow, Edition, compose_edition
from tests.conftest import Database
from tests.fakes.slack import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, FakeSlack, event_body
from tests.slack_harness import ADMIN, CHANNEL, DM_CHANNEL, USER, SlackBot, direct_message, mention, running_bot

QUESTION = "who led the Singapore delegation?"
LEADER = "us-delegation-leader"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


@pytest.fixture
async def bot(slack: FakeSlack, database: Database) -> AsyncIterator[SlackBot]:
    async with running_bot(slack, database) as running:
        yield running


def _metric(bot: SlackBot, name: str) -> float | None:
    return bot.runner.core.metrics.registry.get_sample_value(name, {"platform": "slack"})


def opened_view_submission(view: dict[str, Any], values: dict[str, str], *, user: str) -> dict[str, Any]:
    """The view_submission Slack sends for the modal the bot opened, filled in with `values`."""
    state: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        value = values.get(block["block_id"], "")
        if element["type"] == "static_select":
            entry = {"type": "static_select",
                     "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value} if value else None}
        else:
            entry = {"type": "plain_text_input", "value": value or None}
        state[block["block_id"]] = {element["action_id"]: entry}
    submitted = {**view, "id": "V0MODAL", "state": {"values": state}, "hash": "1.abc"}
    return {"type": "view_submission", "team": {"id": "T0FAKE", "domain": "fake"},
            "user": {"id": user, "username": user.lower(), "team_id": "T0FAKE"}, "api_app_id": "A0FAKE",
            "token": "unused", "trigger_id": "1338.42.abc", "view": submitted, "response_urls": []}


# --- mentions and direct messages ----------------------------------------------------------------


async def test_a_mention_is_answered_in_its_thread(bot: SlackBot, slack: FakeSlack) -> None:
    status, _ = await bot.event(mention(QUESTION, ts="1700000100.000100"))
    assert status == 200
    [post] = await slack.wait_for("chat.postMessage")
    assert post.channel == CHANNEL and post.payload["thread_ts"] == "1700000100.000100"
    assert "Joe Hagin" in post.payload["text"] and post.payload["mrkdwn"] is False
    assert post.token == BOT_TOKEN


async def test_a_mention_inside_a_thread_is_answered_in_that_thread(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.event(mention(QUESTION, ts="1700000300.000200", thread_ts="1700000299.000100"))
    [post] = await slack.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1700000299.000100"


async def test_a_direct_message_is_answered_there(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.event(direct_message("help"))
    [post] = await slack.wait_for("chat.postMessage")
    assert post.channel == DM_CHANNEL and "thread_ts" not in post.payload
    assert post.payload["text"].startswith("Commands:")


async def test_bot_messages_edits_and_channel_chatter_are_ignored(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.event(direct_message("help", bot_id="B0OTHER"))
    await bot.event(direct_message("help", subtype="message_changed"))
    await bot.event({**direct_message("help"), "channel_type": "channel", "channel": CHANNEL})
    await bot.event(mention("help", ts="1700000400.000100") | {"edited": {"user": USER, "ts": "1700000401.0"}})
    await bot.event(direct_message("who is Joe Hagin?"))
    await bot.surface.wait_handled(5)
    [post] = slack.calls("chat.postMessage")
    assert "Hagin" in post.payload["text"]


async def test_outgoing_text_is_escaped_and_mentions_stay_inert(bot: SlackBot, slack: FakeSlack) -> None:
    # Slack sends "&" as "&amp;"; a typed @channel arrives as the markup <!channel>.
    await bot.event(mention("fact search Hagin &amp; &lt;co&gt;", ts="1700000500.000100"))
    await bot.event(mention("help <!channel>", ts="1700000501.000100"))
    await bot.surface.wait_handled(2)
    texts = {c.payload["thread_ts"]: c.payload["text"] for c in slack.calls("chat.postMessage")}
    texts |= {c.payload["thread_ts"]: c.payload["text"] for c in slack.calls("chat.postEphemeral")}
    assert "Hagin &amp; &lt;co&gt;" in texts["1700000500.000100"]
    refusal = texts["1700000501.000100"]
    assert "&lt;\u200b!channel&gt;" in refusal and "<!channel>" not in refusal and "<" not in refusal


async def test_a_fact_with_markup_characters_comes_out_escaped(bot: SlackBot, slack: FakeSlack) -> None:
    add = 'fact add test-heron statement="The mascot of A&B is a <blue> heron." subject="Singapore summit" topic=summit'
    await bot.command(add, user=ADMIN)
    await slack.wait_for("response_url")
    await bot.event(mention("what is the mascot of A&amp;B?"))
    [post] = await slack.wait_for("chat.postMessage")
    assert "The mascot of A&amp;B is a &lt;blue&gt; heron." in post.payload["text"]


async def test_readiness_reports_slack_connected(bot: SlackBot) -> None:
    async with bot.http.get(f"http://127.0.0.1:{bot.runner.port}/readyz") as response:
        body = await response.json()
    assert response.status == 200 and body["checks"]["slack"] is True


# --- signatures and retries ----------------------------------------------------------------------


async def test_a_forged_or_stale_request_gets_401_and_no_reply(bot: SlackBot, slack: FakeSlack) -> None:
    body = json.dumps(event_body(mention(QUESTION)))
    assert (await bot.post(body, secret="not-the-secret"))[0] == 401
    assert (await bot.post(body, timestamp=int(time.time()) - 10 * 60))[0] == 401
    async with bot.http.post(bot.url, data=body, headers={"Content-Type": "application/json"}) as unsigned:
        assert unsigned.status == 401
    assert bot.surface.handled == 0 and not slack.calls("chat.postMessage")


async def test_a_retried_event_is_answered_once(bot: SlackBot, slack: FakeSlack) -> None:
    event = mention(QUESTION)
    assert (await bot.event(event, event_id="Ev0RETRY01"))[0] == 200
    assert (await bot.event(event, event_id="Ev0RETRY01", retry_num=1))[0] == 200
    assert (await bot.event(event, event_id="Ev0RETRY01", retry_num=2))[0] == 200
    await bot.surface.wait_handled(3)
    assert len(slack.calls("chat.postMessage")) == 1


async def test_a_restart_remembers_answered_events(slack: FakeSlack, database: Database) -> None:
    async with running_bot(slack, database) as first:
        await first.event(mention(QUESTION), event_id="Ev0RESTART1")
        await slack.wait_for("chat.postMessage")
    async with running_bot(slack, database) as second:
        await second.event(mention(QUESTION), event_id="Ev0RESTART1", retry_num=1)
        await second.surface.wait_handled(1)
    assert len(slack.calls("chat.postMessage")) == 1


async def test_a_429_is_retried_after_retry_after_and_the_reply_arrives_once(bot: SlackBot, slack: FakeSlack) -> None:
    slack.fail("chat.postMessage", times=1, status=429, retry_after=1)
    await bot.event(mention(QUESTION))
    [post] = await slack.wait_for("chat.postMessage", timeout=10)
    await bot.surface.wait_handled(1)
    [refused] = slack.rejected("chat.postMessage")
    assert post.at - refused.at >= 1.0
    assert len(slack.calls("chat.postMessage")) == 1 and "Hagin" in post.payload["text"]
    assert _metric(bot, "briefbot_rate_limit_waits_total") == 1


# --- the /brief slash command --------------------------------------------------------------------


async def test_brief_with_a_question_is_acknowledged_then_answered_in_the_channel(bot: SlackBot, slack: FakeSlack) -> None:
    started = time.perf_counter()
    status, body = await bot.command(QUESTION)
    assert status == 200 and body == "" and time.perf_counter() - started < 3
    [answer] = await slack.wait_for("response_url")
    assert answer.payload["response_type"] == "in_channel" and "Joe Hagin" in answer.payload["text"]


@pytest.mark.parametrize("text", ["today", "", "full", "delegations"])
async def test_brief_gives_the_digest_the_full_briefing_or_a_section_in_block_kit(bot: SlackBot, slack: FakeSlack,
                                                                                   text: str) -> None:
    await bot.command(text)
    await bot.surface.wait_handled(1)
    messages = slack.calls("response_url")
    assert messages and all(m.payload["response_type"] == "in_channel" for m in messages)
    for message in messages:
        assert 0 < len(message.payload["blocks"]) <= 50 and message.payload["text"].startswith("Briefing for")
    headers = [b["text"]["text"] for m in messages for b in m.payload["blocks"] if b["type"] == "header"]
    if text in ("", "today"):  # the digest: one message in one screen, pointing at the rest
        [digest] = messages
        blocks = digest.payload["blocks"]
        assert len(blocks) <= MAX_DIGEST_BLOCKS and text_size(blocks) <= MAX_DIGEST_TEXT
        assert headers == [digest.payload["text"]] and "/brief full" in json.dumps(blocks)
        return
    assert "Delegations" in headers
    if text == "delegations":
        assert len(messages) == 1 and "Timeline" not in headers


async def test_brief_help_lists_the_commands(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.command("help")
    [reply] = await slack.wait_for("response_url")
    assert reply.payload["text"].startswith("Commands:") and reply.payload["response_type"] == "in_channel"


async def test_a_non_admin_cannot_edit_a_fact(bot: SlackBot, slack: FakeSlack) -> None:
    before = await bot.runner.core.store.get(LEADER)
    await bot.command(f'fact edit {LEADER} statement="Someone else leads it." reason="test"', user=USER)
    [reply] = await slack.wait_for("response_url")
    assert reply.payload["response_type"] == "ephemeral"
    assert reply.payload["text"].startswith("Only admins can change facts") and f"slack:{ADMIN}" in reply.payload["text"]
    assert await bot.runner.core.store.get(LEADER) == before


async def test_an_admin_edits_a_fact_and_the_reply_is_ephemeral(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.command(f'fact edit {LEADER} statement="Joe Hagin leads the U.S. team in Singapore." reason="test"',
                      user=ADMIN, channel="C0ADMINS01")
    [reply] = await slack.wait_for("response_url")
    assert reply.payload["response_type"] == "ephemeral" and "now at version 2" in reply.payload["text"]
    stored = await bot.runner.core.store.get(LEADER)
    assert stored is not None and stored.version == 2
    latest = (await bot.runner.core.store.history(LEADER))[-1]
    assert (latest.actor, latest.platform, latest.channel) == (f"slack:{ADMIN}", "slack", "C0ADMINS01")


async def test_an_admin_named_by_command_is_an_admin(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.command(f"admins add slack:{USER}", user=ADMIN)
    await slack.wait_for("response_url")
    await bot.command(f'fact retire {LEADER} reason="test"', user=USER, response="2")
    added, retired = await slack.wait_for("response_url", 2)
    assert retired.response_id == "2" and retired.payload["text"].startswith("Retired fact")
    assert added.payload["response_type"] == retired.payload["response_type"] == "ephemeral"


# --- the fact form -------------------------------------------------------------------------------


async def test_fact_add_alone_opens_the_form_for_an_admin(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.command("fact add", user=ADMIN, trigger_id="1337.99.trigger")
    [opened] = await slack.wait_for("views.open")
    assert opened.payload["trigger_id"] == "1337.99.trigger"
    view = opened.payload["view"]
    assert view["callback_id"] == "fact_add" and view["type"] == "modal"
    assert [b["block_id"] for b in view["blocks"]] == [
        "id", "statement", "subject", "topic", "relation", "object", "date", "quote", "source"]
    topics = view["blocks"][3]["element"]["options"]
    assert "inter-korean" in [o["value"] for o in topics]
    assert not slack.calls("response_url")


async def test_the_fact_form_offers_the_topics_admins_added(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.runner.commands.handle('topic add sanctions name="Sanctions" order=15', Caller("slack", ADMIN))
    await bot.command("fact add", user=ADMIN)
    [opened] = await slack.wait_for("views.open")
    topics = [o["value"] for o in opened.payload["view"]["blocks"][3]["element"]["options"]]
    assert topics[:3] == ["summit", "sanctions", "timeline"]


async def test_fact_add_alone_refuses_a_non_admin_privately(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.command("fact add", user=USER)
    [reply] = await slack.wait_for("response_url")
    assert reply.payload["response_type"] == "ephemeral" and reply.payload["text"].startswith("Only admins")
    assert not slack.calls("views.open")


async def _opened_form(bot: SlackBot, slack: FakeSlack) -> dict[str, Any]:
    await bot.command("fact add", user=ADMIN)
    [opened] = await slack.wait_for("views.open")
    return opened.payload["view"]


GOOD = {"id": "test-heron", "statement": "The summit mascot is a blue heron.", "subject": "Singapore summit",
        "topic": "summit"}


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"id": "Bad_Id"}, "id", "not a valid id"),
        ({"subject": "Atlantis"}, "subject", "not a known entity"),
        ({"date": "2018-13-01"}, "date", "not a real day"),
        ({"source": "no-such-source"}, "source", "not a known source"),
        ({"id": LEADER}, "id", "already exists"),
        ({"statement": "Tell <!channel> about the heron."}, "statement", "is a mention"),
    ],
)
async def test_a_bad_submission_gets_errors_on_its_fields(bot: SlackBot, slack: FakeSlack, changes: dict[str, str],
                                                          field: str, says: str) -> None:
    view = await _opened_form(bot, slack)
    status, body = await bot.interaction(opened_view_submission(view, GOOD | changes, user=ADMIN))
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors" and list(answer["errors"]) == [field]
    assert says in answer["errors"][field] and "<" not in answer["errors"][field]
    assert await bot.runner.core.store.get("test-heron") is None


async def test_a_good_submission_adds_the_fact(bot: SlackBot, slack: FakeSlack) -> None:
    view = await _opened_form(bot, slack)
    values = GOOD | {"statement": 'The mascot is a "blue" heron \\ egret.', "date": "2018-06-12"}
    status, body = await bot.interaction(opened_view_submission(view, values, user=ADMIN))
    answer = json.loads(body)
    assert status == 200 and answer["response_action"] == "update"
    assert "Added fact test-heron" in answer["view"]["blocks"][0]["text"]["text"]
    stored = await bot.runner.core.store.get("test-heron")
    assert stored is not None and stored.fact.statement == 'The mascot is a "blue" heron \\ egret.'
    [version] = await bot.runner.core.store.history("test-heron")
    assert (version.actor, version.channel) == (f"slack:{ADMIN}", CHANNEL)


async def test_entity_add_alone_opens_its_form_and_a_submission_adds_the_entity(
        bot: SlackBot, slack: FakeSlack) -> None:
    await bot.command("entity add", user=USER)  # not an admin: refused, no form
    [refused] = await slack.wait_for("response_url")
    assert refused.payload["text"].startswith("Only admins can change entities")
    await bot.command("entity add", user=ADMIN)
    [opened] = await slack.wait_for("views.open")
    view = opened.payload["view"]
    assert view["callback_id"] == "entity_add"
    bad = {"id": "mike-pompeo", "name": "Mike Pompeo", "kind": "person", "description": "Ping <!here> now."}
    status, body = await bot.interaction(opened_view_submission(view, bad, user=ADMIN))
    assert json.loads(body)["response_action"] == "errors" and list(json.loads(body)["errors"]) == ["description"]
    assert await bot.runner.core.store.get_record("entity", "mike-pompeo") is None
    good = bad | {"aliases": "Pompeo; Secretary Pompeo", "description": "The U.S. secretary of state."}
    status, body = await bot.interaction(opened_view_submission(view, good, user=ADMIN))
    answer = json.loads(body)
    assert status == 200 and answer["response_action"] == "update"
    assert "Added entity mike-pompeo" in answer["view"]["blocks"][0]["text"]["text"]
    [version] = await bot.runner.core.store.record_history("entity", "mike-pompeo")
    assert (version.actor, version.channel, version.record.aliases) == (
        f"slack:{ADMIN}", CHANNEL, ["Pompeo", "Secretary Pompeo"])


ARTICLE = "Secretary of State Mike Pompeo had dinner with Kim Yong Chol in New York.\nThey met again on Thursday.\n"


async def test_a_source_text_may_be_an_attached_txt_file(bot: SlackBot, slack: FakeSlack) -> None:
    file = slack.add_file("pompeo.txt", ARTICLE.encode())
    command = 'source add nyt-2018-05-30 title="Pompeo meets Kim Yong Chol" publisher="NYT" date=2018-05-30'
    await bot.event(mention(command, user=ADMIN, ts="1700000700.000100") | {"files": [file]})
    [reply] = await slack.wait_for("chat.postEphemeral")
    assert reply.payload["text"].startswith("Added source nyt-2018-05-30"), reply.payload["text"]
    [download] = slack.calls("files.download")
    assert download.token == BOT_TOKEN
    source = (await bot.runner.core.store.sources())["nyt-2018-05-30"]
    assert source.text == ARTICLE.rstrip("\n")  # as sent, the message's trailing newline aside


async def test_an_attached_file_that_cannot_be_read_changes_nothing(bot: SlackBot, slack: FakeSlack) -> None:
    command = 'source add nyt-2018-05-30 title="T" publisher="NYT" date=2018-05-30'
    latin1 = slack.add_file("latin1.txt", "caf\xe9".encode("latin-1"))
    elsewhere = {**slack.add_file("x.txt", b"x"), "url_private_download": "http://198.51.100.7/x.txt", "url_private": None}
    for ts, file, says in (("1700000800.000100", latin1, "latin1.txt is not UTF-8 text"),
                           ("1700000801.000100", elsewhere, "x.txt is not a Slack file I can fetch")):
        await bot.event(mention(command, user=ADMIN, ts=ts) | {"files": [file]})
        reply = (await slack.wait_for("chat.postEphemeral", 1 + (file is elsewhere)))[-1]
        assert reply.payload["text"].startswith(says) and "nothing was changed" in reply.payload["text"]
    assert "nyt-2018-05-30" not in await bot.runner.core.store.sources()
    assert len(slack.calls("files.download")) == 1  # the file from elsewhere was never fetched


# --- App Home ------------------------------------------------------------------------------------


async def test_the_home_tab_shows_todays_briefing(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.event({"type": "app_home_opened", "user": USER, "channel": "D0HOME", "tab": "home",
                     "event_ts": "1700000600.000100"})
    [published] = await slack.wait_for("views.publish")
    assert published.payload["user_id"] == USER
    view = published.payload["view"]
    assert view["type"] == "home" and 0 < len(view["blocks"]) <= MAX_HOME_BLOCKS
    assert any(b["type"] == "header" and b["text"]["text"].startswith("Briefing for") for b in view["blocks"])


async def test_the_messages_tab_publishes_nothing(bot: SlackBot, slack: FakeSlack) -> None:
    await bot.event({"type": "app_home_opened", "user": USER, "channel": "D0HOME", "tab": "messages",
                     "event_ts": "1700000600.000200"})
    await bot.surface.wait_handled(1)
    assert not slack.calls("views.publish")


# --- publishing (what the scheduler calls) -------------------------------------------------------


async def _edition(bot: SlackBot) -> Edition:
    return await compose_edition(bot.runner.core.store, as_of=date(2018, 6, 12), window=ChangeWindow())


class _Progress:
    """The `record` a surface is given: keeps every progress it is told of."""

    def __init__(self, then: Callable[[Posted], None] | None = None) -> None:
        self.seen: list[Posted] = []
        self._then = then

    async def __call__(self, posted: Posted) -> None:
        self.seen.append(posted)
        if self._then is not None:
            self._then(posted)


async def test_publish_posts_the_digest_then_the_full_briefing_in_its_thread(bot: SlackBot, slack: FakeSlack) -> None:
    edition = await _edition(bot)
    record = _Progress()
    posted = await bot.surface.publish("C0BRIEFS01", edition, key="sub-1:2018-06-12", posted=Posted(), record=record)
    post, *replies = slack.calls("chat.postMessage")
    assert posted.post == post.answer["ts"] and "thread_ts" not in post.payload
    assert len(post.payload["blocks"]) <= MAX_DIGEST_BLOCKS and text_size(post.payload["blocks"]) <= MAX_DIGEST_TEXT
    assert post.payload["blocks"][0]["text"]["text"] == "Briefing for Tuesday, June 12, 2018"
    assert len(replies) == len(render_briefing_blocks(edition.briefing)) >= 2
    assert all(r.payload["thread_ts"] == posted.post and r.channel == "C0BRIEFS01" for r in replies)
    assert posted.replies == [r.answer["ts"] for r in replies]
    assert record.seen[-1] == posted and [len(p.replies) for p in record.seen] == list(range(len(replies) + 1))


async def test_a_retry_posts_neither_the_post_nor_a_reply_twice(bot: SlackBot, slack: FakeSlack) -> None:
    edition = await _edition(bot)

    def fail_the_second_reply(posted: Posted) -> None:
        if len(posted.replies) == 1:
            slack.fail("chat.postMessage", status=500, error="internal_error")

    record = _Progress(fail_the_second_reply)
    with pytest.raises(PublishError) as raised:
        await bot.surface.publish("C0BRIEFS01", edition, key="k", posted=Posted(), record=record)
    assert raised.value.retryable and "after its post" in str(raised.value)
    so_far = record.seen[-1]
    assert so_far.post is not None and len(so_far.replies) == 1
    done = await bot.surface.publish("C0BRIEFS01", edition, key="k", posted=so_far, record=record)
    posts = slack.calls("chat.postMessage")
    assert len(posts) == 1 + len(render_briefing_blocks(edition.briefing))  # each message once
    assert [p.payload.get("thread_ts") for p in posts] == [None] + [done.post] * (len(posts) - 1)
    assert done.replies[0] == so_far.replies[0] and len(set(done.replies)) == len(posts) - 1


@pytest.mark.parametrize(("status", "error", "retryable"),
                         [(200, "channel_not_found", False), (500, "internal_error", True), (200, "not_in_channel", False)])
async def test_publish_failures_say_whether_to_retry(bot: SlackBot, slack: FakeSlack, status: int, error: str,
                                                     retryable: bool) -> None:
    slack.fail("chat.postMessage", status=status, error=error)
    with pytest.raises(PublishError) as raised:
        await bot.surface.publish("C0BRIEFS01", await _edition(bot), key="sub-1:2018-06-12", posted=Posted(),
                                  record=_Progress())
    assert raised.value.retryable is retryable and error in str(raised.value)
    assert not slack.calls("chat.postMessage")
    assert _metric(bot, "briefbot_platform_api_errors_total") == 1


async def test_publish_retries_429s_per_channel(bot: SlackBot, slack: FakeSlack) -> None:
    slack.limit_per_channel(1.0, retry_after=1)
    await bot.surface.publish("C0BRIEFS01", await _edition(bot), key="k", posted=Posted(), record=_Progress())
    posts = slack.calls("chat.postMessage")
    assert len(posts) == 3 and slack.rejected("chat.postMessage")  # the post, two replies in its thread
    assert posts[1].at - posts[0].at >= 1.0 and posts[2].at - posts[1].at >= 1.0


# --- secrets -------------------------------------------------------------------------------------


async def test_no_token_or_secret_is_ever_logged(slack: FakeSlack, database: Database,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_bot(slack, database) as bot:
        await bot.event(mention(QUESTION))
        await bot.command("fact add", user=ADMIN)
        await bot.post(json.dumps(event_body(mention(QUESTION))), secret="forged")
        await slack.wait_for("chat.postMessage")
        await slack.wait_for("views.open")
    assert "Sending a request" in caplog.text  # slack_sdk's debug log did run
    for secret in (BOT_TOKEN, SIGNING_SECRET, APP_TOKEN):
        assert secret not in caplog.text
