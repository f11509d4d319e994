"""Telling askers: when a group of unanswered questions closes, each asker hears once, where they asked.

`FollowUps.send_due` sends every follow-up not yet in the ledger (`briefings.unanswered`) through the
surface of the asker's platform: claimed first (one replica, once, across restarts), then sent, then
recorded. A platform that refuses for good (the bot left the channel, the channel is gone) is
recorded as skipped and never tried again; a failure worth retrying is recorded as failed and not
retried either: a follow-up missed is better than one sent twice. A platform this process does not
run is left for a process that does (each sends what is due when it starts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Protocol

from bot.core import Core
from bot.commands.safety import neutralise
from bot.render.text import render_answer
from bot.surface import PublishError
from briefings.unanswered import UnansweredGroup, UnansweredQuestion

__all__ = ["FollowUps", "Notifier", "follow_up_text"]

log = logging.getLogger("briefbot.follow_up")


class Notifier(Protocol):
    platform: str

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        """Post `text` in `channel` (in `thread`: Slack's thread ts, the Discord message to reply
        to); the platform's message id. Raises PublishError."""


def follow_up_text(question: UnansweredQuestion, answer: str) -> str:
    return f"Earlier you asked \u201c{question.text}\u201d. Now I know: {answer}"


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class FollowUps:
    """Sends the follow-ups that are due through the surfaces this process runs."""

    def __init__(self, core: Core, *, surfaces: Callable[[str], Notifier | None],
                 clock: Callable[[], datetime] = _utcnow) -> None:
        self._core = core
        self._surfaces = surfaces
        self._clock = clock

    async def send_due(self) -> int:
        """Send every follow-up due that this process can; how many were sent. With
        BRIEFBOT_FOLLOW_UP=false each is recorded as skipped instead (and its asker's id forgotten),
        so turning it on later does not send stale ones."""
        sent = 0
        for group, question in await self._core.unanswered.awaiting_follow_up():
            if not self._core.settings.follow_up:
                await self._skip(question)
                continue
            surface = self._surfaces(question.platform)
            if surface is None or question.channel is None:
                continue
            sent += await self._send(surface, group, question)
        return sent

    async def _send(self, surface: Notifier, group: UnansweredGroup, question: UnansweredQuestion) -> int:
        store = self._core.unanswered
        claim = await store.claim_follow_up(question.id, by=self._core.settings.replica, now=self._clock())
        if claim is None:
            return 0  # another replica (or an earlier run) has it
        text = neutralise(follow_up_text(question, self._answer(group, question)))
        key = f"follow-up-{question.id}"
        try:
            message_id = await surface.notify(question.channel or "", text, thread=question.thread, key=key)
        except PublishError as exc:
            status = "failed" if exc.retryable else "skipped"
            log.warning("follow-up %s to %s:%s %s: %s", key, question.platform, question.channel, status, exc)
            await store.finish_follow_up(claim, status=status, error=str(exc)[:500], now=self._clock())
            return 0
        except Exception:  # a bug: recorded as failed, never retried
            log.exception("follow-up %s to %s:%s failed", key, question.platform, question.channel)
            await store.finish_follow_up(claim, status="failed", error="internal error", now=self._clock())
            return 0
        await store.finish_follow_up(claim, status="sent", message_id=message_id, now=self._clock())
        log.info("follow-up %s sent to %s:%s", key, question.platform, question.channel)
        return 1

    async def _skip(self, question: UnansweredQuestion) -> None:
        store = self._core.unanswered
        claim = await store.claim_follow_up(question.id, by=self._core.settings.replica, now=self._clock())
        if claim is not None:
            await store.finish_follow_up(claim, status="skipped", error="BRIEFBOT_FOLLOW_UP is off", now=self._clock())

    def _answer(self, group: UnansweredGroup, question: UnansweredQuestion) -> str:
        """The answer to the asker's own wording, when it has one now; else the one that closed the group."""
        answer = self._core.index.answer(question.text, threshold=self._core.settings.answer_threshold)
        if answer.found and answer.facts:
            return render_answer(answer)
        return group.answer or ""
