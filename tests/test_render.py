"""Rendering briefings and answers: the structure of each platform's payload, its limits, its escaping.

The golden file tests/golden/briefing-2018-05-29.txt is the plain-text briefing for May 29, 2018 over
the curated facts. After a deliberate change to the facts or the layout, regenerate it with

    BRIEFBOT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py -k golden

and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import discord
import pytest
from slack_sdk.models.blocks import Block

from bot.render.discord import discord_escape, message_payload, render_answer_discord, render_briefing_embeds
from bot.render.slack import render_answer_slack, render_briefing_blocks, slack_escape
from bot.render.text import render_briefing_markdown, render_briefing_text
from briefings.answer import Answer
from briefings.compose import (
    Briefing,
    BriefingSection,
    Entry,
    Group,
    Headline,
    Section,
    SummitStatus,
    build_briefing,
    compose_briefing,
)
from briefings.files import load_catalogue
from briefings.models import Catalogue, Entity, EntityKind, Fact, FactDate, Provenance, Source, Topic
from briefings.store import ChangeInfo, FactStore
from config.settings import CONFIG_DIR

GOLDEN = Path(__file__).parent / "golden" / "briefing-2018-05-29.txt"
UPDATE_GOLDEN = "BRIEFBOT_UPDATE_GOLDEN"

# Slack (PLATFORMS.md, "Block Kit")
SLACK_MAX_BLOCKS = 50
SLACK_MAX_SECTION_TEXT = 3000
SLACK_MAX_SECTION_FIELDS = 10
SLACK_MAX_HEADER = 150
SLACK_MAX_CONTEXT_ELEMENTS = 10

# Discord (PLATFORMS.md, "Sizes")
DISCORD_MAX_EMBEDS = 10
DISCORD_MAX_TOTAL = 6000
DISCORD_MAX_TITLE = 256
DISCORD_MAX_DESCRIPTION = 4096
DISCORD_MAX_FIELDS = 25
DISCORD_MAX_FIELD_NAME = 256
DISCORD_MAX_FIELD_VALUE = 1024
DISCORD_MAX_FOOTER = 2048
DISCORD_MAX_CONTENT = 2000

HOSTILE = (
    "@everyone @here <!channel> <!here> <!everyone> <!subteam^S1> <@U123> <@&123> <#C123> "
    "<@123456789012345678> <@&123456789012345678> </ban:123> **bold** __under__ `code` ```block``` ~~x~~ "
    "||spoiler|| <script>alert('x')</script> & 1 < 2 > 0 # not a heading [link](https://evil.example) _it_"
)
"""Every way a fact could try to ping someone or break the layout."""


# --- the checks each platform's payload must pass --------------------------------------------------


def slack_texts(messages: list[list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    """Every text object in the messages."""
    for message in messages:
        for block in message:
            if "text" in block:
                yield block["text"]
            yield from block.get("fields", [])
            yield from block.get("elements", [])


def assert_slack_valid(messages: list[list[dict[str, Any]]]) -> None:
    assert messages
    for message in messages:
        assert 0 < len(message) <= SLACK_MAX_BLOCKS
        for block in message:
            assert Block.parse(block).to_dict() == block  # slack_sdk's validation runs in to_dict()
            if block["type"] == "header":
                assert 0 < len(block["text"]["text"]) <= SLACK_MAX_HEADER
            if block["type"] == "section":
                assert 0 < len(block["text"]["text"]) <= SLACK_MAX_SECTION_TEXT
                assert len(block.get("fields", [])) <= SLACK_MAX_SECTION_FIELDS
            if block["type"] == "context":
                assert 0 < len(block["elements"]) <= SLACK_MAX_CONTEXT_ELEMENTS


def assert_slack_escaped(messages: list[list[dict[str, Any]]]) -> None:
    """No raw < > & anywhere, and mrkdwn only as this bot's own bold around clean labels."""
    for text in slack_texts(messages):
        body = text["text"]
        assert "<" not in body and ">" not in body
        assert not re.search(r"&(?!amp;|lt;|gt;)", body)
        if text["type"] == "mrkdwn":
            assert text["verbatim"] is True
            assert re.fullmatch(r"\*[^*_~`]+\*(\n[^*_~`]+)?", body), body


