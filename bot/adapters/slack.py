"""The Slack surface: slack-bolt's `AsyncApp` over the command layer, in Socket Mode or HTTP mode.

- Socket Mode when SLACK_APP_TOKEN is set (a websocket to Slack, no public URL); otherwise HTTP
  mode: ``POST /slack/events`` on the runner's aiohttp server takes events, the slash command and
  interactivity, through bolt's own aiohttp adapter, so bolt checks every request's signature on
  the raw body (401 for a forged or stale one).
- ``app_mention``: answered in the mention's thread. A direct message (``message.im``): answered
  there. ``/brief TEXT``: any command, acknowledged at once and answered through the response URL.
  ``/brief fact add`` or ``/brief entity add`` alone: a modal form. ``app_home_opened``: today's briefing on the Home tab.
- Errors, refusals and the replies to admin commands are ephemeral (the command layer says which: `Reply.visibility`).
- An event Slack delivers again (a retry) is answered once: its ``event_id`` is claimed in the
  database (`EventLedger`) before anything is done, so a restart does not forget it either.
- 429s are retried after Retry-After by slack_sdk's rate-limit retry handler; every text the bot
  posts is escaped; tokens and the signing secret are only handed to slack_sdk, never logged.

Handlers are thin: read the payload into a model, call the command layer, post what it returns.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from yarl import URL
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.kwargs_injection.async_args import AsyncArgs
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.adapters.slack_messages import (
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    AppHomeOpened,
    MessageEvent,
    SlackFile,
    SlashCommand,
    edition_messages,
    home_view,
    incoming_text,
    reply_messages,
    slash_command_text,
    slack_unescape,
)
from bot.adapters.attachments import MAX_ATTACHMENT, AttachmentError, is_text_file, message_with_attachment
from bot.adapters.slack_modal import (
    FORMS,
    Form,
    bare_form,
    form_arguments,
    form_errors,
    form_done_view,
    form_view,
    read_channel,
    read_submission,
)
from bot.commands import Caller, Reply
from bot.errors import UserFacingError
from bot.metrics import Metrics
from bot.surface import PublishError, Record, SurfaceContext
from briefings.deliveries import Posted
from briefings.digest import Edition
from config.settings import Settings

__all__ = ["BOT_EVENTS", "BOT_SCOPES", "EVENTS_PATH", "RATE_LIMIT_RETRIES", "SlackStartError", "SlackSurface"]

log = logging.getLogger("briefbot.slack")

EVENTS_PATH = "/slack/events"
BOT_EVENTS = ("app_mention", "app_home_opened", "message.im")
"""The events the app subscribes to; config/slack-manifest.yaml asks for exactly these."""
BOT_SCOPES = ("app_mentions:read", "chat:write", "commands", "im:history")
"""The bot token's scopes: app_mention, chat.postMessage/postEphemeral, /brief, message.im
(views.open and views.publish need none)."""
RATE_LIMIT_RETRIES = 4
"""How many times one call is retried after a 429 (each after the Retry-After it names)."""
PRUNE_EVERY = 3600.0
_NETWORK_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError, OSError)
_RETRYABLE = {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}

Listener = Callable[[AsyncArgs], Awaitable[None]]


class SlackStartError(UserFacingError):
    """Slack refused a token or could not be reached at start; the message says which (one line)."""


class _TokenGivenByClient(logging.Filter):
    """Drops bolt's warning that SLACK_BOT_TOKEN "will be unused": bolt reads the variable from the
    environment and warns because a client is passed too, yet that client carries the same token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _api_error(exc: SlackApiError) -> str:
    return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")


