"""The daily digest: what it holds (status, what changed, what comes next, the top developments),
that it fits one screen on every surface whatever the facts, and its golden files.

Golden files (tests/golden/digest-*): the digest for 2018-05-29 and for the day after three edits,
in text, Slack Block Kit and a Discord embed. Rerun with BRIEFBOT_UPDATE_GOLDEN=1 when a change to
them is meant, and read the diff.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import discord
import pytest
from slack_sdk.models.blocks import Block

from bot.render.discord import MAX_DIGEST, message_payload, render_digest_embed
from bot.render.slack import MAX_DIGEST_BLOCKS, MAX_DIGEST_TEXT, render_digest_blocks, text_size
from bot.render.text import MAX_DIGEST_LINES, render_digest_text
from briefings.compose import Change, ChangeKind
from briefings.digest import (
    MAX_CHANGES,
    ChangeWindow,
    Digest,
    build_digest,
    compose_digest,
    next_events,
    status_headline,
    top_developments,
)
from briefings.files import load_catalogue
from briefings.models import Catalogue, Fact, FactDate
from briefings.store import ChangeInfo, FactStore
from config.settings import CONFIG_DIR

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = "BRIEFBOT_UPDATE_GOLDEN"
AS_OF = date(2018, 5, 29)
SINCE = datetime(2018, 5, 28, 9, 0, tzinfo=timezone.utc)
EDIT = ChangeInfo(actor="ana", platform="slack", channel="C1", action="edit", reason="the talks moved")


@pytest.fixture(scope="module")
def curated() -> Catalogue:
    return load_catalogue(CONFIG_DIR)


@pytest.fixture(scope="module")
def digest(curated: Catalogue) -> Digest:
    return build_digest(curated, ChangeWindow(since=SINCE), as_of=AS_OF)


# --- what it holds ------------------------------------------------------------------------------


def test_the_headline_says_what_when_where_the_status_since_when_and_the_days_to_go(digest: Digest) -> None:
    h = digest.headline
    assert (h.event, h.day, h.place) == ("Trump-Kim summit in Singapore", date(2018, 6, 12), "Singapore")
    assert h.status_line == "back on, since Saturday, May 26, 2018" and h.when.endswith("(14 days to go)")


def test_after_the_summit_the_headline_says_how_long_ago_it_took_place(curated: Catalogue) -> None:
    h = status_headline(curated, date(2018, 6, 15))
    assert h.when == "Tuesday, June 12, 2018 (took place 3 days ago)"


def test_once_its_day_is_behind_the_headline_no_longer_calls_the_event_back_on(curated: Catalogue) -> None:
    h = status_headline(curated, date(2018, 7, 4))
    assert h.status_line == "set for a day now past" and h.status_since == date(2018, 6, 12)
    assert h.depends_on == [] and h.history  # a condition of a day gone by no longer holds; what moved it does
    assert h.when == "Tuesday, June 12, 2018 (took place 22 days ago)"


def test_an_event_called_off_whose_day_went_by_is_still_off_and_never_took_place(curated: Catalogue) -> None:
    without_revival = curated.model_copy(update={"facts": {
        i: f for i, f in curated.facts.items() if f.relation not in {"revived", "made_conciliatory_statement"}}})
    h = status_headline(without_revival, date(2018, 6, 20))
    assert h.status_line == "off, since Thursday, May 24, 2018"
    assert h.when == "Tuesday, June 12, 2018 (8 days ago)"


def test_next_events_are_the_dated_events_after_the_day_soonest_first(curated: Catalogue) -> None:
    events = next_events(curated, AS_OF)
    assert [e.day for e in events] == [date(2018, 6, 1), date(2018, 6, 12)]
    assert events[0].fact_ids == ["high-level-talks-friday"]  # what is scheduled, before what is on its agenda
    assert next_events(curated, date(2018, 6, 1)) == events[1:]  # "after": the day itself is no longer next
    assert next_events(curated, date(2018, 6, 12)) == []


def test_top_developments_weigh_references_and_recency_never_the_fact_id(curated: Catalogue) -> None:
    top = top_developments(curated, AS_OF)
    assert len(top) == 3 and all(e.day is not None and e.day <= AS_OF for e in top)
    assert top[0].fact_ids == ["dmz-meeting-purpose"]  # the meeting on the summit's agenda, yesterday
    subjects = [curated.facts[e.fact_ids[0]].subject for e in top]
    assert len(set(subjects)) == 3  # three different stories
    # the same facts under other ids are the same developments: the id plays no part
    renamed = curated.model_copy(update={"facts": {
        f"zz-{9999 - n}-{f.id}"[:80]: f.model_copy(update={"id": f"zz-{9999 - n}-{f.id}"[:80]})
        for n, f in enumerate(curated.facts.values())}})
    assert [e.text for e in top_developments(renamed, AS_OF)] == [e.text for e in top]
    # a week later, the old news weighs less: the newest development comes first
    later = top_developments(curated, date(2018, 6, 2))
    assert later[0].day is not None and later[0].day >= date(2018, 5, 28)


def test_top_developments_read_years_later_are_those_of_the_stories_last_day(curated: Catalogue) -> None:
    last = max(d.day for f in curated.facts.values() for d in f.dates)
    assert [e.fact_ids for e in top_developments(curated, date(2031, 3, 1))] == [
        e.fact_ids for e in top_developments(curated, last)]


def _change(fact: Fact, kind: ChangeKind, minute: int) -> Change:
    return Change(kind=kind, fact=fact, by="ana", at=datetime(2026, 1, 1, 9, minute, tzinfo=timezone.utc))


def test_at_most_five_changes_newest_first_then_and_n_more(curated: Catalogue) -> None:
    facts = list(curated.facts.values())[:8]
    window = ChangeWindow(since=SINCE, changes=[_change(f, ChangeKind.added, n) for n, f in enumerate(facts)])
    digest = build_digest(curated, window, as_of=AS_OF)
    assert len(digest.changes) == MAX_CHANGES and digest.more_changes == 3 and digest.change_count == 8
    assert [c.entry.fact_ids[0] for c in digest.changes] == [f.id for f in reversed(facts)][:MAX_CHANGES]
    text = render_digest_text(digest)
    assert "- and 3 more" in text and text.count("- Added: ") == MAX_CHANGES


def test_a_quiet_day_is_one_line(curated: Catalogue) -> None:
    quiet = build_digest(curated, ChangeWindow(since=datetime(2026, 1, 1, tzinfo=timezone.utc)), as_of=date(2026, 1, 2))
    assert quiet.quiet and quiet.top  # the top developments are still known, but a quiet day leaves them out
    text = render_digest_text(quiet, hint=None)
    body = text.split("\n\n", 1)[1].strip()
    assert body == "Quiet day: nothing changed since Thu, Jan 1, 00:00 UTC, and nothing dated is coming up."
    blocks = render_digest_blocks(quiet)
    assert "Quiet day" in json.dumps(blocks) and "Top developments" not in json.dumps(blocks)
    embed = render_digest_embed(quiet)
    assert [f.value for f in embed.fields] == [body]
    first = build_digest(curated, ChangeWindow(), as_of=date(2026, 1, 2))
    assert not first.quiet  # no earlier briefing: nothing to say "nothing changed" against


# --- one screen, whatever the facts -------------------------------------------------------------


def _long(curated: Catalogue, length: int) -> Catalogue:
    """Every fact's statement padded to `length` characters of hostile text, and dated around AS_OF."""
    pad = " <!channel> @everyone **bold** & <@U123>"
    facts = {}
    for n, f in enumerate(curated.facts.values()):
        text = (f.statement + pad * (length // len(pad) + 1))[:length]
        dates = [FactDate(day=AS_OF + timedelta(days=n % 20 - 10))]
        facts[f.id] = f.model_copy(update={"statement": text, "dates": dates})
    return curated.model_copy(update={"facts": facts})


@pytest.mark.parametrize("length", [300, 2000])
def test_long_hostile_facts_still_fit_one_screen_on_every_surface(curated: Catalogue, length: int) -> None:
    catalogue = _long(curated, length)
    changes = [_change(f, kind, n) for n, (f, kind) in
               enumerate(zip(list(catalogue.facts.values())[:9], list(ChangeKind) * 3))]
    digest = build_digest(catalogue, ChangeWindow(since=SINCE, changes=changes), as_of=AS_OF)
    assert len(digest.changes) == 5 and len(digest.next_events) == 3 and len(digest.top) == 3

    lines = render_digest_text(digest).splitlines()
    assert len(lines) <= MAX_DIGEST_LINES and max(len(line) for line in lines) <= 88

    blocks = render_digest_blocks(digest)
    assert len(blocks) <= MAX_DIGEST_BLOCKS and text_size(blocks) <= MAX_DIGEST_TEXT
    assert all(Block.parse(b).to_dict() == b for b in blocks)  # slack_sdk's own validation
    assert "<!channel>" not in json.dumps(blocks) and "&lt;!channel&gt;" in json.dumps(blocks)

    embed = render_digest_embed(digest)
    assert len(embed) <= MAX_DIGEST and all(len(f.value) <= 1024 for f in embed.fields)
    assert "@everyone" not in json.dumps(embed.to_dict()) and "<@U123>" not in json.dumps(embed.to_dict())


# --- golden files -------------------------------------------------------------------------------


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get(UPDATE_GOLDEN) == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: rerun with {UPDATE_GOLDEN}=1 if meant"


def _check_goldens(digest: Digest, stem: str) -> None:
    _golden(f"{stem}.txt", render_digest_text(digest))
    _golden(f"{stem}.slack.json", json.dumps(render_digest_blocks(digest), indent=2, ensure_ascii=False) + "\n")
    payload = message_payload([render_digest_embed(digest)])
    _golden(f"{stem}.discord.json", json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


async def test_golden_digest_for_2018_05_29(tmp_path: Path) -> None:
    store = await FactStore.open(f"sqlite+aiosqlite:///{tmp_path / 'golden.db'}")
    try:
        assert await store.seed(load_catalogue(CONFIG_DIR))
        digest = await compose_digest(store, as_of=AS_OF, since=SINCE)
    finally:
        await store.close()
    assert not digest.changes and len(render_digest_text(digest).splitlines()) <= MAX_DIGEST_LINES
    _check_goldens(digest, "digest-2018-05-29")


async def test_golden_digest_for_the_day_after_an_edit(tmp_path: Path) -> None:
    store = await FactStore.open(f"sqlite+aiosqlite:///{tmp_path / 'golden.db'}")
    try:
        catalogue = load_catalogue(CONFIG_DIR)
        assert await store.seed(catalogue)
        talks = catalogue.facts["high-level-talks-friday"]
        moved = talks.model_copy(update={
            "statement": "North and South Korea agreed to hold high-level talks on Saturday, June 2, 2018.",
            "value": "2018-06-02", "dates": [FactDate(day=date(2018, 6, 2), wording="on Saturday")]})
        await store.update(moved, expected_version=1, change=EDIT)
        news = talks.model_copy(update={
            "id": "talks-venue", "relation": "held_at", "value": "Panmunjom",
            "statement": "The high-level inter-Korean talks will be held at Panmunjom, in the demilitarized zone.",
            "dates": [FactDate(day=date(2018, 5, 30), wording="on Wednesday")]})
        await store.add(news, change=EDIT.model_copy(update={"action": "add"}))
        await store.retire("exercises-ended", expected_version=1, reason="not about the talks",
                           change=EDIT.model_copy(update={"action": "retire"}))
        digest = await compose_digest(store, as_of=date(2018, 5, 30), since=datetime(2018, 5, 29, 9, 0, tzinfo=timezone.utc))
    finally:
        await store.close()
    assert [(c.kind, c.entry.fact_ids) for c in digest.changes] == [
        (ChangeKind.retired, ["exercises-ended"]), (ChangeKind.added, ["talks-venue"]),
        (ChangeKind.corrected, ["high-level-talks-friday"])]
    moved_to = [e.day for e in digest.next_events if e.fact_ids == ["high-level-talks-friday"]]
    assert moved_to == [date(2018, 6, 2)]  # the talks moved, and the digest moved them
    _check_goldens(digest, "digest-2018-05-30-after-an-edit")
    assert discord.Embed.from_dict(json.loads((GOLDEN / "digest-2018-05-30-after-an-edit.discord.json")
                                              .read_text(encoding="utf-8"))["embeds"][0]).title == digest.title
