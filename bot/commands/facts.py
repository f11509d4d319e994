"""The `fact ...` commands: show, search, add, edit, retire, history, undo, export and import."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from bot.core import Core
from bot.commands.base import Caller, Command, CommandError, Invocation, Reply
from bot.commands.values import invalid_values, parse_day, parse_version
from bot.commands.safety import mention_in, mention_in_fact, mention_in_record, neutralise
from bot.render.facts import render_fact, render_history, render_plan
from briefings.files import DEFAULT_RELATION, FactDefaults, FactRecord, dump_catalogue, parse_catalogue_file
from briefings.answering.lexicon import plain
from briefings.models import CatalogueError, Entity, Fact, FactDate, TopicInfo
from briefings.service import ImportPlan, NoImportWaiting, personal_source, resolve_entity
from briefings.store import Action, CatalogueRecord, ChangeInfo, StoredFact, StoreError, VersionConflict, record_kind

__all__ = ["FactCommands", "IMPORT_TTL", "change_info", "plan_file_import", "summarise_plan"]

_KEYS = {"dates": "date"}
"""The fields of a fact record whose command key differs."""

audit = logging.getLogger("briefbot.audit")

MAX_PHRASINGS = 20
"""Questions one fact may be taught."""
MAX_PHRASING = 300
"""Longest taught question."""

IMPORT_TTL = timedelta(minutes=15)
"""How long a dry-run import waits for `fact import confirm`."""


_FACT_KEYS = ("statement", "subject", "topic", "relation", "object", "value", "date", "quote", "source", "keywords")
_OPTIONAL_FIELDS = {"object", "value", "quote", "date", "keywords"}
"""Fields `key=` (empty) clears in `fact edit`."""
_KEY_HELP = [
    "statement=\"...\"  one sentence that reads well alone and names what it is about",
    "subject=ENTITY  who or what the fact is about: an entity id, name or alias",
    "topic=ID  the part of the briefing it belongs to: one of `topic list` (admins add more with `topic add`)",
    f"relation=NAME  how subject and object relate, e.g. led_by (default {DEFAULT_RELATION})",
    "object=ENTITY  the entity on the other side of the relation",
    "value=\"...\"  a literal value when the other side is not an entity",
    "date=YYYY-MM-DD  the day it happened (several: comma-separated)",
    "keywords=\"a, b\"  other words people may ask with",
    "source=ID  the source it comes from (default: your own word, recorded as such)",
    "quote=\"...\"  the source's exact words; checked against the source's text",
]


async def plan_file_import(core: Core, text: str, *, where: str, identity: str, now: datetime) -> ImportPlan:
    """Read an import file (topics, sources, entities, facts) and plan it against the store.

    Facts that leave out `recorded_by`, `recorded_at` or `source` get them the way `fact add` fills
    them in: the importer, now, and the importer's own word as the source. Raises `CatalogueError`
    (bad YAML or fields, a mention in any text) or `InvalidFact` (what does not fit the catalogue).
    """
    parsed = parse_catalogue_file(text, where=where)
    if not (parsed.facts or parsed.entities or parsed.sources or parsed.topics):
        raise CatalogueError(f"{where}: it has nothing to import: give `topics:`, `sources:`, `entities:` or `facts:`")
    today = now.astimezone(ZoneInfo(core.settings.timezone)).date()
    own = personal_source(identity, published=today)
    facts = [
        await _as_edit(core, record, fact, defaults=parsed.defaults)
        for record, fact in zip(parsed.facts, parsed.to_facts(
            FactDefaults(source=own.id, recorded_at=now, recorded_by=identity)))
    ]
    records: list[CatalogueRecord] = [*parsed.topics, *parsed.sources, *parsed.entities]
    problems = [p for p in (*map(mention_in_record, records), *map(mention_in_fact, facts)) if p]
    retired = parsed.retired()
    problems += [f"fact {fact_id}: its retired_reason contains the mention {neutralise(found)}; write the name out"
                 for fact_id, reason in retired.items() if reason and (found := mention_in(reason))]
    if problems:
        raise CatalogueError(f"{where}: " + "; ".join(problems))
    uses_own = any(f.provenance.source == own.id for f in facts)
    if uses_own and own.id not in {s.id for s in parsed.sources} and await core.store.get_record("source", own.id) is None:
        records.append(own)
    return await core.facts.plan_import(facts, records=records, retired=retired)


async def _as_edit(core: Core, record: FactRecord, fact: Fact, *, defaults: FactDefaults) -> Fact:
    """An imported fact that updates a stored one keeps what the file leaves out of its provenance
    (source, recorded_at, recorded_by), as `fact edit` does: importing the same file twice changes
    nothing the second time."""
    stored = await core.store.get(fact.id)
    if stored is None:
        return fact
    kept = stored.fact.provenance
    given = {name: getattr(record, name) or getattr(defaults, name) for name in ("source", "recorded_at", "recorded_by")}
    update = {name: getattr(kept, name) for name, value in given.items() if value is None}
    return fact.model_copy(update={"provenance": fact.provenance.model_copy(update=update)}) if update else fact


def change_info(caller: Caller, action: Action, *, reason: str | None = None) -> ChangeInfo:
    return ChangeInfo(actor=caller.identity, platform=caller.platform, channel=caller.channel, action=action,
                      reason=reason or None)


class FactCommands:
    """The fact commands over one core. A caller's import awaiting confirmation waits in the
    database (`FactService.hold_import`), so any replica can confirm it."""

    def __init__(self, core: Core, *, clock: Callable[[], datetime]) -> None:
        self._core = core
        self._clock = clock

    def commands(self) -> list[Command]:
        edit_keys = (*_FACT_KEYS, "reason", "version")
        return [
            Command("fact show", "fact show ID", "show one fact with its source, version and status",
                    "fact show us-delegation-leader", self.show, words=("ID",)),
            Command("fact search", "fact search TEXT", "find facts whose words match (retired ones included)",
                    "fact search Hagin", self.search, raw=True),
            Command("fact add",
                    'fact add ID statement="..." subject=ENTITY topic=NAME [relation=... object=ENTITY '
                    'value="..." date=YYYY-MM-DD keywords="..." source=ID quote="..."]',
                    "add a new fact",
                    'fact add summit-mascot statement="The summit mascot is a blue heron." '
                    'subject="Singapore summit" topic=summit',
                    self.add, changes="facts", words=("ID",), required=("statement", "subject", "topic"),
                    optional=tuple(k for k in _FACT_KEYS if k not in {"statement", "subject", "topic"}),
                    details=_KEY_HELP),
            Command("fact edit", "fact edit ID key=value ... [reason=\"...\"] [version=N]",
                    "change some fields of a fact (`key=` clears an optional field; version=N: only if it "
                    "is still at version N)",
                    'fact edit summit-mascot statement="The summit mascot is a grey heron." reason="typo"',
                    self.edit, changes="facts", words=("ID",), optional=edit_keys, details=_KEY_HELP),
            Command("fact retire", 'fact retire ID [reason="..."] [version=N]',
                    "hide a fact from answers and briefings (it is kept, and `fact undo` brings it back)",
                    'fact retire summit-mascot reason="no longer true"',
                    self.retire, changes="facts", words=("ID",), optional=("reason", "version")),
            Command("fact history", "fact history ID", "every version of a fact: who, when, where, what changed",
                    "fact history us-delegation-leader", self.history, words=("ID",)),
            Command("fact undo", 'fact undo ID [reason="..."] [version=N]',
                    "go back to how the fact was before its latest change (recorded as a new version; "
                    "repeat to go further back)",
                    "fact undo summit-mascot", self.undo, changes="facts", words=("ID",),
                    optional=("reason", "version")),
            Command("fact teach", 'fact teach ID "QUESTION"',
                    "teach a fact a question it answers: that question, and ones worded like it, get this fact",
                    'fact teach summit-original-date "when will the two leaders sit down together"',
                    self.teach, changes="facts", words=("ID", "QUESTION"), extra_words=True,
                    optional=("reason", "version")),
            Command("fact unteach", "fact unteach ID N",
                    "forget the Nth question taught to a fact (as `fact show` numbers them)",
                    "fact unteach summit-original-date 1", self.unteach, changes="facts", words=("ID", "N"),
                    optional=("reason", "version")),
            Command("fact export", "fact export",
                    "the whole store as one YAML import file: topics, sources (with their text), entities, facts",
                    "fact export", self.export),
            Command("fact import", "fact import YAML | fact import confirm | fact import cancel",
                    "check a YAML import file (after the command, on the same line or the lines after it) and "
                    "show all it would add and update; `fact import confirm` applies it",
                    "fact import facts: [{id: summit-mascot, subject: singapore-summit, "
                    "statement: The summit mascot is a blue heron., topic: summit}]",
                    self.import_, changes="facts", raw=True, details=_IMPORT_HELP),
        ]

    # reading

    async def show(self, call: Invocation) -> Reply:
        stored = await self._core.facts.get(call.words[0])
        return Reply(text=await self._render(stored))

    async def search(self, call: Invocation) -> Reply:
        text = call.text.strip().strip("\"\u201c\u201d")
        if not text:
            raise CommandError("say what to search for")
        found = await self._core.facts.search(text)
        if not found:
            return Reply(text=f"No fact matches \u201c{text}\u201d.")
        lines = [f"{len(found)} fact" + ("s" if len(found) != 1 else "") + f" matching \u201c{text}\u201d:"]
        lines += [f"  {s.fact.id}{' [retired]' if s.retired else ''}: {s.fact.statement}" for s in found]
        return Reply(text="\n".join(lines))

    async def history(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        history = await self._core.store.history(fact_id)
        if not history:
            await self._core.facts.get(fact_id)  # raises UnknownFact
        return Reply(text=render_history(fact_id, history))

    async def export(self, call: Invocation) -> Reply:
        return Reply(text=dump_catalogue(await self._core.store.catalogue()).rstrip("\n"))

    # changing

    async def add(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        options = dict(call.options)
        options.setdefault("relation", DEFAULT_RELATION)
        own = None
        if "source" not in options:
            own = personal_source(call.caller.identity, published=self._today())
            options["source"] = own.id
        entities = await self._core.store.entities()
        fields = self._fields(options, entities=entities, topics=await self._core.store.topics())
        now = self._clock()
        try:
            record = FactRecord(id=fact_id, **fields, recorded_at=now, recorded_by=call.caller.identity)
        except ValidationError as exc:
            raise invalid_values(exc, where=f"fact {fact_id}", keys=_KEYS) from None
        fact = record.to_fact(source=None, recorded_at=None, recorded_by=None)
        stored = await self._core.facts.add(fact, change=change_info(call.caller, "add"), source=own)
        self._audit(call, stored)
        return Reply(text=f"Added fact {fact_id} (version 1): {fact.statement}\n"
                          f"Source: {await self._cite(fact)}")

    async def edit(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        options = dict(call.options)
        expected = parse_version(options.pop("version", None))
        reason = options.pop("reason", None)
        if not options:
            raise CommandError("say what to change, e.g. statement=\"...\"")
        fields = self._fields(
            options, entities=await self._core.store.entities(), topics=await self._core.store.topics(), clearing=True
        )

        def edited(current: StoredFact) -> Fact:
            data = FactRecord.from_fact(current.fact).model_dump()
            data.update(fields)
            try:
                fact = FactRecord.model_validate(data).to_fact(source=None, recorded_at=None, recorded_by=None)
            except ValidationError as exc:
                raise invalid_values(exc, where=f"fact {fact_id}", keys=_KEYS) from None
            if fact == current.fact:
                raise CommandError(f"nothing to change: fact {fact_id} already says that", usage=False)
            return fact

        try:
            stored = await self._core.facts.edit(
                fact_id, edited, expected_version=expected, change=change_info(call.caller, "edit", reason=reason)
            )
        except VersionConflict as conflict:
            return await self._conflict(conflict)
        self._audit(call, stored)
        retired = " (it is retired, so it stays hidden until `fact undo`)" if stored.retired else ""
        return Reply(text=f"Fact {fact_id} is now at version {stored.version}{retired}: {stored.fact.statement}")

    async def retire(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        expected = parse_version(call.options.get("version"))
        reason = call.options.get("reason") or None
        try:
            stored = await self._core.facts.retire(
                fact_id, expected_version=expected, reason=reason,
                change=change_info(call.caller, "retire", reason=reason),
            )
        except VersionConflict as conflict:
            return await self._conflict(conflict)
        self._audit(call, stored)
        return Reply(text=f"Retired fact {fact_id} (version {stored.version}): it no longer appears in answers "
                          f"or briefings. `fact undo {fact_id}` brings it back.")

    async def undo(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        expected = parse_version(call.options.get("version"))
        change = change_info(call.caller, "undo", reason=call.options.get("reason"))
        try:
            stored = await self._core.facts.undo(fact_id, expected_version=expected, change=change)
        except VersionConflict as conflict:
            return await self._conflict(conflict)
        self._audit(call, stored)
        state = "retired" if stored.retired else "in use"
        return Reply(text=f"Undone: fact {fact_id} is back to its earlier state as version {stored.version} "
                          f"({state}): {stored.fact.statement}")

    async def teach(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        question = " ".join(" ".join(call.words[1:]).split()).strip("\"\u201c\u201d ")
        if not question:
            raise CommandError("say the question to teach, in quotes")
        if len(question) > MAX_PHRASING:
            raise CommandError(f"that question is too long ({len(question):,} characters; at most {MAX_PHRASING})")
        current = await self._core.facts.get(fact_id)
        taught = current.fact.phrasings
        if any(plain(question) == plain(p) for p in taught):
            raise CommandError(f"fact {fact_id} already answers \u201c{question}\u201d", usage=False)
        if len(taught) >= MAX_PHRASINGS:
            raise CommandError(f"fact {fact_id} has {len(taught)} taught questions already (at most "
                               f"{MAX_PHRASINGS}): `fact unteach {fact_id} N` one first", usage=False)
        fact = current.fact.model_copy(update={"phrasings": [*taught, question]})
        stored = await self._change_phrasings(call, current, fact, action="teach")
        if isinstance(stored, Reply):
            return stored
        return Reply(text=f"Fact {fact_id} (now version {stored.version}) answers \u201c{question}\u201d "
                          f"and questions worded like it (taught question {len(fact.phrasings)}).")

    async def unteach(self, call: Invocation) -> Reply:
        fact_id = call.words[0]
        current = await self._core.facts.get(fact_id)
        taught = current.fact.phrasings
        if not taught:
            raise CommandError(f"fact {fact_id} has no taught questions", usage=False)
        n = call.words[1].strip()
        if not n.isdigit() or not 1 <= int(n) <= len(taught):
            raise CommandError(f"N must be a number from 1 to {len(taught)} (as `fact show {fact_id}` lists them), "
                               f"not {n!r}")
        gone = taught[int(n) - 1]
        fact = current.fact.model_copy(update={"phrasings": [p for i, p in enumerate(taught) if i != int(n) - 1]})
        stored = await self._change_phrasings(call, current, fact, action="unteach")
        if isinstance(stored, Reply):
            return stored
        return Reply(text=f"Fact {fact_id} (now version {stored.version}) no longer answers \u201c{gone}\u201d "
                          "as a taught question.")

    async def _change_phrasings(self, call: Invocation, current: StoredFact, fact: Fact, *,
                                action: Action) -> StoredFact | Reply:
        expected = parse_version(call.options.get("version"))
        change = change_info(call.caller, action, reason=call.options.get("reason"))
        try:
            stored = await self._core.facts.update(Fact.model_validate(fact.model_dump()),
                                                   expected_version=expected or current.version, change=change)
        except VersionConflict as conflict:
            return await self._conflict(conflict)
        self._audit(call, stored)
        return stored

    async def import_(self, call: Invocation) -> Reply:
        text = call.text.strip()
        word = text.lower()
        if word == "confirm":
            return await self._confirm(call)
        if word == "cancel":
            dropped = await self._core.facts.drop_import(call.caller.identity)
            return Reply(text="Import cancelled; nothing was changed." if dropped else "You have no import waiting.")
        if not text:
            raise CommandError("give the YAML import file after `fact import` (as `fact export` writes it)")
        try:
            plan = await plan_file_import(self._core, text, where="import", identity=call.caller.identity,
                                          now=self._clock())
        except CatalogueError as exc:
            raise CommandError(str(exc)) from None
        if plan.empty:
            await self._core.facts.drop_import(call.caller.identity)
            return Reply(text=f"Nothing to import: {summarise_plan(plan)}; all of it is already exactly so.")
        now = self._clock()
        await self._core.facts.hold_import(call.caller.identity, plan, now=now, until=now + IMPORT_TTL)
        minutes = int(IMPORT_TTL.total_seconds() // 60)
        return Reply(text=f"Dry run, nothing changed yet: {summarise_plan(plan)}.\n{render_plan(plan)}\n"
                          f"Send `fact import confirm` within {minutes} minutes to apply it, "
                          "or `fact import cancel`.")

    async def _confirm(self, call: Invocation) -> Reply:
        try:
            plan = await self._core.facts.take_import(call.caller.identity, now=self._clock())
        except NoImportWaiting as exc:
            raise CommandError(str(exc)) from None
        except StoreError as exc:  # expired, or kept by another version of the bot
            raise CommandError(str(exc), usage=False) from None
        change = change_info(call.caller, "import")
        try:
            written = await self._core.facts.apply_import(plan, change=change)
        except VersionConflict as conflict:
            raise CommandError(
                f"nothing was imported: fact {conflict.current.fact.id} changed since your dry run "
                f"(it is now at version {conflict.current.version}); send the import again for a fresh summary",
                usage=False,
            ) from None
        for stored in written:
            self._audit(call, stored)
        return Reply(text=f"Imported: {summarise_plan(plan, done=True)}.")

    # helpers

    def _fields(self, options: dict[str, str], *, entities: dict[str, Entity], topics: dict[str, TopicInfo],
                clearing: bool = False) -> dict[str, Any]:
        """User-typed key=value options as `FactRecord` fields (entities resolved, dates read)."""
        out: dict[str, Any] = {}
        for key, value in options.items():
            value = value.strip()
            if not value:
                if clearing and key in _OPTIONAL_FIELDS:
                    out["dates" if key == "date" else key] = [] if key in {"date", "keywords"} else None
                    continue
                raise CommandError(f"`{key}=` needs a value")
            if key in {"subject", "object"}:
                out[key] = resolve_entity(value, entities, role=key)
            elif key == "topic":
                out[key] = _topic(value, topics)
            elif key == "date":
                out["dates"] = [FactDate(day=parse_day(d.strip())) for d in value.split(",") if d.strip()]
            elif key == "keywords":
                out[key] = [k.strip() for k in value.split(",") if k.strip()]
            else:
                out[key] = value
        return out

    async def _conflict(self, conflict: VersionConflict) -> Reply:
        current = conflict.current
        history = await self._core.store.history(current.fact.id)
        by = f", last changed by {history[-1].actor}" if history else ""
        had = f" (you had version {conflict.expected})" if conflict.expected is not None else ""
        text = (
            f"Fact {current.fact.id} changed while you were working on it: it is now at version "
            f"{current.version}{had}{by}. Nothing was changed. Its current value:\n"
            f"{await self._render(current)}\n"
            "If your change still applies, send it again."
        )
        return Reply.failed(text)

    async def _render(self, stored: StoredFact) -> str:
        return render_fact(stored, entities=await self._core.store.entities(), sources=await self._core.store.sources())

    async def _cite(self, fact: Fact) -> str:
        source = (await self._core.store.sources()).get(fact.provenance.source)
        return source.cite() if source else fact.provenance.source

    def _today(self) -> date:
        return self._clock().astimezone(ZoneInfo(self._core.settings.timezone)).date()

    @staticmethod
    def _audit(call: Invocation, stored: StoredFact) -> None:
        c = call.caller
        audit.info("fact %s now at version %d (retired=%s) by %s via %s channel=%s",
                   stored.fact.id, stored.version, stored.retired, c.identity, c.platform, c.channel)


def _topic(value: str, topics: dict[str, TopicInfo]) -> str:
    """The topic id `value` names (its id or its name, any case), or a sentence listing them."""
    wanted = value.strip().lower()
    for topic in topics.values():
        if wanted in (topic.id, topic.name.lower()):
            return topic.id
    if not topics:
        return wanted
    raise CommandError(f"topic {value!r} is not one of {', '.join(sorted(topics))} (`topic add` adds one)",
                       field="topic")


_IMPORT_HELP = [
    "The YAML may hold `topics:`, `sources:` (each with its `text:`), `entities:` and `facts:`; "
    "`fact export` writes all four.",
    "A fact without `source`, `recorded_at` or `recorded_by` gets them as `fact add` gives them: "
    "your own word, now, you.",
    "Paste several lines: in Slack and Discord put the YAML on the lines after `fact import` (in a ``` block "
    "if you like); in `briefbot chat` open a ``` fence on the command's line (`fact import ```), paste, close it with ```, or end each line but the last with \\.",
    "Or attach the YAML as a .txt or .yaml file to a message saying `fact import` (Slack, Discord).",
]


def summarise_plan(plan: ImportPlan, *, done: bool = False) -> str:
    """How many of each kind it adds and updates, e.g. '2 entities and 3 facts to add, 1 fact to update'."""
    def counts(pairs: list[tuple[str, int]]) -> str:
        parts = [f"{n} {_plural(kind, n)}" for kind, n in pairs if n]
        return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts) or "nothing"

    def by_kind(records: list[CatalogueRecord]) -> list[tuple[str, int]]:
        kinds = [record_kind(r) for r in records]
        return [(k, kinds.count(k)) for k in ("topic", "source", "entity")]

    added = by_kind(plan.add_records) + [("fact", len(plan.add))]
    updated = by_kind([r for r, _ in plan.update_records]) + [("fact", len(plan.update))]
    verbs = ("added", "updated", "retired") if done else ("to add", "to update", "to retire")
    unchanged = len(plan.unchanged) + len(plan.unchanged_records)
    retired = f"{counts([('fact', len(plan.retire))])} {verbs[2]}, " if plan.retire else ""
    return f"{counts(added)} {verbs[0]}, {counts(updated)} {verbs[1]}, {retired}{unchanged} unchanged"


def _plural(kind: str, n: int) -> str:
    if n == 1:
        return kind
    return "entities" if kind == "entity" else kind + "s"