class _CountedRateLimitRetries(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's retry of a 429 after its Retry-After, each wait counted in the metrics."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(max_retry_count=RATE_LIMIT_RETRIES)
        self._metrics = metrics

    async def prepare_for_next_attempt_async(self, **kwargs: Any) -> None:
        self._metrics.rate_limit_waits.labels("slack").inc()
        await super().prepare_for_next_attempt_async(**kwargs)


def _retry_handlers(metrics: Metrics) -> list[AsyncRetryHandler]:
    return [AsyncConnectionErrorRetryHandler(), _CountedRateLimitRetries(metrics)]


def build_web_client(settings: Settings, *, metrics: Metrics,
                     session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """The Web API client: the bot token, SLACK_API_URL as its base URL, 429s retried."""
    assert settings.slack_bot_token is not None, "the Slack surface needs SLACK_BOT_TOKEN"
    kwargs: dict[str, Any] = {}
    if settings.slack_api_url:
        kwargs["base_url"] = settings.slack_api_url.rstrip("/") + "/"
    client = AsyncWebClient(token=settings.slack_bot_token.get_secret_value(), session=session, **kwargs)
    client.retry_handlers.append(_CountedRateLimitRetries(metrics))
    return client


class SlackSurface:
    """Slack, for `briefbot run`. Built by the composition root on the event loop, before the HTTP
    server starts (which serves its `routes` in HTTP mode)."""

    platform = "slack"

    def __init__(self, context: SurfaceContext) -> None:
        settings = context.settings
        self._commands = context.commands
        self._ledger = context.events
        self._app_token = settings.slack_app_token
        self._time_left = context.time_left
        self._session = aiohttp.ClientSession()
        """One connection pool for the Web API and response URLs."""
        self._metrics = context.metrics
        self.client = build_web_client(settings, metrics=self._metrics, session=self._session)
        secret = settings.slack_signing_secret
        bolt_log = logging.getLogger("briefbot.slack.bolt")
        if not any(isinstance(f, _TokenGivenByClient) for f in bolt_log.filters):
            bolt_log.addFilter(_TokenGivenByClient())
        self.app = AsyncApp(
            client=self.client,
            signing_secret=secret.get_secret_value() if secret is not None else "",
            name="briefbot",
            logger=bolt_log,
            request_verification_enabled=self._app_token is None,  # Socket Mode has no signatures
        )
        self.bot_user_id: str | None = None
        self._started = False
        self._socket: AsyncSocketModeHandler | None = None
        self._pruner: asyncio.Task[None] | None = None
        self._in_flight: set[asyncio.Task[Any]] = set()
        self.handled = 0
        """Listener calls finished (events, commands, submissions), answered or ignored."""
        self._handled_changed = asyncio.Condition()
        self.app.event("app_mention")(self._tracked(self._on_mention))
        self.app.event("message")(self._tracked(self._on_message))
        self.app.event("app_home_opened")(self._tracked(self._on_home_opened))
        self.app.command("/brief")(self._tracked(self._on_brief))
        for callback_id in FORMS:
            self.app.view(callback_id)(self._tracked(self._on_form))
        self.app.action(FEEDBACK_UP)(self._tracked(self._on_feedback))
        self.app.action(FEEDBACK_DOWN)(self._tracked(self._on_feedback))
        self.routes = [web.post(EVENTS_PATH, self._http_events)] if self._app_token is None else []
        """POST /slack/events in HTTP mode; nothing in Socket Mode."""

    @property
    def mode(self) -> str:
        return "socket" if self._app_token is not None else "http"

    @property
    def connected(self) -> bool:
        """For /readyz: started, and in Socket Mode with its websocket open."""
        if not self._started:
            return False
        if self._socket is None:
            return True
        session = self._socket.client.current_session
        return session is not None and not session.closed

    # lifecycle

    async def start(self) -> None:
        """Check the bot token (auth.test), then connect the websocket in Socket Mode."""
        try:
            auth = await self.client.auth_test()
        except SlackApiError as exc:
            raise SlackStartError(f"Slack refused SLACK_BOT_TOKEN ({_api_error(exc)})") from None
        except _NETWORK_ERRORS as exc:
            raise SlackStartError(f"cannot reach the Slack Web API at {self.client.base_url} ({exc!r})") from None
        self.bot_user_id = auth.get("user_id")
        await self._ledger.prune()
        self._pruner = asyncio.create_task(self._ledger.prune_regularly(every=PRUNE_EVERY), name="slack-prune-events")
        if self._app_token is not None:
            await self._connect_socket_mode(self._app_token.get_secret_value())
        self._started = True
        log.info("Slack in %s mode as %s (%s) in team %s", self.mode, auth.get("user"), self.bot_user_id,
                 auth.get("team"))

    async def _connect_socket_mode(self, app_token: str) -> None:
        # Ask for the websocket URL first, so a refused app token fails start instead of being
        # retried for ever inside the Socket Mode client.
        try:
            opened = await self.client.apps_connections_open(app_token=app_token)
        except SlackApiError as exc:
            raise SlackStartError(f"Slack refused SLACK_APP_TOKEN ({_api_error(exc)})") from None
        except _NETWORK_ERRORS as exc:
            raise SlackStartError(f"cannot open a Socket Mode connection ({exc!r})") from None
        handler = AsyncSocketModeHandler(self.app, app_token=app_token)
        handler.client.wss_uri = opened["url"]
        await handler.connect_async()
        self._socket = handler

    async def stop(self) -> None:
        """Disconnect, let the replies in flight finish (within BRIEFBOT_SHUTDOWN_TIMEOUT), close the connections."""
        self._started = False
        if self._socket is not None:
            await self._socket.close_async()
        if self._pruner is not None:
            self._pruner.cancel()
        in_flight = [t for t in self._in_flight if t is not asyncio.current_task()]
        if in_flight:
            grace = self._time_left()  # what is left of BRIEFBOT_SHUTDOWN_TIMEOUT
            log.info("stopping: waiting up to %g s for the replies in flight (%d)", grace, len(in_flight))
            await asyncio.wait(in_flight, timeout=grace)
        await self._session.close()

    async def _http_events(self, request: web.Request) -> web.Response:
        """POST /slack/events: bolt's aiohttp adapter, so bolt verifies the raw body's signature."""
        return await to_aiohttp_response(await self.app.async_dispatch(await to_bolt_request(request)))

    # publishing (the scheduler)

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        """Post the digest to `channel`, then the full briefing's messages in its thread (`thread_ts`).

        Slack has no idempotency key: what it accepted is recorded after each message (`record`),
        so a retry posts only what is missing, never the post or a reply twice."""
        post, replies = edition_messages(edition)
        if posted.post is None:
            posted = Posted(post=await self._post_briefing(channel, post, key=key, posted=posted))
            await record(posted)
        for reply in replies[len(posted.replies):]:
            ts = await self._post_briefing(channel, {**reply, "thread_ts": posted.post}, key=key, posted=posted)
            posted = posted.with_reply(ts)
            await record(posted)
        log.info("published briefing %s to %s (post %s, %d replies in its thread)", key, channel, posted.post,
                 len(posted.replies))
        return posted

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        """Post a plain-text message in `channel`, in `thread` (a ts) when given; its ts. PublishError:
        retryable unless Slack refused for good (the bot left the channel, it is archived or gone)."""
        message = {"text": text, "mrkdwn": False, **({"thread_ts": thread} if thread else {})}
        return await self._post_briefing(channel, message, key=key, posted=Posted())

    async def _post_briefing(self, channel: str, message: dict[str, Any], *, key: str, posted: Posted) -> str:
        """One message of a briefing; its ts. PublishError (retryable unless Slack refused it for good)."""
        try:
            response = await self.client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False,
                                                          **message)
        except SlackApiError as exc:
            self._metrics.platform_errors.labels("slack").inc()
            status = exc.response.status_code
            retryable = status == 429 or status >= 500 or exc.response.get("error") in _RETRYABLE
            raise PublishError(self._failed(key, channel, _api_error(exc), posted), retryable=retryable) from None
        except _NETWORK_ERRORS as exc:
            self._metrics.platform_errors.labels("slack").inc()
            raise PublishError(self._failed(key, channel, type(exc).__name__, posted), retryable=True) from None
        return str(response["ts"])

    @staticmethod
    def _failed(key: str, channel: str, why: str, posted: Posted) -> str:
        done = ""
        if posted.post is not None:
            done = f" after its post ({posted.post}) and {len(posted.replies)} replies in the thread"
        return f"briefing {key} could not be posted to {channel}: {why}{done}"

    # listeners

    def _tracked(self, handler: Listener) -> Listener:
        """`handler` as a bolt listener whose task `stop` waits for. Bolt passes one `args`."""

        @functools.wraps(handler)
        async def listener(args: AsyncArgs) -> None:
            task = asyncio.current_task()
            if task is not None:
                self._in_flight.add(task)
            try:
                await handler(args)
            finally:
                if task is not None:
                    self._in_flight.discard(task)
                self.handled += 1
                async with self._handled_changed:
                    self._handled_changed.notify_all()

        return listener

    async def wait_handled(self, count: int, *, timeout: float = 5.0) -> None:
        """Until `count` listener calls have finished (tests and benches wait on it, not on a sleep)."""
        async with self._handled_changed:
            await asyncio.wait_for(self._handled_changed.wait_for(lambda: self.handled >= count), timeout)

    async def _first_time(self, args: AsyncArgs) -> bool:
        """Claim the envelope's event_id; False when Slack delivers an event again."""
        event_id = args.body.get("event_id")
        if not isinstance(event_id, str):
            return True
        if await self._ledger.first_time("slack", event_id):
            return True
        retry = args.request.headers.get("x-slack-retry-num", ["?"])[0]  # Socket Mode too, since bolt 1.29
        log.info("event %s already handled; not answering its retry %s", event_id, retry)
        return False

    async def _on_mention(self, args: AsyncArgs) -> None:
        event = MessageEvent.model_validate(args.event)
        if not event.from_a_person or not await self._first_time(args):
            return
        assert event.user is not None
        text = incoming_text(event.text, bot_user_id=self.bot_user_id or args.context.bot_user_id)
        reply = await self._handle_with_files(text, event, Caller(
            platform="slack", user_id=event.user, channel=event.channel,
            # in a thread, the thread; at the top of a channel, this user there (and the thread the reply opens)
            conversation=f"slack:{event.channel}:{event.thread_ts}" if event.thread_ts else None,
            continued_by=() if event.thread_ts else (f"slack:{event.channel}:{event.ts}",),
            thread=event.thread))
        await self._post(reply, channel=event.channel, thread_ts=event.thread,
                         only_for=event.user if reply.ephemeral else None)

    async def _on_message(self, args: AsyncArgs) -> None:
        event = MessageEvent.model_validate(args.event)
        if event.channel_type != "im" or not event.from_a_person or not await self._first_time(args):
            return
        assert event.user is not None
        text = incoming_text(event.text, bot_user_id=self.bot_user_id or args.context.bot_user_id)
        conversation = f"slack:{event.channel}" + (f":{event.thread_ts}" if event.thread_ts else "")  # the DM
        reply = await self._handle_with_files(text, event, Caller(platform="slack", user_id=event.user,
                                                                  channel=event.channel, conversation=conversation,
                                                                  thread=event.thread_ts))
        await self._post(reply, channel=event.channel, thread_ts=event.thread_ts, only_for=None)

    async def _handle_with_files(self, text: str, event: MessageEvent, caller: Caller) -> Reply:
        """The command layer's reply to a message, an attached text file read as its lines after the
        first (`source add` with the article as a .txt file); a file that cannot be read is refused."""
        attached = next((f for f in event.files if is_text_file(f.name, mimetype=f.mimetype)), None)
        if attached is not None:
            try:
                text = message_with_attachment(text, await self._download(attached), name=attached.name)
            except AttachmentError as exc:
                return Reply.failed(f"{exc}; nothing was changed.")
        return await self._commands.handle(text, caller)

    async def _download(self, file: SlackFile) -> bytes:
        """A shared file's content, fetched with the bot token from Slack's file host only."""
        url = file.url
        allowed = {"files.slack.com", URL(self.client.base_url).host}
        if url is None or URL(url).host not in allowed:
            raise AttachmentError(f"{file.name or 'the attached file'} is not a Slack file I can fetch")
        headers = {"Authorization": f"Bearer {self.client.token}"}
        try:
            async with self._session.get(url, headers=headers, allow_redirects=False) as response:
                data = await response.content.read(MAX_ATTACHMENT + 1)
                ok = response.status == 200
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("could not fetch Slack file %s: %r", file.id, exc)
            ok = False
        if not ok:
            self._metrics.platform_errors.labels("slack").inc()
            raise AttachmentError(f"I could not fetch {file.name or 'the attached file'} from Slack")
        return data

    async def _on_feedback(self, args: AsyncArgs) -> None:
        """👍 / 👎 under an answer: acknowledged at once, then told to the command layer."""
        await args.ack()
        body = args.body
        action = (body.get("actions") or [{}])[0]
        user = str(body.get("user", {}).get("id", ""))
        channel = str(body.get("channel", {}).get("id", "") or body.get("container", {}).get("channel_id", ""))
        message = body.get("message") or {}
        if not user or not channel:
            return
        thread = message.get("thread_ts") or message.get("ts")
        caller = Caller(platform="slack", user_id=user, channel=channel, thread=thread)
        reply = await self._commands.feedback(str(action.get("value", "")), helpful=action.get("action_id") == FEEDBACK_UP,
                                              caller=caller, given=slack_unescape(str(message.get("text", ""))))
        await self._post(reply, channel=channel, thread_ts=thread, only_for=user if reply.ephemeral else None)

    async def _on_home_opened(self, args: AsyncArgs) -> None:
        event = AppHomeOpened.model_validate(args.event)
        if event.tab not in (None, "home") or not await self._first_time(args):
            return
        home = await self._commands.home(Caller(platform="slack", user_id=event.user))
        if home.briefing is None:
            log.warning("no Home tab for %s: %s", event.user, home.text)
            return
        try:
            await self.client.views_publish(user_id=event.user, view=home_view(home.briefing))
        except (SlackApiError, *_NETWORK_ERRORS) as exc:
            log.warning("could not publish the Home tab for %s: %s", event.user, self._failed_call(exc))

    async def _on_brief(self, args: AsyncArgs) -> None:
        await args.ack()  # at once: Slack waits 3 s; the answer follows through the response URL
        command = SlashCommand.model_validate(args.body)
        caller = Caller(platform="slack", user_id=command.user_id, channel=command.channel_id)
        words = {name.split()[0] for name in self._commands.commands}
        text = slash_command_text(incoming_text(command.text), words)
        form = bare_form(text)
        if form is not None and await self._commands.may(form.command, caller):
            await self._open_form(form, command, caller)
            return
        await self._respond(command.response_url, await self._commands.handle(text, caller))

    async def _open_form(self, form: Form, command: SlashCommand, caller: Caller) -> None:
        try:
            view = form_view(form, channel=caller.channel, choices=await self._commands.choices(form.command))
            await self.client.views_open(trigger_id=command.trigger_id, view=view)
        except (SlackApiError, *_NETWORK_ERRORS) as exc:
            log.warning("could not open the %s form for %s: %s", form.command, caller.identity, self._failed_call(exc))
            example = self._commands.commands[form.command].example
            reply = Reply.failed(f"I could not open the form; type the whole command instead, e.g. {example}")
            await self._respond(command.response_url, reply)

    async def _on_form(self, args: AsyncArgs) -> None:
        """A form's submission: the same command, its refusal on the form's fields."""
        view = args.view or {}
        form = FORMS[str(view.get("callback_id", ""))]
        caller = Caller(platform="slack", user_id=str(args.body.get("user", {}).get("id", "")), channel=read_channel(view))
        words, options = form_arguments(form, read_submission(form, view))
        reply = await self._commands.call(form.command, caller, words=words, options=options)
        if reply.error:
            await args.ack(response_action="errors", errors=form_errors(form, reply))
        else:
            await args.ack(response_action="update", view=form_done_view(form, reply.text))

    # replying

    def _failed_call(self, exc: BaseException) -> str:
        """Count a failed Web API call; what to log about it."""
        self._metrics.platform_errors.labels("slack").inc()
        return _api_error(exc) if isinstance(exc, SlackApiError) else repr(exc)

    async def _post(self, reply: Reply, *, channel: str, thread_ts: str | None, only_for: str | None) -> None:
        """Post a reply in `channel` (in `thread_ts`); ephemeral, for `only_for`, when set."""
        for message in reply_messages(reply):
            try:
                if only_for is not None:
                    await self.client.chat_postEphemeral(channel=channel, user=only_for, thread_ts=thread_ts, **message)
                else:
                    await self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False,
                                                       unfurl_media=False, **message)
            except (SlackApiError, *_NETWORK_ERRORS) as exc:
                log.warning("could not reply in %s: %s", channel, self._failed_call(exc))
                return

    async def _respond(self, response_url: str, reply: Reply) -> None:
        """Answer a slash command through its response URL, one POST per message."""
        webhook = AsyncWebhookClient(response_url, session=self._session, retry_handlers=_retry_handlers(self._metrics))
        kind = "ephemeral" if reply.ephemeral else "in_channel"
        for message in reply_messages(reply):
            try:
                sent = await webhook.send_dict({"response_type": kind, **message})
            except _NETWORK_ERRORS as exc:
                log.warning("could not answer a slash command: %s", self._failed_call(exc))
                return
            if sent.status_code != 200:
                self._metrics.platform_errors.labels("slack").inc()
                log.warning("the response URL refused an answer: HTTP %s %s", sent.status_code, sent.body[:200])
                return


