"""A fake of Discord on loopback: its REST API and its gateway websocket, for the real discord.py.

It records what the bot sends, so tests assert *what was posted*, and misbehaves on demand (429s
with ``retry_after``, dropped gateway connections, refused intents). It also builds what Discord
sends the bot (interactions, messages) and dispatches them over the gateway.

    async with FakeDiscord() as discord_:            # an aiohttp app on 127.0.0.1, ephemeral port
        settings = load_settings(discord_token=discord_.token, discord_api_url=discord_.api_url,
                                 discord_gateway_url=discord_.gateway_url, ...)
        ...                                           # start the bot; it logs in and identifies
        await discord_.dispatch("INTERACTION_CREATE", discord_.slash("ask", question="who?"))
        [callback] = await discord_.wait_for("callback")          # no sleep-polling
        assert callback.payload["data"]["allowed_mentions"] == {"parse": []}

The API, for the tests that reuse it:

- `api_url` (``http://127.0.0.1:PORT/api/v10``, for ``discord.http.Route.BASE`` and
  ``DISCORD_API_URL``) and `gateway_url` (``ws://127.0.0.1:PORT/gateway``, for
  ``DiscordWebSocket.DEFAULT_GATEWAY`` and ``DISCORD_GATEWAY_URL``). `token` is the bot token
  every authenticated route and IDENTIFY check (a wrong one: 401, or gateway close 4004).
- REST answered, each as a *kind* of call: ``me`` (GET /users/@me), ``application``
  (GET /oauth2/applications/@me), ``gateway`` (GET /gateway and /gateway/bot), ``sync`` (PUT
  /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands: echoed with ids),
  ``callback`` (POST /interactions/{id}/{token}/callback), ``followup`` (POST
  /webhooks/{app}/{token}), ``edit-original`` and ``delete-original`` (PATCH and DELETE
  /webhooks/{app}/{token}/messages/@original), ``message`` (POST /channels/{id}/messages: a
  ``nonce`` sent with ``enforce_nonce`` returns the message already created with it, as Discord
  does for a few minutes), ``thread`` (POST /channels/{id}/messages/{message}/threads: a public
  thread with the message's id, as Discord gives it; a second one on the same message gets 400
  with code 160004, an unknown message 404). Anything else is recorded as ``unknown`` and gets 404.
  Every answer carries the rate-limit headers discord.py reads (X-RateLimit-Limit, -Remaining,
  -Reset, -Reset-After, -Bucket) and ``Via``, without which discord.py takes a 429 for a ban.
- `calls(kind)`: the accepted calls of a kind, in arrival order, as `Call` (kind, method, path,
  query, payload parsed from JSON, the interaction `token` for callback and webhook routes,
  `channel_id` for messages). `rejected(kind)`: those answered with an injected failure.
  `messages(channel_id)`: the channel messages created (after nonce de-duplication); a thread's
  messages are those of its id. `thread(message_id)`: the thread started from a message, if any.
- `await wait_for(kind, count=N, timeout=5)`: until N accepted calls of `kind` have arrived (an
  `asyncio.Condition`, no polling); returns them. `TimeoutError` says what did arrive.
- `fail(kind, times=N, status=429, retry_after=0.05)`: the next N calls of `kind` get `status`
  (for 429 the JSON body ``{"retry_after": ..., "global": false}``, ``Retry-After`` and
  ``X-RateLimit-Scope``).
- Gateway: HELLO (``heartbeat_interval`` = `heartbeat_interval_ms`), heartbeats answered with
  HEARTBEAT_ACK (counted in `heartbeats`), IDENTIFY answered with READY (`application_id`,
  ``session_id``, ``resume_gateway_url``) and GUILD_CREATE (guild `guild_id` with channel
  `channel_id` and two roles: @everyone, and "Moderators" with Manage Server as `MODERATOR_ROLE`),
  RESUME of a known session answered with RESUMED, of an unknown one with INVALID_SESSION.
  `identifies`, `resumes` and `intents` (of the latest IDENTIFY) say what the bot did.
  `allowed_intents`: an IDENTIFY asking for a privileged intent (members, presences, message
  content) outside it gets close code 4014, as Discord does for an intent not enabled in the portal.
- `await wait_connected(count=1)`: until `count` gateway sessions are live (READY or RESUMED
  sent). `await dispatch(event, data)`: sends a DISPATCH to every live session (Discord sends a
  bot's events to each of its sessions), waiting for one first.
  `await drop(code=4000)`: closes every live session with `code`; ``code=None`` cuts the TCP
  connection without a close frame. `forget_sessions()`: the next RESUME is refused (INVALID_SESSION,
  not resumable), so the bot must IDENTIFY afresh.
- Building Discord's side: `user(id)`, `slash(name, sub=None, *, user_id=..., permissions=0,
  dm=False, **options)` (an APPLICATION_COMMAND interaction; `permissions` is the member's
  resolved permission bits, e.g. `MANAGE_GUILD`), `modal_submit(custom_id, values, ...)`,
  `message(content, *, mention_bot=False, dm=False, user_id=..., roles=(), reply_to=None)` (a
  MESSAGE_CREATE; `reply_to` is a message object the new one replies to, e.g. one the bot sent).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import re
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from aiohttp import WSMsgType, web

__all__ = ["Call", "FakeDiscord", "MANAGE_GUILD", "MESSAGE_CONTENT", "MODERATOR_ROLE"]

TOKEN = "fake-discord-bot-token"
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
MODERATOR_ROLE = 1_100_000_000_000_000_777
"""A role in the fake guild whose members have Manage Server."""
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
MESSAGE_CONTENT = 1 << 15
_PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT
_EPHEMERAL = 1 << 6

# gateway opcodes
_DISPATCH, _HEARTBEAT, _IDENTIFY, _RESUME, _INVALID_SESSION, _HELLO, _HEARTBEAT_ACK = 0, 1, 2, 6, 9, 10, 11

_ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    (method, re.compile(pattern), kind)
    for method, pattern, kind in [
        ("GET", r"/users/@me", "me"),
        ("GET", r"/oauth2/applications/@me", "application"),
        ("GET", r"/gateway(?:/bot)?", "gateway"),
        ("PUT", r"/applications/(?P<app>\d+)(?:/guilds/(?P<guild>\d+))?/commands", "sync"),
        ("POST", r"/interactions/(?P<interaction>\d+)/(?P<token>[^/]+)/callback", "callback"),
        ("POST", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)", "followup"),
        ("PATCH", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/@original", "edit-original"),
        ("DELETE", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/@original", "delete-original"),
        ("POST", r"/channels/(?P<channel>\d+)/messages", "message"),
        ("POST", r"/channels/(?P<channel>\d+)/messages/(?P<message>\d+)/threads", "thread"),
    ]
]
_AUTHENTICATED = {"me", "application", "gateway", "sync", "message", "thread"}
"""Routes that need the bot token (webhook and interaction routes are authorised by their token)."""


@dataclass(frozen=True)
class Call:
    """One REST request the bot made to the fake."""

    kind: str
    method: str
    path: str
    query: dict[str, str]
    payload: Any
    at: float
    """When it arrived, on the event loop's clock (seconds)."""
    token: str | None = None
    """The interaction token, for callback and webhook routes."""
    channel_id: str | None = None


