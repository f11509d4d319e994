"""The Discord surface's pure parts: slash command options as the typed arguments, incoming text,
replies as messages within Discord's limits, and delivery nonces."""

from __future__ import annotations

import pytest

from bot.adapters.discord_commands import fact_add_arguments
from bot.adapters.discord_messages import (
    MAX_NONCE,
    MAX_REPLY_MESSAGES,
    delivery_nonce,
    incoming_text,
    reply_messages,
    slash_options,
    text_chunks,
)
from bot.commands import Reply
from bot.render.discord import MAX_CONTENT


def test_slash_options_are_the_typed_options_with_clear_emptying_keys() -> None:
    options = {"statement": 'a "quoted" word', "version": 3, "date": None}
    assert slash_options(options, clear="date, keywords") == {"statement": 'a "quoted" word', "version": 3,
                                                              "date": "", "keywords": ""}
    assert slash_options(None) == {} and slash_options({"reason": None}, clear=" ,") == {}


def test_the_form_is_fact_add_s_arguments_with_the_extra_keys_as_typed() -> None:
    values = {"id": " heron ", "statement": "The mascot is a heron.", "subject": "Singapore summit",
              "topic": "summit", "more": ' date=2018-06-12 quote="a heron" '}
    assert fact_add_arguments(values) == (
        ["heron"], {"statement": "The mascot is a heron.", "subject": "Singapore summit", "topic": "summit"},
        'date=2018-06-12 quote="a heron"')
    assert fact_add_arguments({"id": "", "statement": "", "subject": "", "topic": ""}) == ([], {}, "")


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
