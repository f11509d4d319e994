"""Composition root: Settings -> store -> index -> services. Everything is built here, once."""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from bot.errors import UserFacingError
from bot.metrics import Metrics
from briefings.admins import AdminStore
from briefings.answering.context import QuestionContext
from briefings.answer import Answer, FactIndex
from briefings.conversations import ConversationStore
from briefings.deliveries import DeliveryLedger
from briefings.files import load_catalogue, load_topics
from briefings.models import CatalogueError
from briefings.records import RecordService
from briefings.service import FactService
from briefings.store import ChangeInfo, FactStore, StoreError
from briefings.subscriptions import SubscriptionStore
from briefings.unanswered import UnansweredStore
from config.settings import Settings

__all__ = ["Core", "build_core", "open_core"]

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
        left = self.index.context_of(answer)
        keep = ([conversation, *also], left) if left is not None else (list(also), context)
        if keep[1] is not None and keep[0]:
            try:
                await self.conversations.put(keep[0], keep[1])
            except (SQLAlchemyError, OSError) as exc:
                log.warning("could not keep the context of %s: %s", conversation, exc)
        return answer

    async def close(self) -> None:
        await self.store.close()


async def build_core(settings: Settings, store: FactStore) -> Core:
    """Seed the curated facts into an open store on first start and build the services over it."""
    if not await store.is_seeded():
        try:
            catalogue = load_catalogue(settings.facts_dir)
        except CatalogueError as exc:
            raise _bad_facts_dir(settings, exc) from None
        if await store.seed(catalogue):
            log.info("seeded %d curated facts from %s", len(catalogue.facts), settings.facts_dir)
    await add_configured_topics(settings, store)
    revision = await store.revision()
    index = FactIndex(await store.catalogue())
    facts = FactService(store, index)
    facts.indexed(await store.list_facts(include_retired=True), revision=revision)
    gc.freeze()  # the index's many long-lived objects: keep them out of every later collection
    return Core(
        settings=settings,
        store=store,
        index=index,
        facts=facts,
        records=RecordService(store, index),
        admins=AdminStore(store.engine),
        subscriptions=SubscriptionStore(store.engine),
        deliveries=DeliveryLedger(store.engine),
        conversations=ConversationStore(store.engine, lifetime=timedelta(minutes=settings.context_minutes)),
        unanswered=UnansweredStore(store.engine),
    )


async def add_configured_topics(settings: Settings, store: FactStore) -> None:
    """Add the topics of `topics.yaml` the store lacks (a store seeded before topics were data);
    topics already there, changed by admins or not, are left as they are."""
    have = {r.record.id for r in await store.list_records("topic", include_retired=True)}
    change = ChangeInfo(actor="curator", platform="system", action="seed")
    try:
        topics = load_topics(settings.facts_dir)
    except CatalogueError as exc:
        raise _bad_facts_dir(settings, exc) from None
    for topic in topics.values():
        if topic.id not in have:
            await store.put_record(topic, change=change)


def _bad_facts_dir(settings: Settings, exc: CatalogueError) -> UserFacingError:
    return UserFacingError(f"BRIEFBOT_FACTS_DIR ({settings.facts_dir}): {exc}")


async def open_core(settings: Settings) -> Core:
    """Open the store (migrating it), seed it on first start, build the index and services."""
    try:
        store = await FactStore.open(settings.database_url)
    except StoreError as exc:
        raise UserFacingError(f"BRIEFBOT_DATABASE_URL: {exc}") from None
    try:
        return await build_core(settings, store)
    except BaseException:
        await store.close()
        raise
