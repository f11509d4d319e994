"""The Discord surface: a discord.py client over the command layer, for `briefbot run`.

- Slash commands (`bot.adapters.discord_commands`): /ask, /brief, /subscribe, /unsubscribe,
  /subscriptions and the /fact and /entity groups; `/fact add` with no options opens a form. Each
  passes its typed options to the command layer (`CommandLayer.call`). An answer that is not ready
  within `DEFER_AFTER` seconds is deferred (Discord drops an interaction not answered within 3 s)
  and follows as an edit of the "thinking" message; errors, refusals and the replies to admin
  commands are ephemeral (only the caller sees them), as the command layer says (`Reply.visibility`,
  known before the reply for the deferral: `CommandLayer.visibility`).
- @mentions (the text around the mention) and DMs are answered in place; with the message content
  intent (BRIEFBOT_DISCORD_MESSAGE_CONTENT) also replies to the bot's own messages that do not ping it.
- Identity: `discord:<user id>`. A member with Manage Server (or Administrator) is an admin where
  they have it (`Caller.admin`), in the guild DISCORD_GUILD_ID only when that is set; the command
  layer enforces it, whatever the server's command permissions say.
- The client is created with `AllowedMentions.none()`, so nothing it posts can ping anyone, and
  every text is escaped besides. discord.py waits out 429s itself; every 429 and API error is
  counted in the metrics.
- An interaction or message that reaches several replicas (each gateway session of one bot gets
  every event) is answered once: its id is claimed in the database (`EventLedger`) first.
- Commands are not synced at start: `briefbot discord sync` does it (`sync_commands`), to
  DISCORD_GUILD_ID when set (instant), globally otherwise.

DISCORD_API_URL and DISCORD_GATEWAY_URL: discord.py reads the REST base from the class attribute
`discord.http.Route.BASE` and the gateway from `DiscordWebSocket.DEFAULT_GATEWAY` (it calls no
``GET /gateway`` for an unsharded client), and offers no per-client setting for either. So `start`
(and `sync_commands`) set both class attributes when the settings name URLs, and `stop` puts back
what was there: one Discord client per process, which is what `briefbot run` has.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.attachments import MAX_ATTACHMENT, AttachmentError, is_text_file, message_with_attachment
from bot.adapters.discord_commands import FactAddForm, FormArguments, add_commands
from bot.adapters.discord_messages import (
    Outgoing,
    delivery_nonce,
    incoming_text,
    read_feedback,
    reply_messages,
    slash_options,
)
from bot.commands import Caller, Reply, Visibility
from bot.errors import UserFacingError
from bot.metrics import Metrics
from bot.render.discord import render_briefing_embeds, render_digest_embed
from bot.surface import PublishError, Record, SurfaceContext
from briefings.deliveries import Posted
from briefings.digest import Edition
from config.settings import Settings

__all__ = [
    "DEFER_AFTER",
    "DiscordStartError",
    "DiscordSurface",
    "SyncResult",
    "build_intents",
    "sync_commands",
]

log = logging.getLogger("briefbot.discord")

DEFER_AFTER = 1.5
"""Seconds an interaction's answer may take before it is deferred (Discord waits 3 s at most)."""
READY_TIMEOUT = 60.0
"""Seconds `start` waits for the gateway's READY."""
STOP_GRACE = 10.0
"""Seconds `stop` waits for replies in flight."""
PRUNE_EVERY = 3600.0
_NETWORK_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError, OSError)
THREAD_ALREADY_STARTED = 160004
"""Discord's error code for starting a thread from a message that has one."""


