"""The running bot's core services, shared by every chat surface: built once by the composition
root (`bot.app`) and passed down. The floors below the root (commands, scheduler, follow-ups,
surfaces) import this module, never the root."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from bot.metrics import Metrics
from briefings.admins import AdminStore
from briefings.answering.context import QuestionContext
from briefings.answer import Answer, FactIndex
from briefings.conversations import ConversationStore
from briefings.deliveries import DeliveryLedger
from briefings.records import RecordService
from briefings.service import FactService
from briefings.store import FactStore
from briefings.subscriptions import SubscriptionStore
from briefings.unanswered import UnansweredStore
from config.settings import Settings

__all__ = ["Core"]

log = logging.getLogger("briefbot")


@dataclass(slots=True)
class Core:
    """The running bot's core services, shared by every chat surface."""

    settings: Settings
    store: FactStore
    index: FactIndex
    facts: FactService
    """Every change to a fact goes through here: the store versions it, the index sees it at once."""
    records: RecordService
    """The same for entities, sources and topics."""
    admins: AdminStore
    """Admins added by command (those in `settings.admins` are fixed by configuration)."""
    subscriptions: SubscriptionStore
    """Which channels get the daily briefing, and when."""
    deliveries: DeliveryLedger
    """Every scheduled briefing claimed, sent, failed or skipped."""
    conversations: ConversationStore
    """What each conversation's last question was read as, for follow-ups."""
    unanswered: UnansweredStore
    """Questions nobody could answer, grouped for admins, and the follow-ups to their askers."""
    metrics: Metrics = field(default_factory=Metrics)

    def ask(self, question: str, *, context: QuestionContext | None = None) -> Answer:
        started = time.perf_counter()
        answer = self.index.answer(question, threshold=self.settings.answer_threshold, context=context)
        self.metrics.answer_latency.observe(time.perf_counter() - started)
        self.metrics.questions.labels("answered" if answer.found else "abstained").inc()
        return answer

    async def ask_in(self, question: str, *, conversation: str, also: tuple[str, ...] = ()) -> Answer:
        """The answer to `question` asked in `conversation`: a follow-up leans on the conversation's
        last question. The reading it leaves is kept under `conversation` and each of `also` (the
        keys a later message continuing this one will look under)."""
        if self.conversations.lifetime <= timedelta(0):
            return self.ask(question)
        try:
            context = await self.conversations.get(conversation)
        except (SQLAlchemyError, OSError) as exc:  # the answer does not need the database: answer without
            log.warning("could not read the context of %s: %s", conversation, exc)
            context = None
        answer = self.ask(question, context=context)
        left = self.index.context_of(answer, earlier=context)
        keep = ([conversation, *also], left) if left is not None else (list(also), context)
        if keep[1] is not None and keep[0]:
            try:
                await self.conversations.put(keep[0], keep[1])
            except (SQLAlchemyError, OSError) as exc:
                log.warning("could not keep the context of %s: %s", conversation, exc)
        return answer

    async def close(self) -> None:
        await self.store.close()
