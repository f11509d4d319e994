"""The one platform-neutral command layer: parse, authorise, dispatch.

Every chat surface (console, Slack, Discord) turns its event into `handle(text, caller)` and renders
the `Reply` it gets back. A message with no command word is a question. Every message passes the
same stages, in order: input checks, command lookup, the admin filter (one place decides who may
change anything), argument parsing and checking, the command itself, and output neutralising.
Nothing a user types can make it raise: bad input becomes one sentence and the command's usage.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import NamedTuple
from datetime import datetime, timezone

from rapidfuzz.distance import OSA

from bot.core import Core
from bot.commands.admins import AdminCommands, is_admin
from bot.commands.base import Caller, Command, CommandError, Invocation, Outcome, Reply, Visibility
from bot.commands.brief import BriefCommands
from bot.commands.facts import FactCommands
from bot.commands.parse import ParseError, parse_arguments, unfence
from bot.commands.records import RecordCommands
from bot.commands.subscriptions import SubscriptionCommands, SubscriptionListener
from bot.commands.unanswered import UnansweredCommands
from bot.commands.safety import control_character, mention_in, neutralise
from bot.render.text import render_answer
from briefings.answer import Answer
from briefings.answering.lexicon import Lexicon
from briefings.models import MAX_TEXT, CatalogueError, Problem
from briefings.service import InvalidFact, UnknownEntity
from briefings.store import FactExists, RecordExists, StoreError
from briefings.unanswered import close_answered

__all__ = ["CommandLayer", "MAX_MESSAGE"]

log = logging.getLogger("briefbot.commands")
audit = logging.getLogger("briefbot.audit")

MAX_MESSAGE = 200_000
"""Longest message read at all (a `fact import` of the whole catalogue fits)."""

_WORDS = re.compile(r"\s*(\S+)(?:\s+(\S+))?")
_HOW_TO = re.compile(r"(?i)^\s*how\s+(?:(?:do|can|could|would|should)\s+(?:i|we|one)|to)\s+(.+)$")
_EXAMPLE_QUESTION = "who led the U.S. delegation to Singapore?"


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _nearest(word: str, words: Sequence[str], *, limit: int | None = None) -> str | None:
    """The one of `words` that `word` is a slip of (one edit for a short word, two for a longer one, or
    `limit`), or None when none is, or two are equally near: not a slip we can read."""
    limit = limit if limit is not None else 1 if len(word) <= 4 else 2
    near = sorted((d, w) for w in words if abs(len(w) - len(word)) <= limit and (d := OSA.distance(word, w)) <= limit)
    if not near or (len(near) > 1 and near[0][0] == near[1][0]):
        return None
    return near[0][1]


def _sentence(message: str) -> str:
    """A message as a sentence: capitalised (unless it starts with an id such as slack:U1) and ended."""
    first = message.split(" ", 1)[0]
    if message[:1].islower() and ":" not in first and "`" not in first:
        message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


class CommandLayer:
    """Parses, authorises and dispatches every chat command over one core.

    `extra` adds commands built elsewhere (a surface's own) to the table. `on_subscription_change`
    is told of each subscription a command changes (the composition root passes the scheduler's);
    `on_questions_answered` is awaited after a change to the facts answers waiting questions (the
    root passes what sends their askers the follow-ups).
    """

    def __init__(
        self,
        core: Core,
        *,
        extra: Sequence[Command] = (),
        clock: Callable[[], datetime] = _utcnow,
        on_subscription_change: SubscriptionListener | None = None,
        on_questions_answered: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._core = core
        self._on_questions_answered = on_questions_answered
        self._clock = clock
        self._briefs = BriefCommands(core, clock=clock)
        table = [
            Command("help", "help [COMMAND]", "what each command does, with an example", "help fact add",
                    self._help, extra_words=True),
            Command("ask", "ask QUESTION (or just type the question)", "answer a question from the facts",
                    f"ask {_EXAMPLE_QUESTION}", self._ask, raw=True),
            *FactCommands(core, clock=clock).commands(),
            *RecordCommands.all(core),
            *AdminCommands(core).commands(),
            *self._briefs.commands(),
            *SubscriptionCommands(core, clock=clock, on_change=on_subscription_change).commands(),
            *UnansweredCommands(core, clock=clock).commands(),
            *extra,
        ]
        self._commands: dict[str, Command] = {}
        for command in table:
            if command.name in self._commands:
                raise ValueError(f"two commands are named {command.name!r}")
            self._commands[command.name] = command
        self._groups = {name.split()[0] for name in self._commands if " " in name}
        self._first_words = sorted(self._groups | {n for n in self._commands if " " not in n})
        """The words a command can start with ("fact", "subscribe"): what a slip or another form may mean."""
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._closing = False

    @property
    def commands(self) -> dict[str, Command]:
        return dict(self._commands)

    async def drain(self, *, timeout: float) -> bool:
        """Refuse new messages, wait for those in flight; False if some were still running at `timeout`."""
        self._closing = True
        if self._inflight == 0:
            return True
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    async def handle(self, text: str, caller: Caller) -> Reply:
        """The reply to one message; never raises for anything a user can type."""
        return await self._in_flight(lambda: self._handle_counted(text, caller))

    async def _in_flight(self, work: Callable[[], Awaitable[Reply]]) -> Reply:
        """`work`, counted among the replies in flight that `drain` waits for; refused once draining."""
        if self._closing:
            return Reply.failed("briefbot is restarting; ask again in a minute.", outcome=Outcome.ERROR)
        self._inflight += 1
        self._idle.clear()
        try:
            return await work()
        finally:
            self._inflight -= 1
            if self._inflight == 0:
                self._idle.set()

    async def _handle_counted(self, text: str, caller: Caller) -> Reply:
        return await self._counted(text, caller, lambda: self._handle(text, caller))

    async def _counted(self, text: str, caller: Caller, work: Callable[[], Awaitable[_Handled]]) -> Reply:
        """`work`, with its one log line and its count in the metrics."""
        try:
            reply, command = await work()
        except Exception:  # a bug, not the user's fault: say so, keep the traceback in the log
            log.exception("a command from %s via %s failed", caller.identity, caller.platform)
            reply = Reply.failed("Sorry, something went wrong on my side; it has been logged. Nothing was changed.",
                                 outcome=Outcome.ERROR)
            command = "?"
        outcome = _LOGGED[reply.outcome]
        if command != "question" or reply.answer is None:
            self._core.metrics.commands.labels(command, outcome).inc()
        log.info("%s %s", command, outcome, extra={"event": {
            "event": "question" if command == "question" else "command", "command": command, "outcome": outcome,
            "platform": caller.platform, "channel": caller.channel, "user": caller.identity,
        }})
        log.debug("message from %s: %r", caller.identity, text[:500])  # texts only at DEBUG
        return reply.model_copy(update={"text": neutralise(reply.text),
                                        "field_errors": {k: neutralise(v) for k, v in reply.field_errors.items()}})

    async def _handle(self, text: str, caller: Caller) -> _Handled:
        """The reply, with its outcome and visibility decided here, whatever the command returned:
        an admin's command (allowed or not) is answered for the caller only, as are failures."""
        text = text.strip()
        if not text:
            return _Handled(Reply(text="Ask me a question, or type `help`."))
        bad = control_character(text)
        if bad:
            return _Handled(_error(f"Your message contains a control character ({bad}); remove it and send it again."))
        if len(text) > MAX_MESSAGE:
            return _Handled(_error(f"Your message is too long ({len(text):,} characters; at most {MAX_MESSAGE:,})."))
        try:
            found = self._lookup(text)
        except CommandError as exc:
            return _Handled(_error(_sentence(str(exc))))
        if isinstance(found, Reply):
            return _Handled(found)
        if found is None:
            how = self._how_to(text)
            if how is not None:
                return _Handled(how, "help")
            return _Handled(await self._question(text, caller), "question")
        command, rest = found
        return _Handled(await self._run(command, caller, lambda: self._invocation(command, rest, caller)),
                        command.name)

    async def call(self, name: str, caller: Caller, *, words: Sequence[str] = (),
                   options: Mapping[str, object | None] | None = None, text: str = "") -> Reply:
        """Run the command `name` with typed arguments (a slash command's options), as `handle` runs
        a typed message: the same checks, admin filter, log line and reply, without a string to
        parse. Options that are None were not given. `text` is the argument of a raw command; for
        any other, more arguments as typed (a form's free "more keys" box), read with the grammar."""
        command = self._commands.get(name)
        if command is None:
            raise ValueError(f"there is no command {name!r}")
        given = {k: str(v) for k, v in (options or {}).items() if v is not None}
        line = " ".join([name, *words, *(f"{k}={v}" for k, v in given.items()), text]).strip()  # for the debug log
        return await self._in_flight(lambda: self._counted(line, caller, lambda: self._call(
            command, caller, words=list(words), options=given, text=text)))

    async def _call(self, command: Command, caller: Caller, *, words: list[str], options: dict[str, str],
                    text: str) -> _Handled:
        bad = next((control_character(v) for v in (*words, *options.values(), text) if control_character(v)), None)
        if bad:
            return _Handled(_error(f"Your message contains a control character ({bad}); remove it and send it again."),
                            command.name)
        if command.raw:
            return _Handled(await self._run(command, caller, lambda: Invocation(caller=caller, words=[], options={},
                                                                                text=unfence(text))), command.name)

        def invocation() -> Invocation:
            if not text.strip():
                return self._checked(command, caller, words, options, text=text)
            try:
                more = parse_arguments(text)
            except ParseError as exc:
                raise CommandError(str(exc)) from None
            twice = [k for k in more.options if k in options]
            if twice:
                raise CommandError(f"{', '.join(f'`{k}=`' for k in twice)} given twice: give each key once",
                                   field=twice[0])
            return self._checked(command, caller, [*words, *more.words], options | more.options, text=text)

        return _Handled(await self._run(command, caller, invocation), command.name)

    async def _run(self, command: Command, caller: Caller, invocation: Callable[[], Invocation]) -> Reply:
        """Authorise, read the arguments (`invocation` raises CommandError), run the command; the
        reply's outcome and visibility as this layer decides them."""
        private = Visibility.EPHEMERAL if command.changes else None
        if command.changes and not await is_admin(self._core, caller):
            return await self._refuse(command, caller)
        try:
            reply = await command.run(invocation())
            if command.changes in _CATALOGUE and not reply.error:
                reply = await self._close_answered(reply, caller)
        except (CommandError, StoreError, CatalogueError) as exc:
            usage = not isinstance(exc, CommandError) or exc.usage
            message = _sentence(str(exc))
            field = _field_of(exc)
            return Reply.failed(message + (self._usage(command) if usage else ""),
                                fields={field: message} if field else None)
        if reply.error:
            return reply.model_copy(update={"visibility": private or reply.visibility})
        outcome = Outcome.CHANGED if command.changes else reply.outcome
        return reply.model_copy(update={"outcome": outcome, "visibility": private or reply.visibility})

    def visibility(self, text: str) -> Visibility:
        """How the reply to `text` will be shown, known before it runs: for a surface that must
        choose before the reply is ready (Discord's deferral shows "thinking" in public or not)."""
        try:
            found = self._lookup(text.strip())
        except CommandError:
            return Visibility.EPHEMERAL
        if isinstance(found, tuple) and found[0].changes:
            return Visibility.EPHEMERAL
        return Visibility.PUBLIC

    async def may(self, name: str, caller: Caller) -> bool:
        """Whether `caller` may run the command `name` (a surface opens a form only for those who
        may submit it); running it refuses the others, with the reason."""
        command = self._commands.get(name)
        return command is not None and (not command.changes or await is_admin(self._core, caller))

    async def choices(self, name: str) -> dict[str, tuple[str, ...]]:
        """The values the keys of the command `name` take from the store, for a form's select
        fields: `topic` offers the current topics, in their briefing order."""
        command = self._commands.get(name)
        if command is None or "topic" not in (*command.required, *command.optional):
            return {}
        topics = await self._core.store.list_records("topic")
        ordered = sorted(topics, key=lambda r: (r.record.order, r.record.id))  # type: ignore[union-attr]
        return {"topic": tuple(r.record.id for r in ordered)}

    async def home(self, caller: Caller) -> Reply:
        """What a surface's home page shows `caller` (Slack's Home tab): today's full briefing, as
        `brief full` gives it."""
        return await self._briefs.brief(Invocation(caller=caller, words=["full"], options={}, text="full"))

    # stages

    def _lookup(self, text: str) -> tuple[Command, str] | Reply | None:
        """The command a message calls and its argument text; None for a question."""
        match = _WORDS.match(text)
        if match is None:
            return None
        first, second = match.group(1).lower(), (match.group(2) or "").lower()
        if first in self._groups:
            name = f"{first} {second}"
            if name in self._commands:
                return self._commands[name], text[match.end(2):]
            if first in self._commands:  # a group that is a command too ("unanswered [N]")
                return self._commands[first], text[match.end(1):]
            if not second:
                return Reply(text=self._describe_group(first))
            sub = self._near_sub(first, second)
            if sub is not None:
                return Reply.failed(self._did_you_mean(first, sub), visibility=Visibility.PUBLIC)
            subs = ", ".join(n.split()[1] for n in self._commands if n.startswith(first + " "))
            raise CommandError(f"there is no `{first} {match.group(2)}` command: `{first}` takes {subs} "
                               f"(type `help {first}`)")
        if first in self._commands:
            return self._commands[first], text[match.end(1):]
        meant = self._meant(first, second)
        if meant is not None:
            return Reply.failed(self._did_you_mean(meant, second), visibility=Visibility.PUBLIC)
        return None

    def _meant(self, first: str, second: str) -> str | None:
        """The command word a message's first word stands for, when it is none: a slip of one ("fatc"),
        another form of one ("facts"), or a slip before one of the group's own sub-commands ("admn list",
        "fat search": the sub-command says which group was meant, so a word two slips away, or an English
        word one slip away, is read as it)."""
        return self.near_miss(first) or self._inflected(first, second) or self._slip_before_sub(first, second)

    def _slip_before_sub(self, first: str, second: str) -> str | None:
        if len(first) < 3 or not first.isalpha() or self._core.index.knows(first):
            return None
        limit = 1 if Lexicon.is_english(first) else 2
        groups = [g for g in self._groups if f"{g} {second}" in self._commands]
        return _nearest(first, groups, limit=limit)

    def _near_sub(self, group: str, word: str) -> str | None:
        """The one command of `group` that `word` misspells ("fact shwo" -> "show"), or None."""
        return _nearest(word, [n.split()[1] for n in self._commands if n.startswith(group + " ")])

    def _inflected(self, word: str, second: str) -> str | None:
        """The command word that `word` is another form of ("facts", "admin"), when what follows is
        nothing or one of that command's own words ("admin list"): "facts about Kim?" is a question."""
        forms = Lexicon.lemmas(word)
        for name in self._first_words:
            if name != word and (forms & Lexicon.lemmas(name) or word.rstrip("s") == name.rstrip("s")):
                if not second or f"{name} {second}" in self._commands:
                    return name
        return None

    def _how_to(self, text: str) -> Reply | None:
        """"How do I subscribe?", "how can we add a fact?": a question about using the bot is answered
        with the usage of the command it names."""
        match = _HOW_TO.match(text)
        if match is None:
            return None
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", match.group(1))]
        for i, word in enumerate(words):
            forms = Lexicon.lemmas(word)
            for name in self._first_words:
                if forms & Lexicon.lemmas(name):
                    if name in self._groups:
                        verbs = {w for other in words[:i] + words[i + 1:] for w in Lexicon.lemmas(other)}
                        sub = next((n for n in self._commands if n.startswith(name + " ") and n.split()[1] in verbs),
                                   None)
                        text = self._describe(self._commands[sub]) if sub else self._describe_group(name)
                    else:
                        text = self._describe(self._commands[name])
                    return Reply(text=f"With a command: {text}")
        return None

    def _did_you_mean(self, meant: str, second: str) -> str:
        """"Did you mean `fact show`?" with that command's usage, or the group's commands."""
        if meant in self._groups and f"{meant} {second}" in self._commands:
            meant = f"{meant} {second}"
        usage = self._describe_group(meant) if meant in self._groups else self._usage(self._commands[meant])
        return f"Did you mean `{meant}`? {usage}".strip()

    def answer(self, text: str) -> Answer:
        """What `briefbot ask` prints: the answer, or "did you mean" for a misspelt command word."""
        match = _WORDS.match(text.strip())
        first, second = (match.group(1).lower(), (match.group(2) or "").lower()) if match else ("", "")
        if first in self._groups and f"{first} {second}" not in self._commands and self._may_be_a_slip(second):
            sub = self._near_sub(first, second)  # "fact shwo": a slip of a sub-command after the group's word
            if sub is not None:
                return Answer(question=text, found=True, answer=self._did_you_mean(first, sub))
        meant = self._meant(first, second) if first and first not in self._groups | set(self._commands) else None
        if meant is not None:
            return Answer(question=text, found=True, answer=self._did_you_mean(meant, second))
        how = self._how_to(text.strip())
        if how is not None:
            return Answer(question=text, found=True, answer=how.text)
        return self._core.ask(text)

    def near_miss(self, word: str) -> str | None:
        """The command word `word` misspells ("fatc" -> "fact"), or None."""
        word = word.lower()
        return _nearest(word, self._first_words) if self._may_be_a_slip(word) else None

    def _may_be_a_slip(self, word: str) -> bool:
        """A word of English, or one that is a name the facts know, is not a slip: "who", "kim"."""
        return len(word) >= 3 and word.isalpha() and not Lexicon.is_english(word) and not self._core.index.knows(word)

    async def _refuse(self, command: Command, caller: Caller) -> Reply:
        audit.warning("refused %s for %s via %s channel=%s: not an admin",
                      command.name, caller.identity, caller.platform, caller.channel)
        admins = list(self._core.settings.admins) + [r.identity for r in await self._core.admins.list_admins()]
        if admins:
            ask = ", ".join(dict.fromkeys(admins[:5])) + (", \u2026" if len(admins) > 5 else "")
            text = f"Only admins can {_may(command)}. Ask an admin: {ask}."
        else:
            text = (f"Only admins can {_may(command)}, and none is configured yet: whoever runs "
                    "briefbot can name admins in BRIEFBOT_ADMINS.")
        return Reply.failed(text, outcome=Outcome.REFUSED)

    def _invocation(self, command: Command, rest: str, caller: Caller) -> Invocation:
        """A typed message's arguments, parsed, then checked as `_checked` checks them."""
        if command.raw:
            return Invocation(caller=caller, words=[], options={}, text=unfence(rest))
        first, newline, body = rest.partition("\n") if command.body else (rest, "", "")
        try:
            args = parse_arguments(first)
        except ParseError as exc:
            raise CommandError(str(exc)) from None
        if command.body and body.strip():
            if command.body in args.options:
                raise CommandError(f"give `{command.body}=` on the first line or as the lines after it, not both")
            args.options[command.body] = unfence(body)
        return self._checked(command, caller, args.words, args.options, text=rest)

    def _checked(self, command: Command, caller: Caller, words: list[str], options: dict[str, str], *,
                 text: str) -> Invocation:
        """The call, once its words and keys are those `command` takes (CommandError otherwise)."""
        needed = command.words
        if len(words) < len(needed):
            raise CommandError(f"`{command.name}` needs {' and '.join(needed[len(words):])}")
        if len(words) > len(needed) and not command.extra_words:
            extra = " ".join(words[len(needed):])
            raise CommandError(f"unexpected {extra!r} (put a value with spaces in quotes, e.g. statement=\"...\")")
        allowed = (*command.required, *command.optional)
        unknown = [k for k in options if k not in allowed]
        if unknown:
            takes = f"it takes {', '.join(k + '=' for k in allowed)}" if allowed else "it takes no key=value"
            raise CommandError(f"`{command.name}` has no key {', '.join(k + '=' for k in unknown)}: {takes}")
        missing = [k for k in command.required if k not in options]
        if missing:
            raise CommandError(f"`{command.name}` needs {', '.join(k + '=' for k in missing)}", field=missing[0])
        if command.changes:
            for key, value in [*(("id" if i == 0 else None, w) for i, w in enumerate(words)), *options.items()]:
                found = mention_in(value)
                if found:
                    raise CommandError(
                        f"{found!r} is a mention, which would notify people wherever the text is shown: "
                        "write the name out instead", field=key
                    )
        return Invocation(caller=caller, words=words, options=options, text=text)

    # built-in commands

    async def _question(self, text: str, caller: Caller) -> Reply:
        if len(text) > MAX_TEXT:
            return _error(f"That question is too long ({len(text):,} characters); ask in at most {MAX_TEXT:,}.")
        answer = await self._core.ask_in(text, conversation=caller.conversation_key, also=caller.continued_by)
        if not answer.found:
            await self._record_unanswered(answer, caller)
        return Reply(text=render_answer(answer), answer=answer,
                     outcome=Outcome.ANSWERED if answer.found else Outcome.NO_FACT)

    async def _record_unanswered(self, answer: Answer, caller: Caller) -> None:
        """Keep a question nobody could answer for the admins (`unanswered`); a failure to keep it
        is logged, and the asker still gets their reply."""
        try:
            await self._core.unanswered.record(answer, platform=caller.platform, channel=caller.channel,
                                               thread=caller.thread, user_id=caller.user_id, at=self._clock())
            self._core.metrics.unanswered_open.set(await self._core.unanswered.count_open())
        except Exception:
            log.exception("could not record an unanswered question from %s", caller.identity)

    async def feedback(self, question: str, *, helpful: bool, caller: Caller, given: str | None = None) -> Reply:
        """A user's thumbs up or down on an answer; a thumbs down records the question as unanswered,
        with the answer that was given, for the admins. Never raises for what a user can send."""
        self._core.metrics.feedback.labels("up" if helpful else "down").inc()
        question = " ".join(question.split())[:MAX_TEXT]
        if helpful or not question:
            return Reply(text="Thanks for the feedback.", visibility=Visibility.EPHEMERAL)
        answer = self._core.index.answer(question, threshold=self._core.settings.answer_threshold)
        answer = answer.model_copy(update={"nearest": [(f, answer.confidence) for f in answer.facts]})
        try:
            await self._core.unanswered.record(answer, platform=caller.platform, channel=caller.channel,
                                               thread=caller.thread, user_id=caller.user_id, kind="unhelpful",
                                               given=(given or answer.answer)[:MAX_TEXT], at=self._clock())
            self._core.metrics.unanswered_open.set(await self._core.unanswered.count_open())
        except Exception:
            log.exception("could not record an unhelpful answer from %s", caller.identity)
            return Reply(text="Thanks; I could not note it just now, sorry.", outcome=Outcome.ERROR,
                         visibility=Visibility.EPHEMERAL)
        return Reply(text="Thanks: the admins will see that this answer did not help, and I will tell you "
                          "here if I learn a better one.", visibility=Visibility.EPHEMERAL)

    async def _close_answered(self, reply: Reply, caller: Caller) -> Reply:
        """After a change to the facts: close the groups of waiting questions it answers, have their
        askers told, and say so in the admin's reply."""
        settings = self._core.settings
        closed = await close_answered(self._core.unanswered,
                                      lambda q: self._core.index.answer(q, threshold=settings.answer_threshold),
                                      by=caller.identity, at=self._clock())
        if not closed:
            return reply
        self._core.metrics.unanswered_open.set(await self._core.unanswered.count_open())
        if self._on_questions_answered is not None:
            try:
                await self._on_questions_answered()
            except Exception:
                log.exception("could not send the follow-ups of %d answered question groups", len(closed))
        asked = sum(g.count for g in closed)
        groups = ", ".join(f"#{g.id} \u201c{g.sample}\u201d" for g in closed[:5]) + (", \u2026" if len(closed) > 5 else "")
        told = " Its askers are told." if settings.follow_up else ""
        note = (f"This answers {len(closed)} waiting question group" + ("s" if len(closed) != 1 else "")
                + f" ({asked} asked): {groups}.{told}")
        return reply.model_copy(update={"text": f"{reply.text}\n{note}"})

    async def _ask(self, call: Invocation) -> Reply:
        text = call.text.strip()
        if not text:
            raise CommandError("ask what? Type the question after `ask`")
        return await self._question(text, call.caller)

    async def _help(self, call: Invocation) -> Reply:
        topic = " ".join(call.words).lower().strip()
        if not topic:
            return Reply(text=self._overview())
        if topic in self._commands:
            return Reply(text=self._describe(self._commands[topic]))
        if topic in self._groups:
            return Reply(text=self._describe_group(topic))
        first, _, second = topic.partition(" ")
        meant = self.near_miss(first) or self._inflected(first, second.split(" ")[0])
        if meant is not None:
            return Reply(text=self._did_you_mean(meant, second.split(" ")[0]))
        if all(Lexicon.is_english(w) for w in topic.split()):
            return Reply(text=self._overview())  # "help me", "help please": no command asked, so every command
        raise CommandError(f"there is no command `{topic}`; type `help` for the list", usage=False)

    def _overview(self) -> str:
        anyone = [c for c in self._commands.values() if not c.changes]
        admins = [c for c in self._commands.values() if c.changes]
        lines = ["Commands:"] + [f"  {c.usage}: {c.summary}" for c in anyone]
        lines += ["Admins only:"] + [f"  {c.usage}: {c.summary}" for c in admins]
        lines.append(f"Any other message is a question, e.g. {_EXAMPLE_QUESTION}")
        lines.append("Type `help COMMAND` (e.g. `help fact add`) for one command with an example.")
        return "\n".join(lines)

    def _describe_group(self, group: str) -> str:
        members = [c for n, c in self._commands.items() if n.startswith(group + " ")]
        lines = [f"`{group}` commands:"]
        for c in members:
            who = " (admins only)" if c.changes else ""
            lines += [f"  {c.usage}{who}", f"    {c.summary}. Example: {c.example}"]
        return "\n".join(lines)

    @staticmethod
    def _describe(command: Command) -> str:
        who = "Admins only. " if command.changes else ""
        lines = [f"{command.usage}", f"{who}{_sentence(command.summary)}"]
        lines += [f"  {d}" for d in command.details]
        lines.append(f"Example: {command.example}")
        return "\n".join(lines)

    @staticmethod
    def _usage(command: Command) -> str:
        return f"\nUsage: {command.usage}\nExample: {command.example}"


class _Handled(NamedTuple):
    """A reply with the command the log and the metrics name."""

    reply: Reply
    command: str = "?"
    """The command's name, "question" for a question, "?" when no command was found."""


_LOGGED = {Outcome.ANSWERED: "answered", Outcome.NO_FACT: "abstained", Outcome.SHOWN: "ok", Outcome.CHANGED: "ok",
           Outcome.INVALID: "invalid", Outcome.REFUSED: "refused", Outcome.ERROR: "error"}
"""Each outcome as the log line and the metrics count it (README: `briefbot.commands`)."""


def _field_of(exc: Exception) -> str | None:
    """The command key an error is about, where the error says so: a form shows it on that field."""
    if isinstance(exc, CommandError):
        return exc.field
    if isinstance(exc, (FactExists, RecordExists)):
        return "id"
    if isinstance(exc, UnknownEntity):
        return exc.role
    if isinstance(exc, InvalidFact):
        return next((p.field for p in exc.problems if isinstance(p, Problem)), None)
    return None


_CATALOGUE = {"facts", "entities", "sources", "topics"}
"""Changes to these may answer a question nobody could answer before."""


def _may(command: Command) -> str:
    """What only admins may do with `command`, for its refusal."""
    if command.changes == "unanswered questions":
        return "see and handle the unanswered questions"
    return f"change {command.changes}"


def _error(text: str) -> Reply:
    return Reply.failed(text)