@contextmanager
def _publish_errors(key: str, channel: str, *, what: str = "briefing") -> Iterator[None]:
    """Discord's errors while publishing, as PublishError: retryable unless Discord refused for good."""
    try:
        yield
    except (discord.Forbidden, discord.NotFound) as exc:
        raise PublishError(f"{what} {key} could not be posted to {channel}: HTTP {exc.status} "
                           f"({exc.text or 'no text'})", retryable=False) from None
    except discord.HTTPException as exc:
        raise PublishError(f"{what} {key} could not be posted to {channel}: HTTP {exc.status} "
                           f"({exc.text or 'no text'})", retryable=exc.status >= 500 or exc.status == 429) from None
    except _NETWORK_ERRORS as exc:
        raise PublishError(f"{what} {key} could not be posted to {channel}: {exc!r}", retryable=True) from None
_ANSWERED_KINDS = (discord.MessageType.default, discord.MessageType.reply)


class DiscordStartError(UserFacingError):
    """Discord refused the token or the intents, or could not be reached, at start; the message says which."""


def build_intents(settings: Settings) -> discord.Intents:
    """The default intents (guilds, guild and DM messages, no privileged ones), plus message
    content when BRIEFBOT_DISCORD_MESSAGE_CONTENT is on."""
    intents = discord.Intents.default()
    intents.message_content = settings.discord_message_content
    return intents


def _point_at(settings: Settings) -> Callable[[], None]:
    """Set discord.py's REST base and gateway URL from the settings (see the module doc); returns
    what puts back the previous ones."""
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    if settings.discord_api_url:
        Route.BASE = settings.discord_api_url.rstrip("/")
    if settings.discord_gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)

    def restore() -> None:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved

    return restore


def _counting(metrics: Metrics) -> aiohttp.TraceConfig:
    """An aiohttp trace on the client's session (REST, interaction responses and follow-ups alike)
    that counts Discord's 429s and its other error answers."""
    trace = aiohttp.TraceConfig()

    async def on_request_end(session: Any, context: Any, params: aiohttp.TraceRequestEndParams) -> None:
        status = params.response.status
        if status == 429:
            metrics.rate_limit_waits.labels("discord").inc()
        elif status >= 400:
            metrics.platform_errors.labels("discord").inc()

    trace.on_request_end.append(on_request_end)
    return trace


class _Client(discord.Client):
    """discord.Client with the command tree and a message listener passed in, nothing else."""

    def __init__(self, *, on_message: Callable[[discord.Message], Awaitable[None]] | None = None,
                 on_component: Callable[[discord.Interaction], Awaitable[None]] | None = None,
                 **options: Any) -> None:
        super().__init__(allowed_mentions=discord.AllowedMentions.none(), **options)
        self.tree: app_commands.CommandTree[_Client] = app_commands.CommandTree(self)
        self._message_listener = on_message
        self._component_listener = on_component

    async def on_message(self, message: discord.Message) -> None:
        if self._message_listener is not None:
            await self._message_listener(message)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        if interaction.type is discord.InteractionType.component and self._component_listener is not None:
            await self._component_listener(interaction)


def _build_client(settings: Settings, *, metrics: Metrics, guild_ready_timeout: float = 2.0,
                  on_message: Callable[[discord.Message], Awaitable[None]] | None = None,
                  on_component: Callable[[discord.Interaction], Awaitable[None]] | None = None) -> _Client:
    return _Client(intents=build_intents(settings), on_message=on_message, on_component=on_component,
                   http_trace=_counting(metrics),
                   guild_ready_timeout=guild_ready_timeout, chunk_guilds_at_startup=False)


def _token(settings: Settings) -> str:
    if settings.discord_token is None:
        raise DiscordStartError("DISCORD_TOKEN is not set")
    return settings.discord_token.get_secret_value()


async def _login(client: discord.Client, settings: Settings) -> None:
    try:
        await client.login(_token(settings))
    except discord.LoginFailure:
        raise DiscordStartError("Discord refused DISCORD_TOKEN (401): copy the bot token from the Developer "
                                "Portal's Bot page") from None
    except discord.HTTPException as exc:
        raise DiscordStartError(f"Discord answered the login with HTTP {exc.status} ({exc.text or 'no text'})") from None
    except _NETWORK_ERRORS as exc:
        raise DiscordStartError(f"cannot reach the Discord API at {Route.BASE} ({exc!r})") from None


