"""Question answering over the fact store, with honest abstention, as a pipeline of named stages:

normalise -> link (entities, dates) -> classify (what is asked) -> retrieve and score -> decide -> phrase,
with briefing questions (status, latest, next, what changed, tell me about X) and small talk answered
from the briefing's own composition (`converse`).
"""

from briefings.answering.decide import DEFAULT_THRESHOLD
from briefings.answering.index import FactIndex
from briefings.answering.model import Answer, Asked

__all__ = ["Answer", "Asked", "DEFAULT_THRESHOLD", "FactIndex"]
