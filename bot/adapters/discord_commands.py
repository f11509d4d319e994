"""The slash commands and the `fact add` form, declared on a discord.py `CommandTree`.

Each callback hands the command's name and its typed options to the surface (`Handlers.run`),
which passes them through to the command layer as a structured call (`CommandLayer.call`): no
string is rebuilt for the parser. The command layer authorises and validates them. Nothing here decides who may do what: `default_permissions` is not
used at all, since server admins can override it and it does nothing on subcommands (`/fact show`
is for everyone, `/fact edit` for admins), and the command layer refuses non-admins anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

import discord
from discord import app_commands

from briefings.briefing import Section
from briefings.models import MAX_TEXT, EntityKind, Topic

__all__ = ["FORM_TIMEOUT", "FactAddForm", "FormArguments", "Handlers", "add_commands", "fact_add_arguments"]

log = logging.getLogger("briefbot.discord")

FORM_TIMEOUT = 1800.0
"""Seconds an opened `fact add` form waits for its submission (after a restart it is gone)."""

_SECTIONS = [app_commands.Choice(name="Full briefing", value="full"),
             *(app_commands.Choice(name=s.label, value=s.value) for s in Section)]
_KINDS = [app_commands.Choice(name=k.value, value=k.value) for k in EntityKind]
_DAYS = [app_commands.Choice(name="every day", value="daily"), app_commands.Choice(name="weekdays", value="weekdays")]
_ID = app_commands.Range[str, 1, 100]
_TEXT = app_commands.Range[str, 1, MAX_TEXT]
_SHORT = app_commands.Range[str, 1, 200]
_VERSION = app_commands.Range[int, 1, None]


class Handlers(Protocol):
    """What the commands call: the surface."""

    async def run(self, interaction: discord.Interaction, name: str, *words: str | None,
                  options: Mapping[str, object | None] | None = None, clear: str | None = None,
                  text: str = "") -> None:
        """Answer `interaction` with the command layer's reply to the command `name` called with
        `words` and `options` (None: not given), the keys named in `clear` emptied; `text` is the
        argument of a command that reads it whole (`ask`, `fact search`)."""

    async def open_fact_form(self, interaction: discord.Interaction) -> None:
        """`/fact add` with no options: the form, for admins (the refusal for anyone else)."""


def add_commands(tree: app_commands.CommandTree[discord.Client], handlers: Handlers) -> None:
    """Declare /ask, /brief, /subscribe, /unsubscribe, /subscriptions and the /fact and /entity
    groups on `tree`."""

    @tree.command(name="ask", description="Answer a question from the curated facts about the 2018 summit talks")
    @app_commands.describe(question="e.g. who led the U.S. delegation to Singapore?")
    async def ask(interaction: discord.Interaction, question: _TEXT) -> None:
        await handlers.run(interaction, "ask", text=question)

    @tree.command(name="brief", description="The day's digest, the full briefing, or one section of it")
    @app_commands.describe(section="the full briefing, or only this section (default: the digest)")
    @app_commands.choices(section=_SECTIONS)
    async def brief(interaction: discord.Interaction, section: app_commands.Choice[str] | None = None) -> None:
        await handlers.run(interaction, "brief", section.value if section else None)

    @tree.command(name="subscribe", description="Post the briefing in this channel every day (admins)")
    @app_commands.describe(time="HH:MM, 24-hour (default 08:00)", timezone="an IANA timezone, e.g. Asia/Seoul",
                           days="every day (default) or weekdays only",
                           quiet="skip days when nothing changed and nothing is coming up (default: post anyway)")
    @app_commands.choices(days=_DAYS)
    async def subscribe(interaction: discord.Interaction, time: app_commands.Range[str, 1, 5] | None = None,
                        timezone: app_commands.Range[str, 1, 64] | None = None,
                        days: app_commands.Choice[str] | None = None, quiet: bool | None = None) -> None:
        await handlers.run(interaction, "subscribe", time, timezone, days.value if days else None,
                           "quiet" if quiet else None)

    @tree.command(name="unsubscribe", description="Stop the daily briefing in this channel (admins)")
    async def unsubscribe(interaction: discord.Interaction) -> None:
        await handlers.run(interaction, "unsubscribe")

    @tree.command(name="subscriptions", description="The daily briefings this bot posts")
    async def subscriptions(interaction: discord.Interaction) -> None:
        await handlers.run(interaction, "subscriptions")

    tree.add_command(_fact_group(handlers))
    tree.add_command(_entity_group(handlers))


_FIELD_HELP = {
    "statement": "one sentence that reads well alone and names what it is about",
    "subject": "who or what it is about: an entity id, name or alias",
    "topic": "what part of the briefing it belongs to: a topic id or name (/brief, `topic list`), e.g. summit",
    "relation": "how subject and object relate, e.g. led_by (default states)",
    "object": "the entity on the other side of the relation",
    "value": "a literal value when the other side is not an entity",
    "date": "the day it happened, YYYY-MM-DD (several: comma-separated)",
    "keywords": "other words people may ask with, comma-separated",
    "source": "the id of the source it comes from (default: your own word)",
    "quote": "the source's exact words; checked against the source's text",
}
_DESCRIBE_FIELDS = {("object_" if k == "object" else k): v for k, v in _FIELD_HELP.items()}
"""The same, keyed by the callbacks' parameter names (`object_` is shown as `object`)."""