def _closed_why(exc: BaseException) -> str:
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return ("Discord refused the message content intent (gateway close 4014): enable it under Bot > Privileged "
                "Gateway Intents in the Developer Portal, or set BRIEFBOT_DISCORD_MESSAGE_CONTENT=false")
    if isinstance(exc, discord.ConnectionClosed):
        if exc.code == 4004:
            return "the gateway refused DISCORD_TOKEN (close 4004)"
        return f"the gateway closed the connection for good (code {exc.code}: {exc.reason or 'no reason'})"
    return f"the gateway connection failed ({exc!r})"


class _NoHandlers:
    """For `sync_commands`: the tree's declarations are all that is needed; nothing is answered."""

    async def run(self, interaction: discord.Interaction, name: str, *words: str | None,
                  options: Mapping[str, object | None] | None = None, clear: str | None = None,
                  text: str = "") -> None:
        raise RuntimeError("commands are not answered while syncing")

    async def open_fact_form(self, interaction: discord.Interaction) -> None:
        raise RuntimeError("commands are not answered while syncing")


@dataclass(frozen=True)
class SyncResult:
    commands: list[str]
    """Every command as a user types it: /ask, /fact show, ..."""
    guild_id: int | None
    """The guild synced to; None for global."""


def _names(commands: list[app_commands.AppCommand]) -> list[str]:
    names: list[str] = []
    for command in commands:
        subs = [o.name for o in command.options if isinstance(o, app_commands.AppCommandGroup)]
        names += [f"/{command.name} {s}" for s in subs] if subs else [f"/{command.name}"]
    return names


async def sync_commands(settings: Settings, *, metrics: Metrics | None = None) -> SyncResult:
    """Log in (REST only, no gateway), register the slash commands and log out.

    To DISCORD_GUILD_ID when set (they appear at once), else globally (Discord may take a while to
    show them everywhere). Creating commands is capped at 200 a day per guild: sync when they change,
    not on every start."""
    restore = _point_at(settings)
    client = _build_client(settings, metrics=metrics or Metrics())
    add_commands(client.tree, _NoHandlers())
    try:
        await _login(client, settings)
        guild = discord.Object(id=settings.discord_guild_id) if settings.discord_guild_id else None
        if guild is not None:
            client.tree.copy_global_to(guild=guild)
        try:
            synced = await client.tree.sync(guild=guild)
        except discord.HTTPException as exc:
            raise DiscordStartError(f"Discord refused the commands: HTTP {exc.status} ({exc.text or 'no text'})"
                                    + (" - is the bot in that guild, invited with the applications.commands "
                                       "scope?" if exc.status == 403 else "")) from None
        except _NETWORK_ERRORS as exc:
            raise DiscordStartError(f"cannot reach the Discord API at {Route.BASE} ({exc!r})") from None
    finally:
        await client.close()
        restore()
    return SyncResult(commands=_names(synced), guild_id=settings.discord_guild_id)


