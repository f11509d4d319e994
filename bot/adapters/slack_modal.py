"""The `fact add` modal: the form, its submission as a `fact add` command, and the command's
errors placed on the form's fields. Pure functions over view payloads.

The submission is not validated here: it becomes the one-line command an admin would type, with
every value quoted, and goes through the command layer like any other message, so the form obeys
exactly the rules (and the admin check) the chat command does. Only the placing of the error
message on a field is the form's own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from slack_sdk.models.blocks import InputBlock, Option, PlainTextInputElement, SectionBlock, StaticSelectElement
from slack_sdk.models.blocks.basic_components import PlainTextObject
from slack_sdk.models.views import View

from bot.commands.safety import mention_in
from bot.render.slack import slack_escape
from briefings.models import MAX_TEXT, Topic

__all__ = [
    "FACT_ADD_CALLBACK",
    "FIELDS",
    "fact_add_command",
    "fact_add_done_view",
    "fact_add_view",
    "field_errors",
    "read_channel",
    "read_submission",
]

FACT_ADD_CALLBACK = "fact_add"
"""The modal's callback_id, which routes its view_submission back here."""
_ACTION = "value"
_MAX_ERROR = 300


class _Field:
    def __init__(self, key: str, label: str, *, hint: str | None = None, optional: bool = False,
                 multiline: bool = False, max_length: int = MAX_TEXT) -> None:
        self.key, self.label, self.hint = key, label, hint
        self.optional, self.multiline, self.max_length = optional, multiline, max_length


FIELDS: tuple[_Field, ...] = (
    _Field("id", "ID", hint="Lowercase letters, digits and single hyphens, e.g. summit-mascot.", max_length=80),
    _Field("statement", "Statement", hint="One sentence that reads well alone and names what it is about.",
           multiline=True),
    _Field("subject", "Subject", hint="Who or what the fact is about: an entity id, name or alias.", max_length=200),
    _Field("topic", "Topic"),
    _Field("relation", "Relation", hint="How subject and object relate, e.g. led_by (default: states).",
           optional=True, max_length=80),
    _Field("object", "Object", hint="The entity on the other side of the relation.", optional=True, max_length=200),
    _Field("date", "Date", hint="The day it happened, YYYY-MM-DD (several: comma-separated).", optional=True,
           max_length=200),
    _Field("quote", "Quote", hint="The source's exact words; checked against the source's text.", optional=True,
           multiline=True),
    _Field("source", "Source", hint="The id of the source it comes from (default: your own word).", optional=True,
           max_length=80),
)
"""The form's fields, in order; each key is the block_id and the `fact add` key (`id` is the ID)."""
_KEYS = tuple(f.key for f in FIELDS)
_NAMED = re.compile(r"\b(statement|subject|topic|relation|object|dates?|quote|source|id)\b", re.IGNORECASE)


def _element(field: _Field) -> StaticSelectElement | PlainTextInputElement:
    if field.key == "topic":
        return StaticSelectElement(
            action_id=_ACTION, placeholder="Choose a topic",
            options=[Option(value=t.value, text=PlainTextObject(text=t.value, emoji=False)) for t in Topic],
        )
    return PlainTextInputElement(action_id=_ACTION, multiline=field.multiline or None, max_length=field.max_length)


def fact_add_view(*, channel: str | None) -> dict[str, Any]:
    """The modal for a new fact; `channel` (where /brief was typed) is kept for the change record."""
    blocks = [
        InputBlock(block_id=f.key, label=f.label, element=_element(f), optional=f.optional or None,
                   hint=PlainTextObject(text=f.hint, emoji=False) if f.hint else None)
        for f in FIELDS
    ]
    view = View(type="modal", callback_id=FACT_ADD_CALLBACK, title="Add a fact", submit="Add", close="Cancel",
                blocks=blocks, private_metadata=json.dumps({"channel": channel}))
    return view.to_dict()


def fact_add_done_view(text: str) -> dict[str, Any]:
    """What the modal turns into once the fact is added: the bot's confirmation."""
    body = slack_escape(text)[:3000]
    return View(type="modal", title="Fact added", close="Done",
                blocks=[SectionBlock(text=PlainTextObject(text=body, emoji=False))]).to_dict()


def read_submission(view: Mapping[str, Any]) -> dict[str, str]:
    """The submitted values by field key ("" for an empty optional field)."""
    values = view.get("state", {}).get("values", {})
    out: dict[str, str] = {}
    for key in _KEYS:
        state = values.get(key, {}).get(_ACTION, {})
        selected = state.get("selected_option")
        value = selected.get("value") if isinstance(selected, dict) else state.get("value")
        out[key] = value if isinstance(value, str) else ""
    return out


def read_channel(view: Mapping[str, Any]) -> str | None:
    """The channel the form was opened from (kept in private_metadata)."""
    try:
        channel = json.loads(view.get("private_metadata") or "{}").get("channel")
    except (ValueError, AttributeError):
        return None
    return channel if isinstance(channel, str) else None


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fact_add_command(values: Mapping[str, str]) -> str:
    """The `fact add` command an admin would type for these values, every value quoted."""
    parts = ["fact add", _quote(values.get("id", "").strip())]
    for key in _KEYS[1:]:
        value = values.get(key, "").strip()
        if value:
            parts.append(f"{key}={_quote(value)}")
    return " ".join(parts)


def field_errors(message: str, values: Mapping[str, str]) -> dict[str, str]:
    """The command layer's refusal of a submission as `response_action: errors`, keyed by block_id:
    on the field the message is about (the earliest field it names), else on the ID."""
    first = message.split("\nUsage:", 1)[0].strip()
    return {_field_of(first, values): first if len(first) <= _MAX_ERROR else first[: _MAX_ERROR - 1] + "\u2026"}


def _field_of(message: str, values: Mapping[str, str]) -> str:
    if "is a mention" in message:
        for key in _KEYS:
            if mention_in(values.get(key, "")):
                return key
    fact_id = values.get("id", "").strip()
    # the id itself may hold a field's name (source-heron): leave it out of the search
    about = re.sub(rf"(?<![\w-]){re.escape(fact_id)}(?![\w-])", " ", message) if fact_id else message
    if "already exists" in about:
        return "id"
    found = _NAMED.search(about)
    if found is None:
        return "id"
    word = found.group(1).lower()
    return "date" if word == "dates" else word
