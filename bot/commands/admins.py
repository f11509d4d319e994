"""The `admins ...` commands, and the one question every change asks: is this caller an admin?"""

from __future__ import annotations

import logging

from bot.core import Core
from bot.commands.base import Caller, Command, CommandError, Invocation, Reply
from config.settings import IDENTITY

__all__ = ["AdminCommands", "is_admin"]

audit = logging.getLogger("briefbot.audit")

_FORM = "PLATFORM:USER_ID, e.g. slack:U0123ABC, discord:123456789012345678 or console:ana"


async def is_admin(core: Core, caller: Caller) -> bool:
    """Admins: vouched for by the platform, named in BRIEFBOT_ADMINS, or added by `admins add`."""
    return caller.admin or caller.identity in core.settings.admins or await core.admins.contains(caller.identity)


class AdminCommands:
    def __init__(self, core: Core) -> None:
        self._core = core

    def commands(self) -> list[Command]:
        return [
            Command("admins list", "admins list", "who may change facts and admins", "admins list",
                    self.list_admins),
            Command("admins add", "admins add PLATFORM:USER_ID", "let someone change facts and admins",
                    "admins add slack:U0123ABC", self.add, changes="admins", words=("PLATFORM:USER_ID",)),
            Command("admins remove", "admins remove PLATFORM:USER_ID",
                    "take that right back (admins named in BRIEFBOT_ADMINS stay: change the setting)",
                    "admins remove slack:U0123ABC", self.remove, changes="admins", words=("PLATFORM:USER_ID",)),
        ]

    async def list_admins(self, call: Invocation) -> Reply:
        lines = [f"  {a} (BRIEFBOT_ADMINS)" for a in self._core.settings.admins]
        lines += [
            f"  {r.identity} (added by {r.added_by} on {r.added_at:%Y-%m-%d})"
            for r in await self._core.admins.list_admins()
            if r.identity not in self._core.settings.admins
        ]
        if not lines:
            return Reply(text="There are no admins yet: whoever runs briefbot can name some in BRIEFBOT_ADMINS.")
        return Reply(text="\n".join([f"Admins ({len(lines)}):", *lines]))

    async def add(self, call: Invocation) -> Reply:
        identity = _identity(call.words[0])
        if identity in self._core.settings.admins:
            raise CommandError(f"{identity} is already an admin (named in BRIEFBOT_ADMINS)", usage=False)
        await self._core.admins.add(identity, added_by=call.caller.identity)
        _audit(call, "added admin", identity)
        return Reply(text=f"{identity} is now an admin.")

    async def remove(self, call: Invocation) -> Reply:
        identity = _identity(call.words[0])
        if identity in self._core.settings.admins:
            raise CommandError(
                f"{identity} is an admin through BRIEFBOT_ADMINS, which commands cannot change: "
                "remove it from that setting and restart briefbot",
                usage=False,
            )
        await self._core.admins.remove(identity)
        _audit(call, "removed admin", identity)
        return Reply(text=f"{identity} is no longer an admin.")


def _identity(text: str) -> str:
    platform, sep, user = text.partition(":")
    identity = f"{platform.lower()}{sep}{user}"
    if not IDENTITY.match(identity):
        raise CommandError(f"{text!r} is not an identity of the form {_FORM}")
    return identity


def _audit(call: Invocation, what: str, identity: str) -> None:
    c = call.caller
    audit.info("%s %s by %s via %s channel=%s", what, identity, c.identity, c.platform, c.channel)
