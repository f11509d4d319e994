"""The `entity ...`, `source ...` and `topic ...` commands: the records facts rest on, added, edited,
retired and undone by admins in chat, each change versioned like a fact's.

One table of fields per kind says which `key=` each takes and how its text becomes the record's
field; the commands themselves are the same for all three.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from bot.core import Core
from bot.commands.facts import change_info
from bot.commands.base import Command, CommandError, Invocation, Reply
from bot.commands.values import invalid_values, parse_day, parse_version
from bot.render.records import render_record, render_record_history, render_record_line
from briefings.models import Entity, EntityKind, Source, TopicInfo
from briefings.store import RecordConflict, RecordKind, StoredRecord, uses
from briefings.answering.lexicon import plain as normalise

__all__ = ["RecordCommands"]

audit = logging.getLogger("briefbot.audit")

_KINDS = ", ".join(k.value for k in EntityKind)


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(";") if n.strip()]


def _kind(text: str) -> str:
    if text.lower() not in {k.value for k in EntityKind}:
        raise CommandError(f"kind {text!r} is not one of {_KINDS}", field="kind")
    return text.lower()


def _order(text: str) -> int:
    if not text.isdigit() or int(text) > 10_000:
        raise CommandError(f"order must be a whole number from 0 to 10000 (lower comes first), not {text!r}")
    return int(text)


@dataclass(frozen=True, slots=True)
class _Key:
    """One `key=` of a kind: the record field it sets, how its text is read, and whether `key=` clears it."""

    key: str
    field: str
    help: str
    read: Callable[[str], Any] = str
    required: bool = False
    clears_to: Any = ...
    """The value `key=` (empty) sets in an edit; `...` means it cannot be cleared."""


@dataclass(frozen=True, slots=True)
class _Kind:
    kind: RecordKind
    plural: str
    model: type[Entity] | type[Source] | type[TopicInfo]
    keys: tuple[_Key, ...]
    example_id: str
    example_add: str
    example_edit: str


_ENTITY = _Kind(
    "entity", "entities", Entity,
    (
        _Key("name", "name", 'name="..."  the name people know it by', required=True),
        _Key("kind", "kind", f"kind=KIND  one of {_KINDS}", _kind, required=True),
        _Key("aliases", "aliases", 'aliases="A; B"  other names, separated by ;', _names, clears_to=[]),
        _Key("description", "description", 'description="..."  one sentence saying who or what it is '
             '(answers "who is ...?")', clears_to=None),
    ),
    "mike-pompeo",
    'entity add mike-pompeo name="Mike Pompeo" kind=person aliases="Pompeo; Secretary Pompeo" '
    'description="The U.S. secretary of state."',
    'entity edit mike-pompeo aliases="Pompeo; Secretary Pompeo; Mike" reason="another name"',
)
_SOURCE = _Kind(
    "source", "sources", Source,
    (
        _Key("title", "title", 'title="..."  the headline', required=True),
        _Key("publisher", "outlet", 'publisher="..."  who published it', required=True),
        _Key("date", "published", "date=YYYY-MM-DD  the day it was published", parse_day, required=True),
        _Key("url", "url", "url=https://...  where it can be read", clears_to=None),
        _Key("authors", "authors", 'authors="A; B"  its authors, separated by ;', _names, clears_to=[]),
        _Key("text", "text", 'text="..."  its full text, or the message\'s lines after the first (in the '
             "console end the first line with \\), or in Slack and Discord an attached .txt file; quotes of "
             "facts are checked against it", required=True),
    ),
    "nyt-2018-05-31",
    'source add nyt-2018-05-31 title="Pompeo meets Kim Yong Chol" publisher="The New York Times" '
    'date=2018-05-31 text="Secretary of State Mike Pompeo had dinner with Kim Yong Chol in New York."',
    'source edit nyt-2018-05-31 url=https://www.nytimes.com/2018/05/31/world/asia/pompeo-kim.html',
)
_TOPIC = _Kind(
    "topic", "topics", TopicInfo,
    (
        _Key("name", "name", 'name="..."  the heading shown in the briefing', required=True),
        _Key("order", "order", "order=N  where its section comes in the briefing (lower first; default 100)",
             _order),
    ),
    "sanctions",
    'topic add sanctions name="Sanctions" order=45',
    'topic edit sanctions name="Sanctions and relief"',
)


class RecordCommands:
    """The commands of one kind of record (entity, source or topic) over one core."""

    def __init__(self, core: Core, spec: _Kind) -> None:
        self._core = core
        self._spec = spec

    @classmethod
    def all(cls, core: Core) -> list[Command]:
        return [c for spec in (_ENTITY, _SOURCE, _TOPIC) for c in cls(core, spec).commands()]

    def commands(self) -> list[Command]:
        s, k = self._spec, self._spec.kind
        keys = [x.key for x in s.keys]
        required = tuple(x.key for x in s.keys if x.required)
        optional = tuple(x.key for x in s.keys if not x.required)
        usage_keys = " ".join(f"{x.key}=..." if x.required else f"[{x.key}=...]" for x in s.keys)
        details = [x.help for x in s.keys]
        id_ = s.example_id
        table = [
            Command(f"{k} add", f"{k} add ID {usage_keys}", f"add a new {k}", s.example_add, self.add,
                    changes=s.plural, words=("ID",), required=required, optional=optional, details=details,
                    body="text" if k == "source" else None),
            Command(f"{k} edit", f"{k} edit ID key=value ... [reason=\"...\"] [version=N]",
                    f"change some fields of {_a(k)} (`key=` clears an optional one; version=N: only if it is "
                    "still at version N)", s.example_edit, self.edit, changes=s.plural, words=("ID",),
                    optional=(*keys, "reason", "version"), details=details,
                    body="text" if k == "source" else None),
            Command(f"{k} show", f"{k} show ID", f"show one {k} with its version and status",
                    f"{k} show {id_}", self.show, words=("ID",)),
            Command(f"{k} list", f"{k} list" + (" [KIND]" if k == "entity" else ""), f"the current {s.plural}",
                    f"{k} list" + (" person" if k == "entity" else ""), self.list_, extra_words=k == "entity"),
            Command(f"{k} history", f"{k} history ID", f"every version of {_a(k)}: who, when, where, what changed",
                    f"{k} history {id_}", self.history, words=("ID",)),
            Command(f"{k} undo", f'{k} undo ID [reason="..."] [version=N]',
                    f"go back to how the {k} was before its latest change (recorded as a new version)",
                    f"{k} undo {id_}", self.undo, changes=s.plural, words=("ID",), optional=("reason", "version")),
            Command(f"{k} retire", f'{k} retire ID [reason="..."] [version=N]',
                    f"hide {_a(k)} no current fact uses (`{k} undo` brings it back)",
                    f'{k} retire {id_} reason="added by mistake"', self.retire, changes=s.plural, words=("ID",),
                    optional=("reason", "version")),
        ]
        if k == "entity":
            table.append(Command("entity search", "entity search TEXT",
                                 "find entities whose id, name, aliases or description hold every word",
                                 "entity search Pompeo", self.search, raw=True))
        return table

    # reading

    async def show(self, call: Invocation) -> Reply:
        stored = await self._core.records.get(self._spec.kind, call.words[0])
        return Reply(text=render_record(stored, facts=await self._users(stored.record.id)))

    async def list_(self, call: Invocation) -> Reply:
        records = await self._core.store.list_records(self._spec.kind)
        if self._spec.kind == "entity" and call.words:
            kind = _kind(" ".join(call.words))
            records = [r for r in records if r.record.kind == kind]  # type: ignore[union-attr]
        if self._spec.kind == "topic":
            records.sort(key=lambda r: (r.record.order, r.record.id))  # type: ignore[union-attr]
        if not records:
            return Reply(text=f"There are no {self._spec.plural}" + (f" of kind {call.words[0]}." if call.words else "."))
        lines = [f"{len(records)} {self._spec.plural if len(records) != 1 else self._spec.kind}:"]
        lines += [f"  {render_record_line(r)}" for r in records]
        return Reply(text="\n".join(lines))

    async def search(self, call: Invocation) -> Reply:
        text = call.text.strip().strip("\"\u201c\u201d")
        words = normalise(text).split()
        if not words:
            raise CommandError("say what to search for")
        found = []
        for stored in await self._core.store.list_records("entity", include_retired=True):
            e = stored.record
            haystack = normalise(" ".join([e.id, *e.names, e.description or ""]))  # type: ignore[union-attr]
            if all(w in haystack for w in words):
                found.append(stored)
        if not found:
            return Reply(text=f"No entity matches \u201c{text}\u201d.")
        lines = [f"{len(found)} entit{'ies' if len(found) != 1 else 'y'} matching \u201c{text}\u201d:"]
        lines += [f"  {render_record_line(r)}" for r in found[:20]]
        return Reply(text="\n".join(lines))

    async def history(self, call: Invocation) -> Reply:
        record_id = call.words[0]
        history = await self._core.store.record_history(self._spec.kind, record_id)
        if not history:
            await self._core.records.get(self._spec.kind, record_id)  # raises UnknownRecord
        return Reply(text=render_record_history(self._spec.kind, record_id, history))

    # changing

    async def add(self, call: Invocation) -> Reply:
        fields = self._fields(call.options, clearing=False)
        try:
            record = self._spec.model.model_validate({"id": call.words[0], **fields})
        except ValidationError as exc:
            raise invalid_values(exc, where=f"{self._spec.kind} {call.words[0]}") from None
        stored = await self._core.records.add(record, change=change_info(call.caller, "add"))
        self._audit(call, stored)
        return Reply(text=f"Added {self._spec.kind} {record.id} (version 1): {render_record_line(stored)}")

    async def edit(self, call: Invocation) -> Reply:
        options = dict(call.options)
        expected = parse_version(options.pop("version", None))
        reason = options.pop("reason", None)
        if not options:
            raise CommandError("say what to change, e.g. name=\"...\"")
        fields = self._fields(options, clearing=True)
        try:
            stored = await self._core.records.edit(
                self._spec.kind, call.words[0], fields, expected_version=expected,
                change=change_info(call.caller, "edit", reason=reason),
            )
        except RecordConflict as conflict:
            return self._conflict(conflict)
        self._audit(call, stored)
        return Reply(text=f"{self._spec.kind.capitalize()} {stored.record.id} is now at version {stored.version}: "
                          f"{render_record_line(stored)}")

    async def retire(self, call: Invocation) -> Reply:
        reason = call.options.get("reason") or None
        try:
            stored = await self._core.records.retire(
                self._spec.kind, call.words[0], expected_version=parse_version(call.options.get("version")),
                change=change_info(call.caller, "retire", reason=reason),
            )
        except RecordConflict as conflict:
            return self._conflict(conflict)
        self._audit(call, stored)
        k = self._spec.kind
        return Reply(text=f"Retired {k} {stored.record.id} (version {stored.version}): no fact can use it now. "
                          f"`{k} undo {stored.record.id}` brings it back.")

    async def undo(self, call: Invocation) -> Reply:
        try:
            stored = await self._core.records.undo(
                self._spec.kind, call.words[0], expected_version=parse_version(call.options.get("version")),
                change=change_info(call.caller, "undo", reason=call.options.get("reason")),
            )
        except RecordConflict as conflict:
            return self._conflict(conflict)
        self._audit(call, stored)
        state = "retired" if stored.retired else "in use"
        return Reply(text=f"Undone: {self._spec.kind} {stored.record.id} is back to its earlier state as version "
                          f"{stored.version} ({state}): {render_record_line(stored)}")

    # helpers

    def _fields(self, options: dict[str, str], *, clearing: bool) -> dict[str, Any]:
        """Typed `key=value` options as the record's fields."""
        keys = {x.key: x for x in self._spec.keys}
        out: dict[str, Any] = {}
        for name, value in options.items():
            key, value = keys[name], value.strip()
            if not value:
                if clearing and key.clears_to is not ...:
                    out[key.field] = key.clears_to
                    continue
                raise CommandError(f"`{name}=` needs a value")
            out[key.field] = key.read(value)
        return out

    async def _users(self, record_id: str) -> list[str]:
        """The current facts resting on the record."""
        return [s.fact.id for s in await self._core.store.list_facts() if uses(s.fact, self._spec.kind, record_id)]

    def _conflict(self, conflict: RecordConflict) -> Reply:
        current = conflict.current
        had = f" (you had version {conflict.expected})" if conflict.expected is not None else ""
        text = (
            f"{current.kind.capitalize()} {current.record.id} changed while you were working on it: it is now at "
            f"version {current.version}{had}. Nothing was changed. Its current value:\n{render_record(current)}\n"
            "If your change still applies, send it again."
        )
        return Reply.failed(text)

    @staticmethod
    def _audit(call: Invocation, stored: StoredRecord) -> None:
        c = call.caller
        audit.info("%s %s now at version %d (retired=%s) by %s via %s channel=%s", stored.kind, stored.record.id,
                   stored.version, stored.retired, c.identity, c.platform, c.channel)


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
