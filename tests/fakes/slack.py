"""A fake of Slack on loopback: its Web API, its response URLs and its Socket Mode websocket.

It records what the bot sends, so tests assert *what was posted*, and it can misbehave on demand
(429s with Retry-After, errors, a per-channel rate limit, answers held back). It also builds what Slack sends the bot
(signed HTTP requests, event envelopes, slash commands, interactions).

    async with FakeSlack() as slack:                  # an aiohttp app on 127.0.0.1, ephemeral port
        settings = load_settings(slack_bot_token=slack.bot_token, slack_api_url=slack.api_url, ...)
        ...
        posts = await slack.wait_for("chat.postMessage", count=1)   # no sleep-polling
        assert posts[0].payload["thread_ts"] == "1700000000.000100"

The API, for the tests and benches that reuse it:

- `api_url`: the Web API base URL (``http://127.0.0.1:PORT/api/``) for `AsyncWebClient(base_url=)`
  and ``SLACK_API_URL``. Every method checks its bearer token: `bot_token` (default
  ``xoxb-fake``), or `app_token` for ``apps.connections.open``; a wrong one gets ``invalid_auth``.
- Methods answered: ``auth.test`` (bot user `bot_user_id`, team `team_id`), ``chat.postMessage``
  (a fresh, increasing ``ts``), ``chat.postEphemeral``, ``views.publish``, ``views.open``,
  ``apps.connections.open`` (returns `socket_url`); any other method gets ``unknown_method``.
- `response_url(name)`: a URL under ``/response/NAME`` that records POSTs as method
  ``"response_url"`` (with `Call.response_id` = NAME), as slash commands' response URLs.
- `calls(method)`: the accepted calls of a method, in arrival order, as `Call` (method, payload
  parsed from JSON, form or query, token, arrival time on the loop's clock, response_id).
  `Call.answer` is what the fake answered (chat.postMessage's ``ts``).
  `rejected(method)`: the calls answered with a 429 or an injected error.
- `await wait_for(method, count=N, timeout=5)`: until N accepted calls of `method` have arrived
  (an `asyncio.Condition`, no polling); returns them. `TimeoutError` says what did arrive.
- `fail(method, times=N, status=429, error="ratelimited", retry_after=1)`: the next N calls of
  `method` get `status` (with ``Retry-After`` when 429) and ``{"ok": false, "error": error}``.
- `limit_per_channel(per_second=1.0, retry_after=1)`: from now on ``chat.postMessage`` accepts at
  most `per_second` messages a second in each channel (Slack's own limit is about 1/s); the
  others get 429 with ``Retry-After``. `limit_per_channel(None)` lifts it.
- `delay(method, seconds)`: from now on the fake holds its answer to each call of `method` for
  `seconds`, or until `release(method)`, which answers the held calls at once and stops delaying.
  A held call is in `held(method)` (not yet in `calls`: it is recorded once answered);
  `await wait_held(method, count=N, timeout=5)` waits for N of them, so a test can act while a
  request is in flight (e.g. send SIGTERM) and then `release` it. `stop()` releases every hold.
- Socket Mode: `socket_url` (``ws://127.0.0.1:PORT/socket``) sends ``hello`` on connect.
  `await wait_connected()`, `await send_envelope(type, payload)` -> envelope_id (to one open
  connection, as Slack does), `await wait_for_ack(envelope_id)` -> the bot's ack message.
- Building Slack's side: `signed_headers(secret, body, ...)`, `event_body(event, ...)`,
  `slash_command_body(text, ...)`, `interaction_body(payload)`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

__all__ = [
    "Call",
    "FakeSlack",
    "event_body",
    "form",
    "interaction_body",
    "signed_headers",
    "slash_command_body",
]

BOT_TOKEN = "xoxb-fake-bot-token"
APP_TOKEN = "xapp-fake-app-token"
SIGNING_SECRET = "fake-signing-secret"


@dataclass(frozen=True)
class Call:
    """One request the bot made to the fake."""

    method: str
    payload: dict[str, Any]
    token: str | None
    at: float
    """When it arrived, on the event loop's clock (seconds)."""
    response_id: str | None = None
    answer: dict[str, Any] = field(default_factory=dict)
    """What the fake answered (e.g. chat.postMessage's ``ts``)."""

    @property
    def channel(self) -> str | None:
        return self.payload.get("channel")


