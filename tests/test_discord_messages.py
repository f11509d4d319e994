"""The Discord surface's pure parts: slash command options as the typed command, incoming text,
replies as messages within Discord's limits, and delivery nonces."""

from __future__ import annotations

import pytest

from bot.adapters.discord_commands import fact_add_text
from bot.adapters.discord_messages import (
    MAX_NONCE,
    MAX_REPLY_MESSAGES,
    command_text,
    delivery_nonce,
    incoming_text,
    reply_messages,
    text_chunks,
)
from bot.commands import Reply
from bot.commands.parse import parse_arguments
from bot.render.discord import MAX_CONTENT


@pytest.mark.parametrize("value", ['a "quoted" word', "back\\slash", 'trailing\\', "key=value inside", "“curly”"])
def test_every_value_reaches_the_command_layer_as_typed(value: str) -> None:
    text = command_text("fact edit", value, options={"statement": value, "version": 3, "date": None})
    name, rest = text[:9], text[9:]
    assert name == "fact edit"
    args = parse_arguments(rest)
    assert args.words == [value] and args.options == {"statement": value, "version": "3"}


def test_clear_names_fields_to_empty_and_anything_else_stays_a_word() -> None:
    args = parse_arguments(command_text("fact edit", "x", clear="date, keywords bad;key")[9:])
    assert args.options == {"date": "", "keywords": ""} and args.words == ["x", "bad;key"]


def test_the_form_becomes_fact_add_with_the_extra_keys_as_typed() -> None:
    text = fact_add_text({"id": " heron ", "statement": "The mascot is a heron.", "subject": "Singapore summit",
                          "topic": "summit", "more": ' date=2018-06-12 quote="a heron" '})
    assert text == ('fact add "heron" statement="The mascot is a heron." subject="Singapore summit" '
                    'topic="summit" date=2018-06-12 quote="a heron"')
    assert fact_add_text({"id": "", "statement": "", "subject": "", "topic": ""}) == "fact add"


def test_the_bots_mentions_are_taken_out_of_a_message() -> None:
    assert incoming_text("<@42> who led it? <@!42>", bot_user_id=42) == "who led it?"
    assert incoming_text("<@43> hi", bot_user_id=42) == "<@43> hi"


def test_long_text_is_cut_into_messages_within_the_limit() -> None:
    text = "\n".join(f"line {i}: " + "word " * 60 for i in range(200))
    chunks = text_chunks(text)
    assert len(chunks) == MAX_REPLY_MESSAGES and all(len(c) <= MAX_CONTENT for c in chunks)
    assert chunks[-1].endswith("longer than Discord shows)")
    one_long_line = text_chunks("x" * 5000)
    assert all(len(c) <= MAX_CONTENT for c in one_long_line) and len(one_long_line) == 3


def test_reply_text_is_escaped_so_nothing_formats_or_pings() -> None:
    [message] = reply_messages(Reply(text="**bold** <@123> @everyone [link](http://x)"))
    assert message.content is not None and not message.embeds
    assert "\\*\\*bold\\*\\*" in message.content and "<@123>" not in message.content
    assert "@everyone" not in message.content and "\\[link" in message.content


def test_a_delivery_nonce_is_stable_short_and_distinct_per_message() -> None:
    assert delivery_nonce("sub-1:2026-06-01", 0) == delivery_nonce("sub-1:2026-06-01", 0)
    nonces = {delivery_nonce(k, i) for k in ("sub-1:2026-06-01", "sub-1:2026-06-02") for i in range(3)}
    assert len(nonces) == 6 and all(len(n) <= MAX_NONCE for n in nonces)