def _fact_group(handlers: Handlers) -> app_commands.Group:
    fact = app_commands.Group(name="fact", description="Look up the curated facts; admins change them")

    @fact.command(name="show", description="One fact with its source, version and status")
    @app_commands.rename(fact_id="id")
    @app_commands.describe(fact_id="the fact's id, e.g. us-delegation-leader")
    async def show(interaction: discord.Interaction, fact_id: _ID) -> None:
        await handlers.run(interaction, "fact show", fact_id)

    @fact.command(name="search", description="Facts whose words match (retired ones included)")
    @app_commands.describe(text="words to look for, e.g. Hagin")
    async def search(interaction: discord.Interaction, text: _SHORT) -> None:
        await handlers.run(interaction, "fact search", text=text)

    @fact.command(name="history", description="Every version of a fact: who, when, where, what changed")
    @app_commands.rename(fact_id="id")
    async def history(interaction: discord.Interaction, fact_id: _ID) -> None:
        await handlers.run(interaction, "fact history", fact_id)

    @fact.command(name="add", description="Add a new fact (admins); with no options, a form")
    @app_commands.rename(fact_id="id", object_="object")
    @app_commands.describe(fact_id="a new id: lowercase letters, digits and hyphens, e.g. summit-mascot",
                           **_DESCRIBE_FIELDS)
    async def add(interaction: discord.Interaction, fact_id: _ID | None = None, statement: _TEXT | None = None,
                  subject: _SHORT | None = None, topic: _SHORT | None = None,
                  relation: _SHORT | None = None, object_: _SHORT | None = None, value: _TEXT | None = None,
                  date: _SHORT | None = None, keywords: _SHORT | None = None, source: _SHORT | None = None,
                  quote: _TEXT | None = None) -> None:
        fields = {"statement": statement, "subject": subject, "topic": topic,
                  "relation": relation, "object": object_, "value": value, "date": date, "keywords": keywords,
                  "source": source, "quote": quote}
        if fact_id is None and not any(fields.values()):
            await handlers.open_fact_form(interaction)
            return
        await handlers.run(interaction, "fact add", fact_id, options=fields)

    @fact.command(name="edit", description="Change some fields of a fact (admins)")
    @app_commands.rename(fact_id="id", object_="object")
    @app_commands.describe(fact_id="the fact's id", reason="why, for the history",
                           version="only if the fact is still at this version (as /fact show gives it)",
                           clear="optional fields to empty, e.g. date, keywords", **_DESCRIBE_FIELDS)
    async def edit(interaction: discord.Interaction, fact_id: _ID, statement: _TEXT | None = None,
                   subject: _SHORT | None = None, topic: _SHORT | None = None,
                   relation: _SHORT | None = None, object_: _SHORT | None = None, value: _TEXT | None = None,
                   date: _SHORT | None = None, keywords: _SHORT | None = None, source: _SHORT | None = None,
                   quote: _TEXT | None = None, reason: _SHORT | None = None, version: _VERSION | None = None,
                   clear: _SHORT | None = None) -> None:
        fields = {"statement": statement, "subject": subject, "topic": topic,
                  "relation": relation, "object": object_, "value": value, "date": date, "keywords": keywords,
                  "source": source, "quote": quote, "reason": reason, "version": version}
        await handlers.run(interaction, "fact edit", fact_id, options=fields, clear=clear)

    @fact.command(name="retire", description="Hide a fact from answers and briefings (admins; undo brings it back)")
    @app_commands.rename(fact_id="id")
    @app_commands.describe(reason="why, for the history", version="only if the fact is still at this version")
    async def retire(interaction: discord.Interaction, fact_id: _ID, reason: _SHORT | None = None,
                     version: _VERSION | None = None) -> None:
        await handlers.run(interaction, "fact retire", fact_id, options={"reason": reason, "version": version})

    @fact.command(name="undo", description="Go back to how a fact was before its latest change (admins)")
    @app_commands.rename(fact_id="id")
    @app_commands.describe(reason="why, for the history", version="only if the fact is still at this version")
    async def undo(interaction: discord.Interaction, fact_id: _ID, reason: _SHORT | None = None,
                   version: _VERSION | None = None) -> None:
        await handlers.run(interaction, "fact undo", fact_id, options={"reason": reason, "version": version})

    return fact


