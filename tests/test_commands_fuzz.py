"""Arbitrary messages never make the command layer raise, and change the store only when they are
valid and come from an admin."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import Caller, CommandLayer
from tests.conftest import Database
from bot.app import Core
from tests.test_commands import open_test_core

ADMIN = Caller("slack", "U0ADMIN", channel="C0", admin=True)
NOBODY = Caller("discord", "1234", channel="99")

COMMANDS = [
    "fact add", "fact edit", "fact retire", "fact undo", "fact import", "fact import confirm", "fact import cancel",
    "fact show", "fact search", "fact history", "fact export", "fact", "admins add", "admins remove", "admins list",
    "admins", "help", "ask", "FACT ADD", "fact  edit",
]
PIECES = [
    "us-delegation-leader", "test-heron", "Test_Heron", 'statement="A blue heron."', "statement=", 'statement="',
    "subject=summit", 'subject="Singapore summit"', "subject=Kim", "object=singapore", "topic=summit",
    "topic=weather", "date=2018-06-12", "date=2018-02-30", "version=1", "version=0", "version=x", 'reason="r"',
    "keywords=a,b", 'quote="led by"', "source=wsj-2018-05-28", "source=nope", "@everyone", "<!channel>", "<@U123>",
    "\u201cquoted\u201d", '"', "=", "==", "\\", "\x00", "\x07", "\n", "facts: []", "facts: [{id: x}]",
    "slack:U0NEW", "console:root", "confirm", "a" * 2100,
]
free_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)
well_formed = st.one_of(
    st.builds(lambda t: f'fact edit us-delegation-leader statement="{t}"', free_text),
    st.builds(lambda t: f'fact add test-heron statement="{t}" subject=summit topic=summit', free_text),
    st.builds(lambda t: f'fact edit test-heron keywords="{t}" version=1', free_text),
    st.sampled_from(["fact retire us-delegation-leader", "fact undo us-delegation-leader", "fact undo test-heron",
                     "admins add slack:U0NEW", "admins remove slack:U0NEW"]),
)
"""Commands that may well succeed, so that the admin's run also changes things."""
CHANGING = ("fact add", "fact edit", "fact retire", "fact undo", "admins add", "admins remove")
messages = st.one_of(
    well_formed,
    st.text(max_size=120),
    st.builds(
        lambda command, parts: " ".join([command, *parts]),
        st.sampled_from(COMMANDS),
        st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=6),
    ),
)


async def versions(core: Core) -> tuple[object, ...]:
    """What any change would move: each fact's version and status, the sources, the admins."""
    stored = await core.store.list_facts(include_retired=True)
    return [(s.fact.id, s.version, s.retired) for s in stored], sorted(await core.store.sources()), await core.admins.list_admins()


def run_fuzz(database: Database, *, caller: Caller) -> None:
    with asyncio.Runner() as runner:
        core = runner.run(open_test_core(database))
        layer = CommandLayer(core)

        @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
        @given(text=messages)
        def check(text: str) -> None:
            before = runner.run(versions(core))
            reply = runner.run(layer.handle(text, caller))
            after = runner.run(versions(core))
            assert reply.text.strip() and "went wrong on my side" not in reply.text
            for mention in ("@everyone", "<!channel>", "<@U123>"):
                assert mention not in reply.text
            if reply.error or not caller.admin:
                assert after == before, (text, reply.text)
            elif text.startswith(CHANGING):
                assert after != before, (text, reply.text)  # a change it reports is made

        try:
            check()
        finally:
            runner.run(core.close())


def test_no_message_from_a_non_admin_changes_anything(tmp_path: Path) -> None:
    run_fuzz(Database(f"sqlite+aiosqlite:///{tmp_path}/fuzz.db"), caller=NOBODY)


def test_an_admins_message_changes_the_store_only_when_it_succeeds(tmp_path: Path) -> None:
    run_fuzz(Database(f"sqlite+aiosqlite:///{tmp_path}/fuzz.db"), caller=ADMIN)
