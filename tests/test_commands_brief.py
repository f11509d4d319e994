"""`brief [full|SECTION]` through the command layer: the digest or briefing model travels with the reply."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.commands import CommandLayer
from briefings.compose import Section

from tests.test_commands import ANA, EVE, SQLITE_ONLY, Clock, core, clock, layer, say, seeded_sqlite  # noqa: F401

pytestmark = SQLITE_ONLY


async def test_brief_gives_the_digest_as_of_a_day(layer: CommandLayer) -> None:
    reply = await say(layer, EVE, "brief date=2018-05-29")
    assert not reply.error and reply.digest is not None and reply.briefing is None
    digest = reply.digest
    assert digest.as_of.isoformat() == "2018-05-29" and digest.headline.days_to_go == 14
    assert digest.headline.place == "Singapore" and digest.headline.status_since is not None
    assert len(digest.top) == 3 and digest.next_events
    assert reply.text.startswith("Briefing for Tuesday, May 29, 2018\nTrump-Kim summit in Singapore: back on, since")
    assert len(reply.text.splitlines()) <= 25
    assert "`brief full`" in reply.text


@pytest.mark.parametrize("word", ["full", "all", "FULL"])
async def test_brief_full_gives_the_whole_briefing(layer: CommandLayer, word: str) -> None:
    reply = await say(layer, EVE, f"brief {word} date=2018-05-29")
    assert not reply.error and reply.briefing is not None and reply.digest is None
    assert reply.briefing.as_of.isoformat() == "2018-05-29"
    assert reply.briefing.headline is not None and reply.briefing.headline.days_to_go == 14
    assert [s.section for s in reply.briefing.sections] == [
        s for s in Section if s not in (Section.headline, Section.topics)]  # no topic added by admins
    assert reply.text.startswith("Briefing for Tuesday, May 29, 2018")


async def test_brief_one_section(layer: CommandLayer) -> None:
    reply = await say(layer, EVE, "brief delegations")
    assert reply.briefing is not None and [s.section for s in reply.briefing.sections] == [Section.delegations]
    assert "Joe Hagin" in reply.text and "Kim Chang Son" in reply.text


async def test_brief_unknown_section_or_date_is_one_sentence(layer: CommandLayer) -> None:
    bad = await say(layer, EVE, "brief weather")
    assert bad.error and bad.briefing is None
    assert "'weather' is not a briefing section: choose one of headline" in bad.text
    assert "Or `full` for the whole briefing." in bad.text
    assert "Usage: brief [full|SECTION]" in bad.text
    worse = await say(layer, EVE, "brief date=2018-02-30")
    assert worse.error and "'2018-02-30' is not a date" in worse.text


async def test_an_edit_shows_in_the_next_briefing_changes(layer: CommandLayer, clock: Clock) -> None:
    clock.now = datetime.now(timezone.utc)  # the store stamps changes with the real time
    edited = await say(layer, ANA, 'fact edit map-scale statement="The map\'s scale bar marks 50 meters (200 feet)."')
    assert not edited.error, edited.text
    reply = await say(layer, EVE, "brief changes")
    assert reply.briefing is not None
    text = reply.text
    assert "The map's scale bar marks 50 meters (200 feet)." in text
    assert "The map's scale bar marks 200 feet (50 meters)." in text  # the old statement, shown as corrected
    clock.now += timedelta(days=2)
    later = await say(layer, EVE, "brief changes")
    assert "50 meters (200 feet)" not in later.text


async def test_an_edit_shows_in_the_digest_as_what_changed(layer: CommandLayer, clock: Clock) -> None:
    clock.now = datetime.now(timezone.utc)
    edited = await say(layer, ANA, 'fact edit map-scale statement="The map\'s scale bar marks 50 meters (200 feet)."')
    assert not edited.error, edited.text
    reply = await say(layer, EVE, "brief")
    assert reply.digest is not None
    [change] = reply.digest.changes
    assert change.kind == "corrected" and change.entry.fact_ids == ["map-scale"]
    assert "Corrected: The map's scale bar marks 50 meters (200 feet)." in reply.text
