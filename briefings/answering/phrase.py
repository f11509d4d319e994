"""Stage 7: Decision -> Answer. One to three sentences, each a fact's statement (with its date in
front when "when" was asked and the statement does not say it), and the sources they rest on."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from briefings.answering.decide import Decision
from briefings.answering.lexicon import shortest
from briefings.answering.model import Answer, Asked, Classified, NeedKind
from briefings.models import Fact, Source

__all__ = ["MAX_ANSWER_CHARS", "NO_FACT", "cite", "phrase", "refuse"]

MAX_ANSWER_CHARS = 420
NO_FACT = "I have no fact on that."


def cite(facts: Iterable[Fact], sources: Mapping[str, Source]) -> list[str]:
    out: list[str] = []
    for fact in facts:
        src = sources.get(fact.provenance.source)
        text = src.cite() if src else fact.provenance.source
        if text not in out:
            out.append(text)
    return out


def needs_of(classified: Classified) -> list[str]:
    out = []
    for n in classified.needs:
        if n.kind is NeedKind.entity:
            out.extend(sorted(n.entity_ids))
        elif n.kind is NeedKind.time:
            out.append(f"time:{n.label}")
        else:
            out.append(min(n.lemmas, key=shortest) if n.lemmas else n.label)
    return out


def phrase(decision: Decision, classified: Classified, *, sources: Mapping[str, Source]) -> Answer:
    question = classified.linked.question.text
    sentences: list[str] = []
    kept: list[Fact] = []
    for scored in decision.chosen:
        fact = scored.item.fact
        sentence = fact.statement
        if classified.asked is Asked.when and fact.dates:
            d = fact.dates[0].day
            if f"{d:%B} {d.day}" not in sentence:
                sentence = f"{fact.dates[0].describe()}: {sentence}"
        if kept and sum(len(s) + 1 for s in sentences) + len(sentence) > MAX_ANSWER_CHARS:
            break  # an answer says what was asked, not all the bot knows
        sentences.append(sentence)
        kept.append(fact)
    return Answer(question=question, found=True, answer=" ".join(sentences), facts=[f.id for f in kept],
                  confidence=round(decision.best, 3), sources=cite(kept, sources), asked=classified.asked.value,
                  needs=needs_of(classified))


def refuse(decision: Decision, classified: Classified | None, *, question: str, hint: str) -> Answer:
    return Answer(question=question, found=False, answer=NO_FACT, confidence=round(decision.best, 3), hint=hint,
                  asked=classified.asked.value if classified else None,
                  needs=needs_of(classified) if classified else [],
                  nearest=[(s.item.id, round(s.score, 3)) for s in decision.nearest])
