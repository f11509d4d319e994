"""Two cores over one database (two replicas): a fact changed through one is answered by the other
after a refresh, and a retired one stops being answered."""

from __future__ import annotations

from bot.app import build_core
from bot.commands import Caller, CommandLayer
from config.settings import Settings

from tests.conftest import Database


async def test_a_change_on_one_replica_reaches_the_other(database: Database) -> None:
    settings = Settings(database_url=database.url, admins=("console:ana",))
    one = await build_core(settings, await database.open())
    two = await build_core(settings, await database.open())
    try:
        ana = Caller("console", "ana")
        await two.facts.refresh()  # first look: learns the revision (and re-reads the seed, harmlessly)
        assert not two.ask("what is the summit mascot?").found
        reply = await CommandLayer(one).handle(
            'fact add test-heron statement="The summit mascot is a blue heron." subject="Singapore summit" topic=summit',
            ana)
        assert not reply.error, reply.text
        assert await two.facts.refresh() == 1
        assert "heron" in two.ask("what is the summit mascot?").answer
        assert await two.facts.refresh() == 0  # nothing new: one cheap query
        await CommandLayer(one).handle("fact retire test-heron", ana)
        assert await two.facts.refresh() >= 1
        assert not two.ask("what is the summit mascot?").found
    finally:
        await one.close()
        await two.close()
