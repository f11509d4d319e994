"""Keeping chat input harmless: no control characters in, no live mention out, none stored in facts.

Facts are posted to channels by briefings on every platform, so a fact carrying `@everyone`,
`<!channel>` or `<@U123>` would ping people wherever it is shown. Such text is refused when a fact
is added, edited or imported, and every reply is neutralised besides, so that the bot never echoes a
live mention it was sent (a zero-width space after the `@` or `<` breaks it, on Slack and Discord).
"""

from __future__ import annotations

import re
import unicodedata

from typing import Any

from briefings.files import FactRecord
from briefings.models import Fact, Source
from briefings.store import CatalogueRecord, record_kind

__all__ = ["control_character", "mention_in", "mention_in_fact", "mention_in_record", "neutralise"]

_MENTION = re.compile(r"@(?:everyone|here|channel)\b|<[!@]", re.IGNORECASE)
_ZWSP = "\u200b"


def mention_in(text: str) -> str | None:
    """The first mention-like piece of `text` (`@everyone`, `<!channel>`, `<@U123>`), if any."""
    match = _MENTION.search(text)
    if match is None:
        return None
    if match.group().startswith("<"):
        end = text.find(">", match.start())
        return text[match.start() : end + 1] if 0 < end - match.start() <= 40 else match.group()
    return match.group()


def mention_in_fact(fact: Fact) -> str | None:
    """Why `fact` may not be stored: it carries a mention in one of its texts (None when it does not)."""
    record = FactRecord.from_fact(fact)
    texts = [("statement", record.statement), ("value", record.value), ("quote", record.quote)]
    texts += [("keywords", k) for k in record.keywords]
    texts += [("dates", d.wording) for d in record.dates]
    for name, text in texts:
        found = mention_in(text or "")
        if found:
            return (
                f"fact {fact.id}: its {name} contains the mention {neutralise(found)}, which would notify "
                "people wherever the fact is shown; write the name out instead"
            )
    return None


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return []


def mention_in_record(record: CatalogueRecord) -> str | None:
    """Why an entity, source or topic may not be stored: one of its texts carries a mention."""
    data = record.model_dump(mode="json")
    if isinstance(record, Source):
        data["text"] = record.text
    for name, value in data.items():
        for text in _texts(value):
            found = mention_in(text)
            if found:
                return (
                    f"{record_kind(record)} {record.id}: its {name} contains the mention {neutralise(found)}, which "
                    "would notify people wherever it is shown; write the name out instead"
                )
    return None


def neutralise(text: str) -> str:
    """`text` with every mention broken, so that no platform turns it into a notification."""
    return _MENTION.sub(lambda m: m.group()[0] + _ZWSP + m.group()[1:], text)


def control_character(text: str) -> str | None:
    """The first control character in `text` (other than newline, tab, carriage return), as U+XXXX."""
    for ch in text:
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r":
            return f"U+{ord(ch):04X}"
    return None
