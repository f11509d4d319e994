"""Subscriptions and the delivery ledger on SQLite and PostgreSQL, and when a schedule is due."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time, timedelta, timezone

import pytest
from pydantic import ValidationError

from briefings.deliveries import DeliveryLedger, Posted
from briefings.store import FactStore
from briefings.subscriptions import Schedule, SubscriptionStore, known_timezone

UTC = timezone.utc


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- when a schedule is due (pure) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        ("Asia/Seoul", date(2026, 3, 10), "2026-03-09T23:00"),
        ("Europe/London", date(2026, 1, 15), "2026-01-15T08:00"),
        ("Europe/London", date(2026, 7, 15), "2026-07-15T07:00"),
        ("America/New_York", date(2026, 3, 7), "2026-03-07T13:00"),
        ("America/New_York", date(2026, 3, 9), "2026-03-09T12:00"),
    ],
)
def test_eight_o_clock_is_wall_clock_in_the_zone(zone: str, day: date, expected: str) -> None:
    assert Schedule(at_time=time(8), timezone=zone).due_at(day) == utc(expected)


def test_a_time_the_clocks_skip_is_taken_before_the_change_and_a_repeated_one_the_first_time() -> None:
    gap = Schedule(at_time=time(2, 30), timezone="America/New_York")
    assert gap.due_at(date(2026, 3, 8)) == utc("2026-03-08T07:30")  # 02:30 EST, as CronTrigger has it
    twice = Schedule(at_time=time(1, 30), timezone="America/New_York")
    assert twice.due_at(date(2026, 11, 1)) == utc("2026-11-01T05:30")  # the first 01:30 (EDT)


def test_weekdays_skip_the_weekend() -> None:
    schedule = Schedule(at_time=time(8), timezone="Europe/London", days="weekdays")
    friday_evening = utc("2026-03-13T18:00")
    assert schedule.next_due(friday_evening).local_date == date(2026, 3, 16)
    assert schedule.latest_due(utc("2026-03-15T12:00")).local_date == date(2026, 3, 13)


def test_latest_due_is_none_before_the_schedule_was_set() -> None:
    schedule = Schedule(at_time=time(8), timezone="UTC")
    assert schedule.latest_due(utc("2026-03-10T09:00"), since=utc("2026-03-10T08:30")) is None
    assert schedule.latest_due(utc("2026-03-10T09:00"), since=utc("2026-03-10T07:30")).at == utc("2026-03-10T08:00")


def test_a_schedule_refuses_seconds_and_unknown_zones() -> None:
    with pytest.raises(ValidationError):
        Schedule(at_time=time(8, 0, 30), timezone="UTC")
    with pytest.raises(ValidationError, match="not an IANA timezone"):
        Schedule(at_time=time(8), timezone="Mars/Olympus")
    assert known_timezone("asia/SEOUL") == "Asia/Seoul" and known_timezone("Mars/Olympus") is None


# --- the stores ---------------------------------------------------------------------------------

T0 = utc("2026-03-10T00:00")
EIGHT_SEOUL = Schedule(at_time=time(8), timezone="Asia/Seoul")


async def test_subscribe_creates_updates_and_revives_one_row_a_channel(store: FactStore) -> None:
    subs = SubscriptionStore(store.engine)
    first, previous = await subs.subscribe("slack", "C1", EIGHT_SEOUL, by="slack:U1", now=T0)
    assert previous is None and first.active and first.schedule == EIGHT_SEOUL and first.created_by == "slack:U1"
    later = Schedule(at_time=time(9, 30), timezone="Europe/London", days="weekdays")
    moved, previous = await subs.subscribe("slack", "C1", later, by="slack:U2", now=T0 + timedelta(hours=1))
    assert previous == first and moved.id == first.id and moved.schedule == later
    assert moved.created_by == "slack:U1" and moved.updated_at == T0 + timedelta(hours=1)

    gone = await subs.unsubscribe("slack", "C1", now=T0 + timedelta(hours=2))
    assert gone is not None and not gone.active and await subs.for_channel("slack", "C1") is None
    assert await subs.unsubscribe("slack", "C1") is None
    assert await subs.list_subscriptions() == [] and len(await subs.list_subscriptions(active=False)) == 1

    back, previous = await subs.subscribe("slack", "C1", EIGHT_SEOUL, by="slack:U3", now=T0 + timedelta(hours=3))
    assert previous is None and back.id == first.id and back.active and back.created_by == "slack:U3"
    other, _ = await subs.subscribe("discord", "C1", EIGHT_SEOUL, by="discord:9", now=T0)
    assert other.id != first.id
    assert [s.where for s in await subs.list_subscriptions()] == ["discord:C1", "slack:C1"]
    assert [s.where for s in await subs.list_subscriptions(platform="slack")] == ["slack:C1"]
    assert await subs.get(first.id) == back


async def test_only_one_of_many_racing_claims_wins(store: FactStore) -> None:
    sub, _ = await SubscriptionStore(store.engine).subscribe("slack", "C1", EIGHT_SEOUL, by="slack:U1", now=T0)
    ledger = DeliveryLedger(store.engine)
    day, due = date(2026, 3, 10), utc("2026-03-09T23:00")
    claims = await asyncio.gather(*(ledger.claim(sub.id, day, due_at=due, by=f"r{i}", now=T0) for i in range(20)))
    won = [c for c in claims if c is not None]
    assert len(won) == 1 and won[0].status == "claimed" and won[0].attempts == 0 and won[0].claims == 1
    assert won[0].platform == "slack" and won[0].channel == "C1" and won[0].key == f"brief-{sub.id}-20260310"
    assert await ledger.skip(sub.id, day, due_at=due, by="r0", reason="late") is None
    assert await ledger.recorded_since(day) == {(sub.id, day)}


async def test_a_claim_records_its_outcome_and_a_taken_over_claim_is_not_overwritten(store: FactStore) -> None:
    sub, _ = await SubscriptionStore(store.engine).subscribe("slack", "C1", EIGHT_SEOUL, by="slack:U1", now=T0)
    ledger = DeliveryLedger(store.engine)
    day, due = date(2026, 3, 10), utc("2026-03-09T23:00")
    mine = await ledger.claim(sub.id, day, due_at=due, by="a", now=due)
    assert mine is not None
    await ledger.record_attempt(mine, attempts=1, error="timeout")
    assert await ledger.abandoned(claimed_before=due, due_after=due - timedelta(hours=2)) == []
    assert await ledger.abandoned(claimed_before=due + timedelta(minutes=11), due_after=due) == []
    [stale] = await ledger.abandoned(claimed_before=due + timedelta(minutes=11), due_after=due - timedelta(hours=2))
    assert stale.attempts == 1 and stale.error == "timeout"

    theirs = await ledger.take_over(stale, by="b", now=due + timedelta(minutes=11))
    assert theirs is not None and theirs.claims == 2 and theirs.claimed_by == "b"
    assert await ledger.take_over(stale, by="c") is None  # someone was first
    assert await ledger.finish(mine, status="sent", attempts=2, sent_at=due, posted=Posted(post="late")) is None
    done = await ledger.finish(theirs, status="sent", attempts=2, sent_at=due + timedelta(minutes=11), posted=Posted(post="m1"))
    assert done is not None and done.status == "sent" and done.message_id == "m1"
    assert await ledger.take_over(done, by="c") is None
    assert await ledger.abandoned(claimed_before=due + timedelta(days=1), due_after=due - timedelta(days=1)) == []
    assert await ledger.last_sent("slack", "C1") == done
    assert await ledger.last_sent("slack", "C2") is None


async def test_a_delivery_is_taken_over_once_only(store: FactStore) -> None:
    sub, _ = await SubscriptionStore(store.engine).subscribe("slack", "C1", EIGHT_SEOUL, by="slack:U1", now=T0)
    ledger = DeliveryLedger(store.engine)
    first = await ledger.claim(sub.id, date(2026, 3, 10), due_at=T0, by="a", now=T0)
    assert first is not None
    second = await ledger.take_over(first, by="b", now=T0 + timedelta(hours=1))
    assert second is not None and await ledger.take_over(second, by="c") is None
    assert await ledger.abandoned(claimed_before=T0 + timedelta(days=1), due_after=T0 - timedelta(days=1)) == []


async def test_the_ledger_lists_newest_first_and_by_channel(store: FactStore) -> None:
    subs = SubscriptionStore(store.engine)
    one, _ = await subs.subscribe("slack", "C1", EIGHT_SEOUL, by="slack:U1", now=T0)
    two, _ = await subs.subscribe("discord", "42", EIGHT_SEOUL, by="discord:1", now=T0)
    ledger = DeliveryLedger(store.engine)
    for n in range(3):
        day = date(2026, 3, 10) + timedelta(days=n)
        await ledger.skip(one.id, day, due_at=T0 + timedelta(days=n), by="a", reason="down")
        await ledger.claim(two.id, day, due_at=T0 + timedelta(days=n), by="a")
    rows = await ledger.list_deliveries()
    assert [r.local_date.day for r in rows] == [12, 12, 11, 11, 10, 10]
    assert {r.status for r in await ledger.list_deliveries(channel="C1")} == {"skipped"}
    assert [r.where for r in await ledger.list_deliveries(platform="discord", limit=1)] == ["discord:42"]
    # unsubscribing keeps the channel's ledger
    await subs.unsubscribe("slack", "C1")
    assert len(await ledger.list_deliveries(channel="C1")) == 3