@dataclass
class _Failure:
    times: int
    status: int
    error: str
    retry_after: int | None


@dataclass
class _Delay:
    seconds: float
    released: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class _ChannelLimit:
    interval: float
    retry_after: int
    last: dict[str, float] = field(default_factory=dict)


class FakeSlack:
    """Slack's Web API, response URLs and Socket Mode websocket on one loopback port."""

    def __init__(
        self,
        *,
        bot_token: str = BOT_TOKEN,
        app_token: str = APP_TOKEN,
        bot_user_id: str = "UBOTFAKE",
        team_id: str = "T0FAKE",
    ) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.bot_user_id = bot_user_id
        self.team_id = team_id
        self.port: int | None = None
        self._calls: list[Call] = []
        self._rejected: list[Call] = []
        self._failures: dict[str, _Failure] = {}
        self._channel_limit: _ChannelLimit | None = None
        self._delays: dict[str, _Delay] = {}
        self._held: list[Call] = []
        self._ts = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self._acks: dict[str, dict[str, Any]] = {}
        self._runner: web.AppRunner | None = None
        self._files: dict[str, bytes] = {}

    # lifecycle

    async def start(self) -> FakeSlack:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{rid}", self._response)
        app.router.add_get("/socket", self._socket)
        app.router.add_get("/files/{id}/{name}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        for method in list(self._delays):
            self.release(method)
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    @property
    def socket_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/socket"

    def response_url(self, name: str = "1") -> str:
        return f"{self.base}/response/{name}"

    # what was received

    def calls(self, method: str | None = None) -> list[Call]:
        return [c for c in self._calls if method is None or c.method == method]

    def rejected(self, method: str | None = None) -> list[Call]:
        return [c for c in self._rejected if method is None or c.method == method]

    def held(self, method: str | None = None) -> list[Call]:
        """The calls of `method` received and not yet answered (see `delay`), in arrival order."""
        return [c for c in self._held if method is None or c.method == method]

    async def wait_held(self, method: str, count: int = 1, *, timeout: float = 5.0) -> list[Call]:
        """The first `count` held calls of `method`, once they have arrived."""
        await self._wait(lambda: len(self.held(method)) >= count, timeout,
                         lambda: f"{len(self.held(method))} of {count} {method} calls held; "
                                 f"answered: {[c.method for c in self._calls]}")
        return self.held(method)[:count]

    async def wait_for(self, method: str, count: int = 1, *, timeout: float = 5.0) -> list[Call]:
        """The first `count` accepted calls of `method`, once they have arrived."""
        await self._wait(lambda: len(self.calls(method)) >= count, timeout,
                         lambda: f"{len(self.calls(method))} of {count} {method} calls arrived; "
                                 f"all: {[c.method for c in self._calls]}")
        return self.calls(method)[:count]

    async def _wait(self, ready: Callable[[], bool], timeout: float, what: Callable[[], str]) -> None:
        assert self._changed is not None, "start the fake first"
        try:
            async with self._changed:
                await asyncio.wait_for(self._changed.wait_for(ready), timeout)
        except TimeoutError:
            raise TimeoutError(f"after {timeout} s: {what()}") from None

    async def _record(self, call: Call, *, accepted: bool) -> None:
        (self._calls if accepted else self._rejected).append(call)
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    # misbehaving on demand

    def fail(self, method: str, *, times: int = 1, status: int = 429, error: str = "ratelimited",
             retry_after: int | None = 1) -> None:
        """The next `times` calls of `method` get `status` and ``{"ok": false, "error": error}``."""
        self._failures[method] = _Failure(times, status, error, retry_after if status == 429 else None)

    def limit_per_channel(self, per_second: float | None = 1.0, *, retry_after: int = 1) -> None:
        """At most `per_second` chat.postMessage calls a second per channel; None lifts the limit."""
        self._channel_limit = None if per_second is None else _ChannelLimit(1.0 / per_second, retry_after)

    def delay(self, method: str, seconds: float) -> None:
        """Hold the answer to each later call of `method` for `seconds`, or until `release(method)`."""
        self._delays[method] = _Delay(seconds)

    def release(self, method: str) -> None:
        """Answer the held calls of `method` now, and answer its later calls at once again."""
        delay = self._delays.pop(method, None)
        if delay is not None:
            delay.released.set()

    async def _hold(self, call: Call) -> None:
        delay = self._delays.get(call.method)
        if delay is None:
            return
        self._held.append(call)
        await self._notify()
        try:
            await asyncio.wait_for(delay.released.wait(), delay.seconds)
        except TimeoutError:
            pass
        finally:
            self._held = [c for c in self._held if c is not call]

    def _injected(self, method: str) -> _Failure | None:
        failure = self._failures.get(method)
        if failure is None or failure.times <= 0:
            return None
        failure.times -= 1
        return failure

    def _over_channel_limit(self, method: str, payload: Mapping[str, Any], now: float) -> int | None:
        limit = self._channel_limit
        channel = payload.get("channel")
        if limit is None or method != "chat.postMessage" or not channel:
            return None
        last = limit.last.get(channel)
        if last is not None and now - last < limit.interval:
            return limit.retry_after
        limit.last[channel] = now
        return None

    # the Web API

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await _payload(request)
        token = _bearer(request)
        call = Call(method=method, payload=payload, token=token, at=asyncio.get_running_loop().time())
        expected = self.app_token if method == "apps.connections.open" else self.bot_token
        if token != expected:
            await self._record(call, accepted=False)
            return web.json_response({"ok": False, "error": "invalid_auth"})
        failure = self._injected(method)
        if failure is not None:
            await self._record(call, accepted=False)
            return _failure_response(failure.status, failure.error, failure.retry_after)
        retry_after = self._over_channel_limit(method, payload, call.at)
        if retry_after is not None:
            await self._record(call, accepted=False)
            return _failure_response(429, "ratelimited", retry_after)
        await self._hold(call)
        body = self._answer(method, payload)
        await self._record(replace(call, answer=body), accepted=body.get("ok", False))
        return web.json_response(body)

    def _answer(self, method: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.invalid/", "team": "Fake", "user": "briefbot",
                    "team_id": self.team_id, "user_id": self.bot_user_id, "bot_id": "B0FAKE", "is_enterprise_install": False}
        if method == "chat.postMessage":
            ts = self._next_ts()
            return {"ok": True, "channel": payload.get("channel"), "ts": ts,
                    "message": {"type": "message", "text": payload.get("text", ""), "ts": ts, "bot_id": "B0FAKE"}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method in {"views.publish", "views.open"}:
            view = payload.get("view")
            view = json.loads(view) if isinstance(view, str) else dict(view or {})
            return {"ok": True, "view": {**view, "id": f"V{uuid.uuid4().hex[:10].upper()}"}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        return {"ok": False, "error": "unknown_method"}

    def _next_ts(self) -> str:
        n = next(self._ts)
        return f"{1700000000 + n}.{n:06d}"

    async def _response(self, request: web.Request) -> web.Response:
        rid = request.match_info["rid"]
        call = Call(method="response_url", payload=await _payload(request), token=None,
                    at=asyncio.get_running_loop().time(), response_id=rid)
        failure = self._injected("response_url")
        if failure is not None:
            await self._record(call, accepted=False)
            return _failure_response(failure.status, failure.error, failure.retry_after)
        await self._record(call, accepted=True)
        return web.Response(text="ok")

    # files

    def add_file(self, name: str, content: bytes, *, mimetype: str = "text/plain") -> dict[str, Any]:
        """Host a file as Slack does (only for the bot token); the file object a message event carries."""
        file_id = f"F{uuid.uuid4().hex[:10].upper()}"
        self._files[file_id] = content
        url = f"{self.base}/files/{file_id}/{name}"
        return {"id": file_id, "name": name, "title": name, "mimetype": mimetype, "filetype": "text",
                "size": len(content), "url_private": url, "url_private_download": url + "?download=1"}

    async def _file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["id"]
        call = Call(method="files.download", payload={"id": file_id}, token=_bearer(request),
                    at=asyncio.get_running_loop().time())
        if call.token != self.bot_token or file_id not in self._files:
            await self._record(call, accepted=False)
            return web.Response(status=404 if call.token == self.bot_token else 302,
                                headers={} if call.token == self.bot_token else {"Location": f"{self.base}/login"})
        await self._record(call, accepted=True)
        return web.Response(body=self._files[file_id], content_type="text/plain")

    # Socket Mode

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": len(self._sockets) + 1,
                            "connection_info": {"app_id": "A0FAKE"}, "debug_info": {"host": "fake"}})
        self._sockets.append(ws)
        await self._notify()
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self._acks[data["envelope_id"]] = data
                    await self._notify()
        finally:
            self._sockets.remove(ws)
        return ws

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def wait_connected(self, *, timeout: float = 5.0) -> None:
        await self._wait(lambda: bool(self._sockets), timeout, lambda: "no Socket Mode connection")

    async def send_envelope(self, type: str, payload: dict[str, Any], *, envelope_id: str | None = None,
                            retry_attempt: int = 0, retry_reason: str = "") -> str:
        """Send one Socket Mode envelope (events_api, slash_commands, interactive) to one connection."""
        await self.wait_connected()
        envelope_id = envelope_id or str(uuid.uuid4())
        await self._sockets[0].send_json({
            "envelope_id": envelope_id, "type": type, "payload": payload,
            "accepts_response_payload": type != "events_api",
            "retry_attempt": retry_attempt, "retry_reason": retry_reason,
        })
        return envelope_id

    async def wait_for_ack(self, envelope_id: str, *, timeout: float = 5.0) -> dict[str, Any]:
        await self._wait(lambda: envelope_id in self._acks, timeout, lambda: f"no ack for {envelope_id}")
        return self._acks[envelope_id]


async def _payload(request: web.Request) -> dict[str, Any]:
    data: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        data.update(await request.json())
    elif request.can_read_body:
        data.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    return data


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    return header.removeprefix("Bearer ") if header.startswith("Bearer ") else None


def _failure_response(status: int, error: str, retry_after: int | None) -> web.Response:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    return web.json_response({"ok": False, "error": error}, status=status, headers=headers)


# --- what Slack sends the bot ----------------------------------------------------------------------


def signed_headers(secret: str, body: str, *, timestamp: int | None = None, retry_num: int | None = None,
                   content_type: str = "application/json") -> dict[str, str]:
    """The headers Slack signs an HTTP request with (`timestamp` defaults to now)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body),
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return headers


def event_body(event: dict[str, Any], *, event_id: str | None = None, team_id: str = "T0FAKE",
               bot_user_id: str = "UBOTFAKE") -> dict[str, Any]:
    """An Events API `event_callback` envelope around `event`."""
    return {
        "token": "verification-token-unused",
        "team_id": team_id,
        "api_app_id": "A0FAKE",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team_id, "user_id": bot_user_id, "is_bot": True}],
    }


def slash_command_body(text: str, *, user_id: str, channel_id: str, response_url: str,
                       command: str = "/brief", trigger_id: str = "1337.42.abcdef",
                       team_id: str = "T0FAKE") -> dict[str, str]:
    """A slash command's fields (send them form-encoded over HTTP, as the payload in Socket Mode)."""
    return {
        "token": "verification-token-unused", "team_id": team_id, "team_domain": "fake",
        "channel_id": channel_id, "channel_name": "general", "user_id": user_id, "user_name": user_id.lower(),
        "command": command, "text": text, "api_app_id": "A0FAKE", "response_url": response_url,
        "trigger_id": trigger_id,
    }


def form(fields: Mapping[str, str]) -> str:
    """Fields form-encoded, as Slack posts a slash command."""
    return urlencode(fields)


def interaction_body(payload: dict[str, Any]) -> str:
    """An interactive payload (block action, view submission) as Slack posts it: form field `payload`."""
    return urlencode({"payload": json.dumps(payload)})
