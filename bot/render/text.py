"""Plain-text rendering for the console and the command line. Pure functions."""

from __future__ import annotations

from briefings.answer import Answer

__all__ = ["render_answer"]


def render_answer(answer: Answer) -> str:
    """An answer with its source, or the honest 'no fact' with a hint of what the bot knows."""
    if not answer.found:
        return f"{answer.answer} {answer.hint}" if answer.hint else answer.answer
    source = "; ".join(answer.sources)
    return f"{answer.answer}\n(Source: {source})" if source else answer.answer