class DiscordSurface:
    """Discord, for `briefbot run`. Built by the composition root; `start` logs in and connects the gateway."""

    platform = "discord"
    routes = ()
    """It serves nothing over HTTP: the gateway brings its events."""

    def __init__(self, context: SurfaceContext, *, defer_after: float = DEFER_AFTER, guild_ready_timeout: float = 2.0,
                 ready_timeout: float = READY_TIMEOUT) -> None:
        self._commands = context.commands
        self._settings = context.settings
        self._ledger = context.events
        self._time_left = context.time_left
        self._request_stop = context.request_stop
        self._defer_after = defer_after
        self._ready_timeout = ready_timeout
        self._admin_guild = self._settings.discord_guild_id
        self.client = _build_client(self._settings, metrics=context.metrics,
                                    guild_ready_timeout=guild_ready_timeout, on_message=self._tracked_message,
                                    on_component=self._tracked_feedback)
        add_commands(self.client.tree, self)
        self.client.tree.error(self._on_tree_error)
        self._restore: Callable[[], None] | None = None
        self._connection: asyncio.Task[None] | None = None
        self._pruner: asyncio.Task[None] | None = None
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._stopping = False

    # lifecycle

    async def start(self) -> None:
        """Log in (GET /users/@me), connect the gateway and return once READY; DiscordStartError otherwise."""
        self._restore = _point_at(self._settings)
        try:
            await _login(self.client, self._settings)
            self._connection = asyncio.create_task(self.client.connect(reconnect=True), name="discord-gateway")
            ready = asyncio.create_task(self.client.wait_until_ready(), name="discord-ready")
            done, _ = await asyncio.wait({self._connection, ready}, timeout=self._ready_timeout,
                                         return_when=asyncio.FIRST_COMPLETED)
            if ready not in done:
                ready.cancel()
                if self._connection in done:
                    raise DiscordStartError(_closed_why(self._connection.exception() or RuntimeError("closed")))
                raise DiscordStartError(f"no READY from the Discord gateway within {self._ready_timeout:g} s")
        except BaseException:
            await self._close_client()
            raise
        self._connection.add_done_callback(self._connection_ended)
        await self._ledger.prune()
        self._pruner = asyncio.create_task(self._ledger.prune_regularly(every=PRUNE_EVERY), name="discord-prune-events")
        user = self.client.user
        log.info("Discord as %s (%s), intents %s, in %d guild(s)", user, user.id if user else "?",
                 "with message content" if self._settings.discord_message_content else "without message content",
                 len(self.client.guilds))

    def _connection_ended(self, task: asyncio.Task[None]) -> None:
        if self._stopping or task.cancelled():
            return
        exc = task.exception()
        log.error("Discord disconnected and cannot reconnect: %s; stopping", _closed_why(exc or RuntimeError("closed")))
        self._request_stop()

    async def stop(self) -> None:
        """Disconnect, let the replies in flight finish (up to STOP_GRACE s), close the client."""
        self._stopping = True
        if self._pruner is not None:
            self._pruner.cancel()
        in_flight = [t for t in self._in_flight if t is not asyncio.current_task()]
        if in_flight:
            await asyncio.wait(in_flight, timeout=min(STOP_GRACE, self._time_left()))
        await self._close_client()

    async def _close_client(self) -> None:
        self._stopping = True
        await self.client.close()
        if self._connection is not None:
            await asyncio.wait({self._connection}, timeout=min(STOP_GRACE, self._time_left()))
            if self._connection.done() and not self._connection.cancelled():
                self._connection.exception()  # seen: start or _connection_ended has said what it was
        if self._restore is not None:
            self._restore()
            self._restore = None

    # publishing (the scheduler)

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        """Post the digest embed to `channel` (a channel id), start a thread from it, and post the
        full briefing's embeds in that thread.

        What Discord accepted is recorded after each message (`record`), so a retry sends only what
        is missing. Each message also carries a nonce from `key` and its place, with `enforce_nonce`:
        sent again within a few minutes, Discord returns the message it already created."""
        if self.client.is_closed() or self.client.user is None:
            raise PublishError(f"briefing {key}: the Discord client is not connected", retryable=True)
        try:
            target = self.client.get_partial_messageable(int(channel))
        except ValueError:
            raise PublishError(f"briefing {key}: {channel!r} is not a Discord channel id", retryable=False) from None
        with _publish_errors(key, channel):
            if posted.post is None:
                message = await target.send(embed=render_digest_embed(edition.digest), nonce=delivery_nonce(key, 0))
                posted = Posted(post=str(message.id))
                await record(posted)
            messages = render_briefing_embeds(edition.briefing)
            if len(posted.replies) < len(messages):
                thread = await self._thread(int(channel), int(posted.post), name=edition.briefing.title)
                for index in range(len(posted.replies), len(messages)):
                    reply = await thread.send(embeds=messages[index], nonce=delivery_nonce(key, index + 1))
                    posted = posted.with_reply(str(reply.id))
                    await record(posted)
        log.info("published briefing %s to %s (post %s, %d replies in its thread)", key, channel, posted.post,
                 len(posted.replies))
        return posted

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        """Post `text` in `channel`, as a reply to message `thread` when given (no ping, and sent
        alone if that message is gone); its id. PublishError: not retryable when Discord refuses
        for good (the bot left the channel or lost access)."""
        if self.client.is_closed() or self.client.user is None:
            raise PublishError(f"{key}: the Discord client is not connected", retryable=True)
        try:
            target = self.client.get_partial_messageable(int(channel))
            reference = (discord.MessageReference(message_id=int(thread), channel_id=int(channel),
                                                  fail_if_not_exists=False) if thread else None)
        except ValueError:
            raise PublishError(f"{key}: {channel!r} is not a Discord channel id", retryable=False) from None
        with _publish_errors(key, channel, what="message"):
            message = await target.send(content=text[:2000], reference=reference, nonce=delivery_nonce(key, 0),
                                        mention_author=False)
        return str(message.id)

    async def _thread(self, channel_id: int, message_id: int, *, name: str) -> discord.PartialMessageable:
        """The thread started from the message, started now unless it was already (by an earlier
        attempt): a thread started from a message has the message's id."""
        try:
            await self.client.http.start_thread_with_message(channel_id, message_id, name=name[:100],
                                                             auto_archive_duration=1440)
        except discord.HTTPException as exc:
            if exc.code != THREAD_ALREADY_STARTED:
                raise
        return self.client.get_partial_messageable(message_id, type=discord.ChannelType.public_thread)

    # who is asking

    def _vouched(self, guild_id: int | None, permissions: discord.Permissions) -> bool:
        """Manage Server (or Administrator) in this guild, and this guild counts."""
        if guild_id is None or (self._admin_guild is not None and guild_id != self._admin_guild):
            return False
        return permissions.manage_guild or permissions.administrator

    def _caller(self, interaction: discord.Interaction) -> Caller:
        # `interaction.permissions`: the member's permissions as Discord resolved them for this channel
        return Caller(platform="discord", user_id=str(interaction.user.id), channel=str(interaction.channel_id),
                      admin=self._vouched(interaction.guild_id, interaction.permissions))

    def _message_caller(self, message: discord.Message) -> Caller:
        author = message.author
        admin = isinstance(author, discord.Member) and self._vouched(message.guild.id if message.guild else None,
                                                                     author.guild_permissions)
        return Caller(platform="discord", user_id=str(author.id), channel=str(message.channel.id), admin=admin,
                      conversation=_conversation(message),
                      continued_by=(_message_key(message.channel.id, message.id),),
                      thread=str(message.id))

    async def _first_time(self, kind: str, event_id: int) -> bool:
        """Claim an interaction or message id; False when another replica (or delivery) has it."""
        try:
            if await self._ledger.first_time("discord", f"{kind}:{event_id}"):
                return True
        except Exception:  # noqa: BLE001 - better to answer twice than never
            log.exception("could not claim %s %s; answering anyway", kind, event_id)
            return True
        log.info("%s %s already handled elsewhere; not answering again", kind, event_id)
        return False

    # interactions (called by the slash commands and the form)

    async def run(self, interaction: discord.Interaction, name: str, *words: str | None,
                  options: Mapping[str, object | None] | None = None, clear: str | None = None,
                  text: str = "") -> None:
        """A slash command: its typed options passed through to the command layer, unparsed."""
        given = slash_options(options, clear=clear)
        with self._tracking():
            if not await self._first_time("interaction", interaction.id):
                return
            await self._answer(interaction, name, lambda caller: self._commands.call(
                name, caller, words=[w for w in words if w is not None], options=given, text=text))

    async def open_fact_form(self, interaction: discord.Interaction) -> None:
        with self._tracking():
            if not await self._first_time("interaction", interaction.id):
                return
            caller = self._caller(interaction)
            if not await self._commands.may("fact add", caller):
                # the same refusal `fact add` gives: no form for someone who cannot submit it
                await self._answer(interaction, "fact add", lambda caller: self._commands.call("fact add", caller))
                return
            try:
                await interaction.response.send_modal(FactAddForm(self._submit_fact_form))
            except (discord.HTTPException, *_NETWORK_ERRORS) as exc:
                log.warning("could not open the fact form for %s: %s", caller.identity, exc)

    async def _submit_fact_form(self, interaction: discord.Interaction, arguments: FormArguments) -> None:
        words, options, more = arguments
        with self._tracking():
            if await self._first_time("interaction", interaction.id):
                await self._answer(interaction, "fact add", lambda caller: self._commands.call(
                    "fact add", caller, words=words, options=options, text=more))

    async def _answer(self, interaction: discord.Interaction, text: str,
                      reply_to: Callable[[Caller], Awaitable[Reply]]) -> None:
        """Answer at once if the reply is ready within `defer_after` s; else defer (in public or
        not, as the command layer says the reply to `text` will be shown), then edit it in."""
        work = asyncio.ensure_future(reply_to(self._caller(interaction)))
        private = self._commands.visibility(text) is Visibility.EPHEMERAL
        deferred = False
        try:
            done, _ = await asyncio.wait({work}, timeout=self._defer_after)
            if not done:
                await interaction.response.defer(thinking=True, ephemeral=private)
                deferred = True
            reply = await work
            await self._respond(interaction, reply, deferred=deferred, private=private)
        except (discord.HTTPException, *_NETWORK_ERRORS) as exc:
            log.warning("could not answer interaction %s (%s): %s", interaction.id, text.split(" ", 1)[0], exc)

    async def _respond(self, interaction: discord.Interaction, reply: Reply, *, deferred: bool, private: bool) -> None:
        """`private`: the deferral was ephemeral; the reply's own visibility decides the rest."""
        ephemeral = reply.ephemeral
        messages = reply_messages(reply)
        if not deferred:
            first, rest = messages[0], messages[1:]
            await interaction.response.send_message(**first.kwargs(), ephemeral=ephemeral)  # type: ignore[arg-type]
        elif ephemeral and not private:
            # deferred in public, but the reply is for the caller only: drop the "thinking" message
            await interaction.delete_original_response()
            rest = messages
        else:
            first, rest = messages[0], messages[1:]
            await interaction.edit_original_response(**first.kwargs())  # type: ignore[arg-type]
        for message in rest:
            await interaction.followup.send(**message.kwargs(), ephemeral=ephemeral)  # type: ignore[arg-type]

    async def _on_tree_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        log.error("slash command %s failed", interaction.command.name if interaction.command else "?", exc_info=error)
        if not interaction.response.is_done():
            try:
                await interaction.response.send_message(
                    "Sorry, something went wrong on my side; it has been logged. Nothing was changed.", ephemeral=True)
            except (discord.HTTPException, *_NETWORK_ERRORS):
                pass

    # feedback buttons

    async def _tracked_feedback(self, interaction: discord.Interaction) -> None:
        with self._tracking():
            await self._on_feedback(interaction)

    async def _on_feedback(self, interaction: discord.Interaction) -> None:
        """👍 / 👎 under an answer: told to the command layer, thanked privately."""
        custom_id = str((interaction.data or {}).get("custom_id", ""))
        vote = read_feedback(custom_id)
        if vote is None or not await self._first_time("interaction", interaction.id):
            return
        helpful, question = vote
        message = interaction.message
        reference = message.reference.message_id if message is not None and message.reference else None
        thread = str(reference or (message.id if message is not None else "")) or None
        caller = Caller(platform="discord", user_id=str(interaction.user.id), channel=str(interaction.channel_id),
                        thread=thread)
        reply = await self._commands.feedback(question, helpful=helpful, caller=caller,
                                              given=message.content if message is not None else None)
        try:
            await interaction.response.send_message(reply.text, ephemeral=reply.ephemeral)
        except (discord.HTTPException, *_NETWORK_ERRORS) as exc:
            log.warning("could not answer feedback interaction %s: %s", interaction.id, exc)

    # messages: @mentions and DMs

    async def _tracked_message(self, message: discord.Message) -> None:
        with self._tracking():
            await self._on_message(message)

    def _addressed(self, message: discord.Message) -> bool:
        """A DM, a message that mentions the bot, or (with message content) a reply to one of its messages."""
        me = self.client.user
        if me is None or message.author.bot or message.webhook_id is not None or message.type not in _ANSWERED_KINDS:
            return False
        if message.guild is None or any(u.id == me.id for u in message.mentions):
            return True
        replied = message.reference.resolved if message.reference is not None else None
        return (self._settings.discord_message_content and isinstance(replied, discord.Message)
                and replied.author.id == me.id)

    async def _on_message(self, message: discord.Message) -> None:
        if not self._addressed(message) or not await self._first_time("message", message.id):
            return
        me = self.client.user
        text = incoming_text(message.content, bot_user_id=me.id if me else None)
        try:
            text = await self._with_attachment(text, message)
        except AttachmentError as exc:
            reply = Reply.failed(f"{exc}; nothing was changed.")
        else:
            reply = await self._commands.handle(text, self._message_caller(message))
        try:
            for index, outgoing in enumerate(reply_messages(reply)):
                await self._send(message, outgoing, first=index == 0)
        except (discord.HTTPException, *_NETWORK_ERRORS) as exc:
            log.warning("could not reply in channel %s: %s", message.channel.id, exc)

    @staticmethod
    async def _with_attachment(text: str, message: discord.Message) -> str:
        """The message with its first attached text file read as its lines after the first."""
        attached = next((a for a in message.attachments if is_text_file(a.filename, mimetype=a.content_type)), None)
        if attached is None:
            return text
        if attached.size > MAX_ATTACHMENT:
            raise AttachmentError(f"{attached.filename} is too long ({attached.size:,} bytes; at most {MAX_ATTACHMENT:,})")
        try:
            data = await attached.read()
        except (discord.HTTPException, *_NETWORK_ERRORS) as exc:
            log.warning("could not fetch attachment %s: %r", attached.id, exc)
            raise AttachmentError(f"I could not fetch {attached.filename} from Discord") from None
        return message_with_attachment(text, data, name=attached.filename)

    @staticmethod
    async def _send(message: discord.Message, outgoing: Outgoing, *, first: bool) -> None:
        if first:
            await message.reply(**outgoing.kwargs(), mention_author=False)  # type: ignore[arg-type]
        else:
            await message.channel.send(**outgoing.kwargs())  # type: ignore[arg-type]

    @contextmanager
    def _tracking(self) -> Iterator[None]:
        """Count the current task as a reply in flight, which `stop` waits for."""
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            yield
        finally:
            if task is not None:
                self._in_flight.discard(task)


def _conversation(message: discord.Message) -> str | None:
    """Where a message's follow-up context is: the DM or thread it is in; for a reply to one of the
    bot's answers, the question that answer replied to (a reply chain); else this user in the channel."""
    if message.guild is None or isinstance(message.channel, discord.Thread):
        return f"discord:{message.channel.id}"
    replied = message.reference.resolved if message.reference is not None else None
    if isinstance(replied, discord.Message) and replied.reference is not None and replied.reference.message_id:
        return _message_key(message.channel.id, replied.reference.message_id)
    return None


def _message_key(channel_id: int, message_id: int) -> str:
    return f"discord:{channel_id}:message:{message_id}"