_ENTITY_HELP = {
    "name": "the name people know it by, e.g. Mike Pompeo",
    "kind": "person, place, country, organisation, group, event, ...",
    "aliases": "other names, separated by ; e.g. Pompeo; Secretary Pompeo",
    "description": "one sentence saying who or what it is (answers \"who is ...?\")",
}


def _entity_group(handlers: Handlers) -> app_commands.Group:
    entity = app_commands.Group(name="entity", description="The people, places and groups facts are about; "
                                                           "admins add and change them")

    async def run(interaction: discord.Interaction, name: str, *words: str | None,
                  options: dict[str, object] | None = None, clear: str | None = None) -> None:
        await handlers.run(interaction, f"entity {name}", *words, options=options, clear=clear)

    @entity.command(name="show", description="One entity with its names, description, version and status")
    @app_commands.rename(entity_id="id")
    @app_commands.describe(entity_id="the entity's id, e.g. north-korea")
    async def show(interaction: discord.Interaction, entity_id: _ID) -> None:
        await run(interaction, "show", entity_id)

    @entity.command(name="list", description="The current entities, or those of one kind")
    @app_commands.choices(kind=_KINDS)
    async def list_(interaction: discord.Interaction, kind: app_commands.Choice[str] | None = None) -> None:
        await run(interaction, "list", kind.value if kind else None)

    @entity.command(name="search", description="Entities whose id, names or description hold every word")
    @app_commands.describe(text="words to look for, e.g. Pompeo")
    async def search(interaction: discord.Interaction, text: _SHORT) -> None:
        await handlers.run(interaction, "entity search", text=text)

    @entity.command(name="history", description="Every version of an entity: who, when, where, what changed")
    @app_commands.rename(entity_id="id")
    async def history(interaction: discord.Interaction, entity_id: _ID) -> None:
        await run(interaction, "history", entity_id)

    @entity.command(name="add", description="Add a person, place, group ... (admins)")
    @app_commands.rename(entity_id="id")
    @app_commands.describe(entity_id="a new id: lowercase letters, digits and hyphens, e.g. mike-pompeo",
                           **_ENTITY_HELP)
    @app_commands.choices(kind=_KINDS)
    async def add(interaction: discord.Interaction, entity_id: _ID, name: _SHORT, kind: app_commands.Choice[str],
                  aliases: _TEXT | None = None, description: _TEXT | None = None) -> None:
        await run(interaction, "add", entity_id, options={"name": name, "kind": kind.value, "aliases": aliases,
                                                          "description": description})

    @entity.command(name="edit", description="Change some fields of an entity (admins)")
    @app_commands.rename(entity_id="id")
    @app_commands.describe(entity_id="the entity's id", reason="why, for the history",
                           version="only if the entity is still at this version (as /entity show gives it)",
                           clear="optional fields to empty: aliases, description", **_ENTITY_HELP)
    @app_commands.choices(kind=_KINDS)
    async def edit(interaction: discord.Interaction, entity_id: _ID, name: _SHORT | None = None,
                   kind: app_commands.Choice[str] | None = None, aliases: _TEXT | None = None,
                   description: _TEXT | None = None, reason: _SHORT | None = None, version: _VERSION | None = None,
                   clear: _SHORT | None = None) -> None:
        await run(interaction, "edit", entity_id, clear=clear, options={
            "name": name, "kind": kind.value if kind else None, "aliases": aliases, "description": description,
            "reason": reason, "version": version})

    @entity.command(name="retire", description="Hide an entity no current fact uses (admins; undo brings it back)")
    @app_commands.rename(entity_id="id")
    @app_commands.describe(reason="why, for the history", version="only if the entity is still at this version")
    async def retire(interaction: discord.Interaction, entity_id: _ID, reason: _SHORT | None = None,
                     version: _VERSION | None = None) -> None:
        await run(interaction, "retire", entity_id, options={"reason": reason, "version": version})

    @entity.command(name="undo", description="Go back to how an entity was before its latest change (admins)")
    @app_commands.rename(entity_id="id")
    @app_commands.describe(reason="why, for the history", version="only if the entity is still at this version")
    async def undo(interaction: discord.Interaction, entity_id: _ID, reason: _SHORT | None = None,
                   version: _VERSION | None = None) -> None:
        await run(interaction, "undo", entity_id, options={"reason": reason, "version": version})

    return entity


