"""Composition root: Settings -> store -> index -> services. Everything is built here, once."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from briefings.answer import Answer, FactIndex
from briefings.files import load_catalogue
from briefings.store import FactStore
from config.settings import Settings

__all__ = ["Core", "open_core"]

log = logging.getLogger("briefbot")


@dataclass(slots=True)
class Core:
    """The running bot's core services, shared by every chat surface."""

    settings: Settings
    store: FactStore
    index: FactIndex

    def ask(self, question: str) -> Answer:
        return self.index.answer(question, threshold=self.settings.answer_threshold)

    async def close(self) -> None:
        await self.store.close()


async def open_core(settings: Settings) -> Core:
    """Open the store (migrating it), seed the curated facts on first start, build the index."""
    store = await FactStore.open(settings.database_url)
    try:
        if not await store.is_seeded():
            catalogue = load_catalogue(settings.facts_dir)
            if await store.seed(catalogue):
                log.info("seeded %d curated facts from %s", len(catalogue.facts), settings.facts_dir)
        index = FactIndex(await store.catalogue())
    except BaseException:
        await store.close()
        raise
    return Core(settings=settings, store=store, index=index)
