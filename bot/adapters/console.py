"""The console adapter: stdin lines in, replies out. Scriptable when stdin is not a terminal."""

from __future__ import annotations

import asyncio
import sys

from bot.app import Core
from bot.commands import Caller, CommandLayer

__all__ = ["run_console"]


async def run_console(core: Core, *, user: str, admin: bool) -> None:
    """Act as `console:USER`: an admin if `admin` (--admin) or if configured as one."""
    caller = Caller(platform="console", user_id=user, admin=admin)
    commands = CommandLayer(core)
    interactive = sys.stdin.isatty()
    if interactive:
        print("briefbot console: ask a question about the 2018 U.S.-North Korea summit talks, or type `help`. Ctrl-D quits.")
    loop = asyncio.get_running_loop()
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        if not line.strip():
            continue
        reply = await commands.handle(line, caller)
        print(reply.text, flush=True)
