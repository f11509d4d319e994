"""The `fact add` and `entity add` modals: the form, its submission as the command, and the
command's errors placed on the form's fields. Pure functions over view payloads.

The submission is not validated here: its values go to the command layer as the command's typed
arguments (`form_arguments`, `CommandLayer.call`), so the form obeys exactly the rules (and the
admin check) the chat command does. The command layer also says which
field each error is about (`Reply.field_errors`); the form only shows them there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import InputBlock, Option, PlainTextInputElement, SectionBlock, StaticSelectElement
from slack_sdk.models.blocks.basic_components import PlainTextObject
from slack_sdk.models.views import View

from bot.commands import Reply
from bot.render.slack import slack_escape
from briefings.models import MAX_TEXT, EntityKind, Topic

__all__ = [
    "ENTITY_FORM",
    "FACT_FORM",
    "FORMS",
    "Form",
    "bare_form",
    "form_arguments",
    "form_done_view",
    "form_errors",
    "form_view",
    "read_channel",
    "read_submission",
]

_ACTION = "value"
_MAX_ERROR = 300


class _Field:
    def __init__(self, key: str, label: str, *, hint: str | None = None, optional: bool = False,
                 multiline: bool = False, max_length: int = MAX_TEXT) -> None:
        self.key, self.label, self.hint = key, label, hint
        self.optional, self.multiline, self.max_length = optional, multiline, max_length


_FACT_FIELDS: tuple[_Field, ...] = (
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
_ENTITY_FIELDS: tuple[_Field, ...] = (
    _Field("id", "ID", hint="Lowercase letters, digits and single hyphens, e.g. mike-pompeo.", max_length=80),
    _Field("name", "Name", hint="The name people know it by, e.g. Mike Pompeo.", max_length=200),
    _Field("kind", "Kind"),
    _Field("aliases", "Other names", hint="Separated by ; e.g. Pompeo; Secretary Pompeo.", optional=True,
           max_length=MAX_TEXT),
    _Field("description", "Description", hint="One sentence saying who or what it is (answers \"who is ...?\").",
           optional=True, multiline=True),
)


@dataclass(frozen=True, slots=True)
class Form:
    """A modal that stands for one command: its fields (each key is the block_id and the command's
    key; `id` is the ID) and the choices of its select fields."""

    command: str
    callback_id: str
    """Routes the modal's view_submission back to the adapter."""
    title: str
    done_title: str
    fields: tuple[_Field, ...]
    choices: Mapping[str, tuple[str, ...]]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


FACT_FORM = Form("fact add", "fact_add", "Add a fact", "Fact added", _FACT_FIELDS,
                 {"topic": tuple(t.value for t in Topic)})
ENTITY_FORM = Form("entity add", "entity_add", "Add an entity", "Entity added", _ENTITY_FIELDS,
                   {"kind": tuple(k.value for k in EntityKind)})
FORMS: Mapping[str, Form] = {f.callback_id: f for f in (FACT_FORM, ENTITY_FORM)}
"""Each form by its callback_id."""


def bare_form(text: str) -> Form | None:
    """The form a command typed with nothing after it stands for (`fact add`, `entity add`), if any."""
    wanted = " ".join(text.split()).lower()
    return next((f for f in FORMS.values() if f.command == wanted), None)


def _element(form: Form, field: _Field, choices: Mapping[str, tuple[str, ...]]) -> StaticSelectElement | PlainTextInputElement:
    choices = choices.get(field.key) or form.choices.get(field.key)
    if choices:
        return StaticSelectElement(
            action_id=_ACTION, placeholder=f"Choose a {field.label.lower()}",
            options=[Option(value=c, text=PlainTextObject(text=c, emoji=False)) for c in choices],
        )
    return PlainTextInputElement(action_id=_ACTION, multiline=field.multiline or None, max_length=field.max_length)


def form_view(form: Form, *, channel: str | None, choices: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """The modal; `channel` (where /brief was typed) is kept for the change record. `choices`
    replaces a select field's own (the topics in the store, admins' included); Slack shows 100."""
    choices = {k: v[:100] for k, v in (choices or {}).items()}
    blocks = [
        InputBlock(block_id=f.key, label=f.label, element=_element(form, f, choices), optional=f.optional or None,
                   hint=PlainTextObject(text=f.hint, emoji=False) if f.hint else None)
        for f in form.fields
    ]
    view = View(type="modal", callback_id=form.callback_id, title=form.title, submit="Add", close="Cancel",
                blocks=blocks, private_metadata=json.dumps({"channel": channel}))
    return view.to_dict()


def form_done_view(form: Form, text: str) -> dict[str, Any]:
    """What the modal turns into once the command succeeded: the bot's confirmation."""
    body = slack_escape(text)[:3000]
    return View(type="modal", title=form.done_title, close="Done",
                blocks=[SectionBlock(text=PlainTextObject(text=body, emoji=False))]).to_dict()


def read_submission(form: Form, view: Mapping[str, Any]) -> dict[str, str]:
    """The submitted values by field key ("" for an empty optional field)."""
    values = view.get("state", {}).get("values", {})
    out: dict[str, str] = {}
    for key in form.keys:
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


def form_arguments(form: Form, values: Mapping[str, str]) -> tuple[list[str], dict[str, str]]:
    """The submission as the command's typed arguments (`CommandLayer.call`): the ID its word,
    each filled field its key. Nothing is re-parsed, so no value can pass for another key."""
    options = {key: values.get(key, "").strip() for key in form.keys[1:]}
    return [values.get("id", "").strip()], {key: value for key, value in options.items() if value}


def form_errors(form: Form, reply: Reply) -> dict[str, str]:
    """The command layer's refusal of a submission as `response_action: errors`, keyed by block_id:
    each error on the field the command layer says it is about (`Reply.field_errors`), else the
    reply's first line on the ID."""
    errors = {key: text for key, text in reply.field_errors.items() if key in form.keys}
    if not errors:
        errors = {"id": reply.text.split("\n", 1)[0].strip()}
    return {key: _short(slack_escape(text)) for key, text in errors.items()}


def _short(text: str) -> str:
    return text if len(text) <= _MAX_ERROR else text[: _MAX_ERROR - 1] + "\u2026"