def discord_strings(messages: list[list[discord.Embed]]) -> Iterator[str]:
    for message in messages:
        for embed in message:
            yield from (s for s in (embed.title, embed.description, embed.footer.text) if s)
            for field in embed.fields:
                yield field.name or ""
                yield field.value or ""


def assert_discord_valid(messages: list[list[discord.Embed]]) -> None:
    assert messages
    for message in messages:
        assert 0 < len(message) <= DISCORD_MAX_EMBEDS
        assert sum(len(e) for e in message) <= DISCORD_MAX_TOTAL
        for embed in message:
            assert 0 < len(embed.title or "") <= DISCORD_MAX_TITLE
            assert len(embed.description or "") <= DISCORD_MAX_DESCRIPTION
            assert len(embed.fields) <= DISCORD_MAX_FIELDS
            assert len(embed.footer.text or "") <= DISCORD_MAX_FOOTER
            for field in embed.fields:
                assert 0 < len(field.name or "") <= DISCORD_MAX_FIELD_NAME
                assert 0 < len(field.value or "") <= DISCORD_MAX_FIELD_VALUE
            assert len(discord.Embed.from_dict(embed.to_dict())) == len(embed)  # the payload says the same
        payload = message_payload(message)
        assert payload["allowed_mentions"] == {"parse": []} and len(payload["embeds"]) == len(message)


def assert_discord_escaped(messages: list[list[discord.Embed]]) -> None:
    for s in discord_strings(messages):
        assert not re.search(r"@(everyone|here)", s)  # escape_mentions puts a zero-width space after @
        assert not re.search(r"<[@#/]", s)
        for raw in ("**bold**", "__under__", "`code`", "~~x~~", "||spoiler||", " _it_"):
            assert raw not in s  # (<script> is harmless on Discord: it renders no HTML)
        assert not re.search(r"(?<!\\)\[link\]\(", s)


# --- a store of 500 facts ------------------------------------------------------------------------

WIRE = Source(id="wire", title="A long wire story", outlet="Example Wire", published=date(2018, 5, 1))
_RECORDED = datetime(2018, 5, 1, tzinfo=timezone.utc)
_FILLER = (
    "officials from both delegations met again for several hours to compare drafts of the joint statement, "
    "and a spokesman said the talks on sequencing, verification and economic assistance would continue"
)


def _provenance() -> Provenance:
    return Provenance(source=WIRE.id, recorded_at=_RECORDED, recorded_by="curator")


def big_catalogue(n: int = 500) -> Catalogue:
    """`n` facts over every section, statements of about 250 characters, dated over two months."""
    entities = [
        Entity(id="summit", name="The summit", kind=EntityKind.event),
        Entity(id="city", name="Example City", kind=EntityKind.place),
        Entity(id="land-a", name="Land A", kind=EntityKind.country),
        Entity(id="land-b", name="Land B", kind=EntityKind.country),
        Entity(id="team-a", name="Land A delegation", kind=EntityKind.group),
        Entity(id="team-b", name="Land B delegation", kind=EntityKind.group),
        Entity(id="prep", name="Preparatory talks", kind=EntityKind.event),
        *(Entity(id=f"person-{i}", name=f"Person {i}", kind=EntityKind.person) for i in range(30)),
        *(Entity(id=f"issue-{i}", name=f"Issue {i}", kind=EntityKind.concept) for i in range(6)),
        *(Entity(id=f"track-{i}", name=f"Track event {i}", kind=EntityKind.event) for i in range(4)),
    ]
    start = date(2018, 5, 1)

    def fact(i: int, **fields: Any) -> Fact:
        return Fact(id=f"fact-{i:03d}", statement=f"Fact {i}: {_FILLER}, according to record {i}.",
                    provenance=_provenance(), **fields)

    facts = [
        fact(0, subject="summit", relation="scheduled_for", value="2018-07-01", topic=Topic.summit,
             dates=[FactDate(day=date(2018, 7, 1))]),
        fact(1, subject="summit", relation="held_at", object="city", topic=Topic.summit),
        fact(2, subject="land-a", relation="withdrew_from", object="summit", topic=Topic.timeline,
             dates=[FactDate(day=date(2018, 5, 20))]),
        fact(3, subject="prep", relation="revived", object="summit", topic=Topic.timeline,
             dates=[FactDate(day=date(2018, 5, 25))]),
        fact(4, subject="land-a", relation="conditional_on", object="prep", topic=Topic.delegations),
        fact(5, subject="team-a", relation="led_by", object="person-0", topic=Topic.delegations),
        fact(6, subject="team-b", relation="led_by", object="person-1", topic=Topic.delegations),
    ]
    for i in range(len(facts), n):
        kind = i % 5
        day = [FactDate(day=start + timedelta(days=i % 60))]
        if kind == 0:
            facts.append(fact(i, subject=f"person-{i % 30}", relation="role", object="land-a", topic=Topic.people))
        elif kind == 1:
            facts.append(fact(i, subject="land-a", relation="said", object="summit", topic=Topic.timeline, dates=day))
        elif kind == 2:
            facts.append(fact(i, subject=("land-a", "land-b")[i % 2], relation="wants", object=f"issue-{i % 6}",
                              topic=Topic.positions))
        elif kind == 3:
            facts.append(fact(i, subject=f"track-{i % 4}", relation="agenda", topic=Topic.inter_korean,
                              dates=day if i % 2 else []))
        else:
            facts.append(fact(i, subject=("team-a", "team-b")[i % 2], relation="did", topic=Topic.delegations,
                              dates=day))
    return Catalogue(sources={WIRE.id: WIRE}, entities={e.id: e for e in entities}, facts={f.id: f for f in facts})


