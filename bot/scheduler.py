"""Scheduled briefings: subscriptions -> APScheduler jobs -> the delivery ledger -> a surface.

The database is the source of truth. Each replica keeps one in-memory APScheduler 3 cron job per
subscription it can serve (job id ``briefing:ID``, a `CronTrigger` in the subscription's own
timezone), built from the database at start, changed at once when a command on this replica
changes a subscription, and re-read every BRIEFBOT_SCHEDULE_RESYNC to see changes made on the
others. The jobs only say *when* to look; whether to send is the ledger's decision:

1. At fire time the subscription is read again and its most recent due instant computed
   (`Subscription.latest_due`): that gives the local date the briefing is for.
2. The ledger row for (subscription, local date) is claimed with one atomic insert. If it exists,
   another replica (or an earlier run) has it, and this one does nothing.
3. The claimant composes the day's edition (`compose_edition`: the digest, and the full briefing;
   what changed since the channel's previous briefing comes from `changes_for_channel`: every
   version committed after the store revision that briefing was composed at) and publishes it:
   the digest as one channel post, the full briefing as replies in its thread; the ledger keeps
   the revision it was composed at. A subscription that skips quiet days records ``skipped``
   instead when the digest is quiet.
4. After each message the platform accepts, the ledger records it (the post's id, then each
   reply's), so a retry of a retryable failure (with exponential backoff) sends only the rest.
   Then it records ``sent`` or ``failed``.

Every resync also catches up: a due briefing with no ledger row (the bot was down at the time) is
sent late if it was missed by less than BRIEFBOT_CATCHUP_GRACE, else recorded as ``skipped``; and
a claim left open for longer than BRIEFBOT_DELIVERY_CLAIM_TIMEOUT (its replica died between the
claim and the record) is taken over and finished from what its ledger row says was posted. That
is the one place a channel can get a message twice: a crash after the platform accepted a message
and before the ledger recorded it cannot be told apart from a crash before the send, and a
briefing a day late is worse than a message twice (Discord's nonce, from the delivery key and
the message's place, folds a quick repeat into the first message).

Time comes from an injected `clock` and waits from an injected `sleep`, so tests drive
`deliver`, `sync` and `catch_up` at any instant without waiting; APScheduler keeps its own clock
only for deciding when to call them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core import Core
from bot.surface import ClaimLost, PublishError, Surface
from briefings.deliveries import Delivery, Posted
from briefings.digest import Edition, changes_for_channel, compose_edition
from briefings.models import Catalogue
from briefings.store import FactStore
from briefings.subscriptions import Subscription

__all__ = ["BriefingScheduler", "job_id"]

log = logging.getLogger("briefbot.scheduler")

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[Any]]

_RESYNC_JOB = "briefings:resync"
_DATABASE_CONCURRENCY = 8
"""Deliveries reading or writing the database at once. Many briefings fall due at the same minute;
letting them all queue for the connection pool would time some out, while the waits on the
platforms (rate limits, retries) stay unbounded, since they use no connection."""


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def job_id(subscription_id: int) -> str:
    return f"briefing:{subscription_id}"


def cron_trigger(subscription: Subscription) -> CronTrigger:
    """The alarm for a subscription: its HH:MM, wall-clock in its own timezone."""
    schedule = subscription.schedule
    return CronTrigger(
        hour=schedule.at_time.hour,
        minute=schedule.at_time.minute,
        day_of_week="mon-fri" if schedule.days == "weekdays" else None,
        timezone=schedule.zone,
    )


def _human(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


class _CataloguePerRevision(FactStore):
    """The fact store as the scheduler composes from it: the catalogue is read again only when the
    store's `revision` says something in it changed, so a thousand briefings due at the same minute
    cost one read of every fact, not a thousand. What changed (the versions) is read live."""

    def __init__(self, store: FactStore) -> None:
        super().__init__(store.engine)  # the same engine: never close this one
        self._cached: tuple[object, Catalogue] | None = None
        self._lock = asyncio.Lock()

    async def catalogue(self, *, include_retired: bool = False) -> Catalogue:
        if include_retired:
            return await super().catalogue(include_retired=True)
        async with self._lock:
            revision = await self.revision()  # read first: a change after it is caught next time
            if self._cached is None or self._cached[0] != revision:
                self._cached = (revision, await super().catalogue())
            return self._cached[1]


class BriefingScheduler:
    """Delivers each subscribed channel's daily briefing once, on every replica's behalf."""

    def __init__(
        self,
        core: Core,
        *,
        surfaces: Callable[[str], Surface | None],
        clock: Clock = _utcnow,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        """`surfaces(platform)` is the surface that publishes to that platform, None where this
        replica does not serve it (its subscriptions are left to the replicas that do)."""
        settings = core.settings
        self._core = core
        self._surfaces = surfaces
        self._clock = clock
        self._sleep = sleep
        self.replica = settings.replica
        self._grace = settings.catchup_grace
        self._attempts = settings.delivery_attempts
        self._backoff = settings.delivery_backoff
        self._claim_timeout = settings.delivery_claim_timeout
        self._resync = settings.schedule_resync
        self._stop_timeout = settings.shutdown_timeout
        self._aps = AsyncIOScheduler(
            timezone=timezone.utc,
            job_defaults={
                "coalesce": True,  # after a stall, one run (the ledger would refuse the others anyway)
                "max_instances": 1,
                "misfire_grace_time": int(self._grace.total_seconds()),  # late runs still look: the ledger decides
            },
        )
        self._scheduled: dict[int, Subscription] = {}
        self._tasks: dict[int, asyncio.Task[Delivery | None]] = {}
        """Deliveries in flight, by subscription: stop() lets them finish."""
        self._resync_task: asyncio.Task[None] | None = None
        self._database = asyncio.Semaphore(_DATABASE_CONCURRENCY)
        self._facts = _CataloguePerRevision(core.store)

    # lifecycle

    async def start(self) -> None:
        """Start the jobs in this event loop; the first resync (jobs and catch-up) runs at once."""
        self._aps.start()
        self._aps.add_job(self._resync_job, IntervalTrigger(seconds=self._resync.total_seconds()), id=_RESYNC_JOB,
                          replace_existing=True, next_run_time=_utcnow(), misfire_grace_time=None)
        log.info("scheduler started as %s (resync every %s)", self.replica, _human(self._resync))

    async def stop(self, *, timeout: float | None = None) -> None:
        """Stop firing jobs, let briefings being sent finish (within `timeout` s, by default
        BRIEFBOT_SHUTDOWN_TIMEOUT; the runner passes what is left of it), cancel the rest."""
        wait = self._stop_timeout.total_seconds() if timeout is None else timeout
        if self._aps.running:
            self._aps.shutdown(wait=False)
        if self._resync_task is not None and not self._resync_task.done():
            self._resync_task.cancel()  # cancels reading and waiting, never the sends it started
            await asyncio.wait([self._resync_task])
        pending = [t for t in self._tasks.values() if not t.done()]
        if pending:
            log.info("stopping: waiting up to %g s for the briefings being sent (%d)", wait, len(pending))
            _, late = await asyncio.wait(pending, timeout=wait)
            for task in late:
                log.warning("stopping while a briefing is still being sent: its claim is taken over after "
                            "BRIEFBOT_DELIVERY_CLAIM_TIMEOUT")
                task.cancel()
        self._scheduled.clear()

    # keeping the jobs in step with the database

    async def sync(self) -> list[Delivery]:
        """Re-read every subscription, add, change and remove jobs to match, then catch up."""
        subscriptions = [s for s in await self._core.subscriptions.list_subscriptions() if self._serves(s)]
        wanted = {s.id: s for s in subscriptions}
        for subscription_id in [i for i in self._scheduled if i not in wanted]:
            self._unschedule(subscription_id)
        for subscription in subscriptions:
            self._schedule(subscription)
        return await self.catch_up(subscriptions)

    async def subscription_changed(self, subscription: Subscription) -> None:
        """A command on this replica changed `subscription`: follow it now, not at the next resync."""
        if subscription.active and self._serves(subscription):
            self._schedule(subscription)
        else:
            self._unschedule(subscription.id)

    def job(self, subscription_id: int) -> Job | None:
        return self._aps.get_job(job_id(subscription_id))

    @property
    def scheduled(self) -> dict[int, Subscription]:
        """The subscriptions this replica has a job for, by id."""
        return dict(self._scheduled)

    def _serves(self, subscription: Subscription) -> bool:
        return self._surfaces(subscription.platform) is not None

    def _schedule(self, subscription: Subscription) -> None:
        current = self._scheduled.get(subscription.id)
        if current is not None and (current.schedule, current.where) == (subscription.schedule, subscription.where):
            self._scheduled[subscription.id] = subscription
            return  # unchanged: replacing the job would recompute (and could skip) its next run
        self._aps.add_job(self._fire, cron_trigger(subscription), args=[subscription.id], id=job_id(subscription.id),
                          name=f"briefing for {subscription.where}", replace_existing=True)
        self._scheduled[subscription.id] = subscription
        log.info("briefing for %s scheduled at %s", subscription.where, subscription.schedule.describe())

    def _unschedule(self, subscription_id: int) -> None:
        gone = self._scheduled.pop(subscription_id, None)
        if self._aps.get_job(job_id(subscription_id)) is not None:
            self._aps.remove_job(job_id(subscription_id))
        if gone is not None:
            log.info("briefing for %s unscheduled", gone.where)

    async def _resync_job(self) -> None:
        """The interval job: resync in a task of our own (see `_fire`), one at a time."""
        if self._resync_task is None or self._resync_task.done():
            self._resync_task = asyncio.ensure_future(self._resync_once())

    async def _resync_once(self) -> None:
        try:
            await self.sync()
        except Exception:
            log.exception("could not re-read the subscriptions; trying again in %s", _human(self._resync))

    async def _fire(self, subscription_id: int) -> None:
        """The cron job: hand the delivery to its own task, so a shutdown does not cut a send in half."""
        self._spawn(subscription_id, lambda: self.deliver(subscription_id))

    # delivering

    async def deliver(self, subscription_id: int) -> Delivery | None:
        """Deliver the briefing the subscription owes now, if this replica wins its claim.

        Returns the ledger row as this call left it (sent, failed or skipped), or None when there
        was nothing for this replica to do (nothing due, already claimed, not served here)."""
        async with self._database:
            subscription = await self._core.subscriptions.get(subscription_id)
        return None if subscription is None else await self._deliver(subscription)

    async def catch_up(self, subscriptions: list[Subscription] | None = None) -> list[Delivery]:
        """Send or skip every due briefing with no ledger row, take over abandoned claims; wait for them."""
        if subscriptions is None:
            subscriptions = [s for s in await self._core.subscriptions.list_subscriptions() if self._serves(s)]
        now = self._clock()
        owed = [(s, due) for s in subscriptions if (due := s.latest_due(now)) is not None]
        tasks = []
        if owed:
            recorded = await self._core.deliveries.recorded_since(min(due.local_date for _, due in owed))
            for subscription, due in owed:
                if (subscription.id, due.local_date) not in recorded:
                    tasks.append(self._spawn(subscription.id, lambda s=subscription: self._deliver(s)))
        abandoned = await self._core.deliveries.abandoned(claimed_before=now - self._claim_timeout,
                                                          due_after=now - self._grace)
        for delivery in abandoned:
            tasks.append(self._spawn(delivery.subscription_id, lambda d=delivery: self._take_over(d)))
        if not tasks:
            return []
        await asyncio.wait(tasks)  # not gather: cancelling the resync must not cancel a send
        return [r for t in tasks if not t.cancelled() and t.exception() is None and (r := t.result()) is not None]

    def _spawn(self, subscription_id: int, start: Callable[[], Awaitable[Delivery | None]]) -> asyncio.Task[Delivery | None]:
        running = self._tasks.get(subscription_id)
        if running is not None and not running.done():
            return running  # one delivery at a time per subscription; the ledger would refuse a second
        task = asyncio.ensure_future(start())
        self._tasks[subscription_id] = task
        task.add_done_callback(lambda t: self._done(subscription_id, t))
        return task

    def _done(self, subscription_id: int, task: asyncio.Task[Delivery | None]) -> None:
        if self._tasks.get(subscription_id) is task:
            del self._tasks[subscription_id]
        if not task.cancelled() and task.exception() is not None:
            log.error("delivering a briefing failed", exc_info=task.exception())

    async def _deliver(self, subscription: Subscription) -> Delivery | None:
        if not subscription.active:
            return None
        surface = self._surfaces(subscription.platform)
        if surface is None:
            return None
        now = self._clock()
        due = subscription.latest_due(now)
        if due is None:
            return None
        late = now - due.at
        ledger = self._core.deliveries
        if late > self._grace:
            reason = f"missed by {_human(late)}, more than BRIEFBOT_CATCHUP_GRACE ({_human(self._grace)})"
            async with self._database:
                skipped = await ledger.skip(subscription.id, due.local_date, due_at=due.at, by=self.replica,
                                            now=now, reason=reason)
            if skipped is not None:
                self._log(skipped, f"briefing for {subscription.where} on {due.local_date} skipped: {reason}")
            return skipped
        async with self._database:
            claim = await ledger.claim(subscription.id, due.local_date, due_at=due.at, by=self.replica, now=now)
        if claim is None:
            return None
        if late > timedelta(minutes=1):
            log.info("briefing for %s on %s is %s late: sending it now", subscription.where, due.local_date, _human(late))
        return await self._send(subscription, claim, surface)

    async def _take_over(self, abandoned: Delivery) -> Delivery | None:
        subscription = await self._core.subscriptions.get(abandoned.subscription_id)
        if subscription is None or not subscription.active:
            return None
        surface = self._surfaces(subscription.platform)
        if surface is None:
            return None
        async with self._database:
            claim = await self._core.deliveries.take_over(abandoned, by=self.replica, now=self._clock())
        if claim is None:
            return None
        log.warning("briefing for %s on %s was claimed by %s at %s and never recorded: sending it again (once)",
                    subscription.where, claim.local_date, abandoned.claimed_by, abandoned.claimed_at.isoformat())
        return await self._send(subscription, claim, surface)

    async def _with_waiting(self, edition: Edition, subscription: Subscription) -> Edition:
        """An admin channel's edition says how many unanswered question groups wait."""
        unanswered = self._core.unanswered
        if not await unanswered.is_admin_channel(subscription.platform, subscription.channel):
            return edition
        waiting = await unanswered.count_open()
        return edition.model_copy(update={"digest": edition.digest.model_copy(update={"waiting": waiting})})

    async def _send(self, subscription: Subscription, claim: Delivery, surface: Surface) -> Delivery | None:
        ledger = self._core.deliveries
        try:
            async with self._database:
                window = await changes_for_channel(self._facts, ledger, platform=subscription.platform,
                                                   channel=subscription.channel)
                edition = await compose_edition(self._facts, as_of=claim.local_date, window=window)
                edition = await self._with_waiting(edition, subscription)
        except Exception as exc:
            log.exception("could not compose the briefing for %s", subscription.where)
            return await self._finish(claim, status="failed", attempts=claim.attempts,
                                      error=f"could not compose the briefing: {exc}")
        if subscription.schedule.quiet and edition.digest.quiet:
            return await self._finish(claim, status="skipped", attempts=claim.attempts, revision=window.revision,
                                      error="a quiet day: nothing changed and nothing is coming up")
        progress = claim.posted

        async def record(posted: Posted) -> None:
            """Keep what the platform accepted, in memory for the next attempt and in the ledger
            for another replica; stop if the claim is no longer ours."""
            nonlocal progress
            progress = posted
            try:
                async with self._database:
                    kept = await ledger.record_posted(claim, posted)
            except Exception:
                log.exception("could not record what was posted to %s; carrying on", subscription.where)
                return
            if kept is None:
                raise ClaimLost(f"briefing {claim.key}: another replica took the delivery over")

        attempts = claim.attempts
        for n in range(self._attempts):
            attempts += 1
            try:
                progress = await surface.publish(subscription.channel, edition, key=claim.key, posted=progress,
                                                 record=record)
            except ClaimLost as exc:
                log.warning("%s; stopping here", exc)
                return None
            except PublishError as exc:
                if exc.retryable and n + 1 < self._attempts:
                    wait = self._backoff * 2**n
                    log.warning("briefing for %s: attempt %d failed (%s); retrying in %s",
                                subscription.where, attempts, exc, _human(wait))
                    try:
                        await ledger.record_attempt(claim, attempts=attempts, error=str(exc))
                    except Exception:
                        log.exception("could not record the failed attempt")
                    await self._sleep(wait.total_seconds())
                    continue
                return await self._finish(claim, status="failed", attempts=attempts, posted=progress, error=str(exc))
            except Exception as exc:  # a surface broke its contract (PublishError): a bug, logged whole
                log.exception("the %s surface failed to publish to %s", subscription.platform, subscription.channel)
                return await self._finish(claim, status="failed", attempts=attempts, posted=progress,
                                          error=f"{type(exc).__name__}: {exc}")
            return await self._finish(claim, status="sent", attempts=attempts, sent_at=self._clock(), posted=progress,
                                      revision=window.revision)
        raise AssertionError("unreachable: the last attempt returns")  # pragma: no cover

    async def _finish(self, claim: Delivery, *, status: Literal["sent", "failed", "skipped"], attempts: int,
                      sent_at: datetime | None = None, posted: Posted | None = None,
                      error: str | None = None, revision: int | None = None) -> Delivery | None:
        """Record the outcome, retrying the database a few times: every failure here widens the
        window in which a sent briefing looks abandoned and is sent again."""
        for n in range(3):
            try:
                async with self._database:
                    done = await self._core.deliveries.finish(claim, status=status, attempts=attempts,
                                                              sent_at=sent_at, posted=posted, error=error,
                                                              revision=revision)
                break
            except Exception:
                if n == 2:
                    log.exception("could not record the %s briefing for %s (post %s): it will look abandoned",
                                  status, claim.where, posted.post if posted else None)
                    return None
                await self._sleep(0.5 * 2**n)
        if done is None:
            log.warning("briefing for %s on %s was %s here, but another replica had taken the claim over",
                        claim.where, claim.local_date, status)
            return None
        replies = len(done.thread_replies or [])
        self._log(done, f"briefing for {done.where} on {done.local_date} {status}"
                        + (f" with {replies} repl{'y' if replies == 1 else 'ies'} in its thread" if replies else "")
                        + (f" after {attempts} attempts" if attempts > 1 else "")
                        + (f": {error}" if status != "sent" else ""))
        return done

    def _log(self, delivery: Delivery, message: str) -> None:
        """Every recorded outcome passes here: one log line and one count in /metrics."""
        outcome = {"sent": "delivered", "failed": "failed", "skipped": "skipped"}.get(delivery.status)
        if outcome is not None:
            self._core.metrics.briefings.labels(outcome).inc()
        level = logging.INFO if delivery.status == "sent" else logging.WARNING
        log.log(level, "%s", message, extra={"event": {
            "event": "delivery", "status": delivery.status, "platform": delivery.platform,
            "channel": delivery.channel, "local_date": delivery.local_date.isoformat(),
            "attempts": delivery.attempts, "message_id": delivery.message_id,
            "thread_replies": len(delivery.thread_replies or []), "replica": self.replica,
        }})
