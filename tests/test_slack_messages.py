"""The Slack adapter's pure parts: reading what Slack sends, laying out what the bot sends back, and
the fact form (its command, its errors on fields)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.adapters.slack_messages import (
    MAX_HOME_BLOCKS,
    MAX_MESSAGE_TEXT,
    MAX_REPLY_MESSAGES,
    MessageEvent,
    home_view,
    incoming_text,
    slash_command_text,
    text_chunks,
)
from bot.commands import Outcome, Reply
from bot.adapters.slack_modal import (
    ENTITY_FORM,
    FACT_FORM,
    bare_form,
    form_arguments,
    form_errors,
    form_view,
    read_channel,
    read_submission,
)
from bench.answering import generated_catalogue
from briefings.compose import compose_briefing
from briefings.files import load_catalogue
from briefings.store import FactStore
from config.settings import CONFIG_DIR

WORDS = {"help", "ask", "fact", "admins", "brief"}


def test_incoming_text_drops_the_bot_mention_and_decodes_entities() -> None:
    assert incoming_text("<@UBOT> who &amp; why &lt;x&gt;", bot_user_id="UBOT") == "who & why <x>"
    assert incoming_text("<@UBOT|briefbot> hi <@UOTHER>", bot_user_id="UBOT") == "hi <@UOTHER>"
    assert incoming_text("&amp;lt;", bot_user_id=None) == "&lt;"  # decoded once, not twice
    assert incoming_text("fact import\nfacts: []", bot_user_id="UBOT") == "fact import\nfacts: []"


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("", "brief"),
        ("today", "brief today"),
        ("delegations", "brief delegations"),
        ("Inter Korean date=2018-06-01", "brief Inter Korean date=2018-06-01"),
        ("date=2018-06-01", "brief date=2018-06-01"),
        ("who led the Singapore delegation", "who led the Singapore delegation"),
        ("help fact add", "help fact add"),
        ('fact edit x statement="today"', 'fact edit x statement="today"'),
    ],
)
def test_slash_command_text(typed: str, command: str) -> None:
    assert slash_command_text(typed, WORDS) == command


def test_a_bare_add_stands_for_its_form() -> None:
    assert bare_form(" fact  ADD ") is FACT_FORM
    assert bare_form("entity add") is ENTITY_FORM
    assert bare_form("fact add heron statement=x") is None and bare_form("entity list") is None


def test_a_message_from_a_person() -> None:
    base = {"type": "message", "channel": "D1", "ts": "1.0", "user": "U1", "text": "hi"}
    assert MessageEvent.model_validate(base).from_a_person
    for extra in ({"bot_id": "B1"}, {"subtype": "message_changed"}, {"edited": {"ts": "2.0"}}, {"user": None}):
        assert not MessageEvent.model_validate(base | extra).from_a_person


def test_long_text_is_escaped_and_cut_into_messages() -> None:
    text = "\n".join(f"line {i} & <more>" for i in range(2000))
    chunks = text_chunks(text)
    assert len(chunks) == MAX_REPLY_MESSAGES and all(len(c) <= MAX_MESSAGE_TEXT for c in chunks)
    assert chunks[0].startswith("line 0 &amp; &lt;more&gt;\nline 1") and "<" not in "".join(chunks)
    assert chunks[-1].endswith("longer than Slack shows)")
    one_line = "word " * 3000
    assert all(len(c) <= MAX_MESSAGE_TEXT for c in text_chunks(one_line))
    assert text_chunks("") == [""]


async def test_the_home_tab_keeps_within_100_blocks(tmp_path: Path) -> None:
    store = await FactStore.open(f"sqlite+aiosqlite:///{tmp_path / 'big.db'}")
    try:
        await store.seed(generated_catalogue(load_catalogue(CONFIG_DIR), size=300))
        view = home_view(await compose_briefing(store, as_of=date(2018, 12, 31)))
    finally:
        await store.close()
    assert len(view["blocks"]) == MAX_HOME_BLOCKS
    assert "goes on" in view["blocks"][-1]["elements"][0]["text"]


# --- the fact form -------------------------------------------------------------------------------


def test_the_form_is_the_command_s_typed_arguments() -> None:
    values = {"id": " heron ", "statement": 'He said "hi" \\ left.', "subject": "Singapore summit",
              "topic": "summit", "relation": "", "object": "", "date": "2018-06-12", "quote": "", "source": ""}
    assert form_arguments(FACT_FORM, values) == (["heron"], {
        "statement": 'He said "hi" \\ left.', "subject": "Singapore summit", "topic": "summit", "date": "2018-06-12"})


def test_a_value_cannot_smuggle_in_another_key() -> None:
    values = {"id": 'x source="evil"', "statement": 'a" source="evil', "subject": "s", "topic": "summit"}
    words, options = form_arguments(FACT_FORM, values)
    assert words == ['x source="evil"'] and options["statement"] == 'a" source="evil' and "source" not in options


def test_the_view_keeps_the_channel_and_reads_back_its_values() -> None:
    view = form_view(FACT_FORM, channel="C123")
    assert read_channel(view) == "C123"
    view["state"] = {"values": {"id": {"value": {"type": "plain_text_input", "value": "heron"}},
                                "topic": {"value": {"type": "static_select", "selected_option": {"value": "people"}}},
                                "quote": {"value": {"type": "plain_text_input", "value": None}}}}
    values = read_submission(FACT_FORM, view)
    assert values["id"] == "heron" and values["topic"] == "people" and values["quote"] == "" and values["source"] == ""


def test_errors_land_on_the_fields_the_command_layer_names() -> None:
    message = "Fact source-heron: source 'x<y' is not a known source."
    reply = Reply.failed(message + "\nUsage: fact add ...", fields={"source": message, "no-such-field": "x"})
    assert form_errors(FACT_FORM, reply) == {"source": "Fact source-heron: source 'x&lt;y' is not a known source."}


def test_an_error_about_no_field_lands_on_the_id_without_the_usage() -> None:
    refused = Reply.failed("Only admins can change facts.\nUsage: fact add ...", outcome=Outcome.REFUSED)
    assert form_errors(FACT_FORM, refused) == {"id": "Only admins can change facts."}
    long = Reply.failed("x" * 400, fields={"statement": "y" * 400})
    [text] = form_errors(FACT_FORM, long).values()
    assert len(text) == 300 and text.endswith("\u2026")


def test_the_entity_form_becomes_entity_add_and_places_its_errors() -> None:
    view = form_view(ENTITY_FORM, channel="C9")
    assert [b["block_id"] for b in view["blocks"]] == ["id", "name", "kind", "aliases", "description"]
    assert [o["value"] for o in view["blocks"][2]["element"]["options"]][:2] == ["person", "organisation"]
    values = {"id": "mike-pompeo", "name": "Mike Pompeo", "kind": "person", "aliases": "Pompeo; Mike",
              "description": ""}
    assert form_arguments(ENTITY_FORM, values) == (["mike-pompeo"], {"name": "Mike Pompeo", "kind": "person",
                                                                     "aliases": "Pompeo; Mike"})
    assert list(form_errors(ENTITY_FORM, Reply.failed("Kind 'wizard' ...", fields={"kind": "k"}))) == ["kind"]