# --- the `fact add` form --------------------------------------------------------------------------

FormArguments = tuple[list[str], dict[str, str], str]
"""A form's values as `CommandLayer.call` takes them: words, options, and more keys as typed."""
Submit = Callable[[discord.Interaction, FormArguments], Awaitable[None]]


def fact_add_arguments(values: dict[str, str]) -> FormArguments:
    """The `fact add` form's values as the command's arguments: the ID its word, each filled box its
    key, the last box ("more keys", `key=value` as typed) for the command layer to read."""
    fields = {k: (values.get(k) or "").strip() for k in ("statement", "subject", "topic")}
    fact_id = (values.get("id") or "").strip()
    return [fact_id] if fact_id else [], {k: v for k, v in fields.items() if v}, (values.get("more") or "").strip()


class FactAddForm(discord.ui.Modal):
    """The form `/fact add` opens: Discord allows five inputs, so the optional keys share the last.

    Its submission goes to the command layer as the `fact add` command's arguments
    (`fact_add_arguments`), so the form obeys exactly the rules and the admin check of the typed
    command."""

    def __init__(self, submit: Submit) -> None:
        super().__init__(title="Add a fact", timeout=FORM_TIMEOUT)
        self._submit = submit
        inputs = [
            discord.ui.TextInput(label="ID", custom_id="id", max_length=100, placeholder="e.g. summit-mascot"),
            discord.ui.TextInput(label="Statement", custom_id="statement", style=discord.TextStyle.paragraph,
                                 max_length=MAX_TEXT, placeholder="One sentence that reads well alone."),
            discord.ui.TextInput(label="Subject", custom_id="subject", max_length=200,
                                 placeholder="An entity id, name or alias, e.g. Singapore summit"),
            discord.ui.TextInput(label="Topic", custom_id="topic", max_length=40,
                                 placeholder=", ".join(t.value for t in Topic)[:100]),
            discord.ui.TextInput(label="More keys (optional)", custom_id="more", required=False,
                                 style=discord.TextStyle.paragraph, max_length=4000,
                                 placeholder='e.g. date=2018-06-12 source=wsj-2018-05-28 quote="..."'),
        ]
        for item in inputs:
            self.add_item(item)

    def values(self) -> dict[str, str]:
        return {item.custom_id: item.value for item in self.children if isinstance(item, discord.ui.TextInput)}

    async def on_submit(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        await self._submit(interaction, fact_add_arguments(self.values()))

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        log.error("the fact add form failed", exc_info=error)
