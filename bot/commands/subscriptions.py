"""`subscribe [HH:MM] [TIMEZONE] [daily|weekdays]`, `unsubscribe`, `subscriptions`: the daily
briefing, by channel.

A subscription belongs to the channel the command is typed in (the caller's platform and channel).
The store is the source of truth; `on_change`, given by the composition root, tells this replica's
scheduler at once (the other replicas see the change at their next resync).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import datetime, time

from bot.core import Core
from bot.commands.base import Caller, Command, CommandError, Invocation, Reply
from briefings.subscriptions import DAYS, Days, Due, Schedule, Subscription
from briefings.timezones import ZONE_EXAMPLES, iana_timezone, known_timezone

__all__ = ["SubscriptionCommands", "SubscriptionListener", "parse_schedule"]

audit = logging.getLogger("briefbot.audit")
log = logging.getLogger("briefbot.commands")

SubscriptionListener = Callable[[Subscription], Awaitable[None]]
"""Told of every subscription a command created, changed or stopped (as it now is)."""

DEFAULT_TIME = time(8, 0)
QUIET = "quiet"
"""The last word of `subscribe` that skips quiet days (nothing changed, nothing coming up)."""
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_LISTED = 25
"""At most this many subscriptions are listed in chat."""


def _time_of_day(word: str) -> time:
    match = _TIME.match(word)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise CommandError(f"{word!r} is not a time of day: write HH:MM from 00:00 to 23:59, e.g. 07:30")
    return time(int(match.group(1)), int(match.group(2)))


def _zone(word: str) -> str:
    found = iana_timezone(word)
    if found is None:
        raise CommandError(f"{word!r} is not a timezone I know: use {ZONE_EXAMPLES}")
    return found


def _days(word: str) -> Days:
    if word.lower() not in DAYS:
        raise CommandError(f"{word!r} is not a schedule: write daily or weekdays")
    return word.lower()  # type: ignore[return-value]


def parse_schedule(words: list[str], *, default_timezone: str) -> Schedule:
    """`[HH:MM] [TIMEZONE] [daily|weekdays] [quiet]`, each optional, in that order."""
    rest = list(words)
    quiet = bool(rest) and rest[-1].lower() == QUIET
    if quiet:
        rest.pop()
    if any(w.lower() == QUIET for w in rest):
        raise CommandError(f"put `{QUIET}` last: `subscribe [HH:MM] [TIMEZONE] [daily|weekdays] {QUIET}`")
    at = _time_of_day(rest.pop(0)) if rest and rest[0][:1].isdigit() else DEFAULT_TIME
    misplaced = next((w for w in rest if w[:1].isdigit()), None)
    if misplaced is not None:
        raise CommandError(f"put the time first: `subscribe {misplaced} ...`")
    zone, days = default_timezone, "daily"
    if len(rest) > 2:
        extra = " ".join(rest[2:])
        raise CommandError(f"unexpected {extra!r}: `subscribe` takes a time, a timezone, daily or weekdays, "
                           f"and {QUIET}")
    if len(rest) == 2:
        zone, days = _zone(rest[0]), _days(rest[1])
    elif rest and rest[0].lower() in DAYS:
        days = rest[0].lower()
    elif rest:
        word = rest[0]
        if known_timezone(word) is None and "/" not in word and word.isalpha() and not word.isupper():
            raise CommandError(f"{word!r} is neither a timezone nor a schedule: write daily or weekdays, or {ZONE_EXAMPLES}")
        zone = _zone(word)
    return Schedule(at_time=at, timezone=zone, days=days, quiet=quiet)  # type: ignore[arg-type]


def _when(due: Due, schedule: Schedule) -> str:
    local = due.at.astimezone(schedule.zone)
    return f"{local:%a %Y-%m-%d %H:%M} {local.tzname()}"


def _channel(caller: Caller) -> str:
    if not caller.channel:
        raise CommandError("type this in the channel that should get the briefing", usage=False)
    return caller.channel


class SubscriptionCommands:
    def __init__(self, core: Core, *, clock: Callable[[], datetime], on_change: SubscriptionListener | None = None) -> None:
        self._core = core
        self._clock = clock
        self._on_change = on_change

    def commands(self) -> list[Command]:
        return [
            Command("subscribe", "subscribe [HH:MM] [TIMEZONE] [daily|weekdays] [quiet]",
                    "get the briefing in this channel every day (or on weekdays)",
                    "subscribe 07:30 Europe/London weekdays", self.subscribe, changes="subscriptions",
                    extra_words=True,
                    details=[f"HH:MM is wall-clock time in TIMEZONE (default {DEFAULT_TIME:%H:%M}); it stays that "
                             "time across daylight-saving changes.",
                             f"TIMEZONE is an IANA name such as Asia/Seoul (default BRIEFBOT_TIMEZONE, "
                             f"{self._core.settings.timezone}).",
                             "daily (the default) or weekdays (Monday to Friday).",
                             "quiet: no post on a quiet day, when nothing changed since the last briefing and "
                             "nothing dated is coming up (without it, such a day gets a one-line digest).",
                             "Subscribing again changes the time; each briefing lists what changed since the last."]),
            Command("unsubscribe", "unsubscribe", "stop this channel's daily briefing", "unsubscribe",
                    self.unsubscribe, changes="subscriptions"),
            Command("subscriptions", "subscriptions", "which channels get the daily briefing, and when",
                    "subscriptions", self.list_subscriptions),
        ]

    async def subscribe(self, call: Invocation) -> Reply:
        schedule = parse_schedule(call.words, default_timezone=self._core.settings.timezone)
        caller = call.caller
        channel = _channel(caller)
        now = self._clock()
        current = await self._core.subscriptions.for_channel(caller.platform, channel)
        if current is not None and current.schedule == schedule:
            next_due = _when(await self._next_delivery(current, now), schedule)
            return Reply(text=f"This channel already gets the briefing at {schedule.describe()}; the next is "
                              f"{next_due}.{self._who_delivers()}")
        subscription, previous = await self._core.subscriptions.subscribe(
            caller.platform, channel, schedule, by=caller.identity, now=now)
        _audit(call, "subscribed" if previous is None else "rescheduled", subscription)
        await self._tell(subscription)
        next_due = _when(await self._next_delivery(subscription, now), schedule)
        if previous is None:
            return Reply(text=f"This channel will get the briefing at {schedule.describe()}; the first is {next_due}. "
                              f"`unsubscribe` stops it.{self._who_delivers()}")
        return Reply(text=f"This channel's briefing moves from {previous.schedule.describe()} to "
                          f"{schedule.describe()}; the next is {next_due}.{self._who_delivers()}")

    async def _next_delivery(self, subscription: Subscription, now: datetime) -> Due:
        """The next briefing that will really go out: a day already in the ledger (today's was sent
        before the time was moved later) is not sent again, so the next is the day after."""
        due = subscription.next_due(now)
        recorded = await self._core.deliveries.recorded_since(due.local_date)
        while (subscription.id, due.local_date) in recorded:
            due = subscription.next_due(due.at)
        return due

    def _who_delivers(self) -> str:
        """Nothing when this process runs the scheduler; otherwise, that it does not."""
        if self._on_change is not None:
            return ""
        return (" This session sends no briefings itself: they are delivered while `briefbot run` runs "
                "with this database.")

    async def unsubscribe(self, call: Invocation) -> Reply:
        caller = call.caller
        stopped = await self._core.subscriptions.unsubscribe(caller.platform, _channel(caller), now=self._clock())
        if stopped is None:
            raise CommandError("this channel gets no daily briefing; `subscribe` starts one", usage=False)
        _audit(call, "unsubscribed", stopped)
        await self._tell(stopped)
        return Reply(text=f"This channel will no longer get the daily briefing (it was at {stopped.schedule.describe()}).")

    async def list_subscriptions(self, call: Invocation) -> Reply:
        caller = call.caller
        subscriptions = await self._core.subscriptions.list_subscriptions(platform=caller.platform)
        if not subscriptions:
            return Reply(text=f"No channel on {caller.platform} gets the daily briefing yet: an admin can type "
                              "`subscribe` in the channel that should.")
        now = self._clock()
        lines = [f"Daily briefings on {caller.platform} ({len(subscriptions)}):"]
        for s in subscriptions[:_LISTED]:
            here = " (this channel)" if s.channel == caller.channel else ""
            line = f"  {s.channel}{here}: {s.schedule.describe()}, next {_when(await self._next_delivery(s, now), s.schedule)}"
            last = await self._core.deliveries.list_deliveries(platform=s.platform, channel=s.channel, limit=1)
            if last:
                line += f"; last {last[0].local_date.isoformat()} {last[0].status}"
            lines.append(line)
        if len(subscriptions) > _LISTED:
            lines.append(f"  \u2026and {len(subscriptions) - _LISTED} more (`briefbot deliveries` lists the ledger)")
        if who := self._who_delivers():
            lines.append(who.strip())
        return Reply(text="\n".join(lines))

    async def _tell(self, subscription: Subscription) -> None:
        if self._on_change is None:
            return
        try:
            await self._on_change(subscription)
        except Exception:  # the change is stored: the scheduler's next resync picks it up anyway
            log.exception("the scheduler was not told of the change to %s", subscription.where)


def _audit(call: Invocation, what: str, subscription: Subscription) -> None:
    c = call.caller
    audit.info("%s %s at %s by %s", what, subscription.where, subscription.schedule.describe(), c.identity)