@dataclass
class _Failure:
    times: int
    status: int
    retry_after: float


@dataclass
class _Session:
    ws: web.WebSocketResponse
    request: web.Request
    session_id: str | None = None
    seq: int = 0
    live: bool = False


def _json(body: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON as Discord sends it: discord.py parses a body only when Content-Type is exactly
    ``application/json`` (aiohttp's own json_response adds a charset)."""
    return web.Response(body=json.dumps(body).encode(), status=status, headers={**(headers or {}),
                                                                     "Content-Type": "application/json"})


def _iso(moment: datetime | None = None) -> str:
    return (moment or datetime.now(timezone.utc)).isoformat()


class FakeDiscord:
    """Discord's REST API and gateway on one loopback port."""

    def __init__(
        self,
        *,
        token: str = TOKEN,
        application_id: int = 1_100_000_000_000_000_001,
        guild_id: int = 1_100_000_000_000_000_100,
        channel_id: int = 1_100_000_000_000_000_200,
        heartbeat_interval_ms: int = 500,
        allowed_intents: int = _PRIVILEGED,
    ) -> None:
        self.token = token
        self.application_id = application_id
        self.bot_user_id = application_id  # a bot's user id is its application's id
        self.guild_id = guild_id
        self.channel_id = channel_id
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.allowed_intents = allowed_intents
        self.port: int | None = None
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self.intents: int | None = None
        self._ids = itertools.count(1_200_000_000_000_000_000)
        self.attachments: dict[str, bytes] = {}
        self.attachment_downloads: list[str] = []
        """The ids of the attachments fetched, in order."""
        self._calls: list[Call] = []
        self._rejected: list[Call] = []
        self._failures: dict[str, _Failure] = {}
        self._messages: dict[str, list[dict[str, Any]]] = {}
        self._by_nonce: dict[tuple[str, str], dict[str, Any]] = {}
        self._threads: dict[str, dict[str, Any]] = {}
        self._sessions: list[_Session] = []
        self._known: dict[str, int] = {}
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None

    # lifecycle

    async def start(self) -> FakeDiscord:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_get("/gateway", self._gateway_socket)
        app.router.add_get("/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        for session in list(self._sessions):
            await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # what was received

    def calls(self, kind: str | None = None) -> list[Call]:
        return [c for c in self._calls if kind is None or c.kind == kind]

    def rejected(self, kind: str | None = None) -> list[Call]:
        return [c for c in self._rejected if kind is None or c.kind == kind]

    def messages(self, channel_id: int | str) -> list[dict[str, Any]]:
        return list(self._messages.get(str(channel_id), []))

    async def wait_for(self, kind: str, count: int = 1, *, timeout: float = 5.0) -> list[Call]:
        """The first `count` accepted calls of `kind`, once they have arrived."""
        await self._wait(lambda: len(self.calls(kind)) >= count, timeout,
                         lambda: f"{len(self.calls(kind))} of {count} {kind} calls arrived; "
                                 f"all: {[(c.kind, c.path) for c in self._calls]}")
        return self.calls(kind)[:count]

    async def wait_connected(self, count: int = 1, *, timeout: float = 5.0) -> None:
        await self._wait(lambda: sum(s.live for s in self._sessions) >= count, timeout,
                         lambda: f"{sum(s.live for s in self._sessions)} of {count} gateway sessions are live")

    async def _wait(self, ready: Callable[[], bool], timeout: float, what: Callable[[], str]) -> None:
        assert self._changed is not None, "start the fake first"
        try:
            async with self._changed:
                await asyncio.wait_for(self._changed.wait_for(ready), timeout)
        except TimeoutError:
            raise TimeoutError(f"after {timeout} s: {what()}") from None

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    # misbehaving on demand

    def fail(self, kind: str, *, times: int = 1, status: int = 429, retry_after: float = 0.05) -> None:
        self._failures[kind] = _Failure(times=times, status=status, retry_after=retry_after)

    def forget_sessions(self) -> None:
        """Make every session unknown, so that the next RESUME gets INVALID_SESSION (not resumable)."""
        self._known.clear()
        for session in self._sessions:
            session.session_id = None

    async def drop(self, *, code: int | None = 4000) -> None:
        """Close every live gateway session: with `code`, or abruptly (no close frame) for None."""
        for session in [s for s in self._sessions if s.live]:
            session.live = False
            if code is None:
                transport = session.request.transport
                if transport is not None:
                    transport.abort()
            else:
                await session.ws.close(code=code)

    # REST

    def _headers(self, kind: str, *, remaining: int = 4, reset_after: float = 1.0) -> dict[str, str]:
        return {
            "Via": "1.1 google",
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": hashlib.md5(kind.encode()).hexdigest(),
        }

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        kind, params = "unknown", {}
        for method, pattern, name in _ROUTES:
            match = pattern.fullmatch(path)
            if match and request.method == method:
                kind, params = name, match.groupdict()
                break
        body = await request.text()
        try:
            payload = json.loads(body) if body else None
        except ValueError:
            payload = body
        call = Call(kind=kind, method=request.method, path=path, query=dict(request.query), payload=payload,
                    at=asyncio.get_running_loop().time(), token=params.get("token"), channel_id=params.get("channel"))
        if kind in _AUTHENTICATED and request.headers.get("Authorization") != f"Bot {self.token}":
            self._rejected.append(call)
            await self._notify()
            return _json({"message": "401: Unauthorized", "code": 0}, status=401,
                                     headers=self._headers(kind))
        failure = self._failures.get(kind)
        if failure is not None and failure.times > 0:
            failure.times -= 1
            self._rejected.append(call)
            await self._notify()
            return self._failure_response(kind, failure)
        if kind == "unknown":
            self._rejected.append(call)
            await self._notify()
            return _json({"message": "404: Not Found", "code": 0}, status=404, headers=self._headers(kind))
        response = self._answer(call, params)
        self._calls.append(call)
        await self._notify()
        return response

    def _failure_response(self, kind: str, failure: _Failure) -> web.Response:
        headers = self._headers(kind, remaining=0, reset_after=failure.retry_after)
        if failure.status == 429:
            headers |= {"Retry-After": str(max(1, round(failure.retry_after))), "X-RateLimit-Scope": "user"}
            body = {"message": "You are being rate limited.", "retry_after": failure.retry_after, "global": False}
        else:
            body = {"message": f"{failure.status}: injected failure", "code": 0}
        return _json(body, status=failure.status, headers=headers)

    def _answer(self, call: Call, params: dict[str, str]) -> web.Response:
        headers = self._headers(call.kind)
        kind = call.kind
        if kind == "me":
            return _json(self.user(self.bot_user_id, bot=True), headers=headers)
        if kind == "application":
            return _json(self._application(), headers=headers)
        if kind == "gateway":
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}, headers=headers)
        if kind == "sync":
            commands = [
                {**c, "id": str(next(self._ids)), "application_id": str(self.application_id),
                 "version": str(next(self._ids)), "type": c.get("type", 1),
                 **({"guild_id": params["guild"]} if params.get("guild") else {})}
                for c in call.payload or []
            ]
            return _json(commands, headers=headers)
        if kind == "callback":
            payload = call.payload or {}
            flags = (payload.get("data") or {}).get("flags", 0) or 0
            body = {"interaction": {"id": params["interaction"], "type": 2,
                                    "response_message_loading": payload.get("type") == 5,
                                    "response_message_ephemeral": bool(flags & _EPHEMERAL)},
                    "resource": {"type": payload.get("type")}}
            return _json(body, headers=headers)
        if kind in {"followup", "edit-original"}:
            return _json(self._message_object(str(self.channel_id), call.payload or {}), headers=headers)
        if kind == "delete-original":
            return web.Response(status=204, headers=headers)
        if kind == "thread":
            return self._start_thread(params["channel"], params["message"], call.payload or {}, headers)
        # kind == "message"
        channel = params["channel"]
        payload = call.payload or {}
        nonce = payload.get("nonce")
        if nonce is not None and payload.get("enforce_nonce") and (channel, nonce) in self._by_nonce:
            return _json(self._by_nonce[(channel, nonce)], headers=headers)
        message = self._message_object(channel, payload)
        self._messages.setdefault(channel, []).append(message)
        if nonce is not None:
            self._by_nonce[(channel, nonce)] = message
        return _json(message, headers=headers)

    def _start_thread(self, channel: str, message_id: str, payload: dict[str, Any],
                      headers: dict[str, str]) -> web.Response:
        if not any(m["id"] == message_id for m in self._messages.get(channel, [])):
            return _json({"message": "Unknown Message", "code": 10008}, status=404, headers=headers)
        if message_id in self._threads:
            return _json({"message": "A thread has already been created for this message", "code": 160004},
                         status=400, headers=headers)
        thread = {"id": message_id, "type": 11, "guild_id": str(self.guild_id), "parent_id": channel,
                  "name": payload.get("name", ""), "owner_id": str(self.bot_user_id), "message_count": 0,
                  "member_count": 1, "rate_limit_per_user": 0,
                  "thread_metadata": {"archived": False, "auto_archive_duration": payload.get("auto_archive_duration",
                                                                                              1440),
                                      "archive_timestamp": _iso(), "locked": False}}
        self._threads[message_id] = thread
        return _json(thread, headers=headers)

    def thread(self, message_id: int | str) -> dict[str, Any] | None:
        """The thread started from a message (a thread has its message's id), if any."""
        return self._threads.get(str(message_id))

    def _application(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id), "name": "briefbot (fake)", "description": "", "icon": None,
            "bot_public": False, "bot_require_code_grant": False, "verify_key": "0" * 64, "flags": 0,
            "owner": self.user(1_100_000_000_000_000_002), "team": None,
        }

    def _message_object(self, channel_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": str(next(self._ids)), "channel_id": channel_id, "author": self.user(self.bot_user_id, bot=True),
            "content": payload.get("content") or "", "timestamp": _iso(), "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": payload.get("embeds") or [], "pinned": False, "flags": payload.get("flags", 0) or 0,
            "components": [], **({"nonce": payload["nonce"]} if "nonce" in payload else {}),
            # a reply (type 19) carries what it replies to, as Discord returns it
            **({"type": 19, "message_reference": {"type": 0, "channel_id": channel_id, **payload["message_reference"]}}
               if payload.get("message_reference") else {"type": 0}),
        }

    # gateway

    async def _gateway_socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        session = _Session(ws=ws, request=request)
        self._sessions.append(session)
        try:
            await ws.send_json({"op": _HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                op, data = frame.get("op"), frame.get("d")
                if op == _HEARTBEAT:
                    self.heartbeats += 1
                    await ws.send_json({"op": _HEARTBEAT_ACK})
                elif op == _IDENTIFY:
                    await self._identify(session, data)
                elif op == _RESUME:
                    await self._resume(session, data)
        finally:
            session.live = False
            if session.session_id is not None:
                self._known[session.session_id] = session.seq
            self._sessions.remove(session)
            await self._notify()
        return ws

    async def _send(self, session: _Session, event: str, data: Any) -> None:
        session.seq += 1
        await session.ws.send_json({"op": _DISPATCH, "t": event, "s": session.seq, "d": data})

    async def _identify(self, session: _Session, data: dict[str, Any]) -> None:
        if data.get("token") != self.token:
            await session.ws.close(code=4004, message=b"Authentication failed.")
            return
        self.identifies += 1
        self.intents = int(data.get("intents", 0))
        if self.intents & _PRIVILEGED & ~self.allowed_intents:
            await session.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session.session_id = uuid.uuid4().hex
        await self._send(session, "READY", {
            "v": 10, "user": self.user(self.bot_user_id, bot=True), "guilds": [{"id": str(self.guild_id),
                                                                                 "unavailable": True}],
            "session_id": session.session_id, "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
        })
        await self._send(session, "GUILD_CREATE", self._guild())
        session.live = True
        await self._notify()

    async def _resume(self, session: _Session, data: dict[str, Any]) -> None:
        session_id = data.get("session_id")
        if data.get("token") != self.token or session_id not in self._known:
            await session.ws.send_json({"op": _INVALID_SESSION, "d": False})
            return
        self.resumes += 1
        session.session_id = session_id
        session.seq = self._known.pop(session_id)
        await self._send(session, "RESUMED", {})
        session.live = True
        await self._notify()

    async def dispatch(self, event: str, data: dict[str, Any], *, timeout: float = 5.0) -> None:
        """Send `event` to every live session, once at least one is."""
        await self.wait_connected(timeout=timeout)
        for session in [s for s in self._sessions if s.live]:
            await self._send(session, event, data)

    # Discord's side of things

    def _guild(self) -> dict[str, Any]:
        gid = str(self.guild_id)
        return {
            "id": gid, "name": "Fake Summit Desk", "icon": None, "owner_id": "1100000000000000003",
            "unavailable": False, "member_count": 3, "large": False, "features": [], "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0,
            "premium_tier": 0, "preferred_locale": "en-US", "afk_timeout": 300, "system_channel_flags": 0,
            "joined_at": _iso(), "emojis": [], "stickers": [], "threads": [], "stage_instances": [],
            "guild_scheduled_events": [], "soundboard_sounds": [], "voice_states": [], "presences": [],
            "members": [{"user": self.user(self.bot_user_id, bot=True), "roles": [], "joined_at": _iso(),
                         "deaf": False, "mute": False, "flags": 0}],
            "roles": [
                {"id": gid, "name": "@everyone", "permissions": str(1 << 11 | 1 << 10), "position": 0,
                 "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
                {"id": str(MODERATOR_ROLE), "name": "Moderators", "permissions": str(MANAGE_GUILD | 1 << 11 | 1 << 10),
                 "position": 1, "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
            ],
            "channels": [self._channel()],
        }

    def _channel(self) -> dict[str, Any]:
        return {"id": str(self.channel_id), "type": 0, "guild_id": str(self.guild_id), "name": "summit-desk",
                "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None,
                "last_message_id": None, "rate_limit_per_user": 0}

    def user(self, user_id: int, *, bot: bool = False) -> dict[str, Any]:
        return {"id": str(user_id), "username": "briefbot" if bot else f"user{user_id % 1000}", "discriminator": "0",
                "global_name": None, "avatar": None, "bot": bot, "public_flags": 0}

    def _member(self, user_id: int, *, roles: tuple[int, ...] = (), permissions: int | None = None) -> dict[str, Any]:
        member = {"user": self.user(user_id), "roles": [str(r) for r in roles], "joined_at": _iso(), "deaf": False,
                  "mute": False, "flags": 0, "nick": None, "avatar": None, "pending": False}
        if permissions is not None:
            member["permissions"] = str(permissions)
        return member

    def _interaction(self, kind: int, data: dict[str, Any], *, user_id: int, permissions: int,
                     dm: bool) -> dict[str, Any]:
        interaction_id = next(self._ids)
        payload: dict[str, Any] = {
            "id": str(interaction_id), "application_id": str(self.application_id), "type": kind, "data": data,
            "token": f"itoken-{interaction_id}", "version": 1, "locale": "en-US", "entitlements": [],
            "app_permissions": str((1 << 11) | (1 << 14)), "attachment_size_limit": 8 * 1024 * 1024,
        }
        if dm:
            dm_channel = str(user_id + 7)
            payload |= {"channel_id": dm_channel, "channel": {"id": dm_channel, "type": 1,
                                                              "recipients": [self.user(user_id)]},
                        "user": self.user(user_id), "context": 1,
                        "authorizing_integration_owners": {"0": str(user_id)}}
        else:
            payload |= {"guild_id": str(self.guild_id), "guild_locale": "en-US", "channel_id": str(self.channel_id),
                        "channel": self._channel(), "member": self._member(user_id, permissions=permissions),
                        "context": 0, "authorizing_integration_owners": {"0": str(self.guild_id)}}
        return payload

    def slash(self, name: str, sub: str | None = None, /, *, user_id: int = 1_100_000_000_000_000_010,
              permissions: int = 0, dm: bool = False, **options: Any) -> dict[str, Any]:
        """An APPLICATION_COMMAND interaction for `/name [sub] option:value ...`."""

        def option(key: str, value: Any) -> dict[str, Any]:
            kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
            return {"name": key, "type": kind, "value": value}

        opts = [option(k, v) for k, v in options.items()]
        if sub is not None:
            opts = [{"name": sub, "type": 1, "options": opts}]
        data = {"id": str(next(self._ids)), "name": name, "type": 1, "options": opts}
        return self._interaction(2, data, user_id=user_id, permissions=permissions, dm=dm)

    def modal_submit(self, custom_id: str, values: dict[str, str], *, user_id: int = 1_100_000_000_000_000_010,
                     permissions: int = 0, dm: bool = False) -> dict[str, Any]:
        """A MODAL_SUBMIT interaction: `values` maps each text input's custom_id to what was typed."""
        rows = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in values.items()]
        return self._interaction(5, {"custom_id": custom_id, "components": rows}, user_id=user_id,
                                 permissions=permissions, dm=dm)

    def attachment(self, filename: str, content: bytes, *, content_type: str = "text/plain; charset=utf-8",
                   size: int | None = None) -> dict[str, Any]:
        """An attachment object, its file served here as Discord's CDN serves it (`size`: what the
        payload claims, when it differs from the content's)."""
        attachment_id = str(next(self._ids))
        self.attachments[attachment_id] = content
        url = f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{filename}"
        return {"id": attachment_id, "filename": filename, "size": len(content) if size is None else size,
                "url": url, "proxy_url": url, "content_type": content_type}

    async def _attachment(self, request: web.Request) -> web.Response:
        content = self.attachments.get(request.match_info["id"])
        self.attachment_downloads.append(request.match_info["id"])
        return web.Response(status=404) if content is None else web.Response(body=content)

    def message(self, content: str, *, mention_bot: bool = False, dm: bool = False,
                user_id: int = 1_100_000_000_000_000_010, roles: tuple[int, ...] = (), bot: bool = False,
                reply_to: dict[str, Any] | None = None, attachments: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
        """A MESSAGE_CREATE payload; with `mention_bot` the content starts with the bot's mention."""
        if mention_bot:
            content = f"<@{self.bot_user_id}> {content}"
        author = self.user(user_id, bot=bot)
        channel = str(user_id + 7) if dm else str(self.channel_id)
        mentions = [self.user(self.bot_user_id, bot=True)] if mention_bot else []
        data: dict[str, Any] = {
            "id": str(next(self._ids)), "channel_id": channel, "author": author, "content": content,
            "timestamp": _iso(), "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": mentions, "mention_roles": [], "attachments": list(attachments), "embeds": [], "pinned": False,
            "type": 19 if reply_to else 0, "flags": 0, "components": [],
        }
        if not dm:
            member = self._member(user_id, roles=roles)
            del member["user"]
            data |= {"guild_id": str(self.guild_id), "member": member}
        if reply_to is not None:
            data |= {"message_reference": {"type": 0, "message_id": reply_to["id"], "channel_id": channel,
                                           **({} if dm else {"guild_id": str(self.guild_id)})},
                     "referenced_message": reply_to}
        return data