@pytest.fixture
async def big_briefing(store: FactStore) -> Briefing:
    """A briefing over 500 facts in a real store, with 40 edits and 10 retirements since the last one."""
    catalogue = big_catalogue()
    assert await store.seed(catalogue)
    since = datetime.now(timezone.utc) - timedelta(seconds=1)
    for i in range(10, 50):
        old = catalogue.facts[f"fact-{i:03d}"]
        new = old.model_copy(update={"statement": old.statement.replace("met again", "met once more")})
        await store.update(new, expected_version=1,
                           change=ChangeInfo(actor="ana", platform="slack", action="edit", reason=f"fix {i}"))
    for i in range(50, 60):
        await store.retire(f"fact-{i:03d}", expected_version=1, reason=None,
                           change=ChangeInfo(actor="ana", platform="slack", action="retire"))
    return await compose_briefing(store, as_of=date(2018, 6, 1), since=since)


def _statements(briefing: Briefing) -> set[str]:
    texts = {e.text for s in briefing.sections for e in s.entries if s.section != Section.sources}
    assert briefing.headline is not None
    return texts | {e.text for e in (*briefing.headline.depends_on, *briefing.headline.history)}


async def test_500_facts_split_into_slack_messages_within_limits(big_briefing: Briefing) -> None:
    messages = render_briefing_blocks(big_briefing)
    assert_slack_valid(messages)
    assert_slack_escaped(messages)
    assert len(messages) > 1
    headers = [b["text"]["text"] for m in messages for b in m if b["type"] == "header"]
    assert any(h.endswith("(continued)") for h in headers)
    assert all(m[0]["type"] == "header" for m in messages)  # every message says what it continues
    plain = "\n".join(t["text"] for t in slack_texts(messages) if t["type"] == "plain_text")
    missing = [s for s in _statements(big_briefing) if slack_escape(s) not in plain]
    assert not missing  # splitting lost nothing


async def test_500_facts_split_into_discord_messages_within_limits(big_briefing: Briefing) -> None:
    messages = render_briefing_embeds(big_briefing)
    assert_discord_valid(messages)
    assert len(messages) > 1
    assert any(len(m) == DISCORD_MAX_EMBEDS or sum(len(e) for e in m) > DISCORD_MAX_TOTAL - 1500 for m in messages)
    assert any(len(e.fields) > 1 and (e.title or "").endswith("(continued)") for m in messages for e in m)
    everything = "\n".join(discord_strings(messages))
    assert not [s for s in _statements(big_briefing) if discord_escape(s) not in everything]


async def test_500_facts_changes_show_every_edit_old_and_new(big_briefing: Briefing) -> None:
    changes = big_briefing.section(Section.changes)
    assert changes is not None
    groups = {g.heading: g.entries for g in changes.groups}
    assert len(groups["Corrected"]) == 40 and len(groups["Retired"]) == 10
    for entry in groups["Corrected"]:
        assert entry.previous is not None and "met again" in entry.previous and "met once more" in entry.text
    text = render_briefing_text(big_briefing)
    assert text.count("\u2192 ") >= 40


