"""A text file attached to a chat message (Slack `files`, Discord attachments) read as the message's
lines after the first: `source add ID title=... date=...` with the article attached as a .txt file,
or `fact import` with the YAML attached. Pure; each adapter downloads the bytes its own way."""

from __future__ import annotations

__all__ = ["MAX_ATTACHMENT", "AttachmentError", "is_text_file", "message_with_attachment"]

MAX_ATTACHMENT = 190_000
"""Largest attached text read, in bytes (it must fit in one message the command layer reads)."""
_SUFFIXES = (".txt", ".text", ".yaml", ".yml", ".md")


class AttachmentError(Exception):
    """An attached text file that cannot be read; the message is one sentence for the user."""


def is_text_file(name: str | None, *, mimetype: str | None = None) -> bool:
    """Whether an attachment is text the bot reads (by its name, or its type when it has no name)."""
    if name and name.lower().endswith(_SUFFIXES):
        return True
    return bool(not name and mimetype and mimetype.startswith("text/plain"))


def message_with_attachment(text: str, data: bytes, *, name: str | None) -> str:
    """The message with the file's text as its lines after the first (see the module docstring)."""
    label = name or "the attached file"
    if len(data) > MAX_ATTACHMENT:
        raise AttachmentError(f"{label} is too long ({len(data):,} bytes; at most {MAX_ATTACHMENT:,})")
    try:
        attached = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AttachmentError(f"{label} is not UTF-8 text: save it as UTF-8 and attach it again") from None
    if not attached.strip():
        raise AttachmentError(f"{label} is empty")
    return text.rstrip("\n") + "\n" + attached
