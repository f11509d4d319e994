"""Stage 6: scored facts -> Decision. Answer with the best fact (and every equally good reading of an
ambiguous question, and the facts that hold the rest of a "what two things" answer), or abstain."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefings.answering.model import Classified
from briefings.answering.score import ScoredFact

__all__ = ["DEFAULT_THRESHOLD", "Decision", "decide"]

DEFAULT_THRESHOLD = 0.55
TIE = 1e-6
RUNNER_UP = 0.92
"""A runner-up this close to the best often holds the other half of the answer."""
RUNNER_UP_MANY = 0.5
"""For "what two things ...": how close the facts holding the rest must be."""
MAX_FACTS = 3


@dataclass(slots=True)
class Decision:
    chosen: list[ScoredFact] = field(default_factory=list)
    best: float = 0.0
    nearest: list[ScoredFact] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.chosen)


def decide(scored: list[ScoredFact], classified: Classified, *, threshold: float) -> Decision:
    if not scored or scored[0].score < threshold:
        return Decision(best=scored[0].score if scored else 0.0, nearest=scored[:3])
    top = scored[0]
    chosen = [s for s in scored if s.score >= top.score - TIE and s.focus >= top.focus - TIE]
    if len(chosen) < classified.expected:
        chosen += [s for s in scored[len(chosen) : classified.expected + 2]
                   if s.score >= top.score * RUNNER_UP_MANY and s not in chosen][: classified.expected - len(chosen)]
    elif len(chosen) == 1:
        chosen += [s for s in scored[1:3] if s.score >= top.score * RUNNER_UP and s.score >= threshold
                   and s.focus >= top.focus][:1]
    return Decision(chosen=chosen[:MAX_FACTS], best=top.score)
