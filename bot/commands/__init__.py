"""The one platform-neutral command layer: parse, authorise, dispatch (see `bot.commands.layer`)."""

from bot.commands.base import Caller, Command, CommandError, Invocation, Outcome, Reply, Visibility
from bot.commands.layer import CommandLayer

__all__ = ["Caller", "Command", "CommandError", "CommandLayer", "Invocation", "Outcome", "Reply", "Visibility"]
