"""Typed values in chat commands (`version=N`, `date=YYYY-MM-DD`), read into one sentence on error."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from pydantic import ValidationError

from bot.commands.base import CommandError
from briefings.files import describe_error

__all__ = ["invalid_values", "parse_day", "parse_version"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_version(value: str | None) -> int | None:
    """`version=N` as a number, or None when not given."""
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise CommandError(f"version must be a whole number of 1 or more (as `show` gives it), not {value!r}",
                           field="version")
    return int(value)


def parse_day(text: str, *, key: str = "date") -> date:
    """A day written YYYY-MM-DD, or a sentence saying what is wrong with it."""
    if not _DAY.match(text):
        raise CommandError(f"{key} {text!r} is not written YYYY-MM-DD, e.g. {key}=2018-06-12", field=key)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{key} {text} is not a real day (check the month and the day of the month)",
                           field=key) from None


def invalid_values(exc: ValidationError, *, where: str, keys: Mapping[str, str] | None = None) -> CommandError:
    """A model's refusal of a command's values, as one sentence on the key its first error is about
    (`keys` renames the model's fields to the command's keys, e.g. dates -> date)."""
    errors = exc.errors()
    loc = errors[0]["loc"] if errors else ()
    name = str(loc[0]) if loc else None
    return CommandError(describe_error(exc, where=where), field=(keys or {}).get(name or "", name))
