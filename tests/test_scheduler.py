"""Scheduled briefings with a controlled clock, on SQLite and PostgreSQL: the right instant in each
timezone (across a DST change), restarts, retries, downtime and the grace period, abandoned claims.

The scheduler's job function (`deliver`) and its resync (`sync`) are driven directly at chosen
instants; APScheduler itself is only asked when it would fire (its trigger) and, in one test, to
run a job now. Nothing here waits on the wall clock.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.commands import Caller, CommandLayer
from bot.scheduler import cron_trigger, job_id
from briefings.compose import Section
from briefings.store import FactStore

from briefings.deliveries import Posted
from briefings.digest import Edition
from tests.scheduler_harness import harness, schedule, utc

UTC = timezone.utc


# --- the right instant --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "local_date", "instant"),
    [
        ("Asia/Seoul", date(2026, 3, 10), "2026-03-09T23:00"),  # UTC+9, no DST
        ("Europe/London", date(2026, 1, 20), "2026-01-20T08:00"),  # GMT
        ("America/New_York", date(2026, 1, 20), "2026-01-20T13:00"),  # EST
    ],
)
async def test_the_briefing_goes_out_at_eight_local_in_each_zone(
    store: FactStore, zone: str, local_date: date, instant: str
) -> None:
    due = utc(instant)
    async with harness(store, due - timedelta(hours=10)) as h:
        sub = await h.subscribe("C1", "08:00", zone)
        assert cron_trigger(sub).get_next_fire_time(None, h.clock()) == due  # when APScheduler fires

        h.clock.set(due - timedelta(minutes=1))
        assert await h.scheduler.deliver(sub.id) is None and h.surface.published == []

        h.clock.set(due)
        sent = await h.scheduler.deliver(sub.id)
        assert sent is not None and sent.status == "sent" and sent.local_date == local_date
        assert sent.due_at == due and sent.sent_at == due and sent.attempts == 1 and sent.message_id == "msg-1"
        [post] = h.surface.published
        assert post.channel == "C1" and post.at == due and post.key == f"brief-{sub.id}-{local_date:%Y%m%d}"
        assert post.briefing.as_of == local_date and post.briefing.since is None  # the channel's first

        h.clock.advance(seconds=30)  # the job firing twice, or a resync right after
        assert await h.scheduler.deliver(sub.id) is None
        assert await h.scheduler.sync() == [] and len(h.surface.published) == 1


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # London springs forward on 2026-03-29: 08:00 is 08:00 UTC the day before, 07:00 UTC that day.
        ("Europe/London", "2026-03-28T08:00", "2026-03-29T07:00"),
        # New York springs forward on 2026-03-08: 08:00 is 13:00 UTC, then 12:00 UTC.
        ("America/New_York", "2026-03-07T13:00", "2026-03-08T12:00"),
    ],
)
async def test_eight_stays_eight_local_across_a_dst_change(store: FactStore, zone: str, before: str, after: str) -> None:
    async with harness(store, utc(before) - timedelta(hours=3)) as h:
        sub = await h.subscribe("C1", "08:00", zone)
        trigger = cron_trigger(sub)
        assert trigger.get_next_fire_time(None, h.clock()) == utc(before)
        assert trigger.get_next_fire_time(utc(before), utc(before)) == utc(after)

        h.clock.set(before)
        assert (await h.scheduler.deliver(sub.id)).status == "sent"
        h.clock.set(utc(after) - timedelta(minutes=1))  # 07:59 local on the new offset
        assert await h.scheduler.deliver(sub.id) is None and await h.scheduler.sync() == []
        h.clock.set(after)
        second = await h.scheduler.deliver(sub.id)
        assert second is not None and second.due_at == utc(after)
        assert [p.at for p in h.surface.published] == [utc(before), utc(after)]
        assert [p.briefing.as_of.day for p in h.surface.published] == [utc(before).day, utc(after).day]


async def test_weekdays_are_not_delivered_at_the_weekend(store: FactStore) -> None:
    async with harness(store, utc("2026-03-13T00:00")) as h:  # a Friday
        sub = await h.subscribe("C1", "08:00", "UTC", days="weekdays")
        assert cron_trigger(sub).get_next_fire_time(utc("2026-03-13T08:00"), utc("2026-03-13T08:00")) == utc(
            "2026-03-16T08:00")
        for day in ("2026-03-13", "2026-03-14", "2026-03-15", "2026-03-16"):
            h.clock.set(f"{day}T08:00")
            await h.scheduler.deliver(sub.id)
        assert [p.briefing.as_of.isoformat() for p in h.surface.published] == ["2026-03-13", "2026-03-16"]


# --- restarts and replicas ----------------------------------------------------------------------


async def test_a_restart_during_the_day_gives_no_duplicate_and_no_miss(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T06:00")) as h:
        early = await h.subscribe("C-early", "08:00", "Europe/London")
        late = await h.subscribe("C-late", "17:00", "Europe/London")
        h.clock.set("2026-03-10T08:00")
        assert (await h.scheduler.deliver(early.id)).status == "sent"

        # The process restarts at noon: a new scheduler rebuilds its jobs from the database.
        h.clock.set("2026-03-10T12:00")
        await h.scheduler.stop()
        restarted = h.another_replica("replica-a")
        assert await restarted.sync() == []  # 08:00 is in the ledger; 17:00 is not due yet
        assert {restarted.job(early.id).id, restarted.job(late.id).id} == {job_id(early.id), job_id(late.id)}
        assert str(restarted.job(late.id).trigger.timezone) == "Europe/London"

        h.clock.set("2026-03-10T17:00")
        assert (await restarted.deliver(late.id)).status == "sent"
        h.clock.set("2026-03-11T08:00")
        assert (await restarted.deliver(early.id)).status == "sent"
        assert [(p.channel, p.briefing.as_of.day) for p in h.surface.published] == [
            ("C-early", 10), ("C-late", 10), ("C-early", 11)]
        await restarted.stop()


async def test_two_replicas_firing_at_once_send_once(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        subs = [await h.subscribe(f"C{i}", "08:00", "UTC") for i in range(10)]
        other = h.another_replica("replica-b")
        h.clock.set("2026-03-10T08:00")
        results = await asyncio.gather(*(s.deliver(sub.id) for sub in subs for s in (h.scheduler, other)))
        assert sorted(r.channel for r in results if r is not None) == sorted(f"C{i}" for i in range(10))
        assert sorted(p.channel for p in h.surface.published) == sorted(f"C{i}" for i in range(10))
        claimants = {r.claimed_by for r in await h.core.deliveries.list_deliveries()}
        assert claimants <= {"replica-a", "replica-b"}


# --- failures and retries -----------------------------------------------------------------------


async def test_a_send_that_fails_twice_then_succeeds_is_one_message(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.surface.fail_next(2)
        h.clock.set("2026-03-10T08:00")
        sent = await h.scheduler.deliver(sub.id)
        assert sent is not None and sent.status == "sent" and sent.attempts == 3 and sent.message_id == "msg-1"
        assert h.surface.attempts == 3 and len(h.surface.published) == 1
        assert h.clock.slept == [2.0, 4.0]  # BRIEFBOT_DELIVERY_BACKOFF, doubling
        assert sent.sent_at == utc("2026-03-10T08:00:06")
        assert await h.scheduler.sync() == [] and len(h.surface.published) == 1


async def test_a_send_that_keeps_failing_is_recorded_failed_after_the_limit(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00"), delivery_attempts=3, delivery_backoff="1s") as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.surface.fail_next(5, message="channel_not_found... for now")
        h.clock.set("2026-03-10T08:00")
        failed = await h.scheduler.deliver(sub.id)
        assert failed is not None and failed.status == "failed" and failed.attempts == 3
        assert failed.error == "channel_not_found... for now" and h.clock.slept == [1.0, 2.0]
        assert await h.scheduler.sync() == [] and h.surface.published == []  # a failed day is not retried


async def test_a_refusal_is_not_retried(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.surface.fail_next(1, retryable=False, message="not_in_channel")
        h.clock.set("2026-03-10T08:00")
        failed = await h.scheduler.deliver(sub.id)
        assert (failed.status, failed.attempts, failed.error) == ("failed", 1, "not_in_channel")
        assert h.clock.slept == []


# --- downtime and the grace period --------------------------------------------------------------


async def test_downtime_shorter_than_the_grace_sends_the_briefing_late_once(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.clock.set("2026-03-10T09:45")  # back up 1 h 45 min late; the grace is 2 h
        [late] = await h.scheduler.sync()
        assert late.status == "sent" and late.due_at == utc("2026-03-10T08:00") and late.sent_at == h.clock()
        h.clock.advance(minutes=1)
        assert await h.scheduler.sync() == [] and await h.scheduler.deliver(sub.id) is None
        assert len(h.surface.published) == 1


async def test_downtime_longer_than_the_grace_records_the_briefing_skipped(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.clock.set("2026-03-10T10:30")
        [skipped] = await h.scheduler.sync()
        assert skipped.status == "skipped" and skipped.attempts == 0 and skipped.local_date == date(2026, 3, 10)
        assert skipped.error == "missed by 2 h 30 min, more than BRIEFBOT_CATCHUP_GRACE (2 h 0 min)"
        assert await h.scheduler.sync() == [] and h.surface.published == []
        h.clock.set("2026-03-11T08:00")  # the next day is delivered as usual
        assert (await h.scheduler.deliver(sub.id)).status == "sent"


async def test_the_grace_is_a_setting(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00"), catchup_grace="15m") as h:
        await h.subscribe("C1", "08:00", "UTC")
        h.clock.set("2026-03-10T08:20")
        [skipped] = await h.scheduler.sync()
        assert skipped.status == "skipped"


async def test_a_subscription_made_after_its_time_starts_tomorrow(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T09:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        assert await h.scheduler.sync() == [] and await h.scheduler.deliver(sub.id) is None
        h.clock.set("2026-03-11T08:00")
        assert (await h.scheduler.deliver(sub.id)).local_date == date(2026, 3, 11)


# --- a replica that died holding a claim --------------------------------------------------------


async def test_an_abandoned_claim_is_taken_over_once(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        due = utc("2026-03-10T08:00")
        dead = await h.core.deliveries.claim(sub.id, date(2026, 3, 10), due_at=due, by="crashed:1", now=due)
        assert dead is not None
        h.clock.set("2026-03-10T08:09")  # within the claim timeout (10 min): it may still be sending
        assert await h.scheduler.sync() == []
        h.clock.set("2026-03-10T08:11")
        [resent] = await h.scheduler.sync()
        assert resent.status == "sent" and resent.claims == 2 and resent.claimed_by == "replica-a"
        assert len(h.surface.published) == 1

        # The same crash twice: the second claimant dies too. It is not sent a third time.
        tomorrow = utc("2026-03-11T08:00")
        first = await h.core.deliveries.claim(sub.id, date(2026, 3, 11), due_at=tomorrow, by="crashed:1", now=tomorrow)
        second = await h.core.deliveries.take_over(first, by="crashed:2", now=tomorrow + timedelta(minutes=11))
        assert second is not None
        h.clock.set("2026-03-11T09:00")
        assert await h.scheduler.sync() == [] and len(h.surface.published) == 1


# --- what changed since the last briefing -------------------------------------------------------


async def test_each_briefing_lists_what_changed_since_the_last_one_delivered(store: FactStore) -> None:
    # The store stamps changes with the real time, so this test's clock starts at the real time.
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    async with harness(store, now - timedelta(hours=2), admins="slack:UADMIN") as h:
        one_hour_ago = (now - timedelta(hours=1)).astimezone(UTC)
        sub = await h.subscribe("C1", f"{one_hour_ago:%H:%M}", "UTC")
        commands = CommandLayer(h.core)
        admin = Caller("slack", "UADMIN", channel="C1")
        before = await commands.handle('fact add test-before statement="The summit mascot is a crane." '
                                       'subject="Singapore summit" topic=summit', admin)
        assert not before.error, before.text

        h.clock.set(datetime.now(UTC))  # an hour late, within the grace
        first = await h.scheduler.deliver(sub.id)
        assert first is not None and h.surface.published[0].briefing.since is None

        after = await commands.handle('fact add test-after statement="The summit mascot is a heron." '
                                      'subject="Singapore summit" topic=summit', admin)
        assert not after.error, after.text
        h.clock.advance(days=1)
        second = await h.scheduler.deliver(sub.id)
        assert second is not None
        briefing = h.surface.published[1].briefing
        assert briefing.since == first.claimed_at
        changes = briefing.section(Section.changes)
        changed = {i for g in changes.groups for e in g.entries for i in e.fact_ids} if changes else set()
        assert changed == {"test-after"}
        digest = h.surface.published[1].edition.digest  # the post says the same as its thread
        assert digest.since == first.claimed_at and [c.entry.fact_ids for c in digest.changes] == [["test-after"]]


# --- the post and its thread in the ledger ------------------------------------------------------


async def test_the_ledger_records_the_post_and_each_reply_in_its_thread(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.clock.set("2026-03-10T08:00")
        sent = await h.scheduler.deliver(sub.id)
        assert sent is not None and sent.message_id == "msg-1" and sent.thread_replies == ["msg-1.1", "msg-1.2"]
        [row] = await h.core.deliveries.list_deliveries()
        assert row.status == "sent" and row.posted.post == "msg-1" and row.posted.replies == ["msg-1.1", "msg-1.2"]


async def test_a_take_over_sends_only_what_the_crashed_claimant_had_not(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        due = utc("2026-03-10T08:00")
        dead = await h.core.deliveries.claim(sub.id, date(2026, 3, 10), due_at=due, by="crashed:1", now=due)
        assert dead is not None
        # it posted the digest and one reply, recorded both, then died
        assert await h.core.deliveries.record_posted(dead, Posted(post="ts-post", replies=["ts-1"])) is not None
        h.clock.set("2026-03-10T08:11")
        [resent] = await h.scheduler.sync()
        [publish] = h.surface.published
        assert publish.resumed_from == Posted(post="ts-post", replies=["ts-1"])
        assert resent.status == "sent" and resent.message_id == "ts-post"
        assert resent.thread_replies == ["ts-1", "msg-1.2"]  # the post once, the first reply once


async def test_a_claim_taken_over_while_sending_stops_the_first_claimant(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00")) as h:
        sub = await h.subscribe("C1", "08:00", "UTC")
        h.clock.set("2026-03-10T08:00")

        async def take_it(posted: Posted) -> None:  # replica-b takes the claim over once the post is out
            [claimed] = await h.core.deliveries.list_deliveries()
            assert await h.core.deliveries.take_over(claimed, by="replica-b") is not None

        original = h.surface.publish

        async def publish(channel: str, edition: Edition, *, key: str, posted: Posted, record) -> Posted:
            async def record_then_lose(p: Posted) -> None:
                await take_it(p)
                await record(p)

            return await original(channel, edition, key=key, posted=posted, record=record_then_lose)

        h.surface.publish = publish  # type: ignore[method-assign]
        assert await h.scheduler.deliver(sub.id) is None  # stopped after the post: no reply from it
        [row] = await h.core.deliveries.list_deliveries()
        assert row.status == "claimed" and row.claimed_by == "replica-b" and row.thread_replies is None


# --- quiet days ---------------------------------------------------------------------------------


async def test_a_quiet_subscription_skips_a_quiet_day_and_the_next_lists_what_changed(store: FactStore) -> None:
    # In 2026 nothing in the curated facts is coming up; the store stamps changes with the real time.
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    async with harness(store, now - timedelta(hours=2), admins="slack:UADMIN") as h:
        at = (now - timedelta(hours=1)).astimezone(UTC)
        quiet, _ = await h.core.subscriptions.subscribe("slack", "CQUIET", schedule(f"{at:%H:%M}", "UTC", quiet=True),
                                                        by="slack:UADMIN", now=h.clock())
        loud = await h.subscribe("CLOUD", f"{at:%H:%M}", "UTC")
        h.clock.set(datetime.now(UTC))
        first = [await h.scheduler.deliver(s.id) for s in (quiet, loud)]
        assert [d.status for d in first if d] == ["sent", "sent"]  # a first briefing is never quiet

        h.clock.advance(days=1)  # nothing changed, nothing coming up
        skipped, sent = [await h.scheduler.deliver(s.id) for s in (quiet, loud)]
        assert skipped is not None and skipped.status == "skipped" and "quiet day" in (skipped.error or "")
        assert sent is not None and sent.status == "sent"
        assert [p.channel for p in h.surface.published] == ["CQUIET", "CLOUD", "CLOUD"]
        assert h.surface.published[-1].edition.digest.quiet

        added = await CommandLayer(h.core).handle('fact add test-news statement="The summit mascot is a crane." '
                                                  'subject="Singapore summit" topic=summit',
                                                  Caller("slack", "UADMIN", channel="CQUIET"))
        assert not added.error, added.text
        h.clock.advance(days=1)
        back = await h.scheduler.deliver(quiet.id)
        assert back is not None and back.status == "sent"
        digest = h.surface.published[-1].edition.digest
        assert digest.since == first[0].claimed_at  # since the last one sent, across the skipped day
        assert [c.entry.fact_ids for c in digest.changes] == [["test-news"]] and not digest.quiet


# --- APScheduler in the loop --------------------------------------------------------------------


async def test_jobs_follow_the_subscriptions_and_a_due_job_delivers(store: FactStore) -> None:
    now = datetime.now(UTC)
    async with harness(store, now, schedule_resync="1h") as h:
        h.clock.now = now
        served = await h.subscribe("C1", "08:00", "Asia/Seoul")
        await h.core.subscriptions.subscribe("discord", "42", served.schedule, by="discord:1", now=now)
        await h.scheduler.start()
        await h.scheduler.sync()
        assert set(h.scheduler.scheduled) == {served.id}  # no discord surface here: its job is elsewhere
        job = h.scheduler.job(served.id)
        assert str(job.trigger.timezone) == "Asia/Seoul" and job.next_run_time == served.next_due(now).at

        moved, _ = await h.core.subscriptions.subscribe("slack", "C1", served.schedule.model_copy(
            update={"timezone": "Europe/London"}), by="slack:UADMIN", now=now)
        await h.scheduler.subscription_changed(moved)
        assert h.scheduler.job(served.id).next_run_time == moved.next_due(now).at
        gone = await h.core.subscriptions.unsubscribe("slack", "C1", now=now)
        await h.scheduler.subscription_changed(gone)
        assert h.scheduler.job(served.id) is None

        # A subscription whose time came an hour ago (and which was made before that): firing its
        # job now, through APScheduler, delivers it (late, within the grace).
        hour_ago = now - timedelta(hours=1)
        due, _ = await h.core.subscriptions.subscribe("slack", "C2", served.schedule.model_copy(
            update={"at_time": hour_ago.time().replace(second=0, microsecond=0), "timezone": "UTC"}),
            by="slack:UADMIN", now=now - timedelta(hours=2))
        await h.scheduler.subscription_changed(due)
        h.scheduler.job(due.id).modify(next_run_time=datetime.now(UTC))
        await asyncio.wait_for(h.surface.arrived.wait(), timeout=10)
        await h.scheduler.stop()  # lets the delivery record its outcome
        [row] = await h.core.deliveries.list_deliveries(channel="C2")
        assert row.status == "sent" and [p.channel for p in h.surface.published] == ["C2"]


# --- the settings -------------------------------------------------------------------------------


def test_the_scheduling_settings_read_durations_and_refuse_what_would_break_delivery() -> None:
    from config.settings import SettingsError, load_settings

    settings = load_settings(catchup_grace="1h30m", delivery_backoff="1s",
                             schedule_resync="45s", delivery_claim_timeout="PT15M")
    assert (settings.catchup_grace, settings.delivery_backoff) == (timedelta(minutes=90), timedelta(seconds=1))
    assert (settings.schedule_resync, settings.delivery_claim_timeout) == (timedelta(seconds=45), timedelta(minutes=15))
    assert load_settings().timezone == "Asia/Seoul" and load_settings().catchup_grace == timedelta(hours=2)
    for bad, message in [
        ({"catchup_grace": "120"}, "BRIEFBOT_CATCHUP_GRACE: '120' needs a unit: write e.g. 2h, 90m, 1h30m or 45s"),
        ({"catchup_grace": "soon"}, "BRIEFBOT_CATCHUP_GRACE: 'soon' is not a duration"),
        ({"schedule_resync": "0s"}, "BRIEFBOT_SCHEDULE_RESYNC must be at least 1s"),
        ({"delivery_claim_timeout": "20s"}, "BRIEFBOT_DELIVERY_CLAIM_TIMEOUT must be longer than the retries can take"),
    ]:
        with pytest.raises(SettingsError, match=message):
            load_settings(**bad)


async def test_each_outcome_is_counted_in_the_metrics(store: FactStore) -> None:
    async with harness(store, utc("2026-03-10T07:00"), delivery_attempts=2, delivery_backoff="1s") as h:
        ok = await h.subscribe("C1", "08:00", "UTC")
        bad = await h.subscribe("C2", "08:00", "UTC")
        h.clock.set("2026-03-10T08:00")
        await h.scheduler.deliver(ok.id)
        h.surface.fail_next(2)
        await h.scheduler.deliver(bad.id)
        late = await h.subscribe("C3", "06:00", "UTC")  # made after its time: tomorrow's is the first
        h.clock.set("2026-03-11T09:30")  # back up: 08:00 (C1, C2) is 1 h 30 min late, 06:00 (C3) 3 h 30 min
        await h.scheduler.sync()
        counted = {outcome: h.core.metrics.briefings.labels(outcome)._value.get()  # noqa: SLF001
                   for outcome in ("delivered", "failed", "skipped")}
        assert counted == {"delivered": 3.0, "failed": 1.0, "skipped": 1.0}, (late, counted)
