"""The composition root: the one place that builds the bot, in this order:
store -> services (`open_core`, `build_core`) -> event ledger -> command layer -> surfaces ->
scheduler -> runner (`wire`). Everything is built here, once, and passed down; nothing below
imports this module (tests/test_layers.py).

The parts of `briefbot run` are imported where they are built, so that the commands that only
need the core (`briefbot ask`, `brief`, `facts`) load neither aiohttp's server, APScheduler nor a
platform library.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from bot.core import Core
from bot.errors import UserFacingError
from briefings.admins import AdminStore
from briefings.answer import FactIndex
from briefings.conversations import ConversationStore
from briefings.deliveries import DeliveryLedger
from briefings.files import load_catalogue, load_topics
from briefings.models import CatalogueError
from briefings.records import RecordService
from briefings.service import FactService
from briefings.store import ChangeInfo, FactStore, StoreError
from briefings.subscriptions import SubscriptionStore
from briefings.unanswered import UnansweredStore
from config.settings import Settings

if TYPE_CHECKING:
    from bot.runner import Runner
    from bot.surface import Surface, SurfaceContext
    from briefings.subscriptions import Subscription

__all__ = ["Core", "build_core", "open_core", "platform_surfaces", "run_bot", "run_chat", "wire"]

log = logging.getLogger("briefbot")


async def build_core(settings: Settings, store: FactStore) -> Core:
    """Seed the curated facts into an open store on first start and build the services over it."""
    if not await store.is_seeded():
        try:
            catalogue = load_catalogue(settings.facts_dir)
        except CatalogueError as exc:
            raise _bad_facts_dir(settings, exc) from None
        if await store.seed(catalogue):
            log.info("seeded %d curated facts from %s", len(catalogue.facts), settings.facts_dir)
    await add_configured_topics(settings, store)
    revision = await store.revision()
    index = FactIndex((), sources=await store.sources(), entities=await store.entities())
    versions: dict[str, int] = {}
    async for batch in store.fact_batches(include_retired=True):  # a big store is never held whole
        index.add_facts(stored.fact for stored in batch if not stored.retired)
        versions.update((stored.fact.id, stored.version) for stored in batch)
    facts = FactService(store, index)
    facts.indexed(versions, revision=revision)
    gc.freeze()  # the index's many long-lived objects: keep them out of every later collection
    return Core(
        settings=settings,
        store=store,
        index=index,
        facts=facts,
        records=RecordService(store, index),
        admins=AdminStore(store.engine),
        subscriptions=SubscriptionStore(store.engine),
        deliveries=DeliveryLedger(store.engine),
        conversations=ConversationStore(store.engine, lifetime=timedelta(minutes=settings.context_minutes)),
        unanswered=UnansweredStore(store.engine),
    )


async def add_configured_topics(settings: Settings, store: FactStore) -> None:
    """Add the topics of `topics.yaml` the store lacks (a store seeded before topics were data);
    topics already there, changed by admins or not, are left as they are."""
    have = {r.record.id for r in await store.list_records("topic", include_retired=True)}
    change = ChangeInfo(actor="curator", platform="system", action="seed")
    try:
        topics = load_topics(settings.facts_dir)
    except CatalogueError as exc:
        raise _bad_facts_dir(settings, exc) from None
    for topic in topics.values():
        if topic.id not in have:
            await store.put_record(topic, change=change)


def _bad_facts_dir(settings: Settings, exc: CatalogueError) -> UserFacingError:
    return UserFacingError(f"BRIEFBOT_FACTS_DIR ({settings.facts_dir}): {exc}")


async def open_core(settings: Settings) -> Core:
    """Open the store (migrating it), seed it on first start, build the index and services."""
    try:
        store = await FactStore.open(settings.database_url)
    except StoreError as exc:
        raise UserFacingError(f"BRIEFBOT_DATABASE_URL: {exc}") from None
    try:
        return await build_core(settings, store)
    except BaseException:
        await store.close()
        raise


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


SurfaceFactory = Callable[["SurfaceContext"], Sequence["Surface"]]
"""Builds the surfaces over their context (`platform_surfaces`; tests pass their own)."""


def platform_surfaces(context: SurfaceContext) -> list[Surface]:
    """The platforms whose required settings are all set; the console when asked for, or (auto)
    when no platform is on and there is an input to read. Otherwise none: the bot runs headless,
    the HTTP endpoints and the scheduler only."""
    from bot.adapters.console import ConsoleSurface, stdin_has_input

    settings = context.settings
    for problem in settings.incomplete_platforms():
        log.warning(problem)
    surfaces: list[Surface] = []
    if settings.slack_enabled:
        from bot.adapters.slack import SlackSurface

        surfaces.append(SlackSurface(context))
    if settings.discord_enabled:
        from bot.adapters.discord import DiscordSurface

        surfaces.append(DiscordSurface(context))
    console = settings.console
    if console == "on" or (console == "auto" and not surfaces and stdin_has_input()):
        surfaces.append(ConsoleSurface(context.commands, user="console", admin=False, on_close=context.request_stop))
    if not surfaces:
        log.info("no platform is on and no console (BRIEFBOT_CONSOLE=off, or no input to read): running "
                 "headless, the HTTP endpoints and scheduled briefings only; set SLACK_BOT_TOKEN or "
                 "DISCORD_TOKEN to chat")
    return surfaces


def wire(
    core: Core,
    *,
    surfaces: SurfaceFactory = platform_surfaces,
    clock: Callable[[], datetime] = _utcnow,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> Runner:
    """`briefbot run` over the store and services of `core`: the event ledger, the command layer,
    the surfaces (over their narrow context), the scheduler that publishes through them, and the
    runner that runs it all. `clock` and `sleep` reach the scheduler (tests move time).

    The command layer tells the scheduler of each subscription a command changes, and the
    follow-ups go out through the surfaces: both are built before what they reach, which they find
    when called."""
    from bot.commands import CommandLayer
    from bot.follow_up import FollowUps
    from bot.runner import Runner
    from bot.scheduler import BriefingScheduler
    from bot.surface import Shutdown, SurfaceContext, surface_lookup
    from briefings.events import EventLedger

    events = EventLedger(core.store.engine)
    shutdown = Shutdown(core.settings.shutdown_timeout)
    built: list[Surface] = []
    follow_ups = FollowUps(core, surfaces=surface_lookup(built), clock=clock)
    scheduler: BriefingScheduler | None = None

    async def subscription_changed(subscription: Subscription) -> None:
        if scheduler is not None:
            await scheduler.subscription_changed(subscription)

    commands = CommandLayer(core, clock=clock, on_subscription_change=subscription_changed,
                            on_questions_answered=follow_ups.send_due)
    context = SurfaceContext(settings=core.settings, commands=commands, events=events, metrics=core.metrics,
                             time_left=shutdown.time_left, request_stop=shutdown.request_stop)
    built.extend(surfaces(context))
    scheduler = BriefingScheduler(core, surfaces=surface_lookup(built), clock=clock, sleep=sleep)
    return Runner(core, commands=commands, scheduler=scheduler, follow_ups=follow_ups, surfaces=built,
                  shutdown=shutdown)


def _stop_on_signal(runner: Runner, sig: signal.Signals) -> None:
    if sig == signal.SIGINT and sys.stderr.isatty():  # Ctrl-C at a terminal: say so at once
        print("\nbriefbot: stopping (Ctrl-C)", file=sys.stderr, flush=True)
    runner.shutdown.request_stop()


async def run_bot(settings: Settings) -> None:
    """`briefbot run`: build everything, run it until SIGTERM/SIGINT (or the console's end of input)."""
    from bot.runner import quiet_console_logs

    core = await open_core(settings)
    log.info("store: %s", core.store.engine.url.render_as_string(hide_password=True))
    try:
        runner = wire(core)
    except BaseException:
        await core.close()
        raise
    try:
        if runner.surface("console") is not None:
            quiet_console_logs(settings)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, _stop_on_signal, runner, sig)
        await runner.start()
        await runner.wait()
    finally:
        await runner.stop()


async def run_chat(core: Core, *, user: str, admin: bool) -> None:
    """`briefbot chat`: act as `console:USER` until the input ends, an admin if `admin` (--admin) or
    if configured as one. No scheduler: follow-ups to console askers are printed in the chat."""
    from bot.adapters.console import ConsoleSurface
    from bot.commands import CommandLayer
    from bot.follow_up import FollowUps
    from bot.surface import surface_lookup

    consoles: list[Surface] = []
    follow_ups = FollowUps(core, surfaces=surface_lookup(consoles))
    console = ConsoleSurface(CommandLayer(core, on_questions_answered=follow_ups.send_due), user=user, admin=admin)
    consoles.append(console)
    await console.start()
    try:
        await console.closed.wait()
    finally:
        await console.stop()
