"""`briefbot run`: the long-running bot. Runs the HTTP server, the surfaces and the briefing
scheduler the composition root (`bot.app`) built, on one event loop, until stopping is asked for
(SIGTERM/SIGINT, or, for the console, the end of input)."""

from __future__ import annotations

import asyncio
import logging
import sys
from contextlib import suppress
from datetime import timedelta

from aiohttp import web

from bot.commands import CommandLayer
from bot.core import Core
from bot.errors import UserFacingError
from bot.follow_up import FollowUps
from bot.scheduler import BriefingScheduler
from bot.surface import Shutdown, Surface, surface_lookup
from config.settings import Settings

__all__ = ["Runner", "quiet_console_logs"]

log = logging.getLogger("briefbot.run")


_PRUNE_EVERY = timedelta(hours=6)


class Runner:
    """Runs what the composition root (`bot.app.wire`) built: the HTTP server, the surfaces, the
    scheduler (which publishes the daily briefings through the surfaces) and the background work
    (the facts refresh, the pruning of old unanswered questions), until asked to stop."""

    def __init__(
        self,
        core: Core,
        *,
        commands: CommandLayer,
        scheduler: BriefingScheduler,
        follow_ups: FollowUps,
        surfaces: list[Surface],
        shutdown: Shutdown,
    ) -> None:
        self.core = core
        self.commands = commands
        self.scheduler = scheduler
        """Started after the surfaces (it publishes through them), stopped before them."""
        self.follow_ups = follow_ups
        """Tells askers when their question is answered, through these surfaces."""
        self.surfaces = surfaces
        self.shutdown = shutdown
        self.http = web.Application()
        self.http.router.add_get("/healthz", self._healthz)
        self.http.router.add_get("/readyz", self._readyz)
        self.http.router.add_get("/metrics", self._metrics)
        for surface in surfaces:
            self.http.router.add_routes(getattr(surface, "routes", ()))  # a publisher alone (a bench's) serves none
        self.port: int | None = None
        """The HTTP port actually bound (BRIEFBOT_HTTP_PORT=0 picks one)."""
        self._site_runner: web.AppRunner | None = None
        self._refresher: asyncio.Task[None] | None = None
        self._pruner: asyncio.Task[None] | None = None

    @property
    def stopping(self) -> asyncio.Event:
        return self.shutdown.stopping

    @property
    def console(self) -> Surface | None:
        return self.surface("console")

    @property
    def settings(self) -> Settings:
        return self.core.settings

    async def _start_http(self) -> None:
        self._site_runner = web.AppRunner(self.http, access_log=None)
        await self._site_runner.setup()
        site = web.TCPSite(self._site_runner, self.settings.http_host, self.settings.http_port, backlog=1024)
        try:
            await site.start()
        except OSError:
            await self._site_runner.cleanup()
            self._site_runner = None
            raise
        sockets = site._server.sockets if site._server else []  # noqa: SLF001 - aiohttp exposes no port
        self.port = sockets[0].getsockname()[1] if sockets else self.settings.http_port
        log.info("HTTP server on %s:%s", self.settings.http_host, self.port)

    def surface(self, platform: str) -> Surface | None:
        return surface_lookup(self.surfaces)(platform)

    async def _healthz(self, request: web.Request) -> web.Response:
        """Liveness: the process is up and its loop answers."""
        return web.json_response({"status": "ok"})

    async def _readyz(self, request: web.Request) -> web.Response:
        """Readiness: the database answers and every configured platform is connected."""
        checks: dict[str, bool] = {"database": await self._database_answers()}
        for surface in self.surfaces:
            checks[surface.platform] = bool(getattr(surface, "connected", True))
        ready = all(checks.values()) and not self.stopping.is_set()
        return web.json_response({"status": "ready" if ready else "not ready", "checks": checks},
                                 status=200 if ready else 503)

    async def _database_answers(self) -> bool:
        try:
            async with asyncio.timeout(3):
                return await self.core.store.ping()
        except Exception:  # any failure means "not ready"; the reason is logged, not served
            log.warning("readiness: the database did not answer", exc_info=True)
            return False

    async def _metrics(self, request: web.Request) -> web.Response:
        from bot.metrics import CONTENT_TYPE_LATEST

        return web.Response(body=self.core.metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def start(self) -> None:
        try:
            await self._start_http()
        except OSError as exc:
            where = f"{self.settings.http_host}:{self.settings.http_port}"
            if self.surfaces and all(s.platform == "console" for s in self.surfaces):  # it needs no HTTP: go on
                log.warning("HTTP server not started (%s: %s); set BRIEFBOT_HTTP_PORT for /healthz", where, exc.strerror)
            else:
                raise UserFacingError(f"cannot listen on {where} ({exc.strerror}): set BRIEFBOT_HTTP_HOST/PORT") from None
        for surface in self.surfaces:
            await surface.start()
            log.info("%s surface started", surface.platform)
        await self.scheduler.start()
        await self._send_follow_ups()
        self._refresher = asyncio.create_task(self._refresh_facts(), name="facts-refresh")
        self._pruner = asyncio.create_task(self._prune_unanswered(), name="unanswered-prune")

    async def _prune_unanswered(self) -> None:
        """BRIEFBOT_UNANSWERED_DAYS: closed and dismissed groups older than that go, at start and
        every few hours after."""
        while not self.stopping.is_set():
            try:
                pruned = await self.core.unanswered.prune(older_than=timedelta(days=self.settings.unanswered_days))
            except Exception:
                log.warning("could not prune the old unanswered questions", exc_info=True)
            else:
                if pruned:
                    log.info("pruned %d closed or dismissed unanswered question groups", pruned)
            try:
                async with asyncio.timeout(_PRUNE_EVERY.total_seconds()):
                    await self.stopping.wait()
            except TimeoutError:
                pass

    async def _send_follow_ups(self) -> None:
        """Follow-ups left by a process that stopped before sending them, or by one without this
        process's platforms; the ledger keeps each to one send."""
        try:
            sent = await self.follow_ups.send_due()
        except Exception:
            log.warning("could not send the follow-ups due", exc_info=True)
        else:
            if sent:
                log.info("sent %d follow-ups due since before this start", sent)

    async def _refresh_facts(self) -> None:
        """Follow fact changes made on other replicas, so every replica answers from the same facts."""
        period = self.settings.facts_refresh.total_seconds()
        while not self.stopping.is_set():
            try:
                async with asyncio.timeout(period):
                    await self.stopping.wait()
            except TimeoutError:
                pass
            else:
                return
            try:
                changed = await self.core.facts.refresh()
            except Exception:  # a database hiccup: try again next period
                log.warning("could not refresh the facts from the database", exc_info=True)
            else:
                if changed:
                    log.info("refreshed the index with %d changed fact versions", changed)

    async def wait(self) -> None:
        """Until stopping is asked for (a signal, the console's end of input, a surface that lost
        its platform for good)."""
        await self.stopping.wait()

    def time_left(self) -> float:
        """Seconds left of BRIEFBOT_SHUTDOWN_TIMEOUT once stopping began (`Shutdown.time_left`)."""
        return self.shutdown.time_left()

    async def stop(self) -> None:
        """Stop taking new events, let answers and deliveries in flight finish (within
        BRIEFBOT_SHUTDOWN_TIMEOUT), then close the platforms, the HTTP server and the database."""
        self.shutdown.begin()
        log.info("stopping: not ready, taking no new messages; answers and deliveries in flight have %g s to finish",
                 self.settings.shutdown_timeout.total_seconds())
        for task in (self._refresher, self._pruner):
            if task is not None:
                await asyncio.wait([task])
        drained = await self.commands.drain(timeout=self.time_left())
        if not drained:
            log.warning("shutting down with answers still in flight after %s", self.settings.shutdown_timeout)
        try:
            await self.scheduler.stop(timeout=self.time_left())
        except Exception:
            log.exception("the scheduler did not stop cleanly")
        for surface in reversed(self.surfaces):
            with suppress(Exception):
                await surface.stop()
        if self._site_runner is not None:
            await self._site_runner.cleanup()
        await self.core.close()


def quiet_console_logs(settings: Settings) -> None:
    """On a terminal shared with the console chat, only warnings interleave with the conversation
    (unless BRIEFBOT_LOG_LEVEL=DEBUG asks for everything)."""
    if sys.stderr.isatty() and sys.stdin.isatty() and settings.log_level != "DEBUG":
        logging.getLogger().setLevel(logging.WARNING)