# --- hostile text --------------------------------------------------------------------------------


@pytest.fixture
async def hostile_briefing(store: FactStore) -> Briefing:
    """Facts (and an entity name) written to ping people and break layouts, through a real store."""
    catalogue = big_catalogue(60)
    bad_team = Entity(id="team-a", name="*Red* _team_ <!here> @everyone <@U1>", kind=EntityKind.group)
    facts = dict(catalogue.facts)
    for i, (fid, fact) in enumerate(list(facts.items())):
        if i % 3 == 0:
            facts[fid] = fact.model_copy(update={"statement": f"{HOSTILE} (fact {i})"})
    catalogue = catalogue.model_copy(update={"facts": facts,
                                             "entities": {**catalogue.entities, "team-a": bad_team}})
    assert await store.seed(catalogue)
    return await compose_briefing(store, as_of=date(2018, 6, 1), since=None)


async def test_hostile_facts_cannot_ping_or_format_in_slack(hostile_briefing: Briefing) -> None:
    messages = render_briefing_blocks(hostile_briefing)
    assert_slack_valid(messages)
    assert_slack_escaped(messages)
    plain = [t["text"] for t in slack_texts(messages) if t["type"] == "plain_text"]
    assert any(slack_escape(HOSTILE) in t for t in plain)  # shown as written, only escaped
    mrkdwn = [t["text"] for t in slack_texts(messages) if t["type"] == "mrkdwn"]
    assert any("Red team &lt;!here&gt; @everyone &lt;@U1&gt;" in t for t in mrkdwn)
    assert not any("alert(" in t for t in mrkdwn)  # fact text never goes into mrkdwn


async def test_hostile_facts_cannot_ping_or_format_in_discord(hostile_briefing: Briefing) -> None:
    messages = render_briefing_embeds(hostile_briefing)
    assert_discord_valid(messages)
    assert_discord_escaped(messages)
    assert any(discord_escape(HOSTILE) in s for s in discord_strings(messages))


async def test_hostile_facts_in_text_and_markdown(hostile_briefing: Briefing) -> None:
    text = render_briefing_text(hostile_briefing)
    assert "<!channel>" in text  # the console shows facts as they are
    markdown = render_briefing_markdown(hostile_briefing)
    for raw in ("**bold**", "`code`", "~~x~~", "<script>", "[link](", "__under__", "<!channel>"):
        assert raw not in markdown
    assert r"\*\*bold\*\*" in markdown and r"\<script\>" in markdown


def _long(n: int, seed: str = HOSTILE) -> str:
    text = ""
    while len(text) < n:
        text += seed + " "
    return text[:n].strip()


def huge_briefing() -> Briefing:
    """A briefing no store could hold (facts cap at 2,000 characters): 5,000-character everything."""
    long = _long(5000)
    unbroken = "x" * 5000  # no space to cut at
    entries = [Entry(text=long, day=date(2018, 5, 28)), Entry(text=unbroken), Entry(text=long, previous=long,
               by="@everyone", reason=long, at=datetime(2018, 5, 29, tzinfo=timezone.utc))]
    return Briefing(
        as_of=date(2018, 5, 29),
        fact_count=3,
        headline=Headline(event=long, day=date(2018, 6, 12), place=long, status=SummitStatus.off,
                          status_since=date(2018, 5, 24), days_to_go=14,
                          depends_on=[Entry(text=long)], history=[Entry(text=long, day=date(2018, 5, 24))]),
        sections=[
            BriefingSection(section=Section.developments, title="Key developments",
                            groups=[Group(entries=entries)]),
            BriefingSection(section=Section.positions, title="Sticking points",
                            groups=[Group(heading=long, entries=entries * 3), Group(heading=None, entries=entries)]),
            BriefingSection(section=Section.changes, title="What changed", note=long),
        ],
    )


def test_5000_character_text_stays_within_slack_limits() -> None:
    briefing = huge_briefing()
    messages = render_briefing_blocks(briefing)
    assert_slack_valid(messages)
    assert_slack_escaped(messages)
    plain = "".join(t["text"] for t in slack_texts(messages) if t["type"] == "plain_text")
    assert plain.count("alert(") >= 8 * _long(5000).count("alert(")  # cut into blocks, nothing dropped
    assert plain.count("x") >= 5 * 5000


