"""Cutting text to a platform's size limits, measured after escaping. Pure.

Escaping lengthens text (``&`` becomes ``&amp;``, ``*`` becomes ``\\*``), so a limit has to be met by
the escaped text, and a cut must fall between raw characters, never inside an escape sequence.
Both helpers here cut the raw text and measure what it escapes to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["ELLIPSIS", "pack", "shorten", "split_to_fit"]

ELLIPSIS = "\u2026"
_WORD = re.compile(r"\S+\s*")


def _same(text: str) -> str:
    return text


def _longest_prefix(word: str, limit: int, escape: Callable[[str], str]) -> int:
    """The longest prefix of `word` whose escaped form fits in `limit` (at least one character)."""
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(escape(word[:mid])) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return lo


def split_to_fit(text: str, limit: int, escape: Callable[[str], str] = _same) -> list[str]:
    """`text` escaped and cut into pieces of at most `limit` characters, between words if it can."""
    if limit < 8:
        raise ValueError("limit is too small to cut text into")
    pieces: list[str] = []
    current = ""
    for word in _WORD.findall(text):
        candidate = current + word
        if len(escape(candidate.strip())) <= limit:
            current = candidate
            continue
        if current.strip():
            pieces.append(current)
        current = ""
        while len(escape(word.strip())) > limit:  # one word longer than a piece: cut inside it
            cut = _longest_prefix(word, limit, escape)
            pieces.append(word[:cut])
            word = word[cut:]
        current = word
    if current.strip():
        pieces.append(current)
    out = [escape(p.strip()) for p in pieces]
    return [p for p in out if p]


def shorten(text: str, limit: int, escape: Callable[[str], str] = _same) -> str:
    """`text` escaped, cut to at most `limit` characters with an ellipsis when it is longer."""
    whole = escape(text)
    if len(whole) <= limit:
        return whole
    return split_to_fit(text, limit - len(ELLIPSIS), escape)[0] + ELLIPSIS


def pack(lines: Iterable[str], limit: int, *, sep: str = "\n") -> list[str]:
    """Consecutive lines joined into as few chunks of at most `limit` characters as they fit in.

    Every line must fit in `limit` on its own (cut it with `split_to_fit` first).
    """
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        if len(line) > limit:
            raise ValueError(f"a line of {len(line)} characters does not fit in {limit}")
        extra = len(line) + (len(sep) if current else 0)
        if current and size + extra > limit:
            chunks.append(sep.join(current))
            current, size = [], 0
            extra = len(line)
        current.append(line)
        size += extra
    if current:
        chunks.append(sep.join(current))
    return chunks
