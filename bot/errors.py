"""The one error type whose message is meant for the person running briefbot (shown without a traceback)."""

from __future__ import annotations

__all__ = ["UserFacingError"]


class UserFacingError(Exception):
    """An error whose message is meant for the person at the terminal."""
