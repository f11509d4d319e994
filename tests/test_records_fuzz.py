"""Random sequences of entity and source commands: every reply is one clean message, a refused
command changes nothing (compared by what the export writes), an accepted change moves the export, and the versions
of every record always chain (each version made on the one before it, the current row the last)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import Caller, CommandLayer
from tests.conftest import Database
from tests.test_commands import open_test_core
from bot.app import Core

ADMIN = Caller("slack", "U0ADMIN", channel="C0", admin=True)

IDS = ["mike-pompeo", "kim-yong-chol", "north-korea", "nyt-2018-05-30", "wsj-2018-05-28", "Bad Id", "x"]
name = st.sampled_from(["Mike Pompeo", "Kim Yong Chol", "", "@everyone", "\u201cq\u201d", "A" * 30, "Pompeo; Mike"])
free = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=25)
kind = st.sampled_from(["person", "country", "place", "wizard", ""])
day = st.sampled_from(["2018-05-30", "2018-02-30", "May", ""])
record_id = st.sampled_from(IDS)
value = st.one_of(name, free)

command = st.one_of(
    st.builds(lambda i, n, k, d: f'entity add {i} name="{n}" kind={k} description="{d}"', record_id, value, kind, free),
    st.builds(lambda i, n, a: f'entity edit {i} name="{n}" aliases="{a}"', record_id, value, value),
    st.builds(lambda i, d, v: f'entity edit {i} description="{d}"{v}', record_id, free,
              st.sampled_from(["", " version=1", " version=2", " version=x"])),
    st.builds(lambda i: f"entity retire {i}", record_id),
    st.builds(lambda i: f"entity undo {i}", record_id),
    st.builds(lambda i: f"entity show {i}", record_id),
    st.builds(lambda i: f"entity history {i}", record_id),
    st.builds(lambda t: f"entity search {t}", free),
    st.builds(lambda i, t, d, body: f'source add {i} title="{t}" publisher="P" date={d}\n{body}', record_id, value, day,
              st.one_of(free, st.just("Pompeo had dinner in New York."))),
    st.builds(lambda i, t: f'source edit {i} title="{t}"', record_id, value),
    st.builds(lambda i, t: f'source edit {i} text="{t}"', record_id, free),
    st.builds(lambda i: f"source retire {i}", record_id),
    st.builds(lambda i: f"source undo {i}", record_id),
    st.builds(lambda i: f"source show {i}", record_id),
)
CHANGING = ("entity add", "entity edit", "entity retire", "entity undo",
            "source add", "source edit", "source retire", "source undo")


async def state(core: Core) -> tuple[object, ...]:
    """What the export holds, as models (cheaper to compare than the YAML), and every version number."""
    catalogue = await core.store.catalogue(include_retired=True)
    versions = [(k, r.record.id, r.version, r.retired) for k in ("entity", "source")
                for r in await core.store.list_records(k, include_retired=True)]
    return catalogue, versions


def test_random_entity_and_source_commands_keep_the_store_whole(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path}/fuzz.db")
    with asyncio.Runner() as runner:
        core = runner.run(open_test_core(database))
        layer = CommandLayer(core)

        async def versions_chain() -> None:
            for k in ("entity", "source"):
                for stored in await core.store.list_records(k, include_retired=True):
                    history = await core.store.record_history(k, stored.record.id)
                    assert [v.version for v in history] == list(range(1, stored.version + 1))
                    for before, after in zip(history, history[1:]):
                        assert after.previous == before.record
                    assert (history[-1].record, history[-1].retired) == (stored.record, stored.retired)
            catalogue = await core.store.catalogue()
            for fact in catalogue.facts.values():  # no current fact rests on a retired record
                assert fact.subject in catalogue.entities and fact.provenance.source in catalogue.sources

        @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
        @given(texts=st.lists(command, min_size=1, max_size=4))
        def check(texts: list[str]) -> None:
            for text in texts:
                before = runner.run(state(core))
                reply = runner.run(layer.handle(text, ADMIN))
                after = runner.run(state(core))
                assert reply.text.strip() and "went wrong on my side" not in reply.text, (text, reply.text)
                assert "@everyone" not in reply.text
                if reply.error:
                    assert after == before, (text, reply.text)
                elif text.startswith(CHANGING):
                    assert after != before, (text, reply.text)
            runner.run(versions_chain())

        try:
            check()
        finally:
            runner.run(core.close())