def test_5000_character_text_stays_within_discord_limits() -> None:
    briefing = huge_briefing()
    messages = render_briefing_embeds(briefing)
    assert_discord_valid(messages)
    assert_discord_escaped(messages)
    assert len(messages) > 1


def test_5000_character_text_renders_as_text_and_markdown() -> None:
    briefing = huge_briefing()
    text = render_briefing_text(briefing)
    assert all(len(line) <= 88 for line in text.splitlines())
    assert "**bold**" not in render_briefing_markdown(briefing)


# --- escaping and answers ------------------------------------------------------------------------


def test_slack_escape_touches_only_ampersand_and_angle_brackets() -> None:
    assert slack_escape("a & b <!channel> *bold* @here") == "a &amp; b &lt;!channel&gt; *bold* @here"


@pytest.mark.parametrize("raw", ["<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>",
                                 "<@&123>", "<#123456789012345678>", "</ban:123>", "<@U123>"])
def test_discord_escape_breaks_every_mention_form(raw: str) -> None:
    escaped = discord_escape(raw)
    assert not re.search(r"<[@#/]", escaped)
    assert escaped.replace("\u200b", "").replace("\\", "") == raw


def test_discord_escape_leaves_no_markdown_live_after_a_masked_link() -> None:
    assert discord_escape("[a](https://x.example) _i_ (b)") == r"\[a](https://x.example) \_i\_ (b)"


def test_discord_escape_breaks_everyone_and_here_and_markdown() -> None:
    escaped = discord_escape("@everyone @here **b** `c` ~~s~~ ||p|| _i_")
    assert "@\u200beveryone" in escaped and "@\u200bhere" in escaped
    assert escaped.endswith(r"\*\*b\*\* \`c\` \~\~s\~\~ \|\|p\|\| \_i\_")


def test_answers_are_escaped_for_each_platform() -> None:
    answer = Answer(question="q", found=True, answer=_long(6000), facts=["f"], confidence=0.9,
                    sources=["<!channel> & co"])
    slack = render_answer_slack(answer)
    assert "<" not in slack and ">" not in slack and "&lt;!channel&gt; &amp; co" in slack
    content = render_answer_discord(answer)
    assert len(content) <= DISCORD_MAX_CONTENT and content.endswith("\u2026")
    assert not re.search(r"@(everyone|here)|<[@#/]", content) and "**bold**" not in content
    short = Answer(question="q", found=False, answer="I have no fact on that.", hint="Try asking about @here.")
    assert render_answer_discord(short) == "I have no fact on that. Try asking about @\u200bhere."


# --- the curated briefing ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def curated_briefing() -> Briefing:
    return build_briefing(load_catalogue(CONFIG_DIR), [], as_of=date(2018, 5, 29))


def test_curated_briefing_fits_each_platform(curated_briefing: Briefing) -> None:
    slack = render_briefing_blocks(curated_briefing)
    assert_slack_valid(slack)
    assert_slack_escaped(slack)
    discord_messages = render_briefing_embeds(curated_briefing)
    assert_discord_valid(discord_messages)
    assert_discord_escaped(discord_messages)
    headline = discord_messages[0][0]
    assert [f.name for f in headline.fields[:3]] == ["When", "Where", "Status"]
    assert headline.colour == discord.Colour.green()


def test_a_single_section_renders_alone(curated_briefing: Briefing) -> None:
    one = curated_briefing.model_copy(update={"headline": None, "sections": [curated_briefing.sections[3]]})
    (message,) = render_briefing_blocks(one)
    assert [b["text"]["text"] for b in message if b["type"] == "header"] == [one.title, "Timeline"]
    (embeds,) = render_briefing_embeds(one)
    assert [e.title for e in embeds] == ["Timeline"]


async def test_golden_text_briefing_for_2018_05_29(tmp_path: Path) -> None:
    store = await FactStore.open(f"sqlite+aiosqlite:///{tmp_path / 'golden.db'}")
    try:
        assert await store.seed(load_catalogue(CONFIG_DIR))
        briefing = await compose_briefing(store, as_of=date(2018, 5, 29),
                                          since=datetime(2018, 5, 28, 9, 0, tzinfo=timezone.utc))
    finally:
        await store.close()
    text = render_briefing_text(briefing)
    if os.environ.get(UPDATE_GOLDEN) == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), f"the briefing changed: rerun with {UPDATE_GOLDEN}=1 if meant"
