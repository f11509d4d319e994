"""The command grammar, for people typing in chat: words, "quoted strings" and key=value pairs.

    fact add heron statement="The mascot is a heron." topic=summit
    -> words ["heron"], options {"statement": "The mascot is a heron.", "topic": "summit"}

Double quotes may be straight or typographic (chat clients turn "..." into “...”); inside straight
quotes, \\" is a quote and \\\\ a backslash. `key=` alone gives the empty string (used to clear a field).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Arguments", "ParseError", "parse_arguments", "unfence"]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)=")
_CLOSERS = {'"': ('"', ""), "\u201c": ("\u201d", "\u201c\""), "\u201d": ("\u201d", "\""), "\u201e": ("\u201c\u201d", "\"")}
"""Each opening double quote, the quotes that close it, and those that do when none of them comes
(a client that made only one of the pair typographic)."""


class ParseError(ValueError):
    """A message the grammar cannot read; the text says why, for the user."""


@dataclass(frozen=True, slots=True)
class Arguments:
    words: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    """Keys lowercased, in the order given."""


def parse_arguments(text: str) -> Arguments:
    """Split a command's arguments into positional words and key=value options."""
    args = Arguments()
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        key = _KEY.match(text, i)
        if key:
            value, i = _value(text, key.end())
            name = key.group(1).lower()
            if name in args.options:
                raise ParseError(f"`{name}=` is given twice")
            args.options[name] = value
        else:
            value, i = _value(text, i)
            args.words.append(value)
    return args


def _value(text: str, i: int) -> tuple[str, int]:
    """The value starting at `i` (quoted or bare) and the index just after it."""
    n = len(text)
    if i >= n or text[i].isspace():
        return "", i
    opener = text[i]
    if opener not in _CLOSERS:
        end = i
        while end < n and not text[end].isspace():
            end += 1
        return text[i:end], end
    primary, fallback = _CLOSERS[opener]
    for closers in (primary, fallback):
        found = _quoted(text, i, opener=opener, closers=closers)
        if found is not None:
            return found
    raise ParseError(f"a quote is never closed: {_excerpt(text[i:])}")


def _quoted(text: str, i: int, *, opener: str, closers: str) -> tuple[str, int] | None:
    """The quoted value opened at `i` if one of `closers` ends it, with the index after it."""
    out: list[str] = []
    j, n = i + 1, len(text)
    while j < n:
        ch = text[j]
        if opener == '"' and ch == "\\" and j + 1 < n and text[j + 1] in '"\\':
            out.append(text[j + 1])
            j += 2
            continue
        if ch in closers:
            if j + 1 < n and not text[j + 1].isspace():
                raise ParseError(f"put a space after the closing quote of {_excerpt(text[i : j + 1])}")
            return "".join(out), j + 1
        out.append(ch)
        j += 1
    return None


def _excerpt(text: str, *, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


_FENCE = "```"


def unfence(text: str) -> str:
    """`text` without the ``` fences around it (as Slack, Discord and the console paste a block)."""
    stripped = text.strip()
    if stripped.startswith(_FENCE) and stripped.endswith(_FENCE) and len(stripped) >= 2 * len(_FENCE):
        inner = stripped[len(_FENCE) : -len(_FENCE)]
        first, newline, rest = inner.partition("\n")
        if newline and first.strip().isalpha():  # ```yaml: a language tag on the opening line
            inner = rest
        return inner.strip("\n")
    return text
