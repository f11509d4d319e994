"""`subscribe`, `unsubscribe`, `subscriptions` through the command layer: admins only, one clear
sentence (with the usage) for bad input, and the change reaching the scheduler's listener."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from bot.app import Core
from bot.commands import Caller, CommandLayer
from briefings.deliveries import Posted
from briefings.subscriptions import Subscription

from tests.test_commands import ANA, BEN, EVE, Clock, core, clock, say, seeded_sqlite  # noqa: F401

USAGE = "\nUsage: subscribe [HH:MM] [TIMEZONE] [daily|weekdays] [quiet]\nExample: subscribe 07:30 Europe/London weekdays"


@pytest.fixture
def changes() -> list[Subscription]:
    return []


@pytest.fixture
def layer(core: Core, clock: Clock, changes: list[Subscription]) -> CommandLayer:
    async def listener(subscription: Subscription) -> None:
        changes.append(subscription)

    clock.now = datetime(2026, 3, 9, 12, 0, tzinfo=timezone.utc)  # a Monday
    return CommandLayer(core, clock=clock, on_subscription_change=listener)


async def test_subscribe_defaults_to_eight_in_the_configured_timezone(
    layer: CommandLayer, core: Core, changes: list[Subscription]
) -> None:
    reply = await say(layer, BEN, "subscribe")
    assert not reply.error
    assert reply.text == ("This channel will get the briefing at 08:00 Asia/Seoul every day; the first is "
                          "Tue 2026-03-10 08:00 KST. `unsubscribe` stops it.")
    sub = await core.subscriptions.for_channel("slack", "C0NEWS")
    assert sub is not None and sub.schedule.at_time == time(8) and sub.schedule.timezone == "Asia/Seoul"
    assert sub.created_by == "slack:U0BEN" and changes == [sub]


async def test_subscribe_with_time_zone_and_days_then_move_it(
    layer: CommandLayer, core: Core, changes: list[Subscription]
) -> None:
    first = await say(layer, BEN, "subscribe 7:30 europe/london weekdays")
    assert first.text.startswith("This channel will get the briefing at 07:30 Europe/London on weekdays; "
                                 "the first is Tue 2026-03-10 07:30 GMT.")
    same = await say(layer, BEN, "subscribe 07:30 Europe/London weekdays")
    assert same.text.startswith("This channel already gets the briefing at 07:30 Europe/London on weekdays")
    moved = await say(layer, BEN, "subscribe 18:00 America/New_York")
    assert moved.text == ("This channel's briefing moves from 07:30 Europe/London on weekdays to 18:00 "
                          "America/New_York every day; the next is Mon 2026-03-09 18:00 EDT.")
    assert [c.schedule.describe() for c in changes] == ["07:30 Europe/London on weekdays",
                                                        "18:00 America/New_York every day"]
    only_days = await say(layer, BEN, "subscribe weekdays")
    assert "08:00 Asia/Seoul on weekdays" in only_days.text
    only_zone = await say(layer, BEN, "subscribe UTC")
    assert "08:00 UTC every day" in only_zone.text
    assert len(await core.subscriptions.list_subscriptions()) == 1


async def test_quiet_skips_quiet_days_and_subscribing_without_it_undoes_that(
    layer: CommandLayer, core: Core, changes: list[Subscription]
) -> None:
    quiet = await say(layer, BEN, "subscribe 07:30 Europe/London weekdays QUIET")
    assert quiet.text.startswith("This channel will get the briefing at 07:30 Europe/London on weekdays, except "
                                 "quiet days;")
    only = await say(layer, BEN, "subscribe quiet")
    assert "08:00 Asia/Seoul every day, except quiet days" in only.text
    loud = await say(layer, BEN, "subscribe")
    assert loud.text.startswith("This channel's briefing moves from 08:00 Asia/Seoul every day, except quiet days "
                                "to 08:00 Asia/Seoul every day;")
    assert [c.schedule.quiet for c in changes] == [True, True, False]
    stored = await core.subscriptions.for_channel("slack", "C0NEWS")
    assert stored is not None and stored.schedule.quiet is False


async def test_unsubscribe_stops_it_and_says_so_when_there_is_none(
    layer: CommandLayer, core: Core, changes: list[Subscription]
) -> None:
    await say(layer, BEN, "subscribe 09:00")
    reply = await say(layer, BEN, "unsubscribe")
    assert reply.text == "This channel will no longer get the daily briefing (it was at 09:00 Asia/Seoul every day)."
    assert not changes[-1].active and await core.subscriptions.for_channel("slack", "C0NEWS") is None
    again = await say(layer, BEN, "unsubscribe")
    assert again.error and again.text == "This channel gets no daily briefing; `subscribe` starts one."


async def test_only_admins_subscribe_or_unsubscribe_but_anyone_lists(layer: CommandLayer, core: Core) -> None:
    for text in ("subscribe", "subscribe 07:00 Asia/Seoul", "unsubscribe"):
        refused = await say(layer, EVE, text)
        assert refused.error and refused.text.startswith("Only admins can change subscriptions")
    assert await core.subscriptions.list_subscriptions() == []
    none = await say(layer, EVE, "subscriptions")
    assert none.text == ("No channel on slack gets the daily briefing yet: an admin can type `subscribe` in the "
                         "channel that should.")
    await say(layer, BEN, "subscribe 07:00")
    await say(layer, Caller("slack", "U0BEN", channel="C0OTHER", admin=True), "subscribe 09:15 Europe/London weekdays")
    await say(layer, ANA, "subscribe")  # the console's channel, another platform: not listed on slack
    listed = await say(layer, EVE, "subscriptions")
    assert listed.text.splitlines() == [
        "Daily briefings on slack (2):",
        "  C0NEWS (this channel): 07:00 Asia/Seoul every day, next Tue 2026-03-10 07:00 KST",
        "  C0OTHER: 09:15 Europe/London on weekdays, next Tue 2026-03-10 09:15 GMT",
    ]
    sub = await core.subscriptions.for_channel("slack", "C0NEWS")
    await core.deliveries.skip(sub.id, date(2026, 3, 9), due_at=sub.created_at, by="a", reason="down")
    assert (await say(layer, EVE, "subscriptions")).text.splitlines()[1].endswith("; last 2026-03-09 skipped")


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("subscribe 25:00", "'25:00' is not a time of day: write HH:MM from 00:00 to 23:59, e.g. 07:30."),
        ("subscribe 8am", "'8am' is not a time of day: write HH:MM from 00:00 to 23:59, e.g. 07:30."),
        ("subscribe 07:60 UTC", "'07:60' is not a time of day: write HH:MM from 00:00 to 23:59, e.g. 07:30."),
        ("subscribe 07:00 Mars/Olympus", "'Mars/Olympus' is not a timezone I know: use an IANA name such as "
                                         "Asia/Seoul, Europe/London or America/New_York."),
        ("subscribe 07:00 EST", "'EST' is not a timezone I know: use an IANA name such as Asia/Seoul, "
                                "Europe/London or America/New_York."),
        ("subscribe 07:00 Asia/Seoul monthly", "'monthly' is not a schedule: write daily or weekdays."),
        ("subscribe 07:00 monthly", "'monthly' is neither a timezone nor a schedule: write daily or weekdays, or "
                                    "an IANA name such as Asia/Seoul, Europe/London or America/New_York."),
        ("subscribe Asia/Seoul 07:00", "Put the time first: `subscribe 07:00 ...`."),
        ("subscribe 07:00 UTC daily please", "Unexpected 'please': `subscribe` takes a time, a timezone, "
                                             "daily or weekdays, and quiet."),
        ("subscribe quiet 07:00", "Put `quiet` last: `subscribe [HH:MM] [TIMEZONE] [daily|weekdays] quiet`."),
    ],
)
async def test_bad_input_is_one_sentence_with_the_usage(
    layer: CommandLayer, core: Core, changes: list[Subscription], text: str, sentence: str
) -> None:
    reply = await say(layer, BEN, text)
    assert reply.error and reply.text == sentence + USAGE
    assert await core.subscriptions.list_subscriptions() == [] and changes == []


async def test_subscribe_needs_a_channel(layer: CommandLayer) -> None:
    reply = await say(layer, Caller("slack", "U0BEN", admin=True), "subscribe")
    assert reply.error and reply.text == "Type this in the channel that should get the briefing."


async def test_a_failing_listener_does_not_undo_the_change(core: Core, clock: Clock) -> None:
    async def broken(subscription: Subscription) -> None:
        raise RuntimeError("scheduler down")

    layer = CommandLayer(core, clock=clock, on_subscription_change=broken)
    reply = await say(layer, BEN, "subscribe")
    assert not reply.error and await core.subscriptions.for_channel("slack", "C0NEWS") is not None


async def test_moving_the_time_after_todays_briefing_was_sent_names_tomorrow(
    layer: CommandLayer, core: Core, clock: Clock
) -> None:
    clock.now = datetime(2026, 3, 9, 19, 0, tzinfo=timezone.utc)  # Mon 15:00 in New York
    await say(layer, BEN, "subscribe 15:00 America/New_York")
    sub = await core.subscriptions.for_channel("slack", "C0NEWS")
    claimed = await core.deliveries.claim(sub.id, date(2026, 3, 9), due_at=clock.now, by="bot-1", now=clock.now)
    await core.deliveries.finish(claimed, status="sent", attempts=1, sent_at=clock.now, posted=Posted(post="1.2"))
    clock.now = datetime(2026, 3, 9, 19, 5, tzinfo=timezone.utc)  # 15:05: today's is in the ledger
    moved = await say(layer, BEN, "subscribe 15:10 America/New_York")
    assert moved.text.endswith("; the next is Tue 2026-03-10 15:10 EDT.")  # not today at 15:10: it went out
    same = await say(layer, BEN, "subscribe 15:10 America/New_York")
    assert same.text.endswith("the next is Tue 2026-03-10 15:10 EDT.")
    listed = await say(layer, EVE, "subscriptions")
    assert "next Tue 2026-03-10 15:10 EDT; last 2026-03-09 sent" in listed.text


async def test_a_session_without_a_scheduler_says_it_sends_nothing(core: Core, clock: Clock) -> None:
    clock.now = datetime(2026, 3, 9, 12, 0, tzinfo=timezone.utc)
    chat = CommandLayer(core, clock=clock)  # as `briefbot chat` builds it: no scheduler behind it
    reply = await say(chat, BEN, "subscribe 07:00 UTC")
    assert reply.text == ("This channel will get the briefing at 07:00 UTC every day; the first is Tue 2026-03-10 "
                          "07:00 UTC. `unsubscribe` stops it. This session sends no briefings itself: they are "
                          "delivered while `briefbot run` runs with this database.")
    listed = await say(chat, EVE, "subscriptions")
    assert listed.text.splitlines()[-1] == ("This session sends no briefings itself: they are delivered while "
                                            "`briefbot run` runs with this database.")


async def test_timezones_follow_the_settings_rule(layer: CommandLayer) -> None:
    assert "07:00 UTC every day" in (await say(layer, BEN, "subscribe 07:00 utc")).text
    assert "07:00 Europe/London" in (await say(layer, BEN, "subscribe 07:00 EUROPE/LONDON")).text
    refused = await say(layer, BEN, "subscribe 07:00 cet")
    assert refused.error and refused.text.startswith("'cet' is not a timezone I know")
